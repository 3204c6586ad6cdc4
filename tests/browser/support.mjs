// Shared set-up for the browser tests: the demo server on a free port, headless Chromium, pages
// that record console errors and every network request, axe, and the engine run in Node from pkg/.
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { start } from '../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshots = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));
// WCAG 2.2 A and AA, and axe's best practices (landmarks, headings, names that say what a control
// does) beyond them.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the server and the browser; returns { url, browser, stop() }. */
export async function setUp({ csp = false } = {}) {
  const server = await start({ port: 0, csp });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  return {
    url: server.url,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context and page that records console errors, page errors and requests.
 * Returns { page, context, errors, requests }.
 */
export async function openPage(env, path, { width = 1280, height = 900, reducedMotion } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true, reducedMotion });
  const page = await context.newPage();
  const recorded = record(page);
  await page.goto(env.url + path);
  return { page, context, ...recorded };
}

/** Starts recording a page's console errors, page errors and requests: { errors, requests }. */
export function record(page) {
  const errors = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}

/** Waits until the widget on the page has rendered a result (or, in publish mode, the model). */
export async function ready(page, selector = 'bid-scorer') {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && el.result && el.shadowRoot.querySelector('[data-mode]');
  }, selector);
}

/** Runs axe with the WCAG tags and best practices over the page (shadow DOM included). */
export async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

export async function shot(page, name) {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
}

/**
 * The page as it stands, at 1280 and at 320 px wide (WCAG 1.4.10 reflow): axe clean, nothing wider
 * than the window, and a screenshot of each (`<name>-1280.png`, `<name>-320.png`). Leaves the page
 * at `width` again.
 */
export async function atBothWidths(page, name, { width = 1280, height = 900 } = {}) {
  for (const w of [1280, 320]) {
    await page.setViewportSize({ width: w, height });
    assert.deepEqual(await axe(page), [], `axe: ${name} at ${w} px`);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide in a ${client} px window`);
    await shot(page, `${name}-${w}`);
  }
  await page.setViewportSize({ width, height });
}

/** The default tender file's text. */
export function defaultTenderText() {
  return readFile(`${root}www/examples/council-wellbeing.json`, 'utf8');
}

let engine = null;
/** The engine itself, loaded in Node from pkg/ (the same build the page uses). */
export async function nodeEngine() {
  if (!engine) {
    const api = await import(`${root}pkg/bidscore.js`);
    await api.default({ module_or_path: await readFile(`${root}pkg/bidscore_bg.wasm`) });
    engine = api;
  }
  return engine;
}

/** The widget's current tender, as the page sees it. */
export function tenderIn(page, selector = 'bid-scorer') {
  return page.evaluate((sel) => document.querySelector(sel).tender, selector);
}

/** A locator inside the widget's shadow root (Playwright pierces open shadow roots with css). */
export function inWidget(page, css) {
  return page.locator(`bid-scorer ${css}`);
}

/** A form field in the widget, by the engine path it edits (`bids[0].price`). */
export function field(page, path) {
  return page.locator(`bid-scorer [data-path="${path}"]`);
}

/**
 * What the widget's live region says once typing pauses (it waits before speaking): its text
 * when that equals `expected`, else its text after waiting.
 */
export async function spoken(page, expected) {
  const live = page.locator('bid-scorer [data-live="results"]');
  await live.filter({ hasText: expected }).waitFor({ state: 'attached' }).catch(() => {});
  return live.textContent();
}

/** The widget's last result, as the page sees it. */
export function resultIn(page, selector = 'bid-scorer') {
  return page.locator(selector).evaluate((el) => el.result);
}

// Expected text for the engine's figures, formatted with Intl directly (en-GB, GBP) as the engine
// wrote them: every decimal kept, money with at least two.
const decimals = (s) => (String(s).includes('.') ? String(s).split('.')[1].length : 0);
export const number = (s) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals(s), maximumFractionDigits: decimals(s) }).format(s);
export const money = (s) => {
  const d = Math.max(decimals(s), 2);
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(s);
};

/** Clicks what `selector` finds and returns the file it downloads: { name, text }. */
export async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** The fields of one CSV line, quotes undone ("a ""b""" → a "b"). */
export function csvFields(line) {
  // Field by field from the start, so an empty first field ("," first) is a field too.
  const fields = [];
  const re = /"((?:[^"]|"")*)"|([^,]*)/y;
  for (let at = 0; ; ) {
    re.lastIndex = at;
    const x = re.exec(line);
    fields.push(x[1] === undefined ? x[2] : x[1].replace(/""/g, '"'));
    at = re.lastIndex;
    if (line[at] !== ',') return fields;
    at += 1;
  }
}

/** The keys of the tender whose text the buyer writes, and may give in several languages. */
export const TENDER_TEXT_KEYS = new Set(['title', 'buyer', 'name', 'question', 'description', 'label', 'descriptor', 'unit', 'source']);

/** An example tender of www/examples, as given. */
export async function exampleTender(name) {
  return JSON.parse(await readFile(`${root}www/examples/${name}`, 'utf8'));
}

/** The English and Welsh example tenders as one, each text the buyer wrote given in both languages. */
export async function bilingualTender() {
  const en = await exampleTender('council-wellbeing.json');
  const cy = await exampleTender('gwasanaeth-llesiant.json');
  const merge = (a, b, key) => {
    if (typeof a === 'string' && typeof b === 'string') return TENDER_TEXT_KEYS.has(key) && a !== b ? { en: a, cy: b } : a;
    if (Array.isArray(a)) return a.map((x, i) => merge(x, b[i], key));
    if (a && typeof a === 'object') return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, k === 'bids' ? v : merge(v, b?.[k], k)]));
    return a;
  };
  const both = merge(en, cy, '');
  delete both.tender.locale;
  return both;
}
