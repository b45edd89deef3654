/**
 * Types `<social-login>` for svelte-check, the way Svelte's docs extend the DOM types: a
 * `SvelteHTMLElements` entry in `svelte/elements` with the element's attributes and its events as
 * `on` + event-name attributes.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type {
  LoginErrorEvent,
  LoginEvent,
  LoginMode,
  LoginStartEvent,
  Protocol,
  ResponseMode,
  SocialLogin,
} from 'social-login';

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'social-login': HTMLAttributes<SocialLogin> & {
      protocol?: Protocol;
      broker?: string;
      'client-id'?: string;
      /** `id:Name,id2:Name2`. */
      connections?: string;
      'connection-param'?: string;
      'redirect-uri'?: string;
      scope?: string;
      'response-mode'?: ResponseMode;
      mode?: LoginMode;
      fallback?: 'redirect' | 'none';
      /** Seconds. */
      timeout?: number;
      'onlogin-start'?: (event: LoginStartEvent) => void;
      onlogin?: (event: LoginEvent) => void;
      'onlogin-error'?: (event: LoginErrorEvent) => void;
    };
  }
}

// A module, so that the block above augments svelte/elements instead of replacing it.
export {};
