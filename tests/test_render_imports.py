"""Imports flow one way: the stages below the documents never import them, and the registry points down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bursa_cli.render.kinds import KINDS

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
    assert all(kind.target.startswith("bursa_cli.render.") for kind in KINDS)
    assert {"sertifikat", "halaman-verifikasi", "rekap"} <= {kind.name for kind in KINDS}


def test_the_registry_imports_nothing_of_the_package():
    assert imported(PACKAGE / "render" / "kinds.py") == set()
