/**
 * What each attribute must be: the explanation a configuration error gets when it is reported, kept
 * out of the core (only a page with a wrong attribute loads it; the core names the attribute and
 * the value).
 */

/** Each attribute's rule, in the words of the README's Attributes table. */
const RULES: Record<string, string> = {
  broker: 'required; an https URL (http only on localhost) without query or fragment',
  'client-id': "required for oidc and authing (the public client's id, the Authing application id)",
  connections: 'entries id:Name, comma-separated, each id once (not "." or ".."); required with better-auth, e.g. "instagram:Instagram"',
  'connection-param': 'an authorization parameter name of letters, digits, ".", "_", "~" or "-", not one of OAuth\'s own (state, scope, redirect_uri…)',
  'redirect-uri': "an https URL (http only on localhost) on this page's origin, without credentials or fragment",
  scope: 'scopes separated by spaces, including "openid"',
  timeout: 'a number of seconds above 0, up to 86400',
};

/**
 * The rule of `attribute`, to follow its error's message; empty for an attribute whose message says
 * it all already.
 * @internal
 */
export const rule = (attribute: string): string => (Object.hasOwn(RULES, attribute) ? ` It must be: ${RULES[attribute]}.` : '');
