"""The terminal desks' one loop: any desk's steps asked one line at a time, recorded here or at the induk.

A USB QR scanner types the id and Enter, so every desk reads one line at a
time and ends at the end of input or on `selesai`/`keluar`. `Dialogue` runs any
desk of the registry (`day/desks/`) from its `steps`, against the event folder
(`Here`) or through the laptop induk (`There`), sending the desk's own request
model either way. It keeps what a session holds between questions: a Kartu ID
scanned while another question was open is held for the next participant.
Reading and printing go through `present.hari` only.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..day.desk import chosen, chosen_many
from ..day.desks.base import Desk, Masuk, Round, Step
from ..errors import BursaError, Refused
from .counters import Here, There

END_WORDS = ("selesai", "keluar")


class Cancel(Exception):
    """This round ends without an entry; the desk asks for the next one."""


class End(Exception):
    """The input ended (EOF, selesai, keluar): the session closes."""


class Switch(Exception):
    """The line opens another desk's dialogue (a walk-in at registration), with what is known already."""

    def __init__(self, path: str, known: dict[str, Any]):
        super().__init__(path)
        self.path, self.known = path, known


def new_id() -> str:
    """A fresh `id_entri`: the desk's own name for one entry, kept while it is resent."""
    return secrets.token_hex(16)


def unfit(error: ValidationError) -> Refused:
    """A request the desk's model does not accept, as the desk says it."""
    wrong = error.errors()[0]
    return Refused.coded("BUR-M002", isian=".".join(map(str, wrong["loc"])) or "isi", sebab=wrong["msg"])


class Dialogue:
    """One terminal desk session: the scans held between questions, and the rounds of questions."""

    def __init__(self) -> None:
        self.held: list[str] = []

    # ---- the session

    def run(self, desk: Desk, folder: Path | None = None, perangkat: str | None = None, induk: str | None = None,
            token: str | None = None, gladi: bool = False, given: dict[str, Any] | None = None,
            once: bool = False) -> int:
        """Run `desk` until the end of input; the number of entries written.

        `given` holds what the command's options said: answers to steps (asked no
        more) and fields no step asks. With `once`, nothing is asked: the entry is
        sent as given and an answer other than written is the command's error.
        With answers given but not `once`, one round is asked for the rest.
        """
        from ..present import hari as show

        given = {key: value for key, value in (given or {}).items() if value is not None}
        self.held.clear()
        counter = self._counter(desk, folder, perangkat, induk, token, gladi, given)
        about = counter.about(desk)
        if once:
            return self._once(desk, counter, about, given)
        intro = desk.intro or " · ".join(step.ask.rstrip(": ") for step in desk.steps)
        who = " · ".join(str(part) for part in (about.get("meja") or about.get("perangkat"), about.get("ruang")) if part)
        show.show_desk(f"{desk.title} · {who} · {counter.where}",
                       [line for line in (about.get("acara", ""), *self._served(about), intro,
                                          "Ketik selesai untuk keluar.") if line], counter.problems)
        written = 0
        while True:
            try:
                written += self._round(desk, counter, about, given)
            except End:
                break
            except Cancel:
                pass
            if desk.steps and desk.steps[0].field in given:  # the options named this entry: one round
                break
        show.show_session_end(written, desk.title.lower(), counter.log_of(desk))
        return written

    def _counter(self, desk: Desk, folder, perangkat, induk, token, gladi: bool, given: dict) -> Here | There:
        """Where the desk records: checked before the first question, so a typo never waits for a scan."""
        from ..day.actions import check_name

        if induk:
            self._check_remote(induk, token, gladi)
            return There(induk, token)
        option = "--meja" if desk.named_by == "meja" else "--perangkat"
        if not perangkat:
            from ..errors import UsageError

            raise UsageError.coded("BUR-M036", pilihan=option)
        check_name(perangkat, option)
        day = self._open_day(folder, gladi)
        if desk.opens is not None:
            desk.opens(day, perangkat, given)
        return Here(day, perangkat)

    @staticmethod
    def _served(about: dict[str, Any]) -> list[str]:
        """The innovations a stamp desk serves, shown in its header."""
        if about.get("peran") != "stempel":
            return []
        return [*(f"{item['id']}  {item['judul']}" for item in about.get("inovasi") or []), ""]

    # ---- one entry

    def _once(self, desk: Desk, counter: Here | There, about: dict[str, Any], given: dict[str, Any]) -> int:
        """The entry the options describe, sent without a question; refused is the command's error."""
        from ..codes import CODES
        from ..present import hari as show

        values = dict(given)
        for step in desk.steps:
            if step.kind == "desa" and isinstance(values.get(step.field), str):
                values[step.field] = self._one_desa(desk, counter, values[step.field])
        reply = counter.record(desk, self._asked(desk, values))
        if reply.status in ("ditolak", "perlu_konfirmasi"):
            entry = CODES.get(reply.kode or "")
            raise Refused(reply.pesan, hint=entry.hint if entry else "", code=reply.kode or "")
        show.show_answer(reply)
        return 1 if reply.status == "tercatat" else 0

    def _round(self, desk: Desk, counter: Here | There, about: dict[str, Any], given: dict[str, Any]) -> int:
        """Ask one entry's steps and send it; 1 when written. `Cancel`/`End` end the round early."""
        from ..day.desks import desk_at
        from ..present import hari as show

        round = Round(about, about.get("sumber", {}).get(desk.path, {}),
                      {key: value for key, value in given.items() if key not in {step.field for step in desk.steps}})
        try:
            self._ask(desk, counter, round, given, first=True)
        except Switch as switch:  # a walk-in at registration: the walk-in desk's questions, then its entry
            desk = desk_at(switch.path)
            show.show_note(" · ".join([*(f"{key} {value}" for key, value in switch.known.items()), desk.intro]))
            round = Round(about, about.get("sumber", {}).get(desk.path, {}), dict(switch.known))
            self._ask(desk, counter, round, {}, first=False)
        return self._record(counter, desk, round.values)

    def _ask(self, desk: Desk, counter: Here | There, round: Round, given: dict[str, Any], first: bool) -> None:
        """The desk's steps in order, each answer kept in `round.values`; a step already answered, or
        whose `when` says no, is skipped."""
        for number, step in enumerate(desk.steps):
            if step.field in round.values or (step.when is not None and not step.when(round.values)):
                continue
            value = self._step(desk, step, counter, round, given.get(step.field), first=first and number == 0)
            if value is not None:
                round.values[step.field] = value

    def _asked(self, desk: Desk, values: dict[str, Any]) -> Masuk:
        try:
            return desk.model(id_entri=new_id(), **values)
        except ValidationError as error:
            raise unfit(error) from None

    def _record(self, counter: Here | There, desk: Desk, values: dict[str, Any]) -> int:
        """Send one entry as the desk's request model; a repeat is asked about first. 1 when written."""
        from ..present import hari as show

        try:
            asked = self._asked(desk, values)
        except Refused as error:
            show.show_refused(error)
            return 0
        reply = counter.record(desk, asked)
        if reply.status == "perlu_konfirmasi" and "ulang" in desk.model.model_fields:
            show.show_answer(reply)
            if not self._confirm(desk.again):
                show.show_note("Tidak dicatat.")
                return 0
            reply = counter.record(desk, asked.model_copy(update={"ulang": True, "id_entri": new_id()}))
        show.show_answer(reply)
        return 1 if reply.status == "tercatat" else 0

    # ---- one step

    def _step(self, desk: Desk, step: Step, counter: Here | There, round: Round, given: Any, first: bool) -> Any:
        """One answer as its field's value (None leaves the field empty); asked again after a wrong one."""
        from ..present import hari as show

        if given is not None and not isinstance(given, str):
            return given
        if step.kind == "alasan":
            return self._reasons(step, round)
        offered = self._offer(step, round) if step.kind in ("pilih", "pilih_banyak") and given is None else []
        if step.kind == "pilih" and len(offered) == 1 and not step.optional and given is None:
            show.show_note(f"{step.ask.split(' (')[0].rstrip(':')}: {show.choice_label(offered[0])}")
            return offered[0]["id"]  # one innovation on offer needs no choice
        while True:
            text = given if given is not None else self._read(step, round, first)
            given = None
            try:
                return self._answer(desk, step, counter, round, text.strip(), offered)
            except Refused as error:  # a wrong answer: said, and asked again (the first step: next round)
                show.show_refused(error)
                if first:
                    raise Cancel from None

    def _read(self, step: Step, round: Round, first: bool) -> str:
        """The line typed for `step`: a held scan first; the end of input ends the session."""
        from ..present import hari as show

        if first and self.held:
            return self.held.pop(0)
        default = round.about.get(step.default) if step.default else None
        prompt = f"{step.ask.rstrip(':')} [{default}]:" if default else step.ask
        if step.kind == "ya_tidak":
            prompt = f"{step.ask} (y/T)"
        while True:
            text = show.ask(prompt)
            if text is None:
                raise End
            if first and text.strip().lower() in END_WORDS:
                raise End
            if text.strip() or not first or step.optional:
                return text

    def _answer(self, desk: Desk, step: Step, counter, round: Round, text: str, offered: list[dict]) -> Any:
        """The value of one typed line for `step`; `Cancel` when the entry cannot go on."""
        from ..present import hari as show

        if step.kind == "ya_tidak":
            return self._yes(text)
        if not text:
            if step.default:
                return round.about.get(step.default)
            if step.optional:
                return None
            show.show_note("Tidak dicatat.")
            raise Cancel
        if step.kind == "pindai":
            return self._participant(desk, step, counter, round, text)
        if step.kind == "desa":
            return self._village(desk, step, counter, round, text)
        if self._is_scan(desk, counter, text, offered):  # the next participant's card, not an answer
            self._hold(text)
            raise Cancel
        if step.kind == "pilih":
            return chosen(text, offered)
        if step.kind == "pilih_banyak":
            return chosen_many(text, offered)
        if step.read is not None:
            return step.read(text, round)
        if step.kind == "angka":
            if not text.isdigit():
                raise Refused.coded("BUR-M041", isian=step.ask.rstrip(":?"), teks=text)
            return int(text)
        return text

    def _offer(self, step: Step, round: Round) -> list[dict[str, Any]]:
        """The numbered list of a `pilih` step, shown unless one item needs no choice."""
        from ..present import hari as show

        offered = round.offered[step.field] = step.offered(round)
        if len(offered) > 1 or step.kind == "pilih_banyak" or step.optional:
            show.show_choices(offered)
        return offered

    def _participant(self, desk: Desk, step: Step, counter, round: Round, text: str) -> str:
        """A Kartu ID scanned (or a name searched): the participant's id, after showing who it is."""
        from ..day.desk import NEW_WORDS, looks_scanned
        from ..present import hari as show
        from ..schema.types import SPARE_CARD

        if step.baru and text.lower() in NEW_WORDS:
            raise Switch(step.baru, {})
        if step.cari and not looks_scanned(text):
            found = counter.find_peserta(desk, text)
            if not found:
                show.show_note(f"Tidak ada peserta yang cocok dengan '{text}'."
                               + (" Ketik +baru untuk peserta tanpa undangan." if step.baru else ""))
                raise Cancel
            picked = show.pick([show.peserta_line(view) for view in found])
            if picked is None:
                raise Cancel
            round.peserta = found[picked]
            return round.peserta["id"]  # the list just showed who it is
        else:
            try:
                round.peserta = counter.peserta(desk, text)
            except BursaError as error:
                if step.baru and SPARE_CARD.match(text.upper()):
                    raise Switch(step.baru, {"kartu": text.upper()}) from None
                counter.refused(desk, error, text)
                show.show_refused(error)
                raise Cancel from None
        show.show_note(show.peserta_line(round.peserta))
        return round.peserta["id"]

    def _village(self, desk: Desk, step: Step, counter, round: Round, text: str) -> str:
        """A village by code or name, or a scanned participant's; with `look`, its stamps are shown."""
        from ..day.desk import looks_scanned
        from ..present import hari as show

        if looks_scanned(text):  # a Kepala Desa's Kartu ID: their village
            self._participant(desk, Step(step.field, step.ask, "pindai"), counter, round, text)
            kode = (round.peserta or {}).get("desa")
            if not kode:
                raise Refused.coded("BUR-M042", peserta=text.upper())
        else:
            found = counter.find_desa(text)
            if not found:
                raise Refused.coded("BUR-M011", desa=text)
            picked = 0 if len(found) == 1 else show.pick([f"{item['label']} ({item['kode']})" for item in found])
            if picked is None:
                raise Cancel
            kode = found[picked]["kode"]
        if step.look:
            round.desa = counter.desa(kode)
            show.show_village(round.desa)
        return kode

    def _one_desa(self, desk: Desk, counter, text: str) -> str:
        """The one village an option names (a code, a name, a participant's id); refused otherwise."""
        from ..day.desk import looks_scanned

        if looks_scanned(text):
            view = counter.peserta(desk, text)
            if view.get("desa"):
                return view["desa"]
        found = counter.find_desa(text)
        if len(found) == 1:
            return found[0]["kode"]
        if not found:
            raise Refused.coded("BUR-M011", desa=text.strip())
        shown = ", ".join(f"{item['label']} ({item['kode']})" for item in found[:5])
        raise Refused.coded("BUR-M012", teks=text.strip(), jumlah=len(found), desa=shown)

    def _reasons(self, step: Step, round: Round) -> dict[str, str]:
        """One text for each item the step names (an innovation chosen without a stamp)."""
        from ..present import hari as show

        reasons = {}
        for item in step.each(round) if step.each else []:
            reasons[item] = (show.ask(step.ask.format(item=item)) or "").strip()
        return reasons

    def _yes(self, text: str) -> bool:
        from ..day.desk import read_confirm
        from ..present import hari as show

        answer = read_confirm(text)
        if not answer.answered:
            self._hold(answer.scan)
            show.show_note("Tidak dicatat; catat lagi setelah peserta berikutnya.")
            raise Cancel
        return answer.yes

    def _is_scan(self, desk: Desk, counter, text: str, offered: list[dict[str, Any]]) -> bool:
        """Whether a line typed where an answer was asked is a participant's Kartu ID (a spare one too)."""
        from ..day.desk import looks_scanned
        from ..schema.types import SPARE_CARD

        if not looks_scanned(text) or any(str(item["id"]).upper() == text.upper() for item in offered):
            return False
        if SPARE_CARD.match(text.upper()):
            return True
        try:
            counter.peserta(desk, text)
        except BursaError:
            return False
        return True

    # ---- yes or no, held scans

    def _confirm(self, question: str) -> bool:
        """Ask yes/no; a scanned Kartu ID is not an answer: it is held for the next participant."""
        from ..day.desk import read_confirm
        from ..present import hari as show

        answer = read_confirm(show.ask(f"{question} (y/T)"))
        if not answer.answered:
            self._hold(answer.scan)
        return answer.yes

    def _hold(self, scan: str) -> None:
        from ..present import hari as show

        show.show_scan_held(scan.strip())
        self.held.append(scan.strip())

    # ---- where the desk records

    def _open_day(self, folder: Path, gladi: bool):
        """The day (or its rehearsal) at `folder`; a rehearsal says so before anything else."""
        from ..day import Day
        from ..present import hari as show

        day = Day.open(folder, gladi)
        if gladi:
            show.show_rehearsal(day.area.logs)
        return day

    def _check_remote(self, url: str, token: str | None, gladi: bool) -> None:
        """A desk told `--gladi` only records through an induk that runs the rehearsal; an induk in
        the rehearsal is said to be one, flag or not."""
        from ..errors import UsageError
        from ..present import hari as show
        from ..web.client import Induk

        remote = bool(Induk(url, token).about().get("gladi"))
        if gladi and not remote:
            raise UsageError.coded("BUR-M035")
        if remote:
            show.show_rehearsal("gladi/log")

