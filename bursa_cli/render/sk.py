"""`bursa cetak sk`: the draft Keputusan forming the TIK and the Panitia.

The legal section revises such drafts in a word processor, so an editable
DOCX is written beside the PDF. Menimbang, Mengingat and Tembusan have
defaults an event overrides under `sk:` in acara.yaml.
"""

from __future__ import annotations

from .. import indo
from ..penerima import head_title
from .surat import note_kop, open_register

# Legal bases usually cited for a Bursa Inovasi Desa decree (BURSA.md). {daerah}
# is the kabupaten's name; the district's own regulation is added by the event.
def default_mengingat() -> list[str]:
    """The default Mengingat, from a data file the legal section can review (assets/mengingat.yaml)."""
    import yaml

    from ..paths import ASSETS

    return yaml.safe_load((ASSETS / "mengingat.yaml").read_text(encoding="utf-8"))

TUGAS_TIK = [
    "mengkaji dokumen pembelajaran dan memilah inovasi desa yang layak menjadi menu Bursa Inovasi Desa "
    "sesuai bidang masing-masing perangkat daerah",
    "menjadi konsultan pada meja konsultasi di Jendela 2 dan membubuhkan stempel pada Kartu Komitmen "
    "desa yang telah berkonsultasi",
    "memberikan saran penyedia peningkatan kapasitas teknis desa (P2KTD) yang dapat mendampingi desa "
    "mereplikasi inovasi",
    "mendokumentasikan ide inovasi baru dari Kartu Ide sebagai bahan menu inovasi tahun berikutnya",
]
TUGAS_PANITIA = [
    "menyiapkan tempat, dekorasi, perlengkapan, materi, dan Bursa Kit",
    "mengundang dan mengonfirmasi kehadiran peserta serta melaksanakan registrasi",
    "mengatur jalannya acara di Jendela 1, Jendela 2, dan Jendela 3",
    "mencatat Kartu Komitmen dan Kartu Ide, menyerahkan sertifikat komitmen, serta menyusun rekapitulasi "
    "hasil Bursa Inovasi Desa",
]


def build(job) -> None:
    acara = job.acara
    by_bupati = acara.dokumen.penanda_tangan_sk == "bupati"
    # The signer, the emblem, the members' NIP and offices and the Mengingat default
    # are check rules (check/requirements.py): the gate refused or noted them already.
    signer = job.signatory(acara.bupati if by_bupati else acara.penyelenggara.kepala)
    note_kop(job)
    members = [a for a in job.event.panitia if a.tim == "TIK"] + [a for a in job.event.panitia if a.tim == "Panitia"]
    register = None if by_bupati else open_register(job)
    tanggal = acara.sk.tanggal or job.today
    daerah = acara.wilayah.nama
    dinas = indo.judul(acara.penyelenggara.nama, [acara.penyelenggara.singkatan])
    pejabat = head_title(daerah).upper() if by_bupati else _office(signer, acara)
    tentang = f"Pembentukan Tim Inovasi Kabupaten dan Panitia {acara.nama}"
    if register is not None:
        issued = register.number("sk/tik-panitia", acara.penomoran.klasifikasi_sk, tanggal,
                                 f"Keputusan tentang {tentang}")
        nomor, tanggal = issued.nomor, issued.tanggal
    else:  # a Bupati's decree is numbered by the Bagian Hukum, not by the Dinas
        nomor = f"{' ' * 12}TAHUN {tanggal.year}"
        job.notes.append("SK Bupati: nomor dikosongkan untuk diisi Bagian Hukum Sekretariat Daerah.")
    kepala_daerah = head_title(daerah)
    mengingat = acara.sk.mengingat or [m.format(daerah=daerah, dinas=dinas, kepala_daerah=kepala_daerah)
                                       for m in default_mengingat()]
    judul_keputusan = f"Keputusan {indo.judul(pejabat, [acara.penyelenggara.singkatan])} tentang {tentang}"
    menimbang = acara.sk.menimbang or [
        f"bahwa dalam rangka pelaksanaan Program Inovasi Desa di {daerah}, perlu diselenggarakan Bursa "
        "Inovasi Desa sebagai sarana pertukaran pengetahuan dan replikasi inovasi antardesa",
        "bahwa untuk kelancaran penyelenggaraan Bursa Inovasi Desa sebagaimana dimaksud dalam huruf a, "
        "perlu dibentuk Tim Inovasi Kabupaten dan Panitia",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        f"{judul_keputusan}",
    ]
    melapor = f"{kepala_daerah} melalui Kepala {dinas}" if by_bupati else f"Kepala {dinas} {daerah}"
    diktum = [
        f"Membentuk Tim Inovasi Kabupaten dan Panitia {acara.nama} dengan susunan keanggotaan sebagaimana "
        "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        ("Tim Inovasi Kabupaten sebagaimana dimaksud dalam Diktum KESATU bertugas:", TUGAS_TIK),
        ("Panitia sebagaimana dimaksud dalam Diktum KESATU bertugas:", TUGAS_PANITIA),
        "Dalam melaksanakan tugasnya, Tim Inovasi Kabupaten dan Panitia bertanggung jawab dan melaporkan "
        f"hasilnya kepada {melapor}.",
        f"Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan "
        f"dan Belanja Daerah {daerah} Tahun Anggaran {tanggal.year}.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    tembusan = acara.sk.tembusan or [
        f"{kepala_daerah} (sebagai laporan)" if not by_bupati else f"Sekretaris Daerah {daerah}",
        *([f"Sekretaris Daerah {daerah}"] if not by_bupati else []),
        "Kepala Perangkat Daerah terkait",
        "Yang bersangkutan untuk diketahui dan dilaksanakan",
    ]
    context = {
        "by_bupati": by_bupati,
        "pejabat": pejabat,
        "nomor": nomor,
        "tanggal": tanggal,
        "tentang": tentang.upper(),
        "menimbang": menimbang,
        "mengingat": mengingat,
        "diktum": [{"kata": indo.urutan(i), "isi": d if isinstance(d, str) else d[0],
                    "butir": [] if isinstance(d, str) else d[1]} for i, d in enumerate(diktum, 1)],
        "ditetapkan_di": acara.wilayah.ibu_kota,
        "penanda_tangan": signer,
        "tembusan": tembusan,
        "tim": [("A", "TIM INOVASI KABUPATEN", [_member(a, job.event) for a in members if a.tim == "TIK"]),
                ("B", "PANITIA", [_member(a, job.event) for a in members if a.tim == "Panitia"])],
        "contoh": job.preview,
    }
    job.pdf(job.output_name("sk-tik-panitia"), "sk.html", context, title=f"Rancangan {judul_keputusan}",
            what=f"rancangan SK nomor {nomor.strip()}, lampiran {len(members)} anggota")
    job.file(job.output_name("sk-tik-panitia", ".docx"), lambda: _docx(job, context),
             "SK yang dapat disunting (DOCX)")


def _office(signer, acara) -> str:
    """The signer's office as the decree's maker: "KEPALA DINAS ... KABUPATEN X"."""
    office = signer.atas_nama if signer.status == "an" and signer.atas_nama else signer.jabatan
    region = acara.wilayah.nama.upper()
    office = office.upper()
    return office if region in office else f"{office} {region}"


def _member(a, event) -> dict:
    agency = a.instansi or (event.opd_by_id[a.opd].nama if a.opd in event.opd_by_id else "")
    jabatan = a.jabatan or ""
    if agency and agency.lower() not in jabatan.lower():
        jabatan = f"{jabatan} {agency}".strip()
    return {"nama": a.nama, "jabatan": jabatan, "kedudukan": a.kedudukan, "nip": a.nip}


def _docx(job, context: dict) -> bytes:
    from .docx import sk_docx

    return sk_docx(job, context)
