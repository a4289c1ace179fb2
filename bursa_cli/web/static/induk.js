/* bursa layani: the laptop induk's own screen (pair and revoke devices). */
(function () {
  "use strict";
  var CSRF = JSON.parse(document.getElementById("bursa-data").textContent).csrf;

  function post(path, body) {
    return fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Bursa-CSRF": CSRF },
      body: JSON.stringify(body || {})
    }).then(function (r) { return r.json(); });
  }

  var form = document.getElementById("form-perangkat");
  var target = document.getElementById("qr-baru");

  function showQr(answer) {
    target.textContent = "";
    var note = document.createElement("p");
    note.textContent = answer.pesan;
    target.appendChild(note);
    if (answer.status !== "tercatat") return;
    // The QR is SVG made on the server from the URL alone; it holds no typed text.
    var holder = document.createElement("div");
    holder.className = "qr-besar";
    holder.innerHTML = answer.data.qr;
    target.appendChild(holder);
    var url = document.createElement("p");
    url.className = "url kecil";
    url.textContent = answer.data.url;
    target.appendChild(url);
    var again = document.createElement("p");
    again.textContent = "Pindai QR ini dengan kamera ponsel " + answer.data.id + " sebelum pukul " + answer.data.sampai +
      ". QR ini memasangkan satu ponsel saja, sekali. Muat ulang halaman untuk melihat daftar perangkat.";
    target.appendChild(again);
    target.scrollIntoView({ block: "nearest" });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = { peran: form.peran.value, meja: form.meja.value || null, nama: form.nama.value };
    post("/induk/perangkat", data).then(showQr);
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-qr]"), function (button) {
    button.addEventListener("click", function () {
      post("/induk/perangkat/" + encodeURIComponent(button.getAttribute("data-qr")) + "/qr").then(showQr);
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-cabut]"), function (button) {
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-cabut");
      if (!window.confirm("Cabut perangkat " + id + "? Perangkat itu langsung tidak dapat mencatat lagi.")) return;
      post("/induk/perangkat/" + encodeURIComponent(id) + "/cabut").then(function () { window.location.reload(); });
    });
  });
})();
