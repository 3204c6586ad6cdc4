#!/usr/bin/env node
// Builds dist/bid-scorer.js: the whole widget as ONE classic script (not an ES module, which a
// page opened from disk cannot load), holding the element, its styles and the engine's
// WebAssembly, so that
//     <script src="bid-scorer.js"></script>  <bid-scorer> … inline tender … </bid-scorer>
// is the whole embed, over http(s) or from a saved page on file://, with no fetch at all.
//
// How: a small bundler for the ES modules in www/src/ and pkg/, dependency-free on purpose. Each
// module becomes a function in one IIFE, run once in import order (as ES modules are); its
// imports become constants read from the modules it imports, its exports getters (so exported
// bindings must not change: `export let` is refused). It understands the
// static import/export forms these sources use and stops with a message at anything else
// (dynamic import() of a computed path, import.meta other than wasm-bindgen's default .wasm URL,
// import cycles).
// The same text is also the analysis worker: started from a Blob URL of itself, it runs
// www/src/analysis/worker.js instead of the element, and is given the compiled engine by message,
// so no worker file is ever requested from the page's folder.
// The .wasm is compressed with LZMA (`xz --format=lzma`, decoded by www/src/engine/lzma.js) and stored
// as base64: a quarter smaller than gzip would make it, which keeps the file within budget.
//
// Usage: node scripts/build-dist.mjs [--out dist/bid-scorer.js]
// Needs pkg/ (make wasm) and xz (xz-utils).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The bundle's entry module; it imports everything else. */
const ENTRY = 'www/src/element/bundle.js';
/**
 * The entry when the same text runs as the analysis worker (analysis-runner.js starts it from a
 * Blob URL of the bundle's own text), so the one file needs no worker file beside it.
 */
const WORKER_ENTRY = 'www/src/analysis/worker.js';
/** The virtual module the entry imports the inlined engine from. */
const PAYLOAD = 'bundle:payload';
const WASM = 'pkg/bidscore_bg.wasm';
const TAG = 'bid-scorer';

export class BuildError extends Error {}

/** Where `spec`, imported from the module at `from`, lives (a path relative to the repo root). */
function resolveSpec(spec, from) {
  if (spec === PAYLOAD) return PAYLOAD;
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    throw new BuildError(`${from}: only relative imports can be bundled, not '${spec}'`);
  }
  const path = relative(root, resolve(root, dirname(from), spec)).split(sep).join('/');
  if (!existsSync(join(root, path))) throw new BuildError(`${from}: '${spec}' not found (${path})`);
  return path;
}

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
// Top-level import and export statements start at the beginning of a line, as in these sources.
const IMPORT_RE = new RegExp(String.raw`^import\b\s*([^'"]*?)\s*(?:from\s*)?(['"])([^'"]+)\2\s*;?`, 'gm');
const EXPORT_FROM_RE = /^export\b\s*(\*|\{[^}]*\})\s*from\s*(['"])([^'"]+)\2\s*;?/gm;
const EXPORT_LIST_RE = /^export\b\s*\{([^}]*)\}\s*;?/gm;
const EXPORT_DECL_RE = new RegExp(String.raw`^export\s+(async\s+function\*?|function\*?|class|const|let|var)\s+(${IDENT})`, 'gm');
const EXPORT_DEFAULT_RE = new RegExp(String.raw`^export\s+default\s+(?:(async\s+function|function|class)\b\s*(${IDENT})?)?`, 'gm');

/** `a, b as c` → [['a', 'a'], ['b', 'c']] (local, exported). */
function names(list, where) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = new RegExp(String.raw`^(${IDENT}|default)(?:\s+as\s+(${IDENT}|default))?$`).exec(s);
      if (!m) throw new BuildError(`${where}: cannot bundle '${s}'`);
      return [m[1], m[2] ?? m[1]];
    });
}

/** Rewrites one ES module into the body of a function (exports object, require) and its deps. */
function transform(path, source) {
  let code = source;
  const deps = [];
  const exported = []; // [exportedName, localExpression]
  const star = [];
  const req = (spec) => {
    const dep = resolveSpec(spec, path);
    deps.push(dep);
    return `__require(${JSON.stringify(dep)})`;
  };
  let n = 0;
  const temp = () => `__m${(n += 1)}`;

  code = code.replace(IMPORT_RE, (whole, clause, _q, spec) => {
    const from = req(spec);
    if (!clause) return `${from};`;
    const m = new RegExp(String.raw`^(?:(${IDENT})\s*,?\s*)?(?:\*\s*as\s+(${IDENT})|\{([^}]*)\})?$`).exec(
      clause.trim(),
    );
    if (!m || (!m[1] && !m[2] && m[3] === undefined)) throw new BuildError(`${path}: cannot bundle '${whole}'`);
    const [, def, ns, list] = m;
    const mod = ns ?? temp();
    const out = [`const ${mod} = ${from};`];
    if (def) out.push(`const ${def} = ${mod}.default;`);
    if (list !== undefined) {
      const pairs = names(list, path).map(([imported, local]) =>
        imported === local ? local : `${imported === 'default' ? "'default'" : imported}: ${local}`,
      );
      if (pairs.length) out.push(`const { ${pairs.join(', ')} } = ${mod};`);
    }
    return out.join(' ');
  });
  code = code.replace(EXPORT_FROM_RE, (whole, what, _q, spec) => {
    const mod = temp();
    const line = `const ${mod} = ${req(spec)};`;
    if (what === '*') star.push(mod);
    else for (const [imported, as] of names(what.slice(1, -1), path)) exported.push([as, `${mod}.${imported}`]);
    return line;
  });
  code = code.replace(EXPORT_LIST_RE, (whole, list) => {
    for (const [local, as] of names(list, path)) exported.push([as, local]);
    return '';
  });
  code = code.replace(EXPORT_DECL_RE, (whole, kind, name) => {
    // Imports become copies taken when the importing module starts, so a binding that could
    // change later would be seen stale: export a function that returns it instead.
    if (kind === 'let' || kind === 'var') {
      throw new BuildError(`${path}: cannot bundle 'export ${kind} ${name}'; use const`);
    }
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(EXPORT_DEFAULT_RE, (whole, kind, name) => {
    if (kind) {
      const local = name ?? '__default';
      exported.push(['default', local]);
      return `${kind} ${local}`;
    }
    exported.push(['default', '__default']);
    return 'const __default = ';
  });
  // A dynamic import of a fixed path (design mode loads its code only when asked for) becomes a
  // module of the bundle that runs on first use, as it would have been fetched on first use.
  code = code.replace(/\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g, (whole, _q, spec) => {
    return `Promise.resolve().then(() => ${req(spec)})`;
  });
  // wasm-bindgen's default .wasm URL is never used here (the bytes are passed in), but it must parse.
  code = code.replace(/\bimport\.meta\.url\b/g, 'document.baseURI');
  for (const [re, what] of [
    [/\bimport\s*\(/, 'a dynamic import() of a computed path'],
    [/\bimport\.meta\b/, 'import.meta'],
    [/^\s*(import|export)\b(?![.(])/m, 'an import or export it does not understand'],
  ]) {
    const m = re.exec(code);
    if (m) {
      const line = code.slice(0, m.index).split('\n').length;
      throw new BuildError(`${path}:${line}: cannot bundle ${what} (see scripts/build-dist.mjs)`);
    }
  }
  const getters = exported.map(([as, local]) => `${JSON.stringify(as)}: () => ${local}`);
  const head = [
    star.length ? `__reexport(__exports, ${star.join(', ')});` : '',
    getters.length ? `__export(__exports, { ${getters.join(', ')} });` : '',
  ].join('');
  // Star re-exports need their module first, so they go after the imports (which run first).
  return { deps, body: star.length ? `${code}\n${head}` : `${head}\n${code}` };
}

// Punctuation (or nothing) and keywords after which a `/` starts a regular expression, not a division.
const REGEX_AFTER = /^[(,=:[!&|?{};+\-*%<>~^]?$/;
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'instanceof', 'yield', 'await']);

/**
 * Drops comments, indentation and blank lines from JavaScript, and nothing else: strings, template
 * literals (with their `${…}`) and regular expressions are copied as they are, and every line
 * break between tokens stays, so automatic semicolon insertion sees the same code. About a quarter
 * off the gzipped script text. A `/` is read as starting a regular expression after an operator,
 * an opening bracket, `}`, `;`, `,` or one of BEFORE_REGEX, and as division otherwise.
 */
export function stripComments(src) {
  let out = '';
  let i = 0;
  let lineStart = true; // only whitespace so far on this output line
  let last = ''; // the last significant character or word written
  const braces = []; // for each open `${`, the brace depth at which it closes
  let depth = 0;
  const emit = (text) => {
    out += text;
    lineStart = false;
  };
  const newline = () => {
    if (!lineStart) out += '\n';
    lineStart = true;
  };
  const quoted = (start) => {
    // a string or regex body from src[start] up to and including its closing quote
    const q = src[start];
    let j = start + 1;
    let inClass = false;
    for (;;) {
      if (j >= src.length) throw new BuildError('unterminated string or regular expression');
      const c = src[j];
      if (c === '\\') j += 2;
      else if (q === '/' && c === '[') (inClass = true), (j += 1);
      else if (q === '/' && c === ']') (inClass = false), (j += 1);
      else if (c === q && !inClass) return j + 1;
      else if (c === '\n') throw new BuildError('line break in a string or regular expression');
      else j += 1;
    }
  };
  const template = (start) => {
    // from a ` or a closing } of ${…}, up to and including the closing ` or the next ${
    let j = start + 1;
    for (;;) {
      if (j >= src.length) throw new BuildError('unterminated template literal');
      const c = src[j];
      if (c === '\\') j += 2;
      else if (c === '`') return { end: j + 1, open: false };
      else if (c === '$' && src[j + 1] === '{') return { end: j + 2, open: true };
      else j += 1;
    }
  };
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '\n') {
      newline();
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      if (!lineStart && !/\s$/.test(out)) emit(' ');
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new BuildError('unterminated comment');
      if (src.slice(i, end).includes('\n')) newline();
      else if (!lineStart) emit(' ');
      i = end + 2;
    } else if (c === '"' || c === "'" || (c === '/' && (REGEX_AFTER.test(last) || BEFORE_REGEX.has(last)))) {
      let end = quoted(i);
      if (c === '/') while (/[a-z]/i.test(src[end] ?? '')) end += 1; // flags
      emit(src.slice(i, end));
      last = c === '/' ? ')' : '"'; // either way, a value: a following / divides
      i = end;
    } else if (c === '`' || (c === '}' && braces.length && braces.at(-1) === depth)) {
      if (c === '}') braces.pop();
      const { end, open } = template(i);
      emit(src.slice(i, end));
      if (open) braces.push(depth);
      last = open ? '{' : '"';
      i = end;
    } else if (/[\w$]/.test(c)) {
      let end = i + 1;
      while (end < src.length && /[\w$]/.test(src[end])) end += 1;
      last = src.slice(i, end);
      emit(last);
      i = end;
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      // spaces around punctuation are dropped unless they keep two operators apart (a - -b, a + +b)
      if (out.endsWith(' ') && !/[+\-]/.test(c)) out = out.slice(0, -1);
      emit(c);
      last = c;
      i += 1;
    }
  }
  return out.replace(/ +\n/g, '\n').trim();
}

/** Every module reachable from the entries, dependencies first; stops at an import cycle. */
function collect(entries) {
  const modules = new Map();
  const order = [];
  const visiting = new Set();
  const visit = (path, chain) => {
    if (order.includes(path)) return;
    if (visiting.has(path)) throw new BuildError(`import cycle: ${[...chain, path].join(' → ')}`);
    visiting.add(path);
    const source = path === PAYLOAD ? '' : stripComments(readFileSync(join(root, path), 'utf8'));
    const mod = path === PAYLOAD ? { deps: [], body: '' } : transform(path, source);
    modules.set(path, mod);
    for (const dep of mod.deps) visit(dep, [...chain, path]);
    visiting.delete(path);
    order.push(path);
  };
  for (const entry of entries) visit(entry, []);
  return order.map((path) => ({ path, ...modules.get(path) }));
}

/** The engine's .wasm, LZMA-compressed by xz, checked by decoding it with the widget's decoder. */
async function compressWasm() {
  const wasm = readFileSync(join(root, WASM));
  let packed;
  try {
    packed = execFileSync('xz', ['--format=lzma', '-9e', '--stdout'], { input: wasm, maxBuffer: 64 << 20 });
  } catch (error) {
    throw new BuildError(`xz failed (${error.message}); install xz-utils`);
  }
  const { lzmaDecode } = await import(pathToFileURL(join(root, 'www/src/engine/lzma.js')).href);
  const back = lzmaDecode(new Uint8Array(packed), wasm.length);
  if (!Buffer.from(back).equals(wasm)) throw new BuildError('the LZMA round trip of the wasm does not match');
  return { wasm, packed };
}

/**
 * Bundles `entry` (a path from the repo root) and what it imports into one classic script.
 * `payload` maps the names the virtual module 'bundle:payload' exports to JavaScript expressions.
 */
export function bundle(entry, payload = {}, { banner = '', workerEntry = null } = {}) {
  const defs = collect(workerEntry ? [entry, workerEntry] : [entry])
    .map(({ path, body }) => {
      if (path !== PAYLOAD) return `__modules.set(${JSON.stringify(path)}, (__exports) => {\n${body.trim()}\n});`;
      const values = Object.entries(payload).map(([name, expr]) => `${name}: ${expr}`);
      const getters = Object.keys(payload).map((name) => `${name}: () => p.${name}`);
      return `__modules.set(${JSON.stringify(PAYLOAD)}, (__exports) => {\nconst p = { ${values.join(',\n')} };\n__export(__exports, { ${getters.join(', ')} });\n});`;
    })
    .join('\n\n');
  const text = `${banner}(function bidScorerBundle() {
'use strict';
// Loading this file twice, or after the element was defined another way, changes nothing.
const __loaded = Symbol.for('bid-scorer.bundle');
// Started as a classic worker, this text is the analysis worker instead.
const __worker = ${workerEntry ? "typeof document === 'undefined' && typeof importScripts === 'function'" : 'false'};
if (!__worker && (typeof customElements === 'undefined' || customElements.get(${JSON.stringify(TAG)}) || window[__loaded])) return;
if (!__worker) window[__loaded] = true;
const __modules = new Map();
const __done = new Map();
function __export(target, getters) {
  for (const [name, get] of Object.entries(getters)) Object.defineProperty(target, name, { get, enumerable: true });
}
function __reexport(target, ...sources) {
  for (const source of sources)
    for (const name of Object.keys(source))
      if (name !== 'default' && !(name in target)) Object.defineProperty(target, name, { get: () => source[name], enumerable: true });
}
function __require(path) {
  let exports = __done.get(path);
  if (!exports) {
    exports = Object.create(null);
    __done.set(path, exports);
    __modules.get(path)(exports);
  }
  return exports;
}

${defs}

__require(__worker ? ${JSON.stringify(workerEntry)} : ${JSON.stringify(entry)});
})();
`;
  for (const bad of [/<\/script/i, /<!--/]) {
    // The standalone copy puts this text inside a <script> element, where these would end it early.
    const m = bad.exec(text);
    if (m) {
      const line = text.slice(0, m.index).split('\n').length;
      throw new BuildError(`the bundle contains '${m[0]}' (line ${line}); write it another way`);
    }
  }
  new vm.Script(text, { filename: 'bid-scorer.js' }); // a syntax error stops the build here
  return text;
}

/**
 * The bundle minified by esbuild (pinned in package.json): whitespace, syntax and local names;
 * the licence banner (a `/*!` comment) is kept. The minified text is checked again as a script.
 */
export async function minified(text) {
  const { transform } = await import('esbuild');
  const { code } = await transform(text, { minify: true, legalComments: 'inline', charset: 'utf8' });
  new vm.Script(code, { filename: 'bid-scorer.js' });
  return code;
}

/** The whole dist/bid-scorer.js text. */
export async function build() {
  const { wasm, packed } = await compressWasm();
  const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))?.[1];
  const banner = `/*! bid-scorer ${version ?? ''}: the <${TAG}> element and the bidscore engine (WebAssembly), in one
 * classic script. Embed: a <script src="bid-scorer.js"> element and a <${TAG}> element with the
 * tender inside it as JSON (docs/embedding.md). Runs entirely in the browser; sends nothing.
 * Needs 'wasm-unsafe-eval' in script-src under a Content-Security-Policy. MIT OR Apache-2.0. */
`;
  return bundle(
    ENTRY,
    {
      wasm: JSON.stringify(packed.toString('base64')),
      wasmSize: String(wasm.length),
      // The standalone copy inlines this very script: the function's own text is the bundle.
      source: '() => `(${bidScorerBundle})();\\n`',
    },
    { banner, workerEntry: WORKER_ENTRY },
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = resolve(root, at >= 0 ? args[at + 1] : 'dist/bid-scorer.js');
  try {
    const text = await minified(await build());
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`${relative(root, out)}: ${Buffer.byteLength(text)} bytes`);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(`build-dist: ${error.message}`);
    process.exit(1);
  }
}
