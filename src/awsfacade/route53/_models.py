"""Route53 models: hosted zones, record sets, the changes that write them and the error of a
set of change batches that stopped part of the way.

``RecordSet``, ``AliasTarget``, ``GeoLocation`` and ``RecordChange`` are built by users (and
checked at once, like EC2's ``Rule``) and read from AWS by ``_from_boto`` (taken as AWS sent
them: a record type or region newer than this version's lists is kept as AWS's string).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Final, Literal, TypeGuard

import attrs

from awsfacade._base import StateEnum, state_parser
from awsfacade._convert import converter, required, user_input, utc
from awsfacade._validate import check_bool, check_int, check_text
from awsfacade.errors import InvalidArgumentError, PartialFailureError
from awsfacade.route53._checks import (
    MAX_NAME,
    bare_change_id,
    bare_zone_id,
    check_labels,
    decode_name,
    encode_name,
    is_decoded,
    normalize_name,
)

if TYPE_CHECKING:
    from mypy_boto3_route53.literals import ResourceRecordSetRegionType
    from mypy_boto3_route53.type_defs import (
        AliasTargetTypeDef,
        ChangeInfoTypeDef,
        ChangeTypeDef,
        CidrRoutingConfigTypeDef,
        DelegationSetTypeDef,
        GeoLocationTypeDef,
        GeoProximityLocationTypeDef,
        HostedZoneTypeDef,
        ResourceRecordSetOutputTypeDef,
        ResourceRecordSetTypeDef,
    )

    from awsfacade.errors import AwsError

__all__ = [
    "RECORD_TYPES",
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
    "is_region",
]

RecordType = Literal[
    "A",
    "AAAA",
    "CAA",
    "CNAME",
    "DS",
    "HTTPS",
    "MX",
    "NAPTR",
    "NS",
    "PTR",
    "SOA",
    "SPF",
    "SRV",
    "SSHFP",
    "SVCB",
    "TLSA",
    "TXT",
]
"""A record type Route53 serves (its ``RRType``)."""
#: The record types a RecordSet you build may have.
RECORD_TYPES: Final[tuple[RecordType, ...]] = (
    "A",
    "AAAA",
    "CAA",
    "CNAME",
    "DS",
    "HTTPS",
    "MX",
    "NAPTR",
    "NS",
    "PTR",
    "SOA",
    "SPF",
    "SRV",
    "SSHFP",
    "SVCB",
    "TLSA",
    "TXT",
)
ChangeAction = Literal["CREATE", "DELETE", "UPSERT"]
"""What a change does to a record set: create it, delete it, or create or replace it
(``UPSERT``)."""
_ACTIONS: Final[tuple[ChangeAction, ...]] = ("CREATE", "DELETE", "UPSERT")
Failover = Literal["PRIMARY", "SECONDARY"]
"""The role of a failover record: Route53 answers with the ``SECONDARY`` record while the
``PRIMARY`` one is unhealthy."""
_FAILOVERS: Final[tuple[Failover, ...]] = ("PRIMARY", "SECONDARY")

_MAX_TTL = 2_147_483_647
_MAX_WEIGHT = 255
_MAX_SET_IDENTIFIER = 128
_MAX_VALUE = 4000
_MAX_HEALTH_CHECK_ID = 64
_MAX_TRAFFIC_POLICY_INSTANCE_ID = 36  # TrafficPolicyInstanceId in the service model
_MAX_COLLECTION_ID = 36
_MAX_LOCATION_NAME = 16
_MAX_LOCATION = 64
_MAX_LATITUDE = 6
_MAX_LONGITUDE = 7
_MAX_BIAS = 99
_REGION = re.compile(r"^[a-z]{2,4}(-[a-z]+)+-\d+$")


def is_region(value: str) -> TypeGuard[ResourceRecordSetRegionType]:
    """Whether ``value`` has the shape of an AWS region (``eu-west-1``).

    The stubs list today's regions as a Literal; AWS adds regions between stub releases, so
    the shape is checked and AWS judges the rest (as EC2 does for instance types).
    """
    return _REGION.fullmatch(value) is not None


def _name(value: str) -> str:
    """A record or zone name decoded and in trailing-dot form; anything else as given (the
    checks refuse it where a user passed it)."""
    if value.__class__ is str and value.endswith(".") and is_decoded(value):
        return value  # already canonical, as AWS sends nearly every name: nothing to change
    return normalize_name(value) if isinstance(value, str) and value else value


def _set(model: object, field: str, value: str) -> None:
    """Set a frozen model's ``init=False`` field while it is being built (as attrs does)."""
    object.__setattr__(model, field, value)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, tuple):  # what converters pass; tuple() does not copy a tuple
        return tuple(values)
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"values must be a tuple of strings, not {values!r}")
    return tuple(values)


def _optional_text(value: object, what: str, limit: int) -> None:
    if value is not None:
        check_text(value, what, limit)


@attrs.frozen(kw_only=True)
class AliasTarget:
    """Where an alias record points: an AWS resource's DNS name and its hosted zone id
    (an ELB's, CloudFront's ``Z2FDTNDATAQYW2``, or a record in the same zone).

    A target you build is checked at once.
    """

    dns_name: str
    """The target's DNS name, decoded like a record's
    [`name`][awsfacade.route53.RecordSet.name]."""
    # Set by __attrs_post_init__ (a target you build) or _from_boto (AWS's string).
    escaped_dns_name: str = attrs.field(init=False, eq=False)
    """The target's name as Route53 lists it (AWS's string for a target read from AWS): the
    one a change sends. Not an argument: the model sets it; it takes no part in ``==``."""
    hosted_zone_id: str
    """The hosted zone id of the target: an ELB's, CloudFront's ``Z2FDTNDATAQYW2``, or the
    record's own zone's for a record in the same zone."""
    evaluate_target_health: bool = False
    """Whether Route53 answers with the alias record only while the target is healthy."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            check_text(self.dns_name, "alias dns_name", MAX_NAME)
            check_text(self.hosted_zone_id, "alias hosted_zone_id", MAX_NAME)
            check_bool(self.evaluate_target_health, "alias evaluate_target_health")
            _set(self, "escaped_dns_name", encode_name(self.dns_name, "alias dns_name"))

    @classmethod
    @converter
    def _from_boto(cls, item: AliasTargetTypeDef) -> AliasTarget:
        target = cls(
            dns_name=decode_name(item["DNSName"]),
            hosted_zone_id=bare_zone_id(item["HostedZoneId"]),
            evaluate_target_health=item.get("EvaluateTargetHealth", False),
        )
        _set(target, "escaped_dns_name", item["DNSName"])
        return target

    def _to_boto(self) -> AliasTargetTypeDef:
        return {
            "DNSName": self.escaped_dns_name,
            "HostedZoneId": self.hosted_zone_id,
            "EvaluateTargetHealth": self.evaluate_target_health,
        }


@attrs.frozen(kw_only=True)
class GeoLocation:
    """Where a geolocation record answers: a continent (``"EU"``), or a country (``"DE"``,
    ``"*"`` for the default record) and for the US a subdivision (``"WA"``).

    One you build is checked at once: a continent or a country, not both, and a subdivision
    only with a country.
    """

    continent_code: str | None = None
    """A two-letter continent code (``"EU"``); `None` for a country's record."""
    country_code: str | None = None
    """A two-letter country code (``"DE"``), ``"*"`` for the default record; `None` for a
    continent's record."""
    subdivision_code: str | None = None
    """For the US, a state's code (``"WA"``); `None` for a whole country or continent."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            _optional_text(self.continent_code, "continent_code", 2)
            _optional_text(self.country_code, "country_code", 2)
            _optional_text(self.subdivision_code, "subdivision_code", 3)
            if self.subdivision_code is not None and self.country_code is None:
                raise InvalidArgumentError("subdivision_code needs a country_code")
            if self.continent_code is None and self.country_code is None:
                raise InvalidArgumentError("a GeoLocation needs continent_code or country_code")
            if self.continent_code is not None and self.country_code is not None:
                raise InvalidArgumentError("give continent_code or country_code, not both")

    @classmethod
    @converter
    def _from_boto(cls, item: GeoLocationTypeDef) -> GeoLocation:
        return cls(
            continent_code=item.get("ContinentCode"),
            country_code=item.get("CountryCode"),
            subdivision_code=item.get("SubdivisionCode"),
        )

    def _to_boto(self) -> GeoLocationTypeDef:
        location: GeoLocationTypeDef = {}
        if self.continent_code is not None:
            location["ContinentCode"] = self.continent_code
        if self.country_code is not None:
            location["CountryCode"] = self.country_code
        if self.subdivision_code is not None:
            location["SubdivisionCode"] = self.subdivision_code
        return location


@attrs.frozen(kw_only=True)
class CidrRouting:
    """The CIDR collection location an IP-based routing record answers for
    (``location_name="*"``: the default record of the collection)."""

    collection_id: str
    """The id of the CIDR collection."""
    location_name: str
    """The location of the collection the record answers for; ``"*"`` for the collection's
    default record."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            check_text(self.collection_id, "cidr_routing collection_id", _MAX_COLLECTION_ID)
            check_text(self.location_name, "cidr_routing location_name", _MAX_LOCATION_NAME)

    @classmethod
    @converter
    def _from_boto(cls, item: CidrRoutingConfigTypeDef) -> CidrRouting:
        return cls(collection_id=item["CollectionId"], location_name=item["LocationName"])

    def _to_boto(self) -> CidrRoutingConfigTypeDef:
        return {"CollectionId": self.collection_id, "LocationName": self.location_name}


@attrs.frozen(kw_only=True)
class GeoProximity:
    """Where a geoproximity record's resource is: an AWS region, a Local Zone group, or
    coordinates (exactly one of them, which one you build is checked for); `bias` grows or
    shrinks the area the record answers for."""

    aws_region: str | None = None
    """The AWS region of the resource (``"eu-west-1"``); `None` if located otherwise."""
    local_zone_group: str | None = None
    """The Local Zone group of the resource; `None` if located otherwise."""
    latitude: str | None = None
    """The resource's latitude as Route53 writes it (``"47.61"``); `None` if located
    otherwise (given with `longitude` or not at all)."""
    longitude: str | None = None
    """The resource's longitude as Route53 writes it (``"-122.33"``); `None` if located
    otherwise."""
    bias: int | None = None
    """From -99 to 99: a positive bias grows the area the record answers for, a negative
    one shrinks it; `None` if not set."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            _optional_text(self.aws_region, "geoproximity aws_region", _MAX_LOCATION)
            _optional_text(self.local_zone_group, "geoproximity local_zone_group", _MAX_LOCATION)
            _optional_text(self.latitude, "geoproximity latitude", _MAX_LATITUDE)
            _optional_text(self.longitude, "geoproximity longitude", _MAX_LONGITUDE)
            if (self.latitude is None) != (self.longitude is None):
                raise InvalidArgumentError("geoproximity needs both latitude and longitude")
            places = [
                place
                for place in (self.aws_region, self.local_zone_group, self.latitude)
                if place is not None
            ]
            if len(places) != 1:
                raise InvalidArgumentError(
                    "geoproximity needs exactly one of aws_region, local_zone_group or "
                    "latitude and longitude"
                )
            if self.bias is not None:
                check_int(self.bias, "geoproximity bias", minimum=-_MAX_BIAS, maximum=_MAX_BIAS)

    @classmethod
    @converter
    def _from_boto(cls, item: GeoProximityLocationTypeDef) -> GeoProximity:
        coordinates = item.get("Coordinates")
        return cls(
            aws_region=item.get("AWSRegion"),
            local_zone_group=item.get("LocalZoneGroup"),
            latitude=None if coordinates is None else coordinates["Latitude"],
            longitude=None if coordinates is None else coordinates["Longitude"],
            bias=item.get("Bias"),
        )

    def _to_boto(self) -> GeoProximityLocationTypeDef:
        location: GeoProximityLocationTypeDef = {}
        if self.aws_region is not None:
            location["AWSRegion"] = self.aws_region
        if self.local_zone_group is not None:
            location["LocalZoneGroup"] = self.local_zone_group
        if self.latitude is not None and self.longitude is not None:
            location["Coordinates"] = {"Latitude": self.latitude, "Longitude": self.longitude}
        if self.bias is not None:
            location["Bias"] = self.bias
        return location


@attrs.frozen(kw_only=True)
class RecordSet:
    """A resource record set: a name, a type and either `values` with a `ttl` or an
    `alias`, plus the routing fields of weighted, latency (`region`), failover,
    geolocation, multivalue, IP-based (`cidr_routing`) and `geoproximity` records, which
    also need a `set_identifier`.

    A record you build is checked at once (type, TTL 0 to 2147483647, values unless alias, no
    TTL on an alias, weight 0 to 255, one routing policy with its set identifier, a name of
    single bytes); a record AWS returns is taken as sent, so a type newer than
    [`RecordType`][awsfacade.route53.RecordType] is kept as AWS's string.
    """

    name: str = attrs.field(converter=_name)
    """The record's name, always in trailing-dot form with Route53's octal escapes decoded
    (``\\052.example.com.`` reads ``*.example.com.``), but for a dot inside a label
    (``\\056``), a backslash (``\\134``) and blank or unprintable bytes (``\\040``), which
    stay escaped. Compare names with [`same_name`][awsfacade.route53.same_name], since DNS
    ignores case."""
    # Set by __attrs_post_init__ (a record you build) or _from_boto (AWS's string).
    escaped_name: str = attrs.field(init=False, eq=False)
    """The name exactly as Route53 lists it: what ``records()`` read, or for a record you
    build `name` written the way Route53 lists it (lower case, ``\\052.example.com.``). It
    is the name every change sends, so a listed record is deleted or replaced under the very
    name Route53 gave. Not an argument: the model sets it; it takes no part in ``==``."""
    type: RecordType
    """The record type (``"A"``, ``"MX"``…); for a record AWS returns, a type newer than
    [`RecordType`][awsfacade.route53.RecordType] is kept as AWS's string."""
    ttl: int | None = None
    """How many seconds resolvers may cache the answer, 0 to 2147483647; `None` for an
    alias record, which takes its TTL from its target."""
    values: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """The record's values as DNS writes them (``"192.0.2.1"``, ``"10 mail.example.com."``),
    each up to 4,000 characters; empty for an alias record."""
    alias: AliasTarget | None = None
    """Where an alias record points; `None` for a record with values."""
    set_identifier: str | None = None
    """What tells apart the records of one name and type that have a routing policy (1 to
    128 characters); `None` for a simple record."""
    weight: int | None = None
    """A weighted record's weight, 0 to 255: its share of the answers among the records of
    its name and type; `None` if not a weighted record."""
    region: str | None = None
    """A latency record's AWS region (``"eu-west-1"``); `None` if not a latency record."""
    failover: Failover | None = None
    """A failover record's role, ``"PRIMARY"`` or ``"SECONDARY"``; `None` if not a failover
    record."""
    geolocation: GeoLocation | None = None
    """Where a geolocation record answers; `None` if not a geolocation record."""
    multivalue: bool | None = None
    """True for a multivalue answer record; `None` if not one."""
    cidr_routing: CidrRouting | None = None
    """The CIDR location an IP-based routing record answers for; `None` if not one."""
    geoproximity: GeoProximity | None = None
    """Where a geoproximity record's resource is; `None` if not one."""
    health_check_id: str | None = None
    """The id of the health check Route53 consults before answering with this record; `None`
    if none."""
    traffic_policy_instance_id: str | None = None
    """The id of the traffic policy instance Route53 made this record for; `None` for a
    record made otherwise."""

    def __attrs_post_init__(self) -> None:
        if user_input():
            self._check()
            _set(self, "escaped_name", encode_name(self.name))

    @property
    def label(self) -> str:
        """How errors name this record.

        Returns:
            The name and type, ``"www.example.com. A"``, with ``[set_identifier]`` when there
                is one.
        """
        identifier = f" [{self.set_identifier}]" if self.set_identifier is not None else ""
        return f"{self.name} {self.type}{identifier}"

    def _check(self) -> None:
        """Route53's rules for a record set, so that a wrong one fails here, not in a request."""
        check_labels(check_text(self.name, "name", MAX_NAME))
        if self.type not in RECORD_TYPES:
            raise InvalidArgumentError(
                f"type must be one of {', '.join(RECORD_TYPES)}, not {self.type!r}"
            )
        if self.ttl is not None:
            check_int(self.ttl, "ttl", minimum=0, maximum=_MAX_TTL)
        for value in self.values:
            check_text(value, "each of values", _MAX_VALUE)
        if self.alias is not None:
            if not isinstance(self.alias, AliasTarget):
                raise InvalidArgumentError(f"alias must be an AliasTarget, not {self.alias!r}")
            if self.ttl is not None:
                raise InvalidArgumentError("an alias record takes its TTL from its target: no ttl")
            if self.values:
                raise InvalidArgumentError("an alias record has no values")
        elif not self.values:
            raise InvalidArgumentError(f"record {self.name} {self.type} needs values (or an alias)")
        elif self.ttl is None:
            raise InvalidArgumentError(f"record {self.name} {self.type} needs a ttl")
        self._check_routing()

    def _check_routing(self) -> None:
        if self.weight is not None:
            check_int(self.weight, "weight", minimum=0, maximum=_MAX_WEIGHT)
        if self.region is not None and (
            not isinstance(self.region, str) or not is_region(self.region)
        ):
            raise InvalidArgumentError(
                f"region must be an AWS region like 'eu-west-1', not {self.region!r}"
            )
        if self.failover is not None and self.failover not in _FAILOVERS:
            raise InvalidArgumentError(
                f'failover must be "PRIMARY" or "SECONDARY", not {self.failover!r}'
            )
        if self.geolocation is not None and not isinstance(self.geolocation, GeoLocation):
            raise InvalidArgumentError(
                f"geolocation must be a GeoLocation, not {self.geolocation!r}"
            )
        if self.multivalue is not None:
            check_bool(self.multivalue, "multivalue")
        if self.cidr_routing is not None and not isinstance(self.cidr_routing, CidrRouting):
            raise InvalidArgumentError(
                f"cidr_routing must be a CidrRouting, not {self.cidr_routing!r}"
            )
        if self.geoproximity is not None and not isinstance(self.geoproximity, GeoProximity):
            raise InvalidArgumentError(
                f"geoproximity must be a GeoProximity, not {self.geoproximity!r}"
            )
        _optional_text(self.health_check_id, "health_check_id", _MAX_HEALTH_CHECK_ID)
        _optional_text(
            self.traffic_policy_instance_id,
            "traffic_policy_instance_id",
            _MAX_TRAFFIC_POLICY_INSTANCE_ID,
        )
        given: dict[str, object] = {
            "weight": self.weight,
            "region": self.region,
            "failover": self.failover,
            "geolocation": self.geolocation,
            "multivalue": self.multivalue,
            "cidr_routing": self.cidr_routing,
            "geoproximity": self.geoproximity,
        }
        policies = [what for what, value in given.items() if value is not None]
        if len(policies) > 1:
            raise InvalidArgumentError(
                f"a record has one routing policy, not {' and '.join(policies)}"
            )
        if self.set_identifier is None:
            if policies:
                raise InvalidArgumentError(
                    f"a record with {policies[0]} needs a set_identifier (1 to 128 characters)"
                )
        else:
            check_text(self.set_identifier, "set_identifier", _MAX_SET_IDENTIFIER)
            if not policies:
                raise InvalidArgumentError(
                    "set_identifier is only for records with a routing policy: give weight, "
                    "region, failover, geolocation, multivalue, cidr_routing or geoproximity"
                )

    @classmethod
    @converter
    def _from_boto(cls, item: ResourceRecordSetOutputTypeDef) -> RecordSet:
        alias = item.get("AliasTarget")
        geolocation = item.get("GeoLocation")
        cidr_routing = item.get("CidrRoutingConfig")
        geoproximity = item.get("GeoProximityLocation")
        record = cls(
            name=item["Name"],
            type=item["Type"],
            ttl=item.get("TTL"),
            values=tuple(
                [record["Value"] for record in item.get("ResourceRecords", []) if "Value" in record]
            ),
            alias=None if alias is None else AliasTarget._from_boto(alias),
            set_identifier=item.get("SetIdentifier"),
            weight=item.get("Weight"),
            region=item.get("Region"),
            failover=item.get("Failover"),
            geolocation=None if geolocation is None else GeoLocation._from_boto(geolocation),
            multivalue=item.get("MultiValueAnswer"),
            cidr_routing=None if cidr_routing is None else CidrRouting._from_boto(cidr_routing),
            geoproximity=None if geoproximity is None else GeoProximity._from_boto(geoproximity),
            health_check_id=item.get("HealthCheckId"),
            traffic_policy_instance_id=item.get("TrafficPolicyInstanceId"),
        )
        _set(record, "escaped_name", item["Name"])
        return record

    def _to_boto(self) -> ResourceRecordSetTypeDef:
        record: ResourceRecordSetTypeDef = {"Name": self.escaped_name, "Type": self.type}
        if self.ttl is not None:
            record["TTL"] = self.ttl
        if self.values:
            record["ResourceRecords"] = [{"Value": value} for value in self.values]
        if self.alias is not None:
            record["AliasTarget"] = self.alias._to_boto()
        if self.set_identifier is not None:
            record["SetIdentifier"] = self.set_identifier
        if self.weight is not None:
            record["Weight"] = self.weight
        if self.region is not None and is_region(self.region):
            record["Region"] = self.region
        if self.failover is not None:
            record["Failover"] = self.failover
        if self.geolocation is not None:
            record["GeoLocation"] = self.geolocation._to_boto()
        if self.multivalue is not None:
            record["MultiValueAnswer"] = self.multivalue
        if self.cidr_routing is not None:
            record["CidrRoutingConfig"] = self.cidr_routing._to_boto()
        if self.geoproximity is not None:
            record["GeoProximityLocation"] = self.geoproximity._to_boto()
        if self.health_check_id is not None:
            record["HealthCheckId"] = self.health_check_id
        if self.traffic_policy_instance_id is not None:
            record["TrafficPolicyInstanceId"] = self.traffic_policy_instance_id
        return record


@attrs.frozen(kw_only=True)
class RecordChange:
    """One change of a change batch: ``CREATE``, ``DELETE`` (give the record exactly as it
    is, values and TTL too) or ``UPSERT`` (create or replace) a record set.

    ``str(change)`` is ``"UPSERT www.example.com. A"``. A change is checked at once.
    """

    action: ChangeAction
    """What the change does: ``"CREATE"``, ``"DELETE"`` or ``"UPSERT"``."""
    record: RecordSet
    """The record set it creates, deletes or replaces."""

    def __attrs_post_init__(self) -> None:
        if self.action not in _ACTIONS:
            raise InvalidArgumentError(
                f'action must be "CREATE", "DELETE" or "UPSERT", not {self.action!r}'
            )
        if not isinstance(self.record, RecordSet):
            raise InvalidArgumentError(f"record must be a RecordSet, not {self.record!r}")

    def __str__(self) -> str:
        return f"{self.action} {self.record.label}"

    def _to_boto(self) -> ChangeTypeDef:
        return {"Action": self.action, "ResourceRecordSet": self.record._to_boto()}


@attrs.frozen(kw_only=True)
class HostedZone:
    """A hosted zone: the record sets of a domain, served by Route53 publicly or, for a
    private zone, within its VPCs."""

    id: str
    """The zone's id, without ``/hostedzone/``."""
    name: str = attrs.field(converter=_name)
    """The zone's domain name, in trailing-dot form (decoded like a record's
    [`name`][awsfacade.route53.RecordSet.name])."""
    caller_reference: str
    """The unique string the zone was created with (what makes a create idempotent)."""
    private: bool = False
    """Whether the zone is private (answers within its VPCs only)."""
    record_count: int | None = None
    """How many record sets the zone holds, its SOA and NS too; `None` if AWS did not
    report it."""
    comment: str | None = None
    """The zone's comment; `None` if none."""
    name_servers: tuple[str, ...] | None = None
    """The delegation set's servers, which ``create_hosted_zone`` and ``hosted_zone(id)``
    report for public zones; listings do not (`None`: not fetched)."""

    @classmethod
    @converter
    def _from_boto(
        cls, item: HostedZoneTypeDef, delegation_set: DelegationSetTypeDef | None = None
    ) -> HostedZone:
        config = item.get("Config", {})
        return cls(
            id=bare_zone_id(item["Id"]),
            name=item["Name"],
            caller_reference=item["CallerReference"],
            private=config.get("PrivateZone", False),
            record_count=item.get("ResourceRecordSetCount"),
            comment=config.get("Comment") or None,
            name_servers=None
            if delegation_set is None
            else tuple(required(delegation_set.get("NameServers"), "NameServers")),
        )


class ChangeBatchError(PartialFailureError):
    """``change_records`` sent some change batches, then one failed: nothing is lost in silence.

    `done`/`not_done` name the changes of `applied` and `not_applied` as text
    (``"UPSERT www.example.com. A"``); `error` is the AWS error that stopped the run, its
    message as AWS sent it (``InvalidChangeBatch`` lists every problem of the batch).
    """

    applied: tuple[RecordChange, ...]
    """The changes of the batches Route53 accepted, in the order given."""
    not_applied: tuple[RecordChange, ...]
    """The changes of the failed batch and of every later one, in the order given."""
    change_ids: tuple[str, ...]
    """The change ids of the batches Route53 accepted, for
    [`wait_until_change_in_sync`][awsfacade.route53.Route53Service.wait_until_change_in_sync]."""

    def __init__(
        self,
        operation: str,
        *,
        applied: tuple[RecordChange, ...],
        not_applied: tuple[RecordChange, ...],
        change_ids: tuple[str, ...],
        error: AwsError,
    ) -> None:
        self.applied = tuple(applied)
        self.not_applied = tuple(not_applied)
        self.change_ids = tuple(change_ids)
        super().__init__(
            operation,
            done=tuple(str(change) for change in self.applied),
            not_done=tuple(str(change) for change in self.not_applied),
            error=error,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (self.operation, self.applied, self.not_applied, self.change_ids, self.error),
        )


def _rebuild(
    operation: str,
    applied: tuple[RecordChange, ...],
    not_applied: tuple[RecordChange, ...],
    change_ids: tuple[str, ...],
    error: AwsError,
) -> ChangeBatchError:
    return ChangeBatchError(
        operation,
        applied=applied,
        not_applied=not_applied,
        change_ids=change_ids,
        error=error,
    )


class ChangeStatus(StateEnum):
    """Where a Route53 change is: ``PENDING`` until every Route53 DNS server has it, then
    ``INSYNC``. ``UNKNOWN`` stands for a status AWS adds later."""

    PENDING = "PENDING"
    INSYNC = "INSYNC"
    UNKNOWN = "UNKNOWN"


_CHANGE_STATUS = state_parser(ChangeStatus)


@attrs.frozen(kw_only=True)
class Change:
    """A change Route53 is applying (a change batch, a zone created or deleted), as
    ``GetChange`` reports it."""

    id: str
    """The change id, without ``/change/``."""
    status: ChangeStatus
    """``PENDING`` or ``INSYNC``; `ChangeStatus.UNKNOWN` for a status this version does not
    know (`status_name` has AWS's string)."""
    status_name: str
    """AWS's own string for the status, always."""
    submitted: datetime
    """When the change was submitted (UTC)."""
    comment: str | None = None
    """The change batch's comment; `None` if none."""

    @classmethod
    @converter
    def _from_boto(cls, item: ChangeInfoTypeDef) -> Change:
        return cls(
            id=bare_change_id(item["Id"]),
            status=_CHANGE_STATUS(item["Status"]),
            status_name=item["Status"],
            submitted=utc(item["SubmittedAt"]),
            comment=item.get("Comment") or None,
        )
