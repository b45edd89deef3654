// `npm run screenshots`: the README's pictures of the widget, light and dark, taken from the real demo
// (`npm start`'s servers, started here on their own ports) in headless Chromium. Writes
// docs/screenshot-light.png and docs/screenshot-dark.png, and for Languages docs/screenshot-ar-light.png
// (right to left) and docs/screenshot-ja-dark.png.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launch } from './bench/browser.mjs';

const ports = { DEMO_PORT: 5473, BROKER_PORT: 5474, INSTAGRAM_PORT: 5475, AUTHING_PORT: 5476 };
const demo = spawn(process.execPath, ['demo/serve.mjs'], { env: { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) }, stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => demo.kill('SIGTERM');
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    demo.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /social-login demo:\s+(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    demo.on('exit', (code) => reject(new Error(`screenshots: the demo exited (${code}) before it was up`)));
    setTimeout(() => reject(new Error('screenshots: the demo did not come up in 30 s')), 30_000);
  });
  mkdirSync('docs', { recursive: true });
  const browser = await launch();
  try {
    for (const [scheme, lang] of [['light', ''], ['dark', ''], ['light', 'ar'], ['dark', 'ja']]) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800, deviceScaleFactor: 2 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(url, { waitUntil: 'networkidle0' });
      // The brand icons load after the first render.
      await page.waitForFunction(() => {
        const root = document.querySelector('social-login')?.shadowRoot;
        return root && root.querySelectorAll('button').length > 0 && [...root.querySelectorAll('[part~=icon]')].every((i) => i.hidden || i.querySelector('svg, slot'));
      });
      if (lang) {
        // The element's own lang: its pack loads, then it renders in that language.
        // Two connections with short names, so the picture is about the language, not the demo's names.
        await page.evaluate((l) => {
          const el = document.querySelector('social-login');
          el.setAttribute('connections', 'instagram:Instagram,github:GitHub');
          el.setAttribute('lang', l);
        }, lang);
        await page.waitForFunction(() => {
          const root = document.querySelector('social-login').shadowRoot;
          return !root.querySelector('[part=label]').textContent.startsWith('Continue') && root.querySelectorAll('svg').length == 2;
        });
      }
      await new Promise((r) => setTimeout(r, 300));
      const stage = await page.$('.stage');
      const box = await (await page.$('social-login')).boundingBox();
      const pad = 24;
      await page.screenshot({
        path: `docs/screenshot-${lang ? `${lang}-` : ''}${scheme}.png`,
        clip: { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad },
      });
      console.log(`screenshots: wrote docs/screenshot-${lang ? `${lang}-` : ''}${scheme}.png (${Math.round(box.width)}×${Math.round(box.height)} CSS px)`);
      void stage;
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  stop();
}
