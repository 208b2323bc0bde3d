"""EC2 models: frozen attrs classes built from boto3-stubs TypedDicts by ``_from_boto``."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._base import TolerantEnum
from awsfacade._convert import converter, optional_utc, required, utc
from awsfacade._tags import Tags
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        InstanceTypeDef,
        IpPermissionOutputTypeDef,
        IpPermissionTypeDef,
        IpRangeTypeDef,
        Ipv6RangeTypeDef,
        LaunchTemplateSpecificationTypeDef,
        LaunchTemplateTypeDef,
        PrefixListIdTypeDef,
        SecurityGroupTypeDef,
        SubnetTypeDef,
        UserIdGroupPairTypeDef,
        VpcTypeDef,
    )

__all__ = [
    "Instance",
    "InstanceState",
    "LaunchTemplate",
    "LaunchTemplateRef",
    "Rule",
    "SecurityGroup",
    "Subnet",
    "SubnetState",
    "Vpc",
    "VpcState",
]

_MAX_PORT = 65535


class InstanceState(TolerantEnum):
    """An instance's lifecycle state; ``UNKNOWN`` for a state AWS adds later."""

    PENDING = "pending"
    RUNNING = "running"
    SHUTTING_DOWN = "shutting-down"
    TERMINATED = "terminated"
    STOPPING = "stopping"
    STOPPED = "stopped"
    UNKNOWN = "unknown"


class VpcState(TolerantEnum):
    """A VPC's state."""

    PENDING = "pending"
    AVAILABLE = "available"
    UNKNOWN = "unknown"


class SubnetState(TolerantEnum):
    """A subnet's state."""

    PENDING = "pending"
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"
    FAILED = "failed"
    FAILED_INSUFFICIENT_CAPACITY = "failed-insufficient-capacity"
    UNKNOWN = "unknown"


def _name_tag(tags: Mapping[str, str]) -> str | None:
    return tags.get("Name")


@attrs.frozen(kw_only=True)
class Instance:
    """An EC2 instance, as ``describe_instances`` reports it."""

    id: str
    image_id: str
    instance_type: str
    state: InstanceState
    launch_time: datetime
    private_ip: str | None = None
    public_ip: str | None = None
    private_dns_name: str | None = None
    public_dns_name: str | None = None
    subnet_id: str | None = None
    vpc_id: str | None = None
    key_name: str | None = None
    security_group_ids: tuple[str, ...] = ()
    availability_zone: str | None = None
    state_reason: str | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=Tags)

    @property
    def name(self) -> str | None:
        """The ``Name`` tag, or ``None``."""
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: InstanceTypeDef) -> Instance:
        state = required(item.get("State"), "State")
        return cls(
            id=required(item.get("InstanceId"), "InstanceId"),
            image_id=required(item.get("ImageId"), "ImageId"),
            instance_type=required(item.get("InstanceType"), "InstanceType"),
            state=InstanceState(required(state.get("Name"), "State.Name")),
            launch_time=utc(required(item.get("LaunchTime"), "LaunchTime")),
            private_ip=item.get("PrivateIpAddress") or None,
            public_ip=item.get("PublicIpAddress") or None,
            private_dns_name=item.get("PrivateDnsName") or None,
            public_dns_name=item.get("PublicDnsName") or None,
            subnet_id=item.get("SubnetId") or None,
            vpc_id=item.get("VpcId") or None,
            key_name=item.get("KeyName") or None,
            security_group_ids=tuple(
                group["GroupId"] for group in item.get("SecurityGroups", []) if "GroupId" in group
            ),
            availability_zone=item.get("Placement", {}).get("AvailabilityZone") or None,
            state_reason=item.get("StateReason", {}).get("Message") or None,
            tags=Tags.from_aws(item.get("Tags")),
        )


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise InvalidArgumentError(f"expected a tuple of strings, not one string {values!r}")
    try:
        return tuple(values)
    except TypeError as error:
        raise InvalidArgumentError(f"expected a tuple of strings, not {values!r}") from error


def _check_ipv4(
    rule: Rule, attribute: attrs.Attribute[tuple[str, ...]], cidrs: tuple[str, ...]
) -> None:
    del rule, attribute
    for cidr in cidrs:
        check_cidr(cidr, version=4)


def _check_ipv6(
    rule: Rule, attribute: attrs.Attribute[tuple[str, ...]], cidrs: tuple[str, ...]
) -> None:
    del rule, attribute
    for cidr in cidrs:
        check_cidr(cidr, version=6)


def check_cidr(cidr: object, *, version: int = 4) -> str:
    """``cidr`` if it is a network in CIDR notation of that IP version, else
    :class:`InvalidArgumentError` (AWS rejects host bits set, ``10.0.0.1/16``, too)."""
    if not isinstance(cidr, str) or "/" not in cidr:
        raise InvalidArgumentError(f"not a CIDR block (like 10.0.0.0/16): {cidr!r}")
    try:
        network = ipaddress.ip_network(cidr, strict=True)
    except ValueError as error:
        raise InvalidArgumentError(f"invalid CIDR block {cidr!r}: {error}") from error
    if network.version != version:
        raise InvalidArgumentError(f"{cidr!r} is not an IPv{version} CIDR block")
    return cidr


def _check_port(rule: Rule, attribute: attrs.Attribute[int | None], port: int | None) -> None:
    if port is None:
        return
    # ICMP uses the port fields for type and code, where -1 means "all".
    low = -1 if rule.protocol in {"icmp", "icmpv6", "1", "58", "-1"} else 0
    if isinstance(port, bool) or not isinstance(port, int) or not low <= port <= _MAX_PORT:
        raise InvalidArgumentError(
            f"{attribute.name} must be an integer from {low} to {_MAX_PORT}, not {port!r}"
        )


def _check_protocol(rule: Rule, attribute: attrs.Attribute[str], protocol: str) -> None:
    del rule, attribute
    if not isinstance(protocol, str) or not protocol:
        raise InvalidArgumentError(
            f'protocol must be "tcp", "udp", "icmp", "-1" (all) or a number, not {protocol!r}'
        )


@attrs.frozen(kw_only=True)
class Rule:
    """One security group rule: a protocol, a port range and the sources (or destinations).

    ``Rule(protocol="-1", cidrs=("0.0.0.0/0",))`` allows all traffic from anywhere. Ports are
    ``None`` for protocol ``"-1"``; for ICMP they hold the type and code (``-1``: any). Sources
    are IPv4 and IPv6 blocks, security groups and managed prefix lists (``pl-…``).
    """

    protocol: str = attrs.field(validator=_check_protocol)
    from_port: int | None = attrs.field(default=None, validator=_check_port)
    to_port: int | None = attrs.field(default=None, validator=_check_port)
    cidrs: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_ipv4)
    ipv6_cidrs: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_check_ipv6)
    group_ids: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    prefix_list_ids: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.from_port is None) != (self.to_port is None):
            raise InvalidArgumentError("give both from_port and to_port, or neither")
        if self.protocol in {"tcp", "udp", "6", "17"} and self.from_port is None:
            raise InvalidArgumentError(f"{self.protocol} rules need from_port and to_port")
        if (
            self.from_port is not None
            and self.to_port is not None
            and self.from_port > self.to_port
            and self.protocol not in {"icmp", "icmpv6", "1", "58"}
        ):
            raise InvalidArgumentError(
                f"from_port {self.from_port} is greater than to_port {self.to_port}"
            )

    @classmethod
    def _from_boto(cls, permission: IpPermissionOutputTypeDef) -> tuple[Rule, ...]:
        """One rule per distinct description: AWS keeps a description per source, we per rule."""
        grouped: dict[str | None, dict[str, list[str]]] = {}

        def add(description: str | None, kind: str, value: str | None) -> None:
            if value:
                grouped.setdefault(description, {}).setdefault(kind, []).append(value)

        for ip_range in permission.get("IpRanges", []):
            add(ip_range.get("Description"), "cidrs", ip_range.get("CidrIp"))
        for ipv6_range in permission.get("Ipv6Ranges", []):
            add(ipv6_range.get("Description"), "ipv6_cidrs", ipv6_range.get("CidrIpv6"))
        for pair in permission.get("UserIdGroupPairs", []):
            add(pair.get("Description"), "group_ids", pair.get("GroupId"))
        for prefix_list in permission.get("PrefixListIds", []):
            add(prefix_list.get("Description"), "prefix_list_ids", prefix_list.get("PrefixListId"))
        protocol = permission.get("IpProtocol", "-1")
        from_port = None if protocol == "-1" else permission.get("FromPort")
        to_port = None if protocol == "-1" else permission.get("ToPort")
        return tuple(
            cls(
                protocol=protocol,
                from_port=from_port,
                to_port=to_port,
                cidrs=tuple(sources.get("cidrs", [])),
                ipv6_cidrs=tuple(sources.get("ipv6_cidrs", [])),
                group_ids=tuple(sources.get("group_ids", [])),
                prefix_list_ids=tuple(sources.get("prefix_list_ids", [])),
                description=description,
            )
            for description, sources in grouped.items()
        )

    def _to_boto(self) -> IpPermissionTypeDef:
        if not (self.cidrs or self.ipv6_cidrs or self.group_ids or self.prefix_list_ids):
            raise InvalidArgumentError(
                f"rule {self!r} names no source: give cidrs, ipv6_cidrs, group_ids "
                "or prefix_list_ids"
            )
        ip_ranges: list[IpRangeTypeDef] = [{"CidrIp": cidr} for cidr in self.cidrs]
        ipv6_ranges: list[Ipv6RangeTypeDef] = [{"CidrIpv6": cidr} for cidr in self.ipv6_cidrs]
        pairs: list[UserIdGroupPairTypeDef] = [{"GroupId": group} for group in self.group_ids]
        prefix_lists: list[PrefixListIdTypeDef] = [
            {"PrefixListId": prefix_list} for prefix_list in self.prefix_list_ids
        ]
        if self.description:
            for source in (*ip_ranges, *ipv6_ranges, *pairs, *prefix_lists):
                source["Description"] = self.description
        permission: IpPermissionTypeDef = {
            "IpProtocol": self.protocol,
            "IpRanges": ip_ranges,
            "Ipv6Ranges": ipv6_ranges,
            "UserIdGroupPairs": pairs,
            "PrefixListIds": prefix_lists,
        }
        if self.from_port is not None:
            permission["FromPort"] = self.from_port
        if self.to_port is not None:
            permission["ToPort"] = self.to_port
        return permission


@attrs.frozen(kw_only=True)
class SecurityGroup:
    """A security group with its inbound and outbound rules."""

    id: str
    name: str
    description: str
    vpc_id: str | None = None
    owner_id: str | None = None
    ingress: tuple[Rule, ...] = ()
    egress: tuple[Rule, ...] = ()
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=Tags)

    @classmethod
    @converter
    def _from_boto(cls, item: SecurityGroupTypeDef) -> SecurityGroup:
        return cls(
            id=required(item.get("GroupId"), "GroupId"),
            name=required(item.get("GroupName"), "GroupName"),
            description=item.get("Description", ""),
            vpc_id=item.get("VpcId") or None,
            owner_id=item.get("OwnerId"),
            ingress=tuple(
                rule
                for permission in item.get("IpPermissions", [])
                for rule in Rule._from_boto(permission)
            ),
            egress=tuple(
                rule
                for permission in item.get("IpPermissionsEgress", [])
                for rule in Rule._from_boto(permission)
            ),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class Vpc:
    """A VPC."""

    id: str
    cidr_block: str
    state: VpcState
    is_default: bool = False
    owner_id: str | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=Tags)

    @property
    def name(self) -> str | None:
        """The ``Name`` tag, or ``None``."""
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: VpcTypeDef) -> Vpc:
        return cls(
            id=required(item.get("VpcId"), "VpcId"),
            cidr_block=required(item.get("CidrBlock"), "CidrBlock"),
            state=VpcState(item.get("State", "unknown")),
            is_default=item.get("IsDefault", False),
            owner_id=item.get("OwnerId"),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class Subnet:
    """A subnet of a VPC."""

    id: str
    vpc_id: str
    cidr_block: str
    availability_zone: str
    state: SubnetState
    available_ip_count: int | None = None
    default_for_az: bool = False
    map_public_ip_on_launch: bool = False
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=Tags)

    @property
    def name(self) -> str | None:
        """The ``Name`` tag, or ``None``."""
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: SubnetTypeDef) -> Subnet:
        return cls(
            id=required(item.get("SubnetId"), "SubnetId"),
            vpc_id=required(item.get("VpcId"), "VpcId"),
            cidr_block=required(item.get("CidrBlock"), "CidrBlock"),
            availability_zone=required(item.get("AvailabilityZone"), "AvailabilityZone"),
            state=SubnetState(item.get("State", "unknown")),
            available_ip_count=item.get("AvailableIpAddressCount"),
            default_for_az=item.get("DefaultForAz", False),
            map_public_ip_on_launch=item.get("MapPublicIpOnLaunch", False),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class LaunchTemplate:
    """A launch template (its metadata; versions hold the instance settings)."""

    id: str
    name: str
    created: datetime | None = None
    created_by: str | None = None
    default_version: int = 1
    latest_version: int = 1
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=Tags)

    def ref(self, version: str = "$Default") -> LaunchTemplateRef:
        """A reference to this template, for ``run()`` or an Auto Scaling group."""
        return LaunchTemplateRef(id=self.id, version=version)

    @classmethod
    @converter
    def _from_boto(cls, item: LaunchTemplateTypeDef) -> LaunchTemplate:
        return cls(
            id=required(item.get("LaunchTemplateId"), "LaunchTemplateId"),
            name=required(item.get("LaunchTemplateName"), "LaunchTemplateName"),
            created=optional_utc(item.get("CreateTime")),
            created_by=item.get("CreatedBy"),
            default_version=item.get("DefaultVersionNumber", 1),
            latest_version=item.get("LatestVersionNumber", 1),
            tags=Tags.from_aws(item.get("Tags")),
        )


def _check_version(ref: LaunchTemplateRef, attribute: attrs.Attribute[str], value: str) -> None:
    del ref, attribute
    number = isinstance(value, str) and value.isascii() and value.isdigit() and int(value) >= 1
    if not isinstance(value, str) or not (value in {"$Default", "$Latest"} or number):
        raise InvalidArgumentError(
            f'version must be "$Default", "$Latest" or a version number, not {value!r}'
        )


@attrs.frozen(kw_only=True)
class LaunchTemplateRef:
    """A launch template by ``id=`` or ``name=`` (exactly one) and a version."""

    id: str | None = None
    name: str | None = None
    version: str = attrs.field(default="$Default", validator=_check_version)

    def __attrs_post_init__(self) -> None:
        if (self.id is None) == (self.name is None):
            raise InvalidArgumentError("LaunchTemplateRef takes exactly one of id= or name=")
        if not (self.id or self.name):
            raise InvalidArgumentError("LaunchTemplateRef's id or name must not be empty")

    def _to_boto(self) -> LaunchTemplateSpecificationTypeDef:
        if self.id is not None:
            return {"LaunchTemplateId": self.id, "Version": self.version}
        return {"LaunchTemplateName": self.name or "", "Version": self.version}
