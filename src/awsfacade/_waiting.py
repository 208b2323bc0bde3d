"""Waiting for a state, one poll at a time, with botocore's waiter acceptors doing the matching.

A wait is described the way botocore's own ``waiters-2.json`` files describe theirs (an
operation, a JMESPath to the state, a success acceptor and failure acceptors) and each answer
is matched by botocore's acceptors. The polling is this module's, one attempt at a time, so
that each poll can be reported to ``on_progress`` and the last sleep ends at the deadline,
never past it. How a wait ended is classified from the answer, never from a message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar

from botocore.exceptions import ClientError
from botocore.waiter import AcceptorConfig

from awsfacade._progress import Reporter
from awsfacade._translate import NO_CODES, Codes, service_error, translate
from awsfacade._validate import check_timing
from awsfacade.errors import NotFoundError, WaitFailedError, WaitTimeoutError

if TYPE_CHECKING:
    from awsfacade.progress import ProgressCallback

__all__ = ["NOT_FOUND_GRACE", "Seen", "wait_for_path"]

#: How long an id AWS does not know is polled again before the wait fails with NotFoundError:
#: long enough for a new resource to appear, short enough that a typo'd id fails fast.
NOT_FOUND_GRACE = 15.0

R = TypeVar("R", bound=Mapping[str, object])


class Seen(NamedTuple):
    """What one poll saw: ``done`` of ``total`` there, and that in words ("2 of 3 instances
    InService"), for ``on_progress`` and a timeout's message."""

    done: int
    total: int | None
    text: str


def wait_for_path(
    poll: Callable[[], R],
    *,
    operation: str,
    path: str,
    expected: str | bool,
    seen: Callable[[R | None], Seen],
    timeout: float,
    poll_interval: float,
    description: str,
    on_progress: ProgressCallback | None = None,
    failures: Iterable[str] = (),
    not_found: Iterable[str] = (),
    missing: Callable[[R], NotFoundError | None] | None = None,
    grace: bool = False,
    codes: Codes = NO_CODES,
    matcher: Literal["pathAll", "path"] = "pathAll",
) -> R:
    """Call ``poll`` (one ``operation`` request) until every value at JMESPath ``path``
    equals ``expected`` (``matcher="path"``: until the one value of ``path``, a boolean
    expression, say, does), and return that answer.

    ``seen`` puts an answer into words, ``None`` for one of the ``not_found`` error codes
    or an answer in which ``missing`` finds no resource (AWS lists nothing for an unknown
    name: ``missing`` gives the NotFoundError to raise at once);
    ``on_progress`` hears it after every poll, and a timeout's message names the last.
    Sleeps ``poll_interval`` between polls, the last sleep ending at the deadline.

    Raises :class:`WaitFailedError` as soon as any value is one of ``failures``,
    :class:`WaitTimeoutError` when ``timeout`` seconds have passed, :class:`NotFoundError`
    on a ``not_found`` code (with ``grace``, only once it still answers after a grace period:
    a new resource may take a moment to appear; a typo'd id never will), the translated
    service error for any other AWS error, and whatever ``on_progress`` raises.
    """
    check_timing(timeout, poll_interval)
    report = Reporter(on_progress, timeout=timeout)
    success = AcceptorConfig(
        {"matcher": matcher, "argument": path, "expected": expected, "state": "success"}
    )
    dead_ends = {
        state: AcceptorConfig(
            {"matcher": "pathAny", "argument": path, "expected": state, "state": "failure"}
        )
        for state in failures
    }
    unknown = frozenset(not_found)
    started = time.monotonic()
    deadline = started + timeout
    patience = min(timeout, NOT_FOUND_GRACE) if grace else 0.0
    while True:
        polled = _poll(poll, unknown, codes)
        error = polled if isinstance(polled, ClientError) else None
        answer = None if isinstance(polled, ClientError) else polled
        absent = None if missing is None or answer is None else missing(answer)
        last = seen(None if absent is not None else answer)
        report(*last)
        if absent is not None:
            raise absent
        if answer is not None:
            if success.matcher_func(answer):
                return answer
            reached = [state for state, dead in dead_ends.items() if dead.matcher_func(answer)]
            if reached:
                raise WaitFailedError(
                    f"gave up waiting for {description}: it reached {', '.join(reached)}, "
                    f"from which {expected!r} cannot follow"
                )
        elif error is not None and time.monotonic() - started >= patience:
            if not grace:
                raise service_error(error.response, operation, codes) from error
            raise NotFoundError(
                code=_code(error),
                message=f"still unknown after {patience:g}s of waiting for {description}",
                operation=operation,
                request_id=error.response.get("ResponseMetadata", {}).get("RequestId"),
            ) from error
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"timed out after {timeout:g}s waiting for {description}; last seen: {last.text}"
            )
        time.sleep(min(poll_interval, remaining))


def _poll(poll: Callable[[], R], unknown: frozenset[str], codes: Codes) -> R | ClientError:
    """One request: its answer, or the error of one of the ``unknown`` codes; any other
    error is raised, translated."""
    with translate(codes):
        try:
            return poll()
        except ClientError as error:
            if _code(error) not in unknown:
                raise
            return error


def _code(error: ClientError) -> str:
    """AWS's error code."""
    return error.response.get("Error", {}).get("Code", "")
