import { setUp, openPage, ready } from './helpers.mjs';
const env = await setUp();
const [name, width = 320, clickFirst] = process.argv.slice(2);
try {
  const { page } = await openPage(env, `${name}.html`, { width: Number(width) });
  await ready(page);
  if (clickFirst) await page.locator('bid-scorer details[data-bid-editor] > summary').first().click();
  const hgt = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = Number(width) * 2.4;
  let i = 0;
  for (let y = 0; y < hgt; y += step) {
    await page.screenshot({ path: `/tmp/slices/${name}-${width}-${i++}.png`, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(step, hgt - y) } });
  }
  console.log(hgt, i);
} finally { await env.stop(); }
