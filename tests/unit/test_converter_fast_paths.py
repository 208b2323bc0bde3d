"""The converters' fast paths build exactly what the slow ones built (benchmarks/listings.py)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awsfacade._convert import from_aws, user_input
from awsfacade._launch import LaunchTemplateRef
from awsfacade.autoscaling._models import _MAX_TEMPLATES, _TEMPLATES, _template
from awsfacade.ec2._models import Permission, Rule, Source, Vpc
from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.type_defs import LaunchTemplateSpecificationTypeDef

_STRINGS = st.tuples(st.text(max_size=3)) | st.just(())
_PORTS = st.none() | st.integers(-1, 65535)


@given(
    protocol=st.sampled_from(["tcp", "udp", "icmp", "icmpv6", "-1", "47", "TCP", " 6", "all"]),
    from_port=_PORTS,
    to_port=_PORTS,
    cidrs=_STRINGS,
    ipv6_cidrs=_STRINGS,
    group_ids=_STRINGS,
    prefix_list_ids=_STRINGS,
    description=st.none() | st.text(max_size=3),
)
def test_a_rule_as_sent_is_the_rule_the_constructor_builds(
    protocol: str,
    from_port: int | None,
    to_port: int | None,
    cidrs: tuple[str, ...],
    ipv6_cidrs: tuple[str, ...],
    group_ids: tuple[str, ...],
    prefix_list_ids: tuple[str, ...],
    description: str | None,
) -> None:
    """``Rule._as_sent`` (no converters, no checks) equals ``Rule(...)`` read from AWS, with the
    protocol in AWS's spelling: same fields, equality, hash and repr."""
    with from_aws():
        built = Rule(
            protocol=protocol,
            from_port=from_port,
            to_port=to_port,
            cidrs=cidrs,
            ipv6_cidrs=ipv6_cidrs,
            group_ids=group_ids,
            prefix_list_ids=prefix_list_ids,
            description=description,
        )
    sent = Rule._as_sent(
        built.protocol,
        from_port,
        to_port,
        cidrs,
        ipv6_cidrs,
        group_ids,
        prefix_list_ids,
        description,
    )
    assert sent == built
    assert hash(sent) == hash(built)
    assert repr(sent) == repr(built)


def test_rules_of_a_permission_built_by_hand_read_its_protocol_as_aws_spells_it() -> None:
    """``Permission.rules`` still puts the protocol in AWS's spelling (``"TCP"`` is ``"tcp"``),
    one rule per description, and checks nothing (a permission may hold AWS's odd values)."""
    permission = Permission(
        protocol="TCP",
        from_port=70000,
        to_port=1,
        sources=(
            Source(kind="cidr", value="10.0.0.0/8", description="a"),
            Source(kind="group", value="sg-1", description="b"),
            Source(kind="cidr", value="not a cidr", description="a"),
        ),
    )
    rules = permission.rules()
    assert [rule.protocol for rule in rules] == ["tcp", "tcp"]
    assert rules[0].cidrs == ("10.0.0.0/8", "not a cidr")
    assert rules[1].group_ids == ("sg-1",)
    assert (rules[0].from_port, rules[0].to_port) == (70000, 1)


def test_a_group_and_its_instances_share_one_launch_template_ref_and_the_cache_is_bounded() -> None:
    """The refs a listing builds for the same template are one object, equal to the ref a
    user builds; past 256 distinct templates the cache starts again rather than growing."""
    spec: LaunchTemplateSpecificationTypeDef = {
        "LaunchTemplateId": "lt-0123456789abcdef0",
        "LaunchTemplateName": "web",
    }
    again: LaunchTemplateSpecificationTypeDef = {
        "LaunchTemplateId": "lt-0123456789abcdef0",
        "LaunchTemplateName": "web",
    }
    first, second = _template(spec), _template(again)
    assert first is second
    with from_aws():  # AWS names both the id and the name, which a user may not
        fresh = LaunchTemplateRef(id="lt-0123456789abcdef0", name="web", version="$Default")
    assert first == fresh
    for number in range(300):
        _template({"LaunchTemplateId": f"lt-{number:017x}", "Version": "1"})
    assert 0 < len(_TEMPLATES) <= _MAX_TEMPLATES


def test_the_converters_flag_is_per_thread_and_off_again_after_a_converter() -> None:
    """While one thread reads AWS's answer, a rule another thread builds is still checked;
    after a converter returns (or fails), user input is checked again."""
    refused: list[bool] = []

    def build() -> None:
        try:
            Rule(protocol="tcp", from_port=1, to_port=99999, cidrs=("10.0.0.0/8",))
        except InvalidArgumentError:
            refused.append(True)

    with from_aws():
        assert not user_input()
        worker = threading.Thread(target=build)
        worker.start()
        worker.join()
    assert refused == [True]
    assert user_input()
    Permission._from_boto({"IpProtocol": "tcp", "FromPort": 1, "ToPort": 99999})
    assert user_input()
    with pytest.raises(UnexpectedResponseError):
        Vpc._from_boto({"CidrBlock": "10.0.0.0/16"})
    assert user_input()


_KINDS = st.sampled_from(["cidr", "ipv6_cidr", "group", "prefix_list"])


@given(
    protocol=st.sampled_from(["tcp", "-1", "TCP", "icmp"]),
    sources=st.lists(
        st.builds(
            Source,
            kind=_KINDS,
            value=st.sampled_from(["a", "b"]),
            description=st.none() | st.sampled_from(["x", "y"]),
        ),
        max_size=4,
    ),
)
def test_rules_are_the_sources_grouped_by_description(protocol: str, sources: list[Source]) -> None:
    """``Permission.rules`` (its one-source shortcut too) equals the plain grouping: one
    ``Rule(...)`` per description, in first-seen order, each kind's values in AWS's order."""
    permission = Permission(protocol=protocol, from_port=1, to_port=2, sources=tuple(sources))
    descriptions = list(dict.fromkeys(source.description for source in sources))

    def values(description: str | None, kind: str) -> tuple[str, ...]:
        return tuple(s.value for s in sources if s.description == description and s.kind == kind)

    with from_aws():
        expected = tuple(
            Rule(
                protocol=protocol,
                from_port=1,
                to_port=2,
                cidrs=values(description, "cidr"),
                ipv6_cidrs=values(description, "ipv6_cidr"),
                group_ids=values(description, "group"),
                prefix_list_ids=values(description, "prefix_list"),
                description=description,
            )
            for description in descriptions
        )
    assert permission.rules() == expected
