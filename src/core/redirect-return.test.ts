import { expect } from '@open-wc/testing';
import type { LoginDetail } from '../events.js';
import { redirectState, type RedirectIO } from './redirect-return.js';
import type { RedirectResult, Transaction } from './transaction.js';

const tx = (over: Partial<Transaction> = {}): Transaction => ({
  state: 'slr_1',
  nonce: 'n',
  verifier: 'v',
  connection: { id: 'instagram', name: 'Instagram' },
  protocol: 'oidc',
  broker: 'https://id.example',
  clientId: 'spa',
  redirectUri: 'https://shop.example/',
  element: '',
  returnTo: 'https://shop.example/',
  expiresAt: Date.now() + 60_000,
  ...over,
});

/** A page with `params` in its URL and `saved` in sessionStorage; `decide` answers when the test says. */
function page(params?: Record<string, string>, saved?: Transaction) {
  let decide!: { resolve(r: RedirectResult | undefined): void; reject(err: unknown): void };
  const later: Array<() => void> = [];
  const calls = { take: 0, read: 0, decide: 0 };
  const io: RedirectIO = {
    take: () => (calls.take++, params),
    has: () => !!params,
    read: () => (calls.read++, saved),
    decide: () => (calls.decide++, new Promise((resolve, reject) => (decide = { resolve, reject }))),
    later: (fn) => later.push(fn),
  };
  return { machine: redirectState(io), calls, decide: () => decide, frame: () => later.splice(0).forEach((fn) => fn()) };
}

const result = (t: Transaction): RedirectResult => {
  const promise = Promise.resolve({ user: { id: 'u' } } as LoginDetail);
  return { tx: t, promise };
};
const settle = () => new Promise((r) => setTimeout(r));

describe('redirectState', () => {
  it('is done with nothing on a page without a transaction, and reads only once', () => {
    const { machine, calls } = page();
    expect(calls.take + calls.read, 'nothing read before it is asked').to.equal(0);
    expect(machine.read()).to.equal(false);
    expect(machine.read()).to.equal(false);
    expect(calls).to.deep.equal({ take: 1, read: 1, decide: 0 });
    expect(machine.pending()).to.equal(false);
  });

  it('ignores a replayed response (no transaction) without asking a protocol', () => {
    const { machine, calls } = page({ code: 'c', state: 'slr_old' });
    expect(machine.read()).to.equal(false);
    expect(calls.decide).to.equal(0);
  });

  it('lets a returning login\'s protocol decide while clicks wait, then hands the result to its element once', async () => {
    const saved = tx({ element: 'shop-login' });
    const { machine, decide } = page({ code: 'c', state: saved.state }, saved);
    const waited: string[] = [];
    expect(machine.claim({ id: 'shop-login' }, () => waited.push('own'))).to.equal(undefined);
    expect(machine.claim({ id: 'other' }, () => waited.push('other'))).to.equal(undefined);
    expect(machine.pending(), 'a click waits while the returning login is decided').to.equal(true);
    expect(waited, 'claims wait for the decision').to.deep.equal([]);
    decide().resolve(result(saved));
    await settle();
    expect(waited).to.deep.equal(['own', 'other']);
    expect(machine.pending()).to.equal(false);
    expect(machine.claim({ id: 'other' }, () => {})).to.equal(undefined);
    const own = machine.claim({ id: 'shop-login' }, () => {});
    expect(own?.tx).to.equal(saved);
    expect(machine.claim({ id: 'shop-login' }, () => {}), 'claimed once').to.equal(undefined);
  });

  it('matches an element without id by broker and client', async () => {
    const saved = tx();
    const { machine, decide } = page({ code: 'c', state: saved.state }, saved);
    machine.read();
    decide().resolve(result(saved));
    await settle();
    expect(machine.claim({ id: '', broker: ' https://other.example ', clientId: 'spa' }, () => {})).to.equal(undefined);
    expect(machine.claim({ id: '', broker: ' https://id.example ', clientId: 'spa' }, () => {})?.tx).to.equal(saved);
  });

  it('does not hold clicks for a pending login that did not come back (another page of the site)', () => {
    const { machine } = page(undefined, tx());
    expect(machine.read()).to.equal(true);
    expect(machine.read(), 'still deciding: a transaction to handle').to.equal(true);
    expect(machine.pending()).to.equal(false);
  });

  it('reports a protocol whose code failed to load to the returning login\'s element', async () => {
    const saved = tx();
    const { machine, decide } = page({ code: 'c', state: saved.state }, saved);
    machine.read();
    decide().reject(new Error('chunk missing'));
    await settle();
    const claimed = machine.claim({ id: '', broker: saved.broker, clientId: saved.clientId }, () => {});
    await claimed!.promise.then(
      () => expect.fail('the result must reject'),
      (err: Error) => expect(err.message).to.equal('chunk missing'),
    );
  });

  it('drops a failed load for a login that is not coming back', async () => {
    const { machine, decide } = page(undefined, tx());
    machine.read();
    decide().reject(new Error('chunk missing'));
    await settle();
    expect(machine.claim({ id: '', broker: 'https://id.example', clientId: 'spa' }, () => {})).to.equal(undefined);
  });

  it('puts the read off until the first frame when the URL has no response, and claims wait for it', async () => {
    const saved = tx();
    const { machine, calls, frame, decide } = page(undefined, saved);
    machine.readSoon();
    expect(calls.read).to.equal(0);
    let called = 0;
    expect(machine.claim({ id: '' }, () => called++)).to.equal(undefined);
    expect(calls.read, 'a claim does not read a put-off state').to.equal(0);
    frame();
    expect(calls).to.deep.equal({ take: 1, read: 1, decide: 1 });
    expect(called, 'still deciding').to.equal(0);
    decide().resolve(undefined);
    await settle();
    expect(called).to.equal(1);
  });

  it('reads at once when the URL holds a response, and a click reads a put-off state first', () => {
    const withResponse = page({ code: 'c', state: 'slr_1' }, tx());
    withResponse.machine.readSoon();
    expect(withResponse.calls).to.deep.equal({ take: 1, read: 1, decide: 1 });

    const deferred = page(undefined, undefined);
    deferred.machine.readSoon();
    // A redirect started before the first frame must not be taken for an abandoned one later: the click reads first.
    expect(deferred.machine.pending()).to.equal(false);
    expect(deferred.calls.read).to.equal(1);
    deferred.frame();
    expect(deferred.calls.read).to.equal(1);
  });
});
