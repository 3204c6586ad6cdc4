#!/usr/bin/env node
// A dependency-free static server for the demo and the browser tests, on 127.0.0.1 only.
//   www/ is served at /, pkg/ at /pkg/, so `../../../pkg/bidscore.js` imported from www/src/engine/
//   resolves the same way on disk and over http; likewise dist/ at /dist/ (`../dist/bid-scorer.js`
//   from a page in www/).
//   The demo pages are built first (scripts/build-pages.mjs), so what is served is never stale.
// Usage: node scripts/serve.mjs [--port N] [--csp]
//   --port 0 picks a free port; the URL is printed either way.
//   --csp sends a strict Content-Security-Policy (no inline scripts or styles; wasm allowed).
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './build-pages.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The Content-Security-Policy sent with `--csp`: what a careful council site would set. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Maps a URL path to a file under www/ or pkg/, or null when it would leave them. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const [base, rest] = path.startsWith('/pkg/')
    ? [join(root, 'pkg'), path.slice('/pkg/'.length)]
    : path.startsWith('/dist/')
      ? [join(root, 'dist'), path.slice('/dist/'.length)]
      : [join(root, 'www'), path.slice(1)];
  const file = normalize(join(base, rest));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function respond(req, res, { csp }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let file = fileFor(req.url ?? '/');
  if (file === null) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (csp) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  }
}

/**
 * Builds the demo pages, then starts the server. Resolves to `{ url, port, close() }`.
 * @param {{ port?: number, csp?: boolean }} [options]
 */
export async function start({ port = 8080, csp = false } = {}) {
  await buildPages();
  const server = http.createServer((req, res) => {
    respond(req, res, { csp }).catch(() => res.writeHead(500).end());
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      ok({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = at >= 0 ? Number(args[at + 1]) : Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('serve: --port needs a whole number from 0 to 65535');
    process.exit(2);
  }
  const { url } = await start({ port, csp: args.includes('--csp') });
  console.log(`bidscore demo: ${url}`);
}
