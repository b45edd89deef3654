/**
 * The "last used" hint's storage: one localStorage entry per broker holding a connection id, and
 * nothing else (no secret). Without storage (privacy settings) there is simply no hint.
 */
import { quietly } from '../util/quietly.js';

const key = (broker: string) => `social-login:last-used:${broker}`;

/** The id of the connection that last logged in at `broker`. @internal */
export const readLastUsed = (broker: string): string | undefined => quietly(() => localStorage.getItem(key(broker))) ?? undefined;

/** Remembers that `id` logged in at `broker`. @internal */
export const writeLastUsed = (broker: string, id: string): void => quietly(() => localStorage.setItem(key(broker), id));

/** Forgets the hint of `broker` (`last-used="off"`). @internal */
export const forgetLastUsed = (broker: string): undefined => void quietly(() => localStorage.removeItem(key(broker)));
