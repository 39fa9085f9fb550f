import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * Draws the app's PNG icons (the manifest's and the home screen's, SPEC W-PWA-1) from `static/favicon.svg` with the
 * Chromium the browser tests use. Run once when the favicon changes, and commit the PNGs:
 * `npx node web/scripts/draw-icons.ts`. No image tool is needed at build time.
 */
const statics = new URL('../static/', import.meta.url);

/**
 * A maskable icon is cut to any shape the launcher likes (a circle, a squircle): its background must fill the whole
 * square and its mark stay inside the central 80 %. The favicon's mark already does; only its rounded corners go.
 * iOS rounds the home-screen icon itself and paints transparent corners black, so it gets the full square too.
 */
const fullSquare = (svg: string) => svg.replace(/ rx="[^"]*"/, '');

const icons = [
  { file: 'icon-192.png', size: 192, draw: (svg: string) => svg },
  { file: 'icon-512.png', size: 512, draw: (svg: string) => svg },
  { file: 'icon-maskable-512.png', size: 512, draw: fullSquare },
  { file: 'apple-touch-icon.png', size: 180, draw: fullSquare },
];

const favicon = await readFile(new URL('favicon.svg', statics), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, draw } of icons) {
    const svg = draw(favicon).replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await writeFile(fileURLToPath(new URL(file, statics)), png);
    console.log(`${file}: ${size}×${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
