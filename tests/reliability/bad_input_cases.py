"""The table of bad calls: for each public method, one call that passes every check, and the
arguments that must make it fail before the first request.

Each method's entry is a :class:`Method`: ``valid`` (keyword arguments that pass every local
check) and ``bad`` (one :class:`Bad` each: the argument replaced, its wrong value, and what the
message must contain — the argument's name unless said otherwise). On top of the hand-written
cases, :func:`cases` adds the wrong types every parameter's annotation implies
(:data:`WRONG_TYPES`): a ``str`` where a list of ids goes, a ``bool`` where an ``int`` goes, an
``int`` where a ``str`` goes, ``None`` where the argument is required, a list for a mapping.
The tables themselves are in ``bad_input_<service>.py``.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from awsfacade._boundary import java_pattern, member_shape, request_members

if TYPE_CHECKING:
    from botocore.model import ServiceModel, Shape


class Bad(NamedTuple):
    """One invalid call: ``argument`` set to ``value`` in the method's valid call (and the
    arguments in ``also`` set too, for contradictory combinations)."""

    argument: str
    value: object
    #: What the message must contain; the argument's name when ``None``.
    names: str | None = None
    also: Mapping[str, object] = {}
    #: A secret the message must not quote.
    secret: str | None = None


class Method(NamedTuple):
    """A method's valid call and its hand-written bad calls."""

    valid: Mapping[str, object]
    bad: Sequence[Bad] = ()
    #: Parameters the annotation's wrong types do not apply to, with the reason.
    no_wrong_types: Mapping[str, str] = {}


class Case(NamedTuple):
    """One row of the table: where, what is passed, and what the message must name."""

    owner: str
    method: str
    kwargs: Mapping[str, object]
    names: str
    secret: str | None

    @property
    def id(self) -> str:
        """A readable test id, the same in every process (no object addresses: pytest-xdist's
        workers must collect the same ids)."""
        changed = ",".join(f"{k}={v!r}" for k, v in self.kwargs.items() if k == self.names)
        stable = re.sub(r" at 0x[0-9a-f]+", "", changed)
        return f"{self.owner}.{self.method}[{stable or self.names}]"[:120]


class Session:
    """Stands in the tables for the module's mocked boto3 Session (a function's argument)."""


#: The session placeholder used in ``valid`` calls of functions that take one.
SESSION: Final = Session()


class Lazily:
    """An iterable that is no collection (a generator's shape, but reusable): the boundary
    cannot check its items without consuming it, so the method checks each as it reads it."""

    def __init__(self, *items: object) -> None:
        self.items = items

    def __iter__(self) -> Iterator[object]:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"Lazily{self.items!r}"


class _Opaque:
    """An object of no type any parameter accepts."""

    def __repr__(self) -> str:
        return "<opaque>"


OPAQUE: Final = _Opaque()

_NOT_STR: Final[tuple[object, ...]] = (1, b"bytes", OPAQUE)
_NOT_LIST: Final[tuple[object, ...]] = ("abc", [1], [""], 5)
_NOT_TAGS: Final[tuple[object, ...]] = (["k"], {"k": 1}, {1: "v"}, "k=v")
#: One tag more than any AWS resource may carry (writing; a filter may name more).
TOO_MANY_TAGS: Final = {f"k{i}": "v" for i in range(51)}
#: AWS's Integer is 32 bits: 2**31 is out of range for every integer argument.
_NOT_INT: Final[tuple[object, ...]] = (True, "1", 1.5, 2**31)
_NOT_BOOL: Final[tuple[object, ...]] = ("False", 1, 0)
_NOT_SECONDS: Final[tuple[object, ...]] = ("10", True, None, 0, -1)
_NOT_FILTERS: Final[tuple[object, ...]] = (["name"], {"name": "value"}, {"name": [1]})

#: The wrong values each annotation (as written in the signature) implies.
WRONG_TYPES: Final[Mapping[str, tuple[object, ...]]] = {
    "str": (None, *_NOT_STR),
    "str | None": _NOT_STR,
    "str | bytes": (None, 1, OPAQUE),
    "bytes | str | BinaryIO": (None, 1, OPAQUE),
    "str | os.PathLike[str]": (None, 1, OPAQUE),
    "int": (None, *_NOT_INT),
    "int | None": _NOT_INT,
    "float": _NOT_SECONDS,
    "bool": (None, *_NOT_BOOL),
    "bool | None": _NOT_BOOL,
    "Sequence[str]": (None, *_NOT_LIST),
    "Iterable[str]": (None, *_NOT_LIST),
    "Sequence[str] | None": _NOT_LIST,
    "Iterable[str] | None": _NOT_LIST,
    "Mapping[str, str]": (None, *_NOT_TAGS),
    "Mapping[str, str] | None": _NOT_TAGS,
    "Mapping[str, Sequence[str]] | None": _NOT_FILTERS,
    "Mapping[str, object]": (None, "{}", ["Version"]),
    "LaunchTemplateRef | None": ("lt-0123456789abcdef0", {"name": "web"}),
    "Iterable[Rule]": (None, "tcp", [OPAQUE], OPAQUE),
    "Sequence[BlockDevice]": (None, "/dev/xvda", [{"device_name": "/dev/xvda"}]),
    "MetadataOptions | None": ({"http_tokens": "required"}, "required"),
    "SpotOptions | None": ({"max_price": "0.1"}, "spot"),
    "InstanceState | InstanceStateName": (None, 1, "bogus", "Running"),
    "Sequence[InstanceState | InstanceStateName] | None": ("running", [1], ["bogus"]),
    "Literal['rsa', 'ed25519']": (None, 1, "dsa"),
    "Literal['GET', 'PUT']": (None, 1, "DELETE"),
    "PolicyScope": (None, 1, "Everything"),
    "RecordType | None": (1, "BOGUS"),
    "RecordType": (None, 1, "BOGUS"),
    "RecordSet": (None, "www.example.com", {"name": "www.example.com"}),
    "Iterable[RecordChange]": (None, "UPSERT", [OPAQUE], OPAQUE),
    "Progress | None": (1, "print"),
    "TransferConfig | None": ({"multipart_threshold": 1}, 1),
    "Session": (None, "default", OPAQUE),
    "Session | None": ("default", OPAQUE),
    "Config | None": ({"retries": {"max_attempts": 1}}, "standard"),
    "boto3.session.Session | None": ("default", OPAQUE),
    "Iterable[Target]": (None, "123456789012", [OPAQUE], OPAQUE),
    "Callable[[boto3.session.Session, Target], T]": (None, 1, "work"),
    "Executor | None": (1, "threads"),
    "Callable[[int, int | None], None] | None": (1, "print"),
    "ProgressCallback | None": (1, "print"),
    "ChangeAction": (None, 1, "REPLACE"),
    "Failover | None": (1, "MIDDLE"),
    "AliasTarget | None": ({"dns_name": "x"}, "x"),
    "GeoLocation | None": ({"country_code": "FR"}, "FR"),
    "GeoProximity | None": ({"aws_region": "us-east-1"}, "us-east-1"),
    "CidrRouting | None": ({"collection_id": "x"}, "x"),
    "Literal['required', 'optional']": (None, 1, "sometimes"),
    "Literal['terminate', 'stop', 'hibernate']": (None, 1, "explode"),
    "Literal['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']": (None, 1, "ssd"),
}


#: Strings that may be blank: S3 keys and prefixes (" " is a key S3 stores), a record name
#: (Route53 takes any character, escaped) and an idempotency token.
BLANK_ALLOWED: Final = frozenset(
    {
        *(
            ("S3Service", method, argument)
            for method in (
                "put_object",
                "get_object",
                "stream_object",
                "head_object",
                "object_exists",
                "delete_object",
                "copy_object",
                "upload_file",
                "download_file",
                "presigned_url",
            )
            for argument in ("key", "source_key")
        ),
        ("S3Service", "objects", "prefix"),
        ("S3Service", "objects", "start_after"),
        ("Ec2Service", "run", "client_token"),  # any 1 to 64 ASCII characters
        ("model", "RecordSet", "name"),
        ("function", "same_name", "first"),  # a comparison: any two strings compare
        ("function", "same_name", "second"),
    }
)


#: Free text that may be blank wherever it is taken.
BLANK_TEXT: Final = frozenset({"user_data", "description"})


def add_cases(table: dict[str, Method], names: Sequence[str], *bad: Bad) -> None:
    """Add the same bad calls to several methods of ``table`` (the tag limit, say)."""
    for name in names:
        table[name] = table[name]._replace(bad=[*table[name].bad, *bad])


def parameters(target: Callable[..., object]) -> list[inspect.Parameter]:
    """The parameters a user passes (``self`` aside)."""
    return [p for p in inspect.signature(target).parameters.values() if p.name != "self"]


def cases(owner: str, name: str, target: Callable[..., object], method: Method) -> Iterator[Case]:
    """The method's hand-written bad calls, then the wrong types of each parameter."""
    for bad in method.bad:
        kwargs = {**method.valid, **bad.also, bad.argument: bad.value}
        yield Case(owner, name, kwargs, bad.names or bad.argument, bad.secret)
    for parameter in parameters(target):
        if parameter.name in method.no_wrong_types:
            continue
        annotation = str(parameter.annotation)
        if annotation not in WRONG_TYPES:
            raise KeyError(f"{owner}.{name}({parameter.name}: {annotation}): no wrong types")
        blank = (
            annotation in {"str", "str | None"}
            and (owner, name, parameter.name) not in BLANK_ALLOWED
            and parameter.name not in BLANK_TEXT
        )
        for value in (*WRONG_TYPES[annotation], *((" ",) if blank else ())):
            if value is None and parameter.default is not inspect.Parameter.empty:
                continue  # None where the argument has a default: see the hand-written cases
            kwargs = {**method.valid, parameter.name: value}
            yield Case(owner, name, kwargs, parameter.name, None)


def model_cases(
    owner: str, name: str, target: Callable[..., object], method: Method, model: ServiceModel
) -> Iterator[Case]:
    """The bad calls botocore's model of the request implies, for each argument the method
    maps to a request member (``awsfacade._boundary.request``): too short, too long, out of
    range, not one of the allowed values, not matching the pattern, a list too long or
    holding a bad item. Nothing here is written by hand: a new mapped argument gets its
    cases from the model."""
    found = request_members(target)
    if found is None:
        return
    operation, members = found
    for argument, path in members.items():
        shape = member_shape(model, operation, path)
        for value in _violations(shape):
            kwargs = {**method.valid, argument: value}
            yield Case(owner, name, kwargs, argument, None)


def _violations(shape: Shape) -> Iterator[object]:
    """Values that break ``shape``'s constraints (none for a shape without any)."""
    low: int | None = shape.metadata.get("min")
    high: int | None = shape.metadata.get("max")
    if shape.type_name in {"integer", "long"}:
        yield from (() if low is None else (low - 1,))
        yield from (() if high is None else (high + 1,))
    elif shape.type_name == "string":
        yield from ("",) if low else ()
        yield from ("a" * (high + 1),) if high else ()
        enum: list[str] = getattr(shape, "enum", [])
        yield from ("not-" + enum[0],) if enum else ()
        compiled = java_pattern(shape.metadata.get("pattern"))
        if compiled is not None:
            size = low or 1
            yield from [
                text
                for text in (" " * size, "\x00" * size, "é" * size, "<>" * size)
                if not compiled.fullmatch(text)
            ][:1]
    elif shape.type_name == "list":
        yield "a-string-not-a-list"
        yield from ([],) if low else ()
        member: Shape = getattr(shape, "member")  # noqa: B009 - a ListShape's item shape
        yield from ([bad] for bad in _violations(member))
