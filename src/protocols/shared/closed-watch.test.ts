import { expect } from '@open-wc/testing';
import { CLOSED_GRACE, DETACHED_GRACE, isClosedByUser, type ClosedWatch } from './closed-watch.js';

/** Feeds observations `[ms, closed, focused]` and returns the first time the watch says "closed by the user". */
function firstVerdict(observations: Array<[number, boolean, boolean]>): number | undefined {
  const watch: ClosedWatch = { focusSince: 0, closedSince: 0 };
  for (const [t, closed, focused] of observations) if (isClosedByUser(watch, closed, focused, t)) return t;
  return undefined;
}

/** Observations every 50 ms from `from` to `to` with fixed flags. */
const span = (from: number, to: number, closed: boolean, focused: boolean) =>
  Array.from({ length: Math.floor((to - from) / 50) + 1 }, (_, i) => [from + i * 50, closed, focused] as [number, boolean, boolean]);

describe('isClosedByUser', () => {
  it('reports a popup closed while the opener has focus after the grace (Chromium: focus first)', () => {
    const t = firstVerdict([...span(0, 1000, false, false), ...span(1000, 1050, false, true), ...span(1100, 3000, true, true)]);
    expect(t).to.equal(1100 + CLOSED_GRACE);
  });

  it('reports a popup whose close hands focus back just after (Firefox: closed first)', () => {
    const t = firstVerdict([...span(0, 1000, false, false), [1050, true, false], ...span(1100, 3000, true, true)]);
    expect(t).to.equal(1050 + CLOSED_GRACE);
  });

  it('keeps waiting while a severed popup holds focus, however long', () => {
    expect(firstVerdict([...span(0, 500, false, false), ...span(550, 60_000, true, false)])).to.equal(undefined);
  });

  it('takes a severed popup as closed once focus has stayed on the opener for the detached grace', () => {
    const t = firstVerdict([...span(0, 500, false, false), ...span(550, 10_000, true, false), ...span(10_050, 20_000, true, true)]);
    expect(t).to.equal(10_050 + DETACHED_GRACE);
  });

  it('does not report a severed popup when the user glances at the opener and goes back', () => {
    const glance = [...span(550, 5000, true, false), ...span(5050, 5050 + DETACHED_GRACE - 100, true, true), ...span(7000, 30_000, true, false)];
    expect(firstVerdict([...span(0, 500, false, false), ...glance])).to.equal(undefined);
  });

  it('never reports an open popup', () => {
    expect(firstVerdict([...span(0, 10_000, false, true), ...span(10_050, 20_000, false, false)])).to.equal(undefined);
  });
});
