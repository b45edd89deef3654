import { expect } from '@open-wc/testing';
import { retryCache } from './retry-cache.js';

describe('retryCache', () => {
  it('loads each key once, and tries a failed key again', async () => {
    const calls: string[] = [];
    let fail = true;
    const load = retryCache(async (key: string) => {
      calls.push(key);
      if (key == 'b' && fail) throw new Error('down');
      return key.toUpperCase();
    });
    expect(await Promise.all([load('a'), load('a')])).to.deep.equal(['A', 'A']);
    await load('b').then(() => expect.fail('b fails first'), () => {});
    fail = false;
    expect(await load('b')).to.equal('B');
    expect(await load('b')).to.equal('B');
    expect(calls).to.deep.equal(['a', 'b', 'b']);
  });
});
