#!/usr/bin/env python3
"""Benchmark: `bursa validasi` cold on the largest-kabupaten event, against PyYAML's C loader.

    .venv/bin/python bench/validasi.py [--ulang 7]

Both sides run as fresh processes (cold: interpreter start and imports
included), interleaved, on the same files, so the ratio is fair on a noisy
shared machine. Also times `bursa --help` and checks which heavy modules a
command that renders nothing imports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sintetis import make_event  # noqa: E402

PYTHON = sys.executable

C_LOADER = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
for path in sorted(root.rglob("*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""

IMPORTS = """
import sys
from typer.testing import CliRunner
from bursa_cli.cli.app import app
result = CliRunner().invoke(app, sys.argv[1:])
print(result.exit_code, *(m for m in ("weasyprint", "pydantic", "jinja2") if m in sys.modules))
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def count_entries(root: Path) -> dict[str, int]:
    counts = {}
    for folder in sorted((root / "log").iterdir()):
        counts[folder.name] = sum(
            1 for f in folder.glob("*.yaml") for line in f.open(encoding="utf-8") if line.startswith("- "))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ulang", type=int, default=7, help="runs per side")
    args = parser.parse_args()
    data = HERE / "_data" / "terbesar"
    if not (data / "acara.yaml").exists():
        print("membuat acara sintetis terbesar ...")
        make_event(data, "terbesar")
    counts = count_entries(data)
    size = sum(p.stat().st_size for p in data.rglob("*.yaml"))
    print(f"acara sintetis: {data}  ({size / 1e6:.1f} MB YAML)")
    print("entri log:", ", ".join(f"{k} {v}" for k, v in counts.items()))

    bursa = [PYTHON, "-m", "bursa_cli", "validasi", str(data), "--format", "parsable"]
    loader = [PYTHON, "-c", C_LOADER, str(data)]
    check = subprocess.run(bursa, capture_output=True, text=True)
    print(f"bursa validasi: kode keluar {check.returncode}, {len(check.stdout.splitlines())} baris masalah")

    # The floor: a process that only imports what `bursa validasi` needs and does no work.
    floor = [PYTHON, "-c", "import bursa_cli.cli.app, bursa_cli.check, bursa_cli.present.acara"]
    ours, theirs, floors = [], [], []
    for _ in range(args.ulang):
        ours.append(timed(bursa))
        theirs.append(timed(loader))
        floors.append(timed(floor))
    o, t, f = statistics.median(ours), statistics.median(theirs), statistics.median(floors)
    print(f"bursa validasi (dingin)        : median {o:.3f} s  (min {min(ours):.3f})")
    print(f"PyYAML CSafeLoader saja (dingin): median {t:.3f} s  (min {min(theirs):.3f})")
    print(f"rasio bursa / PyYAML C          : {o / t:.2f}  (sasaran <= 0.50)")
    print(f"hanya memuat modul, tanpa kerja : median {f:.3f} s, rasio {f / t:.2f} terhadap PyYAML C")

    # In one process: the work alone (interpreter start and imports excluded on both sides).
    import yaml

    from bursa_cli.check import validate_event

    files = sorted(data.rglob("*.yaml"))

    def c_load() -> None:
        for path in files:
            with open(path, "rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

    work, parse = [], []
    for _ in range(args.ulang):
        start = time.perf_counter()
        validate_event(data)
        work.append(time.perf_counter() - start)
        start = time.perf_counter()
        c_load()
        parse.append(time.perf_counter() - start)
    w, p = statistics.median(work), statistics.median(parse)
    print(f"dalam satu proses: validate_event {w:.3f} s, PyYAML C {p:.3f} s, rasio {w / p:.2f}")
    logs = [path for path in files if "log" in path.relative_to(data).parts]
    entries = sum(counts.values())
    start = time.perf_counter()
    for path in logs:
        with open(path, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    one_line = time.perf_counter() - start
    block = yaml.dump([entry for path in logs for entry in yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)],
                      Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    start = time.perf_counter()
    yaml.load(block, Loader=yaml.CSafeLoader)
    block_time = time.perf_counter() - start
    print(f"PyYAML C per entri log: {one_line / entries * 1e6:.0f} us dalam bentuk satu baris, "
          f"{block_time / entries * 1e6:.0f} us bila ditulis sebagai YAML blok biasa")
    print(f"perintah utuh bursa validasi / parse PyYAML C dalam proses: {o / p:.2f}")

    helps = [timed([PYTHON, "-m", "bursa_cli", "--help"]) for _ in range(args.ulang)]
    print(f"bursa --help                    : median {statistics.median(helps):.3f} s  (sasaran < 0.3)")
    for command in (["--help"], ["validasi", str(data)], ["status", str(data)]):
        out = subprocess.run([PYTHON, "-c", IMPORTS, *command], capture_output=True, text=True).stdout.split()
        print(f"modul berat yang dimuat oleh bursa {command[0]:<9}: {' '.join(out[1:]) or '-'}")


if __name__ == "__main__":
    main()
