"""Imports flow one way: the stages below the documents never import them, and the registry points down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bursa_cli.render.kinds import BUILDERS, KINDS, builder

PACKAGE = Path(__file__).resolve().parents[1] / "bursa_cli"
BELOW = ("schema", "check", "recap", "certify", "day", "impor")  # the stages before `render`
ABOVE = ("render", "cli", "present", "web")


def imported(path: Path) -> set[str]:
    """Every bursa_cli module `path` imports (relative imports resolved), at any depth of the file."""
    package = ["bursa_cli", *path.relative_to(PACKAGE).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from .. import present`
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("bursa_cli")}


@pytest.mark.parametrize("stage", BELOW)
def test_earlier_stages_never_import_documents_or_the_edges(stage):
    upward = {f"{path.relative_to(PACKAGE)}: {name}"
              for path in sorted((PACKAGE / stage).rglob("*.py"))
              for name in imported(path) if name.count(".") and name.split(".")[1] in ABOVE}
    assert upward == set()


def test_every_kind_is_built_by_a_module_of_render():
    assert [builder(kind).__module__.rsplit(".", 1)[0] for kind in KINDS] == ["bursa_cli.render"] * len(KINDS)
    assert set(BUILDERS) == {kind.name for kind in KINDS}
    assert {"sertifikat", "halaman-verifikasi", "rekap"} <= {kind.name for kind in KINDS}


def test_the_declared_kinds_import_nothing_of_the_package():
    assert imported(PACKAGE / "kinds.py") == set()


def test_the_registry_imports_its_documents_directly():
    """Every module a builder lives in is imported by name in render/kinds.py, never found by a string."""
    source = (PACKAGE / "render" / "kinds.py").read_text(encoding="utf-8")
    assert "importlib" not in source and "import_module" not in source
    modules = {builder(kind).__module__ for kind in KINDS}
    assert modules <= imported(PACKAGE / "render" / "kinds.py")


def test_every_kind_needed_before_the_day_has_a_stage_of_the_ten():
    from bursa_cli.schema.models import TAHAPAN_KODE

    assert {kind.name: kind.stage for kind in KINDS if kind.stage not in TAHAPAN_KODE} == {
        "kartu-latihan": "", "rekap": "", "tindak-lanjut": "", "surat-tindak-lanjut": ""}
