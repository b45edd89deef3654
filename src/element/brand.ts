/**
 * Which built-in brand a connection is, from its id (or, without one, its name): the id up to a
 * `-`, `_`, `.` or `:` suffix (`google-oauth2` is Google, `instagram-members` Instagram), with a few
 * aliases. Its icon and brand rules load later (icons/brands.ts); this list is all the core holds.
 */
import type { Connection } from '../events.js';

const ALIASES: Record<string, string> = { twitter: 'x', weixin: 'wechat' };
const KNOWN = 'instagram github google apple facebook x wechat weibo qq gitlab discord tiktok line'.split(' ');

/** The connection's built-in brand, if it has one. @internal */
export function brandOf(c: Connection): string | undefined {
  const key = (c.id || c.name).toLowerCase().split(/[-_.:]/)[0]!;
  const brand = ALIASES[key] ?? key;
  return KNOWN.includes(brand) ? brand : undefined;
}
