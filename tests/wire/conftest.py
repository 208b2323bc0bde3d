"""The moto HTTP server every wire test module talks to.

One server per module on a free loopback port; tests reset its state through
:func:`reset_server`. Sessions come from ``awsfacade.testing.new_session()`` inside
``fake_environment()`` (fake credentials, no proxy for loopback), not from moto's in-process
mock, so every call is serialised to HTTP, answered by the server and parsed back by botocore.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest
from moto.server import ThreadedMotoServer


def reset_server(url: str) -> None:
    """Wipe every resource the moto server holds."""
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"{url}/moto-api/reset", data=b"", method="POST")
    with direct.open(request, timeout=30) as response:
        assert response.status == 200


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    """The URL of a moto server running in a thread of this process for the module."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        assert port != 0
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def fresh_moto_url(moto_url: str) -> str:
    """The moto server's URL, its state wiped first."""
    reset_server(moto_url)
    return moto_url
