/* Verifikasi sertifikat tanpa internet. Isi setiap sertifikat tersandi (AES-256-GCM) dengan
   kunci yang diturunkan dari kodenya: PBKDF2-SHA256 600.000 putaran, lalu HMAC-SHA256 memecahnya
   menjadi id pencarian dan kunci AES (sama dengan bursa_cli/certify/verify.py). Satu turunan per
   pemeriksaan, dengan WebCrypto bawaan browser; tanpa pustaka luar, tanpa mengirim apa pun. */
"use strict";
var ABJAD = "ACDEFGHJKMNPQRTUVWXY34679";
function teks(text) { return new TextEncoder().encode(text); }

function fromHex(hex) {
  var out = new Uint8Array(hex.length / 2);
  for (var i = 0; i < out.length; i++) { out[i] = parseInt(hex.substr(2 * i, 2), 16); }
  return out;
}

function toHex(bytes) {
  var hex = "";
  for (var i = 0; i < bytes.length; i++) { hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
  return hex;
}

function fromBase64(text) {
  var raw = atob(text), out = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
  return out;
}

function subtle() {
  var c = (typeof crypto !== "undefined" && crypto.subtle) ? crypto : null;
  if (!c && typeof require === "function") { c = require("crypto").webcrypto; }
  return c ? c.subtle : null;
}

/* Kode -> { id: heksadesimal 16 byte, kunci: CryptoKey AES-GCM }; satu PBKDF2 per pemeriksaan. */
async function turunkan(kode, garam, iterasi) {
  var s = subtle();
  var bahan = await s.importKey("raw", teks(kode), "PBKDF2", false, ["deriveBits"]);
  var induk = await s.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromHex(garam), iterations: iterasi },
    bahan, 256);
  var hmac = await s.importKey("raw", induk, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  var id = toHex(new Uint8Array(await s.sign("HMAC", hmac, teks("bursa-verifikasi-id"))).slice(0, 16));
  var mentah = await s.sign("HMAC", hmac, teks("bursa-verifikasi-kunci"));
  var kunci = await s.importKey("raw", mentah, "AES-GCM", false, ["decrypt"]);
  return { id: id, kunci: kunci };
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

async function periksa(data, typed) {
  var bersih = bersihkan(typed);
  if (bersih.galat) { return { sah: false, pesan: bersih.galat }; }
  if (!subtle()) {
    return { sah: false, pesan: "Browser ini tidak dapat memeriksa kode di halaman ini. Buka halaman dari alamat " +
      "yang diawali https atau dari berkasnya langsung, dengan browser yang baru (Chrome, Firefox, Safari)." };
  }
  var kode = bersih.kode.replace(/(....)(....)(....)/, "$1-$2-$3");
  var turunan = await turunkan(bersih.kode, data.garam, data.iterasi);
  var entri = data.sertifikat[turunan.id];
  var tidak = { sah: false, kode: kode, pesan: "Kode " + kode + " tidak terdaftar sebagai sertifikat " +
    data.acara + ". Periksa lagi ketikannya." };
  if (!entri) { return tidak; }
  try {
    var isi = await subtle().decrypt({ name: "AES-GCM", iv: fromBase64(entri.iv), additionalData: teks(turunan.id) },
      turunan.kunci, fromBase64(entri.isi));
    return { sah: true, kode: kode, isi: JSON.parse(new TextDecoder().decode(isi)) };
  } catch (e) {
    return tidak;  /* isi yang diubah orang tidak lolos pemeriksaan GCM */
  }
}

if (typeof module !== "undefined") {
  module.exports = { turunkan: turunkan, bersihkan: bersihkan, periksa: periksa };
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

    async function tampil(typed) {
      hasil.className = "";
      hasil.textContent = "Memeriksa kode\u2026";
      var r = await periksa(data, typed);
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
        if (b.keadaan) {  // published only when the event chooses to (dokumen.terbitkan_tindak_lanjut)
          var k = document.createElement("div"); k.className = "keadaan"; k.textContent = "Tindak lanjut: " + b.keadaan;
          li.appendChild(k);
        }
        ol.appendChild(li);
      });
      var sub = document.createElement("p"); sub.textContent = "Inovasi yang akan direplikasi:";
      hasil.appendChild(sub); hasil.appendChild(ol);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); tampil(input.value); });
    function dariQr() {
      var kode = decodeURIComponent(window.location.hash.replace(/^#/, ""));
      if (kode) { input.value = kode; tampil(kode); }
    }
    window.addEventListener("hashchange", dariQr);  /* QR berikutnya dipindai di tab yang sama */
    dariQr();
  });
}
