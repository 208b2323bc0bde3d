"""Small helpers shared by the models' ``_from_boto`` converters."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import ParamSpec, TypeVar

from awsfacade.errors import UnexpectedResponseError

__all__ = [
    "converter",
    "from_aws",
    "iso_utc",
    "optional_utc",
    "required",
    "sent",
    "user_input",
    "utc",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def required(value: T | None, field: str) -> T:
    """A field AWS always sends though its stub marks it ``NotRequired``.

    Raises ``KeyError(field)``, which :func:`converter` reports as an
    :class:`~awsfacade.errors.UnexpectedResponseError`.
    """
    if value is None:
        raise KeyError(field)
    return value


def sent(value: T | None, field: str, operation: str) -> T:
    """A top-level response field AWS always sends: UnexpectedResponseError if it is absent."""
    if value is None:
        raise UnexpectedResponseError(f"AWS's {operation} response lacks the field {field!r}")
    return value


def utc(value: datetime) -> datetime:
    """The same instant as a UTC-aware datetime (moto hands back ``tzlocal()``, AWS UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def optional_utc(value: datetime | None) -> datetime | None:
    """:func:`utc` for a datetime AWS may leave out."""
    return None if value is None else utc(value)


class _Flag(threading.local):
    """Whether a converter is building models from AWS's answer, per thread.

    A thread-local rather than a ContextVar: a converter is synchronous code (it never
    awaits, never yields), so no other task can run between its start and its end, and
    setting and resetting a thread-local attribute costs half as much as a ContextVar's
    ``set``/``reset``, once an item of every listing.
    """

    active = False


_FROM_AWS = _Flag()


def user_input() -> bool:
    """Whether the model being built comes from the user (check it) or from AWS (accept it).

    Models whose constructors check what users pass (``Rule``, ``LaunchTemplateRef``) skip
    those checks inside a :func:`converter`: reading a response never raises
    :class:`~awsfacade.errors.InvalidArgumentError`.
    """
    return not _FROM_AWS.active


class from_aws:  # noqa: N801 - used as a function: ``with from_aws():``
    """Inside this block, models are being built from AWS's answer: :func:`user_input` is False.

    For synchronous code only, like a converter (the flag is per thread, not per task).
    """

    __slots__ = ("_outer",)
    _outer: bool

    def __enter__(self) -> None:
        self._outer = _FROM_AWS.active
        _FROM_AWS.active = True

    def __exit__(self, *_: object) -> None:
        _FROM_AWS.active = self._outer


def iso_utc(value: str | None) -> datetime | None:
    """A UTC datetime from the ISO 8601 string AWS sends for some times (an AMI's
    ``CreationDate``); ``None`` if absent or unreadable rather than failing a listing."""
    if not value:
        return None
    try:
        return utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def _lacks(owner: str, error: KeyError) -> UnexpectedResponseError:
    return UnexpectedResponseError(f"AWS's response for {owner} lacks the field {error}")


def converter(function: Callable[P, R]) -> Callable[P, R]:
    """Mark a ``_from_boto`` converter: the models it builds are AWS's, so user checks are
    off inside it, and a ``KeyError`` (a field AWS always sends is missing) becomes an
    :class:`~awsfacade.errors.UnexpectedResponseError` naming the field and the model."""
    owner = function.__qualname__.split(".")[0]

    flag = _FROM_AWS

    @functools.wraps(function)
    def convert(*args: P.args, **kwargs: P.kwargs) -> R:
        if flag.active:
            # Already reading AWS's answer: a nested converter (a group's instances).
            try:
                return function(*args, **kwargs)
            except KeyError as error:
                raise _lacks(owner, error) from error
        # Called once an item of a listing: the flag is set and reset inline (no context
        # manager object), the cheapest way.
        flag.active = True
        try:
            return function(*args, **kwargs)
        except KeyError as error:
            raise _lacks(owner, error) from error
        finally:
            flag.active = False

    return convert
