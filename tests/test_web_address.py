"""Which address `bursa layani` gives the desks: a LAN address from the interfaces, never 127.0.0.1."""

from __future__ import annotations

import pytest

from bursa_cli.errors import UsageError
from bursa_cli.web.address import Alamat, choose_address, lan_addresses, pairing_url, rank_addresses, url_for
from support import bursa, plain

# (what the laptop has, the address of its default route, the addresses offered, best first)
LAPTOPS = {
    "hotspot-ponsel": ([("lo", "127.0.0.1"), ("wlan0", "192.168.43.17")], "192.168.43.17", ["192.168.43.17"]),
    "debian-127.0.1.1": ([("lo", "127.0.0.1"), ("lo", "127.0.1.1"), ("wlp2s0", "10.42.0.5")], "10.42.0.5",
                         ["10.42.0.5"]),
    "docker-dan-vm": ([("docker0", "172.17.0.1"), ("br-3f2a", "172.18.0.1"), ("virbr0", "192.168.122.1"),
                       ("vboxnet0", "192.168.56.1"), ("wlan0", "192.168.1.20")], "192.168.1.20", ["192.168.1.20"]),
    "link-local-saja": ([("lo", "127.0.0.1"), ("eth0", "169.254.10.3")], None, []),
    # Two networks: the default route's hotspot address first, then the other private one.
    "dua-jaringan": ([("eth0", "10.0.0.8"), ("wlan0", "192.168.43.2")], "192.168.43.2",
                     ["192.168.43.2", "10.0.0.8"]),
    # A laptop whose default route leaves by a public address, with a venue router on a second card:
    # the private (hotspot) range wins, since no phone on the hall's Wi-Fi reaches the other.
    "rute-utama-publik": ([("eth0", "192.0.2.2"), ("enx00e04c", "10.213.1.1")], "192.0.2.2",
                          ["10.213.1.1", "192.0.2.2"]),
    "tanpa-jaringan": ([("lo", "127.0.0.1")], None, []),
}


@pytest.mark.parametrize("name", LAPTOPS)
def test_addresses_are_ranked_hotspot_first_and_virtual_ones_left_out(name):
    interfaces, default, expected = LAPTOPS[name]
    assert [a.ip for a in rank_addresses(interfaces, default)] == expected


def test_the_default_route_is_marked():
    ranked = rank_addresses(LAPTOPS["dua-jaringan"][0], "192.168.43.2")
    assert ranked[0] == Alamat("192.168.43.2", "wlan0", True) and not ranked[1].rute_utama


def test_without_a_lan_the_officer_is_told_to_join_the_hotspot():
    with pytest.raises(UsageError) as refused:
        choose_address("0.0.0.0", [])
    assert "belum tersambung ke jaringan" in refused.value.message
    assert "hotspot" in refused.value.hint and "127.0.0.1" not in refused.value.message


def test_an_address_asked_for_is_kept_and_others_still_listed():
    found = rank_addresses(LAPTOPS["dua-jaringan"][0], "192.168.43.2")
    assert choose_address("0.0.0.0", found).host == "192.168.43.2"
    chosen = choose_address("10.0.0.8", found)
    assert chosen.host == "10.0.0.8" and len(chosen.semua) == 2


def test_this_machine_never_offers_loopback():
    assert all(not a.ip.startswith("127.") for a in lan_addresses())


def test_urls_and_pairing_urls():
    assert url_for("192.168.43.2", 8000) == "http://192.168.43.2:8000"
    assert url_for("fd00::2", 443, https=True) == "https://[fd00::2]"
    assert pairing_url("http://10.0.0.8:8000/", "a/b") == "http://10.0.0.8:8000/pasang?k=a%2Fb"


def test_tambah_without_a_lan_refuses_before_making_a_device(minimal_event, monkeypatch):
    monkeypatch.setattr("bursa_cli.web.address._interfaces", lambda: [("lo", "127.0.0.1")])
    result = bursa("perangkat", "tambah", minimal_event, "--peran", "ide")
    assert result.exit_code == 2 and "belum tersambung ke jaringan" in plain(result.output)
    assert not (minimal_event / ".layani" / "perangkat.yaml").exists()
