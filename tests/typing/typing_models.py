"""Type checks of the EC2 models' fields, errors' attributes and the testing helpers; never run."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Literal, assert_type

import boto3.session

from awsfacade.ec2 import (
    BlockDevice,
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    MetadataOptions,
    Permission,
    Rule,
    SecurityGroup,
    Source,
    SpotOptions,
    StateChange,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.errors import (
    AwsError,
    InvalidArgumentError,
    NotFoundError,
    ServiceError,
    WaitTimeoutError,
)
from awsfacade.testing import mocked_session


def check_instance(instance: Instance) -> None:
    """Instance's fields and its name property."""
    assert_type(instance.id, str)
    assert_type(instance.image_id, str)
    assert_type(instance.instance_type, str)
    assert_type(instance.state, InstanceState)
    assert_type(instance.state_name, str)
    assert_type(instance.launch_time, datetime)
    assert_type(instance.private_ip, str | None)
    assert_type(instance.public_ip, str | None)
    assert_type(instance.private_ips, tuple[str, ...])
    assert_type(instance.public_ips, tuple[str, ...])
    assert_type(instance.ipv6_addresses, tuple[str, ...])
    assert_type(instance.private_dns_name, str | None)
    assert_type(instance.public_dns_name, str | None)
    assert_type(instance.subnet_id, str | None)
    assert_type(instance.vpc_id, str | None)
    assert_type(instance.key_name, str | None)
    assert_type(instance.security_group_ids, tuple[str, ...])
    assert_type(instance.availability_zone, str | None)
    assert_type(instance.state_reason, str | None)
    assert_type(instance.state_transition_reason, str | None)
    assert_type(instance.architecture, str | None)
    assert_type(instance.platform, str | None)
    assert_type(instance.iam_instance_profile_arn, str | None)
    assert_type(instance.root_device_name, str | None)
    assert_type(instance.root_device_type, str | None)
    assert_type(instance.tags, Mapping[str, str])
    assert_type(instance.name, str | None)


def check_states(instance: Instance, vpc: Vpc, subnet: Subnet, change: StateChange) -> None:
    """States are StrEnums: they compare with AWS's strings and are usable as a str."""
    assert_type(instance.state == "running", bool)
    assert_type(instance.state == InstanceState.RUNNING, bool)
    assert_type(vpc.state == "available", bool)
    assert_type(subnet.state != "failed", bool)
    assert_type(change.current in {"stopping", "stopped"}, bool)
    as_str: str = instance.state
    takes_str(as_str)
    takes_str(vpc.state)
    takes_str(subnet.state)
    takes_str(change.previous)
    # .value: mypy says str, basedpyright the union of the members' literal values.
    takes_str(instance.state.value)
    assert_type(str(instance.state), str)
    assert_type(instance.state.upper(), str)
    assert_type(f"{instance.state}", str)
    assert_type(InstanceState("running"), InstanceState)
    assert_type(InstanceState(instance.state_name), InstanceState)
    assert_type(VpcState("available"), VpcState)
    assert_type(SubnetState(subnet.state_name), SubnetState)
    assert_type(InstanceState.UNKNOWN, Literal[InstanceState.UNKNOWN])
    by_state: dict[str, int] = {InstanceState.RUNNING: 1, "stopped": 2}
    assert_type(by_state[instance.state], int)


def takes_str(value: str) -> None:
    """Accepts any str, which every state is."""
    del value


def check_security_group(group: SecurityGroup) -> None:
    """SecurityGroup's fields."""
    assert_type(group.id, str)
    assert_type(group.name, str)
    assert_type(group.description, str)
    assert_type(group.vpc_id, str | None)
    assert_type(group.owner_id, str | None)
    assert_type(group.ingress, tuple[Rule, ...])
    assert_type(group.egress, tuple[Rule, ...])
    assert_type(group.ingress_permissions, tuple[Permission, ...])
    assert_type(group.egress_permissions, tuple[Permission, ...])
    assert_type(group.tags, Mapping[str, str])


def check_rule(rule: Rule) -> None:
    """Rule's fields, and a whole rule from a protocol and one source."""
    assert_type(rule.protocol, str)
    assert_type(rule.from_port, int | None)
    assert_type(rule.to_port, int | None)
    assert_type(rule.cidrs, tuple[str, ...])
    assert_type(rule.ipv6_cidrs, tuple[str, ...])
    assert_type(rule.group_ids, tuple[str, ...])
    assert_type(rule.prefix_list_ids, tuple[str, ...])
    assert_type(rule.description, str | None)
    assert_type(Rule(protocol="-1", cidrs=("0.0.0.0/0",)), Rule)


def check_permission(permission: Permission) -> None:
    """Permission's fields (AWS's shape of a rule) and its split into Rules."""
    assert_type(permission.protocol, str)
    assert_type(permission.from_port, int | None)
    assert_type(permission.to_port, int | None)
    assert_type(permission.sources, tuple[Source, ...])
    assert_type(permission.rules(), tuple[Rule, ...])
    assert_type(
        Permission(
            protocol="tcp",
            from_port=443,
            to_port=443,
            sources=(Source(kind="cidr", value="10.0.0.0/8", description="office"),),
        ),
        Permission,
    )


def check_source(source: Source) -> None:
    """Source's fields: kind is one of four literals, so an unhandled kind is a type error."""
    assert_type(source.kind, Literal["cidr", "ipv6_cidr", "group", "prefix_list"])
    assert_type(source.value, str)
    assert_type(source.description, str | None)
    assert_type(source.user_id, str | None)
    assert_type(Source(kind="group", value="sg-1", user_id="123456789012"), Source)
    if source.kind == "cidr":
        assert_type(source.kind, Literal["cidr"])


def check_vpc(vpc: Vpc) -> None:
    """Vpc's fields."""
    assert_type(vpc.id, str)
    assert_type(vpc.cidr_block, str)
    assert_type(vpc.state, VpcState)
    assert_type(vpc.state_name, str)
    assert_type(vpc.cidr_blocks, tuple[str, ...])
    assert_type(vpc.ipv6_cidr_blocks, tuple[str, ...])
    assert_type(vpc.is_default, bool)
    assert_type(vpc.owner_id, str | None)
    assert_type(vpc.tags, Mapping[str, str])
    assert_type(vpc.name, str | None)


def check_subnet(subnet: Subnet) -> None:
    """Subnet's fields: an IPv6-only subnet has no IPv4 cidr_block."""
    assert_type(subnet.id, str)
    assert_type(subnet.vpc_id, str)
    assert_type(subnet.cidr_block, str | None)
    assert_type(subnet.availability_zone, str)
    assert_type(subnet.state, SubnetState)
    assert_type(subnet.state_name, str)
    assert_type(subnet.ipv6_cidr_blocks, tuple[str, ...])
    assert_type(subnet.ipv6_native, bool)
    assert_type(subnet.available_ip_count, int | None)
    assert_type(subnet.default_for_az, bool)
    assert_type(subnet.map_public_ip_on_launch, bool)
    assert_type(subnet.owner_id, str | None)
    assert_type(subnet.tags, Mapping[str, str])
    assert_type(subnet.name, str | None)


def check_launch_template(template: LaunchTemplate) -> None:
    """LaunchTemplate's fields and ref()."""
    assert_type(template.id, str)
    assert_type(template.name, str)
    assert_type(template.created, datetime | None)
    assert_type(template.created_by, str | None)
    assert_type(template.default_version, int)
    assert_type(template.latest_version, int)
    assert_type(template.tags, Mapping[str, str])
    assert_type(template.ref(), LaunchTemplateRef)
    assert_type(template.ref("$Latest"), LaunchTemplateRef)


def check_launch_template_ref(ref: LaunchTemplateRef) -> None:
    """LaunchTemplateRef's fields and both ways to build one."""
    assert_type(ref.id, str | None)
    assert_type(ref.name, str | None)
    assert_type(ref.version, str)
    assert_type(LaunchTemplateRef(id="lt-1"), LaunchTemplateRef)
    assert_type(LaunchTemplateRef(name="web", version="3"), LaunchTemplateRef)


def check_block_device(device: BlockDevice) -> None:
    """BlockDevice's fields, and one built from defaults only."""
    assert_type(device.device_name, str)
    assert_type(device.size_gib, int | None)
    assert_type(device.volume_type, Literal["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"])
    assert_type(device.iops, int | None)
    assert_type(device.throughput, int | None)
    assert_type(device.encrypted, bool | None)
    assert_type(device.kms_key_id, str | None)
    assert_type(device.snapshot_id, str | None)
    assert_type(device.delete_on_termination, bool | None)
    assert_type(BlockDevice(), BlockDevice)
    assert_type(BlockDevice(device_name="/dev/sdf", snapshot_id="snap-1"), BlockDevice)


def check_metadata_options(options: MetadataOptions) -> None:
    """MetadataOptions' fields."""
    assert_type(options.http_tokens, Literal["required", "optional"])
    assert_type(options.hop_limit, int | None)
    assert_type(options.endpoint_enabled, bool)
    assert_type(options.instance_tags, bool)
    assert_type(MetadataOptions(), MetadataOptions)
    assert_type(MetadataOptions(http_tokens="optional", hop_limit=1), MetadataOptions)


def check_spot_options(spot: SpotOptions) -> None:
    """SpotOptions' fields."""
    assert_type(spot.max_price, str | None)
    assert_type(spot.interruption, Literal["terminate", "stop", "hibernate"])
    assert_type(spot.persistent, bool)
    assert_type(SpotOptions(), SpotOptions)
    assert_type(
        SpotOptions(max_price="0.05", interruption="hibernate", persistent=True), SpotOptions
    )


def check_state_change(change: StateChange) -> None:
    """StateChange's fields."""
    assert_type(change.instance_id, str)
    assert_type(change.previous, InstanceState)
    assert_type(change.current, InstanceState)


def check_errors(error: ServiceError, not_found: NotFoundError) -> None:
    """Service errors carry typed code, message, operation and request id."""
    assert_type(error.code, str)
    assert_type(error.message, str)
    assert_type(error.operation, str)
    assert_type(error.request_id, str | None)
    assert_type(not_found.code, str)
    assert_type(not_found.request_id, str | None)
    takes_aws_error(error)
    takes_aws_error(InvalidArgumentError("x"))
    takes_aws_error(WaitTimeoutError("x"))
    takes_value_error(InvalidArgumentError("x"))
    takes_timeout_error(WaitTimeoutError("x"))


def takes_aws_error(error: AwsError) -> None:
    """Accepts any awsfacade error."""
    del error


def takes_value_error(error: ValueError) -> None:
    """Accepts a ValueError, which InvalidArgumentError is."""
    del error


def takes_timeout_error(error: TimeoutError) -> None:
    """Accepts a TimeoutError, which WaitTimeoutError is."""
    del error


def check_mocked_session() -> None:
    """mocked_session() yields a boto3 Session."""
    with mocked_session() as session:
        assert_type(session, boto3.session.Session)
    with mocked_session(region="eu-west-1") as other:
        assert_type(other, boto3.session.Session)
