"""Creates that end with exactly one resource, returned to the caller, even when AWS's answer
to the create is lost on its way back.

botocore sends an attempt again when its answer never came (a read timeout, a connection
reset) or was a 5xx, though AWS may have carried the first one out. What the retry then meets
depends on the operation:

- An idempotency token (RunInstances', CreateLaunchTemplate's and CreateVolume's
  ``ClientToken``, generated once a call by botocore and sent again on its retries): AWS
  answers a repeated token with the first attempt's result. Nothing to do here.
- A unique name (IAM's entities, S3 buckets outside us-east-1, RDS instances and subnet
  groups, AutoScaling groups and launch configurations, security groups, key pairs, and a
  subnet's CIDR block in its VPC): the retry meets "already exists". :func:`create_unique`
  recognises this call's own retry and returns the resource when it is as sent.
- Neither (CreateVpc, CreateAccessKey, AllocateAddress): a retry would make a second one.
  :func:`create_counted` stops botocore retrying an attempt that may have been carried out,
  then looks at what appeared since just before the create.

How each attempt ended is told by botocore's ``needs-retry`` event: :func:`watch_creates`
hooks it on every client :class:`~awsfacade._clients.ClientCache` creates. Its handler acts
only inside :func:`create_unique` or :func:`create_counted`, on their thread, for their
operation: a call made through ``service.client`` is retried as botocore always does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, Literal, TypeVar

from botocore.client import BaseClient
from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ProxyConnectionError,
)
from botocore.retries.standard import RetryEventAdapter, ThrottlingErrorDetector

from awsfacade._consistency import DELAYS, read_after_create, server_time
from awsfacade._translate import with_hint
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    AmbiguousError,
    AwsError,
    ClientSideError,
    CredentialsError,
    NotFoundError,
    ServiceError,
)

if TYPE_CHECKING:
    from types import TracebackType

    from botocore.awsrequest import AWSResponse
    from botocore.model import OperationModel

__all__ = ["Attempts", "create_counted", "create_unique", "watch_creates", "with_secret"]

M = TypeVar("M")

#: Failures that prove an attempt never reached AWS: no connection was made.
_NOT_SENT: Final = (EndpointConnectionError, ConnectTimeoutError, ProxyConnectionError)
#: botocore's own test for a throttled answer (the standard retry mode's): AWS refused it.
_THROTTLING: Final = ThrottlingErrorDetector(RetryEventAdapter())
#: AWS's ``Date`` header counts whole seconds, and its hosts' clocks differ a little.
_CLOCK_SLACK: Final = timedelta(seconds=2)
_SERVER_ERROR: Final = 500
#: How many times :func:`with_secret` makes a resource again whose secret was lost.
_REMAKES: Final = 2


class _Watching(threading.local):
    """The create call watched on each thread (see :class:`Attempts`)."""

    call: Attempts | None = None


_local = _Watching()


class Attempts:
    """How botocore's attempts of one create call ended; a context manager that has the
    ``needs-retry`` handler watch the calls of ``operation`` made in its block, on this
    thread. ``retry=False``: botocore must not send again an attempt that may have been
    carried out."""

    __slots__ = ("_outer", "last_unknown", "maybe_applied", "operation", "retry", "started")

    def __init__(self, operation: str, *, retry: bool) -> None:
        self.operation = operation
        self.retry = retry
        #: Some attempt ended with no proof that AWS did not carry it out.
        self.maybe_applied = False
        #: The last attempt ended so: its outcome is unknown.
        self.last_unknown = False
        self.started = time.monotonic()
        self._outer: Attempts | None = None

    def __enter__(self) -> Attempts:
        self._outer = _local.call
        _local.call = self
        self.started = time.monotonic()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _local.call = self._outer

    def ended(self, *, unknown: bool) -> None:
        """Note how an attempt ended: ``unknown`` if AWS may have carried it out."""
        self.last_unknown = unknown
        self.maybe_applied = self.maybe_applied or unknown

    def began(self, failure: AwsError) -> datetime:
        """The earliest time, by AWS's clock, at which this call's first attempt could have
        reached AWS: the ``Date`` of the answer that ended the call (else now) less the time
        the call took."""
        elapsed = timedelta(seconds=time.monotonic() - self.started)
        return server_time(_headers(failure)) - elapsed - _CLOCK_SLACK


def _headers(error: AwsError) -> Mapping[str, str] | None:
    """The HTTP headers of AWS's answer behind ``error``; None if there was no answer."""
    cause = error.__cause__
    if isinstance(cause, ClientError):
        return cause.response.get("ResponseMetadata", {}).get("HTTPHeaders")
    return None


def _needs_retry(
    *,
    response: tuple[AWSResponse, Mapping[str, object]] | None,
    caught_exception: BaseException | None,
    operation: OperationModel,
    attempts: int,
    request_dict: Mapping[str, object],
    **_: object,
) -> Literal[False] | None:
    """botocore's ``needs-retry`` handler: notes how an attempt of the watched create ended,
    and answers ``False`` (no retry) for one that may have been carried out when the create
    must not be sent twice; ``None`` leaves the choice to botocore's retry handler."""
    call = _local.call
    if call is None or call.operation != operation.name:
        return None
    if caught_exception is not None:
        unknown = not isinstance(caught_exception, _NOT_SENT)
    elif response is None or response[0].status_code < _SERVER_ERROR:
        unknown = False  # answered: carried out, or refused with a 4xx
    else:
        unknown = not _THROTTLING.is_throttling_error(
            response=response,
            caught_exception=caught_exception,
            operation=operation,
            attempts=attempts,
            request_dict=request_dict,
        )
    call.ended(unknown=unknown)
    return False if unknown and not call.retry else None


def watch_creates(client: object) -> None:
    """Watch ``client``'s attempts for the creates of this module (anything other than a
    botocore client is left alone). Registered ahead of botocore's own retry handler, on the
    same ``needs-retry.<service>`` event, so that its ``False`` is the answer botocore takes."""
    if not isinstance(client, BaseClient):
        return
    service = client.meta.service_model.service_id.hyphenize()
    # botocore-stubs type handlers as returning None; a needs-retry handler answers a delay,
    # or False for "no retry".
    client.meta.events.register_first(f"needs-retry.{service}", _needs_retry)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def create_unique(
    send: Callable[[], M],
    *,
    operation: str,
    find: Callable[[datetime], M | None],
    exists: Collection[str] = (),
) -> M:
    """``send()`` (which makes the ``operation`` call and builds its model) for a resource
    whose name is unique, and its model: the one the call made, also when AWS's answer to
    it was lost.

    botocore retries as usual. If an attempt may have been carried out and a later one is
    refused because the resource exists (:class:`AlreadyExistsError`, or a code in
    ``exists``), or if the last attempt's outcome is unknown, ``find(began)`` reads the
    resource named as sent: its model when it is as sent, ``None`` when it differs;
    NotFoundError while AWS does not show it (read again for a few seconds). ``began`` is
    the earliest time, by AWS's clock, at which the call could have made it.

    Raises what ``send`` raised when it was not this call's own retry (an AlreadyExistsError
    on the first attempt, or after throttling), or when no resource as sent is found.
    """
    attempts = Attempts(operation, retry=True)
    try:
        with attempts:
            return send()
    except AwsError as error:
        refused = isinstance(error, AlreadyExistsError) or (
            isinstance(error, ServiceError) and error.code in exists
        )
        if not (attempts.last_unknown or (attempts.maybe_applied and refused)):
            raise
        began = attempts.began(error)
        found = read_after_create(lambda: find(began), lambda: None)
        if found is None:
            raise
        return found


def create_counted(
    send: Callable[[], M],
    *,
    operation: str,
    matching: Callable[[], Iterable[M]],
    key: Callable[[M], str],
    what: str,
) -> M:
    """``send()`` (which makes the ``operation`` call and builds its model) for a resource
    that a second call would make twice, and its model: the one the call made, also when
    AWS's answer to it was lost.

    ``matching()`` lists the resources that look like the one sent (a VPC's CIDR block, a
    user's access keys), ``key`` gives each one's id, ``what`` names them ("VPC with CIDR
    block 10.0.0.0/16"). They are listed once before the create (one more request). botocore
    retries throttling and failed connections as usual, but not an attempt that may have been
    carried out: then what appeared since is listed (again for a few seconds while nothing
    has), and the one new resource is returned (without what only the lost answer held).

    Credentials allowed to create but not to list (a least-privilege role) still create:
    the listing's :class:`AccessDeniedError` is noted and the create sent, never twice; if
    its answer is then lost, its error says that what it made could not be looked for. So
    does a listing's :class:`NotFoundError`: the parent (an IAM user just created) may not be
    visible yet, while the create itself is (AWS's eventual consistency).

    Raises the create's error, saying it was not carried out, when nothing appeared;
    :class:`AmbiguousError` when several did.
    """
    before, denied = _listed(matching, key)
    attempts = Attempts(operation, retry=False)
    try:
        with attempts:
            return send()
    except AwsError as error:
        if not attempts.last_unknown:
            raise
        failure = error
    if before is None:
        raise _noted(
            failure,
            f"it may have been carried out: each {what} could not be listed ({denied}), so "
            "what it made cannot be looked for",
        ) from failure.__cause__
    try:
        new = _appeared(matching, key, before)
    except AwsError as error:
        raise _noted(failure, f"it may have been carried out: listing failed: {error}") from error
    if not new:
        raise _noted(failure, f"it was not carried out: no new {what} appeared") from (
            failure.__cause__
        )
    if len(new) > 1:
        raise AmbiguousError(
            f"{operation}'s answer was lost ({failure}), and {len(new)} new {what}s appeared "
            f"meanwhile: {', '.join(key(item) for item in new)}; which one it made cannot be "
            "told: keep one and delete the others"
        ) from failure
    return new[0]


def with_secret(
    create: Callable[[], M],
    *,
    has_secret: Callable[[M], bool],
    delete: Callable[[M], None],
    operation: str,
) -> M:
    """``create()``'s resource with its secret (a key pair's private key, an access key's
    secret), which AWS sends in the create's answer only.

    A resource that :func:`create_unique` or :func:`create_counted` found after its answer
    was lost comes back without it: it is deleted and made again, so that the caller gets
    exactly one, whole (and IAM's two keys a user are not spent on a lost one). Raises
    :class:`ClientSideError` if the answer is lost each time (every one made is deleted).
    """
    for _ in range(_REMAKES + 1):
        made = create()
        if has_secret(made):
            return made
        delete(made)
    raise ClientSideError(
        f"{operation}'s answer was lost {_REMAKES + 1} times; what each attempt made was "
        "deleted, since its secret went with the answer: try again later"
    )


def _listed(
    matching: Callable[[], Iterable[M]], key: Callable[[M], str]
) -> tuple[set[str] | None, str]:
    """The ids ``matching()`` lists, or ``None`` and the error's code if listing is denied or
    finds no parent yet (credentials that fail are raised: the create would fail the same way)."""
    try:
        return {key(item) for item in matching()}, ""
    except CredentialsError:
        raise
    except (AccessDeniedError, NotFoundError) as error:
        return None, error.code


def _appeared(
    matching: Callable[[], Iterable[M]], key: Callable[[M], str], before: set[str]
) -> list[M]:
    """What ``matching()`` lists beyond ``before``, read again after each of
    :data:`~awsfacade._consistency.DELAYS` while nothing has appeared: AWS may not list a new
    resource at once."""
    for delay in (*DELAYS, None):
        new = [item for item in matching() if key(item) not in before]
        if new or delay is None:
            return new
        time.sleep(delay)
    return []  # pragma: no cover - the loop returns on its last pass


def _noted(error: AwsError, note: str) -> AwsError:
    """``error`` again, saying ``note`` too: as its hint (AWS's message is kept as sent)."""
    if isinstance(error, ServiceError):
        return with_hint(error, note)
    return ClientSideError(f"{error} ({note})")
