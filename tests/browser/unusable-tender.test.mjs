// A tender the forms cannot be drawn from: a list given as an object, bids as a number, a lot
// without an object, text as an object where text must be. The engine refuses each with errors
// naming the field; the widget must say so, never stop half-drawn ("Loading the scoring
// engine…" for good, a blank design page, an exception from the `tender` setter), and must lose
// nothing: the tender given stays the element's, and work in design mode stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setUp, openPage, root, axe } from './support.mjs';
import { W, designTender, inDesign, openDesign } from './design-support.mjs';
import { patched, tenders } from '../node/engine.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const base = JSON.parse(await readFile(`${root}tests/invalid/base.json`, 'utf8'));
// Each with the error the engine gives for it, as the widget words it.
const UNUSABLE = [
  [[{ op: 'replace', path: '/criteria', value: { price: 40 } }], 'criteria: Must be a list'],
  [[{ op: 'replace', path: '/bids', value: 3 }], 'bids: Must be a list'],
  [[{ op: 'add', path: '/measures', value: 'all' }], 'measures: Must be a list'],
  // Design mode's lots cannot be drawn; the other modes draw the bids, with the error above them.
  [[{ op: 'add', path: '/lots', value: [7] }], 'Must be an object'],
];

for (const mode of ['evaluate', 'self-assess', 'design']) {
  test(`${mode} mode: a tender the forms cannot be drawn from is refused in words naming the field, and kept as given`, async () => {
    const { page, context, errors } = await openPage(env, `${mode}.html`);
    await page.waitForFunction(() => document.querySelector('bid-scorer')?.shadowRoot?.querySelector('[data-mode]'));
    for (const [patch, said] of UNUSABLE) {
      const tender = patched(base, patch);
      await page.locator('bid-scorer').evaluate((el, t) => {
        el.tender = t;
      }, tender);
      const alert = page.locator('bid-scorer [role="alert"]').filter({ hasText: said });
      await alert.first().waitFor();
      if (mode === 'design') {
        // The work on the page stays, with the engine's errors for what was given.
        assert.ok(await inDesign(page, '[data-section="criteria"]').isVisible());
      } else if (said.includes(':')) {
        // Refused: the element gives back the tender as given, and no result (the last one was
        // another tender's).
        assert.deepEqual(await page.locator('bid-scorer').evaluate((el) => el.tender), tender, said);
        assert.equal(await page.locator('bid-scorer').evaluate((el) => el.result), null, said);
      }
      if (said === UNUSABLE[0][1]) assert.deepEqual(await axe(page), []);
    }
    // A usable tender afterwards is drawn as usual.
    await page.locator('bid-scorer').evaluate((el, t) => {
      el.tender = t;
    }, base);
    await page.waitForFunction(() => document.querySelector('bid-scorer').result?.bids?.length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the same given inline on a page opened from file:// with the one-file build: each mode says what is wrong', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bidscore-unusable-'));
  await copyFile(`${root}dist/bid-scorer.js`, join(dir, 'bid-scorer.js'));
  const { page, context, errors } = await openPage(env, 'index.html');
  const [patch, said] = UNUSABLE[0];
  const tender = JSON.stringify(patched(base, patch));
  for (const mode of ['evaluate', 'self-assess', 'design', 'publish']) {
    const file = join(dir, `${mode}.html`);
    await writeFile(
      file,
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${mode}</title><script src="bid-scorer.js"></script></head><body><main><bid-scorer mode="${mode}"><script type="application/json">${tender}</script></bid-scorer></main></body></html>`,
    );
    await page.goto(pathToFileURL(file).href);
    await page.locator('bid-scorer [role="alert"]').filter({ hasText: said }).first().waitFor();
  }
  assert.deepEqual(errors, []);
  await context.close();
  await rm(dir, { recursive: true });
});

test('design mode: a file the page cannot be drawn from, opened over the work, leaves the work as it was and says what is wrong', async () => {
  const { page, context, errors } = await openDesign(env);
  await inDesign(page, '[data-action="start-choice"][value="services-60-30-10"]').check();
  await inDesign(page, '[data-action="use-template"]').click();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.design-ready'), W);
  const before = await designTender(page);
  const [patch, said] = UNUSABLE[0];
  // Fresh from a template nothing has been typed, so the file is opened without asking.
  await inDesign(page, '[data-action="open-file"]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(patched(base, patch))),
  });
  await page.locator(`${W} [role="alert"], ${W} .notice`).filter({ hasText: said }).first().waitFor();
  assert.ok(await page.locator(`${W} *`).filter({ hasText: 'The file “broken.json” could not be opened, so your current work was kept' }).count());
  assert.deepEqual(await designTender(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('design mode: a criterion kind or tie-break rule the page does not know is shown as the file has it, never looked up on a prototype', async () => {
  const { page, context, errors } = await openDesign(env);
  const kinds = ['constructor', '__proto__', 'toString', undefined];
  const tender = patched(base, [
    ...kinds.map((kind, i) => ({ op: 'add', path: '/criteria/-', value: { id: `odd-${i}`, name: `Odd ${i}`, weight: 1, ...(kind ? { kind } : {}) } })),
    { op: 'add', path: '/tieBreak', value: ['constructor:odd-0', 'toString', 'price'] },
  ]);
  await page.locator(W).evaluate((el, t) => {
    el.tender = t;
  }, tender);
  const tags = inDesign(page, '[data-section="criteria"] .design-kind');
  await tags.first().waitFor();
  const shown = await tags.allTextContents();
  assert.ok(['constructor', '__proto__', 'toString'].every((k) => shown.includes(k)), shown.join(' | '));
  assert.ok(!shown.some((t) => /function|native code|undefined|object/.test(t)), shown.join(' | '));
  const rules = await inDesign(page, '[data-section="rules"]').textContent();
  assert.ok(rules.includes('constructor:odd-0') && rules.includes('toString'), rules);
  assert.doesNotMatch(rules, /native code|undefined/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every tender in the repository (examples, fixtures, generated, each invalid case) set on a widget in each mode is drawn or refused in words, never left half-drawn', async () => {
  const all = tenders()
    .map(({ name, text }) => {
      try {
        return { name, tender: JSON.parse(text) };
      } catch {
        return null; // not JSON at all: the page's own reading refuses it before the element
      }
    })
    .filter((t) => t?.tender && typeof t.tender === 'object' && !Array.isArray(t.tender));
  assert.ok(all.length > 200, `${all.length} tenders`);
  for (const mode of ['evaluate', 'self-assess', 'design']) {
    const { page, context, errors } = await openPage(env, `${mode}.html`);
    await page.waitForFunction(() => document.querySelector('bid-scorer')?.shadowRoot?.querySelector('[data-mode]'));
    for (const { name, tender } of all) {
      // The setter draws at once (the engine is loaded): what it leaves is what the page shows.
      // What the last tender drew is marked first, so a widget left as it was is caught too.
      const shown = await page.locator('bid-scorer').first().evaluate((el, t) => {
        const root = el.shadowRoot;
        (root.querySelector('[data-section]') ?? root.querySelector('[data-mode]') ?? root.lastElementChild).dataset.drawnBefore = '';
        el.tender = t;
        const drawn = root.querySelector('[data-mode]') || root.querySelector('.banner--error[role="alert"]');
        return Boolean(drawn) && !root.querySelector('[data-drawn-before]');
      }, tender);
      assert.ok(shown, `${mode}: ${name} drew neither the widget nor a refusal`);
    }
    assert.deepEqual(errors, [], mode);
    await context.close();
  }
});
