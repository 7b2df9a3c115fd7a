/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Keeps the portal usable without signal: the built app (every chunk, including the lazily loaded
 * berita acara PDF library), the static files and the app shell are cached at install, so the
 * portal opens and every page works offline; data comes from Firestore's own persistent cache.
 * Pages are served network-first with a short timeout (a weak signal must not hold the operator
 * up) and fall back to the cached shell; built assets are immutable and served from the cache.
 * Requests to Firebase (other origins) are never touched.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `tepat-${version}`;
const SHELL = '/';
// `/_app/env.js` carries the public Firebase config ($env/dynamic/public); it is not part of `build`.
const PRECACHE = [...new Set([...build, ...files, SHELL, '/_app/env.js', '/_app/version.json'])];
const NETWORK_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => sw.skipWaiting()),
  );
});

// The previous version's cache is kept (a page still open on it may lazily load one of its
// chunks, which Hosting no longer serves after a deploy); older ones are deleted.
sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const older = keys.filter((k) => k.startsWith('tepat-') && k !== CACHE).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
        return Promise.all(older.slice(1).map((k) => caches.delete(k)));
      })
      .then(() => sw.clients.claim()),
  );
});

function withTimeout(request: Request, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    fetch(request).then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const cache = await caches.open(CACHE);
  const immutable = build.includes(url.pathname) || files.includes(url.pathname);
  if (immutable || url.pathname.startsWith('/_app/immutable/')) {
    const hit = (await cache.match(url.pathname)) ?? (await caches.match(url.pathname));
    if (hit) return hit;
  }
  if (request.mode === 'navigate') {
    try {
      const response = await withTimeout(request, NETWORK_TIMEOUT_MS);
      if (response.ok) return response;
    } catch {
      // offline or too slow: the cached shell below
    }
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    return fetch(request);
  }
  try {
    const response = await fetch(request);
    if (response.ok && (immutable || PRECACHE.includes(url.pathname))) void cache.put(url.pathname, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(url.pathname);
    if (hit) return hit;
    throw err;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  event.respondWith(respond(request));
});
