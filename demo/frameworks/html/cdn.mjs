// @ts-check
/**
 * A stand-in CDN for the plain HTML example: serves the repository's dist/ byte for byte, with CORS,
 * on http://localhost:5177 (CDN_PORT moves it). `node demo/frameworks/html/cdn.mjs`
 *
 * Why not from `npm start`'s server: Vite's dev server rewrites every script it serves (it inlines
 * the source map), so the protocol chunks that social-login.min.js loads would fail their pinned
 * Subresource Integrity. A CDN, like this, serves the files as built.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
const port = Number(process.env.CDN_PORT ?? 5177);
const types = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.json': 'application/json' };

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const type = types[/** @type {keyof typeof types} */ (extname(path))];
  // The chunks are loaded with crossorigin="anonymous": they need CORS to pass their integrity check.
  res.setHeader('access-control-allow-origin', '*');
  try {
    if (!type || path.includes('..')) throw new Error('not served');
    const body = await readFile(join(dist, path));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found. Run `npm run build` at the repository root.\n');
  }
}).listen(port, 'localhost', () => console.log(`dist/ as a CDN: http://localhost:${port}/social-login.min.js`));
