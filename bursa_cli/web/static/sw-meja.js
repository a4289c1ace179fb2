/* The desk pages' service worker (scope /meja): a desk page reloaded while the laptop induk
 * cannot be reached opens from this browser's copy of the last page served, with its scripts
 * (the photo decoder too) and style. The queue of unsent entries lives in localStorage and is untouched here.
 * Only the page and its static files are copied; the JSON API is never cached.
 */
"use strict";

var CACHE = "bursa-meja-2";
var SHELL = ["/meja", "/statis/meja.js", "/statis/antrean.js", "/statis/meja.css", "/statis/foto.js",
             "/statis/vendor/jsQR.js"];

function copied(path) {
  return path === "/meja" || path.indexOf("/statis/") === 0;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || !copied(url.pathname)) {
    return;  // the API and everything else go to the network as usual
  }
  // The network first, so a desk always gets the induk's current page (or its refusal, once
  // the device is revoked); the copy only when the induk cannot be reached at all.
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(url.pathname, copy); }));
    }
    return response;
  }).catch(function () {
    return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
  }));
});
