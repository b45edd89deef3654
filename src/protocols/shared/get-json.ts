/** JSON over HTTP from a broker, its failures turned into the widget's errors. */
import { BrokerError, NetworkError } from '../../errors.js';
import { isRecord } from '../../util/is-record.js';

/** A JSON object. @internal */
export type Json = Record<string, unknown>;

/**
 * Fetches a JSON object (without cookies unless `init` asks for them; `null` reads as `{}`). An OAuth error body
 * (`{error, error_description}`) or a Better Auth one (`{code, message}`) becomes a {@link BrokerError}, any other failure a
 * {@link NetworkError} (unreachable, or HTTP 5xx) or an `invalid_response` BrokerError.
 * @internal
 */
export async function getJson(url: string, init: RequestInit = {}): Promise<Json> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', ...init });
  } catch (err) {
    if (init.signal?.aborted) throw init.signal.reason;
    throw new NetworkError(`${url} could not be reached.`, undefined, err);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (init.signal?.aborted) throw init.signal.reason;
  // `null` (Auth.js's answer for "no session") reads as an empty object.
  if (response.ok && (body === null || isRecord(body))) return body ?? {};
  if (response.status < 500 && isRecord(body) && typeof body.error == 'string') {
    throw new BrokerError(body.error, typeof body.error_description == 'string' ? body.error_description : undefined);
  }
  // Better Auth's API errors: `{code, message}` (e.g. 403 `INVALID_CALLBACK_URL`).
  if (response.status < 500 && isRecord(body) && typeof body.code == 'string') {
    throw new BrokerError(body.code, typeof body.message == 'string' ? body.message : undefined);
  }
  throw response.ok
    ? new BrokerError('invalid_response', `${url} sent no JSON object.`)
    : new NetworkError(`${url} answered HTTP ${response.status}.`, response.status);
}

