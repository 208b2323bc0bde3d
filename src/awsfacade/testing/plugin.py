"""The pytest plugin, registered through the ``pytest11`` entry point (see the package doc).

moto patches botocore when it is imported, and a Session created before that escapes its mock;
so moto is imported here, when pytest loads the plugin, before any test code runs. That costs
every pytest run in a project with ``awsfacade[testing]`` about 0.2 s, AWS tests or not.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import TYPE_CHECKING

if importlib.util.find_spec("moto") is not None:
    import moto  # noqa: F401  # pyright: ignore[reportUnusedImport] - imported for its side effect

import pytest

from awsfacade.testing._session import fake_environment, mocked_session

if TYPE_CHECKING:
    from boto3.session import Session

    from awsfacade.autoscaling import AutoScalingService
    from awsfacade.ec2 import Ec2Service
    from awsfacade.iam import IamService
    from awsfacade.rds import RdsService
    from awsfacade.route53 import Route53Service
    from awsfacade.s3 import S3Service

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
