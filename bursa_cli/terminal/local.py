"""The five desks' dialogues against the event folder at this laptop (`bursa registrasi` and the rest).

Each command also has a one-shot form with options, for scripts and tests.
"""

from __future__ import annotations

from functools import partial

from ..day.journal import record
from .dialogue import END_WORDS, Dialogue


class LocalDesks(Dialogue):
    """The desks' own dialogues, recording in the event folder."""

    def _register_one(self, day, perangkat: str, text: str) -> int:
        """Handle one line typed at the registration desk; 1 when an entry was written."""
        from ..day import check_in
        from ..day.desk import resolve_registration
        from ..present import hari as show

        found = resolve_registration(day, text)
        if found.kind == "baru":
            return self._walk_in(day, perangkat)
        if found.kind == "kartu":
            return self._walk_in(day, perangkat, kartu=found.kartu)
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

    def _walk_in(self, day, perangkat: str, kartu: str | None = None) -> int:
        """Ask a walk-in's details and register them (under the spare Kartu ID `kartu`, if scanned)."""
        from ..day import add_walk_in
        from ..day.desk import looks_scanned
        from ..schema.models import PERAN_DESA, PERAN_LABEL
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
            self._hold(nama)
            return 0
        roles = list(PERAN_LABEL)
        chosen = show.pick([PERAN_LABEL[r] for r in roles], "Peran (nomor):")
        if chosen is None:
            return 0
        peran = roles[chosen]
        desa = instansi = None
        if peran in PERAN_DESA:
            desa = self._choose_desa(day, "Desa (kode atau nama):")
            if desa is None:
                return 0
        else:
            instansi = (show.ask("Instansi (boleh kosong):") or "").strip() or None
        telepon = self._ask_phone()
        result = record(day, add_walk_in, perangkat, nama, peran, desa=desa, instansi=instansi, telepon=telepon,
                        kartu=kartu)
        show.show_check_in(result, day.desa_label(result.peserta.desa))
        return 1

    def _ask_phone(self) -> str | None:
        """Ask until the phone is empty or valid, so a typo does not cost the walk-in's whole entry."""
        from ..day import Refused
        from ..day.desk import read_phone
        from ..present import hari as show

        while True:
            try:
                return read_phone(show.ask("Nomor HP (boleh kosong):"))
            except Refused as error:
                show.show_refused(error)

    def _choose_desa(self, day, prompt: str) -> str | None:
        from ..day import search_desa
        from ..present import hari as show

        while True:
            answer = show.ask(prompt)
            if answer is None or not answer.strip():
                return None
            found = search_desa(day, answer)
            if len(found) == 1 and found[0] == answer.strip():
                return found[0]
            if (kode := self._pick_desa(day, found, answer.strip(), "desa")) is not None:
                return kode

    def _pick_desa(self, day, found: list[str], text: str, what: str) -> str | None:
        """The village picked from those `text` found; None after a note when none matched, or on cancel."""
        from ..present import hari as show

        if not found:
            show.show_note(f"Tidak ada {what} yang cocok dengan '{text}'.")
            return None
        chosen = show.pick([day.desa_label(kode) + f" ({kode})" for kode in found])
        return None if chosen is None else found[chosen]

    def _choose_inovasi(self, day, offered) -> str | None:
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
            self._hold(answer)
            return None
        return pick_inovasi(offered, answer)  # checked by the action: refused when not on offer

    def _ask_score(self) -> int | None:
        """Ask until the score is valid (1 to 5); None when left empty or at the end of input."""
        from ..day import Refused
        from ..day.desk import looks_scanned, read_score
        from ..present import hari as show

        while True:
            answer = show.ask("Nilai (1-5, kosong = batal):")
            if answer is None or not answer.strip():
                return None
            if looks_scanned(answer):
                self._hold(answer)
                return None
            try:
                return read_score(answer)
            except Refused as error:
                show.show_refused(error)

    def _desa_of_card(self, day) -> str | None:
        from ..day.desk import resolve_desa

        while (text := self._line("Desa / id peserta:")) is not None:
            found = resolve_desa(day, text)
            if len(found) == 1:
                return found[0]
            if (kode := self._pick_desa(day, found, text, "desa atau peserta")) is not None:
                return kode
        return None

    def _one_card(self, day, perangkat: str, kode: str, tahun: int | None) -> None:
        from ..day import Refused, record_commitment, stamped_for_desa
        from ..day.desks.komitmen import off_day_for_desa
        from ..day.desk import is_participant_scan, parse_card_choice, unstamped
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
            self._hold(answer)
            return
        chosen = parse_card_choice(answer, offered)
        reasons = {}
        for inovasi_id in unstamped(day, chosen, offered):
            reason = show.ask(f"{inovasi_id} tidak pernah distempel untuk desa ini. Alasan memilihnya:")
            reasons[inovasi_id] = reason or ""
        year = self._ask_year(tahun or day.acara.tahun_apbdes)
        kades = self._confirm("Ditandatangani Kepala Desa?")
        bpd = not self.held and self._confirm("Ditandatangani Ketua BPD?")
        if self.held:  # a Kartu ID was scanned instead of an answer: this card is not recorded
            show.show_note("Kartu tidak dicatat; catat lagi setelah peserta berikutnya.")
            return
        try:
            result = self._confirmed(partial(record, day, record_commitment, perangkat, kode, chosen, year, kades, bpd,
                                                     reasons),
                                "Ganti dengan kartu ini?", "Kartu tidak dicatat.")
        except Refused as error:
            show.show_refused(error)
            return
        if result is not None:
            show.show_commitment(result, label)

    def _ask_year(self, default: int) -> int:
        """Ask until the year is empty (the default) or valid: a typo must never become the default."""
        from ..day import Refused
        from ..day.desks.komitmen import read_year
        from ..present import hari as show

        while True:
            try:
                return read_year(show.ask(f"Tahun APBDes [{default}]:"), default)
            except Refused as error:
                show.show_refused(error)

    def registrasi(self, folder, perangkat, peserta_id, induk, token, gladi) -> None:
        """`bursa registrasi`: Registrasi peserta: pindai Kartu ID, cari nama/desa, atau +baru untuk peserta tanpa undangan."""
        from ..day import Refused, check_in
        from ..day.actions import check_name
        from ..present import hari as show


        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            return self._remote_registrasi(induk, token, peserta_id)
        self._need(perangkat, "--perangkat")
        check_name(perangkat)  # before the loop: a bad name must not wait for the first scan
        day = self._open_day(folder, gladi)
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
        while (text := self._line("Id / nama / desa:")) is not None:
            try:
                written += self._register_one(day, perangkat, text)
            except Refused as error:
                self._refused(day, "registrasi", perangkat, error, text)
        show.show_session_end(written, "registrasi", f"{day.area.logs}/registrasi/{perangkat}.yaml")

    def stempel(self, folder, meja, konsultan, peserta_id, inovasi_id, ulang, induk, token, gladi) -> None:
        """`bursa stempel`: Meja konsultasi: pindai Kartu ID peserta, pilih inovasi, catat stempel."""
        from ..day import Refused, desk_inovasi, stamp
        from ..day.desks.stempel import check_konsultan
        from ..day.desk import not_checked_in, scanned_peserta
        from ..present import hari as show


        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            return self._remote_stempel(induk, token, peserta_id, inovasi_id, konsultan, ulang)
        self._need(meja, "--meja")
        day = self._open_day(folder, gladi)
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
        while (text := self._line("Id peserta:")) is not None:
            try:
                peserta = scanned_peserta(day, text)
                show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
                warning = not_checked_in(day, peserta)
                if warning:
                    show.show_warning(warning)
                chosen = self._choose_inovasi(day, served)
                if chosen is None:
                    show.show_note("Dibatalkan.")
                    continue
                result = self._confirmed(partial(record, day, stamp, meja, peserta.id, chosen, konsultan),
                                    "Catat stempel kedua?", "Tidak dicatat.")
                if result is None:
                    continue
                show.show_stamp(result)
                written += 1
            except Refused as error:
                self._refused(day, "stempel", meja, error, text)
        show.show_session_end(written, "stempel", f"{day.area.logs}/stempel/{meja}.yaml")

    def nilai(self, folder, perangkat, peserta_id, inovasi_id, skor, catatan, ulang, induk, token, gladi) -> None:
        """`bursa nilai`: Penilaian inovasi oleh peserta (1 sampai 5): inovasi yang distempel untuk peserta ditawarkan lebih dulu."""
        from ..day import Refused, rate
        from ..day.actions import check_name
        from ..day.desk import rating_choices, scanned_peserta
        from ..errors import UsageError
        from ..present import hari as show

        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            return self._remote_nilai(induk, token, peserta_id, inovasi_id, skor, catatan, ulang)
        self._need(perangkat, "--perangkat")
        check_name(perangkat)
        day = self._open_day(folder, gladi)
        if peserta_id:
            if not inovasi_id or skor is None:
                raise UsageError.coded("BUR-M037")
            show.show_rating(record(day, rate, perangkat, peserta_id, inovasi_id, skor, catatan, ulang))
            return
        show.show_desk(f"Penilaian · {perangkat}", [
            "Pindai Kartu ID peserta, pilih inovasi, ketik nilai 1 sampai 5; selesai untuk keluar."],
            day.load_problems)
        while (text := self._line("Id peserta:")) is not None:
            try:
                peserta = scanned_peserta(day, text)  # the id first: a bad one is refused before anything is typed
                show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
                offered = rating_choices(day, peserta, perangkat)
                if offered:
                    chosen = self._choose_inovasi(day, offered)
                else:
                    show.show_note("Belum ada inovasi yang distempel untuk peserta ini.")
                    chosen = (show.ask("Id inovasi:") or "").strip()
                if not chosen:
                    continue
                score = self._ask_score()
                if score is None:
                    show.show_note("Tidak dicatat.")
                    continue
                note = show.ask("Catatan (boleh kosong):")
                result = self._confirmed(partial(record, day, rate, perangkat, peserta.id, chosen, score, note),
                                    "Catat penilaian kedua?")
                if result is not None:
                    show.show_rating(result)
            except Refused as error:
                self._refused(day, "nilai", perangkat, error, text)

    def ide(self, folder, perangkat, judul, uraian, bidang, peserta_id, desa, induk, token, gladi) -> None:
        """`bursa ide`: Kartu Ide: inovasi yang sudah dipraktikkan desa tetapi belum terdokumentasi."""
        from ..day import Refused, record_idea
        from ..day.actions import check_name
        from ..day.desk import is_participant_scan, scanned_peserta
        from ..schema.types import BIDANG_LABEL
        from ..present import hari as show

        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            return self._remote_ide(induk, token, judul, uraian, bidang, peserta_id, desa)
        self._need(perangkat, "--perangkat")
        check_name(perangkat)
        day = self._open_day(folder, gladi)
        if judul:
            show.show_idea(record(day, record_idea, perangkat, judul, uraian, bidang, peserta_id, desa))
            return
        show.show_desk(f"Kartu Ide · {perangkat}", [
            "Untuk setiap kartu: id peserta (boleh kosong), nama inovasi, uraian, bidang.",
            "Ketik selesai untuk keluar."], day.load_problems)
        fields = list(BIDANG_LABEL)
        while True:
            who = self.held.pop(0) if self.held else show.ask("Id peserta (kosong bila tidak ada):")
            if who is None or who.strip().lower() in END_WORDS:
                break
            try:
                peserta = scanned_peserta(day, who) if who.strip() else None  # refused before the card is typed
            except Refused as error:
                self._refused(day, "ide", perangkat, error, who)
                continue
            if peserta is not None:
                show.show_note(show.peserta_label(peserta, day.desa_label(peserta.desa)))
            title = show.ask("Nama inovasi:")
            if title is None:
                break
            if is_participant_scan(day, title):  # the next card's participant, not a title
                self._hold(title)
                continue
            text = show.ask("Uraian (boleh kosong):")
            chosen = show.pick([BIDANG_LABEL[b] for b in fields], "Bidang (nomor, boleh kosong):")
            place = None
            if peserta is None:
                place = self._choose_desa(day, "Desa (kode atau nama, boleh kosong):")
            try:
                bidang = fields[chosen] if chosen is not None else None
                show.show_idea(record(day, record_idea, perangkat, title, text, bidang,
                                      peserta.id if peserta else None, place))
            except Refused as error:
                show.show_refused(error)

    def komitmen(self, folder, perangkat, desa, inovasi, tahun, ttd_kades, ttd_bpd, alasan, ulang, induk, token, gladi) -> None:
        """`bursa komitmen`: Jendela 3: mencatat Kartu Komitmen desa (inovasi pilihan, tahun APBDes, tanda tangan)."""
        from ..day import record_commitment
        from ..day.actions import check_name
        from ..day.desk import one_desa, split_ids
        from ..errors import UsageError
        from ..present import hari as show

        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            return self._remote_komitmen(induk, token, desa, inovasi, tahun, ttd_kades, ttd_bpd, alasan, ulang)
        self._need(perangkat, "--perangkat")
        check_name(perangkat)
        day = self._open_day(folder, gladi)
        if inovasi:
            if not desa:
                raise UsageError.coded("BUR-M038")
            reasons = {}
            for item in alasan or []:
                key, sep, value = item.partition("=")
                if not sep:
                    raise UsageError.coded("BUR-M039", alasan=item)
                reasons[key.strip()] = value.strip()
            kode = one_desa(day, desa)
            result = record(day, record_commitment, perangkat, kode, split_ids(inovasi), tahun, ttd_kades, ttd_bpd,
                            reasons, ulang)
            show.show_commitment(result, day.desa_label(kode))
            return
        show.show_desk(f"Kartu Komitmen · Jendela 3 · {perangkat}", [
            "Untuk setiap kartu: desa (kode, nama, atau pindai Kartu ID Kepala Desa), inovasi pilihan,",
            "tahun APBDes dan tanda tangan. Ketik selesai untuk keluar."], day.load_problems)
        while True:
            kode = one_desa(day, desa) if desa else self._desa_of_card(day)
            if kode is None:
                break
            self._one_card(day, perangkat, kode, tahun)
            if desa:
                break
