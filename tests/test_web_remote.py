"""Terminal desks with `--induk URL --token T`: they record through the laptop induk, not a folder."""

from __future__ import annotations

from bursa_cli.schema.event import load_event
from support import bursa, plain
from web_support import pair, served


def test_a_terminal_stamp_desk_records_through_the_induk(minimal_event, tmp_path):
    token = pair(minimal_event, "stempel", "A-01")
    elsewhere = tmp_path / "laptop-meja"  # the desk laptop has no event folder at all
    elsewhere.mkdir()
    with served(minimal_event) as base:
        result = bursa("stempel", elsewhere, "--induk", base, "--token", token,
                       input="P-0001\nP-0001\ny\nP-9999\nselesai\n")
    said = plain(result.output)
    assert result.exit_code == 0, result.output
    assert "Stempel · A-01 · Bursa A · laptop induk" in said
    assert said.count("✔ TERCATAT") == 2 and "! SUDAH ADA" in said
    assert "belum tercatat di registrasi" in said
    assert "✘ DITOLAK: Id peserta 'P-9999' tidak dikenal" in said
    stamps = [(s.peserta, s.meja) for s in load_event(minimal_event).event.stempel]
    assert stamps == [("P-0001", "A-01"), ("P-0001", "A-01")]
    assert not (elsewhere / "log").exists()


def test_a_terminal_registration_desk_scans_and_searches_through_the_induk(minimal_event, tmp_path):
    token = pair(minimal_event, "registrasi")
    with served(minimal_event) as base:
        result = bursa("registrasi", tmp_path, "--induk", base, "--token", token,
                       input="P-0001\nsri lestari\n1\nP-0001\nselesai\n")
    said = plain(result.output)
    assert result.exit_code == 0, result.output
    assert said.count("✔ TERCATAT") == 2 and "! SUDAH REGISTRASI" in said
    assert sorted(r.peserta for r in load_event(minimal_event).event.registrasi) == ["P-0001", "P-0003"]


def test_walk_ins_register_at_a_terminal_desk_through_the_induk(minimal_event, tmp_path):
    """+baru and a spare Kartu ID open the walk-in questions there too, as at a desk on the folder."""
    token = pair(minimal_event, "registrasi")
    typed = "+baru\nSri Tamu\n1\n33.23.01.2001\n0812 3456 7001\ntamu-005\nAni Rahma\n9\nRadio Bulu\n\nselesai\n"
    with served(minimal_event) as base:
        result = bursa("registrasi", tmp_path, "--induk", base, "--token", token, input=typed)
    said = plain(result.output)
    assert result.exit_code == 0, result.output
    assert "Sri Tamu tercatat sebagai W-" in said and "Ani Rahma tercatat sebagai TAMU-005" in said
    assert "kartu TAMU-005 · Peserta tanpa undangan" in said
    walk_ins = {key: p for key, p in load_event(minimal_event).event.peserta_by_id.items()
                if p.nama in ("Sri Tamu", "Ani Rahma")}
    assert sorted(walk_ins) == ["TAMU-005", "W-REG-1-001"]
    assert walk_ins["W-REG-1-001"].desa == "33.23.01.2001" and walk_ins["W-REG-1-001"].telepon == "081234567001"
    assert walk_ins["TAMU-005"].instansi == "Radio Bulu" and walk_ins["TAMU-005"].peran == "media"
    assert not (tmp_path / "log").exists()


def test_a_wrong_token_or_role_is_refused_with_exit_two(minimal_event, tmp_path):
    stamp_token = pair(minimal_event, "stempel", "A-01")
    with served(minimal_event) as base:
        wrong = bursa("stempel", tmp_path, "--induk", base, "--token", "bukan-token-ini")
        role = bursa("registrasi", tmp_path, "--induk", base, "--token", stamp_token, "--id", "P-0001")
        missing = bursa("stempel", tmp_path, "--induk", base)
    assert wrong.exit_code == 2 and "tidak dikenal atau sudah dicabut" in plain(wrong.output)
    assert role.exit_code == 2 and "tidak boleh melakukan ini" in plain(role.output)
    assert missing.exit_code == 2 and "--induk memerlukan --token" in plain(missing.output)
    assert load_event(minimal_event).event.registrasi == []


def test_terminal_rating_idea_and_jendela_3_desks_record_through_the_induk(minimal_event, tmp_path):
    tokens = {role: pair(minimal_event, role) for role in ("nilai", "ide", "komitmen")}
    stamp_token = pair(minimal_event, "stempel", "A-01")
    with served(minimal_event) as base:
        bursa("stempel", tmp_path, "--induk", base, "--token", stamp_token, "--peserta", "P-0001")
        rating = bursa("nilai", tmp_path, "--induk", base, "--token", tokens["nilai"],
                       input="P-9999\nP-0001\n9\n4\nbagus\nselesai\n")
        idea = bursa("ide", tmp_path, "--induk", base, "--token", tokens["ide"],
                     input="P-0002\nLumbung <b>pangan</b>\nsimpan gabah\n2\nselesai\n")
        card = bursa("komitmen", tmp_path, "--induk", base, "--token", tokens["komitmen"],
                     input="P-0001\n1,INO-002\njalan rusak\n\ny\ny\nselesai\n")
    assert rating.exit_code == 0, rating.output
    assert "Id peserta 'P-9999' tidak dikenal" in plain(rating.output)  # the id first, before anything is typed
    assert "Inovasi: INO-001 Posyandu Remaja (PSDM)" in plain(rating.output)  # the one stamped: no choice needed
    assert "Nilai '9' tidak sah" in plain(rating.output)  # asked again
    assert idea.exit_code == 0 and "✔ TERCATAT" in plain(idea.output)
    assert card.exit_code == 0, card.output
    assert "✔ TERCATAT: Kartu Komitmen Desa Bulu, Kec. Bulu tercatat, APBDes 2027." in plain(card.output)
    event = load_event(minimal_event).event
    assert [(r.peserta, r.inovasi, r.nilai, r.catatan) for r in event.penilaian] == [("P-0001", "INO-001", 4, "bagus")]
    assert [(i.judul, i.peserta, i.bidang) for i in event.ide] == [("Lumbung <b>pangan</b>", "P-0002", "psdm")]
    assert [(k.desa, k.inovasi, k.alasan) for k in event.komitmen] == [
        ("33.23.01.2001", ["INO-001", "INO-002"], {"INO-002": "jalan rusak"})]
