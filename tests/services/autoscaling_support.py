"""Helpers shared by the AutoScaling service tests: canned AutoScaling items."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

# test_autoscaling_validation.py (the lead replaces it) imports log_requests from here.
from support import log_requests as log_requests  # noqa: PLC0414  # re-exported

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.literals import LifecycleStateType
    from mypy_boto3_autoscaling.type_defs import (
        AutoScalingGroupTypeDef,
        InstanceTypeDef,
        LaunchConfigurationTypeDef,
    )

#: An instant for canned answers.
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ACCOUNT = "123456789012"
#: An AMI moto knows in every region.
AMI = "ami-12c6146b"


def instance_item(
    instance_id: str, state: LifecycleStateType = "InService", *, weight: str | None = None
) -> InstanceTypeDef:
    """One instance of a DescribeAutoScalingGroups answer, in ``state``; with ``weight``, as
    AWS reports an instance of a group with instance weights (its type and WeightedCapacity)."""
    item: InstanceTypeDef = {
        "InstanceId": instance_id,
        "AvailabilityZone": "us-east-1a",
        "LifecycleState": state,
        "HealthStatus": "Healthy",
        "ProtectedFromScaleIn": False,
    }
    if weight is not None:
        item["InstanceType"] = "c5.xlarge"
        item["WeightedCapacity"] = weight
    return item


def group_item(
    name: str, *, desired: int = 0, instances: list[InstanceTypeDef] | None = None
) -> AutoScalingGroupTypeDef:
    """A DescribeAutoScalingGroups entry for ``name`` with ``desired`` capacity."""
    return {
        "AutoScalingGroupName": name,
        "AutoScalingGroupARN": (
            f"arn:aws:autoscaling:us-east-1:{ACCOUNT}:autoScalingGroup:"
            f"0a1b2c3d-0000-0000-0000-000000000000:autoScalingGroupName/{name}"
        ),
        "MinSize": 0,
        "MaxSize": 5,
        "DesiredCapacity": desired,
        "DefaultCooldown": 300,
        "AvailabilityZones": ["us-east-1a"],
        "HealthCheckType": "EC2",
        "CreatedTime": WHEN,
        "Instances": instances or [],
    }


def configuration_item(name: str) -> LaunchConfigurationTypeDef:
    """A DescribeLaunchConfigurations entry for ``name``."""
    return {
        "LaunchConfigurationName": name,
        "LaunchConfigurationARN": (
            f"arn:aws:autoscaling:us-east-1:{ACCOUNT}:launchConfiguration:"
            f"0a1b2c3d-0000-0000-0000-000000000000:launchConfigurationName/{name}"
        ),
        "ImageId": AMI,
        "InstanceType": "t3.micro",
        "CreatedTime": WHEN,
    }
