"""The strategies of ``shapes`` keep their promises: every draw passes botocore's own check of a
response, one page ends a listing, overrides and forced members hold, enum values AWS has not
invented yet and numbers at the documented limits come up, and a path naming no member is an
error when the strategy is built."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from botocore.validate import ParamValidator
from hypothesis import given, settings
from hypothesis import strategies as st
from shapes import (
    UNKNOWN_ENUMS,
    client_operations,
    operation_name,
    raw_response,
    response_strategy,
    service_model,
)
from support import is_list, is_mapping

_FEW = settings(max_examples=50)


def _valid(service: str, operation: str, response: Mapping[str, object]) -> None:
    """botocore's check of a response against the operation's output shape (the Stubber's)."""
    shape = service_model(service).operation_model(operation).output_shape
    assert shape is not None
    report = ParamValidator().validate(dict(response), shape)
    assert not report.has_errors(), report.generate_report()


def _dicts(value: object) -> list[Mapping[str, object]]:
    return [item for item in value if is_mapping(item)] if is_list(value) else []


@_FEW
@given(response=response_strategy("ec2", "DescribeInstances"))
def test_a_listing_is_one_page(response: dict[str, object]) -> None:
    _valid("ec2", "DescribeInstances", response)
    assert "NextToken" not in response


@_FEW
@given(response=response_strategy("s3", "ListObjectsV2"))
def test_a_truncation_flag_is_false_and_tokens_are_left_out(response: dict[str, object]) -> None:
    _valid("s3", "ListObjectsV2", response)
    assert response["IsTruncated"] is False
    assert "NextContinuationToken" not in response


@_FEW
@given(
    response=response_strategy(
        "ec2",
        "DescribeInstances",
        overrides={"Reservations.Instances.State.Name": st.just("from-the-test")},
        present=["Reservations.Instances.State", "Reservations.Instances"],
    )
)
def test_overrides_and_forced_members_hold(response: dict[str, object]) -> None:
    for reservation in _dicts(response.get("Reservations")):
        for instance in _dicts(reservation["Instances"]):
            state = instance["State"]
            assert is_mapping(state)
            assert state["Name"] == "from-the-test"


def test_a_path_that_names_no_member_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"Reservations\.Nope"):
        response_strategy("ec2", "DescribeInstances", present=["Reservations.Nope"])


def test_enums_draw_unknown_values_and_integers_their_limits() -> None:
    states: set[str] = set()
    ports: set[int] = set()

    # Each edge is drawn often, not always: enough examples that which other modules are
    # loaded (they shift the derandomized draws) does not decide it.
    @settings(max_examples=1000)
    @given(
        response=response_strategy(
            "ec2", "DescribeSecurityGroups", present=["SecurityGroups.IpPermissions.FromPort"]
        ),
        change=response_strategy("ec2", "StartInstances", present=["StartingInstances"]),
    )
    def draw(response: dict[str, object], change: dict[str, object]) -> None:
        for group in _dicts(response.get("SecurityGroups")):
            for permission in _dicts(group.get("IpPermissions")):
                port = permission["FromPort"]
                assert isinstance(port, int)
                ports.add(port)
        for item in _dicts(change.get("StartingInstances")):
            current = item.get("CurrentState")
            if is_mapping(current) and "Name" in current:
                states.add(str(current["Name"]))

    draw()
    assert states & set(UNKNOWN_ENUMS)
    assert states & {"running", "pending", "stopped"}
    assert {0, -1, 2**31 - 1, -(2**31)} <= ports
    assert ports & {22, 443, 65535, 65536}


@_FEW
@given(response=response_strategy("rds", "DescribeDBSubnetGroups"))
def test_a_raw_response_parses_back(response: dict[str, object]) -> None:
    from botocore.parsers import create_parser

    answer = raw_response("rds", "DescribeDBSubnetGroups", response)
    shape = service_model("rds").operation_model("DescribeDBSubnetGroups").output_shape
    assert shape is not None
    parsed = create_parser("query").parse(
        {"status_code": answer.status_code, "headers": answer.headers, "body": answer.content},
        shape,
    )
    # moto's serializer leaves out what is empty (an empty group, an empty string).
    sent = [group.get("DBSubnetGroupName") for group in _dicts(response.get("DBSubnetGroups"))]
    read = [group.get("DBSubnetGroupName") for group in _dicts(parsed.get("DBSubnetGroups"))]
    assert [name for name in read if name] == [name for name in sent if name]


def test_names_and_the_operations_a_package_calls() -> None:
    assert operation_name("ec2", "describe_instances") == "DescribeInstances"
    assert operation_name("ec2", "DescribeInstances") == "DescribeInstances"
    called = client_operations(Path(__file__).resolve().parents[2] / "src/awsfacade/rds", "rds")
    assert {"DescribeDBInstances", "CreateDBInstance"} <= called
