// Printing is the panel's record: evaluate mode printed to PDF by headless Chromium, read back
// with a PDF reader, holds the ranking on its first page, no blank page, every bid's breakdown and
// what each evaluator gave with the rationale; publish mode prints the model and no bid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { setUp, openPage, tenderIn } from './support.mjs';

const bare = (text) => text.replace(/\s+/g, '');

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.stop();
});

/**
 * Prints the page to an A4 PDF and returns the text of each page without spaces: the PDF breaks
 * runs of text and ligatures ("Sta ffi ng") apart, so text is compared with its spaces left out.
 */
async function printed(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => x.str).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

test('evaluate mode prints the ranking first, no blank page, and every evaluator’s scores and rationales', async () => {
  const { page, context, errors } = await openPage(env, 'evaluate.html');
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
  const tender = await tenderIn(page);
  const result = await page.locator('bid-scorer').evaluate((el) => el.result);
  const pages = await printed(page);
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  assert.ok(pages.every((p) => p.length > 40), `a page nearly empty: ${pages.map((p) => p.length)}`);
  assert.ok(pages[0].includes(bare(tender.tender.title)), pages[0]);
  assert.ok(pages[0].includes('Ranking'), 'the ranking starts on the first page');
  const all = pages.join('');
  for (const bid of result.bids) {
    assert.ok(all.includes(bare(`How ${bid.supplier}’s score was worked out`)), bid.supplier);
  }
  let rationales = 0;
  for (const bid of tender.bids) {
    for (const s of Object.values(bid.scores ?? {})) {
      if (typeof s !== 'object') continue;
      for (const [who, v] of Object.entries(s.evaluators ?? {})) assert.ok(all.includes(bare(`${who}: ${v}`)), `${bid.id} ${who}`);
      if (s.rationale) {
        rationales += 1;
        assert.ok(all.includes(bare(s.rationale)), `${bid.id}: ${s.rationale}`);
      }
    }
  }
  assert.ok(rationales > 0, 'the example has rationales to print');
  // The price formula by its name, never its id in the file.
  assert.ok(!/lowest-ratio|linear-min-max|reference-ratio|set-bounds|deviation-from-lowest/.test(all), 'a formula id');
  assert.ok(all.includes(bare('Under “lowest price ÷ your price” each price is scored against the other bids')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('publish mode prints the model and no bid', async () => {
  const { page, context, errors } = await openPage(env, 'publish.html');
  await page.waitForFunction(() => document.querySelector('bid-scorer')?.result);
  const tender = await tenderIn(page);
  const pages = await printed(page);
  assert.ok(pages.every((p) => p.length > 40), `a page nearly empty: ${pages.map((p) => p.length)}`);
  const all = pages.join('');
  assert.ok(all.includes(bare('How bids will be scored')));
  for (const bid of tender.bids ?? []) assert.ok(!all.includes(bare(bid.supplier)), bid.supplier);
  assert.ok(!all.includes(bare('What the panel gave')) && !all.includes(bare('Evaluator 1:')));
  assert.deepEqual(errors, []);
  await context.close();
});
