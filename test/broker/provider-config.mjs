// @ts-check
/**
 * The node-oidc-provider settings a broker needs to serve the widget, shared by the test broker
 * (test/broker/oidc-broker.mjs) and the dev broker (demo/dev-broker.mjs): public clients with PKCE
 * S256 required and the code grant only, `web_message` enabled, the `connection` parameter, CORS for
 * the clients' own origins, implied consent (a broker's own first-party login widget), a login
 * page on every request (a social login always asks its connection), and RP-Initiated Logout at its
 * `end_session_endpoint`, whose confirmation page is the operator's own (as the login page is) and
 * whose `post_logout_redirect_uri`s are the clients' redirect URIs.
 */
import { interactionPolicy } from 'oidc-provider';

/**
 * The end-session confirmation page: node-oidc-provider's form (its `xsrf` field) and the user's two
 * answers, without the default page's web font (this machine has no internet).
 * @param {import('oidc-provider').KoaContextWithOIDC} ctx
 * @param {string} form
 */
function logoutSource(ctx, form) {
  ctx.body = `<!doctype html><meta charset="utf-8"><title>Sign out</title><h1>Sign out of ${ctx.host}?</h1>${form}
    <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
    <button type="submit" form="op.logoutForm">No, stay signed in</button>`;
}

/**
 * @param {{ clients: Array<{ client_id: string, redirect_uris: string[], access_token_ttl?: number }>, cookieKeys: string[],
 *   endSession?: boolean }} options `access_token_ttl`: seconds (default one hour); `endSession: false` leaves
 *   RP-Initiated Logout out (no `end_session_endpoint` in discovery)
 * @returns {import('oidc-provider').Configuration} add `findAccount` and `renderError`
 */
export function widgetBrokerConfig({ clients, cookieKeys, endSession = true }) {
  const ttls = new Map(clients.map((c) => [c.client_id, c.access_token_ttl ?? 3600]));
  const policy = interactionPolicy.base();
  policy.get('login').checks.push(
    new interactionPolicy.Check('social_login', 'every request federates to its connection', (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );
  return {
    clients: clients.map(({ access_token_ttl: _, ...c }) => ({
      ...c,
      post_logout_redirect_uris: c.redirect_uris,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    ttl: { AccessToken: (_ctx, _token, client) => ttls.get(client?.clientId ?? '') ?? 3600 },
    pkce: { required: () => true },
    extraParams: ['connection'],
    features: {
      devInteractions: { enabled: false },
      webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
      rpInitiatedLogout: { enabled: endSession, logoutSource },
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
