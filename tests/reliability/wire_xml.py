"""A response dict, as botocore parses it, written back as the XML AWS sends on the wire.

The reliability tests generate responses from botocore's output shapes; fed through botocore's
``Stubber`` they skip botocore's parser. :func:`wire_response` turns the same dict into the
HTTP answer AWS would send, so that a ``before-send`` hook returning it makes botocore *parse*
it, as it parses AWS's real answers. It follows the shapes' serialisation traits the way
botocore's own parsers (``botocore/parsers.py``) read them:

- ``query`` (IAM): ``<OpResponse><OpResult>…</OpResult><ResponseMetadata>…``, the result
  element named by the output shape's ``resultWrapper``; lists as ``<member>`` elements;
- ``ec2``: ``<OpResponse><requestId>…</requestId>…`` with no result wrapper; lists as the
  ``<item>`` elements the members' ``locationName`` says;
- ``rest-xml`` (S3, Route53): members ``location``-ed in a ``header`` or a prefixed map of
  ``headers`` go in the HTTP headers (timestamps there as RFC 822 dates), the rest in one
  root element, or the ``payload`` member alone as the body (raw bytes for a blob).

Everywhere: an element's name is the member's ``locationName`` (a flattened list's items take
their member's), lists not ``flattened`` wrap their items, maps are ``<entry><key>…<value>``
(flattened: repeated elements holding ``<key>`` and ``<value>``), ``xmlAttribute`` members are
attributes (``xsi:type``), timestamps follow ``timestampFormat`` (ISO 8601 in bodies), blobs are
base64, booleans ``true``/``false``.

XML 1.0 cannot carry every string: :func:`xml_safe` rewrites the characters it cannot (NUL and
most C0 controls, lone surrogates, U+FFFE/U+FFFF) so that a test can send, and expect, only
what AWS could send. A carriage return is sent as ``&#13;``: a bare one reads back as ``\\n``.
"""

from __future__ import annotations

import base64
import email.utils
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from botocore.model import ListShape, MapShape, Shape, StructureShape
from support import http_answer, is_list, is_mapping

if TYPE_CHECKING:
    from botocore.awsrequest import AWSResponse
    from botocore.model import OperationModel

__all__ = ["REQUEST_ID", "serialize", "wire_response", "xml_safe"]

#: The request id every answer carries (in its body for query/ec2, a header for rest-xml).
REQUEST_ID = "wire-request-1"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", '"': "&quot;"}


def wire_response(
    operation: OperationModel, parsed: Mapping[str, object], *, url: str = "https://aws.invalid/"
) -> AWSResponse:
    """The HTTP answer whose parse by botocore is ``parsed`` (for a ``before-send`` hook).

    Its headers are only those the response's members make: no ``Content-Length`` of the
    body, which HeadObject's ``ContentLength`` member would contradict (and botocore does
    not need)."""
    status, headers, body = serialize(operation, parsed)
    return http_answer(url, status, body, headers)


def serialize(
    operation: OperationModel, parsed: Mapping[str, object]
) -> tuple[int, dict[str, str], bytes]:
    """The status, headers and body AWS sends for the ``parsed`` answer of ``operation``."""
    protocol: object = operation.metadata.get("protocol")
    output = operation.output_shape
    members = _body_members(output, parsed)
    namespace = _namespace(operation)
    if protocol == "query":
        wrapper: object = None if output is None else output.serialization.get("resultWrapper")
        result = f"<{wrapper}>{members}</{wrapper}>" if isinstance(wrapper, str) else members
        metadata = f"<ResponseMetadata><RequestId>{REQUEST_ID}</RequestId></ResponseMetadata>"
        root = f"{operation.name}Response"
        xml = f'<{root} xmlns="{namespace}">{result}{metadata}</{root}>'
        return 200, {}, xml.encode()
    if protocol == "ec2":
        root = f"{operation.name}Response"
        xml = f'<{root} xmlns="{namespace}"><requestId>{REQUEST_ID}</requestId>{members}</{root}>'
        return 200, {}, xml.encode()
    if protocol == "rest-xml":
        return _rest_xml(operation, parsed, namespace)
    raise NotImplementedError(f"no XML serializer for the {protocol!r} protocol")


def xml_safe(value: object) -> object:
    """``value`` (a response dict, or anything in one) with every string made sendable in
    XML 1.0: characters it cannot carry become ``?``. Other values are returned as they are."""
    if isinstance(value, str):
        return "".join(c if _xml_char(c) else "?" for c in value)
    if is_mapping(value):
        return {key: xml_safe(item) for key, item in value.items()}
    if is_list(value):
        return [xml_safe(item) for item in value]
    return value


# -- rest-xml ----------------------------------------------------------------------------------


def _rest_xml(
    operation: OperationModel, parsed: Mapping[str, object], namespace: str
) -> tuple[int, dict[str, str], bytes]:
    output = operation.output_shape
    headers = {"x-amz-request-id": REQUEST_ID, "x-amzn-requestid": REQUEST_ID}
    status = 200
    if output is None:
        return status, headers, b""
    for name, shape in _members_of(output):
        value = parsed.get(name)
        location: object = shape.serialization.get("location")
        if value is None or location is None:
            continue
        if location == "statusCode" and isinstance(value, int):
            status = value
        elif location == "header":
            headers[_location_name(shape, name)] = _header_text(shape, value)
        elif location == "headers" and isinstance(shape, MapShape):
            prefix = _location_name(shape, name)
            headers.update(
                {f"{prefix}{key}": _scalar(shape.value, item) for key, item in _pairs(value)}
            )
    payload: object = output.serialization.get("payload")
    if isinstance(payload, str):
        shape = dict(_members_of(output))[payload]
        value = parsed.get(payload)
        if value is None:
            return status, headers, b""
        if shape.type_name in {"blob", "string"}:
            return status, headers, _raw_payload(value)
        element = _element(_location_name(shape, shape.name), shape, value, namespace)
        return status, headers, element.encode()
    if not any(shape.serialization.get("location") is None for _, shape in _members_of(output)):
        return status, headers, b""
    root = _location_name(output, output.name)
    xml = f'<{root} xmlns="{namespace}">{_body_members(output, parsed)}</{root}>'
    return status, headers, xml.encode()


def _raw_payload(value: object) -> bytes:
    """A streaming payload's bytes (a ``StreamingBody``, bytes or text)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    read: object = getattr(value, "read", None)
    if callable(read):
        data: object = read()
        if isinstance(data, bytes):
            return data
    raise TypeError(f"a payload of bytes, text or a stream, not {type(value).__name__}")


def _header_text(shape: Shape, value: object) -> str:
    """A header's value: RFC 822 dates, comma-joined lists, base64 JSON for ``jsonvalue``."""
    if isinstance(value, datetime):
        return _timestamp(shape, value, "rfc822")
    if isinstance(shape, ListShape):
        return ", ".join(_scalar(shape.member, item) for item in _items(value))
    if shape.serialization.get("jsonvalue"):
        return base64.b64encode(json.dumps(value).encode()).decode()
    return _scalar(shape, value)


# -- XML elements ------------------------------------------------------------------------------


def _body_members(shape: Shape | None, value: Mapping[str, object]) -> str:
    """The elements of a structure's members found in ``value``, in the shape's order (members
    located in headers, the status code or attributes are not elements)."""
    if shape is None:
        return ""
    parts: list[str] = []
    for name, member in _members_of(shape):
        item = value.get(name)
        if item is None or member.serialization.get("location") is not None:
            continue
        if member.serialization.get("xmlAttribute"):
            continue
        tag = _member_key_name(member, name)
        if isinstance(member, ListShape) and member.serialization.get("flattened"):
            parts += [_element(tag, member.member, entry) for entry in _items(item)]
        elif isinstance(member, MapShape) and member.serialization.get("flattened"):
            parts += [
                f"<{tag}>{_map_entry(member, key, entry)}</{tag}>" for key, entry in _pairs(item)
            ]
        else:
            parts.append(_element(tag, member, item))
    return "".join(parts)


def _element(tag: str, shape: Shape, value: object, namespace: str | None = None) -> str:
    """``<tag>…</tag>`` holding ``value`` as ``shape`` says."""
    attributes = f' xmlns="{namespace}"' if namespace else ""
    if isinstance(shape, StructureShape) and is_mapping(value):
        attributes += _attributes(shape, value)
        return f"<{tag}{attributes}>{_body_members(shape, value)}</{tag}>"
    if isinstance(shape, ListShape):
        name = _location_name(shape.member, "member")
        items = "".join(_element(name, shape.member, item) for item in _items(value))
        return f"<{tag}{attributes}>{items}</{tag}>"
    if isinstance(shape, MapShape):
        entries = "".join(
            f"<entry>{_map_entry(shape, key, item)}</entry>" for key, item in _pairs(value)
        )
        return f"<{tag}{attributes}>{entries}</{tag}>"
    return f"<{tag}{attributes}>{_escape(_scalar(shape, value))}</{tag}>"


def _attributes(shape: Shape, value: Mapping[str, object]) -> str:
    """The ``xmlAttribute`` members of a structure, as XML attributes (``xsi:type="…"``)."""
    found = ""
    for name, member in _members_of(shape):
        item = value.get(name)
        if item is None or not member.serialization.get("xmlAttribute"):
            continue
        attribute = _location_name(member, name)
        if attribute.startswith("xsi:"):
            found += f' xmlns:xsi="{_XSI}"'
        found += f' {attribute}="{_escape(_scalar(member, item))}"'
    return found


def _map_entry(shape: MapShape, key: str, value: object) -> str:
    key_tag = _location_name(shape.key, "key")
    value_tag = _location_name(shape.value, "value")
    return _element(key_tag, shape.key, key) + _element(value_tag, shape.value, value)


def _scalar(shape: Shape, value: object) -> str:
    """A scalar's text, as AWS writes it (not yet escaped for XML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return _timestamp(shape, value, "iso8601")
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, str):
        return value
    raise TypeError(f"no XML text for a {type(value).__name__} ({shape.name})")


def _timestamp(shape: Shape, value: datetime, default: str) -> str:
    """A timestamp in the shape's ``timestampFormat`` (else ``default``)."""
    timestamp_format: object = shape.serialization.get("timestampFormat", default)
    if timestamp_format == "unixTimestamp":
        return repr(_as_utc(value).timestamp())
    if timestamp_format == "rfc822":
        return email.utils.format_datetime(_as_utc(value), usegmt=True)
    return _as_utc(value).isoformat()


# -- helpers -----------------------------------------------------------------------------------


def _namespace(operation: OperationModel) -> str:
    output = operation.output_shape
    trait: object = None if output is None else output.serialization.get("xmlNamespace")
    if is_mapping(trait):
        uri = trait.get("uri")
        if isinstance(uri, str):
            return uri
    service: object = operation.metadata.get("xmlNamespace")
    if isinstance(service, str):
        return service
    endpoint: object = operation.metadata.get("endpointPrefix")
    return f"https://{endpoint}.amazonaws.com/doc/{operation.metadata.get('apiVersion')}/"


def _members_of(shape: Shape) -> list[tuple[str, Shape]]:
    return list(shape.members.items()) if isinstance(shape, StructureShape) else []


def _member_key_name(shape: Shape, name: str) -> str:
    """The element name botocore looks a member up by (``_member_key_name`` in its parser)."""
    if isinstance(shape, ListShape) and shape.serialization.get("flattened"):
        item_name: object = shape.member.serialization.get("name")
        if isinstance(item_name, str):
            return item_name
    return _location_name(shape, name)


def _location_name(shape: Shape, default: str) -> str:
    name: object = shape.serialization.get("name")
    return name if isinstance(name, str) else default


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text)


def _xml_char(c: str) -> bool:
    """Whether XML 1.0 can carry the character (its ``Char`` production)."""
    code = ord(c)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _items(value: object) -> Sequence[object]:
    return value if is_list(value) else ()


def _pairs(value: object) -> list[tuple[str, object]]:
    return [(str(key), item) for key, item in value.items()] if is_mapping(value) else []
