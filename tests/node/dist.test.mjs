// The single-file build's own parts: the LZMA decoder against xz, and the bundler (esbuild with the
// build's entry and payload) on every import/export form the sources use (tests/node/bundle/), and
// its refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { root, evaluate, analyse, describe, version, debriefs, RankAcceptability } from './engine.mjs';
import { lzmaDecode, fromBase64 } from '../../www/src/engine/lzma.js';
import { BUILDS, build, bundle, BuildError, shortNames, STYLESHEETS, stylesheetText } from '../../scripts/build-dist.mjs';

const xz = (input, options) => execFileSync('xz', ['--format=lzma', ...options, '--stdout'], { input, maxBuffer: 1 << 26 });

test('the LZMA decoder gives back exactly what xz compressed, for every kind of input and setting', () => {
  const wasm = readFileSync(join(root, 'pkg/bidscore_bg.wasm'));
  const inputs = {
    empty: Buffer.alloc(0),
    'one byte': Buffer.from('a'),
    'random bytes (no matches)': randomBytes(40000),
    'long repeats (long matches, rep distances)': Buffer.from('bid-scorer '.repeat(3000) + 'x'.repeat(5000)),
    'the engine': wasm,
  };
  // Settings cover other literal context/position bits and a tiny dictionary (long distances).
  const settings = [['-9e'], ['--lzma1=preset=1,lc=0,lp=2,pb=0'], ['--lzma1=preset=6,lc=4,lp=0,pb=4,dict=4KiB']];
  for (const [name, input] of Object.entries(inputs)) {
    for (const options of settings) {
      const out = lzmaDecode(new Uint8Array(xz(input, options)), input.length);
      assert.ok(Buffer.from(out).equals(input), `${name} with ${options.join(' ')}`);
    }
  }
});

test('truncated or mis-sized LZMA data is an LzmaError; a flipped byte is mostly caught, never passed off as the original', () => {
  const input = Buffer.from(readFileSync(join(root, 'www/src/element/bid-scorer-element.js')));
  const packed = new Uint8Array(xz(input, ['-6']));
  const truncated = packed.slice(0, packed.length >> 1);
  assert.throws(() => lzmaDecode(truncated, input.length), { name: 'LzmaError' });
  assert.throws(() => lzmaDecode(packed.slice(0, 10), input.length), { name: 'LzmaError' });
  assert.throws(() => lzmaDecode(packed, input.length + 1), { name: 'LzmaError' });
  assert.throws(() => lzmaDecode(packed, input.length - 1), { name: 'LzmaError' });
  // A header that gives the size must give this one.
  const sized = packed.slice();
  new DataView(sized.buffer).setBigUint64(5, BigInt(input.length + 1), true);
  assert.throws(() => lzmaDecode(sized, input.length), { name: 'LzmaError' });
  new DataView(sized.buffer).setBigUint64(5, BigInt(input.length), true);
  assert.ok(Buffer.from(lzmaDecode(sized, input.length)).equals(input));
  for (const size of [undefined, -1, 2 ** 31]) {
    assert.throws(() => lzmaDecode(packed, size), { name: 'LzmaError', message: /\(-1\)$/ });
  }
  // The bytes are the caller's own, not a view of the decoder's memory.
  assert.equal(lzmaDecode(packed, input.length).buffer.byteLength, input.length);
  let failures = 0;
  for (const at of [20, 100, 1000, packed.length - 8]) {
    const bad = packed.slice();
    bad[at] ^= 0x55;
    try {
      const out = lzmaDecode(bad, input.length);
      assert.ok(!Buffer.from(out).equals(input) || at === packed.length - 8, 'a flipped byte changed nothing');
    } catch (error) {
      assert.equal(error.name, 'LzmaError');
      failures += 1;
    }
  }
  assert.ok(failures >= 2, 'most flipped bytes are caught as corrupt data');
});

test('base64 decodes to the same bytes as Node', () => {
  const bytes = randomBytes(1000);
  assert.ok(Buffer.from(fromBase64(bytes.toString('base64'))).equals(bytes));
});

test('the bundler runs modules once, in order, with every import and export form it accepts', async () => {
  const { text } = await bundle('tests/node/bundle/entry.js', { payloadValue: '40 + 2' });
  const ctx = { customElements: { get: () => undefined }, window: {}, document: {} };
  ctx.globalThis = ctx;
  vm.runInNewContext(text, ctx);
  assert.deepEqual(JSON.parse(JSON.stringify(ctx.bundleResult)), {
    greet: 'hello x',
    double: 42,
    count: 2,
    nsKeys: ['bump', 'count', 'default', 'pattern', 'ratio', 'template', 'twice'],
    thing: 'thing',
    moreDefault: true,
    fromMore: 'from more',
    renamed: 'renamed',
    reexported: 4,
    payloadValue: 42,
    sideEffects: 1,
    regex: true,
    template: 'line one // not a comment\n  nested 10 } {\n    indented line',
    division: 2.5,
  });
  // Loaded a second time (the script twice on a page), it does nothing.
  ctx.bundleResult = null;
  vm.runInNewContext(text, ctx);
  assert.equal(ctx.bundleResult, null);
  assert.equal(ctx.sideEffects, 1);
});

test('the engine with short import and export names works through the bundled glue as the built one does', async () => {
  const built = readFileSync(join(root, 'pkg/bidscore_bg.wasm'));
  const { wasm, ...names } = shortNames(built);
  const before = new WebAssembly.Module(built);
  const after = new WebAssembly.Module(wasm);
  // Only the names differ, and all of them are short.
  assert.ok(wasm.length < built.length);
  const kinds = (list) => list.map((e) => e.kind);
  assert.deepEqual(kinds(WebAssembly.Module.imports(after)), kinds(WebAssembly.Module.imports(before)));
  assert.deepEqual(kinds(WebAssembly.Module.exports(after)), kinds(WebAssembly.Module.exports(before)));
  assert.ok([...WebAssembly.Module.imports(after), ...WebAssembly.Module.exports(after)].every((e) => e.name.length <= 2));
  assert.ok(WebAssembly.Module.imports(after).every((e) => e.module === 'a'));
  assert.equal(Buffer.from(wasm.subarray(-1000)).compare(built.subarray(-1000)), 0, 'the code is as built');

  let bundled;
  const run = async (engineNames) => {
    const payload = { wasm: JSON.stringify(wasm.toString('base64')) };
    const { text } = await bundle('tests/node/bundle/short-names.js', payload, { engineNames });
    bundled = text;
    const ctx = { customElements: { get: () => undefined }, window: {}, document: {}, TextDecoder, TextEncoder, atob, console };
    ctx.globalThis = ctx;
    vm.runInNewContext(text, ctx);
    return ctx.engine;
  };
  // The glue as wasm-bindgen wrote it cannot instantiate the renamed engine.
  await assert.rejects(run(null));
  const engine = await run(names);
  // The glue as bundled keeps only the way the bundle starts the engine: no fetch of the .wasm
  // next to the module, and no warning about arguments it is never given.
  assert.doesNotMatch(bundled, /\bfetch\(|import\.meta|deprecated/);
  const example = readFileSync(join(root, 'www/examples/council-wellbeing.json'), 'utf8');
  const tender = JSON.parse(example);
  assert.equal(JSON.stringify(engine.evaluate(tender)), JSON.stringify(evaluate(example)));
  assert.equal(JSON.stringify(engine.describe(tender)), JSON.stringify(describe(example)));
  const options = { samples: 20, seed: 1 };
  assert.equal(JSON.stringify(engine.analyse(tender, options)), JSON.stringify(analyse(example, options)));
  const ranks = new engine.RankAcceptability(tender, { samples: 30, seed: 2 });
  while (ranks.step(7) < ranks.total);
  const direct = new RankAcceptability(example, { samples: 30, seed: 2 });
  direct.step(30);
  assert.deepEqual(JSON.parse(JSON.stringify(ranks.result())), JSON.parse(JSON.stringify(direct.result())));
  ranks.free();
  direct.free();
  // The engine's own errors cross the boundary as before (imports for errors and strings).
  const error = (() => {
    try {
      engine.evaluate({ ...tender, bids: 'no' });
    } catch (e) {
      return e;
    }
  })();
  assert.equal(error?.name, 'BidScoreError');
  assert.equal(engine.version(), version());
});

/** The English and Welsh catalogues as JSON, packed as the build packs them, and their keys. */
async function packedCatalogues() {
  const { catalogue } = await import('../../www/src/text/messages.js');
  await import('../../www/src/text/cymraeg.js');
  const catalogues = { 'en-GB': catalogue('en-GB'), cy: catalogue('cy') };
  const json = JSON.stringify(catalogues);
  const payload = {
    packed: JSON.stringify(xz(Buffer.from(json), ['-9e']).toString('base64')),
    catalogueSize: String(Buffer.byteLength(json)),
    stylesheetSizes: '[]',
    wasmSize: '0',
  };
  const keys = Object.fromEntries(Object.entries(catalogues).map(([lang, cat]) => [lang, Object.keys(cat)]));
  return { catalogues, json, payload, keys };
}

test('the catalogues packed ahead of the engine read back as the same objects, key for key and in order', async () => {
  const { catalogues, json, payload, keys } = await packedCatalogues();
  const { text } = await bundle('tests/node/bundle/catalogue.js', payload, { catalogueKeys: keys });
  assert.doesNotMatch(text, /Loading the scoring engine/, 'the English catalogue is packed, not in the code');
  assert.ok(!text.includes(catalogues.cy.ui.loading), 'the Welsh catalogue is packed, not in the code');
  const ctx = { customElements: { get: () => undefined }, window: {}, document: {}, TextDecoder, atob };
  ctx.globalThis = ctx;
  vm.runInNewContext(text, ctx);
  assert.deepEqual([...ctx.catalogueResult.keysBeforeUse], keys['en-GB']);
  assert.deepEqual([...ctx.catalogueResult.welshKeysBeforeUse], keys.cy);
  assert.deepEqual([...ctx.catalogueResult.languages], ['en-GB', 'cy']);
  assert.equal(ctx.catalogueResult.json, json);
  assert.equal(ctx.catalogueResult.text, 'Say “this”');
});

test('the stylesheets packed after the catalogues are the sources’ CSS, read from the payload, not the code', async () => {
  const { catalogue } = await import('../../www/src/text/messages.js');
  const json = JSON.stringify({ 'en-GB': catalogue('en-GB') });
  const sheets = STYLESHEETS.map((sheet) => stylesheetText(readFileSync(join(root, sheet.file), 'utf8'), sheet).css);
  const [widget, summary] = sheets;
  assert.match(widget, /^:host\{--_text:var\(--bid-scorer-text,#0b0c0c\);/);
  assert.match(summary, /^@page\{size:A4;/);
  const payload = {
    packed: JSON.stringify(xz(Buffer.from(json + sheets.join('')), ['-9e']).toString('base64')),
    catalogueSize: String(Buffer.byteLength(json)),
    stylesheetSizes: JSON.stringify(sheets.map((s) => Buffer.byteLength(s))),
    wasmSize: '0',
  };
  const options = { catalogueKeys: { 'en-GB': Object.keys(catalogue('en-GB')) } };
  const run = async (stylesheets) => {
    const { text } = await bundle('tests/node/bundle/stylesheets.js', payload, { ...options, stylesheets });
    const ctx = { customElements: { get: () => undefined }, window: {}, document: {}, TextDecoder, atob, Intl };
    ctx.CSSStyleSheet = class {
      replaceSync(css) {
        this.text = css;
      }
    };
    ctx.globalThis = ctx;
    vm.runInNewContext(text, ctx);
    return { text, result: ctx.stylesheetResult };
  };
  const debrief = debriefs(readFileSync(join(root, 'www/examples/council-wellbeing.json'), 'utf8'))[0];
  const packed = await run(true);
  for (const sheet of sheets) assert.ok(!packed.text.includes(sheet.slice(0, 200)), 'the CSS is not in the code');
  assert.equal(packed.result.widget(), widget);
  assert.equal(packed.result.summary(debrief), summary);
  // Bundled without the payload (as the tests' bundles are), the same CSS is in the code.
  const inline = await run(false);
  for (const sheet of sheets) assert.ok(inline.text.includes(sheet), 'the CSS is in the code');
  assert.equal(inline.result.widget(), widget);
  assert.equal(inline.result.summary(debrief), summary);
});

test('a build without Welsh refuses the Welsh catalogue rather than bundle it as code', async () => {
  const { payload, keys } = await packedCatalogues();
  await assert.rejects(
    bundle('tests/node/bundle/catalogue.js', payload, { catalogueKeys: { 'en-GB': keys['en-GB'] } }),
    (e) => e instanceof BuildError && /cymraeg\.js: the cy catalogue is not in this build's languages/.test(e.message),
  );
});

test('a dynamic import of a fixed path is bundled and runs on first use', async () => {
  const { text } = await bundle('tests/node/bundle/lazy.js', {}, { minify: false });
  assert.match(text, /side-effect\.js/);
  const ctx = { customElements: { get: () => undefined }, window: {}, document: {} };
  ctx.globalThis = ctx;
  vm.runInNewContext(text, ctx);
  // The imported module has not run yet; awaiting the import runs it, once.
  assert.equal(ctx.sideEffects, undefined);
  assert.equal(await ctx.lazyResult, 1);
});

test('a started bundle has the page modules in one scope, starts once a page, and runs the worker side only in a worker', async () => {
  const options = { workerEntry: 'tests/node/bundle/worker-side.js', started: true, inlineImports: true, minify: false };
  const { text } = await bundle('tests/node/bundle/started.js', {}, options);
  // Only the worker side is wrapped to run on first use; the page's modules, the one imported
  // dynamically too, are declared in the bundle's own scope.
  assert.match(text, /\binit_worker_side = __esm\(/);
  assert.doesNotMatch(text, /\binit_(started|lib|started_lazy)\b/);
  const page = { customElements: { get: () => undefined }, window: {}, document: {} };
  page.globalThis = page;
  vm.runInNewContext(text, page);
  vm.runInNewContext(text, page); // the script loaded twice
  assert.equal(page.startedCount, 1);
  assert.equal(await page.startedResult, 'hello lazily');
  assert.equal(page.workerRuns, undefined);
  const worker = { importScripts() {} };
  worker.globalThis = worker;
  vm.runInNewContext(text, worker);
  assert.equal(worker.workerRuns, 1);
  assert.equal(worker.startedCount, undefined);
});

test('the built files, started as the analysis worker, serve it without decoding their payload', async () => {
  for (const spec of BUILDS) {
    const { text } = await build(spec);
    // The page's modules are evaluated there too: adding the Welsh catalogue reads its `lang`,
    // which must not unpack the catalogues (and the engine after them) in every worker.
    const decoded = [];
    const ctx = { importScripts() {}, postMessage() {}, TextEncoder, atob, console };
    ctx.TextDecoder = class extends TextDecoder {
      decode(bytes) {
        if (bytes?.length) decoded.push(bytes.length);
        return super.decode(bytes);
      }
    };
    const listening = [];
    ctx.addEventListener = (type) => listening.push(type);
    ctx.self = ctx;
    ctx.globalThis = ctx;
    vm.runInNewContext(text, ctx);
    assert.deepEqual(listening, ['message'], spec.out);
    assert.deepEqual(decoded, [], spec.out);
  }
});

test('an exported let is read live, as ES modules read it', async () => {
  const { text } = await bundle('tests/node/bundle/live.js');
  const ctx = { customElements: { get: () => undefined }, window: {}, document: {} };
  ctx.globalThis = ctx;
  vm.runInNewContext(text, ctx);
  assert.deepEqual([...ctx.liveResult], [1, 2]);
});

test('the bundler refuses what it cannot bundle faithfully, saying where', async () => {
  const refuses = (entry, pattern) =>
    assert.rejects(bundle(entry), (e) => e instanceof BuildError && pattern.test(e.message), entry);
  await refuses('tests/node/bundle/cycle-a.js', /import cycle: .*cycle-a\.js → .*cycle-b\.js → .*cycle-a\.js/);
  await refuses('tests/node/bundle/dynamic.js', /dynamic\.js:2: .*import/);
  await refuses('tests/node/bundle/bare.js', /only relative imports can be bundled, not 'esbuild'/);
});

test('no import cycle among the widget modules (every file in www/src, not only those the build reaches)', async () => {
  const { readdirSync } = await import('node:fs');
  const esbuild = await import('esbuild');
  const { importCycles } = await import('../../scripts/build-dist.mjs');
  const entryPoints = readdirSync(join(root, 'www/src'), { recursive: true })
    .filter((f) => f.endsWith('.js') && !['bundle.js', 'bundle-cy.js'].map((e) => join('element', e)).includes(f))
    .map((f) => join('www/src', f));
  const { metafile } = await esbuild.build({
    entryPoints,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
  });
  const modules = Object.keys(metafile.inputs).filter((p) => p.startsWith('www/src/'));
  assert.equal(modules.length, entryPoints.length, 'every module is in the graph');
  assert.deepEqual(importCycles(metafile), []);
  // The check itself finds a cycle when there is one.
  assert.deepEqual(importCycles({ inputs: { a: { imports: [{ path: 'b' }] }, b: { imports: [{ path: 'a' }] } } }), [
    ['a', 'b', 'a'],
  ]);
});
