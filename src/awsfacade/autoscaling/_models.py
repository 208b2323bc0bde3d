"""AutoScaling models: frozen attrs classes built from boto3-stubs TypedDicts by ``_from_boto``."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._base import StateEnum, state_parser
from awsfacade._convert import converter, from_aws, required, utc
from awsfacade._launch import LaunchTemplateRef
from awsfacade._tags import Tags, as_tags

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.type_defs import (
        AutoScalingGroupTypeDef,
        InstanceTypeDef,
        LaunchConfigurationTypeDef,
        LaunchTemplateSpecificationTypeDef,
        MixedInstancesPolicyOutputTypeDef,
    )

__all__ = [
    "AutoScalingGroup",
    "GroupInstance",
    "LaunchConfiguration",
    "LifecycleState",
    "weight_units",
]


class LifecycleState(StateEnum):
    """Where an instance is in its Auto Scaling group's lifecycle.

    The ``Warmed:*`` states are a warm pool's. ``UNKNOWN`` stands for a state AWS adds later;
    [`GroupInstance.lifecycle_state_name`][awsfacade.autoscaling.GroupInstance.lifecycle_state_name]
    keeps AWS's string.
    """

    PENDING = "Pending"
    PENDING_WAIT = "Pending:Wait"
    PENDING_PROCEED = "Pending:Proceed"
    QUARANTINED = "Quarantined"
    IN_SERVICE = "InService"
    TERMINATING = "Terminating"
    TERMINATING_WAIT = "Terminating:Wait"
    TERMINATING_PROCEED = "Terminating:Proceed"
    TERMINATING_RETAINED = "Terminating:Retained"
    TERMINATED = "Terminated"
    DETACHING = "Detaching"
    DETACHED = "Detached"
    ENTERING_STANDBY = "EnteringStandby"
    STANDBY = "Standby"
    REPLACING_ROOT_VOLUME = "ReplacingRootVolume"
    REPLACING_ROOT_VOLUME_WAIT = "ReplacingRootVolume:Wait"
    REPLACING_ROOT_VOLUME_PROCEED = "ReplacingRootVolume:Proceed"
    ROOT_VOLUME_REPLACED = "RootVolumeReplaced"
    WARMED_PENDING = "Warmed:Pending"
    WARMED_PENDING_WAIT = "Warmed:Pending:Wait"
    WARMED_PENDING_PROCEED = "Warmed:Pending:Proceed"
    WARMED_PENDING_RETAINED = "Warmed:Pending:Retained"
    WARMED_TERMINATING = "Warmed:Terminating"
    WARMED_TERMINATING_WAIT = "Warmed:Terminating:Wait"
    WARMED_TERMINATING_PROCEED = "Warmed:Terminating:Proceed"
    WARMED_TERMINATING_RETAINED = "Warmed:Terminating:Retained"
    WARMED_TERMINATED = "Warmed:Terminated"
    WARMED_STOPPED = "Warmed:Stopped"
    WARMED_RUNNING = "Warmed:Running"
    WARMED_HIBERNATED = "Warmed:Hibernated"
    UNKNOWN = "Unknown"


_LIFECYCLE_STATE = state_parser(LifecycleState)
_MAX_TEMPLATES = 256


def _template(spec: LaunchTemplateSpecificationTypeDef | None) -> LaunchTemplateRef | None:
    """The launch template AWS names, keeping both its id and its name (AWS sends both);
    no version in the answer means AWS's default, ``$Default``."""
    if spec is None:
        return None
    template_id = spec.get("LaunchTemplateId") or None
    name = spec.get("LaunchTemplateName") or None
    if template_id is None and name is None:
        return None
    return _template_ref(template_id, name, spec.get("Version") or "$Default")


#: The refs `_template_ref` built, by (id, name, version); emptied past 256.
_TEMPLATES: dict[tuple[str | None, str | None, str], LaunchTemplateRef] = {}


def _template_ref(template_id: str | None, name: str | None, version: str) -> LaunchTemplateRef:
    """One shared (immutable) ref per template a group names: a group and each of its
    instances name the same one, so a listing builds it once, not once an instance."""
    key = (template_id, name, version)
    ref = _TEMPLATES.get(key)
    if ref is None:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.clear()
        with from_aws():  # AWS's values, as sent
            ref = LaunchTemplateRef(id=template_id, name=name, version=version)
        _TEMPLATES[key] = ref
    return ref


def weight_units(weight: object) -> int:
    """The capacity units of AWS's ``WeightedCapacity`` (a number as a string), 1 without."""
    return int(weight) if isinstance(weight, str) and weight.isascii() and weight.isdigit() else 1


def _lifecycle_state_name(model: GroupInstance) -> str:
    """``lifecycle_state_name`` of an instance built by hand: its state's string."""
    return str(model.lifecycle_state)


@attrs.frozen(kw_only=True)
class GroupInstance:
    """An instance of an Auto Scaling group, as the group reports it.

    The instance was launched from `launch_configuration` or `launch_template` (AWS names
    one of them). In a group with instance weights, `weighted_capacity` is the number of
    capacity units it counts toward the group's desired capacity.
    """

    id: str
    """The EC2 instance id (``i-…``)."""
    lifecycle_state: LifecycleState
    """Where the instance is in the group's lifecycle; `LifecycleState.UNKNOWN` for a state
    this version does not know (`lifecycle_state_name` has AWS's string)."""
    health_status: str
    """AWS's ``Healthy`` or ``Unhealthy``."""
    availability_zone: str
    """The availability zone the instance runs in."""
    protected_from_scale_in: bool = False
    """Whether the instance is protected from scale-in (AWS does not pick it to terminate
    when the group shrinks)."""
    lifecycle_state_name: str = attrs.field(
        default=attrs.Factory(_lifecycle_state_name, takes_self=True)
    )
    """AWS's own string for the lifecycle state, always, also when `lifecycle_state` is
    ``UNKNOWN``; for an instance built by hand, the string of its `lifecycle_state`."""
    instance_type: str | None = None
    """The instance type (``t3.micro``); `None` if AWS did not report it."""
    launch_configuration: str | None = None
    """The name of the launch configuration the instance was launched from; `None` if it
    was launched from a launch template."""
    launch_template: LaunchTemplateRef | None = None
    """The launch template the instance was launched from, with both its id and its name
    (AWS sends both) and ``$Default`` as its version when AWS names none; `None` if it was
    launched from a launch configuration."""
    weighted_capacity: str | None = None
    """AWS's string for the capacity units the instance counts toward the group's desired
    capacity, in a group with instance weights; `None` elsewhere (one instance, one unit)."""

    @property
    def in_service(self) -> bool:
        """Whether the instance is ``InService``.

        Returns:
            True if the instance is serving traffic as part of the group.
        """
        return self.lifecycle_state is LifecycleState.IN_SERVICE

    @property
    def capacity_units(self) -> int:
        """The units the instance counts toward the group's desired capacity.

        Returns:
            Its weight (`weighted_capacity` as a number), else 1.
        """
        return weight_units(self.weighted_capacity)

    @classmethod
    @converter
    def _from_boto(cls, item: InstanceTypeDef) -> GroupInstance:
        state = required(item.get("LifecycleState"), "LifecycleState")
        return cls(
            id=required(item.get("InstanceId"), "InstanceId"),
            lifecycle_state=_LIFECYCLE_STATE(state),
            lifecycle_state_name=state,
            health_status=required(item.get("HealthStatus"), "HealthStatus"),
            availability_zone=required(item.get("AvailabilityZone"), "AvailabilityZone"),
            protected_from_scale_in=item.get("ProtectedFromScaleIn", False),
            instance_type=item.get("InstanceType") or None,
            launch_configuration=item.get("LaunchConfigurationName") or None,
            launch_template=_template(item.get("LaunchTemplate")),
            weighted_capacity=item.get("WeightedCapacity") or None,
        )


def _mixed_template(policy: MixedInstancesPolicyOutputTypeDef | None) -> LaunchTemplateRef | None:
    """The launch template inside a mixed instances policy."""
    if policy is None:
        return None
    return _template(policy.get("LaunchTemplate", {}).get("LaunchTemplateSpecification"))


def _override_types(policy: MixedInstancesPolicyOutputTypeDef | None) -> tuple[str, ...]:
    """The instance types a mixed instances policy's overrides name, in AWS's order."""
    if policy is None:
        return ()
    overrides = policy.get("LaunchTemplate", {}).get("Overrides", [])
    return tuple(override["InstanceType"] for override in overrides if "InstanceType" in override)


def _split(identifier: str | None) -> tuple[str, ...]:
    """The subnet ids of a ``VPCZoneIdentifier`` (AWS's comma-separated string)."""
    return tuple(part.strip() for part in (identifier or "").split(",") if part.strip())


@attrs.frozen(kw_only=True)
class AutoScalingGroup:
    """An Auto Scaling group, as ``DescribeAutoScalingGroups`` reports it.

    The group launches from `launch_configuration` or `launch_template`. `desired_capacity`
    (like `min_size` and `max_size`) counts instances, or, in a group with instance weights,
    capacity units: `desired_capacity_type` is then AWS's ``units``, ``vcpu`` or
    ``memory-mib``, and each instance's
    [`weighted_capacity`][awsfacade.autoscaling.GroupInstance.weighted_capacity] its units.
    """

    name: str
    """The group's name."""
    min_size: int
    """The fewest instances (or capacity units, with instance weights) the group keeps."""
    max_size: int
    """The most instances (or capacity units, with instance weights) the group runs."""
    desired_capacity: int
    """How many instances (or capacity units, with instance weights) the group aims to run."""
    created: datetime
    """When the group was created (UTC)."""
    desired_capacity_type: str | None = None
    """What the sizes count in a group with instance weights: AWS's ``units``, ``vcpu`` or
    ``memory-mib``; `None` if AWS did not report it."""
    arn: str | None = None
    """The group's ARN; `None` only in the model
    [`create_group`][awsfacade.autoscaling.AutoScalingService.create_group] returns when AWS
    does not show the new group yet (its ARN holds an id AWS alone knows)."""
    launch_configuration: str | None = None
    """The name of the launch configuration the group launches from; `None` for a group
    from a launch template."""
    launch_template: LaunchTemplateRef | None = None
    """The launch template the group launches from; `None` for a group from a launch
    configuration. Read from AWS it holds both its `id` and its `name` (AWS sends both), and
    ``$Default`` as its version when AWS names none; for a group with a mixed instances
    policy, it is the template inside the policy."""
    mixed_instances_policy: bool = False
    """Whether the group has a mixed instances policy."""
    instance_type_overrides: tuple[str, ...] = ()
    """The instance types the mixed instances policy's overrides name, in AWS's order; empty
    without a policy."""
    availability_zones: tuple[str, ...] = ()
    """The availability zones the group launches into."""
    subnet_ids: tuple[str, ...] = ()
    """The subnets the group launches into: AWS's ``VPCZoneIdentifier`` (a comma-separated
    string) split into ids; empty if AWS names none."""
    instances: tuple[GroupInstance, ...] = ()
    """The group's instances, in AWS's order."""
    health_check_type: str = "EC2"
    """How AWS checks the instances' health: ``EC2`` (also when AWS does not say), or a
    comma-separated list such as ``EC2,ELB``."""
    health_check_grace_period: int | None = None
    """Seconds AWS waits after an instance comes into service before checking its health;
    `None` if not reported."""
    default_cooldown: int | None = None
    """Seconds after a scaling activity before another one may start; `None` if not
    reported."""
    target_group_arns: tuple[str, ...] = ()
    """The ARNs of the load balancer target groups the group registers its instances with."""
    load_balancer_names: tuple[str, ...] = ()
    """The names of the Classic Load Balancers the group registers its instances with."""
    termination_policies: tuple[str, ...] = ()
    """The policies by which AWS picks the instances to terminate when the group shrinks,
    in order."""
    new_instances_protected_from_scale_in: bool = False
    """Whether new instances start protected from scale-in."""
    service_linked_role_arn: str | None = None
    """The ARN of the service-linked role AWS acts through for the group; `None` if not
    reported."""
    status: str | None = None
    """Set (``Delete in progress``) while AWS deletes the group; `None` otherwise."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """The group's tags, key to value."""
    tags_propagated_at_launch: frozenset[str] = frozenset()
    """The keys of the tags AWS copies onto the instances it launches."""

    @property
    def instance_ids(self) -> tuple[str, ...]:
        """The ids of the group's instances.

        Returns:
            The instance ids, in AWS's order.
        """
        return tuple(instance.id for instance in self.instances)

    @property
    def in_service_count(self) -> int:
        """How many of the group's instances are ``InService``.

        Returns:
            The number of ``InService`` instances.
        """
        return sum(1 for instance in self.instances if instance.in_service)

    @property
    def in_service_capacity(self) -> int:
        """The capacity units of the ``InService`` instances: what AWS measures against
        `desired_capacity`.

        Returns:
            The sum of their [`capacity_units`][awsfacade.autoscaling.GroupInstance.capacity_units]
                (their count, without weights).
        """
        return sum(instance.capacity_units for instance in self.instances if instance.in_service)

    @property
    def at_desired_capacity(self) -> bool:
        """Whether the group runs its desired capacity.

        Every instance must be ``InService``, and together they must make the desired
        capacity: exactly as many instances, or, with instance weights, at least as many units
        (AWS launches until the capacity is met, and may pass it by part of an instance's
        weight).

        Returns:
            True if every instance is ``InService`` and they make the desired capacity.
        """
        if self.in_service_count != len(self.instances):
            return False
        weighted = any(instance.weighted_capacity is not None for instance in self.instances)
        return len(self.instances) == self.desired_capacity or (
            weighted and self.in_service_capacity >= self.desired_capacity
        )

    @classmethod
    @converter
    def _from_boto(cls, item: AutoScalingGroupTypeDef) -> AutoScalingGroup:
        policy = item.get("MixedInstancesPolicy")
        tags = item.get("Tags", [])
        return cls(
            name=required(item.get("AutoScalingGroupName"), "AutoScalingGroupName"),
            arn=item.get("AutoScalingGroupARN") or None,
            min_size=required(item.get("MinSize"), "MinSize"),
            max_size=required(item.get("MaxSize"), "MaxSize"),
            desired_capacity=required(item.get("DesiredCapacity"), "DesiredCapacity"),
            created=utc(required(item.get("CreatedTime"), "CreatedTime")),
            desired_capacity_type=item.get("DesiredCapacityType") or None,
            launch_configuration=item.get("LaunchConfigurationName") or None,
            launch_template=_template(item.get("LaunchTemplate")) or _mixed_template(policy),
            mixed_instances_policy=policy is not None,
            instance_type_overrides=_override_types(policy),
            availability_zones=tuple(item.get("AvailabilityZones", [])),
            subnet_ids=_split(item.get("VPCZoneIdentifier")),
            instances=tuple([GroupInstance._from_boto(one) for one in item.get("Instances", [])]),
            health_check_type=item.get("HealthCheckType") or "EC2",
            health_check_grace_period=item.get("HealthCheckGracePeriod"),
            default_cooldown=item.get("DefaultCooldown"),
            target_group_arns=tuple(item.get("TargetGroupARNs", [])),
            load_balancer_names=tuple(item.get("LoadBalancerNames", [])),
            termination_policies=tuple(item.get("TerminationPolicies", [])),
            new_instances_protected_from_scale_in=item.get(
                "NewInstancesProtectedFromScaleIn", False
            ),
            service_linked_role_arn=item.get("ServiceLinkedRoleARN") or None,
            status=item.get("Status") or None,
            tags=Tags.from_aws(tags),
            tags_propagated_at_launch=frozenset(
                tag["Key"] for tag in tags if "Key" in tag and tag.get("PropagateAtLaunch")
            ),
        )


def decode_user_data(value: str | None) -> str | None:
    """User data as the text it was created from: AWS returns it base64-encoded. Data that is
    not base64 of UTF-8 text (a gzip archive, say, or text with non-ASCII characters, which
    ``b64decode`` refuses with a plain ValueError) is kept as AWS sent it."""
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True).decode()
    except ValueError:  # binascii.Error, UnicodeDecodeError, non-ASCII input
        return value


@attrs.frozen(kw_only=True)
class LaunchConfiguration:
    """A launch configuration, as ``DescribeLaunchConfigurations`` reports it: what the
    instances of a group launched from it are made of."""

    name: str
    """The launch configuration's name."""
    image_id: str
    """The id of the AMI the instances launch from."""
    instance_type: str
    """The instances' type (``t3.micro``)."""
    created: datetime
    """When the configuration was created (UTC)."""
    arn: str | None = None
    """The configuration's ARN; `None` only in the model a create returns when AWS does not
    show the new configuration yet."""
    key_name: str | None = None
    """The name of the instances' key pair; `None` if none."""
    security_group_ids: tuple[str, ...] = ()
    """The ids of the instances' security groups."""
    user_data: str | None = None
    """The user data as the text given at creation (decoded from the base64 AWS returns),
    or as AWS sent it if it is not base64 of UTF-8 text (a gzip archive, say); `None` if
    none."""
    iam_instance_profile: str | None = None
    """The instances' IAM instance profile, its name or ARN as given; `None` if none."""
    associate_public_ip: bool | None = None
    """Whether instances in a VPC get a public IPv4 address; `None` if not set (the
    subnet decides)."""
    ebs_optimized: bool = False
    """Whether the instances are EBS-optimized."""
    monitoring: bool | None = None
    """Whether detailed monitoring is enabled; `None` if not reported."""
    spot_price: str | None = None
    """The highest price a Spot Instance is launched at, as AWS's string; `None` for
    On-Demand instances."""
    block_device_names: tuple[str, ...] = ()
    """The device names of the block device mappings (``/dev/xvda``)."""

    @classmethod
    @converter
    def _from_boto(cls, item: LaunchConfigurationTypeDef) -> LaunchConfiguration:
        return cls(
            name=required(item.get("LaunchConfigurationName"), "LaunchConfigurationName"),
            arn=item.get("LaunchConfigurationARN") or None,
            image_id=required(item.get("ImageId"), "ImageId"),
            instance_type=required(item.get("InstanceType"), "InstanceType"),
            created=utc(required(item.get("CreatedTime"), "CreatedTime")),
            key_name=item.get("KeyName") or None,
            security_group_ids=tuple(item.get("SecurityGroups", [])),
            user_data=decode_user_data(item.get("UserData")),
            iam_instance_profile=item.get("IamInstanceProfile") or None,
            associate_public_ip=item.get("AssociatePublicIpAddress"),
            ebs_optimized=item.get("EbsOptimized", False),
            monitoring=item.get("InstanceMonitoring", {}).get("Enabled"),
            spot_price=item.get("SpotPrice") or None,
            block_device_names=tuple(
                device["DeviceName"]
                for device in item.get("BlockDeviceMappings", [])
                if "DeviceName" in device
            ),
        )
