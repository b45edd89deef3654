import { readConnections, type LoginConfig } from '../core/config.js';
import { loadProtocol } from '../core/load-protocol.js';
import { listsConnections } from '../core/protocol.js';
import { SocialLoginError } from '../errors.js';
import type { Connection, Protocol } from '../events.js';

/** Whether the page lists connections itself. @internal */
export const hasList = (connections: string | Connection[] | undefined): boolean =>
  !!(typeof connections == 'string' ? connections.trim() : connections?.length);

/**
 * What the element asks of its broker before any login: the protocol's code and discovery, loaded
 * at the first sign of intent (so the click never waits for them), and the broker's own list of
 * connections when the page lists none.
 * @internal
 */
export class BrokerController {
  /** The broker's own connections, once read. */
  listed?: Connection[];
  #prefetched?: string;
  /** Which broker `listed` is (being) read from. */
  #listing?: string;

  constructor(
    private changed: () => void,
    private fail: (err: unknown) => void,
  ) {}

  /** Prefetches at the first sign of intent on `el` (pointer, focus, touch), once its configuration is valid. */
  listen(el: HTMLElement, config: () => LoginConfig | SocialLoginError): void {
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      el.addEventListener(
        type,
        () => {
          const c = config();
          if (!(c instanceof SocialLoginError)) this.prefetch(c);
        },
        { passive: true },
      );
    }
  }

  /** The buttons' connections: the page's own (none while the attribute is wrong: reported elsewhere), else the broker's once read. */
  shown(connections: string | Connection[] | undefined, protocol: Protocol): Connection[] {
    if (!hasList(connections) && listsConnections(protocol)) return this.listed ?? [];
    try {
      return readConnections(connections);
    } catch {
      return [];
    }
  }

  /** Loads the protocol's code and starts discovery, once per broker (again after a failure). */
  prefetch(config: LoginConfig): void {
    const key = `${config.protocol} ${config.broker}`;
    if (key == this.#prefetched) return;
    this.#prefetched = key;
    loadProtocol(config.protocol)
      .then((flows) => (this.changed(), flows.prefetch?.(config)))
      .catch(() => (this.#prefetched = undefined));
  }

  /**
   * Reads the broker's connections when the page lists none (`own`) and the protocol can ask; a
   * failure is reported, and a change of broker or language reads again.
   */
  list(config: LoginConfig, lang: string, own: boolean): void {
    const read = !own && listsConnections(config.protocol);
    const key = read ? [config.protocol, config.broker, config.clientId, lang].join(' ') : undefined;
    if (key == this.#listing) return;
    this.#listing = key;
    this.listed = undefined;
    if (read) {
      loadProtocol(config.protocol)
        .then((flows) => flows.connections!(config, lang))
        .then(
          (list) => this.#listing == key && ((this.listed = list), this.changed()),
          (err: unknown) => this.#listing == key && ((this.#listing = undefined), this.fail(err)),
        );
    }
  }
}
