// @ts-check
/**
 * The node-oidc-provider settings a broker needs to serve the widget, shared by the test broker
 * (test/broker/oidc-broker.mjs) and the dev broker (demo/dev-broker.mjs): public clients with PKCE
 * S256 required and the code grant only, `web_message` enabled, the `connection` parameter, CORS for
 * the clients' own origins, implied consent (a broker's own first-party login widget), and a login
 * page on every request (a social login always asks its connection).
 */
import { interactionPolicy } from 'oidc-provider';

/**
 * @param {{ clients: Array<{ client_id: string, redirect_uris: string[] }>, cookieKeys: string[] }} options
 * @returns {import('oidc-provider').Configuration} add `findAccount` and `renderError`
 */
export function widgetBrokerConfig({ clients, cookieKeys }) {
  const policy = interactionPolicy.base();
  policy.get('login').checks.push(
    new interactionPolicy.Check('social_login', 'every request federates to its connection', (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );
  return {
    clients: clients.map((c) => ({ ...c, token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] })),
    pkce: { required: () => true },
    extraParams: ['connection'],
    features: {
      devInteractions: { enabled: false },
      webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
    },
    claims: { openid: ['sub'], profile: ['name', 'picture', 'preferred_username'], email: ['email'] },
    cookies: { keys: cookieKeys },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((u) => new URL(u).origin === origin) ?? false,
  };
}
