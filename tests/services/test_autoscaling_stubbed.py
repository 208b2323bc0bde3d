"""AutoScalingService against answers moto never gives, played back with botocore's Stubber:
AWS's error codes and its "not found" messages, refusals moto skips (duplicates, deleting a
group with instances), mixed instances policies, paging, eventual consistency and waiting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from autoscaling_support import AMI, WHEN, configuration_item, group_item, instance_item
from support import ONE_ATTEMPT, READ_BACK_DELAYS, WAITER_POLLS, sleeps_at, stubber_on

from awsfacade import _consistency as consistency
from awsfacade.autoscaling import AutoScalingService, LifecycleState
from awsfacade.ec2 import LaunchTemplateRef
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    WaitTimeoutError,
)

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.stub import Stubber
    from mypy_boto3_autoscaling.type_defs import AutoScalingGroupTypeDef, InstanceTypeDef

TEMPLATE_ID = "lt-0123456789abcdef0"


@pytest.fixture
def autoscaling(aws_session: Session) -> AutoScalingService:
    """An AutoScalingService whose client makes one attempt a request (no retries)."""
    return AutoScalingService(aws_session, config=ONE_ATTEMPT)


stubber = stubber_on("autoscaling")


sleeps = sleeps_at(READ_BACK_DELAYS, WAITER_POLLS)


def _describe(stubber: Stubber, *groups: AutoScalingGroupTypeDef, name: str = "web") -> None:
    """Queue a DescribeAutoScalingGroups answer for the group ``name``."""
    stubber.add_response(
        "describe_auto_scaling_groups",
        {"AutoScalingGroups": list(groups)},
        {"AutoScalingGroupNames": [name], "MaxRecords": 100},
    )


def _polls(stubber: Stubber, *answers: list[AutoScalingGroupTypeDef]) -> None:
    """Queue the waiter's DescribeAutoScalingGroups answers for "web", one a poll (the
    waiter asks without MaxRecords)."""
    for groups in answers:
        stubber.add_response(
            "describe_auto_scaling_groups",
            {"AutoScalingGroups": groups},
            {"AutoScalingGroupNames": ["web"]},
        )


ERRORS: dict[str, tuple[str, str, type[ServiceError]]] = {
    "duplicate": (
        "AlreadyExists",
        "AutoScalingGroup by this name already exists",
        AlreadyExistsError,
    ),
    "quota": ("LimitExceeded", "You have reached your limit of groups", LimitExceededError),
    "access": ("AccessDenied", "not authorized", AccessDeniedError),
    "contention": ("ResourceContention", "pending update", ServiceError),
    "bad parameter": ("ValidationError", "Max bound, 1, must be >= min", InvalidRequestError),
}


@pytest.mark.parametrize(("code", "message", "expected"), ERRORS.values(), ids=ERRORS.keys())
def test_create_group_errors(
    autoscaling: AutoScalingService,
    stubber: Stubber,
    code: str,
    message: str,
    expected: type[ServiceError],
) -> None:
    """CreateAutoScalingGroup's error codes become their classes, keeping code and message
    (moto overwrites a duplicate group instead of answering AlreadyExists)."""
    stubber.add_client_error("create_auto_scaling_group", code, message)

    with pytest.raises(expected) as raised:
        autoscaling.create_group(
            "web", min_size=0, max_size=1, launch_template=LaunchTemplateRef(id=TEMPLATE_ID)
        )

    assert type(raised.value) is expected
    assert (raised.value.code, raised.value.message) == (code, message)
    assert raised.value.operation == "CreateAutoScalingGroup"


def test_duplicate_launch_configuration(autoscaling: AutoScalingService, stubber: Stubber) -> None:
    """A second configuration of the same name is AlreadyExistsError (moto overwrites it)."""
    stubber.add_client_error(
        "create_launch_configuration", "AlreadyExists", "Launch Configuration by this name exists"
    )

    with pytest.raises(AlreadyExistsError):
        autoscaling.create_launch_configuration("lc", image_id=AMI, instance_type="t3.micro")


def test_delete_group_with_instances_is_a_state_error(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """AWS refuses to delete a group that still has instances unless forced: ResourceInUse
    and ScalingActivityInProgress are both InvalidStateError (moto deletes it anyway)."""
    request = {"AutoScalingGroupName": "web", "ForceDelete": False}
    stubber.add_client_error(
        "delete_auto_scaling_group",
        "ResourceInUse",
        "You cannot delete an AutoScalingGroup while there are instances still in the group.",
        expected_params=request,
    )
    stubber.add_client_error(
        "delete_auto_scaling_group",
        "ScalingActivityInProgress",
        "You cannot delete an AutoScalingGroup while there are scaling activities in progress.",
        expected_params=request,
    )

    for code in ("ResourceInUse", "ScalingActivityInProgress"):
        with pytest.raises(InvalidStateError) as raised:
            autoscaling.delete_group("web")
        assert raised.value.code == code


def test_forced_delete_asks_aws_to_terminate_the_instances(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """``force=True`` sends ForceDelete, so AWS terminates the instances with the group."""
    stubber.add_response(
        "delete_auto_scaling_group", {}, {"AutoScalingGroupName": "web", "ForceDelete": True}
    )

    autoscaling.delete_group("web", force=True)


def test_state_errors_while_scaling(autoscaling: AutoScalingService, stubber: Stubber) -> None:
    """A scaling activity in progress makes resizing and updating InvalidStateError."""
    stubber.add_client_error("set_desired_capacity", "ScalingActivityInProgress", "busy")
    stubber.add_client_error("update_auto_scaling_group", "ScalingActivityInProgress", "busy")

    with pytest.raises(InvalidStateError, match="SetDesiredCapacity"):
        autoscaling.set_desired_capacity("web", 2)
    with pytest.raises(InvalidStateError, match="UpdateAutoScalingGroup"):
        autoscaling.update_group("web", max_size=3)


def test_launch_configuration_in_use_is_a_state_error(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """Deleting a configuration a group uses is InvalidStateError (moto deletes it)."""
    stubber.add_client_error(
        "delete_launch_configuration",
        "ResourceInUse",
        "Cannot delete launch configuration lc because it is attached to AutoScalingGroup web",
    )

    with pytest.raises(InvalidStateError, match="attached"):
        autoscaling.delete_launch_configuration("lc")


NOT_FOUND: dict[str, tuple[str, str, Callable[[AutoScalingService], None]]] = {
    "configuration": (
        "delete_launch_configuration",
        "Launch configuration name not found - Launch configuration lc not found",
        lambda service: service.delete_launch_configuration("lc"),
    ),
    "capacity": (
        "set_desired_capacity",
        "AutoScalingGroup name not found - web",
        lambda service: service.set_desired_capacity("web", 1),
    ),
}


@pytest.mark.parametrize(("method", "message", "call"), NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_validation_errors_saying_not_found_are_not_found(
    autoscaling: AutoScalingService,
    stubber: Stubber,
    method: str,
    message: str,
    call: Callable[[AutoScalingService], None],
) -> None:
    """AWS's "not found" ValidationErrors become NotFoundError, keeping AWS's code (moto
    ignores an unknown configuration and lets a KeyError out for an unknown group)."""
    stubber.add_client_error(method, "ValidationError", message)

    with pytest.raises(NotFoundError) as raised:
        call(autoscaling)

    assert (raised.value.code, raised.value.message) == ("ValidationError", message)
    assert isinstance(raised.value.__cause__, Exception)
    assert type(raised.value.__cause__).__name__ == "ClientError"


def test_mixed_instances_policy_exposes_its_template(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """A group with a mixed instances policy (moto makes none this shape) reads without
    crashing: the template inside the policy and its instance type overrides."""
    item = group_item("web", desired=1, instances=[instance_item("i-1")])
    item["MixedInstancesPolicy"] = {
        "LaunchTemplate": {
            "LaunchTemplateSpecification": {
                "LaunchTemplateId": TEMPLATE_ID,
                "LaunchTemplateName": "web",
                "Version": "$Latest",
            },
            "Overrides": [{"InstanceType": "t3.micro"}, {"InstanceType": "t3a.micro"}, {}],
        },
        "InstancesDistribution": {
            "OnDemandBaseCapacity": 0,
            "SpotAllocationStrategy": "lowest-price",
        },
    }
    item["VPCZoneIdentifier"] = "subnet-1, subnet-2"
    item["Instances"] = [
        {**instance_item("i-1"), "LaunchTemplate": {"LaunchTemplateId": TEMPLATE_ID}}
    ]
    _describe(stubber, item)

    group = autoscaling.group("web")

    assert group.mixed_instances_policy is True
    assert group.launch_template is not None
    assert (group.launch_template.id, group.launch_template.name) == (TEMPLATE_ID, "web")
    assert group.launch_template.version == "$Latest"
    assert group.instance_type_overrides == ("t3.micro", "t3a.micro")
    assert group.subnet_ids == ("subnet-1", "subnet-2")
    assert group.instances[0].launch_template is not None
    assert group.instances[0].launch_template.version == "$Default"


def test_new_lifecycle_states_are_unknown_with_the_raw_name(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """A lifecycle state this version does not know is UNKNOWN; AWS's string is kept."""
    later = instance_item("i-1", "Warmed:Frozen")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a state AWS may add later
    _describe(stubber, group_item("web", desired=1, instances=[later]))

    (instance,) = autoscaling.group("web").instances

    assert instance.lifecycle_state is LifecycleState.UNKNOWN
    assert instance.lifecycle_state_name == "Warmed:Frozen"
    assert not instance.in_service


def test_groups_page_by_next_token(autoscaling: AutoScalingService, stubber: Stubber) -> None:
    """Every page is read, each asking for 100 records and passing AWS's NextToken on."""
    stubber.add_response(
        "describe_auto_scaling_groups",
        {"AutoScalingGroups": [group_item("a")], "NextToken": "t1"},
        {"MaxRecords": 100},
    )
    stubber.add_response(
        "describe_auto_scaling_groups",
        {"AutoScalingGroups": [group_item("b")]},
        {"MaxRecords": 100, "NextToken": "t1"},
    )
    stubber.add_response(
        "describe_launch_configurations",
        {"LaunchConfigurations": [configuration_item("x")], "NextToken": "t2"},
        {"MaxRecords": 100},
    )
    stubber.add_response(
        "describe_launch_configurations",
        {"LaunchConfigurations": [configuration_item("y")]},
        {"MaxRecords": 100, "NextToken": "t2"},
    )

    assert [group.name for group in autoscaling.groups()] == ["a", "b"]
    assert [lc.name for lc in autoscaling.launch_configurations()] == ["x", "y"]


def test_listing_errors_surface_at_the_first_item(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """A listing AWS refuses raises when iterated, as an awsfacade error."""
    stubber.add_client_error("describe_auto_scaling_groups", "AccessDenied", "no")

    groups = autoscaling.groups()
    with pytest.raises(AccessDeniedError):
        next(groups)


def test_create_group_reads_a_group_that_shows_late(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """A new group AWS does not list at once is read again until it shows."""
    stubber.add_response("create_auto_scaling_group", {})
    _describe(stubber)
    _describe(stubber, group_item("web"))

    group = autoscaling.create_group(
        "web", min_size=0, max_size=5, launch_template=LaunchTemplateRef(name="web")
    )

    assert group.arn is not None
    assert sleeps == [consistency.DELAYS[0]]


def test_create_group_never_loses_a_group_aws_does_not_show(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """A group still not listed after the retries is returned as created, ARN unknown."""
    stubber.add_response(
        "create_auto_scaling_group",
        {"ResponseMetadata": {"HTTPHeaders": {"date": "Wed, 01 May 2024 12:00:00 GMT"}}},
    )
    for _ in range(len(consistency.DELAYS) + 1):
        _describe(stubber)

    group = autoscaling.create_group(
        "web",
        min_size=1,
        max_size=3,
        launch_template=LaunchTemplateRef(id=TEMPLATE_ID),
        tags={"team": "blue"},
        propagate_tags_at_launch=False,
    )

    assert group.arn is None
    assert (group.min_size, group.max_size, group.desired_capacity) == (1, 3, 1)
    assert group.launch_template == LaunchTemplateRef(id=TEMPLATE_ID)
    assert group.created == WHEN
    assert group.tags == {"team": "blue"}
    assert group.tags_propagated_at_launch == frozenset()
    assert len(sleeps) == len(consistency.DELAYS)


def test_create_launch_configuration_never_loses_one_aws_does_not_show(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """A configuration still not listed after the retries is returned as created."""
    stubber.add_response("create_launch_configuration", {})
    for _ in range(len(consistency.DELAYS) + 1):
        stubber.add_response(
            "describe_launch_configurations",
            {"LaunchConfigurations": []},
            {"LaunchConfigurationNames": ["lc"], "MaxRecords": 100},
        )
    before = datetime.now(UTC)

    created = autoscaling.create_launch_configuration(
        "lc", image_id=AMI, instance_type="t3.micro", user_data="#!/bin/sh\n"
    )

    assert created.arn is None
    assert created.user_data == "#!/bin/sh\n"
    assert created.created >= before.replace(microsecond=0)
    assert len(sleeps) == len(consistency.DELAYS)


def test_wait_until_in_service_polls_until_every_instance_serves(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """The wait ends once the desired number of instances are all InService."""
    pending = group_item(
        "web", desired=2, instances=[instance_item("i-1"), instance_item("i-2", "Pending")]
    )
    ready = group_item("web", desired=2, instances=[instance_item("i-1"), instance_item("i-2")])
    _polls(stubber, [pending], [ready])

    group = autoscaling.wait_until_in_service("web", timeout=60, poll_interval=5)

    assert group.in_service_count == 2
    assert sleeps == [5]


def test_wait_until_in_service_times_out_naming_what_it_saw(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """Out of time, WaitTimeoutError says how many instances were InService of how many;
    instances beyond the desired capacity (still terminating) do not count as done."""
    scaling_in = group_item(
        "web", desired=1, instances=[instance_item("i-1"), instance_item("i-2", "Terminating")]
    )
    _polls(stubber, *[[scaling_in]] * 3)  # timeout / poll_interval + 1 polls

    with pytest.raises(WaitTimeoutError) as raised:
        autoscaling.wait_until_in_service("web", timeout=10, poll_interval=5)

    assert "1 of 2 instances InService, desired capacity 1" in str(raised.value)
    assert "'web'" in str(raised.value)
    assert sleeps == [5, 5]


def _weighted(*instances: InstanceTypeDef) -> AutoScalingGroupTypeDef:
    """A group sized in vCPUs (attribute-based instance types): desired capacity 6 vCPUs,
    its instances weighted by their vCPUs, as DescribeAutoScalingGroups reports it."""
    group = group_item("web", desired=6, instances=list(instances))
    group["DesiredCapacityType"] = "vcpu"
    return group


def test_wait_until_in_service_counts_the_units_of_a_weighted_group(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """With instance weights the wait ends once the InService instances' units reach the
    desired capacity: two 4-vCPU instances serve a desired 6 vCPUs (AWS passes it rather
    than stay short)."""
    pending = _weighted(
        instance_item("i-1", weight="4"), instance_item("i-2", "Pending", weight="4")
    )
    ready = _weighted(instance_item("i-1", weight="4"), instance_item("i-2", weight="4"))
    _polls(stubber, [pending], [ready])

    group = autoscaling.wait_until_in_service("web", timeout=60, poll_interval=5)

    assert (group.in_service_capacity, group.desired_capacity) == (8, 6)
    assert group.desired_capacity_type == "vcpu"
    assert sleeps == [5]


def test_wait_until_in_service_times_out_naming_the_units_it_saw(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """Out of time in a weighted group, WaitTimeoutError gives the InService units too."""
    short = _weighted(instance_item("i-1", weight="4"), instance_item("i-2", "Pending", weight="2"))
    _polls(stubber, [short], [short])

    with pytest.raises(WaitTimeoutError) as raised:
        autoscaling.wait_until_in_service("web", timeout=5, poll_interval=5)

    assert "1 of 2 instances InService (4 capacity units), desired capacity 6" in str(raised.value)
    assert sleeps == [5]


def test_wait_until_in_service_when_the_group_vanishes(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """A group deleted during the wait ends it at once with NotFoundError: it cannot come
    into service any more."""
    _polls(stubber, [group_item("web", desired=1)], [])

    with pytest.raises(NotFoundError, match="AutoScalingGroup name not found - web"):
        autoscaling.wait_until_in_service("web", timeout=60, poll_interval=1)
    assert sleeps == [1]


def test_create_group_request_as_aws_expects_it(
    autoscaling: AutoScalingService, stubber: Stubber, sleeps: list[float]
) -> None:
    """Subnets go as one comma-separated VPCZoneIdentifier, tags with the group as their
    resource and PropagateAtLaunch, and a template read from AWS (id and name) by its id."""
    template = LaunchTemplateRef(id=TEMPLATE_ID, version="3")
    stubber.add_response(
        "create_auto_scaling_group",
        {},
        {
            "AutoScalingGroupName": "web",
            "MinSize": 1,
            "MaxSize": 4,
            "DesiredCapacity": 2,
            "LaunchTemplate": {"LaunchTemplateId": TEMPLATE_ID, "Version": "3"},
            "VPCZoneIdentifier": "subnet-1,subnet-2",
            "Tags": [
                {
                    "Key": "team",
                    "Value": "blue",
                    "ResourceId": "web",
                    "ResourceType": "auto-scaling-group",
                    "PropagateAtLaunch": True,
                }
            ],
            "HealthCheckType": "ELB",
            "HealthCheckGracePeriod": 30,
            "TargetGroupARNs": ["arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1"],
        },
    )
    _describe(stubber, group_item("web"))

    autoscaling.create_group(
        "web",
        min_size=1,
        max_size=4,
        desired_capacity=2,
        launch_template=template,
        subnet_ids=["subnet-1", "subnet-2"],
        tags={"team": "blue"},
        health_check_type="ELB",
        health_check_grace_period=30,
        target_group_arns=["arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1"],
    )

    assert sleeps == []


def test_update_group_sends_only_what_changes(
    autoscaling: AutoScalingService, stubber: Stubber
) -> None:
    """``update_group`` sends the sizes and subnets given and nothing else."""
    stubber.add_response(
        "update_auto_scaling_group",
        {},
        {"AutoScalingGroupName": "web", "MinSize": 2, "VPCZoneIdentifier": "subnet-3"},
    )
    _describe(stubber, group_item("web"))

    assert autoscaling.update_group("web", min_size=2, subnet_ids=["subnet-3"]).name == "web"
