"""The public boundary: every argument checked before the first request, each rule from one
source.

* **Types** come from the method's own annotations, checked by beartype
  (``beartype.door.is_bearable``, every item of a list) when the method is called. Every public
  method of every service gets this check from :class:`~awsfacade._base.Service` itself
  (:func:`check_types`), so no method writes ``isinstance``.
* **AWS's constraints** (length, range, pattern, allowed values, list sizes) come from
  botocore's service model of the request the method builds: :func:`request` names the
  operation and, for each argument, the request member it fills, and the checks are read from
  that member's shape. Java regular expressions of the models are compiled as Java reads them
  (``\\w`` is ASCII); a pattern Python cannot compile (``\\p{L}``) is left to AWS.
* What neither states (a CIDR range, per-engine rules, tag rules) stays hand-written in the
  service's ``_checks.py``.

Each failure raises :class:`~awsfacade.errors.InvalidArgumentError` naming the argument, quoting
the value unless the member is secret (``"sensitive": true`` in the model, or an argument named
like a secret).
"""

from __future__ import annotations

import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, BinaryIO, Final, NamedTuple, ParamSpec, TypeGuard, TypeVar

from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from beartype import BeartypeConf
    from botocore.client import BaseClient
    from botocore.model import ServiceModel, Shape

__all__ = [
    "check_public_methods",
    "check_types",
    "java_pattern",
    "member_shape",
    "request",
    "request_members",
]

P = ParamSpec("P")
R = TypeVar("R")

#: Arguments whose values never reach a message whatever the model says.
_SECRET_NAMES: Final = frozenset({"password", "master_password", "secret", "user_data"})
#: The attribute :func:`request` leaves on the function: its operation and argument members.
_MEMBERS: Final = "__awsfacade_request__"
_CHECKED: Final = "__awsfacade_checked__"

_Check = Callable[[object], None]


class _Request(NamedTuple):
    """What :func:`request` records on a method."""

    operation: str
    members: Mapping[str, str]


def check_public_methods(cls: type) -> None:
    """Give every public method ``cls`` defines (a service or one of its mixins) the check of
    its arguments' types (:func:`check_types`)."""
    for name, member in list(vars(cls).items()):
        if inspect.isfunction(member) and not name.startswith("_"):
            setattr(cls, name, check_types(member))


def check_types(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` (a method) with each argument a caller passes checked against its
    annotation first; the annotations are read at the first call (they name types imported
    for type checkers only in some modules, resolved by then)."""
    if getattr(function, _CHECKED, False):
        return function
    positional: list[tuple[str, object]] = []  # (name, hint), ``self`` left out
    by_name: dict[str, object] = {}

    def load() -> None:
        annotations = typing.get_type_hints(function, localns=_late_imports())
        names = list(inspect.signature(function).parameters)
        by_name.update((name, annotations.get(name, object)) for name in names)
        positional.extend((name, by_name[name]) for name in names[1:])

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        if not by_name:
            load()
        for (name, hint), value in zip(positional, args[1:], strict=False):
            _check_type(name, value, hint)
        for name, value in kwargs.items():
            _check_type(name, value, by_name.get(name, object))
        return function(*args, **kwargs)

    setattr(checked, _CHECKED, True)
    return checked


def _late_imports() -> dict[str, object]:
    """Names that annotations use but their modules import only for type checkers, because
    importing them costs every user of awsfacade (boto3's TransferConfig pulls in
    s3transfer) or would make an import cycle (``awsfacade.progress``): imported here, at the
    first call of a method."""
    from boto3.s3.transfer import TransferConfig

    from awsfacade.progress import ProgressCallback

    return {"TransferConfig": TransferConfig, "ProgressCallback": ProgressCallback}


@functools.cache
def _conf() -> BeartypeConf:
    """beartype's configuration, and beartype itself, imported at the first check: importing
    it costs about 60 ms, which no user who only imports a service should pay.

    Every item of a list is checked, not beartype's default one random item: a wrong item must
    be refused every time, not one call in n. An ``int`` is a ``float`` (PEP 484's numeric
    tower: ``timeout=5``). ``BinaryIO`` is a protocol no file object inherits from: what a
    method takes for it (something with ``read``) is its own check.
    """
    from beartype import BeartypeConf, BeartypeStrategy, FrozenDict

    return BeartypeConf(
        strategy=BeartypeStrategy.On,
        is_pep484_tower=True,
        hint_overrides=FrozenDict({BinaryIO: object}),
    )


def _check_type(name: str, value: object, hint: object) -> None:
    from beartype.door import is_bearable

    conf = _conf()
    # The hints are what typing.get_type_hints returned; beartype types its parameter narrower
    # than `object`, though it takes any hint.
    if not is_bearable(value, hint, conf=conf) or _loose(value, hint):  # type: ignore[arg-type]
        raise InvalidArgumentError(f"{name} must be {_readable(hint)}, not {_quoted(name, value)}")


def _loose(value: object, hint: object) -> bool:
    """Whether ``value`` fits ``hint`` only by a Python quirk no caller means: ``True`` as an
    ``int`` (``bool`` is a subclass), a string as a list of strings (it iterates as one)."""
    if isinstance(value, bool):
        return bool not in _leaves(hint) and int in _leaves(hint)
    if isinstance(value, str):
        return str not in _leaves(hint)
    return False


@functools.cache
def _leaves(hint: object) -> frozenset[object]:
    """The classes a hint names at its top level (``int | None`` → int, NoneType;
    ``Sequence[str]`` → Sequence)."""
    arguments: tuple[object, ...] = typing.get_args(hint)
    origin: object = typing.get_origin(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        found: set[object] = set()
        for argument in arguments:
            found |= _leaves(argument)
        return frozenset(found)
    if origin is typing.Literal:
        return frozenset(type(argument) for argument in arguments)
    return frozenset({origin or hint})


def _readable(hint: object) -> str:
    """``collections.abc.Mapping[str, str] | None`` as ``Mapping[str, str] | None``."""
    text = hint.__name__ if isinstance(hint, type) else str(hint)
    return re.sub(r"\b(?:[a-z_][\w]*\.)+(\w)", r"\1", text)


def request(operation: str, /, **members: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service method that sends ``operation``: each keyword names an argument and
    the member of the request it fills (``name="UserName"``; ``"A.B"`` for a nested one), and
    the argument is checked against that member's shape in botocore's model before the method
    runs. ``None`` (not given) passes. The shapes are read from the service's client at the
    first call."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        checks: dict[str, _Check] = {}
        positions = list(inspect.signature(function).parameters)

        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            if not checks:
                checks.update(_member_checks(_client_of(args[0]), operation, members))
            given = dict(zip(positions, args, strict=False)) | kwargs
            for name, check in checks.items():
                if name in given:
                    check(given[name])
            return function(*args, **kwargs)

        setattr(checked, _MEMBERS, _Request(operation, dict(members)))
        return check_types(checked)

    return decorate


def request_members(method: object) -> tuple[str, Mapping[str, str]] | None:
    """The operation and the argument → member names :func:`request` gave ``method``, if any
    (for the generated bad-input tests and the docs)."""
    found: object = getattr(method, _MEMBERS, None)
    return (found.operation, found.members) if isinstance(found, _Request) else None


def member_shape(model: ServiceModel, operation: str, path: str) -> Shape:
    """The shape of the member at ``path`` (``"A.B"``) of ``operation``'s request; ``member``
    after a list names its item (``"Names.member"``: one name that the method sends in a
    list)."""
    shape: Shape | None = model.operation_model(operation).input_shape
    for name in path.split("."):
        if name == "member" and shape is not None and shape.type_name == "list":
            shape = getattr(shape, "member")  # noqa: B009 - a ListShape's item shape
            continue
        members: Mapping[str, Shape] = getattr(shape, "members", {})
        if name not in members:
            raise LookupError(f"{operation} has no request member {path}")
        shape = members[name]
    if shape is None:
        raise LookupError(f"{operation} has no request")
    return shape


def _client_of(service: object) -> BaseClient:
    client: BaseClient = getattr(service, "_client")  # noqa: B009 - every Service has one
    return client


def _member_checks(
    client: BaseClient, operation: str, members: Mapping[str, str]
) -> dict[str, _Check]:
    return {
        argument: _shape_check(argument, member_shape(client.meta.service_model, operation, path))
        for argument, path in members.items()
    }


def _shape_check(what: str, shape: Shape) -> _Check:
    """The check of one argument against its member's shape."""
    metadata = shape.metadata
    secret = bool(metadata.get("sensitive")) or what in _SECRET_NAMES
    low: int | None = metadata.get("min")
    high: int | None = metadata.get("max")
    if shape.type_name == "list":
        item = _shape_check(f"each of {what}", getattr(shape, "member"))  # noqa: B009 - ListShape

        def check_list(value: object) -> None:
            if value is None:
                return
            if not _is_list(value):
                raise InvalidArgumentError(f"{what} must be a list, not {value!r}")
            _check_size(what, len(value), low, high, unit="items")
            for each in value:
                item(each)

        return check_list
    if shape.type_name in ("integer", "long"):

        def check_integer(value: object) -> None:
            if value is None:
                return
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidArgumentError(f"{what} must be an integer, not {value!r}")
            if (low is not None and value < low) or (high is not None and value > high):
                bounds = f"from {low}" if high is None else f"from {low or 0} to {high}"
                raise InvalidArgumentError(f"{what} must be an integer {bounds}, not {value!r}")

        return check_integer
    if shape.type_name == "string":
        return _string_check(what, shape, secret, low, high)
    return _no_check


def _string_check(
    what: str, shape: Shape, secret: bool, low: int | None, high: int | None
) -> _Check:
    allowed: list[str] = list(getattr(shape, "enum", []) or [])
    pattern = java_pattern(shape.metadata.get("pattern"))

    def check_string(value: object) -> None:
        if value is None:
            return
        shown = "the value given" if secret else repr(value)
        if not isinstance(value, str):
            raise InvalidArgumentError(f"{what} must be a string, not {shown}")
        _check_size(what, len(value), low, high, unit="characters", shown=shown)
        if allowed and value not in allowed:
            raise InvalidArgumentError(
                f"{what} must be one of {', '.join(map(repr, allowed))}, not {shown}"
            )
        if pattern is not None and not pattern.fullmatch(value):
            raise InvalidArgumentError(
                f"{what} must match AWS's pattern {pattern.pattern}, not {shown}"
            )

    return check_string


def _check_size(
    what: str, size: int, low: int | None, high: int | None, *, unit: str, shown: str = ""
) -> None:
    value = f": {shown}" if shown else ""
    if low is not None and size < low:
        least = "must not be empty" if low == 1 else f"must have at least {low} {unit}"
        raise InvalidArgumentError(f"{what} {least}{value}")
    if high is not None and size > high:
        raise InvalidArgumentError(f"{what} must have at most {high} {unit}{value}")


def _is_list(value: object) -> TypeGuard[Collection[object]]:
    """A list, tuple or set: a collection, but not a string, bytes or a mapping."""
    return isinstance(value, Collection) and not isinstance(value, str | bytes | Mapping)


def _no_check(value: object) -> None:
    del value


@functools.cache
def java_pattern(pattern: str | None) -> re.Pattern[str] | None:
    """A model's ``pattern`` (a Java regular expression) as Python reads it, or ``None`` when
    Python cannot (``\\p{L}``): AWS checks those itself."""
    if not pattern:
        return None
    python = re.sub(r"\\u([0-9A-Fa-f]{5,6})", lambda found: f"\\U{int(found[1], 16):08x}", pattern)
    try:
        return re.compile(python, re.ASCII)
    except re.error:
        return None


def _quoted(name: str, value: object) -> str:
    return "the value given" if name in _SECRET_NAMES else repr(value)
