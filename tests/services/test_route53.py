"""Route53Service on moto in-process: hosted zones, record sets of every routing kind, lazy
listings, batched changes, forced deletes, and the global endpoint."""

from __future__ import annotations

import uuid

import boto3
import pytest
from route53_support import a_record, changes
from support import Requests, requests_of

from awsfacade.errors import (
    AmbiguousError,
    InUseError,
    InvalidRequestError,
    NotFoundError,
)
from awsfacade.route53 import (
    AliasTarget,
    GeoLocation,
    HostedZone,
    RecordChange,
    RecordSet,
    Route53Service,
    same_name,
)

requests_sent = requests_of("route53_service")


@pytest.fixture
def zone(route53_service: Route53Service) -> HostedZone:
    """A public hosted zone example.com."""
    return route53_service.create_hosted_zone("example.com")


# -- hosted zones ----------------------------------------------------------------------------


def test_create_hosted_zone_returns_the_zone_as_created(route53_service: Route53Service) -> None:
    """A new zone has a bare id, a trailing-dot name, its name servers and a UUID reference."""
    zone = route53_service.create_hosted_zone("example.com", comment="the shop")

    assert not zone.id.startswith("/")
    assert zone.name == "example.com."
    assert zone.comment == "the shop"
    assert zone.private is False
    assert zone.name_servers is not None
    assert len(zone.name_servers) == 4
    assert str(uuid.UUID(zone.caller_reference)) == zone.caller_reference
    assert zone.record_count == 2  # its SOA and NS


def test_create_hosted_zone_keeps_a_given_caller_reference(
    route53_service: Route53Service,
) -> None:
    """caller_reference is sent as given."""
    zone = route53_service.create_hosted_zone("example.org.", caller_reference="deploy-42")

    assert zone.caller_reference == "deploy-42"
    assert zone.name == "example.org."


def test_private_zone_is_created_for_its_vpc(
    route53_service: Route53Service, requests_sent: Requests
) -> None:
    """A private zone is created with its VPC and reads back as private."""
    zone = route53_service.create_hosted_zone(
        "internal.example", private=True, vpc_id="vpc-1", vpc_region="us-east-1"
    )
    other = route53_service.create_hosted_zone(
        "other.example", private=True, vpc_id="vpc-2", vpc_region="eu-west-1"
    )

    assert zone.private is True
    assert other.private is True
    assert route53_service.hosted_zone(zone.id).private is True
    assert requests_sent.count("CreateHostedZone") == 2


def test_hosted_zones_lists_every_zone(route53_service: Route53Service) -> None:
    """hosted_zones() lists every zone, across pages of 100."""
    created = {route53_service.create_hosted_zone(f"z{index}.example").id for index in range(105)}

    assert {zone.id for zone in route53_service.hosted_zones()} == created


def test_hosted_zones_send_nothing_before_iteration(
    route53_service: Route53Service, requests_sent: Requests
) -> None:
    """A listing is lazy: no request until the first next()."""
    zones = route53_service.hosted_zones()
    named = route53_service.hosted_zones(name="example.com")

    assert requests_sent.sent == []
    assert list(zones) == []
    assert list(named) == []


def test_hosted_zone_accepts_the_id_with_or_without_prefix(
    route53_service: Route53Service, zone: HostedZone
) -> None:
    """hosted_zone() takes the bare id and /hostedzone/<id> alike, and returns the bare id."""
    assert route53_service.hosted_zone(zone.id).id == zone.id
    assert route53_service.hosted_zone(f"/hostedzone/{zone.id}").id == zone.id
    assert route53_service.hosted_zone(zone.id).name_servers == zone.name_servers


def test_unknown_zone_is_not_found(route53_service: Route53Service) -> None:
    """Reading, listing the records of or deleting an unknown zone raises NotFoundError."""
    with pytest.raises(NotFoundError, match="NoSuchHostedZone"):
        route53_service.hosted_zone("Z0000000000000000000")
    with pytest.raises(NotFoundError):
        list(route53_service.records("Z0000000000000000000"))
    with pytest.raises(NotFoundError):
        route53_service.delete_hosted_zone("Z0000000000000000000")
    with pytest.raises(NotFoundError):
        route53_service.delete_hosted_zone("Z0000000000000000000", force=True)


def test_find_hosted_zone_by_name(route53_service: Route53Service, zone: HostedZone) -> None:
    """find_hosted_zone() finds a zone by its name with or without the dot, in any case."""
    route53_service.create_hosted_zone("example.org")

    assert route53_service.find_hosted_zone("example.com").id == zone.id
    assert route53_service.find_hosted_zone("example.com.").id == zone.id
    assert [found.id for found in route53_service.hosted_zones(name="example.com")] == [zone.id]
    with pytest.raises(NotFoundError, match=r"example\.net"):
        route53_service.find_hosted_zone("example.net")


def test_find_hosted_zone_tells_public_from_private(route53_service: Route53Service) -> None:
    """With a public and a private zone of one name, private= picks one; without, it refuses."""
    public = route53_service.create_hosted_zone("corp.example")
    private = route53_service.create_hosted_zone(
        "corp.example", private=True, vpc_id="vpc-1", vpc_region="us-east-1"
    )

    assert route53_service.find_hosted_zone("corp.example", private=False).id == public.id
    assert route53_service.find_hosted_zone("corp.example", private=True).id == private.id
    with pytest.raises(AmbiguousError, match="2 hosted zones"):
        route53_service.find_hosted_zone("corp.example")


def test_delete_hosted_zone(route53_service: Route53Service, zone: HostedZone) -> None:
    """An empty zone (only its SOA and NS) is deleted; afterwards it is not found."""
    route53_service.delete_hosted_zone(f"/hostedzone/{zone.id}")

    with pytest.raises(NotFoundError):
        route53_service.hosted_zone(zone.id)


def test_delete_hosted_zone_with_records_is_in_use(
    route53_service: Route53Service, zone: HostedZone
) -> None:
    """A zone that still holds records raises InUseError and keeps them."""
    route53_service.create_record(zone.id, a_record("www.example.com"))

    with pytest.raises(InUseError, match="HostedZoneNotEmpty"):
        route53_service.delete_hosted_zone(zone.id)
    assert route53_service.hosted_zone(zone.id).id == zone.id


def test_forced_delete_removes_every_record_first(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """force=True deletes 1,200 records in two batches (and a subdomain's NS), then the zone."""
    route53_service.change_records(zone.id, changes(1200))
    route53_service.create_record(
        zone.id,
        RecordSet(name="sub.example.com", type="NS", ttl=300, values=("ns1.example.net.",)),
    )
    requests_sent.clear()

    route53_service.delete_hosted_zone(zone.id, force=True)

    assert requests_sent.count("ChangeResourceRecordSets") == 2
    assert requests_sent.count("DeleteHostedZone") == 1
    with pytest.raises(NotFoundError):
        route53_service.hosted_zone(zone.id)


# -- records ---------------------------------------------------------------------------------


def test_fifteen_hundred_records_in_one_call_are_listed_back(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """1,500 changes go in two requests, and all 1,500 records (with SOA and NS) list back."""
    change_ids = route53_service.change_records(zone.id, changes(1500))

    assert requests_sent.count("ChangeResourceRecordSets") == 2
    assert len(change_ids) == 2
    assert all(not change_id.startswith("/") for change_id in change_ids)
    records = list(route53_service.records(zone.id))
    assert len(records) == 1502
    assert requests_sent.count("ListResourceRecordSets") == 6  # 300 a page
    assert {record.name for record in records} >= {f"h{n}.example.com." for n in range(1500)}


def test_records_are_lazy_page_by_page(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """Nothing is requested before next(); the first record costs one page."""
    route53_service.change_records(zone.id, changes(700))
    requests_sent.clear()

    records = route53_service.records(zone.id)
    assert requests_sent.sent == []
    next(records)
    assert requests_sent.count("ListResourceRecordSets") == 1


def test_records_by_name_and_type_start_there_and_stop_after(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """name= and type= list only those records, from one page, though more follow."""
    route53_service.change_records(zone.id, changes(700))
    route53_service.create_record(
        zone.id, RecordSet(name="h5.example.com", type="TXT", ttl=60, values=('"hello"',))
    )
    requests_sent.clear()

    by_name = list(route53_service.records(zone.id, name="h5.example.com"))
    by_type = list(route53_service.records(zone.id, name="H5.example.com.", type="TXT"))
    apex_ns = list(route53_service.records(zone.id, name="example.com", type="NS"))

    assert [(r.name, r.type) for r in by_name] == [
        ("h5.example.com.", "A"),
        ("h5.example.com.", "TXT"),
    ]
    assert [r.values for r in by_type] == [('"hello"',)]
    assert [r.type for r in apex_ns] == ["NS"]
    assert requests_sent.count("ListResourceRecordSets") == 3
    assert list(route53_service.records(zone.id, name="nothing.example.com")) == []


def test_routing_records_round_trip(route53_service: Route53Service, zone: HostedZone) -> None:
    """Weighted, latency, failover, geolocation and multivalue records list back with their
    routing fields; weighted sets of one name and type come back one by one."""
    wanted = [
        RecordSet(name="w.example.com", type="A", ttl=60, values=("192.0.2.1",),
                  set_identifier="blue", weight=10),
        RecordSet(name="w.example.com", type="A", ttl=60, values=("192.0.2.2",),
                  set_identifier="green", weight=0),
        RecordSet(name="lat.example.com", type="A", ttl=60, values=("192.0.2.3",),
                  set_identifier="eu", region="eu-west-1"),
        RecordSet(name="fo.example.com", type="A", ttl=60, values=("192.0.2.4",),
                  set_identifier="primary", failover="PRIMARY", health_check_id="hc-1"),
        RecordSet(name="geo.example.com", type="A", ttl=60, values=("192.0.2.5",),
                  set_identifier="europe", geolocation=GeoLocation(continent_code="EU")),
        RecordSet(name="mv.example.com", type="A", ttl=60, values=("192.0.2.6",),
                  set_identifier="one", multivalue=True),
    ]  # fmt: skip
    route53_service.change_records(
        zone.id, [RecordChange(action="CREATE", record=record) for record in wanted]
    )

    listed = [r for r in route53_service.records(zone.id) if r.type == "A"]

    assert sorted(listed, key=lambda r: r.label) == sorted(wanted, key=lambda r: r.label)
    weighted = list(route53_service.records(zone.id, name="w.example.com", type="A"))
    assert {(r.set_identifier, r.weight) for r in weighted} == {("blue", 10), ("green", 0)}


def test_alias_and_wildcard_records(route53_service: Route53Service, zone: HostedZone) -> None:
    """An alias record has its target and no TTL; a wildcard name reads with its *."""
    route53_service.create_record(zone.id, a_record("*.example.com"))
    alias = RecordSet(
        name="example.com",
        type="A",
        alias=AliasTarget(dns_name="www.example.com.", hosted_zone_id=zone.id),
    )
    route53_service.create_record(zone.id, alias)

    records = {r.label: r for r in route53_service.records(zone.id)}

    assert records["example.com. A"].alias == AliasTarget(
        dns_name="www.example.com.", hosted_zone_id=zone.id, evaluate_target_health=False
    )
    assert records["example.com. A"].ttl is None
    assert records["*.example.com. A"].values == ("192.0.2.1",)
    assert same_name("\\052.example.com", "*.EXAMPLE.com.")


def test_upsert_replaces_and_delete_removes(
    route53_service: Route53Service, zone: HostedZone
) -> None:
    """UPSERT creates then replaces a record; DELETE of the record as listed removes it."""
    route53_service.upsert_record(zone.id, a_record("www.example.com", "192.0.2.1"))
    route53_service.upsert_record(zone.id, a_record("www.example.com", "192.0.2.9", ttl=60))

    (record,) = route53_service.records(zone.id, name="www.example.com")
    assert (record.values, record.ttl) == (("192.0.2.9",), 60)

    change_id = route53_service.delete_record(zone.id, record)
    route53_service.wait_until_change_in_sync(change_id, timeout=5, poll_interval=1)
    assert list(route53_service.records(zone.id, name="www.example.com")) == []


def test_records_with_escaped_names_are_found_and_deleted_as_listed(
    route53_service: Route53Service, zone: HostedZone
) -> None:
    """Records whose names hold a dot or a backslash inside a label, a wildcard, a Latin-1
    byte or a space are found by their name and deleted as records() lists them."""
    names = ["a\\056b", "a\\134056b", "*", "fübar", "a\\040b"]
    route53_service.change_records(
        zone.id,
        [RecordChange(action="CREATE", record=a_record(f"{name}.example.com")) for name in names],
    )

    for name in names:
        (record,) = route53_service.records(zone.id, name=f"{name}.example.com")
        assert record.name == f"{name}.example.com."
        route53_service.delete_record(zone.id, record)

    assert {r.type for r in route53_service.records(zone.id)} == {"SOA", "NS"}


def test_creating_an_existing_record_keeps_aws_message(
    route53_service: Route53Service, zone: HostedZone
) -> None:
    """CREATE of a record that exists raises InvalidRequestError quoting AWS's message."""
    route53_service.create_record(zone.id, a_record("www.example.com"))

    with pytest.raises(InvalidRequestError, match="already exists") as raised:
        route53_service.create_record(zone.id, a_record("www.example.com"))
    assert raised.value.code == "InvalidChangeBatch"


def test_upserts_count_twice_against_the_quota(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """600 one-value UPSERTs count 1,200 values: two requests; no changes send nothing."""
    assert route53_service.change_records(zone.id, []) == []
    assert requests_sent.sent == []

    route53_service.change_records(zone.id, changes(600, action="UPSERT"))

    assert requests_sent.count("ChangeResourceRecordSets") == 2
    assert len(list(route53_service.records(zone.id))) == 602


def test_wait_until_change_in_sync_accepts_the_change_prefix(
    route53_service: Route53Service, zone: HostedZone, requests_sent: Requests
) -> None:
    """wait_until_change_in_sync returns once GetChange says INSYNC, with or without /change/."""
    change_id = route53_service.create_record(zone.id, a_record("www.example.com"))

    route53_service.wait_until_change_in_sync(f"/change/{change_id}", timeout=5, poll_interval=1)

    assert requests_sent.bodies("GetChange") == [{}]


# -- a global service ------------------------------------------------------------------------


def test_works_from_a_session_without_any_region(
    aws_session: boto3.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built from a Session with no region anywhere, Route53 uses the global endpoint."""
    del aws_session  # for its moto mock and fake credentials
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    session = boto3.Session()
    assert session.region_name is None

    route53 = Route53Service(session)

    assert route53.client.meta.endpoint_url == "https://route53.amazonaws.com"
    zone = route53.create_hosted_zone("example.com")
    assert [found.id for found in route53.hosted_zones()] == [zone.id]


def test_china_region_reaches_the_china_endpoint(aws_session: boto3.Session) -> None:
    """region="cn-north-1" wins over the session's region: China's Route53 endpoint."""
    route53 = Route53Service(aws_session, region="cn-north-1")

    assert route53.client.meta.endpoint_url == "https://route53.amazonaws.com.cn"
    zone = route53.create_hosted_zone("example.cn")
    assert route53.hosted_zone(zone.id).name == "example.cn."


def test_services_share_one_client(aws_session: boto3.Session) -> None:
    """Two Route53Services on one session and options share one client."""
    assert Route53Service(aws_session).client is Route53Service(aws_session).client
