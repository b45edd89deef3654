/** `new URL()` that answers `null` instead of throwing (`URL.parse` is missing before Safari 18). @internal */
export const parseUrl = (url: string, base?: string): URL | null => {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
};

/** True for hosts a browser treats as a secure context over plain http. @internal */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** `url` without one trailing slash: brokers are written both ways (Auth0's issuer ends in `/`). @internal */
export const trimSlash = (url: string): string => url.replace(/\/$/, '');
