// Shared by the design-mode browser tests: the design widget on the demo page, what has focus
// inside it, and moving through it with the keyboard alone.
import assert from 'node:assert/strict';
import { openPage } from './support.mjs';

export const W = 'bid-scorer[mode="design"]';
export const inDesign = (page, css) => page.locator(`${W} ${css}`);
export const designTender = (page) => page.locator(W).evaluate((el) => el.tender);
export const designResult = (page) => page.locator(W).evaluate((el) => el.result);

export async function openDesign(env, width = 1280) {
  const opened = await openPage(env, 'design.html', { width });
  await opened.page.waitForSelector(`${W} [data-mode="design"]`);
  return opened;
}

/** What has focus, looking through shadow roots (the preview is a widget inside the widget). */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const host = document.querySelector('bid-scorer[mode="design"]');
    const bar = host.shadowRoot.querySelector('.design-bar')?.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    return {
      obscured: Boolean(bar && bar.height && r.bottom > bar.top && r.top < bar.bottom),
      path: a.dataset?.path ?? null,
      action: a.dataset?.action ?? null,
      heading: a.dataset?.heading ?? null,
      tag: a.tagName,
      value: a.value ?? null,
      lang: a.lang || null,
      checked: a.checked ?? null,
      label: (a.labels?.[0]?.textContent ?? a.textContent ?? '').trim(),
      selected: a.tagName === 'SELECT' ? a.selectedOptions[0]?.textContent : null,
    };
  });
}

/** Presses Tab until `match(focus)` holds; the control must not be hidden behind the sticky bar. */
export async function tabTo(page, match, { limit = 300, back = false } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) {
      assert.equal(f.obscured, false, `${f.path ?? f.action} is hidden behind the sticky bar`);
      return f;
    }
  }
  assert.fail('never reached the expected control with Tab');
}
export const toPath = (page, path) => tabTo(page, (f) => f.path === path);
export const toAction = (page, action) => tabTo(page, (f) => f.action === action);

/** Tabs to the field at `path` and types `text` over whatever it holds. */
export async function typeAt(page, path, text) {
  await toPath(page, path);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
