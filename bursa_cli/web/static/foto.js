/* bursa layani: reading a Kartu ID's QR with the phone's camera.
 *
 * Two ways, both decoded in this page, never sent anywhere:
 *  - a photo (the file input with capture="environment"): works in every browser, on plain
 *    http too, where the live camera is not allowed (not a secure context);
 *  - the live camera (getUserMedia), only where the browser allows it: https or the laptop
 *    induk itself. BarcodeDetector where it exists, otherwise the same decoder as photos.
 * The decoder is jsQR (static/vendor/, Apache-2.0), loaded after the page has opened.
 */
window.bursaFoto = (function () {
  "use strict";

  // A phone photo is 12 MP; jsQR on that takes seconds and may miss a QR that is large and
  // slightly blurred. A QR filling a fifth of the photo is found at 1000 px; the larger side
  // catches a card held far away, the smaller one a blurred close-up.
  var SIDES = [1000, 1600, 640];
  var LIVE_SIDE = 640;
  var loading = null;

  function loadDecoder(url) {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () { if (window.jsQR) resolve(window.jsQR); else reject(new Error("jsQR")); };
      script.onerror = function () { loading = null; script.remove(); reject(new Error("jsQR")); };
      document.head.appendChild(script);
    });
    return loading;
  }

  function openImage(file) {
    function viaImg() {
      return new Promise(function (resolve, reject) {
        var url = URL.createObjectURL(file);
        var img = new Image();
        img.onload = function () { resolve({ source: img, width: img.naturalWidth, height: img.naturalHeight, done: function () { URL.revokeObjectURL(url); } }); };
        img.onerror = function () { URL.revokeObjectURL(url); reject(new Error("gambar")); };
        img.src = url;
      });
    }
    if (!window.createImageBitmap) return viaImg();
    // createImageBitmap turns the photo as the camera held it (EXIF orientation).
    return createImageBitmap(file).then(function (bitmap) {
      return { source: bitmap, width: bitmap.width, height: bitmap.height, done: function () { bitmap.close(); } };
    }, viaImg);
  }

  function pixels(image, side, crop) {
    var box = crop || { x: 0, y: 0, w: image.width, h: image.height };
    var scale = Math.min(1, side / Math.max(box.w, box.h));
    var w = Math.max(1, Math.round(box.w * scale)), h = Math.max(1, Math.round(box.h * scale));
    var canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.imageSmoothingQuality = "high";
    context.drawImage(image.source, box.x, box.y, box.w, box.h, 0, 0, w, h);
    return context.getImageData(0, 0, w, h);
  }

  function tries(image) {
    var list = [];
    var longest = Math.max(image.width, image.height);
    SIDES.forEach(function (side) {
      if (side < longest * 1.15 || !list.length) list.push({ side: side });
    });
    // a card small in a wide photo: its middle, larger
    var w = Math.round(image.width * 0.6), h = Math.round(image.height * 0.6);
    list.push({ side: SIDES[0], crop: { x: Math.round((image.width - w) / 2), y: Math.round((image.height - h) / 2), w: w, h: h } });
    return list;
  }

  /* The text of the QR in a photo file, or null when none can be read. */
  function decodeFile(file, decoderUrl) {
    return Promise.all([loadDecoder(decoderUrl), openImage(file)]).then(function (ready) {
      var jsQR = ready[0], image = ready[1];
      var queue = tries(image);
      return new Promise(function (resolve) {
        (function next() {
          var attempt = queue.shift();
          if (!attempt) { image.done(); resolve(null); return; }
          var data = pixels(image, attempt.side, attempt.crop);
          var found = jsQR(data.data, data.width, data.height, { inversionAttempts: "dontInvert" });
          if (found && found.data) { image.done(); resolve(found.data); return; }
          setTimeout(next, 0);  // let the page breathe between tries
        })();
      });
    });
  }

  /* The live camera, where the browser allows it: true when offered. */
  function liveCamera(button, video, decoderUrl, onText, onFail) {
    if (!button || !video || !window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return false;
    button.hidden = false;
    var detect;
    if ("BarcodeDetector" in window) {
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      detect = function () {
        return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      };
    } else {
      detect = function () {
        return loadDecoder(decoderUrl).then(function (jsQR) {
          if (!video.videoWidth) return null;
          var data = pixels({ source: video, width: video.videoWidth, height: video.videoHeight }, LIVE_SIDE);
          var found = jsQR(data.data, data.width, data.height, { inversionAttempts: "dontInvert" });
          return found ? found.data : null;
        });
      };
    }
    var last = "";
    function stop() {
      if (video.srcObject) video.srcObject.getTracks().forEach(function (t) { t.stop(); });
      video.srcObject = null;
      video.hidden = true;
    }
    button.addEventListener("click", function () {
      if (!video.hidden) { stop(); return; }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        (function look() {
          if (video.hidden) return;
          detect().then(function (text) {
            if (text && text !== last) {
              last = text;
              onText(text);
              setTimeout(function () { last = ""; }, 3000);
            }
          }).catch(function () {}).then(function () { setTimeout(look, 300); });
        })();
      }).catch(onFail);
    });
    return true;
  }

  return { loadDecoder: loadDecoder, decodeFile: decodeFile, liveCamera: liveCamera };
})();
