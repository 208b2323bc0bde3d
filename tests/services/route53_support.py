"""Helpers shared by the Route53 service tests: records to build, canned Route53 answers, and
a ``before-call`` hook that answers a request instead of moto."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from awsfacade.route53 import RecordChange, RecordSet, RecordType

if TYPE_CHECKING:
    from mypy_boto3_route53.type_defs import HostedZoneTypeDef, ResourceRecordSetOutputTypeDef

__all__ = [
    "WHEN",
    "a_record",
    "changes",
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
    ttl: int = 300,
) -> ResourceRecordSetOutputTypeDef:
    """A ListResourceRecordSets entry: a one-value record, weighted if ``weight`` is given."""
    item: ResourceRecordSetOutputTypeDef = {
        "Name": name,
        "Type": type_,
        "TTL": ttl,
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
