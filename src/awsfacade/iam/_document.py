"""Policy documents: mappings in, read-only parsed mappings out, never URL-encoded text.

IAM sends every policy document (a role's trust policy, a policy version's ``Document``) as
URL-encoded JSON; botocore's ``json_decode_policies`` hook usually decodes it into a dict
already, and moto sends it decoded. `parse` accepts both, plus plain JSON text.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from typing import TypeGuard

from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError

__all__ = ["MAX_DOCUMENT_LENGTH", "PolicyDocument", "dump", "parse"]

#: IAM's largest ``policyDocumentType`` (service-2.json); the per-kind quotas (6,144
#: characters for a managed policy, 2,048 for a trust policy by default) are AWS's to enforce.
MAX_DOCUMENT_LENGTH = 131_072

# json.loads returns Any; naming it through this typed alias makes every caller see `object`,
# which the isinstance checks below narrow (mypy's disallow_any_expr holds in this package).
_loads: Callable[[str], object] = json.loads


def _is_mapping(value: object) -> TypeGuard[Mapping[object, object]]:
    return isinstance(value, Mapping)


def _is_array(value: object) -> TypeGuard[list[object] | tuple[object, ...]]:
    return isinstance(value, list | tuple)


class PolicyDocument(Mapping[str, object]):
    """A parsed IAM policy document: an immutable, hashable mapping whose nested objects
    are ``PolicyDocument`` too and whose arrays are tuples.

    It is equal to any mapping with the same JSON content (lists and tuples alike), so a
    document read back compares equal to the dict it was created from.
    [`to_json()`][awsfacade.iam.PolicyDocument.to_json] gives the JSON text back,
    [`to_dict()`][awsfacade.iam.PolicyDocument.to_dict] a plain, mutable copy, and
    ``dict(document)`` a plain top level.

    Args:
        data: The document's top level; nested mappings and sequences are frozen too.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, object] | None = None) -> None:
        self._data: dict[str, object] = {
            str(key): _freeze(value) for key, value in (data or {}).items()
        }
        self._hash: int | None = None

    def __getitem__(self, key: str) -> object:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        """Equal to any mapping with the same JSON content (lists and tuples alike), so a
        document read back compares equal to the dict it was created from."""
        if not _is_mapping(other):
            return NotImplemented
        return self.to_dict() == _plain(other)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(json.dumps(self, default=_thaw, sort_keys=True))
        return self._hash

    def __repr__(self) -> str:
        return f"PolicyDocument({self.to_json()})"

    def to_dict(self) -> dict[str, object]:
        """A plain, mutable copy of the document.

        Returns:
            Nested dicts and lists, as ``json.loads`` would give.
        """
        return {key: _plain(value) for key, value in self._data.items()}

    def to_json(self) -> str:
        """The document as JSON text.

        Returns:
            Compact JSON, keys in their original order.
        """
        return json.dumps(self, default=_thaw, separators=(",", ":"))


def _freeze(value: object) -> object:
    """A JSON value with its objects as PolicyDocument and its arrays as tuples."""
    if isinstance(value, PolicyDocument):
        return value
    if _is_mapping(value):
        return PolicyDocument({str(key): item for key, item in value.items()})
    if _is_array(value):
        return tuple(_freeze(item) for item in value)
    return value


def _plain(value: object) -> object:
    """A JSON value with its objects as dicts and its arrays as lists."""
    if _is_mapping(value):
        return {str(key): _plain(item) for key, item in value.items()}
    if _is_array(value):
        return [_plain(item) for item in value]
    return value


def _thaw(value: object) -> object:
    """``json.dumps``'s fallback: any mapping (a PolicyDocument, a MappingProxyType) as a
    dict; anything else is not JSON."""
    if _is_mapping(value):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dump(document: object, what: str) -> str:
    """The JSON text of a user's policy document, checked before any request: a mapping
    with a ``Statement``, serialisable as JSON, at most `MAX_DOCUMENT_LENGTH`
    characters."""
    if not isinstance(document, Mapping):
        raise InvalidArgumentError(
            f"{what} must be a mapping (a parsed JSON policy), not {type(document).__name__}"
        )
    if "Statement" not in document:
        # IAM's policy grammar: a policy is an optional Version and Id and a Statement block.
        raise InvalidArgumentError(f"{what} has no Statement: every IAM policy needs one")
    try:
        text = json.dumps(document, default=_thaw, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidArgumentError(f"{what} is not JSON serialisable: {error}") from error
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise InvalidArgumentError(
            f"{what} is longer than {MAX_DOCUMENT_LENGTH} characters as JSON ({len(text)})"
        )
    return text


def parse(value: object) -> PolicyDocument:
    """A policy document as AWS sends it: already decoded (a mapping), URL-encoded JSON or
    plain JSON text. Anything else raises `UnexpectedResponseError`."""
    if _is_mapping(value):
        return PolicyDocument({str(key): item for key, item in value.items()})
    if isinstance(value, str):
        # AWS's wire form is URL-encoded ("%7B%22Version..."); JSON text starts with "{".
        text = value if value.lstrip().startswith("{") else urllib.parse.unquote(value)
        try:
            decoded = _loads(text)
        except ValueError:
            decoded = None
        if _is_mapping(decoded):
            return parse(decoded)
    raise UnexpectedResponseError(
        f"AWS sent a policy document that is not a JSON object: {value!r}"
    )
