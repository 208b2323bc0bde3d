"""Progress reports of waits and many-step operations.

Every `wait_until…` method and every operation made of many requests (a forced delete, a
batched delete, a set of change batches) takes `on_progress`: a
[`ProgressCallback`][awsfacade.progress.ProgressCallback], called with a
[`Progress`][awsfacade.progress.Progress] after each poll of a wait and after each step of a
many-step operation:

```python
from awsfacade.progress import Progress


def show(progress: Progress) -> None:
    print(f"{progress.elapsed:.0f}s: {progress.message}")
```

`on_progress=None`, the default, reports nothing and costs nothing. A callback that raises
stops the operation there: its exception reaches the caller unchanged (raise your own to
cancel a wait), and the last report it received says what had been done.
"""

from __future__ import annotations

import collections.abc
import typing

import attrs

__all__ = ["Progress", "ProgressCallback"]


@attrs.frozen(kw_only=True)
class Progress:
    """Where a wait or a many-step operation has got to, as `on_progress` is told.

    A wait reports after each poll what the poll saw (`done` of `total` instances in the
    awaited state); a many-step operation reports after each step what has taken effect
    (objects deleted, changes applied, what a user held removed).
    """

    done: int
    """How many of `total` are done: resources in the awaited state, objects deleted,
    changes applied, steps taken."""
    total: int | None
    """How many there are in all; `None` when that is not known in advance (a bucket being
    emptied lists its objects a page at a time)."""
    message: str
    """What was last seen or done, in words: `"2 of 3 instances InService"`,
    `"deleted 1000 objects"`; a wait that times out names the same in its message."""
    elapsed: float
    """Seconds since the operation began."""
    timeout: float | None = None
    """A wait's `timeout` in seconds; `None` for a many-step operation, which has none."""


# Module imports: the public module shows no name but its own (`Callable`, `TypeAlias`).
ProgressCallback: typing.TypeAlias = collections.abc.Callable[[Progress], object]
"""What `on_progress` takes: a callable given each [`Progress`][awsfacade.progress.Progress]
(its return value is ignored)."""
