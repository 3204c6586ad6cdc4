// Reads the engine's Rust source for every message code it can emit and the params it gives each:
// errors (src/error.rs), warnings (`warn(…)` and `Spread` in src/evaluate/), disqualification
// reasons and missing inputs (`msg(…)` in src/evaluate/) and bid statuses (`enum Status`). Only
// enough of Rust is understood for that: strings, comments, brackets, match arms and
// `.with("name", …)` calls.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const read = (file) => readFileSync(join(root, file), 'utf8');

/**
 * `src` with the insides of strings, char literals and comments blanked to spaces, so brackets
 * and commas can be counted; positions stay those of `src`.
 */
export function masked(src) {
  const out = src.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k += 1) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const to = end < 0 ? src.length : end;
      blank(i, to);
      i = to;
    } else if (c === '/' && src[i + 1] === '*') {
      const to = src.indexOf('*/', i + 2) + 2;
      blank(i, to);
      i = to;
    } else if (c === 'r' && /^r#*"/.test(src.slice(i, i + 8)) && !/\w/.test(src[i - 1] ?? '')) {
      const hashes = src.slice(i + 1).match(/^#*/)[0];
      const open = i + 1 + hashes.length;
      const close = src.indexOf(`"${hashes}`, open + 1);
      blank(open + 1, close);
      i = close + 1 + hashes.length;
    } else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else if (c === "'" && /^'(\\.[^']*|[^\\'])'/.test(src.slice(i, i + 12))) {
      // A char literal ('"', '\n', '\u{1F600}'), not a lifetime ('static).
      const j = src.indexOf("'", i + 2 + (src[i + 1] === '\\' ? 1 : 0));
      blank(i + 1, j);
      i = j + 1;
    } else i += 1;
  }
  return out.join('');
}

const PAIRS = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** The position of the bracket closing the one at `open`. */
function closing(m, open) {
  let depth = 0;
  for (let k = open; k < m.length; k += 1) {
    if (PAIRS[m[k]]) depth += 1;
    else if (CLOSERS.has(m[k])) {
      depth -= 1;
      if (depth === 0) return k;
    }
  }
  throw new Error(`unclosed bracket at ${open}`);
}

/** Ranges [from, to) between top-level commas in m[from, to). */
function split(m, from, to, sep = ',') {
  const parts = [];
  let depth = 0;
  let start = from;
  for (let k = from; k < to; k += 1) {
    if (PAIRS[m[k]]) depth += 1;
    else if (CLOSERS.has(m[k])) depth -= 1;
    else if (depth === 0 && m.startsWith(sep, k)) {
      parts.push([start, k]);
      start = k + sep.length;
    }
  }
  if (m.slice(start, to).trim()) parts.push([start, to]);
  return parts;
}

/** The string literals written in src[from, to). */
const literals = (src, from, to) => [...src.slice(from, to).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]);

/** The names of `.with("name", …)` (and `.put`) calls in src[from, to), with their bracket depth from `from`. */
function withs(src, m, from, to) {
  const out = [];
  let depth = 0;
  for (let k = from; k < to; k += 1) {
    if (PAIRS[m[k]]) depth += m[k] === '{' ? 1 : 0;
    else if (m[k] === '}') depth -= 1;
    else if (m.startsWith('.with(', k) || m.startsWith('.put(', k)) {
      const name = src.slice(k).match(/^\.(?:with|put)\(\s*"([^"]+)"/);
      if (name) out.push({ name: name[1], depth });
      else out.push({ name: null, depth, at: k });
    }
  }
  return out;
}

/** The body range of `fn name` (inside its braces). */
function fnBody(src, m, name) {
  const at = m.search(new RegExp(`\\bfn ${name}\\b`));
  if (at < 0) throw new Error(`no fn ${name}`);
  const open = m.indexOf('{', at);
  return [open + 1, closing(m, open)];
}

/** The arms of the first `match … {` in m[from, to): `{ pattern: [a, b], body: [a, b] }`. */
function matchArms(m, from, to) {
  const open = m.indexOf('{', m.indexOf('match ', from));
  const end = closing(m, open);
  if (end > to) throw new Error('match outside the range');
  const arms = [];
  let k = open + 1;
  while (k < end) {
    while (k < end && /[\s,]/.test(m[k])) k += 1;
    if (k >= end) break;
    let arrow = k;
    let depth = 0;
    while (!(depth === 0 && m.startsWith('=>', arrow))) {
      if (PAIRS[m[arrow]]) depth += 1;
      else if (CLOSERS.has(m[arrow])) depth -= 1;
      arrow += 1;
    }
    let b = arrow + 2;
    while (/\s/.test(m[b])) b += 1;
    let stop;
    if (m[b] === '{') stop = closing(m, b) + 1;
    else {
      stop = b;
      let d = 0;
      while (stop < end && !(d === 0 && m[stop] === ',')) {
        if (PAIRS[m[stop]]) d += 1;
        else if (CLOSERS.has(m[stop])) d -= 1;
        stop += 1;
      }
    }
    arms.push({ pattern: [k, arrow], body: [b, stop], block: m[b] === '{' });
    k = stop + 1;
  }
  return arms;
}

const variantsOf = (m, [a, b]) => split(m, a, b, '|').map(([x, y]) => m.slice(x, y).trim().match(/^\w+/)[0]);

/**
 * Every error code with the params it always gives (`always`) and those it gives only sometimes
 * (`sometimes`), from `ErrorKind::code` and `ErrorKind::params`.
 */
export function errorCodes() {
  const src = read('src/error.rs');
  const m = masked(src);
  const codeOf = new Map();
  const [cf, ct] = fnBody(src, m, 'code');
  for (const arm of matchArms(m, cf, ct)) {
    const [code] = literals(src, ...arm.body);
    for (const v of variantsOf(m, arm.pattern)) codeOf.set(v, code);
  }
  const paramsOf = new Map();
  const [pf, pt] = fnBody(src, m, 'params');
  for (const arm of matchArms(m, pf, pt)) {
    const found = withs(src, m, ...arm.body);
    if (found.some((w) => w.name === null)) throw new Error(`a param of ${src.slice(...arm.pattern)} is not named by a literal`);
    const top = arm.block ? 1 : 0;
    const always = found.filter((w) => w.depth <= top).map((w) => w.name);
    const sometimes = found.filter((w) => w.depth > top).map((w) => w.name);
    for (const v of variantsOf(m, arm.pattern)) paramsOf.set(v, { always, sometimes });
  }
  const codes = new Map();
  for (const [variant, code] of codeOf) {
    const p = paramsOf.get(variant);
    if (!p) throw new Error(`ErrorKind::${variant} has a code but no arm in params()`);
    const had = codes.get(code);
    // A code given by several variants: always what each gives, sometimes what any gives.
    codes.set(
      code,
      had
        ? {
            always: had.always.filter((n) => p.always.includes(n)),
            sometimes: [...new Set([...had.sometimes, ...had.always, ...p.always, ...p.sometimes])].filter(
              (n) => !(had.always.includes(n) && p.always.includes(n)),
            ),
          }
        : { always: [...p.always], sometimes: [...p.sometimes] },
    );
  }
  for (const v of paramsOf.keys()) if (!codeOf.has(v)) throw new Error(`ErrorKind::${v} has params but no code`);
  return codes;
}

/**
 * The engine's own English message of each error variant (`ErrorKind::template`): for each arm,
 * its variants, the `{name}` places its text fills, and every param the variant's arm of
 * `ErrorKind::params` gives (always or sometimes).
 */
export function errorTemplates() {
  const src = read('src/error.rs');
  const m = masked(src);
  const given = new Map();
  const [pf, pt] = fnBody(src, m, 'params');
  for (const arm of matchArms(m, pf, pt)) {
    const names = withs(src, m, ...arm.body).map((w) => w.name);
    for (const v of variantsOf(m, arm.pattern)) given.set(v, names);
  }
  const [tf, tt] = fnBody(src, m, 'template');
  return matchArms(m, tf, tt).map((arm) => {
    const variants = variantsOf(m, arm.pattern);
    const text = literals(src, ...arm.body).join('');
    return {
      variants,
      text,
      places: [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((x) => x[1]),
      given: variants.map((v) => given.get(v) ?? []),
    };
  });
}

/** `const NAME: &str = "value";` anywhere under src/. */
function constants() {
  const out = new Map();
  for (const file of rustFiles('src')) {
    for (const [, name, value] of read(file).matchAll(/const (\w+): &(?:'static )?str = "([^"]*)";/g)) out.set(name, value);
  }
  return out;
}

function rustFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? rustFiles(`${dir}/${d.name}`) : d.name.endsWith('.rs') ? [`${dir}/${d.name}`] : [],
  );
}

/**
 * The params an argument expression gives: its own `.with("…")` calls, and those of the variables
 * it names (`params()`, `params.clone()`, `params`), found where the enclosing function (or, for a
 * variable passed in, the file before it) assigns them: `let params = …;`, `params = params.with(…);`.
 */
function argParams(src, m, [from, to]) {
  const fnStart = m.lastIndexOf('fn ', from);
  const names = new Set();
  const add = (a, b) => {
    for (const w of withs(src, m, a, b)) {
      if (w.name) names.add(w.name);
      else {
        // `.with(kind, …)`: the names the variable is given (`let kind = match … { … => "group" }`).
        const v = src.slice(w.at).match(/^\.(?:with|put)\(\s*(\w+)/)[1];
        const at = m.slice(fnStart, w.at).lastIndexOf(`let ${v} =`);
        if (at < 0) throw new Error(`${src.slice(w.at, w.at + 40)}: the param's name is neither a literal nor a variable`);
        for (const n of literals(src, fnStart + at, statementEnd(m, fnStart + at))) names.add(n);
      }
    }
  };
  add(from, to);
  for (const [, v] of m.slice(from, to).matchAll(/\b([a-z_]\w*)\b(?!\s*[:!])/g)) {
    if (['with', 'put', 'new', 'sized', 'clone', 'into', 'as_str'].includes(v)) continue;
    const assign = new RegExp(`(?:\\blet\\s+(?:mut\\s+)?(?:\\([^)=]*\\b${v}\\b[^)=]*\\)|${v})|[;{}]\\s*${v})\\s*=(?!=)`, 'g');
    let found = [...m.slice(fnStart, from).matchAll(assign)].map((x) => fnStart + x.index);
    if (!found.length) found = [...m.slice(0, from).matchAll(assign)].map((x) => x.index).slice(-1);
    for (const at of found) add(at, statementEnd(m, at));
  }
  return names;
}

/** The end of the statement starting at `at`: its `;` outside brackets. */
function statementEnd(m, at) {
  let depth = 0;
  for (let k = /[;{}]/.test(m[at]) ? at + 1 : at; k < m.length; k += 1) {
    if (PAIRS[m[k]]) depth += 1;
    else if (CLOSERS.has(m[k]) && --depth < 0) return k;
    else if (depth === 0 && m[k] === ';') return k;
  }
  return m.length;
}

/** Calls `fn(code, params, …)` under `dir`: code → the params any call gives. */
function calls(dir, fn, paramsArg) {
  const consts = constants();
  const out = new Map();
  for (const file of rustFiles(dir)) {
    const src = read(file);
    const m = masked(src);
    for (const x of m.matchAll(new RegExp(`(?<!fn |\\w)${fn}\\(`, 'g'))) {
      const open = x.index + fn.length;
      const args = split(m, open + 1, closing(m, open));
      const [a, b] = args[0];
      const codes = literals(src, a, b);
      if (!codes.length) {
        const id = src.slice(a, b).trim();
        if (!consts.has(id)) throw new Error(`${file}: ${fn}(${id}, …) names its code by neither a literal nor a const`);
        codes.push(consts.get(id));
      }
      const params = argParams(src, m, args[paramsArg]);
      for (const code of codes) out.set(code, new Set([...(out.get(code) ?? []), ...params]));
    }
  }
  return out;
}

/** Warning code → the params some warning of that code gives (`lot` when divided into lots). */
export function warningCodes() {
  const out = calls('src/evaluate', 'warn', 2);
  // The evaluator-spread warning, held as its figures: `Spread::CODE`, with the params
  // `Spread::params` writes.
  const src = read('src/evaluate/warning.rs');
  const m = masked(src);
  const code = src.match(/const CODE: &'static str = "([^"]+)"/)[1];
  out.set(code, new Set([...(out.get(code) ?? []), ...withs(src, m, ...fnBody(src, m, 'params')).map((w) => w.name)]));
  // Each warning of a lot is reworded with one more param: `w.reworded(prefix, "name", value)`.
  const lots = read('src/evaluate/lots.rs');
  const lot = literals(lots, ...fnBody(lots, masked(lots), 'in_lot')).filter((s) => /^\w+$/.test(s));
  if (!lot.length) throw new Error('src/evaluate/lots.rs: in_lot names no param');
  for (const set of out.values()) for (const n of lot) set.add(n);
  return out;
}

/** Reason and missing-input code → the params some message of that code gives. */
export const reasonCodes = () => calls('src/evaluate', 'msg', 1);

/** A bid's statuses, as the result writes them (`enum Status`, kebab-case). */
export function statuses() {
  const src = read('src/result.rs');
  const m = masked(src);
  const at = m.indexOf('pub enum Status');
  const open = m.indexOf('{', at);
  return split(m, open + 1, closing(m, open)).map(([a, b]) =>
    m
      .slice(a, b)
      .trim()
      .replace(/^#\[.*\]\s*/s, '')
      .replace(/[a-z][A-Z]/g, (s) => `${s[0]}-${s[1]}`)
      .toLowerCase(),
  );
}

/**
 * Every code of a working the engine can give (a criterion's, an award value's or a made-up bid's
 * `explain.code`): the kebab-case literals of the files that write workings, but for a param's
 * name (`.with("marks", …)`), the set bounds' own words (`at(best, "best")`) and an attribute's
 * (`#[cfg(target_arch = "wasm32")]`).
 */
export function workingCodes() {
  const files = ['src/price.rs', 'src/evaluate/score.rs', 'src/evaluate/totals.rs', 'src/award.rs'];
  const codes = new Set();
  for (const file of files) {
    const src = read(file).split('#[cfg(test)]')[0];
    const m = masked(src);
    const attributes = [...m.matchAll(/#!?\[/g)].map((a) => [a.index, closing(m, a.index + a[0].length - 1)]);
    for (const x of src.matchAll(/(?<!\.(?:with|put)\(\s*)(?<!\bat\(\w+,\s*)"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"/g)) {
      if (attributes.some(([from, to]) => from < x.index && x.index < to)) continue;
      // A literal inside a comment is blanked in the masked text; a string's quote is kept.
      if (m[x.index] === '"') codes.add(x[1]);
    }
  }
  return codes;
}
