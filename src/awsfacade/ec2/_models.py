"""EC2 models: frozen attrs classes built from boto3-stubs TypedDicts by `_from_boto`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

import attrs

from awsfacade._base import StateEnum, state_parser
from awsfacade._convert import (
    converter,
    optional_utc,
    required,
    user_input,
    utc,
)
from awsfacade._launch import LaunchTemplateRef
from awsfacade._tags import Tags, as_tags
from awsfacade._validate import check_cidr, check_id
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        InstanceStateChangeTypeDef,
        InstanceTypeDef,
        IpPermissionOutputTypeDef,
        IpPermissionTypeDef,
        IpRangeTypeDef,
        Ipv6RangeTypeDef,
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
    "InstanceStateName",
    "LaunchTemplate",
    "Permission",
    "Rule",
    "SecurityGroup",
    "Source",
    "StateChange",
    "Subnet",
    "SubnetState",
    "Vpc",
    "VpcState",
]

_MAX_PORT = 65535


class InstanceState(StateEnum):
    """An instance's lifecycle state; `UNKNOWN` for a state AWS adds later."""

    PENDING = "pending"
    RUNNING = "running"
    SHUTTING_DOWN = "shutting-down"
    TERMINATED = "terminated"
    STOPPING = "stopping"
    STOPPED = "stopped"
    UNKNOWN = "unknown"


InstanceStateName = Literal[
    "pending", "running", "shutting-down", "terminated", "stopping", "stopped"
]
"""AWS's string for each [InstanceState][] but `UNKNOWN`: what `states=` and `wait_until`
accept beside the members, so a type checker accepts `"running"` and refuses `"runing"`."""


class VpcState(StateEnum):
    """A VPC's state; `UNKNOWN` for a state AWS adds later."""

    PENDING = "pending"
    AVAILABLE = "available"
    DELETING = "deleting"
    UNKNOWN = "unknown"


class SubnetState(StateEnum):
    """A subnet's state; `UNKNOWN` for a state AWS adds later."""

    PENDING = "pending"
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"
    FAILED = "failed"
    FAILED_INSUFFICIENT_CAPACITY = "failed-insufficient-capacity"
    UNKNOWN = "unknown"


_INSTANCE_STATE = state_parser(InstanceState)
_VPC_STATE = state_parser(VpcState)
_SUBNET_STATE = state_parser(SubnetState)


class _Stated(Protocol):
    @property
    def state(self) -> str: ...


def _state_name(model: _Stated) -> str:
    """`state_name` of a model built by hand: its state's string."""
    return str(model.state)


def _name_tag(tags: Mapping[str, str]) -> str | None:
    return tags.get("Name")


@attrs.frozen(kw_only=True)
class Instance:
    """An EC2 instance, as `DescribeInstances` reports it.

    `private_ip`/`public_ip` are the primary addresses; `private_ips`/`public_ips` hold every
    address of every network interface (primary first), `ipv6_addresses` every IPv6 address.
    `state` is `InstanceState.UNKNOWN` for a state this version does not know; `state_name`
    is always AWS's own string.
    """

    id: str
    """The instance id (`i-…`)."""
    image_id: str
    """The id of the AMI it was launched from."""
    instance_type: str
    """Its instance type (`t3.micro`)."""
    state: InstanceState
    """Its lifecycle state; [`InstanceState.UNKNOWN`][awsfacade.ec2.InstanceState.UNKNOWN] for a
    state this version does not know."""
    launch_time: datetime
    """When it was launched (AWS's `LaunchTime`), tz-aware UTC."""
    state_name: str = attrs.field(default=attrs.Factory(_state_name, takes_self=True))
    """AWS's own string for the state, always (also when `state` is `UNKNOWN`); a model built
    by hand defaults it to `state`'s string."""
    private_ip: str | None = None
    """The primary private IPv4 address; `None` when AWS reports none."""
    public_ip: str | None = None
    """The primary public IPv4 address; `None` when it has none."""
    private_ips: tuple[str, ...] = ()
    """Every private IPv4 address of every network interface, the primary first, each once."""
    public_ips: tuple[str, ...] = ()
    """Every public IPv4 address of every network interface (Elastic IPs included), the primary
    first, each once."""
    ipv6_addresses: tuple[str, ...] = ()
    """Every IPv6 address of every network interface, each once."""
    private_dns_name: str | None = None
    """The private DNS name; `None` when AWS reports none."""
    public_dns_name: str | None = None
    """The public DNS name; `None` when it has none."""
    subnet_id: str | None = None
    """The subnet it runs in; `None` when AWS reports none."""
    vpc_id: str | None = None
    """The VPC it runs in; `None` when AWS reports none."""
    key_name: str | None = None
    """The key pair it was launched with; `None` if none."""
    security_group_ids: tuple[str, ...] = ()
    """The ids of its security groups."""
    availability_zone: str | None = None
    """Its Availability Zone; `None` when AWS reports none."""
    state_reason: str | None = None
    """AWS's message on why the state last changed (`Client.UserInitiatedShutdown: …`); `None` when
    AWS reports none."""
    state_transition_reason: str | None = None
    """AWS's string as sent: `""` for an instance that never changed state, `None` if absent."""
    architecture: str | None = None
    """Its architecture (`x86_64`, `arm64`); `None` when AWS reports none."""
    platform: str | None = None
    """`"windows"` for a Windows instance, `None` for the rest."""
    iam_instance_profile_arn: str | None = None
    """The ARN of its IAM instance profile; `None` if it has none."""
    root_device_name: str | None = None
    """Its root device's name (`/dev/xvda`); `None` when AWS reports none."""
    root_device_type: str | None = None
    """`"ebs"` or `"instance-store"`; `None` when AWS reports none."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @property
    def name(self) -> str | None:
        """The `Name` tag.

        Returns:
            The value of the `Name` tag, or `None` without one.
        """
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: InstanceTypeDef) -> Instance:
        state_name = required(required(item.get("State"), "State").get("Name"), "State.Name")
        private_ip = item.get("PrivateIpAddress") or None
        public_ip = item.get("PublicIpAddress") or None
        private_ips: list[str] = [private_ip] if private_ip else []
        public_ips: list[str] = [public_ip] if public_ip else []
        ipv6: list[str] = []
        for interface in item.get("NetworkInterfaces", []):
            for address in interface.get("PrivateIpAddresses", []):
                private_ips.append(address.get("PrivateIpAddress", ""))
                public_ips.append(address.get("Association", {}).get("PublicIp", ""))
            public_ips.append(interface.get("Association", {}).get("PublicIp", ""))
            ipv6 += [
                address.get("Ipv6Address", "") for address in interface.get("Ipv6Addresses", [])
            ]
        return cls(
            id=required(item.get("InstanceId"), "InstanceId"),
            image_id=required(item.get("ImageId"), "ImageId"),
            instance_type=required(item.get("InstanceType"), "InstanceType"),
            state=_INSTANCE_STATE(state_name),
            state_name=state_name,
            launch_time=utc(required(item.get("LaunchTime"), "LaunchTime")),
            private_ip=private_ip,
            public_ip=public_ip,
            private_ips=_unique(private_ips),
            public_ips=_unique(public_ips),
            ipv6_addresses=_unique([item.get("Ipv6Address", ""), *ipv6]),
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
            state_transition_reason=item.get("StateTransitionReason"),
            architecture=item.get("Architecture") or None,
            platform=item.get("Platform") or None,
            iam_instance_profile_arn=item.get("IamInstanceProfile", {}).get("Arn") or None,
            root_device_name=item.get("RootDeviceName") or None,
            root_device_type=item.get("RootDeviceType") or None,
            tags=Tags.from_aws(item.get("Tags")),
        )


def _unique(values: list[str]) -> tuple[str, ...]:
    """The non-empty values, each once, in their first order."""
    if len(values) == 1:  # a VPC's one CIDR block, an instance's one private IP
        return (values[0],) if values[0] else ()
    seen: dict[str, None] = {value: None for value in values if value}
    return tuple(seen)


@attrs.frozen(kw_only=True)
class StateChange:
    """What [`start`][awsfacade.ec2.Ec2Service.start], [`stop`][awsfacade.ec2.Ec2Service.stop]
    and [`terminate`][awsfacade.ec2.Ec2Service.terminate] did to one instance."""

    instance_id: str
    """The instance acted on."""
    previous: InstanceState
    """Its state before the call; `UNKNOWN` if AWS sent none this version knows."""
    current: InstanceState
    """Its state after the call (`pending`, `stopping`, `shutting-down`, …); `UNKNOWN` if AWS sent
    none this version knows."""

    @classmethod
    @converter
    def _from_boto(cls, item: InstanceStateChangeTypeDef) -> StateChange:
        return cls(
            instance_id=required(item.get("InstanceId"), "InstanceId"),
            previous=_INSTANCE_STATE(item.get("PreviousState", {}).get("Name", "unknown")),
            current=_INSTANCE_STATE(item.get("CurrentState", {}).get("Name", "unknown")),
        )


def _strings(values: Iterable[str], what: str) -> tuple[str, ...]:
    if isinstance(values, tuple):  # what converters pass; tuple() does not copy a tuple
        return tuple(values)
    if isinstance(values, str | bytes):
        raise InvalidArgumentError(f"{what} must be a list of strings, not one string {values!r}")
    try:
        return tuple(values)
    except TypeError as error:
        raise InvalidArgumentError(f"{what} must be a list of strings, not {values!r}") from error


# One converter a field, so that a message names the argument (attrs converters get no name).
def _cidrs(values: Iterable[str]) -> tuple[str, ...]:
    return _strings(values, "cidrs")


def _ipv6_cidrs(values: Iterable[str]) -> tuple[str, ...]:
    return _strings(values, "ipv6_cidrs")


def _group_ids(values: Iterable[str]) -> tuple[str, ...]:
    return _strings(values, "group_ids")


def _prefix_list_ids(values: Iterable[str]) -> tuple[str, ...]:
    return _strings(values, "prefix_list_ids")


#: Protocol spellings users write, by the name AWS answers with.
_PROTOCOLS = {
    "tcp": "tcp",
    "6": "tcp",
    "udp": "udp",
    "17": "udp",
    "icmp": "icmp",
    "1": "icmp",
    "icmpv6": "icmpv6",
    "58": "icmpv6",
    "-1": "-1",
    "all": "-1",
}
_ICMP = frozenset({"icmp", "icmpv6"})
_CANONICAL = frozenset(_PROTOCOLS.values())
#: How a frozen attrs class sets its fields. typeshed types the value `Any`, which mypy's
#: disallow_any_expr refuses where it is called; the alias names it `object`.
_SET_FIELD: Callable[[object, str, object], None] = object.__setattr__
#: The longest rule description AWS accepts (IpRange, Ipv6Range, UserIdGroupPair…).
_MAX_DESCRIPTION = 255


def _protocol(value: str) -> str:
    """A protocol in the spelling AWS answers with: `"TCP"` and `"6"` are `"tcp"`,
    `"all"` is `"-1"`; anything else stays as given (checked where users pass it)."""
    if value in _CANONICAL:  # AWS's own spelling, what every rule read from AWS has
        return value
    if not isinstance(value, str):
        return value
    text = value.strip().lower()
    return _PROTOCOLS.get(text, text)


def _check_port(port: int | None, what: str, low: int, high: int) -> None:
    if port is not None and (
        isinstance(port, bool) or not isinstance(port, int) or not low <= port <= high
    ):
        raise InvalidArgumentError(f"{what} must be an integer from {low} to {high}, not {port!r}")


@attrs.frozen(kw_only=True)
class Rule:
    """One security group rule: a protocol, a port range and the sources (or destinations).

    `Rule(protocol="-1", cidrs=("0.0.0.0/0",))` allows all traffic from anywhere. The
    protocol is `"tcp"`, `"udp"`, `"icmp"`, `"icmpv6"`, `"-1"` (all) or an IP protocol
    number; `"TCP"`, `"6"` and `"all"` are read as `"tcp"`, `"tcp"`, `"-1"`. Ports are `None`
    for `"-1"`; for ICMP they hold the type and code (`-1`: any). Sources are IPv4 and IPv6
    blocks, security groups and managed prefix lists (`pl-…`); a rule sent to AWS needs at
    least one.

    A rule you build is checked at once, and a wrong one raises
    [InvalidArgumentError][awsfacade.errors.InvalidArgumentError] (an unknown protocol, ports
    out of range or given for `"-1"`, a block of the wrong IP version, a description over 255
    characters); a rule AWS returns is taken as AWS sent it.
    """

    protocol: str = attrs.field(converter=_protocol)
    """`"tcp"`, `"udp"`, `"icmp"`, `"icmpv6"`, `"-1"` (all) or an IP protocol number (0 to 255, as a
    string); `"TCP"`, `"6"` and `"all"` are read as `"tcp"`, `"tcp"`, `"-1"`."""
    from_port: int | None = None
    """The first port of the range (for ICMP the type, `-1`: any); `None` for protocol `"-1"`. TCP
    and UDP need both ports."""
    to_port: int | None = None
    """The last port of the range (for ICMP the code, `-1`: any); `None` for protocol `"-1"`."""
    cidrs: tuple[str, ...] = attrs.field(default=(), converter=_cidrs)
    """IPv4 blocks (`"0.0.0.0/0"`: anywhere)."""
    ipv6_cidrs: tuple[str, ...] = attrs.field(default=(), converter=_ipv6_cidrs)
    """IPv6 blocks (`"::/0"`: anywhere)."""
    group_ids: tuple[str, ...] = attrs.field(default=(), converter=_group_ids)
    """Security groups, whose members the rule allows."""
    prefix_list_ids: tuple[str, ...] = attrs.field(default=(), converter=_prefix_list_ids)
    """Managed prefix lists (`pl-…`)."""
    description: str | None = None
    """One description for every source of the rule, up to 255 characters; `None`: none."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            self._check()

    def _check(self) -> None:
        """AWS's rules for a rule, so that a wrong one fails here, not in a request."""
        protocol = self.protocol
        # isascii: "²".isdigit() is True, and int("²") a ValueError that is no AwsError.
        number = (
            isinstance(protocol, str)
            and protocol.isascii()
            and protocol.isdigit()
            and int(protocol) <= 255
        )
        if not isinstance(protocol, str) or not (protocol in _PROTOCOLS.values() or number):
            raise InvalidArgumentError(
                'protocol must be "tcp", "udp", "icmp", "icmpv6", "-1" (all) or an IP protocol '
                f"number from 0 to 255, not {protocol!r}"
            )
        if (self.from_port is None) != (self.to_port is None):
            raise InvalidArgumentError("give both from_port and to_port, or neither")
        if protocol == "-1" and self.from_port is not None:
            raise InvalidArgumentError('protocol "-1" covers every port: leave out the ports')
        low, high = (
            (-1, 255) if protocol in _ICMP else (0 if protocol in {"tcp", "udp"} else -1, _MAX_PORT)
        )
        _check_port(self.from_port, "from_port", low, high)
        _check_port(self.to_port, "to_port", low, high)
        if protocol in {"tcp", "udp"}:
            if self.from_port is None or self.to_port is None:
                raise InvalidArgumentError(f"{protocol} rules need from_port and to_port")
            if self.from_port > self.to_port:
                raise InvalidArgumentError(
                    f"from_port {self.from_port} is greater than to_port {self.to_port}"
                )
        for cidr in self.cidrs:
            check_cidr(cidr, version=4, what="each of cidrs", other="ipv6_cidrs")
        for cidr in self.ipv6_cidrs:
            check_cidr(cidr, version=6, what="each of ipv6_cidrs", other="cidrs")
        for group_id in self.group_ids:
            check_id(group_id, "each of group_ids")
        for prefix_list_id in self.prefix_list_ids:
            check_id(prefix_list_id, "each of prefix_list_ids")
        description = self.description
        if description is not None and (
            not isinstance(description, str) or len(description) > _MAX_DESCRIPTION
        ):
            raise InvalidArgumentError(
                f"description must be a string of at most {_MAX_DESCRIPTION} characters"
            )

    @classmethod
    def _as_sent(  # noqa: PLR0917 - one argument a field, as in Rule(...)
        cls,
        protocol: str,
        from_port: int | None,
        to_port: int | None,
        cidrs: tuple[str, ...],
        ipv6_cidrs: tuple[str, ...],
        group_ids: tuple[str, ...],
        prefix_list_ids: tuple[str, ...],
        description: str | None,
    ) -> Rule:
        """The rule `Rule(...)` builds from AWS's answer (no checks; values already in
        their canonical form), without the field converters and the check of
        `user_input`: a security group listing builds one or more an item."""
        rule = object.__new__(cls)
        set_field = _SET_FIELD  # what attrs' frozen __init__ does, field by field
        set_field(rule, "protocol", protocol)
        set_field(rule, "from_port", from_port)
        set_field(rule, "to_port", to_port)
        set_field(rule, "cidrs", cidrs)
        set_field(rule, "ipv6_cidrs", ipv6_cidrs)
        set_field(rule, "group_ids", group_ids)
        set_field(rule, "prefix_list_ids", prefix_list_ids)
        set_field(rule, "description", description)
        return rule

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


SourceKind = Literal["cidr", "ipv6_cidr", "group", "prefix_list"]
"""What a [Source][awsfacade.ec2.Source] is: an IPv4 block, an IPv6 block, a security group
or a managed prefix list."""


@attrs.frozen(kw_only=True)
class Source:
    """One source (or destination) of a [Permission][awsfacade.ec2.Permission], with its own
    description."""

    kind: SourceKind
    """Which kind of source `value` is: an IPv4 block, an IPv6 block, a security group or a prefix
    list."""
    value: str
    """The block (`"10.0.0.0/8"`), group id (`sg-…`) or prefix list id (`pl-…`)."""
    description: str | None = None
    """This source's description; `None`: none."""
    user_id: str | None = None
    """The account owning a referenced group; `None` for the other kinds, or when AWS does not say.
    """


@attrs.frozen(kw_only=True)
class Permission:
    """A rule exactly as AWS stores it: one protocol and port range, many sources, each with
    its own description, in AWS's order.

    [`rules`][awsfacade.ec2.Permission.rules] splits it into [Rule][awsfacade.ec2.Rule]s.
    """

    protocol: str
    """The protocol in AWS's spelling (`"tcp"`, `"-1"` for all, …)."""
    from_port: int | None = None
    """The first port of the range (for ICMP the type); `None` for protocol `"-1"`."""
    to_port: int | None = None
    """The last port of the range (for ICMP the code); `None` for protocol `"-1"`."""
    sources: tuple[Source, ...] = ()
    """Its sources (or destinations), each with its own description, in AWS's order."""

    def rules(self) -> tuple[Rule, ...]:
        """Split the permission into rules, one per distinct description.

        Returns:
            One [Rule][awsfacade.ec2.Rule] per distinct description, in the order AWS listed
                the sources.
        """
        if len(self.sources) == 1:  # the usual permission: one source, one rule, no grouping
            return (_one_source_rule(self, self.sources[0]),)
        grouped: dict[str | None, dict[SourceKind, list[str]]] = {}
        for source in self.sources:
            grouped.setdefault(source.description, {}).setdefault(source.kind, []).append(
                source.value
            )
        protocol = _protocol(self.protocol)
        from_port, to_port = self.from_port, self.to_port
        return tuple(
            [
                Rule._as_sent(
                    protocol,
                    from_port,
                    to_port,
                    tuple(values.get("cidr", ())),
                    tuple(values.get("ipv6_cidr", ())),
                    tuple(values.get("group", ())),
                    tuple(values.get("prefix_list", ())),
                    description,
                )
                for description, values in grouped.items()
            ]
        )

    @classmethod
    @converter
    def _from_boto(cls, permission: IpPermissionOutputTypeDef) -> Permission:
        return _permission(permission)


def _permission(permission: IpPermissionOutputTypeDef) -> Permission:
    """`Permission._from_boto` without the converter's wrapper, for a security group's
    converter (which has one already), called once a permission."""
    sources: list[Source] = []
    for ip_range in permission.get("IpRanges", []):
        _add(sources, "cidr", ip_range.get("CidrIp"), ip_range.get("Description"))
    for ipv6_range in permission.get("Ipv6Ranges", []):
        _add(sources, "ipv6_cidr", ipv6_range.get("CidrIpv6"), ipv6_range.get("Description"))
    for pair in permission.get("UserIdGroupPairs", []):
        _add(sources, "group", pair.get("GroupId"), pair.get("Description"), pair.get("UserId"))
    for prefix_list in permission.get("PrefixListIds", []):
        _add(
            sources,
            "prefix_list",
            prefix_list.get("PrefixListId"),
            prefix_list.get("Description"),
        )
    protocol = _protocol(permission.get("IpProtocol", "-1"))
    all_ports = protocol == "-1"
    return Permission(
        protocol=protocol,
        from_port=None if all_ports else permission.get("FromPort"),
        to_port=None if all_ports else permission.get("ToPort"),
        sources=tuple(sources),
    )


def _one_source_rule(permission: Permission, source: Source) -> Rule:
    """The rule of a permission with the one `source`."""
    kind, one = source.kind, (source.value,)
    return Rule._as_sent(
        _protocol(permission.protocol),
        permission.from_port,
        permission.to_port,
        one if kind == "cidr" else (),
        one if kind == "ipv6_cidr" else (),
        one if kind == "group" else (),
        one if kind == "prefix_list" else (),
        source.description,
    )


def _rules(permissions: tuple[Permission, ...]) -> tuple[Rule, ...]:
    """Every rule of `permissions`, in order (one permission: its rules as they are)."""
    if len(permissions) == 1:
        return permissions[0].rules()
    return tuple([rule for permission in permissions for rule in permission.rules()])


def _add(
    sources: list[Source],
    kind: SourceKind,
    value: str | None,
    description: str | None,
    user_id: str | None = None,
) -> None:
    if value:
        sources.append(
            Source(kind=kind, value=value, description=description or None, user_id=user_id)
        )


@attrs.frozen(kw_only=True)
class SecurityGroup:
    """A security group with its inbound and outbound rules.

    `ingress`/`egress` hold one [Rule][awsfacade.ec2.Rule] per protocol, port range and
    description, ready to pass back to `revoke_*`; `ingress_permissions`/`egress_permissions`
    hold AWS's own shape (one permission, many sources, a description each), in AWS's order.
    """

    id: str
    """The group id (`sg-…`)."""
    name: str
    """The group's name, unique in its VPC."""
    description: str
    """The description given at creation (`""` if AWS sends none)."""
    vpc_id: str | None = None
    """The VPC the group belongs to; `None` when AWS reports none."""
    owner_id: str | None = None
    """The account that owns the group; `None` when AWS reports none."""
    ingress: tuple[Rule, ...] = ()
    """Inbound rules: one [Rule][awsfacade.ec2.Rule] per protocol, port range and description, ready
    to pass back to [`revoke_ingress`][awsfacade.ec2.Ec2Service.revoke_ingress]."""
    egress: tuple[Rule, ...] = ()
    """Outbound rules, in the shape of `ingress`, for
    [`revoke_egress`][awsfacade.ec2.Ec2Service.revoke_egress]; a new group has AWS's one rule
    allowing all traffic out."""
    ingress_permissions: tuple[Permission, ...] = ()
    """Inbound rules in AWS's own shape (one permission, many sources, a description each), in AWS's
    order."""
    egress_permissions: tuple[Permission, ...] = ()
    """Outbound rules in AWS's own shape, in AWS's order."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @classmethod
    @converter
    def _from_boto(cls, item: SecurityGroupTypeDef) -> SecurityGroup:
        # List comprehensions (no generator frames), the permissions read undecorated.
        ingress = tuple([_permission(p) for p in item.get("IpPermissions", [])])
        egress = tuple([_permission(p) for p in item.get("IpPermissionsEgress", [])])
        return cls(
            id=required(item.get("GroupId"), "GroupId"),
            name=required(item.get("GroupName"), "GroupName"),
            description=item.get("Description", ""),
            vpc_id=item.get("VpcId") or None,
            owner_id=item.get("OwnerId"),
            ingress=_rules(ingress),
            egress=_rules(egress),
            ingress_permissions=ingress,
            egress_permissions=egress,
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class Vpc:
    """A VPC: `cidr_block` is its primary IPv4 block, `cidr_blocks` every associated one."""

    id: str
    """The VPC id (`vpc-…`)."""
    cidr_block: str
    """Its primary IPv4 block."""
    state: VpcState
    """Its state; `VpcState.UNKNOWN` for a state this version does not know."""
    state_name: str = attrs.field(default=attrs.Factory(_state_name, takes_self=True))
    """AWS's own string for the state, always; a model built by hand defaults it to `state`'s
    string."""
    cidr_blocks: tuple[str, ...] = ()
    """Every IPv4 block associated with it (the primary included), each once."""
    ipv6_cidr_blocks: tuple[str, ...] = ()
    """Every IPv6 block associated with it, each once; `()` for most VPCs."""
    is_default: bool = False
    """Whether it is the region's default VPC."""
    owner_id: str | None = None
    """The account that owns the VPC; `None` when AWS reports none."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @property
    def name(self) -> str | None:
        """The `Name` tag.

        Returns:
            The value of the `Name` tag, or `None` without one.
        """
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: VpcTypeDef) -> Vpc:
        state = item.get("State", "unknown")
        blocks = item.get("CidrBlockAssociationSet")
        ipv6_blocks = item.get("Ipv6CidrBlockAssociationSet")
        return cls(
            id=required(item.get("VpcId"), "VpcId"),
            cidr_block=required(item.get("CidrBlock"), "CidrBlock"),
            state=_VPC_STATE(state),
            state_name=state,
            # An absent or empty list builds no generator: most VPCs have no IPv6 block.
            cidr_blocks=_unique([block.get("CidrBlock", "") for block in blocks]) if blocks else (),
            ipv6_cidr_blocks=_unique([block.get("Ipv6CidrBlock", "") for block in ipv6_blocks])
            if ipv6_blocks
            else (),
            is_default=item.get("IsDefault", False),
            owner_id=item.get("OwnerId"),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class Subnet:
    """A subnet of a VPC. An IPv6-only subnet (`ipv6_native`) has no `cidr_block`."""

    id: str
    """The subnet id (`subnet-…`)."""
    vpc_id: str
    """The VPC it belongs to."""
    availability_zone: str
    """Its Availability Zone."""
    state: SubnetState
    """Its state; `SubnetState.UNKNOWN` for a state this version does not know."""
    state_name: str = attrs.field(default=attrs.Factory(_state_name, takes_self=True))
    """AWS's own string for the state, always; a model built by hand defaults it to `state`'s
    string."""
    cidr_block: str | None = None
    """Its IPv4 block; `None` for an IPv6-only subnet."""
    ipv6_cidr_blocks: tuple[str, ...] = ()
    """Its IPv6 blocks, each once."""
    ipv6_native: bool = False
    """Whether it is IPv6-only (then it has no `cidr_block`)."""
    available_ip_count: int | None = None
    """How many of its IPv4 addresses are free; `None` when AWS reports none."""
    default_for_az: bool = False
    """Whether it is its zone's default subnet (of the default VPC)."""
    map_public_ip_on_launch: bool = False
    """Whether instances launched in it get a public IPv4 address by default."""
    owner_id: str | None = None
    """The account that owns the subnet; `None` when AWS reports none."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @property
    def name(self) -> str | None:
        """The `Name` tag.

        Returns:
            The value of the `Name` tag, or `None` without one.
        """
        return _name_tag(self.tags)

    @classmethod
    @converter
    def _from_boto(cls, item: SubnetTypeDef) -> Subnet:
        state = item.get("State", "unknown")
        ipv6_blocks = item.get("Ipv6CidrBlockAssociationSet")
        return cls(
            id=required(item.get("SubnetId"), "SubnetId"),
            vpc_id=required(item.get("VpcId"), "VpcId"),
            availability_zone=required(item.get("AvailabilityZone"), "AvailabilityZone"),
            state=_SUBNET_STATE(state),
            state_name=state,
            cidr_block=item.get("CidrBlock") or None,
            ipv6_cidr_blocks=_unique([block.get("Ipv6CidrBlock", "") for block in ipv6_blocks])
            if ipv6_blocks
            else (),
            ipv6_native=item.get("Ipv6Native", False),
            available_ip_count=item.get("AvailableIpAddressCount"),
            default_for_az=item.get("DefaultForAz", False),
            map_public_ip_on_launch=item.get("MapPublicIpOnLaunch", False),
            owner_id=item.get("OwnerId"),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class LaunchTemplate:
    """A launch template (its metadata; versions hold the instance settings)."""

    id: str
    """The template id (`lt-…`)."""
    name: str
    """The template's name, unique in the region."""
    created: datetime | None = None
    """When it was created, tz-aware UTC; `None` when AWS reports none."""
    created_by: str | None = None
    """The ARN of whoever created it; `None` when AWS reports none."""
    default_version: int = 1
    """The version number `$Default` stands for."""
    latest_version: int = 1
    """The highest version number (`$Latest`)."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    def ref(self, version: str = "$Default") -> LaunchTemplateRef:
        """A reference to this template, for [`run`][awsfacade.ec2.Ec2Service.run] or an
        Auto Scaling group.

        Args:
            version: `"$Default"`, `"$Latest"` or a version number, as a string.

        Returns:
            A [LaunchTemplateRef][awsfacade.ec2.LaunchTemplateRef] by this template's id.

        Raises:
            InvalidArgumentError: `version` is none of those; nothing was sent.
        """
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
