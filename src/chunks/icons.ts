/** The classic script's `icons` chunk (`dist/social-login.icons.min.js`): loaded after the first render by social-login.min.js. */
import { chunkLoaded } from '../flow/load-flows.classic.js';
import * as icons from '../icons/brands.js';

chunkLoaded('icons', icons);
