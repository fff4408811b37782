// Creditdesk service worker: makes the app work offline after the first visit.
// The app may be hosted at the site root or in a sub-folder, so every URL is derived from
// the registration scope (the folder sw.js was served from), never hard-coded.
// Trunk content-hashes asset names, so instead of a fixed list we read them from each page.
// Three pages, one bundle each (ARCHITECTURE.md, "Bundles"): the desk (index.html, an SPA whose
// deep links all get its shell), the field check and the widget. All are cached on install, so
// a phone that opened only the desk once can open the check offline, and the other way round.
'use strict';
const CACHE = 'creditdesk-v2';
const SCOPE = self.registration.scope; // e.g. https://host/tools/creditdesk/ — the key of the desk's shell
const PAGES = [SCOPE, SCOPE + 'check.html', SCOPE + 'widget.html'];
const NAV_TIMEOUT_MS = 3000;

// The page a navigation is for: check.html or widget.html by name, the desk's shell otherwise.
const pageOf = (url) => PAGES.find((page) => page !== SCOPE && url.split(/[?#]/)[0] === page) || SCOPE;

// Files that are not content-hashed but must survive clean-ups (install icon, manifest, this file).
const keep = (url) => /^(manifest\.webmanifest|sw\.js|icons\/.*)$/.test(url.slice(SCOPE.length));

// A response that came through a redirect cannot answer a navigation later; store a plain copy.
async function storable(res) {
  if (!res.redirected) return res;
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
}

// Every same-origin, in-scope URL referenced by the HTML: href="..." / src="..." attributes,
// plus quoted asset paths (Trunk's inline loader names the .js/.wasm files in a <script>).
function assetsOf(html) {
  const urls = new Set();
  const re = /\b(?:href|src)\s*=\s*["']([^"'<>]+)["']|["']([^"'<>\s]+\.(?:js|wasm|css|webmanifest|png|svg|ico))["']/gi;
  for (const m of html.matchAll(re)) {
    try {
      const u = new URL(m[1] || m[2], SCOPE);
      u.hash = '';
      if (u.origin === self.location.origin && u.href.startsWith(SCOPE) && u.href !== SCOPE) urls.add(u.href);
    } catch { /* not a URL (e.g. a JS expression) — ignore */ }
  }
  return [...urls];
}

// Cache the shell and what it references. The .js/.wasm are required for the app to start;
// anything else (icons, css) is best effort so one missing icon cannot block offline use.
async function cacheShellAssets(cache, html, { onlyMissing }) {
  const wanted = assetsOf(html);
  const results = await Promise.allSettled(wanted.map(async (url) => {
    if (onlyMissing && (await cache.match(url))) return;
    const res = await fetch(new Request(url, { cache: 'reload' }));
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    await cache.put(url, res);
  }));
  results.forEach((r, i) => {
    if (r.status === 'rejected' && /\.(js|wasm)$/.test(new URL(wanted[i]).pathname)) throw r.reason;
  });
  return new Set(wanted);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PAGES.map(async (page) => {
      const res = await fetch(page, { cache: 'reload' }); // bypass the HTTP cache: the current build
      if (!res.ok) throw new Error(`${page}: HTTP ${res.status}`);
      const html = await res.clone().text();
      await cacheShellAssets(cache, html, { onlyMissing: false });
      await cache.put(page, await storable(res));
    }));
    await self.skipWaiting(); // a new build takes over without waiting for all tabs to close
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Drop caches of older SW versions (other names with our prefix).
    for (const name of await caches.keys()) if (name.startsWith('creditdesk-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// After a successful online navigation: store the fresh page, fetch newly referenced assets,
// and delete cache entries that no cached page references any more. Un-hashed files (manifest,
// icons) are only re-fetched on install, i.e. when sw.js changes: bump CACHE when they change.
// A page of an older build keeps its assets until it is itself refreshed (or the SW updates).
async function refresh(res, page) {
  const cache = await caches.open(CACHE);
  const html = await res.clone().text();
  if (!html.includes('__CREDITDESK_BASE__')) return; // some other HTML page (e.g. a host's error page)
  await cacheShellAssets(cache, html, { onlyMissing: true });
  await cache.put(page, await storable(res));
  const wanted = new Set();
  for (const other of PAGES) {
    const cached = await cache.match(other);
    if (cached) for (const url of assetsOf(await cached.text())) wanted.add(url);
  }
  for (const req of await cache.keys()) {
    if (!PAGES.includes(req.url) && !wanted.has(req.url) && !keep(req.url)) await cache.delete(req);
  }
}

const isHtml = (res) => res.ok && (res.headers.get('content-type') || '').includes('text/html');

// Navigations: network first (fresh build when online), cached shell when offline or slow.
function navigate(event) {
  const page = pageOf(event.request.url);
  let updating = Promise.resolve();
  const net = fetch(event.request).then((res) => {
    if (isHtml(res)) updating = refresh(res.clone(), page); // clone before the page consumes the body
    return res;
  });
  event.waitUntil(net.then(() => updating).catch(() => {})); // must be called synchronously
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NAV_TIMEOUT_MS));
  return (async () => {
    const shell = () => caches.open(CACHE).then((c) => c.match(page));
    try {
      const res = await Promise.race([net, timeout]);
      // A host without SPA fallback answers 404 for deep links: the cached shell can route them.
      if (!res.ok) return (await shell()) || res;
      return res;
    } catch {
      // Offline or slow: the cached shell; without one, keep waiting for the network.
      return (await shell()) || net;
    }
  })();
}

// Everything else: cache first (hashed names never change), then network, caching good answers.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.status === 200 && res.type === 'basic') await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return; // never cache writes
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return; // not ours
  // Page loads of the desk's routes (no extension, e.g. /customers/42) and of the .html pages get
  // the page logic; opening e.g. an icon directly in a tab is treated like any other asset.
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (req.mode === 'navigate' && (!last.includes('.') || last.endsWith('.html'))) {
    event.respondWith(navigate(event));
  } else {
    event.respondWith(cacheFirst(req));
  }
});
