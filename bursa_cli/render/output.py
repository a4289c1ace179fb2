"""Where documents go: the event's `keluaran/` folder (written with `bursa_cli.fsutil`)."""

from __future__ import annotations

OUTPUT_DIR = "keluaran"
