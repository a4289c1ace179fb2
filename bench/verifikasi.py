#!/usr/bin/env python3
"""Benchmark: the key derivation of the verification page (PBKDF2-SHA256, 600,000 rounds).

    .venv/bin/python bench/verifikasi.py [--sertifikat 852] [--ulang 5]

Prints, for one derivation (what a phone does once per lookup): the time in
node's WebCrypto and in headless chromium (Debian's, through Playwright) when
they are installed, and in Python; then the time `bursa cetak
halaman-verifikasi` spends sealing the given number of certificates (all cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bursa_cli.certify.verify import PAGE_ITERATIONS, derive, seal_all  # noqa: E402
from bursa_cli.paths import BUILTIN_TEMPLATES  # noqa: E402

SCRIPT = BUILTIN_TEMPLATES / "verifikasi.js"
SALT = "00" * 16
CODE = "ACDEFGHJKMNP"
TIMED = ("const v = require(process.argv[2]);\n"
         "(async () => { const out = [];\n"
         "  for (let i = 0; i < Number(process.argv[3]); i++) {\n"
         "    const t = performance.now(); await v.turunkan(%s, %s, %d); out.push(performance.now() - t); }\n"
         "  console.log(JSON.stringify(out)); })();\n")


def node_ms(repeat: int) -> list[float] | None:
    if shutil.which("node") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "ukur.js"
        script.write_text(TIMED % (json.dumps(CODE), json.dumps(SALT), PAGE_ITERATIONS), encoding="utf-8")
        out = subprocess.run(["node", str(script), str(SCRIPT), str(repeat)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def chromium_ms(repeat: int) -> list[float] | None:
    sys.path.insert(0, str(HERE.parent / "tests"))
    try:
        from playwright.sync_api import sync_playwright
        from web_support import CHROMIUM, CHROMIUM_ARGS
    except ImportError:
        return None
    if not CHROMIUM:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            with tempfile.TemporaryDirectory() as folder:
                html = Path(folder) / "ukur.html"
                html.write_text(f"<!DOCTYPE html><script>{SCRIPT.read_text(encoding='utf-8')}</script>", encoding="utf-8")
                page.goto(html.as_uri())
                return page.evaluate(
                    "async ([code, salt, rounds, repeat]) => { const out = [];"
                    " for (let i = 0; i < repeat; i++) { const t = performance.now();"
                    " await turunkan(code, salt, rounds); out.push(performance.now() - t); } return out; }",
                    [CODE, SALT, PAGE_ITERATIONS, repeat])
        finally:
            browser.close()


def python_ms(repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        derive(CODE, bytes.fromhex(SALT))
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sertifikat", type=int, default=852)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    print(f"PBKDF2-SHA256 {PAGE_ITERATIONS:,} putaran, satu turunan (median dari {args.ulang}):")
    for name, measure in (("node WebCrypto", node_ms), ("chromium WebCrypto", chromium_ms), ("Python hashlib", python_ms)):
        times = measure(args.ulang)
        shown = "tidak tersedia" if times is None else f"{statistics.median(times):.0f} ms"
        print(f"  {name:<20}{shown:>16}", flush=True)
    items = [(f"{CODE[:8]}{i:04d}".translate(str.maketrans("0125", "ACDE")), {"desa": f"Desa {i}"})
             for i in range(args.sertifikat)]
    start = time.perf_counter()
    seal_all(items, bytes.fromhex(SALT))
    print(f"Menyegel {args.sertifikat} sertifikat ({os.cpu_count()} inti): {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
