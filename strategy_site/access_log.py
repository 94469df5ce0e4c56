"""gunicorn's access log, kept to what the privacy page says the server records.

The Datenschutzerklärung promises time, the address called and a shortened IP
address, nothing more. gunicorn's own atoms carry the full request line: search
terms in query strings and the random tokens of mailed links (confirm, manage,
unsubscribe), which open someone's contribution or subscription. This logger class
(`logger_class` in gunicorn.conf.py) rewrites the atoms before any format sees
them, so even an operator's own `access_log_format` cannot bring them back:

- the query string is left out;
- a path segment that a URL pattern names `token` becomes `[token]`;
- the client address is cut to its network (IPv4 /24, IPv6 /48);
- the Referer and all other request headers are dropped (a Referer carries the
  previous page's full URL, token and search terms included).
"""

import ipaddress
import logging

from gunicorn.glogging import Logger

TOKEN = "[token]"
# The format gunicorn.conf.py sets: time, shortened address, method, path, status, size, ms.
FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


def shortened_address(address: str) -> str:
    """The network an address belongs to, not the address: 203.0.113.7 -> 203.0.113.0."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "-"  # a Unix socket or nothing: no address to keep
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def path_without_tokens(path: str) -> str:
    """The path with the segment a URL pattern calls `token` replaced by TOKEN.

    Asks the URLconf, the one place that says which segments are tokens; a path it
    does not know (static files, 404s) carries no token of ours and stays as it is.
    """
    from django.urls import Resolver404, resolve

    try:
        token = resolve(path).kwargs.get("token")
    except Resolver404:
        return path
    except Exception:  # noqa: BLE001  (Django not set up: keep only the first segment)
        first, _, rest = path.lstrip("/").partition("/")
        return f"/{first}/[…]" if rest else path
    if not token:
        return path
    return path.replace(f"/{token}/", f"/{TOKEN}/").replace(f"/{token}", f"/{TOKEN}")


class PrivateAccessLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = path_without_tokens(environ.get("PATH_INFO") or "/")
        atoms = {key: value for key, value in atoms.items() if not key.endswith("}i")}
        atoms.update(
            h=shortened_address(environ.get("REMOTE_ADDR", "")),
            r=f"{atoms['m']} {path} {atoms['H']}",
            U=path,
            q="",
            f="-",
            a="-",
        )
        return atoms


class LogWithoutTokens(logging.Filter):
    """Django's own request log lines name the path ("Not Found: /…/verwalten/<token>/",
    "Service Unavailable: …"): the token of a mailed link is masked there as well
    (settings.LOGGING, logger "django.request")."""

    def filter(self, record: logging.LogRecord) -> bool:
        path = getattr(getattr(record, "request", None), "path", None)
        if path and isinstance(record.args, tuple):
            masked = path_without_tokens(path)
            if masked != path:
                record.args = tuple(masked if arg == path else arg for arg in record.args)
        return True
