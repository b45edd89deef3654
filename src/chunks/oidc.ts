/** The classic script's `oidc` chunk (`dist/social-login.oidc.min.js`): loaded on demand by social-login.min.js. */
import { chunkLoaded } from '../flow/load-flows.classic.js';
import { flows } from '../flow/oidc-login.js';

chunkLoaded('oidc', flows);
