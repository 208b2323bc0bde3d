"""The recording file of `record()` and `replay()`: its format, the requests' match keys, and
the redaction of secrets and account ids.

A recording is one JSON document, written with sorted keys and two-space indentation so that it
reads and diffs well::

    {
      "exchanges": [
        {
          "operation": "DescribeInstances",
          "request": {"InstanceIds": ["i-0123"]},
          "response": {"headers": {...}, "status": 200, "xml": ["<?xml ...?>", "<Describe...>"]},
          "service": "ec2"
        }
      ],
      "format": "awsfacade-recording",
      "version": 1
    }

Each exchange is one HTTP answer a client received (every attempt: a throttled one and its
retry are two), in the order they came. ``request`` is the call's parameters as botocore's
input shape reads them, with what changes from run to run replaced: idempotency tokens (the
model's ``idempotencyToken`` members, Route53's ``CallerReference``) by ``"<any token>"``,
timestamps by ``"<any time>"``, sensitive members by ``"***"``, bytes by their text (or their
size and SHA-256), streams by ``"<stream>"``. ``response`` is the raw answer: its status, its
headers, and its body as XML lines (pretty-printed), a JSON value, text lines or base64.

Redaction, applied when the file is written: every member botocore marks ``sensitive`` in the
operation's output shape (found by walking the body with the shape, as botocore's parsers read
it; a header bound to such a member; under a sensitive structure or list, every value),
``SessionToken`` wherever it is, what ``awsfacade._redact`` masks in log lines, and the
recording session's own access key, secret key and session token wherever they appear, become
``***`` (``Kioq``, its base64, for a blob; 0 or false for numbers and booleans), and every
account id (an ARN's account field, a 12-digit ``OwnerId``/``AccountId``/``Account``… value)
becomes ``000000000001``, ``000000000002``… in the order they first appear. Error answers
and bodies that are neither XML nor JSON are not walked.

Nothing here imports boto3, botocore or moto at module level.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import xml.dom.minidom
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias, TypeGuard
from xml.parsers.expat import ExpatError

import attrs

from awsfacade import _redact
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from botocore.model import OperationModel, ServiceModel, Shape

__all__ = [
    "FORMAT",
    "VERSION",
    "Exchange",
    "Json",
    "RawAnswer",
    "dump",
    "load",
    "request_key",
]

Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"

FORMAT: Final = "awsfacade-recording"
VERSION: Final = 1

MASK: Final = _redact.MASK
_MASKED_BLOB: Final = base64.b64encode(MASK.encode()).decode()
ANY_TOKEN: Final = "<any token>"
ANY_TIME: Final = "<any time>"
STREAM: Final = "<stream>"

#: Request members that change from run to run though the model does not mark them
#: ``idempotencyToken``: Route53's CallerReference (the facade makes a fresh one per zone).
_RUN_TO_RUN: Final = frozenset({"CallerReference"})
#: Secrets the models do not mark sensitive: STS's session tokens.
_UNMARKED: Final = frozenset({"SessionToken"})
#: Credential values shorter than this are not replaced (moto's fake "testing" would otherwise
#: clobber every "testing" in the answers); AWS's access key ids have 20 characters, its secret
#: keys 40.
_SHORTEST_CREDENTIAL: Final = 16

_ARN_ACCOUNT: Final = re.compile(r"arn:aws[\w-]*:[\w-]*:[\w-]*:(\d{12})(?!\d)")
_OWNER_XML: Final = re.compile(
    r"<(?:\w+:)?\w*(?:owner|account|requester)(?:id)?>\s*(\d{12})\s*<", re.IGNORECASE
)
_OWNER_JSON: Final = re.compile(
    r'"\w*(?:owner|account|requester)(?:id)?"\s*:\s*"(\d{12})"', re.IGNORECASE
)
_NUMBER: Final = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@attrs.frozen
class RawAnswer:
    """One HTTP answer as a client received it, before its redaction."""

    status: int
    headers: Mapping[str, str]
    body: bytes


@attrs.frozen
class Exchange:
    """One recorded answer and the request it answered, as in the file."""

    service: str
    operation: str
    request: Json
    status: int
    headers: Mapping[str, str]
    body: bytes
    #: The body as stored: {"xml": [...]}, {"json": ...}, {"text": [...]}, {"base64": "..."}.
    stored: Mapping[str, Json] = attrs.field(factory=dict[str, Json])

    @property
    def key(self) -> str:
        """The request, canonical (what replay compares)."""
        return canonical(self.request)


def canonical(value: Json) -> str:
    """``value`` as one canonical JSON string."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# -- requests ---------------------------------------------------------------------------------


def request_key(shape: Shape | None, params: object) -> Json:
    """The parameters of a call as the file holds them (and replay compares them)."""
    return _value(shape, params)


def _value(shape: Shape | None, value: object) -> Json:
    from botocore.model import ListShape, MapShape, StructureShape

    if shape is not None:
        if shape.metadata.get("sensitive"):
            return MASK
        if shape.metadata.get("idempotencyToken"):
            return ANY_TOKEN
        if shape.type_name == "timestamp":
            return ANY_TIME
    if is_mapping(value):
        result: dict[str, Json] = {}
        for key, item in value.items():
            name = str(key)
            member: Shape | None = None
            if isinstance(shape, StructureShape):
                member = shape.members.get(name)
                if name in _RUN_TO_RUN:
                    result[name] = ANY_TOKEN
                    continue
            elif isinstance(shape, MapShape):
                member = shape.value
            result[name] = _value(member, item)
        return result
    if _is_sequence(value):
        item_shape = shape.member if isinstance(shape, ListShape) else None
        return [_value(item_shape, item) for item in value]
    return _scalar(value)


def is_mapping(value: object) -> TypeGuard[Mapping[object, object]]:
    """Any mapping, its keys and values unknown."""
    return isinstance(value, Mapping)


def _is_sequence(value: object) -> TypeGuard[list[object] | tuple[object, ...]]:
    return isinstance(value, list | tuple)


def _scalar(value: object) -> Json:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, bytes | bytearray):
        data = bytes(value)
        try:
            text = data.decode()
        except UnicodeDecodeError:
            return f"<{len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}>"
        return text
    if isinstance(value, datetime | date):
        return ANY_TIME
    if hasattr(value, "read"):
        return STREAM
    return str(value)


# -- answers: the body as stored, redacted -------------------------------------------------------


def _placeholder(type_name: str) -> str:
    """A secret's placeholder that botocore still parses as the member's type."""
    if type_name == "blob":
        return _MASKED_BLOB
    if type_name in {"integer", "long", "float", "double", "bigdecimal", "biginteger"}:
        return "0"
    if type_name == "boolean":
        return "false"
    return MASK


def _masked_text(text: str) -> str:
    """A value under a sensitive container, masked as its text looks (numbers stay numbers)."""
    if _NUMBER.fullmatch(text.strip()):
        return "0"
    if text.strip() in {"true", "false"}:
        return "false"
    return MASK


def _body_shape(operation: OperationModel, protocol: str, status: int) -> Shape | None:
    """The shape the body of a successful answer holds, None for an error answer; raises
    ValueError if the body is a payload that is not a structure (kept as it is)."""
    from botocore.model import StructureShape

    shape = operation.output_shape
    if status >= 300 or shape is None:
        return None
    payload = shape.serialization.get("payload")
    if isinstance(payload, str) and protocol in {"rest-xml", "rest-json"}:
        member = shape.members.get(payload)
        if not isinstance(member, StructureShape):
            raise ValueError("a raw payload")
        return member
    return shape


def stored_body(operation: OperationModel, protocol: str, answer: RawAnswer) -> dict[str, Json]:
    """The answer's body as the file stores it, its secrets masked (the members botocore marks
    sensitive in the output shape, found by walking the body with it)."""
    body = answer.body
    if not body:
        return {}
    try:
        if operation.has_streaming_output and answer.status < 300:
            raise ValueError("a stream")  # kept raw, as a raw payload is
        shape = _body_shape(operation, protocol, answer.status)
        if protocol in {"query", "ec2", "rest-xml"}:
            return {"xml": list[Json](_xml_lines(body, shape, wrapper=protocol == "query"))}
        value = as_json(json.loads(body))  # the json protocols; not JSON: ValueError
    except ValueError:
        return _raw_body(body)
    return {"json": _masked_json(value, shape)}


def _raw_body(body: bytes) -> dict[str, Json]:
    try:
        text = body.decode()
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(body).decode()}
    return {"text": list[Json](text.split("\n"))}


def _xml_lines(body: bytes, shape: Shape | None, *, wrapper: bool) -> list[str]:
    """The XML body pretty-printed, its secrets masked; ValueError if it is not XML."""
    try:
        document = xml.dom.minidom.parseString(body)
    except ExpatError as error:
        raise ValueError("not XML") from error
    root = document.documentElement
    if root is None:  # pragma: no cover - expat refuses a document without one
        raise ValueError("not XML")
    _tidy(root)
    if shape is not None:
        result = _result_element(root, shape) if wrapper else root
        _mask_xml(document, result, shape)
    for element in root.getElementsByTagNameNS("*", "*"):
        if _local(element) in _UNMARKED and _is_leaf(element):
            _set_text(document, element, MASK)
    # toprettyxml puts an element's only text child inline: leaves keep their exact text.
    text = document.toprettyxml(indent="  ")
    return _redact.redact(text).rstrip("\n").split("\n")


def _result_element(root: xml.dom.minidom.Element, shape: Shape) -> xml.dom.minidom.Element:
    """The query protocol's result element (``<OpResult>``), named by the output shape."""
    wrapper = shape.serialization.get("resultWrapper")
    for child in _elements(root):
        if _local(child) == wrapper:
            return child
    return root


def _local(element: xml.dom.minidom.Element) -> str:
    return element.localName or element.tagName


def _elements(element: xml.dom.minidom.Element) -> list[xml.dom.minidom.Element]:
    return [c for c in element.childNodes if isinstance(c, xml.dom.minidom.Element)]


def _is_leaf(element: xml.dom.minidom.Element) -> bool:
    return not _elements(element)


def _tidy(element: xml.dom.minidom.Element) -> None:
    """Drop the whitespace between elements (a leaf's text is left as it is)."""
    children = _elements(element)
    if not children:
        return
    for child in list(element.childNodes):
        if isinstance(child, xml.dom.minidom.Text) and not child.data.strip():
            element.removeChild(child)
    for child in children:
        _tidy(child)


def _set_text(
    document: xml.dom.minidom.Document, element: xml.dom.minidom.Element, text: str
) -> None:
    if not any(isinstance(c, xml.dom.minidom.Text) and c.data for c in element.childNodes):
        return  # an empty value stays empty
    for child in list(element.childNodes):
        element.removeChild(child)
    element.appendChild(document.createTextNode(text))


def _member_key_name(shape: Shape, name: str) -> str:
    """The element name of a structure's member, as botocore's XML parser finds it."""
    from botocore.model import ListShape

    if isinstance(shape, ListShape) and shape.serialization.get("flattened"):
        item: object = shape.member.serialization.get("name")
        if isinstance(item, str):
            return item
    serialized: object = shape.serialization.get("name")
    return serialized if isinstance(serialized, str) else name


def _mask_xml(
    document: xml.dom.minidom.Document, element: xml.dom.minidom.Element, shape: Shape
) -> None:
    """Mask the sensitive members under ``element``, which holds a value of ``shape``."""
    from botocore.model import ListShape, MapShape, StructureShape

    if shape.metadata.get("sensitive"):
        _mask_all_xml(document, element, shape)
    elif isinstance(shape, StructureShape):
        members = {
            _member_key_name(member, name): member
            for name, member in shape.members.items()
            if member.serialization.get("location") is None
        }
        for child in _elements(element):
            member = members.get(_local(child))
            if member is None:
                continue
            flattened = member.serialization.get("flattened") and not member.metadata.get(
                "sensitive"
            )
            if flattened and isinstance(member, ListShape):
                _mask_xml(document, child, member.member)
            elif flattened and isinstance(member, MapShape):
                _mask_entry(document, child, member)
            else:
                _mask_xml(document, child, member)
    elif isinstance(shape, ListShape):
        for child in _elements(element):
            _mask_xml(document, child, shape.member)
    elif isinstance(shape, MapShape):
        for entry in _elements(element):
            _mask_entry(document, entry, shape)


def _mask_entry(
    document: xml.dom.minidom.Document, entry: xml.dom.minidom.Element, shape: Shape
) -> None:
    from botocore.model import MapShape

    if not isinstance(shape, MapShape):  # pragma: no cover - called with maps only
        return
    name: object = shape.value.serialization.get("name")
    for pair in _elements(entry):
        if _local(pair) == (name if isinstance(name, str) else "value"):
            _mask_xml(document, pair, shape.value)


def _mask_all_xml(
    document: xml.dom.minidom.Document, element: xml.dom.minidom.Element, shape: Shape
) -> None:
    """A sensitive member: every value under it masked."""
    if _is_leaf(element):
        text = "".join(c.data for c in element.childNodes if isinstance(c, xml.dom.minidom.Text))
        scalar = shape.type_name not in {"structure", "list", "map"}
        _set_text(
            document, element, _placeholder(shape.type_name) if scalar else _masked_text(text)
        )
        return
    for leaf in element.getElementsByTagNameNS("*", "*"):
        if _is_leaf(leaf):
            text = "".join(c.data for c in leaf.childNodes if isinstance(c, xml.dom.minidom.Text))
            _set_text(document, leaf, _masked_text(text))


def as_json(value: object) -> Json:
    """What ``json.loads`` returned, typed."""
    if is_mapping(value):
        return {str(k): as_json(v) for k, v in value.items()}
    if _is_sequence(value):
        return [as_json(v) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    return str(value)


def _masked_json(value: Json, shape: Shape | None) -> Json:
    """``value`` (a value of ``shape``) with its sensitive members masked."""
    from botocore.model import ListShape, MapShape, StructureShape

    if isinstance(value, dict) and any(k in _UNMARKED for k in value):
        value = {k: MASK if k in _UNMARKED and isinstance(v, str) else v for k, v in value.items()}
    if shape is None:
        return value
    if shape.metadata.get("sensitive"):
        return _masked_all_json(value, shape.type_name)
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        masked = dict(value)
        for name, member in shape.members.items():
            key: object = member.serialization.get("name", name)
            if isinstance(key, str) and key in masked:
                masked[key] = _masked_json(masked[key], member)
        return masked
    if isinstance(shape, ListShape) and isinstance(value, list):
        return [_masked_json(item, shape.member) for item in value]
    if isinstance(shape, MapShape) and isinstance(value, dict):
        return {k: _masked_json(v, shape.value) for k, v in value.items()}
    return value


def _masked_all_json(value: Json, type_name: str) -> Json:
    if isinstance(value, dict):
        return {k: _masked_all_json(v, "") for k, v in value.items()}
    if isinstance(value, list):
        return [_masked_all_json(v, "") for v in value]
    return None if value is None else _json_placeholder(value, type_name)


def _json_placeholder(value: Json, type_name: str) -> Json:
    if type_name == "blob":
        return _MASKED_BLOB
    if isinstance(value, bool) or type_name == "boolean":
        return False
    if isinstance(value, int | float) or type_name in {"integer", "long", "float", "double"}:
        return 0
    return MASK


def stored_headers(operation: OperationModel, headers: Mapping[str, str]) -> dict[str, str]:
    """The answer's headers, lower-cased, those bound to sensitive members masked."""
    secret: set[str] = set()
    shape = operation.output_shape
    if shape is not None:
        for member in shape.members.values():
            name = member.serialization.get("name")
            if (
                member.serialization.get("location") == "header"
                and member.metadata.get("sensitive")
                and isinstance(name, str)
            ):
                secret.add(name.lower())
    return {
        name.lower(): MASK if name.lower() in secret else value for name, value in headers.items()
    }


def body_bytes(stored: Mapping[str, Json]) -> bytes:
    """The body to answer with, from its stored form."""
    if "xml" in stored:
        return _lines(stored["xml"]).encode()
    if "json" in stored:
        return json.dumps(stored["json"], separators=(",", ":")).encode()
    if "text" in stored:
        return _lines(stored["text"]).encode()
    if "base64" in stored:
        data = stored["base64"]
        return base64.b64decode(data) if isinstance(data, str) else b""
    return b""


def _lines(value: Json) -> str:
    return (
        "\n".join(line for line in value if isinstance(line, str))
        if isinstance(value, list)
        else ""
    )


# -- the whole file: secrets of the session, account ids ------------------------------------------


def _strings(value: Json) -> Iterable[tuple[str | None, str]]:
    """Every (key, string) pair under ``value`` (key: the mapping key holding it, if any)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield key, item
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield None, item
            else:
                yield from _strings(item)


def _accounts(document: Json) -> list[str]:
    """Every account id in the document, in the order they first appear."""
    found: dict[str, None] = {}
    for key, text in _strings(document):
        for match in _ARN_ACCOUNT.finditer(text):
            found.setdefault(match.group(1))
        for match in _OWNER_XML.finditer(text):
            found.setdefault(match.group(1))
        if (
            key is not None
            and re.fullmatch(r"\d{12}", text)
            and _OWNER_JSON.search(f'"{key}": "{text}"')
        ):
            found.setdefault(text)
    return list(found)


def _replace(value: Json, rewrite: Callable[[str], str]) -> Json:
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, dict):
        return {rewrite(k): _replace(v, rewrite) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(item, rewrite) for item in value]
    return value


def scrub(document: Json, credentials: Iterable[str]) -> Json:
    """``document`` with the session's credential values masked and every account id replaced
    by its placeholder."""
    secrets = sorted({c for c in credentials if len(c) >= _SHORTEST_CREDENTIAL}, key=len)[::-1]
    accounts = {
        account: f"{index:012d}" for index, account in enumerate(_accounts(document), start=1)
    }
    account = re.compile(r"(?<!\d)(" + "|".join(accounts) + r")(?!\d)") if accounts else None

    def rewrite(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, MASK)
        if account is not None:
            text = account.sub(lambda m: accounts[m.group(1)], text)
        return text

    return _replace(document, rewrite)


def dump(exchanges: Sequence[dict[str, Json]], path: Path, credentials: Iterable[str]) -> None:
    """Write the recording to ``path`` (atomically: a reader never sees half of it)."""
    document: Json = {"format": FORMAT, "version": VERSION, "exchanges": list[Json](exchanges)}
    text = json.dumps(scrub(document, credentials), indent=2, sort_keys=True, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, path)


# -- reading a recording --------------------------------------------------------------------------


def load(path: Path, model_of: Callable[[str], ServiceModel]) -> list[Exchange]:
    """The exchanges of the recording at ``path``, each request keyed as a live one would be.

    Raises:
        InvalidArgumentError: The file cannot be read, is not JSON, is not a recording of this
            format and version, or names a service or operation botocore does not know.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidArgumentError(
            f"cannot read the recording {str(path)!r} ({error}); record it first "
            "(pytest --awsfacade-record, or awsfacade.testing.record)"
        ) from None
    try:
        document = as_json(json.loads(text))
    except ValueError as error:
        raise InvalidArgumentError(
            f"{str(path)!r} is not a recording: not JSON ({error})"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidArgumentError(
            f'{str(path)!r} is not an awsfacade recording (no "format": {FORMAT!r})'
        )
    if document.get("version") != VERSION:
        raise InvalidArgumentError(
            f"{str(path)!r} is a recording of version {document.get('version')!r}; this "
            f"awsfacade reads version {VERSION}: record it again"
        )
    exchanges = document.get("exchanges")
    if not isinstance(exchanges, list):
        raise InvalidArgumentError(f"{str(path)!r} is not a recording: no list of exchanges")
    return [_exchange(path, index, item, model_of) for index, item in enumerate(exchanges)]


def _exchange(
    path: Path, index: int, item: Json, model_of: Callable[[str], ServiceModel]
) -> Exchange:
    def bad(what: str) -> InvalidArgumentError:
        return InvalidArgumentError(f"{str(path)!r}, exchange {index}: {what}")

    if not isinstance(item, dict):
        raise bad("not an object")
    service, operation, response = item.get("service"), item.get("operation"), item.get("response")
    if not isinstance(service, str) or not isinstance(operation, str):
        raise bad('"service" and "operation" must be strings')
    try:
        model = model_of(service)
        operation_model = model.operation_model(operation)
    except Exception:  # botocore's UnknownServiceError, OperationNotFoundError
        raise bad(f"botocore knows no operation {operation!r} of a service {service!r}") from None
    if not isinstance(response, dict):
        raise bad('"response" must be an object')
    status, headers = response.get("status"), response.get("headers", {})
    if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
        raise bad('"response" needs an HTTP "status"')
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise bad('"headers" must map names to strings')
    stored = {k: v for k, v in response.items() if k in {"xml", "json", "text", "base64"}}
    if len(stored) > 1:
        raise bad('"response" has more than one body')
    for kind in ("xml", "text"):
        lines = stored.get(kind)
        if kind in stored and (
            not isinstance(lines, list) or not all(isinstance(x, str) for x in lines)
        ):
            raise bad(f'"{kind}" must be a list of lines')
    if "base64" in stored:
        try:
            base64.b64decode(str(stored["base64"]), validate=True)
        except ValueError:
            raise bad('"base64" is not base64') from None
    request = request_key(operation_model.input_shape, item.get("request", {}))
    return Exchange(
        service=service,
        operation=operation,
        request=request,
        status=status,
        headers={k: v for k, v in headers.items() if isinstance(v, str)},
        body=body_bytes(stored),
        stored=stored,
    )


def stream_of(data: bytes) -> io.BytesIO:
    """A stream over ``data`` (a streaming answer's body, read while recording)."""
    return io.BytesIO(data)
