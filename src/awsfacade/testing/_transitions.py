"""AWS's intermediate states: `Realism(transitions=True)`.

To be built (issue 20).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.hooks import BaseEventHooks


def install(events: BaseEventHooks) -> None:
    """Register the handlers on a session's event emitter."""
    raise NotImplementedError
