// Makes the PNG icons that home-screen installers ask for from assets/icon.svg,
// by letting headless Chromium draw the SVG at each size. Run it by hand after
// changing icon.svg, and commit the PNGs (the build only copies them):
//   node scripts/make-icons.mjs      (needs npm ci and /usr/bin/chromium)
//
// - icon-192.png, icon-512.png: the icon as drawn, rounded corners transparent.
// - icon-maskable-512.png: the launcher crops it to its own shape, so the
//   background fills the square and the glyph is shrunk into the central
//   safe zone (a circle of 40% of the size around the centre).
// - apple-touch-icon.png (180): iOS rounds the corners itself and shows any
//   transparency as black, so the background fills the square.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const BACKGROUND = '#0b4f8a'; // --accent of style/main.css, as in icon.svg

const ICONS = [
  { file: 'icon-192.png', size: 192, fill: false, scale: 1 },
  { file: 'icon-512.png', size: 512, fill: false, scale: 1 },
  { file: 'icon-maskable-512.png', size: 512, fill: true, scale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, fill: true, scale: 1 },
];

/** icon.svg redrawn on a full-square background (if `fill`) and scaled about its centre. */
function variant(svg, { fill, scale }) {
  const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const background = fill ? `<rect width="64" height="64" fill="${BACKGROUND}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${background}`
    + `<g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${inner}</g></svg>`;
}

const svg = await readFile(join(ASSETS, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const src = `data:image/svg+xml;base64,${Buffer.from(variant(svg, icon)).toString('base64')}`;
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${icon.size}" height="${icon.size}" style="display:block"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: join(ASSETS, 'icons', icon.file), omitBackground: true });
    console.log(`make-icons: assets/icons/${icon.file} (${icon.size}x${icon.size})`);
  }
} finally {
  await browser.close();
}
