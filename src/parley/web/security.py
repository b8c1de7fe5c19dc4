"""Guards in front of every response: the `Host` allow-list and the security headers.

A server on 127.0.0.1 is still reachable from any web page the analyst opens: the page's
own name can be pointed at 127.0.0.1 (DNS rebinding), and its scripts then read the API as
if they were the dashboard. Such a request carries the page's name in its `Host` header,
so only the names this machine goes by (or those given with `--allow-host`) are answered.

The headers keep the dashboard what it is: scripts, styles and data only from the server
itself, no plugins, no framing by another site, no guessing of content types, no referrer
sent to the sites an article links to.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
ANY_HOST = "*"


def host_name(header: str) -> str:
    """The name in a `Host` header: without its port, brackets (IPv6) or trailing dot,
    lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class Guard:
    """ASGI middleware: a 400 for a request whose `Host` is not among `allowed_hosts` (any,
    with "*"); the security headers on every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if ANY_HOST not in self.allowed and name not in self.allowed:
            await _refuse(guarded, name, sorted(self.allowed))
            return
        await self.app(scope, receive, guarded)


async def _refuse(send: Send, name: str, allowed: list[str]) -> None:
    detail = (
        f"host {name!r} is not allowed; this server answers to {', '.join(allowed)} "
        "(start it with --allow-host NAME to add one)"
        if name
        else "the request has no Host header"
    )
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
