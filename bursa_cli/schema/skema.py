"""JSON Schema for every event file, generated from the models (`bursa skema`).

The schemas go into the event's `skema/` folder; `bursa init` writes a
`# yaml-language-server: $schema=...` line at the top of each YAML file, so
VS Code's YAML extension (and any editor using yaml-language-server) flags a
misspelt key or a wrong value while the officer types. `bursa validasi`
remains the judge: cross-file rules (a desk that serves no innovation, a
village without its Kepala Desa) are beyond what a schema can say.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .event import ACARA_FILE, LIST_FILES, LOG_DIR
from .followup import FOLLOWUP_KIND, TindakLanjut
from .models import LOG_KINDS, Acara

SCHEMA_DIR = "skema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(event_file: str) -> str:
    """'acara.yaml' -> 'acara.schema.json'; 'log/stempel' -> 'log-stempel.schema.json'."""
    return event_file.removesuffix(".yaml").replace("/", "-") + ".schema.json"


def modeline(event_file: str) -> str:
    """The first line of a YAML file that points the editor at its schema (a path relative to the file)."""
    up = "../" * event_file.count("/")
    if event_file.startswith(LOG_DIR + "/"):  # every log of one kind shares its folder's schema
        event_file = "/".join(event_file.split("/")[:2])
    return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema_name(event_file)}\n"


def _lenient_text(node: Any) -> Any:
    """The models turn a number typed without quotes into text (a phone, a NIP, an id), so the
    schema accepts a number wherever it asks for text, as the loader does."""
    if isinstance(node, dict):
        out = {key: _lenient_text(value) for key, value in node.items()}
        if out.get("type") == "string" and not {"format", "enum", "pattern"} & out.keys():
            out["type"] = ["string", "number"]
        return out
    if isinstance(node, list):
        return [_lenient_text(item) for item in node]
    return node


def _schema(annotation: Any, title: str, description: str) -> dict:
    body = TypeAdapter(annotation).json_schema(mode="validation")
    return {"$schema": DIALECT, "title": title, "description": description, **_lenient_text(body)}


def event_schemas() -> dict[str, dict]:
    """Event file (or log folder) -> its JSON Schema."""
    found = {ACARA_FILE: _schema(Acara, ACARA_FILE, "Data inti acara Bursa Inovasi Desa (bursa).")}
    for name, (model, _unique) in LIST_FILES.items():
        found[name] = _schema(list[model], name, f"Daftar {model.__name__} (bursa); setiap butir diawali '- '.")
    for kind, model in LOG_KINDS.items():
        found[f"{LOG_DIR}/{kind}"] = _schema(
            list[model], f"{LOG_DIR}/{kind}/*.yaml",
            f"Log hari-H {kind} (bursa): satu entri per baris, ditulis oleh meja; jangan disunting dengan tangan.")
    found[f"{LOG_DIR}/{FOLLOWUP_KIND}"] = _schema(
        list[TindakLanjut], f"{LOG_DIR}/{FOLLOWUP_KIND}/*.yaml",
        "Log tindak lanjut komitmen (bursa): satu langkah satu komitmen per baris, hanya ditambah di akhir.")
    return found


def schema_files() -> dict[str, str]:
    """Path inside the event folder -> the text of each schema file."""
    return {f"{SCHEMA_DIR}/{schema_name(name)}": json.dumps(body, ensure_ascii=False, indent=2) + "\n"
            for name, body in event_schemas().items()}


def write_schemas(root: Path) -> list[str]:
    """Write (or refresh) every schema into `root/skema/`, all at once; returns the paths written."""
    from ..fsutil import Staging

    files = schema_files()
    with Staging() as staging:
        for name, text in files.items():
            staging.add(Path(root) / name, text)
    return list(files)
