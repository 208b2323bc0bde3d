"""Faults on the way to AWS: throttling and 5xx are retried under the standard retry mode,
broken connections are a ClientSideError within the configured timeouts, and a launch
retried after a lost response does not launch twice."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import pytest
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ProxyConnectionError,
    ReadTimeoutError,
    SSLError,
)
from faults_support import (
    IdempotentAfterLoss,
    closed_port,
    fail_first,
    full_server,
    query_value,
    reached,
    register_ahead,
    silent_server,
    wire_error,
    xml_value,
)
from support import RETRY_BACKOFF, record_sleeps

from awsfacade._translate import translate
from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    ClientSideError,
    CredentialsError,
    ServiceError,
    ThrottledError,
)
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service
from awsfacade.s3._checks import check_body
from awsfacade.testing import new_session

if TYPE_CHECKING:
    from pathlib import Path

    from boto3.session import Session
    from botocore.client import BaseClient

IMAGE = "ami-12345678"

#: botocore's standard mode: three attempts in all unless the config says otherwise.
STANDARD_ATTEMPTS = 3


@attrs.frozen
class Scenario:
    """One call of a service: the operation faults are injected into, and ``run``, which
    makes the call and asserts its result and what AWS then holds."""

    client: BaseClient
    operation: str
    run: Callable[[], None]


# -- one representative read and one change per service -------------------------------------


def ec2_read(session: Session) -> Scenario:
    ec2 = Ec2Service(session)
    [made] = ec2.run(image_id=IMAGE)

    def run() -> None:
        assert [instance.id for instance in ec2.instances()] == [made.id]

    return Scenario(ec2.client, "DescribeInstances", run)


def ec2_change(session: Session) -> Scenario:
    ec2 = Ec2Service(session)

    def run() -> None:
        [made] = ec2.run(image_id=IMAGE, tags={"n": "1"})
        assert made.tags == {"n": "1"}
        assert [instance.id for instance in ec2.instances()] == [made.id]  # launched once

    return Scenario(ec2.client, "RunInstances", run)


def s3_read(session: Session) -> Scenario:
    s3 = S3Service(session)
    s3.create_bucket("faults")
    s3.put_object("faults", "a.txt", b"a")

    def run() -> None:
        assert [(item.key, item.size) for item in s3.objects("faults")] == [("a.txt", 1)]

    return Scenario(s3.client, "ListObjectsV2", run)


def s3_change(session: Session) -> Scenario:
    s3 = S3Service(session)
    s3.create_bucket("faults")
    s3.client.put_bucket_versioning(Bucket="faults", VersioningConfiguration={"Status": "Enabled"})

    def run() -> None:
        put = s3.put_object("faults", "a.txt", b"abc")
        assert (put.bucket, put.key) == ("faults", "a.txt")
        versions = s3.client.list_object_versions(Bucket="faults").get("Versions", [])
        assert [version.get("VersionId") for version in versions] == [put.version_id]

    return Scenario(s3.client, "PutObject", run)


def iam_read(session: Session) -> Scenario:
    iam = IamService(session)
    iam.create_user("alice")

    def run() -> None:
        assert [user.name for user in iam.users()] == ["alice"]

    return Scenario(iam.client, "ListUsers", run)


def iam_change(session: Session) -> Scenario:
    iam = IamService(session)

    def run() -> None:
        # A retried CreateUser that had reached AWS would be EntityAlreadyExists.
        assert iam.create_user("alice").name == "alice"
        assert [user.name for user in iam.users()] == ["alice"]

    return Scenario(iam.client, "CreateUser", run)


def _create_db(rds: RdsService) -> str:
    return rds.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin",
        master_password="correct-horse-battery",
    ).identifier


def rds_read(session: Session) -> Scenario:
    rds = RdsService(session)
    _create_db(rds)

    def run() -> None:
        assert [db.identifier for db in rds.instances()] == ["db1"]

    return Scenario(rds.client, "DescribeDBInstances", run)


def rds_change(session: Session) -> Scenario:
    rds = RdsService(session)

    def run() -> None:
        assert _create_db(rds) == "db1"  # a second CreateDBInstance would be AlreadyExists
        assert [db.identifier for db in rds.instances()] == ["db1"]

    return Scenario(rds.client, "CreateDBInstance", run)


def autoscaling_read(session: Session) -> Scenario:
    autoscaling = AutoScalingService(session)
    autoscaling.create_launch_configuration("lc", image_id=IMAGE, instance_type="t3.nano")

    def run() -> None:
        assert [lc.name for lc in autoscaling.launch_configurations()] == ["lc"]

    return Scenario(autoscaling.client, "DescribeLaunchConfigurations", run)


def autoscaling_change(session: Session) -> Scenario:
    autoscaling = AutoScalingService(session)

    def run() -> None:
        made = autoscaling.create_launch_configuration(
            "lc", image_id=IMAGE, instance_type="t3.nano"
        )
        assert (made.name, made.image_id) == ("lc", IMAGE)
        assert [lc.name for lc in autoscaling.launch_configurations()] == ["lc"]

    return Scenario(autoscaling.client, "CreateLaunchConfiguration", run)


def route53_read(session: Session) -> Scenario:
    route53 = Route53Service(session)
    zone = route53.create_hosted_zone("example.com")

    def run() -> None:
        assert [found.id for found in route53.hosted_zones()] == [zone.id]

    return Scenario(route53.client, "ListHostedZones", run)


def route53_change(session: Session) -> Scenario:
    route53 = Route53Service(session)

    def run() -> None:
        zone = route53.create_hosted_zone("example.com")
        assert zone.name == "example.com."
        assert [found.id for found in route53.hosted_zones()] == [zone.id]  # created once

    return Scenario(route53.client, "CreateHostedZone", run)


READS = [ec2_read, s3_read, iam_read, rds_read, autoscaling_read, route53_read]
CHANGES = [ec2_change, s3_change, iam_change, rds_change, autoscaling_change, route53_change]

#: Each service's throttling as its protocol spells it (EC2: RequestLimitExceeded, S3: SlowDown).
THROTTLING = {
    "ec2": ("RequestLimitExceeded", 503),
    "s3": ("SlowDown", 503),
    "iam": ("Throttling", 400),
    "rds": ("Throttling", 400),
    "autoscaling": ("Throttling", 400),
    "route53": ("Throttling", 400),
}

#: Throttling for every call; a 500 for each read, a 503 for each change.
FAULTS = [
    *[pytest.param(make, "throttled", id=f"{make.__name__}-throttled") for make in READS + CHANGES],
    *[pytest.param(make, "500", id=f"{make.__name__}-500") for make in READS],
    *[pytest.param(make, "503", id=f"{make.__name__}-503") for make in CHANGES],
]


def fault(client: BaseClient, kind: str) -> tuple[str, int]:
    """The error code and status of a fault of ``kind`` on ``client``'s service."""
    if kind == "throttled":
        return THROTTLING[client.meta.service_model.service_name]
    return ("InternalError", 500) if kind == "500" else ("ServiceUnavailable", 503)


@pytest.mark.parametrize(("scenario", "kind"), FAULTS)
def test_transient_faults_are_retried_and_the_call_succeeds(
    aws_session: Session,
    monkeypatch: pytest.MonkeyPatch,
    scenario: Callable[[Session], Scenario],
    kind: str,
) -> None:
    """Two throttled or 5xx attempts, then success: the call returns the right model after
    exactly three attempts, and a change is carried out once (the failed attempts never
    reached AWS)."""
    case = scenario(aws_session)
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    code, status = fault(case.client, kind)
    failures = STANDARD_ATTEMPTS - 1
    hook = fail_first(case.client, case.operation, wire_error(case.client, code, status), failures)
    moto = reached(case.client, case.operation)

    case.run()

    assert moto.count == 1
    assert hook.answered == failures
    assert hook.attempts == failures + 1
    assert len(sleeps) == failures


@pytest.mark.parametrize("scenario", READS + CHANGES, ids=lambda make: make.__name__)
def test_throttling_past_the_retries_is_a_throttled_error(
    aws_session: Session, monkeypatch: pytest.MonkeyPatch, scenario: Callable[[Session], Scenario]
) -> None:
    """Throttled on every attempt: ThrottledError with AWS's code after the standard mode's
    three attempts."""
    case = scenario(aws_session)
    record_sleeps(monkeypatch, RETRY_BACKOFF)
    code, status = fault(case.client, "throttled")
    hook = fail_first(case.client, case.operation, wire_error(case.client, code, status), 99)

    with pytest.raises(ThrottledError) as raised:
        case.run()

    assert raised.value.code == code
    assert raised.value.operation == case.operation
    assert hook.attempts == STANDARD_ATTEMPTS


def test_server_errors_past_the_retries_keep_their_code(
    aws_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """503 on every attempt: the ServiceError carries AWS's code, after the attempts the
    config allows (botocore's ``max_attempts`` counts retries, ``total_max_attempts`` all)."""
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    iam = IamService(aws_session, config=Config(retries={"total_max_attempts": 5}))
    unavailable = wire_error(iam.client, "ServiceUnavailable", 503)
    hook = fail_first(iam.client, "ListUsers", unavailable, 99)

    with pytest.raises(ServiceError) as raised:
        list(iam.users())

    assert raised.value.code == "ServiceUnavailable"
    assert hook.attempts == 5
    assert len(sleeps) == 4
    retries = IamService(aws_session, config=Config(retries={"max_attempts": 2}))
    counted = fail_first(retries.client, "ListUsers", unavailable, 99)
    with pytest.raises(ServiceError):
        list(retries.users())
    assert counted.attempts == 3


#: Each service's answers to credentials that are not valid or have expired, as its protocol
#: sends them (code and HTTP status): EC2's AuthFailure and RequestExpired (its answer to
#: expired temporary credentials as well as to a clock off by more than 15 minutes), S3's own
#: codes, and the query protocol's common errors for IAM, RDS, AutoScaling and Route53.
_QUERY_CREDENTIALS = [("InvalidClientTokenId", 403), ("SignatureDoesNotMatch", 403)]
CREDENTIALS_CODES: dict[Callable[[Session], Scenario], list[tuple[str, int]]] = {
    ec2_read: [("AuthFailure", 401), ("RequestExpired", 400)],
    s3_read: [
        ("InvalidAccessKeyId", 403),
        ("SignatureDoesNotMatch", 403),
        ("ExpiredToken", 400),
        ("InvalidToken", 400),
        ("TokenRefreshRequired", 400),
        ("RequestTimeTooSkewed", 403),
    ],
    iam_read: [*_QUERY_CREDENTIALS, ("ExpiredToken", 403)],
    rds_read: [*_QUERY_CREDENTIALS, ("ExpiredToken", 403)],
    autoscaling_read: [*_QUERY_CREDENTIALS, ("ExpiredToken", 403)],
    route53_read: [*_QUERY_CREDENTIALS, ("ExpiredToken", 403)],
}


@pytest.mark.parametrize(
    ("scenario", "code", "status"),
    [
        pytest.param(make, code, status, id=f"{make.__name__}-{code}")
        for make, answers in CREDENTIALS_CODES.items()
        for code, status in answers
    ],
)
def test_rejected_or_expired_credentials_are_a_credentials_error(
    aws_session: Session, scenario: Callable[[Session], Scenario], code: str, status: int
) -> None:
    """Credentials AWS rejects or finds expired, whatever the service calls it: one
    CredentialsError (an AccessDeniedError) with AWS's code and operation, whose message
    says where credentials are looked for."""
    case = scenario(aws_session)
    fail_first(case.client, case.operation, wire_error(case.client, code, status), 99)

    with pytest.raises(CredentialsError) as raised:
        case.run()

    assert isinstance(raised.value, AccessDeniedError)
    assert (raised.value.code, raised.value.operation) == (code, case.operation)
    assert "AWS credentials are looked for, in this order, in:" in str(raised.value)
    assert isinstance(raised.value.__cause__, ClientError)


@pytest.mark.parametrize("kind", ["memory", "disk"])
def test_a_file_body_read_part_way_is_sent_from_there_on_every_attempt(
    s3_service: S3Service, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str
) -> None:
    """put_object sends a file from its current position; botocore rewinds a file body to 0
    before a retry, so a throttled first attempt must not make the object the whole file."""
    record_sleeps(monkeypatch, RETRY_BACKOFF)
    s3_service.create_bucket("bodies")
    path = tmp_path / "body.bin"
    path.write_bytes(b"HEADER" + b"payload" * 1000)
    hook = fail_first(
        s3_service.client, "PutObject", wire_error(s3_service.client, "SlowDown", 503), 1
    )

    with io.BytesIO(path.read_bytes()) if kind == "memory" else path.open("rb") as body:
        body.seek(6)
        s3_service.put_object("bodies", "rest", body)
        assert body.tell() == 6 + 7000
        assert not body.closed

    assert hook.attempts == 2
    assert s3_service.get_object("bodies", "rest") == b"payload" * 1000


def test_a_body_that_cannot_seek_is_sent_as_it_is() -> None:
    """A file object without seek (a pipe, say) or a closed one is passed on unchanged."""

    class Pipe:
        def read(self, size: int = -1) -> bytes:
            return b""

    pipe = Pipe()
    closed = io.BytesIO(b"x")
    closed.close()

    sent: object = check_body(pipe)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - botocore takes any object with read()
    assert sent is pipe
    assert check_body(closed) is closed


# -- connections that fail: a ClientSideError, never a hang ----------------------------------

#: connect_timeout, read_timeout (seconds) and attempts of the services below.
TIMEOUT = 1
ATTEMPTS = 2
QUICK = Config(
    connect_timeout=TIMEOUT, read_timeout=TIMEOUT, retries={"total_max_attempts": ATTEMPTS}
)
#: The hang guard: every attempt may use both timeouts; the rest is a machine's slack.
BOUND = ATTEMPTS * 2 * TIMEOUT + 10

CALLS: dict[str, Callable[[str], object]] = {
    "ec2-read": lambda url: Ec2Service(new_session(), endpoint_url=url, config=QUICK).instance(
        "i-12345678"
    ),
    "ec2-listing": lambda url: list(
        Ec2Service(new_session(), endpoint_url=url, config=QUICK).instances()
    ),
    "ec2-change": lambda url: Ec2Service(new_session(), endpoint_url=url, config=QUICK).run(
        image_id=IMAGE
    ),
    "s3-read": lambda url: S3Service(new_session(), endpoint_url=url, config=QUICK).get_object(
        "b", "k"
    ),
    "s3-listing": lambda url: list(
        S3Service(new_session(), endpoint_url=url, config=QUICK).objects("b")
    ),
}

#: A read timeout costs the timeouts in full: the calls it is proven for.
TIMED = ["ec2-read", "ec2-listing", "s3-read"]


def _client_side_error_in_time(call: Callable[[str], object], url: str) -> ClientSideError:
    started = time.monotonic()
    with pytest.raises(ClientSideError) as raised:
        call(url)
    assert time.monotonic() - started < BOUND
    return raised.value


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_connection_refused_is_a_client_side_error(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch, call: Callable[[str], object]
) -> None:
    """A closed loopback port: ClientSideError naming the endpoint, after every attempt."""
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    url = f"http://127.0.0.1:{closed_port()}"

    error = _client_side_error_in_time(call, url)

    assert url in str(error)
    assert len(sleeps) == ATTEMPTS - 1


@pytest.mark.parametrize("call", [CALLS[name] for name in TIMED], ids=TIMED)
def test_a_server_that_never_answers_is_a_read_timeout(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch, call: Callable[[str], object]
) -> None:
    """A server that accepts and never answers: ClientSideError (read timeout) within the
    configured timeouts, never a hang."""
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    with silent_server() as port:
        error = _client_side_error_in_time(call, f"http://127.0.0.1:{port}")

    assert "Read timeout" in str(error)
    assert len(sleeps) == ATTEMPTS - 1


def test_a_server_that_hangs_up_is_a_client_side_error(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that closes every connection without answering: ClientSideError (connection
    closed) after every attempt."""
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    with silent_server(hang_up=True) as port:
        error = _client_side_error_in_time(CALLS["ec2-listing"], f"http://127.0.0.1:{port}")

    assert isinstance(error.__cause__, ConnectionClosedError)
    assert len(sleeps) == ATTEMPTS - 1


def test_a_host_that_never_accepts_is_a_connect_timeout(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listener whose queue is full (the kernel drops the connection attempts, as for a
    host that is down): ClientSideError (connect timeout) within the configured timeouts."""
    sleeps = record_sleeps(monkeypatch, RETRY_BACKOFF)
    with full_server() as port:
        error = _client_side_error_in_time(CALLS["s3-read"], f"http://127.0.0.1:{port}")

    assert isinstance(error.__cause__, ConnectTimeoutError)
    assert len(sleeps) == ATTEMPTS - 1


@pytest.mark.parametrize("streamed", [False, True], ids=["get_object", "stream_object"])
def test_a_body_cut_short_is_a_client_side_error(
    aws_credentials: None, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    """GetObject answered 200 whose body stops half-way (the connection closes): reading it
    is a ClientSideError, whole or streamed, not botocore's own exception."""
    record_sleeps(monkeypatch, RETRY_BACKOFF)
    cut = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly 20 of 100 bytes"
    with silent_server(reply=cut) as port:
        s3 = S3Service(new_session(), endpoint_url=f"http://127.0.0.1:{port}", config=QUICK)
        read: Callable[[], object] = (
            (lambda: list(s3.stream_object("b", "k", chunk_size=8)))
            if streamed
            else (lambda: s3.get_object("b", "k"))
        )
        with pytest.raises(ClientSideError) as raised:
            read()

    assert isinstance(raised.value.__cause__, BotoCoreError)


@pytest.mark.parametrize(
    "error",
    [
        EndpointConnectionError(endpoint_url="https://ec2.invalid/"),
        ConnectTimeoutError(endpoint_url="https://ec2.invalid/"),
        ReadTimeoutError(endpoint_url="https://ec2.invalid/"),
        ConnectionClosedError(endpoint_url="https://ec2.invalid/"),
        ProxyConnectionError(proxy_url="http://127.0.0.1:9/", error=OSError("refused")),
        SSLError(endpoint_url="https://ec2.invalid/", error=OSError("bad certificate")),
    ],
    ids=type,
)
def test_every_connection_failure_is_a_client_side_error(error: BotoCoreError) -> None:
    """Each of botocore's connection failures becomes a ClientSideError, with it as cause."""
    with pytest.raises(ClientSideError) as raised, translate():
        raise error

    assert raised.value.__cause__ is error
    assert str(raised.value) == str(error)


# -- a launch retried after its response was lost ---------------------------------------------


def _client_token(request: object) -> str:
    return query_value(getattr(request, "body", b""), "ClientToken")


@pytest.mark.parametrize("token", ["deploy-42", None], ids=["given", "generated"])
def test_a_launch_whose_answer_is_lost_is_not_launched_twice(
    ec2_service: Ec2Service, monkeypatch: pytest.MonkeyPatch, token: str | None
) -> None:
    """RunInstances carried out, its answer lost: botocore retries with the same ClientToken
    (the caller's, or the one botocore generates when none is given), and AWS, which answers a
    repeated token with the first launch, leaves exactly one set of instances.

    moto ignores ClientToken (tests/services/test_ec2.py's strict xfail
    test_run_same_client_token_returns_the_same_instances); the hook plays AWS's part.
    """
    record_sleeps(monkeypatch, RETRY_BACKOFF)
    aws = IdempotentAfterLoss(_client_token)
    register_ahead(ec2_service.client, "RunInstances", aws)

    launched = ec2_service.run(image_id=IMAGE, count=2, client_token=token)

    assert len(aws.tokens) == 2
    assert aws.tokens[0] == aws.tokens[1]
    if token is not None:
        assert aws.tokens[0] == token
    existing = sorted(instance.id for instance in ec2_service.instances())
    assert sorted(instance.id for instance in launched) == existing
    assert len(existing) == 2


def _caller_reference(request: object) -> str:
    return xml_value(getattr(request, "body", b""), "CallerReference")


@pytest.mark.parametrize("reference", ["deploy-42", None], ids=["given", "generated"])
def test_a_zone_whose_answer_is_lost_is_returned_not_already_exists(
    route53_service: Route53Service, monkeypatch: pytest.MonkeyPatch, reference: str | None
) -> None:
    """CreateHostedZone carried out, its answer lost: botocore retries with the same
    CallerReference, Route53 answers HostedZoneAlreadyExists (its documented idempotency;
    moto does not), and create_hosted_zone returns the zone the first attempt made."""
    record_sleeps(monkeypatch, RETRY_BACKOFF)
    route53 = route53_service
    exists = wire_error(route53.client, "HostedZoneAlreadyExists", 409)
    aws = IdempotentAfterLoss(_caller_reference, repeated=exists)
    register_ahead(route53.client, "CreateHostedZone", aws)

    zone = route53.create_hosted_zone("example.com", caller_reference=reference)

    assert len(aws.tokens) == 2
    assert aws.tokens[0] == aws.tokens[1] == zone.caller_reference
    if reference is not None:
        assert zone.caller_reference == reference
    assert [found.id for found in route53.hosted_zones()] == [zone.id]
    assert zone.name_servers  # read with GetHostedZone, as CreateHostedZone would tell


def test_already_exists_for_a_reference_no_zone_of_that_name_has_stands(
    route53_service: Route53Service,
) -> None:
    """HostedZoneAlreadyExists when no zone of that name carries the reference (a reference
    reused for another name, say): Route53's error is raised as it is."""
    other = route53_service.create_hosted_zone("other.example", caller_reference="reused")
    exists = wire_error(route53_service.client, "HostedZoneAlreadyExists", 409)
    fail_first(route53_service.client, "CreateHostedZone", exists, 1)

    with pytest.raises(AlreadyExistsError) as raised:
        route53_service.create_hosted_zone("example.com", caller_reference="reused")

    assert raised.value.code == "HostedZoneAlreadyExists"
    assert [zone.id for zone in route53_service.hosted_zones()] == [other.id]
