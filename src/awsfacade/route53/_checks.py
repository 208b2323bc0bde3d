"""Route53's own argument rules, and the DNS names and Route53 ids they and the models read:
names and ids as users write them and as AWS sends them.

A DNS name is bytes. Route53 lists a name in its trailing-dot form, in lower case, with every
byte other than ``a``-``z``, ``0``-``9``, ``-`` and ``_`` (and the dots between labels) as a
three-digit octal escape: ``\\052`` for ``*``, ``\\344`` for 0xE4 (its "DNS domain name
format" page). The facade's *decoded* form shows each byte as its character (``*``, ``ä``)
except those that would change the labels or cannot be read: a dot inside a label
(``\\056``), a backslash (``\\134``), a space and the other blank or unprintable bytes stay
escaped. `encode_name` writes a name back as Route53 lists it, so that decoding and
encoding are each other's inverse for every byte. Zone and change ids come back as
``/hostedzone/Z…`` and ``/change/C…``; the facade hands out bare ids and accepts either.
"""

from __future__ import annotations

import re
import string

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
    "is_decoded",
    "normalize_name",
    "same_name",
]

#: The longest DNS name Route53 accepts (its ``DNSName`` shape).
MAX_NAME = 1024
#: The longest id Route53 accepts (its ``ResourceId`` shape), without the prefix.
_MAX_ID = 32

#: What decoding looks at: an octal escape, a backslash that starts none (a backslash
#: character), or a character other than printable ASCII.
_DECODE = re.compile(r"\\([0-7]{3})?|[^!-~]")
#: The bytes a decoded name keeps escaped: a dot (inside a label, as ``.`` separates labels),
#: a backslash (it starts escapes), and the blank or unprintable ones: space, the control
#: characters, 0x7F to 0xA0 and the soft hyphen 0xAD.
_KEPT_ESCAPED = frozenset(
    [
        0x2E,
        0x5C,
        *(byte for byte in range(0x100) if chr(byte).isspace() or not chr(byte).isprintable()),
    ]
)
#: What encoding looks at in a decoded name: an escape it kept, or a byte Route53 escapes.
_ENCODE = re.compile(r"\\[0-7]{3}|[^a-z0-9_.\-]")
#: DNS ignores the case of ASCII letters only (RFC 4343): ``Ä`` (0xC4) is not ``ä`` (0xE4).
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: The largest byte: one escape is one byte.
_MAX_BYTE = 0xFF
_ZONE_PREFIX = "/hostedzone/"
_CHANGE_PREFIX = "/change/"


def is_decoded(name: str) -> bool:
    """Whether ``name`` is plainly in decoded form already (no backslash, no space, nothing
    unprintable): true of nearly every name, so that most names need no regex at all."""
    return "\\" not in name and " " not in name and name.isprintable()


def decode_name(name: str) -> str:
    """``name`` (as Route53 lists it, or as a user writes it) in decoded form: each octal
    escape (``\\052``) as its character, except a dot, a backslash and blank or unprintable
    bytes, which stay (or become) escapes; a backslash that starts no escape is a backslash.
    A character beyond one byte is left as it is (`encode_name` refuses it)."""
    if is_decoded(name):
        return name

    def byte(match: re.Match[str]) -> str:
        text = match.group(0)
        digits = match.group(1)
        code = int(digits, 8) if digits is not None else 0x5C if text == "\\" else ord(text)
        return f"\\{code:03o}" if code in _KEPT_ESCAPED else chr(code)

    return _DECODE.sub(byte, name)


def normalize_name(name: str) -> str:
    """``name`` decoded and in its trailing-dot form (``example.com`` → ``example.com.``)."""
    decoded = decode_name(name)
    return decoded if decoded.endswith(".") else f"{decoded}."


def same_name(first: str, second: str) -> bool:
    """Whether two DNS names are the same name.

    DNS ignores the case of ASCII letters, the trailing dot is optional, and an escape is its
    character (``\\052`` is ``*``).

    Returns:
        True if `first` and `second` name the same thing in DNS.

    Raises:
        InvalidArgumentError: One of them is not a string.
    """
    for what, name in (("first", first), ("second", second)):
        if not isinstance(name, str):
            raise InvalidArgumentError(f"{what} must be a DNS name (a str), not {name!r}")
    return normalize_name(first).translate(_ASCII_LOWER) == normalize_name(second).translate(
        _ASCII_LOWER
    )


def encode_name(name: str, what: str = "name") -> str:
    """``name`` exactly as Route53 lists it (a form every Route53 request takes): lower case,
    every byte but ``a``-``z``, ``0``-``9``, ``-``, ``_`` and the dots between labels as an
    octal escape (``*.example.com`` → ``\\052.example.com``). The inverse of
    `decode_name` for every name Route53 lists.

    Raises InvalidArgumentError for a character beyond one byte (``中``): Route53 takes an
    internationalized name in Punycode (``"中国.asia".encode("idna")``).
    """
    lowered = decode_name(name).translate(_ASCII_LOWER)

    def escape(match: re.Match[str]) -> str:
        text = match.group(0)
        if len(text) > 1:  # an escape decoding kept
            return text
        if ord(text) > _MAX_BYTE:
            raise InvalidArgumentError(
                f"{what} {name!r} has {text!r}, which is not one byte: give an "
                "internationalized name in Punycode (str.encode('idna') makes it)"
            )
        return f"\\{ord(text):03o}"

    return _ENCODE.sub(escape, lowered)


def check_name(text: str, what: str = "name") -> str:
    """A DNS name a user passed, normalised to its trailing-dot form (its length is the
    model's ``DNSName``, checked by the boundary)."""
    if not text or any(char.isspace() for char in text):
        raise InvalidArgumentError(
            f"{what} must not be empty or contain spaces (write a space in a name as \\040): "
            f"{text!r}"
        )
    check_labels(text, what)
    normalized = normalize_name(text)
    encode_name(normalized, what)  # refuses what Route53 cannot take, before any request
    return normalized


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


def check_zone_id(zone_id: str, what: str = "zone_id") -> str:
    """A hosted zone id a user passed, with or without ``/hostedzone/``, returned bare."""
    return _bare_id(zone_id, what, _ZONE_PREFIX)


def check_change_id(change_id: str) -> str:
    """A change id a user passed, with or without ``/change/``, returned bare."""
    return _bare_id(change_id, "change_id", _CHANGE_PREFIX)


def _bare_id(value: str, what: str, prefix: str) -> str:
    text = value.removeprefix(prefix)
    if not text or len(text) > _MAX_ID or "/" in text or any(char.isspace() for char in text):
        raise InvalidArgumentError(
            f"{what} must be an id like Z1D633PJN98FT9 (or {prefix}Z1D633PJN98FT9), not {value!r}"
        )
    return text
