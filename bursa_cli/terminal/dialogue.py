"""The terminal desks' one loop: a desk's steps asked one line at a time, recorded here or at the induk.

A USB QR scanner types the id and Enter, so every desk reads one line at a
time and ends at the end of input or on `selesai`/`keluar`. `Dialogue` holds
what a desk session keeps between questions (a scan typed while a yes/no
question was open is held for the next participant) and runs any desk of the
registry from its `steps`: locally against the event folder (`Here`) or through
the laptop induk (`There`), sending the desk's own request model either way.
Reading and printing go through `present.hari` only.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import Duplicate, Refused, Repeat
from ..day.desks.base import Desk, Masuk, Reply, Step

END_WORDS = ("selesai", "keluar")


def new_id() -> str:
    """A fresh `id_entri`: the desk's own name for one entry, kept while it is resent."""
    return secrets.token_hex(16)


def unfit(error: ValidationError) -> Refused:
    """A request the desk's model does not accept, as the desk says it."""
    wrong = error.errors()[0]
    return Refused.coded("BUR-M002", isian=".".join(map(str, wrong["loc"])) or "isi", sebab=wrong["msg"])


class Here:
    """Recording against the event folder at this laptop."""

    def __init__(self, day, name: str):
        self.day, self.name = day, name
        self.where = f"{day.area.logs}"

    def sources(self, desk: Desk) -> dict[str, list[dict[str, Any]]]:
        return desk.sources(self.day, self.name) if desk.sources else {}

    def record(self, desk: Desk, asked: Masuk) -> Reply:
        """The desk's answer, as the laptop induk would give it; a refusal is an answer too."""
        from ..day.journal import record
        from ..day.refusals import note_refusal

        try:
            result = record(self.day, desk.record, self.name, asked)  # on disk when it returns
        except Duplicate as resent:
            return Reply("sudah_tercatat", resent.message, resent.earlier.file, resent.earlier.line)
        except Repeat as repeat:
            return Reply("perlu_konfirmasi", repeat.message, repeat.earlier.file, repeat.earlier.line)
        except Refused as error:
            note_refusal(self.day, desk.peran, self.name, error)
            return Reply("ditolak", error.message, kode=error.code or None)
        return desk.answer(self.day, result, lambda p: {"id": p.id, "nama": p.nama})


class There:
    """Recording through the laptop induk (`--induk URL --token T`)."""

    def __init__(self, url: str, token: str | None):
        from ..web.client import Induk

        self.induk = Induk(url, token)
        self.about = self.induk.about()
        self.where = f"laptop induk {self.induk.url}"

    def sources(self, desk: Desk) -> dict[str, list[dict[str, Any]]]:
        return self.about.get("sumber", {}).get(desk.path, {})

    def record(self, desk: Desk, asked: Masuk):
        return self.induk.record(desk.path, asked)


class Dialogue:
    """One terminal desk session: the scans held between questions, and the questions themselves."""

    def __init__(self) -> None:
        self.held: list[str] = []

    def run(self, desk: Desk, folder: Path | None = None, perangkat: str | None = None, induk: str | None = None,
            token: str | None = None, gladi: bool = False) -> int:
        """Any desk of the registry by its steps, until the end of input; the number of entries written."""
        from ..day.actions import check_name
        from ..present import hari as show

        self.held.clear()
        if induk:
            self._check_remote(induk, token, gladi)
            counter: Here | There = There(induk, token)
        else:
            self._need(perangkat, "--perangkat")
            check_name(perangkat)
            counter = Here(self._open_day(folder, gladi), perangkat)
        sources = counter.sources(desk)
        show.show_desk(f"{desk.title} · {counter.where}", [
            " · ".join(step.ask.rstrip(": ") for step in desk.steps), "Ketik selesai untuk keluar."])
        written = 0
        while (values := self._ask_steps(desk, sources)) is not None:
            if values:
                written += self._record(counter, desk, values)
            else:
                show.show_note("Tidak dicatat.")
        show.show_session_end(written, desk.title, counter.where)
        return written

    def _ask_steps(self, desk: Desk, sources: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
        """The answers to one round of the desk's steps; {} when cancelled, None at the end of input."""
        from ..present import hari as show

        values: dict[str, Any] = {}
        for number, step in enumerate(desk.steps):
            text = self._line(step.ask) if number == 0 else show.ask(step.ask)
            if text is None:
                return None
            value = self._read_step(step, text.strip(), sources.get(step.source, []))
            if value is None:
                if not step.optional:
                    return {}
                continue
            values[step.field] = value
        return values

    def _read_step(self, step: Step, text: str, offered: list[dict[str, Any]]) -> Any:
        """One answer as its field's value; None when left empty (or a Kartu ID was scanned instead)."""
        from ..day.desk import read_confirm

        if step.kind == "ya_tidak":
            answer = read_confirm(text)
            if not answer.answered:
                self._hold(answer.scan)
                return None
            return answer.yes
        if not text:
            return None
        if step.kind == "pilih" and text.isdigit() and 1 <= int(text) <= len(offered):
            return offered[int(text) - 1]["id"]
        if step.kind == "angka" and text.isdigit():
            return int(text)
        return text

    def _record(self, counter: Here | There, desk: Desk, values: dict[str, Any]) -> int:
        """Send one entry as the desk's request model; a repeat is asked about first. 1 when written."""
        from ..present import hari as show

        try:
            asked = desk.model(id_entri=new_id(), **values)
        except ValidationError as error:
            show.show_refused(unfit(error))
            return 0
        reply = counter.record(desk, asked)
        if reply.status == "perlu_konfirmasi" and "ulang" in desk.model.model_fields:
            show.show_answer(reply)
            if not self._confirm("Catat lagi?"):
                show.show_note("Tidak dicatat.")
                return 0
            reply = counter.record(desk, asked.model_copy(update={"ulang": True, "id_entri": new_id()}))
        show.show_answer(reply)
        return 1 if reply.status == "tercatat" else 0

    def _line(self, prompt: str) -> str | None:
        """The next non-empty line, or None at the end (EOF, selesai, keluar); a held scan comes first."""
        from ..present import hari as show

        if self.held:
            return self.held.pop(0)
        while True:
            answer = show.ask(prompt)
            if answer is None:
                return None
            text = answer.strip()
            if text.lower() in END_WORDS:
                return None
            if text:
                return text

    def _confirm(self, question: str) -> bool:
        """Ask yes/no; a scanned Kartu ID is not an answer: it is held for the next participant."""
        from ..day.desk import read_confirm
        from ..present import hari as show

        answer = read_confirm(show.ask(f"{question} (y/T)"))
        if not answer.answered:
            self._hold(answer.scan)
        return answer.yes

    def _confirmed(self, record, question: str, declined: str = ""):
        """`record()`; on a Repeat, warn and ask, then `record(ulang=True)`. None when the officer says no."""
        from ..day import Repeat
        from ..present import hari as show

        try:
            return record()
        except Repeat as repeat:
            show.show_repeat(repeat)
            if not self._confirm(question):
                if declined:
                    show.show_note(declined)
                return None
            return record(ulang=True)

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

    def _refused(self, day, peran: str, name: str, error, text: str = "") -> None:
        """Say why an entry was refused; in a rehearsal the refusal is noted for `rekap --gladi`."""
        from ..day.refusals import note_refusal
        from ..present import hari as show

        note_refusal(day, peran, name, error, text)
        show.show_refused(error)

    def _hold(self, scan: str) -> None:
        from ..present import hari as show

        show.show_scan_held(scan.strip())
        self.held.append(scan.strip())

    def _need(self, value: str | None, option: str) -> None:
        """A desk's own name is required unless it records through the laptop induk (which knows it)."""
        from ..errors import UsageError

        if not value:
            raise UsageError.coded("BUR-M036", pilihan=option)
