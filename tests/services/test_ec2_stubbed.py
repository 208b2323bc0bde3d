"""Ec2Service against answers moto never gives, played back with botocore's ``Stubber``.

Throttling, quota and permission errors, responses lacking fields AWS always sends, datetimes
in other zones, instance-counted pages, state transitions over time: AWS behaviour that moto
does not reproduce, checked on a client with retries off so each stubbed answer is one attempt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from botocore.exceptions import ClientError
from support import read_before

from awsfacade.ec2 import Ec2Service, InstanceState
from awsfacade.errors import (
    AccessDeniedError,
    CapacityError,
    DryRunError,
    InUseError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
    WaitFailedError,
)

if TYPE_CHECKING:
    from botocore.stub import Stubber

INSTANCE_ID = "i-0123456789abcdef0"
GROUP_ID = "sg-0123456789abcdef0"
LAUNCHED = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


def instance_item(instance_id: str = INSTANCE_ID, **overrides: object) -> dict[str, object]:
    """One ``Instances`` item as describe_instances and run_instances return it."""
    item: dict[str, object] = {
        "InstanceId": instance_id,
        "ImageId": "ami-12345678",
        "InstanceType": "t3.micro",
        "State": {"Code": 16, "Name": "running"},
        "LaunchTime": LAUNCHED,
        "Placement": {"AvailabilityZone": "us-east-1a"},
    }
    item.update(overrides)
    return item


def described(*items: Mapping[str, object], next_token: str | None = None) -> dict[str, object]:
    """A describe_instances response holding ``items`` in one reservation."""
    response: dict[str, object] = {
        "Reservations": [{"ReservationId": "r-0123456789abcdef0", "Instances": list(items)}]
    }
    if next_token is not None:
        response["NextToken"] = next_token
    return response


# -- errors only AWS produces ------------------------------------------------------------------

THROTTLED_CALLS: dict[str, tuple[str, str, Callable[[Ec2Service], object]]] = {
    "instances": ("describe_instances", "DescribeInstances", lambda ec2: list(ec2.instances())),
    "run": ("run_instances", "RunInstances", lambda ec2: ec2.run(image_id="ami-12345678")),
    "start": ("start_instances", "StartInstances", lambda ec2: ec2.start([INSTANCE_ID])),
}


@pytest.mark.parametrize("case", list(THROTTLED_CALLS.values()), ids=list(THROTTLED_CALLS))
def test_throttling_raises_throttled_error(
    service: Ec2Service,
    stubber: Stubber,
    case: tuple[str, str, Callable[[Ec2Service], object]],
) -> None:
    """RequestLimitExceeded becomes ThrottledError with code, operation, request id and cause."""
    method, operation, call = case
    stubber.add_client_error(
        method,
        service_error_code="RequestLimitExceeded",
        service_message="Request limit exceeded.",
        http_status_code=503,
        response_meta={"RequestId": "req-throttled-1"},
    )

    with pytest.raises(ThrottledError) as raised:
        call(service)

    error = raised.value
    assert error.code == "RequestLimitExceeded"
    assert error.message == "Request limit exceeded."
    assert error.operation == operation
    assert error.request_id == "req-throttled-1"
    assert isinstance(error.__cause__, ClientError)
    assert error.__cause__.response.get("Error", {}).get("Code") == "RequestLimitExceeded"
    assert "req-throttled-1" in str(error)


AWS_ONLY_ERRORS: dict[str, tuple[str, str, type[ServiceError], Callable[[Ec2Service], object]]] = {
    "unauthorized": (
        "run_instances",
        "UnauthorizedOperation",
        AccessDeniedError,
        lambda ec2: ec2.run(image_id="ami-12345678"),
    ),
    "instance-limit": (
        "run_instances",
        "InstanceLimitExceeded",
        LimitExceededError,
        lambda ec2: ec2.run(image_id="ami-12345678", count=50),
    ),
    "vcpu-limit": (
        "run_instances",
        "VcpuLimitExceeded",
        LimitExceededError,
        lambda ec2: ec2.run(image_id="ami-12345678", instance_type="c5.24xlarge"),
    ),
    "group-in-use": (
        "delete_security_group",
        "InvalidGroup.InUse",
        InUseError,
        lambda ec2: ec2.delete_security_group(GROUP_ID),
    ),
    "group-dependency": (
        "delete_security_group",
        "DependencyViolation",
        InUseError,
        lambda ec2: ec2.delete_security_group(GROUP_ID),
    ),
    "incorrect-state": (
        "start_instances",
        "IncorrectInstanceState",
        InvalidStateError,
        lambda ec2: ec2.start([INSTANCE_ID]),
    ),
    "no-capacity": (
        "run_instances",
        "InsufficientInstanceCapacity",
        CapacityError,
        lambda ec2: ec2.run(image_id="ami-12345678", instance_type="p5.48xlarge"),
    ),
    "dry-run": (
        "run_instances",
        "DryRunOperation",
        DryRunError,
        lambda ec2: ec2.run(image_id="ami-12345678"),
    ),
    "opt-in": (
        "run_instances",
        "OptInRequired",
        AccessDeniedError,
        lambda ec2: ec2.run(image_id="ami-12345678"),
    ),
    "eip-associated": (
        "associate_address",
        "Resource.AlreadyAssociated",
        InUseError,
        lambda ec2: ec2.associate_address("eipalloc-12345678", instance_id=INSTANCE_ID),
    ),
    "unknown-code": (
        "stop_instances",
        "SomethingNewAwsInvented",
        ServiceError,
        lambda ec2: ec2.stop([INSTANCE_ID]),
    ),
}


@pytest.mark.parametrize("case", list(AWS_ONLY_ERRORS.values()), ids=list(AWS_ONLY_ERRORS))
def test_aws_error_codes_map_to_their_classes(
    service: Ec2Service,
    stubber: Stubber,
    case: tuple[str, str, type[ServiceError], Callable[[Ec2Service], object]],
) -> None:
    """Error codes moto never sends map to the most specific awsfacade error class."""
    method, code, expected, call = case
    # moto gap (5.2): deleting a group another group's rule references succeeds in moto;
    # AWS answers DependencyViolation / InvalidGroup.InUse, so it is stubbed here.
    stubber.add_client_error(method, service_error_code=code, service_message="no")

    with pytest.raises(ServiceError) as raised:
        call(service)

    assert type(raised.value) is expected
    assert raised.value.code == code
    assert isinstance(raised.value.__cause__, ClientError)


# -- responses lacking what AWS always sends -------------------------------------------------


@pytest.mark.parametrize("field", ["InstanceId", "ImageId", "State", "LaunchTime"])
def test_instance_without_a_required_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """An instance lacking a field AWS always sends raises UnexpectedResponseError naming it."""
    item = instance_item()
    del item[field]
    stubber.add_response("describe_instances", described(item))

    with pytest.raises(UnexpectedResponseError, match=field):
        list(service.instances())


def test_run_response_without_instance_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """run() whose response holds an instance without InstanceId raises UnexpectedResponseError."""
    item = instance_item()
    del item["InstanceId"]
    stubber.add_response("run_instances", {"Instances": [item], "ReservationId": "r-1"})

    with pytest.raises(UnexpectedResponseError, match="InstanceId"):
        service.run(image_id="ami-12345678")


def test_run_without_instances_in_the_answer_is_unexpected(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A RunInstances answer with no Instances is UnexpectedResponseError, never []."""
    stubber.add_response("run_instances", {"ReservationId": "r-1"})

    with pytest.raises(UnexpectedResponseError, match="Instances"):
        service.run(image_id="ami-12345678")


def test_security_group_without_group_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A security group lacking GroupId raises UnexpectedResponseError, not KeyError."""
    stubber.add_response(
        "describe_security_groups",
        {"SecurityGroups": [{"GroupName": "web", "Description": "d", "VpcId": "vpc-1"}]},
    )

    with pytest.raises(UnexpectedResponseError, match="GroupId"):
        list(service.security_groups())


CREATE_CALLS: dict[str, tuple[str, str, Callable[[Ec2Service], object]]] = {
    "security-group": (
        "create_security_group",
        "GroupId",
        lambda ec2: ec2.create_security_group(name="web", description="d"),
    ),
    "vpc": ("create_vpc", "Vpc", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.0/16")),
    "subnet": (
        "create_subnet",
        "Subnet",
        lambda ec2: ec2.create_subnet(vpc_id="vpc-12345678", cidr_block="10.0.1.0/24"),
    ),
    "launch-template": (
        "create_launch_template",
        "LaunchTemplate",
        lambda ec2: ec2.create_launch_template(name="web", image_id="ami-12345678"),
    ),
}


@pytest.mark.parametrize("case", list(CREATE_CALLS.values()), ids=list(CREATE_CALLS))
def test_create_response_without_its_resource_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, case: tuple[str, str, Callable[[Ec2Service], object]]
) -> None:
    """A create_* answer lacking its resource raises UnexpectedResponseError, not KeyError."""
    method, field, call = case
    read_before(stubber, method)
    stubber.add_response(method, {})

    with pytest.raises(UnexpectedResponseError, match=field):
        call(service)


def test_missing_optional_fields_become_none(service: Ec2Service, stubber: Stubber) -> None:
    """Optional fields AWS leaves out (IPs, subnet, key, tags) become None or empty."""
    stubber.add_response("describe_instances", described(instance_item()))

    [instance] = service.instances()

    assert instance.private_ip is None
    assert instance.public_ip is None
    assert instance.subnet_id is None
    assert instance.vpc_id is None
    assert instance.key_name is None
    assert instance.security_group_ids == ()
    assert dict(instance.tags) == {}
    assert instance.name is None


def test_state_aws_adds_later_is_unknown(service: Ec2Service, stubber: Stubber) -> None:
    """A state this version does not know parses as UNKNOWN instead of crashing the listing."""
    stubber.add_response(
        "describe_instances",
        described(
            instance_item("i-0000000000000000a", State={"Code": 99, "Name": "hibernating"}),
            instance_item("i-0000000000000000b"),
        ),
    )

    states = [instance.state for instance in service.instances()]

    assert states == [InstanceState.UNKNOWN, InstanceState.RUNNING]


# -- datetimes ---------------------------------------------------------------------------------


def test_naive_launch_time_is_read_as_utc(service: Ec2Service, stubber: Stubber) -> None:
    """A naive LaunchTime becomes the same wall-clock time in UTC."""
    stubber.add_response(
        "describe_instances", described(instance_item(LaunchTime=datetime(2024, 5, 17, 8, 30)))
    )

    [instance] = service.instances()

    assert instance.launch_time.tzinfo is UTC
    assert instance.launch_time == LAUNCHED
    assert instance.launch_time.hour == 8


def test_non_utc_launch_time_is_converted_to_utc(service: Ec2Service, stubber: Stubber) -> None:
    """A LaunchTime in another zone becomes the same instant expressed in UTC."""
    paris = timezone(timedelta(hours=2))
    stubber.add_response(
        "describe_instances",
        described(instance_item(LaunchTime=datetime(2024, 5, 17, 10, 30, tzinfo=paris))),
    )

    [instance] = service.instances()

    assert instance.launch_time.tzinfo is UTC
    assert instance.launch_time.utcoffset() == timedelta(0)
    assert instance.launch_time.hour == 8
    assert instance.launch_time == LAUNCHED


# -- paging the way AWS pages ------------------------------------------------------------------


def test_instances_follows_next_token_with_the_largest_page(
    service: Ec2Service, stubber: Stubber
) -> None:
    """instances() asks for 1000 a page and follows NextToken until AWS stops sending one."""
    first_page = described(
        instance_item("i-0000000000000000a"), instance_item("i-0000000000000000b"), next_token="t1"
    )
    second_page = described(instance_item("i-0000000000000000c"))
    stubber.add_response("describe_instances", first_page, {"Filters": [], "MaxResults": 1000})
    stubber.add_response(
        "describe_instances", second_page, {"Filters": [], "MaxResults": 1000, "NextToken": "t1"}
    )

    ids = [instance.id for instance in service.instances()]

    assert ids == ["i-0000000000000000a", "i-0000000000000000b", "i-0000000000000000c"]


def test_launch_templates_page_200_at_a_time_and_follow_next_token(
    service: Ec2Service, stubber: Stubber
) -> None:
    """launch_templates() asks for DescribeLaunchTemplates' largest page, 200, and follows
    NextToken (moto cuts the list without one, so this is proven here)."""
    template = {"LaunchTemplateId": "lt-0123456789abcdef0", "LaunchTemplateName": "a-1"}
    other = {"LaunchTemplateId": "lt-0123456789abcdef1", "LaunchTemplateName": "a-2"}
    stubber.add_response(
        "describe_launch_templates",
        {"LaunchTemplates": [template], "NextToken": "t1"},
        {"Filters": [], "MaxResults": 200},
    )
    stubber.add_response(
        "describe_launch_templates",
        {"LaunchTemplates": [other]},
        {"Filters": [], "MaxResults": 200, "NextToken": "t1"},
    )

    assert [t.name for t in service.launch_templates()] == ["a-1", "a-2"]


def test_security_groups_page_1000_at_a_time_and_follow_next_token(
    service: Ec2Service, stubber: Stubber
) -> None:
    """security_groups() asks for 1000 a page and follows NextToken (moto never pages)."""
    group = {"GroupId": GROUP_ID, "GroupName": "a", "Description": "a"}
    stubber.add_response(
        "describe_security_groups",
        {"SecurityGroups": [group], "NextToken": "t1"},
        {"Filters": [], "MaxResults": 1000},
    )
    stubber.add_response(
        "describe_security_groups",
        {"SecurityGroups": [group | {"GroupName": "b"}]},
        {"Filters": [], "MaxResults": 1000, "NextToken": "t1"},
    )

    assert [g.name for g in service.security_groups()] == ["a", "b"]


def test_instances_by_ids_sends_no_max_results(service: Ec2Service, stubber: Stubber) -> None:
    """ids= sends InstanceIds without MaxResults, which AWS refuses beside them."""
    stubber.add_response(
        "describe_instances",
        described(instance_item()),
        {"InstanceIds": [INSTANCE_ID], "Filters": []},
    )

    assert [instance.id for instance in service.instances(ids=[INSTANCE_ID])] == [INSTANCE_ID]


def test_error_on_a_later_page_is_translated(service: Ec2Service, stubber: Stubber) -> None:
    """An error on the second page raises the awsfacade error after the first page's items."""
    stubber.add_response("describe_instances", described(instance_item(), next_token="t1"), None)
    stubber.add_client_error(
        "describe_instances", service_error_code="RequestLimitExceeded", http_status_code=503
    )
    listing = service.instances()

    assert next(listing).id == INSTANCE_ID
    with pytest.raises(ThrottledError):
        next(listing)


# -- waiting through real transitions ---------------------------------------------------------


def test_wait_until_polls_until_pending_becomes_running(
    service: Ec2Service, stubber: Stubber
) -> None:
    """wait_until(RUNNING) keeps polling while pending and returns the running instance as
    the last poll describes it (no read after)."""
    pending = instance_item(State={"Code": 0, "Name": "pending"})
    for response in (described(pending), described(pending), described(instance_item())):
        stubber.add_response("describe_instances", response, {"InstanceIds": [INSTANCE_ID]})

    [instance] = service.wait_until([INSTANCE_ID], InstanceState.RUNNING, poll_interval=0.001)

    assert instance.state is InstanceState.RUNNING


def test_wait_until_fails_when_instance_starts_stopping(
    service: Ec2Service, stubber: Stubber
) -> None:
    """Waiting for RUNNING fails once the instance is seen stopping, without waiting longer."""
    pending = instance_item(State={"Code": 0, "Name": "pending"})
    stopping = instance_item(State={"Code": 64, "Name": "stopping"})
    stubber.add_response("describe_instances", described(pending))
    stubber.add_response("describe_instances", described(stopping))

    with pytest.raises(WaitFailedError):
        service.wait_until([INSTANCE_ID], InstanceState.RUNNING, poll_interval=0.001)


# Each awaited state and the states from which it cannot follow.
DEAD_ENDS = [
    (InstanceState.RUNNING, InstanceState.SHUTTING_DOWN),
    (InstanceState.RUNNING, InstanceState.TERMINATED),
    (InstanceState.RUNNING, InstanceState.STOPPING),
    (InstanceState.STOPPED, InstanceState.PENDING),
    (InstanceState.STOPPED, InstanceState.SHUTTING_DOWN),
    (InstanceState.STOPPED, InstanceState.TERMINATED),
    (InstanceState.TERMINATED, InstanceState.PENDING),
    (InstanceState.TERMINATED, InstanceState.STOPPING),
    (InstanceState.STOPPING, InstanceState.SHUTTING_DOWN),
    (InstanceState.STOPPING, InstanceState.TERMINATED),
    (InstanceState.PENDING, InstanceState.SHUTTING_DOWN),
    (InstanceState.PENDING, InstanceState.TERMINATED),
    (InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED),
]


@pytest.mark.parametrize(
    ("awaited", "reached"), DEAD_ENDS, ids=[f"{a}-after-{r}" for a, r in DEAD_ENDS]
)
def test_wait_until_fails_at_the_first_poll_that_sees_a_dead_end(
    service: Ec2Service, stubber: Stubber, awaited: InstanceState, reached: InstanceState
) -> None:
    """Waiting for a state fails after one poll if the instance is in a state it cannot leave
    for the awaited one (waiting for STOPPING on a shutting-down instance, say)."""
    instance = {
        "InstanceId": INSTANCE_ID,
        "ImageId": "ami-12345678",
        "InstanceType": "t3.micro",
        "State": {"Name": str(reached)},
        "LaunchTime": datetime(2024, 5, 17, 8, 30, tzinfo=UTC),
    }
    stubber.add_response(
        "describe_instances",
        {"Reservations": [{"ReservationId": "r-0123456789abcdef0", "Instances": [instance]}]},
    )

    with pytest.raises(WaitFailedError, match=str(reached)):
        service.wait_until([INSTANCE_ID], awaited, timeout=5, poll_interval=0.001)


def test_wait_until_raises_a_non_retryable_error(service: Ec2Service, stubber: Stubber) -> None:
    """An AWS error the waiter does not retry surfaces as its awsfacade error."""
    stubber.add_client_error("describe_instances", service_error_code="UnauthorizedOperation")

    with pytest.raises(AccessDeniedError):
        service.wait_until([INSTANCE_ID], InstanceState.RUNNING, poll_interval=0.001)


_GET_ONE: list[tuple[str, dict[str, object], Callable[[Ec2Service], object], str]] = [
    (
        "describe_instances",
        {"Reservations": []},
        lambda ec2: ec2.instance("i-0123456789abcdef0"),
        "InvalidInstanceID.NotFound",
    ),
    (
        "describe_security_groups",
        {"SecurityGroups": []},
        lambda ec2: ec2.security_group("sg-0123456789abcdef0"),
        "InvalidGroup.NotFound",
    ),
    (
        "describe_vpcs",
        {"Vpcs": []},
        lambda ec2: ec2.vpc("vpc-0123456789abcdef0"),
        "InvalidVpcID.NotFound",
    ),
    (
        "describe_subnets",
        {"Subnets": []},
        lambda ec2: ec2.subnet("subnet-0123456789abcdef0"),
        "InvalidSubnetID.NotFound",
    ),
]


@pytest.mark.parametrize(
    ("operation", "empty", "get", "code"),
    _GET_ONE,
    ids=["instance", "security-group", "vpc", "subnet"],
)
def test_get_one_with_an_empty_answer_raises_not_found(
    service: Ec2Service,
    stubber: Stubber,
    operation: str,
    empty: dict[str, object],
    get: Callable[[Ec2Service], object],
    code: str,
) -> None:
    """When AWS answers an id lookup with an empty list instead of an error, it is NotFoundError."""
    stubber.add_response(operation, empty)

    with pytest.raises(NotFoundError) as raised:
        get(service)

    assert raised.value.code == code
    assert raised.value.request_id is None
