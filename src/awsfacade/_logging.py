"""The ``awsfacade`` logger: a DEBUG line for each request, a WARNING line for each retry.

:func:`register` hooks a client's events when :class:`~awsfacade._clients.ClientCache`
creates it, so every request the library makes, a page of a listing or a part of an upload,
goes through these handlers:

- ``before-parameter-build`` keeps the names of the parameters given (never their values);
- ``before-call`` logs ``<service> <Operation> in <region> (<names>)`` at DEBUG, once per
  call, after botocore has validated the parameters (a call refused locally sent nothing);
- ``needs-retry`` keeps why an attempt failed (AWS's error code, or the exception's class);
- ``request-created`` logs the retry at WARNING when a later attempt starts: botocore's own
  retry handler (standard mode) decided to retry and has slept its back-off.

Each handler checks ``isEnabledFor`` first, so with the logger off a request costs botocore's
calls of four handlers that return at once: 7 to 10 µs (``benchmarks/logging_cost.py``). No
handler logs a parameter value, so no secret can reach these records.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, TypeGuard

from botocore.client import BaseClient

if TYPE_CHECKING:
    from botocore.model import OperationModel

__all__ = ["LOGGER", "register"]

#: The library's logger. Its NullHandler (what logging's HOWTO asks of a library) keeps it
#: silent until the application configures logging: without one, Python's last-resort handler
#: would print each retry's WARNING to stderr.
LOGGER: Final = logging.getLogger("awsfacade")
LOGGER.addHandler(logging.NullHandler())

#: Keys awsfacade adds to botocore's request context (one dict per call, shared by attempts).
_NAMES_KEY: Final = "awsfacade_parameters"
_REASON_KEY: Final = "awsfacade_retry_reason"


class _Hooks:
    """The handlers of one client: its service and region go into every line."""

    __slots__ = ("region", "service")

    def __init__(self, service: str, region: str) -> None:
        self.service = service
        self.region = region

    def keep_names(
        self, *, params: Mapping[str, object], context: dict[str, object], **_: object
    ) -> None:
        if LOGGER.isEnabledFor(logging.DEBUG):
            context[_NAMES_KEY] = ", ".join(sorted(params))

    def log_request(
        self, *, model: OperationModel, context: Mapping[str, object], **_: object
    ) -> None:
        if LOGGER.isEnabledFor(logging.DEBUG):
            names = context.get(_NAMES_KEY) or "no parameters"
            LOGGER.debug(
                "%s %s in %s (%s)",
                self.service,
                model.name,
                self.region,
                names,
                extra={
                    "aws_service": self.service,
                    "aws_operation": model.name,
                    "aws_region": self.region,
                },
            )

    def keep_reason(
        self,
        *,
        response: tuple[object, Mapping[str, object]] | None = None,
        caught_exception: BaseException | None = None,
        request_dict: Mapping[str, object],
        **_: object,
    ) -> None:
        if not LOGGER.isEnabledFor(logging.WARNING):
            return
        reason = _reason(response, caught_exception)
        context = request_dict.get("context")
        if reason is not None and _is_dict(context):
            context[_REASON_KEY] = reason

    def log_retry(self, *, request: object, operation_name: str, **_: object) -> None:
        context: object = getattr(request, "context", None)
        if not _is_dict(context) or _REASON_KEY not in context:
            return
        reason = context.pop(_REASON_KEY)
        retries = context.get("retries")
        attempt = retries.get("attempt") if _is_dict(retries) else None
        if isinstance(attempt, int) and attempt > 1 and LOGGER.isEnabledFor(logging.WARNING):
            LOGGER.warning(
                "%s %s in %s: attempt %d after %s",
                self.service,
                operation_name,
                self.region,
                attempt,
                reason,
                extra={
                    "aws_service": self.service,
                    "aws_operation": operation_name,
                    "aws_region": self.region,
                    "aws_attempt": attempt,
                    "aws_retry_reason": reason,
                },
            )


def _is_dict(value: object) -> TypeGuard[dict[str, object]]:
    # botocore's request context and parsed bodies: dicts keyed by strings.
    return isinstance(value, dict)


def _reason(
    response: tuple[object, Mapping[str, object]] | None, caught_exception: BaseException | None
) -> str | None:
    """Why an attempt failed: the exception's class, or AWS's error code; ``None`` if it did
    not fail."""
    if caught_exception is not None:
        return type(caught_exception).__name__
    if response is None:
        return None
    error = response[1].get("Error")
    if _is_dict(error):
        code = error.get("Code")
        if isinstance(code, str) and code:
            return code
    return None


def register(client: object) -> None:
    """Hook ``client``'s requests and retries to the ``awsfacade`` logger (anything other
    than a botocore client is left alone)."""
    if not isinstance(client, BaseClient):
        return
    meta = client.meta
    hooks = _Hooks(meta.service_model.service_name, meta.region_name)
    events = meta.events
    events.register("before-parameter-build", hooks.keep_names)
    events.register("before-call", hooks.log_request)
    events.register("needs-retry", hooks.keep_reason)
    events.register("request-created", hooks.log_retry)
