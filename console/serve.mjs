// Serves the operator console: the static pages in public/ and @polkadot/api's browser
// bundles from node_modules, nothing else (no directory listing, no path outside those). The
// page talks to the node itself, over the WebSocket endpoint the operator types in; this
// server never sees a key or a transaction.
//
//   node console/serve.mjs [--port 8090] [--host 127.0.0.1]
//
// It listens on loopback unless told otherwise.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = join(here, 'public');

/** The browser bundles the page loads, by the name it asks for (load order in index.html). */
const VENDOR = new Map(Object.entries({
  'polkadot-util.js': '@polkadot/util/bundle-polkadot-util.js',
  'polkadot-util-crypto.js': '@polkadot/util-crypto/bundle-polkadot-util-crypto.js',
  'polkadot-keyring.js': '@polkadot/keyring/bundle-polkadot-keyring.js',
  'polkadot-types.js': '@polkadot/types/bundle-polkadot-types.js',
  'polkadot-api.js': '@polkadot/api/bundle-polkadot-api.js',
}));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// The page runs only its own scripts; the crypto bundle compiles WebAssembly; the node can be
// anywhere the operator points it.
const SECURITY_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    'connect-src ws: wss:',
    "img-src 'self' data:",
    "style-src 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The file a request path names, or null if it names none we serve (it may throw on a
 * malformed path: the caller answers 404). */
function fileFor(pathname) {
  if (pathname.startsWith('/vendor/')) {
    const bundle = VENDOR.get(pathname.slice('/vendor/'.length));
    return bundle ? join(here, 'node_modules', bundle) : null;
  }
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  const file = normalize(join(publicDir, relative));
  return file.startsWith(publicDir + sep) ? file : null;
}

/**
 * Starts the server on `host:port` (port 0: a free one); resolves with its URL and a
 * `close()` that stops it.
 */
export function startServer({ port = 8090, host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    const headers = { ...SECURITY_HEADERS };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    try {
      // Inside the try: a malformed URL or escape (`/%`, `//`) is a 404, never a crash.
      const file = fileFor(new URL(request.url, 'http://console').pathname);
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
      headers['Cache-Control'] = 'no-cache';
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { address, port: bound } = server.address();
      const shown = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${shown}:${bound}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
  };
  const port = Number(option('port', process.env.PORT ?? 8090));
  const host = option('host', '127.0.0.1');
  const rpc = option('rpc', 'ws://127.0.0.1:9944');
  const { url, close } = await startServer({ port, host });
  console.log(`guardian console: ${url}?rpc=${encodeURIComponent(rpc)}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => close().then(() => process.exit(0)));
  }
}
