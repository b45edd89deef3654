// startup.mjs: a focused probe behind a figure of issue 20's closing note (see scripts/bench/probes/README).
import { launch, stats } from '../browser.mjs';
import { startBenchServer } from '../server.mjs';
const server = await startBenchServer();
server.setBroker({ issuer: 'http://localhost:1/', clientId: 'bench', userinfoIssuer: 'http://localhost:2/' });
const browser = await launch();
const N = Number(process.argv[2] ?? 30);
const pages = { ours: '/startup-ours.html', lit: '/startup-lit.html' };
const times = { ours: [], lit: [] };
const self = new Map();
for (let i = 0; i < N + 3; i++) {
  for (const [name, path] of Object.entries(pages)) {
    const page = await browser.newPage();
    let cdp;
    if (name == 'ours' && process.argv[3] == 'profile') {
      cdp = await page.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const m = await page.evaluate(() => new Promise((r) => { const read = () => (performance.getEntriesByName('t1').length ? r(performance.getEntriesByName('t1')[0].startTime - performance.getEntriesByName('t0')[0].startTime) : requestAnimationFrame(read)); read(); }));
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, k) => { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000); });
    }
    await page.close();
    if (i >= 3) times[name].push(m);
  }
}
for (const [k, v] of Object.entries(times)) console.log(k, stats(v).median.toFixed(2), 'p90', stats(v).p90.toFixed(2));
if (self.size) console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / N).toFixed(2)} ms  ${k}`).join('\n'));
await browser.close(); await server.close();
