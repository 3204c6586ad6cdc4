// Shared by the Node tests: the built engine (pkg/), the native command line, and every tender
// file in the repository.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const pkg = join(root, 'pkg');
if (!existsSync(join(pkg, 'bidscore_bg.wasm'))) {
  throw new Error('pkg/ is not built: run `make wasm` first');
}
const glue = await import(join(pkg, 'bidscore.js'));
glue.initSync({ module: readFileSync(join(pkg, 'bidscore_bg.wasm')) });

/** The engine's JS API, as a page gets it from pkg/bidscore.js. */
export const { evaluate, validate, version, analyse, describe, debriefs, ocdsAwardCriteria, RankAcceptability } = glue;

/** The text of pkg/bidscore.d.ts. */
export const declarations = () => readFileSync(join(pkg, 'bidscore.d.ts'), 'utf8');

let binary;
/** The native command line, built (debug) on first use. */
function cli() {
  if (!binary) {
    execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'bidscore'], { cwd: root, stdio: 'inherit' });
    binary = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'bidscore');
  }
  return binary;
}

/** `bidscore generate BIDS CRITERIA EVALUATORS SEED`: a generated tender's JSON text. */
export function generated(...args) {
  return execFileSync(cli(), ['generate', ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** Runs `bidscore evaluate -` on `text`: `{ status, json }` with the printed document. */
export function native(text) {
  const run = spawnSync(cli(), ['evaluate', '-'], { input: text, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`bidscore exited ${run.status}: ${run.stderr}`);
  }
  return { status: run.status, json: JSON.parse(run.stdout) };
}

/** Runs `bidscore COMMAND - ...ARGS` on `text` and parses what it prints (a valid tender). */
export function nativeCommand(command, text, ...args) {
  const run = spawnSync(cli(), [command, '-', ...args], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`bidscore ${command} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function jsonFiles(dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(full, f), 'utf8') }));
}

/**
 * Every tender in the repository as `{ name, text }`: the examples, each fixture's tender (inline
 * or a path from the repository root), two generated tenders, and each invalid case's input (an
 * object, raw text, or tests/invalid/base.json changed by the case's patch).
 */
export function tenders() {
  const out = jsonFiles('www/examples');
  for (const f of jsonFiles('tests/fixtures')) {
    const doc = JSON.parse(f.text);
    const t = 'tender' in doc ? doc.tender : doc;
    const text = typeof t === 'string' ? readFileSync(join(root, t), 'utf8') : JSON.stringify(t);
    out.push({ name: f.name, text });
  }
  for (const size of [[3, 4, 2, 7], [20, 30, 3, 1]]) {
    out.push({ name: `generated ${size.join(' ')}`, text: generated(...size) });
  }
  const base = JSON.parse(readFileSync(join(root, 'tests/invalid/base.json'), 'utf8'));
  for (const f of jsonFiles('tests/invalid')) {
    if (f.name === 'tests/invalid/base.json') continue;
    const doc = JSON.parse(f.text);
    const input = doc.patch ? patched(base, doc.patch) : doc.input;
    // A case given as bytes (`inputHex`, text that is not UTF-8) cannot be JS text at all.
    if (input === undefined) continue;
    out.push({ name: f.name, text: typeof input === 'string' ? input : JSON.stringify(input) });
  }
  return out;
}

/**
 * `base` changed by a case's patch, as tests/common/mod.rs applies it: each `{ op, path, value }`
 * in turn, `path` a JSON Pointer; `add` puts a new key last and inserts into a list (`-` adds to
 * its end), `remove` deletes, `replace` keeps the key's place.
 */
export function patched(base, ops) {
  const doc = structuredClone(base);
  for (const { op, path, value } of ops) {
    const keys = path.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = keys.pop();
    const parent = keys.reduce((at, k) => at?.[k], doc);
    const where = `${op} ${path}`;
    if (parent === null || typeof parent !== 'object' || (op !== 'add' && !Object.hasOwn(parent, last))) {
      throw new Error(`${where}: no such place in the tender`);
    }
    if (op === 'replace' || (op === 'add' && !Array.isArray(parent))) parent[last] = value;
    else if (op === 'add') parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else if (op === 'remove' && Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (op === 'remove') delete parent[last];
    else throw new Error(`${where}: the op is add, remove or replace`);
  }
  return doc;
}

/** `evaluate` as a value: `{ ok: result }` or `{ error }`, whatever was thrown. */
export function attempt(tender) {
  try {
    return { ok: evaluate(tender) };
  } catch (error) {
    return { error };
  }
}

