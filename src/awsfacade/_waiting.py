"""Waiting with botocore's waiter machinery, for states AWS's built-in waiters do not cover.

A waiter is described the way botocore's own ``waiters-2.json`` files describe theirs (an
operation, a JMESPath to the state, success and failure acceptors) and run by botocore,
so polling, back-off and error matching are botocore's; this module only builds the model
from a timeout and maps the outcome onto awsfacade's errors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from botocore.exceptions import WaiterError
from botocore.waiter import WaiterModel, create_waiter_with_client

from awsfacade.errors import InvalidArgumentError, WaitFailedError, WaitTimeoutError, service_error

if TYPE_CHECKING:
    from botocore.client import BaseClient

__all__ = ["check_timing", "wait_for_path"]


def check_timing(timeout: float, poll_interval: float) -> None:
    """Reject a timeout or poll interval that is not a positive number, before any request."""
    for name, value in (("timeout", timeout), ("poll_interval", poll_interval)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise InvalidArgumentError(
                f"{name} must be a positive number of seconds, not {value!r}"
            )


def wait_for_path(
    client: BaseClient,
    *,
    operation: str,
    path: str,
    expected: str,
    failures: Iterable[str] = (),
    retry_errors: Iterable[str] = (),
    params: Mapping[str, object],
    timeout: float,
    poll_interval: float,
    description: str,
) -> None:
    """Poll ``operation`` until every value at JMESPath ``path`` equals ``expected``.

    Raises :class:`WaitFailedError` as soon as any value is one of ``failures``,
    :class:`WaitTimeoutError` after ``timeout`` seconds, and the translated service error
    for an AWS error other than the ``retry_errors`` (e.g. not yet visible after creation).
    """
    check_timing(timeout, poll_interval)
    acceptors: list[dict[str, str]] = [
        {"matcher": "pathAll", "argument": path, "expected": expected, "state": "success"},
        *(
            {"matcher": "pathAny", "argument": path, "expected": state, "state": "failure"}
            for state in failures
        ),
        *({"matcher": "error", "expected": code, "state": "retry"} for code in retry_errors),
    ]
    # The first poll happens at once, then one every poll_interval seconds.
    attempts = math.ceil(timeout / poll_interval) + 1
    model = WaiterModel(
        {
            "version": 2,
            "waiters": {
                "AwsFacade": {
                    "operation": operation,
                    "delay": poll_interval,
                    "maxAttempts": attempts,
                    "acceptors": acceptors,
                }
            },
        }
    )
    waiter = create_waiter_with_client("AwsFacade", model, client)
    try:
        waiter.wait(**params)
    except WaiterError as error:
        response = error.last_response
        if "Error" in response:
            raise service_error(response, operation) from error
        reason = str(error)
        if "Max attempts exceeded" in reason:
            raise WaitTimeoutError(
                f"timed out after {timeout:g}s waiting for {description}"
            ) from error
        raise WaitFailedError(
            f"gave up waiting for {description}: a state was reached from which "
            f"{expected!r} cannot follow ({reason})"
        ) from error
