"""regions(): the regions enabled for an account, from EC2 DescribeRegions, cached per session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from botocore.stub import Stubber
from support import log_session_requests

from awsfacade.errors import AccessDeniedError, InvalidArgumentError
from awsfacade.fanout import regions
from awsfacade.fanout._clients import EC2
from awsfacade.testing import new_session

if TYPE_CHECKING:
    import boto3.session


def test_the_enabled_regions_of_the_callers_partition(aws_session: boto3.session.Session) -> None:
    """The commercial regions moto enables, sorted; no China or GovCloud region."""
    found = regions(aws_session)
    assert found == sorted(found)
    assert {"us-east-1", "eu-west-1", "ap-southeast-2"} <= set(found)
    assert not any(r.startswith(("cn-", "us-gov-")) for r in found)


def test_regions_are_asked_once_per_session(aws_session: boto3.session.Session) -> None:
    """A second call, even with another service, sends no second DescribeRegions; a new list
    each time, so changing one changes nothing."""
    log = log_session_requests(aws_session)
    first = regions(aws_session)
    first.clear()
    assert regions(aws_session) != []
    regions(aws_session, service="s3")
    assert log.count("DescribeRegions") == 1


def test_another_service_keeps_the_regions_it_is_offered_in(
    aws_session: boto3.session.Session,
) -> None:
    """For a service not offered everywhere, only the enabled regions botocore knows it in."""
    everywhere = set(regions(aws_session))
    offered = set(aws_session.get_available_regions("braket"))
    assert set(regions(aws_session, service="braket")) == everywhere & offered
    assert everywhere & offered != everywhere


@pytest.fixture
def regions_stubber(aws_session: boto3.session.Session) -> Iterator[Stubber]:
    """A Stubber on the EC2 client regions() asks."""
    with Stubber(EC2.get(aws_session, region=None, endpoint_url=None, config=None)) as stub:
        yield stub
        stub.assert_no_pending_responses()


AWS_ANSWER = {
    "Regions": [
        {"RegionName": "us-east-1", "OptInStatus": "opt-in-not-required"},
        {"RegionName": "af-south-1", "OptInStatus": "not-opted-in"},
        {"RegionName": "me-central-1", "OptInStatus": "opted-in"},
        {"RegionName": "eu-west-1"},
        {"RegionName": "zz-future-1", "OptInStatus": "opt-in-not-required"},
        {"OptInStatus": "opted-in"},
    ]
}


def test_opt_in_regions_as_aws_reports_them(
    aws_session: boto3.session.Session, regions_stubber: Stubber
) -> None:
    """AWS marks opt-in regions not-opted-in (moto says opt-in-not-required for every
    commercial region): they are left out unless include_opt_in. A region botocore cannot
    place in a partition is left out too (no endpoint could be built for it)."""
    regions_stubber.add_response("describe_regions", AWS_ANSWER, {"AllRegions": True})
    regions_stubber.add_response("describe_regions", AWS_ANSWER, {"AllRegions": True})
    assert regions(aws_session) == ["eu-west-1", "me-central-1", "us-east-1"]
    assert regions(aws_session, include_opt_in=True) == [
        "af-south-1",
        "eu-west-1",
        "me-central-1",
        "us-east-1",
    ]


def test_errors_are_translated(
    aws_session: boto3.session.Session, regions_stubber: Stubber
) -> None:
    """A caller without ec2:DescribeRegions gets AccessDeniedError."""
    regions_stubber.add_client_error(
        "describe_regions", "UnauthorizedOperation", http_status_code=403
    )
    with pytest.raises(AccessDeniedError):
        regions(aws_session)


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"service": ""}, "service"),
        ({"service": "no-such-service"}, "no-such-service"),
        ({"include_opt_in": 1}, "include_opt_in"),
    ],
)
def test_arguments_are_checked_before_any_request(
    aws_session: boto3.session.Session, arguments: dict[str, object], named: str
) -> None:
    """A wrong service or flag raises InvalidArgumentError and sends nothing."""
    log = log_session_requests(aws_session)
    with pytest.raises(InvalidArgumentError, match=named):
        regions(aws_session, **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose
    assert log.sent == []


@pytest.mark.usefixtures("aws_session")
def test_a_china_session_sees_china_regions() -> None:
    """A session in cn-north-1 lists the aws-cn partition's regions only."""
    found = regions(new_session("cn-north-1"))
    assert found
    assert all(region.startswith("cn-") for region in found)
