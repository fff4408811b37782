// Dependency-free static server for the release build (used by Playwright and scripts/serve.sh).
// Usage: node tests/serve.mjs <dir> <port> [--prefix /tools/creditdesk/]
// - SPA fallback: a GET for a missing path without a file extension returns <dir>/index.html,
//   so deep links like /customers/42 work after a reload.
// - --prefix simulates sub-folder hosting: only URLs under the prefix are served (prefix stripped).
// - Precompressed: sends FILE.br or FILE.gz (written by scripts/build.sh) when the request's
//   Accept-Encoding allows it, br first, with the original's Content-Type. Like a production
//   host (README, Hosting): content-hashed names are cached for a year, everything else is no-cache.
// - Framing, as the README asks of a host: every page but widget.html refuses to be framed
//   (CSP frame-ancestors 'none' and X-Frame-Options DENY, against clickjacking); the widget may
//   be framed by any page (its allowed origins are checked by the widget itself).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';

const [dirArg = 'dist', portArg = '4173', ...rest] = process.argv.slice(2);
const root = resolve(dirArg);
const port = Number(portArg);
const pi = rest.indexOf('--prefix');
let prefix = pi >= 0 ? rest[pi + 1] || '/' : '/';
if (!prefix.startsWith('/')) prefix = '/' + prefix;
if (!prefix.endsWith('/')) prefix += '/';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

async function fileAt(p) {
  try { return (await stat(p)).isFile() ? p : null; } catch { return null; }
}

// Preference order. The variant must be at least as new as the file, so a stale one left
// beside a hand-edited file is never sent.
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];

/** Accept-Encoding as name -> q ("gzip, br;q=0" refuses br). */
function accepted(header = '') {
  const q = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) || 0 : 1);
  }
  return (name) => (q.has(name) ? q.get(name) : q.get('*') || 0) > 0;
}

async function variantOf(file, acceptEncoding) {
  const accepts = accepted(acceptEncoding);
  const original = await stat(file);
  for (const [encoding, suffix] of ENCODINGS) {
    if (!accepts(encoding)) continue;
    try {
      const v = await stat(file + suffix);
      if (v.isFile() && v.mtimeMs >= original.mtimeMs) return { path: file + suffix, encoding };
    } catch { /* no such variant */ }
  }
  return { path: file, encoding: null };
}

// Trunk's content-hashed names: app-<hash>.js, app-<hash>_bg.wasm, style-<hash>.css, the hash a
// 64-bit number in hex without leading zeros (so not always 16 digits; fewer than 10 has a
// chance of 1 in 16^6, and icon-192.png must not match).
// A new build gets new names, so these may be cached for good; html, sw.js, the manifest and
// icons keep their names and must be revalidated.
const HASHED = /-[0-9a-f]{10,16}(?:_bg)?\.[a-z0-9]+$/i;

createServer(async (req, res) => {
  const send = (code, body, type = 'text/plain; charset=utf-8') => {
    // Errors are never cached.
    res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, 'bad url\n'); }
  // Redirect the bare prefix without its slash (/tools/creditdesk -> /tools/creditdesk/).
  if (prefix !== '/' && path === prefix.slice(0, -1)) {
    res.writeHead(301, { Location: prefix }); return res.end();
  }
  if (!path.startsWith(prefix)) return send(404, 'not found (outside prefix)\n');
  const rel = path.slice(prefix.length);
  const full = resolve(join(root, rel));
  if (full !== root && !full.startsWith(root + sep)) return send(403, 'forbidden\n');
  let file = await fileAt(rel === '' || rel.endsWith('/') ? join(full, 'index.html') : full);
  // SPA fallback only for extension-less paths: a missing .wasm/.js must stay a real 404.
  if (!file && extname(rel) === '') file = await fileAt(join(root, 'index.html'));
  if (!file) return send(404, 'not found\n');
  const { path: sent, encoding } = await variantOf(file, req.headers['accept-encoding']);
  const body = await readFile(sent);
  const headers = {
    'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': HASHED.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  if (extname(file) === '.html' && basename(file) !== 'widget.html') {
    headers['Content-Security-Policy'] = "frame-ancestors 'none'";
    headers['X-Frame-Options'] = 'DENY';
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).on('error', (err) => {
  console.error(`cannot serve on 127.0.0.1:${port}: ${err.message}`);
  process.exit(1);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${dirArg} at http://127.0.0.1:${port}${prefix}`);
});
