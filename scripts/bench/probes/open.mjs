// open.mjs: a focused probe behind a figure of issue 20's closing note (see scripts/bench/probes/README).
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
let arrived = 0;
const target = createServer((req, res) => { arrived = performance.timeOrigin + performance.now(); res.end('<p>broker'); });
await new Promise((r) => target.listen(0, '127.0.0.1', r));
const page0 = createServer((req, res) => res.end('<!doctype html><button id=b>go</button>'));
await new Promise((r) => page0.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.goto(`http://localhost:${page0.address().port}/`);
const url = `http://localhost:${target.address().port}/auth`;
const res = { direct: [], blank: [] };
for (let i = 0; i < 24; i++) {
  for (const mode of ['direct', 'blank']) {
    arrived = 0;
    await page.evaluate((mode, url) => {
      document.getElementById('b').onclick = () => {
        window.t0 = performance.timeOrigin + performance.now();
        if (mode == 'direct') window.w = open(url, 'p' + Math.random(), 'popup,width=400,height=400');
        else { window.w = open('about:blank', 'p' + Math.random(), 'popup,width=400,height=400'); window.w.location.replace(url); }
      };
    }, mode, url);
    await page.click('#b');
    while (!arrived) await new Promise((r) => setTimeout(r, 2));
    const t0 = await page.evaluate(() => (window.w.close(), window.t0));
    if (i >= 4) res[mode].push(arrived - t0);
    await new Promise((r) => setTimeout(r, 150));
  }
}
const med = (v) => v.sort((a, b) => a - b)[v.length >> 1].toFixed(1);
console.log('direct', med(res.direct), 'blank+replace', med(res.blank));
await browser.close(); target.close(); page0.close();
