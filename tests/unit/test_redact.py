"""Secrets never reach a log line, even with botocore's DEBUG logging on."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import boto3.session
import pytest

from awsfacade import _redact
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import InvalidArgumentError
from awsfacade.iam import IamService

if TYPE_CHECKING:
    from boto3.session import Session


@pytest.mark.parametrize(
    ("logged", "expected"),
    [
        (
            "b'<AccessKey><UserName>bob</UserName><SecretAccessKey>wJal/rX+Y</SecretAccessKey>'",
            "b'<AccessKey><UserName>bob</UserName><SecretAccessKey>***</SecretAccessKey>'",
        ),
        ("<keyMaterial>-----BEGIN RSA</keyMaterial>", "<keyMaterial>***</keyMaterial>"),
        (
            "{'Action': 'CreateLoginProfile', 'UserName': 'bob', 'Password': \"it's\"}",
            "{'Action': 'CreateLoginProfile', 'UserName': 'bob', 'Password': \"***\"}",
        ),
        (
            'b\'{"Credentials":{"SessionToken":"to\\\\"ken","Expiration":1}}\'',
            'b\'{"Credentials":{"SessionToken":"***","Expiration":1}}\'',
        ),
        (
            "Action=CreateDBInstance&MasterUserPassword=hunter2&Engine=postgres",
            "Action=CreateDBInstance&MasterUserPassword=***&Engine=postgres",
        ),
        (
            "host:iam.amazonaws.com\nx-amz-security-token:FQoGZXIvYXdz==\nx-amz-date:20261125",
            "host:iam.amazonaws.com\nx-amz-security-token:***\nx-amz-date:20261125",
        ),
        (
            "{'X-Amz-Security-Token': b'FQoG', 'Host': b'iam'}",
            "{'X-Amz-Security-Token': b'***', 'Host': b'iam'}",
        ),
        ("UserName=bob&PasswordResetRequired=true", None),
    ],
    ids=[
        "xml",
        "xml-lowercase",
        "repr",
        "json",
        "query",
        "header-line",
        "header-repr",
        "no-secret",
    ],
)
def test_redact_masks_each_form_botocore_prints(logged: str, expected: str | None) -> None:
    """Each way botocore prints a sensitive member loses its value; other text is kept."""
    assert _redact.redact(logged) == (logged if expected is None else expected)


def test_debug_logs_of_a_new_access_key_hold_no_secret(
    aws_session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    """botocore's DEBUG lines for CreateAccessKey (its response body included) never show
    the secret access key."""
    iam = IamService(aws_session)
    iam.client.create_user(UserName="bob")
    caplog.set_level(logging.DEBUG)
    secret = iam.client.create_access_key(UserName="bob")["AccessKey"]["SecretAccessKey"]
    assert "Response body" in caplog.text  # botocore did log the body
    assert secret not in caplog.text


def test_debug_logs_of_a_new_key_pair_hold_no_private_key(
    aws_session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    """The private key of a new EC2 key pair is not in botocore's DEBUG lines."""
    caplog.set_level(logging.DEBUG)
    key = Ec2Service(aws_session).create_key_pair("deploy")
    assert key.private_key
    body = key.private_key.splitlines()[1]
    assert body not in caplog.text


def test_debug_logs_hold_no_session_token(
    aws_session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    """The session token that signs every request is in no DEBUG line (signed headers,
    the prepared request)."""
    token = "FQoGZXIvYXdzEXAMPLETOKENthatmustnotleak"
    del aws_session  # requested for moto's mock, which answers any session's requests
    session = boto3.session.Session(
        aws_access_key_id="AKIAEXAMPLE",
        aws_secret_access_key="secret-example-key",
        aws_session_token=token,
        region_name="us-east-1",
    )
    caplog.set_level(logging.DEBUG)
    list(Ec2Service(session).vpcs())
    assert "x-amz-security-token" in caplog.text.lower()
    assert token not in caplog.text
    assert "secret-example-key" not in caplog.text


def test_a_rejected_password_is_not_quoted_in_the_error(aws_session: Session) -> None:
    """botocore's parameter-validation message quotes the bad value; ours hides a password."""
    iam = IamService(aws_session)
    with pytest.raises(InvalidArgumentError) as caught, iam._translate():
        iam.client.create_login_profile(
            UserName="bob",
            Password=["hunter2-secret"],  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type under test
        )
    assert "hunter2-secret" not in str(caught.value)
    assert "Password" in str(caught.value)
