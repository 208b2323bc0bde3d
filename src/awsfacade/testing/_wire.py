"""AWS's error answers as they come over the wire, for any service's protocol, with the HTTP
status AWS sends with each code; and the one way a ``before-send`` handler keeps moto from
carrying out an attempt it answered itself.

botocore emits ``before-send`` to every handler (``emit``, not ``emit_until_response``) and
uses the first answer; moto's handler, registered for all of ``before-send``, carries out any
request whose URL one of its backends serves. A handler that answers an attempt itself
therefore points it at :data:`UNSERVED` first (:func:`answer_instead`), a host no backend
serves, so moto passes it by: like a throttled request on AWS, it never reaches the backend.
Another switch's ``before-send`` handler should likewise leave alone a request whose URL is
:data:`UNSERVED` (it has been answered already).

The HTTP status of an error code (:func:`status_of`) is, in this order:

1. the one the service's model states for it (``"error": {"httpStatusCode": ...}`` on the
   error shape, or ``awsQueryError`` for a service that also speaks the query protocol);
2. the one AWS sends for a code common to many services (:data:`KNOWN_STATUS`: throttling as
   each service family answers it, 5xx, the authentication and authorization codes);
3. 400 otherwise: AWS answers a client-side error 400 unless its documentation says more.

boto3, botocore and moto are imported on first use, not with this module.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.model import ServiceModel

__all__ = [
    "KNOWN_STATUS",
    "REQUEST_ID",
    "UNSERVED",
    "answer_instead",
    "error_answer",
    "status_of",
    "stored_answer",
]

UNSERVED: Final = "https://injected.invalid/"
"""A host no moto backend serves: an attempt pointed there is answered by its hook alone."""

REQUEST_ID: Final = "awsfacade-injected"
"""The request id of every answer made here (AWS's answers carry one; botocore reads it)."""

KNOWN_STATUS: Final[dict[str, int]] = {
    # Throttling, as each family of services sends it (botocore retries every one of these
    # codes, whatever the status; the status decides what a user's own handling sees).
    "Throttling": 400,  # the query protocol: IAM, RDS, AutoScaling, STS, SNS, Route53...
    "ThrottlingException": 400,  # JSON services
    "ThrottledException": 400,
    "RequestThrottled": 400,
    "RequestThrottledException": 400,
    "ProvisionedThroughputExceededException": 400,  # DynamoDB, Kinesis
    "TransactionInProgressException": 400,
    "LimitExceededException": 400,
    "PriorRequestNotComplete": 400,  # Route53
    "EC2ThrottledException": 400,
    "TooManyRequestsException": 429,  # Lambda, API Gateway
    "RequestLimitExceeded": 503,  # EC2
    "SlowDown": 503,  # S3
    "BandwidthLimitExceeded": 509,
    # AWS's side failing.
    "InternalError": 500,
    "InternalFailure": 500,
    "InternalServerError": 500,
    "InternalServerException": 500,
    "InternalServiceError": 500,
    "ServiceUnavailable": 503,
    "ServiceUnavailableException": 503,
    "Unavailable": 503,
    "RequestTimeout": 400,  # S3
    "RequestTimeoutException": 408,
    # Authentication and authorization.
    "AccessDenied": 403,
    "AccessDeniedException": 400,
    "UnauthorizedOperation": 403,  # EC2
    "AuthFailure": 401,  # EC2
    "OptInRequired": 403,
    "InvalidClientTokenId": 403,
    "SignatureDoesNotMatch": 403,
    "IncompleteSignature": 400,
    "MissingAuthenticationToken": 403,
    "ExpiredToken": 403,  # the query protocol; S3 sends 400 (its model says so)
    "RequestExpired": 400,
}
"""The HTTP status AWS sends with codes many services share, where a service's model does
not state it (EC2's models state none)."""

_CLIENT_ERROR: Final = 400

# (service name, API version) -> {error code: HTTP status} stated by the model.
_modelled: dict[tuple[str, str], dict[str, int]] = {}
_modelled_lock = threading.Lock()


def _modelled_status(model: ServiceModel) -> dict[str, int]:
    """Every error code ``model`` states an HTTP status for (built once a model version)."""
    key = (model.service_name, model.api_version)
    with _modelled_lock:
        found = _modelled.get(key)
        if found is not None:
            return found
        statuses: dict[str, int] = {}
        for name in model.shape_names:
            shape = model.shape_for(name)
            metadata = shape.metadata
            if not metadata.get("exception"):
                continue
            error: Mapping[str, object] = metadata.get("error") or {}
            status = error.get("httpStatusCode")
            if isinstance(status, int):
                statuses[str(error.get("code", name))] = status
                statuses.setdefault(name, status)
        _modelled[key] = statuses
        return statuses


def status_of(model: ServiceModel, code: str) -> int:
    """The HTTP status AWS sends with error ``code`` for ``model``'s service: its model's,
    else :data:`KNOWN_STATUS`'s, else 400 (the module's docstring says why)."""
    stated = _modelled_status(model).get(code)
    if stated is not None:
        return stated
    return KNOWN_STATUS.get(code, _CLIENT_ERROR)


class _Raw:
    """The raw body botocore's AWSResponse reads an answer from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield self._body


def _cbor_text(text: str) -> bytes:
    """``text`` as a CBOR text string (major type 3)."""
    data = text.encode()
    size = len(data)
    if size < 24:
        head = bytes([0x60 | size])
    elif size < 0x100:
        head = bytes([0x78, size])
    else:
        head = bytes([0x79]) + size.to_bytes(2, "big")
    return head + data


def _cbor_map(values: dict[str, str]) -> bytes:
    """A small map of text to text in CBOR (major type 5), what rpc-v2-cbor errors carry."""
    body = bytes([0xA0 | len(values)])
    for key, value in values.items():
        body += _cbor_text(key) + _cbor_text(value)
    return body


def error_answer(
    model: ServiceModel,
    code: str,
    *,
    status: int | None = None,
    message: str = "injected by awsfacade",
    extra_xml: str = "",
) -> AWSResponse:
    """AWS's answer of error ``code`` as ``model``'s service puts it on the wire.

    ``status`` defaults to :func:`status_of`'s; ``extra_xml`` is more XML inside the Error
    element of an XML protocol (S3's ``CanonicalRequest``, say).
    """
    from botocore.awsrequest import AWSResponse, HTTPHeaders

    status = status_of(model, code) if status is None else status
    fault = "Receiver" if status >= 500 else "Sender"
    protocol = model.resolved_protocol
    headers = HTTPHeaders()
    headers["x-amzn-RequestId"] = REQUEST_ID
    if protocol in ("json", "rest-json", "smithy-rpc-v2-cbor"):
        document = {"__type": code, "message": message}
        if protocol == "rest-json":
            headers["x-amzn-ErrorType"] = code
            headers["Content-Type"] = "application/json"
            body = json.dumps({"message": message}).encode()
        elif protocol == "json":
            version = model.metadata.get("jsonVersion", "1.0")
            headers["Content-Type"] = f"application/x-amz-json-{version}"
            body = json.dumps(document).encode()
        else:
            headers["smithy-protocol"] = "rpc-v2-cbor"
            headers["Content-Type"] = "application/cbor"
            body = _cbor_map(document)
        if model.metadata.get("awsQueryCompatible") is not None:
            headers["x-amzn-query-error"] = f"{code};{fault}"
    else:
        headers["Content-Type"] = "text/xml"
        error = f"<Code>{escape(code)}</Code><Message>{escape(message)}</Message>{extra_xml}"
        if protocol == "ec2":
            text = (
                f"<Response><Errors><Error>{error}</Error></Errors>"
                f"<RequestID>{REQUEST_ID}</RequestID></Response>"
            )
        elif model.service_name == "s3":
            text = f"<Error>{error}<RequestId>{REQUEST_ID}</RequestId></Error>"
        else:
            # The query protocol (IAM, RDS, AutoScaling, STS...) and rest-xml (Route53,
            # CloudFront) wrap the error and say whose fault it is.
            text = (
                f"<ErrorResponse><Error><Type>{fault}</Type>{error}</Error>"
                f"<RequestId>{REQUEST_ID}</RequestId></ErrorResponse>"
            )
        body = text.encode()
    return AWSResponse(UNSERVED, status, headers, _Raw(body))


def answer_instead(request: AWSPreparedRequest, answer: AWSResponse) -> AWSResponse:
    """Return ``answer`` from a ``before-send`` handler, ``request`` pointed at
    :data:`UNSERVED` first, so that moto's handler (which runs after it all the same) does
    not carry the attempt out."""
    request.url = UNSERVED
    return answer


def stored_answer(status: int, headers: dict[str, str], body: bytes) -> AWSResponse:
    """An answer made again from what an earlier one held (each read once by botocore)."""
    from botocore.awsrequest import AWSResponse, HTTPHeaders

    copied = HTTPHeaders()
    for name, value in headers.items():
        copied[name] = value
    return AWSResponse(UNSERVED, status, copied, _Raw(body))
