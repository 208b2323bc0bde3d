"""AutoScaling models and argument checks, without moto."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import attrs
import pytest

from awsfacade.autoscaling import (
    AutoScalingGroup,
    GroupInstance,
    LaunchConfiguration,
    LifecycleState,
)
from awsfacade.autoscaling._checks import check_name, check_sizes, check_zones, new_zones
from awsfacade.autoscaling._models import decode_user_data
from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.type_defs import (
        AutoScalingGroupTypeDef,
        LaunchConfigurationTypeDef,
    )

EAST = timezone(timedelta(hours=-5))
WHEN = datetime(2024, 5, 1, 7, 0, tzinfo=EAST)


def _group() -> AutoScalingGroupTypeDef:
    return {
        "AutoScalingGroupName": "web",
        "MinSize": 0,
        "MaxSize": 2,
        "DesiredCapacity": 1,
        "DefaultCooldown": 300,
        "AvailabilityZones": ["us-east-1a"],
        "HealthCheckType": "ELB",
        "CreatedTime": WHEN,
    }


def test_group_with_only_what_aws_always_sends() -> None:
    """A minimal group reads with empty tuples, no launch source, and a UTC time."""
    group = AutoScalingGroup._from_boto(_group())

    assert group.created == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert group.created.tzinfo is UTC
    assert group.arn is None
    assert (group.launch_configuration, group.launch_template) == (None, None)
    assert (group.instances, group.instance_ids, group.subnet_ids) == ((), (), ())
    assert group.tags == {}
    assert group.health_check_type == "ELB"
    assert group.in_service_count == 0


def test_group_reads_every_field() -> None:
    """Targets, load balancers, policies, status and tags (as a mapping) are all kept."""
    item = _group()
    item.update(
        {
            "AutoScalingGroupARN": "arn:aws-cn:autoscaling:cn-north-1:1:autoScalingGroup:x",
            "LaunchTemplate": {"LaunchTemplateName": "web"},
            "TargetGroupARNs": ["arn:tg"],
            "LoadBalancerNames": ["classic"],
            "TerminationPolicies": ["OldestInstance"],
            "HealthCheckGracePeriod": 90,
            "NewInstancesProtectedFromScaleIn": True,
            "Status": "Delete in progress",
            "VPCZoneIdentifier": "subnet-1,,subnet-2",
            "Tags": [
                {"Key": "team", "Value": "blue", "PropagateAtLaunch": True},
                {"Key": "cost", "Value": "7", "PropagateAtLaunch": False},
                {"Value": "keyless"},
            ],
        }
    )

    group = AutoScalingGroup._from_boto(item)

    assert group.arn == "arn:aws-cn:autoscaling:cn-north-1:1:autoScalingGroup:x"
    assert group.launch_template is not None
    assert (group.launch_template.id, group.launch_template.name) == (None, "web")
    assert group.launch_template.version == "$Default"
    assert group.target_group_arns == ("arn:tg",)
    assert group.load_balancer_names == ("classic",)
    assert group.termination_policies == ("OldestInstance",)
    assert group.health_check_grace_period == 90
    assert group.new_instances_protected_from_scale_in is True
    assert group.status == "Delete in progress"
    assert group.subnet_ids == ("subnet-1", "subnet-2")
    assert group.tags == {"team": "blue", "cost": "7"}
    assert group.tags_propagated_at_launch == {"team"}


def test_empty_template_specs_are_no_template() -> None:
    """A template spec naming neither id nor name, or a policy without one, is no template."""
    item = _group()
    item["LaunchTemplate"] = {"Version": "1"}
    assert AutoScalingGroup._from_boto(item).launch_template is None

    item = _group()
    item["MixedInstancesPolicy"] = {}
    group = AutoScalingGroup._from_boto(item)
    assert (group.launch_template, group.mixed_instances_policy) == (None, True)
    assert group.instance_type_overrides == ()


def test_group_missing_a_field_aws_always_sends() -> None:
    """A group without its name, or an instance without its state, is UnexpectedResponseError."""
    nameless = {key: value for key, value in _group().items() if key != "AutoScalingGroupName"}
    with pytest.raises(UnexpectedResponseError, match="AutoScalingGroupName"):
        AutoScalingGroup._from_boto(nameless)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the missing name is the point

    stateless = {"InstanceId": "i-1", "AvailabilityZone": "a", "HealthStatus": "Healthy"}
    with pytest.raises(UnexpectedResponseError, match="LifecycleState"):
        GroupInstance._from_boto(stateless)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the missing state is the point


def test_group_instance_reads_every_field() -> None:
    """An instance keeps its type, launch source, weight and scale-in protection."""
    instance = GroupInstance._from_boto(
        {
            "InstanceId": "i-1",
            "AvailabilityZone": "us-east-1b",
            "LifecycleState": "Pending:Wait",
            "HealthStatus": "Unhealthy",
            "ProtectedFromScaleIn": True,
            "InstanceType": "t3.micro",
            "LaunchConfigurationName": "lc",
            "WeightedCapacity": "2",
        }
    )

    assert instance.lifecycle_state is LifecycleState.PENDING_WAIT
    assert instance.lifecycle_state_name == "Pending:Wait"
    assert (instance.health_status, instance.availability_zone) == ("Unhealthy", "us-east-1b")
    assert instance.protected_from_scale_in is True
    assert (instance.instance_type, instance.launch_configuration) == ("t3.micro", "lc")
    assert instance.launch_template is None
    assert instance.weighted_capacity == "2"
    assert not instance.in_service


def _instance(state: LifecycleState, weight: str | None = None) -> GroupInstance:
    return GroupInstance(
        id="i-1",
        lifecycle_state=state,
        health_status="Healthy",
        availability_zone="us-east-1a",
        weighted_capacity=weight,
    )


_IN = LifecycleState.IN_SERVICE


@pytest.mark.parametrize(
    ("desired", "instances", "at_capacity"),
    [
        (0, (), True),
        (2, (_instance(_IN), _instance(_IN)), True),
        (1, (_instance(_IN), _instance(_IN)), False),  # one more than desired: scaling in
        (2, (_instance(_IN), _instance(LifecycleState.PENDING)), False),
        (6, (_instance(_IN, "4"), _instance(_IN, "4")), True),  # units, passed by part of one
        (6, (_instance(_IN, "4"),), False),
        (6, (_instance(_IN, "4"), _instance(LifecycleState.PENDING, "4")), False),
        (8, (_instance(_IN, "4"), _instance(LifecycleState.TERMINATING, "4")), False),
    ],
    ids=[
        "empty",
        "as-many-as-desired",
        "one-too-many",
        "one-pending",
        "weights-reach-it",
        "weights-short",
        "weights-one-pending",
        "weights-one-terminating",
    ],
)
def test_a_group_is_at_desired_capacity_by_instances_or_by_units(
    desired: int, instances: tuple[GroupInstance, ...], at_capacity: bool
) -> None:
    """Every instance InService and as many as desired; with instance weights, their units
    (AWS's WeightedCapacity) reach the desired capacity."""
    group = AutoScalingGroup(
        name="web",
        min_size=0,
        max_size=8,
        desired_capacity=desired,
        created=WHEN,
        instances=instances,
    )

    assert group.at_desired_capacity is at_capacity


def test_hand_built_instance_names_its_state() -> None:
    """An instance built by hand gets its state's string as ``lifecycle_state_name``."""
    instance = GroupInstance(
        id="i-1",
        lifecycle_state=LifecycleState.IN_SERVICE,
        health_status="Healthy",
        availability_zone="us-east-1a",
    )

    assert instance.lifecycle_state_name == "InService"
    assert instance.in_service


def test_models_are_frozen_and_hashable() -> None:
    """Models cannot be changed and can be set members."""
    group = AutoScalingGroup._from_boto(_group())

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        group.name = "other"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - frozen on purpose
    assert len({group, AutoScalingGroup._from_boto(_group())}) == 1


def _configuration() -> LaunchConfigurationTypeDef:
    return {
        "LaunchConfigurationName": "lc",
        "ImageId": "ami-1",
        "InstanceType": "t3.micro",
        "CreatedTime": WHEN,
    }


def test_launch_configuration_reads_every_field() -> None:
    """Key, groups, decoded user data, profile, network, monitoring and devices are kept."""
    item = _configuration()
    item.update(
        {
            "LaunchConfigurationARN": "arn:aws:autoscaling:x",
            "KeyName": "deploy",
            "SecurityGroups": ["sg-1", "sg-2"],
            "UserData": base64.b64encode("#!/bin/sh\necho é\n".encode()).decode(),
            "IamInstanceProfile": "profile",
            "AssociatePublicIpAddress": False,
            "EbsOptimized": True,
            "InstanceMonitoring": {"Enabled": True},
            "SpotPrice": "0.01",
            "BlockDeviceMappings": [{"DeviceName": "/dev/xvda"}, {"DeviceName": "/dev/sdb"}],
        }
    )

    configuration = LaunchConfiguration._from_boto(item)

    assert configuration.created.tzinfo is UTC
    assert configuration.arn == "arn:aws:autoscaling:x"
    assert configuration.security_group_ids == ("sg-1", "sg-2")
    assert configuration.user_data == "#!/bin/sh\necho é\n"
    assert configuration.associate_public_ip is False
    assert (configuration.ebs_optimized, configuration.monitoring) == (True, True)
    assert configuration.spot_price == "0.01"
    assert configuration.block_device_names == ("/dev/xvda", "/dev/sdb")


def test_minimal_launch_configuration() -> None:
    """A configuration with only what AWS always sends has Nones and empty tuples."""
    configuration = LaunchConfiguration._from_boto(_configuration())

    assert (configuration.key_name, configuration.user_data, configuration.arn) == (
        None,
        None,
        None,
    )
    assert configuration.security_group_ids == ()
    assert configuration.monitoring is None


def test_user_data_that_is_not_base64_text_is_kept_as_sent() -> None:
    """User data that is not base64 of UTF-8 text (gzip, say) stays as AWS sent it."""
    binary = base64.b64encode(b"\x1f\x8b\x08\x00").decode()

    assert decode_user_data(binary) == binary
    assert decode_user_data("not base64!") == "not base64!"
    assert decode_user_data("") is None
    assert decode_user_data(None) is None


def test_lifecycle_state_unknown_fallback() -> None:
    """A state AWS adds later parses as UNKNOWN instead of raising."""
    assert LifecycleState("Warmed:Frozen") is LifecycleState.UNKNOWN
    assert str(LifecycleState.IN_SERVICE) == "InService"


# -- checks ----------------------------------------------------------------------------------


def test_names_at_their_limits() -> None:
    """Names of 1 and 255 printable characters pass (colons and spaces too; the length limit
    is the model's, checked by the boundary); a control character does not."""
    assert check_name("a") == "a"
    assert check_name("x" * 255) == "x" * 255
    assert check_name("web: blue") == "web: blue"
    with pytest.raises(InvalidArgumentError, match="launch_configuration"):
        check_name("\t", "launch_configuration")


def test_sizes_at_their_limits() -> None:
    """Equal sizes, zero sizes and sizes left out pass; only given ones are compared."""
    check_sizes(0, 0, 0)
    check_sizes(2, 2, 2)
    check_sizes(None, None, 5)
    check_sizes(3, None, None)
    check_sizes(None, 3, 1)
    with pytest.raises(InvalidArgumentError, match="above max_size"):
        check_sizes(None, 3, 4)
    with pytest.raises(InvalidArgumentError, match="below min_size"):
        check_sizes(2, None, 1)


def test_zones_lists() -> None:
    """Zones and subnets are lists (empty for create, refused empty for an update)."""
    assert check_zones((), ()) == ([], [])
    assert check_zones(None, ["subnet-1"]) == (None, ["subnet-1"])
    assert new_zones(None, None) == (None, None)
    assert new_zones(["us-east-1a"], None) == (["us-east-1a"], None)
    with pytest.raises(InvalidArgumentError, match="subnet_ids"):
        new_zones(None, [])
