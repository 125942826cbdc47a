# SPDX-License-Identifier: EUPL-1.2
"""The address a login attempt came from, for the lock-out (django-axes' AXES_CLIENT_IP_CALLABLE).

ASVS 2.2.1: the lock-out is per (username, address). Behind nginx every request reaches
gunicorn from 127.0.0.1, so without the proxy's X-Forwarded-For all attempts would share one
address and anyone could lock a colleague out from anywhere. The header is believed only when the
request itself comes from a configured proxy (TRUSTED_PROXIES): anybody else can write any
X-Forwarded-For they like, so for them the socket address counts.

python-ipware matches the trusted proxies against the end of a hop chain but never sees the
socket address; so the chain handed to it is the header plus the socket address, and the proxies
must be its last hops, in order. Each proxy appends the address it received the request from, so
the hop just before them is the client; whatever a client wrote itself stays further left.
"""

from functools import lru_cache

from django.conf import settings
from python_ipware import IpWare

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


@lru_cache(maxsize=4)
def _resolver(proxies: tuple[str, ...]) -> IpWare:
    return IpWare(precedence=(FORWARDED_FOR,), proxy_list=list(proxies))


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = tuple(settings.TRUSTED_PROXIES)
    forwarded = request.META.get(FORWARDED_FOR, "")
    if not proxies or not remote or not forwarded:
        return remote
    hops = {FORWARDED_FOR: f"{forwarded}, {remote}"}
    # Not strict: a client's own unparsable entries are skipped, while the hops the proxies
    # appended are always addresses and stay at the end.
    client, trusted = _resolver(proxies).get_client_ip(hops, strict=False)
    return str(client) if client is not None and trusted else remote


def check_trusted_proxies(proxies: list[str]) -> str | None:
    """A Dutch reason why TRUSTED_PROXIES cannot be used, or None when it can."""
    try:
        _resolver(tuple(proxies))
    except ValueError:
        return (
            "TRUSTED_PROXIES moet een lijst van IP-adressen of netwerken (CIDR) zijn, "
            f"gescheiden door komma's, niet {','.join(proxies)!r}"
        )
    return None
