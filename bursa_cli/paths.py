"""Where the package's own files live (built-in templates, assets, fonts), and where an event's output goes.

The built-in templates have one home, `bursa_cli/templates/`, the same in a
source checkout, an editable install and an installed wheel; the repository's
root `templates` is only a link to it, so the project layout still shows it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
FONTS = ASSETS / "fonts"
BUILTIN_TEMPLATES = PACKAGE / "templates"
OUTPUT_DIR = "keluaran"  # inside the event folder: everything bursa makes (never committed)
