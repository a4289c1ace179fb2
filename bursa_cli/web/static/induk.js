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
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = { peran: form.peran.value, meja: form.meja.value || null, nama: form.nama.value };
    post("/induk/perangkat", data).then(function (answer) {
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
      again.textContent = "Pindai QR ini dengan perangkat " + answer.data.id + ". QR ini hanya tampil sekali; muat ulang halaman untuk melihat daftar perangkat.";
      target.appendChild(again);
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
