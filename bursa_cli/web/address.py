"""Where the desks reach the laptop induk, and the pairing URL a device opens."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import quote

DEFAULT_PORT = 8000
ANY = ("0.0.0.0", "::", "")


def lan_addresses() -> list[str]:
    """This laptop's IPv4 addresses on the local network (the hotspot), loopback last.

    Read from the host's own name: no packet leaves the laptop to find out.
    """
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if address not in found and not ipaddress.ip_address(address).is_loopback:
            found.append(address)
    return found + ["127.0.0.1"]


def base_url(alamat: str, port: int, https: bool = False) -> str:
    """The address desks type or scan: the LAN address when serving on every interface."""
    host = lan_addresses()[0] if alamat in ANY else alamat
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    scheme = "https" if https else "http"
    default = 443 if https else 80
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def pairing_url(base: str, token: str) -> str:
    return f"{base.rstrip('/')}/pasang?t={quote(token, safe='')}"
