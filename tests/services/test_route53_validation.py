"""Every Route53Service method checks its arguments before the first request: a wrong one
raises InvalidArgumentError naming it, and nothing is sent (counted with a before-call hook)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from route53_support import a_record, changes
from support import Requests

from awsfacade.errors import InvalidArgumentError
from awsfacade.route53 import RecordChange, RecordSet, Route53Service

Z = "Z1D633PJN98FT9"
WWW = a_record("www.example.com")
TXT_4001 = RecordSet(name="t.example.com", type="TXT", ttl=60, values=("x" * 4000,) * 9)

Call = Callable[[Route53Service], object]

# Each case: (id, the call, a fragment of the message that names the argument).
BAD_CALLS: list[tuple[str, Call, str]] = [
    ("zone-name-empty", lambda r: r.create_hosted_zone(""), "name"),
    ("zone-name-type", lambda r: r.create_hosted_zone(42), "name"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("zone-name-long", lambda r: r.create_hosted_zone("a" * 1025), "name"),
    ("zone-name-space", lambda r: r.create_hosted_zone("my zone.com"), "name"),
    ("zone-name-empty-label", lambda r: r.create_hosted_zone("example..com"), "name"),
    ("zone-name-leading-dot", lambda r: r.create_hosted_zone(".example.com"), "name"),
    ("zone-comment", lambda r: r.create_hosted_zone("a.com", comment="c" * 257), "comment"),
    (
        "zone-reference",
        lambda r: r.create_hosted_zone("a.com", caller_reference=""),
        "caller_reference",
    ),
    ("zone-private-type", lambda r: r.create_hosted_zone("a.com", private="yes"), "private"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("zone-private-no-vpc", lambda r: r.create_hosted_zone("a.com", private=True), "vpc_id"),
    (
        "zone-private-no-region",
        lambda r: r.create_hosted_zone("a.com", private=True, vpc_id="vpc-1"),
        "vpc_region",
    ),
    (
        "zone-private-bad-region",
        lambda r: r.create_hosted_zone("a.com", private=True, vpc_id="vpc-1", vpc_region="moon"),
        "vpc_region",
    ),
    (
        "zone-private-empty-vpc",
        lambda r: r.create_hosted_zone("a.com", private=True, vpc_id="", vpc_region="us-east-1"),
        "vpc_id",
    ),
    ("zone-public-vpc", lambda r: r.create_hosted_zone("a.com", vpc_id="vpc-1"), "vpc_id"),
    ("zones-name", lambda r: r.hosted_zones(name=""), "name"),
    ("find-zone", lambda r: r.find_hosted_zone("a b"), "name"),
    ("find-zone-private", lambda r: r.find_hosted_zone("a.com", private="no"), "private"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("zone", lambda r: r.hosted_zone(""), "zone_id"),
    ("zone-prefix-only", lambda r: r.hosted_zone("/hostedzone/"), "zone_id"),
    ("zone-slash", lambda r: r.hosted_zone("/change/C1"), "zone_id"),
    ("zone-long", lambda r: r.hosted_zone("Z" * 33), "zone_id"),
    ("zone-type", lambda r: r.hosted_zone(["Z1"]), "zone_id"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("delete-zone", lambda r: r.delete_hosted_zone(" "), "zone_id"),
    ("delete-zone-force", lambda r: r.delete_hosted_zone(Z, force=1), "force"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("records-zone", lambda r: r.records(""), "zone_id"),
    ("records-name", lambda r: r.records(Z, name=""), "name"),
    ("records-type-alone", lambda r: r.records(Z, type="A"), "type"),
    ("records-type", lambda r: r.records(Z, name="a.com", type="AXFR"), "type"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("create-zone-id", lambda r: r.create_record("", WWW), "zone_id"),
    ("create-record", lambda r: r.create_record(Z, {"Name": "a"}), "record"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("upsert-record", lambda r: r.upsert_record(Z, None), "record"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("delete-record", lambda r: r.delete_record(Z, "www"), "record"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("upsert-too-big", lambda r: r.upsert_record(Z, TXT_4001), "larger than one Route53 request"),
    ("changes-zone", lambda r: r.change_records("", changes(1)), "zone_id"),
    ("changes-one", lambda r: r.change_records(Z, changes(1)[0]), "changes"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("changes-text", lambda r: r.change_records(Z, "CREATE"), "changes"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("changes-none", lambda r: r.change_records(Z, None), "changes"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("changes-items", lambda r: r.change_records(Z, [*changes(2), WWW]), "changes"),  # type: ignore[list-item]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    (
        "changes-too-big",
        lambda r: r.change_records(
            Z, [*changes(2), RecordChange(action="UPSERT", record=TXT_4001)]
        ),
        "UPSERT t.example.com. TXT",
    ),
    ("wait-id", lambda r: r.wait_until_change_in_sync(""), "change_id"),
    ("wait-timeout", lambda r: r.wait_until_change_in_sync("C1", timeout=0), "timeout"),
    ("wait-poll", lambda r: r.wait_until_change_in_sync("C1", poll_interval=-1), "poll_interval"),
    ("wait-timeout-type", lambda r: r.wait_until_change_in_sync("C1", timeout=True), "timeout"),
]


@pytest.fixture
def requests_sent(route53_service: Route53Service) -> Requests:
    """Every request ``route53_service`` sends from now on."""
    log = Requests()
    route53_service.client.meta.events.register("before-call.route53", log)
    return log


@pytest.mark.parametrize(
    ("call", "argument"),
    [pytest.param(call, argument, id=name) for name, call, argument in BAD_CALLS],
)
def test_bad_argument_raises_before_any_request(
    route53_service: Route53Service, requests_sent: Requests, call: Call, argument: str
) -> None:
    """A wrong argument raises InvalidArgumentError naming it, and no request is sent."""
    with pytest.raises(InvalidArgumentError, match=argument):
        call(route53_service)

    assert requests_sent.operations == []
