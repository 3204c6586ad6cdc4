// An exported let changed after it was imported: the importer sees the new value.
import { changing, change } from './let.js';

const before = changing;
change();
globalThis.liveResult = [before, changing];
