"""What would print wrong is refused or said: a kop without its emblem, a certificate without the
address of its verification page."""

from __future__ import annotations

import pytest
import yaml

from bursa_cli.errors import DataError
from render_helpers import pdf_pages, run
from support import make_event, minimal_data


@pytest.mark.parametrize("kind", ["undangan", "sk"])
def test_kop_without_emblem_is_refused_unless_on_purpose(minimal_event, kind):
    acara = minimal_data("acara.yaml")
    del acara["dokumen"]["kop_tanpa_lambang"]
    make_event(minimal_event, {"acara.yaml": acara})
    with pytest.raises(DataError) as caught:
        run(kind, minimal_event)
    [problem] = [p for p in caught.value.problems if p.code == "BUR-C080"]
    assert (problem.file, problem.line) == ("acara.yaml", 13)
    assert problem.message.startswith("Kop surat tanpa lambang daerah")
    assert not (minimal_event / "keluaran").exists()
    acara["dokumen"]["kop_tanpa_lambang"] = True  # said on purpose: printed, without a note
    make_event(minimal_event, {"acara.yaml": acara})
    assert not [n for n in run(kind, minimal_event).notes if "lambang" in n]


def test_certificate_without_address_still_says_how_to_verify(contoh_event):
    acara_path = contoh_event / "acara.yaml"
    text = acara_path.read_text(encoding="utf-8")
    acara_path.write_text("\n".join(line for line in text.splitlines()
                                    if not line.strip().startswith("alamat_verifikasi:")) + "\n", encoding="utf-8")
    assert "alamat_verifikasi" not in yaml.safe_load(acara_path.read_text(encoding="utf-8"))["dokumen"]
    result = run("sertifikat", contoh_event, contoh=1)
    assert any("BUR-C081" in n or "alamat_verifikasi belum diisi" in n for n in result.notes)
    page = " ".join(pdf_pages(result.folder / "sertifikat" / "sertifikat-contoh.pdf")[0].split())
    assert "Periksa keaslian di halaman verifikasi DPMD atau dengan bursa verifikasi" in page
    code = page.split("Kode verifikasi ")[1].split(" ")[0]
    assert f"atau dengan bursa verifikasi {code}" in page
