"""RdsService: DB instances and DB subnet groups."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_rds import RDSClient

    from awsfacade._translate import Codes

__all__ = ["RdsService"]


def _new_client(session: Session, options: ClientOptions) -> RDSClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns RDSClient.
    return session.client("rds", **options)  # pyright: ignore[reportUnknownMemberType]


class RdsService(Service["RDSClient"]):
    """RDS: DB instances and DB subnet groups.

    A regional service: it needs a region (from ``region=``, the session or the environment).
    """

    __slots__ = ()

    _clients = ClientCache("rds", _new_client)
    _error_codes: ClassVar[Codes] = {}
