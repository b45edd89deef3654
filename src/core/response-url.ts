/** A login (or sign-out) response in this page's address: found, read once, and removed so a reload or a copied link cannot replay it. */
/** Response parameters removed from the address bar once read. */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'session_state', 'error', 'error_description', 'error_uri', 'session'];

// Any state of ours: with a `code`, an `error`, `session` (a broker made the session), or alone (a sign-out's answer).
const isResponse = (query: URLSearchParams, prefix: string) => !!query.get('state')?.startsWith(prefix);

/** Whether this page's query holds a response of `prefix` (see {@link takeResponse}), leaving it there. @internal */
export const hasResponse = (prefix: string): boolean => isResponse(new URL(location.href).searchParams, prefix);

/**
 * The response in this page's query when its `state` starts with `prefix` (so it belongs to the
 * widget): an authorization response (`code` or `error`), `session=1` (a broker that keeps the
 * session made it), or the state alone (the end of a sign-out). The response parameters are then removed
 * from the address bar with `history.replaceState`, keeping every other part of the URL, so a reload
 * or a copied link cannot replay them.
 * @internal
 */
export function takeResponse(prefix: string): Record<string, string> | undefined {
  const url = new URL(location.href);
  const query = url.searchParams;
  if (!isResponse(query, prefix)) return undefined;
  const params = Object.fromEntries(query);
  for (const name of RESPONSE_PARAMS) query.delete(name);
  history.replaceState(history.state, '', url);
  return params;
}
