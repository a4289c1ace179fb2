"""docs/referensi-data.md is generated from the models and must match them."""

from pathlib import Path

from bursa_cli.schema.docgen import reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "referensi-data.md"


def test_reference_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/referensi-data.md sudah usang: jalankan "
        "`python -m bursa_cli.schema.docgen > docs/referensi-data.md`")


def test_reference_names_every_file_and_a_nested_field():
    text = reference()
    for heading in ("## acara.yaml", "## peserta.yaml", "## log/komitmen/*.yaml", "### Ruang"):
        assert heading in text
    assert "| `ttd_ketua_bpd` | ya/tidak | ✔ |" in text
