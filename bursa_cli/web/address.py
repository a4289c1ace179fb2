"""Where the desks reach the laptop induk, and the pairing URL a device opens.

The laptop's LAN addresses are read from its network interfaces (`ifaddr`),
never from its host name: Debian and Ubuntu map the host name to 127.0.1.1,
and a phone that opens 127.0.0.1 only reaches itself.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import quote

from ..errors import UsageError

DEFAULT_PORT = 8000
ANY = ("0.0.0.0", "::", "")
# Interfaces of containers and virtual machines on this laptop: no phone is behind them.
VIRTUAL = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "flannel", "podman", "lxc", "lxd",
           "tun", "tap", "wg", "zt", "tailscale")
# The ranges a phone hotspot or a venue router hands out (RFC 1918).
HOTSPOT = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
# A documentation address: connecting a UDP socket to it asks the routing table which
# address the default route leaves from, and sends no packet.
ROUTE_PROBE = "203.0.113.1"

NO_LAN = ("Laptop ini belum tersambung ke jaringan mana pun (Wi-Fi atau hotspot), jadi belum ada alamat "
          "yang dapat dibuka ponsel meja.")
NO_LAN_HINT = ("Sambungkan laptop induk ke hotspot atau Wi-Fi yang sama dengan ponsel meja, lalu jalankan "
               "perintah ini lagi. Untuk memakai laptop ini saja, tulis --alamat 127.0.0.1.")


@dataclass(frozen=True)
class Alamat:
    """One IPv4 address of this laptop that a desk on the same network can open."""

    ip: str
    antarmuka: str  # the interface's name, e.g. wlan0 or "Wi-Fi"
    rute_utama: bool = False  # the interface of the default route

    @property
    def hotspot(self) -> bool:
        return any(ipaddress.ip_address(self.ip) in net for net in HOTSPOT)


def _interfaces() -> list[tuple[str, str]]:
    """(interface, IPv4 address) of every interface of this laptop."""
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str):  # IPv4; IPv6 comes as a tuple
                found.append((adapter.nice_name or adapter.name, ip.ip))
    return found


def _default_route_ip() -> str | None:
    """The address the default route leaves from, or None without a default route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((ROUTE_PROBE, 9))
            return probe.getsockname()[0]
        except OSError:
            return None


def rank_addresses(interfaces: Iterable[tuple[str, str]], default_ip: str | None) -> list[Alamat]:
    """The usable addresses, best first: hotspot ranges before others, the default route first among them.

    Loopback, link-local and the bridges of containers are left out.
    """
    usable: list[Alamat] = []
    for name, ip in interfaces:
        address = ipaddress.ip_address(ip)
        if address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast:
            continue
        if name.lower().startswith(VIRTUAL):
            continue
        if any(a.ip == ip for a in usable):
            continue
        usable.append(Alamat(ip, name, ip == default_ip))
    return sorted(usable, key=lambda a: (not a.hotspot, not a.rute_utama))


def lan_addresses() -> list[Alamat]:
    """This laptop's addresses on the local network (the hotspot), the best first; empty without a LAN."""
    return rank_addresses(_interfaces(), _default_route_ip())


@dataclass(frozen=True)
class Pilihan:
    """The address desks are given, and every address they could use."""

    host: str
    semua: tuple[Alamat, ...] = ()


def choose_address(alamat: str, found: list[Alamat] | None = None) -> Pilihan:
    """The address to give the desks when listening on `alamat`.

    On every interface (the default) that is the best LAN address; a refusal in
    Indonesian when there is none, never 127.0.0.1.
    """
    found = lan_addresses() if found is None else found
    if alamat in ANY:
        if not found:
            raise UsageError(NO_LAN, hint=NO_LAN_HINT)
        return Pilihan(found[0].ip, tuple(found))
    return Pilihan(alamat, tuple(found))


def url_for(host: str, port: int, https: bool = False) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    scheme = "https" if https else "http"
    default = 443 if https else 80
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def base_url(alamat: str, port: int, https: bool = False) -> str:
    """The address desks type or scan: the best LAN address when serving on every interface."""
    return url_for(choose_address(alamat).host, port, https)


def pairing_url(base: str, kode: str) -> str:
    """The URL in a pairing QR: it carries a one-time pairing code, never the device's token."""
    return f"{base.rstrip('/')}/pasang?k={quote(kode, safe='')}"
