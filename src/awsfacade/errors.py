"""The one exception family raised by awsfacade.

Every failure the library raises is an :class:`AwsError`; botocore's exceptions never
escape, they are kept as ``__cause__``::

    AwsError
    ├── ServiceError                 AWS answered with an error: code, message, operation,
    │                                request_id
    │   ├── NotFoundError            the thing does not exist
    │   ├── AlreadyExistsError       a thing with that name or id exists already
    │   ├── AccessDeniedError        credentials lack the permission
    │   │   └── CredentialsError     credentials missing, rejected or expired (also raised
    │   │                            before any request when botocore finds none)
    │   ├── ThrottledError           too many requests, even after botocore's retries
    │   ├── LimitExceededError       an account or service quota is used up
    │   ├── CapacityError            AWS has no capacity for it now (try another zone or later)
    │   ├── InUseError               dependency violations, non-empty buckets, …
    │   ├── InvalidStateError        the resource is in the wrong state for the action
    │   ├── InvalidRequestError      AWS rejected the parameters
    │   └── DryRunError              a dry run that would have succeeded
    ├── InvalidArgumentError         (also ValueError) a local check failed; nothing was sent
    ├── WaitTimeoutError             (also TimeoutError) a waiter ran out of time
    ├── WaitFailedError              a waiter saw a state it can never leave for the one awaited
    ├── UnexpectedResponseError      AWS's response lacks a field it always sends
    ├── PartialFailureError          a many-step operation failed half-way: what was done,
    │                                what was not, and the error that stopped it
    ├── AmbiguousError               (also LookupError) a lookup by name found several
    └── ClientSideError              botocore failed before or without an answer (connection,
                                     configuration)

``awsfacade._translate`` is the single place where botocore's exceptions become these.
"""

from __future__ import annotations

__all__ = [
    "AccessDeniedError",
    "AlreadyExistsError",
    "AmbiguousError",
    "AwsError",
    "CapacityError",
    "ClientSideError",
    "CredentialsError",
    "DryRunError",
    "InUseError",
    "InvalidArgumentError",
    "InvalidRequestError",
    "InvalidStateError",
    "LimitExceededError",
    "NotFoundError",
    "PartialFailureError",
    "ServiceError",
    "ThrottledError",
    "UnexpectedResponseError",
    "WaitFailedError",
    "WaitTimeoutError",
]


class AwsError(Exception):
    """Base of every exception awsfacade raises."""


class ServiceError(AwsError):
    """AWS answered a request with an error.

    ``code``, ``message`` and ``request_id`` are AWS's; ``hint``, when not empty, is the
    library's advice on what to do next, printed after them.
    """

    code: str
    message: str
    operation: str
    request_id: str | None
    hint: str

    def __init__(
        self,
        *,
        code: str,
        message: str,
        operation: str,
        request_id: str | None = None,
        hint: str = "",
    ) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        self.request_id = request_id
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        request = f" (request {self.request_id})" if self.request_id else ""
        message = " ".join(self.message.split())  # one line, whatever AWS sent
        text = f"{self.code}: {message}" if message else self.code
        return _with_hint(f"{self.operation} failed: {text}{request}", self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only __init__ needs help to survive pickling (multiprocessing, logging queues).
        return (
            _rebuild,
            (type(self), self.code, self.message, self.operation, self.request_id, self.hint),
        )


def _with_hint(text: str, hint: str) -> str:
    """``text``, then the hint as a sentence of its own (one line still)."""
    return f"{text.rstrip('.')}. {hint}" if hint else text


def _rebuild(  # noqa: PLR0917 - the pickled attributes, in order
    cls: type[ServiceError],
    code: str,
    message: str,
    operation: str,
    request_id: str | None,
    hint: str = "",
) -> ServiceError:
    return cls(code=code, message=message, operation=operation, request_id=request_id, hint=hint)


class NotFoundError(ServiceError):
    """The resource does not exist (or is not visible to these credentials)."""


class AlreadyExistsError(ServiceError):
    """A resource with that name or id exists already."""


class AccessDeniedError(ServiceError):
    """The credentials are not allowed to do this."""


#: Where botocore looks for credentials, in its order (``botocore.credentials``'s default
#: resolver), for every CredentialsError's message. It names places, never a value.
_SEARCHED = (
    "AWS credentials are looked for, in this order, in: the keys given to the boto3 Session; "
    "the environment variables AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; "
    "the profile (AWS_PROFILE, else 'default') in the config file (~/.aws/config or "
    "AWS_CONFIG_FILE) and the shared credentials file (~/.aws/credentials or "
    "AWS_SHARED_CREDENTIALS_FILE): a role to assume, web identity (AWS_WEB_IDENTITY_TOKEN_FILE), "
    "SSO (renewed by 'aws sso login'), keys, credential_process; then the container's "
    "credentials (ECS, EKS) and the EC2 instance metadata service"
)

#: AWS's codes for a request signed at a time more than 15 minutes away from AWS's clock
#: (EC2 also answers RequestExpired for temporary credentials that have expired); among the
#: credentials codes ``awsfacade._translate`` maps to CredentialsError.
_CLOCK_CODES = frozenset({"RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture"})

_CLOCK = (
    "AWS refuses a request signed more than 15 minutes away from its own time: check this "
    "machine's clock, and that temporary credentials have not expired"
)


class CredentialsError(AccessDeniedError):
    """The credentials are missing, rejected or expired: one class whatever the service calls
    it (``AuthFailure``, ``InvalidAccessKeyId``, ``InvalidClientTokenId``,
    ``SignatureDoesNotMatch``, ``ExpiredToken``, ``UnrecognizedClientException``, …).

    Raised for AWS's answer (``code``, ``operation`` and ``request_id`` are AWS's), and, before
    any request, when botocore finds no usable credentials (``code`` is botocore's exception,
    ``NoCredentialsError``, ``ProfileNotFound``, …; ``operation`` is ``""`` and ``request_id``
    ``None``: AWS never answered). The message says where credentials are looked for (and,
    for a request AWS found signed at the wrong time, to check the clock); it never quotes
    a credential.
    """

    def __init__(
        self,
        *,
        code: str,
        message: str,
        operation: str = "",
        request_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        if hint is None:
            hint = f"{_CLOCK}. {_SEARCHED}" if code in _CLOCK_CODES else _SEARCHED
        super().__init__(
            code=code, message=message, operation=operation, request_id=request_id, hint=hint
        )

    def __str__(self) -> str:
        if self.operation:
            return super().__str__()
        message = " ".join(self.message.split())
        return _with_hint(f"no usable AWS credentials: {message or self.code}", self.hint)


class ThrottledError(ServiceError):
    """AWS throttled the request and botocore's retries did not get it through."""


class LimitExceededError(ServiceError):
    """An account or service quota is used up."""


class InUseError(ServiceError):
    """The resource is still in use: a dependency violation, a non-empty bucket, …"""


class CapacityError(ServiceError):
    """AWS has not enough capacity for the request now (``InsufficientInstanceCapacity``, …).

    Not a quota of yours: retry later, or in another availability zone or instance type.
    """


class InvalidStateError(ServiceError):
    """The resource is in the wrong state for the action (``IncorrectInstanceState``, …)."""


class InvalidRequestError(ServiceError):
    """AWS rejected the request's parameters."""


class DryRunError(ServiceError):
    """``DryRunOperation``: the request would have succeeded, but it was a dry run."""


class InvalidArgumentError(AwsError, ValueError):
    """A local check rejected an argument; no request was sent."""


class WaitTimeoutError(AwsError, TimeoutError):
    """A waiter ran out of time before the resource reached the awaited state."""


class WaitFailedError(AwsError):
    """A waiter saw a state from which the awaited one can no longer be reached."""


class UnexpectedResponseError(AwsError):
    """AWS's response lacks a field that AWS documents as always present."""


class AmbiguousError(AwsError, LookupError):
    """A lookup by name matched more than one resource (two private hosted zones of one name,
    say): AWS answered, but which one was meant is for the caller to say."""


class ClientSideError(AwsError):
    """botocore failed without an answer from AWS: credentials, region, connection, …"""


class PartialFailureError(AwsError):
    """A many-step operation (a batch delete, a forced delete, a set of change batches) failed
    part of the way: nothing is lost in silence.

    ``done`` names the steps that took effect, ``not_done`` those that did not (the failed
    step first); ``error`` is the :class:`AwsError` that stopped it, also ``__cause__``.
    """

    operation: str
    done: tuple[str, ...]
    not_done: tuple[str, ...]
    error: AwsError

    def __init__(
        self,
        operation: str,
        *,
        done: tuple[str, ...],
        not_done: tuple[str, ...],
        error: AwsError,
    ) -> None:
        self.operation = operation
        self.done = tuple(done)
        self.not_done = tuple(not_done)
        self.error = error
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return (
            f"{self.operation} stopped part-way: {len(self.done)} done"
            f"{_sample(self.done)}, {len(self.not_done)} not done{_sample(self.not_done)}; "
            f"{self.error}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_partial, (self.operation, self.done, self.not_done, self.error))


def _sample(steps: tuple[str, ...], limit: int = 3) -> str:
    """The first few steps, for a message that stays one readable line."""
    if not steps:
        return ""
    more = f", … {len(steps) - limit} more" if len(steps) > limit else ""
    return " (" + ", ".join(steps[:limit]) + more + ")"


def _rebuild_partial(
    operation: str, done: tuple[str, ...], not_done: tuple[str, ...], error: AwsError
) -> PartialFailureError:
    return PartialFailureError(operation, done=done, not_done=not_done, error=error)
