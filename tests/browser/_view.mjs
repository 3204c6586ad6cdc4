import { setUp, openPage, ready } from './helpers.mjs';
const env = await setUp();
const [name, width] = process.argv.slice(2);
try {
  const { page } = await openPage(env, `${name}.html`, { width: Number(width), height: 700 });
  await ready(page);
  await page.locator('bid-scorer [data-path="bids[0].price"]').fill('1000000');
  await page.mouse.wheel(0, 900);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/slices/view-${name}-${width}.png` });
} finally { await env.stop(); }
