"""The follow-up recap as named tables (`recap.tables` shapes), for the screen, XLSX, CSV, JSON and PDF."""

from __future__ import annotations

from ..schema.followup import SUMBER_LABEL, SUMBER_ORDER, TAHAP_LABEL
from ..schema.types import BIDANG_SHORT
from .followup import TANPA_KABAR, FollowupRecap, Hitungan, Langkah
from .tables import DECIMAL, INT, LIST, RUPIAH, TEXT, YEAR, Column, Table

STATE_LABEL = {**TAHAP_LABEL, TANPA_KABAR: "Tanpa kabar"}


def state_label(tahap: str) -> str:
    return STATE_LABEL.get(tahap, tahap)


def _count_columns(rupiah_detail: bool) -> list[Column]:
    columns = [
        Column("komitmen", "Komitmen", INT, 10), Column("rkp_desa", "RKP Desa", INT, 9),
        Column("apbdes", "APBDes", INT, 9), Column("pelaksanaan", "Dilaksanakan", INT, 11),
        Column("selesai", "Selesai", INT, 8), Column("batal", "Batal", INT, 7),
        Column("tanpa_kabar", "Tanpa kabar", INT, 10),
        # the screen shows the counts; the rate and the rupiah are in the summary and the sheets
        Column("tingkat_replikasi", "Replikasi (%)", DECIMAL, 10, False),
        Column("nilai_apbdes", "Dianggarkan (Rp)", RUPIAH, 18, False),
    ]
    if rupiah_detail:
        columns += [Column(f"nilai_{s.replace('-', '_')}", f"{SUMBER_LABEL[s]} (Rp)", RUPIAH, 18, False)
                    for s in SUMBER_ORDER]
    return columns


def _counts(h: Hitungan, rupiah_detail: bool) -> list:
    p = h.per_tahap
    rate = None if h.tingkat is None else round(100 * h.tingkat, 1)
    values = [h.komitmen, p["rkp-desa"], p["apbdes"], p["pelaksanaan"], p["selesai"], p["batal"], p[TANPA_KABAR],
              rate, h.nilai_total]
    if rupiah_detail:
        values += [h.nilai[s] for s in SUMBER_ORDER]
    return values


def _group_table(name: str, title: str, lead: list[Column], items: list[Hitungan], lead_of) -> Table:
    return Table(name, title, lead + _count_columns(True),
                 [lead_of(h) + _counts(h, True) for h in items])


def followup_tables(recap: FollowupRecap) -> list[Table]:
    """The views, in the order of the workbook's sheets."""
    s = recap.ringkasan
    ringkasan = Table("ringkasan", "Ringkasan", [
        Column("uraian", "Uraian", TEXT, 46), Column("jumlah", "Jumlah", INT, 18)], [
        ["Komitmen yang berlaku", s.komitmen],
        ["Desa berkomitmen", len(s.desa)],
        ["Masuk RKP Desa (belum dianggarkan)", s.per_tahap["rkp-desa"]],
        ["Dianggarkan di APBDes (belum dilaksanakan)", s.per_tahap["apbdes"]],
        ["Dilaksanakan", s.per_tahap["pelaksanaan"]],
        ["Selesai", s.per_tahap["selesai"]],
        ["Batal", s.per_tahap["batal"]],
        ["Tanpa kabar", s.per_tahap[TANPA_KABAR]],
        ["Tanpa kabar sesudah tahun APBDes-nya lewat", len(recap.lewat_tahun)],
        ["Anggaran APBDes (Rp)", s.nilai_total],
        *([f"  dari {SUMBER_LABEL[k]} (Rp)", s.nilai[k]] for k in SUMBER_ORDER),
    ])
    rate = Table("replikasi", "Tingkat replikasi", [
        Column("uraian", "Uraian", TEXT, 46), Column("persen", "Persen", DECIMAL, 10)], [
        ["Komitmen yang dilaksanakan atau selesai (%)", None if s.tingkat is None else round(100 * s.tingkat, 1)],
    ])
    kabupaten = Table("kabupaten", "Per kabupaten", [Column("kabupaten", "Kabupaten", TEXT, 26),
                                                     Column("desa", "Desa berkomitmen", INT, 11)]
                      + _count_columns(True),
                      [[h.nama, len(h.desa)] + _counts(h, True) for h in recap.kabupaten])
    kecamatan = _group_table("kecamatan", "Per kecamatan", [
        Column("kabupaten", "Kabupaten", TEXT, 22, len(recap.acara) > 1), Column("kode", "Kode", TEXT, 10, False),
        Column("kecamatan", "Kecamatan", TEXT, 18), Column("desa", "Desa", INT, 7)],
        recap.kecamatan, lambda h: [h.induk, h.kunci, h.nama, len(h.desa)])
    inovasi = _group_table("inovasi", "Per inovasi", [
        Column("kabupaten", "Kabupaten", TEXT, 22, len(recap.acara) > 1), Column("id", "Id", TEXT, 9, False),
        Column("inovasi", "Inovasi", TEXT, 40)],
        recap.inovasi, lambda h: [h.induk, h.kunci, h.nama])
    bidang = _group_table("bidang", "Per bidang", [Column("bidang", "Bidang", TEXT, 44)],
                          recap.bidang, lambda h: [h.nama])
    p2ktd = _group_table("p2ktd", "Per P2KTD yang mendampingi", [
        Column("kabupaten", "Kabupaten", TEXT, 22, len(recap.acara) > 1),
        Column("id", "Id P2KTD", TEXT, 11, False), Column("p2ktd", "P2KTD", TEXT, 36)],
        recap.p2ktd, lambda h: [h.induk, h.kunci, h.nama])
    alasan = Table("alasan_batal", "Alasan batal", [
        Column("alasan", "Alasan", TEXT, 60), Column("komitmen", "Komitmen", INT, 10)],
        [[text, count] for text, count in recap.alasan])
    batal = _rows_table("batal", "Komitmen yang batal", recap.batal, extra=[
        (Column("alasan", "Alasan", TEXT, 50), lambda r: r.alasan)])
    lewat = _rows_table("lewat_tahun", "Tanpa kabar, tahun APBDes sudah lewat", recap.lewat_tahun)
    langkah = _rows_table("komitmen", "Per komitmen", recap.langkah, extra=[
        (Column("tahap", "Tahap terakhir", TEXT, 14), lambda r: state_label(r.tahap)),
        (Column("tanggal", "Tanggal", TEXT, 11), lambda r: r.tanggal.isoformat() if r.tanggal else None),
        (Column("nilai", "Nilai (Rp)", RUPIAH, 16), lambda r: r.nilai if r.dianggarkan else None),
        (Column("sumber", "Sumber dana", TEXT, 12, False), lambda r: r.sumber if r.dianggarkan else None),
        (Column("perdes", "Nomor Perdes", TEXT, 14, False), lambda r: r.perdes if r.dianggarkan else None),
        (Column("p2ktd", "P2KTD", LIST, 16, False), lambda r: r.p2ktd),
        (Column("keterangan", "Keterangan", TEXT, 40, False), lambda r: r.alasan or r.keterangan),
    ])
    return [ringkasan, rate, kabupaten, kecamatan, inovasi, bidang, p2ktd, alasan, batal, lewat, langkah]


def _rows_table(name: str, title: str, rows: list[Langkah], extra=()) -> Table:
    columns = [Column("kabupaten", "Kabupaten", TEXT, 20, False), Column("kode_desa", "Kode desa", TEXT, 15, False),
               Column("desa", "Desa", TEXT, 18), Column("kecamatan", "Kecamatan", TEXT, 16),
               Column("inovasi_id", "Id inovasi", TEXT, 10, False), Column("inovasi", "Inovasi", TEXT, 36),
               Column("bidang", "Bidang", TEXT, 13, False), Column("tahun_apbdes", "Tahun APBDes", YEAR, 9, False)]
    getters = [lambda r: r.kabupaten, lambda r: r.desa_kode, lambda r: r.desa, lambda r: r.kecamatan,
               lambda r: r.inovasi, lambda r: r.judul, lambda r: BIDANG_SHORT.get(r.bidang, r.bidang),
               lambda r: r.tahun_apbdes]
    for column, getter in extra:
        columns.append(column)
        getters.append(getter)
    return Table(name, title, columns, [[get(r) for get in getters] for r in rows])


