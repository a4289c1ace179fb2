/* Verifikasi sertifikat tanpa internet: kode yang diketik di-hash (PBKDF2-SHA256, sama
   dengan bursa_cli/certify/codes.py) lalu dicari di daftar hash. Tanpa pustaka luar. */
"use strict";
var ABJAD = "ACDEFGHJKMNPQRTUVWXY34679";
var K = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
  0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
  0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
  0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
  0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
  0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
  0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
  0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];

function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

function sha256(bytes) {
  var H = [0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];
  var length = bytes.length, n = ((length + 9 + 63) >> 6) << 6;
  var m = new Uint8Array(n), w = new Array(64), i, t;
  m.set(bytes);
  m[length] = 0x80;
  var bits = length * 8;
  m[n - 4] = (bits >>> 24) & 255; m[n - 3] = (bits >>> 16) & 255;
  m[n - 2] = (bits >>> 8) & 255; m[n - 1] = bits & 255;
  for (i = 0; i < n; i += 64) {
    for (t = 0; t < 16; t++) {
      w[t] = (m[i + 4 * t] << 24) | (m[i + 4 * t + 1] << 16) | (m[i + 4 * t + 2] << 8) | m[i + 4 * t + 3];
    }
    for (t = 16; t < 64; t++) {
      var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
    for (t = 0; t < 64; t++) {
      var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
  }
  var out = new Uint8Array(32);
  for (i = 0; i < 8; i++) {
    out[4 * i] = (H[i] >>> 24) & 255; out[4 * i + 1] = (H[i] >>> 16) & 255;
    out[4 * i + 2] = (H[i] >>> 8) & 255; out[4 * i + 3] = H[i] & 255;
  }
  return out;
}

function hmac(key, message) {
  if (key.length > 64) { key = sha256(key); }
  var inner = new Uint8Array(64 + message.length), outer = new Uint8Array(96), i;
  for (i = 0; i < 64; i++) {
    var k = i < key.length ? key[i] : 0;
    inner[i] = k ^ 0x36; outer[i] = k ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

/* PBKDF2-HMAC-SHA256, one block (panjang <= 32 byte), hasil heksadesimal. */
function pbkdf2(password, salt, iterations, length) {
  var first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1;
  var u = hmac(password, first), result = u.slice(), i, j;
  for (i = 1; i < iterations; i++) {
    u = hmac(password, u);
    for (j = 0; j < 32; j++) { result[j] ^= u[j]; }
  }
  var hex = "";
  for (i = 0; i < length; i++) { hex += (result[i] < 16 ? "0" : "") + result[i].toString(16); }
  return hex;
}

function fromHex(hex) {
  var out = new Uint8Array(hex.length / 2);
  for (var i = 0; i < out.length; i++) { out[i] = parseInt(hex.substr(2 * i, 2), 16); }
  return out;
}

function asciiBytes(text) {
  var out = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i) & 127; }
  return out;
}

/* Yang diketik -> 12 huruf tanpa tanda hubung, atau pesan mengapa itu bukan kode. */
function bersihkan(typed) {
  var bare = typed.toUpperCase().replace(/[\s\-._]/g, "");
  var salah = [];
  for (var i = 0; i < bare.length; i++) {
    if (ABJAD.indexOf(bare[i]) < 0 && salah.indexOf(bare[i]) < 0) { salah.push(bare[i]); }
  }
  if (salah.length) {
    return { galat: "Kode tidak pernah memakai " + salah.join(", ") +
      " (huruf/angka yang mirip seperti 0/O, 1/I/L, 2/Z, 5/S dan 8/B tidak dipakai)." };
  }
  if (bare.length !== 12) {
    return { galat: "Kode terdiri dari 12 huruf/angka, mis. K7QX-M4PD-9HTA; yang diketik " + bare.length + "." };
  }
  return { kode: bare };
}

function periksa(data, typed) {
  var bersih = bersihkan(typed);
  if (bersih.galat) { return { sah: false, pesan: bersih.galat }; }
  var hash = pbkdf2(asciiBytes(bersih.kode), fromHex(data.garam), data.iterasi, data.panjang);
  var isi = data.sertifikat[hash];
  var kode = bersih.kode.replace(/(....)(....)(....)/, "$1-$2-$3");
  if (!isi) {
    return { sah: false, kode: kode, pesan: "Kode " + kode + " tidak terdaftar sebagai sertifikat " + data.acara +
      ". Periksa lagi ketikannya." };
  }
  return { sah: true, kode: kode, isi: isi };
}

if (typeof module !== "undefined") {
  module.exports = { sha256: sha256, hmac: hmac, pbkdf2: pbkdf2, bersihkan: bersihkan, periksa: periksa };
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", function () {
    var data = JSON.parse(document.getElementById("data-sertifikat").textContent);
    var form = document.getElementById("form"), input = document.getElementById("kode");
    var hasil = document.getElementById("hasil");

    function baris(label, value) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = label; dd.textContent = value;
      return [dt, dd];
    }

    function tampil(typed) {
      var r = periksa(data, typed);
      hasil.replaceChildren();
      hasil.className = r.sah ? "sah" : "tidak-sah";
      var judul = document.createElement("h2");
      judul.textContent = r.sah ? "Sertifikat SAH" : "Kode tidak dikenal";
      hasil.appendChild(judul);
      if (!r.sah) {
        var p = document.createElement("p"); p.textContent = r.pesan; hasil.appendChild(p);
        return;
      }
      var dl = document.createElement("dl");
      baris("Kode", r.kode).concat(
        baris("Kepala Desa", r.isi.kepala_desa),
        baris("Desa", r.isi.desa + ", Kecamatan " + r.isi.kecamatan + ", " + data.wilayah),
        baris("APBDes", "Tahun " + r.isi.tahun_apbdes)).forEach(function (el) { dl.appendChild(el); });
      hasil.appendChild(dl);
      var ol = document.createElement("ol");
      r.isi.inovasi.forEach(function (b) {
        var li = document.createElement("li"); li.textContent = b.judul + " (Bidang " + b.bidang + ")";
        ol.appendChild(li);
      });
      var sub = document.createElement("p"); sub.textContent = "Inovasi yang akan direplikasi:";
      hasil.appendChild(sub); hasil.appendChild(ol);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); tampil(input.value); });
    var dariQr = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    if (dariQr) { input.value = dariQr; tampil(dariQr); }
  });
}
