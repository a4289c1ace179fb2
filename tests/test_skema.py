"""The JSON Schemas (`bursa skema`) accept contoh-kabupaten and reject the case files' bad inputs.

The YAML is read as an editor's yaml-language-server reads it (YAML 1.2: a
date is text), then checked with the schema of its file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from bursa_cli.schema.skema import event_schemas, modeline
from support import CONTOH, bursa, make_event
from test_validasi_kasus import CASES, _changed

SCHEMAS = event_schemas()


class EditorLoader(yaml.SafeLoader):
    """PyYAML without YAML 1.1's timestamps, as yaml-language-server (YAML 1.2) sees the file."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _schema_for(name: str) -> dict:
    if name.startswith("log/"):
        return SCHEMAS["/".join(name.split("/")[:2])]
    return SCHEMAS[name]


def _errors(name: str, text: str) -> list[str]:
    data = yaml.load(text, Loader=EditorLoader)  # noqa: S506 (a SafeLoader subclass)
    validator = jsonschema.Draft202012Validator(_schema_for(name))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_every_schema_is_a_valid_draft_2020_12_schema():
    assert set(SCHEMAS) >= {"acara.yaml", "peserta.yaml", "log/stempel", "log/komitmen"}
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_schemas_accept_contoh_kabupaten():
    files = [p for p in sorted(CONTOH.rglob("*.yaml")) if p.relative_to(CONTOH).parts[0] not in ("keluaran",)]
    checked = 0
    for path in files:
        name = path.relative_to(CONTOH).as_posix()
        if name == "register-nomor.yaml":
            continue
        assert _errors(name, path.read_text(encoding="utf-8")) == [], name
        checked += 1
    assert checked >= 12


# Codes the schema can see on its own: required, unknown key, choice, pattern, type, range.
SCHEMA_CODES = {"BUR-S001", "BUR-S002", "BUR-S003", "BUR-S004", "BUR-S005", "BUR-S006"}


def _bad_inputs():
    for case_file in CASES:
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        for want in case["harapan"]:
            if want.get("kode") in SCHEMA_CODES and not want["file"].startswith("log/"):
                yield pytest.param(case_file, want["file"], id=f"{case_file.stem}:{want['file']}")


@pytest.mark.parametrize("case_file,name", sorted(set(_bad_inputs()), key=lambda p: p.id))
def test_schemas_reject_the_bad_inputs_of_the_cases(case_file: Path, name: str, tmp_path: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_event(tmp_path / "acara", {**_changed(case.get("ubah", {})), **case.get("berkas", {})})
    assert _errors(name, (root / name).read_text(encoding="utf-8")), f"{case_file.stem}: {name} lolos skema"


def test_a_log_line_with_a_misspelt_key_is_rejected():
    line = '- {"waktu": "2026-11-12T09:00:00+07:00", "pesrta": "P-0001"}\n'
    assert any("pesrta" in e for e in _errors("log/registrasi/REG-1.yaml", line))


def test_skema_writes_the_files_init_points_at(tmp_path: Path):
    root = make_event(tmp_path / "acara")
    result = bursa("skema", root)
    assert result.exit_code == 0, result.output
    for name in ("acara.yaml", "peserta.yaml", "log/stempel/A-01.yaml"):
        target = modeline(name).split("$schema=")[1].strip()
        path = Path(os.path.normpath((root / name).parent / target))
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema"), name
    assert bursa("skema", tmp_path / "bukan-acara").exit_code == 2


def test_schemas_speak_indonesian_on_every_node_that_can_fail():
    """yaml-language-server shows `errorMessage` instead of its English text: every pattern, choice,
    type and object node has one, in Indonesian."""
    def nodes(node):
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from nodes(value)
        elif isinstance(node, list):
            for item in node:
                yield from nodes(item)

    for name, schema in SCHEMAS.items():
        for node in nodes(schema):
            if any(k in node for k in ("pattern", "enum")) or node.get("type") in ("integer", "number", "object"):
                said = node.get("errorMessage")
                assert said, (name, node)
                assert not any(word in said for word in ("does not match", "must be", "should", "Value")), said
    wilayah = SCHEMAS["acara.yaml"]["$defs"]["Wilayah"]["properties"]["kode"]["anyOf"][0]
    assert wilayah["errorMessage"] == "Kode wilayah kabupaten tidak sah: harus berbentuk 33.23 (kode Kemendagri)."


@pytest.mark.parametrize("line, accepted", [
    ("jam_mulai: 08.00", True), ('jam_mulai: "08.00"', True), ("jam_mulai: 13.30", True),
    ("jam_mulai: delapan", False),
])
def test_schema_and_reader_agree_on_unquoted_times(tmp_path, line, accepted):
    from bursa_cli.check import validate_event
    from support import MINIMAL, dump_yaml, make_event

    text = dump_yaml(MINIMAL["acara.yaml"]).replace("jam_mulai: 08.00", line).replace("jam_mulai: '08.00'", line)
    assert line in text
    assert (_errors("acara.yaml", text) == []) is accepted
    root = make_event(tmp_path / "acara", {"acara.yaml": text})
    problems = [p for p in validate_event(root).problems if p.is_error and "jam_mulai" in p.path]
    assert (problems == []) is accepted


@pytest.mark.parametrize("kode, accepted", [("53.10", True), ('"53.10"', True), ("33.23", True), ("5310", False)])
def test_schema_and_reader_agree_on_unquoted_region_codes(tmp_path, kode, accepted):
    from bursa_cli.check import validate_event
    from support import MINIMAL, dump_yaml, make_event

    text = dump_yaml(MINIMAL["acara.yaml"]).replace("kode: '33.23'", f"kode: {kode}")
    assert f"kode: {kode}" in text
    assert (_errors("acara.yaml", text) == []) is accepted
    root = make_event(tmp_path / "acara", {"acara.yaml": text})
    problems = [p for p in validate_event(root).problems if p.is_error and p.path == "wilayah.kode"]
    assert (problems == []) is accepted


def test_contoh_files_carry_their_schema_line():
    from bursa_cli.schema.skema import schema_files

    for path in sorted(CONTOH.glob("*.yaml")):
        name = path.relative_to(CONTOH).as_posix()
        if name == "register-nomor.yaml":
            continue
        assert path.read_text(encoding="utf-8").splitlines()[0] == modeline(name).strip(), name
    for name, text in schema_files().items():  # the schemas the modelines point at, kept up to date
        assert (CONTOH / name).read_text(encoding="utf-8") == text, f"{name}: jalankan bursa skema contoh-kabupaten"
