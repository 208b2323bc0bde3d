"""Route53's models, names and batching: records checked when users build them and taken as
sent when AWS does, names decoded and compared as DNS does, and the change-batch quotas."""

from __future__ import annotations

import pickle
import string
from typing import TYPE_CHECKING, get_args

import attrs
import pytest

from awsfacade.errors import InvalidArgumentError, InvalidRequestError, UnexpectedResponseError
from awsfacade.route53 import (
    AliasTarget,
    ChangeBatchError,
    CidrRouting,
    GeoLocation,
    GeoProximity,
    HostedZone,
    RecordChange,
    RecordSet,
    same_name,
)
from awsfacade.route53._checks import (
    bare_change_id,
    check_change_id,
    check_name,
    check_zone_id,
    decode_name,
    encode_name,
    normalize_name,
)
from awsfacade.route53._models import RECORD_TYPES, RecordType
from awsfacade.route53._records import MAX_CHARACTERS, MAX_RECORDS, batches, cost

if TYPE_CHECKING:
    from mypy_boto3_route53.type_defs import ResourceRecordSetOutputTypeDef


def _a(name: str = "www.example.com", *values: str, ttl: int = 300) -> RecordSet:
    return RecordSet(name=name, type="A", ttl=ttl, values=values or ("192.0.2.1",))


# -- names -------------------------------------------------------------------------------------


def test_names_are_decoded_and_end_with_a_dot() -> None:
    """Octal escapes become their characters, but for a dot or backslash inside a label and
    blank or unprintable bytes, which stay (or become) escapes; a dot ends the name."""
    assert decode_name("\\052.example.com.") == "*.example.com."
    assert decode_name("f\\374bar.example.") == "fübar.example."
    assert decode_name("a\\056b\\134c.example.") == "a\\056b\\134c.example."
    assert decode_name("a\\040b\\011c\\000d\\177e\\240f.") == "a\\040b\\011c\\000d\\177e\\240f."
    assert decode_name("a b\tc.example.") == "a\\040b\\011c.example."
    assert decode_name("a\\b.example.") == "a\\134b.example."
    assert normalize_name("example.com") == "example.com."
    assert normalize_name("example.com.") == "example.com."
    assert normalize_name("\\052.Example.com") == "*.Example.com."


def _listed(byte: int) -> str:
    """A name holding ``byte`` as Route53's DNS domain name format page says Route53 lists
    it: a-z, 0-9, - and _ as they are, every other byte as a three-digit octal escape."""
    char = chr(byte)
    plain = char in string.ascii_lowercase or char in string.digits or char in "-_"
    return "a" + (char if plain else f"\\{byte:03o}") + "b.example.com."


def test_every_byte_route53_lists_decodes_and_encodes_back_exactly() -> None:
    """For each byte (but upper case letters, which Route53 lists in lower case), a name as
    Route53 lists it decodes to one encode_name writes back unchanged: a listed name and
    the name sent for it are the same bytes."""
    listed = [_listed(byte) for byte in range(0x100) if chr(byte) not in string.ascii_uppercase]

    assert [encode_name(decode_name(name)) for name in listed] == listed
    assert len({decode_name(name) for name in listed}) == len(listed)


def test_same_name_ignores_case_the_dot_and_escapes() -> None:
    """same_name compares names as DNS does: the case of ASCII letters only."""
    assert same_name("WWW.Example.com", "www.example.com.")
    assert same_name("\\052.example.com.", "*.example.com")
    assert not same_name("www.example.com", "www.example.org")
    assert not same_name("a.example.com", "b.a.example.com")
    assert not same_name("\\304.example.com", "\\344.example.com")  # Ä (0xC4), ä (0xE4)


def test_encode_name_writes_a_name_as_route53_lists_it() -> None:
    """Lower case; bytes other than a-z, 0-9, - and _ as octal escapes, * and non-ASCII bytes
    too; escapes decoding keeps stay as they are; a character of no single byte is refused."""
    assert encode_name("*.Example.COM.") == "\\052.example.com."
    assert encode_name("a@b_c-d.example.com.") == "a\\100b_c-d.example.com."
    assert encode_name("bjørn.example.") == "bj\\370rn.example."
    assert encode_name("a\\056b\\134c\\040d.example.") == "a\\056b\\134c\\040d.example."
    with pytest.raises(InvalidArgumentError, match="Punycode"):
        encode_name("中国.asia.")


@pytest.mark.parametrize("name", ["", " ", "a b.com", "a..b", ".a.com", "..", "a.com.."])
def test_check_name_refuses_what_is_no_dns_name(name: str) -> None:
    """Empty, spaced or empty-label names are refused (the length and the type are checked
    by the boundary, from the model and the signature)."""
    with pytest.raises(InvalidArgumentError, match="name"):
        check_name(name)


def test_check_name_accepts_the_root_and_normalises() -> None:
    """The root "." and names with or without the dot are accepted, in trailing-dot form."""
    assert check_name(".") == "."
    assert check_name("example.com") == "example.com."


def test_ids_are_accepted_with_or_without_prefix_and_returned_bare() -> None:
    """Zone and change ids lose their /hostedzone/ and /change/ prefixes."""
    assert check_zone_id("/hostedzone/Z1") == "Z1"
    assert check_zone_id("Z1") == "Z1"
    assert check_change_id("/change/C1") == "C1"
    assert bare_change_id("/change/C1") == "C1"
    with pytest.raises(InvalidArgumentError, match="zone_id"):
        check_zone_id("/hostedzone/Z 1")


# -- record sets built by users ----------------------------------------------------------------

BAD_RECORDS: list[tuple[str, dict[str, object], str]] = [
    ("type", {"type": "AXFR"}, "type"),
    ("ttl-negative", {"ttl": -1}, "ttl"),
    ("ttl-huge", {"ttl": 2_147_483_648}, "ttl"),
    ("ttl-bool", {"ttl": True}, "ttl"),
    ("ttl-missing", {"ttl": None}, "ttl"),
    ("no-values", {"values": ()}, "values"),
    ("values-text", {"values": "192.0.2.1"}, "values"),
    ("values-number", {"values": 5}, "values"),
    ("value-empty", {"values": ("",)}, "values"),
    ("value-long", {"values": ("x" * 4001,)}, "values"),
    ("name-empty", {"name": ""}, "name"),
    ("name-type", {"name": 7}, "name"),
    ("name-not-bytes", {"name": "中国.asia"}, "Punycode"),
    ("alias-ttl", {"values": (), "alias": AliasTarget(dns_name="a.", hosted_zone_id="Z")}, "ttl"),
    (
        "alias-values",
        {"ttl": None, "alias": AliasTarget(dns_name="a.", hosted_zone_id="Z")},
        "values",
    ),
    ("alias-type", {"ttl": None, "values": (), "alias": "a.example.com"}, "alias"),
    ("weight-no-id", {"weight": 1}, "set_identifier"),
    ("weight-high", {"weight": 256, "set_identifier": "a"}, "weight"),
    ("weight-bool", {"weight": False, "set_identifier": "a"}, "weight"),
    ("region", {"region": "Europe", "set_identifier": "a"}, "region"),
    ("failover", {"failover": "primary", "set_identifier": "a"}, "failover"),
    ("geolocation", {"geolocation": "EU", "set_identifier": "a"}, "geolocation"),
    ("multivalue", {"multivalue": "yes", "set_identifier": "a"}, "multivalue"),
    ("two-policies", {"weight": 1, "region": "eu-west-1", "set_identifier": "a"}, "one routing"),
    ("id-alone", {"set_identifier": "a"}, "set_identifier"),
    ("id-long", {"weight": 1, "set_identifier": "a" * 129}, "set_identifier"),
    ("id-empty", {"weight": 1, "set_identifier": ""}, "set_identifier"),
    ("health-check", {"health_check_id": ""}, "health_check_id"),
    ("cidr-type", {"cidr_routing": "c1/eu", "set_identifier": "a"}, "cidr_routing"),
    ("geoproximity-type", {"geoproximity": "eu-west-1", "set_identifier": "a"}, "geoproximity"),
    (
        "cidr-and-geoproximity",
        {
            "cidr_routing": CidrRouting(collection_id="c", location_name="*"),
            "geoproximity": GeoProximity(aws_region="eu-west-1"),
            "set_identifier": "a",
        },
        "cidr_routing and geoproximity",
    ),
    (
        "cidr-no-id",
        {"cidr_routing": CidrRouting(collection_id="c", location_name="eu")},
        "set_identifier",
    ),
]


@pytest.mark.parametrize(
    ("changes", "argument"),
    [pytest.param(changes, argument, id=name) for name, changes, argument in BAD_RECORDS],
)
def test_a_record_you_build_is_checked_at_once(changes: dict[str, object], argument: str) -> None:
    """A record set breaking Route53's rules raises InvalidArgumentError naming the field."""
    fields: dict[str, object] = {
        "name": "www.example.com",
        "type": "A",
        "ttl": 300,
        "values": ("192.0.2.1",),
    }
    fields.update(changes)
    with pytest.raises(InvalidArgumentError, match=argument):
        RecordSet(**fields)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong types on purpose


def test_every_routing_kind_and_alias_can_be_built() -> None:
    """Records of each routing policy, aliases and TTL 0 and 2147483647 pass the checks."""
    target = AliasTarget(
        dns_name="lb.example.net.", hosted_zone_id="Z2", evaluate_target_health=True
    )
    built = [
        _a(ttl=0),
        _a(ttl=2_147_483_647),
        RecordSet(name="a.example.com", type="A", alias=target),
        RecordSet(name="w", type="A", ttl=1, values=("1",), set_identifier="x", weight=0),
        RecordSet(name="w", type="A", ttl=1, values=("1",), set_identifier="x" * 128, weight=255),
        RecordSet(name="l", type="A", ttl=1, values=("1",), set_identifier="x",
                  region="ap-southeast-2"),
        RecordSet(name="f", type="A", ttl=1, values=("1",), set_identifier="x",
                  failover="SECONDARY"),
        RecordSet(name="g", type="A", ttl=1, values=("1",), set_identifier="x",
                  geolocation=GeoLocation(country_code="US", subdivision_code="WA")),
        RecordSet(name="m", type="A", ttl=1, values=("1",), set_identifier="x", multivalue=False),
        RecordSet(name="h", type="A", ttl=1, values=("1",), health_check_id="abc"),
        RecordSet(name="c", type="A", ttl=1, values=("1",), set_identifier="x",
                  cidr_routing=CidrRouting(collection_id="c", location_name="*")),
        RecordSet(name="p", type="A", ttl=1, values=("1",), set_identifier="x",
                  geoproximity=GeoProximity(latitude="47.61", longitude="-122.33", bias=-99)),
    ]  # fmt: skip
    assert [record.name[0] for record in built] == list("wwawwlfgmhcp")
    assert built[2].ttl is None


@pytest.mark.parametrize(
    ("fields", "argument"),
    [
        ({}, "continent_code or country_code"),
        ({"continent_code": "EU", "country_code": "DE"}, "not both"),
        ({"subdivision_code": "WA"}, "subdivision_code"),
        ({"continent_code": "EUR"}, "continent_code"),
        ({"country_code": 1}, "country_code"),
        ({"country_code": "US", "subdivision_code": "WASH"}, "subdivision_code"),
    ],
)
def test_geolocation_is_checked(fields: dict[str, object], argument: str) -> None:
    """A GeoLocation names a continent, or a country and perhaps a subdivision."""
    with pytest.raises(InvalidArgumentError, match=argument):
        GeoLocation(**fields)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong types on purpose


@pytest.mark.parametrize(
    ("fields", "argument"),
    [
        ({"dns_name": "", "hosted_zone_id": "Z"}, "dns_name"),
        ({"dns_name": "a.", "hosted_zone_id": ""}, "hosted_zone_id"),
        ({"dns_name": "a.", "hosted_zone_id": "Z", "evaluate_target_health": "no"}, "evaluate"),
    ],
)
def test_alias_target_is_checked(fields: dict[str, object], argument: str) -> None:
    """An AliasTarget needs a DNS name, a zone id and a real bool."""
    with pytest.raises(InvalidArgumentError, match=argument):
        AliasTarget(**fields)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong types on purpose


@pytest.mark.parametrize(
    ("fields", "argument"),
    [
        ({}, "exactly one"),
        ({"aws_region": "eu-west-1", "local_zone_group": "us-west-2-den-1"}, "exactly one"),
        ({"latitude": "47.61"}, "both latitude and longitude"),
        ({"aws_region": ""}, "aws_region"),
        ({"local_zone_group": 5}, "local_zone_group"),
        ({"latitude": "47.6100", "longitude": "1"}, "latitude"),
        ({"latitude": "1", "longitude": ""}, "longitude"),
        ({"aws_region": "eu-west-1", "bias": 100}, "bias"),
        ({"aws_region": "eu-west-1", "bias": True}, "bias"),
    ],
)
def test_geoproximity_is_checked(fields: dict[str, object], argument: str) -> None:
    """A GeoProximity names one place (region, Local Zone group or coordinates), bias ±99."""
    with pytest.raises(InvalidArgumentError, match=argument):
        GeoProximity(**fields)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong types on purpose


@pytest.mark.parametrize(
    ("fields", "argument"),
    [
        ({"collection_id": "", "location_name": "eu"}, "collection_id"),
        ({"collection_id": "c", "location_name": "l" * 17}, "location_name"),
    ],
)
def test_cidr_routing_is_checked(fields: dict[str, object], argument: str) -> None:
    """A CidrRouting names its collection and a location of at most 16 characters."""
    with pytest.raises(InvalidArgumentError, match=argument):
        CidrRouting(**fields)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong types on purpose


def test_cidr_and_geoproximity_records_round_trip() -> None:
    """IP-based and geoproximity routing read from AWS and write back the same fields."""
    cidr: ResourceRecordSetOutputTypeDef = {
        "Name": "c.example.com.",
        "Type": "A",
        "SetIdentifier": "office",
        "TTL": 60,
        "ResourceRecords": [{"Value": "192.0.2.1"}],
        "CidrRoutingConfig": {"CollectionId": "c-1", "LocationName": "office"},
    }
    proximity: ResourceRecordSetOutputTypeDef = {
        "Name": "p.example.com.",
        "Type": "A",
        "SetIdentifier": "near",
        "TTL": 60,
        "ResourceRecords": [{"Value": "192.0.2.2"}],
        "GeoProximityLocation": {
            "Coordinates": {"Latitude": "47.61", "Longitude": "-122.33"},
            "Bias": 10,
        },
    }
    regional: ResourceRecordSetOutputTypeDef = {
        "Name": "r.example.com.",
        "Type": "A",
        "SetIdentifier": "zone",
        "GeoProximityLocation": {"AWSRegion": "eu-west-1"},
    }

    read = RecordSet._from_boto(cidr)
    near = RecordSet._from_boto(proximity)
    zone = RecordSet._from_boto(regional)

    assert read.cidr_routing == CidrRouting(collection_id="c-1", location_name="office")
    assert near.geoproximity == GeoProximity(latitude="47.61", longitude="-122.33", bias=10)
    assert zone.geoproximity == GeoProximity(aws_region="eu-west-1")
    assert GeoProximity(local_zone_group="g")._to_boto() == {"LocalZoneGroup": "g"}
    assert read._to_boto() == cidr
    assert near._to_boto() == proximity
    assert zone._to_boto() == regional


def test_record_change_is_checked_and_reads_as_text() -> None:
    """A change has one of three actions and a RecordSet; str() names it."""
    weighted = RecordSet(
        name="w.example.com", type="A", ttl=1, values=("1",), set_identifier="b", weight=1
    )
    assert str(RecordChange(action="UPSERT", record=_a())) == "UPSERT www.example.com. A"
    assert str(RecordChange(action="DELETE", record=weighted)) == "DELETE w.example.com. A [b]"
    with pytest.raises(InvalidArgumentError, match="action"):
        RecordChange(action="REPLACE", record=_a())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong action on purpose
    with pytest.raises(InvalidArgumentError, match="record"):
        RecordChange(action="CREATE", record="www")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose


def test_models_are_frozen_and_hashable() -> None:
    """Records and changes are immutable values usable in sets."""
    record = _a()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.ttl = 5  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - assigning a frozen field on purpose
    assert len({record, _a(), RecordChange(action="CREATE", record=record)}) == 2


# -- record sets read from AWS -----------------------------------------------------------------


def test_a_record_from_aws_keeps_every_routing_field() -> None:
    """Every field AWS sends is read: alias target, geolocation, routing, health check."""
    item: ResourceRecordSetOutputTypeDef = {
        "Name": "\\052.example.com.",
        "Type": "A",
        "SetIdentifier": "eu",
        "GeoLocation": {"ContinentCode": "EU"},
        "HealthCheckId": "hc",
        "TrafficPolicyInstanceId": "tp",
        "AliasTarget": {
            "HostedZoneId": "/hostedzone/Z2",
            "DNSName": "lb.example.net.",
            "EvaluateTargetHealth": True,
        },
    }
    record = RecordSet._from_boto(item)

    assert record.name == "*.example.com."
    assert record.alias == AliasTarget(
        dns_name="lb.example.net.", hosted_zone_id="Z2", evaluate_target_health=True
    )
    assert record.geolocation == GeoLocation(continent_code="EU")
    assert (record.ttl, record.values, record.health_check_id) == (None, (), "hc")
    assert record.traffic_policy_instance_id == "tp"


def _alias_item(name: str) -> ResourceRecordSetOutputTypeDef:
    """A listed alias record named ``name``, its target's name holding a backslash."""
    return {
        "Name": name,
        "Type": "A",
        "AliasTarget": {
            "HostedZoneId": "Z2",
            "DNSName": "x\\134y.example.net.",
            "EvaluateTargetHealth": False,
        },
    }


def test_a_record_sends_the_name_route53_listed() -> None:
    """A record read from AWS keeps its name and its alias target's exactly as listed and
    sends them back unchanged; a record built by hand gets the name as Route53 would list
    it; the escaped name takes no part in equality, and a renamed copy gets its own."""
    item = _alias_item("\\052.a\\056b.example.com.")
    listed = RecordSet._from_boto(item)
    built = RecordSet(
        name="*.A\\056b.example.com",
        type="A",
        alias=AliasTarget(dns_name="x\\134y.example.net.", hosted_zone_id="Z2"),
    )

    assert (listed.name, listed.escaped_name) == ("*.a\\056b.example.com.", item["Name"])
    assert listed._to_boto() == item
    assert built.escaped_name == item["Name"]
    assert built._to_boto()["Name"] == item["Name"]
    assert built.alias is not None
    assert built.alias.escaped_dns_name == "x\\134y.example.net."
    # moto lists a name as it was sent, unescaped: the same record.
    assert listed == RecordSet._from_boto(_alias_item("*.a\\056b.example.com."))
    assert attrs.evolve(listed, name="www.example.com").escaped_name == "www.example.com."


def test_a_record_from_aws_is_taken_as_sent() -> None:
    """What AWS sends is never refused: a type newer than RecordType, a TTL beyond the user
    limit, routing fields without a set identifier."""
    item: ResourceRecordSetOutputTypeDef = {
        "Name": "x.example.com.",
        "Type": "RESINFO",  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType] - a type newer than the stubs' on purpose
        "TTL": 2_147_483_648,
        "Weight": 300,
        "Region": "xx-new-9",  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType] - a region newer than the stubs' on purpose
        "ResourceRecords": [{"Value": "a"}, {"Value": "b"}],
    }
    record = RecordSet._from_boto(item)

    assert (record.type, record.ttl, record.weight, record.region) == (
        "RESINFO",
        2_147_483_648,
        300,
        "xx-new-9",
    )
    assert record.values == ("a", "b")
    assert record.label == "x.example.com. RESINFO"


def test_a_record_written_back_sends_every_field() -> None:
    """_to_boto writes each field a record has and leaves out those it has not."""
    weighted = RecordSet(
        name="w.example.com", type="A", ttl=60, values=("1", "2"), set_identifier="a",
        weight=5, health_check_id="hc",
    )  # fmt: skip
    geo = RecordSet(
        name="g.example.com", type="A", ttl=60, values=("1",), set_identifier="g",
        geolocation=GeoLocation(continent_code="EU"),
    )  # fmt: skip
    country = GeoLocation(country_code="US", subdivision_code="WA")

    assert weighted._to_boto() == {
        "Name": "w.example.com.",
        "Type": "A",
        "TTL": 60,
        "ResourceRecords": [{"Value": "1"}, {"Value": "2"}],
        "SetIdentifier": "a",
        "Weight": 5,
        "HealthCheckId": "hc",
    }
    assert geo._to_boto().get("GeoLocation") == {"ContinentCode": "EU"}
    assert country._to_boto() == {"CountryCode": "US", "SubdivisionCode": "WA"}
    failover = RecordSet(
        name="f", type="A", ttl=1, values=("1",), set_identifier="p", failover="PRIMARY"
    )
    latency = RecordSet(
        name="l", type="A", ttl=1, values=("1",), set_identifier="l", region="eu-west-1"
    )
    multi = RecordSet(name="m", type="A", ttl=1, values=("1",), set_identifier="m", multivalue=True)
    assert failover._to_boto().get("Failover") == "PRIMARY"
    assert latency._to_boto().get("Region") == "eu-west-1"
    assert multi._to_boto().get("MultiValueAnswer") is True


def test_hosted_zone_from_aws() -> None:
    """A zone reads its bare id, privacy, comment and name servers; what AWS always sends
    missing is an UnexpectedResponseError."""
    zone = HostedZone._from_boto(
        {
            "Id": "/hostedzone/Z1",
            "Name": "example.com.",
            "CallerReference": "r",
            "Config": {"PrivateZone": True, "Comment": ""},
        },
        {"NameServers": ["ns1"]},
    )
    bare = HostedZone._from_boto({"Id": "Z2", "Name": "b.example", "CallerReference": "r"})

    assert (zone.id, zone.private, zone.comment, zone.name_servers) == ("Z1", True, None, ("ns1",))
    assert (bare.name, bare.private, bare.record_count, bare.name_servers) == (
        "b.example.",
        False,
        None,
        None,
    )
    with pytest.raises(UnexpectedResponseError, match="Id"):
        HostedZone._from_boto({"Name": "x.", "CallerReference": "r"})  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType] - a field AWS always sends left out on purpose


# -- batching ----------------------------------------------------------------------------------


def _change(action: str, values: int = 1, length: int = 1) -> RecordChange:
    record = RecordSet(
        name="t.example.com", type="TXT", ttl=60, values=tuple("x" * length for _ in range(values))
    )
    return RecordChange(
        action="UPSERT" if action == "UPSERT" else "DELETE" if action == "DELETE" else "CREATE",
        record=record,
    )


def test_cost_counts_upserts_twice_and_aliases_once() -> None:
    """A change costs its values and characters, an UPSERT double; an alias counts one."""
    alias = RecordSet(name="a", type="A", alias=AliasTarget(dns_name="b.", hosted_zone_id="Z"))
    assert cost(_change("CREATE", 3, 10)) == (3, 30)
    assert cost(_change("UPSERT", 3, 10)) == (6, 60)
    assert cost(_change("DELETE", 1, 10)) == (1, 10)
    assert cost(RecordChange(action="CREATE", record=alias)) == (1, 0)


def test_batches_fill_up_to_the_record_quota_in_order() -> None:
    """1,000 one-value changes fit one batch; the 1,001st starts the next; order is kept."""
    wanted = [_change("CREATE") for _ in range(MAX_RECORDS + 1)]
    split = batches(wanted)

    assert [len(batch) for batch in split] == [MAX_RECORDS, 1]
    assert [change for batch in split for change in batch] == wanted
    assert [len(batch) for batch in batches([_change("UPSERT")] * 501)] == [500, 1]
    assert batches([]) == []


def test_batches_fill_up_to_the_character_quota() -> None:
    """Values of 32,000 characters fit one batch; one more character starts the next."""
    full = [_change("CREATE", 4, 4000), _change("CREATE", 4, 4000)]
    assert [len(batch) for batch in batches(full)] == [2]
    assert [len(batch) for batch in batches([*full, _change("CREATE", 1, 1)])] == [2, 1]
    assert [len(batch) for batch in batches([_change("UPSERT", 4, 4000)] * 2)] == [1, 1]


def test_a_change_larger_than_a_request_is_refused() -> None:
    """A change over either quota on its own can never be sent: InvalidArgumentError."""
    assert len(batches([_change("CREATE", MAX_RECORDS, 1)])) == 1
    assert len(batches([_change("UPSERT", 8, MAX_CHARACTERS // 16)])) == 1
    with pytest.raises(InvalidArgumentError, match="1002 of 1000 values"):
        batches([_change("UPSERT", 501, 1)])
    with pytest.raises(InvalidArgumentError, match="characters"):
        batches([_change("CREATE", 9, 4000)])


def test_change_batch_error_names_its_changes_and_survives_pickling() -> None:
    """ChangeBatchError's done/not_done are the changes as text; pickling keeps them typed."""
    error = InvalidRequestError(
        code="InvalidChangeBatch", message="[boom]", operation="ChangeResourceRecordSets"
    )
    failure = ChangeBatchError(
        "ChangeResourceRecordSets",
        applied=(RecordChange(action="CREATE", record=_a()),),
        not_applied=(RecordChange(action="DELETE", record=_a("b.example.com")),),
        change_ids=("C1",),
        error=error,
    )

    assert failure.done == ("CREATE www.example.com. A",)
    assert failure.not_done == ("DELETE b.example.com. A",)
    assert "1 done (CREATE www.example.com. A), 1 not done" in str(failure)
    copy = pickle.loads(pickle.dumps(failure))
    assert isinstance(copy, ChangeBatchError)
    assert (copy.applied, copy.not_applied, copy.change_ids, copy.done) == (
        failure.applied,
        failure.not_applied,
        ("C1",),
        failure.done,
    )
    assert str(copy.error) == str(error)


def test_the_record_type_tuple_is_the_literal() -> None:
    """RECORD_TYPES (what a RecordSet you build may have) lists exactly RecordType's values:
    the two are written out twice because get_args() is Any to mypy."""
    assert get_args(RecordType) == RECORD_TYPES
