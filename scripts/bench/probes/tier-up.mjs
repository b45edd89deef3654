// tier-up.mjs: a focused probe behind a figure of issue 20's closing note (see scripts/bench/probes/README).
// Per startup load, traced: how many times V8 flushed the instruction cache between the page's marks
// t0 and t1 (it does so as it compiles to baseline code, Sparkplug, functions the render called
// often), and the render's main-thread CPU time; ours against the Lit floor, alternating.
import { launch, stats } from '../browser.mjs';
import { startBenchServer } from '../server.mjs';
import { bundle } from '../sizes.mjs';
import { rendered } from '../startup.mjs';

const N = Number(process.argv[2] ?? 20);
await bundle('lit-floor');
const server = await startBenchServer();
server.setBroker({ issuer: 'http://localhost:1/', clientId: 'bench', userinfoIssuer: 'http://localhost:2/' });
const browser = await launch();
const pages = { ours: '/startup-ours.html', 'Lit floor': '/startup-lit.html' };
const out = Object.fromEntries(Object.keys(pages).map((k) => [k, { flushes: [], cpu: [] }]));
for (let i = 0; i < N + 3; i++) {
  for (const name of i % 2 ? Object.keys(pages).reverse() : Object.keys(pages)) {
    const page = await browser.newPage();
    await page.tracing.start({ categories: ['blink.user_timing', 'disabled-by-default-v8.compile'] });
    await page.goto(server.origin + pages[name], { waitUntil: 'load' });
    await rendered(page);
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
    await page.close();
    await new Promise((r) => setTimeout(r, 100));
    if (i < 3) continue;
    const [t0, t1] = ['t0', 't1'].map((n) => events.find((e) => e.name == n && e.cat == 'blink.user_timing'));
    out[name].flushes.push(events.filter((e) => e.name == 'FlushInstructionCache' && e.tid == t0.tid && e.ts >= t0.ts && e.ts <= t1.ts).length);
    out[name].cpu.push((t1.tts - t0.tts) / 1000);
  }
}
for (const [name, r] of Object.entries(out)) {
  // The count is often bimodal (V8 compiles in batches): how many loads had each count.
  const loads = Object.entries(r.flushes.reduce((m, n) => ({ ...m, [n]: (m[n] ?? 0) + 1 }), {})).map(([n, k]) => `${n} in ${k}`).join(', ');
  console.log(`${name.padEnd(10)} flushes per load: median ${stats(r.flushes).median}, mean ${(r.flushes.reduce((a, b) => a + b, 0) / N).toFixed(1)} (${loads} loads); main-thread CPU median ${stats(r.cpu).median.toFixed(2)} ms`);
}
await browser.close();
await server.close();
