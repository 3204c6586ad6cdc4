#!/usr/bin/env node
// The demo pages. Their sources are www/pages/*.html; this writes each one to www/ (where its
// relative links to demo.css, src/ and ../dist/ resolve, over http and from file://), with every
// tender placeholder filled from www/examples/:
//
//   <bid-scorer mode="evaluate">
//   <script type="application/json" data-example="council-wellbeing"></script>
//   </bid-scorer>
//
// becomes the same element holding www/examples/council-wellbeing.json as written. A widget in a
// mode suppliers see (publish, self-assess) gets the model only: the file with its `bids` member
// cut out, so a page copied as a template never publishes the bids. The built pages are not kept
// in git; this script is their only writer, and scripts/serve.mjs runs it before serving. It also
// writes www/models/<example>.json, each example without its bids, for pages that choose an
// example at run time.
// Usage: node scripts/build-pages.mjs [--clean]
//   --clean removes the built pages instead.
import { mkdir, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The widget's modes (www/src/bid-scorer-element.js). */
export const MODES = ['publish', 'self-assess', 'evaluate', 'design'];
/** Modes that suppliers see: their pages carry the model without the bids. */
export const SUPPLIER_MODES = ['publish', 'self-assess'];
/** The folder of www/ holding each example's model without its bids (built, not kept in git). */
export const MODELS = 'models';

/** The first line after the doctype of every built page; it also marks a page this script wrote. */
export const banner = (name) =>
  `<!-- Built by scripts/build-pages.mjs from www/pages/${name}: edit that file, not this one. -->`;
const BANNER_START = '<!-- Built by scripts/build-pages.mjs from www/pages/';

/** A tag's attributes, names lowercased; the first of a repeated name wins, as in HTML. */
export function attributes(tagText) {
  const attrs = {};
  const inner = tagText.replace(/^<\/?[\w-]+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1].toLowerCase();
    if (!(name in attrs)) attrs[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

// ---------------------------------------------------------------- the model without its bids ---

/** Index just past the JSON string that opens at `i`. */
function skipString(text, i) {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  throw new Error('an example ends inside a string');
}

/** Index just past the JSON value that starts at `i` (the text is known to parse). */
function skipValue(text, i) {
  if (text[i] === '"') return skipString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    let j = i;
    while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = skipString(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  throw new Error('an example ends inside an object or array');
}

const skipSpace = (text, i) => {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

/** The top-level members of a JSON object's text: `{ key, start, end }`, start at the key's quote. */
function members(text) {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw new Error('an example must be a JSON object');
  const found = [];
  i = skipSpace(text, i + 1);
  while (text[i] !== '}') {
    const start = i;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    const end = skipValue(text, i);
    found.push({ key, start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return found;
}

/**
 * The text of a tender file with every top-level `bids` member cut out and the rest exactly as
 * written (a key spelt with escapes, `"bi\u0064s"`, is still `bids`).
 */
export function modelOnlyText(text) {
  const whole = JSON.parse(text);
  const all = members(text);
  let out = text;
  // From the last member back, so earlier offsets stay true.
  for (let k = all.length - 1; k >= 0; k--) {
    if (all[k].key !== 'bids') continue;
    const [from, to] = k > 0 ? [all[k - 1].end, all[k].end] : [all[k].start, k + 1 < all.length ? all[k + 1].start : all[k].end];
    out = out.slice(0, from) + out.slice(to);
    all.splice(k, 1);
    // A cut first member leaves the next one first: its offsets moved left by what was cut.
    for (let n = k; n < all.length; n++) {
      all[n].start -= to - from;
      all[n].end -= to - from;
    }
  }
  const model = { ...whole };
  delete model.bids;
  if (!isDeepStrictEqual(JSON.parse(out), model)) throw new Error('cutting the bids out changed the model');
  return out;
}

// ---------------------------------------------------------------------------- one page -----------

/**
 * Text for a `<script type="application/json">` element: `<` written as `\u003c` (the same JSON),
 * so nothing in a string can end the element or open a comment.
 */
const scriptSafe = (text) => text.replace(/</g, '\\u003c');

/**
 * The built page for a source page: the banner after the doctype, and each tender placeholder
 * filled with its example, the model only where the widget's mode is one suppliers see.
 * `readExample(name)` returns the text of www/examples/<name>.json. Throws, naming the page, on a
 * placeholder that is not empty, outside a widget, in a widget without a known mode or naming no
 * example, and on an inline tender typed into the page by hand.
 * @param {string} name the page's file name, e.g. `evaluate.html`
 * @param {string} source the page's source text
 * @param {(example: string) => string} readExample
 */
export function buildPage(name, source, readExample) {
  const fail = (why) => {
    throw new Error(`www/pages/${name}: ${why}`);
  };
  let out = '';
  let at = 0;
  for (const m of source.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi)) {
    const [, open, content] = m;
    const attrs = attributes(open);
    if ((attrs.type ?? '').trim().toLowerCase() !== 'application/json') continue;
    const example = attrs['data-example'];
    if (example === undefined) {
      fail('a tender is typed into the page; leave the element empty and name its file in www/examples/ with data-example');
    }
    if (!/^[a-z0-9][a-z0-9-]*$/.test(example)) {
      fail(`data-example="${example}" must be a file name in www/examples/ without .json`);
    }
    if (content !== '') fail(`the placeholder for ${example} must be empty: this script writes the tender`);
    const tags = [...source.slice(0, m.index).matchAll(/<(\/?)bid-scorer\b[^>]*>/gi)];
    const widget = tags.at(-1);
    if (!widget || widget[1] === '/') fail(`the placeholder for ${example} is not inside a <bid-scorer>`);
    const mode = attributes(widget[0]).mode;
    if (!MODES.includes(mode)) {
      fail(`the <bid-scorer> holding ${example} needs a mode attribute: one of ${MODES.join(', ')}`);
    }
    let text;
    try {
      text = readExample(example);
    } catch {
      fail(`no example www/examples/${example}.json`);
    }
    const tender = SUPPLIER_MODES.includes(mode) ? modelOnlyText(text) : text;
    const tag = open.replace(/\s+data-example\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)/i, '');
    out += `${source.slice(at, m.index)}${tag}\n${scriptSafe(tender)}${tender.endsWith('\n') ? '' : '\n'}</script>`;
    at = m.index + m[0].length;
  }
  out += source.slice(at);
  const doctype = /^<!doctype html>\n/i.exec(out);
  const head = doctype ? doctype[0] : '';
  return `${head}${banner(name)}\n${out.slice(head.length)}`;
}

// ---------------------------------------------------------------------------- every page ---------

/** Writes `text` to `file` unless it is there already; a reader never sees half a file. */
async function writeIfChanged(file, text) {
  const now = await readFile(file, 'utf8').catch(() => null);
  if (now === text) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
  return true;
}

/** The built pages in www/: the names of the .html files there that this script wrote. */
async function builtPages(dir) {
  const names = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.html')) continue;
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    if (text.includes(BANNER_START)) names.push(name);
  }
  return names;
}

/**
 * Builds every page of www/pages/ into www/, and removes a built page whose source is gone.
 * Resolves to the names of the pages built.
 */
export async function buildPages({ base = root } = {}) {
  const www = join(base, 'www');
  const sources = (await readdir(join(www, 'pages'))).filter((n) => n.endsWith('.html')).sort();
  const examples = new Map();
  for (const n of await readdir(join(www, 'examples'))) {
    if (n.endsWith('.json')) examples.set(n.slice(0, -'.json'.length), await readFile(join(www, 'examples', n), 'utf8'));
  }
  const built = sources.map(async (name) => {
    const source = await readFile(join(www, 'pages', name), 'utf8');
    const page = buildPage(name, source, (example) => {
      if (!examples.has(example)) throw new Error(example);
      return examples.get(example);
    });
    await writeIfChanged(join(www, name), page);
  });
  await Promise.all(built);
  for (const name of await builtPages(www)) {
    if (!sources.includes(name)) await unlink(join(www, name)).catch(() => {});
  }
  // Pages that pick an example at run time (award.html) fetch a supplier-facing mode's tender
  // from www/models/: each example's model without its bids.
  await mkdir(join(www, MODELS), { recursive: true });
  const models = [...examples].map(([n, text]) => {
    let model;
    try {
      model = modelOnlyText(text);
    } catch (error) {
      throw new Error(`www/examples/${n}.json: ${error.message}`);
    }
    return writeIfChanged(join(www, MODELS, `${n}.json`), model);
  });
  await Promise.all(models);
  for (const name of await readdir(join(www, MODELS))) {
    if (name.endsWith('.json') && !examples.has(name.slice(0, -'.json'.length))) await unlink(join(www, MODELS, name));
  }
  return sources;
}

/** Removes every built page from www/. */
export async function cleanPages({ base = root } = {}) {
  const www = join(base, 'www');
  for (const name of await builtPages(www)) await unlink(join(www, name));
  await rm(join(www, MODELS), { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--clean')) await cleanPages();
    else await buildPages();
  } catch (error) {
    console.error(`build-pages: ${error.message}`);
    process.exit(1);
  }
}
