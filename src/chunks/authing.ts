/** The classic script's `authing` chunk (`dist/social-login.authing.min.js`): loaded on demand by social-login.min.js. */
import { chunkLoaded } from '../flow/load-flows.classic.js';
import { flows } from '../flow/authing-login.js';

chunkLoaded('authing', flows);
