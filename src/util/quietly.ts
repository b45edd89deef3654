/**
 * `use()`, or `undefined` when it throws: for Web Storage, which throws when disabled, full or
 * blocked by privacy settings, and whose absence the widget treats as empty.
 * @internal
 */
export const quietly = <T>(use: () => T): T | undefined => {
  try {
    return use();
  } catch {
    return undefined;
  }
};
