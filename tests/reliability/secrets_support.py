"""Helpers of the secrets and logging tests: where a secret could show, and a hook that puts
a sentinel into a parsed response."""

from __future__ import annotations

import base64
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    import pytest
    from botocore.client import BaseClient


def shown(*things: object) -> str:
    """Everything ``repr()`` and ``str()`` show of ``things``, and of them as a collection."""
    return "\n".join([repr(things), repr(list(things)), *(str(thing) for thing in things)])


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record as a handler would write it (message, exception), its message,
    and the repr of its arguments, from every logger."""
    parts = [caplog.text]
    for record in caplog.records:
        parts.extend((record.getMessage(), repr(record.args), record.exc_text or ""))
    return "\n".join(parts)


def error_text(error: BaseException) -> str:
    """What an error shows: its message, repr, arguments and its printed traceback (causes and
    contexts included)."""
    return "\n".join(
        [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error))]
    )


def forms(secret: str) -> tuple[str, str]:
    """The secret as given and base64-encoded (botocore encodes EC2 user data)."""
    return secret, base64.b64encode(secret.encode()).decode()


def assert_absent(secret: str, text: str) -> None:
    """Neither form of ``secret`` is in ``text``."""
    for form in forms(secret):
        assert form not in text


Parsed = dict[str, object]


def after_call(
    client: BaseClient, operation: str, change: Callable[[Parsed], None], changed: list[str]
) -> None:
    """Let ``change`` edit every parsed ``operation`` response of ``client`` before the
    facade reads it (moto's answer with a member moto does not send); each edit appends the
    operation to ``changed``."""

    def hook(*, parsed: Parsed, **_: object) -> None:
        if "Error" not in parsed:
            change(parsed)
            changed.append(operation)

    service = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register(f"after-call.{service}.{operation}", hook)


def nested(parsed: Parsed, *path: str) -> Parsed:
    """The dict at ``path`` in ``parsed``, created where missing."""
    here = parsed
    for key in path:
        child = here.setdefault(key, {})
        assert is_parsed(child)
        here = child
    return here


def is_parsed(value: object) -> TypeGuard[Parsed]:
    """Whether ``value`` is a dict of a parsed answer (botocore's keys are strings)."""
    return isinstance(value, dict)
