/**
 * The configuration's URLs and parameter names checked against the page, by the protocol's code:
 * every step that is given the configuration checks it before it sends anything anywhere, so page
 * views that never log in do not carry these checks. The element checks with them too once the code
 * is loaded, so a wrong value is reported at the first sign of intent (hover, focus, touch: when this
 * code loads), and a click then opens no popup.
 */
import type { LoginConfig } from '../../core/config.js';
import type { ProtocolFlows } from '../../core/protocol.js';
import { ConfigError } from '../../errors.js';
import { isLoopback, parseUrl } from '../../util/url.js';

/** Authorization-request parameters the widget owns; `connection-param` may not override them. */
const RESERVED = /^(response_type|response_mode|client_id|redirect_uri|scope|state|nonce|code_challenge(_method)?|request(_uri)?)$/;

/** Whether `url` may carry a login: https, or http on this machine. */
const secure = (url: URL) => url.protocol == 'https:' || (url.protocol == 'http:' && isLoopback(url.hostname));

/**
 * `config`, when its broker, connection parameter, redirect URI and scope may carry a login from `page`.
 * @throws {ConfigError} naming the first attribute at fault
 * @internal
 */
export function checkConfig(config: LoginConfig, page = location.href): LoginConfig {
  const { broker, connectionParam, redirectUri, scope } = config;
  const issuer = parseUrl(broker);
  if (!issuer || issuer.search || issuer.hash || !secure(issuer)) throw new ConfigError('broker', `"${broker}".`);
  if (connectionParam && (RESERVED.test(connectionParam) || !/^[\w.~-]+$/.test(connectionParam))) {
    throw new ConfigError('connection-param', `"${connectionParam}".`);
  }
  const redirect = parseUrl(redirectUri, page);
  // A response (code and state) on plain http could be read off the wire: only loopback may use it.
  if (!redirect || redirect.origin != new URL(page).origin || redirect.hash || redirect.username || redirect.password || !secure(redirect)) {
    throw new ConfigError('redirect-uri', `"${redirect?.href ?? redirectUri}".`);
  }
  if (config.protocol == 'oidc' && !scope.split(/\s+/).includes('openid')) throw new ConfigError('scope', `"${scope}".`);
  return config;
}

/** The steps of {@link ProtocolFlows} that take the configuration first. */
const GIVEN_CONFIG = ['prefetch', 'connections', 'take', 'popup', 'redirect', 'restore', 'logout'] as const;

/**
 * `flows`, each of whose steps given the configuration checks it first ({@link checkConfig}): `take`,
 * which runs inside the click, throws; the others reject. With `check` for the element.
 * @internal
 */
export function checked(flows: ProtocolFlows): ProtocolFlows {
  const out: Record<string, unknown> = { ...flows, check: checkConfig };
  for (const step of GIVEN_CONFIG) {
    const run = flows[step] as ((config: LoginConfig, ...rest: unknown[]) => unknown) | undefined;
    if (run) {
      out[step] = (config: LoginConfig, ...rest: unknown[]) => {
        try {
          config = checkConfig(config);
        } catch (err) {
          if (step == 'take') throw err;
          return Promise.reject(err);
        }
        return run(config, ...rest);
      };
    }
  }
  return out as unknown as ProtocolFlows;
}
