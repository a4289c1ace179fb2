"""Academic and religious titles in a person's name, and the name without them.

Permendagri 1/2023 Pasal 44 writes the signatory of a decree, a piagam or a
certificate without titles, and of a letter with them (`render/ttd.py`). The
names in acara.yaml are written as the person signs letters ("Drs. Bambang
Sutrisno, M.Si."), so the bare name is derived, never typed twice.

Why a list and not "anything with a dot": "Moh." and "Muh." (Mohammad) are
names, and a name may hold initials ("R. Ayu", "Sri W. Lestari"), which are
not titles and stay.
"""

from __future__ import annotations

import re

# Written before the name. Compared without dots, spaces and letter case ("Dr." = "DR" = "dr.").
PREFIXES = frozenset({
    "dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "ust", "ustz", "ustadz", "drh", "drg", "ns", "apt",
    "profdr", "profir", "ird", "ars",
})
# Written after the name, after a comma. S.x / M.x / D.x families are matched by SUFFIX_PATTERN.
SUFFIXES = frozenset({
    "amd", "amdkeb", "amdkep", "amdkom", "amdak", "amdpar", "amdtrans", "lc", "ma", "mag", "ba", "bsc", "msc",
    "mba", "mpa", "mph", "phd", "ak", "ca", "cpa", "apt", "sp", "spd", "mm", "mt", "mh", "mkn", "mkes", "msi",
    "mpd", "map", "dipl", "psi", "mpsi", "mkom", "meng", "mtr", "sked", "sst", "sstp", "stp", "sip", "qia",
    "cfa", "mhum", "mhi", "mpdi", "msos", "mae", "mtp", "llm", "sh", "se", "spd", "skom", "ssos", "sag",
    "spdi", "st", "sp", "skm", "sked", "ssi", "sip", "sikom", "shi", "sthi",
})
# S.Pd., S.H., S.E., S.Kom., S.Sos., S.STP., S.IP., S.Tr.Sos., M.Si., M.A.P., D.III, Sp.A., ...
SUFFIX_PATTERN = re.compile(
    r"^(?:[SM]\.\s?[A-Za-z]{1,5}(?:\.\s?[A-Za-z]{1,5}){0,2}|Sp\.\s?[A-Za-z]{1,4}(?:\.\s?[A-Za-z]{1,4})?"
    r"|D[-.\s]?(?:I{1,3}|IV))\.?$")
_SPLIT = re.compile(r"\s*,\s*")


def _key(word: str) -> str:
    return re.sub(r"[.\s]", "", word).lower()


def is_title(word: str, prefix: bool) -> bool:
    """Whether `word` (one token, dots kept) is an academic or religious title."""
    key = _key(word)
    if not key:
        return False
    if prefix:
        # "H." and "Hj." are titles; "H" without a dot could be an initial, but no name is written "H Ahmad"
        # in a letter head, so the key alone decides; a single other letter ("R.", "A.") is an initial.
        return key in PREFIXES and (len(key) > 1 or word.endswith(".") or key == "h")
    return key in SUFFIXES or bool(SUFFIX_PATTERN.match(word.strip()))


def strip_titles(nama: str) -> str:
    """'Drs. H. Bambang Sutrisno, S.H., M.Si.' -> 'Bambang Sutrisno'.

    Titles before the name are dropped word by word; after the first comma,
    every part that is a title is dropped (a part that is not, e.g. a clan
    name written after a comma, is kept).
    """
    text = " ".join(nama.split())
    head, *tail = _SPLIT.split(text)
    words = head.split(" ")
    while len(words) > 1 and _prefix_run(words[0]):
        words.pop(0)
    # A suffix title written without a comma ("Bambang Sutrisno M.Si") is dropped too.
    while len(words) > 1 and "." in words[-1] and is_title(words[-1], prefix=False):
        words.pop()
    kept = [part for part in tail if part and not all(is_title(w, prefix=False) for w in _suffix_words(part))]
    return ", ".join([" ".join(words), *kept])


def _prefix_run(word: str) -> bool:
    """A title before the name, or several written together ("Prof.Dr.Ir.")."""
    pieces = re.findall(r"[^.]+\.?", word)
    return bool(pieces) and all(is_title(piece, prefix=True) for piece in pieces)


def _suffix_words(part: str) -> list[str]:
    """A part after a comma as its titles: 'S.H. M.H.' written with a space -> two titles."""
    return [w for w in part.split(" ") if w] or [part]

