import { expect } from '@open-wc/testing';
import type { LoginConfig } from '../../core/config.js';
import { readTransaction } from '../../core/transaction.js';
import { ConfigError } from '../../errors.js';
import { startRedirect } from './redirect-start.js';

const config = { protocol: 'oidc', broker: 'https://broker.example', clientId: 'spa', redirectUri: location.href, timeoutMs: 60_000 } as LoginConfig;
const instagram = { id: 'instagram', name: 'Instagram' };

describe('startRedirect', () => {
  afterEach(() => sessionStorage.clear());

  it('saves the attempt before it leaves, and deletes it when the attempt is aborted', async () => {
    const controller = new AbortController();
    let saved: unknown;
    const pending = startRedirect(config, instagram, 'el', { state: 'slr_x', nonce: 'n', verifier: 'v' }, () => (saved = readTransaction()), controller.signal);
    pending.catch(() => {});
    expect(saved).to.include({ state: 'slr_x', element: 'el', returnTo: location.href, broker: config.broker });
    expect((saved as { expiresAt: number }).expiresAt).to.be.within(Date.now() + 59_000, Date.now() + 60_000);
    controller.abort(new Error('stop'));
    await pending.then(
      () => expect.fail('a redirect start settles only by failing'),
      (err: Error) => expect(err.message).to.equal('stop'),
    );
    expect(readTransaction()).to.equal(undefined);
  });

  it('keeps another attempt\'s entry when an older one is aborted', () => {
    const older = new AbortController();
    startRedirect(config, instagram, '', { state: 'slr_old', nonce: 'n', verifier: 'v' }, () => {}, older.signal).catch(() => {});
    startRedirect(config, instagram, '', { state: 'slr_new', nonce: 'n', verifier: 'v' }, () => {}, new AbortController().signal).catch(() => {});
    older.abort();
    expect(readTransaction()?.state).to.equal('slr_new');
  });

  it('reports a page without sessionStorage as a mode configuration error, and does not leave', () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    let left = false;
    try {
      expect(() => startRedirect(config, instagram, '', { state: 'slr_x', nonce: 'n', verifier: 'v' }, () => (left = true), new AbortController().signal))
        .to.throw(ConfigError)
        .with.property('attribute', 'mode');
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(left).to.equal(false);
  });
});
