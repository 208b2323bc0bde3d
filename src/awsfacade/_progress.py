"""The sender of `on_progress` reports, shared by waits and many-step operations."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from awsfacade.errors import InvalidArgumentError
from awsfacade.progress import Progress

if TYPE_CHECKING:
    from awsfacade.progress import ProgressCallback

__all__ = ["Reporter"]


class Reporter:
    """Calls `on_progress` with a [Progress][awsfacade.progress.Progress], timed from when
    the reporter was made; with no callback, does nothing (one check a report)."""

    __slots__ = ("_callback", "_started", "_timeout")

    def __init__(self, callback: ProgressCallback | None, *, timeout: float | None = None) -> None:
        if callback is not None and not callable(callback):
            raise InvalidArgumentError(
                f"on_progress must be a callable taking a Progress, not {callback!r}"
            )
        self._callback = callback
        self._timeout = timeout
        self._started = time.monotonic()

    @property
    def active(self) -> bool:
        """Whether anyone listens: without a callback, a report need not be put into words."""
        return self._callback is not None

    def __call__(self, done: int, total: int | None, message: str) -> None:
        """Report; whatever the callback raises propagates (it stops the operation)."""
        if self._callback is not None:
            self._callback(
                Progress(
                    done=done,
                    total=total,
                    message=message,
                    elapsed=time.monotonic() - self._started,
                    timeout=self._timeout,
                )
            )
