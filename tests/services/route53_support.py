"""Helpers shared by the Route53 service tests: records to build, canned Route53 answers, and
a ``before-call`` hook that answers a request instead of moto."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from botocore.awsrequest import AWSResponse, HTTPHeaders
from iam_support import Answer, Answers

from awsfacade.route53 import RecordChange, RecordSet, RecordType

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from mypy_boto3_route53.type_defs import HostedZoneTypeDef, ResourceRecordSetOutputTypeDef

__all__ = [
    "WHEN",
    "Answer",
    "Answers",
    "a_record",
    "answer",
    "changes",
    "r53_error",
    "r53_result",
    "record_item",
    "zone_item",
]

#: An instant for canned answers.
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def a_record(name: str, *values: str, ttl: int = 300) -> RecordSet:
    """A simple A record set of ``name`` (default value 192.0.2.1)."""
    return RecordSet(name=name, type="A", ttl=ttl, values=values or ("192.0.2.1",))


def changes(count: int, zone: str = "example.com", action: str = "CREATE") -> list[RecordChange]:
    """``count`` changes of one-value A records h0.<zone>, h1.<zone>, …"""
    assert action in {"CREATE", "UPSERT", "DELETE"}
    return [
        RecordChange(
            action="UPSERT" if action == "UPSERT" else "DELETE" if action == "DELETE" else "CREATE",
            record=a_record(f"h{index}.{zone}"),
        )
        for index in range(count)
    ]


def record_item(
    name: str,
    type_: RecordType = "A",
    *,
    set_identifier: str | None = None,
    weight: int | None = None,
) -> ResourceRecordSetOutputTypeDef:
    """A ListResourceRecordSets entry: a one-value record, weighted if ``weight`` is given."""
    item: ResourceRecordSetOutputTypeDef = {
        "Name": name,
        "Type": type_,
        "TTL": 300,
        "ResourceRecords": [{"Value": "192.0.2.1"}],
    }
    if set_identifier is not None:
        item["SetIdentifier"] = set_identifier
    if weight is not None:
        item["Weight"] = weight
    return item


def zone_item(zone_id: str, name: str, *, private: bool = False) -> HostedZoneTypeDef:
    """A ListHostedZones entry."""
    return {
        "Id": f"/hostedzone/{zone_id}",
        "Name": name,
        "CallerReference": f"ref-{zone_id}",
        "Config": {"PrivateZone": private},
        "ResourceRecordSetCount": 2,
    }


class _Raw:
    """The raw body botocore's AWSResponse would read from (an injected answer has none)."""

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield b""


def r53_error(code: str, message: str = "injected", status: int = 400) -> Answer:
    """A Route53 error answer, as botocore parses it from the wire."""
    return (
        AWSResponse("https://route53.amazonaws.com/", status, HTTPHeaders(), _Raw()),
        {
            "Error": {"Type": "Sender", "Code": code, "Message": message},
            "ResponseMetadata": {"RequestId": "injected-1", "HTTPStatusCode": status},
        },
    )


def r53_result(parsed: dict[str, object] | None = None) -> Answer:
    """A successful Route53 answer whose parsed body is ``parsed``."""
    body: dict[str, object] = dict(parsed or {})
    body["ResponseMetadata"] = {"RequestId": "injected-2", "HTTPStatusCode": 200}
    return (AWSResponse("https://route53.amazonaws.com/", 200, HTTPHeaders(), _Raw()), body)


def answer(client: BaseClient, operation: str, *answers: Answer) -> Answers:
    """Register an :class:`Answers` hook for the next ``operation`` requests of ``client``
    (at ``before-call``, so an answered change is never applied by moto)."""
    hook = Answers(*answers)
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    client.meta.events.register(f"before-call.route53.{operation}", hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook
