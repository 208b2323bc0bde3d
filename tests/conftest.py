"""The one conftest of the test tree (mypy sees every ``conftest.py`` as a module named
``conftest``, so there is exactly one): fixtures several folders share.

- EC2 service tests (tests/services): a request log, and a service driven by botocore's
  Stubber.
- Wire tests (tests/wire): one moto HTTP server per module on a free loopback port, whose
  state :func:`reset_server` wipes. Sessions there come from ``awsfacade.testing.new_session()``
  inside ``fake_environment()``, not from moto's in-process mock, so every call is serialised
  to HTTP, answered by the server and parsed back by botocore.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from botocore.config import Config
from botocore.stub import Stubber
from hypothesis import HealthCheck, settings
from support import Requests

from awsfacade.ec2 import Ec2Service

if TYPE_CHECKING:
    from boto3.session import Session


# -- Property-based tests (tests/reliability) ----------------------------------------------------

# 200 examples a test, the same ones on every run (CI must not fail on a draw a rerun would not
# make), no per-example deadline (moto and a loaded CI machine are slow, not wrong) and no
# example database written into the checkout.
settings.register_profile(
    "awsfacade",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("awsfacade")


# -- EC2 service tests -------------------------------------------------------------------------


@pytest.fixture
def requests_sent(ec2_service: Ec2Service) -> Requests:
    """Every request ``ec2_service`` sends from now on."""
    log = Requests()
    ec2_service.client.meta.events.register("before-call.ec2", log)
    return log


@pytest.fixture
def service(aws_session: Session) -> Ec2Service:
    """An Ec2Service whose client makes one attempt a request (no retries)."""
    return Ec2Service(aws_session, config=Config(retries={"max_attempts": 1, "mode": "standard"}))


@pytest.fixture
def stubber(service: Ec2Service) -> Iterator[Stubber]:
    """A Stubber on the service's client; every queued answer must be used by the test."""
    with Stubber(service.client) as stub:
        yield stub
        stub.assert_no_pending_responses()


# -- wire tests --------------------------------------------------------------------------------


def reset_server(url: str) -> None:
    """Wipe every resource the moto server holds."""
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"{url}/moto-api/reset", data=b"", method="POST")
    with direct.open(request, timeout=30) as response:
        assert response.status == 200


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    """The URL of a moto server running in a thread of this process for the module."""
    from moto.server import ThreadedMotoServer  # flask: imported only where a server runs

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
