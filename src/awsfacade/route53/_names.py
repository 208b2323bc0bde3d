"""DNS names and Route53 ids as users write them and as AWS sends them.

Route53 answers names in their trailing-dot form, with some characters as three-digit octal
escapes (``\\052`` for ``*``); zone and change ids come back as ``/hostedzone/Z…`` and
``/change/C…``. The facade hands out decoded trailing-dot names and bare ids, and accepts
names with or without the dot and ids with or without their prefix.
"""

from __future__ import annotations

import re

from awsfacade._validate import check_text
from awsfacade.errors import InvalidArgumentError

__all__ = [
    "MAX_NAME",
    "bare_change_id",
    "bare_zone_id",
    "check_change_id",
    "check_labels",
    "check_name",
    "check_zone_id",
    "decode_name",
    "encode_name",
    "normalize_name",
    "same_name",
]

#: The longest DNS name Route53 accepts (its ``DNSName`` shape).
MAX_NAME = 1024
#: The longest id Route53 accepts (its ``ResourceId`` shape), without the prefix.
_MAX_ID = 32

_ESCAPE = re.compile(r"\\([0-7]{3})")
#: Escapes kept as they are: a dot or a backslash inside a label would change the name's labels.
_KEEP_ESCAPED = frozenset({"\\056", "\\134"})
#: What Route53 takes in a name without an escape (plus ``*`` as a whole leftmost label).
_PLAIN = re.compile(r"[A-Za-z0-9_.\-]")
_ZONE_PREFIX = "/hostedzone/"
_CHANGE_PREFIX = "/change/"


def decode_name(name: str) -> str:
    """``name`` with Route53's octal escapes (``\\052``) turned back into their characters,
    except an escaped dot or backslash, which would change where the labels are."""
    if "\\" not in name:  # no escape at all (nearly every name): no regex a record
        return name

    def character(match: re.Match[str]) -> str:
        escape = match.group(0)
        return escape if escape in _KEEP_ESCAPED else chr(int(match.group(1), 8))

    return _ESCAPE.sub(character, name)


def normalize_name(name: str) -> str:
    """``name`` decoded and in its trailing-dot form (``example.com`` → ``example.com.``)."""
    decoded = decode_name(name)
    return decoded if decoded.endswith(".") else f"{decoded}."


def same_name(first: str, second: str) -> bool:
    """Whether two DNS names are the same name: DNS compares names case-insensitively, with
    or without the trailing dot, and ``\\052`` is ``*``."""
    for what, name in (("first", first), ("second", second)):
        if not isinstance(name, str):
            raise InvalidArgumentError(f"{what} must be a DNS name (a str), not {name!r}")
    return normalize_name(first).lower() == normalize_name(second).lower()


def encode_name(name: str) -> str:
    """``name`` as Route53 wants it in a request: a character other than a letter, digit,
    hyphen, underscore or dot as an octal escape (``*`` stays as a whole leftmost label);
    non-ASCII characters are left alone (give IDNs in Punycode)."""
    labels = name.split(".")
    encoded: list[str] = []
    for index, label in enumerate(labels):
        if index == 0 and label == "*":
            encoded.append(label)
            continue
        encoded.append(
            "".join(
                char if _PLAIN.fullmatch(char) or ord(char) > 126 else f"\\{ord(char):03o}"
                for char in label
            )
        )
    return ".".join(encoded)


def check_name(name: object, what: str = "name") -> str:
    """A DNS name a user passed, normalised to its trailing-dot form."""
    text = check_text(name, what, MAX_NAME)
    if any(char.isspace() for char in text):
        raise InvalidArgumentError(f"{what} must not contain spaces: {text!r}")
    check_labels(text, what)
    return normalize_name(text)


def check_labels(name: str, what: str = "name") -> None:
    """``name`` has no empty label (``a..example.com``, ``.example.com``): DNS has none."""
    body = name.removesuffix(".")
    if name != "." and (".." in body or body.startswith(".") or body.endswith(".")):
        raise InvalidArgumentError(f"{what} has an empty label: {name!r}")


def bare_zone_id(zone_id: str) -> str:
    """A zone id AWS sent, without its ``/hostedzone/`` prefix."""
    return zone_id.removeprefix(_ZONE_PREFIX)


def bare_change_id(change_id: str) -> str:
    """A change id AWS sent, without its ``/change/`` prefix."""
    return change_id.removeprefix(_CHANGE_PREFIX)


def check_zone_id(zone_id: object, what: str = "zone_id") -> str:
    """A hosted zone id a user passed, with or without ``/hostedzone/``, returned bare."""
    return _bare_id(zone_id, what, _ZONE_PREFIX)


def check_change_id(change_id: object) -> str:
    """A change id a user passed, with or without ``/change/``, returned bare."""
    return _bare_id(change_id, "change_id", _CHANGE_PREFIX)


def _bare_id(value: object, what: str, prefix: str) -> str:
    text = check_text(value, what, len(prefix) + _MAX_ID).removeprefix(prefix)
    if not text or len(text) > _MAX_ID or "/" in text or any(char.isspace() for char in text):
        raise InvalidArgumentError(
            f"{what} must be an id like Z1D633PJN98FT9 (or {prefix}Z1D633PJN98FT9), not {value!r}"
        )
    return text
