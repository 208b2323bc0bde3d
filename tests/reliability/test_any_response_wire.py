"""Issue 11 on the wire: any valid response, drawn from botocore's output shapes, written as
the XML AWS sends (``wire_xml``) and answered at ``before-send``, so botocore's parser runs
as it does on AWS's real answers: IAM's query protocol (ListUsers), S3's and Route53's
rest-xml (ListObjectsV2, ListResourceRecordSets) and EC2's own (DescribeInstances).

Each response is also answered as the parsed dict, through the Stubber: the models the two
paths give must be equal, and the ids, keys and names AWS sent must reach the models
unchanged. That proves the serializer (a member it misplaced would be missing from the
parse) and catches any difference between what the parser makes of AWS's XML and the dicts
the other any-response tests feed the facade. And for every operation the S3, IAM and
Route53 services read, what ``wire_xml`` writes parses back into the response it was
written from.
"""

from __future__ import annotations

import io
import json
import urllib.parse
from collections.abc import Callable, Generator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from any_response import SRC, as_list, dicts, lacks, models, outcome, stubbed
from botocore.awsrequest import HTTPHeaders
from botocore.parsers import create_parser
from botocore.response import StreamingBody
from hypothesis import given, settings
from hypothesis import strategies as st
from shapes import client_operations, response_strategy, service_model
from support import ONE_ATTEMPT, is_mapping
from wire_xml import serialize, wire_response, xml_safe

from awsfacade.ec2 import Ec2Service, Instance
from awsfacade.errors import UnexpectedResponseError
from awsfacade.iam import IamService, Role, User
from awsfacade.route53 import RecordSet, Route53Service
from awsfacade.s3 import BucketAcl, CommonPrefix, S3Object, S3Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSResponse
    from botocore.client import BaseClient
    from botocore.model import OperationModel

Response = dict[str, object]
_WORDS = st.text(st.characters(codec="ascii", categories=("L", "N")), max_size=8)
#: Trust policies as IAM sends them: URL-encoded JSON objects.
TRUST_POLICIES: st.SearchStrategy[object] = st.dictionaries(
    _WORDS, st.one_of(_WORDS, st.lists(_WORDS, max_size=2)), max_size=3
).map(lambda document: urllib.parse.quote(json.dumps(document)))


def responses(service: str, operation: str) -> st.SearchStrategy[Response]:
    """Any valid response, its text made sendable in XML 1.0 (as AWS's always is)."""
    return response_strategy(service, operation).map(_xml_safe)


def _xml_safe(response: Response) -> Response:
    safe = xml_safe(response)
    assert is_mapping(safe)
    return dict(safe)


def _whole_seconds(response: Response) -> Response:
    """The response with its header timestamps in whole seconds, as HTTP dates carry them."""
    return {
        key: value.replace(microsecond=0) if isinstance(value, datetime) else value
        for key, value in response.items()
    }


@contextmanager
def on_the_wire(
    client: BaseClient, operation: str, response: Mapping[str, object]
) -> Generator[list[str]]:
    """``operation`` answered at ``before-send`` with ``response`` as AWS's HTTP answer;
    yields the list of operations so answered."""
    model = client.meta.service_model.operation_model(operation)
    event = f"before-send.{client.meta.service_model.service_id.hyphenize()}.{operation}"
    answered: list[str] = []

    def answer(**_: object) -> AWSResponse:
        answered.append(operation)
        return wire_response(model, response)

    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response that botocore then uses instead of sending the request.
    client.meta.events.register(event, answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    try:
        yield answered
    finally:
        client.meta.events.unregister(event, answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - as registered


def both_ways(
    client: BaseClient,
    operation: str,
    response: Response,
    call: Callable[[], object],
    returns: type | tuple[type, ...],
    *,
    lacking: bool = False,
) -> list[object]:
    """``call`` answered through the Stubber and then on the wire: the two outcomes must be
    the same models (or both an UnexpectedResponseError). Returns the wire's models."""
    with stubbed(client, (operation, response)):
        direct = outcome(call, returns, lacking=lacking)
    with on_the_wire(client, operation, response) as answered:
        wired = outcome(call, returns, lacking=lacking)
    assert answered == [operation]
    if isinstance(direct, UnexpectedResponseError):
        assert isinstance(wired, UnexpectedResponseError), wired
        return []
    assert wired == direct
    return as_list(wired)


@pytest.fixture
def iam(aws_session: Session) -> IamService:
    return IamService(aws_session, config=ONE_ATTEMPT)


@pytest.fixture
def s3(aws_session: Session) -> S3Service:
    return S3Service(aws_session, config=ONE_ATTEMPT)


@pytest.fixture
def route53(aws_session: Session) -> Route53Service:
    return Route53Service(aws_session, config=ONE_ATTEMPT)


@pytest.fixture
def ec2(aws_session: Session) -> Ec2Service:
    return Ec2Service(aws_session, config=ONE_ATTEMPT)


@given(response=responses("iam", "ListUsers"))
def test_list_users_as_query_xml(iam: IamService, response: Response) -> None:
    """IAM's query XML (``<ListUsersResult><Users><member>``) parses into the same users."""
    users = both_ways(iam.client, "ListUsers", response, iam.users, User)
    sent = dicts(response.get("Users"))
    assert [(u.name, u.id, u.arn, u.path) for u in models(users, User)] == [
        (item["UserName"], item["UserId"], item["Arn"], item["Path"]) for item in sent
    ]
    assert [u.created for u in models(users, User)] == [item["CreateDate"] for item in sent]


@given(
    response=response_strategy(
        "iam", "GetRole", overrides={"Role.AssumeRolePolicyDocument": TRUST_POLICIES}
    ).map(_xml_safe)
)
def test_get_role_as_query_xml(iam: IamService, response: Response) -> None:
    """A role's trust policy travels URL-encoded inside the XML; botocore decodes it on both
    paths, and the same role (its document parsed) comes out."""
    roles = both_ways(iam.client, "GetRole", response, lambda: iam.role("any-role"), Role)
    for role in models(roles, Role):
        sent = response["Role"]
        assert is_mapping(sent)
        assert (role.name, role.id, role.arn) == (sent["RoleName"], sent["RoleId"], sent["Arn"])
        document = sent.get("AssumeRolePolicyDocument")
        if isinstance(document, str):
            assert role.assume_role_policy == json.loads(urllib.parse.unquote(document))


@given(response=responses("s3", "ListObjectsV2"))
def test_list_objects_as_rest_xml(s3: S3Service, response: Response) -> None:
    """S3's rest-xml (flattened ``<Contents>`` and ``<CommonPrefixes>``) parses into the same
    objects and prefixes."""
    listed = both_ways(
        s3.client,
        "ListObjectsV2",
        response,
        lambda: s3.objects("any-bucket", delimiter="/"),
        (S3Object, CommonPrefix),
        lacking=lacks(
            response,
            *(f"Contents?.{m}" for m in ("Key", "Size", "LastModified", "ETag")),
            "CommonPrefixes?.Prefix",
        ),
    )
    if listed and response.get("EncodingType") != "url":  # else botocore URL-decodes them
        assert sorted(o.key for o in models(listed, S3Object)) == sorted(
            str(item["Key"]) for item in dicts(response.get("Contents"))
        )
        assert sorted(p.prefix for p in models(listed, CommonPrefix)) == sorted(
            str(item["Prefix"]) for item in dicts(response.get("CommonPrefixes"))
        )


@given(response=responses("s3", "HeadObject").map(_whole_seconds))
def test_head_object_as_headers(s3: S3Service, response: Response) -> None:
    """HeadObject's answer is all headers (``Content-Length``, ``Last-Modified`` as an HTTP
    date, ``x-amz-meta-*`` for the metadata): they parse into the same object."""
    found = both_ways(
        s3.client,
        "HeadObject",
        response,
        lambda: s3.head_object("any-bucket", "key"),
        S3Object,
        lacking=lacks(response, "ContentLength", "LastModified", "ETag"),
    )
    for item in models(found, S3Object):
        assert (item.size, item.etag, item.version_id, item.content_type) == (
            response["ContentLength"],
            response["ETag"],
            response.get("VersionId"),
            response.get("ContentType"),
        )
        assert item.metadata == response.get("Metadata", {})


@given(response=responses("s3", "GetBucketAcl"))
def test_bucket_acl_as_rest_xml(s3: S3Service, response: Response) -> None:
    """GetBucketAcl's grantees carry their type as an ``xsi:type`` attribute: the same ACL."""
    found = both_ways(
        s3.client, "GetBucketAcl", response, lambda: s3.bucket_acl("any-bucket"), BucketAcl
    )
    for acl in models(found, BucketAcl):
        assert [(g.permission, g.grantee_id, g.uri) for g in acl.grants] == [
            (
                grant.get("Permission") or "",
                _grantee(grant).get("ID"),
                _grantee(grant).get("URI"),
            )
            for grant in dicts(response.get("Grants"))
        ]


@given(response=responses("route53", "ListResourceRecordSets"))
def test_list_resource_record_sets_as_rest_xml(route53: Route53Service, response: Response) -> None:
    """Route53's rest-xml (``<ResourceRecordSets><ResourceRecordSet>``) parses into the same
    record sets."""
    records = models(
        both_ways(
            route53.client,
            "ListResourceRecordSets",
            response,
            lambda: route53.records("Z0123456789ABCDEFGHIJ"),
            RecordSet,
        ),
        RecordSet,
    )
    sent = dicts(response.get("ResourceRecordSets"))
    assert [(r.type, r.ttl, r.set_identifier) for r in records] == [
        (item["Type"], item.get("TTL"), item.get("SetIdentifier")) for item in sent
    ]
    assert [r.values for r in records] == [
        tuple(str(value["Value"]) for value in dicts(item.get("ResourceRecords"))) for item in sent
    ]


@given(response=responses("ec2", "DescribeInstances"))
def test_describe_instances_as_ec2_xml(ec2: Ec2Service, response: Response) -> None:
    """EC2's XML (``<reservationSet><item><instancesSet><item>``) parses into the same
    instances."""
    instances = both_ways(
        ec2.client,
        "DescribeInstances",
        response,
        ec2.instances,
        Instance,
        lacking=lacks(
            response,
            *(
                f"Reservations?.Instances?.{m}"
                for m in ("InstanceId", "ImageId", "InstanceType", "LaunchTime", "State.Name")
            ),
        ),
    )
    if instances:
        assert [i.id for i in models(instances, Instance)] == [
            item["InstanceId"]
            for reservation in dicts(response.get("Reservations"))
            for item in dicts(reservation.get("Instances"))
        ]


#: Every operation the S3, IAM and Route53 services read that answers with a body or headers.
READ = [
    (service, operation)
    for service in ("iam", "s3", "route53")
    for operation in sorted(client_operations(SRC / service, service))
    if service_model(service).operation_model(operation).output_shape is not None
]


@pytest.mark.parametrize(("service", "operation"), READ, ids=str)
@settings(max_examples=10)  # a check of the serializer, not of the facade: 10 draws each
@given(data=st.data())
def test_wire_xml_round_trips(service: str, operation: str, data: st.DataObject) -> None:
    """What wire_xml writes, botocore's parser reads back as the response it was written from
    (every operation these services read): up to what HTTP and XML cannot tell apart, an empty
    list or map and no list or map, and a time's fraction of a second in an HTTP date."""
    response = data.draw(responses(service, operation), label="response")
    model = service_model(service).operation_model(operation)
    assert model.output_shape is not None
    status, headers, body = serialize(model, response)
    http_headers = HTTPHeaders()
    for name, value in headers.items():
        http_headers[name] = value
    stream = _streamed_payload(model)
    raw: object = StreamingBody(io.BytesIO(body), len(body)) if stream else body
    parsed = create_parser(model.metadata["protocol"]).parse(
        {"body": raw, "headers": http_headers, "status_code": status}, model.output_shape
    )
    if stream:
        payload = parsed.pop(stream)
        assert isinstance(payload, StreamingBody)
        assert payload.read() == response.pop(stream, b"")
    assert _comparable(parsed) == _comparable(response)


def _streamed_payload(model: OperationModel) -> str | None:
    """The member that is a streamed body (GetObject's ``Body``), if any."""
    output = model.output_shape
    payload: object = None if output is None else output.serialization.get("payload")
    if output is None or not isinstance(payload, str):
        return None
    return payload if output.members[payload].type_name in {"blob", "string"} else None


def _comparable(value: object) -> object:
    """``value`` without ResponseMetadata and empty lists and maps, its times in whole seconds."""
    if is_mapping(value):
        found = {key: _comparable(item) for key, item in value.items() if key != "ResponseMetadata"}
        return {key: item for key, item in found.items() if item not in ([], {})}
    if isinstance(value, list):
        return [_comparable(item) for item in as_list(value)]  # pyright: ignore[reportUnknownArgumentType] - a response's list holds objects
    if isinstance(value, datetime):
        utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        return utc.replace(microsecond=0)
    return value


# -- helpers -----------------------------------------------------------------------------------


def _grantee(grant: Mapping[str, object]) -> Mapping[str, object]:
    grantee = grant.get("Grantee")
    return grantee if is_mapping(grantee) else {}
