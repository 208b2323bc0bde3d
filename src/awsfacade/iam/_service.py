"""IamService: users, groups, membership, access keys, roles and managed policies."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_iam import IAMClient

    from awsfacade._translate import Codes

__all__ = ["IamService"]


def _new_client(session: Session, options: ClientOptions) -> IAMClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns IAMClient.
    return session.client("iam", **options)  # pyright: ignore[reportUnknownMemberType]


class IamService(Service["IAMClient"]):
    """IAM: users, groups, access keys, roles and managed policies.

    IAM is global: with no region anywhere the client uses the partition's global endpoint.
    """

    __slots__ = ()

    _clients = ClientCache("iam", _new_client, global_service=True)
    _error_codes: ClassVar[Codes] = {}
