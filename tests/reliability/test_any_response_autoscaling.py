"""Issue 11 for AutoScalingService: any response AWS may send to an operation the service reads
becomes models or an ``AwsError``, never ``KeyError``/``TypeError``/``ValueError``/
``AttributeError``, and never ``InvalidArgumentError`` (see ``any_response``).

Responses are drawn from botocore's output shapes; the two listings are also answered as the
XML body AutoScaling sends (the query protocol), so botocore's parser runs too. The six
operations that change something answer with no output shape at all: one example each
covers them (hypothesis stops once there is nothing else to draw).

``always_sent``: AutoScaling's model marks as required what the facade needs of a group (name,
sizes, creation time), of a group's instance (id, zone, lifecycle state, health) and of a
launch configuration (name, image, type, creation time), so every drawn response has them;
the table still names them, so that a model change that made one optional shows up as a
failure here rather than as an allowed ``UnexpectedResponseError``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime

import pytest
from any_response import SAME, Call, Operation, check_operation, check_table, offline

from awsfacade.autoscaling import AutoScalingGroup, AutoScalingService, LaunchConfiguration
from awsfacade.errors import NotFoundError, WaitTimeoutError

A = AutoScalingService
GROUP = "any-response-group"
CONFIG = "any-response-config"
NOW = datetime(2024, 1, 1, tzinfo=UTC)


def _groups(desired: int) -> Mapping[str, object]:
    """A DescribeAutoScalingGroups answer: the group, with no instances and ``desired``."""
    group = {
        "AutoScalingGroupName": GROUP,
        "MinSize": 0,
        "MaxSize": 2,
        "DesiredCapacity": desired,
        "DefaultCooldown": 300,
        "AvailabilityZones": ["us-east-1a"],
        "HealthCheckType": "EC2",
        "CreatedTime": NOW,
    }
    return {"AutoScalingGroups": [group]}


_IN_SERVICE = _groups(0)  # no instances of none desired: in service
_WAITING = _groups(1)  # no instances of one desired: not yet
_CONFIGS: Mapping[str, object] = {
    "LaunchConfigurations": [
        {
            "LaunchConfigurationName": CONFIG,
            "ImageId": "ami-12345678",
            "InstanceType": "t3.micro",
            "CreatedTime": NOW,
        }
    ]
}
_EMPTY: Mapping[str, object] = {}


def _create_group(service: AutoScalingService) -> AutoScalingGroup:
    return service.create_group(
        GROUP, min_size=0, max_size=2, launch_configuration=CONFIG, availability_zones=["a"]
    )


def _create_config(service: AutoScalingService) -> LaunchConfiguration:
    return service.create_launch_configuration(
        CONFIG, image_id="ami-12345678", instance_type="t3.micro"
    )


_GROUP_MEMBERS = ("AutoScalingGroupName", "MinSize", "MaxSize", "DesiredCapacity", "CreatedTime")
_INSTANCE_MEMBERS = ("InstanceId", "AvailabilityZone", "LifecycleState", "HealthStatus")
_CONFIG_MEMBERS = ("LaunchConfigurationName", "ImageId", "InstanceType", "CreatedTime")

OPERATIONS: tuple[Operation[A], ...] = (
    Operation(
        "CreateAutoScalingGroup",
        (
            Call(
                "create_group",
                _create_group,
                AutoScalingGroup,
                after=(("DescribeAutoScalingGroups", _IN_SERVICE),),
            ),
        ),
    ),
    Operation(
        "DescribeAutoScalingGroups",
        (
            Call("groups", lambda s: s.groups(), AutoScalingGroup),
            Call("group", lambda s: s.group(GROUP), AutoScalingGroup, errors=(NotFoundError,)),
            Call(
                "create_group",
                _create_group,
                AutoScalingGroup,
                before=(("CreateAutoScalingGroup", _EMPTY),),
            ),
            Call(
                "update_group",
                lambda s: s.update_group(GROUP, max_size=3),
                AutoScalingGroup,
                errors=(NotFoundError,),
                before=(("UpdateAutoScalingGroup", _EMPTY),),
            ),
            Call(
                # The drawn answer is the first read; a group not in service yet is polled
                # (in service then) and read again.
                "wait_until_in_service (read)",
                lambda s: s.wait_until_in_service(GROUP, poll_interval=0.01),
                AutoScalingGroup,
                errors=(NotFoundError,),
                after=(
                    ("DescribeAutoScalingGroups", _IN_SERVICE),
                    ("DescribeAutoScalingGroups", _IN_SERVICE),
                ),
            ),
            Call(
                # The drawn answer is every poll: the wait ends, or times out describing it.
                "wait_until_in_service (polls)",
                lambda s: s.wait_until_in_service(GROUP, timeout=0.01, poll_interval=0.01),
                AutoScalingGroup,
                errors=(NotFoundError, WaitTimeoutError),
                before=(("DescribeAutoScalingGroups", _WAITING),),
                after=(("DescribeAutoScalingGroups", SAME),),
            ),
        ),
        always_sent=(
            *(f"AutoScalingGroups.{member}" for member in _GROUP_MEMBERS),
            *(f"AutoScalingGroups.Instances.{member}" for member in _INSTANCE_MEMBERS),
        ),
        raw=True,
    ),
    Operation(
        "UpdateAutoScalingGroup",
        (
            Call(
                "update_group",
                lambda s: s.update_group(GROUP, max_size=3),
                AutoScalingGroup,
                after=(("DescribeAutoScalingGroups", _IN_SERVICE),),
            ),
        ),
    ),
    Operation(
        "SetDesiredCapacity",
        (Call("set_desired_capacity", lambda s: s.set_desired_capacity(GROUP, 1), None),),
    ),
    Operation(
        "DeleteAutoScalingGroup",
        (Call("delete_group", lambda s: s.delete_group(GROUP), None),),
    ),
    Operation(
        "CreateLaunchConfiguration",
        (
            Call(
                "create_launch_configuration",
                _create_config,
                LaunchConfiguration,
                after=(("DescribeLaunchConfigurations", _CONFIGS),),
            ),
        ),
    ),
    Operation(
        "DescribeLaunchConfigurations",
        (
            Call("launch_configurations", lambda s: s.launch_configurations(), LaunchConfiguration),
            Call(
                "launch_configuration",
                lambda s: s.launch_configuration(CONFIG),
                LaunchConfiguration,
                errors=(NotFoundError,),
            ),
            Call(
                "create_launch_configuration",
                _create_config,
                LaunchConfiguration,
                before=(("CreateLaunchConfiguration", _EMPTY),),
            ),
        ),
        always_sent=tuple(f"LaunchConfigurations.{member}" for member in _CONFIG_MEMBERS),
        raw=True,
    ),
    Operation(
        "DeleteLaunchConfiguration",
        (
            Call(
                "delete_launch_configuration",
                lambda s: s.delete_launch_configuration(CONFIG),
                None,
            ),
        ),
    ),
)


def test_every_operation_autoscaling_calls_is_in_the_table() -> None:
    check_table("autoscaling", "autoscaling", OPERATIONS)


@pytest.fixture
def autoscaling() -> Iterator[AutoScalingService]:
    with offline(AutoScalingService) as service:
        yield service


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_any_response(operation: Operation[A], autoscaling: AutoScalingService) -> None:
    check_operation(autoscaling, operation)
