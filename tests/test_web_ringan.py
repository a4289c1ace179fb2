"""Desk pages light enough for a weak hotspot: no font downloads, compressed text, static files cached
under versioned names, and a stamp desk's first load within 150 KB over the wire (bytes counted by
Chromium itself). How long it takes under throttling is measured by bench/halaman_meja.py, not here."""

from __future__ import annotations

import gzip
import re

import httpx

from bursa_cli.web.statis import FOREVER, STATIC, digest
from web_support import PHONE, browser, pair, pair_path, served  # noqa: F401

BUDGET = 150_000


def test_static_files_are_kept_for_a_year_only_under_their_current_version(minimal_event):
    with served(minimal_event) as base:
        current = httpx.get(f"{base}/statis/meja.js?v={digest('meja.js')}")
        assert current.status_code == 200 and current.headers["cache-control"] == FOREVER
        for stale in (f"{base}/statis/meja.js", f"{base}/statis/meja.js?v=000000000000"):
            answer = httpx.get(stale)
            assert answer.status_code == 200 and answer.headers["cache-control"] == "no-cache"
        assert httpx.get(f"{base}/statis/../pages.py").status_code == 404
        assert httpx.get(f"{base}/huruf/LiberationSans-Regular.ttf").status_code == 404


def test_pages_are_checked_every_time_and_link_versioned_files(minimal_event):
    token = pair(minimal_event, "stempel", "A-01")
    with served(minimal_event) as base:
        page = httpx.get(f"{base}/meja", headers={"Authorization": f"Bearer {token}"}, cookies={"bursa_perangkat": token})
        assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
        links = re.findall(r'(?:href|src)="(/statis/[^"]+)"', page.text)
        assert sorted(links) == sorted(f"/statis/{name}?v={digest(name)}"
                                       for name in ("meja.css", "antrean.js", "foto.js", "meja.js"))
        assert f"/statis/vendor/jsQR.js?v={digest('vendor/jsQR.js')}" in page.text  # loaded once the page is open


def test_text_is_gzipped(minimal_event):
    with served(minimal_event) as base:
        for path in ("/statis/vendor/jsQR.js", "/statis/meja.js", "/statis/meja.css"):
            with httpx.stream("GET", f"{base}{path}", headers={"Accept-Encoding": "gzip"}) as answer:
                wire = b"".join(answer.iter_raw())
            assert answer.headers["content-encoding"] == "gzip", path
            size = len(gzip.decompress(wire))
            assert size == (STATIC / path.removeprefix("/statis/")).stat().st_size
            assert len(wire) < size / 2.5, (path, len(wire), size)
        plain = httpx.get(f"{base}/statis/meja.js", headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers


def test_a_stamp_desks_first_load_fits_150_kb_with_no_font_downloaded(browser, minimal_event):
    pairing = pair_path(minimal_event, "stempel", "A-01")
    with served(minimal_event) as base:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        wire: dict[str, float] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(f"{base}{pairing}")
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => !!window.jsQR")  # the photo decoder arrived after the page opened
        page.wait_for_timeout(200)
        fetched = {urls[r].split("?")[0].replace(base, "") for r in wire}
        assert fetched - {"/favicon.ico", "/meja-sw.js"} == {"/meja", "/statis/antrean.js", "/statis/foto.js",
                                                             "/statis/meja.css", "/statis/meja.js",
                                                             "/statis/vendor/jsQR.js"}, fetched
        total = sum(wire.values())
        assert total <= BUDGET, f"muat pertama {total:.0f} bita > {BUDGET}"
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
        context.close()
