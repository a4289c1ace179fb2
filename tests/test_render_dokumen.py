"""What an officer reads on the printed documents: wording and page furniture (issue of the
documents' defects). Layout itself is guarded by test_layout.py."""

from __future__ import annotations

from bursa_cli.schema.event import load_event
from render_helpers import pdf_pages, run


def test_meeting_attendance_list_has_kop_signature_and_delegate_rows(contoh_event):
    event = load_event(contoh_event).event
    kepala = event.acara.penyelenggara.kepala
    result = run("daftar-hadir", contoh_event, rapat="rapat-pembukaan")
    pages = pdf_pages(result.folder / "daftar-hadir-rapat-pembukaan.pdf")
    first, last = " ".join(pages[0].split()), " ".join(pages[-1].split())
    assert first.startswith("PEMERINTAH KABUPATEN TEMANGGUNG DINAS PEMBERDAYAAN MASYARAKAT DAN DESA")
    assert "Kepala Dinas Kesehatan atau yang mewakili" in first
    assert kepala.nama in last and "Temanggung, 22 September 2026" in last
    assert last.index("Tanda Tangan") < last.index(kepala.nama)  # the signature follows rows on its page
