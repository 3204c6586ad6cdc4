// The evaluation panel's fields in evaluate mode: each score, moderated score and rationale is
// named by its criterion and its bid (a screen reader tabbing through dozens of bids hears which
// one it is at), and the panel's evaluators are named, renamed, added and removed in an
// "Evaluators" part whose names are the keys of every bid's scores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, ready, axe, shot, nodeEngine, field, resultIn } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

const widget = (page) => page.locator('bid-scorer');
const open = (page, id) => page.locator(`bid-scorer details[data-bid-editor="${id}"] > summary`).click();
const nameField = (page, i) => field(page, `evaluators[${i}]`);
const said = (page) => page.locator('bid-scorer [data-evaluators] [role="status"]');

/** The tender as JSON text parsed in Node: own "__proto__" keys come through as keys. */
async function tender(page) {
  return JSON.parse(await widget(page).evaluate((el) => JSON.stringify(el.tender)));
}

/** Each bid's evaluator keys on each criterion: { b1: { q-delivery: ['Evaluator 1', ...] } }. */
function keysOf(t) {
  return Object.fromEntries(
    t.bids.map((b) => [
      b.id,
      Object.fromEntries(Object.entries(b.scores ?? {}).map(([c, s]) => [c, Object.keys(s?.evaluators ?? {})])),
    ]),
  );
}

/** The accessible names of the text fields in the widget's form, as Chromium's tree gives them. */
async function fieldNames(page) {
  const snap = await page.locator('bid-scorer [part="form"]').ariaSnapshot();
  return [...snap.matchAll(/^\s*- textbox "((?:[^"\\]|\\.)*)"/gm)].map((m) => JSON.parse(`"${m[1]}"`));
}

/** What has focus inside the widget: its engine path or action. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.querySelector('bid-scorer').shadowRoot.activeElement;
    return a?.dataset.path ?? a?.dataset.action ?? null;
  });

/** Waits until the widget has saved its work in this browser. */
const saved = (page) => page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();

test('each score, moderated score and rationale is named by its criterion and its bid, and follows the supplier’s name as typed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const t = await tender(page);
  for (const b of t.bids) await open(page, b.id);
  const scored = [
    ['Service delivery (30 marks)', 'q-delivery'],
    ['Staffing and supervision (20 marks)', 'q-staffing'],
  ];
  for (const [i, b] of t.bids.entries()) {
    for (const [heading, id] of scored) {
      for (const label of ['Evaluator 1', 'Evaluator 2', 'Moderated score', 'Rationale']) {
        const named = widget(page).getByRole('textbox', { name: `${label} ${heading} ${b.supplier}`, exact: true });
        assert.equal(await named.count(), 1, `${label} on ${id} of ${b.supplier}`);
      }
      const path = `bids[${i}].scores.${id}.moderated`;
      assert.equal(await field(page, path).getAttribute('aria-labelledby').then((x) => x.split(' ').length), 3);
    }
  }
  // No two of the panel's fields are named alike.
  const names = (await fieldNames(page)).filter((n) => /^(Evaluator \d|Moderated score|Rationale) /.test(n));
  assert.equal(names.length, t.bids.length * 3 * 4);
  assert.deepEqual(
    names.filter((n, i) => names.indexOf(n) !== i),
    [],
  );

  // Every other field of a card is named with its bid too ("Price (GBP)" in one card is told from
  // the next), and so is each group of radio buttons (the gates).
  const all = await fieldNames(page);
  assert.deepEqual(all.filter((n, i) => all.indexOf(n) !== i), [], 'no two fields in the cards share a name');
  for (const b of t.bids) {
    const price = widget(page).getByRole('textbox', { name: new RegExp(`^Price .* ${b.supplier.replace(/[()]/g, '\\$&')}$`) });
    assert.equal(await price.count(), 1, `the price of ${b.supplier}`);
  }
  const groups = await widget(page).locator('[data-bid-editor] fieldset').evaluateAll((fs) =>
    fs.map((f) => f.getAttribute('aria-labelledby').split(' ').map((id) => f.getRootNode().getElementById(id).textContent).join(' ')),
  );
  assert.ok(groups.length >= t.bids.length, `${groups.length} groups`);
  assert.deepEqual(groups.filter((n, i) => groups.indexOf(n) !== i), [], 'no two groups share a name');

  // The bid's part of each name is its supplier name as typed.
  await field(page, 'bids[1].supplier').fill('Riverside Renamed Ltd');
  const moderated = widget(page).getByRole('textbox', {
    name: 'Moderated score Service delivery (30 marks) Riverside Renamed Ltd',
    exact: true,
  });
  assert.equal(await moderated.getAttribute('data-path'), 'bids[1].scores.q-delivery.moderated');
  // An error keeps the name and adds itself as the field's description.
  await field(page, 'bids[1].scores.q-delivery.evaluators.Evaluator 1').fill('9');
  const wrong = widget(page).getByRole('textbox', {
    name: 'Evaluator 1 Service delivery (30 marks) Riverside Renamed Ltd',
    exact: true,
  });
  await page.locator('bid-scorer .error-summary').waitFor();
  assert.match(await wrong.evaluate((e) => e.getAttribute('aria-describedby')), /-error$/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('renaming an evaluator renames their scores in every bid, in order, “__proto__” and “constructor” too, and a reload keeps it', async () => {
  const engine = await nodeEngine();
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const before = await tender(page);
  await open(page, 'b1');
  const rename = (keys, from, to) =>
    Object.fromEntries(
      Object.entries(keys).map(([bid, cs]) => [
        bid,
        Object.fromEntries(Object.entries(cs).map(([c, names]) => [c, names.map((n) => (n === from ? to : n))])),
      ]),
    );

  await nameField(page, 0).fill('Ann Smith');
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[0].scores['q-delivery'].evaluators['Ann Smith'] === 3);
  let t = await tender(page);
  let keys = rename(keysOf(before), 'Evaluator 1', 'Ann Smith');
  assert.deepEqual(keysOf(t), keys);
  // Only the keys changed: the marks, moderated scores and rationales are as they were.
  assert.deepEqual(t.bids[0].scores['q-delivery'], {
    ...before.bids[0].scores['q-delivery'],
    evaluators: { 'Ann Smith': 3, 'Evaluator 2': 4 },
  });
  assert.deepEqual(await resultIn(page), engine.evaluate(t));
  // The open bid's field is now Ann Smith's, and edits her score.
  const ann = field(page, 'bids[0].scores.q-delivery.evaluators.Ann Smith');
  assert.equal(await ann.inputValue(), '3');
  assert.equal(
    await widget(page)
      .getByRole('textbox', { name: 'Ann Smith Service delivery (30 marks) Northside Community CIC', exact: true })
      .getAttribute('data-path'),
    'bids[0].scores.q-delivery.evaluators.Ann Smith',
  );
  await ann.fill('2');
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[0].scores['q-delivery'].evaluators['Ann Smith'] === '2');
  assert.equal(await field(page, 'bids[0].scores.q-delivery.evaluators.Evaluator 1').count(), 0);

  // Names that are also names of every object's properties are keys like any other here; the
  // engine refuses them in a tender file, and says so next to each of their scores.
  await nameField(page, 1).fill('__proto__');
  await nameField(page, 0).fill('constructor');
  await page.waitForFunction(() => {
    const s = document.querySelector('bid-scorer').tender.bids[1].scores['q-delivery'].evaluators;
    return Object.keys(s).join() === 'constructor,__proto__';
  });
  t = await tender(page);
  assert.deepEqual(keysOf(t), rename(rename(keys, 'Evaluator 2', '__proto__'), 'Ann Smith', 'constructor'));
  assert.equal(t.bids[1].scores['q-delivery'].evaluators.__proto__, before.bids[1].scores['q-delivery'].evaluators['Evaluator 2']);
  assert.equal(
    await page.evaluate(() => ({}).constructor === Object && Object.keys(Object.prototype).length === 0),
    true,
  );
  const reserved = page.locator('bid-scorer [data-path="bids[0].scores.q-staffing.evaluators.__proto__"]');
  await reserved.fill('5');
  await page.waitForFunction(() => {
    const s = document.querySelector('bid-scorer').tender.bids[0].scores['q-staffing'].evaluators;
    return Object.hasOwn(s, '__proto__') && s.__proto__ === '5';
  });
  assert.match(await reserved.evaluate((e) => e.closest('.form-group').textContent), /“__proto__” is reserved/);
  assert.deepEqual(await axe(page), []);
  await saved(page);
  let kept = await tender(page);
  await page.reload();
  // No result to wait for: the engine refuses the names.
  await page.locator('bid-scorer .error-summary').waitFor();
  assert.deepEqual(await tender(page), kept);
  assert.equal(await nameField(page, 0).inputValue(), 'constructor');
  assert.equal(await nameField(page, 1).inputValue(), '__proto__');
  assert.equal(await nameField(page, 2).count(), 0);

  // Renamed again, the same scores are scored.
  await nameField(page, 0).fill('Ann Smith');
  await nameField(page, 1).fill('Bo Lee');
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[0].scores['q-staffing'].evaluators['Bo Lee'] === '5');
  assert.deepEqual(keysOf(await tender(page)), rename(keys, 'Evaluator 2', 'Bo Lee'));
  await page.locator('bid-scorer [data-results] table').first().waitFor();
  assert.equal(await page.locator('bid-scorer .error-summary').count(), 0);
  assert.deepEqual(await resultIn(page), engine.evaluate(await tender(page)));
  await saved(page);
  kept = await tender(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tender(page), kept);
  assert.deepEqual(
    [await nameField(page, 0).inputValue(), await nameField(page, 1).inputValue(), await nameField(page, 2).count()],
    ['Ann Smith', 'Bo Lee', 0],
  );
  await open(page, 'b1');
  assert.equal(await field(page, 'bids[0].scores.q-staffing.evaluators.Bo Lee').inputValue(), '5');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty or taken name is shown next to its field, keeps what was typed and changes nothing until put right', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await open(page, 'b2');
  const before = await tender(page);
  const group = page.locator('bid-scorer [data-evaluators] .form-group').first();
  const first = nameField(page, 0);

  await first.fill('');
  assert.equal(await group.locator('.error-message').textContent(), 'Error: Enter the evaluator’s name');
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  assert.equal(await first.inputValue(), '');
  assert.deepEqual(await tender(page), before);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'panel-fields-name-empty');

  await first.fill('Evaluator 2');
  assert.equal(
    await group.locator('.error-message').textContent(),
    'Error: Enter a different name: another evaluator is called “Evaluator 2”',
  );
  assert.equal(await first.inputValue(), 'Evaluator 2');
  // The error is the field's description, so it is read with the field.
  const described = await first.evaluate((e) =>
    e
      .getAttribute('aria-describedby')
      .split(' ')
      .map((id) => e.getRootNode().getElementById(id).textContent)
      .join(' '),
  );
  assert.match(described, /another evaluator is called “Evaluator 2”/);
  // Scores typed meanwhile still go to the name in use.
  await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 1').fill('1');
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids[1].scores['q-staffing'].evaluators['Evaluator 1'] === '1');
  const typed = await tender(page);
  assert.deepEqual(keysOf(typed), keysOf(before));
  assert.equal(await group.locator('.error-message').textContent(), 'Error: Enter a different name: another evaluator is called “Evaluator 2”');
  assert.deepEqual(await axe(page), []);
  // Adding a bid builds the form again: the name in error is still there as typed, with its error.
  await page.locator('bid-scorer [data-action="add-bid"]').click();
  await page.waitForFunction(() => document.querySelector('bid-scorer').tender.bids.length === 5);
  await page.waitForFunction(() =>
    document.querySelector('bid-scorer').shadowRoot.querySelector('[data-evaluators] .error-message:not([hidden])'),
  );
  assert.equal(await nameField(page, 0).inputValue(), 'Evaluator 2');
  assert.equal(await group.locator('.error-message').textContent(), 'Error: Enter a different name: another evaluator is called “Evaluator 2”');
  assert.deepEqual(keysOf({ bids: (await tender(page)).bids.slice(0, 4) }), keysOf(before));

  // When the other evaluator takes another name, the waiting one is free and goes through.
  await nameField(page, 1).fill('Bo');
  await page.waitForFunction(() => {
    const s = document.querySelector('bid-scorer').tender.bids[1].scores['q-staffing'].evaluators;
    return Object.keys(s).join() === 'Evaluator 2,Bo';
  });
  assert.equal(await group.locator('.error-message').isHidden(), true);
  assert.equal(await first.getAttribute('aria-invalid'), null);
  assert.equal(await field(page, 'bids[1].scores.q-staffing.evaluators.Evaluator 2').inputValue(), '1');
  // Spaces around a name are not part of it.
  await first.fill('  Cy  ');
  await page.waitForFunction(() => 'Cy' in document.querySelector('bid-scorer').tender.bids[1].scores['q-staffing'].evaluators);
  assert.equal(await group.locator('.error-message').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('“Add an evaluator” adds a name field, moves focus to it and says so; one who has scored nothing can be removed', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await open(page, 'b3');
  const remove = (i) => page.locator('bid-scorer [data-evaluators] [data-action="remove-evaluator"]').nth(i);
  // Both evaluators have scored: neither can be removed.
  assert.deepEqual([await remove(0).isVisible(), await remove(1).isVisible()], [false, false]);

  await page.locator('bid-scorer [data-action="add-evaluator"]').focus();
  await page.keyboard.press('Enter');
  await said(page).filter({ hasText: 'Evaluator 3 was added.' }).waitFor();
  assert.equal(await focused(page), 'evaluators[2]');
  assert.equal(await nameField(page, 2).inputValue(), 'Evaluator 3');
  const score = widget(page).getByRole('textbox', {
    name: 'Evaluator 3 Service delivery (30 marks) Wellbeing Together (a charity)',
    exact: true,
  });
  assert.equal(await score.inputValue(), '');
  assert.equal(await remove(2).isVisible(), true);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'panel-fields-added-1280');
  await page.setViewportSize({ width: 320, height: 900 });
  await shot(page, 'panel-fields-added-320');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Once they have scored, they can no longer be removed; cleared again, they can.
  await score.fill('4');
  assert.equal(await remove(2).isVisible(), false);
  await score.fill('');
  assert.equal(await remove(2).isVisible(), true);

  // A new evaluator never takes a name already used.
  await nameField(page, 2).fill('Evaluator 4');
  await page.locator('bid-scorer [data-action="add-evaluator"]').click();
  await said(page).filter({ hasText: 'Evaluator 5 was added.' }).waitFor();
  assert.equal(await focused(page), 'evaluators[3]');

  await remove(3).click();
  await said(page).filter({ hasText: 'Evaluator 5 was removed.' }).waitFor();
  assert.equal(await focused(page), 'add-evaluator');
  assert.equal(await nameField(page, 3).count(), 0);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
