"""Request counts are behaviour: how many requests each listing and batch operation sends.

Listings (2,500 items each, the eleven main ones): the facade against the raw paginator loop
with no ``PaginationConfig`` (what a boto3 user writes). moto does not page as AWS does (it
pages EC2 instances by reservation at 100 a page when MaxResults is absent, where AWS returns
every item; it ignores IAM's MaxItems), and creating 2,500 of each resource in moto would
take minutes: every list request is answered at ``before-call`` by :class:`Pager`, which
pages 2,500 items the way AWS documents — the page size the request asks for, else AWS's
default page (``None``: AWS returns every item at once). So the counts here are the counts
against AWS, and the page-size parameter each side sends is asserted too.

Batches (on moto where it counts like AWS): S3 DeleteObjects of 2,500 keys, Route53's 1,500
changes, and emptying a bucket of 2,500 versions.
(tests/services/test_s3.py and test_route53.py check the same batches on moto's store.)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, TypeGuard

import pytest
from support import Answer, Requests, answer_calls, log_requests, result_answer

from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import RecordChange, RecordSet, Route53Service
from awsfacade.s3 import S3Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.client import BaseClient

ITEMS: Final = 2500
WHEN: Final = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

#: An item of a list operation's answer, as botocore parses it.
Item = dict[str, object]


@dataclass(frozen=True)
class Paging:
    """How AWS pages one list operation (its API reference).

    ``size`` and ``token`` name the request's page-size and continuation parameters on the
    wire; ``default`` is the page AWS sends when the request names no size (``None``: every
    item); ``largest`` is the largest page AWS allows, which the facade asks for.
    """

    size: str
    token: str
    default: int | None
    largest: int
    #: The answer's continuation fields for a next page starting at the given token.
    more: Callable[[str], Item]


_OFFSET = re.compile(r"o(\d+)")


def _is_params(value: object) -> TypeGuard[Mapping[str, object]]:
    # At before-call, botocore's request dict holds the parameters as a dict: in the body for
    # query protocols, in query_string for rest ones.
    return isinstance(value, Mapping)


class Pager:
    """A ``before-call`` hook answering a list operation from ``items`` as AWS pages them;
    it records the page size each request asked for (``None``: none)."""

    def __init__(
        self, paging: Paging, items: list[Item], page: Callable[[list[Item]], Item]
    ) -> None:
        self.paging = paging
        self.items = items
        self.page = page
        self.sizes: list[int | None] = []

    def __call__(self, *, params: Mapping[str, object], **_: object) -> Answer:
        # Query protocols carry the parameters in the body, rest protocols in the query string.
        body, query = params.get("body"), params.get("query_string")
        wire = body if _is_params(body) else query
        assert _is_params(wire)
        asked = wire.get(self.paging.size)
        token = _OFFSET.match(str(wire.get(self.paging.token, "")))
        offset = int(token.group(1)) if token else 0
        self.sizes.append(None if asked is None else int(str(asked)))
        size = int(str(asked)) if asked is not None else self.paging.default or len(self.items)
        end = min(offset + size, len(self.items))
        answer = self.page(self.items[offset:end])
        if end < len(self.items):
            answer |= self.paging.more(f"o{end}")
        return result_answer(answer)


@dataclass(frozen=True)
class Case:
    """One listing: how AWS pages it, one item of it, and both sides' ways to walk it."""

    name: str
    operation: str
    paging: Paging
    item: Callable[[int], Item]
    page: Callable[[list[Item]], Item]
    #: The service's client (the hook goes there) and both sides' item counts.
    client: Callable[[Session], BaseClient]
    facade: Callable[[Session], Iterable[object]]
    raw: Callable[[Session], Iterator[int]]


def _ec2_paging() -> Paging:
    # DescribeInstances and the others: MaxResults 5..1000; "if this parameter is not
    # specified, then all items are returned" (DescribeSecurityGroups' reference).
    return Paging("MaxResults", "NextToken", None, 1000, lambda token: {"NextToken": token})


def _iam_paging() -> Paging:
    # ListUsers, ListGroups: MaxItems 1..1000, "the number of items defaults to 100".
    return Paging(
        "MaxItems", "Marker", 100, 1000, lambda token: {"IsTruncated": True, "Marker": token}
    )


def _tags(number: int) -> list[Item]:
    return [{"Key": "Name", "Value": f"n{number}"}]


def _ec2(session: Session) -> BaseClient:
    return Ec2Service(session).client


def _iam(session: Session) -> BaseClient:
    return IamService(session).client


CASES: Final = [
    Case(
        "EC2 instances",
        "ec2.DescribeInstances",
        _ec2_paging(),
        lambda n: {
            "InstanceId": f"i-{n:017x}",
            "ImageId": "ami-12345678",
            "InstanceType": "t3.micro",
            "State": {"Code": 16, "Name": "running"},
            "LaunchTime": WHEN,
            "Tags": _tags(n),
        },
        lambda items: {"Reservations": [{"ReservationId": "r-1", "Instances": items}]},
        _ec2,
        lambda session: Ec2Service(session).instances(),
        lambda session: (
            len(reservation.get("Instances", []))
            for page in Ec2Service(session).client.get_paginator("describe_instances").paginate()
            for reservation in page.get("Reservations", [])
        ),
    ),
    Case(
        "EC2 security groups",
        "ec2.DescribeSecurityGroups",
        _ec2_paging(),
        lambda n: {
            "GroupId": f"sg-{n:017x}",
            "GroupName": f"g{n}",
            "Description": "d",
            "VpcId": "vpc-1",
        },
        lambda items: {"SecurityGroups": items},
        _ec2,
        lambda session: Ec2Service(session).security_groups(),
        lambda session: (
            len(page.get("SecurityGroups", []))
            for page in Ec2Service(session)
            .client.get_paginator("describe_security_groups")
            .paginate()
        ),
    ),
    Case(
        "EC2 VPCs",
        "ec2.DescribeVpcs",
        _ec2_paging(),
        lambda n: {"VpcId": f"vpc-{n:017x}", "CidrBlock": "10.0.0.0/16", "State": "available"},
        lambda items: {"Vpcs": items},
        _ec2,
        lambda session: Ec2Service(session).vpcs(),
        lambda session: (
            len(page.get("Vpcs", []))
            for page in Ec2Service(session).client.get_paginator("describe_vpcs").paginate()
        ),
    ),
    Case(
        "EC2 subnets",
        "ec2.DescribeSubnets",
        _ec2_paging(),
        lambda n: {
            "SubnetId": f"subnet-{n:017x}",
            "VpcId": "vpc-1",
            "AvailabilityZone": "us-east-1a",
            "CidrBlock": "10.0.0.0/24",
            "State": "available",
        },
        lambda items: {"Subnets": items},
        _ec2,
        lambda session: Ec2Service(session).subnets(),
        lambda session: (
            len(page.get("Subnets", []))
            for page in Ec2Service(session).client.get_paginator("describe_subnets").paginate()
        ),
    ),
    Case(
        "RDS instances",
        "rds.DescribeDBInstances",
        # MaxRecords: "Default: 100. Constraints: Minimum 20, maximum 100."
        Paging("MaxRecords", "Marker", 100, 100, lambda token: {"Marker": token}),
        lambda n: {
            "DBInstanceIdentifier": f"db{n}",
            "DBInstanceArn": f"arn:aws:rds:us-east-1:123456789012:db:db{n}",
            "DbiResourceId": f"db-{n}",
            "DBInstanceClass": "db.t3.micro",
            "Engine": "postgres",
            "DBInstanceStatus": "available",
            "AllocatedStorage": 20,
        },
        lambda items: {"DBInstances": items},
        lambda session: RdsService(session).client,
        lambda session: RdsService(session).instances(),
        lambda session: (
            len(page.get("DBInstances", []))
            for page in RdsService(session).client.get_paginator("describe_db_instances").paginate()
        ),
    ),
    Case(
        "S3 objects",
        "s3.ListObjectsV2",
        # MaxKeys: "By default, the action returns up to 1,000 key names" (and never more).
        Paging(
            "max-keys",
            "continuation-token",
            1000,
            1000,
            lambda token: {"IsTruncated": True, "NextContinuationToken": token},
        ),
        lambda n: {"Key": f"k{n:05}", "Size": 1, "LastModified": WHEN, "ETag": '"e"'},
        lambda items: {"Contents": items, "IsTruncated": False},
        lambda session: S3Service(session).client,
        lambda session: S3Service(session).objects("bucket"),
        lambda session: (
            len(page.get("Contents", []))
            for page in S3Service(session)
            .client.get_paginator("list_objects_v2")
            .paginate(Bucket="bucket")
        ),
    ),
    Case(
        "Route53 hosted zones",
        "route-53.ListHostedZones",
        # maxitems: 100 by default; "If you specify a value greater than 100, Route 53
        # returns only the first 100 hosted zones."
        Paging(
            "maxitems",
            "marker",
            100,
            100,
            lambda token: {"IsTruncated": True, "NextMarker": token},
        ),
        lambda n: {
            "Id": f"/hostedzone/Z{n:020}",
            "Name": f"z{n}.example.com.",
            "CallerReference": f"c{n}",
            "Config": {"PrivateZone": False},
            "ResourceRecordSetCount": 2,
        },
        lambda items: {"HostedZones": items, "Marker": "", "IsTruncated": False, "MaxItems": "100"},
        lambda session: Route53Service(session).client,
        lambda session: Route53Service(session).hosted_zones(),
        lambda session: (
            len(page.get("HostedZones", []))
            for page in Route53Service(session).client.get_paginator("list_hosted_zones").paginate()
        ),
    ),
    Case(
        "Route53 records",
        "route-53.ListResourceRecordSets",
        # maxitems: 300 by default and at most ("a value greater than 300 returns 300").
        Paging(
            "maxitems",
            "name",
            300,
            300,
            lambda token: {"IsTruncated": True, "NextRecordName": token, "NextRecordType": "A"},
        ),
        lambda n: {
            "Name": f"h{n}.example.com.",
            "Type": "A",
            "TTL": 60,
            "ResourceRecords": [{"Value": "192.0.2.1"}],
        },
        lambda items: {"ResourceRecordSets": items, "IsTruncated": False, "MaxItems": "300"},
        lambda session: Route53Service(session).client,
        lambda session: Route53Service(session).records("Z1"),
        lambda session: (
            len(page.get("ResourceRecordSets", []))
            for page in Route53Service(session)
            .client.get_paginator("list_resource_record_sets")
            .paginate(HostedZoneId="Z1")
        ),
    ),
    Case(
        "AutoScaling groups",
        "auto-scaling.DescribeAutoScalingGroups",
        # MaxRecords: "The default value is 50 and the maximum value is 100."
        Paging("MaxRecords", "NextToken", 50, 100, lambda token: {"NextToken": token}),
        lambda n: {
            "AutoScalingGroupName": f"g{n}",
            "AutoScalingGroupARN": f"arn:aws:autoscaling:us-east-1:1:autoScalingGroup:g{n}",
            "MinSize": 0,
            "MaxSize": 1,
            "DesiredCapacity": 0,
            "DefaultCooldown": 300,
            "AvailabilityZones": ["us-east-1a"],
            "HealthCheckType": "EC2",
            "CreatedTime": WHEN,
        },
        lambda items: {"AutoScalingGroups": items},
        lambda session: AutoScalingService(session).client,
        lambda session: AutoScalingService(session).groups(),
        lambda session: (
            len(page.get("AutoScalingGroups", []))
            for page in AutoScalingService(session)
            .client.get_paginator("describe_auto_scaling_groups")
            .paginate()
        ),
    ),
    Case(
        "IAM users",
        "iam.ListUsers",
        _iam_paging(),
        lambda n: {
            "UserName": f"u{n}",
            "UserId": f"AIDA{n:017}",
            "Arn": f"arn:aws:iam::123456789012:user/u{n}",
            "Path": "/",
            "CreateDate": WHEN,
        },
        lambda items: {"Users": items, "IsTruncated": False},
        _iam,
        lambda session: IamService(session).users(),
        lambda session: (
            len(page.get("Users", []))
            for page in IamService(session).client.get_paginator("list_users").paginate()
        ),
    ),
    Case(
        "IAM groups",
        "iam.ListGroups",
        _iam_paging(),
        lambda n: {
            "GroupName": f"g{n}",
            "GroupId": f"AGPA{n:017}",
            "Arn": f"arn:aws:iam::123456789012:group/g{n}",
            "Path": "/",
            "CreateDate": WHEN,
        },
        lambda items: {"Groups": items, "IsTruncated": False},
        _iam,
        lambda session: IamService(session).groups(),
        lambda session: (
            len(page.get("Groups", []))
            for page in IamService(session).client.get_paginator("list_groups").paginate()
        ),
    ),
]


def _pages(items: int, page: int | None) -> int:
    return 1 if page is None else math.ceil(items / page)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_listing_sends_no_more_requests_than_raw_boto3(aws_session: Session, case: Case) -> None:
    """Listing 2,500 items: the facade asks for AWS's largest page on every request, raw boto3
    for none (AWS's default page); the facade sends ⌈2,500 / largest⌉ requests, never more
    than raw boto3, and fewer wherever AWS's largest page is above its default — except
    EC2, whose default answer holds every item at once (see the EC2 test below)."""
    pager = Pager(case.paging, [case.item(n) for n in range(ITEMS)], case.page)
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    case.client(aws_session).meta.events.register(f"before-call.{case.operation}", pager)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    assert sum(1 for _ in case.facade(aws_session)) == ITEMS
    facade_sizes = list(pager.sizes)
    pager.sizes.clear()
    assert sum(case.raw(aws_session)) == ITEMS
    raw_sizes = list(pager.sizes)

    largest, default = case.paging.largest, case.paging.default
    assert facade_sizes == [largest] * _pages(ITEMS, largest)
    assert raw_sizes == [None] * _pages(ITEMS, default)
    if default is not None:
        assert len(facade_sizes) <= len(raw_sizes)
        assert (len(facade_sizes) < len(raw_sizes)) == (largest > default)


def test_ec2_pages_where_raw_boto3_asks_for_everything_at_once(aws_session: Session) -> None:
    """EC2 is the one exception: with no MaxResults AWS returns every item in one answer,
    so raw boto3 sends one request for 2,500 instances and the facade three of 1,000. That is
    by choice: AWS's EC2 guide ("Pagination in the Amazon EC2 API") asks for MaxResults,
    since unpaginated calls over many resources may be throttled and time out."""
    [case] = [case for case in CASES if case.name == "EC2 instances"]
    pager = Pager(case.paging, [case.item(n) for n in range(ITEMS)], case.page)
    case.client(aws_session).meta.events.register(f"before-call.{case.operation}", pager)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    assert sum(1 for _ in case.facade(aws_session)) == ITEMS
    assert sum(case.raw(aws_session)) == ITEMS

    assert pager.sizes == [1000, 1000, 1000, None]


# -- batches ---------------------------------------------------------------------------------


def test_deleting_2500_objects_takes_3_requests(aws_session: Session) -> None:
    """delete_objects of 2,500 keys sends ⌈2,500 / 1,000⌉ = 3 DeleteObjects (on moto; S3
    answers success for keys that do not exist, so none need creating)."""
    s3 = S3Service(aws_session)
    s3.create_bucket("counted")
    sent = log_requests(s3.client)

    failed = s3.delete_objects("counted", [f"k{n:05}" for n in range(ITEMS)])

    assert failed == []
    assert sent.operations == ["DeleteObjects"] * 3


def test_1500_route53_changes_take_2_requests(aws_session: Session) -> None:
    """change_records of 1,500 changes sends 2 ChangeResourceRecordSets (Route53 takes 1,000
    records a batch), on moto, which then holds every record."""
    route53 = Route53Service(aws_session)
    zone = route53.create_hosted_zone("counted.example.com")
    sent = log_requests(route53.client)
    changes = [
        RecordChange(
            action="CREATE",
            record=RecordSet(
                name=f"h{n}.counted.example.com", type="A", ttl=60, values=("192.0.2.1",)
            ),
        )
        for n in range(1500)
    ]

    route53.change_records(zone.id, changes)

    assert sent.operations == ["ChangeResourceRecordSets"] * 2
    assert sum(1 for _ in route53.records(zone.id)) == 1500 + 2  # and the zone's SOA and NS


def _version_page(start: int, end: int, *, truncated: bool) -> Answer:
    versions = [
        {"Key": f"k{n:05}", "VersionId": f"v{n}", "IsLatest": True} for n in range(start, end)
    ]
    return result_answer({"Versions": versions, "IsTruncated": truncated})


def test_force_deleting_a_bucket_of_2500_versions_takes_7_requests(aws_session: Session) -> None:
    """delete_bucket(force=True) over 2,500 versions: 3 ListObjectVersions of 1,000, 3
    DeleteObjects, then DeleteBucket — 6 requests to empty it, the listing included.

    S3's answers are given at ``before-call`` (putting 2,500 versions into moto takes ten
    seconds; tests/services/test_s3.py does it once, for the same sequence): each round lists
    the first page of what is left, so the pages are 1,000, 1,000 and the last 500."""
    s3 = S3Service(aws_session)
    # botocore calls the handlers of the most specific event first: the log is registered on
    # each answered operation, before its answers, to see every request.
    sent = Requests()
    for operation in ("ListObjectVersions", "DeleteObjects", "DeleteBucket"):
        s3.client.meta.events.register(f"before-call.s3.{operation}", sent)
    answer_calls(
        s3.client,
        "ListObjectVersions",
        _version_page(0, 1000, truncated=True),
        _version_page(1000, 2000, truncated=True),
        _version_page(2000, ITEMS, truncated=False),
    )
    deletes = answer_calls(s3.client, "DeleteObjects", *[result_answer({}) for _ in range(3)])
    answer_calls(s3.client, "DeleteBucket", result_answer({}))

    s3.delete_bucket("counted", force=True)

    assert sent.operations == ["ListObjectVersions", "DeleteObjects"] * 3 + ["DeleteBucket"]
    assert deletes.sent == 3
