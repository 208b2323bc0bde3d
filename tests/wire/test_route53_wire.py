"""Route53Service through moto's HTTP server (tests/conftest.py): Route53's REST-XML
protocol, the three-part record token in query strings, and error bodies as they travel."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import Requests, requests_of

from awsfacade.errors import InUseError, InvalidRequestError, NotFoundError
from awsfacade.route53 import AliasTarget, RecordChange, RecordSet, Route53Service
from awsfacade.testing import fake_environment, new_session


@pytest.fixture
def wire_route53(fresh_moto_url: str) -> Iterator[Route53Service]:
    """A Route53Service talking HTTP to the moto server, whose state starts empty."""
    with fake_environment("us-east-1"):
        yield Route53Service(new_session("us-east-1"), endpoint_url=fresh_moto_url)


requests_sent = requests_of("wire_route53")


def test_service_talks_to_the_server(wire_route53: Route53Service, moto_url: str) -> None:
    """The client's endpoint is the moto server, not Route53's global endpoint."""
    assert wire_route53.client.meta.endpoint_url == moto_url
    assert list(wire_route53.hosted_zones()) == []


def test_records_page_over_the_wire(wire_route53: Route53Service, requests_sent: Requests) -> None:
    """1,500 changes go in two XML requests; 1,502 records come back in six pages whose
    tokens travel in the query string; a name and type listing starts and stops there."""
    zone = wire_route53.create_hosted_zone("example.com", comment="over http")
    wanted = [
        RecordChange(
            action="CREATE",
            record=RecordSet(name=f"h{n}.example.com", type="A", ttl=60, values=("192.0.2.1",)),
        )
        for n in range(1500)
    ]

    assert len(wire_route53.change_records(f"/hostedzone/{zone.id}", wanted)) == 2
    assert sum(1 for _ in wire_route53.records(zone.id)) == 1502
    assert requests_sent.count("ListResourceRecordSets") == 6
    [record] = wire_route53.records(zone.id, name="h42.example.com", type="A")
    assert (record.name, record.ttl, record.values) == ("h42.example.com.", 60, ("192.0.2.1",))
    assert wire_route53.hosted_zone(zone.id).comment == "over http"


def test_routing_and_alias_records_over_the_wire(wire_route53: Route53Service) -> None:
    """Weighted, wildcard and alias records survive serialisation both ways."""
    zone = wire_route53.create_hosted_zone("example.org")
    weighted = RecordSet(
        name="w.example.org", type="A", ttl=60, values=("192.0.2.1", "192.0.2.2"),
        set_identifier="blue", weight=7,
    )  # fmt: skip
    wildcard = RecordSet(name="*.example.org", type="TXT", ttl=60, values=('"v=1"',))
    alias = RecordSet(
        name="example.org",
        type="A",
        alias=AliasTarget(dns_name="w.example.org.", hosted_zone_id=zone.id),
    )
    for record in (weighted, wildcard, alias):
        wire_route53.upsert_record(zone.id, record)

    listed = {record.label: record for record in wire_route53.records(zone.id)}

    assert listed["w.example.org. A [blue]"] == weighted
    assert listed["*.example.org. TXT"] == wildcard
    assert listed["example.org. A"] == alias


def test_errors_travel_as_xml(wire_route53: Route53Service) -> None:
    """InvalidChangeBatch, HostedZoneNotEmpty and NoSuchHostedZone arrive as their errors."""
    zone = wire_route53.create_hosted_zone("example.net")
    record = RecordSet(name="a.example.net", type="A", ttl=60, values=("192.0.2.1",))
    wire_route53.create_record(zone.id, record)

    with pytest.raises(InvalidRequestError, match="already exists"):
        wire_route53.create_record(zone.id, record)
    with pytest.raises(InUseError):
        wire_route53.delete_hosted_zone(zone.id)
    wire_route53.delete_hosted_zone(zone.id, force=True)
    with pytest.raises(NotFoundError):
        wire_route53.hosted_zone(zone.id)
