/* bursa layani: one desk page (registrasi, stempel, nilai, ide, komitmen, pantau).
 *
 * Every entry gets its own id_entri and goes into the device's queue in the browser's
 * localStorage (static/antrean.js, shared by every tab) before it is sent, so nothing
 * typed is lost when the Wi-Fi drops or the page is reloaded; the server writes an
 * entry resent with the same id only once. Times are the event's (WIB, WITA or WIT),
 * not the phone's clock. Text from the server is always shown with textContent, never as HTML.
 */
(function () {
  "use strict";

  var boot = JSON.parse(document.getElementById("bursa-data").textContent);
  var me = boot.perangkat;
  var CSRF = boot.csrf;
  // The rehearsal keeps its own queue and history: an entry queued at the gladi bersih is never
  // sent to the day's server, even from the same phone.
  var MODE = me.gladi ? "gladi-" : "";
  var HISTORY_KEY = "bursa-riwayat-" + MODE + me.perangkat;
  var ID_LIKE = /^[A-Za-z]{1,4}-[A-Za-z0-9-]*\d$/;
  var SPARE_CARD = /^TAMU-[0-9]{3,}$/i;
  var RETRY_MS = 3000;

  var $ = function (selector, root) { return (root || document).querySelector(selector); };
  var $$ = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full: the queue's entries come first */ }
  }

  function newId() {
    // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // ------------------------------------------------------------------ talking to the induk

  // On a weak hotspot a request can hang for minutes (the TCP retries of a lost Wi-Fi); give up
  // after a while, so the queue moves on. A resend carries the same id_entri: written once.
  var CALL_MS = 10000;

  function call(method, path, body) {
    var stop = typeof AbortController === "function" ? new AbortController() : null;
    var timer = stop ? setTimeout(function () { stop.abort(); }, CALL_MS) : null;
    return fetch(path, {
      method: method,
      // The mode the page was opened in: the induk refuses a rehearsal page's entries on the day.
      headers: { "Content-Type": "application/json", "X-Bursa-CSRF": CSRF, "X-Bursa-Mode": me.gladi ? "gladi" : "hari" },
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
      signal: stop ? stop.signal : undefined
    }).then(function (response) {
      clearTimeout(timer);
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { http: response.status, data: data };
      });
    });
  }

  function get(path) {
    return call("GET", path).then(function (answer) {
      if (answer.http >= 400) throw answer;
      return answer.data;
    });
  }

  // ------------------------------------------------------------------ the queue (static/antrean.js)

  var store = window.bursaAntrean(MODE + me.perangkat, newId);
  var sending = false;
  var online = true;
  var retryTimer = null;

  function enqueue(path, body, label) {
    body.id_entri = body.id_entri || newId();
    var item;
    try {
      item = store.add(path, body, label);  // on disk in the browser before anything is sent
    } catch (e) {
      showResult("ditolak", "Penyimpanan browser penuh: " + label + " TIDAK disimpan. Kirim ulang setelah tersambung, atau catat di kertas.");
      return;
    }
    if (!online) noteWaiting(item);
    showConnection();
    flush();
  }

  function flush() {
    if (sending) return;
    sending = true;
    showConnection();
    store.exclusive(function () {
      var item = store.next();
      if (!item) {  // nothing of ours; another tab's entries are watched in case it closes
        sending = false;
        if (store.count()) scheduleRetry(); else showConnection();
        return null;
      }
      return call("POST", item.path, item.body).then(function (answer) {
        sending = false;
        if (answer.http === 401 || answer.http === 403 || answer.http >= 500) {
          // Kept in the queue: a revoked device or a server problem must not lose what was typed.
          online = answer.http < 500;
          showResult("ditolak", answer.data.pesan || ("Laptop induk menjawab " + answer.http + "."), item.label, [],
                     answer.data.kode);
          scheduleRetry();
          return;
        }
        online = true;
        store.done(item);
        handleAnswer(item, answer.data);
        setTimeout(flush, 0);
      }, function () {
        sending = false;
        online = false;
        noteWaiting(item);
        scheduleRetry();
      });
    }).catch(function () { sending = false; scheduleRetry(); });
  }

  function noteWaiting(item) {
    if (item.noted) return;
    item.noted = true;
    store.update(item);
    showResult("menunggu", "Belum terkirim: " + item.label + ". Disimpan di perangkat ini dan dikirim sendiri begitu tersambung.");
  }

  function scheduleRetry() {
    showConnection();
    if (retryTimer) return;
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, RETRY_MS);
  }

  window.addEventListener("online", flush);
  store.watch(function () { showConnection(); if (!sending) scheduleRetry(); });

  function showConnection() {
    var badge = $("#koneksi");
    if (!badge) return;
    var waiting = store.count();  // every tab's entries: one queue per device
    if (!online) {
      badge.textContent = "offline: " + waiting + " menunggu";
      badge.className = "koneksi offline";
    } else if (waiting) {
      badge.textContent = "mengirim: " + waiting + " menunggu";
      badge.className = "koneksi kirim";
    } else {
      badge.textContent = "terhubung";
      badge.className = "koneksi";
    }
  }

  // ------------------------------------------------------------------ answers and history

  // Times as the event's clock shows them: a phone set to another zone, or to UTC, must not
  // write 00:11 for a stamp made at 07:11 WIB.
  var ZONE_HOURS = { WIB: 7, WITA: 8, WIT: 9 };
  var ZONE = ZONE_HOURS[me.zona_waktu] ? me.zona_waktu : "WIB";

  function eventTime(iso) {
    var moment = new Date(iso);
    return new Date(moment.getTime() + ZONE_HOURS[ZONE] * 3600000).toISOString().slice(11, 16);
  }

  function remember(status, text) {
    var history = load(HISTORY_KEY);  // read again: other tabs of this device write here too
    history.unshift({ status: status, text: text, waktu: new Date().toISOString() });
    save(HISTORY_KEY, history.slice(0, 30));
    drawHistory();
  }

  function drawHistory() {
    var list = $("#riwayat");
    if (!list) return;
    list.textContent = "";
    load(HISTORY_KEY).forEach(function (item) {
      var at = item.waktu ? eventTime(item.waktu) : item.at;  // `at`: an earlier version's phone time
      list.appendChild(el("li", { class: "r-" + item.status, text: at + "  " + item.text }));
    });
  }
  window.addEventListener("storage", function (event) { if (event.key === HISTORY_KEY) drawHistory(); });

  function showResult(status, message, detail, extra, code) {
    var box = $("#hasil");
    box.textContent = "";
    var card = el("div", { class: "jawaban j-" + status }, [
      el("strong", { text: LABELS[status] || status }),
      el("p", { text: message })
    ]);
    if (detail) card.appendChild(el("p", { class: "kecil", text: detail }));
    // The catalogue's code, small: what a helpdesk asks for (`bursa validasi --jelaskan KODE`).
    if (code) card.appendChild(el("p", { class: "kecil kode", text: "Kode " + code }));
    (extra || []).forEach(function (node) { card.appendChild(node); });
    box.appendChild(card);
    remember(status, message);
  }

  function refusedLookup(answer, otherwise) {
    var data = (answer && answer.data) || {};
    showResult("ditolak", data.pesan || otherwise, null, null, data.kode);
  }

  var LABELS = {
    tercatat: "✔ TERCATAT", sudah_tercatat: "✔ SUDAH TERCATAT", sudah_hadir: "! SUDAH REGISTRASI",
    perlu_konfirmasi: "? PERLU KONFIRMASI", ditolak: "✘ DITOLAK", menunggu: "… MENUNGGU KONEKSI"
  };

  function handleAnswer(item, data) {
    var status = data.status || "ditolak";
    if (status === "perlu_konfirmasi") {
      ask(data.pesan + " Catat lagi?", ["Ya, catat", "Tidak"]).then(function (choice) {
        if (choice === 0) {
          var body = Object.assign({}, item.body, { ulang: true, id_entri: newId() });
          enqueue(item.path, body, item.label);
        } else {
          showResult("ditolak", "Tidak dicatat: " + data.pesan);
        }
      });
      return;
    }
    var extra = ROLE.extra ? ROLE.extra(data) : [];
    showResult(status, data.pesan || "", data.data && data.data.peringatan, extra, data.kode);
  }

  // ------------------------------------------------------------------ questions never swallow a scan

  var asking = null;
  var held = [];

  function ask(question, choices) {
    return new Promise(function (resolve) {
      var box = $("#tanya");
      $(".isi", box).textContent = question;
      var row = $(".baris", box);
      row.textContent = "";
      choices.forEach(function (label, index) {
        var button = el("button", { type: "button", class: index ? "kedua" : "", text: label });
        button.addEventListener("click", function () { done(index); });
        row.appendChild(button);
      });
      box.hidden = false;
      asking = { resolve: resolve };
      function done(index) {
        box.hidden = true;
        asking = null;
        resolve(index);
        var next = held.shift();
        if (next !== undefined) setTimeout(function () { scanned(next); }, 0);
        focusScan();
      }
      focusScan();  // the scanner keeps typing into the scan field, never into the question
    });
  }

  function scanned(text) {
    text = (text || "").trim();
    if (!text) return;
    if (asking) {
      held.push(text);
      showResult("menunggu", "Pindaian " + text + " ditahan: jawab dulu pertanyaan di atas.");
      return;
    }
    ROLE.scan(text);
  }

  function focusScan() {
    var input = $("#isian");
    if (input && document.activeElement !== input && !$("form.kartu:not([hidden]) :focus")) input.focus();
  }

  // ------------------------------------------------------------------ shared pieces

  function desaPicker(input) {
    var name = input.getAttribute("data-cari-desa");
    var form = input.form;
    var target = $('input[name="' + name + '"]', form);
    var box = $('.pilihan-desa[data-untuk="' + name + '"]', form);
    var timer = null;
    input.addEventListener("input", function () {
      target.value = "";
      clearTimeout(timer);
      if (input.value.trim().length < 2) { box.textContent = ""; return; }
      timer = setTimeout(function () {
        get("/api/v1/desa?cari=" + encodeURIComponent(input.value.trim())).then(function (found) {
          box.textContent = "";
          found.forEach(function (desa) {
            var button = el("button", { type: "button", class: "kedua", text: desa.label + " (" + desa.kode + ")" });
            button.addEventListener("click", function () {
              target.value = desa.kode;
              input.value = desa.label;
              box.textContent = "";
            });
            box.appendChild(button);
          });
        }).catch(function () { box.textContent = "Pencarian desa butuh koneksi ke laptop induk."; });
      }, 250);
    });
  }

  function formData(form) {
    var data = {};
    $$("input, select, textarea", form).forEach(function (field) {
      if (!field.name || field.name.indexOf("-") >= 0) return;
      if (field.type === "radio" || field.type === "checkbox") { if (field.checked) data[field.name] = field.value; return; }
      if (field.value.trim()) data[field.name] = field.value.trim();
    });
    return data;
  }

  function closeForm(form) { form.hidden = true; form.reset(); $$(".pilihan-desa", form).forEach(function (b) { b.textContent = ""; }); focusScan(); }

  $$("[data-tutup]").forEach(function (button) {
    button.addEventListener("click", function () { closeForm(button.form); });
  });
  $$("[data-cari-desa]").forEach(desaPicker);

  function who(peserta) {
    return peserta.nama + " (" + peserta.id + ") · " + peserta.peran_label + (peserta.desa_label ? " · " + peserta.desa_label : "");
  }

  // ------------------------------------------------------------------ the roles

  var ROLES = {};

  ROLES.registrasi = {
    scan: function (text) {
      if (SPARE_CARD.test(text)) { openWalkIn(text.toUpperCase()); return; }
      if (ID_LIKE.test(text)) { enqueue("/api/v1/registrasi", { peserta: text }, "registrasi " + text); return; }
      get("/api/v1/peserta?cari=" + encodeURIComponent(text)).then(function (found) {
        var box = $("#hasil");
        box.textContent = "";
        if (!found.length) {
          box.appendChild(el("p", { class: "jawaban j-ditolak", text: "Tidak ada peserta yang cocok dengan \u201c" + text + "\u201d. Untuk peserta tanpa undangan, tekan + Peserta tanpa undangan." }));
          return;
        }
        var list = el("div", { class: "pilihan" });
        found.forEach(function (peserta) {
          var button = el("button", { type: "button", class: "kedua", text: who(peserta) + (peserta.terdaftar ? " · sudah hadir" : "") });
          button.addEventListener("click", function () {
            box.textContent = "";
            enqueue("/api/v1/registrasi", { peserta: peserta.id }, "registrasi " + peserta.id);
          });
          list.appendChild(button);
        });
        box.appendChild(el("p", { text: "Pilih peserta:" }));
        box.appendChild(list);
      }).catch(function () {
        showResult("ditolak", "Pencarian nama butuh koneksi ke laptop induk; pindai Kartu ID atau ketik id peserta.");
      });
    },
    extra: function (answer) {
      var data = answer.data || {};
      var nodes = [];
      if (data.peserta) nodes.push(el("p", { class: "besar", text: who(data.peserta) }));
      if (data.kursi) nodes.push(el("p", { class: "kursi", text: "Kursi: " + data.kursi }));
      if (data.bursa_kit && data.bursa_kit.length) nodes.push(el("p", { text: "Bursa Kit: " + data.bursa_kit.join(", ") }));
      return nodes;
    }
  };

  function openWalkIn(card) {
    var form = $("#form-baru");
    form.hidden = false;
    if (card) $('input[name="kartu"]', form).value = card;
    $('input[name="nama"]', form).focus();
  }

  if ($("#tombol-baru")) {
    $("#tombol-baru").addEventListener("click", function () { openWalkIn(""); });
    $("#form-baru").addEventListener("submit", function (event) {
      event.preventDefault();
      var data = formData(event.target);
      enqueue("/api/v1/registrasi/baru", data, "peserta baru " + data.nama);
      closeForm(event.target);
    });
  }

  ROLES.stempel = {
    scan: function (text) {
      var served = me.inovasi || [];
      if (served.length <= 1) {
        enqueue("/api/v1/stempel", { peserta: text }, "stempel " + text);
        return;
      }
      ask("Stempel inovasi yang mana untuk " + text + "?",
          served.map(function (i) { return i.id + " · " + i.judul; }).concat(["Batal"])).then(function (choice) {
        if (choice < served.length) {
          enqueue("/api/v1/stempel", { peserta: text, inovasi: served[choice].id }, "stempel " + served[choice].id + " " + text);
        }
      });
    },
    extra: function (answer) {
      var data = answer.data || {};
      return data.peserta ? [el("p", { class: "besar", text: who(data.peserta) })] : [];
    }
  };

  ROLES.nilai = {
    scan: function (text) {
      var form = $("#form-nilai");
      function open(peserta) {
        form.hidden = false;
        form.dataset.peserta = peserta ? peserta.id : text;
        $(".siapa", form).textContent = peserta ? who(peserta) : text + " (belum diperiksa: tidak ada koneksi)";
        var stamped = peserta ? peserta.stempel : [];
        var box = $(".pilihan-inovasi", form);
        box.textContent = "";
        var menu = (me.inovasi || []).slice().sort(function (a, b) {
          return (stamped.indexOf(b.id) >= 0) - (stamped.indexOf(a.id) >= 0);
        });
        menu.forEach(function (inovasi, index) {
          var mark = stamped.indexOf(inovasi.id) >= 0 ? " ✔ distempel" : "";
          var input = el("input", { type: "radio", name: "inovasi", value: inovasi.id });
          if (stamped.length && index === 0) input.checked = true;
          box.appendChild(el("label", { class: "pilih" + (mark ? " distempel" : "") }, [input, document.createTextNode(" " + inovasi.id + " · " + inovasi.judul + mark)]));
        });
      }
      get("/api/v1/peserta/" + encodeURIComponent(text)).then(open).catch(function (answer) {
        if (answer && answer.http) { refusedLookup(answer, "Id peserta tidak dikenal."); return; }
        open(null);
      });
    }
  };

  if ($("#form-nilai")) {
    $("#form-nilai").addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      var data = formData(form);
      if (!data.inovasi) { showResult("ditolak", "Pilih inovasi yang dinilai."); return; }
      enqueue("/api/v1/penilaian", { peserta: form.dataset.peserta, inovasi: data.inovasi, nilai: parseInt(data.nilai, 10), catatan: data.catatan || null },
              "nilai " + data.inovasi + " " + form.dataset.peserta);
      closeForm(form);
    });
  }

  ROLES.ide = {
    scan: function (text) {
      var form = $("#form-ide");
      get("/api/v1/peserta/" + encodeURIComponent(text)).then(function (peserta) {
        $(".siapa", form).textContent = who(peserta);
        $('input[name="judul"]', form).focus();
      }).catch(function (answer) {
        if (answer && answer.http) refusedLookup(answer, "Id peserta tidak dikenal.");
      });
    }
  };

  if ($("#form-ide")) {
    var ideForm = $("#form-ide");
    $('input[name="peserta"]', ideForm).addEventListener("change", function (event) {
      if (event.target.value.trim()) ROLES.ide.scan(event.target.value.trim());
    });
    ideForm.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.name === "peserta") {
        event.preventDefault();
        $('input[name="judul"]', ideForm).focus();
      }
    });
    ideForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = formData(ideForm);
      enqueue("/api/v1/ide", data, "Kartu Ide " + data.judul);
      ideForm.reset();
      $(".siapa", ideForm).textContent = "";
      $('input[name="peserta"]', ideForm).focus();
    });
  }

  ROLES.komitmen = {
    scan: function (text) {
      var results = $("#hasil-desa");
      results.textContent = "";
      if (ID_LIKE.test(text)) {
        get("/api/v1/peserta/" + encodeURIComponent(text)).then(function (peserta) {
          if (peserta.desa) openVillage(peserta.desa);
          else showResult("ditolak", peserta.nama + " tidak mewakili desa.");
        }).catch(function (answer) { refusedLookup(answer, "Butuh koneksi ke laptop induk."); });
        return;
      }
      get("/api/v1/desa?cari=" + encodeURIComponent(text)).then(function (found) {
        if (found.length === 1) { openVillage(found[0].kode); return; }
        if (!found.length) { showResult("ditolak", "Tidak ada desa yang cocok dengan \u201c" + text + "\u201d."); return; }
        found.forEach(function (desa) {
          var button = el("button", { type: "button", class: "kedua", text: desa.label + " (" + desa.kode + ")" });
          button.addEventListener("click", function () { results.textContent = ""; openVillage(desa.kode); });
          results.appendChild(button);
        });
      }).catch(function () { showResult("ditolak", "Pencarian desa butuh koneksi ke laptop induk."); });
    },
    extra: function (answer) {
      var data = answer.data || {};
      if (!data.sertifikat) return [];
      var link = el("a", { class: "tombol", href: data.sertifikat, download: "sertifikat-" + data.desa + ".pdf", text: "Unduh sertifikat (PDF)" });
      return [link];
    }
  };

  function openVillage(kode) {
    get("/api/v1/desa/" + encodeURIComponent(kode)).then(function (desa) {
      var form = $("#form-komitmen");
      form.reset();
      form.hidden = false;
      form.dataset.desa = desa.kode;
      $(".nama-desa", form).textContent = desa.label;
      $(".kartu-lama", form).textContent = desa.kartu ? "Kartu desa ini sudah tercatat pukul " + desa.kartu.jam + " (" + desa.kartu.berkas + " baris " + desa.kartu.baris + "); kartu baru akan menggantikannya setelah dikonfirmasi." : "";
      if (desa.luar_hari) $(".kartu-lama", form).textContent += (desa.kartu ? " " : "") + desa.luar_hari;
      var box = $(".stempel-desa", form);
      box.textContent = "";
      if (!desa.stempel.length) box.appendChild(el("p", { text: "Belum ada stempel untuk desa ini." }));
      desa.stempel.forEach(function (s) {
        var input = el("input", { type: "checkbox", name: "stempel", value: s.id });
        box.appendChild(el("label", { class: "pilih" }, [input, document.createTextNode(" " + s.id + " · " + s.judul + " — " + s.jumlah + " stempel, meja " + s.meja_stempel.join(", "))]));
      });
      $(".inovasi-lain", form).textContent = "";
    }).catch(function (answer) { refusedLookup(answer, "Butuh koneksi ke laptop induk."); });
  }

  if ($("#form-komitmen")) {
    var cardForm = $("#form-komitmen");
    $("#tambah-inovasi").addEventListener("click", function () {
      var select = $('select[name="tambah-inovasi"]', cardForm);
      var id = select.value;
      if (!id || $('[data-lain="' + id + '"]', cardForm)) return;
      var row = el("div", { class: "lain", "data-lain": id }, [
        el("strong", { text: select.options[select.selectedIndex].textContent }),
        el("input", { name: "alasan-" + id, placeholder: "Alasan memilih inovasi tanpa stempel", required: "required" })
      ]);
      $(".inovasi-lain", cardForm).appendChild(row);
      select.value = "";
    });
    cardForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = $$('input[name="stempel"]:checked', cardForm).map(function (i) { return i.value; });
      var reasons = {};
      $$("[data-lain]", cardForm).forEach(function (row) {
        var id = row.getAttribute("data-lain");
        chosen.push(id);
        reasons[id] = $("input", row).value.trim();
      });
      if (!chosen.length) { showResult("ditolak", "Pilih paling sedikit satu inovasi yang tertulis di kartu."); return; }
      var data = formData(cardForm);
      var body = {
        desa: cardForm.dataset.desa, inovasi: chosen, alasan: reasons,
        tahun_apbdes: data.tahun ? parseInt(data.tahun, 10) : null,
        ttd_kepala_desa: data.ttd_kades === "ya", ttd_ketua_bpd: data.ttd_bpd === "ya"
      };
      enqueue("/api/v1/komitmen", body, "Kartu Komitmen " + $(".nama-desa", cardForm).textContent);
      closeForm(cardForm);
      $(".inovasi-lain", cardForm).textContent = "";
    });
  }

  ROLES.pantau = {
    scan: function () {},
    start: function () {
      function number(id, value) { var node = $("#" + id); if (node) node.textContent = value; }
      function bars(id, counts, labels) {
        var box = $("#" + id);
        box.textContent = "";
        var keys = Object.keys(counts);
        var most = Math.max.apply(null, keys.map(function (k) { return counts[k]; }).concat([1]));
        keys.forEach(function (key) {
          var bar = el("span", { class: "isi-batang" });
          bar.style.width = Math.round(100 * counts[key] / most) + "%";
          box.appendChild(el("div", { class: "batang-baris" }, [
            el("span", { class: "nama", text: (labels && labels[key]) || key }),
            el("span", { class: "wadah" }, [bar]),
            el("span", { class: "nilai", text: String(counts[key]) })
          ]));
        });
        if (!keys.length) box.appendChild(el("p", { class: "kecil", text: "Belum ada." }));
      }
      function draw(s) {
        number("n-registrasi", s.hadir);
        number("n-konfirmasi", s.konfirmasi);
        number("n-stempel", s.stempel);
        number("n-desa", s.desa_berkomitmen);
        number("n-desa-total", s.desa_total);
        number("n-ide", s.ide);
        number("n-desa-belum", s.desa_belum_hadir.length);
        bars("per-ruang", s.stempel_per_ruang, s.nama_ruang);
        bars("per-bidang", s.komitmen_per_bidang, s.label_bidang);
        bars("per-meja", s.stempel_per_meja);
        var missing = $("#desa-belum");
        missing.textContent = "";
        s.desa_belum_hadir.slice(0, 60).forEach(function (label) { missing.appendChild(el("li", { text: label })); });
        if (s.desa_belum_hadir.length > 60) missing.appendChild(el("li", { text: "… dan " + (s.desa_belum_hadir.length - 60) + " desa lagi" }));
        var latest = $("#terbaru");
        latest.textContent = "";
        s.terakhir.forEach(function (item) { latest.appendChild(el("li", { text: item.waktu.slice(11, 16) + "  " + item.teks })); });
        number("diperbarui", s.diperbarui);
      }
      function poll() {
        get("/api/v1/ringkasan").then(function (s) {
          online = true; showConnection(); draw(s);
        }).catch(function () { online = false; showConnection(); }).then(function () { setTimeout(poll, RETRY_MS); });
      }
      poll();
    }
  };

  // ------------------------------------------------------------------ a desk with no page of its own: its form from its steps

  // The steps are the desk's dialogue as the terminal runs it (`day/desks/`, `/api/v1/saya`):
  // each fills one field of the desk's request. A role added to the registry gets this form.
  function stepField(step, offered) {
    // "(nomor, boleh kosong)" is for the terminal, where a list is picked by number.
    var label = step.tanya.replace(/[\s:?]+$/, "").replace("(nomor, ", "(").replace(" (nomor)", "");
    if (step.jenis === "ya_tidak") {
      return el("label", { class: "pilih" }, [el("input", { type: "checkbox", name: step.isian }), document.createTextNode(" " + label)]);
    }
    if (step.jenis === "pilih_banyak") {  // several from the list: one checkbox each
      return el("fieldset", { class: "pilihan", "data-isian": step.isian }, [el("legend", { text: label })].concat((offered || []).map(function (item) {
        return el("label", { class: "pilih" }, [el("input", { type: "checkbox", name: step.isian, value: item.id }),
          document.createTextNode(" " + (item.label || (item.id + " \u00b7 " + item.judul)))]);
      })));
    }
    if (step.jenis === "desa") {  // a village searched by name, its code kept in a hidden field
      var search = el("input", { name: step.isian + "-cari", "data-cari-desa": step.isian });
      if (!step.boleh_kosong) search.setAttribute("required", "required");
      var field = el("label", {}, [document.createTextNode(label), search, el("input", { type: "hidden", name: step.isian }),
        el("div", { class: "pilihan-desa", "data-untuk": step.isian })]);
      return field;
    }
    var input;
    if (step.jenis === "pilih") {
      input = el("select", { name: step.isian }, [el("option", { value: "", text: "(pilih)" })].concat((offered || []).map(function (item) {
        return el("option", { value: item.id, text: item.label || (item.id + " \u00b7 " + item.judul) });
      })));
    } else {
      input = el("input", { name: step.isian, type: step.jenis === "angka" ? "number" : "text" });
      if (step.jenis === "pindai") { input.setAttribute("autocapitalize", "characters"); input.setAttribute("spellcheck", "false"); }
    }
    if (!step.boleh_kosong) input.setAttribute("required", "required");
    return el("label", {}, [document.createTextNode(label), input]);
  }

  function stepForms() {
    var box = $("#langkah");
    Object.keys(me.langkah || {}).forEach(function (path) {
      var steps = me.langkah[path];
      var offered = (me.sumber || {})[path] || {};
      var form = el("form", { class: "kartu", "data-meja": path, autocomplete: "off" },
        steps.filter(function (step) { return step.jenis !== "alasan"; })  // reasons per item: terminal only
          .map(function (step) { return stepField(step, offered[step.sumber]); })
          .concat([el("div", { class: "baris" }, [el("button", { type: "submit", text: "Catat" })])]));
      $$("[data-cari-desa]", form).forEach(desaPicker);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = {};
        steps.forEach(function (step) {
          var field = form.elements[step.isian];
          if (!field && step.jenis !== "pilih_banyak") return;
          if (step.jenis === "pilih_banyak") {
            data[step.isian] = $$('input[name="' + step.isian + '"]:checked', form).map(function (box) { return box.value; });
          } else if (step.jenis === "ya_tidak") data[step.isian] = field.checked;
          else if (field.value.trim()) data[step.isian] = step.jenis === "angka" ? Number(field.value) : field.value.trim();
        });
        enqueue("/api/v1/" + path, data, path + " " + (data[steps[0].isian] || ""));
        form.reset();
        $$('input[type="hidden"]', form).forEach(function (hidden) { hidden.value = ""; });  // reset keeps them
        $$(".pilihan-desa", form).forEach(function (found) { found.textContent = ""; });
        focusStep();
      });
      box.appendChild(form);
    });
    focusStep();
  }

  function focusStep() {
    var first = $("#langkah input, #langkah select");
    if (first) first.focus();
  }

  var BY_STEPS = {
    start: stepForms,
    scan: function (text) {  // a scan lands in the first field that takes one
      var field = $("#langkah input[autocapitalize]");
      if (field) { field.value = text; field.dispatchEvent(new Event("change")); }
    }
  };

  // ------------------------------------------------------------------ the camera: a photo anywhere, live where allowed

  function fromCamera(text) {
    var input = $("#isian");
    if (me.peran === "ide" && input) input.value = text;  // Kartu Ide: the proposer's id goes in its field
    scanned(text);
  }

  var photosRead = 0;

  function startCamera() {
    var file = $("#foto");
    if (!file || !window.bursaFoto) return;
    var status = $("#foto-status");
    // The decoder comes once the page has opened, so the first load stays light on a weak
    // hotspot, and is here before the Wi-Fi drops.
    window.addEventListener("load", function () {
      setTimeout(function () { window.bursaFoto.loadDecoder(boot.dekoder).catch(function () {}); }, 0);
    });
    file.addEventListener("change", function () {
      var photo = file.files && file.files[0];
      if (!photo) return;
      status.textContent = "Membaca QR pada foto\u2026";
      status.hidden = false;
      function finish() { status.hidden = true; status.textContent = ""; file.value = ""; photosRead += 1; }
      window.bursaFoto.decodeFile(photo, boot.dekoder).then(function (text) {
        finish();
        if (text) fromCamera(text);
        else showResult("ditolak", "QR pada foto tidak terbaca. Foto lagi dari dekat (QR kira-kira sepertiga lebar foto), di tempat terang dan tidak goyang; atau ketik id peserta.");
      }, function () {
        finish();
        showResult("ditolak", "Foto tidak dapat dibuka di perangkat ini. Coba foto lagi, atau ketik id peserta.");
      });
    });
    window.bursaFoto.liveCamera($("#kamera"), $("#video"), boot.dekoder, fromCamera, function () {
      showResult("ditolak", "Kamera langsung tidak dapat dibuka; pakai tombol Foto Kartu ID, pemindai USB, atau ketik id.");
    });
  }

  // Without a service worker (plain http: not a secure context) a page reloaded while the
  // induk cannot be reached does not come back, though its queue is kept: ask first.
  window.addEventListener("beforeunload", function (event) {
    var copied = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!store.count() || online || copied) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // ------------------------------------------------------------------ start

  var ROLE = ROLES[me.peran] || BY_STEPS;
  var scanForm = $("#pindai") || $("#cari-desa");
  if (scanForm) {
    scanForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = $("#isian");
      var text = input.value;
      input.value = "";
      scanned(text);
    });
  }
  // Where the browser allows it (HTTPS, or the laptop induk itself), a reload without the
  // induk opens this page from the browser's copy (static/sw-meja.js), queue and all.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/meja-sw.js", { scope: "/meja" }).catch(function () {});
  }
  if (ROLE.start) ROLE.start();
  startCamera();
  drawHistory();
  showConnection();
  flush();
  window.bursaMeja = {  // for the browser tests
    queue: function () { return store.all(); },
    photos: function () { return photosRead; }
  };
})();
