/** What the configuration tests share: a page, a valid configuration, and the check that one is refused. */
import { expect } from '@open-wc/testing';
import type { RawConfig } from '../src/core/config.js';
import { ConfigError } from '../src/errors.js';

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
