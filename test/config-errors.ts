/** What the configuration tests share: a page, a valid configuration, and the check that one is refused. */
import { expect } from '@open-wc/testing';
import type { RawConfig } from '../src/core/config.js';
import { ConfigError } from '../src/errors.js';
import type { LoginErrorEvent } from '../src/events.js';
import { until } from './helpers.js';

/** The page the configurations are read on. */
export const PAGE = 'https://shop.example/account/login?next=%2F#top';
/** A configuration every check accepts. */
export const VALID: RawConfig = { broker: 'https://id.example.com', clientId: 'spa-123' };

/** The configuration error `read` throws for `raw` on `page`; the test fails when it throws none. */
export function configErrorOf(read: (raw: RawConfig, page: string) => unknown, raw: RawConfig, page = PAGE): ConfigError {
  try {
    read(raw, page);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

/** One test per case `[what, raw, attribute]`: `read` refuses `raw` as invalid_config naming `attribute`. */
export function itRefuses(cases: Array<[string, RawConfig, string]>, read: (raw: RawConfig, page: string) => unknown): void {
  for (const [what, raw, attribute] of cases) {
    it(`rejects ${what} as invalid_config naming "${attribute}"`, () => {
      const error = configErrorOf(read, raw);
      expect(error.code).to.equal('invalid_config');
      expect(error.attribute).to.equal(attribute);
      expect(error.message).to.contain(`"${attribute}"`);
    });
  }
}

/**
 * Puts a `<social-login>` with `attributes` on the page (listening before it connects) and expects
 * exactly one `login-error` of the set-up, `invalid_config` naming `attribute`, with no hover or click.
 */
export async function expectOneSetUpReport(attributes: Record<string, string>, attribute: string): Promise<void> {
  const errors: LoginErrorEvent[] = [];
  const el = document.createElement('social-login');
  el.addEventListener('login-error', (e) => errors.push(e as LoginErrorEvent));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  try {
    await until(() => errors.length > 0, 'the login-error of the set-up');
    expect(errors[0]!.detail.error).to.have.property('attribute', attribute);
    // Anything reported twice (the element's check and a step of the protocol's code) would show within this.
    await new Promise((r) => setTimeout(r, 200));
    expect(errors.map((e) => e.detail.code), 'reported once').to.deep.equal(['invalid_config']);
  } finally {
    el.remove();
  }
}
