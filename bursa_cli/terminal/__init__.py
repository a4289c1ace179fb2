"""The terminal desks: one session object running any desk here or through the laptop induk.

An edge beside `cli/` and `web/`: it reads and prints through `present/` and
records through the desks of `day/desks/`, which never import it.

`cli/hari.py` parses each command's options and calls one method of `DeskLoop`;
a desk of the registry without a dialogue of its own runs by its steps
(`DeskLoop().run(desk, ...)`).
"""

from __future__ import annotations

from .local import LocalDesks
from .remote import RemoteDesks


class DeskLoop(LocalDesks, RemoteDesks):
    """One desk session: the five desks' dialogues, and the generic one of `Dialogue.run`."""
