"""A terminal desk talking to the laptop induk (`--induk URL --token T`) through the JSON API.

The desk sends each entry with its own `id_entri` and resends it, with the same
id, while the induk cannot be reached: the induk writes it once whatever
happens, so retrying is always safe.
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import quote
from typing import Any

import httpx

from ..errors import UsageError
from .models import Jawaban, Masuk

RETRIES = 5
PAUSE = 2.0


class Induk:
    """The laptop induk as one paired device sees it."""

    def __init__(self, url: str, token: str | None, retries: int = RETRIES, pause: float = PAUSE):
        if not token:
            raise UsageError.coded("BUR-W020")
        if not url.startswith(("http://", "https://")):
            raise UsageError.coded("BUR-W021", url=url)
        self.url = url.rstrip("/")
        self.retries, self.pause = retries, pause
        self._client = httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {token}"}, timeout=15)

    def about(self) -> dict[str, Any]:
        return self._get("/api/v1/saya")

    def find_peserta(self, text: str) -> list[dict[str, Any]]:
        return self._get("/api/v1/peserta", params={"cari": text})

    def get_peserta(self, peserta_id: str) -> dict[str, Any]:
        return self._get(f"/api/v1/peserta/{quote(peserta_id.strip(), safe='')}")

    def find_desa(self, text: str) -> list[dict[str, Any]]:
        return self._get("/api/v1/desa", params={"cari": text})

    def get_desa(self, kode: str) -> dict[str, Any]:
        return self._get(f"/api/v1/desa/{quote(kode, safe='')}")

    def record(self, path: str, asked: Masuk) -> Jawaban:
        """Send one entry to the desk at /api/v1/`path`, as its request model (`day/desks/`)."""
        return self.send(f"/api/v1/{path}", asked.model_dump(mode="json"))

    def send(self, path: str, body: dict[str, Any]) -> Jawaban:
        """Send one entry; resent with the same id while the induk is out of reach."""
        body = {**body, "id_entri": body.get("id_entri") or secrets.token_hex(16)}
        for attempt in range(self.retries):
            try:
                answer = self._client.post(path, json=body)
            except httpx.TransportError:
                if attempt + 1 == self.retries:
                    raise UsageError.coded("BUR-W022", url=self.url) from None
                time.sleep(self.pause)
                continue
            self._refuse_access(answer)
            return Jawaban.model_validate({"status": "ditolak", "pesan": "", **answer.json()})
        raise AssertionError("unreachable")  # teks bebas: invarian internal, perulangan di atas selalu kembali atau menolak

    def _get(self, path: str, params: dict | None = None) -> Any:
        try:
            answer = self._client.get(path, params=params)
        except httpx.TransportError:
            raise UsageError.coded("BUR-W023", url=self.url) from None
        self._refuse_access(answer)
        if answer.status_code >= 400:
            raise _refused(answer)
        return answer.json()

    @staticmethod
    def _refuse_access(answer: httpx.Response) -> None:
        if answer.status_code in (401, 403):
            raise _refused(answer)

    def close(self) -> None:
        self._client.close()


def _refused(answer: httpx.Response) -> UsageError:
    """The induk's refusal as the terminal shows it: its message and code (BUR-W033 when it sent none)."""
    try:
        data = answer.json()
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    if not data.get("pesan"):
        return UsageError.coded("BUR-W033", status=answer.status_code)
    return UsageError(str(data["pesan"]), code=str(data.get("kode") or ""))
