"""Where the package's own files live: built-in templates, assets, fonts.

In a source checkout (or an editable install) the templates sit at the repo
root in `templates/`; inside an installed wheel they are mapped to
`bursa_cli/templates` (see pyproject.toml). Both are checked, wheel first.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ASSETS = PACKAGE / "assets"
FONTS = ASSETS / "fonts"


def _builtin_templates() -> Path:
    for candidate in (PACKAGE / "templates", PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    return PACKAGE / "templates"


BUILTIN_TEMPLATES = _builtin_templates()
