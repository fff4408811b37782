// Dependency-free static server for the release build (used by Playwright and scripts/serve.sh).
// Usage: node tests/serve.mjs <dir> <port> [--prefix /tools/creditdesk/]
// - SPA fallback: a GET for a missing path without a file extension returns <dir>/index.html,
//   so deep links like /customers/42 work after a reload.
// - --prefix simulates sub-folder hosting: only URLs under the prefix are served (prefix stripped).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

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

createServer(async (req, res) => {
  const send = (code, body, type = 'text/plain; charset=utf-8') => {
    // no-cache: the browser revalidates every time, so tests never see a stale build.
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
  send(200, await readFile(file), MIME[extname(file).toLowerCase()] || 'application/octet-stream');
}).on('error', (err) => {
  console.error(`cannot serve on 127.0.0.1:${port}: ${err.message}`);
  process.exit(1);
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${dirArg} at http://127.0.0.1:${port}${prefix}`);
});
