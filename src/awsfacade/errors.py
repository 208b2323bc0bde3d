"""The one exception family raised by awsfacade.

Every failure the library raises is an [AwsError][awsfacade.errors.AwsError]; botocore's
exceptions never escape, they are kept as `__cause__`:

```text
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
```

Any call may raise [AccessDeniedError][awsfacade.errors.AccessDeniedError] (and its
[CredentialsError][awsfacade.errors.CredentialsError]),
[ThrottledError][awsfacade.errors.ThrottledError] and
[ClientSideError][awsfacade.errors.ClientSideError]; the methods' own `Raises:` sections list
the others. `awsfacade._translate` is the single place where botocore's exceptions become
these; which AWS error code becomes which class is tabled on the
[errors page][which-aws-error-codes-map-to-which-class].
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
    """Base of every exception awsfacade raises.

    Catch it to handle any failure of the library in one place; botocore's own exceptions
    never escape a facade method (the one that caused an `AwsError` is its `__cause__`). The
    subclasses say what went wrong and what to do; a plain `AwsError` is raised only when
    the testing kit's `mocked_session()` finds moto missing (install the `testing` extra).
    """


class ServiceError(AwsError):
    """AWS answered a request with an error.

    Raised as the most specific subclass AWS's error code maps to (the
    [errors page][which-aws-error-codes-map-to-which-class] tables them); a plain
    `ServiceError` is a code no subclass covers: look at `code`. `code`, `message` and
    `request_id` are AWS's; `hint`, when not empty, is the library's advice on what to do
    next, printed after them. `str(error)` is one line:
    `DescribeInstances failed: InvalidInstanceID.NotFound: The instance ID 'i-0…' does not
    exist (request 5c6e…)`. Errors pickle (for process pools and logging queues).
    """

    code: str
    """AWS's error code, as sent (`InvalidInstanceID.NotFound`, `NoSuchBucket`); for a
    [CredentialsError][awsfacade.errors.CredentialsError] raised before any request,
    botocore's exception name (`NoCredentialsError`)."""
    message: str
    """AWS's error message, as sent but for the secrets it quotes (masked); may be empty."""
    operation: str
    """The AWS operation that failed (`DescribeInstances`); `""` when no request was sent."""
    request_id: str | None
    """AWS's id of the failed request (quote it to AWS Support); `None` when the answer
    carried none or no request was sent."""
    hint: str
    """The library's advice on what to do next, printed after AWS's text; `""` if none."""

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
    """The resource does not exist (or is not visible to these credentials).

    Raised for AWS's not-found codes (`…NotFound…`, `NoSuch…`, a bare HTTP 404, an
    AutoScaling `ValidationError` whose message says "not found"), by the getters of one
    resource (`instance(id)`, `user(name)`, …) when there is none, and by waiters for an id
    that stays unknown. Check the id and the region (most resources are regional, and each
    region has its own); a resource deleted a moment ago may still be listed, one made a
    moment ago by another process may not be yet.
    """


class AlreadyExistsError(ServiceError):
    """A resource with that name or id exists already.

    Raised for AWS's duplicate codes (`….Duplicate`, `…AlreadyExists…`,
    `BucketAlreadyOwnedByYou`, …). Use the resource that exists (get it by its name), delete
    it first, or pick another name; S3 bucket names are global, so another account may hold
    the name (`BucketAlreadyExists`).
    """


class AccessDeniedError(ServiceError):
    """The credentials are not allowed to do this.

    Any call may raise it: for AWS's `AccessDenied…` and `…Unauthorized…` codes (EC2's
    `UnauthorizedOperation`), a bare HTTP 403, and `OptInRequired` (the account has not
    signed up for the service, or the region is not enabled). Grant the permission AWS's
    message names (an IAM action such as `ec2:DescribeInstances`), or use other
    credentials. Its subclass [CredentialsError][awsfacade.errors.CredentialsError] is for
    credentials that do not work at all.
    """


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

    Any call may raise it: for AWS's answer (``code``, ``operation`` and ``request_id`` are
    AWS's; `RequestExpired` and `RequestTimeTooSkewed` too, a clock more than 15 minutes off),
    and, before any request, when botocore finds no usable credentials (``code`` is botocore's
    exception, ``NoCredentialsError``, ``ProfileNotFound``, …; ``operation`` is ``""`` and
    ``request_id`` ``None``: AWS never answered). The message says where credentials are
    looked for (and, for a request AWS found signed at the wrong time, to check the clock);
    it never quotes a credential. Give the session working credentials, renew an expired
    session (`aws sso login`), or set the machine's clock; a retry alone will not help.
    Catching [AccessDeniedError][awsfacade.errors.AccessDeniedError] catches it too.
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
    """AWS throttled the request and botocore's retries did not get it through.

    Any call may raise it: for AWS's `Throttl…` codes, EC2's `RequestLimitExceeded` (a rate,
    not a quota), `TooManyRequestsException`, S3's `SlowDown` and Route53's
    `PriorRequestNotComplete`. Make fewer requests (several processes share the account's
    rate), try again later, or give the service a `config` with more retries, e.g.
    `Config(retries={"max_attempts": 10, "mode": "adaptive"})`.
    """


class LimitExceededError(ServiceError):
    """An account or service quota is used up.

    Raised for AWS's `…LimitExceeded…` and `…QuotaExceeded…` codes (`InstanceLimitExceeded`,
    `VpcLimitExceeded`, …) and Route53's `TooManyHostedZones`. Retrying will not help: delete
    what is no longer needed, or ask AWS for a higher quota (Service Quotas).
    """


class InUseError(ServiceError):
    """The resource is still in use: a dependency violation, a non-empty bucket, …

    Raised for `DependencyViolation` and AWS's `…InUse…`, `…NotEmpty…`, `DeleteConflict` and
    `…AlreadyAssociated…` codes (and a few of one service's own, tabled on the errors page).
    Remove or detach what depends on the resource first (AWS's message usually names it: a
    VPC's subnets, a bucket's objects, a user's keys), then try again; the `force=True` of
    `delete_bucket` does that for a bucket.
    """


class CapacityError(ServiceError):
    """AWS has not enough capacity for the request now (``InsufficientInstanceCapacity``, …).

    Raised for AWS's `Insufficient…Capacity` codes. Not a quota of yours: retry later, or in
    another availability zone or instance type.
    """


class InvalidStateError(ServiceError):
    """The resource is in the wrong state for the action (``IncorrectInstanceState``, …).

    Raised for AWS's `Incorrect…State` and `Invalid…State` codes and a few of one service's
    own (AutoScaling's `ScalingActivityInProgress`, IAM's `ConcurrentModification`, …).
    Wait until the resource reaches a state that allows the action (the services'
    `wait_until…` methods), or until the change in progress ends, then try again.
    """


class InvalidRequestError(ServiceError):
    """AWS rejected the request's parameters.

    Raised for AWS's `Invalid…`, `Malformed…`, `Validation…`, `MissingParameter` and
    `UnknownParameter` codes that no more specific class claims, and a few of one service's
    own. The facade's local checks refuse what AWS's model states before sending
    ([InvalidArgumentError][awsfacade.errors.InvalidArgumentError]); AWS checks the rest (a
    subnet's CIDR outside its VPC's, an image of another region). AWS's message says which
    parameter is wrong: fix it.
    """


class DryRunError(ServiceError):
    """``DryRunOperation``: the request would have succeeded, but it was a dry run.

    Raised only for EC2, by a raw call made with `DryRun=True` inside `translate_errors()`
    (the facade's own methods send no dry runs): catch it as the success it stands for. A dry
    run that would fail raises what the real call would (`UnauthorizedOperation`: an
    [AccessDeniedError][awsfacade.errors.AccessDeniedError]).
    """


class InvalidArgumentError(AwsError, ValueError):
    """A local check rejected an argument; no request was sent.

    Raised before any request for an argument of the wrong type or outside what AWS's
    model states (a length, a pattern, a range: the facade's checks and botocore's own), for
    a regional service or call without a region (the message names the three ways to give
    one), and for a page size an operation does not take. Also a `ValueError`. Fix the
    argument the message names; retrying the same call fails the same way.
    """


class WaitTimeoutError(AwsError, TimeoutError):
    """A waiter ran out of time before the resource reached the awaited state.

    Raised by the `wait_until…` methods when `timeout` seconds have passed; the message says
    the state last seen. Also a `TimeoutError`. The resource may still get there: wait again,
    with a longer `timeout`, or look at why it is slow.
    """


class WaitFailedError(AwsError):
    """A waiter saw a state from which the awaited one can no longer be reached.

    Raised by the `wait_until…` methods (an instance awaited as running that terminated, a
    database that failed); the message names the state reached. Waiting longer will not
    help: look at the resource (its status reason) and act on it.
    """


class UnexpectedResponseError(AwsError):
    """AWS's response lacks a field that AWS documents as always present.

    Raised instead of a `KeyError` when an answer lacks such a field, and when a listing is
    sent a page token it was sent before (it would never end). It means the endpoint does not
    behave as AWS documents (an emulator, a proxy, or a fault at AWS): report it with the
    message, which names the operation and the field.
    """


class AmbiguousError(AwsError, LookupError):
    """A lookup by name matched more than one resource (two private hosted zones of one name,
    say): AWS answered, but which one was meant is for the caller to say.

    Raised by lookups by name (Route53's `find_hosted_zone`), and by a create whose answer
    was lost when several new resources appeared meanwhile (the message names them: keep
    one, delete the others). Also a `LookupError`. Narrow the lookup, or use an id.
    """


class ClientSideError(AwsError):
    """botocore failed without an answer from AWS: credentials, region, connection, …

    Any call may raise it: for botocore's own failures (a connection refused or timed out
    after botocore's retries, an endpoint that cannot be resolved, a broken configuration),
    for an S3 transfer whose local file fails, and when a create's answer is lost every time
    it is tried. The message is botocore's; whether the request took effect is unknown
    unless it says so. Check the network, the endpoint and the configuration, then retry.
    """


class PartialFailureError(AwsError):
    """A many-step operation (a batch delete, a forced delete, a set of change batches) failed
    part of the way: nothing is lost in silence.

    ``done`` names the steps that took effect, ``not_done`` those that did not (the failed
    step first); ``error`` is the [AwsError][awsfacade.errors.AwsError] that stopped it, also
    ``__cause__``; `str(error)` counts both in one line. Raised by forced deletes (S3's
    `delete_bucket(force=True)`, IAM's user deletion), S3's batched object deletes and
    Route53's change batches. Deal with `error` (the usual class for its cause), then run
    the operation again for what is not done.
    """

    operation: str
    """The AWS operation of the whole that stopped (`DeleteBucket`, `DeleteUser`, …)."""
    done: tuple[str, ...]
    """The steps that took effect, in order (S3 object keys, what a user held, …)."""
    not_done: tuple[str, ...]
    """The steps that did not, the failed one first."""
    error: AwsError
    """The error that stopped the operation (also `__cause__`)."""

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
