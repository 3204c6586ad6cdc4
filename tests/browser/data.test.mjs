// Saving and loading: autosave and restore, a corrupt save set aside, start again, export and
// import of the tender file (file picker and drag-and-drop), and the results CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUp, openPage, ready, nodeEngine, tenderIn, defaultTenderText, field, resultIn, csvFields } from './support.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

async function downloadOf(page, action) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`bid-scorer [data-action="${action}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('self-assess: what was typed is saved in the browser and restored after a reload', async () => {
  const { page, context, errors } = await openPage(env, 'self-assess.html');
  await ready(page);
  await field(page, 'bids[0].price').fill('1010000');
  await page.locator('bid-scorer').getByLabel('3 – Good').nth(1).check();
  await page.locator('bid-scorer [data-saved]').filter({ hasText: 'Saved in this browser' }).waitFor();
  const typed = await tenderIn(page);
  await page.reload();
  await ready(page);
  assert.deepEqual(await tenderIn(page), typed);
  assert.equal(await field(page, 'bids[0].price').inputValue(), '1010000');
  assert.equal(await page.locator('bid-scorer').getByLabel('3 – Good').nth(1).isChecked(), true);
  assert.match(await page.locator('bid-scorer .banner--success').textContent(), /restored from this browser/);
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(typed));

  // "Start again" asks first; cancelling keeps everything.
  await page.locator('bid-scorer [data-action="start-again"]').click();
  const confirm = page.locator('bid-scorer [data-confirm]');
  assert.match(await confirm.textContent(), /Start again\?/);
  await page.locator('bid-scorer [data-action="start-again-cancel"]').click();
  assert.deepEqual(await tenderIn(page), typed);
  await page.locator('bid-scorer [data-action="start-again"]').click();
  await page.locator('bid-scorer [data-action="start-again-yes"]').click();
  const fresh = await tenderIn(page);
  assert.equal(fresh.bids[0].price, undefined);
  assert.equal(await field(page, 'bids[0].price').inputValue(), '');
  await page.reload();
  await ready(page);
  assert.equal((await tenderIn(page)).bids[0].price, undefined, 'the saved copy was removed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt saved state is reported and set aside, never a blank widget', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  const key = 'bid-scorer:v1:evaluate:EBC-2026-014';
  await page.evaluate((k) => localStorage.setItem(k, '{"savedAt": "2026-01-01", "tender": [broken'), key);
  await page.reload();
  await ready(page);
  const banner = page.locator('bid-scorer .banner--error');
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.match(await banner.textContent(), /could not be read, so it was set aside/);
  // The widget shows the page's tender, scored.
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(await defaultTenderText()));
  const store = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(store[key], undefined);
  const aside = Object.keys(store).filter((k) => k.startsWith(`${key}:unreadable:`));
  assert.equal(aside.length, 1);
  assert.equal(store[aside[0]], '{"savedAt": "2026-01-01", "tender": [broken');
  assert.deepEqual(errors, []);
  await context.close();
});

test('export → import round-trips the tender file; an invalid file shows its errors and keeps the work', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await field(page, 'bids[1].price').fill('990000');
  await field(page, 'bids[1].supplier').fill('Riverside, Care & Partners "Ltd"');
  const edited = await tenderIn(page);
  const exported = await downloadOf(page, 'export-json');
  assert.equal(exported.name, 'EBC-2026-014-tender.json');
  assert.deepEqual(JSON.parse(exported.text), edited);

  // Start again, then open the exported file with the file picker.
  await page.locator('bid-scorer [data-action="start-again"]').click();
  await page.locator('bid-scorer [data-action="start-again-yes"]').click();
  assert.deepEqual(await tenderIn(page), JSON.parse(await defaultTenderText()));
  await page.locator('bid-scorer input[type="file"]').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await page.locator('bid-scorer .banner--success').filter({ hasText: 'Opened “mine.json”' }).waitFor();
  assert.deepEqual(await tenderIn(page), edited);
  const engine = await nodeEngine();
  assert.deepEqual(await resultIn(page), engine.evaluate(edited));

  // An invalid file: its errors are listed and the current work stays.
  const bad = JSON.parse(exported.text);
  bad.bids[0].price = 'lots';
  bad.criteria[2].formula = 'cheapest-wins';
  await page.locator('bid-scorer input[type="file"]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const banner = page.locator('bid-scorer .banner--error');
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /could not be opened, so your current work was kept/);
  // Each error where the form shows it: the bid by its supplier, the field by its label.
  assert.ok(text.includes(`“${bad.bids[0].supplier}”, Price: “lots” is not a number`), text);
  assert.ok(text.includes(`“${bad.criteria[2].name}”, formula:`), text);
  assert.doesNotMatch(text, /bids\[0\]|criteria\[2\]/);
  assert.match(text, /cheapest-wins/);
  assert.deepEqual(await tenderIn(page), edited);

  // Dropping a file on the drop zone opens it too.
  const original = await defaultTenderText();
  await page.locator('bid-scorer [part~="drop"]').evaluate((zone, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, original);
  await page.locator('bid-scorer .banner--success').filter({ hasText: 'Opened “dropped.json”' }).waitFor();
  assert.deepEqual(await tenderIn(page), JSON.parse(original));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the results CSV opens in Excel: BOM, £ amounts, names with commas and quotes quoted', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b1"] > summary').click();
  await field(page, 'bids[0].supplier').fill('Northside, "Community" CIC');
  await page.waitForFunction(() => document.querySelector('bid-scorer').result.bids[0].supplier.includes(','));
  await field(page, 'bids[0].supplier').evaluate((el) => el.blur());
  const csv = await downloadOf(page, 'export-csv');
  assert.equal(csv.name, 'EBC-2026-014-results.csv');
  assert.equal(csv.text.charCodeAt(0), 0xfeff, 'starts with a UTF-8 byte order mark');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines.at(-1), '', 'ends with a line break');
  const r = await resultIn(page);
  assert.equal(lines.length - 2, r.bids.length);
  assert.match(
    lines[0],
    /^Rank,Supplier,Status,Price offered,Price,Service delivery,.*,Total score,Social value in money,Why it is not ranked$/,
  );
  const b1 = r.bids.find((b) => b.id === 'b1');
  const row = lines.find((l) => l.includes('Northside'));
  assert.ok(row.startsWith(`${b1.rank},"Northside, ""Community"" CIC",Ranked,"£1,080,000.00",`), row);
  // Each figure in its own column, as the engine wrote it.
  const head = csvFields(lines[0]);
  const cells = csvFields(row);
  assert.equal(cells.length, head.length);
  assert.equal(cells[head.indexOf('Total score')], b1.total);
  for (const c of b1.criteria) assert.equal(cells[head.indexOf(c.name)], c.score, c.name);
  // The disqualified bid has no rank and its status in words.
  const b4 = r.bids.find((b) => b.id === 'b4');
  const b4row = lines.find((l) => l.startsWith(`,${b4.supplier},Disqualified,"£760,000.00"`));
  assert.ok(b4row);
  // With its reasons in words, from the engine's codes: the criterion and both numbers.
  const why = csvFields(b4row)[head.indexOf('Why it is not ranked')];
  const [reason] = b4.reasons;
  assert.equal(reason.code, 'below-threshold');
  for (const p of ['name', 'score', 'threshold']) assert.ok(why.includes(reason.params[p]), `${p} in ${why}`);
  assert.match(why, /minimum/);
  assert.equal(cells[head.indexOf('Why it is not ranked')], '', 'a ranked bid has none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped file the browser cannot read (changed on disk since it was picked, as a dropped folder is) is said in words and the work stays', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await ready(page);
  await page.locator('bid-scorer details[data-bid-editor="b2"] > summary').click();
  await field(page, 'bids[1].price').fill('990000');
  const before = await tenderIn(page);
  // A real file picked in the page, then changed on disk: Chromium then refuses to read the File
  // it handed out, as it refuses to read a folder dropped on the page.
  const dir = await mkdtemp(join(tmpdir(), 'bidscore-'));
  const path = join(dir, 'moved.json');
  await writeFile(path, await defaultTenderText());
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'file';
    probe.id = 'probe';
    document.body.append(probe);
  });
  await page.locator('#probe').setInputFiles(path);
  await new Promise((r) => setTimeout(r, 1100)); // a later modification time
  await writeFile(path, '{"changed": true}');
  await page.locator('bid-scorer [part~="drop"]').evaluate((zone) => {
    const data = new DataTransfer();
    data.items.add(document.querySelector('#probe').files[0]);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const banner = page.locator('bid-scorer .banner--error');
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /The file “moved\.json” could not be opened, so your current work was kept/);
  assert.match(text, /the browser could not read it \(a folder, or a file changed since it was chosen\)/);
  assert.deepEqual(await tenderIn(page), before);
  assert.deepEqual(errors, [], 'no unhandled rejection');
  await rm(dir, { recursive: true });
  await context.close();
});
