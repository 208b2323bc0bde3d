"""Checks of what users pass to RdsService, from the constraints RDS's API reference (and
botocore's ``service-2.json``) documents; each runs before any request and raises
InvalidArgumentError naming the argument.

A password is never quoted: its errors say which rule failed, not what was passed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from awsfacade import _tags
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from awsfacade._tags import Tags

__all__ = [
    "MAX_TAGS",
    "check_identifier",
    "check_instance_ref",
    "check_master_password",
    "check_master_username",
    "check_snapshot_identifier",
    "check_subnet_group_name",
    "check_tags",
]

#: TagList: at most 50 tags on an RDS resource.
MAX_TAGS: Final = _tags.MAX_TAGS
#: DBInstanceIdentifier: 1 to 63; FinalDBSnapshotIdentifier: 1 to 255.
INSTANCE_IDENTIFIER: Final = 63
SNAPSHOT_IDENTIFIER: Final = 255
SUBNET_GROUP_NAME: Final = 255
MIN_PASSWORD: Final = 8

# A letter, then letters, digits and single hyphens, not ending in one.
_IDENTIFIER = re.compile(r"[A-Za-z](?:-?[A-Za-z0-9])*")
_ARN = re.compile(r"arn:[\w-]+:rds:[\w-]+:\d{12}:db:.+", re.ASCII)
_SUBNET_GROUP = re.compile(r"[A-Za-z][A-Za-z0-9._ -]*")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,15}")
# Printable ASCII but space (checked first), and never "/", '"' or "@".
_PASSWORD_FORBIDDEN = frozenset('/"@')
_ORACLE_FORBIDDEN = frozenset("&'")
#: The longest master password each engine takes (by engine name prefix); any other: 255.
_PASSWORD_LIMITS: Final = (
    ("aurora-mysql", 41),
    ("aurora-postgresql", 128),
    ("mysql", 41),
    ("mariadb", 41),
    ("oracle", 30),
    ("custom-oracle", 30),
    ("sqlserver", 128),
    ("custom-sqlserver", 128),
    ("postgres", 128),
    ("db2", 255),
)
_MAX_PASSWORD: Final = 255


def _check_pattern(text: str, what: str, limit: int) -> str:
    if len(text) > limit or not _IDENTIFIER.fullmatch(text):
        raise InvalidArgumentError(
            f"{what} must be 1 to {limit} letters, digits or hyphens, start with a letter, "
            f"hold no two hyphens in a row and not end in one: {text!r}"
        )
    return text


def check_identifier(value: str, what: str = "identifier") -> str:
    """A DB instance identifier (``DBInstanceIdentifier``'s constraints)."""
    return _check_pattern(value, what, INSTANCE_IDENTIFIER)


def check_instance_ref(value: str, what: str = "identifier") -> str:
    """A DB instance identifier, or its ARN (``DescribeDBInstances`` takes either)."""
    if value.startswith("arn:"):
        if not _ARN.fullmatch(value):
            raise InvalidArgumentError(f"{what} is not a DB instance ARN: {value!r}")
        return value
    return check_identifier(value, what)


def check_snapshot_identifier(value: str, what: str = "final_snapshot_identifier") -> str:
    """A DB snapshot identifier (``FinalDBSnapshotIdentifier``'s constraints)."""
    return _check_pattern(value, what, SNAPSHOT_IDENTIFIER)


def check_subnet_group_name(name: str, what: str = "name", *, creating: bool = False) -> str:
    """A DB subnet group name: at most 255 letters, digits, periods, underscores, spaces or
    hyphens, starting with a letter; a new one must not be ``default`` (AWS's own)."""
    if len(name) > SUBNET_GROUP_NAME or not _SUBNET_GROUP.fullmatch(name):
        raise InvalidArgumentError(
            f"{what} must be 1 to {SUBNET_GROUP_NAME} letters, digits, periods, underscores, "
            f"spaces or hyphens, starting with a letter: {name!r}"
        )
    if creating and name.lower() == "default":
        raise InvalidArgumentError(f"{what} must not be 'default': AWS reserves it")
    return name


def check_master_username(name: str) -> str:
    """A master user name: 1 to 16 letters, digits or underscores, starting with a letter."""
    if not _USERNAME.fullmatch(name):
        raise InvalidArgumentError(
            "master_username must be 1 to 16 letters, digits or underscores, starting with a "
            f"letter: {name!r}"
        )
    return name


def check_master_password(value: str, engine: str) -> str:
    """A master password within ``engine``'s length limit, of printable ASCII characters but
    space, ``/``, ``"`` and ``@`` (and, for Oracle, ``&`` and ``'``).

    The messages say which rule failed and never quote the password.
    """
    limit = next(
        (limit for prefix, limit in _PASSWORD_LIMITS if engine.startswith(prefix)), _MAX_PASSWORD
    )
    if not MIN_PASSWORD <= len(value) <= limit:
        raise InvalidArgumentError(
            f"master_password must be {MIN_PASSWORD} to {limit} characters long for "
            f"{engine!r} (it has {len(value)})"
        )
    if not all("\x21" <= char <= "\x7e" for char in value):
        raise InvalidArgumentError(
            "master_password may hold only printable ASCII characters, and no spaces"
        )
    if any(char in _PASSWORD_FORBIDDEN for char in value):
        raise InvalidArgumentError('master_password must not contain "/", \'"\' or "@"')
    if "oracle" in engine and any(char in _ORACLE_FORBIDDEN for char in value):
        raise InvalidArgumentError('master_password must not contain "&" or "\'" for Oracle')
    return value


def check_tags(tags: Mapping[str, str] | None) -> Tags:
    """Tags checked by the shared rules (at most `MAX_TAGS` of them among those)."""
    return _tags.validate(tags)
