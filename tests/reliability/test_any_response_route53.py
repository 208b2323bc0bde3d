"""Issue 11 for Route53Service: any response AWS may send to an operation the service reads,
drawn from botocore's output shapes (optional members left out, enum values AWS has not
invented yet, empty lists, long strings, numbers at their limits), becomes models or an
``AwsError``, never a ``KeyError``/``TypeError``/``ValueError``/``AttributeError``, and never
``InvalidArgumentError``. One-request methods are answered by botocore's ``Stubber``; a wait
and the forced delete, whose requests depend on the answers, by an order-free hook that checks
each response as the Stubber does.

Route53's shapes mark as required every field the facade needs (a zone's ``Id``, ``Name``
and ``CallerReference``, a record set's ``Name`` and ``Type``, an alias target's three
fields, ``ChangeInfo`` and its ``Id`` and ``Status``, a delegation set's ``NameServers``), so
no response here may give ``UnexpectedResponseError``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs
import pytest
from any_response import Answers, check_answered, models, outcome, stubbed
from hypothesis import given
from hypothesis import strategies as st
from shapes import response_strategy
from support import ONE_ATTEMPT, is_mapping

from awsfacade.errors import (
    AmbiguousError,
    NotFoundError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from awsfacade.route53 import Change, HostedZone, RecordChange, RecordSet, Route53Service

if TYPE_CHECKING:
    from boto3.session import Session

Response = dict[str, object]
ZONE = "Z0123456789ABCDEFGHIJ"
NAME = "example.com"
RECORD = RecordSet(name=f"www.{NAME}", type="A", ttl=300, values=("192.0.2.1",))
#: A last page of ListHostedZonesByName: nothing more to list.
LAST_PAGE: Response = {"HostedZones": [], "IsTruncated": False, "MaxItems": "100"}
UPSERT = RecordChange(action="UPSERT", record=RECORD)
NONE = type(None)


@attrs.frozen
class Case:
    """One public method that sends one request: ``call`` it with ``operation`` answered by
    any valid response; it returns ``returns`` (each item, for a listing)."""

    name: str
    operation: str
    call: Callable[[Route53Service], object]
    returns: type | tuple[type, ...]


CASES = (
    Case(
        "create_hosted_zone",
        "CreateHostedZone",
        lambda route53: route53.create_hosted_zone(NAME),
        HostedZone,
    ),
    Case("hosted_zones", "ListHostedZones", lambda route53: route53.hosted_zones(), HostedZone),
    Case("hosted_zone", "GetHostedZone", lambda route53: route53.hosted_zone(ZONE), HostedZone),
    Case(
        "delete_hosted_zone",
        "DeleteHostedZone",
        lambda route53: route53.delete_hosted_zone(ZONE),
        NONE,
    ),
    Case("records", "ListResourceRecordSets", lambda route53: route53.records(ZONE), RecordSet),
    Case(
        "records_named",
        "ListResourceRecordSets",
        lambda route53: route53.records(ZONE, name=f"www.{NAME}", type="A"),
        RecordSet,
    ),
    Case(
        "create_record",
        "ChangeResourceRecordSets",
        lambda route53: route53.create_record(ZONE, RECORD),
        str,
    ),
    Case(
        "upsert_record",
        "ChangeResourceRecordSets",
        lambda route53: route53.upsert_record(ZONE, RECORD),
        str,
    ),
    Case(
        "delete_record",
        "ChangeResourceRecordSets",
        lambda route53: route53.delete_record(ZONE, RECORD),
        str,
    ),
    Case(
        "change_records",
        "ChangeResourceRecordSets",
        lambda route53: route53.change_records(
            ZONE, [RecordChange(action="UPSERT", record=RECORD)]
        ),
        list,
    ),
)

#: The tests of the methods that send several requests (or one again and again), and the
#: operations each answers.
SEVERAL: Mapping[str, frozenset[str]] = {
    "test_hosted_zones_named": frozenset({"ListHostedZonesByName"}),
    "test_find_hosted_zone": frozenset({"ListHostedZonesByName"}),
    "test_wait_until_change_in_sync": frozenset({"GetChange"}),
    "test_delete_hosted_zone_forced": frozenset(
        {"GetHostedZone", "ListResourceRecordSets", "ChangeResourceRecordSets", "DeleteHostedZone"}
    ),
}


@functools.cache
def responses(operation: str) -> st.SearchStrategy[Response]:
    """Any valid response of ``operation``, the paginator's tokens left out (one page)."""
    strategy = response_strategy("route53", operation)
    if operation == "ListHostedZones":
        # shapes.py leaves out every Marker as a paging token, but ListHostedZones' Marker is
        # the request's marker echoed back, a required member: put one back.
        return st.tuples(strategy, st.text(max_size=8)).map(_with_marker)
    return strategy


def _with_marker(drawn: tuple[Response, str]) -> Response:
    response, marker = drawn
    return response | {"Marker": marker}


@pytest.fixture
def route53(aws_session: Session) -> Route53Service:
    """A Route53Service whose client makes one attempt a request."""
    return Route53Service(aws_session, config=ONE_ATTEMPT)


def test_every_operation_route53_reads_is_answered() -> None:
    """An operation that src/awsfacade/route53 names but no test here answers fails this test."""
    answered = {case.operation for case in CASES}.union(*SEVERAL.values())
    check_answered("route53", "route53", answered, SEVERAL, globals())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
@given(data=st.data())
def test_one_request(route53: Route53Service, case: Case, data: st.DataObject) -> None:
    """Each one-request method turns any valid response into its models."""
    response = data.draw(responses(case.operation), label="response")
    with stubbed(route53.client, (case.operation, response)):
        outcome(lambda: case.call(route53), case.returns)


@given(first=responses("ListHostedZonesByName"), second=responses("ListHostedZonesByName"))
def test_hosted_zones_named(route53: Route53Service, first: Response, second: Response) -> None:
    """The zones of a name, from pages AWS may mark truncated with or without saying where
    the next one starts: only zones of that name are listed."""
    pages = [first, second, LAST_PAGE]
    with Answers(route53.client, {"ListHostedZonesByName": pages}) as answers:
        zones = outcome(
            lambda: route53.hosted_zones(name=NAME),
            HostedZone,
            lacking=_next_again(first, second),
        )
    assert all(zone.name.rstrip(".").lower() == NAME for zone in models(zones, HostedZone))
    assert len(answers.calls) <= len(pages)


@given(first=responses("ListHostedZonesByName"), second=responses("ListHostedZonesByName"))
def test_find_hosted_zone(route53: Route53Service, first: Response, second: Response) -> None:
    """The one zone of that name, NotFoundError for none, AmbiguousError for several."""
    pages = [first, second, LAST_PAGE]
    with Answers(route53.client, {"ListHostedZonesByName": pages}):
        outcome(
            lambda: route53.find_hosted_zone(NAME),
            HostedZone,
            lacking=_next_again(first, second),
            errors=(NotFoundError, AmbiguousError),
        )


def test_hosted_zones_named_stops_at_a_repeated_next_page(route53: Route53Service) -> None:
    """A page naming as next a page already asked for is an UnexpectedResponseError, not a
    listing that never ends (what botocore's paginators do for a repeated token)."""
    again: Response = {
        "HostedZones": [],
        "IsTruncated": True,
        "NextDNSName": f"{NAME}.",
        "NextHostedZoneId": ZONE,
        "MaxItems": "100",
    }
    with (
        Answers(route53.client, {"ListHostedZonesByName": again}) as answers,
        pytest.raises(UnexpectedResponseError, match="as the next one again"),
    ):
        list(route53.hosted_zones(name=NAME))
    assert len(answers.calls) == 2


@given(response=responses("GetChange"))
def test_wait_until_change_in_sync(route53: Route53Service, response: Response) -> None:
    """INSYNC ends the wait with the change; any other status (PENDING, one AWS adds later)
    runs it out."""
    with Answers(route53.client, {"GetChange": response}):
        result = outcome(
            lambda: route53.wait_until_change_in_sync(
                "C0123456789", timeout=0.002, poll_interval=0.001
            ),
            Change,
            errors=(WaitTimeoutError,),
        )
    info = response["ChangeInfo"]
    in_sync = is_mapping(info) and info.get("Status") == "INSYNC"
    assert isinstance(result, WaitTimeoutError) is not in_sync


@given(data=st.data())
def test_delete_hosted_zone_forced(route53: Route53Service, data: st.DataObject) -> None:
    """A forced delete deletes every record AWS lists but the apex SOA and NS, then the zone."""
    answers = {
        operation: data.draw(responses(operation), label=operation)
        for operation in sorted(SEVERAL["test_delete_hosted_zone_forced"])
    }
    with Answers(route53.client, answers) as answered:
        outcome(lambda: route53.delete_hosted_zone(ZONE, force=True), NONE)
    assert answered.calls[:2] == ["GetHostedZone", "ListResourceRecordSets"]
    assert answered.calls[-1] == "DeleteHostedZone"


# -- helpers -----------------------------------------------------------------------------------


def _next_again(first: Response, second: Response) -> bool:
    """Whether the second page names as next the page it is (the first's next): a listing
    that would never end, the one UnexpectedResponseError these pages may give."""
    return all(
        page.get("IsTruncated") and page.get("NextDNSName") and page.get("NextHostedZoneId")
        for page in (first, second)
    ) and (first.get("NextDNSName"), first.get("NextHostedZoneId")) == (
        second.get("NextDNSName"),
        second.get("NextHostedZoneId"),
    )
