"""Type checks of the EC2 models' fields, errors' attributes and the testing helpers; never run."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import assert_type

import boto3.session

from awsfacade.ec2 import (
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Rule,
    SecurityGroup,
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
    assert_type(instance.launch_time, datetime)
    assert_type(instance.private_ip, str | None)
    assert_type(instance.public_ip, str | None)
    assert_type(instance.private_dns_name, str | None)
    assert_type(instance.public_dns_name, str | None)
    assert_type(instance.subnet_id, str | None)
    assert_type(instance.vpc_id, str | None)
    assert_type(instance.key_name, str | None)
    assert_type(instance.security_group_ids, tuple[str, ...])
    assert_type(instance.availability_zone, str | None)
    assert_type(instance.state_reason, str | None)
    assert_type(instance.tags, Mapping[str, str])
    assert_type(instance.name, str | None)


def check_security_group(group: SecurityGroup) -> None:
    """SecurityGroup's fields."""
    assert_type(group.id, str)
    assert_type(group.name, str)
    assert_type(group.description, str)
    assert_type(group.vpc_id, str | None)
    assert_type(group.owner_id, str | None)
    assert_type(group.ingress, tuple[Rule, ...])
    assert_type(group.egress, tuple[Rule, ...])
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


def check_vpc(vpc: Vpc) -> None:
    """Vpc's fields."""
    assert_type(vpc.id, str)
    assert_type(vpc.cidr_block, str)
    assert_type(vpc.state, VpcState)
    assert_type(vpc.is_default, bool)
    assert_type(vpc.owner_id, str | None)
    assert_type(vpc.tags, Mapping[str, str])
    assert_type(vpc.name, str | None)


def check_subnet(subnet: Subnet) -> None:
    """Subnet's fields."""
    assert_type(subnet.id, str)
    assert_type(subnet.vpc_id, str)
    assert_type(subnet.cidr_block, str)
    assert_type(subnet.availability_zone, str)
    assert_type(subnet.state, SubnetState)
    assert_type(subnet.available_ip_count, int | None)
    assert_type(subnet.default_for_az, bool)
    assert_type(subnet.map_public_ip_on_launch, bool)
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
