"""Reading a resource right after creating it, under AWS's eventual consistency.

Right after ``CreateSecurityGroup`` succeeds, ``DescribeSecurityGroups`` may still answer
``InvalidGroup.NotFound``. A create must never report failure for a resource AWS made: the
caller would lose its id, and a retry would hit ``Duplicate``. So the read is retried on
:class:`~awsfacade.errors.NotFoundError` with a bounded back-off, and if the resource is still
not visible after that, the model is built from what the create call told us. A read that
fails for another reason (no permission to describe, throttled past botocore's retries) says
nothing about the resource either: the model as created is returned at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from awsfacade.errors import AwsError, NotFoundError

__all__ = ["DELAYS", "read_after_create", "server_time"]

M = TypeVar("M")

#: Seconds slept between reads: about 6 s in all, AWS's usual propagation time.
DELAYS: tuple[float, ...] = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


def read_after_create(
    read: Callable[[], M],
    fallback: Callable[[], M],
    *,
    delays: tuple[float, ...] | None = None,
) -> M:
    """``read()`` once, then again after each delay while it raises NotFoundError;
    ``fallback()`` (the model as created) if the resource never shows up, or if the read
    fails otherwise: the create succeeded, so it must not be reported as failed."""
    for delay in (*(DELAYS if delays is None else delays), None):
        try:
            return read()
        except NotFoundError:
            if delay is None:
                break
            time.sleep(delay)
        except AwsError:
            break
    return fallback()


def server_time(headers: Mapping[str, str] | None) -> datetime:
    """The server's time from a response's HTTP ``date`` header, else now (UTC): the
    creation time of a resource AWS made but does not show yet (the fallback model's)."""
    date = (headers or {}).get("date")
    if date:
        try:
            return parsedate_to_datetime(date).astimezone(UTC)
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC)
