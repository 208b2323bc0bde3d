"""The pytest plugin, registered through the ``pytest11`` entry point (see the package doc).

Start-up stays light: loading the plugin imports neither botocore, boto3 nor moto. It has one
handler added to botocore's ``BUILTIN_HANDLERS`` as soon as ``botocore.handlers`` is imported
(see :mod:`awsfacade.testing._guard`), so every Session — made in a conftest, at a test module's
import, anywhere — is answered by moto's mock while one is on, although moto itself is imported
only by the first fixture that needs it (or by the tests).

The opt-in guard: with ``--awsfacade-block-aws`` or ``awsfacade_block_aws = true`` in the ini
file, a botocore request for a host that is not loopback, and that moto's mock did not answer,
is refused before it is sent and fails the test that made it, even if the test caught the error.
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from awsfacade.testing import _guard
from awsfacade.testing._session import fake_environment, moto_session

if TYPE_CHECKING:
    from boto3.session import Session

    from awsfacade.autoscaling import AutoScalingService
    from awsfacade.ec2 import Ec2Service
    from awsfacade.iam import IamService
    from awsfacade.rds import RdsService
    from awsfacade.route53 import Route53Service
    from awsfacade.s3 import S3Service

# Before any conftest or test module can create a Session (pytest loads entry points first).
_guard.install()

__all__ = [
    "autoscaling_service",
    "aws_credentials",
    "aws_region",
    "aws_session",
    "ec2_service",
    "iam_service",
    "rds_service",
    "route53_service",
    "s3_service",
]

_DEFAULT_REGION = "us-east-1"


_BLOCK = "awsfacade_block_aws"
_BLOCK_HELP = (
    "fail any test whose botocore request would go to a host that is not loopback and that "
    "moto's mock did not answer; the request is refused before it is sent"
)
_previous_blocking = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--awsfacade-block-aws`` and the ``awsfacade_block_aws`` ini option."""
    group = parser.getgroup("awsfacade", "awsfacade (AWS tests on moto)")
    group.addoption(
        "--awsfacade-block-aws",
        action="store_true",
        default=False,
        dest=_BLOCK,
        help=f"{_BLOCK_HELP} (or set {_BLOCK} = true in the ini file)",
    )
    parser.addini(_BLOCK, help=f"{_BLOCK_HELP} (default: false)", type="bool", default=False)


def pytest_configure(config: pytest.Config) -> None:
    """Declare the plugin's marker; turn the guard on if asked."""
    config.addinivalue_line(
        "markers", "aws_region(name): the region of awsfacade's aws_session fixture"
    )
    blocking = config.getoption(_BLOCK) is True or config.getini(_BLOCK) is True
    config.stash[_previous_blocking] = _guard.set_blocking(blocking)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Give the guard back the setting it had (a pytester run inside a test run)."""
    _guard.set_blocking(config.stash.get(_previous_blocking, False))


@contextmanager
def _failing_on_blocked_requests() -> Generator[None, None, None]:
    """Fail the test phase inside if the guard blocked a request during it, caught or not."""
    mark = _guard.blocked_count()
    try:
        yield
    except _guard.RealAwsRequestError:
        _guard.take_blocked(mark)
        raise  # the test's own failure already says it
    except Exception as error:
        blocked = _guard.take_blocked(mark)
        if blocked:
            message = f"{_message(blocked)}\n(then: {type(error).__name__}: {error})"
            raise pytest.fail.Exception(message, pytrace=False) from error
        raise
    blocked = _guard.take_blocked(mark)
    if blocked:
        pytest.fail(_message(blocked), pytrace=False)


def _message(blocked: list[_guard.RealAwsRequestError]) -> str:
    return "\n".join(str(error) for error in blocked)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    """Fixtures' requests blocked by the guard fail the test's setup."""
    del item
    with _failing_on_blocked_requests():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """The test's requests blocked by the guard fail it, even when it caught the error."""
    del item
    with _failing_on_blocked_requests():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """Requests blocked during teardown fail the test's teardown."""
    del item
    with _failing_on_blocked_requests():
        return (yield)


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


class _Freezer:
    """Moves what the first AWS test left alive out of the garbage collector's sight, once.

    Each test's Session, clients and moto state are cycles that only a full collection frees,
    and a full collection walks every live object: after moto and a service model are loaded
    that is over 100 000 of them, about half of what a test with ``ec2_service`` costs.
    ``gc.freeze()`` (made for long-lived processes) leaves the objects alive at that moment —
    modules, parsed service models, pytest's collected tests — out of every later collection.
    It runs before the second test that uses ``aws_session``, after a full collection has freed
    the first test's garbage, so nothing dead is frozen.
    """

    sessions = 0

    @classmethod
    def before_session(cls) -> None:
        cls.sessions += 1
        if cls.sessions == 2:
            gc.collect()
            gc.freeze()


@pytest.fixture
def aws_session(aws_credentials: None, aws_region: str) -> Iterator[Session]:
    """A boto3 Session answered by moto, with fresh moto state for this test."""
    del aws_credentials  # requested for its fake environment
    _Freezer.before_session()
    with moto_session(aws_region) as session:
        yield session


@pytest.fixture
def ec2_service(aws_session: Session) -> Ec2Service:
    """An :class:`~awsfacade.ec2.Ec2Service` on the mocked session."""
    from awsfacade.ec2 import Ec2Service

    return Ec2Service(aws_session)


@pytest.fixture
def s3_service(aws_session: Session) -> S3Service:
    """An :class:`~awsfacade.s3.S3Service` on the mocked session."""
    from awsfacade.s3 import S3Service

    return S3Service(aws_session)


@pytest.fixture
def iam_service(aws_session: Session) -> IamService:
    """An :class:`~awsfacade.iam.IamService` on the mocked session."""
    from awsfacade.iam import IamService

    return IamService(aws_session)


@pytest.fixture
def rds_service(aws_session: Session) -> RdsService:
    """An :class:`~awsfacade.rds.RdsService` on the mocked session."""
    from awsfacade.rds import RdsService

    return RdsService(aws_session)


@pytest.fixture
def autoscaling_service(aws_session: Session) -> AutoScalingService:
    """An :class:`~awsfacade.autoscaling.AutoScalingService` on the mocked session."""
    from awsfacade.autoscaling import AutoScalingService

    return AutoScalingService(aws_session)


@pytest.fixture
def route53_service(aws_session: Session) -> Route53Service:
    """A :class:`~awsfacade.route53.Route53Service` on the mocked session."""
    from awsfacade.route53 import Route53Service

    return Route53Service(aws_session)
