"""EC2's own argument checks (the shared ones are in `awsfacade._validate`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeGuard

from awsfacade._base import user_state
from awsfacade._validate import check_cidr, check_id
from awsfacade.ec2._models import InstanceState
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.literals import InstanceTypeType
    from mypy_boto3_ec2.type_defs import IamInstanceProfileSpecificationTypeDef

    from awsfacade.ec2._models import InstanceStateName

__all__ = [
    "MAX_VOLUME_GIB",
    "check_block",
    "check_client_token",
    "check_instance_type",
    "check_user_data",
    "instance_profile",
    "state_values",
]

#: The largest EBS volume (gp3, io2); other types allow less, which AWS checks.
MAX_VOLUME_GIB = 65536
_MAX_CLIENT_TOKEN = 64
_USER_DATA_LIMIT = 16 * 1024
_NETMASKS = range(16, 29)  # AWS accepts VPC and subnet blocks from /16 to /28
_INSTANCE_TYPE = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")


def check_block(cidr_block: object) -> str:
    """An IPv4 VPC or subnet block, from /16 to /28 as AWS requires."""
    block = check_cidr(cidr_block)
    if int(block.rsplit("/", 1)[1]) not in _NETMASKS:
        raise InvalidArgumentError(
            f"cidr_block: AWS accepts VPC and subnet blocks from /16 to /28, not {cidr_block!r}"
        )
    return block


def check_instance_type(value: str) -> InstanceTypeType:
    """`value` checked for the family.size shape of every instance type."""
    if not _is_instance_type(value):
        raise InvalidArgumentError(
            f'instance_type must look like "t3.micro" (family.size), not {value!r}'
        )
    return value


def _is_instance_type(value: str) -> TypeGuard[InstanceTypeType]:
    # The stubs list today's types as a Literal; AWS adds types between stub releases, so
    # we check the shape and let AWS judge the rest rather than refuse a type it accepts.
    return _INSTANCE_TYPE.fullmatch(value) is not None


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


def check_user_data(user_data: str) -> str:
    """User data within AWS's 16 KiB limit on the raw bytes (before base64)."""
    if len(user_data.encode()) > _USER_DATA_LIMIT:
        raise InvalidArgumentError("user_data is longer than AWS's 16 KiB limit (in bytes)")
    return user_data


def check_client_token(client_token: str) -> str:
    """An idempotency token of 1 to 64 ASCII characters."""
    if not 1 <= len(client_token) <= _MAX_CLIENT_TOKEN:
        raise InvalidArgumentError(
            f"client_token must be 1 to {_MAX_CLIENT_TOKEN} characters long, not {client_token!r}"
        )
    return client_token
