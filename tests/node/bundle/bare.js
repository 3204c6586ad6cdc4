// A bare import (a package name): the build takes nothing from node_modules.
import { version } from 'esbuild';

globalThis.bareResult = version;
