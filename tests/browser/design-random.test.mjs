// Design mode driven in a random order (from fixed seeds, so a failure repeats): buttons pressed,
// fields filled with what a buyer might type half-way or by mistake (nothing, zero, a negative,
// 10^-10, twenty nines, 1e400, words, markup, "__proto__", "1,000", "£5"), choices made. A
// model being written is seldom valid, and every part of the page is drawn from it as it stands:
// the structure, the example bids, their results and the preview of what suppliers see. After
// each action nothing on the page reads "NaN", "undefined", "[object …]" or a template's
// "{gap}", every control has a name, every field marked invalid says why, and the page raised no
// error. At the end the page opened again brings back the model as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp } from './support.mjs';
import { W, designTender, openDesign } from './design-support.mjs';
import { draws } from '../seeded.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const STEPS = 60;
const TYPED = ['', '0', '-1', '5', '100', '0.0000000001', '99999999999999999999', '1e400', 'abc', '<b>x</b>', '__proto__', '12.345', '1,000', '£5'];
// Buttons that leave the page (files, printing, the clipboard) or start again from nothing.
const AWAY = /^(download|export|print|copy|open-file|csv-file|start-choice|use-template)/;

/** What is wrong with what the page shows now: a list of findings, empty when nothing is. */
function findings() {
  const out = [];
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document.querySelector('bid-scorer[mode="design"]').shadowRoot);
  for (const r of roots) {
    const shown = [...r.querySelectorAll('*')]
      .filter((e) => !e.children.length && e.checkVisibility())
      .map((e) => e.textContent)
      .join(' ');
    for (const bad of [/\bNaN\b/, /\bundefined\b/, /\[object \w+\]/, /\{[a-z]\w*\}/]) {
      const at = shown.search(bad);
      if (at >= 0) out.push(`shows ${bad}: …${shown.slice(Math.max(0, at - 60), at + 30)}…`);
    }
    for (const el of r.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
      if (!el.checkVisibility()) continue;
      const by = (attr) => (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean).map((id) => r.getElementById(id)?.textContent ?? '').join(' ').trim();
      const name = (el.labels?.[0]?.textContent ?? '').trim() || el.getAttribute('aria-label') || by('aria-labelledby');
      if (!name) out.push(`a control with no name: ${el.dataset.path ?? el.outerHTML.slice(0, 80)}`);
      if (el.getAttribute('aria-invalid') === 'true' && !by('aria-describedby')) out.push(`invalid, not saying why: ${el.dataset.path}`);
      if (/NaN|undefined/.test(el.value)) out.push(`a value of ${el.value}: ${el.dataset.path}`);
    }
  }
  return out;
}

for (const seed of [2, 4, 9]) {
  test(`design mode, ${STEPS} random actions (seed ${seed}): never "NaN", "undefined" or a template gap shown, every control named, every invalid field explained, no page error; opened again, the same model`, async () => {
    const { page, context, errors } = await openDesign(env);
    page.on('dialog', (d) => d.dismiss());
    const random = draws(seed);
    const done = [];
    for (let step = 0; step < STEPS; step += 1) {
      const controls = await page.locator(W).locator(':is(input:not([type="file"]), textarea, select, button):enabled').filter({ visible: true }).all();
      const c = random.pick(controls);
      const d = await c.evaluate((e) => ({ tag: e.tagName, type: e.type, path: e.dataset.path ?? null, action: e.dataset.action ?? null }));
      if (d.tag === 'BUTTON' && AWAY.test(d.action ?? '')) continue;
      // A control a rebuild replaced between finding and using it is passed over.
      try {
        if (d.tag === 'BUTTON' || d.type === 'checkbox' || d.type === 'radio') {
          await c.click({ timeout: 2000 });
          done.push(`${d.action ?? d.path} pressed`);
        } else if (d.tag === 'SELECT') {
          const value = random.pick(await c.locator('option').evaluateAll((os) => os.map((o) => o.value)));
          await c.selectOption(value, { timeout: 2000 });
          done.push(`${d.path ?? d.action} = ${value}`);
        } else {
          const value = random.pick(TYPED);
          await c.fill(value, { timeout: 2000 });
          done.push(`${d.path ?? d.action} = ${JSON.stringify(value)}`);
        }
      } catch {
        continue;
      }
      // Rebuilds wait for focus to settle, and the results for the engine.
      await page.waitForTimeout(150);
      const found = await page.evaluate(findings);
      assert.deepEqual([...found, ...errors], [], `after: ${done.join('; ')}`);
    }
    assert.ok(done.length >= STEPS / 2, `${done.length} actions`);
    const written = await designTender(page);
    // The work is saved once typing pauses.
    await page.waitForTimeout(1500);
    await page.reload();
    await page.waitForSelector(`${W} [data-mode="design"]`);
    assert.deepEqual(await designTender(page), written, `after: ${done.join('; ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
