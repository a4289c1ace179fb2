"""Permendagri 1/2023 Pasal 44 as data: titles, pangkat and NIP of the signatory per kind of naskah."""

from __future__ import annotations

import pytest

from bursa_cli.gelar import strip_titles
from bursa_cli.render.kinds import KIND_BY_NAME, KORESPONDENSI, PENETAPAN, SERTIFIKAT
from bursa_cli.render.ttd import signatory
from bursa_cli.schema.models import Pejabat
from render_helpers import html_text, pdf_pages, planned_html, run
from support import make_event, minimal_data

NAMES = [
    ("Drs. Bambang Sutrisno, M.Si.", "Bambang Sutrisno"),
    ("Dra. Siti Rahayu, M.M.", "Siti Rahayu"),
    ("Prof. Dr. Ir. H. Ahmad Fauzi, M.Si., M.M.", "Ahmad Fauzi"),
    ("Prof.Dr.Ir. Joko Susilo, S.STP., M.A.P.", "Joko Susilo"),
    ("Hj. Siti Aminah, S.Pd.", "Siti Aminah"),
    ("H. Sutopo Hadi Nugroho, S.H., M.H.", "Sutopo Hadi Nugroho"),
    ("Ahmad Kusumanegara, S.H., M.H., M.Kn.", "Ahmad Kusumanegara"),
    ("Rina Wulandari, S.E., S.Kom., S.Sos.", "Rina Wulandari"),
    ("Dewi Lestari, S.IP., M.Pd.", "Dewi Lestari"),
    ("Moh. Ridwan, A.Md.", "Moh. Ridwan"),  # "Moh." is a name, not a title
    ("Lukman Hakim, Lc., M.A.", "Lukman Hakim"),
    ("dr. Ani Kurnia, Sp.A.", "Ani Kurnia"),
    ("KH. Abdul Muis", "Abdul Muis"),
    ("Drs.H. Usman, S.IP, MM", "Usman"),
    ("Bambang Sutrisno M.Si", "Bambang Sutrisno"),  # a suffix written without its comma
    ("Dra. R. Ayu Lestari, M.Kn.", "R. Ayu Lestari"),  # an initial stays
    ("R.A. Kartini", "R.A. Kartini"),
    ("Sri W. Lestari", "Sri W. Lestari"),
    ("Rudi Hartono, Siregar", "Rudi Hartono, Siregar"),  # a clan name after a comma is not a title
    ("Budi  Santoso ,  S.T.", "Budi Santoso"),
]


@pytest.mark.parametrize("nama, bare", NAMES, ids=[n for n, _ in NAMES])
def test_strip_titles(nama, bare):
    assert strip_titles(nama) == bare


def _pejabat(jabatan="KEPALA DINAS PMD KABUPATEN X", status="definitif", **more):
    return Pejabat(nama="Drs. Bambang Sutrisno, M.Si.", jabatan=jabatan, pangkat="Pembina", golongan="IV/a",
                   nip="196805121994031007", status=status, **more)


# (office, status, naskah) -> (name, pangkat and NIP written)
RULES = [
    # Pasal 44(1): pengaturan and penetapan without titles; (3) a Kepala Dinas with pangkat and NIP
    ("KEPALA DINAS PMD KABUPATEN X", "definitif", PENETAPAN, "Bambang Sutrisno", True),
    # Pasal 44(2): correspondence with titles ...
    ("KEPALA DINAS PMD KABUPATEN X", "definitif", KORESPONDENSI, "Drs. Bambang Sutrisno, M.Si.", True),
    # ... except piagam and sertifikat
    ("KEPALA DINAS PMD KABUPATEN X", "definitif", SERTIFIKAT, "Bambang Sutrisno", True),
    # an acting Kepala Dinas is an official like any other (3)
    ("KEPALA DINAS PMD KABUPATEN X", "plt", KORESPONDENSI, "Drs. Bambang Sutrisno, M.Si.", True),
    # (3): the Kepala Daerah, his Wakil and the Sekda sign without NIP and pangkat
    ("BUPATI X", "definitif", KORESPONDENSI, "Drs. Bambang Sutrisno, M.Si.", False),
    ("WAKIL BUPATI X", "definitif", PENETAPAN, "Bambang Sutrisno", False),
    ("WALI KOTA Y", "definitif", KORESPONDENSI, "Drs. Bambang Sutrisno, M.Si.", False),
    ("SEKRETARIS DAERAH KABUPATEN X", "definitif", KORESPONDENSI, "Drs. Bambang Sutrisno, M.Si.", False),
    # (4): Pj., Plt., Plh. Kepala Daerah: no titles, NIP or pangkat, even on a letter
    ("BUPATI X", "pj", KORESPONDENSI, "Bambang Sutrisno", False),
    ("BUPATI X", "plt", KORESPONDENSI, "Bambang Sutrisno", False),
    ("BUPATI X", "plh", KORESPONDENSI, "Bambang Sutrisno", False),
    # (5): Pj. and Plh. Sekretaris Daerah likewise
    ("SEKRETARIS DAERAH KABUPATEN X", "plh", KORESPONDENSI, "Bambang Sutrisno", False),
]


@pytest.mark.parametrize("jabatan, status, naskah, nama, rank", RULES)
def test_pasal_44(jabatan, status, naskah, nama, rank):
    shown = signatory(_pejabat(jabatan, status), naskah)
    assert shown.nama == nama
    assert (shown.nip, shown.pangkat, shown.golongan) == (
        ("196805121994031007", "Pembina", "IV/a") if rank else (None, None, None))


def test_every_signed_kind_declares_its_naskah():
    naskah = {name: kind.naskah for name, kind in KIND_BY_NAME.items()}
    assert naskah["sk"] is PENETAPAN and naskah["sertifikat"] is SERTIFIKAT
    assert all(naskah[k] is KORESPONDENSI for k in ("undangan", "daftar-hadir", "susunan-acara", "rekap"))


def test_sk_names_the_signer_without_titles_and_letters_with(contoh_event):
    sk = html_text(planned_html("sk", contoh_event)["sk-tik-panitia.pdf"])
    letter = html_text(planned_html("undangan", contoh_event, rapat="rapat-pembukaan")[
        "undangan-rapat-pembukaan.pdf"])
    assert "Bambang Sutrisno" in sk and "Drs. Bambang" not in sk and "M.Si." not in sk.split("Bambang")[-1][:20]
    assert "NIP 19680512 199403 1 007" in sk and "Pembina Utama Muda" in sk
    assert "Drs. Bambang Sutrisno, M.Si." in letter


def test_certificate_signer_without_titles(contoh_event):
    pages = pdf_pages(run("sertifikat", contoh_event, contoh=1).folder / "sertifikat" / "sertifikat-contoh.pdf")
    text = " ".join(pages[0].split())
    assert "Bambang Sutrisno" in text and "Drs." not in text and "M.Si" not in text
    assert "NIP 19680512 199403 1 007" in text


def test_bupati_pj_signs_the_sk_bare(minimal_event):
    acara = minimal_data("acara.yaml")
    acara["dokumen"] = {**acara.get("dokumen", {}), "penanda_tangan_sk": "bupati"}
    acara["bupati"] = {"nama": "Dr. H. Agus Salim, M.Si.", "jabatan": "BUPATI CONTOH", "status": "pj",
                       "nip": "197001011990031001", "pangkat": "Pembina Utama"}
    make_event(minimal_event, {"acara.yaml": acara})
    text = " ".join(pdf_pages(run("sk", minimal_event).folder / "sk-tik-panitia.pdf")[-1].split())
    assert "Pj. BUPATI CONTOH," in text and "Agus Salim" in text
    assert "Dr." not in text and "NIP 1970" not in text and "Pembina Utama" not in text
