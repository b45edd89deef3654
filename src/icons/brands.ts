/**
 * The classic script's icons chunk (`social-login.icons.min.js`): every built-in brand icon (paths
 * from simple-icons, see scripts/icons.mjs), loaded after the first render and only when a button has
 * a known brand. The ES module build loads one icon per brand instead (icons/lazy.ts).
 */
import { PATHS } from './paths.js';
import { svgIcon } from './svg.js';

/** The brand's icon, if it is built in. @internal */
export const brandIcon = (brand: string): SVGSVGElement | undefined => (PATHS[brand] ? svgIcon(brand, PATHS[brand]) : undefined);
