"""Fault injection: `Realism(faults=[Fault(...)])`.

To be built (issue 20).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.hooks import BaseEventHooks

    from awsfacade.testing._realism import Fault


def install(events: BaseEventHooks, faults: tuple[Fault, ...]) -> None:
    """Register the handlers on a session's event emitter."""
    raise NotImplementedError
