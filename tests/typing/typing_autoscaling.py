"""Type checks of AutoScalingService and the AutoScaling models: checked by mypy and
basedpyright, never run."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, assert_type

from mypy_boto3_autoscaling import AutoScalingClient

from awsfacade.autoscaling import (
    AutoScalingGroup,
    AutoScalingService,
    GroupInstance,
    LaunchConfiguration,
    LifecycleState,
)
from awsfacade.ec2 import LaunchTemplateRef

if TYPE_CHECKING:
    from awsfacade import AutoScalingService as PackageAutoScalingService

REF = LaunchTemplateRef(name="web", version="$Latest")


def check_client(autoscaling: AutoScalingService) -> None:
    """The escape hatch is the boto3-stubs AutoScaling client."""
    assert_type(autoscaling.client, AutoScalingClient)


def check_package_export(autoscaling: PackageAutoScalingService) -> None:
    """awsfacade.AutoScalingService is the same typed class as the sub-package's."""
    assert_type(autoscaling, AutoScalingService)


def check_launch_configurations(autoscaling: AutoScalingService) -> None:
    """Launch configuration methods return LaunchConfiguration models or nothing."""
    assert_type(
        autoscaling.create_launch_configuration("lc", image_id="ami-1", instance_type="t3.micro"),
        LaunchConfiguration,
    )
    assert_type(
        autoscaling.create_launch_configuration(
            "lc",
            image_id="ami-1",
            instance_type="t3.micro",
            security_group_ids=["sg-1"],
            key_name="deploy",
            user_data="#!/bin/sh\n",
            iam_instance_profile="profile",
            associate_public_ip=True,
        ),
        LaunchConfiguration,
    )
    assert_type(autoscaling.launch_configurations(), Iterator[LaunchConfiguration])
    assert_type(autoscaling.launch_configurations(names=["lc"]), Iterator[LaunchConfiguration])
    assert_type(autoscaling.launch_configuration("lc"), LaunchConfiguration)
    assert_type(autoscaling.delete_launch_configuration("lc"), None)


def check_groups(autoscaling: AutoScalingService) -> None:
    """Group methods return AutoScalingGroup models, lazy iterators of them, or nothing."""
    assert_type(
        autoscaling.create_group(
            "web", min_size=0, max_size=2, launch_configuration="lc", availability_zones=["a"]
        ),
        AutoScalingGroup,
    )
    assert_type(
        autoscaling.create_group(
            "web",
            min_size=0,
            max_size=2,
            desired_capacity=1,
            launch_template=REF,
            subnet_ids=["subnet-1"],
            tags={"team": "blue"},
            propagate_tags_at_launch=False,
            health_check_type="ELB",
            health_check_grace_period=60,
            target_group_arns=["arn:tg"],
        ),
        AutoScalingGroup,
    )
    assert_type(autoscaling.groups(), Iterator[AutoScalingGroup])
    assert_type(
        autoscaling.groups(names=["web"], tags={"team": "blue"}), Iterator[AutoScalingGroup]
    )
    assert_type(autoscaling.group("web"), AutoScalingGroup)
    assert_type(autoscaling.update_group("web", max_size=4), AutoScalingGroup)
    assert_type(
        autoscaling.update_group(
            "web",
            min_size=1,
            desired_capacity=2,
            launch_template=REF,
            availability_zones=["a"],
            subnet_ids=["subnet-1"],
            health_check_type="EC2",
            health_check_grace_period=0,
        ),
        AutoScalingGroup,
    )
    assert_type(autoscaling.update_group("web", launch_configuration="lc"), AutoScalingGroup)
    assert_type(autoscaling.set_desired_capacity("web", 2), None)
    assert_type(autoscaling.set_desired_capacity("web", 2, honor_cooldown=True), None)
    assert_type(autoscaling.delete_group("web"), None)
    assert_type(autoscaling.delete_group("web", force=True), None)
    assert_type(autoscaling.wait_until_in_service("web"), AutoScalingGroup)
    assert_type(
        autoscaling.wait_until_in_service("web", timeout=60, poll_interval=2.5), AutoScalingGroup
    )


def check_group_fields(group: AutoScalingGroup) -> None:
    """Group fields: sizes, launch source, network, instances, health checks, tags."""
    assert_type(group.name, str)
    assert_type(group.arn, str | None)
    assert_type(group.min_size, int)
    assert_type(group.max_size, int)
    assert_type(group.desired_capacity, int)
    assert_type(group.created, datetime)
    assert_type(group.launch_configuration, str | None)
    assert_type(group.launch_template, LaunchTemplateRef | None)
    assert_type(group.mixed_instances_policy, bool)
    assert_type(group.instance_type_overrides, tuple[str, ...])
    assert_type(group.availability_zones, tuple[str, ...])
    assert_type(group.subnet_ids, tuple[str, ...])
    assert_type(group.instances, tuple[GroupInstance, ...])
    assert_type(group.instance_ids, tuple[str, ...])
    assert_type(group.in_service_count, int)
    assert_type(group.in_service_capacity, int)
    assert_type(group.at_desired_capacity, bool)
    assert_type(group.desired_capacity_type, str | None)
    assert_type(group.health_check_type, str)
    assert_type(group.health_check_grace_period, int | None)
    assert_type(group.default_cooldown, int | None)
    assert_type(group.target_group_arns, tuple[str, ...])
    assert_type(group.load_balancer_names, tuple[str, ...])
    assert_type(group.termination_policies, tuple[str, ...])
    assert_type(group.new_instances_protected_from_scale_in, bool)
    assert_type(group.service_linked_role_arn, str | None)
    assert_type(group.status, str | None)
    assert_type(group.tags, Mapping[str, str])
    assert_type(group.tags_propagated_at_launch, frozenset[str])


def check_instance_fields(instance: GroupInstance) -> None:
    """Instance fields: the state as an enum beside AWS's string, health, launch source."""
    assert_type(instance.id, str)
    assert_type(instance.lifecycle_state, LifecycleState)
    assert_type(instance.lifecycle_state_name, str)
    assert_type(instance.in_service, bool)
    assert_type(instance.health_status, str)
    assert_type(instance.availability_zone, str)
    assert_type(instance.protected_from_scale_in, bool)
    assert_type(instance.instance_type, str | None)
    assert_type(instance.launch_configuration, str | None)
    assert_type(instance.launch_template, LaunchTemplateRef | None)
    assert_type(instance.weighted_capacity, str | None)
    assert_type(instance.capacity_units, int)


def check_launch_configuration_fields(configuration: LaunchConfiguration) -> None:
    """Launch configuration fields; user data is the decoded text."""
    assert_type(configuration.name, str)
    assert_type(configuration.arn, str | None)
    assert_type(configuration.image_id, str)
    assert_type(configuration.instance_type, str)
    assert_type(configuration.created, datetime)
    assert_type(configuration.key_name, str | None)
    assert_type(configuration.security_group_ids, tuple[str, ...])
    assert_type(configuration.user_data, str | None)
    assert_type(configuration.iam_instance_profile, str | None)
    assert_type(configuration.associate_public_ip, bool | None)
    assert_type(configuration.ebs_optimized, bool)
    assert_type(configuration.monitoring, bool | None)
    assert_type(configuration.spot_price, str | None)
    assert_type(configuration.block_device_names, tuple[str, ...])


def check_lifecycle_state(state: LifecycleState) -> None:
    """States are str enums whose members compare as AWS's strings."""
    assert_type(LifecycleState(state), LifecycleState)
    assert_type(str(state), str)
