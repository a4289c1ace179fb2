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
import re
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .event import ACARA_FILE, LIST_FILES, LOG_DIR
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


# A value YAML reads as a number although bursa reads its text: a time (08.00, from 0 to 23.59) and a
# kabupaten code (53.10, from 11 to 99.99). A schema sees only the number, so it checks its range.
NUMBER_SAMPLES = (("08.00", (0, 24)), ("53.10", (11, 100)))


def _number_too(node: Any) -> Any:
    """Where a pattern accepts `08.00` or `53.10`, a number is accepted too: YAML reads those, unquoted,
    as numbers, and bursa's reader keeps their text, so the editor must not refuse what validasi accepts."""
    if isinstance(node, dict):
        out = {key: _number_too(value) for key, value in node.items()}
        pattern = out.get("pattern")
        ranges = [limits for sample, limits in NUMBER_SAMPLES if pattern and re.match(pattern, sample)]
        if out.get("type") == "string" and ranges:
            text = {k: v for k, v in out.items() if k not in ("description", "title", "default")}
            kept = {k: v for k, v in out.items() if k in ("description", "title", "default")}
            low, high = ranges[-1]  # a code pattern also matches the time sample
            number = {"type": "number", "minimum": low, "exclusiveMaximum": high, "errorMessage": _message(text)}
            return {**kept, "anyOf": [text, number]}
        return out
    if isinstance(node, list):
        return [_number_too(item) for item in node]
    return node


TYPE_WORDS = {"integer": "bilangan bulat", "number": "angka", "boolean": "ya atau tidak (true/false)",
              "string": "teks", "array": "daftar (setiap butir diawali '- ')", "object": "kumpulan kunci: nilai"}


def _message(node: dict) -> str | None:
    """The Indonesian message an editor shows when a value fails this schema node (`errorMessage`)."""
    from .types import PATTERN_MESSAGES

    if "pattern" in node:
        said = PATTERN_MESSAGES.get(node["pattern"]) or node.get("description") or "Bentuk nilai tidak sah"
        return said.rstrip(".") + "."
    if "enum" in node:
        return "Pilih salah satu: " + ", ".join(map(str, node["enum"])) + "."
    if "const" in node:
        return f"Harus {node['const']}."
    kind = node.get("type")
    if isinstance(kind, list):
        return "Harus " + " atau ".join(TYPE_WORDS.get(k, k) for k in kind) + "."
    if kind == "object" and "properties" in node:
        said = "Kunci tidak dikenal atau belum lengkap. Kunci yang sah: " + ", ".join(node["properties"]) + "."
        if node.get("required"):
            said += " Wajib: " + ", ".join(node["required"]) + "."
        return said
    if kind in ("integer", "number"):
        limits = []
        if "minimum" in node:
            limits.append(f"paling sedikit {node['minimum']}")
        if "maximum" in node:
            limits.append(f"paling banyak {node['maximum']}")
        return f"Harus {TYPE_WORDS[kind]}" + (" " + " dan ".join(limits) if limits else "") + "."
    if kind == "array":
        said = f"Harus {TYPE_WORDS['array']}"
        if "minItems" in node:
            said += f", paling sedikit {node['minItems']} butir"
        return said + "."
    if kind in TYPE_WORDS:
        return f"Harus {TYPE_WORDS[kind]}."
    return None


def _with_messages(node: Any) -> Any:
    """Every schema node that can fail on its own gets an Indonesian `errorMessage`
    (yaml-language-server shows it instead of its English text)."""
    if isinstance(node, dict):
        out = {key: _with_messages(value) for key, value in node.items()}
        said = _message(out)
        if said and "errorMessage" not in out and not any(k in out for k in ("anyOf", "oneOf", "allOf", "$ref")):
            out["errorMessage"] = said
        return out
    if isinstance(node, list):
        return [_with_messages(item) for item in node]
    return node


def _schema(annotation: Any, title: str, description: str) -> dict:
    body = TypeAdapter(annotation).json_schema(mode="validation")
    body = _with_messages(_number_too(_lenient_text(body)))
    return {"$schema": DIALECT, "title": title, "description": description, **body}


def event_schemas() -> dict[str, dict]:
    """Event file (or log folder) -> its JSON Schema."""
    found = {ACARA_FILE: _schema(Acara, ACARA_FILE, "Data inti acara Bursa Inovasi Desa (bursa).")}
    for name, (model, _unique) in LIST_FILES.items():
        found[name] = _schema(list[model], name, f"Daftar {model.__name__} (bursa); setiap butir diawali '- '.")
    for kind, model in LOG_KINDS.items():
        found[f"{LOG_DIR}/{kind}"] = _schema(
            list[model], f"{LOG_DIR}/{kind}/*.yaml",
            f"Log hari-H {kind} (bursa): satu entri per baris, ditulis oleh meja; jangan disunting dengan tangan.")
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
