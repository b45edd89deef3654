import { css } from '@lit/reactive-element';

/** @internal */
export const styles = css`
  :host {
    display: block;
    font: var(--social-login-font, inherit);
  }
  [part~='buttons'] {
    display: flex;
    flex-direction: column;
    gap: var(--social-login-gap, 8px);
  }
  button {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 44px;
    padding: 0 16px;
    border: 1px solid var(--social-login-border-color, #8c959f);
    border-radius: var(--social-login-radius, 6px);
    background: var(--social-login-background, #fff);
    color: var(--social-login-color, #1f2328);
    font: inherit;
    cursor: pointer;
  }
  button:hover {
    background: var(--social-login-background-hover, #f3f4f6);
  }
  button:focus-visible {
    outline: 2px solid var(--social-login-focus-color, #0b57d0);
    outline-offset: 2px;
  }
  [aria-busy='true'] {
    cursor: progress;
  }
  [aria-busy='true']::before {
    content: '';
    width: 1em;
    height: 1em;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  [part~='error']:not(:empty) {
    margin-top: 8px;
    color: var(--social-login-error-color, #b3261e);
  }
`;
