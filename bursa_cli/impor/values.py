"""Turn spreadsheet cells into clean values: text, phone numbers, NIP, roles, fields.

Each parser returns the clean value or raises `BadValue` with an Indonesian
message. Cells arrive as whatever openpyxl or csv gave: str, int, float,
datetime or None.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ..codes import message_of
from ..schema.models import PERAN_LABEL
from ..schema.types import BIDANG_LABEL, BIDANG_SHORT


class BadValue(ValueError):
    """A cell whose content cannot be used; the message says why, in Indonesian, under its catalogue code."""

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.code = code

    @classmethod
    def coded(cls, code: str, **fields) -> "BadValue":
        return cls(message_of(code, **fields), code)


def norm(text: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: 'No. HP/WA ' -> 'no hp wa'."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def text(value: object) -> str:
    """A cell as plain text ('' when empty); whole numbers lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


_SCIENTIFIC = re.compile(r"^([0-9]+)(?:[.,]([0-9]*))?[eE]\+?([0-9]+)$")


def _whole_digits(number: int) -> str:
    """A phone number Excel stored as a number; refused, like its CSV form, when it looks cut.

    Why: a number shown as 8.12346E+10 and saved again keeps only six digits and zeros
    (81234600000). In CSV that is refused for its notation; the same number in an .xlsx
    cell is refused by the run of zeros that replaced the lost digits.
    """
    digits = str(number)
    significant = digits.rstrip("0")
    if len(digits) >= 10 and len(digits) - len(significant) >= 4 and len(significant) <= 7:
        raise BadValue.coded("BUR-I136", nomor=digits)
    return digits


def phone(value: object) -> str:
    """An Indonesian phone number as '08...' digits.

    Why so careful: Excel turns typed numbers into floats, dropping the leading
    0 (81234567890) and, in CSV exports, writing them in scientific notation
    with digits cut off (8.12346E+10). A number is only recovered when every
    digit survived; otherwise it is refused, never guessed.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        raise BadValue.coded("BUR-I137")
    if isinstance(value, float):
        if not value.is_integer() or value >= 1e15:
            raise BadValue.coded("BUR-I138", nomor=value)
        digits = _whole_digits(int(value))
    elif isinstance(value, int):
        digits = _whole_digits(value)
    else:
        raw = str(value).strip().lstrip("'")  # '0812... : the apostrophe some type to force text
        match = _SCIENTIFIC.match(raw.replace(" ", ""))
        if match:
            head, tail, exponent = match.group(1), match.group(2) or "", int(match.group(3))
            significant = (head + tail).lstrip("0")
            number = Decimal(head + "." + (tail or "0")) * (Decimal(10) ** exponent)
            if number != number.to_integral_value():
                raise BadValue.coded("BUR-I123", isi=raw)
            digits = str(int(number))
            if len(significant) < len(digits):
                raise BadValue.coded("BUR-I139", isi=raw)
        else:
            if re.search(r"[0-9][^0-9+()\-. ]+[0-9]", raw) or raw.count("/") or raw.count(","):
                raise BadValue.coded("BUR-I140", isi=raw)
            digits = re.sub(r"[\s\-.()]", "", raw)
            if digits.startswith("+"):
                digits = digits[1:]
            if not digits.isdigit():
                raise BadValue.coded("BUR-I123", isi=raw)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    elif digits.startswith("8"):
        digits = "0" + digits  # the 0 Excel dropped
    if not re.fullmatch(r"0[1-9][0-9]{7,11}", digits):
        raise BadValue.coded("BUR-I124", nomor=text(value))
    return digits


def nip(value: object) -> str:
    """An 18-digit NIP; a NIP Excel stored as a float has lost its last digits."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise BadValue.coded("BUR-I125")
    raw = text(value).lstrip("'")
    if re.fullmatch(r"[0-9.,]+[eE]\+?[0-9]+", raw):
        raise BadValue.coded("BUR-I126", isi=raw)
    digits = re.sub(r"[\s.\-]", "", raw)
    if not re.fullmatch(r"[0-9]{18}", digits):
        count = sum(c.isdigit() for c in digits)
        raise BadValue.coded("BUR-I127", isi=raw, jumlah=count)
    return digits


_GOLONGAN = re.compile(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b")


def pangkat_golongan(value: object) -> tuple[str, str]:
    """'Penata Tingkat I / III/d' -> ('Penata Tingkat I', 'III/d')."""
    raw = text(value)
    if not raw:
        return "", ""
    match = _GOLONGAN.search(raw)
    if not match:
        return raw.strip(" ,/-()"), ""
    golongan = f"{match.group(1)}/{match.group(2).lower()}"
    rest = (raw[: match.start()] + " " + raw[match.end():]).replace("()", " ")
    pangkat = " ".join(rest.split()).strip(" ,/-()")
    return pangkat, golongan


def golongan(value: object) -> str:
    raw = text(value)
    if not raw:
        return ""
    match = _GOLONGAN.search(raw)
    if not match:
        raise BadValue.coded("BUR-I128", isi=raw)
    return f"{match.group(1)}/{match.group(2).lower()}"


def integer(value: object) -> int | None:
    """'Rp25.000.000', '25000000', 25000000.0 -> 25000000."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadValue.coded("BUR-I129")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise BadValue.coded("BUR-I130", isi=value)
        return int(value)
    raw = text(value)
    cleaned = re.sub(r"^rp\.?\s*", "", raw.lower()).replace(" ", "")
    cleaned = re.sub(r"[.,]-?$", "", cleaned)
    if re.fullmatch(r"[0-9]{1,3}([.,][0-9]{3})+", cleaned):
        cleaned = re.sub(r"[.,]", "", cleaned)
    try:
        return int(Decimal(cleaned))
    except (InvalidOperation, ValueError):
        raise BadValue.coded("BUR-I131", isi=raw) from None


# --------------------------------------------------------------------------- roles

_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "kepala-desa": ("kepala desa", "kades", "kepdes", "kepala kampung", "petinggi", "kuwu",
                    "pj kepala desa", "pj kades", "plt kepala desa", "plt kades", "penjabat kepala desa",
                    "perbekel", "keuchik", "geuchik", "wali nagari", "kepala pekon", "kepala tiyuh"),
    "ketua-bpd": ("ketua bpd", "bpd", "ketua badan permusyawaratan desa", "badan permusyawaratan desa"),
    "perangkat-desa": ("perangkat desa", "perangkat", "sekdes", "sekretaris desa", "carik", "kaur",
                       "kasi", "kepala seksi", "kepala urusan", "kepala dusun", "kadus", "bendahara desa"),
    "camat": ("camat", "sekcam", "sekretaris camat"),
    "opd": ("opd", "dinas"),
    "p2ktd": ("p2ktd", "pjlt"),
    "pendamping": ("pendamping desa", "pendamping", "pd", "pld", "pendamping lokal desa", "tpp"),
    "ta-p3md": ("ta p3md", "tenaga ahli", "tenaga ahli p3md"),
    "media": ("media", "wartawan", "jurnalis", "pers"),
    "lainnya": ("lainnya", "peserta", "umum", "lain lain"),
}
ROLE_WORDS: dict[str, str] = {}
for _code, _words in _ROLE_WORDS.items():
    ROLE_WORDS[norm(_code)] = _code
    ROLE_WORDS[norm(PERAN_LABEL[_code])] = _code
    for _word in _words:
        ROLE_WORDS.setdefault(_word, _code)
_ROLE_PREFIXES = sorted(ROLE_WORDS, key=len, reverse=True)


def role(value: object) -> str:
    """'Kepala Desa', 'Kades.', 'Ketua BPD Bulu', 'Sekdes' -> a `Peran` code."""
    raw = text(value)
    key = norm(raw)
    if not key:
        raise BadValue.coded("BUR-I132")
    if key in ROLE_WORDS:
        return ROLE_WORDS[key]
    # "Kepala Desa Bulu": a known role followed by the village's name
    for prefix in _ROLE_PREFIXES:
        if len(prefix) > 3 and key.startswith(prefix + " "):
            return ROLE_WORDS[prefix]
    close = difflib.get_close_matches(key, list(ROLE_WORDS), n=1, cutoff=0.75)
    hint = f" Mungkin maksudnya '{PERAN_LABEL[ROLE_WORDS[close[0]]]}'?" if close else (
        " Yang dikenal: " + ", ".join(PERAN_LABEL.values()) + ".")
    raise BadValue.coded("BUR-I133", isi=raw, saran=hint)


_BIDANG_WORDS = {
    "kewirausahaan": "kewirausahaan", "ekonomi": "kewirausahaan", "pel": "kewirausahaan",
    "pengembangan ekonomi lokal": "kewirausahaan", "pelk": "kewirausahaan",
    "psdm": "psdm", "sdm": "psdm", "sumber daya manusia": "psdm", "pengembangan sdm": "psdm",
    "infrastruktur": "infrastruktur", "infrastruktur desa": "infrastruktur", "infra": "infrastruktur",
}
for _code, _label in BIDANG_LABEL.items():
    _BIDANG_WORDS[norm(_label)] = _code
    _BIDANG_WORDS[norm(BIDANG_SHORT[_code])] = _code


def _choice(value: object, words: dict[str, str], what: str, allowed: str, blank_ok: bool = False) -> str:
    """The code `words` gives for the cell; '' for an empty cell when `blank_ok`, else BadValue."""
    raw = text(value)
    key = norm(raw)
    if blank_ok and not key:
        return ""
    if key in words:
        return words[key]
    raise BadValue.coded("BUR-I134", apa=what, isi=raw, pilihan=allowed)


def bidang(value: object) -> str:
    return _choice(value, _BIDANG_WORDS, "bidang", "Kewirausahaan, PSDM atau Infrastruktur")


_SORTIR = {"dipertahankan": "dipertahankan", "ya": "dipertahankan", "lolos": "dipertahankan",
           "dipilih": "dipertahankan", "dicoret": "dicoret", "tidak": "dicoret", "tidak lolos": "dicoret",
           "belum": "belum"}


def sortir(value: object) -> str:
    return _choice(value, _SORTIR, "keputusan sortir", "dipertahankan, dicoret atau belum", blank_ok=True)


_KONFIRMASI = {"ya": "ya", "y": "ya", "hadir": "ya", "sudah": "ya", "tidak": "tidak", "t": "tidak",
               "tidak hadir": "tidak", "belum": "belum"}


def konfirmasi(value: object) -> str:
    return _choice(value, _KONFIRMASI, "konfirmasi", "ya, tidak atau belum", blank_ok=True)


_TIM = {"tik": "TIK", "tim inovasi kabupaten": "TIK", "tim inovasi": "TIK",
        "panitia": "Panitia", "pan": "Panitia", "panitia pelaksana": "Panitia"}


def tim(value: object) -> str:
    return _choice(value, _TIM, "tim", "TIK atau Panitia")


def jendela(value: object) -> int | None:
    raw = norm(text(value)).removeprefix("jendela ").strip()
    if not raw:
        return None
    if raw in ("1", "2", "3"):
        return int(raw)
    raise BadValue.coded("BUR-I135", isi=text(value))


def person_key(name: str) -> str:
    """A name for matching people: case, spaces and academic titles ignored.

    Titles after the first comma ("Agus, S.T.") and before the name ("Drs.",
    "H.") are dropped, so "DRS. AGUS SANTOSO" matches "Agus Santoso, M.Si.".
    """
    words = norm(name.split(",", 1)[0]).split()
    while len(words) > 1 and words[0] in _LEADING_TITLES:
        words.pop(0)
    return " ".join(words)


_LEADING_TITLES = {"dr", "drs", "dra", "ir", "h", "hj", "prof", "kh", "ns", "drg"}


# Words kept as written when a name is put into proper case: academic titles, Islamic
# honorifics and common acronyms. The key is the word in lower case without dots.
_KEEP: dict[str, str] = {}
for _title in (
    "S.E.", "S.E", "S.H.", "S.Sos.", "S.T.", "S.Pd.", "S.Pd.I.", "S.Ag.", "S.Kom.", "S.Kep.", "S.Ked.", "S.Si.",
    "S.IP.", "S.AP.", "S.Hut.", "S.P.", "S.Pt.", "S.Psi.", "S.Farm.", "S.KM.", "S.Tr.", "A.Md.", "A.Ma.",
    "M.Si.", "M.M.", "M.Pd.", "M.T.", "M.H.", "M.Kes.", "M.Ag.", "M.Sc.", "M.A.", "M.AP.", "M.Kom.", "M.P.",
    "MPA", "MBA", "Ph.D.", "Dr.", "dr.", "drg.", "Drs.", "Dra.", "Ir.", "Prof.", "H.", "Hj.", "KH.", "Ns.",
    "Sp.A.", "Sp.OG.", "Sp.PD.", "BPD", "RT", "RW", "PKK", "LPMD", "TP",
):
    _KEEP.setdefault(_title.lower().replace(".", ""), _title)  # the dotted spelling wins: "SE" -> "S.E."


_HONORIFIC = re.compile(r"^(?:bpk|bp|bapak|ibu|bu|sdr|sdri|saudara|saudari|yth)\.?\s+", re.IGNORECASE)


def without_honorific(name: str) -> str:
    """'Bpk. Suparman' -> 'Suparman'; '' when the name has no form of address in front."""
    stripped = _HONORIFIC.sub("", name.strip(), count=1)
    return stripped if stripped != name.strip() and stripped else ""


def proper_name(name: str) -> str:
    """'DRS. BAMBANG SUTRISNO, M.SI.' -> 'Drs. Bambang Sutrisno, M.Si.'; '' when the name is not in capitals.

    Only a name written wholly in capitals gets a suggestion: mixed case is how
    the person wrote it. Titles and acronyms keep their own spelling.
    """
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return ""

    def word(token: str) -> str:
        key = token.lower().replace(".", "").rstrip(",")
        if key in _KEEP:
            return _KEEP[key] + ("," if token.endswith(",") else "")
        parts = re.split(r"([-'])", token.lower())
        return "".join(p[:1].upper() + p[1:] for p in parts)

    return " ".join(word(t) for t in name.split())


def split_list(value: str) -> list[str]:
    """'a, b; c' -> ['a', 'b', 'c']."""
    return [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]


def lines_of(value: object) -> list[str]:
    """The lines of a cell (or its parts split by ';' when it has one line), spaces collapsed."""
    if value is None:
        return []
    raw = str(value)
    parts = raw.splitlines() if "\n" in raw else raw.split(";")
    return [" ".join(p.split()) for p in parts]


def unbullet(line: str) -> str:
    """A line without its bullet or number ('- a', '1. a' -> 'a')."""
    return re.sub(r"^(?:[-•*·]|\d+[.)])\s*", "", line).strip()
