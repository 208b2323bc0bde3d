"""Route53Service against answers moto never gives: the three-part record token across
weighted sets, ListHostedZonesByName's paging, AWS's error codes and bodies, batches that
fail part of the way, waits that poll or time out, and answers lacking fields; played back
with botocore's ``Stubber`` or answered at ``before-call`` (route53_support.answer)."""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

import attrs
import pytest
from route53_support import WHEN, a_record, changes, record_item, zone_item
from support import ONE_ATTEMPT, answer_calls, error_answer, http_answer, result_answer, stubber_on

from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    InUseError,
    InvalidRequestError,
    LimitExceededError,
    NotFoundError,
    PartialFailureError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from awsfacade.route53 import ChangeBatchError, Route53Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.stub import Stubber
    from mypy_boto3_route53.type_defs import ResourceRecordSetOutputTypeDef

Z = "Z1D633PJN98FT9"


@pytest.fixture
def route53(aws_session: Session) -> Route53Service:
    """A Route53Service whose client makes one attempt a request (no retries)."""
    return Route53Service(aws_session, config=ONE_ATTEMPT)


stub = stubber_on("route53")


def _records_page(
    records: list[str | tuple[str, str]],
    next_token: tuple[str, str, str | None] | None = None,
) -> dict[str, object]:
    """A ListResourceRecordSets answer: weighted A records given as (name, set id) pairs,
    simple A records as names; truncated with the three-part token if ``next_token``."""
    items = [
        record_item(record)
        if isinstance(record, str)
        else record_item(record[0], set_identifier=record[1], weight=1)
        for record in records
    ]
    page: dict[str, object] = {
        "ResourceRecordSets": items,
        "IsTruncated": next_token is not None,
        "MaxItems": "300",
    }
    if next_token is not None:
        page["NextRecordName"], page["NextRecordType"], identifier = next_token
        if identifier is not None:
            page["NextRecordIdentifier"] = identifier
    return page


# -- the three-part record token ---------------------------------------------------------------


def test_records_page_across_weighted_sets_of_one_name_and_type(
    route53: Route53Service, stub: Stubber
) -> None:
    """A page that ends inside weighted sets of one name and type continues at the next set
    identifier: the second request carries all three tokens, and every set comes once."""
    stub.add_response(
        "list_resource_record_sets",
        _records_page(
            [("w.example.com.", "blue"), ("w.example.com.", "green")],
            ("w.example.com.", "A", "red"),
        ),
        {"HostedZoneId": Z, "MaxItems": "300"},
    )
    stub.add_response(
        "list_resource_record_sets",
        _records_page([("w.example.com.", "red"), "x.example.com."]),
        {
            "HostedZoneId": Z,
            "MaxItems": "300",
            "StartRecordName": "w.example.com.",
            "StartRecordType": "A",
            "StartRecordIdentifier": "red",
        },
    )

    listed = [(r.name, r.set_identifier) for r in route53.records(f"/hostedzone/{Z}")]

    assert listed == [
        ("w.example.com.", "blue"),
        ("w.example.com.", "green"),
        ("w.example.com.", "red"),
        ("x.example.com.", None),
    ]


def test_records_by_name_and_type_stop_past_them_across_pages(
    route53: Route53Service, stub: Stubber
) -> None:
    """name= and type= start the listing there (in lower case) and stop at the first record
    past them, even mid-page with more pages to come: no third request."""
    stub.add_response(
        "list_resource_record_sets",
        _records_page([("w.example.com.", "blue")], ("w.example.com.", "A", "green")),
        {
            "HostedZoneId": Z,
            "MaxItems": "300",
            "StartRecordName": "w.example.com.",
            "StartRecordType": "A",
        },
    )
    stub.add_response(
        "list_resource_record_sets",
        _records_page(
            [("w.example.com.", "green"), "x.example.com."], ("y.example.com.", "A", None)
        ),
        {
            "HostedZoneId": Z,
            "MaxItems": "300",
            "StartRecordName": "w.example.com.",
            "StartRecordType": "A",
            "StartRecordIdentifier": "green",
        },
    )

    listed = route53.records(Z, name="W.Example.com", type="A")

    assert [r.set_identifier for r in listed] == ["blue", "green"]


def test_records_read_octal_escapes_as_their_characters(
    route53: Route53Service, stub: Stubber
) -> None:
    """AWS answers a wildcard as \\052: the record's name reads *.example.com."""
    stub.add_response(
        "list_resource_record_sets",
        _records_page(["\\052.example.com.", "a\\100b.example.com."]),
        {"HostedZoneId": Z, "MaxItems": "300"},
    )

    assert [r.name for r in route53.records(Z)] == ["*.example.com.", "a@b.example.com."]


#: Names as Route53 lists them ("DNS domain name format" in its developer guide: every byte
#: but a-z, 0-9, - and _ as an octal escape) — a dot and a backslash inside a label, a
#: wildcard, a Latin-1 byte, a space — and their decoded form, each record's ``name``.
LISTED = [
    "a\\056b.example.com.",
    "a\\134b.example.com.",
    "\\052.example.com.",
    "f\\374bar.example.com.",
    "a\\040b.example.com.",
]
DECODED = [
    "a\\056b.example.com.",
    "a\\134b.example.com.",
    "*.example.com.",
    "fübar.example.com.",
    "a\\040b.example.com.",
]
CHANGED = {"ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": WHEN}}


def _batch(action: str, records: list[ResourceRecordSetOutputTypeDef]) -> dict[str, object]:
    """The ChangeResourceRecordSets request of one ``action`` for each of ``records``."""
    changes = [{"Action": action, "ResourceRecordSet": record} for record in records]
    return {"HostedZoneId": Z, "ChangeBatch": {"Changes": changes}}


def test_listed_records_are_changed_under_the_names_route53_listed(
    route53: Route53Service, stub: Stubber
) -> None:
    """delete_record and upsert_record of what records() returned send each name exactly as
    Route53 listed it (a\\056b, not a\\134056b, which is another name)."""
    stub.add_response(
        "list_resource_record_sets",
        _records_page(list(LISTED)),
        {"HostedZoneId": Z, "MaxItems": "300"},
    )
    listed = list(route53.records(Z))
    assert [(r.name, r.escaped_name) for r in listed] == list(zip(DECODED, LISTED, strict=True))

    for name, record in zip(LISTED, listed, strict=True):
        stub.add_response(
            "change_resource_record_sets", CHANGED, _batch("DELETE", [record_item(name)])
        )
        stub.add_response(
            "change_resource_record_sets",
            CHANGED,
            _batch("UPSERT", [record_item(name, ttl=60)]),
        )
        route53.delete_record(Z, record)
        route53.upsert_record(Z, attrs.evolve(record, ttl=60))


@pytest.mark.parametrize(("decoded", "listed"), list(zip(DECODED, LISTED, strict=True)))
def test_records_by_name_take_the_decoded_or_the_listed_name(
    route53: Route53Service, stub: Stubber, decoded: str, listed: str
) -> None:
    """records(name=) starts Route53's listing at the name as Route53 lists it, whether it is
    given decoded (a record's name) or escaped (its escaped_name), and keeps that name."""
    for given in (decoded, listed):
        stub.add_response(
            "list_resource_record_sets",
            _records_page([listed, "z.example.com."]),
            {"HostedZoneId": Z, "MaxItems": "300", "StartRecordName": listed},
        )
        assert [r.escaped_name for r in route53.records(Z, name=given)] == [listed]


def test_a_forced_zone_delete_deletes_records_under_the_names_route53_listed(
    route53: Route53Service, stub: Stubber
) -> None:
    """delete_hosted_zone(force=True) deletes every record but the apex SOA and NS under the
    name Route53 listed, then the zone."""
    stub.add_response("get_hosted_zone", {"HostedZone": zone_item(Z, "example.com.")}, {"Id": Z})
    listing = _records_page(list(LISTED))
    apex = [record_item("example.com.", "SOA"), record_item("example.com.", "NS")]
    listing["ResourceRecordSets"] = [*apex, *[record_item(name) for name in LISTED]]
    stub.add_response("list_resource_record_sets", listing, {"HostedZoneId": Z, "MaxItems": "300"})
    stub.add_response(
        "change_resource_record_sets",
        CHANGED,
        _batch("DELETE", [record_item(name) for name in LISTED]),
    )
    stub.add_response("delete_hosted_zone", CHANGED, {"Id": Z})

    route53.delete_hosted_zone(Z, force=True)


def test_zones_by_name_page_and_stop_past_the_name(route53: Route53Service, stub: Stubber) -> None:
    """ListHostedZonesByName pages with NextDNSName/NextHostedZoneId; the listing keeps the
    zones of that name and stops at the first other name (AWS lists onwards from it)."""
    stub.add_response(
        "list_hosted_zones_by_name",
        {
            "HostedZones": [zone_item("Z1", "example.com.")],
            "IsTruncated": True,
            "NextDNSName": "example.com.",
            "NextHostedZoneId": "Z2",
            "MaxItems": "100",
        },
        {"DNSName": "example.com.", "MaxItems": "100"},
    )
    stub.add_response(
        "list_hosted_zones_by_name",
        {
            "HostedZones": [
                zone_item("Z2", "example.com.", private=True),
                zone_item("Z3", "example.net."),
            ],
            "IsTruncated": True,
            "NextDNSName": "example.org.",
            "NextHostedZoneId": "Z4",
            "MaxItems": "100",
        },
        {"DNSName": "example.com.", "HostedZoneId": "Z2", "MaxItems": "100"},
    )

    zones = list(route53.hosted_zones(name="Example.COM"))

    assert [(zone.id, zone.private) for zone in zones] == [("Z1", False), ("Z2", True)]


def test_zones_by_name_end_on_an_untruncated_page(route53: Route53Service, stub: Stubber) -> None:
    """An untruncated ListHostedZonesByName page is the last one."""
    stub.add_response(
        "list_hosted_zones_by_name",
        {"HostedZones": [zone_item("Z1", "a.example.")], "IsTruncated": False, "MaxItems": "100"},
        {"DNSName": "a.example.", "MaxItems": "100"},
    )

    assert route53.find_hosted_zone("a.example").id == "Z1"


def test_hosted_zones_follow_the_marker(route53: Route53Service, stub: Stubber) -> None:
    """ListHostedZones pages with Marker/NextMarker, 100 a page."""
    stub.add_response(
        "list_hosted_zones",
        {
            "HostedZones": [zone_item("Z1", "a.example.")],
            "Marker": "",
            "IsTruncated": True,
            "NextMarker": "Z2",
            "MaxItems": "100",
        },
        {"MaxItems": "100"},
    )
    stub.add_response(
        "list_hosted_zones",
        {
            "HostedZones": [zone_item("Z2", "b.example.")],
            "Marker": "Z2",
            "IsTruncated": False,
            "MaxItems": "100",
        },
        {"MaxItems": "100", "Marker": "Z2"},
    )

    assert [zone.name for zone in route53.hosted_zones()] == ["a.example.", "b.example."]


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "error_class"),
    [
        ("NoSuchHostedZone", NotFoundError),
        ("HostedZoneNotFound", NotFoundError),
        ("NoSuchChange", NotFoundError),
        ("HostedZoneAlreadyExists", AlreadyExistsError),
        ("ConflictingDomainExists", AlreadyExistsError),
        ("HostedZoneNotEmpty", InUseError),
        ("InvalidChangeBatch", InvalidRequestError),
        ("InvalidInput", InvalidRequestError),
        ("InvalidDomainName", InvalidRequestError),
        ("PriorRequestNotComplete", ThrottledError),
        ("Throttling", ThrottledError),
        ("TooManyHostedZones", LimitExceededError),
        ("NotAuthorizedException", AccessDeniedError),
        ("DelegationSetNotAvailable", ServiceError),
    ],
)
def test_route53_error_codes_map_to_their_errors(
    route53: Route53Service, stub: Stubber, code: str, error_class: type[ServiceError]
) -> None:
    """Each Route53 error code becomes its awsfacade error, AWS's message kept."""
    stub.add_client_error("create_hosted_zone", code, f"{code} happened")

    with pytest.raises(error_class, match=f"{code} happened") as raised:
        route53.create_hosted_zone("example.com")
    assert type(raised.value) is error_class
    assert raised.value.code == code


def test_invalid_change_batch_keeps_every_message(route53: Route53Service) -> None:
    """InvalidChangeBatch lists each problem of the batch; the error's message keeps them all."""
    message = (
        "[Tried to create resource record set [name='a.example.com.', type='A'] but it already "
        "exists, Tried to delete resource record set [name='b.example.com.', type='A'] but it "
        "was not found]"
    )
    answer_calls(
        route53.client, "ChangeResourceRecordSets", error_answer("InvalidChangeBatch", message)
    )

    with pytest.raises(InvalidRequestError) as raised:
        route53.create_record(Z, a_record("a.example.com"))
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        (
            "<Message>Tried to delete it but it was not found</Message>",
            "Tried to delete it but it was not found",
        ),
        (
            "<Message>Tried to create resource record set [name='a.example.com.', type='A'] but "
            "it already exists</Message><Message>Tried to delete resource record set "
            "[name='b.example.com.', type='A'] but it was not found</Message>",
            "Tried to create resource record set [name='a.example.com.', type='A'] but it "
            "already exists; Tried to delete resource record set [name='b.example.com.', "
            "type='A'] but it was not found",
        ),
    ],
    ids=["one-message", "two-messages"],
)
def test_documented_invalid_change_batch_body_is_an_invalid_request(
    route53: Route53Service, messages: str, expected: str
) -> None:
    """Route53's documented <InvalidChangeBatch><Messages> body (which botocore parses with no
    code, and of several messages with none) is an InvalidRequestError with code
    InvalidChangeBatch and every message AWS sent, joined by "; "."""
    body = (
        '<?xml version="1.0"?><InvalidChangeBatch xmlns="https://route53.amazonaws.com/doc/'
        f'2013-04-01/"><Messages>{messages}</Messages><RequestId>r-1</RequestId>'
        "</InvalidChangeBatch>"
    ).encode()
    response = http_answer("https://route53.amazonaws.com/", 400, body)
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response botocore then parses instead of sending the request.
    route53.client.meta.events.register(
        "before-send.route53.ChangeResourceRecordSets",
        lambda **_: response,  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType, reportUnknownLambdaType]
    )

    with pytest.raises(InvalidRequestError) as raised:
        route53.delete_record(Z, a_record("a.example.com"))
    assert raised.value.code == "InvalidChangeBatch"
    assert raised.value.message == expected
    assert raised.value.request_id == "r-1"


# -- batches that stop part of the way ---------------------------------------------------------


def test_a_failing_later_batch_says_what_was_applied(route53_service: Route53Service) -> None:
    """2,500 changes are three batches; when the second fails, ChangeBatchError holds the
    first 1,000 changes as applied (with their change id), the other 1,500 as not applied,
    and the third batch is never sent."""
    zone = route53_service.create_hosted_zone("example.com")
    wanted = changes(2500)
    real = answer_calls(route53_service.client, "ChangeResourceRecordSets")
    hook = answer_calls(
        route53_service.client,
        "ChangeResourceRecordSets",
        result_answer(
            {"ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": WHEN}}
        ),
        error_answer("InvalidChangeBatch", "[RRSet with DNS name h1500.example.com. is not ok]"),
        error_answer("InvalidChangeBatch", "never sent"),
    )

    with pytest.raises(ChangeBatchError) as raised:
        route53_service.change_records(zone.id, wanted)

    error = raised.value
    assert hook.sent == 2
    assert real.sent == 0
    assert error.applied == tuple(wanted[:1000])
    assert error.not_applied == tuple(wanted[1000:])
    assert error.change_ids == ("C1",)
    assert error.done[0] == "CREATE h0.example.com. A"
    assert error.not_done[0] == "CREATE h1000.example.com. A"
    assert isinstance(error.error, InvalidRequestError)
    assert error.__cause__ is error.error
    assert "h1500.example.com." in str(error)
    assert isinstance(error, PartialFailureError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.applied, copy.not_applied, copy.change_ids) == (
        error.applied,
        error.not_applied,
        error.change_ids,
    )


def test_a_failing_first_batch_raises_the_aws_error(route53_service: Route53Service) -> None:
    """When the first batch fails nothing was applied: its AWS error is raised as it is."""
    zone = route53_service.create_hosted_zone("example.com")
    answer_calls(
        route53_service.client, "ChangeResourceRecordSets", error_answer("InvalidChangeBatch")
    )

    with pytest.raises(InvalidRequestError) as raised:
        route53_service.change_records(zone.id, changes(1500))
    assert not isinstance(raised.value, PartialFailureError)
    assert list(route53_service.records(zone.id, name="h0.example.com")) == []


def test_forced_delete_that_stops_half_way_names_what_is_left(
    route53_service: Route53Service,
) -> None:
    """If the second batch of deletes fails, PartialFailureError names the 1,000 records
    deleted and the 200 left with the zone, which stays."""
    zone = route53_service.create_hosted_zone("example.com")
    route53_service.change_records(zone.id, changes(1200))
    answer_calls(
        route53_service.client,
        "ChangeResourceRecordSets",
        result_answer(
            {"ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": WHEN}}
        ),
        error_answer("PriorRequestNotComplete"),
    )

    with pytest.raises(PartialFailureError) as raised:
        route53_service.delete_hosted_zone(zone.id, force=True)

    error = raised.value
    assert not isinstance(error, ChangeBatchError)
    assert len(error.done) == 1000
    assert error.done[0].startswith("DELETE ")
    assert len(error.not_done) == 201
    assert error.not_done[-1] == f"hosted zone {zone.id}"
    assert isinstance(error.error, ThrottledError)
    assert route53_service.hosted_zone(zone.id).id == zone.id


def test_forced_delete_whose_first_batch_fails_deleted_nothing(
    route53_service: Route53Service,
) -> None:
    """If the first batch of deletes fails, done is empty and not_done holds every record."""
    zone = route53_service.create_hosted_zone("example.com")
    route53_service.change_records(zone.id, changes(3))
    answer_calls(
        route53_service.client, "ChangeResourceRecordSets", error_answer("InvalidChangeBatch")
    )

    with pytest.raises(PartialFailureError) as raised:
        route53_service.delete_hosted_zone(zone.id, force=True)

    assert raised.value.done == ()
    assert len(raised.value.not_done) == 4
    assert isinstance(raised.value.error, InvalidRequestError)


def test_forced_delete_whose_zone_delete_fails_names_the_zone(
    route53_service: Route53Service,
) -> None:
    """If DeleteHostedZone fails after the records went, not_done is the zone alone."""
    zone = route53_service.create_hosted_zone("example.com")
    route53_service.change_records(zone.id, changes(2))
    answer_calls(
        route53_service.client, "DeleteHostedZone", error_answer("PriorRequestNotComplete")
    )

    with pytest.raises(PartialFailureError) as raised:
        route53_service.delete_hosted_zone(zone.id, force=True)

    assert len(raised.value.done) == 2
    assert raised.value.not_done == (f"hosted zone {zone.id}",)
    assert list(route53_service.records(zone.id, name="h0.example.com")) == []


def test_forced_delete_of_an_empty_zone_raises_its_error_as_is(
    route53_service: Route53Service,
) -> None:
    """With no records to delete, a failing DeleteHostedZone raises its own error."""
    zone = route53_service.create_hosted_zone("example.com")
    answer_calls(
        route53_service.client, "DeleteHostedZone", error_answer("PriorRequestNotComplete")
    )

    with pytest.raises(ThrottledError):
        route53_service.delete_hosted_zone(zone.id, force=True)


# -- waits and odd answers ---------------------------------------------------------------------


def test_wait_until_change_in_sync_polls_until_insync(
    route53: Route53Service, stub: Stubber
) -> None:
    """wait_until_change_in_sync polls GetChange while PENDING and returns at INSYNC."""
    for status in ("PENDING", "PENDING", "INSYNC"):
        stub.add_response(
            "get_change",
            {"ChangeInfo": {"Id": "/change/C1", "Status": status, "SubmittedAt": WHEN}},
            {"Id": "C1"},
        )

    route53.wait_until_change_in_sync("/change/C1", timeout=5, poll_interval=0.01)


def test_wait_until_change_in_sync_times_out(route53: Route53Service, stub: Stubber) -> None:
    """A change still PENDING at the deadline raises WaitTimeoutError."""
    for _ in range(3):
        stub.add_response(
            "get_change",
            {"ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": WHEN}},
            {"Id": "C1"},
        )

    with pytest.raises(WaitTimeoutError, match="C1"):
        route53.wait_until_change_in_sync("C1", timeout=0.02, poll_interval=0.01)


def test_wait_until_change_in_sync_for_an_unknown_change_is_not_found(
    route53: Route53Service, stub: Stubber
) -> None:
    """GetChange answering NoSuchChange raises NotFoundError."""
    stub.add_client_error(
        "get_change", "NoSuchChange", "A change with the specified id does not exist"
    )

    with pytest.raises(NotFoundError, match="NoSuchChange"):
        route53.wait_until_change_in_sync("C404", timeout=5, poll_interval=0.01)


def test_create_hosted_zone_builds_the_zone_from_aws_answer(
    route53: Route53Service, stub: Stubber
) -> None:
    """One CreateHostedZone request and no read-back: the zone comes from AWS's answer."""
    stub.add_response(
        "create_hosted_zone",
        {
            "HostedZone": zone_item(Z, "example.com."),
            "ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": WHEN},
            "DelegationSet": {"NameServers": ["ns-1.awsdns-01.org"]},
            "Location": f"https://route53.amazonaws.com/2013-04-01/hostedzone/{Z}",
        },
        {"Name": "example.com.", "CallerReference": "ref"},
    )

    zone = route53.create_hosted_zone("example.com", caller_reference="ref")

    assert (zone.id, zone.name_servers) == (Z, ("ns-1.awsdns-01.org",))


def test_answers_lacking_what_aws_always_sends_are_unexpected(route53: Route53Service) -> None:
    """A change answer without ChangeInfo or a zone answer without HostedZone raises
    UnexpectedResponseError, never KeyError."""
    answer_calls(route53.client, "ChangeResourceRecordSets", result_answer({}))
    answer_calls(route53.client, "GetHostedZone", result_answer({}))
    answer_calls(route53.client, "CreateHostedZone", result_answer({}))

    with pytest.raises(UnexpectedResponseError, match="ChangeInfo"):
        route53.upsert_record(Z, a_record("a.example.com"))
    with pytest.raises(UnexpectedResponseError, match="HostedZone"):
        route53.hosted_zone(Z)
    with pytest.raises(UnexpectedResponseError, match="HostedZone"):
        route53.create_hosted_zone("example.com")
