"""Checks of what users pass to IamService, from IAM's own shapes in botocore's
``service-2.json``; each runs before any request and raises InvalidArgumentError."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from awsfacade import _tags
from awsfacade._validate import check_text
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from awsfacade._tags import Tags

__all__ = [
    "MAX_TAGS",
    "check_access_key_id",
    "check_arn",
    "check_name",
    "check_path",
    "check_path_prefix",
    "check_policy_path",
    "check_tags",
]

#: userNameType, roleNameType: 64; groupNameType, policyNameType, existingUserNameType: 128.
USER_NAME: Final = 64
#: existingUserNameType: users made before today's 64-character limit may be longer.
EXISTING_USER_NAME: Final = 128
ROLE_NAME: Final = 64
GROUP_NAME: Final = 128
POLICY_NAME: Final = 128
#: tagListType: at most 50 tags on a user, role or policy.
MAX_TAGS: Final = _tags.MAX_TAGS

_NAME = re.compile(r"[\w+=,.@-]+", re.ASCII)
_PATH = re.compile(r"/|/[\x21-\x7e]+/")  # pathType
_PATH_PREFIX = re.compile(r"/[\x21-\x7f]*")  # pathPrefixType
_POLICY_PATH = re.compile(r"(/[A-Za-z0-9.,+@=_-]+)*/")  # policyPathType
_ACCESS_KEY_ID = re.compile(r"\w{16,128}", re.ASCII)  # accessKeyIdType
_MAX_PATH = 512
_MIN_ARN, _MAX_ARN = 20, 2048


def check_name(value: object, what: str, limit: int) -> str:
    """An IAM name: 1 to ``limit`` letters, digits and ``+=,.@_-``."""
    name = check_text(value, what, limit)
    if not _NAME.fullmatch(name):
        raise InvalidArgumentError(
            f"{what} may hold only letters, digits and +=,.@_- characters: {name!r}"
        )
    return name


def _check_pattern(value: object, what: str, pattern: re.Pattern[str], shape: str) -> str:
    if not isinstance(value, str) or len(value) > _MAX_PATH or not pattern.fullmatch(value):
        raise InvalidArgumentError(
            f"{what} must be {shape}, at most {_MAX_PATH} characters: {value!r}"
        )
    return value


def check_path(value: object, what: str = "path") -> str:
    """An entity path: ``/`` or ``/`` + printable ASCII + ``/``."""
    return _check_pattern(value, what, _PATH, "'/' or start and end with '/' (like /team/)")


def check_path_prefix(value: object, what: str = "path_prefix") -> str:
    """A listing's path prefix: ``/`` followed by printable ASCII."""
    return _check_pattern(value, what, _PATH_PREFIX, "'/' followed by printable ASCII")


def check_policy_path(value: object, what: str = "path") -> str:
    """A managed policy's path (or path prefix): ``/`` or ``/name/.../``."""
    return _check_pattern(
        value, what, _POLICY_PATH, "'/' or /segments/ of letters, digits and .,+@=_-"
    )


def check_arn(value: object, what: str) -> str:
    """An ARN: ``arn:`` and 20 to 2,048 characters."""
    arn = check_text(value, what, _MAX_ARN)
    if len(arn) < _MIN_ARN or not arn.startswith("arn:"):
        raise InvalidArgumentError(f"{what} must be an ARN (arn:aws:iam::...): {arn!r}")
    return arn


def check_access_key_id(value: object, what: str = "key_id") -> str:
    """An access key id: 16 to 128 letters and digits (AKIA...)."""
    key_id = check_text(value, what, 128)
    if not _ACCESS_KEY_ID.fullmatch(key_id):
        raise InvalidArgumentError(f"{what} must be an access key id (like AKIA...): {key_id!r}")
    return key_id


def check_tags(tags: Mapping[str, str] | None) -> Tags:
    """Tags for a user, role or policy: the shared tag rules (at most 50 of them among those)."""
    return _tags.validate(tags)
