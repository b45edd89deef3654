// Generated from dist/custom-elements.json by `node scripts/framework-types.mjs --write`: do not edit.
/**
 * Types `<social-login>` for svelte-check, the way Svelte's docs extend the DOM types: a
 * `SvelteHTMLElements` entry in `svelte/elements` with the element's attributes and its events as
 * `on` + event-name attributes.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type {
  Connection,
  LoginErrorEvent,
  LoginEvent,
  LoginMode,
  LoginStartEvent,
  LogoutErrorEvent,
  LogoutEvent,
  Protocol,
  ResponseMode,
  SocialLogin,
} from 'social-login';

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'social-login': HTMLAttributes<SocialLogin> & {
      /** The broker protocol: `oidc` (default), `authjs`, `authing` or `better-auth`. */
      protocol?: Protocol;
      /** The broker: for `oidc` the issuer URL (endpoints come from its discovery document); for `authjs` and `better-auth` the base URL of its routes (`https://app.example.com/api/auth`); for `authing` the application's host (`https://my-app.authing.cn`). */
      broker?: string;
      /** The public client's id at the broker (`oidc`), or the application id (`authing`); unused by `authjs` and `better-auth`. */
      'client-id'?: string;
      /** The social connections, one button each: as an attribute `id:Display Name,id2:Other Name`, as a property also `{id, name}[]`. Without it: `authjs` and `authing` list the broker's own connections; `oidc` shows one "Sign in" button and sends no connection parameter; `better-auth` requires it (Better Auth publishes no list: the ids are the providers the app configured). */
      connections?: string | Connection[];
      /** The authorization parameter that carries the connection id (`kc_idp_hint` for Keycloak); empty: not sent. */
      'connection-param'?: string;
      /** Where the broker sends the response; same origin as the page. Default: this page without query and fragment. */
      'redirect-uri'?: string;
      /** The scopes to request; must include `openid`. */
      scope?: string;
      /** `query`: the broker redirects the popup to `redirect-uri`, which relays; `web_message`: the broker posts to this page. */
      'response-mode'?: ResponseMode;
      /** `popup` (default) or `redirect`. */
      mode?: LoginMode;
      /** What to do when the popup cannot open: `redirect` (default) or `none` (report `popup_blocked`). */
      fallback?: 'redirect' | 'none';
      /** In an in-app browser (Instagram, Facebook, WeChat, LINE, TikTok, Snapchat, Android WebView), where popups get lost: `redirect` (default) logs in by redirect; `popup` keeps `mode`. */
      'in-app'?: 'redirect' | 'popup';
      /** Seconds a login may take before it fails with `timeout`. */
      timeout?: number;
      /** `auto` (default: the page's colour scheme), `light` or `dark`. */
      theme?: 'auto' | 'light' | 'dark';
      /** `vertical` (default), `horizontal`, or `icons` (icon-only buttons; the label stays for screen readers). */
      layout?: 'vertical' | 'horizontal' | 'icons';
      /** `on` (default): remember in localStorage which connection logged in last (per broker; only its id) and mark its button; `off`: remember nothing and forget what was remembered. */
      'last-used'?: 'on' | 'off';
      /** The `session` attribute. `auto` (default): read the broker's cookie session on load (`authjs`, `better-auth`); `off`: read none. */
      session?: 'auto' | 'off';
      /** While someone is signed in: keep the login `buttons` (default), or show the `account` (who, and "Sign out"). */
      'signed-in'?: 'buttons' | 'account';
      'onlogin-start'?: (event: LoginStartEvent) => void;
      onlogin?: (event: LoginEvent) => void;
      'onlogin-error'?: (event: LoginErrorEvent) => void;
      onlogout?: (event: LogoutEvent) => void;
      'onlogout-error'?: (event: LogoutErrorEvent) => void;
    };
  }
}

// A module, so that the block above augments svelte/elements instead of replacing it.
export {};
