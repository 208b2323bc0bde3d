"""The one place where botocore's exceptions become :mod:`awsfacade.errors`.

An AWS error code is classified by a small table of exact codes (the ones no pattern gets
right), then by the first of an ordered tuple of patterns that matches, else it stays a plain
:class:`~awsfacade.errors.ServiceError`. A service declares its own exact codes beside itself
(``Service._error_codes``) and passes them in; there is no global registry.

Credentials are one class whatever the service or the protocol calls the failure: AWS's codes
(:data:`CREDENTIALS_CODES`) and botocore's own failures to find credentials before any request
(:data:`_CREDENTIALS_MISSING`) both become :class:`~awsfacade.errors.CredentialsError`.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

import botocore.exceptions
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    NoRegionError,
    PaginationError,
    ParamValidationError,
)

from awsfacade._redact import redact
from awsfacade.errors import (
    _CLOCK_CODES,
    AccessDeniedError,
    AlreadyExistsError,
    CapacityError,
    ClientSideError,
    CredentialsError,
    InUseError,
    InvalidArgumentError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
)

if TYPE_CHECKING:
    from botocore.exceptions import _ClientErrorResponseTypeDef

__all__ = [
    "CREDENTIALS_CODES",
    "NO_CODES",
    "SET_A_REGION",
    "Codes",
    "error_class",
    "service_error",
    "translate",
    "with_hint",
]

S = TypeVar("S", bound=ServiceError)

Codes = Mapping[str, type[ServiceError]]

#: AWS's codes for credentials that are missing, not valid or expired, as each protocol spells
#: them (the services' "Common Errors" pages, S3's error list, STS's model). Not among them:
#: a permission the credentials lack (AccessDenied, UnauthorizedOperation), an account not
#: signed up (OptInRequired, NotSignedUp), S3's AuthorizationHeaderMalformed (a wrong region).
CREDENTIALS_CODES: Final = frozenset(
    {
        # EC2: "AWS was not able to validate the provided access credentials".
        "AuthFailure",
        # The access key id does not exist: query protocol (IAM, STS, RDS, AutoScaling, Route53,
        # EC2), S3, JSON protocol (Organizations…).
        "InvalidClientTokenId",
        "InvalidAccessKeyId",
        "UnrecognizedClientException",
        # The signature does not match: the secret key is wrong.
        "SignatureDoesNotMatch",
        "InvalidSignatureException",
        "IncompleteSignature",
        "IncompleteSignatureException",
        # No credentials were sent at all.
        "MissingAuthenticationToken",
        "MissingAuthenticationTokenException",
        # The session token expired, or is not valid (S3's InvalidToken, TokenRefreshRequired,
        # InvalidSecurity); STS's for the web identity token botocore exchanges for credentials.
        "ExpiredToken",
        "ExpiredTokenException",
        "InvalidToken",
        "TokenRefreshRequired",
        "InvalidSecurity",
        "InvalidIdentityToken",
        "IDPRejectedClaim",
    }
    # Signed at a time more than 15 minutes away from AWS's clock; EC2 also answers
    # RequestExpired for temporary credentials that have expired.
    | _CLOCK_CODES
)

#: Codes shared by every service that the patterns below would get wrong or miss.
_EXACT: Final[Codes] = {
    **dict.fromkeys(CREDENTIALS_CODES, CredentialsError),
    "Forbidden": AccessDeniedError,
    "403": AccessDeniedError,
    "OptInRequired": AccessDeniedError,  # the account has not subscribed to the service
    "404": NotFoundError,
    "RequestLimitExceeded": ThrottledError,  # EC2's throttling, not a quota
    "TooManyRequestsException": ThrottledError,
    "SlowDown": ThrottledError,
    "PriorRequestNotComplete": ThrottledError,
    "DependencyViolation": InUseError,
    # Organizations: the caller's account is in no organization (not "in use").
    "AWSOrganizationsNotInUseException": NotFoundError,
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


def with_hint(error: S, hint: str) -> S:
    """``error`` again — its class, and AWS's code, message and request id — with ``hint``
    (the library's advice on what to do next) after its own."""
    return type(error)(
        code=error.code,
        message=error.message,
        operation=error.operation,
        request_id=error.request_id,
        hint=f"{error.hint}; {hint}" if error.hint else hint,
    )


def _mask_client_error(error: ClientError) -> None:
    """Mask, in place, a secret AWS's error answer quotes (in the response and in the
    exception's text), so that neither the facade's error nor its ``__cause__`` shows it: a
    rejected password in a message, the session token in the canonical request S3 returns
    with ``SignatureDoesNotMatch``."""
    # The Error entry holds whatever elements AWS sent, beyond the Code and Message its
    # TypedDict names (S3: StringToSign, CanonicalRequest…): every text field is masked.
    details: object = error.response.get("Error")
    if not isinstance(details, dict):
        return
    masked_any = False
    for key, value in list(details.items()):
        if isinstance(value, str):
            masked = redact(value)
            if masked != value:
                details[key] = masked
                masked_any = True
    if masked_any:
        error.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in error.args)


def _botocore_classes(*names: str) -> tuple[type[BotoCoreError], ...]:
    """botocore's exception classes of these names that this botocore has (``LoginError``
    came with ``aws login`` in botocore 1.42, after the oldest botocore supported)."""
    found: list[type[BotoCoreError]] = []
    for name in names:
        cls: object = getattr(botocore.exceptions, name, None)
        if isinstance(cls, type) and issubclass(cls, BotoCoreError):
            found.append(cls)
    return tuple(found)


#: botocore's failures to find or load credentials, raised before any request is sent (at the
#: first request, or at the session's or client's creation): none anywhere, part of a pair,
#: a profile that does not exist, a credential_process, container or role that failed, an
#: SSO or login session that expired, a role that needs an MFA code to refresh.
_CREDENTIALS_MISSING: Final = _botocore_classes(
    "NoCredentialsError",
    "PartialCredentialsError",
    "CredentialRetrievalError",
    "ProfileNotFound",
    "InfiniteLoopConfigError",
    "RefreshWithMFAUnsupportedError",
    "SSOError",
    "TokenRetrievalError",
    "NoAuthTokenError",
    "LoginError",
)

#: The start of botocore's PaginationError for a page token AWS repeats (its other
#: PaginationError refuses a PageSize the operation does not take, before any request).
_REPEATED_TOKEN: Final = "The same next token was received twice"

#: What to do about a missing region, unless the caller knows better (fan_out's work): for a
#: NoRegionError here, and for a regional service built without one (``awsfacade._clients``).
SET_A_REGION: Final = (
    "pass region=... to the service, build the Session with region_name=..., "
    "or set AWS_DEFAULT_REGION"
)


@contextmanager
def translate(
    codes: Codes = NO_CODES, *, no_region: str = SET_A_REGION
) -> Generator[None, None, None]:
    """Turn botocore's exceptions raised inside the block into :class:`AwsError`.

    ``codes`` are the service's own exact codes; ``no_region`` is what a ``NoRegionError``'s
    message tells the user to do.
    """
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
    except _CREDENTIALS_MISSING as error:
        raise CredentialsError(code=type(error).__name__, message=str(error)) from error
    except NoRegionError as error:
        raise InvalidArgumentError(f"no AWS region: {no_region}") from error
    except PaginationError as error:
        message = str(error.kwargs.get("message", error))
        if message.startswith(_REPEATED_TOKEN):
            token = message.removeprefix(_REPEATED_TOKEN).lstrip(": ")
            raise UnexpectedResponseError(
                f"AWS named the page {token} as the next one again"
            ) from error
        raise InvalidArgumentError(str(error)) from error
    except BotoCoreError as error:
        raise ClientSideError(str(error)) from error
