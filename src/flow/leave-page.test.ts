import { expect } from '@open-wc/testing';
import type { LoginConfig } from '../element/config.js';
import { leavePage } from './leave-page.js';
import { redirectResponseSoon } from './redirect-login.js';
import { TRANSACTION_KEY } from './transaction.js';

// This file's page never loads the define entry, so the put-off start-up read is this test's own.
describe('leavePage', () => {
  it('starts a redirect that the page\'s put-off start-up read does not take for an abandoned one', async () => {
    sessionStorage.clear();
    redirectResponseSoon();
    const controller = new AbortController();
    const config = { protocol: 'oidc', broker: 'https://broker.example', clientId: 'spa', redirectUri: location.href, timeoutMs: 60_000 } as LoginConfig;
    let left = false;
    const pending = leavePage(config, { id: 'instagram', name: 'Instagram' }, 'el', { state: 'slr_x', nonce: 'n', verifier: 'v' }, () => (left = true), controller.signal);
    pending.catch(() => {});
    expect(left).to.equal(true);
    // Later than the read: after a frame, and after its 100 ms fallback.
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.parse(sessionStorage.getItem(TRANSACTION_KEY)!).state).to.equal('slr_x');
    controller.abort();
    expect(sessionStorage.getItem(TRANSACTION_KEY)).to.equal(null);
  });
});
