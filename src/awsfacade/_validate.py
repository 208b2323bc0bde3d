"""Checks of what users pass in, shared by every service; each runs before any request.

Each raises :class:`~awsfacade.errors.InvalidArgumentError` with a message naming the
argument. Nothing here is applied to what AWS sends back: models accept whatever AWS sends.
"""

from __future__ import annotations

import functools
import ipaddress
import math
from collections.abc import Callable, Iterable, Sequence
from typing import ParamSpec, TypeVar

from awsfacade.errors import InvalidArgumentError

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")

__all__ = [
    "MAX_INTEGER",
    "check_bool",
    "check_cidr",
    "check_id",
    "check_ids",
    "check_int",
    "check_text",
    "check_timing",
    "check_type",
    "optional_ids",
    "required_choice",
]


def check_id(value: object, what: str) -> str:
    """A non-empty string (an id, a name)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{what} must be a non-empty string, not {value!r}")
    return value


def check_text(value: object, what: str, limit: int) -> str:
    """A non-empty string of at most ``limit`` characters."""
    text = check_id(value, what)
    if len(text) > limit:
        raise InvalidArgumentError(f"{what} is longer than {limit} characters")
    return text


def check_ids(values: Iterable[str], what: str) -> list[str]:
    """A list of at least one non-empty string (never one string standing for a list)."""
    checked = _strings(values, what)
    if not checked:
        raise InvalidArgumentError(f"{what} must name at least one id")
    return checked


def optional_ids(values: Sequence[str] | None, what: str) -> list[str] | None:
    """``None`` (no selection), or a list of non-empty strings, which may be empty."""
    return None if values is None else _strings(values, what)


def _strings(values: Iterable[str], what: str) -> list[str]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{what} must be a list of strings, not {values!r}")
    return [check_id(value, f"each of {what}") for value in values]


#: The largest value of AWS's ``Integer`` type (32 bits, signed): the bound of every integer
#: argument that has no smaller one of its own.
MAX_INTEGER = 2**31 - 1


def check_int(value: object, what: str, *, minimum: int, maximum: int = MAX_INTEGER) -> int:
    """An ``int`` (not a ``bool``) from ``minimum`` to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise InvalidArgumentError(
            f"{what} must be an integer from {minimum} to {maximum}, not {value!r}"
        )
    return value


def check_bool(value: object, what: str) -> bool:
    """A real ``bool`` (``"False"`` is truthy: refuse it rather than guess)."""
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{what} must be True or False, not {value!r}")
    return value


def check_type(value: object, cls: type[T], what: str) -> T:
    """``value`` if it is a ``cls`` (a ``BlockDevice`` in ``block_devices``, say)."""
    if not isinstance(value, cls):
        raise InvalidArgumentError(f"{what} must hold {cls.__name__} objects, not {value!r}")
    return value


def check_timing(timeout: object, poll_interval: object) -> None:
    """A timeout and poll interval that are positive, finite numbers of seconds."""
    for name, value in (("timeout", timeout), ("poll_interval", poll_interval)):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value < math.inf
        ):
            raise InvalidArgumentError(
                f"{name} must be a positive number of seconds, not {value!r}"
            )


def check_cidr(
    cidr: object, *, version: int = 4, what: str = "cidr_block", other: str | None = None
) -> str:
    """``cidr`` if it is a network in CIDR notation of that IP version (AWS rejects host bits
    set, ``10.0.0.1/16``, too); ``other`` names the argument that takes the other version,
    for the message."""
    if not isinstance(cidr, str) or "/" not in cidr:
        raise InvalidArgumentError(f"{what} is not a CIDR block (like 10.0.0.0/16): {cidr!r}")
    try:
        network = ipaddress.ip_network(cidr, strict=True)
    except ValueError as error:
        raise InvalidArgumentError(f"{what} is an invalid CIDR block {cidr!r}: {error}") from error
    if network.version != version:
        elsewhere = f": put IPv{network.version} ranges in {other}" if other else ""
        raise InvalidArgumentError(f"{what} {cidr!r} is not an IPv{version} CIDR block{elsewhere}")
    return cidr


def required_choice(name: str, choice: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a function whose keyword-only argument ``name`` has no default because it
    decides something that cannot be undone (a final snapshot or none).

    Type checkers refuse a call without it from the signature alone; at run time, such a call
    raises :class:`InvalidArgumentError` explaining ``choice`` before the function runs,
    rather than Python's bare ``TypeError``.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            if name not in kwargs:
                raise InvalidArgumentError(choice)
            return function(*args, **kwargs)

        return call

    return decorate
