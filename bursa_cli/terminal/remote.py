"""The five desks' dialogues through the laptop induk (`--induk URL --token T`).

Every entry is sent as its desk's request model (`day/desks/`), never as a
hand-built body; the induk answers with a `Jawaban`.
"""

from __future__ import annotations

from pydantic import ValidationError

from .dialogue import END_WORDS, Dialogue, new_id, unfit


class RemoteDesks(Dialogue):
    """The desks' dialogues, recording through the laptop induk."""

    def _send(self, induk, path: str, fields: dict):
        """Send one entry as the request model of the desk at `path`; the induk's answer."""
        from ..day.desks import desk_at
        from ..day.desks.base import Reply

        try:
            asked = desk_at(path).model(id_entri=new_id(), **fields)
        except ValidationError as error:  # refused here as the induk would refuse it
            return Reply("ditolak", unfit(error).message, kode="BUR-M002")
        return induk.record(path, asked)

    def _send_confirmed(self, induk, path: str, fields: dict, question: str) -> int:
        """Send one entry; when the induk says it exists already, ask, and resend with ulang. 1 when recorded."""
        from ..present import hari as show

        answer = self._send(induk, path, fields)
        if answer.status == "perlu_konfirmasi" and not fields.get("ulang"):
            show.show_answer(answer)
            if not self._confirm(question):
                show.show_note("Tidak dicatat.")
                return 0
            answer = self._send(induk, path, {**fields, "ulang": True})
        show.show_answer(answer)
        return 1 if answer.status == "tercatat" else 0

    def _remote_peserta(self, induk, text: str) -> dict | None:
        """The participant scanned, as the induk shows them to this desk; None (after saying why) when refused."""
        from ..errors import UsageError
        from ..present import hari as show

        try:
            return induk.get_peserta(text)
        except UsageError as refused:
            show.show_refused(refused)
            return None

    def _pick_from(self, offered: list[dict], prompt: str) -> str | None:
        """An innovation id from numbered choices (or typed); None when left empty."""
        from ..present import hari as show

        for number, inovasi in enumerate(offered, start=1):
            show.show_note(f"{number:>2}. {inovasi['id']}  {inovasi['judul']}")
        answer = (show.ask(prompt) or "").strip()
        if not answer or self.looks_like_scan(answer):
            return None
        return offered[int(answer) - 1]["id"] if answer.isdigit() and 1 <= int(answer) <= len(offered) else answer

    def looks_like_scan(self, text: str) -> bool:
        from ..day.desk import looks_scanned

        if looks_scanned(text):
            self._hold(text)
            return True
        return False

    def _remote_nilai(self, url, token, peserta_id, inovasi_id, skor, catatan, ulang) -> None:
        """Ratings through the laptop induk: the id is checked first, stamped innovations are offered first."""
        from ..errors import UsageError
        from ..present import hari as show
        from ..web.client import Induk

        induk = Induk(url, token)
        menu = induk.about().get("inovasi") or []
        if peserta_id:
            if not inovasi_id or skor is None:
                raise UsageError.coded("BUR-M037")
            self._send_confirmed(induk, "penilaian", {"peserta": peserta_id, "inovasi": inovasi_id, "nilai": skor,
                                                          "catatan": catatan, "ulang": ulang}, "Catat penilaian kedua?")
            return
        show.show_desk(f"Penilaian · lewat laptop induk {induk.url}", [
            "Pindai Kartu ID peserta, pilih inovasi, ketik nilai 1 sampai 5; selesai untuk keluar."])
        while (text := self._line("Id peserta:")) is not None:
            peserta = self._remote_peserta(induk, text)
            if peserta is None:
                continue
            show.show_note(f"{peserta['nama']} ({peserta['id']}) · {peserta['desa_label']}")
            stamped = set(peserta.get("stempel") or [])
            offered = [i for i in menu if i["id"] in stamped] + [i for i in menu if i["id"] not in stamped]
            chosen = self._pick_from(offered, "Inovasi (nomor atau id):")
            score = self._ask_score() if chosen else None
            if score is None:
                show.show_note("Tidak dicatat.")
                continue
            note = show.ask("Catatan (boleh kosong):")
            self._send_confirmed(induk, "penilaian", {"peserta": peserta["id"], "inovasi": chosen, "nilai": score,
                                                          "catatan": (note or "").strip() or None},
                            "Catat penilaian kedua?")

    def _remote_ide(self, url, token, judul, uraian, bidang, peserta_id, desa) -> None:
        """Kartu Ide through the laptop induk."""
        from ..present import hari as show
        from ..schema.types import BIDANG_LABEL
        from ..web.client import Induk

        induk = Induk(url, token)
        induk.about()
        if judul:
            self._send_confirmed(induk, "ide", {"judul": judul, "uraian": uraian, "bidang": bidang,
                                                    "peserta": peserta_id, "desa": desa}, "")
            return
        show.show_desk(f"Kartu Ide · lewat laptop induk {induk.url}", [
            "Untuk setiap kartu: id peserta (boleh kosong), nama inovasi, uraian, bidang. Ketik selesai untuk keluar."])
        fields = list(BIDANG_LABEL)
        while True:
            who = self.held.pop(0) if self.held else show.ask("Id peserta (kosong bila tidak ada):")
            if who is None or who.strip().lower() in END_WORDS:
                break
            if who.strip() and self._remote_peserta(induk, who.strip()) is None:
                continue  # refused before the card is typed
            title = show.ask("Nama inovasi:")
            if title is None:
                break
            if not title.strip() or self.looks_like_scan(title):
                continue
            text = show.ask("Uraian (boleh kosong):")
            chosen = show.pick([BIDANG_LABEL[b] for b in fields], "Bidang (nomor, boleh kosong):")
            self._send_confirmed(induk, "ide", {"judul": title.strip(), "uraian": (text or "").strip() or None,
                                                    "bidang": fields[chosen] if chosen is not None else None,
                                                    "peserta": who.strip() or None}, "")

    def _remote_komitmen(self, url, token, desa, inovasi, tahun, ttd_kades, ttd_bpd, alasan, ulang) -> None:
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
                raise UsageError.coded("BUR-M038")
            reasons = dict(item.partition("=")[::2] for item in alasan or [])
            place = village(desa)
            if place is not None:
                self._send_confirmed(induk, "komitmen", {
                    "desa": place["kode"], "inovasi": split_ids(inovasi), "tahun_apbdes": tahun, "ulang": ulang,
                    "ttd_kepala_desa": ttd_kades, "ttd_ketua_bpd": ttd_bpd, "alasan": reasons}, "Ganti dengan kartu ini?")
            return
        show.show_desk(f"Kartu Komitmen · Jendela 3 · lewat laptop induk {induk.url}", [
            "Untuk setiap kartu: desa (kode, nama, atau pindai Kartu ID Kepala Desa), inovasi pilihan,",
            "tahun APBDes dan tanda tangan. Ketik selesai untuk keluar."])
        while (text := self._line("Desa / id peserta:")) is not None:
            from ..day.actions import ID_LIKE

            if ID_LIKE.match(text):
                peserta = self._remote_peserta(induk, text)
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
            if not answer or not answer.strip() or self.looks_like_scan(answer):
                show.show_note("Kartu tidak dicatat.")
                continue
            chosen = [offered[int(part) - 1]["id"] if part.isdigit() and 1 <= int(part) <= len(offered) else part
                      for part in split_ids(answer)]
            stamped = {item["id"] for item in offered}
            reasons = {i: (show.ask(f"{i} tidak pernah distempel untuk desa ini. Alasan memilihnya:") or "")
                       for i in chosen if i not in stamped and i in menu}
            year = (show.ask(f"Tahun APBDes [{tahun or 'bawaan acara'}]:") or "").strip()
            kades = self._confirm("Ditandatangani Kepala Desa?")
            bpd = not self.held and self._confirm("Ditandatangani Ketua BPD?")
            if self.held:
                show.show_note("Kartu tidak dicatat; catat lagi setelah peserta berikutnya.")
                continue
            self._send_confirmed(induk, "komitmen", {
                "desa": place["kode"], "inovasi": chosen, "alasan": reasons, "ttd_kepala_desa": kades,
                "ttd_ketua_bpd": bpd, "tahun_apbdes": int(year) if year.isdigit() else tahun}, "Ganti dengan kartu ini?")

    def _remote_registrasi(self, url: str, token: str | None, peserta_id: str | None) -> None:
        """Registration through the laptop induk: scan or search, the induk records and answers."""
        from ..day.actions import ID_LIKE
        from ..present import hari as show
        from ..web.client import Induk

        induk = Induk(url, token)
        about = induk.about()

        def register(peserta: str) -> int:
            answer = self._send(induk, "registrasi", {"peserta": peserta})
            show.show_answer(answer)
            return 1 if answer.status == "tercatat" else 0

        if peserta_id:
            register(peserta_id)
            return
        show.show_desk(f"Registrasi · {about.get('perangkat')} · lewat laptop induk {induk.url}", [
            about.get("acara", ""), "Pindai Kartu ID atau ketik id peserta; ketik nama/desa untuk mencari; "
            "selesai untuk keluar.", "Peserta tanpa undangan didaftarkan di halaman registrasi browser."])
        written = 0
        while (text := self._line("Id / nama / desa:")) is not None:
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

    def _remote_stempel(self, url: str, token: str | None, peserta_id: str | None, inovasi_id: str | None,
                        konsultan: str | None, ulang: bool) -> None:
        """The stamp desk through the laptop induk: the same questions, the induk's answers."""
        from ..present import hari as show
        from ..web.client import Induk

        induk = Induk(url, token)
        about = induk.about()
        served = about.get("inovasi") or []

        def send(peserta: str, chosen: str | None, again: bool = False) -> int:
            body = {"peserta": peserta, "inovasi": chosen, "konsultan": konsultan, "ulang": again}
            return self._send_confirmed(induk, "stempel", body, "Catat stempel kedua?")

        if peserta_id:
            send(peserta_id, inovasi_id, ulang)
            return
        show.show_desk(f"Stempel · meja {about.get('meja')} · lewat laptop induk {induk.url}", [
            *(f"{i['id']}  {i['judul']}" for i in served), "", "Pindai Kartu ID peserta; ketik selesai untuk keluar."])
        written = 0
        while (text := self._line("Id peserta:")) is not None:
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
