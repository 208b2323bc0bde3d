"""Type checks of Route53Service and the Route53 models: checked by mypy and basedpyright,
never run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, assert_type

from mypy_boto3_route53 import Route53Client

from awsfacade.errors import AwsError, PartialFailureError
from awsfacade.route53 import (
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
    Route53Service,
    same_name,
)

if TYPE_CHECKING:
    from awsfacade import Route53Service as PackageRoute53Service

Z = "Z1D633PJN98FT9"
WWW = RecordSet(name="www.example.com", type="A", ttl=300, values=("192.0.2.1",))


def check_client(route53: Route53Service) -> None:
    """The escape hatch is the boto3-stubs Route53 client."""
    assert_type(route53.client, Route53Client)


def check_package_export(route53: PackageRoute53Service) -> None:
    """awsfacade.Route53Service is the same typed class as awsfacade.route53.Route53Service."""
    assert_type(route53, Route53Service)


def check_hosted_zones(route53: Route53Service) -> None:
    """Zone methods return HostedZone models, lazy iterators of them, or nothing."""
    assert_type(route53.create_hosted_zone("example.com"), HostedZone)
    assert_type(
        route53.create_hosted_zone(
            "corp.example",
            comment="internal",
            caller_reference="deploy-1",
            private=True,
            vpc_id="vpc-1",
            vpc_region="eu-west-1",
        ),
        HostedZone,
    )
    assert_type(route53.hosted_zones(), Iterator[HostedZone])
    assert_type(route53.hosted_zones(name="example.com"), Iterator[HostedZone])
    assert_type(route53.find_hosted_zone("example.com"), HostedZone)
    assert_type(route53.find_hosted_zone("example.com", private=False), HostedZone)
    assert_type(route53.hosted_zone(f"/hostedzone/{Z}"), HostedZone)
    assert_type(route53.delete_hosted_zone(Z), None)
    assert_type(route53.delete_hosted_zone(Z, force=True), None)


def check_records(route53: Route53Service) -> None:
    """Record methods list RecordSets lazily and return change ids."""
    assert_type(route53.records(Z), Iterator[RecordSet])
    assert_type(route53.records(Z, name="www.example.com", type="A"), Iterator[RecordSet])
    assert_type(route53.create_record(Z, WWW), str)
    assert_type(route53.upsert_record(Z, WWW), str)
    assert_type(route53.delete_record(Z, WWW), str)
    assert_type(route53.change_records(Z, [RecordChange(action="UPSERT", record=WWW)]), list[str])
    assert_type(route53.wait_until_change_in_sync("C1"), Change)
    assert_type(
        route53.wait_until_change_in_sync("/change/C1", timeout=60, poll_interval=2.5), Change
    )
    assert_type(same_name("a.example.com", "A.example.com."), bool)


def check_change(change: Change) -> None:
    """A change's fields, as GetChange reports them."""
    assert_type(change.id, str)
    assert_type(change.status, ChangeStatus)
    assert_type(change.status_name, str)
    assert_type(change.submitted, datetime)
    assert_type(change.comment, str | None)


def check_models(
    zone: HostedZone,
    record: RecordSet,
    change: RecordChange,
    alias: AliasTarget,
    location: GeoLocation,
    cidr: CidrRouting,
    proximity: GeoProximity,
) -> None:
    """Every model field has its declared type."""
    assert_type(zone.id, str)
    assert_type(zone.name, str)
    assert_type(zone.caller_reference, str)
    assert_type(zone.private, bool)
    assert_type(zone.record_count, int | None)
    assert_type(zone.comment, str | None)
    assert_type(zone.name_servers, tuple[str, ...] | None)
    assert_type(record.name, str)
    assert_type(record.escaped_name, str)
    assert_type(record.type, RecordType)
    assert_type(record.ttl, int | None)
    assert_type(record.values, tuple[str, ...])
    assert_type(record.alias, AliasTarget | None)
    assert_type(record.set_identifier, str | None)
    assert_type(record.weight, int | None)
    assert_type(record.region, str | None)
    assert_type(record.failover, Failover | None)
    assert_type(record.geolocation, GeoLocation | None)
    assert_type(record.multivalue, bool | None)
    assert_type(record.cidr_routing, CidrRouting | None)
    assert_type(record.geoproximity, GeoProximity | None)
    assert_type(record.health_check_id, str | None)
    assert_type(record.traffic_policy_instance_id, str | None)
    assert_type(record.label, str)
    assert_type(change.action, ChangeAction)
    assert_type(change.record, RecordSet)
    assert_type(alias.dns_name, str)
    assert_type(alias.escaped_dns_name, str)
    assert_type(alias.hosted_zone_id, str)
    assert_type(alias.evaluate_target_health, bool)
    assert_type(location.continent_code, str | None)
    assert_type(location.country_code, str | None)
    assert_type(location.subdivision_code, str | None)
    assert_type(cidr.collection_id, str)
    assert_type(cidr.location_name, str)
    assert_type(proximity.aws_region, str | None)
    assert_type(proximity.local_zone_group, str | None)
    assert_type(proximity.latitude, str | None)
    assert_type(proximity.longitude, str | None)
    assert_type(proximity.bias, int | None)


def check_change_batch_error(error: ChangeBatchError) -> None:
    """ChangeBatchError is a PartialFailureError with the changes typed."""
    assert_type(error.applied, tuple[RecordChange, ...])
    assert_type(error.not_applied, tuple[RecordChange, ...])
    assert_type(error.change_ids, tuple[str, ...])
    assert_type(error.done, tuple[str, ...])
    assert_type(error.error, AwsError)
    failure: PartialFailureError = error
    assert_type(failure.not_done, tuple[str, ...])
