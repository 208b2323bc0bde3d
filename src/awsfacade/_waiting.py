"""Waiting with botocore's waiter machinery, for states AWS's built-in waiters do not cover.

A waiter is described the way botocore's own ``waiters-2.json`` files describe theirs (an
operation, a JMESPath to the state, success and failure acceptors) and run by botocore,
so polling and error matching are botocore's. This module builds the model from a deadline,
and classifies how the wait ended from the waiter's last response, never from its message.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from botocore.exceptions import WaiterError
from botocore.waiter import AcceptorConfig, WaiterModel, create_waiter_with_client

from awsfacade._translate import NO_CODES, Codes, service_error
from awsfacade._validate import check_timing
from awsfacade.errors import NotFoundError, WaitFailedError, WaitTimeoutError

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.waiter import Waiter

__all__ = ["NOT_FOUND_GRACE", "wait_for_path"]

#: How long an id AWS does not know is polled again before the wait fails with NotFoundError:
#: long enough for a new resource to appear, short enough that a typo'd id fails fast.
NOT_FOUND_GRACE = 15.0


def wait_for_path(
    client: BaseClient,
    *,
    operation: str,
    path: str,
    expected: str | bool,
    failures: Iterable[str] = (),
    not_found_errors: Iterable[str] = (),
    params: Mapping[str, object],
    timeout: float,
    poll_interval: float,
    description: str,
    codes: Codes = NO_CODES,
    matcher: Literal["pathAll", "path"] = "pathAll",
    last_seen: Callable[[Mapping[str, object]], str] | None = None,
) -> None:
    """Poll ``operation`` until every value at JMESPath ``path`` equals ``expected``
    (``matcher="path"``: until the one value of ``path``, a boolean expression, say, does).

    Raises :class:`WaitFailedError` as soon as any value is one of ``failures``,
    :class:`WaitTimeoutError` when ``timeout`` seconds have passed (never sleeping past it),
    :class:`NotFoundError` when one of ``not_found_errors`` still answers after a grace
    period (a new resource may take a moment to appear; a typo'd id never will), and the
    translated service error for any other AWS error. ``last_seen`` describes the last
    response for the timeout's message ("2 of 3 instances InService").
    """
    check_timing(timeout, poll_interval)
    failure_states = tuple(failures)
    retry_codes = tuple(not_found_errors)
    acceptors: list[dict[str, str | bool]] = [
        {"matcher": matcher, "argument": path, "expected": expected, "state": "success"},
        *(_failure(path, state) for state in failure_states),
        *(_retry(code) for code in retry_codes),
    ]
    deadline = time.monotonic() + timeout
    # First a grace period in which unknown ids are polled again, then the rest of the time.
    grace = min(timeout, NOT_FOUND_GRACE) if retry_codes else timeout
    budget, rest = grace, timeout - grace
    while True:
        try:
            _waiter(client, operation, acceptors, budget, poll_interval).wait(**params)
        except WaiterError as error:
            response = error.last_response
            if "Error" in response:
                code = response["Error"].get("Code", "")
                if code in retry_codes:
                    raise NotFoundError(
                        code=code,
                        message=f"still unknown after {grace:g}s of waiting for {description}",
                        operation=operation,
                        request_id=response.get("ResponseMetadata", {}).get("RequestId"),
                    ) from error
                raise service_error(response, operation, codes) from error
            reached = [
                state
                for state in failure_states
                if AcceptorConfig(_failure(path, state)).matcher_func(response)
            ]
            if reached:
                raise WaitFailedError(
                    f"gave up waiting for {description}: it reached {', '.join(reached)}, "
                    f"from which {expected!r} cannot follow"
                ) from error
            budget, rest = min(rest, deadline - time.monotonic()), 0.0
            if budget <= 0:
                seen = f"; last seen: {last_seen(response)}" if last_seen is not None else ""
                raise WaitTimeoutError(
                    f"timed out after {timeout:g}s waiting for {description}{seen}"
                ) from error
        else:
            return


def _waiter(
    client: BaseClient,
    operation: str,
    acceptors: list[dict[str, str | bool]],
    budget: float,
    poll_interval: float,
) -> Waiter:
    """A botocore waiter that polls at once, then every ``delay`` seconds, within ``budget``."""
    delay = min(poll_interval, budget)
    model = WaiterModel(
        {
            "version": 2,
            "waiters": {
                "AwsFacade": {
                    "operation": operation,
                    "delay": delay,
                    "maxAttempts": math.floor(budget / delay) + 1,
                    "acceptors": acceptors,
                }
            },
        }
    )
    return create_waiter_with_client("AwsFacade", model, client)


def _retry(code: str) -> dict[str, str | bool]:
    """The acceptor that polls again while AWS answers the error ``code``."""
    return {"matcher": "error", "expected": code, "state": "retry"}


def _failure(path: str, state: str) -> dict[str, str | bool]:
    """The acceptor that ends a wait as soon as any value at ``path`` is ``state``."""
    return {"matcher": "pathAny", "argument": path, "expected": state, "state": "failure"}
