"""Small helpers shared by the models' ``_from_boto`` converters."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar, Token
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


#: True while a converter builds models from AWS's answer (per thread and task).
_FROM_AWS: ContextVar[bool] = ContextVar("awsfacade_from_aws", default=False)


def user_input() -> bool:
    """Whether the model being built comes from the user (check it) or from AWS (accept it).

    Models whose constructors check what users pass (``Rule``, ``LaunchTemplateRef``) skip
    those checks inside a :func:`converter`: reading a response never raises
    :class:`~awsfacade.errors.InvalidArgumentError`.
    """
    return not _FROM_AWS.get()


class from_aws:  # noqa: N801 - used as a function: ``with from_aws():``
    """Inside this block, models are being built from AWS's answer: :func:`user_input` is False.

    A class rather than ``@contextmanager``: it is entered for every item of a listing, and a
    generator-based context manager costs several times more.
    """

    __slots__ = ("_token",)
    _token: Token[bool]

    def __enter__(self) -> None:
        self._token = _FROM_AWS.set(True)

    def __exit__(self, *_: object) -> None:
        _FROM_AWS.reset(self._token)


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

    @functools.wraps(function)
    def convert(*args: P.args, **kwargs: P.kwargs) -> R:
        if _FROM_AWS.get():
            # Already reading AWS's answer: a nested converter (a group's instances), or an
            # item of a listing, whose page sets the flag once (see ``_paging.items``).
            try:
                return function(*args, **kwargs)
            except KeyError as error:
                raise _lacks(owner, error) from error
        # A single call: the context variable is set and reset inline (no context manager
        # object), the cheapest way.
        token = _FROM_AWS.set(True)
        try:
            return function(*args, **kwargs)
        except KeyError as error:
            raise _lacks(owner, error) from error
        finally:
            _FROM_AWS.reset(token)

    return convert
