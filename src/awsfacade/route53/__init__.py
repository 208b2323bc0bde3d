"""Route53: hosted zones, record sets and batched record changes."""

from awsfacade.route53._checks import same_name
from awsfacade.route53._models import (
    AliasTarget,
    Change,
    ChangeAction,
    ChangeBatchError,
    ChangeStatus,
    CidrRouting,
    Failover,
    GeoLocation,
    GeoProximity,
    HostedZone,
    RecordChange,
    RecordSet,
    RecordType,
)
from awsfacade.route53._service import Route53Service

__all__ = [
    "AliasTarget",
    "Change",
    "ChangeAction",
    "ChangeBatchError",
    "ChangeStatus",
    "CidrRouting",
    "Failover",
    "GeoLocation",
    "GeoProximity",
    "HostedZone",
    "RecordChange",
    "RecordSet",
    "RecordType",
    "Route53Service",
    "same_name",
]
