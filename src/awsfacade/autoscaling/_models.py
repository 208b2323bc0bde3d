"""AutoScaling models: frozen attrs classes built from boto3-stubs TypedDicts by ``_from_boto``."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._base import StateEnum, state_parser
from awsfacade._convert import converter, from_aws, required, utc
from awsfacade._tags import Tags, as_tags
from awsfacade.ec2._models import LaunchTemplateRef

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
    """Where an instance is in its Auto Scaling group's lifecycle (the ``Warmed:*`` states
    are a warm pool's); ``UNKNOWN`` for a state AWS adds later (``lifecycle_state_name`` keeps
    AWS's string)."""

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


#: The refs :func:`_template_ref` built, by (id, name, version); emptied past 256.
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

    ``lifecycle_state`` is ``LifecycleState.UNKNOWN`` for a state this version does not know;
    ``lifecycle_state_name`` is always AWS's own string. ``health_status`` is AWS's
    ``Healthy`` or ``Unhealthy``. The instance was launched from ``launch_configuration`` or
    ``launch_template`` (AWS names one of them). ``weighted_capacity`` is AWS's string for the
    capacity units it counts toward the group's desired capacity, in a group with instance
    weights (``None`` elsewhere: one instance, one unit).
    """

    id: str
    lifecycle_state: LifecycleState
    health_status: str
    availability_zone: str
    protected_from_scale_in: bool = False
    lifecycle_state_name: str = attrs.field(
        default=attrs.Factory(_lifecycle_state_name, takes_self=True)
    )
    instance_type: str | None = None
    launch_configuration: str | None = None
    launch_template: LaunchTemplateRef | None = None
    weighted_capacity: str | None = None

    @property
    def in_service(self) -> bool:
        """Whether the instance is ``InService`` (serving traffic as part of the group)."""
        return self.lifecycle_state is LifecycleState.IN_SERVICE

    @property
    def capacity_units(self) -> int:
        """The units the instance counts toward the desired capacity: its weight, else 1."""
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
    """An Auto Scaling group, as ``describe_auto_scaling_groups`` reports it.

    The group launches from ``launch_configuration`` or ``launch_template``. A template read
    from AWS holds both its ``id`` and its ``name`` (AWS sends both), and, for a group with a
    mixed instances policy (``mixed_instances_policy`` is True), is the template inside the
    policy, whose instance type overrides are ``instance_type_overrides``.

    ``arn`` is ``None`` only in the model ``create_group`` returns when AWS does not show the
    new group yet (its ARN holds an id AWS alone knows). ``status`` is set (``Delete in
    progress``) while AWS deletes the group. ``subnet_ids`` is AWS's ``VPCZoneIdentifier``.
    ``tags_propagated_at_launch`` are the keys of the tags AWS copies onto new instances.

    ``desired_capacity`` (like ``min_size`` and ``max_size``) counts instances, or, in a group
    with instance weights, capacity units: ``desired_capacity_type`` is then AWS's
    ``units``, ``vcpu`` or ``memory-mib``, and each instance's ``weighted_capacity`` its units.
    """

    name: str
    min_size: int
    max_size: int
    desired_capacity: int
    created: datetime
    desired_capacity_type: str | None = None
    arn: str | None = None
    launch_configuration: str | None = None
    launch_template: LaunchTemplateRef | None = None
    mixed_instances_policy: bool = False
    instance_type_overrides: tuple[str, ...] = ()
    availability_zones: tuple[str, ...] = ()
    subnet_ids: tuple[str, ...] = ()
    instances: tuple[GroupInstance, ...] = ()
    health_check_type: str = "EC2"
    health_check_grace_period: int | None = None
    default_cooldown: int | None = None
    target_group_arns: tuple[str, ...] = ()
    load_balancer_names: tuple[str, ...] = ()
    termination_policies: tuple[str, ...] = ()
    new_instances_protected_from_scale_in: bool = False
    service_linked_role_arn: str | None = None
    status: str | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    tags_propagated_at_launch: frozenset[str] = frozenset()

    @property
    def instance_ids(self) -> tuple[str, ...]:
        """The ids of the group's instances, in AWS's order."""
        return tuple(instance.id for instance in self.instances)

    @property
    def in_service_count(self) -> int:
        """How many of the group's instances are ``InService``."""
        return sum(1 for instance in self.instances if instance.in_service)

    @property
    def in_service_capacity(self) -> int:
        """The capacity units of the ``InService`` instances (their count, without weights):
        what AWS measures against ``desired_capacity``."""
        return sum(instance.capacity_units for instance in self.instances if instance.in_service)

    @property
    def at_desired_capacity(self) -> bool:
        """Whether every instance is ``InService`` and together they make the desired capacity:
        exactly as many instances, or, with instance weights, at least as many units (AWS
        launches until the capacity is met, and may pass it by part of an instance's weight).
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
    """A launch configuration, as ``describe_launch_configurations`` reports it.

    ``user_data`` is decoded from the base64 AWS returns to the text given at creation (kept
    as sent if it is not base64 of text). ``arn`` is ``None`` only in the model a create
    returns when AWS does not show the new configuration yet.
    """

    name: str
    image_id: str
    instance_type: str
    created: datetime
    arn: str | None = None
    key_name: str | None = None
    security_group_ids: tuple[str, ...] = ()
    user_data: str | None = None
    iam_instance_profile: str | None = None
    associate_public_ip: bool | None = None
    ebs_optimized: bool = False
    monitoring: bool | None = None
    spot_price: str | None = None
    block_device_names: tuple[str, ...] = ()

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
