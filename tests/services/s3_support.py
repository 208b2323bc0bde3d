"""Helpers of the S3 tests: a request recorder that keeps URLs, headers and bodies, and S3
answers (XML, as S3 sends them) for ``before-send`` hooks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from support import http_answer

if TYPE_CHECKING:
    from botocore.awsrequest import AWSResponse
    from botocore.model import OperationModel


class S3Request:
    """One request as botocore serialised it: operation, URL, headers and body."""

    def __init__(
        self, operation: str, url: str, headers: Mapping[str, object], body: bytes
    ) -> None:
        self.operation = operation
        self.url = url
        self.headers = {str(name).lower(): str(value) for name, value in headers.items()}
        self.body = body


class S3Requests:
    """Every request of the clients it is registered on (``before-call.s3``), in order."""

    def __init__(self) -> None:
        self.sent: list[S3Request] = []

    def __call__(self, *, model: OperationModel, params: Mapping[str, object], **_: object) -> None:
        url = params.get("url")
        headers = params.get("headers")
        body = params.get("body")
        self.sent.append(
            S3Request(
                model.name,
                url if isinstance(url, str) else "",
                headers if isinstance(headers, Mapping) else {},  # pyright: ignore[reportUnknownArgumentType] - a dict of str
                body if isinstance(body, bytes) else b"",
            )
        )

    @property
    def operations(self) -> list[str]:
        """The operation names, in the order sent."""
        return [request.operation for request in self.sent]

    def count(self, operation: str) -> int:
        """How many ``operation`` requests were sent."""
        return self.operations.count(operation)

    def of(self, operation: str) -> list[S3Request]:
        """Every ``operation`` request."""
        return [request for request in self.sent if request.operation == operation]

    def clear(self) -> None:
        """Forget what was sent so far (after a test's set-up)."""
        self.sent.clear()


def s3_answer(
    body: str, status: int = 200, headers: Mapping[str, str] | None = None
) -> AWSResponse:
    """An S3 answer with an XML ``body``, as AWS sends it on the wire."""
    return http_answer("https://s3.amazonaws.com/", status, body.encode(), headers)


def s3_error(code: str, status: int = 404, message: str = "injected") -> AWSResponse:
    """An S3 error answer."""
    return s3_answer(
        f"<Error><Code>{code}</Code><Message>{message}</Message>"
        "<RequestId>injected-1</RequestId></Error>",
        status,
    )


def bucket_listing(*names: str, created: datetime | None = None) -> AWSResponse:
    """A ListBuckets answer listing ``names``."""
    when = (created or datetime(2024, 5, 17, 8, 30)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    buckets = "".join(
        f"<Bucket><Name>{name}</Name><CreationDate>{when}</CreationDate></Bucket>" for name in names
    )
    return s3_answer(
        '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        f"<Owner><ID>owner</ID></Owner><Buckets>{buckets}</Buckets></ListAllMyBucketsResult>"
    )
