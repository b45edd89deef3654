/** A login (or sign-out) response in this page's address: found, read once, and removed so a reload or a copied link cannot replay it. */
/** Response parameters removed from the address bar once read. */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'session_state', 'error', 'error_description', 'error_uri', 'session'];

/**
 * Whether this page's query holds a response of `prefix` (see {@link takeResponse}), leaving it there:
 * any state of ours, with a `code`, an `error`, `session` (a broker made the session), or alone (a
 * sign-out's answer). Most pages carry none: a look at the query string spares them parsing the URL
 * at the start.
 * @internal
 */
export const hasResponse = (prefix: string): boolean => location.search.includes(prefix) && !!new URL(location.href).searchParams.get('state')?.startsWith(prefix);

/**
 * The response in this page's query when its `state` starts with `prefix` (so it belongs to the
 * widget): an authorization response (`code` or `error`), `session=1` (a broker that keeps the
 * session made it), or the state alone (the end of a sign-out). The response parameters are then removed
 * from the address bar with `history.replaceState`, keeping every other part of the URL, so a reload
 * or a copied link cannot replay them.
 * @internal
 */
export function takeResponse(prefix: string): Record<string, string> | undefined {
  if (!hasResponse(prefix)) return undefined;
  const url = new URL(location.href);
  const query = url.searchParams;
  const params = Object.fromEntries(query);
  for (const name of RESPONSE_PARAMS) query.delete(name);
  history.replaceState(history.state, '', url);
  return params;
}
