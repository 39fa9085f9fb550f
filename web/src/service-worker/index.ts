import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self } from '$app/service-worker';

/**
 * Keeps the app itself on the device, so a field worker can open it with no signal; the data comes from each
 * document's local copy (SPEC W-OFF-1). The API and the sync socket always go to the network. `assets` are the
 * files of `static/`, the manifest and the home-screen icons among them, so an installed app starts offline too
 * (SPEC W-PWA-1).
 */
const cacheName = `concord-shell-${version}`;
const shellUrl = new URL('/', self.location.origin).href;
const shell = [shellUrl, ...[...immutable, ...assets].map((file) => new URL(file.path, shellUrl).href)];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(shell);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== cacheName) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/') || url.pathname === '/healthz')
    return;

  if (request.mode === 'navigate') {
    // every page is the same single-page app: the network's copy when there is one, else the cached one
    event.respondWith(networkFirst(request, shellUrl));
    return;
  }
  event.respondWith(cacheFirst(request));
});

async function networkFirst(request: Request, fallbackUrl: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/_app/immutable/')) {
    await cache.put(request, response.clone());
  }
  return response;
}
