"""The one place where botocore's exceptions become :mod:`awsfacade.errors`.

An AWS error code is classified by a small table of exact codes (the ones no pattern gets
right), then by the first of an ordered tuple of patterns that matches, else it stays a plain
:class:`~awsfacade.errors.ServiceError`. A service declares its own exact codes beside itself
(``Service._error_codes``) and passes them in; there is no global registry.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    NoCredentialsError,
    NoRegionError,
    ParamValidationError,
    PartialCredentialsError,
)

from awsfacade._redact import redact
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    CapacityError,
    ClientSideError,
    InUseError,
    InvalidArgumentError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    ThrottledError,
)

if TYPE_CHECKING:
    from botocore.exceptions import _ClientErrorResponseTypeDef

__all__ = ["NO_CODES", "Codes", "error_class", "service_error", "translate"]

Codes = Mapping[str, type[ServiceError]]

#: Codes shared by every service that the patterns below would get wrong or miss.
_EXACT: Final[Codes] = {
    "AuthFailure": AccessDeniedError,
    "Forbidden": AccessDeniedError,
    "403": AccessDeniedError,
    "OptInRequired": AccessDeniedError,  # the account has not subscribed to the service
    "404": NotFoundError,
    "RequestLimitExceeded": ThrottledError,  # EC2's throttling, not a quota
    "TooManyRequestsException": ThrottledError,
    "SlowDown": ThrottledError,
    "PriorRequestNotComplete": ThrottledError,
    "DependencyViolation": InUseError,
}

NO_CODES: Final[Codes] = MappingProxyType({})

#: Tried in order when no exact code matches: the first match wins, so the specific kinds
#: (not found, duplicate, in use, state) come before the catch-all ``Invalid…`` prefix.
_PATTERNS: Final[tuple[tuple[re.Pattern[str], type[ServiceError]], ...]] = (
    (re.compile(r"NotFound|^NoSuch"), NotFoundError),
    (re.compile(r"\.Duplicate$|AlreadyExists|AlreadyOwned"), AlreadyExistsError),
    (re.compile(r"InUse|NotEmpty|DeleteConflict|AlreadyAssociated"), InUseError),
    (re.compile(r"^Insufficient\w*Capacity"), CapacityError),
    (re.compile(r"^Incorrect\w*State|^Invalid\w*State(Fault|Exception)?$"), InvalidStateError),
    (re.compile(r"Throttl"), ThrottledError),
    (re.compile(r"LimitExceeded|QuotaExceeded"), LimitExceededError),
    (re.compile(r"AccessDenied|Unauthorized"), AccessDeniedError),
    (
        re.compile(r"^(Invalid|Malformed|Validation|MissingParameter|UnknownParameter)"),
        InvalidRequestError,
    ),
)


#: A service with no not-found code (AutoScaling) says it in a ``ValidationError``'s message:
#: "AutoScalingGroup name not found - …", "Launch configuration name not found - …".
_NOT_FOUND_MESSAGE: Final = re.compile(r"\bnot found\b", re.IGNORECASE)


def error_class(code: str, codes: Codes = NO_CODES, message: str = "") -> type[ServiceError]:
    """The most specific :class:`ServiceError` subclass for an AWS error code (and, for a
    ``ValidationError``, its message).

    ``codes`` are a service's own exact codes; they win over the shared ones and the patterns.
    """
    exact = codes.get(code) or _EXACT.get(code)
    if exact is not None:
        return exact
    if code == "ValidationError" and _NOT_FOUND_MESSAGE.search(message):
        return NotFoundError
    for pattern, cls in _PATTERNS:
        if pattern.search(code):
            return cls
    return ServiceError


def service_error(
    response: _ClientErrorResponseTypeDef, operation: str, codes: Codes = NO_CODES
) -> ServiceError:
    """The :class:`ServiceError` for an error response (from a ClientError or a waiter)."""
    details = response.get("Error", {})
    code = details.get("Code") or "Unknown"
    message = details.get("Message") or ""
    request_id = response.get("ResponseMetadata", {}).get("RequestId") or None
    return error_class(code, codes, message)(
        code=code, message=message, operation=operation, request_id=request_id
    )


def _mask_client_error(error: ClientError) -> None:
    """Mask, in place, a secret AWS's error message quotes (in the response and in the
    exception's text), so that neither the facade's error nor its ``__cause__`` shows it."""
    details = error.response.get("Error")
    message = details.get("Message") if details is not None else None
    if details is None or not message:
        return
    masked = redact(message)
    if masked != message:
        details["Message"] = masked
        error.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in error.args)


@contextmanager
def translate(codes: Codes = NO_CODES) -> Generator[None, None, None]:
    """Turn botocore's exceptions raised inside the block into :class:`AwsError`."""
    try:
        yield
    except ClientError as error:
        _mask_client_error(error)  # AWS's message may quote a rejected password
        raise service_error(error.response, error.operation_name, codes) from error
    except ParamValidationError as error:
        # botocore's message quotes the rejected value, which may be a password: masked, and
        # then not chained either (a traceback would print the cause's message).
        message = str(error)
        masked = redact(message)
        if masked != message:
            raise InvalidArgumentError(masked) from None
        raise InvalidArgumentError(message) from error
    except (NoCredentialsError, PartialCredentialsError) as error:
        raise ClientSideError(f"no usable AWS credentials: {error}") from error
    except NoRegionError as error:
        raise InvalidArgumentError(
            "no AWS region: pass region=... or set AWS_DEFAULT_REGION"
        ) from error
    except BotoCoreError as error:
        raise ClientSideError(str(error)) from error
