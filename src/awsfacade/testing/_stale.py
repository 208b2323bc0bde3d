"""Stale reads: `Realism(stale_reads=N)`.

To be built (issue 20).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.hooks import BaseEventHooks


def install(events: BaseEventHooks, reads: int) -> None:
    """Register the handlers on a session's event emitter."""
    raise NotImplementedError
