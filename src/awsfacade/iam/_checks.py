"""Checks of what users pass to IamService that IAM's model in botocore does not state (its
names, paths, lengths and patterns are checked from the model: ``awsfacade._boundary``); each
runs before any request and raises InvalidArgumentError."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from awsfacade import _tags
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from awsfacade._tags import Tags

__all__ = ["MAX_TAGS", "check_arn", "check_tags"]

#: tagListType: at most 50 tags on a user, role or policy.
MAX_TAGS: Final = _tags.MAX_TAGS


def check_arn(value: str, what: str) -> str:
    """An ARN (``arn:...``): the model states only its length (20 to 2,048 characters)."""
    if not value.startswith("arn:"):
        raise InvalidArgumentError(f"{what} must be an ARN (arn:aws:iam::...): {value!r}")
    return value


def check_tags(tags: Mapping[str, str] | None) -> Tags:
    """Tags for a user, role or policy: the shared tag rules (at most 50 of them among those)."""
    return _tags.validate(tags)
