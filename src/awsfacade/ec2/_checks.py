"""EC2's own argument checks (the shared ones are in `awsfacade._validate`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from awsfacade._base import user_state
from awsfacade._validate import check_cidr, check_id
from awsfacade.ec2._models import InstanceState
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import IamInstanceProfileSpecificationTypeDef

    from awsfacade.ec2._models import InstanceStateName

__all__ = [
    "check_block",
    "check_client_token",
    "instance_profile",
    "state_values",
]

_MAX_CLIENT_TOKEN = 64
_NETMASKS = range(16, 29)  # AWS accepts VPC and subnet blocks from /16 to /28


def check_block(cidr_block: object) -> str:
    """An IPv4 VPC or subnet block, from /16 to /28 as AWS requires."""
    block = check_cidr(cidr_block)
    if int(block.rsplit("/", 1)[1]) not in _NETMASKS:
        raise InvalidArgumentError(
            f"cidr_block: AWS accepts VPC and subnet blocks from /16 to /28, not {cidr_block!r}"
        )
    return block


def state_values(
    states: Sequence[InstanceState | InstanceStateName] | None,
) -> list[str] | None:
    """The states' AWS strings (`None`: no state filter), each given as an InstanceState or
    its string; UNKNOWN cannot be asked for."""
    if states is None:
        return None
    return [str(user_state(InstanceState, state, "each of states")) for state in states]


def instance_profile(value: object) -> IamInstanceProfileSpecificationTypeDef:
    """An IAM instance profile given by ARN or by name."""
    profile = check_id(value, "iam_instance_profile")
    return {"Arn": profile} if profile.startswith("arn:") else {"Name": profile}


def check_client_token(client_token: str) -> str:
    """An idempotency token of 1 to 64 ASCII characters."""
    if not 1 <= len(client_token) <= _MAX_CLIENT_TOKEN:
        raise InvalidArgumentError(
            f"client_token must be 1 to {_MAX_CLIENT_TOKEN} characters long, not {client_token!r}"
        )
    return client_token
