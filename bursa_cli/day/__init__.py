"""The day itself: registration, stamps, ratings, ideas, commitments, repair, live summary.

Core only: these functions take paths or a `Day` and return data; commands in
`bursa_cli.cli.hari` call them and `bursa_cli.present.hari` shows the result.
The desks are declared in `day/desks/` (start there).
"""

from ..errors import Duplicate, Refused, Repeat
from .actions import Recorded, known_desa, search_desa, search_peserta
from .desks.komitmen import Committed, Stamped, record_commitment, stamped_for_desa
from .desks.ide import record_idea
from .desks.nilai import rate
from .desks.registrasi import CheckIn, add_walk_in, check_in
from .desks.stempel import desk_inovasi, stamp
from .live import LiveSummary, Summary
from .logwrite import append_entry, header_for, log_path
from .repair import Repair, repair_logs
from .state import Day, Seen

__all__ = [
    "CheckIn", "Committed", "Day", "Duplicate", "LiveSummary", "Recorded", "Refused", "Repair", "Repeat", "Seen",
    "Stamped", "Summary", "add_walk_in", "append_entry", "check_in", "desk_inovasi", "header_for",
    "known_desa", "log_path", "rate", "record_commitment", "record_idea", "repair_logs",
    "search_desa", "search_peserta", "stamp", "stamped_for_desa",
]
