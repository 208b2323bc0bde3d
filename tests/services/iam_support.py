"""Helpers shared by the IAM service tests: documents, canned IAM answers and entities."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeGuard

from botocore.awsrequest import AWSResponse, HTTPHeaders

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from mypy_boto3_iam.type_defs import RoleTypeDef, UserTypeDef

#: A trust policy letting EC2 assume a role.
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
#: A policy allowing to read one bucket.
READ_BUCKET = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::demo/*"}
    ],
}
#: An instant for canned answers.
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ACCOUNT = "123456789012"


class _Raw:
    """The raw body botocore's AWSResponse would read from (an injected answer has none)."""

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield b""


#: An answer botocore takes from a ``before-call`` hook instead of sending the request:
#: the HTTP response and the parsed body.
Answer = tuple[AWSResponse, dict[str, object]]


def iam_error(code: str, message: str = "injected", status: int = 400) -> Answer:
    """An IAM error answer, as botocore parses it from the wire."""
    return (
        AWSResponse("https://iam.amazonaws.com/", status, HTTPHeaders(), _Raw()),
        {
            "Error": {"Type": "Sender", "Code": code, "Message": message},
            "ResponseMetadata": {"RequestId": "injected-1", "HTTPStatusCode": status},
        },
    )


def iam_result(parsed: dict[str, object] | None = None) -> Answer:
    """A successful IAM answer whose parsed body is ``parsed``."""
    body: dict[str, object] = dict(parsed or {})
    body["ResponseMetadata"] = {"RequestId": "injected-2", "HTTPStatusCode": 200}
    return (AWSResponse("https://iam.amazonaws.com/", 200, HTTPHeaders(), _Raw()), body)


def user_item(name: str) -> UserTypeDef:
    """A ListUsers entry for ``name``."""
    return {
        "Path": "/",
        "UserName": name,
        "UserId": f"AIDA{name.upper():0<17}",
        "Arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
        "CreateDate": WHEN,
    }


def role_item(name: str, document: str) -> RoleTypeDef:
    """A ListRoles entry for ``name`` whose trust policy is the text ``document``."""
    return {
        "Path": "/",
        "RoleName": name,
        "RoleId": f"AROA{name.upper():0<17}",
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
        "CreateDate": WHEN,
        "AssumeRolePolicyDocument": document,
    }


class Answers:
    """A ``before-call`` hook answering the next requests of one operation with ``answers``
    in order, then letting the rest through to moto.

    ``before-call`` (not ``before-send``): botocore calls every ``before-send`` handler, moto's
    too, so an answer injected there would still let moto carry the change out. An answer
    given here means the request is never sent. ``bodies`` holds the answered requests'
    parameters (the ``Requests`` log does not see them).
    """

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.bodies: list[Mapping[str, object]] = []

    @property
    def sent(self) -> int:
        """How many requests were answered here."""
        return len(self.bodies)

    def __call__(self, *, params: Mapping[str, object], **_: object) -> Answer | None:
        if not self.answers:
            return None
        body = params.get("body")
        self.bodies.append(body if _is_wire_params(body) else {})
        return self.answers.pop(0)


def _is_wire_params(value: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(value, Mapping)


def answer(client: BaseClient, operation: str, *answers: Answer) -> Answers:
    """Register an :class:`Answers` hook for the next ``operation`` requests of ``client``."""
    hook = Answers(*answers)
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    client.meta.events.register(f"before-call.iam.{operation}", hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook
