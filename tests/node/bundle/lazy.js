// A dynamic import of a fixed path: bundled, and run only when first asked for.
globalThis.lazyResult = import('./side-effect.js').then(() => globalThis.sideEffects);
