"""What every part of RdsService shares: the client cache, RDS's own error codes and its
page size (every listing asks for `PAGE_SIZE`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Final

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade.errors import AccessDeniedError, InUseError, InvalidRequestError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_rds import RDSClient

    from awsfacade._translate import Codes

__all__ = ["PAGE_SIZE", "RdsBase"]

#: The largest MaxRecords RDS's describe operations accept (20 to 100).
PAGE_SIZE: Final = 100


def _new_client(session: Session, options: ClientOptions) -> RDSClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns RDSClient.
    return session.client("rds", **options)  # pyright: ignore[reportUnknownMemberType]


class RdsBase(Service["RDSClient"]):
    """The state every part of RdsService uses.

    RDS sends the short codes of its service model (``DBInstanceNotFound``,
    ``InvalidDBInstanceState``), botocore's exception classes carry a ``Fault`` suffix: the
    shared patterns classify both spellings (``*NotFound*``, ``*AlreadyExists*``,
    ``*QuotaExceeded*``, ``Invalid*State``). Only the codes no pattern gets right are here.
    """

    __slots__ = ()

    _clients = ClientCache("rds", _new_client)
    _error_codes: ClassVar[Codes] = {
        # "The DB subnet group cannot be deleted because it's in use."
        "InvalidDBSubnetGroupStateFault": InUseError,
        "DBSubnetGroupDoesNotCoverEnoughAZs": InvalidRequestError,
        "StorageTypeNotSupported": InvalidRequestError,
        "StorageTypeNotSupportedFault": InvalidRequestError,
        "NetworkTypeNotSupported": InvalidRequestError,
        "ProvisionedIopsNotAvailableInAZFault": InvalidRequestError,
        "VpcEncryptionControlViolationException": InvalidRequestError,
        "KMSKeyNotAccessibleFault": AccessDeniedError,
    }
    _page_size: ClassVar[int | None] = PAGE_SIZE
