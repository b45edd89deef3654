/**
 * The "last used" hint's storage: one localStorage entry per broker holding a connection id, and
 * nothing else (no secret). Without storage (privacy settings) there is simply no hint.
 */
const key = (broker: string) => `social-login:last-used:${broker}`;

/** Runs a storage call; storage that throws (disabled, full) reads as empty. */
const quietly = <T>(use: (storage: Storage) => T): T | undefined => {
  try {
    return use(localStorage);
  } catch {
    return undefined;
  }
};

/** The id of the connection that last logged in at `broker`. @internal */
export const readLastUsed = (broker: string): string | undefined => quietly((s) => s.getItem(key(broker))) ?? undefined;

/** Remembers that `id` logged in at `broker`. @internal */
export const writeLastUsed = (broker: string, id: string): void => quietly((s) => s.setItem(key(broker), id));

/** Forgets the hint of `broker` (`last-used="off"`). @internal */
export const forgetLastUsed = (broker: string): undefined => void quietly((s) => s.removeItem(key(broker)));
