"""`bursa cetak poster` and `bursa cetak katalog`: the menu of kept innovations.

Both show each kept innovation with its room, stand and desk (see
`stands.assign_stands`). Long texts are fitted rather than left to overflow:
the font shrinks in steps with the length, and a summary past what a poster
can hold is cut at a word with an ellipsis (the catalogue prints it whole).
"""

from __future__ import annotations

from markupsafe import Markup

from .. import indo

from ..schema.models import Inovasi
from ..schema.types import BIDANG_LABEL, BIDANG_ORDER, BIDANG_WARNA
from ..stands import Stand, assign_stands
from .qr import is_link, qr_svg

POSTER_SUMMARY_MAX = 900  # characters a poster holds at its smallest summary size


def fit(text: str, steps: tuple[tuple[int, float], ...]) -> float:
    """The font size for `text`: the first step whose length limit it fits, else the last size."""
    for limit, size in steps:
        if len(text) <= limit:
            return size
    return steps[-1][1]


def clamp(text: str, limit: int) -> str:
    """`text` cut at a word before `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + " \u2026"


def kept_items(job) -> list[tuple[Inovasi, Stand]]:
    """Kept innovations with their stands (none kept, or one without a room: refused by the gate)."""
    event = job.event
    kept = event.inovasi_terpilih
    stands = assign_stands(event)
    return [(i, stands[i.id]) for i in kept]


def describe(event, inovasi: Inovasi, stand: Stand) -> dict:
    """What a poster or catalogue entry shows of one innovation."""
    target = (inovasi.dokumen_pembelajaran or "").strip()
    return {
        "inovasi": inovasi,
        "stand": stand,
        "bidang_label": BIDANG_LABEL[inovasi.bidang],
        "warna": BIDANG_WARNA[inovasi.bidang],
        "p2ktd": [event.p2ktd_by_id[p] for p in inovasi.p2ktd if p in event.p2ktd_by_id],
        "qr": qr_svg(target) if target and is_link(target) else None,
        "dokumen": target,
        "anchor": anchor(inovasi.id),
        "bukti": evidence(inovasi),
    }


def evidence(inovasi: Inovasi) -> dict | None:
    """"direplikasi 12 desa, Rp1,4 M dianggarkan": what the follow-up of an earlier Bursa showed."""
    found = inovasi.bukti
    if found is None or not (found.desa_direplikasi or found.desa_dianggarkan):
        return None
    parts = []
    if found.desa_direplikasi:
        parts.append(f"direplikasi {found.desa_direplikasi} desa")
    elif found.desa_dianggarkan:
        parts.append(f"dianggarkan {found.desa_dianggarkan} desa")
    if found.nilai_apbdes:
        parts.append(f"{indo.rupiah_singkat(found.nilai_apbdes)} dianggarkan")
    return {"teks": ", ".join(parts), "sumber": f"tindak lanjut {found.acara}, per {indo.tanggal(found.per)}"}


def build_poster(job) -> None:
    """One poster per kept innovation, in acara.yaml's poster paper."""
    items = kept_items(job)
    event = job.event
    posters = []
    clamped = 0
    for inovasi, stand in job.sample(items):
        entry = describe(event, inovasi, stand)
        summary = clamp(inovasi.ringkasan, POSTER_SUMMARY_MAX)
        clamped += summary != inovasi.ringkasan
        benefits = [clamp(m, 160) for m in inovasi.manfaat[:6]]
        body = len(summary) + sum(len(m) for m in benefits)
        entry.update(
            ringkasan=summary,
            manfaat=benefits,
            manfaat_lain=max(0, len(inovasi.manfaat) - 6),
            judul_pt=fit(inovasi.judul, ((40, 50), (70, 42), (110, 34), (160, 28), (10**9, 23))),
            isi_pt=fit("x" * body, ((250, 30), (400, 26), (600, 22), (900, 19.5), (10**9, 17))),
        )
        posters.append(entry)
    if clamped:
        job.notes.append(f"Ringkasan {clamped} poster dipotong agar muat; katalog memuat ringkasan lengkap.")
    kertas = job.acara.dokumen.kertas_poster
    job.pdf(job.output_name("poster"), "poster.html",
            {"posters": posters, "kertas": kertas, "skala": 1.0 if kertas == "A3" else 0.7071,
             "contoh": job.preview},
            title=f"Poster inovasi - {job.acara.nama}",
            what=f"{len(posters)} poster {kertas}, satu per inovasi yang dipertahankan", split="posters")


def build_katalog(job) -> None:
    """The catalogue booklet: cover, the three Jendela, every innovation by bidang and room, an index."""
    items = kept_items(job)
    event = job.event
    items = job.sample(items)
    sections = []
    for bidang in BIDANG_ORDER:
        rooms: dict[str, list[dict]] = {}
        for inovasi, stand in items:
            if inovasi.bidang == bidang:
                rooms.setdefault(stand.ruang.kode, []).append(describe(event, inovasi, stand))
        if not rooms:
            continue
        groups = []
        for kode in sorted(rooms, key=list(event.ruang_by_kode).index):
            entries = sorted(rooms[kode], key=lambda e: e["stand"].nomor)
            groups.append({"ruang": event.ruang_by_kode[kode], "entries": entries})
        sections.append({"bidang": bidang, "label": BIDANG_LABEL[bidang], "warna": BIDANG_WARNA[bidang],
                         "groups": groups, "jumlah": sum(len(g["entries"]) for g in groups)})
    index = sorted(({"judul": i.judul, "anchor": anchor(i.id), "stand": s} for i, s in items),
                   key=lambda e: e["judul"].casefold())
    rooms = [r for r in event.acara.tempat.ruang]
    context = {"sections": sections, "indeks": index, "ruang": rooms, "jumlah": len(items), "catatan": 0,
               "contoh": job.preview}
    title = f"Katalog inovasi - {job.acara.nama}"

    def make() -> bytes:
        # A booklet is printed on folded sheets: pad to a multiple of 4 pages with note pages.
        renderer = job.renderer
        document = renderer.document(renderer.html("katalog.html", context, title))
        pad = -len(document.pages) % 4
        if pad:
            notes = renderer.document(renderer.html("katalog.html", {**context, "catatan": pad}, title))
            document = document.copy(document.pages + notes.pages)
        output.pages = len(document.pages)
        return renderer.write(document)

    job.file(job.output_name("katalog"), make,
             f"katalog {job.acara.dokumen.kertas_katalog}, {len(items)} inovasi dengan indeks")
    output = job.outputs[-1]
    output.parts, output.title = [("katalog.html", context)], title  # for golden HTML and previews


def anchor(inovasi_id: str) -> Markup:
    """An id usable as an HTML anchor for the index's page numbers."""
    return Markup("ino-" + "".join(c if c.isalnum() else "-" for c in inovasi_id))
