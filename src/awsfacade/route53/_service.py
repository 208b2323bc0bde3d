"""Route53Service: hosted zones and record sets, with record paging and change batching."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_route53 import Route53Client

    from awsfacade._translate import Codes

__all__ = ["Route53Service"]


def _new_client(session: Session, options: ClientOptions) -> Route53Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns Route53Client.
    return session.client("route53", **options)  # pyright: ignore[reportUnknownMemberType]


class Route53Service(Service["Route53Client"]):
    """Route53: hosted zones and record sets.

    Route53 is global: with no region anywhere the client uses the partition's global endpoint.
    """

    __slots__ = ()

    _clients = ClientCache("route53", _new_client, global_service=True)
    _error_codes: ClassVar[Codes] = {}
