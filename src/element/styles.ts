/**
 * A constructable stylesheet from CSS text: adopted by every shadow root without a `<style>` element
 * (so `style-src 'self'` pages allow it), and smaller in the bundle than Lit's `css` tag.
 */
const css = (text: TemplateStringsArray): CSSStyleSheet => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text[0]!);
  return sheet;
};

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
    opacity: 0.7;
  }
  [part~='error']:not(:empty) {
    margin-top: 8px;
    color: var(--social-login-error-color, #b3261e);
  }
`;
