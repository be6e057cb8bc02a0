// Renders src/web/public/icons/icon.svg to the PNG icons of the web manifest with the local
// chromium (no network). Run after changing the SVG: node scripts/generate-icons.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '..', 'src', 'web', 'public', 'icons');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-icons-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await context.newPage();
const targets = [
  { file: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
  // Maskable icons are cropped to a circle by some launchers: keep the shield in the safe zone.
  { file: 'icon-maskable-512.png', size: 512, padding: 64, background: '#0b3d91' },
];
for (const { file, size, padding, background } of targets) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;background:${background}"><div style="width:${size}px;height:${size}px;padding:${padding}px;box-sizing:border-box">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({
    path: path.join(dir, file),
    omitBackground: background === 'transparent',
  });
  console.log(`wrote ${file}`);
}
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
