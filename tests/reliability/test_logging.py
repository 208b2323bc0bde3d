"""The ``awsfacade`` logger: one DEBUG record for each request the library makes, one WARNING
for each retry botocore makes (the attempt and why the previous one failed), and no secret in
any record of any logger."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import boto3.session
import pytest
from botocore.exceptions import EndpointConnectionError
from botocore.retries import standard
from secrets_support import assert_absent, logged
from support import answer_first, ec2_error

from awsfacade._logging import LOGGER
from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import InvalidArgumentError, ThrottledError
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service

if TYPE_CHECKING:
    from collections.abc import Mapping

    from botocore.retries.standard import RetryContext


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """botocore's standard mode retries at once: its back-off (up to a second) is zero."""

    def no_delay(self: standard.ExponentialBackoff, context: RetryContext) -> float:
        del self, context
        return 0.0

    monkeypatch.setattr(standard.ExponentialBackoff, "delay_amount", no_delay)


def ours(caplog: pytest.LogCaptureFixture, level: int) -> list[logging.LogRecord]:
    """The records of the ``awsfacade`` logger at ``level``."""
    return [r for r in caplog.records if r.name == "awsfacade" and r.levelno == level]


def field(record: logging.LogRecord, name: str) -> object:
    """An ``extra`` field of a record."""
    fields: Mapping[str, object] = vars(record)
    return fields[name]


def test_a_request_logs_one_debug_record(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """A listing of one page logs one DEBUG record: service, operation, region and the names
    of the parameters, not their values."""
    caplog.set_level(logging.DEBUG, logger="awsfacade")
    list(ec2_service.vpcs(tags={"team": "secret-team-name"}))

    (record,) = ours(caplog, logging.DEBUG)
    assert record.getMessage() == "ec2 DescribeVpcs in us-east-1 (Filters, MaxResults)"
    assert field(record, "aws_service") == "ec2"
    assert field(record, "aws_operation") == "DescribeVpcs"
    assert field(record, "aws_region") == "us-east-1"
    assert "secret-team-name" not in logged(caplog)
    assert ours(caplog, logging.WARNING) == []


def test_each_page_and_each_call_is_a_request(
    s3_service: S3Service, caplog: pytest.LogCaptureFixture
) -> None:
    """Each request logs: a write, then each page of a listing."""
    s3_service.create_bucket("files")
    for key in ("a", "b"):
        s3_service.put_object("files", key, b"data")
    caplog.set_level(logging.DEBUG, logger="awsfacade")
    s3_service.put_object("files", "c", b"data")
    pages = s3_service.client.get_paginator("list_objects_v2").paginate(
        Bucket="files", PaginationConfig={"PageSize": 2}
    )
    assert [len(page.get("Contents", [])) for page in pages] == [2, 1]

    messages = [record.getMessage() for record in ours(caplog, logging.DEBUG)]
    assert messages == [
        "s3 PutObject in us-east-1 (Body, Bucket, Key)",
        "s3 ListObjectsV2 in us-east-1 (Bucket, EncodingType, MaxKeys)",
        "s3 ListObjectsV2 in us-east-1 (Bucket, ContinuationToken, EncodingType, MaxKeys)",
    ]


def test_every_services_client_logs(
    aws_session: boto3.session.Session, caplog: pytest.LogCaptureFixture
) -> None:
    """Each service's client (every ClientCache) logs its requests: a listing of each."""
    caplog.set_level(logging.DEBUG, logger="awsfacade")
    list(AutoScalingService(aws_session).groups())
    list(Route53Service(aws_session).hosted_zones())
    list(RdsService(aws_session).instances())
    list(S3Service(aws_session).buckets())
    list(IamService(aws_session).users())
    list(Ec2Service(aws_session).instances())
    assert [record.getMessage().split(" (")[0] for record in ours(caplog, logging.DEBUG)] == [
        "autoscaling DescribeAutoScalingGroups in us-east-1",
        "route53 ListHostedZones in aws-global",
        "rds DescribeDBInstances in us-east-1",
        "s3 ListBuckets in us-east-1",
        "iam ListUsers in aws-global",
        "ec2 DescribeInstances in us-east-1",
    ]


def test_a_call_refused_before_sending_logs_no_request(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """botocore refusing the parameters means nothing was sent: no DEBUG record."""
    caplog.set_level(logging.DEBUG, logger="awsfacade")
    with pytest.raises(InvalidArgumentError), ec2_service._translate():
        ec2_service.client.describe_vpcs(VpcIds="vpc-1")  # a str, where botocore wants a list
    assert ours(caplog, logging.DEBUG) == []


def test_a_throttled_then_successful_call_logs_one_warning(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """AWS throttling the first attempt: botocore retries, and one WARNING names the new
    attempt and the code of the failed one; the call still logs one DEBUG record."""
    caplog.set_level(logging.DEBUG, logger="awsfacade")
    hook = answer_first(ec2_service.client, "before-send.ec2.DescribeVpcs", ec2_error("Throttling"))
    assert len(list(ec2_service.vpcs())) == 1  # moto's default VPC, on the second attempt

    assert hook.answered == 1
    (warning,) = ours(caplog, logging.WARNING)
    assert warning.getMessage() == "ec2 DescribeVpcs in us-east-1: attempt 2 after Throttling"
    assert field(warning, "aws_attempt") == 2
    assert field(warning, "aws_retry_reason") == "Throttling"
    assert len(ours(caplog, logging.DEBUG)) == 1


def test_each_retry_logs_a_warning_until_botocore_gives_up(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """Throttled on every attempt: a WARNING for attempts 2 and 3 (standard mode's three),
    none after the last failure, then ThrottledError."""
    caplog.set_level(logging.WARNING, logger="awsfacade")
    answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeVpcs",
        ec2_error("RequestLimitExceeded", status=503),
        times=3,
    )
    with pytest.raises(ThrottledError):
        list(ec2_service.vpcs())
    warnings = ours(caplog, logging.WARNING)
    assert [field(record, "aws_attempt") for record in warnings] == [2, 3]
    assert {field(record, "aws_retry_reason") for record in warnings} == {"RequestLimitExceeded"}


def test_a_retried_connection_error_is_named_by_its_class(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """A failed attempt that got no answer is named by the exception's class."""
    failed: list[str] = []

    def unreachable(**_: object) -> None:
        if not failed:
            failed.append("once")
            raise EndpointConnectionError(endpoint_url="https://ec2.us-east-1.amazonaws.com/")

    ec2_service.client.meta.events.register("before-send.ec2.DescribeVpcs", unreachable)
    caplog.set_level(logging.WARNING, logger="awsfacade")
    list(ec2_service.vpcs())
    (warning,) = ours(caplog, logging.WARNING)
    assert field(warning, "aws_retry_reason") == "EndpointConnectionError"


def test_with_the_logger_off_nothing_is_kept(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """With DEBUG off, no record and not even the parameter names are built (the cost of a
    request stays that of boto3's)."""
    contexts: list[dict[str, object]] = []

    def keep(*, context: dict[str, object], **_: object) -> None:
        contexts.append(context)

    ec2_service.client.meta.events.register("before-call.ec2.DescribeVpcs", keep)
    caplog.set_level(logging.INFO, logger="awsfacade")
    assert not LOGGER.isEnabledFor(logging.DEBUG)
    list(ec2_service.vpcs())
    (context,) = contexts
    assert not [key for key in context if key.startswith("awsfacade")]
    assert ours(caplog, logging.DEBUG) == []


def test_no_secret_in_any_record_at_debug(
    aws_session: boto3.session.Session, caplog: pytest.LogCaptureFixture
) -> None:
    """With every logger at DEBUG (botocore's too), a session token and secret key in the
    credentials, a new access key, a new private key and a master password reach no record;
    the facade's own records are there."""
    del aws_session  # requested for moto's mock, which answers any session's requests
    token, secret_key, password = (
        "sentinel-session-token-0101",
        "sentinel-secret-key-0102",
        "Sentinel-Password-0103",
    )
    session = boto3.session.Session(
        aws_access_key_id="AKIAEXAMPLE",
        aws_secret_access_key=secret_key,
        aws_session_token=token,
        region_name="us-east-1",
    )
    caplog.set_level(logging.DEBUG)
    iam, ec2, rds = IamService(session), Ec2Service(session), RdsService(session)
    iam.create_user("bob")
    access_key = iam.create_access_key("bob")
    key_pair = ec2.create_key_pair("deploy")
    rds.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin",
        master_password=password,
    )

    operations = {field(record, "aws_operation") for record in ours(caplog, logging.DEBUG)}
    assert {"CreateAccessKey", "CreateKeyPair", "CreateDBInstance"} <= operations
    assert access_key.secret
    assert key_pair.private_key
    text = logged(caplog)
    assert "x-amz-security-token" in text.lower()  # botocore logged the signed headers
    for secret in (token, secret_key, password, access_key.secret):
        assert_absent(secret, text)
    for line in key_pair.private_key.splitlines()[1:-1]:
        assert line not in text


def test_an_unconfigured_application_sees_nothing() -> None:
    """The library's logger has a NullHandler (logging's HOWTO for libraries), so with
    logging unconfigured Python's last-resort handler does not print retries to stderr."""
    assert [type(handler) for handler in LOGGER.handlers] == [logging.NullHandler]
    assert LOGGER.propagate  # the application's handlers still receive every record
