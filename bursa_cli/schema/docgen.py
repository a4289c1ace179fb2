"""Write docs/referensi-data.md from the models, so the reference never drifts from the code.

    python -m bursa_cli.schema.docgen > docs/referensi-data.md

A test regenerates it and compares, so a model change without a docs update fails.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .event import LIST_FILES
from .followup import FOLLOWUP_KIND, TindakLanjut
from .models import LOG_KINDS, Acara

HEADER = """\
# Referensi data acara

Halaman ini dibuat otomatis dari model data bursa (`python -m bursa_cli.schema.docgen`);
jangan disunting dengan tangan. Penjelasan umum ada di [folder-acara.md](folder-acara.md).

Kolom **Wajib** bertanda ✔ harus diisi. Kunci yang tidak tercantum di sini ditolak oleh
`bursa validasi` (dengan saran ejaan yang benar).
"""


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        name = _doc_name(args[1:])
        return name or _type_name(args[0])
    if origin is Literal:
        return " / ".join(str(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return " atau ".join(_type_name(a) for a in inner)
    if origin is list:
        return f"daftar {_type_name(args[0])}"
    if origin is dict:
        return f"pemetaan {_type_name(args[0])} → {_type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "teks", int: "bilangan bulat", float: "angka", bool: "ya/tidak"}.get(
        annotation, getattr(annotation, "__name__", str(annotation))).replace("date", "tanggal").replace(
        "datetime", "waktu")


def _doc_name(metadata) -> str | None:
    """The name a value type gives itself (`Doc`, or a validator's `doc_name`)."""
    for meta in metadata:
        name = getattr(meta, "doc_name", None) or getattr(getattr(meta, "func", None), "doc_name", None)
        if name:
            return name
    return None


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found.extend(_nested(arg))
    return found


def _table(model: type[BaseModel]) -> list[str]:
    lines = ["| Kunci | Isi | Wajib | Bawaan | Keterangan |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        required = "✔" if info.is_required() else ""
        default = ""
        if not info.is_required():
            if info.default is not PydanticUndefined and info.default not in (None, [], {}):
                default = f"`{info.default}`"
        description = (info.description or "").replace("|", "\\|")
        shown = _doc_name(info.metadata) or _type_name(info.annotation)
        lines.append(f"| `{name}` | {shown} | {required} | {default} | {description} |")
    return lines


LOG_INTRO = {
    "": "Log hari-H: satu entri per baris, `- {\"kunci\": \"nilai\", ...}`, hanya ditambah.",
    "kursi": "Ditulis oleh `bursa cetak kartu-id`: kursi yang tercetak di Kartu ID setiap peserta, satu entri "
             "per baris, hanya ditambah. Tata kursi menjaga kursi ini bila peserta.yaml berubah sesudahnya.",
    FOLLOWUP_KIND: "Sesudah acara: satu entri per langkah satu komitmen (desa dan inovasi di Kartu Komitmen "
                   "yang berlaku), satu entri per baris, hanya ditambah; ditulis oleh `bursa impor tindak-lanjut` "
                   "atau dengan tangan. Lihat docs/tindak-lanjut.md.",
}


def reference() -> str:
    out = [HEADER]
    seen: set[type[BaseModel]] = set()

    def section(title: str, model: type[BaseModel], intro: str) -> None:
        queue = [model]
        out.append(f"\n## {title}\n\n{intro}\n")
        while queue:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            out.append(f"\n### {current.__name__}\n")
            out.extend(_table(current))
            for info in current.model_fields.values():
                queue.extend(m for m in _nested(info.annotation) if m not in seen)

    section("acara.yaml", Acara, "Satu kumpulan kunci: nilai.")
    for name, (model, unique) in LIST_FILES.items():
        note = f" `{unique}` harus unik." if unique else ""
        section(name, model, f"Daftar; setiap butir diawali `- `.{note}")
    for kind, model in LOG_KINDS.items():
        section(f"log/{kind}/*.yaml", model, LOG_INTRO.get(kind, LOG_INTRO[""]))
    section(f"log/{FOLLOWUP_KIND}/*.yaml", TindakLanjut, LOG_INTRO[FOLLOWUP_KIND])
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
