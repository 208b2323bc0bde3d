"""The pytest plugin, registered through the `pytest11` entry point: its fixtures, its
`aws_region` marker and its `--awsfacade-block-aws` and `--awsfacade-record` options are there
in any project that installs awsfacade, without a `conftest.py`.

```python
def test_bucket(s3_service: S3Service) -> None:
    s3_service.create_bucket("reports")
    assert s3_service.bucket_exists("reports")
```

Loading it changes nothing outside pytest's own options: it imports neither botocore, boto3 nor
moto, and leaves botocore, moto and the garbage collector alone. A run that uses none of its
fixtures, markers or options runs as it would without awsfacade installed. What it changes, it
changes when asked, and gives back:

- for the length of a test that uses one of its fixtures (`aws_credentials` and every fixture
  built on it), botocore's `Endpoint` is wrapped (`awsfacade.testing._guard`), so a
  Session made before moto was imported — in a conftest, at a test module's import — is answered
  by moto's mock like one made after;
- `aws_session` freezes the garbage collector's view of what is alive before its second test
  in a run (`_Run`); the run unfreezes it at its end;
- the opt-in guard: with `--awsfacade-block-aws` or `awsfacade_block_aws = true` in the ini
  file, the wrappers stay from the run's start to its end, and a botocore request for a host
  that is not loopback, and that moto's mock did not answer, is refused before it is sent and
  fails the test that made it, even if the test caught the error
  (`awsfacade.testing._blocking`).
"""

from __future__ import annotations

import atexit
import gc
import re
from collections.abc import Iterator
from pathlib import Path
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
    from awsfacade.testing._organization import Organization
    from awsfacade.testing._realism import Realism

__all__ = [
    "autoscaling_service",
    "aws_credentials",
    "aws_organization",
    "aws_recording",
    "aws_region",
    "aws_replay_session",
    "aws_session",
    "ec2_service",
    "iam_service",
    "rds_service",
    "route53_service",
    "s3_service",
]

_DEFAULT_REGION = "us-east-1"
_RECORD = "awsfacade_record"


_BLOCK = "awsfacade_block_aws"
_BLOCK_HELP = (
    "fail any test whose botocore request would go to a host that is not loopback and that "
    "moto's mock did not answer; the request is refused before it is sent"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--awsfacade-block-aws` and the `awsfacade_block_aws` ini option (a pytest hook).

    Either fails any test whose botocore request would go to a host that is not loopback
    and that moto's mock did not answer; the request is refused before it is sent.
    """
    group = parser.getgroup("awsfacade", "awsfacade (AWS tests on moto)")
    group.addoption(
        "--awsfacade-block-aws",
        action="store_true",
        default=False,
        dest=_BLOCK,
        help=f"{_BLOCK_HELP} (or set {_BLOCK} = true in the ini file)",
    )
    parser.addini(_BLOCK, help=f"{_BLOCK_HELP} (default: false)", type="bool", default=False)
    group.addoption(
        "--awsfacade-record",
        action="store_true",
        dest=_RECORD,
        help="aws_replay_session records each test's answers from AWS (the environment's "
        "credentials) to its recording, instead of replaying it",
    )


class _Run:
    """What the plugin changed in one pytest run, given back at the run's end.

    The garbage collector: each test's Session, clients and moto state are cycles that only a
    full collection frees, and a full collection walks every live object: after moto and a
    service model are loaded that is over 100 000 of them, about half of what a test with
    ``ec2_service`` costs. ``gc.freeze()`` (made for long-lived processes) leaves the objects
    alive at that moment — modules, parsed service models, pytest's collected tests — out of
    every later collection. It runs before the second test that uses ``aws_session``, after a
    full collection has freed the first test's garbage, so nothing dead is frozen; and only if
    nothing is frozen yet (the suite's own freeze, or an outer run's, is left alone). The run
    unfreezes at its very end what it froze.
    """

    def __init__(self, *, blocking: bool) -> None:
        self.blocking = blocking
        self.previous_blocking = _guard.set_blocking(blocking)
        self.sessions = 0
        self.froze = False

    def before_session(self) -> None:
        """Called by each ``aws_session``: freeze before the second one."""
        self.sessions += 1
        if self.sessions == 2 and gc.get_freeze_count() == 0:
            gc.collect()
            gc.freeze()
            self.froze = True

    def unfreeze(self) -> None:
        """Unfreeze what this run froze: a cleanup of the run, after pytest's own last
        collections (they would walk every object otherwise)."""
        if self.froze:
            gc.unfreeze()
            # The interpreter's last collections, at exit, walk every object left: over 100 000
            # here, a tenth of a second or more. Frozen again then, they are skipped as they
            # were (Python promises no finalizer at exit). Registered once, however many runs.
            atexit.unregister(gc.freeze)
            atexit.register(gc.freeze)


_RUN = pytest.StashKey[_Run]()


def pytest_configure(config: pytest.Config) -> None:
    """Declare the `aws_region` marker; with the guard asked for, install it for the whole
    run (a pytest hook)."""
    config.addinivalue_line(
        "markers", "aws_region(name): the region of awsfacade's aws_session fixture"
    )
    config.addinivalue_line(
        "markers",
        "aws_realism(realism): AWS's behaviours (an awsfacade.testing.Realism) on "
        "awsfacade's aws_session fixture and the service fixtures",
    )
    config.addinivalue_line(
        "markers",
        "aws_organization(accounts=3, regions=None, role_name=...): awsfacade's "
        "aws_organization fixture",
    )
    blocking = config.getoption(_BLOCK) is True or config.getini(_BLOCK) is True
    run = config.stash[_RUN] = _Run(blocking=blocking)
    config.add_cleanup(run.unfreeze)  # configured before pytest's plugins: cleaned up after
    if blocking:
        # Before any conftest or test module can create a Session.
        _guard.hold()
        from awsfacade.testing import _blocking

        config.pluginmanager.register(_blocking, "awsfacade-block-aws")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Take the guard out, and give it back the setting it had (a pytester run inside a test
    run): a pytest hook."""
    run = config.stash.get(_RUN, None)
    if run is None:  # configure never ran (an error before it)
        return
    if run.blocking:
        _guard.release()
    _guard.set_blocking(run.previous_blocking)


@pytest.fixture
def aws_region(request: pytest.FixtureRequest) -> str:
    """The region of `aws_session`: the `aws_region` marker's, else us-east-1.

    Mark a test (or a module, with `pytestmark`) `@pytest.mark.aws_region("eu-west-1")`, or
    override the fixture in a `conftest.py`.

    Returns:
        The region name.

    Raises:
        pytest.UsageError: The marker names no region (`@pytest.mark.aws_region()`).
    """
    marker = request.node.get_closest_marker("aws_region")
    if marker is None:
        return _DEFAULT_REGION
    region = marker.args[0] if marker.args else marker.kwargs.get("name")
    if not isinstance(region, str) or not region:
        raise pytest.UsageError('use @pytest.mark.aws_region("eu-west-1")')
    return region


@pytest.fixture
def aws_credentials(aws_region: str) -> Iterator[None]:
    """Fake AWS credentials in the environment, and nothing that could find real ones; every
    Session, even one made before moto was imported, is answered by moto while a mock is on.

    The environment is `fake_environment(aws_region)`'s for the test (no profile, config or
    credentials file read; unanswered requests sent to a closed loopback port), restored
    after it. It starts no mock: use it for a test that starts its own (`mock_aws()`) or
    talks to a moto server.

    Yields:
        Nothing, while the environment is fake (request the fixture for its effect).
    """
    with _guard.held(), fake_environment(aws_region):
        yield


@pytest.fixture
def aws_session(
    aws_credentials: None, aws_region: str, request: pytest.FixtureRequest
) -> Iterator[Session]:
    """A boto3 Session answered by moto, with fresh moto state for this test.

    Built on `aws_credentials`, in `aws_region`; moto's mock is on for the test and
    stopped after it. Build any service or boto3 client on it: `Ec2Service(aws_session)`,
    `aws_session.client("sqs")`.

    Yields:
        The mocked session.
    """
    del aws_credentials  # requested for its fake environment
    run = request.config.stash.get(_RUN, None)
    if run is not None:  # None: the fixtures imported into a conftest, this plugin disabled
        run.before_session()
    realism = _realism(request)
    # Held here too: a suite may replace aws_credentials with its own (moto's docs name theirs so).
    with _guard.held(), moto_session(aws_region, realism) as session:
        yield session


def _realism(request: pytest.FixtureRequest) -> Realism | None:
    """The `aws_realism` marker's `Realism`, if the test (or its module or class) has one."""
    marker = request.node.get_closest_marker("aws_realism")
    if marker is None:
        return None
    from awsfacade.testing._realism import Realism

    realism = marker.args[0] if len(marker.args) == 1 else marker.kwargs.get("realism")
    if not isinstance(realism, Realism) or len(marker.args) + len(marker.kwargs) != 1:
        raise pytest.UsageError("use @pytest.mark.aws_realism(Realism(...))")
    return realism


@pytest.fixture
def aws_organization(
    aws_session: Session, aws_region: str, request: pytest.FixtureRequest
) -> Organization:
    """An AWS Organization on moto: `aws_session` is its management account, with member
    accounts whose role it can assume, and the regions to fan out to.

    Mark the test (or its module) `@pytest.mark.aws_organization(accounts=3,
    regions=["us-east-1", "eu-west-1"], role_name="OrganizationAccountAccessRole")`; each
    keyword is optional (3 accounts, `aws_region`, that role). Give `fan_out`
    `aws_organization.targets()` and `session=aws_organization.session`.

    Returns:
        The [Organization][awsfacade.testing.Organization].

    Raises:
        pytest.UsageError: The marker has positional arguments or an unknown keyword.
        InvalidArgumentError: A keyword's value is wrong (see
            [`mocked_organization`][awsfacade.testing.mocked_organization]).
    """
    from awsfacade.testing._organization import organization_from_marker

    marker = request.node.get_closest_marker("aws_organization")
    if marker is None:
        return organization_from_marker(aws_session, aws_region, (), {})
    return organization_from_marker(aws_session, aws_region, marker.args, marker.kwargs)


@pytest.fixture
def aws_recording(request: pytest.FixtureRequest) -> Path:
    """Where `aws_replay_session` keeps this test's recording:
    `recordings/<test module>/<test name>.json` next to the test module. Override the fixture
    to put it elsewhere.

    Returns:
        The recording's path.
    """
    name = re.sub(r"[^\w.-]", "_", request.node.name)
    return request.path.parent / "recordings" / request.path.stem / f"{name}.json"


@pytest.fixture
def aws_replay_session(
    aws_recording: Path, aws_region: str, request: pytest.FixtureRequest
) -> Iterator[Session]:
    """A session answered from the test's recording (`aws_recording`), with fake credentials
    and nothing sent (see [`replay`][awsfacade.testing.replay]); with `--awsfacade-record`, a
    real session (the environment's credentials: `AWS_PROFILE=sandbox pytest
    --awsfacade-record`) whose answers are recorded there (see
    [`record`][awsfacade.testing.record]).

    Yields:
        The session, in `aws_region`.
    """
    from awsfacade.testing._replay import session_for_test

    recording = request.config.getoption(_RECORD) is True
    with session_for_test(aws_recording, aws_region, recording=recording) as session:
        yield session


@pytest.fixture
def ec2_service(aws_session: Session) -> Ec2Service:
    """An [Ec2Service][awsfacade.ec2.Ec2Service] on `aws_session`, the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.ec2 import Ec2Service

    return Ec2Service(aws_session)


@pytest.fixture
def s3_service(aws_session: Session) -> S3Service:
    """An [S3Service][awsfacade.s3.S3Service] on `aws_session`, the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.s3 import S3Service

    return S3Service(aws_session)


@pytest.fixture
def iam_service(aws_session: Session) -> IamService:
    """An [IamService][awsfacade.iam.IamService] on `aws_session`, the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.iam import IamService

    return IamService(aws_session)


@pytest.fixture
def rds_service(aws_session: Session) -> RdsService:
    """An [RdsService][awsfacade.rds.RdsService] on `aws_session`, the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.rds import RdsService

    return RdsService(aws_session)


@pytest.fixture
def autoscaling_service(aws_session: Session) -> AutoScalingService:
    """An [AutoScalingService][awsfacade.autoscaling.AutoScalingService] on `aws_session`,
    the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.autoscaling import AutoScalingService

    return AutoScalingService(aws_session)


@pytest.fixture
def route53_service(aws_session: Session) -> Route53Service:
    """A [Route53Service][awsfacade.route53.Route53Service] on `aws_session`, the mocked session.

    Returns:
        The service, in `aws_region`.
    """
    from awsfacade.route53 import Route53Service

    return Route53Service(aws_session)
