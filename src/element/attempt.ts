import type { PopupWindow } from '../core/popup-window.js';
import { LoginTimeoutError, type SocialLoginError } from '../errors.js';
import type { Connection, LoginDetail, LoginMode } from '../events.js';

/**
 * One login of an element, from the click (or the return from a redirect) to its one outcome: a
 * timeout, an abort signal that stops every listener, timer, channel and request of the attempt,
 * the popup, and `result`, the promise `element.result` hands out.
 * @internal
 */
export class Attempt {
  /** Aborted when the attempt ends, with the reason it ended. */
  readonly controller: AbortController = new AbortController();
  /** The outcome: the `login` detail, or the `login-error` error. */
  readonly result: Promise<LoginDetail>;
  /** Resolves {@link result}; the element calls it when it announces the outcome. */
  resolve!: (detail: LoginDetail) => void;
  /** Rejects {@link result}. */
  reject!: (error: SocialLoginError) => void;
  #ended = false;
  #timer: ReturnType<typeof setTimeout>;

  /**
   * Starts the attempt's clock; `onEnd` hears its one outcome, after everything of the attempt is
   * released (so listeners see the button usable again).
   */
  constructor(
    readonly connection: Connection,
    /** `popup` or `redirect`; a popup attempt that falls back becomes `redirect`. */
    public mode: LoginMode,
    readonly popup: PopupWindow | null | undefined,
    timeoutMs: number,
    private onEnd: (attempt: Attempt, err: unknown, detail?: LoginDetail) => void,
  ) {
    this.result = new Promise((resolve, reject) => ((this.resolve = resolve), (this.reject = reject)));
    // A result nobody reads is not an unhandled rejection.
    this.result.catch(() => {});
    this.#timer = setTimeout(() => this.end(new LoginTimeoutError(timeoutMs / 1000)), timeoutMs);
  }

  /** Runs the login and ends the attempt with what it gives. */
  run(work: (attempt: this) => Promise<LoginDetail>): void {
    work(this).then(
      (detail) => this.end(undefined, detail),
      (err: unknown) => this.end(err),
    );
  }

  /**
   * Ends the attempt with its one outcome: whatever comes second (a late response after a timeout,
   * an abort after success) is ignored.
   */
  end(err: unknown, detail?: LoginDetail): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#timer);
    this.controller.abort(err);
    // An answered popup is closed already (popup-response.ts).
    if (!this.popup?.answered) this.popup?.close();
    this.onEnd(this, err, detail);
  }
}
