// Rida terminal service worker: keeps the page, its script, styles and fonts so the
// terminal starts and works with the network or the server down. Answers are not its
// business: the page queues them in IndexedDB and sends them itself.
const CACHE = "rida-kiosk-{{VERSION}}";

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll([
    "/kiosk/",
    "/static/kiosk/app.js?v={{VERSION}}",
    "/static/kiosk/kiosk.css?v={{VERSION}}",
  ])).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rida-kiosk-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname === "/kiosk/" || url.pathname === "/kiosk") {
    // The page: the newest when the server answers, the kept one when it does not.
    e.respondWith(fetch(e.request).then((r) => {
      if (r.ok) { const copy = r.clone(); caches.open(CACHE).then((c) => c.put("/kiosk/", copy)); }
      return r;
    }).catch(() => caches.match("/kiosk/")));
    return;
  }
  // Script, styles, fonts, logo, voice prompts: kept on first use.
  e.respondWith(caches.match(e.request).then((hit) => hit || fetch(e.request).then((r) => {
    if (r.ok) { const copy = r.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }
    return r;
  })));
});
