"""Test your code against moto: a pytest plugin and :func:`mocked_session`.

Installed with ``pip install "awsfacade[testing]"`` and registered through the ``pytest11``
entry point, so the fixtures are there without a ``conftest.py``:

- ``aws_credentials`` — fake credentials in the environment; no profile, config or
  credentials file is read.
- ``aws_region`` — ``"us-east-1"``; change it with ``@pytest.mark.aws_region("eu-west-1")``
  or by overriding the fixture.
- ``aws_session`` — a ``boto3.Session`` whose every AWS call is answered by moto, with
  fresh moto state for each test.
- ``ec2_service`` (and one fixture per other service, as each lands) built on it.

No fixture can reach real AWS: the credentials are fake, and a request moto does not answer
goes to a proxy on a closed loopback port and fails to connect; loopback addresses (a moto
server) are reached directly.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awsfacade.testing._session import (
    FAKE_CREDENTIALS,
    UNREACHABLE_PROXY,
    fake_environment,
    mocked_session,
    new_session,
)

if TYPE_CHECKING:
    import pytest
    from boto3.session import Session

    from awsfacade.ec2 import Ec2Service

__all__ = [
    "FAKE_CREDENTIALS",
    "UNREACHABLE_PROXY",
    "fake_environment",
    "mocked_session",
    "new_session",
]

# moto patches botocore when it is imported; a Session created before that escapes its mock.
# Importing it here, when pytest loads the plugin, puts that import before any test code.
if importlib.util.find_spec("moto") is not None:
    import moto  # noqa: F401  # pyright: ignore[reportUnusedImport] - imported for its side effect

import pytest

_DEFAULT_REGION = "us-east-1"


def pytest_configure(config: pytest.Config) -> None:
    """Declare the plugin's marker."""
    config.addinivalue_line(
        "markers", "aws_region(name): the region of awsfacade's aws_session fixture"
    )


@pytest.fixture
def aws_region(request: pytest.FixtureRequest) -> str:
    """The region of ``aws_session``: the ``aws_region`` marker's, else us-east-1."""
    marker = request.node.get_closest_marker("aws_region")
    if marker is None:
        return _DEFAULT_REGION
    region = marker.args[0] if marker.args else marker.kwargs.get("name")
    if not isinstance(region, str) or not region:
        raise pytest.UsageError('use @pytest.mark.aws_region("eu-west-1")')
    return region


@pytest.fixture
def aws_credentials(aws_region: str) -> Iterator[None]:
    """Fake AWS credentials in the environment, and nothing that could find real ones."""
    with fake_environment(aws_region):
        yield


@pytest.fixture
def aws_session(aws_credentials: None, aws_region: str) -> Iterator[Session]:
    """A boto3 Session answered by moto, with fresh moto state for this test."""
    del aws_credentials  # requested for its environment, which mocked_session also sets
    with mocked_session(aws_region) as session:
        yield session


@pytest.fixture
def ec2_service(aws_session: Session) -> Ec2Service:
    """An :class:`~awsfacade.ec2.Ec2Service` on the mocked session."""
    from awsfacade.ec2 import Ec2Service

    return Ec2Service(aws_session)
