"""Route53 models: hosted zones, record sets and the changes that write them.

``RecordSet``, ``AliasTarget``, ``GeoLocation`` and ``RecordChange`` are built by users (and
checked at once, like EC2's ``Rule``) and read from AWS by ``_from_boto`` (taken as AWS sent
them: a record type or region newer than this version's lists is kept as AWS's string).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal, TypeGuard

import attrs

from awsfacade._convert import converter, required, user_input
from awsfacade._validate import check_bool, check_int, check_text
from awsfacade.errors import InvalidArgumentError
from awsfacade.route53._names import (
    MAX_NAME,
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
        ChangeTypeDef,
        CidrRoutingConfigTypeDef,
        DelegationSetTypeDef,
        GeoLocationTypeDef,
        GeoProximityLocationTypeDef,
        HostedZoneTypeDef,
        ResourceRecordSetOutputTypeDef,
        ResourceRecordSetTypeDef,
    )

__all__ = [
    "RECORD_TYPES",
    "AliasTarget",
    "ChangeAction",
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

#: A record type Route53 serves (its ``RRType``).
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
#: What a change does to a record set.
ChangeAction = Literal["CREATE", "DELETE", "UPSERT"]
_ACTIONS: Final[tuple[ChangeAction, ...]] = ("CREATE", "DELETE", "UPSERT")
#: The role of a failover record.
Failover = Literal["PRIMARY", "SECONDARY"]
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

    ``dns_name`` is decoded like a record's name; ``escaped_dns_name`` is the name as Route53
    lists it (AWS's string for a target read from AWS), the one a change sends.
    """

    dns_name: str
    #: Set by ``__attrs_post_init__`` (a target you build) or ``_from_boto`` (AWS's string).
    escaped_dns_name: str = attrs.field(init=False, eq=False)
    hosted_zone_id: str
    evaluate_target_health: bool = False

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
    ``"*"`` for the default record) and for the US a subdivision (``"WA"``)."""

    continent_code: str | None = None
    country_code: str | None = None
    subdivision_code: str | None = None

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
    location_name: str

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
    coordinates (``latitude``/``longitude`` as Route53 writes them, ``"47.61"``); ``bias``
    from -99 to 99 grows or shrinks the area it answers for."""

    aws_region: str | None = None
    local_zone_group: str | None = None
    latitude: str | None = None
    longitude: str | None = None
    bias: int | None = None

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
    """A resource record set: a name, a type and either ``values`` with a ``ttl`` or an
    ``alias``, plus the routing fields of weighted, latency (``region``), failover,
    geolocation, multivalue, IP-based (``cidr_routing``) and ``geoproximity`` records, which
    also need a ``set_identifier``.

    ``name`` is always in trailing-dot form with Route53's octal escapes decoded
    (``\\052.example.com.`` reads ``*.example.com.``), but for a dot inside a label
    (``\\056``), a backslash (``\\134``) and blank or unprintable bytes (``\\040``), which
    stay escaped; compare names with :func:`~awsfacade.route53.same_name`, since DNS ignores
    case. ``escaped_name`` is the name exactly as Route53 lists it: what ``records()`` read,
    or for a record you build ``name`` written the way Route53 lists it (lower case,
    ``\\052.example.com.``). It is the name every change sends, so a listed record is deleted
    or replaced under the very name Route53 gave; it takes no part in ``==``.

    A record you build is checked at once (type, TTL 0 to 2147483647, values unless alias, no
    TTL on an alias, weight 0 to 255, one routing policy with its set identifier, a name of
    single bytes); a record AWS returns is taken as sent, so a type newer than
    :data:`RecordType` is kept as AWS's string.
    """

    name: str = attrs.field(converter=_name)
    #: Set by ``__attrs_post_init__`` (a record you build) or ``_from_boto`` (AWS's string).
    escaped_name: str = attrs.field(init=False, eq=False)
    type: RecordType
    ttl: int | None = None
    values: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    alias: AliasTarget | None = None
    set_identifier: str | None = None
    weight: int | None = None
    region: str | None = None
    failover: Failover | None = None
    geolocation: GeoLocation | None = None
    multivalue: bool | None = None
    cidr_routing: CidrRouting | None = None
    geoproximity: GeoProximity | None = None
    health_check_id: str | None = None
    traffic_policy_instance_id: str | None = None

    def __attrs_post_init__(self) -> None:
        if user_input():
            self._check()
            _set(self, "escaped_name", encode_name(self.name))

    @property
    def label(self) -> str:
        """``"www.example.com. A"`` (with ``[set_identifier]`` when there is one): how errors
        name this record."""
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

    ``str(change)`` is ``"UPSERT www.example.com. A"``.
    """

    action: ChangeAction
    record: RecordSet

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
    """A hosted zone: ``id`` without ``/hostedzone/``, ``name`` in trailing-dot form.

    ``name_servers`` are the delegation set's servers, which ``create_hosted_zone`` and
    ``hosted_zone(id)`` report for public zones; listings do not (``None``: not fetched).
    ``record_count`` counts the zone's record sets, its SOA and NS too.
    """

    id: str
    name: str = attrs.field(converter=_name)
    caller_reference: str
    private: bool = False
    record_count: int | None = None
    comment: str | None = None
    name_servers: tuple[str, ...] | None = None

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
