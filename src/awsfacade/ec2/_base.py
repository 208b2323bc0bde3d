"""What every part of Ec2Service shares: the client cache, EC2's own error codes, and the
listing body with EC2's `Filters` and tag filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from awsfacade import _tags
from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade._validate import check_id, check_ids
from awsfacade.errors import DryRunError, InUseError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_ec2.literals import ResourceTypeType
    from mypy_boto3_ec2.type_defs import FilterTypeDef, TagSpecificationTypeDef

    from awsfacade._translate import Codes

__all__ = ["PAGE_SIZE", "Ec2Base", "ec2_filters", "tag_specifications"]


#: The largest MaxResults EC2's describe operations accept.
PAGE_SIZE = 1000


def _new_client(session: Session, options: ClientOptions) -> EC2Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns EC2Client.
    return session.client("ec2", **options)  # pyright: ignore[reportUnknownMemberType]


class Ec2Base(Service["EC2Client"]):
    """The state and helpers every part of Ec2Service uses."""

    __slots__ = ()

    _clients = ClientCache("ec2", _new_client)
    #: EC2's codes that the shared patterns do not classify.
    _error_codes: ClassVar[Codes] = {
        "DryRunOperation": DryRunError,
        "Resource.AlreadyAssociated": InUseError,
    }
    _page_size: ClassVar[int | None] = PAGE_SIZE


def ec2_filters(
    filters: Mapping[str, Sequence[str]] | None, tags: Mapping[str, str] | None = None
) -> list[FilterTypeDef]:
    """EC2 `Filters` from a user's name → values mapping and tags to match.

    Tags to *match* may use AWS's own `aws:` keys (`aws:autoscaling:groupName`); only
    writing them is reserved.
    """
    request: list[FilterTypeDef] = []
    if filters is not None:
        request = [
            {
                "Name": check_id(name, "each name in filters"),
                "Values": check_ids(values, f"filters[{name!r}]"),
            }
            for name, values in filters.items()
        ]
    return request + list(_tags.filters(_tags.validate(tags, reading=True)))


def tag_specifications(
    tags: Mapping[str, str], *resource_types: ResourceTypeType
) -> list[TagSpecificationTypeDef]:
    """`TagSpecifications` putting `tags` (already validated) on each resource type."""
    if not tags:
        return []
    return [
        {"ResourceType": resource_type, "Tags": _tags.to_aws(tags)}
        for resource_type in resource_types
    ]
