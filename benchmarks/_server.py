"""A moto server in another process for the benchmarks: its work shares neither the GIL nor
the tracemalloc heap of the code measured, as AWS's does not."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Generator
from contextlib import contextmanager
from http.client import HTTPConnection


def _answers(port: int) -> bool:
    """Whether a moto server answers on the loopback ``port``."""
    connection = HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/moto-api/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@contextmanager
def moto_server() -> Generator[str]:
    """``python -m moto.server`` in another process on a free loopback port; yields its URL."""
    for _ in range(3):  # another process may take the free port before the server does
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60  # a loaded machine starts it slowly
            while server.poll() is None and time.monotonic() < deadline:
                if _answers(port):
                    yield f"http://127.0.0.1:{port}"
                    return
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait()
    raise RuntimeError("no moto server could be started (python -m moto.server)")
