"""The terminal desks: one dialogue running any desk of the registry here or through the laptop induk.

An edge beside `cli/` and `web/`: it reads and prints through `present/` and
records through the desks of `day/desks/`, which never import it. `cli/hari.py`
parses each command's options and calls `Dialogue().run(desk, ...)`.
"""

from __future__ import annotations

from .counters import Here, There
from .dialogue import Dialogue

__all__ = ["Dialogue", "Here", "There"]
