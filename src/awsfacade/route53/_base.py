"""What every part of Route53Service shares: the client cache (Route53 is global), Route53's
own error codes, the page sizes, the reading of Route53's own error body, and (for the type
checkers) the record methods that deleting a zone by force calls."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar, Final, TypeGuard
from xml.etree import ElementTree

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    LimitExceededError,
)

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSResponse
    from mypy_boto3_route53 import Route53Client

    from awsfacade._translate import Codes
    from awsfacade.progress import ProgressCallback
    from awsfacade.route53._models import RecordChange, RecordSet, RecordType

__all__ = ["RECORDS_PAGE_SIZE", "ZONES_PAGE_SIZE", "Route53Base"]

#: The largest MaxItems of ListResourceRecordSets (Route53 returns at most 300 a page).
RECORDS_PAGE_SIZE: Final = 300
#: The largest MaxItems of ListHostedZones and ListHostedZonesByName.
ZONES_PAGE_SIZE: Final = 100


def _new_client(session: Session, options: ClientOptions) -> Route53Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns Route53Client.
    client = session.client("route53", **options)  # pyright: ignore[reportUnknownMemberType]
    client.meta.events.register("after-call.route53", _complete_error)
    return client


class Route53Base(Service["Route53Client"]):
    """The state and helpers every part of Route53Service uses."""

    __slots__ = ()

    _clients = ClientCache("route53", _new_client, global_service=True)
    #: Route53's codes that the shared patterns miss (NoSuch… → NotFoundError,
    #: HostedZoneAlreadyExists → AlreadyExistsError, HostedZoneNotEmpty → InUseError,
    #: InvalidChangeBatch/InvalidInput → InvalidRequestError and PriorRequestNotComplete →
    #: ThrottledError come from the shared table and patterns).
    _error_codes: ClassVar[Codes] = {
        "ConflictingDomainExists": AlreadyExistsError,
        "TooManyHostedZones": LimitExceededError,
        "NotAuthorizedException": AccessDeniedError,
    }
    _page_size: ClassVar[int | None] = RECORDS_PAGE_SIZE

    if TYPE_CHECKING:
        # Each part of Route53Service derives from this class alone; deleting a zone by force
        # lists and changes its records, which Route53Service combines.
        def records(
            self, zone_id: str, *, name: str | None = None, type: RecordType | None = None
        ) -> Iterator[RecordSet]: ...
        def change_records(
            self,
            zone_id: str,
            changes: Iterable[RecordChange],
            *,
            on_progress: ProgressCallback | None = None,
        ) -> list[str]: ...


def _complete_error(*, parsed: dict[str, object], http_response: AWSResponse, **_: object) -> None:
    """Give botocore's parse of Route53's own error body its code and message (an
    ``after-call`` hook, which runs before botocore raises the ClientError).

    Route53 documents ``InvalidChangeBatch`` as ``<InvalidChangeBatch><Messages><Message>…``,
    one ``<Message>`` a problem of the batch, a body botocore parses with an empty code and
    message (and, of several messages, with none at all): the code is set and every message
    is read from the body, joined by ``"; "``, so the error is an InvalidRequestError quoting
    them all. (The ``<ErrorResponse>`` form AWS also sends parses as usual, its message listing
    every problem: ``[Tried to create …, Tried to delete …]``.)
    """
    details = parsed.get("Error")
    messages = parsed.get("Messages")
    if _is_mapping(messages) and _is_dict(details) and not details.get("Code"):
        details["Code"] = "InvalidChangeBatch"
        message = messages.get("Message")
        details["Message"] = (
            message if isinstance(message, str) else "; ".join(_messages(http_response.content))
        )


def _is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(value, Mapping)


def _is_dict(value: object) -> TypeGuard[dict[str, object]]:
    return isinstance(value, dict)


def _messages(body: bytes) -> list[str]:
    """The text of every ``<Messages><Message>`` of an error body: botocore's parse keeps a
    single one, of several it keeps none."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return []
    return [element.text or "" for element in root.iterfind("{*}Messages/{*}Message")]
