"""`bursa templat salin`: copy a built-in template into the event, ready to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UsageError
from ..paths import BUILTIN_TEMPLATES
from .env import EVENT_TEMPLATES, builtin_names


def copy_template(name: str, folder: Path) -> Path:
    """Copy built-in template `name` to `folder/templates/name`; never overwrites."""
    folder = Path(folder)
    if not (folder / "acara.yaml").is_file():
        raise UsageError.coded("BUR-U004", folder=folder)
    name = name.removeprefix("bawaan/")
    names = builtin_names()
    if name not in names:
        raise UsageError.coded("BUR-C127", templat=name, daftar=", ".join(names))
    target = folder / EVENT_TEMPLATES / name
    if target.exists():
        raise UsageError.coded("BUR-C128", berkas=target.relative_to(folder).as_posix())
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(BUILTIN_TEMPLATES / name, temp)
    temp.replace(target)
    return target
