// What the engine itself sends after an edit inside one bid (the `since` form of `evaluate` that
// www/src/engine/engine.js builds results from): every other bid's result it took over from the
// last evaluation, rank unchanged, is named by its index, not written out. The page would share
// bids written out that read the same anyway, so only the engine's own answer shows that the
// binding reuses results. In a file of its own: these calls move the engine's last result, which
// engine.js keeps in step with its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, generated } from './engine.mjs';
import * as glue from '../../pkg/bidscore.js';

glue.initSync({ module: readFileSync(join(root, 'pkg/bidscore_bg.wasm')) });

/** The bids the engine wrote out (not named by index) in its answer to `tender` since the last. */
function written(tender) {
  const [, bids] = JSON.parse(glue.evaluate(JSON.stringify(tender), true));
  return bids.flatMap((b, i) => (typeof b === 'number' ? [] : [i]));
}

test('after a rationale typed in one bid of 60, the engine writes that bid alone; after an edit outside the bids, all', () => {
  for (const lots of [false, true]) {
    const t = JSON.parse(generated(60, 8, 3, 4));
    if (lots) {
      t.lots = [{ id: 'n', name: 'North' }, { id: 's', name: 'South' }];
      t.bids.forEach((b, i) => { b.lot = i % 2 ? 's' : 'n'; });
    }
    written(t);
    const scored = Object.keys(t.bids[17].scores)[0];
    t.bids[17].scores[scored].rationale = 'Clear plan <b>&</b> named staff';
    assert.deepEqual(written(t), [17], lots ? 'with lots' : 'without lots');
    // Read whole (the model may have changed): nothing is taken over, so every bid is written.
    t.tender.title = 'Renamed';
    assert.equal(written(t).length, 60);
  }
});
