"""Real `python -m parley ...` servers on free ports, stopped after the module's tests, and
headless Chromium pages that record what went wrong in them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

StartServer = Callable[..., str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(server: subprocess.Popen[str], base: str, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"parley exited with {server.returncode}: {log.read_text()}")
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"parley did not answer within 120 s: {log.read_text()}")


@pytest.fixture(scope="module")
def start_server() -> Iterator[StartServer]:
    """`start_server("serve", "--db", db, log=path, env={...})` runs the command with
    `--port <free>` added, waits until /api/health answers, and returns its base URL."""
    servers: list[subprocess.Popen[str]] = []

    def start(*args: str | Path, log: Path, env: dict[str, str] | None = None) -> str:
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "parley", *map(str, args), "--port", str(port)]
        with log.open("w") as output:
            server = subprocess.Popen(
                command,
                stdout=output,
                stderr=subprocess.STDOUT,
                text=True,
                env={**os.environ, **(env or {})},
            )
        servers.append(server)
        _wait_until_up(server, base, log)
        return base

    yield start
    for server in servers:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@dataclass
class Browser:
    """Headless Chromium pages that record the page's errors (`problems`) and every request
    to another host (`elsewhere`); a test asserts both empty when it is done."""

    base: str
    chromium: Any
    problems: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    def open(self, path: str = "/", width: int = 1400, height: int = 1100) -> Any:
        page = self.chromium.new_page(viewport={"width": width, "height": height})
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on(
            "request",
            lambda r: (
                self.elsewhere.append(r.url)
                if r.url.startswith("http") and not r.url.startswith(self.base)
                else None
            ),
        )
        page.goto(self.base + path)
        page.wait_for_selector("body[data-state=ready], body[data-state=error]", timeout=30_000)
        return page


@pytest.fixture
def open_browser() -> Iterator[Callable[[str], Browser]]:
    """`open_browser(base_url)`: a Chromium for one test, closed after it."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield lambda base: Browser(base, launched)
        finally:
            launched.close()
