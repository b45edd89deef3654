// Part 2: click → login, each SDK on its own page against the same node-oidc-provider, interleaved
// round by round in a shuffled order so drift hits every SDK alike. The page takes the click time in the capture phase
// and the login time when the SDK says the user is logged in.
import { stats, until } from './browser.mjs';

export const CONTENDERS = [
  { name: 'social-login, relay (query)', path: '/ours.html?mode=query', button: 'social-login >>> button' },
  { name: 'social-login, web_message', path: '/ours.html?mode=web_message', button: 'social-login >>> button' },
  // The same without a request prepared before the click: the popup opens empty, then goes to the broker.
  { name: 'social-login, relay, nothing prepared', path: '/ours.html?mode=query&cold=1', button: 'social-login >>> button' },
  // The popup lands on a real site's page (1 MiB of script before ours), as is and with the relay script first.
  { name: 'social-login, relay, 1 MiB host page', path: '/ours.html?mode=query&landing=host', button: 'social-login >>> button' },
  { name: 'social-login, relay first on the 1 MiB host page', path: '/ours.html?mode=query&landing=host-relay', button: 'social-login >>> button' },
  { name: 'auth0-spa-js loginWithPopup', path: '/auth0.html', button: '#login' },
  { name: 'oidc-client-ts signinPopup', path: '/oidc-client.html', button: '#login' },
  { name: 'floor (hand-written, web_message)', path: '/floor.html', button: '#login' },
  // For reference: ours against a broker that keeps the profile out of the ID token (node-oidc-provider's default).
  { name: 'social-login, relay, profile from userinfo', path: '/ours.html?mode=query&broker=userinfo', button: 'social-login >>> button' },
];

/** The segments of one login, from the page's marks and the broker's request log (both on the wall clock, ms). */
function segmentsOf(marks, log) {
  const authorize = log.find((r) => r.method == 'GET' && /\/(authorize|auth)$/.test(r.path) && r.t >= marks.click - 1 && r.t <= marks.done);
  if (!authorize || !marks.answer || !marks.token) return undefined;
  return {
    clickToAuthorize: authorize.t - marks.click,
    authorizeToAnswer: marks.answer - authorize.t,
    answerToToken: marks.token - marks.answer,
    tokenToEvent: marks.done - marks.token,
  };
}

/** One login on `page`: a real click, then the page's recorded time (ms). */
export async function loginOnce(browser, page, selector) {
  const before = await page.evaluate(() => window.results.length);
  const pages = (await browser.pages()).length;
  const button = await page.waitForSelector(selector);
  await button.click();
  // Polled inside the page (one script, not one per poll: the steady state's heap would count them).
  await page
    .waitForFunction((n) => window.results.length > n || window.failures.length, { polling: 5, timeout: 15_000 }, before)
    .catch(() => Promise.reject(new Error(`bench: timed out waiting for a login on ${page.url()}`)));
  const failures = await page.evaluate(() => window.failures);
  if (failures.length) throw new Error(`bench: login failed on ${page.url()}: ${failures.join('; ')}`);
  // The popup is gone before the next attempt starts.
  await until(async () => (await browser.pages()).length <= pages, 'the popup to close');
  return page.evaluate(() => ({ ms: window.results.at(-1), marks: window.segments.at(-1) }));
}

/**
 * `runs` timed rounds after `warmup` untimed ones; answers each contender's stats and its median
 * segments. `log` is the broker's request log (`{ method, path, t }`, wall clock), which the
 * segments read the authorization request's arrival from.
 */
export async function measureLatency(browser, origin, { runs, warmup = 2, log = [] }) {
  const tabs = [];
  for (const c of CONTENDERS) {
    const page = await browser.newPage();
    await page.goto(origin + c.path);
    tabs.push({ ...c, page, times: [], segments: [] });
  }
  // A fresh order every round (seeded, so runs are comparable): no SDK always follows the same one.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < warmup + runs; round++) {
    const order = tabs.map((t) => [random(), t]).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    for (const t of order) {
      await t.page.bringToFront();
      const { ms, marks } = await loginOnce(browser, t.page, t.button);
      const segments = segmentsOf(marks, log);
      log.length = 0;
      if (round < warmup) continue;
      t.times.push(ms);
      if (segments) t.segments.push(segments);
    }
  }
  for (const t of tabs) await t.page.close();
  const median = (key, list) => stats(list.map((s) => s[key])).median;
  return tabs.map((t) => ({
    name: t.name,
    times: t.times,
    ...stats(t.times),
    segments: t.segments.length
      ? { n: t.segments.length, ...Object.fromEntries(['clickToAuthorize', 'authorizeToAnswer', 'answerToToken', 'tokenToEvent'].map((k) => [k, median(k, t.segments)])) }
      : undefined,
  }));
}
