// Points the published entry names at the declarations tsc wrote to dist/types/.
import { writeFileSync } from 'node:fs';

writeFileSync('dist/social-login.d.ts', "export * from './types/index.js';\n");
writeFileSync('dist/define.d.ts', "export {};\nimport './types/define.js';\n");
