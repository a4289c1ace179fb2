/* bursa layani: the queue of unsent entries, one per device, shared by every tab of this browser.
 *
 * Each entry is its own localStorage key (bursa-antrean-DEVICE:ID_ENTRI), written before it is
 * sent and removed once the induk has answered, so no tab ever overwrites another tab's
 * entries. Each entry names the tab that sends it; a tab that is closed (or silent for
 * longer than ALIVE_MS) leaves its entries to the others. Where the browser has Web Locks
 * (a secure context) sending is also one tab at a time; elsewhere (plain http) a race of
 * two tabs can at worst send an entry twice, and the induk writes one id_entri only once.
 */
window.bursaAntrean = function (device, newId) {
  "use strict";

  var PREFIX = "bursa-antrean-" + device + ":";
  var BEATS = "bursa-tab-" + device + ":";
  var ALIVE_MS = 70000;  // more than a minute: a hidden tab's timers may run only once a minute
  var BEAT_MS = 5000;
  var tab = newId();
  var seq = 0;

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function keys(prefix) {
    var found = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) found.push(key);
    }
    return found;
  }
  function write(entry) { localStorage.setItem(PREFIX + entry.body.id_entri, JSON.stringify(entry)); }

  function beat() { try { localStorage.setItem(BEATS + tab, String(Date.now())); } catch (e) { /* full: entries first */ } }
  function alive(other) { return Date.now() - (Number(localStorage.getItem(BEATS + other)) || 0) < ALIVE_MS; }

  beat();
  setInterval(beat, BEAT_MS);
  window.addEventListener("pageshow", beat);
  window.addEventListener("pagehide", function () { localStorage.removeItem(BEATS + tab); });
  keys(BEATS).forEach(function (key) {  // tabs long gone
    if (Date.now() - (Number(localStorage.getItem(key)) || 0) > 2 * ALIVE_MS) localStorage.removeItem(key);
  });

  // The one array an earlier version kept for the device: its entries join the queue.
  var legacy = read("bursa-antrean-" + device);
  if (Array.isArray(legacy)) {
    legacy.forEach(function (entry) { entry.tab = tab; entry.seq = seq++; write(entry); });
    localStorage.removeItem("bursa-antrean-" + device);
  }

  function all() {
    return keys(PREFIX).map(read).filter(function (entry) { return entry && entry.body; }).sort(function (a, b) {
      return a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq;
    });
  }

  return {
    /* Keep a new entry (its body carries id_entri): on disk in the browser before it is sent. */
    add: function (path, body, label) {
      var entry = { path: path, body: body, label: label, at: new Date().toISOString(), seq: seq++, tab: tab };
      write(entry);
      return entry;
    },
    /* Every waiting entry of this device, from every tab, oldest first. */
    all: all,
    count: function () { return keys(PREFIX).length; },
    /* The oldest entry this tab sends: its own, or one a closed tab left (then taken over). */
    next: function () {
      var list = all();
      for (var i = 0; i < list.length; i++) {
        var entry = list[i];
        if (entry.tab === tab) return entry;
        if (!alive(entry.tab)) { entry.tab = tab; write(entry); return entry; }
      }
      return null;
    },
    update: function (entry) { if (localStorage.getItem(PREFIX + entry.body.id_entri) !== null) write(entry); },
    done: function (entry) { localStorage.removeItem(PREFIX + entry.body.id_entri); },
    /* `run` (returning a promise) alone among this device's tabs, where the browser can say so. */
    exclusive: function (run) {
      if (navigator.locks && navigator.locks.request) return navigator.locks.request(PREFIX + "kirim", run);
      return Promise.resolve().then(run);
    },
    /* `changed` is called when another tab adds or removes an entry. */
    watch: function (changed) {
      window.addEventListener("storage", function (event) {
        if (!event.key || event.key.indexOf(PREFIX) === 0) changed();
      });
    }
  };
};
