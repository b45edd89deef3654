// landing.mjs: a focused probe behind a figure of issue 20's closing note (see scripts/bench/probes/README).
import puppeteer from 'puppeteer-core';
import { startBenchServer } from '../server.mjs';
const server = await startBenchServer();
server.setBroker({ issuer: 'http://localhost:1/', clientId: 'bench', userinfoIssuer: 'http://localhost:2/' });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.goto(server.origin + '/ours-callback.html');
const res = {};
for (let round = 0; round < +(process.env.ROUNDS||12); round++) {
  for (const p of (process.env.PAGES||'ours-callback host-callback host-relay-callback').split(' ')) {
    const ms = await page.evaluate(async (url) => {
      const t = performance.now();
      const w = open(url, 'x' + Math.random(), 'popup,width=400,height=400');
      await new Promise((r) => addEventListener('message', (e) => e.source === w && r(), { once: false }));
      const ms = performance.now() - t;
      w.close();
      await new Promise((r) => setTimeout(r, 100));
      return ms;
    }, `${server.origin}/${p}.html?state=slp_abc${round}&code=x`);
    if (round > 1) (res[p] ??= []).push(ms);
  }
}
for (const [p, v] of Object.entries(res)) console.log(p, v.sort((a, b) => a - b)[v.length >> 1].toFixed(1), v.map((x) => x.toFixed(0)).join(' '));
await browser.close(); await server.close();
