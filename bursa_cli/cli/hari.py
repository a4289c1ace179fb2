"""Commands of the day: registrasi, stempel, nilai, ide, komitmen, perbaiki, pantau.

Each desk is a loop reading one line at a time (a USB QR scanner types the id
and Enter), ending at the end of input or on `selesai`/`keluar`. Every
command also has a one-shot form with options, for scripts and tests.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER

END_WORDS = ("selesai", "keluar")

# A scan typed while a yes/no question was open: kept for the next participant.
_held: list[str] = []


def _line(prompt: str) -> str | None:
    """The next non-empty line, or None at the end (EOF, selesai, keluar); a held scan comes first."""
    from ..present import hari as show

    if _held:
        return _held.pop(0)
    while True:
        answer = show.ask(prompt)
        if answer is None:
            return None
        text = answer.strip()
        if text.lower() in END_WORDS:
            return None
        if text:
            return text


def _confirm(question: str) -> bool:
    """Ask yes/no; a scanned Kartu ID is not an answer: it is held for the next participant."""
    from ..day.desk import read_confirm
    from ..present import hari as show

    answer = read_confirm(show.ask(f"{question} (y/T)"))
    if not answer.answered:
        _hold(answer.scan)
    return answer.yes


def _confirmed(record, question: str, declined: str = ""):
    """`record()`; on a Repeat, warn and ask, then `record(ulang=True)`. None when the officer says no."""
    from ..day import Repeat
    from ..present import hari as show

    try:
        return record()
    except Repeat as repeat:
        show.show_repeat(repeat)
        if not _confirm(question):
            if declined:
                show.show_note(declined)
            return None
        return record(ulang=True)


# --------------------------------------------------------------------------- registrasi


INDUK = typer.Option(None, "--induk", help="Alamat laptop induk (`bursa layani`), mis. http://192.168.43.10:8000: "
                                          "meja ini lalu mencatat lewat laptop induk, tanpa folder acara.")
TOKEN = typer.Option(None, "--token", help="Token perangkat ini, dari `bursa perangkat tambah --format json`.")
GLADI = typer.Option(False, "--gladi", help="Gladi bersih: entri dicatat di gladi/log/, tidak pernah di log/; "
                                            "kartu latihan (LAT-01 dst.) diterima.")


def _open_day(folder: Path, gladi: bool):
    """The day (or its rehearsal) at `folder`; a rehearsal says so before anything else."""
    from ..day import Day
    from ..present import hari as show

    day = Day.open(folder, gladi)
    if gladi:
        show.show_rehearsal(day.area.logs)
    return day


def _check_remote(url: str, token: str | None, gladi: bool) -> None:
    """A desk told `--gladi` only records through an induk that runs the rehearsal; an induk in
    the rehearsal is said to be one, flag or not."""
    from ..errors import UsageError
    from ..present import hari as show
    from ..web.client import Induk

    remote = bool(Induk(url, token).about().get("gladi"))
    if gladi and not remote:
        raise UsageError("Laptop induk ini tidak menjalankan gladi bersih; entri meja ini akan masuk log/ hari-H.",
                         hint="Jalankan laptop induk dengan `bursa layani --gladi`, atau hilangkan --gladi di meja ini.")
    if remote:
        show.show_rehearsal("gladi/log")


def _refused(day, peran: str, name: str, error, text: str = "") -> None:
    """Say why an entry was refused; in a rehearsal the refusal is noted for `rekap --gladi`."""
    from ..day.refusals import note_refusal
    from ..present import hari as show

    note_refusal(day, peran, name, error, text)
    show.show_refused(error)


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
    from ..day import Refused, check_in
    from ..day.actions import check_name
    from ..day.journal import record
    from ..present import hari as show


    _held.clear()
    if induk:
        _check_remote(induk, token, gladi)
        return _remote_registrasi(induk, token, peserta_id)
    _need(perangkat, "--perangkat")
    check_name(perangkat)  # before the loop: a bad name must not wait for the first scan
    day = _open_day(folder, gladi)
    if peserta_id:
        result = record(day, check_in, perangkat, peserta_id)
        show.show_check_in(result, day.desa_label(result.peserta.desa))
        return
    show.show_desk(f"Registrasi · {perangkat}", [
        day.acara.nama,
        "Pindai Kartu ID atau ketik id peserta; ketik nama/desa untuk mencari;",
        "pindai Kartu ID cadangan atau ketik +baru untuk peserta tanpa undangan; selesai untuk keluar.",
    ], day.load_problems)
    written = 0
    while (text := _line("Id / nama / desa:")) is not None:
        try:
            written += _register_one(day, perangkat, text)
        except Refused as error:
            _refused(day, "registrasi", perangkat, error, text)
    show.show_session_end(written, "registrasi", f"{day.area.logs}/registrasi/{perangkat}.yaml")


def _register_one(day, perangkat: str, text: str) -> int:
    """Handle one line typed at the registration desk; 1 when an entry was written."""
    from ..day import check_in
    from ..day.desk import resolve_registration
    from ..day.journal import record
    from ..present import hari as show

    found = resolve_registration(day, text)
    if found.kind == "baru":
        return _walk_in(day, perangkat)
    if found.kind == "kartu":
        return _walk_in(day, perangkat, kartu=found.kartu)
    if found.kind == "kosong":
        show.show_note(found.message)
        return 0
    peserta = found.peserta
    if found.kind == "pilih":
        chosen = show.pick([show.peserta_label(p, day.desa_label(p.desa)) for p in found.found])
        if chosen is None:
            return 0
        peserta = found.found[chosen]
    result = record(day, check_in, perangkat, peserta.id)
    show.show_check_in(result, day.desa_label(result.peserta.desa))
    return 0 if result.earlier else 1


def _walk_in(day, perangkat: str, kartu: str | None = None) -> int:
    """Ask a walk-in's details and register them (under the spare Kartu ID `kartu`, if scanned)."""
    from ..day import add_walk_in
    from ..day.desk import looks_scanned
    from ..schema.models import PERAN_DESA, PERAN_LABEL
    from ..day.journal import record
    from ..present import hari as show

    if kartu:
        show.show_note(f"Kartu ID cadangan {kartu.strip().upper()}: peserta tanpa undangan "
                       "(kosongkan nama untuk batal).")
    else:
        show.show_note("Peserta tanpa undangan (kosongkan nama untuk batal).")
    nama = show.ask("Nama lengkap:")
    if not nama or not nama.strip():
        return 0
    if looks_scanned(nama):  # the next participant's card, not a name
        _hold(nama)
        return 0
    roles = list(PERAN_LABEL)
    chosen = show.pick([PERAN_LABEL[r] for r in roles], "Peran (nomor):")
    if chosen is None:
        return 0
    peran = roles[chosen]
    desa = instansi = None
    if peran in PERAN_DESA:
        desa = _choose_desa(day, "Desa (kode atau nama):")
        if desa is None:
            return 0
    else:
        instansi = (show.ask("Instansi (boleh kosong):") or "").strip() or None
    telepon = _ask_phone()
    result = record(day, add_walk_in, perangkat, nama, peran, desa=desa, instansi=instansi, telepon=telepon,
                    kartu=kartu)
    show.show_check_in(result, day.desa_label(result.peserta.desa))
    return 1


def _ask_phone() -> str | None:
    """Ask until the phone is empty or valid, so a typo does not cost the walk-in's whole entry."""
    from ..day import Refused
    from ..day.desk import read_phone
    from ..present import hari as show

    while True:
        try:
            return read_phone(show.ask("Nomor HP (boleh kosong):"))
        except Refused as error:
            show.show_refused(error)


def _choose_desa(day, prompt: str) -> str | None:
    from ..day import search_desa
    from ..present import hari as show

    while True:
        answer = show.ask(prompt)
        if answer is None or not answer.strip():
            return None
        found = search_desa(day, answer)
        if len(found) == 1 and found[0] == answer.strip():
            return found[0]
        if (kode := _pick_desa(day, found, answer.strip(), "desa")) is not None:
            return kode


def _pick_desa(day, found: list[str], text: str, what: str) -> str | None:
    """The village picked from those `text` found; None after a note when none matched, or on cancel."""
    from ..present import hari as show

    if not found:
        show.show_note(f"Tidak ada {what} yang cocok dengan '{text}'.")
        return None
    chosen = show.pick([day.desa_label(kode) + f" ({kode})" for kode in found])
    return None if chosen is None else found[chosen]


# --------------------------------------------------------------------------- stempel


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
    from ..day import Refused, desk_inovasi, stamp
    from ..day.desks.stempel import check_konsultan
    from ..day.desk import not_checked_in, scanned_peserta
    from ..day.journal import record
    from ..present import hari as show


    _held.clear()
    if induk:
        _check_remote(induk, token, gladi)
        return _remote_stempel(induk, token, peserta_id, inovasi_id, konsultan, ulang)
    _need(meja, "--meja")
    day = _open_day(folder, gladi)
    served = desk_inovasi(day, meja)
    check_konsultan(day, konsultan, meja)  # before the loop: a typo must not wait for the first scan
    if peserta_id:
        warning = not_checked_in(day, scanned_peserta(day, peserta_id))
        show.show_stamp(record(day, stamp, meja, peserta_id, inovasi_id, konsultan, ulang))
        if warning:
            show.show_warning(warning)
        return
    room = day.event.ruang_by_kode.get(day.event.meja_ruang[meja])
    show.show_desk(f"Stempel · meja {meja}" + (f" · {room.nama}" if room else ""), [
        *(show.inovasi_label(i) for i in served),
        "",
        *([f"Konsultan: {day.event.panitia_by_id[konsultan].nama}"] if konsultan in day.event.panitia_by_id else []),
        "Pindai Kartu ID peserta; ketik selesai untuk keluar.",
    ], day.load_problems)
    written = 0
    while (text := _line("Id peserta:")) is not None:
        try:
            peserta = scanned_peserta(day, text)
            show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
            warning = not_checked_in(day, peserta)
            if warning:
                show.show_warning(warning)
            chosen = _choose_inovasi(day, served)
            if chosen is None:
                show.show_note("Dibatalkan.")
                continue
            result = _confirmed(partial(record, day, stamp, meja, peserta.id, chosen, konsultan),
                                "Catat stempel kedua?", "Tidak dicatat.")
            if result is None:
                continue
            show.show_stamp(result)
            written += 1
        except Refused as error:
            _refused(day, "stempel", meja, error, text)
    show.show_session_end(written, "stempel", f"{day.area.logs}/stempel/{meja}.yaml")


def _choose_inovasi(day, offered) -> str | None:
    """The id typed or the number picked; one innovation on offer needs no choice.

    A participant's card scanned here is no choice: it is held for the next turn."""
    from ..day.desk import is_participant_scan, pick_inovasi
    from ..present import hari as show

    if len(offered) == 1:
        return offered[0].id
    for number, inovasi in enumerate(offered, start=1):
        show.show_note(f"{number:>2}. {show.inovasi_label(inovasi)}")
    answer = show.ask("Inovasi (nomor atau id):")
    if is_participant_scan(day, answer):
        _hold(answer)
        return None
    return pick_inovasi(offered, answer)  # checked by the action: refused when not on offer


def _hold(scan: str) -> None:
    from ..present import hari as show

    show.show_scan_held(scan.strip())
    _held.append(scan.strip())


def _need(value: str | None, option: str) -> None:
    """A desk's own name is required unless it records through the laptop induk (which knows it)."""
    from ..errors import UsageError

    if not value:
        raise UsageError(f"Pilihan {option} wajib diisi.",
                         hint=f"Tanpa {option} hanya bila meja ini mencatat lewat laptop induk (--induk, --token).")


def _send_confirmed(induk, path: str, body: dict, question: str) -> int:
    """Send one entry; when the induk says it exists already, ask, and resend with ulang. 1 when recorded."""
    from ..present import hari as show

    answer = induk.send(path, body)
    if answer.status == "perlu_konfirmasi" and not body.get("ulang"):
        show.show_answer(answer)
        if not _confirm(question):
            show.show_note("Tidak dicatat.")
            return 0
        answer = induk.send(path, {**body, "ulang": True})
    show.show_answer(answer)
    return 1 if answer.status == "tercatat" else 0


def _remote_peserta(induk, text: str) -> dict | None:
    """The participant scanned, as the induk shows them to this desk; None (after saying why) when refused."""
    from ..errors import UsageError
    from ..present import hari as show

    try:
        return induk.get_peserta(text)
    except UsageError as refused:
        show.show_refused(refused)
        return None


def _pick_from(offered: list[dict], prompt: str) -> str | None:
    """An innovation id from numbered choices (or typed); None when left empty."""
    from ..present import hari as show

    for number, inovasi in enumerate(offered, start=1):
        show.show_note(f"{number:>2}. {inovasi['id']}  {inovasi['judul']}")
    answer = (show.ask(prompt) or "").strip()
    if not answer or looks_like_scan(answer):
        return None
    return offered[int(answer) - 1]["id"] if answer.isdigit() and 1 <= int(answer) <= len(offered) else answer


def looks_like_scan(text: str) -> bool:
    from ..day.desk import looks_scanned

    if looks_scanned(text):
        _hold(text)
        return True
    return False


def _remote_nilai(url, token, peserta_id, inovasi_id, skor, catatan, ulang) -> None:
    """Ratings through the laptop induk: the id is checked first, stamped innovations are offered first."""
    from ..errors import UsageError
    from ..present import hari as show
    from ..web.client import Induk

    induk = Induk(url, token)
    menu = induk.about().get("inovasi") or []
    if peserta_id:
        if not inovasi_id or skor is None:
            raise UsageError("Bentuk satu kali memerlukan --peserta, --inovasi dan --nilai.")
        _send_confirmed(induk, "/api/v1/penilaian", {"peserta": peserta_id, "inovasi": inovasi_id, "nilai": skor,
                                                      "catatan": catatan, "ulang": ulang}, "Catat penilaian kedua?")
        return
    show.show_desk(f"Penilaian · lewat laptop induk {induk.url}", [
        "Pindai Kartu ID peserta, pilih inovasi, ketik nilai 1 sampai 5; selesai untuk keluar."])
    while (text := _line("Id peserta:")) is not None:
        peserta = _remote_peserta(induk, text)
        if peserta is None:
            continue
        show.show_note(f"{peserta['nama']} ({peserta['id']}) · {peserta['desa_label']}")
        stamped = set(peserta.get("stempel") or [])
        offered = [i for i in menu if i["id"] in stamped] + [i for i in menu if i["id"] not in stamped]
        chosen = _pick_from(offered, "Inovasi (nomor atau id):")
        score = _ask_score() if chosen else None
        if score is None:
            show.show_note("Tidak dicatat.")
            continue
        note = show.ask("Catatan (boleh kosong):")
        _send_confirmed(induk, "/api/v1/penilaian", {"peserta": peserta["id"], "inovasi": chosen, "nilai": score,
                                                      "catatan": (note or "").strip() or None},
                        "Catat penilaian kedua?")


def _remote_ide(url, token, judul, uraian, bidang, peserta_id, desa) -> None:
    """Kartu Ide through the laptop induk."""
    from ..present import hari as show
    from ..schema.types import BIDANG_LABEL
    from ..web.client import Induk

    induk = Induk(url, token)
    induk.about()
    if judul:
        _send_confirmed(induk, "/api/v1/ide", {"judul": judul, "uraian": uraian, "bidang": bidang,
                                                "peserta": peserta_id, "desa": desa}, "")
        return
    show.show_desk(f"Kartu Ide · lewat laptop induk {induk.url}", [
        "Untuk setiap kartu: id peserta (boleh kosong), nama inovasi, uraian, bidang. Ketik selesai untuk keluar."])
    fields = list(BIDANG_LABEL)
    while True:
        who = _held.pop(0) if _held else show.ask("Id peserta (kosong bila tidak ada):")
        if who is None or who.strip().lower() in END_WORDS:
            break
        if who.strip() and _remote_peserta(induk, who.strip()) is None:
            continue  # refused before the card is typed
        title = show.ask("Nama inovasi:")
        if title is None:
            break
        if not title.strip() or looks_like_scan(title):
            continue
        text = show.ask("Uraian (boleh kosong):")
        chosen = show.pick([BIDANG_LABEL[b] for b in fields], "Bidang (nomor, boleh kosong):")
        _send_confirmed(induk, "/api/v1/ide", {"judul": title.strip(), "uraian": (text or "").strip() or None,
                                                "bidang": fields[chosen] if chosen is not None else None,
                                                "peserta": who.strip() or None}, "")


def _remote_komitmen(url, token, desa, inovasi, tahun, ttd_kades, ttd_bpd, alasan, ulang) -> None:
    """Jendela 3 through the laptop induk: the village's stamps from every desk, then the card."""
    from ..day.desk import split_ids
    from ..errors import UsageError
    from ..present import hari as show
    from ..web.client import Induk

    induk = Induk(url, token)
    menu = {i["id"]: i for i in induk.about().get("inovasi") or []}

    def village(text: str) -> dict | None:
        found = induk.find_desa(text)
        if len(found) != 1:
            chosen = show.pick([f"{d['label']} ({d['kode']})" for d in found]) if found else None
            if chosen is None:
                show.show_note(f"Tidak ada satu desa yang cocok dengan '{text}'.")
                return None
            found = [found[chosen]]
        return induk.get_desa(found[0]["kode"])

    if inovasi:
        if not desa:
            raise UsageError("Bentuk satu kali memerlukan --desa bersama --inovasi.")
        reasons = dict(item.partition("=")[::2] for item in alasan or [])
        place = village(desa)
        if place is not None:
            _send_confirmed(induk, "/api/v1/komitmen", {
                "desa": place["kode"], "inovasi": split_ids(inovasi), "tahun_apbdes": tahun, "ulang": ulang,
                "ttd_kepala_desa": ttd_kades, "ttd_ketua_bpd": ttd_bpd, "alasan": reasons}, "Ganti dengan kartu ini?")
        return
    show.show_desk(f"Kartu Komitmen · Jendela 3 · lewat laptop induk {induk.url}", [
        "Untuk setiap kartu: desa (kode, nama, atau pindai Kartu ID Kepala Desa), inovasi pilihan,",
        "tahun APBDes dan tanda tangan. Ketik selesai untuk keluar."])
    while (text := _line("Desa / id peserta:")) is not None:
        from ..day.actions import ID_LIKE

        if ID_LIKE.match(text):
            peserta = _remote_peserta(induk, text)
            place = induk.get_desa(peserta["desa"]) if peserta and peserta.get("desa") else None
        else:
            place = village(text)
        if place is None:
            continue
        show.show_note(place["label"])
        if place.get("luar_hari"):
            show.show_warning(place["luar_hari"])
        offered = place["stempel"]
        for number, item in enumerate(offered, start=1):
            show.show_note(f"{number:>2}. {item['id']}  {item['judul']} ({item['jumlah']} stempel, meja "
                           f"{', '.join(item['meja_stempel'])})")
        answer = show.ask("Inovasi pilihan (nomor dari daftar atau id, pisahkan dengan koma):")
        if not answer or not answer.strip() or looks_like_scan(answer):
            show.show_note("Kartu tidak dicatat.")
            continue
        chosen = [offered[int(part) - 1]["id"] if part.isdigit() and 1 <= int(part) <= len(offered) else part
                  for part in split_ids(answer)]
        stamped = {item["id"] for item in offered}
        reasons = {i: (show.ask(f"{i} tidak pernah distempel untuk desa ini. Alasan memilihnya:") or "")
                   for i in chosen if i not in stamped and i in menu}
        year = (show.ask(f"Tahun APBDes [{tahun or 'bawaan acara'}]:") or "").strip()
        kades = _confirm("Ditandatangani Kepala Desa?")
        bpd = not _held and _confirm("Ditandatangani Ketua BPD?")
        if _held:
            show.show_note("Kartu tidak dicatat; catat lagi setelah peserta berikutnya.")
            continue
        _send_confirmed(induk, "/api/v1/komitmen", {
            "desa": place["kode"], "inovasi": chosen, "alasan": reasons, "ttd_kepala_desa": kades,
            "ttd_ketua_bpd": bpd, "tahun_apbdes": int(year) if year.isdigit() else tahun}, "Ganti dengan kartu ini?")


def _remote_registrasi(url: str, token: str | None, peserta_id: str | None) -> None:
    """Registration through the laptop induk: scan or search, the induk records and answers."""
    from ..day.actions import ID_LIKE
    from ..present import hari as show
    from ..web.client import Induk

    induk = Induk(url, token)
    about = induk.about()

    def register(peserta: str) -> int:
        answer = induk.send("/api/v1/registrasi", {"peserta": peserta})
        show.show_answer(answer)
        return 1 if answer.status == "tercatat" else 0

    if peserta_id:
        register(peserta_id)
        return
    show.show_desk(f"Registrasi · {about.get('perangkat')} · lewat laptop induk {induk.url}", [
        about.get("acara", ""), "Pindai Kartu ID atau ketik id peserta; ketik nama/desa untuk mencari; "
        "selesai untuk keluar.", "Peserta tanpa undangan didaftarkan di halaman registrasi browser."])
    written = 0
    while (text := _line("Id / nama / desa:")) is not None:
        if ID_LIKE.match(text):
            written += register(text)
            continue
        found = induk.find_peserta(text)
        if not found:
            show.show_note(f"Tidak ada peserta yang cocok dengan '{text}'.")
            continue
        chosen = show.pick([f"{p['nama']} ({p['id']}) · {p['peran_label']} · {p['desa_label']}" for p in found])
        if chosen is not None:
            written += register(found[chosen]["id"])
    show.show_session_end(written, "registrasi", f"laptop induk {induk.url}")


def _remote_stempel(url: str, token: str | None, peserta_id: str | None, inovasi_id: str | None,
                    konsultan: str | None, ulang: bool) -> None:
    """The stamp desk through the laptop induk: the same questions, the induk's answers."""
    from ..present import hari as show
    from ..web.client import Induk

    induk = Induk(url, token)
    about = induk.about()
    served = about.get("inovasi") or []

    def send(peserta: str, chosen: str | None, again: bool = False) -> int:
        body = {"peserta": peserta, "inovasi": chosen, "konsultan": konsultan, "ulang": again}
        return _send_confirmed(induk, "/api/v1/stempel", body, "Catat stempel kedua?")

    if peserta_id:
        send(peserta_id, inovasi_id, ulang)
        return
    show.show_desk(f"Stempel · meja {about.get('meja')} · lewat laptop induk {induk.url}", [
        *(f"{i['id']}  {i['judul']}" for i in served), "", "Pindai Kartu ID peserta; ketik selesai untuk keluar."])
    written = 0
    while (text := _line("Id peserta:")) is not None:
        chosen = served[0]["id"] if len(served) == 1 else None
        if len(served) > 1:
            for number, inovasi in enumerate(served, start=1):
                show.show_note(f"{number:>2}. {inovasi['id']}  {inovasi['judul']}")
            answer = (show.ask("Inovasi (nomor atau id):") or "").strip()
            if not answer:
                show.show_note("Dibatalkan.")
                continue
            chosen = served[int(answer) - 1]["id"] if answer.isdigit() and 1 <= int(answer) <= len(served) else answer
        written += send(text, chosen)
    show.show_session_end(written, "stempel", f"laptop induk {induk.url}")


# --------------------------------------------------------------------------- nilai, ide


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
    from ..day import Refused, rate
    from ..day.actions import check_name
    from ..day.desk import rating_choices, scanned_peserta
    from ..errors import UsageError
    from ..day.journal import record
    from ..present import hari as show

    _held.clear()
    if induk:
        _check_remote(induk, token, gladi)
        return _remote_nilai(induk, token, peserta_id, inovasi_id, skor, catatan, ulang)
    _need(perangkat, "--perangkat")
    check_name(perangkat)
    day = _open_day(folder, gladi)
    if peserta_id:
        if not inovasi_id or skor is None:
            raise UsageError("Bentuk satu kali memerlukan --peserta, --inovasi dan --nilai.")
        show.show_rating(record(day, rate, perangkat, peserta_id, inovasi_id, skor, catatan, ulang))
        return
    show.show_desk(f"Penilaian · {perangkat}", [
        "Pindai Kartu ID peserta, pilih inovasi, ketik nilai 1 sampai 5; selesai untuk keluar."],
        day.load_problems)
    while (text := _line("Id peserta:")) is not None:
        try:
            peserta = scanned_peserta(day, text)  # the id first: a bad one is refused before anything is typed
            show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
            offered = rating_choices(day, peserta, perangkat)
            if offered:
                chosen = _choose_inovasi(day, offered)
            else:
                show.show_note("Belum ada inovasi yang distempel untuk peserta ini.")
                chosen = (show.ask("Id inovasi:") or "").strip()
            if not chosen:
                continue
            score = _ask_score()
            if score is None:
                show.show_note("Tidak dicatat.")
                continue
            note = show.ask("Catatan (boleh kosong):")
            result = _confirmed(partial(record, day, rate, perangkat, peserta.id, chosen, score, note),
                                "Catat penilaian kedua?")
            if result is not None:
                show.show_rating(result)
        except Refused as error:
            _refused(day, "nilai", perangkat, error, text)


def _ask_score() -> int | None:
    """Ask until the score is valid (1 to 5); None when left empty or at the end of input."""
    from ..day import Refused
    from ..day.desk import looks_scanned, read_score
    from ..present import hari as show

    while True:
        answer = show.ask("Nilai (1-5, kosong = batal):")
        if answer is None or not answer.strip():
            return None
        if looks_scanned(answer):
            _hold(answer)
            return None
        try:
            return read_score(answer)
        except Refused as error:
            show.show_refused(error)


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
    from ..day import Refused, record_idea
    from ..day.actions import check_name
    from ..day.desk import is_participant_scan, scanned_peserta
    from ..schema.types import BIDANG_LABEL
    from ..day.journal import record
    from ..present import hari as show

    _held.clear()
    if induk:
        _check_remote(induk, token, gladi)
        return _remote_ide(induk, token, judul, uraian, bidang, peserta_id, desa)
    _need(perangkat, "--perangkat")
    check_name(perangkat)
    day = _open_day(folder, gladi)
    if judul:
        show.show_idea(record(day, record_idea, perangkat, judul, uraian, bidang, peserta_id, desa))
        return
    show.show_desk(f"Kartu Ide · {perangkat}", [
        "Untuk setiap kartu: id peserta (boleh kosong), nama inovasi, uraian, bidang.",
        "Ketik selesai untuk keluar."], day.load_problems)
    fields = list(BIDANG_LABEL)
    while True:
        who = _held.pop(0) if _held else show.ask("Id peserta (kosong bila tidak ada):")
        if who is None or who.strip().lower() in END_WORDS:
            break
        try:
            peserta = scanned_peserta(day, who) if who.strip() else None  # refused before the card is typed
        except Refused as error:
            _refused(day, "ide", perangkat, error, who)
            continue
        if peserta is not None:
            show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
        title = show.ask("Nama inovasi:")
        if title is None:
            break
        if is_participant_scan(day, title):  # the next card's participant, not a title
            _hold(title)
            continue
        text = show.ask("Uraian (boleh kosong):")
        chosen = show.pick([BIDANG_LABEL[b] for b in fields], "Bidang (nomor, boleh kosong):")
        place = None
        if peserta is None:
            place = _choose_desa(day, "Desa (kode atau nama, boleh kosong):")
        try:
            show.show_idea(record(day, record_idea, perangkat, title, text, fields[chosen] if chosen is not None else None,
                                       peserta.id if peserta else None, place))
        except Refused as error:
            show.show_refused(error)


# --------------------------------------------------------------------------- komitmen


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
    from ..day import record_commitment
    from ..day.actions import check_name
    from ..day.desk import one_desa, split_ids
    from ..errors import UsageError
    from ..day.journal import record
    from ..present import hari as show

    _held.clear()
    if induk:
        _check_remote(induk, token, gladi)
        return _remote_komitmen(induk, token, desa, inovasi, tahun, ttd_kades, ttd_bpd, alasan, ulang)
    _need(perangkat, "--perangkat")
    check_name(perangkat)
    day = _open_day(folder, gladi)
    if inovasi:
        if not desa:
            raise UsageError("Bentuk satu kali memerlukan --desa bersama --inovasi.")
        reasons = {}
        for item in alasan or []:
            key, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--alasan '{item}' tidak sah; tulis INO-003=\"alasannya\".")
            reasons[key.strip()] = value.strip()
        kode = one_desa(day, desa)
        result = record(day, record_commitment, perangkat, kode, split_ids(inovasi), tahun, ttd_kades, ttd_bpd, reasons,
                                   ulang)
        show.show_commitment(result, day.desa_label(kode))
        return
    show.show_desk(f"Kartu Komitmen · Jendela 3 · {perangkat}", [
        "Untuk setiap kartu: desa (kode, nama, atau pindai Kartu ID Kepala Desa), inovasi pilihan,",
        "tahun APBDes dan tanda tangan. Ketik selesai untuk keluar."], day.load_problems)
    while True:
        kode = one_desa(day, desa) if desa else _desa_of_card(day)
        if kode is None:
            break
        _one_card(day, perangkat, kode, tahun)
        if desa:
            break


def _desa_of_card(day) -> str | None:
    from ..day.desk import resolve_desa

    while (text := _line("Desa / id peserta:")) is not None:
        found = resolve_desa(day, text)
        if len(found) == 1:
            return found[0]
        if (kode := _pick_desa(day, found, text, "desa atau peserta")) is not None:
            return kode
    return None


def _one_card(day, perangkat: str, kode: str, tahun: int | None) -> None:
    from ..day import Refused, record_commitment, stamped_for_desa
    from ..day.desks.komitmen import off_day_for_desa
    from ..day.desk import is_participant_scan, parse_card_choice, unstamped
    from ..day.journal import record
    from ..present import hari as show

    label = day.desa_label(kode)
    stamped = stamped_for_desa(day, kode)
    offered = [s.inovasi for s in stamped]
    show.show_stamped(label, stamped)
    if off_day := off_day_for_desa(day, kode):
        show.show_warning(off_day)
    answer = show.ask("Inovasi pilihan (nomor dari daftar atau id, pisahkan dengan koma):")
    if answer is None or not answer.strip():
        show.show_note("Kartu tidak dicatat.")
        return
    if is_participant_scan(day, answer):  # a Kartu ID for the next card
        _hold(answer)
        return
    chosen = parse_card_choice(answer, offered)
    reasons = {}
    for inovasi_id in unstamped(day, chosen, offered):
        reason = show.ask(f"{inovasi_id} tidak pernah distempel untuk desa ini. Alasan memilihnya:")
        reasons[inovasi_id] = reason or ""
    year = _ask_year(tahun or day.acara.tahun_apbdes)
    kades = _confirm("Ditandatangani Kepala Desa?")
    bpd = not _held and _confirm("Ditandatangani Ketua BPD?")
    if _held:  # a Kartu ID was scanned instead of an answer: this card is not recorded
        show.show_note("Kartu tidak dicatat; catat lagi setelah peserta berikutnya.")
        return
    try:
        result = _confirmed(partial(record, day, record_commitment, perangkat, kode, chosen, year, kades, bpd, reasons),
                            "Ganti dengan kartu ini?", "Kartu tidak dicatat.")
    except Refused as error:
        show.show_refused(error)
        return
    if result is not None:
        show.show_commitment(result, label)


def _ask_year(default: int) -> int:
    """Ask until the year is empty (the default) or valid: a typo must never become the default."""
    from ..day import Refused
    from ..day.desks.komitmen import read_year
    from ..present import hari as show

    while True:
        try:
            return read_year(show.ask(f"Tahun APBDes [{default}]:"), default)
        except Refused as error:
            show.show_refused(error)


# --------------------------------------------------------------------------- perbaiki, pantau


def perbaiki(folder: Path = FOLDER) -> None:
    """Memulihkan log yang rusak: entri utuh dipertahankan, baris rusak dipindah ke berkas samping."""
    from ..day import repair_logs
    from ..errors import UsageError
    from ..present import hari as show

    if not (Path(folder) / "acara.yaml").is_file():
        raise UsageError(f"'{folder}' bukan folder acara: berkas acara.yaml tidak ada.")
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
