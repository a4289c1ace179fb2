"""What every command module shares: the event-folder argument and date parsing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

FOLDER = typer.Argument(Path("."), help="Folder acara (bawaan: folder ini).", show_default=False)


def complete_tahap(incomplete: str) -> list[str]:
    """Tab completion of `--tahap`: the ten stage codes."""
    from ..schema.models import TAHAPAN_KODE

    return [kode for kode in TAHAPAN_KODE if kode.startswith(incomplete)]


def complete_peran(incomplete: str) -> list[str]:
    """Tab completion of `--peran`: the desk roles of `bursa layani`."""
    from ..day.devices import ROLES

    return [peran for peran in ROLES if peran.startswith(incomplete)]


def parse_date(text: str) -> date:
    """A TTTT-BB-HH option value, or a usage error in Indonesian."""
    from ..errors import UsageError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError.coded("BUR-U006", tanggal=text) from None
