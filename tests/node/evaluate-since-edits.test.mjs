// `evaluateSince` (www/src/engine/engine.js) after edits of every kind in a random order, on every
// fixture and example: each result is the one `evaluate` gives, to the byte. The engine takes
// over the results of bids an edit leaves alone, and tells the page which read as before; a
// wrong guess there shows a buyer a figure from before the edit. The order of edits is drawn
// from fixed seeds, so a failure names a sequence that repeats. In a file of its own: these calls
// move the engine's last result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, evaluate } from './engine.mjs';
import { loadEngine, useWasmBytes } from '../../www/src/engine/engine.js';
import { draws } from '../seeded.mjs';

useWasmBytes(() => readFileSync(join(root, 'pkg/bidscore_bg.wasm')));
const engine = await loadEngine();

/** Every tender of the fixtures (some name an example's file) and of the examples. */
function tenders() {
  const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const out = [];
  for (const f of readdirSync(join(root, 'tests/fixtures')).filter((f) => f.endsWith('.json')).sort()) {
    const { tender } = read(`tests/fixtures/${f}`);
    out.push([f, typeof tender === 'string' ? read(tender) : tender]);
  }
  for (const f of readdirSync(join(root, 'www/examples')).filter((f) => f.endsWith('.json')).sort()) {
    const t = read(`www/examples/${f}`);
    if (t?.format) out.push([f, t]);
  }
  return out;
}

const FIGURES = [0, 1, 2, 3, 4, 5, 2.5, 7, 10, 100, -1, '0', '-5', '980000', '1150000.50', '99999999999999999999'];

/**
 * One edit of `t` as a person might make it, mostly inside one bid (the edits the engine reads
 * one bid at a time): a score, a moderated score, an evaluator added or removed, a rationale, a
 * price or rate, a gate, a figure, a supplier or id, bids added, removed or swapped, a bid moved to
 * another lot; and now and then a criterion's weight (the model, read whole). Returns what it did.
 */
function edit(t, { next, pick }) {
  const bids = (t.bids ??= []);
  const kind = Math.floor(next() * 15);
  if (kind === 14) {
    const leaves = (nodes) => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
    const c = pick(leaves(t.criteria ?? []).filter((n) => n.weight !== undefined));
    if (c) c.weight = pick([0, 5, 10, 20, c.weight]);
    return `weight ${c?.id}`;
  }
  if (!bids.length) return 'nothing';
  const b = pick(bids);
  const at = bids.indexOf(b);
  const scored = pick(Object.keys(b.scores ?? {}));
  const marking = scored === undefined ? undefined : b.scores[scored];
  const panel = typeof marking === 'object' && marking !== null ? marking : null;
  const keyed = (map) => pick(Object.keys(map ?? {}));
  switch (kind) {
    case 0:
    case 1:
    case 2:
      if (scored === undefined) return 'nothing';
      if (panel?.evaluators && Object.keys(panel.evaluators).length) {
        panel.evaluators[keyed(panel.evaluators)] = pick([0, 1, 2, 3, 4, 5, 8, 10]);
      } else if (!panel) {
        b.scores[scored] = pick([0, 1, 2, 3, 4, 5, 2.5]);
      }
      return `score ${b.id} ${scored}`;
    case 3:
      if (!panel) return 'nothing';
      if (panel.moderated === undefined) panel.moderated = pick([0, 1, 2, 3, 4, 5]);
      else delete panel.moderated;
      return `moderated ${b.id} ${scored}`;
    case 4:
      if (!panel?.evaluators) return 'nothing';
      if (Object.keys(panel.evaluators).length > 1 && next() < 0.5) delete panel.evaluators[keyed(panel.evaluators)];
      else panel.evaluators[`Evaluator ${Math.floor(next() * 5)}`] = pick([0, 1, 2, 3, 4, 5]);
      return `evaluators ${b.id} ${scored}`;
    case 5:
      if (!panel) return 'nothing';
      panel.rationale = pick(['Clear plan <b>&</b> named staff', '', '__proto__']);
      return `rationale ${b.id}`;
    case 6:
      if (b.prices && Object.keys(b.prices).length) b.prices[keyed(b.prices)] = pick(FIGURES);
      else b.price = pick(FIGURES);
      return `price ${b.id}`;
    case 7: {
      const gate = keyed(b.gates);
      if (gate !== undefined) b.gates[gate] = !b.gates[gate];
      return `gate ${b.id} ${gate}`;
    }
    case 8: {
      const map = b.values && Object.keys(b.values).length ? b.values : b.socialValue;
      const key = keyed(map);
      if (key !== undefined) map[key] = pick(FIGURES);
      return `figure ${b.id} ${key}`;
    }
    case 9:
      b.supplier = pick(['Abel Ltd', 'Zed <i>', `${b.supplier} X`, 'Same']);
      return `supplier ${b.id}`;
    case 10:
      b.id = pick(['zz', 'a0', `${b.id}x`, 'dup']);
      return `id ${b.id}`;
    case 11: {
      const j = Math.floor(next() * bids.length);
      [bids[at], bids[j]] = [bids[j], bids[at]];
      return `swap ${at} ${j}`;
    }
    case 12: {
      const copy = structuredClone(b);
      copy.id = `n${Math.floor(next() * 1000)}`;
      bids.splice(Math.floor(next() * (bids.length + 1)), 0, copy);
      return `add ${copy.id}`;
    }
    default:
      if (t.lots?.length && next() < 0.7) {
        b.lot = pick(t.lots).id;
        return `lot ${b.id} ${b.lot}`;
      }
      bids.splice(at, 1);
      return `remove ${b.id}`;
  }
}

/** What a call gives: its JSON, or its error's code and message. */
function outcome(call) {
  try {
    return JSON.stringify(call());
  } catch (e) {
    return `error ${e?.code} ${e?.message}`;
  }
}

test('edits of every kind in a random order give, each, what evaluate gives', () => {
  const all = tenders();
  assert.ok(all.length > 50, `${all.length} tenders`);
  let compared = 0;
  for (const [name, tender] of all) {
    for (const seed of [1, 2, 3, 4]) {
      const t = structuredClone(tender);
      const random = draws(seed * 7919 + name.length);
      const done = [];
      outcome(() => engine.evaluateSince(t));
      for (let step = 0; step < 20; step += 1) {
        done.push(edit(t, random));
        const got = outcome(() => engine.evaluateSince(t));
        const want = outcome(() => evaluate(JSON.stringify(t)));
        assert.equal(got, want, `${name}, seed ${seed}, after: ${done.join('; ')}`);
        compared += 1;
      }
    }
  }
  assert.ok(compared > 4000, `${compared} evaluations compared`);
});
