// Renders icon/icon.svg to the 128×128 PNG the Marketplace and the Extensions view need (they
// do not take SVG icons). Its 讲 needs a CJK font: Debian's fonts-noto-cjk.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../icon/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.screenshot({
    path: new URL('../icon/icon.png', import.meta.url).pathname,
    omitBackground: true,
  });
} finally {
  await browser.close();
}
