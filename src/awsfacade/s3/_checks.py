"""Checks of S3 arguments, made before any request: bucket names, keys, metadata, bodies."""

from __future__ import annotations

import io
import ipaddress
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, BinaryIO, Final

from awsfacade._validate import check_text
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "MAX_KEY_BYTES",
    "MAX_METADATA_BYTES",
    "check_body",
    "check_bucket",
    "check_bucket_name",
    "check_content_type",
    "check_key",
    "check_keys",
    "check_metadata",
]

#: S3's limit on a key: 1,024 bytes of UTF-8.
MAX_KEY_BYTES: Final = 1024
#: S3's limit on user-defined metadata: 2 KB, keys and values in UTF-8 together.
MAX_METADATA_BYTES: Final = 2048

# S3's general-purpose bucket naming rules: 3-63 of lowercase letters, digits, dots and
# hyphens, starting and ending with a letter or digit.
_BUCKET_NAME: Final = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def check_bucket_name(name: str) -> str:
    """A name S3 accepts for a new bucket (AWS's naming rules, checked before CreateBucket)."""
    if not _BUCKET_NAME.fullmatch(name):
        raise InvalidArgumentError(
            f"bucket name {name!r} must be 3 to 63 lowercase letters, digits, dots and hyphens, "
            "starting and ending with a letter or digit"
        )
    if ".." in name:
        raise InvalidArgumentError(f"bucket name {name!r} must not hold two adjacent dots")
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        return name
    raise InvalidArgumentError(f"bucket name {name!r} must not be an IP address")


def check_bucket(name: object, what: str = "bucket") -> str:
    """The name of an existing bucket: a non-empty string without ``/`` (older buckets may
    break today's naming rules, so only what could never name a bucket is refused)."""
    checked = check_text(name, what, 255)
    if "/" in checked:
        raise InvalidArgumentError(f"{what} must be a bucket name, not a path: {checked!r}")
    return checked


def check_key(key: object, what: str = "key") -> str:
    """An object key: a non-empty string of at most 1,024 UTF-8 bytes (spaces are allowed);
    its type is checked here too, for the keys an iterator yields, which the boundary cannot
    see without consuming them."""
    if not isinstance(key, str) or not key:
        raise InvalidArgumentError(f"{what} must be a non-empty string, not {key!r}")
    if len(key.encode("utf-8", errors="surrogatepass")) > MAX_KEY_BYTES:
        raise InvalidArgumentError(f"{what} is longer than {MAX_KEY_BYTES} bytes in UTF-8")
    return key


def check_keys(keys: Iterable[str], what: str = "keys") -> list[str]:
    """Object keys, each checked, without duplicates, in the order given (one string standing
    for a list is refused by the boundary: it would delete one key per character)."""
    checked: list[str] = []
    seen: set[str] = set()
    for key in keys:
        if check_key(key, f"each of {what}") not in seen:
            seen.add(key)
            checked.append(key)
    return checked


def check_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """User-defined metadata: ASCII string keys and values (HTTP headers carry them), at most
    2 KB in all."""
    if metadata is None:
        return {}
    checked: dict[str, str] = {}
    for name, value in metadata.items():
        if not name or not name.isascii():
            raise InvalidArgumentError(f"metadata names must be non-empty ASCII strings: {name!r}")
        if not value.isascii():
            raise InvalidArgumentError(f"metadata {name!r} must have an ASCII string value")
        checked[name] = value
    if sum(len(name) + len(value) for name, value in checked.items()) > MAX_METADATA_BYTES:
        raise InvalidArgumentError(f"metadata is larger than {MAX_METADATA_BYTES} bytes")
    return checked


def check_content_type(content_type: object) -> str:
    """A MIME type such as ``text/plain; charset=utf-8``."""
    checked = check_text(content_type, "content_type", 1024)
    if "/" not in checked or not checked.isascii():
        raise InvalidArgumentError(f"content_type is not a MIME type: {checked!r}")
    return checked


def check_body(body: bytes | str | BinaryIO) -> bytes | BinaryIO:
    """An object body: ``bytes``, a ``str`` (sent as UTF-8) or a binary file object."""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytes):
        return body
    if isinstance(body, io.TextIOBase):
        raise InvalidArgumentError("body is a text file: open it in binary mode ('rb')")
    if not hasattr(body, "read"):
        raise InvalidArgumentError(
            f"body must be bytes, a str or a binary file object, not {type(body).__name__}"
        )
    if _seekable(body) and body.tell() > 0:
        # botocore rewinds a file body to 0 before each retry: seen from where it is, a file
        # read part-way is sent from the same place on every attempt.
        return io.BufferedReader(_FromHere(body))
    return body


def _seekable(body: BinaryIO) -> bool:
    try:
        return bool(body.seekable())
    except (AttributeError, OSError, ValueError):  # no seekable(), or a closed file
        return False


class _FromHere(io.RawIOBase):
    """A binary file seen from the position it was at: that position is 0 to whoever reads,
    seeks or asks the length, so a rewind goes back there and not to the file's start."""

    def __init__(self, file: BinaryIO) -> None:
        super().__init__()
        self._file = file
        self._start = file.tell()

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self._file.read(len(view))
        view[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            offset += self._start
        return self._file.seek(offset, whence) - self._start

    def tell(self) -> int:
        return self._file.tell() - self._start
