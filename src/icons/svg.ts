/**
 * A brand icon as an inline SVG element, built with DOM calls (no markup is parsed). Black-only logos
 * (GitHub, Apple, X, TikTok) and Instagram's glyph come without a colour and follow the text colour,
 * so they are black on light buttons and white on dark ones, as their guidelines allow; the others
 * keep their brand colour.
 */

import { fromDocument } from '../util/dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const createElementNS = fromDocument('createElementNS');

/**
 * Google's "G" must keep its four colours (Sign in with Google guidelines): the glyph is drawn four
 * times, each copy clipped to the part of the ring its colour covers.
 */
const GOOGLE: Array<[string, string]> = [
  ['#EA4335', 'polygon(50% 50%, 0 30%, 0 0, 100% 0, 100% 20%)'],
  ['#FBBC05', 'polygon(50% 50%, 0 30%, 0 75%)'],
  ['#34A853', 'polygon(50% 50%, 0 75%, 0 100%, 100% 100%, 100% 80%)'],
  ['#4285F4', 'polygon(50% 50%, 100% 80%, 100% 20%, 50% 38%)'],
];

/** The icon of `brand` from its path and colour (see icons/brand/). @internal */
export function svgIcon(brand: string, [d, colour = 'currentColor']: [string, string?]): SVGSVGElement {
  const svg = createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  for (const [fill, clip] of brand == 'google' ? GOOGLE : [[colour, '']]) {
    const path = createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', fill!);
    if (clip) path.style.clipPath = clip;
    svg.append(path);
  }
  return svg;
}
