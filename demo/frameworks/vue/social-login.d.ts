// Generated from dist/custom-elements.json by `node scripts/framework-types.mjs --write`: do not edit.
/**
 * Types `<social-login>` in Vue templates for vue-tsc, the way Vue's guide does it for custom
 * elements not built with Vue ("Non-Vue Web Components and TypeScript"): a GlobalComponents entry
 * whose `$props` are the element's properties and whose `$emit` lists its events.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  LoginErrorEvent,
  LoginEvent,
  LoginStartEvent,
  LogoutErrorEvent,
  LogoutEvent,
  SocialLogin,
} from 'social-login';

type DefineCustomElement<Element extends HTMLElement, Events extends Record<string, Event>, Props extends keyof Element> = new () => Element & {
  /** @deprecated For template type checking only; not on the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'social-login': DefineCustomElement<
      SocialLogin,
      { 'login-start': LoginStartEvent; login: LoginEvent; 'login-error': LoginErrorEvent; logout: LogoutEvent; 'logout-error': LogoutErrorEvent },
      'protocol' | 'broker' | 'clientId' | 'connections' | 'connectionParam' | 'redirectUri' | 'scope' | 'responseMode' | 'mode' | 'fallback' | 'inApp' | 'timeout' | 'theme' | 'layout' | 'lastUsed' | 'sessionMode' | 'signedIn'
    >;
  }
}
