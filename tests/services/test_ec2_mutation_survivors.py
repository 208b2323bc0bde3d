"""Behaviour that ``scripts/mutate.py`` found untested: each test kills a surviving mutant.

Limits at their exact boundaries on moto, and the fail-fast end of every wait, played back
with botocore's ``Stubber`` (moto moves instances through their states too fast to catch).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from awsfacade.ec2 import Ec2Service, InstanceState
from awsfacade.errors import InvalidArgumentError, WaitFailedError

if TYPE_CHECKING:
    from botocore.stub import Stubber
    from support import Requests

INSTANCE_ID = "i-0123456789abcdef0"


def test_security_group_name_and_description_may_be_255_characters(
    ec2_service: Ec2Service,
) -> None:
    """A security group name and description of exactly 255 characters, AWS's limit, are sent."""
    group = ec2_service.create_security_group(name="g" * 255, description="d" * 255)

    assert (group.name, group.description) == ("g" * 255, "d" * 255)


@pytest.mark.parametrize("cidr_block", ["10.0.0.0/16", "10.0.0.0/28"])
def test_vpc_blocks_from_slash_16_to_slash_28_are_accepted(
    ec2_service: Ec2Service, cidr_block: str
) -> None:
    """create_vpc accepts the widest (/16) and the narrowest (/28) block AWS allows."""
    assert ec2_service.create_vpc(cidr_block=cidr_block).cidr_block == cidr_block


@pytest.mark.parametrize("cidr_block", ["10.0.0.0/15", "10.0.0.0/29"])
def test_vpc_blocks_just_outside_the_range_raise_before_any_request(
    ec2_service: Ec2Service, requests_sent: Requests, cidr_block: str
) -> None:
    """A /15 or /29 VPC block raises InvalidArgumentError without a request."""
    with pytest.raises(InvalidArgumentError, match="/16 to /28"):
        ec2_service.create_vpc(cidr_block=cidr_block)

    assert requests_sent.sent == []


# Each awaited state and the states from which it cannot follow.
DEAD_ENDS = [
    (InstanceState.RUNNING, InstanceState.SHUTTING_DOWN),
    (InstanceState.RUNNING, InstanceState.TERMINATED),
    (InstanceState.RUNNING, InstanceState.STOPPING),
    (InstanceState.STOPPED, InstanceState.PENDING),
    (InstanceState.STOPPED, InstanceState.SHUTTING_DOWN),
    (InstanceState.STOPPED, InstanceState.TERMINATED),
    (InstanceState.TERMINATED, InstanceState.PENDING),
    (InstanceState.TERMINATED, InstanceState.STOPPING),
    (InstanceState.STOPPING, InstanceState.SHUTTING_DOWN),
    (InstanceState.STOPPING, InstanceState.TERMINATED),
    (InstanceState.PENDING, InstanceState.SHUTTING_DOWN),
    (InstanceState.PENDING, InstanceState.TERMINATED),
    (InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED),
]


@pytest.mark.parametrize(
    ("awaited", "reached"), DEAD_ENDS, ids=[f"{a}-after-{r}" for a, r in DEAD_ENDS]
)
def test_wait_until_fails_at_the_first_poll_that_sees_a_dead_end(
    service: Ec2Service, stubber: Stubber, awaited: InstanceState, reached: InstanceState
) -> None:
    """Waiting for a state fails after one poll if the instance is in a state it cannot leave
    for the awaited one (waiting for STOPPING on a shutting-down instance, say)."""
    instance = {
        "InstanceId": INSTANCE_ID,
        "ImageId": "ami-12345678",
        "InstanceType": "t3.micro",
        "State": {"Name": str(reached)},
        "LaunchTime": datetime(2024, 5, 17, 8, 30, tzinfo=UTC),
    }
    stubber.add_response(
        "describe_instances",
        {"Reservations": [{"ReservationId": "r-0123456789abcdef0", "Instances": [instance]}]},
    )

    with pytest.raises(WaitFailedError, match=str(reached)):
        service.wait_until([INSTANCE_ID], awaited, timeout=5, poll_interval=0.001)


def test_a_key_pair_name_may_be_255_characters(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """AWS's longest key pair name, 255 characters, is sent; 256 is refused before any request."""
    assert ec2_service.create_key_pair("k" * 255).name == "k" * 255
    requests_sent.clear()
    with pytest.raises(InvalidArgumentError, match="255"):
        ec2_service.create_key_pair("k" * 256)
    assert requests_sent.sent == []
