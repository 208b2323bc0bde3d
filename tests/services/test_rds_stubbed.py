"""RdsService against answers moto never gives: RDS's Marker paging, its error codes in both
spellings, instances that take time (or fail) to become available, subnet groups in use,
and responses lacking what AWS always sends; played back with botocore's ``Stubber`` or
answered at ``before-call`` (rds_support.always)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from rds_support import CREATED, PASSWORD, instance_item, subnet_group_item
from support import ONE_ATTEMPT, answer_calls, error_answer, result_answer, stubber_on

from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    CapacityError,
    InUseError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
    WaitFailedError,
    WaitTimeoutError,
)
from awsfacade.rds import DbInstanceStatus, RdsService

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.stub import Stubber
    from mypy_boto3_rds.type_defs import DBInstanceTypeDef


@pytest.fixture
def rds(aws_session: Session) -> RdsService:
    """An RdsService whose client makes one attempt a request (no retries)."""
    return RdsService(aws_session, config=ONE_ATTEMPT)


stub = stubber_on("rds")


def described(*items: DBInstanceTypeDef, marker: str | None = None) -> dict[str, object]:
    """A DescribeDBInstances answer holding ``items``."""
    response: dict[str, object] = {"DBInstances": list(items)}
    if marker is not None:
        response["Marker"] = marker
    return response


# -- paging ----------------------------------------------------------------------------------


def test_instances_follow_the_marker_across_pages(rds: RdsService, stub: Stubber) -> None:
    """Two pages: the second request carries the first's Marker; every instance comes."""
    stub.add_response(
        "describe_db_instances",
        described(instance_item("a"), instance_item("b"), marker="m1"),
        {"MaxRecords": 100},
    )
    stub.add_response(
        "describe_db_instances", described(instance_item("c")), {"MaxRecords": 100, "Marker": "m1"}
    )

    assert [instance.identifier for instance in rds.instances()] == ["a", "b", "c"]


def test_instances_stop_paging_when_the_consumer_stops(rds: RdsService, stub: Stubber) -> None:
    """Taking the first instance reads one page only, though RDS has more."""
    stub.add_response(
        "describe_db_instances", described(instance_item("a"), marker="m1"), {"MaxRecords": 100}
    )

    assert next(rds.instances()).identifier == "a"


def test_the_engine_filter_is_sent_on_every_page(rds: RdsService, stub: Stubber) -> None:
    """instances(engine=...) sends RDS's engine filter with each page's request."""
    engine = [{"Name": "engine", "Values": ["mysql"]}]
    stub.add_response(
        "describe_db_instances",
        described(instance_item("a"), marker="m1"),
        {"Filters": engine, "MaxRecords": 100},
    )
    stub.add_response(
        "describe_db_instances",
        described(),
        {"Filters": engine, "MaxRecords": 100, "Marker": "m1"},
    )

    assert [instance.identifier for instance in rds.instances(engine="mysql")] == ["a"]


def test_subnet_groups_follow_the_marker(rds: RdsService, stub: Stubber) -> None:
    """DescribeDBSubnetGroups pages are followed by Marker, 100 a page."""
    stub.add_response(
        "describe_db_subnet_groups",
        {"DBSubnetGroups": [subnet_group_item("a")], "Marker": "m1"},
        {"MaxRecords": 100},
    )
    stub.add_response(
        "describe_db_subnet_groups",
        {"DBSubnetGroups": [subnet_group_item("b")]},
        {"MaxRecords": 100, "Marker": "m1"},
    )

    assert [group.name for group in rds.subnet_groups()] == ["a", "b"]


# -- error codes -----------------------------------------------------------------------------

Call = Callable[[RdsService], object]


def _create(rds: RdsService) -> object:
    return rds.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin",
        master_password=PASSWORD,
    )


def _create_group(rds: RdsService) -> object:
    return rds.create_subnet_group("g", subnet_ids=["subnet-a"], description="d")


#: Each case: (operation stubbed, the call, AWS's code, the class it becomes).
ERRORS: list[tuple[str, Call, str, type[ServiceError]]] = [
    (
        "describe_db_instances",
        lambda rds: rds.instance("db1"),
        "DBInstanceNotFound",
        NotFoundError,
    ),
    (
        "describe_db_instances",
        lambda rds: rds.instance("db1"),
        "DBInstanceNotFoundFault",
        NotFoundError,
    ),
    ("create_db_instance", _create, "DBInstanceAlreadyExists", AlreadyExistsError),
    ("create_db_instance", _create, "DBInstanceAlreadyExistsFault", AlreadyExistsError),
    ("create_db_instance", _create, "InstanceQuotaExceeded", LimitExceededError),
    ("create_db_instance", _create, "StorageQuotaExceededFault", LimitExceededError),
    ("create_db_instance", _create, "InsufficientDBInstanceCapacity", CapacityError),
    ("create_db_instance", _create, "DBSubnetGroupDoesNotCoverEnoughAZs", InvalidRequestError),
    ("create_db_instance", _create, "StorageTypeNotSupported", InvalidRequestError),
    ("create_db_instance", _create, "KMSKeyNotAccessibleFault", AccessDeniedError),
    ("create_db_instance", _create, "InvalidParameterCombination", InvalidRequestError),
    ("create_db_instance", _create, "Throttling", ThrottledError),
    ("create_db_instance", _create, "SomethingNew", ServiceError),
    (
        "delete_db_instance",
        lambda rds: rds.delete_instance("db1", skip_final_snapshot=True),
        "InvalidDBInstanceState",
        InvalidStateError,
    ),
    (
        "delete_db_instance",
        lambda rds: rds.delete_instance("db1", skip_final_snapshot=True),
        "InvalidDBInstanceStateFault",
        InvalidStateError,
    ),
    (
        "delete_db_instance",
        lambda rds: rds.delete_instance(
            "db1", skip_final_snapshot=False, final_snapshot_identifier="final"
        ),
        "DBSnapshotAlreadyExists",
        AlreadyExistsError,
    ),
    ("create_db_subnet_group", _create_group, "DBSubnetGroupAlreadyExists", AlreadyExistsError),
    ("create_db_subnet_group", _create_group, "DBSubnetGroupQuotaExceeded", LimitExceededError),
    (
        "delete_db_subnet_group",
        lambda rds: rds.delete_subnet_group("g"),
        "InvalidDBSubnetGroupStateFault",
        InUseError,
    ),
    (
        "describe_db_subnet_groups",
        lambda rds: rds.subnet_group("g"),
        "DBSubnetGroupNotFoundFault",
        NotFoundError,
    ),
]


@pytest.mark.parametrize(
    ("operation", "call", "code", "expected"),
    ERRORS,
    ids=[f"{case[0]}-{case[2]}" for case in ERRORS],
)
def test_rds_error_codes_become_their_classes(
    rds: RdsService,
    stub: Stubber,
    operation: str,
    call: Call,
    code: str,
    expected: type[ServiceError],
) -> None:
    """Each RDS code, in AWS's spelling and in botocore's ...Fault one, raises its class and
    keeps the code and operation."""
    stub.add_client_error(operation, service_error_code=code, service_message="injected")

    with pytest.raises(expected) as caught:
        call(rds)

    assert type(caught.value) is expected
    assert caught.value.code == code


def test_an_instance_rds_filters_away_is_not_found(rds: RdsService, stub: Stubber) -> None:
    """An empty answer to a lookup by ARN is NotFoundError with RDS's code."""
    arn = "arn:aws:rds:us-east-1:123456789012:db:db1"
    stub.add_response(
        "describe_db_instances", described(), {"DBInstanceIdentifier": arn, "MaxRecords": 100}
    )

    with pytest.raises(NotFoundError) as caught:
        rds.instance(arn)
    assert caught.value.code == "DBInstanceNotFound"


def test_a_subnet_group_rds_filters_away_is_not_found(rds: RdsService, stub: Stubber) -> None:
    """An empty answer to a subnet group lookup is NotFoundError."""
    stub.add_response("describe_db_subnet_groups", {"DBSubnetGroups": []})

    with pytest.raises(NotFoundError):
        rds.subnet_group("g")


def test_a_failed_request_never_quotes_the_password(rds: RdsService, stub: Stubber) -> None:
    """An error from CreateDBInstance names the operation, not the password sent."""
    stub.add_client_error("create_db_instance", service_error_code="InvalidParameterValue")

    with pytest.raises(InvalidRequestError) as caught:
        _create(rds)

    assert PASSWORD not in str(caught.value)
    assert PASSWORD not in repr(caught.value)


# -- what AWS sends that moto does not -------------------------------------------------------


def test_a_new_instance_is_built_from_the_create_answer(rds: RdsService, stub: Stubber) -> None:
    """CreateDBInstance's answer (creating: no endpoint, no creation time yet) is the model;
    nothing is read back."""
    stub.add_response("create_db_instance", {"DBInstance": instance_item(status="creating")})

    instance = rds.create_instance("db1", instance_class="db.t3.micro", engine="postgres")

    assert instance.status is DbInstanceStatus.CREATING
    assert (instance.endpoint, instance.created, instance.port) == (None, None, None)


def test_a_create_answer_without_the_instance_is_unexpected(rds: RdsService, stub: Stubber) -> None:
    """A CreateDBInstance answer lacking DBInstance is UnexpectedResponseError, not KeyError."""
    stub.add_response("create_db_instance", {})

    with pytest.raises(UnexpectedResponseError, match="DBInstance"):
        rds.create_instance("db1", instance_class="db.t3.micro", engine="postgres")


def test_a_create_subnet_group_answer_without_the_group_is_unexpected(
    rds: RdsService, stub: Stubber
) -> None:
    """A CreateDBSubnetGroup answer lacking DBSubnetGroup is UnexpectedResponseError."""
    stub.add_response("create_db_subnet_group", {})

    with pytest.raises(UnexpectedResponseError, match="DBSubnetGroup"):
        _create_group(rds)


def test_an_instance_lacking_its_resource_id_is_unexpected(rds: RdsService, stub: Stubber) -> None:
    """A listed instance without DbiResourceId (AWS always sends it) is UnexpectedResponseError
    naming the field."""
    item = instance_item()
    del item["DbiResourceId"]
    stub.add_response("describe_db_instances", described(item))

    with pytest.raises(UnexpectedResponseError, match="DbiResourceId"):
        list(rds.instances())


def test_times_in_any_zone_become_utc(rds: RdsService, stub: Stubber) -> None:
    """InstanceCreateTime in another zone is the same instant in UTC."""
    item = instance_item()
    item["InstanceCreateTime"] = CREATED.astimezone(timezone(timedelta(hours=8)))
    stub.add_response("describe_db_instances", described(item))

    [instance] = rds.instances()

    assert instance.created == CREATED
    assert instance.created is not None
    assert instance.created.tzinfo is UTC


def test_an_instance_in_the_default_subnet_group_has_its_vpc(
    rds: RdsService, stub: Stubber
) -> None:
    """AWS reports an instance created without a subnet group in the default VPC's default
    group: the model has that group and its VPC (moto sends neither)."""
    item = instance_item()
    item["DBSubnetGroup"] = subnet_group_item("default", vpc_id="vpc-default")
    stub.add_response("describe_db_instances", described(item))

    [instance] = rds.instances()

    assert instance.subnet_group is not None
    assert instance.subnet_group.name == "default"
    assert instance.vpc_id == "vpc-default"


# -- waiting ---------------------------------------------------------------------------------


def test_wait_until_available_polls_while_creating(rds: RdsService, stub: Stubber) -> None:
    """The wait polls through creating and backing-up, then returns the instance as the
    poll that found it available describes it (no read after)."""
    by_id = {"DBInstanceIdentifier": "db1"}
    for status in ("creating", "backing-up", "available"):
        stub.add_response("describe_db_instances", described(instance_item(status=status)), by_id)

    instance = rds.wait_until_available("db1", poll_interval=0.001)

    assert instance.status is DbInstanceStatus.AVAILABLE


@pytest.mark.parametrize(
    "status", ["failed", "deleting", "incompatible-restore", "incompatible-parameters"]
)
def test_wait_until_available_fails_on_a_dead_end(
    rds: RdsService, stub: Stubber, status: str
) -> None:
    """A status botocore's own waiter gives up on ends the wait at once with WaitFailedError."""
    stub.add_response("describe_db_instances", described(instance_item(status="creating")))
    stub.add_response("describe_db_instances", described(instance_item(status=status)))

    with pytest.raises(WaitFailedError, match=status):
        rds.wait_until_available("db1", poll_interval=0.001)


def test_wait_until_available_times_out(rds: RdsService) -> None:
    """An instance forever creating is WaitTimeoutError (a TimeoutError) when time runs out."""
    hook = answer_calls(
        rds.client,
        "DescribeDBInstances",
        result_answer(described(instance_item(status="creating"))),
        repeat_last=True,
    )

    with pytest.raises(TimeoutError) as caught:
        rds.wait_until_available("db1", timeout=0.05, poll_interval=0.01)

    assert isinstance(caught.value, WaitTimeoutError)
    assert "db1" in str(caught.value)
    assert hook.sent >= 2


def test_wait_until_available_gives_up_on_an_unknown_instance(rds: RdsService) -> None:
    """An identifier still unknown when the grace period is over is NotFoundError."""
    hook = answer_calls(
        rds.client, "DescribeDBInstances", error_answer("DBInstanceNotFound"), repeat_last=True
    )

    with pytest.raises(NotFoundError) as caught:
        rds.wait_until_available("db1", timeout=0.05, poll_interval=0.01)

    assert caught.value.code == "DBInstanceNotFound"
    assert hook.sent >= 2


def test_wait_until_available_waits_for_a_new_instance_to_appear(rds: RdsService) -> None:
    """A new instance RDS does not show yet is polled again until it does."""
    hook = answer_calls(
        rds.client,
        "DescribeDBInstances",
        error_answer("DBInstanceNotFound"),
        result_answer(described(instance_item(status="creating"))),
        result_answer(described(instance_item())),
        repeat_last=True,
    )

    assert rds.wait_until_available("db1", poll_interval=0.001).identifier == "db1"
    assert hook.sent == 3  # three polls: the last one's instance is returned


def test_wait_until_deleted_polls_until_rds_forgets_it(rds: RdsService, stub: Stubber) -> None:
    """The wait polls while deleting and returns once RDS answers DBInstanceNotFound."""
    stub.add_response("describe_db_instances", described(instance_item(status="deleting")))
    stub.add_client_error("describe_db_instances", service_error_code="DBInstanceNotFound")

    rds.wait_until_deleted("db1", poll_interval=0.001)


def test_wait_until_deleted_fails_when_nobody_deletes_it(rds: RdsService, stub: Stubber) -> None:
    """An instance being created is not being deleted: WaitFailedError at once."""
    stub.add_response("describe_db_instances", described(instance_item(status="creating")))

    with pytest.raises(WaitFailedError, match="creating"):
        rds.wait_until_deleted("db1", poll_interval=0.001)


def test_wait_until_deleted_times_out(rds: RdsService) -> None:
    """An instance forever deleting is WaitTimeoutError when time runs out."""
    answer_calls(
        rds.client,
        "DescribeDBInstances",
        result_answer(described(instance_item(status="deleting"))),
        repeat_last=True,
    )

    with pytest.raises(WaitTimeoutError):
        rds.wait_until_deleted("db1", timeout=0.05, poll_interval=0.01)


def test_wait_until_deleted_raises_other_errors(rds: RdsService, stub: Stubber) -> None:
    """An AWS error other than not-found surfaces as its awsfacade error."""
    stub.add_client_error("describe_db_instances", service_error_code="AccessDenied")

    with pytest.raises(AccessDeniedError):
        rds.wait_until_deleted("db1", poll_interval=0.001)
