"""S3Service: buckets, objects, managed transfers and the bucket settings an inventory reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_s3 import S3Client

    from awsfacade._translate import Codes

__all__ = ["S3Service"]


def _new_client(session: Session, options: ClientOptions) -> S3Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns S3Client.
    return session.client("s3", **options)  # pyright: ignore[reportUnknownMemberType]


class S3Service(Service["S3Client"]):
    """S3: buckets, objects, managed transfers and bucket settings.

    S3 is global for listing buckets: with no region anywhere the client uses us-east-1.
    """

    __slots__ = ()

    _clients = ClientCache("s3", _new_client, global_service=True)
    _error_codes: ClassVar[Codes] = {}
