"""`Realism(aws_page_sizes=True)`: listings answer AWS's pages, where moto answers everything.

moto ignores IAM's MaxItems and EC2's MaxResults; under the switch a raw call with a small
limit answers that many items and a token, following the tokens yields every item once and in
order, botocore's paginators and the facade's listings return every item (the facade sending
the requests AWS would need, counted at ``after-call``), a limit AWS refuses gets AWS's error,
and a session without the switch is untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import botocore.session
import pytest
from botocore.exceptions import ClientError

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import InvalidArgumentError
from awsfacade.iam import IamService
from awsfacade.testing import Realism, mocked_session
from awsfacade.testing._pages import Listing, _paginators, listing_of

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.loaders import Loader
    from mypy_boto3_autoscaling import AutoScalingClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_rds import RDSClient
    from mypy_boto3_route53 import Route53Client
    from mypy_boto3_s3 import S3Client

PAGES = Realism(aws_page_sizes=True)


@pytest.fixture
def session() -> Iterator[Session]:
    """A moto-backed session with AWS's page sizes."""
    with mocked_session(realism=PAGES) as paged:
        yield paged


def _iam(session: Session) -> IAMClient:
    return session.client("iam")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py


def _ec2(session: Session) -> EC2Client:
    return session.client("ec2")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py


def _users(iam: IAMClient, count: int) -> list[str]:
    names = [f"user-{index:03d}" for index in range(count)]
    for name in names:
        iam.create_user(UserName=name)
    return names


def _launch(ec2: EC2Client, *counts: int) -> list[str]:
    """Instances in one reservation per count."""
    ids: list[str] = []
    for count in counts:
        launched = ec2.run_instances(ImageId="ami-12345678", MinCount=count, MaxCount=count)
        ids.extend(instance.get("InstanceId", "") for instance in launched.get("Instances", []))
    return ids


class Counter:
    """Counts one operation's calls as the code sees them (``after-call``)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, **_: object) -> None:
        self.calls += 1


def _count(client: IAMClient | EC2Client | RDSClient, event: str) -> Counter:
    """Count ``event`` on a client made already (a session's handlers are copied at creation)."""
    counter = Counter()
    client.meta.events.register(event, counter)
    return counter


def _count_clients(session: Session, event: str) -> Counter:
    """Count ``event`` on the clients ``session`` makes from now on (the facade's)."""
    counter = Counter()
    session.events.register(event, counter)
    return counter


# --- A raw client ---------------------------------------------------------------------------


def test_iam_max_items_answers_that_many_and_a_marker(session: Session) -> None:
    iam = _iam(session)
    names = _users(iam, 5)
    first = iam.list_users(MaxItems=2)
    assert [user["UserName"] for user in first["Users"]] == names[:2]
    assert first["IsTruncated"] is True
    seen = [user["UserName"] for user in first["Users"]]
    marker: str | None = first.get("Marker")
    while marker is not None:
        page = iam.list_users(MaxItems=2, Marker=marker)
        assert len(page["Users"]) <= 2
        seen.extend(user["UserName"] for user in page["Users"])
        marker = page.get("Marker") if page.get("IsTruncated") else None
    assert seen == names  # every user once, in order


def test_iam_answers_its_default_page_of_100(session: Session) -> None:
    iam = _iam(session)
    _users(iam, 101)
    page = iam.list_users()
    assert len(page["Users"]) == 100
    assert page["IsTruncated"] is True
    rest = iam.list_users(Marker=page.get("Marker", ""))
    assert len(rest["Users"]) == 1
    assert rest["IsTruncated"] is False
    assert "Marker" not in rest


def test_ec2_max_results_counts_instances_not_reservations(session: Session) -> None:
    ec2 = _ec2(session)
    ids = _launch(ec2, 7, 3)
    first = ec2.describe_instances(MaxResults=5)
    assert [len(r.get("Instances", [])) for r in first["Reservations"]] == [5]
    token = first.get("NextToken")
    assert token
    second = ec2.describe_instances(MaxResults=5, NextToken=token)
    # The first reservation's last 2 instances, then the second reservation's 3.
    assert [len(r.get("Instances", [])) for r in second["Reservations"]] == [2, 3]
    assert "NextToken" not in second
    reservation_ids = [r.get("ReservationId") for r in first["Reservations"]]
    assert second["Reservations"][0].get("ReservationId") == reservation_ids[0]
    seen = [
        instance.get("InstanceId")
        for page in (first, second)
        for reservation in page["Reservations"]
        for instance in reservation.get("Instances", [])
    ]
    assert seen == ids


def test_ec2_without_max_results_answers_everything(session: Session) -> None:
    ec2 = _ec2(session)
    ids = _launch(ec2, 4, 4)
    page = ec2.describe_instances()
    assert "NextToken" not in page
    assert sum(len(r.get("Instances", [])) for r in page["Reservations"]) == len(ids)


def test_s3_max_keys_pages_keys_and_common_prefixes_together(session: Session) -> None:
    s3 = _s3(session)
    for key in ("a/1", "a/2", "b", "c/1", "d", "e"):
        s3.put_object(Bucket="page-sizes", Key=key, Body=b"")
    first = s3.list_objects_v2(Bucket="page-sizes", Delimiter="/", MaxKeys=2)
    assert [p.get("Prefix") for p in first.get("CommonPrefixes", [])] == ["a/"]
    assert [o.get("Key") for o in first.get("Contents", [])] == ["b"]
    assert first["KeyCount"] == 2
    assert first["IsTruncated"] is True
    second = s3.list_objects_v2(
        Bucket="page-sizes",
        Delimiter="/",
        MaxKeys=2,
        ContinuationToken=first.get("NextContinuationToken", ""),
    )
    assert second.get("ContinuationToken") == first.get("NextContinuationToken")
    assert [p.get("Prefix") for p in second.get("CommonPrefixes", [])] == ["c/"]
    assert [o.get("Key") for o in second.get("Contents", [])] == ["d"]
    pages = s3.get_paginator("list_objects_v2").paginate(
        Bucket="page-sizes", PaginationConfig={"PageSize": 2}
    )
    assert [o.get("Key") for page in pages for o in page.get("Contents", [])] == [
        "a/1",
        "a/2",
        "b",
        "c/1",
        "d",
        "e",
    ]


def test_route53_record_sets_page_by_next_record(session: Session) -> None:
    route53 = _route53(session)
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="pages")
    zone_id = zone["HostedZone"]["Id"]
    route53.change_resource_record_sets(
        HostedZoneId=zone_id,
        ChangeBatch={
            "Changes": [
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": f"host{index}.example.com",
                        "Type": "A",
                        "TTL": 60,
                        "ResourceRecords": [{"Value": f"10.0.0.{index}"}],
                    },
                }
                for index in range(5)
            ]
        },
    )
    everything = route53.list_resource_record_sets(HostedZoneId=zone_id)
    assert everything["IsTruncated"] is False
    expected = [(r["Name"], r["Type"]) for r in everything["ResourceRecordSets"]]
    assert len(expected) == 7  # NS, SOA and the five A records
    page = route53.list_resource_record_sets(HostedZoneId=zone_id, MaxItems="2")
    seen = [(r["Name"], r["Type"]) for r in page["ResourceRecordSets"]]
    assert page["MaxItems"] == "2"
    while page["IsTruncated"]:
        page = route53.list_resource_record_sets(
            HostedZoneId=zone_id,
            MaxItems="2",
            StartRecordName=page.get("NextRecordName", ""),
            StartRecordType=page.get("NextRecordType", "A"),
        )
        assert len(page["ResourceRecordSets"]) <= 2
        seen.extend((r["Name"], r["Type"]) for r in page["ResourceRecordSets"])
    assert seen == expected


# --- botocore's paginators and the facade's listings -------------------------------------------


def test_botocore_paginators_return_every_item(session: Session) -> None:
    iam = _iam(session)
    names = _users(iam, 7)
    requests = _count(iam, "after-call.iam.ListUsers")
    pages = iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 3})
    assert [user["UserName"] for page in pages for user in page["Users"]] == names
    assert requests.calls == 3  # 3 + 3 + 1
    ec2 = _ec2(session)
    ids = _launch(ec2, 6, 6)
    pages_ec2 = ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5})
    found = [
        instance.get("InstanceId")
        for page in pages_ec2
        for reservation in page["Reservations"]
        for instance in reservation.get("Instances", [])
    ]
    assert found == ids


def test_rds_and_autoscaling_paginators_return_every_item(session: Session) -> None:
    rds = _rds(session)
    for index in range(23):
        rds.create_db_parameter_group(
            DBParameterGroupName=f"group-{index:02d}",
            DBParameterGroupFamily="mysql8.0",
            Description="pages",
        )
    whole = {
        group.get("DBParameterGroupName")
        for page in rds.get_paginator("describe_db_parameter_groups").paginate()
        for group in page.get("DBParameterGroups", [])
    }
    requests = _count(rds, "after-call.rds.DescribeDBParameterGroups")
    first = rds.describe_db_parameter_groups(MaxRecords=20)
    assert len(first.get("DBParameterGroups", [])) == 20
    assert first.get("Marker")
    rest = rds.describe_db_parameter_groups(MaxRecords=20, Marker=first.get("Marker", ""))
    groups = [*first.get("DBParameterGroups", []), *rest.get("DBParameterGroups", [])]
    assert {group.get("DBParameterGroupName") for group in groups} == whole
    assert rest.get("Marker") is None
    assert requests.calls == 2
    autoscaling = _autoscaling(session)
    for index in range(3):
        autoscaling.create_launch_configuration(
            LaunchConfigurationName=f"config-{index}",
            ImageId="ami-12345678",
            InstanceType="t3.micro",
        )
    page = autoscaling.describe_launch_configurations(MaxRecords=2)
    assert len(page["LaunchConfigurations"]) == 2
    assert page.get("NextToken")
    configs = autoscaling.get_paginator("describe_launch_configurations").paginate(
        PaginationConfig={"PageSize": 1}
    )
    assert [c["LaunchConfigurationName"] for p in configs for c in p["LaunchConfigurations"]] == [
        "config-0",
        "config-1",
        "config-2",
    ]


def test_the_facade_lists_every_item_in_the_requests_aws_needs(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = _count_clients(session, "after-call.iam.ListUsers")
    describes = _count_clients(session, "after-call.ec2.DescribeInstances")
    iam = IamService(session)
    names = _users(_iam(session), 5)
    requests.calls = 0
    assert [user.name for user in iam.users()] == names
    assert requests.calls == 1  # the facade asks for AWS's largest page, 1000
    monkeypatch.setattr(IamService, "_page_size", 2)
    requests.calls = 0
    assert [user.name for user in iam.users()] == names
    assert requests.calls == 3  # 2 + 2 + 1
    ec2 = Ec2Service(session)
    ids = _launch(_ec2(session), 6, 6)
    monkeypatch.setattr(Ec2Service, "_page_size", 5)
    describes.calls = 0
    assert [instance.id for instance in ec2.instances()] == ids
    assert describes.calls == 3  # 5 + 5 + 2 instances


# --- AWS's errors ---------------------------------------------------------------------------


def _rds(session: Session) -> RDSClient:
    return session.client("rds")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py


def _autoscaling(session: Session) -> AutoScalingClient:
    return session.client("autoscaling")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py


def _route53(session: Session) -> Route53Client:
    return session.client("route53")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py


def _s3(session: Session) -> S3Client:
    s3: S3Client = session.client("s3")  # pyright: ignore[reportUnknownMemberType] - see ec2/_base.py
    s3.create_bucket(Bucket="page-sizes")
    return s3


_REFUSED: list[tuple[Callable[[Session], object], str]] = [
    (lambda s: _ec2(s).describe_instances(MaxResults=4), "InvalidParameterValue"),
    (lambda s: _ec2(s).describe_instances(MaxResults=1001), "InvalidParameterValue"),
    (lambda s: _ec2(s).describe_vpcs(MaxResults=1001), "InvalidParameterValue"),
    (lambda s: _iam(s).list_users(MaxItems=1001), "ValidationError"),
    (lambda s: _rds(s).describe_db_instances(MaxRecords=19), "InvalidParameterValue"),
    (lambda s: _rds(s).describe_db_instances(MaxRecords=101), "InvalidParameterValue"),
    (lambda s: _autoscaling(s).describe_auto_scaling_groups(MaxRecords=101), "ValidationError"),
    (lambda s: _route53(s).list_hosted_zones(MaxItems="many"), "InvalidInput"),
    (lambda s: _s3(s).list_objects_v2(Bucket="page-sizes", MaxKeys=-1), "InvalidArgument"),
    (lambda s: _ec2(s).describe_instances(NextToken="foreign"), "InvalidPaginationToken"),
    (lambda s: _iam(s).list_users(Marker="foreign"), "ValidationError"),
    (
        lambda s: _autoscaling(s).describe_auto_scaling_groups(NextToken="foreign"),
        "InvalidNextToken",
    ),
    (
        lambda s: _s3(s).list_objects_v2(Bucket="page-sizes", ContinuationToken="foreign"),
        "InvalidArgument",
    ),
]


@pytest.mark.parametrize(("call", "code"), _REFUSED)
def test_a_limit_or_token_aws_refuses_gets_aws_error(
    session: Session, call: Callable[[Session], object], code: str
) -> None:
    with pytest.raises(ClientError) as raised:
        call(session)
    assert raised.value.response.get("Error", {}).get("Code") == code
    assert raised.value.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 400


def test_route53_answers_at_most_its_largest_page(session: Session) -> None:
    route53 = _route53(session)
    page = route53.list_hosted_zones(MaxItems="500")
    assert page["MaxItems"] == "100"  # Route53 answers its largest page instead of an error


def test_a_token_of_another_request_is_refused(session: Session) -> None:
    iam = _iam(session)
    _users(iam, 3)
    marker = iam.list_users(MaxItems=1).get("Marker", "")
    with pytest.raises(ClientError, match="ValidationError"):
        iam.list_users(MaxItems=1, Marker=marker, PathPrefix="/other/")
    again = iam.list_users(MaxItems=1, Marker=marker)
    assert again["Users"][0]["UserName"] == "user-001"


def test_bad_switch_is_refused_before_anything_runs() -> None:
    with pytest.raises(InvalidArgumentError):
        Realism(aws_page_sizes="yes")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type on purpose


# --- Only that session ----------------------------------------------------------------------


def test_a_session_without_the_switch_is_untouched() -> None:
    with mocked_session() as plain:
        iam = _iam(plain)
        _users(iam, 5)
        answer = iam.list_users(MaxItems=2)
        assert len(answer["Users"]) == 5  # moto's own answer: MaxItems ignored
        assert not any("_AwsPages" in cls.__name__ for cls in type(iam).__mro__)
        bases: list[type] = [object]
        plain.events.emit("creating-client-class.iam", class_attributes={}, base_classes=bases)
        assert bases == [object]  # no handler of ours on that session
    with mocked_session(realism=PAGES) as paged:
        paged.events.emit("creating-client-class.iam", class_attributes={}, base_classes=bases)
        assert bases != [object]


def test_the_covered_operations_and_their_sizes() -> None:
    core = botocore.session.get_session()
    loader: Loader = core.get_component("data_loader")

    def listing(service: str, operation: str) -> Listing | None:
        model = core.get_service_model(service).operation_model(operation)
        config = _paginators(loader, service, model.service_model.api_version).get(operation)
        return listing_of(model, config if isinstance(config, dict) else None)  # pyright: ignore[reportUnknownArgumentType] - botocore's paginator model, a dict

    sizes = {
        (service, operation): (found.low, found.high, found.default)
        for service, operation in [
            ("iam", "ListUsers"),
            ("rds", "DescribeDBInstances"),
            ("autoscaling", "DescribeAutoScalingGroups"),
            ("autoscaling", "DescribeAutoScalingInstances"),
            ("ec2", "DescribeInstances"),
            ("ec2", "DescribeVpcs"),
            ("ec2", "DescribeLaunchTemplates"),
            ("route53", "ListResourceRecordSets"),
            ("route53", "ListHostedZones"),
            ("s3", "ListObjectsV2"),
        ]
        if (found := listing(service, operation)) is not None
    }
    assert sizes == {
        ("iam", "ListUsers"): (1, 1000, 100),
        ("rds", "DescribeDBInstances"): (20, 100, 100),
        ("autoscaling", "DescribeAutoScalingGroups"): (1, 100, 50),
        ("autoscaling", "DescribeAutoScalingInstances"): (1, 50, 50),
        ("ec2", "DescribeInstances"): (5, 1000, None),
        ("ec2", "DescribeVpcs"): (5, 1000, None),
        ("ec2", "DescribeLaunchTemplates"): (1, 200, None),
        ("route53", "ListResourceRecordSets"): (1, 300, 300),
        ("route53", "ListHostedZones"): (1, 100, 100),
        ("s3", "ListObjectsV2"): (0, 1000, 1000),
    }
    # Left to moto: a paginator with two tokens (ListObjectVersions), Route53's other listings.
    assert listing("s3", "ListObjectVersions") is None
    assert listing("route53", "ListHostedZonesByName") is None


# --- A user's module, under pytest ----------------------------------------------------------

_USERS_MODULE = '''
def user_names_naive(iam):
    """Reads only the first page: passes on moto, loses users on AWS."""
    return [user["UserName"] for user in iam.list_users()["Users"]]


def user_names(iam):
    """Follows every page."""
    pages = iam.get_paginator("list_users").paginate()
    return [user["UserName"] for page in pages for user in page["Users"]]
'''

_USERS_TESTS = """
import pytest

from awsfacade.testing import Realism
from users import user_names, user_names_naive


@pytest.fixture
def iam(aws_session):
    client = aws_session.client("iam")
    for index in range(120):
        client.create_user(UserName=f"user-{index:03d}")
    return client


def test_naive_on_moto(iam):
    assert len(user_names_naive(iam)) == 120


@pytest.mark.aws_realism(Realism(aws_page_sizes=True))
def test_naive_with_aws_page_sizes(iam):
    assert len(user_names_naive(iam)) == 120


@pytest.mark.aws_realism(Realism(aws_page_sizes=True))
def test_paged_with_aws_page_sizes(iam):
    assert len(user_names(iam)) == 120
"""


def test_a_users_first_page_only_loop_fails_under_the_switch(pytester: pytest.Pytester) -> None:
    """The naive user code passes on plain moto and fails under `aws_page_sizes` (IAM answers
    100 users a page by default); the paginator version passes."""
    pytester.makepyfile(users=_USERS_MODULE, test_users=_USERS_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*FAILED test_users.py::test_naive_with_aws_page_sizes*"])
    result.stdout.fnmatch_lines(["*assert 100 == 120*"])
