"""Route53Service's bad calls and the record models users build (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import Bad, Lazily, Method

from awsfacade.route53 import AliasTarget, RecordChange, RecordSet

ZONE: Final = "Z1D633PJN98FT9"
WWW: Final = RecordSet(name="www.example.com", type="A", ttl=60, values=["192.0.2.1"])
BIG_TXT: Final = RecordSet(name="t.example.com", type="TXT", ttl=60, values=["x" * 4000] * 9)
_ZONE: Final = [
    Bad("zone_id", ""),
    Bad("zone_id", "/hostedzone/"),
    Bad("zone_id", "/change/C1"),
    Bad("zone_id", "Z" * 33),
]


_RECORD: Final = Method(
    {"zone_id": ZONE, "record": WWW},
    [*_ZONE, Bad("record", BIG_TXT, names="larger than one Route53 request")],
)

ROUTE53: Final[dict[str, Method]] = {
    "create_hosted_zone": Method(
        {"name": "example.com"},
        [
            Bad("name", ""),
            Bad("name", "my zone.com"),
            Bad("name", "example..com"),
            Bad("name", ".example.com"),
            Bad("private", True, names="vpc_id"),
            Bad("vpc_region", None, names="vpc_region", also={"private": True, "vpc_id": "vpc-1"}),
            Bad("vpc_region", "moon", also={"private": True, "vpc_id": "vpc-1"}),
            Bad("vpc_id", "", also={"private": True, "vpc_region": "us-east-1"}),
            Bad("vpc_id", "vpc-1"),
        ],
    ),
    "hosted_zones": Method({"name": "example.com"}, [Bad("name", "")]),
    "find_hosted_zone": Method({"name": "example.com"}, [Bad("name", "a b"), Bad("name", "")]),
    "hosted_zone": Method({"zone_id": ZONE}, _ZONE),
    "delete_hosted_zone": Method({"zone_id": ZONE}, _ZONE),
    "records": Method(
        {"zone_id": ZONE, "name": "www.example.com", "type": "A"},
        [*_ZONE, Bad("name", ""), Bad("name", None, names="type")],
    ),
    "create_record": _RECORD,
    "upsert_record": _RECORD,
    "delete_record": _RECORD,
    "change_records": Method(
        {"zone_id": ZONE, "changes": [RecordChange(action="UPSERT", record=WWW)]},
        [
            *_ZONE,
            Bad("changes", Lazily(RecordChange(action="UPSERT", record=WWW), WWW)),
            Bad("changes", [RecordChange(action="UPSERT", record=BIG_TXT)], names="UPSERT"),
        ],
    ),
    "wait_until_change_in_sync": Method(
        {"change_id": "C1"}, [Bad("change_id", ""), Bad("timeout", 0)]
    ),
}

ROUTE53_MODELS: Final[dict[str, Method]] = {
    "RecordSet": Method(
        {"name": "www.example.com", "type": "A", "ttl": 60, "values": ["192.0.2.1"]},
        [
            Bad("name", ""),
            Bad("name", "a" * 1025),
            Bad("name", "www..example.com"),
            Bad("name", ".example.com"),
            Bad("ttl", -1),
            Bad("ttl", 2**31),
            Bad("ttl", None),
            Bad("values", []),
            Bad("values", ["x" * 4001]),
            Bad("weight", 256, also={"set_identifier": "a"}),
            Bad("weight", 10, names="set_identifier"),
            Bad("set_identifier", "", also={"weight": 10}),
            Bad("set_identifier", "s" * 129, also={"weight": 10}),
            Bad(
                "alias",
                AliasTarget(dns_name="lb.example.com", hosted_zone_id="Z2"),
                names="ttl",
            ),
            Bad("region", "", also={"set_identifier": "a"}),
            Bad("multivalue", "yes", also={"set_identifier": "a"}),
            Bad("health_check_id", ""),
            Bad("health_check_id", "h" * 65),
            Bad("traffic_policy_instance_id", ""),
        ],
    ),
    "RecordChange": Method(
        {"action": "UPSERT", "record": WWW},
        [Bad("action", "upsert"), Bad("record", None)],
    ),
    "AliasTarget": Method(
        {"dns_name": "lb.example.com", "hosted_zone_id": "Z2"},
        [Bad("dns_name", ""), Bad("hosted_zone_id", "")],
    ),
    "GeoLocation": Method(
        {"country_code": "FR"},
        [
            Bad("country_code", None, names="continent_code"),
            Bad("continent_code", "EU", names="not both"),
            Bad("subdivision_code", "CA", also={"country_code": None, "continent_code": "EU"}),
            Bad("country_code", ""),
        ],
    ),
    "GeoProximity": Method(
        {"aws_region": "us-east-1", "bias": 10},
        [Bad("bias", 100), Bad("bias", -100), Bad("latitude", "45.0", names="longitude")],
    ),
    "CidrRouting": Method(
        {"collection_id": "c-1", "location_name": "paris"},
        [Bad("collection_id", ""), Bad("location_name", ""), Bad("location_name", "l" * 17)],
    ),
}
