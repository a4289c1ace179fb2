"""`bursa cetak surat-tindak-lanjut`: one letter per Camat asking for news of the commitments.

Built with the letter machinery of the undangan: the kop, the signature block
and the Tembusan of `surat.html` (PDF) and `render.docx` (the editable DOCX
master), and one number per letter from the register (`render.nomor`), reused
on reprint. Each letter carries, as its lampiran, the commitments of the
villages of its kecamatan with their latest known step, and the fields to send
back by the date asked (`--batas`).
"""

from __future__ import annotations

from datetime import timedelta

from .. import indo
from ..check.requirements import need_kop, need_numbering, need_signers
from ..penerima import recipients
from ..recap.build import resolve_kecamatan
from ..recap.followup import by_kecamatan, followup_state
from ..recap.followup_tables import state_label
from .surat import note_kop, open_register
from .undangan import lampiran_office

KLASIFIKASI = "400.10"  # Pemerintahan Desa, as the SK's; acara.penomoran.klasifikasi_sk when set
HAL = "Permintaan Data Tindak Lanjut Komitmen Replikasi Inovasi Desa"
FIELDS = ("tahap (rkp-desa, apbdes, pelaksanaan, selesai atau batal) dan tanggalnya",
          "untuk APBDes: nilai anggaran, sumber dana (Dana Desa, ADD, PADes atau lainnya) dan nomor Perdes APBDes",
          "P2KTD yang mendampingi",
          "keterangan, dan untuk komitmen yang batal: alasannya")
DAYS_TO_ANSWER = 14


def build(job) -> None:
    event, acara = job.event, job.acara
    # The rules every letter of the Dinas must meet (signer, kop, number pattern) are the undangan's.
    job.problems.extend(p for rule in (need_signers, need_kop, need_numbering) for p in rule(event)
                        if p.is_error and "undangan" in p.needed_by)
    if job.problems:
        return
    note_kop(job)
    rows = by_kecamatan(followup_state(event))
    wanted = resolve_kecamatan(event, job.options.kecamatan)
    kecamatan = [k for k in acara.wilayah.kecamatan if k.kode in rows and (not wanted or k.kode in wanted)]
    if not kecamatan:
        job.notes.append("Tidak ada surat: belum ada Kartu Komitmen yang berlaku"
                         + (" di kecamatan itu." if wanted else "."))
        return
    batas = job.options.batas or job.today + timedelta(days=DAYS_TO_ANSWER)
    register = open_register(job)
    camat = {p.instansi: p for p in recipients(event, ["camat"])}
    signer = acara.penyelenggara.kepala
    letters = []
    for kec in job.sample(kecamatan):
        issued = register.number(f"surat-tindak-lanjut/{batas.isoformat()}/{kec.kode}",
                                 acara.penomoran.klasifikasi_sk or KLASIFIKASI, job.today, HAL)
        desa = _villages(rows[kec.kode])
        letters.append({
            "kecamatan": kec.nama,
            "penerima": camat[f"Kecamatan {kec.nama}"],
            "surat": {"nomor": issued.nomor, "tanggal": issued.tanggal, "tempat": acara.wilayah.ibu_kota,
                      "sifat": "Penting", "lampiran": "1 (satu) berkas", "hal": HAL},
            "pembuka": opening(acara, kec.nama, len(desa), len(rows[kec.kode])),
            "permintaan": request(batas),
            "penutup": "Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.",
            "tembusan": copies(acara, kec.nama),
            "desa": desa,
        })
    context = {"surat_surat": letters, "isian": FIELDS, "batas": batas, "penanda_tangan": signer,
               "pejabat_lampiran": lampiran_office(acara, signer), "label_tahap": state_label,
               "contoh": job.preview}
    count = sum(len(letter["desa"]) for letter in letters)
    job.pdf(job.output_name("surat-tindak-lanjut/surat-tindak-lanjut"), "surat-tindak-lanjut.html", context,
            title=HAL, what=f"{len(letters)} surat kepada Camat, lampiran {count} desa, batas {indo.tanggal(batas)}")
    job.file(job.output_name("surat-tindak-lanjut/surat-tindak-lanjut", ".docx"),
             lambda: docx_bytes(job, context), "surat yang dapat disunting (DOCX), satu per Camat dengan lampirannya")


def _villages(rows) -> list[dict]:
    """The commitments of one kecamatan, per village in code order."""
    villages: dict[str, dict] = {}
    for row in rows:
        village = villages.setdefault(row.desa_kode, {"kode": row.desa_kode, "nama": row.desa, "komitmen": []})
        village["komitmen"].append(row)
    return list(villages.values())


def opening(acara, kecamatan: str, villages: int, commitments: int) -> str:
    return (f"Menindaklanjuti {acara.nama} pada {indo.hari_tanggal(acara.tanggal)}, sebanyak {villages} desa di "
            f"Kecamatan {kecamatan} telah menyerahkan Kartu Komitmen untuk mereplikasi {commitments} inovasi "
            f"melalui APBDes Tahun {acara.tahun_apbdes}. Untuk memantau pelaksanaan komitmen tersebut dalam "
            "RKP Desa dan APBDes, dengan hormat kami mohon bantuan Saudara, melalui pendamping desa, "
            "menyampaikan keadaan terakhir setiap komitmen sebagaimana tercantum dalam lampiran surat ini, yaitu:")


def request(batas) -> str:
    return (f"Data tersebut kami harapkan sudah kami terima paling lambat tanggal {indo.tanggal(batas)}, "
            "dengan mengisi kolom yang tersedia pada lampiran atau lembar kerja tindak lanjut yang kami "
            "kirimkan bersama surat ini.")


def copies(acara, kecamatan: str) -> list[str]:
    return [f"Koordinator Tenaga Ahli P3MD {acara.wilayah.nama}", f"Pendamping Desa Kecamatan {kecamatan}"]


def docx_bytes(job, context: dict) -> bytes:
    """The letters as one editable DOCX, each Camat's letter and its lampiran on pages of their own."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt
    from pathlib import Path

    from . import docx as word

    acara = job.acara
    root = Path(job.event.root)
    doc = word.new_document(acara)
    width = word.text_width(acara)
    for index, letter in enumerate(context["surat_surat"]):
        if index:
            word.page_break(doc)
        surat = letter["surat"]
        word.kop(doc, root, acara.penyelenggara, width)
        word.para(doc, f"{surat['tempat']}, {indo.tanggal(surat['tanggal'])}", align=WD_ALIGN_PARAGRAPH.RIGHT,
                  space_after=8)
        word.label_table(doc, [("Nomor", surat["nomor"]), ("Sifat", surat["sifat"]),
                               ("Lampiran", surat["lampiran"]), ("Hal", surat["hal"])], width, bold_last=True)
        word.para(doc)
        penerima = letter["penerima"]
        first = doc.add_paragraph("Yth. ")
        first.add_run(penerima.yth).bold = True
        for line in penerima.baris:
            word.para(doc, line, indent_mm=9)
        word.para(doc, "di", indent_mm=9)
        word.para(doc, "Tempat", indent_mm=16, space_after=8)
        for text in (letter["pembuka"],):
            word.para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4).paragraph_format.first_line_indent = Mm(12)
        for number, field in enumerate(context["isian"], 1):
            word.para(doc, f"{number}. {field};" if number < len(context["isian"]) else f"{number}. {field}.",
                      indent_mm=12)
        for text in (letter["permintaan"], letter["penutup"]):
            word.para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4).paragraph_format.first_line_indent = Mm(12)
        word.para(doc)
        word.signature(doc, context["penanda_tangan"])
        word.tembusan(doc, letter["tembusan"])
        word.page_break(doc)
        word.para(doc, f"LAMPIRAN SURAT {context['pejabat_lampiran']}", size=10)
        word.para(doc, f"NOMOR : {surat['nomor']}", size=10)
        word.para(doc, f"TANGGAL : {indo.tanggal(surat['tanggal'])}", size=10, space_after=8)
        word.para(doc, f"KOMITMEN DESA DI KECAMATAN {letter['kecamatan'].upper()}", bold=True,
                  align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
        headers = ("No", "Desa", "Inovasi", "Keadaan terakhir", "Tahap dan tanggal", "Nilai, sumber, Perdes",
                   "P2KTD, keterangan")
        share = (0.06, 0.14, 0.20, 0.16, 0.14, 0.16, 0.14)  # of the text width, as the PDF's lampiran
        table = word.grid_table(doc, [width * s for s in share], "Table Grid")
        head = table.add_row()
        word.repeat_header(head)
        for cell, text in zip(head.cells, headers):
            cell.paragraphs[0].add_run(text).bold = True
        number = 0
        for village in letter["desa"]:
            for row in village["komitmen"]:
                number += 1
                state = context["label_tahap"](row.tahap) + (f", {indo.tanggal(row.tanggal)}" if row.tanggal else "")
                cells = table.add_row().cells
                for cell, text in zip(cells, (str(number), village["nama"], row.judul, state, "", "", "")):
                    cell.paragraphs[0].add_run(text)
        word.fit_cells(table)
        word.keep_rows(table)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
        word.para(doc, f"Dikirim kembali paling lambat {indo.tanggal(context['batas'])}.", size=10)
    return word.save(doc)
