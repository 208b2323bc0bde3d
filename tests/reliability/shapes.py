"""Hypothesis strategies for *any response AWS may send*, built from botocore's own output shapes.

Issue 11: the facade must turn every valid response into models or an ``AwsError``, never a
``KeyError``/``TypeError``/``ValueError``/``AttributeError``. The tests in this folder draw
responses from :func:`response_strategy`, feed them to the client (botocore's ``Stubber``, or as
a raw body at ``before-send`` built by :func:`raw_response`, so botocore's parser runs too) and
call the public methods.

API (all functions are typed; nothing here imports awsfacade):

``response_strategy(service, operation, *, drop_tokens=True, overrides=None, present=(),
max_depth=6) -> SearchStrategy[dict[str, object]]``
    Responses of ``operation`` (its API name, ``"DescribeInstances"``, or the client method's,
    ``"describe_instances"``) of ``service`` (botocore's name: ``"ec2"``, ``"s3"``…), valid
    for ``Stubber.add_response`` (which checks types and required members), walking the
    operation's output shape:

    - structure: required members always, each optional one present or absent at random;
      a tagged union has exactly one member. Beyond ``max_depth`` nested structures only the
      required members are drawn (shapes can be recursive).
    - list: 0..3 elements (0..1 below depth 2; never fewer than the shape's ``min``);
      map: 0..2 entries.
    - string: with an ``enum``, one of its values or a value AWS has not invented yet
      (:data:`UNKNOWN_ENUMS`); else short text (empty when ``min`` allows), or a long one
      (``max`` characters, or 1000 when there is no ``max``).
    - integer/long: within the shape's ``min``/``max`` when documented, else anything in the
      type's range, with 0, -1, 65535, 2**31-1 (and 2**63-1 for long) drawn often.
    - float/double: finite floats; boolean; blob: bytes; timestamp: aware datetimes, UTC
      and other offsets.
    - ``drop_tokens``: the operation's paginator output tokens (``NextToken``, ``Marker``,
      ``NextMarker``, Route53's ``NextRecordName``…, read from botocore's paginator model)
      are left out and its ``more_results`` flag (``IsTruncated``) is ``False``, so one
      stubbed page ends a listing.
    - ``overrides``: ``{path: strategy}`` replaces the strategy of the member at ``path`` and
      makes it always present. A path is the member names from the output structure down,
      joined by ``"."``; list elements and map values add no component:
      ``"Reservations.Instances.State.Name"``. ``present``: paths of optional members to draw
      always (with their generated value). A path that names no member raises ``KeyError``
      when the strategy is built, so a typo cannot silently test nothing. Use ``present``
      for members AWS always sends that botocore itself needs: S3's ``EncodingType=url``
      handler reads ``Contents.Key`` and ``CommonPrefixes.Prefix`` with ``[]``.
    - Every draw passes ``Stubber.add_response``'s validation (types, required members,
      ``min`` lengths; an unknown enum value is never shorter than the shape's ``min``).

``raw_response(service, operation, parsed) -> AWSResponse``
    The HTTP answer AWS would send for the parsed response ``parsed`` (XML for ec2/query/
    rest-xml, JSON for json/rest-json), made by moto's response serializer, for a
    ``before-send`` hook: ``client.meta.events.register(f"before-send.{service_id}.{op}",
    hook)`` where ``hook`` returns it. botocore then parses it as it would AWS's. Under
    moto's mock, moto's own ``before-send`` handler runs too (botocore calls them all): use a
    session without the mock (``awsfacade.testing.fake_environment`` + ``new_session``).
    moto's serializer leaves out empty structures and empty strings, so the parsed answer
    may lack what the dict had there.

``operation_name(service, name) -> str``
    The API name of an operation given either spelling (``"describe_instances"`` →
    ``"DescribeInstances"``).

``client_operations(package_dir, service) -> set[str]``
    The API names of every operation the Python sources under ``package_dir`` call on a
    client of ``service``: ``client.describe_x`` (called or passed on),
    ``get_paginator("describe_x")`` and ``get_waiter("…")`` (as the waiter's operation). A
    name that is not an operation of ``service`` is ignored, so a directory's files may also
    call other services' clients as long as their method names differ. Used by the coverage
    tests: every operation there must be in the test's table.

``service_model(service) -> ServiceModel``
    botocore's model of ``service``, loaded once.

:data:`UNKNOWN_ENUMS` — the values drawn for an enum AWS has not announced yet.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

import botocore.session
from botocore import xform_name
from hypothesis import strategies as st
from support import http_answer, is_list

if TYPE_CHECKING:
    from botocore.awsrequest import AWSResponse
    from botocore.model import ServiceModel, Shape

__all__ = [
    "UNKNOWN_ENUMS",
    "client_operations",
    "operation_name",
    "raw_response",
    "response_strategy",
    "service_model",
]

#: What an enum member is drawn as when it is not one of the documented values: AWS adds
#: values (a new instance state, engine, lifecycle state) without a new API version.
UNKNOWN_ENUMS = ("new-value-from-aws", "NEW_VALUE", "")

_LONG_DEFAULT = 1000
_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)
_NOTABLE_INTS = (0, -1, 1, 22, 443, 65535, 65536, 2**31 - 1)
_NOTABLE_LONGS = (*_NOTABLE_INTS, 2**32, 2**63 - 1)
_OFFSETS = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=-8)),
)
# Characters a response may hold: any printable text (XML cannot carry most control
# characters, and AWS does not send them).
_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
# Top-level members that mark another page even where botocore has no paginator for the
# operation (a facade may page by hand).
_TOKEN_NAMES = frozenset({"NextToken", "Marker", "NextMarker", "NextContinuationToken"})


@functools.cache
def _session() -> botocore.session.Session:
    return botocore.session.get_session()


@functools.cache
def service_model(service: str) -> ServiceModel:
    """botocore's model of ``service`` (``"ec2"``, ``"rds"``…), loaded once."""
    return _session().get_service_model(service)


@functools.cache
def _method_names(service: str) -> Mapping[str, str]:
    return {xform_name(name): name for name in service_model(service).operation_names}


def operation_name(service: str, name: str) -> str:
    """The API name (``"DescribeInstances"``) of ``name``, an API or a client method name."""
    if name in service_model(service).operation_names:
        return name
    return _method_names(service)[name]


@functools.cache
def _paging(service: str, operation: str) -> tuple[frozenset[str], str | None]:
    """The paginator's output-token member paths and its ``more_results`` member, if any."""
    try:
        config: object = _session().get_paginator_model(service).get_paginator(operation)
    except ValueError:  # botocore has no paginator for this operation
        return frozenset(), None
    if not _is_str_map(config):
        return frozenset(), None
    tokens = config.get("output_token")
    expressions: list[str] = []
    for token in tokens if is_list(tokens) else [tokens]:
        if isinstance(token, str):
            expressions.extend(part.strip() for part in token.split("||"))
    # A plain member path ("NextMarker", "Result.NextToken"); JMESPath such as
    # "Contents[-1].Key" only derives a token from the results and is not a member.
    paths = frozenset(e for e in expressions if re.fullmatch(r"[A-Za-z0-9_.]+", e))
    more = config.get("more_results")
    return paths, more if isinstance(more, str) else None


def _is_str_map(value: object) -> TypeGuard[Mapping[str, object]]:
    # botocore's paginator configs are JSON objects.
    return isinstance(value, Mapping)


def _integers(shape: Shape) -> st.SearchStrategy[int]:
    low, high = _INT64 if shape.type_name == "long" else _INT32
    notable = _NOTABLE_LONGS if shape.type_name == "long" else _NOTABLE_INTS
    minimum = _number(shape.metadata.get("min"))
    maximum = _number(shape.metadata.get("max"))
    low = low if minimum is None else int(minimum)
    high = high if maximum is None else int(maximum)
    edges = sorted({n for n in (*notable, low, high) if low <= n <= high})
    return st.one_of(st.sampled_from(edges), st.integers(low, high))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _strings(shape: Shape) -> st.SearchStrategy[str]:
    from botocore.model import StringShape

    minimum = int(_number(shape.metadata.get("min")) or 0)
    enum = shape.enum if isinstance(shape, StringShape) else []
    if enum:
        unknown = [value for value in UNKNOWN_ENUMS if len(value) >= minimum]
        return st.one_of(st.sampled_from(enum), st.sampled_from(unknown))
    maximum_number = _number(shape.metadata.get("max"))
    maximum = _LONG_DEFAULT if maximum_number is None else max(int(maximum_number), minimum)
    short = st.text(_TEXT, min_size=minimum, max_size=max(minimum, min(maximum, 12)))
    long = _TEXT.map(lambda char: char * maximum)
    return st.one_of(short, long)


def _timestamps() -> st.SearchStrategy[dt.datetime]:
    return st.datetimes(
        min_value=dt.datetime(1970, 1, 2),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from(_OFFSETS),
    )


class _Builder:
    """Walks one operation's output shape into strategies (see the module docstring)."""

    def __init__(
        self,
        overrides: Mapping[str, st.SearchStrategy[object]],
        present: Collection[str],
        dropped: Collection[str],
        false: Collection[str],
        max_depth: int,
    ) -> None:
        self.overrides = overrides
        self.present = frozenset(present)
        self.dropped = frozenset(dropped)
        self.false = frozenset(false)
        self.max_depth = max_depth
        self.seen: set[str] = set()

    def build(self, shape: Shape, path: str, depth: int) -> st.SearchStrategy[object]:
        if path in self.overrides:
            self.seen.add(path)
            return self.overrides[path]
        kind = shape.type_name
        if kind == "structure":
            return self.structure(shape, path, depth)
        if kind == "list":
            return self._list(shape, path, depth)
        if kind == "map":
            return self._map(shape, path, depth)
        return _scalar(shape)

    def structure(
        self, shape: Shape, path: str, depth: int
    ) -> st.SearchStrategy[dict[str, object]]:
        from botocore.model import StructureShape

        assert isinstance(shape, StructureShape)
        if shape.is_document_type:
            document: dict[str, st.SearchStrategy[object]] = {"key": st.text(max_size=5)}
            return st.fixed_dictionaries({}, optional=document)
        if depth > self.max_depth + 20:
            raise RecursionError(f"{path}: required members recurse without end")
        required_names = set(shape.required_members)
        required: dict[str, st.SearchStrategy[object]] = {}
        optional: dict[str, st.SearchStrategy[object]] = {}
        for name, member in shape.members.items():
            member_path = f"{path}.{name}" if path else name
            if member_path in self.dropped:
                self.seen.add(member_path)
                continue
            if member_path in self.false:
                self.seen.add(member_path)
                required[name] = st.just(False)
                continue
            forced = member_path in self.present or member_path in self.overrides
            if forced:
                self.seen.add(member_path)
            if name in required_names or forced:
                required[name] = self.build(member, member_path, depth + 1)
            elif depth < self.max_depth or self._wanted_below(member_path):
                optional[name] = self.build(member, member_path, depth + 1)
        if shape.is_tagged_union:
            members = required | optional
            choices = [st.fixed_dictionaries({name: value}) for name, value in members.items()]
            return st.one_of(choices)
        return st.fixed_dictionaries(required, optional=optional)

    def _wanted_below(self, path: str) -> bool:
        prefix = path + "."
        return any(p.startswith(prefix) for p in (*self.present, *self.overrides))

    def _list(self, shape: Shape, path: str, depth: int) -> st.SearchStrategy[object]:
        from botocore.model import ListShape

        assert isinstance(shape, ListShape)
        minimum = int(_number(shape.metadata.get("min")) or 0)
        most = max(minimum, 3 if depth <= 2 else 1)
        element = self.build(shape.member, path, depth)
        return st.lists(element, min_size=minimum, max_size=most)

    def _map(self, shape: Shape, path: str, depth: int) -> st.SearchStrategy[object]:
        from botocore.model import MapShape

        assert isinstance(shape, MapShape)
        keys = _strings(shape.key)
        return st.dictionaries(keys, self.build(shape.value, path, depth), max_size=2)


def _scalar(shape: Shape) -> st.SearchStrategy[object]:
    kind = shape.type_name
    if kind == "string":
        return _strings(shape)
    if kind in {"integer", "long"}:
        return _integers(shape)
    if kind == "boolean":
        return st.booleans()
    if kind in {"float", "double"}:
        return st.floats(allow_nan=False, allow_infinity=False, width=32 if kind == "float" else 64)
    if kind == "timestamp":
        return _timestamps()
    if kind == "blob":
        return st.binary(max_size=16)
    raise NotImplementedError(f"shape type {kind!r} ({shape.name})")


def response_strategy(
    service: str,
    operation: str,
    *,
    drop_tokens: bool = True,
    overrides: Mapping[str, st.SearchStrategy[object]] | None = None,
    present: Iterable[str] = (),
    max_depth: int = 6,
) -> st.SearchStrategy[dict[str, object]]:
    """Any response of ``operation`` of ``service`` that AWS may send (module docstring)."""
    name = operation_name(service, operation)
    output = service_model(service).operation_model(name).output_shape
    if output is None:
        return st.just({})
    tokens: frozenset[str] = frozenset()
    more: str | None = None
    if drop_tokens:
        tokens, more = _paging(service, name)
        tokens |= {member for member in output.members if member in _TOKEN_NAMES}
    wanted = dict(overrides or {})
    forced = frozenset(present)
    builder = _Builder(wanted, forced, tokens, {more} if more else set(), max_depth)
    strategy = builder.structure(output, "", 0)
    unknown = (set(wanted) | forced) - builder.seen
    if unknown:
        raise KeyError(f"{service}.{name} has no member at {sorted(unknown)}")
    return strategy


def raw_response(service: str, operation: str, parsed: Mapping[str, object]) -> AWSResponse:
    """The HTTP answer (status, headers, XML or JSON body) AWS would send for ``parsed``."""
    # moto's serializer walks moto's own subclasses of botocore's shapes, so the model
    # comes from moto (the same botocore JSON underneath).
    from moto.core.serialize import get_serializer_class
    from moto.core.utils import get_service_model

    model = get_service_model(service).operation_model(operation_name(service, operation))
    serializer = get_serializer_class(service, model.service_model.protocol)(model)
    serialized = serializer.serialize(dict(parsed))
    body = serialized["body"]
    headers = {key: str(value) for key, value in serialized["headers"].items()}
    raw = body.encode() if isinstance(body, str) else bytes(body)
    return http_answer("https://aws.invalid/", int(serialized["status_code"]), raw, headers)


#: A client method called or passed on (``later(client.delete_user, UserName=name)``).
_CALL = re.compile(r"client\.([a-z][a-z0-9_]*)\b")
_NAMED = re.compile(r"get_(paginator|waiter)\(\s*[\"']([a-z0-9_]+)[\"']")
_OPERATION_ARG = re.compile(r"operation=\"([A-Z][A-Za-z0-9]+)\"")


def client_operations(package_dir: Path, service: str) -> set[str]:
    """The API names of the operations of ``service`` the sources under ``package_dir`` call."""
    names = _method_names(service)
    sources = _sources(package_dir)
    waiters = _session().get_waiter_model(service) if "get_waiter(" in "".join(sources) else None
    found: set[str] = set()
    for text in sources:
        found.update(names[m] for m in _CALL.findall(text) if m in names)
        for kind, method in _NAMED.findall(text):
            if kind == "paginator" and method in names:
                found.add(names[method])
            elif kind == "waiter" and waiters is not None:
                waiter_name = "".join(part.capitalize() for part in method.split("_"))
                if waiter_name in waiters.waiter_names:
                    found.add(waiters.get_waiter(waiter_name).operation)
        operations = service_model(service).operation_names
        found.update(o for o in _OPERATION_ARG.findall(text) if o in operations)
    return found


def _sources(package_dir: Path) -> list[str]:
    return [path.read_text() for path in sorted(package_dir.rglob("*.py"))]
