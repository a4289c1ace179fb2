"""The laptop induk's one view of the day: every desk's request goes through here.

`Hub` holds the event and the day's logs (a `Day`), the live summary and the
paired devices. Each method takes the device that asked and one request,
calls one `day/` action and turns its outcome into a `Jawaban`. Entries go
through the day's `Journal` (`day/journal.py`), which batches them, syncs each
log once and only then lets the answers go, so an answer of "tercatat" means
the entry is on disk; this module keeps the event loop and the HTTP edge.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any, Callable, TypeVar

from ..certify.codes import key_state
from ..errors import BursaError, Forbidden, NotFound
from ..schema.models import Peserta
from ..schema.types import BIDANG_LABEL
from ..day import Day, LiveSummary, Refused, Repeat
from ..day.actions import Duplicate, known_desa, known_peserta
from ..day.desks import Desk, Masuk, views
from ..day.journal import Journal
from ..day.devices import DEVICES_FILE, Perangkat, device_for_token, list_devices, server_secret, state_dir
from .models import Jawaban, Ringkasan, Terakhir


T = TypeVar("T")


class Hub:
    """The event, the day's logs and the paired devices, behind one lock."""

    def __init__(self, root: Path, gladi: bool = False):
        self.root = Path(root)
        self.gladi = gladi  # the rehearsal: entries go to gladi/log/, devices stay the event's
        self.day = Day.open(self.root, gladi)
        self.live = LiveSummary(self.root, gladi)
        self.secret = server_secret(self.root)
        self._lock = threading.RLock()
        self._certificate_lock = threading.Lock()
        self.journal = Journal(self.day, self._lock)  # the day's one writer while the server runs
        self._devices_lock = threading.Lock()  # apart from the writer's: checking a token never waits on a sync
        self._devices: list[Perangkat] = []
        self._devices_seen: tuple[int, int] | None = None

    # ---- devices

    def authenticate(self, token: str) -> Perangkat | None:
        """The active device holding this token; a device revoked a moment ago is refused at once."""
        with self._devices_lock:
            path = state_dir(self.root) / DEVICES_FILE
            try:
                stat = path.stat()
                seen = (stat.st_mtime_ns, stat.st_size)
            except FileNotFoundError:
                seen = None
            if seen != self._devices_seen:
                self._devices = list_devices(self.root)
                self._devices_seen = seen
            return device_for_token(self._devices, token)

    def devices(self) -> list[Perangkat]:
        with self._devices_lock:
            return list_devices(self.root)

    # ---- who the device is and what it serves

    def about(self, device: Perangkat) -> dict[str, Any]:
        """What a desk page needs to start, and to keep working offline."""
        with self._lock:
            return views.about(self.day, device.peran, device.log_name, perangkat=device.id, meja=device.meja,
                               nama=device.nama, gladi=self.gladi)

    def peserta(self, device: Perangkat, peserta_id: str) -> dict[str, Any]:
        """One participant as the desk may see them: phone numbers only at registration."""
        with self._lock:
            self.day.refresh()
            return views.peserta_view(self.day, _found(lambda: known_peserta(self.day, peserta_id), "BUR-W031"),
                                      device.peran)

    def search_peserta(self, device: Perangkat, text: str) -> list[dict[str, Any]]:
        with self._lock:
            self.day.refresh()
            return views.found_peserta(self.day, text, device.peran)

    def search_desa(self, text: str) -> list[dict[str, str]]:
        with self._lock:
            return views.found_desa(self.day, text)

    def desa(self, kode: str) -> dict[str, Any]:
        """A village at Jendela 3: its stamps from every desk and the card in force, if any."""
        with self._lock:
            return _found(lambda: views.desa_view(self.day, kode), "BUR-W032")

    # ---- entries

    async def record(self, desk: Desk, device: Perangkat, asked: Masuk) -> Jawaban:
        """One entry at `desk`, recorded under the device's own name (or its consultation desk's)."""
        name = device.log_name
        if desk.named_by == "meja":
            wanted = getattr(asked, "meja", None)
            if wanted and wanted != device.meja:
                raise Forbidden.coded("BUR-W024", perangkat=device.id, meja=device.meja, diminta=wanted)
            name = device.meja or ""

        def run() -> Jawaban:
            result = desk.record(self.day, name, asked)
            reply = desk.answer(self.day, result, lambda peserta: self._peserta(device, peserta))
            return Jawaban(**reply.fields())
        return await self._entry(run)

    def certificate(self, kode: str) -> tuple[bytes, str]:
        """One village's certificate as a PDF, for Jendela 3 to hand over on the spot.

        Refused (with the reason) while its card in force lacks a signature.
        """
        from ..render.job import Options, produce

        with self._lock:
            self.day.refresh()
            kode = _found(lambda: known_desa(self.day, kode), "BUR-W032")
            card = self.day.commitments.get(kode)
        if card is None:
            raise NotFound.coded("BUR-W025", desa=self.day.desa_label(kode))
        if key_state(self.root) != "ada":
            raise BursaError.coded("BUR-W026")
        with self._certificate_lock:  # rendering takes a second: other desks keep being served meanwhile
            # An unsigned card in force is refused there, with the card's file and line.
            kept = produce("sertifikat", self.root, Options(desa=[kode], ulang=True, gladi=self.gladi)).outputs[0].kept
            path = kept.folder / kept.done[0].name
            return path.read_bytes(), f"sertifikat-{kode}.pdf"

    def summary(self) -> Ringkasan:
        """The board of the day: counts from the logs, and who has not arrived."""
        with self._lock:
            summary = self.live.refresh()
            self.day.refresh()
            missing = [p for p in self.day.event.peserta if p.konfirmasi == "ya" and p.id not in self.day.checked_in]
            arrived_villages = {self.day.peserta(pid).desa for pid in self.day.checked_in
                                if self.day.peserta(pid) is not None}
            return Ringkasan(
                diundang=summary.invited, konfirmasi=summary.confirmed, hadir=summary.registered,
                hadir_konfirmasi=summary.registered_confirmed, tanpa_undangan=summary.walk_ins,
                stempel=summary.stamps, stempel_per_ruang=summary.stamps_by_room,
                stempel_per_meja=summary.stamps_by_desk, penilaian=summary.ratings, ide=summary.ideas,
                desa_berkomitmen=summary.villages, desa_total=summary.villages_total,
                komitmen_per_bidang=summary.commitments_by_bidang, belum_ditandatangani=summary.unsigned,
                terakhir=[Terakhir(waktu=item.waktu, jenis=item.kind, teks=item.text) for item in summary.latest],
                masalah=[problem.as_json() for problem in summary.problems], nama_ruang=summary.room_names,
                ruang_meja=summary.room_of, diperbarui=summary.refreshed, belum_hadir=len(missing),
                desa_belum_hadir=sorted(self.day.desa_label(kode) for kode in self.day.desa
                                        if kode not in arrived_villages),
                label_bidang=BIDANG_LABEL)

    # ---- shared

    async def _entry(self, run: Callable[[], Jawaban]) -> Jawaban:
        """Hand one action to the day's journal and wait for its answer, given once the entry is on disk."""
        loop = asyncio.get_running_loop()
        job: asyncio.Future[Jawaban] = loop.create_future()

        def deliver(answer: Jawaban | None, error: BaseException | None) -> None:
            loop.call_soon_threadsafe(_settle, job, answer, error)

        self.journal.submit(run, deliver, explain=_refusal)
        return await job

    def _peserta(self, device: Perangkat, peserta: Peserta) -> dict[str, Any]:
        return views.peserta_view(self.day, peserta, device.peran)


def _found(look: Callable[[], T], code: str) -> T:
    """What the address names (a participant, a village); unknown is `NotFound` (404), with the desk's
    own message, and its code (`code` when the refusal has none)."""
    try:
        return look()
    except Refused as refused:
        raise NotFound(refused.message, hint=refused.hint, code=refused.code or code) from None


def _refusal(error: Exception) -> Jawaban:
    """A refusal raised by a desk's action, as its answer; anything else (a bug) is raised again."""
    if isinstance(error, Duplicate):  # the journal has synced the earlier entry's log
        return Jawaban(status="sudah_tercatat", pesan=error.message, berkas=error.earlier.file,
                       baris=error.earlier.line)
    if isinstance(error, Repeat):
        earlier = error.earlier
        return Jawaban(status="perlu_konfirmasi", pesan=error.message, kode=error.code or "BUR-W030",
                       berkas=earlier.file if earlier else None, baris=earlier.line if earlier else None)
    if isinstance(error, BursaError) and not isinstance(error, Forbidden):
        pesan = error.message + (f" {error.hint}" if error.hint and "--" not in error.hint else "")
        coded = [c for c in (getattr(error, "code", ""), *(p.code for p in error.problems)) if c]
        return Jawaban(status="ditolak", pesan=pesan, kode=coded[0] if coded else "BUR-W016")
    raise error


def _settle(job: asyncio.Future, answer: Jawaban | None, error: BaseException | None) -> None:
    if job.cancelled():
        return  # the desk went away; its entry stands, and a resend is answered "sudah tercatat"
    if error is not None:
        job.set_exception(error)
    else:
        job.set_result(answer)

