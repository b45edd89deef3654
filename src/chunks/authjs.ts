/** The classic script's `authjs` chunk (`dist/social-login.authjs.min.js`): loaded on demand by social-login.min.js. */
import { chunkLoaded } from '../flow/load-flows.classic.js';
import { flows } from '../flow/authjs-login.js';

chunkLoaded('authjs', flows);
