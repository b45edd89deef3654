/**
 * JSX types for `<social-login>` in React 19: its attributes, and its events as the `on` + event-name
 * props React 19 turns into listeners. React's documented way: augment `JSX.IntrinsicElements` in
 * the `react` module.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  Connection,
  LoginErrorEvent,
  LoginEvent,
  LoginMode,
  LoginStartEvent,
  Protocol,
  ResponseMode,
  SocialLogin,
} from 'social-login';

interface SocialLoginProps extends DetailedHTMLProps<HTMLAttributes<SocialLogin>, SocialLogin> {
  protocol?: Protocol;
  broker?: string;
  'client-id'?: string;
  /** `id:Name,id2:Name2`, or (set as a property) an array. */
  connections?: string | Connection[];
  'connection-param'?: string;
  'redirect-uri'?: string;
  scope?: string;
  'response-mode'?: ResponseMode;
  mode?: LoginMode;
  fallback?: 'redirect' | 'none';
  /** Seconds (set as a property). */
  timeout?: number;
  'onlogin-start'?: (event: LoginStartEvent) => void;
  onlogin?: (event: LoginEvent) => void;
  'onlogin-error'?: (event: LoginErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'social-login': SocialLoginProps;
    }
  }
}
