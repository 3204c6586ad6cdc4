#!/usr/bin/env node
// Builds dist/bid-scorer.js, and dist/bid-scorer-cy.js (the same with Welsh text too): the whole
// widget as ONE classic script (not an ES module, which a page opened from disk cannot load),
// holding the element, its styles and the engine's WebAssembly, so that
//     <script src="bid-scorer.js"></script>  <bid-scorer> … inline tender … </bid-scorer>
// is the whole embed, over http(s) or from a saved page on file://, with no fetch at all.
//
// How: esbuild (pinned in package.json) bundles the ES modules in www/src/ and pkg/ into one
// immediately invoked function and minifies it; terser (pinned too) minifies that again. The
// build's own entry (see entryText) chooses what runs: on a page, www/src/element/bundle.js's
// start() (the element), once, however often the script is loaded; started as the analysis worker
// from a Blob URL of its own text, www/src/analysis/worker.js, which is given the compiled engine by
// message, so no worker file is ever requested from the page's folder. The worker side is loaded
// with require(), which esbuild turns into a call that runs that module and its imports on first
// use, so the page never runs it; the page's modules only declare things until start() is called.
// The build stops with a message at anything it could not bundle faithfully: an import cycle among
// the sources, a warning from esbuild (a dynamic import() of a computed path, for one), an import
// that is not relative, or text that would end the standalone copy's inline script early.
// The .wasm is compressed with LZMA (`xz --format=lzma`, decoded by www/src/engine/lzma.js) and
// stored as base64 (why LZMA rather than the browser's DecompressionStream: see compressPayload),
// in one stream after the text catalogue (see cataloguePlugin) and the stylesheets (see
// stylesheetPlugin), with short import and export names (see shortNames). On a page the stream is
// decoded, and the engine compiled, as the script runs (www/src/element/bundle.js), so the first
// widget renders as soon as the page is parsed; the engine is compiled once per page.
//
// Usage: node scripts/build-dist.mjs (writes every one of BUILDS)
// Needs pkg/ (make wasm) and xz (xz-utils).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import * as terser from 'terser';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/**
 * The entry when the same text runs as the analysis worker (analysis/runner.js starts it from a
 * Blob URL of the bundle's own text), so the one file needs no worker file beside it.
 */
const WORKER_ENTRY = 'www/src/analysis/worker.js';
/** The virtual module the entry imports the inlined engine from. */
const PAYLOAD = 'bundle:payload';
/**
 * The virtual module that decodes the payload's LZMA stream (the catalogue, the stylesheets, then
 * the engine) once, when any is first needed, for the entry, text/messages.js and the stylesheets'
 * modules as built (see cataloguePlugin, stylesheetPlugin).
 * On a page that is as the script runs: the entry asks for the engine at once to compile it.
 */
const UNPACKED = 'bundle:unpacked';
const WASM = 'pkg/bidscore_bg.wasm';
const TAG = 'bid-scorer';
/** The name of the function holding the whole bundle: its text is the bundle's own text. */
const SELF = 'bidScorerBundle';
/**
 * The variable holding the packed catalogue and engine, declared first inside the bundle's
 * function (see build): gzip then reads the base64 in one stretch and the code after it in
 * another, 1.8 KB smaller than with the base64 in the middle of the code, where it parts the
 * code's repeats from each other.
 */
const PACKED_VAR = 'bidScorerPacked';
/**
 * The variable holding the LZMA decoder's WebAssembly in hex (pkg/unlzma.js's one export),
 * declared right after PACKED_VAR, where it packs best: before it, 0.4 KB larger gzipped; after
 * the code, 60 bytes.
 */
const DECODER_VAR = 'bidScorerDecoder';
const DECODER = 'pkg/unlzma.js';
/**
 * The modules holding a text catalogue, by language: where the statements building it start and
 * end, and the variable they build. messages.js (English) is in every build; the others only in
 * the builds whose `languages` name them.
 */
const CATALOGUES = {
  'en-GB': { file: 'www/src/text/messages.js', name: 'EN_GB', start: 'const EN_GB = {', end: 'const CATALOGUES = ' },
  cy: { file: 'www/src/text/cymraeg.js', name: 'CY', start: 'const CY = {', end: 'addCatalogue(CY);' },
};
/**
 * The builds: the English widget, and the widget in English and Welsh, whose Welsh catalogue
 * would make every English-only page about 18 KB larger (see docs/widget.md, "Cymraeg").
 */
export const BUILDS = [
  { out: 'dist/bid-scorer.js', entry: 'www/src/element/bundle.js', languages: ['en-GB'] },
  { out: 'dist/bid-scorer-cy.js', entry: 'www/src/element/bundle-cy.js', languages: ['en-GB', 'cy'] },
];
/** The name esbuild gives the build's own entry (written here, not a file). */
const ENTRY_FILE = '<bundle-entry>';

export class BuildError extends Error {}

/**
 * The build's entry: runs the worker entry in a worker, else the page entry, once per page (loading
 * this file twice, or after the element was defined another way, changes nothing).
 * With `started`, the page entry is imported, not required: it exports `start()`, which holds all it
 * does, and the entry calls that instead. Its modules are then evaluated as the script runs, in a
 * worker and on a second load too (they only declare things), and esbuild puts them together in one
 * scope rather than each in a function run on first use (require()): their names are no longer
 * declared apart from their values, nor each module's imports called one by one (1.2 KB less
 * gzipped, with inlineImportsPlugin). The worker entry, which starts serving as it runs, is still
 * required.
 */
function entryText(entry, workerEntry, started = false) {
  const spec = (path) => JSON.stringify(`./${path}`);
  // Started as a classic worker (no document), this text is the analysis worker instead.
  const worker = workerEntry ? "typeof document === 'undefined' && typeof importScripts === 'function'" : 'false';
  return `${started ? `import { start } from ${spec(entry)};\n` : ''}const loaded = Symbol.for('bid-scorer.bundle');
if (${worker}) {
  ${workerEntry ? `require(${spec(workerEntry)});` : ''}
} else if (typeof customElements !== 'undefined' && !customElements.get(${JSON.stringify(TAG)}) && !window[loaded]) {
  window[loaded] = true;
  ${started ? 'start();' : `require(${spec(entry)});`}
}
`;
}

/**
 * Makes each `import('./path.js')` of a fixed relative path a static import of the same module,
 * whose namespace the expression then resolves to: in one file nothing is fetched on first use,
 * and a module imported dynamically would be run on first use, in a function of its own, with every
 * module it imports (see entryText).
 */
function inlineImportsPlugin() {
  return {
    name: 'bid-scorer-inline-imports',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const imports = [];
        const contents = source.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_, quote, path) => {
          const name = `inlinedImport${imports.length}`;
          imports.push(`import * as ${name} from ${JSON.stringify(path)};`);
          return `Promise.resolve(${name})`;
        });
        return imports.length ? { contents: `${imports.join('\n')}\n${contents}`, loader: 'js' } : undefined;
      });
    },
  };
}

/**
 * The stylesheets in template literals: the widget's (www/src/ui/styles.js), and the assessment
 * summary's (www/src/evaluate/debrief.js), each the one `const NAME = String.raw`…`;` of its file.
 */
export const STYLESHEETS = [
  { file: 'www/src/ui/styles.js', name: 'CSS' },
  { file: 'www/src/evaluate/debrief.js', name: 'STYLE' },
];

/**
 * A stylesheet's module text (see STYLESHEETS): `{ css, rest }`, the CSS without the comments and
 * layout (line breaks, indentation, spaces around `{};,>` and after `:`; none is inside a string,
 * and a space before `:` is kept as a selector needs it), which are for people reading the source,
 * and the module's text without the declaration, for stylesheetPlugin.
 */
export function stylesheetText(source, { file, name }) {
  const declaration = new RegExp(`^const ${name} = String\\.raw\`([^\`]*)\`;\n`, 'm');
  const m = declaration.exec(source);
  if (!m) throw new BuildError(`${file}: no \`const ${name} = String.raw\`…\`;\` found`);
  const css = m[1]
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
  if (css.includes('${')) throw new BuildError(`${file}: ${name} holds a \`\${…}\`, which the build would not keep`);
  return { css, rest: source.slice(0, m.index) + source.slice(m.index + m[0].length) };
}

/**
 * Loads the stylesheets' modules (see STYLESHEETS) with their CSS as stylesheetText leaves it;
 * minifying alone leaves a template literal as it is. With `packed` (the build's, not a test's),
 * the CSS comes from the payload's LZMA stream instead, after the catalogue (see compressPayload),
 * read when the stylesheet is first used: the widget's when the first widget renders, the
 * summary's when a summary is written. The declaration goes, and the one place that reads it
 * reads `stylesheet(i)` from 'bundle:unpacked' instead. Nothing else in the file changes.
 */
function stylesheetPlugin(packed = false) {
  return {
    name: 'bid-scorer-stylesheet',
    setup(build) {
      STYLESHEETS.forEach((sheet, i) => {
        const filter = new RegExp(`${sheet.file.split('/').join('[\\\\/]').replace('.', '\\.')}$`);
        build.onLoad({ filter }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          const { css, rest } = stylesheetText(source, sheet);
          if (!packed) {
            return { contents: source.replace(/String\.raw`[^`]*`/, () => `String.raw\`${css}\``), loader: 'js' };
          }
          const uses = rest.match(new RegExp(`\\b${sheet.name}\\b`, 'g'))?.length ?? 0;
          if (uses !== 1) {
            return { errors: [{ text: `${sheet.file}: ${sheet.name} is read ${uses} times; the build replaces one use` }] };
          }
          const read = rest.replace(new RegExp(`\\b${sheet.name}\\b`), `stylesheet(${i})`);
          const contents = `import { stylesheet } from '${UNPACKED}';\n${read}`;
          return { contents, loader: 'js' };
        });
      });
    },
  };
}

/** The LZMA decoder's WebAssembly in hex, as pkg/unlzma.js (made by scripts/build-wasm.sh) holds it. */
function decoderText() {
  const m = /^export const UNLZMA = '([0-9a-f]+)';$/m.exec(readFileSync(join(root, DECODER), 'utf8'));
  if (!m) throw new BuildError(`${DECODER} holds no \`export const UNLZMA = '…';\` (make wasm writes it)`);
  return m[1];
}

/** Loads pkg/unlzma.js as the variable DECODER_VAR, which the preamble declares (see build). */
function decoderPlugin() {
  return {
    name: 'bid-scorer-decoder',
    setup(build) {
      build.onLoad({ filter: /[\\/]pkg[\\/]unlzma\.js$/ }, () => ({
        contents: `export const UNLZMA = ${DECODER_VAR};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Loads wasm-bindgen's glue (pkg/bidscore.js) without its paths for a fetched .wasm (a Response or
 * a Request, streamed compilation, the server's MIME type warning, and with short names the fetch
 * itself): the bundle always hands the glue a compiled module or the bytes. Only the glue's own
 * `typeof Response/Request` tests become false, so the minifier drops those branches; the rest of
 * the bundle keeps the globals.
 * With `names` (see shortNames), the glue gives the engine its imports, and reads its exports, by
 * the short names the bundled .wasm has instead of wasm-bindgen's; the build stops if any name the
 * glue uses is not the engine's, or any of the engine's is not found in the glue.
 */
function gluePlugin(names = null) {
  return {
    name: 'bid-scorer-glue',
    setup(build) {
      build.onLoad({ filter: /[\\/]pkg[\\/]bidscore\.js$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8').replace(/typeof (Response|Request) === 'function'/g, 'false');
        if (names) {
          const problems = [];
          const once = (pattern, to, what) => {
            let count = 0;
            contents = contents.replace(pattern, (...m) => ((count += 1), to(...m)));
            if (count !== 1) problems.push(`${what} found ${count} times, not once`);
          };
          // The imports object: `"./bidscore_bg.js": import0`, whose keys are `name: function(…`.
          const module = `${JSON.stringify(names.module.from)}:`;
          const pattern = new RegExp(module.replace(/[.*+?^$()|[\]\\/]/g, '\\$&'), 'g');
          once(pattern, () => `"${names.module.to}":`, `the import module ${module}`);
          for (const [from, to] of names.imports) {
            once(new RegExp(`^(\\s+)${from}:(?= function)`, 'gm'), (_, indent) => `${indent}${to}:`, `the import ${from}`);
          }
          contents = contents.replace(/\bwasm\.(\w+)\b/g, (_, name) => {
            if (!names.exports.has(name)) problems.push(`wasm.${name} is not one of the engine's exports`);
            return `wasm.${names.exports.get(name)}`;
          });
          if (/\bwasm\s*\[/.test(contents)) problems.push('the glue reads an export by a computed name');
          // The bundle always calls init() with `{ module_or_path }` holding the bytes or a compiled
          // module (www/src/element/bundle.js hands them to the engine before any call): the glue's
          // ways with any other argument (one given bare, warned about as deprecated; none, a path
          // or a URL, fetched next to the module) never run, so they are not kept. The one-file
          // build then holds no call that could fetch the engine.
          once(/if \(Object\.getPrototypeOf\(module_or_path\) === Object\.prototype\) \{/g, () => 'if (true) {', 'init()\'s test for `{ module_or_path }`');
          once(/if \(module_or_path === undefined\) \{\n\s*module_or_path = new URL\(/g, (m) => m.replace('module_or_path === undefined', 'false'), 'init()\'s default URL');
          once(/if \(typeof module_or_path === 'string' \|\|[^\n]*\) \{\n\s*module_or_path = fetch\(/g, (m) => m.replace(/\(typeof module_or_path[^\n]*\) \{/, '(false) {'), 'init()\'s fetch');
          if (problems.length) return { errors: problems.map((text) => ({ text: `pkg/bidscore.js: ${text}` })) };
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

/** Letters for short names: `a` … `Z`, then `aa`, `ab`, … */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return (i >= letters.length ? shortName(Math.floor(i / letters.length) - 1) : '') + letters[i % letters.length];
}

/** An unsigned LEB128 number in `bytes` at `at`: [value, the offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/**
 * The engine with short import and export names: one letter or two (see shortName) instead of
 * wasm-bindgen's, such as `__wbg___wbindgen_is_string_fc456fee5d3317de` (a hash no compressor
 * can pack, in the .wasm and in the glue both) or `__wbindgen_externrefs`, and the module `a`
 * instead of `./bidscore_bg.js`. Only the names in the import and export sections change: every
 * other byte of the .wasm is as built, and gluePlugin gives the glue the same names. 1.2 KB
 * smaller gzipped (0.6 KB in the LZMA stream, the rest in the code). Resolves to
 * { wasm, module: { from, to }, imports, exports }, the last two as Maps from the old name to the new.
 */
export function shortNames(wasm) {
  const compiled = new WebAssembly.Module(wasm);
  const modules = [...new Set(WebAssembly.Module.imports(compiled).map((i) => i.module))];
  if (modules.length > 1) throw new BuildError(`the engine imports from ${modules.length} modules, not one`);
  const module = { from: modules[0] ?? '', to: 'a' };
  const imports = new Map(WebAssembly.Module.imports(compiled).map((i, n) => [i.name, shortName(n)]));
  const exports = new Map(WebAssembly.Module.exports(compiled).map((e, n) => [e.name, shortName(n)]));
  const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== 2 && id !== 7) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section (2): module name, field name, then what is imported; the export
    // section (7): name, kind, index.
    const body = wasm.subarray(start, end);
    let [count, i] = readLeb(body, 0);
    const out = [leb(count)];
    for (let n = 0; n < count; n += 1) {
      let length;
      if (id === 2) {
        [length, i] = readLeb(body, i);
        i += length; // the one module name, replaced by module.to
      }
      [length, i] = readLeb(body, i);
      const field = body.subarray(i, i + length).toString();
      i += length;
      const from = i;
      const kind = body[i++];
      if (id === 7 || kind === 0) [, i] = readLeb(body, i); // an index
      else if (kind === 1 || kind === 2) {
        if (kind === 1) i += 1; // the table's element type
        const flags = body[i++];
        [, i] = readLeb(body, i);
        if (flags & 1) [, i] = readLeb(body, i);
      } else if (kind === 3) i += 2; // a global's type and mutability
      else throw new BuildError(`the engine imports something of kind ${kind}, which the build cannot rename`);
      out.push(...(id === 2 ? [name(module.to), name(imports.get(field))] : [name(exports.get(field))]), body.subarray(from, i));
    }
    if (i !== body.length) throw new BuildError(`the engine's section ${id} is not as the build reads it`);
    const section = Buffer.concat(out);
    parts.push(Buffer.from([id]), leb(section.length), section);
    at = end;
  }
  const renamed = Buffer.concat(parts);
  // The same module, but for the names: the same imports and exports in the same order.
  const check = new WebAssembly.Module(renamed);
  const renamedImports = WebAssembly.Module.imports(compiled).map((e) => ({ ...e, module: module.to, name: imports.get(e.name) }));
  const renamedExports = WebAssembly.Module.exports(compiled).map((e) => ({ ...e, name: exports.get(e.name) }));
  if (
    !isDeepStrictEqual(WebAssembly.Module.imports(check), renamedImports) ||
    !isDeepStrictEqual(WebAssembly.Module.exports(check), renamedExports)
  ) {
    throw new BuildError('renaming the engine\'s imports and exports changed more than their names');
  }
  return { wasm: renamed, module, imports, exports };
}

/**
 * Builds each text catalogue (www/src/text/messages.js, and cymraeg.js in a build with Welsh) from
 * the payload instead of its object literals: the catalogues as JSON, at the start of the LZMA
 * stream that holds the engine after them. LZMA packs this prose better than the gzip a server or
 * the size budget applies to the file, and better still ahead of the engine, which holds many of
 * the same words. Only the statements that build the catalogue (from its `start` to its `end`, see
 * CATALOGUES) are replaced; build() makes the JSON from the modules themselves, so each catalogue
 * is the same object, key for key and in the same order. Its top-level entries (`ui`, `errors`, …)
 * are read from the stream when one is first read (see UNPACKED_TEXT), then are plain properties
 * like the others. `keys` maps each language of the build to its catalogue's top-level keys; a
 * catalogue module of another language stops the build (it would be bundled as text).
 */
function cataloguePlugin(keys) {
  return {
    name: 'bid-scorer-catalogue',
    setup(build) {
      for (const [lang, { file, name, start: first, end: last }] of Object.entries(CATALOGUES)) {
        const filter = new RegExp(`${file.split('/').join('[\\\\/]').replace('.', '\\.')}$`);
        build.onLoad({ filter }, (args) => {
          if (!keys[lang]) return { errors: [{ text: `${file}: the ${lang} catalogue is not in this build's languages` }] };
          const source = readFileSync(args.path, 'utf8');
          const start = source.indexOf(first);
          const end = source.indexOf(last);
          // Anything at the top level there other than building the catalogue would be lost.
          const builds = new RegExp(`^(const ${name} = \\{|${name}\\.\\w+ = |Object\\.assign\\(${name}[.,])`);
          const other =
            start < 0 || end < start
              ? [`'${first}' … '${last}' not found`]
              : source
                  .slice(start, end)
                  .split('\n')
                  .filter((line) => /^[^\s/})]/.test(line) && !builds.test(line));
          if (other.length) {
            return { errors: [{ text: `${file}: cannot replace the catalogue's statements, at: ${other[0]}` }] };
          }
          const contents = `import { catalogueEntries } from '${UNPACKED}';
${source.slice(0, start)}const ${name} = {};
const KEYS = ${JSON.stringify(keys[lang])};
const unpack = () => {
  const entries = catalogueEntries()[${JSON.stringify(lang)}];
  for (const key of KEYS) {
    Object.defineProperty(${name}, key, { value: entries[key], writable: true, enumerable: true, configurable: true });
  }
};
// \`lang\` is known without unpacking: adding the catalogue (addCatalogue reads it) decodes nothing,
// which matters where the catalogue is never read, as in the analysis worker (see entryText).
for (const key of KEYS) {
  const read = key === 'lang' ? { value: ${JSON.stringify(lang)}, writable: true } : { get: () => (unpack(), ${name}[key]) };
  Object.defineProperty(${name}, key, { ...read, enumerable: true, configurable: true });
}
${source.slice(end)}`;
          return { contents, loader: 'js' };
        });
      }
    },
  };
}

/**
 * Resolves 'bundle:payload' to a module exporting each of `payload`'s names as the value of its
 * JavaScript expression, and refuses any import that is not relative (nothing is taken from
 * node_modules by accident).
 */
function payloadPlugin(payload) {
  return {
    name: 'bid-scorer-payload',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path === PAYLOAD || args.path === UNPACKED) return { path: args.path, namespace: 'payload' };
        if (args.kind === 'entry-point') return undefined;
        return { errors: [{ text: `only relative imports can be bundled, not '${args.path}'` }] };
      });
      // One object literal, so its keys (`catalogueSize: …`, `wasmSize: …`) stay readable when minified.
      const names = Object.keys(payload);
      const values = Object.entries(payload).map(([name, expr]) => `${name}: ${expr}`);
      build.onLoad({ filter: /.*/, namespace: 'payload' }, (args) =>
        args.path === UNPACKED
          ? { contents: UNPACKED_TEXT, loader: 'js', resolveDir: root }
          : {
              contents: `const p = { ${values.join(',\n')} };\nexport const { ${names.join(', ')} } = p;\n`,
              loader: 'js',
            },
      );
    },
  };
}

/**
 * 'bundle:unpacked': the stream decoded whole, once, the first time the catalogue or the engine is
 * asked for: one pass of the decoder, so the catalogue costs the page no second decode. The page's
 * entry asks for the engine as the script runs, to compile it before any widget needs it; a worker
 * started from the same text never decodes it (it is sent the module).
 */
const UNPACKED_TEXT = `import { packed, catalogueSize, stylesheetSizes, wasmSize } from '${PAYLOAD}';
import { fromBase64, lzmaDecode } from './www/src/engine/lzma.js';
const stylesheetsSize = stylesheetSizes.reduce((a, b) => a + b, 0);
let bytes = null;
const unpacked = () => (bytes ??= lzmaDecode(fromBase64(packed), catalogueSize + stylesheetsSize + wasmSize));
const text = (start, size) => new TextDecoder().decode(unpacked().subarray(start, start + size));
let entries = null;
export const catalogueEntries = () => (entries ??= JSON.parse(text(0, catalogueSize)));
const sheets = [];
export const stylesheet = (i) =>
  (sheets[i] ??= text(catalogueSize + stylesheetSizes.slice(0, i).reduce((a, b) => a + b, 0), stylesheetSizes[i]));
export const wasmBytes = () => unpacked().subarray(catalogueSize + stylesheetsSize);
`;

/**
 * Every import cycle among the modules of an esbuild metafile, each as the list of paths around it
 * (the first path again at the end). Dynamic imports count: a module loaded later is still a
 * dependency.
 */
export function importCycles(metafile) {
  const cycles = [];
  const state = new Map(); // path → 'visiting' | 'done'
  const visit = (path, chain) => {
    if (state.get(path) === 'done') return;
    if (state.get(path) === 'visiting') {
      cycles.push([...chain.slice(chain.indexOf(path)), path]);
      return;
    }
    state.set(path, 'visiting');
    for (const dep of metafile.inputs[path]?.imports ?? []) {
      if (!dep.external) visit(dep.path, [...chain, path]);
    }
    state.set(path, 'done');
  };
  for (const path of Object.keys(metafile.inputs).sort()) visit(path, []);
  return cycles;
}

/** Where the sources import a computed path (import(name)), as "file:line: …" lines. */
function unbundled(metafile) {
  const found = [];
  for (const path of Object.keys(metafile.inputs)) {
    if (path.includes(':') || path === ENTRY_FILE) continue; // the payload and the build's entry
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bimport\s*\(\s*(?!['"])|\bimport\.meta\b(?!\.url)/.test(line)) {
          found.push(`${path}:${i + 1}: cannot bundle a dynamic import() of a computed path or import.meta`);
        }
      });
  }
  return found.join('\n') || 'the bundle still holds an import() or import.meta';
}

/** esbuild's message as "file:line: text". */
function where(message) {
  const at = message.location;
  return at ? `${at.file}:${at.line}: ${message.text}` : message.text;
}

/**
 * Bundles `entry` (a path from the repo root) and what it imports into one classic script, with
 * `workerEntry` (if any) run instead when the script is started as a worker. `payload` maps the
 * names the virtual module 'bundle:payload' exports to JavaScript expressions, which may read what
 * `preamble` (text put first inside the bundle's function) declares; with `catalogueKeys` (the
 * catalogue's top-level keys), text/messages.js reads its catalogue from 'bundle:unpacked'; with
 * `engineNames` (see shortNames), the engine's glue uses the engine's short names; with
 * `stylesheets`, the stylesheets are read from 'bundle:unpacked' (see stylesheetPlugin); with
 * `started`, the entry exports start() (see entryText), and with `inlineImports` a dynamic import of
 * a fixed path is a static one (see inlineImportsPlugin). Resolves to { text, metafile }; rejects
 * with a BuildError saying what could not be bundled.
 */
export async function bundle(
  entry,
  payload = {},
  {
    banner = '',
    preamble = '',
    workerEntry = null,
    minify = true,
    catalogueKeys = null,
    engineNames = null,
    stylesheets = false,
    started = false,
    inlineImports = false,
  } = {},
) {
  let result;
  try {
    result = await esbuild.build({
      stdin: { contents: entryText(entry, workerEntry, started), resolveDir: root, sourcefile: ENTRY_FILE },
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      charset: 'utf8',
      legalComments: 'none',
      minify,
      metafile: true,
      logLevel: 'silent',
      // wasm-bindgen's default .wasm URL is never used here (the bytes are passed in), but it must
      // build; a module that names its own URL gets the page's.
      define: { 'import.meta.url': 'document.baseURI' },
      plugins: [
        payloadPlugin(payload),
        stylesheetPlugin(stylesheets),
        gluePlugin(engineNames),
        ...(preamble.includes(DECODER_VAR) ? [decoderPlugin()] : []),
        ...(catalogueKeys ? [cataloguePlugin(catalogueKeys)] : []),
        // Last: the plugins above load the files they change first.
        ...(inlineImports ? [inlineImportsPlugin()] : []),
      ],
    });
  } catch (error) {
    if (!error.errors) throw error;
    throw new BuildError(error.errors.map(where).join('\n'));
  }
  if (result.warnings.length) throw new BuildError(result.warnings.map(where).join('\n'));
  const cycles = importCycles(result.metafile);
  if (cycles.length) throw new BuildError(cycles.map((c) => `import cycle: ${c.join(' → ')}`).join('\n'));
  let code = result.outputFiles[0].text;
  if (minify) {
    // Minified once more as a whole: esbuild's bundler leaves each module's top-level `var`s as
    // statements of their own, which this pass joins (and names by use over the whole bundle):
    // 0.5 KB less gzipped.
    code = (await esbuild.transform(code, { minify, charset: 'utf8', legalComments: 'none' })).code;
    // Then by terser (pinned in package.json), mostly for its names: it gives the most used
    // variables the letters that are most frequent in the output, which gzip then packs better;
    // 2.8 KB less gzipped than esbuild's output alone (its `compress` adds 0.2 KB of that; more
    // passes or terser alone on esbuild's unminified bundle came out larger). Only its safe
    // transforms: none of the `unsafe` options, which assume what the code cannot promise.
    code = (await terser.minify(code, { compress: true, mangle: true })).code;
  }
  // In a function of its own name, so the bundle can read its own text (standalone copies, the
  // worker); `preamble` comes first inside it, before the bundled modules.
  const text = `${banner}(function ${SELF}() {\n'use strict';\n${preamble}${code}})();\n`;
  // esbuild leaves an import() of a computed path as it is: in the bundle it would fetch at run time.
  if (/\bimport\s*\(|\bimport\.meta\b/.test(text)) throw new BuildError(unbundled(result.metafile));
  for (const bad of [/<\/script/i, /<!--/]) {
    // The standalone copy puts this text inside a <script> element, where these would end it early.
    const m = bad.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new BuildError(`the bundle contains '${m[0]}' (line ${line}); write it another way`);
    }
  }
  new vm.Script(text, { filename: 'bid-scorer.js' }); // a classic script: an import or export would not compile
  return { text, metafile: result.metafile };
}

/**
 * The text catalogue (www/src/text/messages.js) as JSON, the stylesheets (see STYLESHEETS), then the
 * engine's .wasm with short names (see shortNames), in one stream LZMA-compressed by xz, checked by
 * decoding it with the widget's decoder. The catalogue shares many words with the engine's own
 * messages: 1.9 KB smaller gzipped than the two compressed apart. The stylesheets cost the stream
 * 4.0 KB and saved the code 4.4 KB gzipped (the Welsh build 1.3 KB net); after the engine they
 * came out 40 bytes smaller in the English build and 40 larger in the Welsh one.
 *
 * LZMA, not the browser's own DecompressionStream, on these measurements (engine 0.1.0, headless
 * Chromium, file://, navigation to the first rendered result, median of 5 loads): the wasm is
 * 124,044 bytes as LZMA against 155,879 as deflate-raw (zlib level 9), so the whole file is
 * 194.2 KiB gzipped with LZMA against 223.3 KiB with DecompressionStream: 29 KiB more, and over
 * the 200 KiB budget. DecompressionStream reached the first result a little sooner: 216 and 235 ms
 * against 232 and 250 ms on a quiet machine (231 to 365 ms against 281 to 482 ms on a busy one);
 * decoding the LZMA took about 160 ms in Node on the busy machine. Not enough
 * to pay 29 KiB on every page and break the budget.
 * Measured again with the catalogue in the stream (engine 0.1.0 plus Welsh; headless Chromium,
 * two cores loaded ten times over, median of 7 cold decodes): deflate-raw (zlib level 9) makes
 * dist/bid-scorer.js 243.7 KiB gzipped against 209.0 with LZMA (+34.7), the Welsh build 265.0
 * against 225.1 (+39.9); DecompressionStream has the bytes in 49 ms where this decoder takes
 * 225 ms (about 53 ms of main-thread CPU; the rest is waiting for a core). The fastest way to the
 * first frame, still over both budgets by a long way. (That decoder was JavaScript; the one now
 * decoding the stream is WebAssembly, unlzma/: see www/src/engine/lzma.js.)
 */
async function compressPayload(languages) {
  const { wasm, ...names } = shortNames(readFileSync(join(root, WASM)));
  const { catalogue: entries } = await import(pathToFileURL(join(root, CATALOGUES['en-GB'].file)).href);
  // The other languages' modules add their catalogues to messages.js's as they are imported.
  for (const lang of languages) await import(pathToFileURL(join(root, CATALOGUES[lang].file)).href);
  const catalogues = Object.fromEntries(languages.map((lang) => [lang, entries(lang)]));
  for (const lang of languages) {
    if (catalogues[lang].lang !== lang) throw new BuildError(`${CATALOGUES[lang].file} does not hold the ${lang} catalogue`);
  }
  const json = JSON.stringify(catalogues);
  // Only strings, nulls and plain objects survive JSON (a function, a Map or a prototype would not).
  if (!isDeepStrictEqual(JSON.parse(json), catalogues)) {
    throw new BuildError(`a catalogue (${languages.map((l) => CATALOGUES[l].file).join(', ')}) is not plain JSON data`);
  }
  const catalogue = Buffer.from(json);
  const stylesheets = STYLESHEETS.map((sheet) => Buffer.from(stylesheetText(readFileSync(join(root, sheet.file), 'utf8'), sheet).css));
  // Tuned for wasm code, whose bytes follow no 2- or 4-byte alignment: no position bits (pb=0,
  // lp=0), the most literal context (lc=4), the longest matches and the bt3 match finder;
  // 400 bytes smaller than the -9e preset alone.
  const all = Buffer.concat([catalogue, ...stylesheets, wasm]);
  const packed = await lzma(all, 'preset=9e,lc=4,lp=0,pb=0,nice=273,mf=bt3', 'the catalogues, the stylesheets and the wasm');
  const keys = Object.fromEntries(languages.map((lang) => [lang, Object.keys(catalogues[lang])]));
  return { wasm, names, catalogue, stylesheets, keys, packed };
}

/** `bytes` compressed by xz as .lzma with these --lzma1 options, checked by the widget's decoder. */
async function lzma(bytes, options, what) {
  let packed;
  try {
    packed = execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], {
      input: bytes,
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    throw new BuildError(`xz failed (${error.message}); install xz-utils`);
  }
  const { lzmaDecode } = await import(pathToFileURL(join(root, 'www/src/engine/lzma.js')).href);
  const back = lzmaDecode(new Uint8Array(packed), bytes.length);
  if (!Buffer.from(back).equals(bytes)) throw new BuildError(`the LZMA round trip of ${what} does not match`);
  return packed;
}

/** The text of one of BUILDS (by default the English one), and esbuild's metafile of it. */
export async function build({ entry, languages } = BUILDS[0]) {
  const { wasm, names, catalogue, stylesheets, keys, packed } = await compressPayload(languages);
  const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))?.[1];
  // No compile hint (V8's `//# allFunctionsCalledOnLoad` first line, which asks the browser to
  // compile every function as the script streams in, off the page's thread): with it, the widget's
  // first render compiled no function on the page's thread (main-thread CPU 113 → 96 ms, measured
  // when the LZMA decoder was JavaScript), but the page waited for every function of the file,
  // design mode's and the analyses' too, to be compiled before the script could run. Measured with
  // the decoder in WebAssembly, page load to the first result from file:// in headless Chromium on
  // two cores, the English build with and without it taking turns, medians of three runs of 60, 40
  // and 80 loads each: 208 → 183, 186 → 184 and 197 → 184 ms without it, for about 15 ms more of
  // the main thread's CPU.
  const banner = `/*! bid-scorer ${version ?? ''} (${languages.join(', ')}), MIT OR Apache-2.0: <${TAG}> and its engine
 * in one classic script that sends nothing. How to embed it, and the CSP: docs/embedding.md */
`;
  return bundle(
    entry,
    {
      packed: PACKED_VAR,
      catalogueSize: String(catalogue.length),
      stylesheetSizes: JSON.stringify(stylesheets.map((sheet) => sheet.length)),
      wasmSize: String(wasm.length),
      // The standalone copy inlines this very script: the function's own text is the bundle.
      source: `() => \`(\${${SELF}})();\\n\``,
    },
    {
      banner,
      // The page's modules are evaluated in the analysis worker too (see entryText), where there
      // are no elements: the element's class is declared there on a stand-in, and never defined.
      preamble: `var ${PACKED_VAR} = ${JSON.stringify(packed.toString('base64'))};\nvar ${DECODER_VAR} = ${JSON.stringify(decoderText())};\nvar HTMLElement = globalThis.HTMLElement ?? class {};\n`,
      workerEntry: WORKER_ENTRY,
      catalogueKeys: keys,
      engineNames: names,
      stylesheets: true,
      started: true,
      inlineImports: true,
    },
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const spec of BUILDS) {
      const { text } = await build(spec);
      const out = resolve(root, spec.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      console.log(`${relative(root, out)}: ${Buffer.byteLength(text)} bytes`);
    }
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`build-dist: ${error.message}`);
    process.exit(1);
  }
}
