"""The one exception family raised by awsfacade.

Every failure the library raises is an :class:`AwsError`; botocore's exceptions never
escape, they are kept as ``__cause__``::

    AwsError
    ├── ServiceError                 AWS answered with an error: code, message, operation,
    │                                request_id
    │   ├── NotFoundError            the thing does not exist
    │   ├── AlreadyExistsError       a thing with that name or id exists already
    │   ├── AccessDeniedError        credentials lack the permission
    │   ├── ThrottledError           too many requests, even after botocore's retries
    │   ├── LimitExceededError       an account or service quota is used up
    │   ├── InUseError               dependency violations, non-empty buckets, …
    │   └── InvalidRequestError      AWS rejected the parameters
    ├── InvalidArgumentError         (also ValueError) a local check failed; nothing was sent
    ├── WaitTimeoutError             (also TimeoutError) a waiter ran out of time
    ├── WaitFailedError              a waiter saw a state it can never leave for the one awaited
    ├── UnexpectedResponseError      AWS's response lacks a field it always sends
    └── ClientSideError              botocore failed before or without an answer (credentials,
                                     region, connection)

:func:`translate` is the single place where botocore's exceptions become these.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    NoCredentialsError,
    NoRegionError,
    ParamValidationError,
    PartialCredentialsError,
)

if TYPE_CHECKING:
    from botocore.exceptions import _ClientErrorResponseTypeDef

__all__ = [
    "AccessDeniedError",
    "AlreadyExistsError",
    "AwsError",
    "ClientSideError",
    "InUseError",
    "InvalidArgumentError",
    "InvalidRequestError",
    "LimitExceededError",
    "NotFoundError",
    "ServiceError",
    "ThrottledError",
    "UnexpectedResponseError",
    "WaitFailedError",
    "WaitTimeoutError",
    "translate",
]


class AwsError(Exception):
    """Base of every exception awsfacade raises."""


class ServiceError(AwsError):
    """AWS answered a request with an error."""

    code: str
    message: str
    operation: str
    request_id: str | None

    def __init__(
        self, *, code: str, message: str, operation: str, request_id: str | None = None
    ) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        self.request_id = request_id
        super().__init__(self.__str__())

    def __str__(self) -> str:
        request = f" (request {self.request_id})" if self.request_id else ""
        message = " ".join(self.message.split())  # one line, whatever AWS sent
        text = f"{self.code}: {message}" if message else self.code
        return f"{self.operation} failed: {text}{request}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only __init__ needs help to survive pickling (multiprocessing, logging queues).
        return (_rebuild, (type(self), self.code, self.message, self.operation, self.request_id))


def _rebuild(
    cls: type[ServiceError], code: str, message: str, operation: str, request_id: str | None
) -> ServiceError:
    return cls(code=code, message=message, operation=operation, request_id=request_id)


class NotFoundError(ServiceError):
    """The resource does not exist (or is not visible to these credentials)."""


class AlreadyExistsError(ServiceError):
    """A resource with that name or id exists already."""


class AccessDeniedError(ServiceError):
    """The credentials are not allowed to do this."""


class ThrottledError(ServiceError):
    """AWS throttled the request and botocore's retries did not get it through."""


class LimitExceededError(ServiceError):
    """An account or service quota is used up."""


class InUseError(ServiceError):
    """The resource is still in use: a dependency violation, a non-empty bucket, …"""


class InvalidRequestError(ServiceError):
    """AWS rejected the request's parameters."""


class InvalidArgumentError(AwsError, ValueError):
    """A local check rejected an argument; no request was sent."""


class WaitTimeoutError(AwsError, TimeoutError):
    """A waiter ran out of time before the resource reached the awaited state."""


class WaitFailedError(AwsError):
    """A waiter saw a state from which the awaited one can no longer be reached."""


class UnexpectedResponseError(AwsError):
    """AWS's response lacks a field that AWS documents as always present."""


class ClientSideError(AwsError):
    """botocore failed without an answer from AWS: credentials, region, connection, …"""


# Exact codes win over the patterns below. Services add theirs here, grouped by service.
_CODES: dict[str, type[ServiceError]] = {
    # Generic (every query and JSON protocol service)
    "AccessDenied": AccessDeniedError,
    "AccessDeniedException": AccessDeniedError,
    "UnauthorizedOperation": AccessDeniedError,
    "AuthFailure": AccessDeniedError,
    "Forbidden": AccessDeniedError,
    "403": AccessDeniedError,
    "404": NotFoundError,
    "NotFound": NotFoundError,
    "Throttling": ThrottledError,
    "ThrottlingException": ThrottledError,
    "ThrottledException": ThrottledError,
    "TooManyRequestsException": ThrottledError,
    "RequestThrottled": ThrottledError,
    "RequestThrottledException": ThrottledError,
    "RequestLimitExceeded": ThrottledError,
    "SlowDown": ThrottledError,
    "PriorRequestNotComplete": ThrottledError,
    "ValidationError": InvalidRequestError,
    "ValidationException": InvalidRequestError,
    "MissingParameter": InvalidRequestError,
    "UnknownParameter": InvalidRequestError,
    "OptInRequired": AccessDeniedError,
    # EC2
    "DependencyViolation": InUseError,
    "InvalidGroup.InUse": InUseError,
    "VcpuLimitExceeded": LimitExceededError,
    "InstanceLimitExceeded": LimitExceededError,
    "IncorrectInstanceState": InvalidRequestError,
    "IncorrectState": InvalidRequestError,
    "InvalidPermission.Duplicate": AlreadyExistsError,
    "InvalidPermission.NotFound": NotFoundError,
    "InvalidLaunchTemplateName.AlreadyExistsException": AlreadyExistsError,
    "InvalidLaunchTemplateName.NotFoundException": NotFoundError,
    "InvalidLaunchTemplateId.NotFound": NotFoundError,
    "InvalidLaunchTemplateId.Malformed": InvalidRequestError,
}

# (test, class) pairs tried in order when no exact code matches.
_PATTERNS: Final[tuple[tuple[str, str, type[ServiceError]], ...]] = (
    ("suffix", ".NotFound", NotFoundError),
    ("suffix", "NotFound", NotFoundError),
    ("suffix", "NotFoundFault", NotFoundError),
    ("suffix", "NotFoundException", NotFoundError),
    ("prefix", "NoSuch", NotFoundError),
    ("suffix", ".Duplicate", AlreadyExistsError),
    ("contains", "AlreadyExists", AlreadyExistsError),
    ("contains", "AlreadyOwned", AlreadyExistsError),
    ("suffix", ".InUse", InUseError),
    ("contains", "InUse", InUseError),
    ("contains", "NotEmpty", InUseError),
    ("contains", "DeleteConflict", InUseError),
    ("contains", "Throttl", ThrottledError),
    ("contains", "LimitExceeded", LimitExceededError),
    ("contains", "QuotaExceeded", LimitExceededError),
    ("contains", "AccessDenied", AccessDeniedError),
    ("contains", "Unauthorized", AccessDeniedError),
    ("prefix", "Invalid", InvalidRequestError),
    ("prefix", "Malformed", InvalidRequestError),
)


def register_codes(codes: Mapping[str, type[ServiceError]]) -> None:
    """Map more exact AWS error codes to classes (a service module calls this at import)."""
    _CODES.update(codes)


def error_class(code: str) -> type[ServiceError]:
    """The most specific :class:`ServiceError` subclass for an AWS error code."""
    exact = _CODES.get(code)
    if exact is not None:
        return exact
    for test, text, cls in _PATTERNS:
        if (
            (test == "suffix" and code.endswith(text))
            or (test == "prefix" and code.startswith(text))
            or (test == "contains" and text in code)
        ):
            return cls
    return ServiceError


def from_client_error(error: ClientError) -> ServiceError:
    """The :class:`ServiceError` for a botocore ``ClientError`` (not raised, returned)."""
    return service_error(error.response, error.operation_name)


def service_error(response: _ClientErrorResponseTypeDef, operation: str) -> ServiceError:
    """The :class:`ServiceError` for an error response (from a ClientError or a waiter)."""
    details = response.get("Error", {})
    code = details.get("Code") or "Unknown"
    message = details.get("Message") or ""
    request_id = response.get("ResponseMetadata", {}).get("RequestId") or None
    return error_class(code)(code=code, message=message, operation=operation, request_id=request_id)


@contextmanager
def translate() -> Generator[None, None, None]:
    """Turn botocore's exceptions raised inside the block into :class:`AwsError`."""
    try:
        yield
    except ClientError as error:
        raise from_client_error(error) from error
    except ParamValidationError as error:
        raise InvalidArgumentError(str(error)) from error
    except (NoCredentialsError, PartialCredentialsError) as error:
        raise ClientSideError(f"no usable AWS credentials: {error}") from error
    except NoRegionError as error:
        raise InvalidArgumentError(
            "no AWS region: pass region=... or set AWS_DEFAULT_REGION"
        ) from error
    except BotoCoreError as error:
        raise ClientSideError(str(error)) from error
