"""Real `python -m parley ...` servers on free ports, stopped after the module's tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

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
