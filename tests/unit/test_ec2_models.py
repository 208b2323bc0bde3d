"""EC2 models: built from boto3-stubs TypedDicts by ``_from_boto``, validated, frozen, hashable."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import attrs
import pytest

from awsfacade._tags import Tags
from awsfacade.ec2 import (
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Permission,
    Rule,
    SecurityGroup,
    StateChange,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        InstanceStateChangeTypeDef,
        InstanceTypeDef,
        IpPermissionOutputTypeDef,
        LaunchTemplateTypeDef,
        SecurityGroupTypeDef,
        SubnetTypeDef,
        VpcTypeDef,
    )

LAUNCHED = datetime(2024, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def rules_of(permission: IpPermissionOutputTypeDef) -> tuple[Rule, ...]:
    """The Rules one AWS permission reads as."""
    return Permission._from_boto(permission).rules()


def full_instance() -> InstanceTypeDef:
    """An instance as describe_instances reports one, with every field the model reads."""
    return {
        "InstanceId": "i-0123456789abcdef0",
        "ImageId": "ami-12345678",
        "InstanceType": "t3.micro",
        "State": {"Code": 16, "Name": "running"},
        "LaunchTime": LAUNCHED,
        "PrivateIpAddress": "10.0.0.5",
        "PublicIpAddress": "203.0.113.7",
        "PrivateDnsName": "ip-10-0-0-5.ec2.internal",
        "PublicDnsName": "ec2-203-0-113-7.compute-1.amazonaws.com",
        "SubnetId": "subnet-1",
        "VpcId": "vpc-1",
        "KeyName": "deploy",
        "SecurityGroups": [
            {"GroupId": "sg-1", "GroupName": "web"},
            {"GroupName": "no-id"},
            {"GroupId": "sg-2", "GroupName": "ssh"},
        ],
        "Placement": {"AvailabilityZone": "us-east-1a"},
        "StateReason": {"Code": "Client.UserInitiatedShutdown", "Message": "User initiated"},
        "Tags": [{"Key": "Name", "Value": "web-1"}, {"Key": "env", "Value": "prod"}],
    }


def minimal_instance() -> InstanceTypeDef:
    """An instance with only the fields AWS always sends."""
    return {
        "InstanceId": "i-1",
        "ImageId": "ami-1",
        "InstanceType": "t3.nano",
        "State": {"Name": "pending"},
        "LaunchTime": datetime(2024, 1, 1, 0, 0, tzinfo=UTC),
    }


# -- Instance ------------------------------------------------------------------------------


def test_instance_from_boto_reads_every_field() -> None:
    """Every field of a full describe_instances item lands in the matching Instance attribute."""
    instance = Instance._from_boto(full_instance())
    assert instance.id == "i-0123456789abcdef0"
    assert instance.image_id == "ami-12345678"
    assert instance.instance_type == "t3.micro"
    assert instance.state is InstanceState.RUNNING
    assert instance.launch_time == LAUNCHED
    assert instance.launch_time.tzinfo is UTC
    assert instance.private_ip == "10.0.0.5"
    assert instance.public_ip == "203.0.113.7"
    assert instance.private_dns_name == "ip-10-0-0-5.ec2.internal"
    assert instance.public_dns_name == "ec2-203-0-113-7.compute-1.amazonaws.com"
    assert instance.subnet_id == "subnet-1"
    assert instance.vpc_id == "vpc-1"
    assert instance.key_name == "deploy"
    assert instance.security_group_ids == ("sg-1", "sg-2")
    assert instance.availability_zone == "us-east-1a"
    assert instance.state_reason == "User initiated"
    assert instance.tags == {"Name": "web-1", "env": "prod"}
    assert isinstance(instance.tags, Mapping)
    assert instance.name == "web-1"


def test_instance_missing_optional_keys_become_none() -> None:
    """Optional keys AWS leaves out become None, empty tuples or empty tags, never errors."""
    instance = Instance._from_boto(minimal_instance())
    assert instance.state is InstanceState.PENDING
    assert instance.private_ip is None
    assert instance.public_ip is None
    assert instance.private_dns_name is None
    assert instance.public_dns_name is None
    assert instance.subnet_id is None
    assert instance.vpc_id is None
    assert instance.key_name is None
    assert instance.security_group_ids == ()
    assert instance.availability_zone is None
    assert instance.state_reason is None
    assert instance.tags == {}
    assert instance.name is None


def test_instance_empty_strings_become_none() -> None:
    """Empty strings AWS sends for absent addresses (a stopped instance's DNS names) become None."""
    item = minimal_instance()
    item["PublicDnsName"] = ""
    item["PrivateIpAddress"] = ""
    item["KeyName"] = ""
    instance = Instance._from_boto(item)
    assert instance.public_dns_name is None
    assert instance.private_ip is None
    assert instance.key_name is None


def test_instance_state_transition_reason_is_kept_as_aws_sent_it() -> None:
    """AWS's empty StateTransitionReason (an instance that never changed state) stays ""."""
    item = minimal_instance()
    item["StateTransitionReason"] = ""
    assert Instance._from_boto(item).state_transition_reason == ""


@pytest.mark.parametrize("field", ["InstanceId", "ImageId", "InstanceType", "State", "LaunchTime"])
def test_instance_missing_required_key_is_unexpected_response(field: str) -> None:
    """A key AWS always sends but did not raises UnexpectedResponseError naming it, not KeyError."""
    item = minimal_instance()
    del item[field]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    with pytest.raises(UnexpectedResponseError, match=field) as caught:
        Instance._from_boto(item)
    assert "Instance" in str(caught.value)


def test_instance_state_without_name_is_unexpected_response() -> None:
    """A State without Name raises UnexpectedResponseError naming State.Name."""
    item = minimal_instance()
    item["State"] = {"Code": 0}
    with pytest.raises(UnexpectedResponseError, match=r"State\.Name"):
        Instance._from_boto(item)


def test_instance_unknown_state_becomes_unknown() -> None:
    """A state this version does not know parses as InstanceState.UNKNOWN instead of failing."""
    item = minimal_instance()
    # A state AWS may add later, which the stubs' Literal cannot know yet.
    item["State"] = {"Name": "hibernating"}  # type: ignore[typeddict-item]
    assert Instance._from_boto(item).state is InstanceState.UNKNOWN


def test_instance_tags_from_a_dict_are_tags() -> None:
    """An Instance built with a plain dict of tags stores immutable, hashable Tags."""
    instance = Instance(
        id="i-1",
        image_id="ami-1",
        instance_type="t3.micro",
        state=InstanceState.RUNNING,
        launch_time=LAUNCHED,
        tags={"Name": "x"},
    )
    assert isinstance(instance.tags, Tags)
    assert instance.name == "x"
    hash(instance)


def test_instance_is_frozen_and_hashable() -> None:
    """Instances cannot be changed, equal ones hash alike, and they work as set members."""
    first = Instance._from_boto(full_instance())
    second = Instance._from_boto(full_instance())
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second, Instance._from_boto(minimal_instance())}) == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.id = "i-2"  # type: ignore[misc]  # deliberately assigning to a frozen field


def test_the_primary_ipv6_address_is_kept_without_network_interfaces() -> None:
    """An instance's top-level Ipv6Address counts even when no interface lists it."""
    instance = Instance._from_boto(
        {
            "InstanceId": "i-0123456789abcdef0",
            "ImageId": "ami-12345678",
            "InstanceType": "t3.micro",
            "State": {"Name": "running"},
            "LaunchTime": datetime(2024, 5, 17, tzinfo=UTC),
            "Ipv6Address": "2600:1f18::5",
        }
    )
    assert instance.ipv6_addresses == ("2600:1f18::5",)


# -- Rule ------------------------------------------------------------------------------------


def test_rule_from_boto_reads_ipv4_from_ip_ranges_and_ipv6_from_ipv6_ranges() -> None:
    """IPv4 blocks come from IpRanges and IPv6 blocks from Ipv6Ranges, never the other way."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "tcp",
        "FromPort": 443,
        "ToPort": 443,
        "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "192.168.0.0/16"}],
        "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32"}],
    }
    assert rules_of(permission) == (
        Rule(
            protocol="tcp",
            from_port=443,
            to_port=443,
            cidrs=("10.0.0.0/8", "192.168.0.0/16"),
            ipv6_cidrs=("2001:db8::/32",),
        ),
    )


def test_rule_from_boto_with_only_ipv6() -> None:
    """A permission with only Ipv6Ranges gives a rule with no IPv4 blocks."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "udp",
        "FromPort": 53,
        "ToPort": 53,
        "IpRanges": [],
        "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
    }
    (rule,) = rules_of(permission)
    assert rule.cidrs == ()
    assert rule.ipv6_cidrs == ("::/0",)


def test_rule_from_boto_reads_group_pairs() -> None:
    """UserIdGroupPairs become group_ids."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "tcp",
        "FromPort": 22,
        "ToPort": 22,
        "UserIdGroupPairs": [
            {"GroupId": "sg-1", "UserId": "123456789012"},
            {"GroupId": "sg-2", "UserId": "123456789012"},
        ],
    }
    (rule,) = rules_of(permission)
    assert rule.group_ids == ("sg-1", "sg-2")
    assert rule.cidrs == ()
    assert rule.ipv6_cidrs == ()


def test_rule_from_boto_groups_sources_by_description() -> None:
    """Sources with the same description share one Rule; each distinct description gets its own."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "tcp",
        "FromPort": 80,
        "ToPort": 8080,
        "IpRanges": [
            {"CidrIp": "10.0.0.0/8", "Description": "office"},
            {"CidrIp": "0.0.0.0/0"},
            {"CidrIp": "172.16.0.0/12", "Description": "office"},
        ],
        "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32", "Description": "office"}],
        "UserIdGroupPairs": [{"GroupId": "sg-9", "Description": "peers"}],
    }
    rules = rules_of(permission)
    assert set(rules) == {
        Rule(
            protocol="tcp",
            from_port=80,
            to_port=8080,
            cidrs=("10.0.0.0/8", "172.16.0.0/12"),
            ipv6_cidrs=("2001:db8::/32",),
            description="office",
        ),
        Rule(protocol="tcp", from_port=80, to_port=8080, cidrs=("0.0.0.0/0",)),
        Rule(protocol="tcp", from_port=80, to_port=8080, group_ids=("sg-9",), description="peers"),
    }
    assert len(rules) == 3


def test_rule_from_boto_all_traffic_has_no_ports() -> None:
    """Protocol -1 (all traffic) gives ports None, even if the permission carries port numbers."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "-1",
        "FromPort": -1,
        "ToPort": -1,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
    }
    assert rules_of(permission) == (Rule(protocol="-1", cidrs=("0.0.0.0/0",)),)


def test_rule_from_boto_icmp_keeps_type_and_code() -> None:
    """ICMP permissions keep their type and code (-1: any) in the port fields."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "icmp",
        "FromPort": 8,
        "ToPort": -1,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
    }
    (rule,) = rules_of(permission)
    assert (rule.protocol, rule.from_port, rule.to_port) == ("icmp", 8, -1)


def test_rule_needs_only_a_protocol() -> None:
    """Everything but protocol has a default: ports None, no sources, no description."""
    rule = Rule(protocol="-1", cidrs=("0.0.0.0/0",))
    assert rule.from_port is None
    assert rule.to_port is None
    assert rule.ipv6_cidrs == ()
    assert rule.group_ids == ()
    assert rule.description is None


def test_rule_converts_lists_to_tuples() -> None:
    """Lists given for the source fields are stored as tuples, so rules stay hashable."""
    rule = Rule(
        protocol="tcp",
        from_port=1,
        to_port=2,
        cidrs=["10.0.0.0/8"],
        group_ids=["sg-1"],
    )
    assert rule.cidrs == ("10.0.0.0/8",)
    assert rule.group_ids == ("sg-1",)
    hash(rule)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"protocol": "tcp", "from_port": -1, "to_port": 80}, "from_port"),
        ({"protocol": "tcp", "from_port": 80, "to_port": 65536}, "to_port"),
        ({"protocol": "udp", "from_port": 70000, "to_port": 70000}, "from_port"),
        ({"protocol": "tcp", "from_port": True, "to_port": 80}, "from_port"),
        ({"protocol": "tcp", "from_port": "22", "to_port": 22}, "from_port"),
        ({"protocol": "tcp", "from_port": 443, "to_port": 80}, "greater"),
        ({"protocol": "icmp", "from_port": -2, "to_port": -1}, "from_port"),
        ({"protocol": "-1", "cidrs": ("10.0.0.0",)}, "CIDR"),
        ({"protocol": "-1", "cidrs": ("10.0.0.1/16",)}, "10.0.0.1/16"),
        ({"protocol": "-1", "cidrs": ("10.0.0.0/33",)}, "10.0.0.0/33"),
        ({"protocol": "-1", "cidrs": ("not-a-cidr/8",)}, "not-a-cidr"),
        ({"protocol": "-1", "cidrs": ("::/0",)}, "not an IPv4 .*put IPv6 ranges in ipv6_cidrs"),
        (
            {"protocol": "-1", "ipv6_cidrs": ("10.0.0.0/8",)},
            "not an IPv6 .*put IPv4 ranges in cidrs",
        ),
        ({"protocol": "tcp", "cidrs": "10.0.0.0/8"}, "one string"),
        ({"protocol": "tcp", "ipv6_cidrs": "::/0"}, "one string"),
        ({"protocol": "tcp", "group_ids": "sg-1"}, "one string"),
        ({"protocol": "tcp", "cidrs": 10}, "cidrs must be a list of strings"),
        ({"protocol": ""}, "protocol"),
        ({"protocol": 6}, "protocol"),
        ({"protocol": "tcp", "from_port": 22}, "both"),
        ({"protocol": "udp", "to_port": 53}, "both"),
        ({"protocol": "tcp", "cidrs": ("10.0.0.0/8",)}, "need from_port"),
        (
            {"protocol": "tcp", "from_port": 1, "to_port": 2, "prefix_list_ids": "pl-1"},
            "one string",
        ),
        ({"protocol": "banana", "cidrs": ("10.0.0.0/8",)}, "protocol must be"),
        ({"protocol": "256", "cidrs": ("10.0.0.0/8",)}, "protocol must be"),
        ({"protocol": "TCP", "cidrs": ("10.0.0.0/8",)}, "tcp rules need from_port"),
        ({"protocol": "6", "cidrs": ("10.0.0.0/8",)}, "tcp rules need from_port"),
        ({"protocol": "17", "cidrs": ("10.0.0.0/8",)}, "udp rules need from_port"),
        ({"protocol": "all", "from_port": 1, "to_port": 2}, "leave out the ports"),
        ({"protocol": "icmp", "from_port": 256, "to_port": -1}, "from_port"),
    ],
    ids=[
        "port-negative",
        "port-too-big",
        "udp-too-big",
        "port-bool",
        "port-str",
        "from-greater-than-to",
        "icmp-below-minus-one",
        "cidr-without-mask",
        "cidr-host-bits",
        "cidr-mask-too-long",
        "cidr-garbage",
        "ipv6-in-cidrs",
        "ipv4-in-ipv6-cidrs",
        "cidrs-one-string",
        "ipv6-cidrs-one-string",
        "group-ids-one-string",
        "cidrs-not-iterable",
        "protocol-empty",
        "protocol-int",
        "from-port-alone",
        "to-port-alone",
        "tcp-without-ports",
        "prefix-lists-one-string",
        "protocol-unknown-name",
        "protocol-number-too-big",
        "protocol-upper-case-without-ports",
        "protocol-6-without-ports",
        "protocol-17-without-ports",
        "all-with-ports",
        "icmp-type-too-big",
    ],
)
def test_rule_rejects_invalid_arguments(arguments: dict[str, object], message: str) -> None:
    """Rule raises InvalidArgumentError (a ValueError), naming the problem, for bad arguments."""
    with pytest.raises(InvalidArgumentError, match=message):
        Rule(**arguments)  # type: ignore[arg-type]  # deliberately wrong arguments


@pytest.mark.parametrize(
    ("given", "read_as"),
    [
        ("TCP", "tcp"),
        ("6", "tcp"),
        (" udp ", "udp"),
        ("17", "udp"),
        ("ICMP", "icmp"),
        ("1", "icmp"),
        ("58", "icmpv6"),
        ("all", "-1"),
        ("ALL", "-1"),
        ("-1", "-1"),
        ("50", "50"),
    ],
)
def test_rule_normalises_protocol_spellings(given: str, read_as: str) -> None:
    """Protocol names are read case-insensitively and numbers of named protocols by name."""
    port = 1 if read_as in {"tcp", "udp", "icmp", "icmpv6"} else None
    rule = Rule(protocol=given, from_port=port, to_port=port, cidrs=("10.0.0.0/8",))
    assert rule.protocol == read_as
    assert rule._to_boto().get("IpProtocol") == read_as


@pytest.mark.parametrize(
    "arguments",
    [
        {"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidrs": ("0.0.0.0/0",)},
        {"protocol": "icmp", "from_port": -1, "to_port": -1, "cidrs": ("0.0.0.0/0",)},
        {"protocol": "icmp", "from_port": 8, "to_port": 0, "cidrs": ("0.0.0.0/0",)},
        {"protocol": "icmpv6", "from_port": -1, "to_port": -1, "ipv6_cidrs": ("::/0",)},
        {"protocol": "50", "cidrs": ("10.0.0.0/8",)},
    ],
    ids=["all-ports", "icmp-any", "icmp-echo", "icmpv6-any", "esp"],
)
def test_rule_accepts_valid_edge_cases(arguments: dict[str, object]) -> None:
    """Full port ranges, ICMP type/code -1 and numbered protocols are valid rules."""
    rule = Rule(**arguments)  # type: ignore[arg-type]  # keyword arguments from a table
    assert rule.protocol == arguments["protocol"]


def test_rule_to_boto_builds_ip_permission() -> None:
    """_to_boto puts IPv4, IPv6 and group sources in their own lists, each with the description."""
    rule = Rule(
        protocol="tcp",
        from_port=22,
        to_port=22,
        cidrs=("10.0.0.0/8",),
        ipv6_cidrs=("2001:db8::/32",),
        group_ids=("sg-1",),
        description="ssh",
    )
    assert rule._to_boto() == {
        "IpProtocol": "tcp",
        "FromPort": 22,
        "ToPort": 22,
        "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh"}],
        "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32", "Description": "ssh"}],
        "UserIdGroupPairs": [{"GroupId": "sg-1", "Description": "ssh"}],
        "PrefixListIds": [],
    }


def test_rule_to_boto_all_traffic_has_no_ports() -> None:
    """A rule without ports sends no FromPort/ToPort and no Description."""
    assert Rule(protocol="-1", cidrs=("0.0.0.0/0",))._to_boto() == {
        "IpProtocol": "-1",
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
        "Ipv6Ranges": [],
        "UserIdGroupPairs": [],
        "PrefixListIds": [],
    }


def test_rule_to_boto_without_a_source_is_rejected() -> None:
    """A rule naming no source cannot be sent: _to_boto raises InvalidArgumentError."""
    with pytest.raises(InvalidArgumentError, match="no source"):
        Rule(protocol="tcp", from_port=80, to_port=80)._to_boto()


@pytest.mark.parametrize(
    "rule",
    [
        Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/8",)),
        Rule(protocol="-1", ipv6_cidrs=("::/0",), description="everyone"),
        Rule(protocol="udp", from_port=1, to_port=2, group_ids=("sg-1", "sg-2")),
        Rule(
            protocol="icmp",
            from_port=8,
            to_port=-1,
            cidrs=("0.0.0.0/0",),
            ipv6_cidrs=("2001:db8::/32",),
            group_ids=("sg-3",),
            description="ping",
        ),
    ],
    ids=["tcp", "all-ipv6", "groups", "icmp-everything"],
)
def test_rule_round_trips_through_boto(rule: Rule) -> None:
    """A rule sent with _to_boto and read back with _from_boto is the same rule."""
    sent = rule._to_boto()
    received: IpPermissionOutputTypeDef = {
        "IpProtocol": sent.get("IpProtocol", "-1"),
        "IpRanges": list(sent.get("IpRanges", [])),
        "Ipv6Ranges": list(sent.get("Ipv6Ranges", [])),
        "UserIdGroupPairs": list(sent.get("UserIdGroupPairs", [])),
    }
    if "FromPort" in sent:
        received["FromPort"] = sent["FromPort"]
    if "ToPort" in sent:
        received["ToPort"] = sent["ToPort"]
    assert rules_of(received) == (rule,)


def test_rule_is_frozen_and_hashable() -> None:
    """Rules cannot be changed and equal rules hash alike."""
    rule = Rule(protocol="tcp", from_port=1, to_port=1, cidrs=("10.0.0.0/8",))
    assert hash(rule) == hash(Rule(protocol="tcp", from_port=1, to_port=1, cidrs=("10.0.0.0/8",)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rule.protocol = "udp"  # type: ignore[misc]  # deliberately assigning to a frozen field


# -- SecurityGroup ---------------------------------------------------------------------------


def test_security_group_from_boto() -> None:
    """A describe_security_groups item becomes a SecurityGroup with its rules and tags."""
    item: SecurityGroupTypeDef = {
        "GroupId": "sg-1",
        "GroupName": "web",
        "Description": "web servers",
        "VpcId": "vpc-1",
        "OwnerId": "123456789012",
        "IpPermissions": [
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "UserIdGroupPairs": [{"GroupId": "sg-2"}],
            },
        ],
        "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
        "Tags": [{"Key": "team", "Value": "infra"}],
    }
    group = SecurityGroup._from_boto(item)
    assert group.id == "sg-1"
    assert group.name == "web"
    assert group.description == "web servers"
    assert group.vpc_id == "vpc-1"
    assert group.owner_id == "123456789012"
    assert group.ingress == (
        Rule(
            protocol="tcp", from_port=443, to_port=443, cidrs=("0.0.0.0/0",), ipv6_cidrs=("::/0",)
        ),
        Rule(protocol="tcp", from_port=22, to_port=22, group_ids=("sg-2",)),
    )
    assert group.egress == (Rule(protocol="-1", cidrs=("0.0.0.0/0",)),)
    assert group.tags == {"team": "infra"}
    assert hash(group) == hash(SecurityGroup._from_boto(item))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        group.name = "other"  # type: ignore[misc]  # deliberately assigning to a frozen field


def test_security_group_minimal() -> None:
    """Missing optional keys give None, empty rule tuples and empty tags."""
    group = SecurityGroup._from_boto({"GroupId": "sg-1", "GroupName": "g"})
    assert group.description == ""
    assert group.vpc_id is None
    assert group.owner_id is None
    assert group.ingress == ()
    assert group.egress == ()
    assert group.tags == {}


@pytest.mark.parametrize("field", ["GroupId", "GroupName"])
def test_security_group_missing_required_key(field: str) -> None:
    """A group without its id or name raises UnexpectedResponseError naming the field."""
    item: SecurityGroupTypeDef = {"GroupId": "sg-1", "GroupName": "g"}
    del item[field]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    with pytest.raises(UnexpectedResponseError, match=field):
        SecurityGroup._from_boto(item)


# -- Vpc and Subnet --------------------------------------------------------------------------


def test_vpc_from_boto() -> None:
    """A describe_vpcs item becomes a Vpc with its state, default flag, owner, tags and name."""
    item: VpcTypeDef = {
        "VpcId": "vpc-1",
        "CidrBlock": "10.0.0.0/16",
        "State": "available",
        "IsDefault": True,
        "OwnerId": "123456789012",
        "Tags": [{"Key": "Name", "Value": "main"}],
    }
    vpc = Vpc._from_boto(item)
    assert vpc == Vpc(
        id="vpc-1",
        cidr_block="10.0.0.0/16",
        state=VpcState.AVAILABLE,
        is_default=True,
        owner_id="123456789012",
        tags={"Name": "main"},
    )
    assert vpc.name == "main"
    hash(vpc)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        vpc.cidr_block = "10.1.0.0/16"  # type: ignore[misc]  # deliberately assigning


def test_vpc_defaults_and_unknown_state() -> None:
    """A minimal VPC gets defaults; an unknown or missing state parses as UNKNOWN."""
    vpc = Vpc._from_boto({"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"})
    assert vpc.state is VpcState.UNKNOWN
    assert vpc.is_default is False
    assert vpc.owner_id is None
    assert vpc.name is None
    odd: VpcTypeDef = {
        "VpcId": "vpc-1",
        "CidrBlock": "10.0.0.0/16",
        "State": "migrating",  # type: ignore[typeddict-item]  # a state AWS may add later
    }
    assert Vpc._from_boto(odd).state is VpcState.UNKNOWN


@pytest.mark.parametrize("field", ["VpcId", "CidrBlock"])
def test_vpc_missing_required_key(field: str) -> None:
    """A VPC without its id or block raises UnexpectedResponseError naming the field."""
    item: VpcTypeDef = {"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}
    del item[field]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    with pytest.raises(UnexpectedResponseError, match=field):
        Vpc._from_boto(item)


def full_subnet() -> SubnetTypeDef:
    """A subnet as describe_subnets reports one."""
    return {
        "SubnetId": "subnet-1",
        "VpcId": "vpc-1",
        "CidrBlock": "10.0.1.0/24",
        "AvailabilityZone": "us-east-1b",
        "State": "available",
        "AvailableIpAddressCount": 251,
        "DefaultForAz": True,
        "MapPublicIpOnLaunch": True,
        "Tags": [{"Key": "Name", "Value": "public-b"}],
    }


def test_subnet_from_boto() -> None:
    """A describe_subnets item becomes a Subnet with every field read."""
    subnet = Subnet._from_boto(full_subnet())
    assert subnet == Subnet(
        id="subnet-1",
        vpc_id="vpc-1",
        cidr_block="10.0.1.0/24",
        availability_zone="us-east-1b",
        state=SubnetState.AVAILABLE,
        available_ip_count=251,
        default_for_az=True,
        map_public_ip_on_launch=True,
        tags={"Name": "public-b"},
    )
    assert subnet.name == "public-b"
    hash(subnet)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        subnet.vpc_id = "vpc-2"  # type: ignore[misc]  # deliberately assigning


def test_subnet_defaults_and_unknown_state() -> None:
    """A subnet missing optional keys gets defaults; an unknown state parses as UNKNOWN."""
    item = full_subnet()
    for key in ("AvailableIpAddressCount", "DefaultForAz", "MapPublicIpOnLaunch", "Tags"):
        del item[key]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    item["State"] = "exploding"  # type: ignore[typeddict-item]  # a state AWS may add later
    subnet = Subnet._from_boto(item)
    assert subnet.state is SubnetState.UNKNOWN
    assert subnet.available_ip_count is None
    assert subnet.default_for_az is False
    assert subnet.map_public_ip_on_launch is False
    assert subnet.tags == {}
    assert subnet.name is None


def test_an_ipv6_only_subnet_has_no_ipv4_block_and_keeps_its_ipv6_blocks() -> None:
    """An IPv6-native subnet (AWS sends no CidrBlock) reads with cidr_block None."""
    item = full_subnet()
    del item["CidrBlock"]
    item["Ipv6Native"] = True
    item["Ipv6CidrBlockAssociationSet"] = [
        {"Ipv6CidrBlock": "2600:1f18::/64", "AssociationId": "a-1"},
        {"AssociationId": "a-2"},
    ]
    subnet = Subnet._from_boto(item)
    assert subnet.cidr_block is None
    assert subnet.ipv6_native is True
    assert subnet.ipv6_cidr_blocks == ("2600:1f18::/64",)


def test_an_unknown_state_keeps_the_raw_string() -> None:
    """A state this version does not know is UNKNOWN, and state_name keeps AWS's string."""
    item = full_subnet()
    item["State"] = "hibernating"  # type: ignore[typeddict-item]  # a state AWS may add later
    subnet = Subnet._from_boto(item)
    assert subnet.state is SubnetState.UNKNOWN
    assert subnet.state_name == "hibernating"
    assert Subnet._from_boto(full_subnet()).state_name == "available"


def test_states_compare_and_print_as_strings() -> None:
    """A state equals AWS's string and prints as it (a StrEnum)."""
    running: str = "running"
    assert running == InstanceState.RUNNING
    assert f"{InstanceState.SHUTTING_DOWN}" == "shutting-down"
    assert str(SubnetState.AVAILABLE) == "available"
    assert InstanceState("stopped") is InstanceState.STOPPED
    assert InstanceState("rebooting-maybe") is InstanceState.UNKNOWN


@pytest.mark.parametrize("field", ["SubnetId", "VpcId", "AvailabilityZone"])
def test_subnet_missing_required_key(field: str) -> None:
    """A subnet without id, VPC, block or zone raises UnexpectedResponseError naming the field."""
    item = full_subnet()
    del item[field]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    with pytest.raises(UnexpectedResponseError, match=field):
        Subnet._from_boto(item)


# -- launch templates ------------------------------------------------------------------------


def test_launch_template_from_boto() -> None:
    """A describe_launch_templates item becomes a LaunchTemplate with a UTC creation time."""
    item: LaunchTemplateTypeDef = {
        "LaunchTemplateId": "lt-0123456789abcdef0",
        "LaunchTemplateName": "web",
        "CreateTime": datetime(2024, 2, 2, 12, 0, tzinfo=timezone(timedelta(hours=-3))),
        "CreatedBy": "arn:aws:iam::123456789012:root",
        "DefaultVersionNumber": 2,
        "LatestVersionNumber": 5,
        "Tags": [{"Key": "app", "Value": "web"}],
    }
    template = LaunchTemplate._from_boto(item)
    assert template == LaunchTemplate(
        id="lt-0123456789abcdef0",
        name="web",
        created=datetime(2024, 2, 2, 15, 0, tzinfo=UTC),
        created_by="arn:aws:iam::123456789012:root",
        default_version=2,
        latest_version=5,
        tags={"app": "web"},
    )
    assert template.created is not None
    assert template.created.tzinfo is UTC
    assert template.ref() == LaunchTemplateRef(id="lt-0123456789abcdef0", version="$Default")
    assert template.ref("3") == LaunchTemplateRef(id="lt-0123456789abcdef0", version="3")
    hash(template)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        template.name = "other"  # type: ignore[misc]  # deliberately assigning


def test_launch_template_minimal() -> None:
    """A minimal launch template item gets None and version 1 defaults."""
    template = LaunchTemplate._from_boto({"LaunchTemplateId": "lt-1", "LaunchTemplateName": "t"})
    assert template.created is None
    assert template.created_by is None
    assert template.default_version == 1
    assert template.latest_version == 1
    assert template.tags == {}


def test_launch_template_built_by_hand_starts_at_version_one() -> None:
    """A LaunchTemplate built without versions is at version 1, default and latest alike."""
    template = LaunchTemplate(id="lt-0123456789abcdef0", name="web")

    assert (template.default_version, template.latest_version) == (1, 1)


@pytest.mark.parametrize("field", ["LaunchTemplateId", "LaunchTemplateName"])
def test_launch_template_missing_required_key(field: str) -> None:
    """A launch template without id or name raises UnexpectedResponseError naming the field."""
    item: LaunchTemplateTypeDef = {"LaunchTemplateId": "lt-1", "LaunchTemplateName": "t"}
    del item[field]  # type: ignore[misc]  # a variable key: TypedDict deletion is what we test
    with pytest.raises(UnexpectedResponseError, match=field):
        LaunchTemplate._from_boto(item)


def test_launch_template_ref_by_id_or_name() -> None:
    """A ref by id or by name sends exactly that key with its version."""
    assert LaunchTemplateRef(id="lt-1")._to_boto() == {
        "LaunchTemplateId": "lt-1",
        "Version": "$Default",
    }
    assert LaunchTemplateRef(name="web", version="$Latest")._to_boto() == {
        "LaunchTemplateName": "web",
        "Version": "$Latest",
    }
    assert LaunchTemplateRef(name="web", version="12")._to_boto() == {
        "LaunchTemplateName": "web",
        "Version": "12",
    }


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "exactly one"),
        ({"id": "lt-1", "name": "web"}, "exactly one"),
        ({"id": ""}, "empty"),
        ({"name": ""}, "empty"),
        ({"id": "lt-1", "version": "latest"}, "version"),
        ({"id": "lt-1", "version": "$default"}, "version"),
        ({"id": "lt-1", "version": ""}, "version"),
        ({"id": "lt-1", "version": 3}, "version"),
        ({"id": "lt-1", "version": "-1"}, "version"),
        ({"id": "lt-1", "version": "\u00b2"}, "version"),
        ({"id": "lt-1", "version": "0"}, "version"),
    ],
    ids=[
        "neither",
        "both",
        "empty-id",
        "empty-name",
        "word",
        "wrong-case",
        "empty-version",
        "int-version",
        "negative",
        "unicode-digit",
        "zero",
    ],
)
def test_launch_template_ref_rejects_bad_arguments(
    arguments: dict[str, object], message: str
) -> None:
    """LaunchTemplateRef needs exactly one non-empty id or name and a valid version."""
    with pytest.raises(InvalidArgumentError, match=message):
        LaunchTemplateRef(**arguments)  # type: ignore[arg-type]  # deliberately wrong arguments


def test_launch_template_ref_is_frozen_and_hashable() -> None:
    """Refs cannot be changed and equal refs hash alike."""
    ref = LaunchTemplateRef(name="web")
    assert hash(ref) == hash(LaunchTemplateRef(name="web", version="$Default"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ref.version = "2"  # type: ignore[misc]  # deliberately assigning


# -- StateChange -----------------------------------------------------------------------------


def test_state_change_from_boto() -> None:
    """A start/stop/terminate result item becomes a StateChange with both states parsed."""
    item: InstanceStateChangeTypeDef = {
        "InstanceId": "i-1",
        "PreviousState": {"Code": 16, "Name": "running"},
        "CurrentState": {"Code": 64, "Name": "stopping"},
    }
    change = StateChange._from_boto(item)
    assert change == StateChange(
        instance_id="i-1", previous=InstanceState.RUNNING, current=InstanceState.STOPPING
    )
    hash(change)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        change.current = InstanceState.STOPPED  # type: ignore[misc]  # deliberately assigning


def test_state_change_without_instance_id_is_unexpected_response() -> None:
    """A state change without the InstanceId AWS always sends raises UnexpectedResponseError."""
    item: InstanceStateChangeTypeDef = {
        "PreviousState": {"Name": "running"},
        "CurrentState": {"Name": "stopping"},
    }
    with pytest.raises(UnexpectedResponseError, match="InstanceId"):
        StateChange._from_boto(item)


def test_rule_from_boto_keeps_prefix_list_sources() -> None:
    """A permission whose only sources are prefix lists reads back as a rule, not as nothing."""
    permission: IpPermissionOutputTypeDef = {
        "IpProtocol": "tcp",
        "FromPort": 443,
        "ToPort": 443,
        "PrefixListIds": [{"PrefixListId": "pl-1", "Description": "s3"}, {"PrefixListId": "pl-2"}],
    }
    assert rules_of(permission) == (
        Rule(
            protocol="tcp", from_port=443, to_port=443, prefix_list_ids=("pl-1",), description="s3"
        ),
        Rule(protocol="tcp", from_port=443, to_port=443, prefix_list_ids=("pl-2",)),
    )


def test_rule_to_boto_sends_prefix_lists_with_the_description() -> None:
    """prefix_list_ids go out as PrefixListIds, each carrying the rule's description."""
    rule = Rule(
        protocol="tcp", from_port=443, to_port=443, prefix_list_ids=("pl-1",), description="s3"
    )
    assert rule._to_boto().get("PrefixListIds") == [{"PrefixListId": "pl-1", "Description": "s3"}]


def test_instance_reads_every_address_of_every_network_interface() -> None:
    """private_ips/public_ips hold every interface's addresses, primary first, each once."""
    item = full_instance()
    item["Ipv6Address"] = "2600:1f18::5"
    item["NetworkInterfaces"] = [
        {
            "PrivateIpAddress": "10.0.0.5",
            "PrivateIpAddresses": [
                {
                    "PrivateIpAddress": "10.0.0.5",
                    "Primary": True,
                    "Association": {"PublicIp": "203.0.113.7"},
                },
                {"PrivateIpAddress": "10.0.0.6", "Association": {"PublicIp": "203.0.113.8"}},
            ],
            "Ipv6Addresses": [{"Ipv6Address": "2600:1f18::5"}, {"Ipv6Address": "2600:1f18::6"}],
        },
        {
            "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.9"}],
            "Association": {"PublicIp": "198.51.100.2"},
        },
    ]
    item["StateTransitionReason"] = "User initiated (2026-01-01 00:00:00 GMT)"
    item["Architecture"] = "arm64"
    item["Platform"] = "windows"
    item["IamInstanceProfile"] = {"Arn": "arn:aws:iam::123456789012:instance-profile/web"}
    item["RootDeviceName"] = "/dev/xvda"
    item["RootDeviceType"] = "ebs"
    instance = Instance._from_boto(item)
    assert instance.private_ips == ("10.0.0.5", "10.0.0.6", "10.0.1.9")
    assert instance.public_ips == ("203.0.113.7", "203.0.113.8", "198.51.100.2")
    assert instance.ipv6_addresses == ("2600:1f18::5", "2600:1f18::6")
    assert instance.state_transition_reason == "User initiated (2026-01-01 00:00:00 GMT)"
    assert instance.state_reason == "User initiated"
    assert instance.architecture == "arm64"
    assert instance.platform == "windows"
    assert instance.iam_instance_profile_arn == "arn:aws:iam::123456789012:instance-profile/web"
    assert (instance.root_device_name, instance.root_device_type) == ("/dev/xvda", "ebs")
    assert instance.state_name == "running"


def test_instance_with_an_unknown_state_keeps_the_raw_string() -> None:
    """A state AWS adds later reads as UNKNOWN, and state_name is AWS's string."""
    item = full_instance()
    item["State"] = {"Code": 99, "Name": "hibernating"}  # type: ignore[typeddict-item]  # new state
    instance = Instance._from_boto(item)
    assert instance.state is InstanceState.UNKNOWN
    assert instance.state_name == "hibernating"


@pytest.mark.parametrize(
    "permission",
    [
        {"IpProtocol": "50", "FromPort": -1, "ToPort": -1, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
        {"IpProtocol": "tcp", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
        {"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
        {
            "IpProtocol": "tcp",
            "FromPort": 443,
            "ToPort": 80,
            "IpRanges": [{"CidrIp": "10.0.0.1/8"}],
        },
        {"IpProtocol": "999", "FromPort": 70000, "ToPort": 1, "Ipv6Ranges": [{"CidrIpv6": "x"}]},
    ],
    ids=["esp-all-ports", "tcp-without-ports", "icmp-echo", "reversed-host-bits", "nonsense"],
)
def test_reading_a_permission_never_raises_invalid_argument(
    permission: IpPermissionOutputTypeDef,
) -> None:
    """Whatever AWS sends reads as rules, as sent: validation is for what users pass in."""
    rules = rules_of(permission)
    assert len(rules) == 1
    assert rules[0].from_port == permission.get("FromPort")
    assert rules[0].protocol == permission.get("IpProtocol")


def test_security_group_keeps_aws_permission_shape_and_order() -> None:
    """ingress_permissions holds one permission with many sources, each with its description."""
    group = SecurityGroup._from_boto(
        {
            "GroupId": "sg-1",
            "GroupName": "web",
            "Description": "web",
            "IpPermissions": [
                {
                    "IpProtocol": "tcp",
                    "FromPort": 443,
                    "ToPort": 443,
                    "IpRanges": [
                        {"CidrIp": "10.0.0.0/8", "Description": "office"},
                        {"CidrIp": "192.168.0.0/16", "Description": "vpn"},
                        {"CidrIp": "172.16.0.0/12", "Description": "office"},
                    ],
                    "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "123456789012"}],
                },
                {
                    "IpProtocol": "-1",
                    "FromPort": -1,
                    "ToPort": -1,
                    "PrefixListIds": [{"PrefixListId": "pl-1", "Description": "s3"}],
                },
            ],
        }
    )
    first, second = group.ingress_permissions
    assert (first.protocol, first.from_port, first.to_port) == ("tcp", 443, 443)
    assert [(s.kind, s.value, s.description) for s in first.sources] == [
        ("cidr", "10.0.0.0/8", "office"),
        ("cidr", "192.168.0.0/16", "vpn"),
        ("cidr", "172.16.0.0/12", "office"),
        ("group", "sg-2", None),
    ]
    assert first.sources[3].user_id == "123456789012"
    assert (second.protocol, second.from_port, second.sources[0].value) == ("-1", None, "pl-1")
    assert [rule.description for rule in group.ingress] == ["office", "vpn", None, "s3"]
    assert group.ingress[0].cidrs == ("10.0.0.0/8", "172.16.0.0/12")
    assert group.egress_permissions == ()
