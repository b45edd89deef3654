/**
 * What a login leaves behind, and where its secrets come from, end to end against node-oidc-provider:
 * - after every outcome (login, refusal, closed popup, timeout), nothing of the attempt remains in
 *   sessionStorage, localStorage, cookies, the URL or `history.state`, and the event detail holds
 *   only what the contract lists: no state, nonce, verifier or code;
 * - tokens never appear in a URL the page loaded;
 * - state, nonce and the PKCE verifier are `crypto.getRandomValues` output, 256 bits each, and two
 *   attempts share none of them.
 * Redirect mode's storage and URL (one sessionStorage entry while away, none after) is covered in
 * test/e2e/redirect.test.ts.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { LoginErrorEvent, LoginEvent } from '../../src/index.js';
import { s256 } from '../../src/protocols/oidc/encoding.js';
import { byName, HELD, LAST_USED_PREFIX, heldInteractions, mountWidget, outcomeOf, realClick, release, releaseAll, spyOnOpen, until, waitForHeld } from '../helpers.js';


/** Everything of the page a login could leave a trace in. */
function snapshot() {
  const storage = (s: Storage) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
  return {
    sessionStorage: storage(sessionStorage),
    // The "last used" hint is the one entry a login may add (a connection id; see leftInStorage).
    localStorage: Object.fromEntries(Object.entries(storage(localStorage)).filter(([k]) => !k.startsWith(LAST_USED_PREFIX))),
    cookie: document.cookie,
    href: location.href,
    historyState: JSON.stringify(history.state),
  };
}

/** The detail as text, with each error's own fields and message spelled out. */
const serialize = (detail: unknown) =>
  JSON.stringify(detail, (_k, v) => (v instanceof Error ? { ...v, name: v.name, message: v.message, cause: String(v.cause ?? '') } : v));

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Records every `crypto.getRandomValues` output while it is installed. */
function recordRandom() {
  const original = crypto.getRandomValues;
  const outputs: string[] = [];
  crypto.getRandomValues = function <T extends ArrayBufferView | null>(this: Crypto, array: T): T {
    const result = original.call(this, array as never) as T;
    if (array instanceof Uint8Array) outputs.push(base64url(array));
    return result;
  };
  return { outputs, restore: () => void (crypto.getRandomValues = original) };
}

let undo: Array<() => unknown> = [];
afterEach(async () => {
  for (const u of undo.reverse()) await u();
  undo = [];
  await releaseAll();
});

describe('what a login leaves behind', () => {
  it('takes state, nonce and verifier from crypto.getRandomValues, 256 bits each, never shared by two attempts', async () => {
    const random = recordRandom();
    undo.push(random.restore);
    const open = spyOnOpen();
    undo.push(open.restore);
    const el = await mountWidget({ connections: `${HELD}:Held` });
    const attempts: Array<{ state: string; nonce: string; challenge: string }> = [];
    // Every output since before the element exists: a request may be prepared at the first sign of intent, before its click.
    for (let i = 0; i < 2; i++) {
      const done = outcomeOf(el);
      await realClick(byName(el, 'Held'));
      const held = await waitForHeld();
      const { state, nonce, code_challenge: challenge } = held.params;
      // Each is the base64url of its own 32-byte getRandomValues output (the verifier: through S256).
      const challenges = await Promise.all(random.outputs.map((r) => s256(r)));
      const sources = [random.outputs.indexOf(state!.replace(/^slp_/, '')), random.outputs.indexOf(nonce!), challenges.indexOf(challenge!)];
      expect(sources.every((i) => i >= 0), `state, nonce, verifier from getRandomValues: ${sources}`).to.equal(true);
      expect(new Set(sources).size, 'three different random outputs').to.equal(3);
      // 43 base64url characters = 32 bytes = 256 bits, the verifier included.
      for (const i of sources) expect(random.outputs[i]).to.match(/^[\w-]{43}$/);
      attempts.push({ state: state!, nonce: nonce!, challenge: challenge! });
      await release(held.uid);
      expect((await done).type).to.equal('login');
    }
    const [a, b] = attempts;
    const all = [a!.state, a!.nonce, a!.challenge, b!.state, b!.nonce, b!.challenge];
    expect(new Set(all).size, JSON.stringify(attempts)).to.equal(6);
  });

  it('leaves nothing after a login: storage, cookies, URL, history.state unchanged; the detail is the contract; no token in any URL', async () => {
    const before = snapshot();
    const open = spyOnOpen();
    undo.push(open.restore);
    const el = await mountWidget({ connections: `${HELD}:Held` });
    const done = outcomeOf(el);
    await realClick(byName(el, 'Held'));
    const held = await waitForHeld();
    // Catch the relayed response (its code) as the page receives it, as any script of the page could.
    const relayed = new Promise<Record<string, string>>((resolve) => {
      const onMessage = (e: MessageEvent) => e.data?.type == 'social-login:relay' && resolve(e.data.params);
      addEventListener('message', onMessage);
      undo.push(() => removeEventListener('message', onMessage));
    });
    await release(held.uid);
    const event = (await done) as LoginEvent;
    expect(event.type).to.equal('login');
    const { code } = await relayed;
    await until(() => open.calls[0]!.popup!.closed, 'the popup to close');

    expect(snapshot()).to.deep.equal(before);
    const { detail } = event;
    expect(Object.keys(detail).sort()).to.deep.equal(['connection', 'mode', 'profile', 'protocol', 'tokens', 'user']);
    expect(Object.keys(detail.tokens!).every((k) => ['accessToken', 'idToken', 'tokenType', 'expiresAt', 'scope'].includes(k))).to.equal(true);
    const text = serialize(detail);
    for (const [name, secret] of Object.entries({ state: held.state, nonce: held.params.nonce!, code_challenge: held.params.code_challenge!, code: code! })) {
      expect(text, name).to.not.contain(secret);
    }
    // Tokens travel in POST bodies and headers only: no URL this page loaded carries one.
    const urls = performance.getEntries().map((e) => e.name);
    for (const token of [detail.tokens!.accessToken, detail.tokens!.idToken!]) {
      expect(urls.filter((u) => u.includes(token))).to.deep.equal([]);
      expect(location.href).to.not.contain(token);
    }
  });

  type Act = (el: HTMLElement, popup: () => Window | null | undefined) => Promise<void>;
  const failures: Array<[string, Record<string, string>, string, Act]> = [
    ['a refusal at the broker', { connections: 'denied:Denied' }, 'access_denied', (el) => realClick(byName(el as never, 'Denied'))],
    ['a closed popup', { connections: `${HELD}:Held` }, 'popup_closed', async (el, popup) => {
      await realClick(byName(el as never, 'Held'));
      await waitForHeld();
      popup()!.close();
    }],
    ['a timeout', { connections: `${HELD}:Held`, timeout: '1' }, 'timeout', (el) => realClick(byName(el as never, 'Held'))],
  ];
  for (const [what, attrs, code, act] of failures) {
    it(`leaves nothing after ${what}, and its login-error names no secret`, async () => {
      const before = snapshot();
      const open = spyOnOpen();
      undo.push(open.restore);
      const el = await mountWidget(attrs);
      const done = outcomeOf(el);
      let state = '';
      const watch = setInterval(async () => {
        const [held] = await heldInteractions();
        if (held) state = held.state;
      }, 100);
      undo.push(() => clearInterval(watch));
      await act(el, () => open.calls[0]?.popup);
      const event = (await done) as LoginErrorEvent;
      expect(event.type).to.equal('login-error');
      expect(event.detail.code).to.equal(code);
      await until(() => open.calls[0]?.popup?.closed, 'the popup to close');
      expect(snapshot()).to.deep.equal(before);
      const text = serialize(event.detail);
      if (state) expect(text).to.not.contain(state.slice(4));
      expect(text).to.not.match(/verifier|nonce|slp_/);
    });
  }
});
