"""Commands of the day: registrasi, stempel, nilai, ide, komitmen, perbaiki, pantau.

Each desk command parses its options and runs its desk of the registry
(`day/desks/`) through `terminal.Dialogue`, here or through the laptop induk
(`--induk`). What the options say is given to the dialogue; every command also
has a one-shot form that asks nothing, for scripts and tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER


INDUK = typer.Option(None, "--induk", help="Alamat laptop induk (`bursa layani`), mis. http://192.168.43.10:8000: "
                                          "meja ini lalu mencatat lewat laptop induk, tanpa folder acara.")
TOKEN = typer.Option(None, "--token", help="Token perangkat ini, dari `bursa perangkat tambah --format json`.")
GLADI = typer.Option(False, "--gladi", help="Gladi bersih: entri dicatat di gladi/log/, tidak pernah di log/; "
                                            "kartu latihan (LAT-01 dst.) diterima.")


def registrasi(
    folder: Path = FOLDER,
    perangkat: Optional[str] = typer.Option(None, "--perangkat", help="Nama perangkat registrasi, mis. REG-1 (satu log per perangkat; wajib tanpa --induk)."),
    peserta_id: Optional[str] = typer.Option(None, "--id", help="Catat satu peserta lalu selesai (tanpa putaran)."),
    induk: Optional[str] = INDUK,
    token: Optional[str] = TOKEN,
    gladi: bool = GLADI,
) -> None:
    """Registrasi peserta: pindai Kartu ID, cari nama/desa, atau +baru untuk peserta tanpa undangan.

    Peserta tanpa undangan yang menerima Kartu ID cadangan (`bursa cetak
    kartu-cadangan`) didaftarkan dengan memindai kartu itu: nomornya (TAMU-001
    dst.) menjadi id-nya. Tanpa kartu cadangan, +baru memberi id W-<perangkat>-NNN.
    Keduanya dicatat di log registrasi; peserta.yaml tidak pernah diubah.
    """
    from ..day.desks import registrasi as desk
    from ..terminal import Dialogue

    Dialogue().run(desk.DESK, folder, perangkat, induk, token, gladi, {"peserta": peserta_id}, once=bool(peserta_id))


def stempel(
    folder: Path = FOLDER,
    meja: Optional[str] = typer.Option(None, "--meja", help="Kode meja konsultasi, mis. A-03 (wajib tanpa --induk)."),
    konsultan: Optional[str] = typer.Option(None, "--konsultan", help="Id anggota TIK yang memberi stempel."),
    peserta_id: Optional[str] = typer.Option(None, "--peserta", help="Catat satu stempel untuk peserta ini lalu selesai."),
    inovasi_id: Optional[str] = typer.Option(None, "--inovasi", help="Inovasi yang distempel (tidak perlu bila meja hanya memegang satu)."),
    ulang: bool = typer.Option(False, "--ulang", help="Tetap catat walaupun stempel yang sama sudah ada."),
    induk: Optional[str] = INDUK,
    token: Optional[str] = TOKEN,
    gladi: bool = GLADI,
) -> None:
    """Meja konsultasi: pindai Kartu ID peserta, pilih inovasi, catat stempel.

    Stempel yang sama (peserta dan inovasi yang sama) untuk kedua kalinya hanya
    dicatat setelah petugas mengiyakan, atau dengan --ulang. Peserta yang belum
    registrasi tetap distempel, dengan peringatan.
    """
    from ..day.desks import stempel as desk
    from ..terminal import Dialogue

    given = {"peserta": peserta_id, "inovasi": inovasi_id, "konsultan": konsultan, "ulang": ulang}
    Dialogue().run(desk.DESK, folder, meja, induk, token, gladi, given, once=bool(peserta_id))


def nilai(
    folder: Path = FOLDER,
    perangkat: Optional[str] = typer.Option(None, "--perangkat", help="Meja atau perangkat yang mencatat, mis. A-03 atau J3-1 (wajib tanpa --induk)."),
    peserta_id: Optional[str] = typer.Option(None, "--peserta", help="Catat satu penilaian lalu selesai."),
    inovasi_id: Optional[str] = typer.Option(None, "--inovasi", help="Inovasi yang dinilai."),
    skor: Optional[int] = typer.Option(None, "--nilai", help="Nilai 1 sampai 5."),
    catatan: Optional[str] = typer.Option(None, "--catatan", help="Catatan peserta (boleh kosong)."),
    ulang: bool = typer.Option(False, "--ulang", help="Tetap catat walaupun peserta sudah menilai inovasi ini."),
    induk: Optional[str] = INDUK,
    token: Optional[str] = TOKEN,
    gladi: bool = GLADI,
) -> None:
    """Penilaian inovasi oleh peserta (1 sampai 5): inovasi yang distempel untuk peserta ditawarkan lebih dulu."""
    from ..day.desks import nilai as desk
    from ..errors import UsageError
    from ..terminal import Dialogue

    if peserta_id and (not inovasi_id or skor is None):
        raise UsageError.coded("BUR-M037")
    given = {"peserta": peserta_id, "inovasi": inovasi_id, "nilai": skor, "catatan": catatan, "ulang": ulang}
    Dialogue().run(desk.DESK, folder, perangkat, induk, token, gladi, given, once=bool(peserta_id))


def ide(
    folder: Path = FOLDER,
    perangkat: Optional[str] = typer.Option(None, "--perangkat", help="Meja atau perangkat yang mencatat, mis. IDE-1 (wajib tanpa --induk)."),
    judul: Optional[str] = typer.Option(None, "--judul", help="Catat satu Kartu Ide dengan nama inovasi ini lalu selesai."),
    uraian: Optional[str] = typer.Option(None, "--uraian", help="Uraian singkat."),
    bidang: Optional[str] = typer.Option(None, "--bidang", help="kewirausahaan, psdm atau infrastruktur."),
    peserta_id: Optional[str] = typer.Option(None, "--peserta", help="Id peserta pengusul."),
    desa: Optional[str] = typer.Option(None, "--desa", help="Kode desa tempat inovasi dipraktikkan (bawaan: desa pengusul)."),
    induk: Optional[str] = INDUK,
    token: Optional[str] = TOKEN,
    gladi: bool = GLADI,
) -> None:
    """Kartu Ide: inovasi yang sudah dipraktikkan desa tetapi belum terdokumentasi."""
    from ..day.desks import ide as desk
    from ..terminal import Dialogue

    given = {"judul": judul, "uraian": uraian, "bidang": bidang, "peserta": peserta_id, "desa": desa}
    Dialogue().run(desk.DESK, folder, perangkat, induk, token, gladi, given, once=bool(judul))


def komitmen(
    folder: Path = FOLDER,
    perangkat: Optional[str] = typer.Option(None, "--perangkat", help="Nama meja Jendela 3 ini, mis. J3-1 (satu log per meja; "
                                                                     "setiap laptop memakai nama sendiri; wajib tanpa --induk)."),
    desa: Optional[str] = typer.Option(None, "--desa", help="Kode atau nama desa; tanpa ini perintah bertanya untuk setiap kartu."),
    inovasi: Optional[list[str]] = typer.Option(None, "--inovasi", help="Inovasi pilihan desa: boleh diulang atau dipisah koma (INO-009,INO-001). Dengan ini tidak ada pertanyaan."),
    tahun: Optional[int] = typer.Option(None, "--tahun", help="Tahun APBDes (bawaan: tahun_apbdes di acara.yaml)."),
    ttd_kades: bool = typer.Option(False, "--ttd-kepala-desa", help="Kartu ditandatangani Kepala Desa."),
    ttd_bpd: bool = typer.Option(False, "--ttd-ketua-bpd", help="Kartu ditandatangani Ketua BPD."),
    alasan: Optional[list[str]] = typer.Option(None, "--alasan", help="Alasan untuk inovasi tanpa stempel: INO-003=\"alasan\"; boleh diulang."),
    ulang: bool = typer.Option(False, "--ulang", help="Ganti kartu desa ini yang sudah tercatat."),
    induk: Optional[str] = INDUK,
    token: Optional[str] = TOKEN,
    gladi: bool = GLADI,
) -> None:
    """Jendela 3: mencatat Kartu Komitmen desa (inovasi pilihan, tahun APBDes, tanda tangan).

    Inovasi yang tidak pernah distempel untuk desa itu hanya diterima dengan
    alasan. Kartu tanpa dua tanda tangan tetap dicatat, dengan peringatan.
    Kartu kedua untuk desa yang sama menggantikan yang pertama (perlu --ulang).
    """
    from ..day.desk import split_ids
    from ..day.desks import komitmen as desk
    from ..errors import UsageError
    from ..terminal import Dialogue

    if not inovasi:  # the officer is asked for each card (for this village only, with --desa)
        Dialogue().run(desk.DESK, folder, perangkat, induk, token, gladi, {"desa": desa, "tahun_apbdes": tahun})
        return
    if not desa:
        raise UsageError.coded("BUR-M038")
    reasons = {}
    for item in alasan or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError.coded("BUR-M039", alasan=item)
        reasons[key.strip()] = value.strip()
    given = {"desa": desa, "inovasi": split_ids(inovasi), "tahun_apbdes": tahun, "ttd_kepala_desa": ttd_kades,
             "ttd_ketua_bpd": ttd_bpd, "alasan": reasons, "ulang": ulang}
    Dialogue().run(desk.DESK, folder, perangkat, induk, token, gladi, given, once=True)


def perbaiki(folder: Path = FOLDER) -> None:
    """Memulihkan log yang rusak: entri utuh dipertahankan, baris rusak dipindah ke berkas samping."""
    from ..day import repair_logs
    from ..errors import UsageError
    from ..present import hari as show

    if not (Path(folder) / "acara.yaml").is_file():
        raise UsageError.coded("BUR-M040", folder=folder)
    show.show_repairs(repair_logs(folder))


def pantau(
    folder: Path = FOLDER,
    interval: float = typer.Option(3.0, "--interval", min=0.5, help="Jeda penyegaran layar dalam detik."),
    sekali: bool = typer.Option(False, "--sekali", help="Tampilkan sekali lalu keluar."),
    gladi: bool = typer.Option(False, "--gladi", help="Pantau gladi bersih (gladi/log/), bukan log/ hari-H."),
) -> None:
    """Layar pantauan langsung: registrasi, stempel per ruang dan meja, komitmen per bidang."""
    from ..day import LiveSummary
    from ..day.area import BAND
    from ..present import hari as show

    live = LiveSummary(folder, gladi)
    title = live.event.acara.nama if live.event.acara else "Bursa Inovasi Desa"
    if gladi:
        title = f"{BAND} \u00b7 {title}"
    if sekali:
        show.show_summary(live.refresh(), title)
        return
    show.watch(live, title, interval)
