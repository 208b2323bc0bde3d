"""The public boundary's own rules (awsfacade._boundary): how botocore's model constraints are
read. What each method refuses is tested for every method by tests/reliability/test_bad_input.py,
from the same model."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from botocore.model import StringShape

from awsfacade._boundary import _shape_check  # pyright: ignore[reportPrivateUsage] - the rule under test
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from awsfacade.iam import IamService


def _string_check(**constraints: object) -> Callable[[object], None]:
    """The check of an argument named ``what`` against a string shape with ``constraints``."""
    return _shape_check("what", StringShape("S", {"type": "string", **constraints}))


def test_a_pattern_reads_word_characters_as_java_does(iam_service: IamService) -> None:
    """IAM's name pattern ``[\\w+=,.@-]+`` is a Java one: ``\\w`` is ASCII there, so a name
    with a letter outside ASCII is refused here, as AWS refuses it."""
    with pytest.raises(InvalidArgumentError, match="name"):
        iam_service.create_user("bjørn")


def test_a_pattern_with_code_points_beyond_four_digits_is_read_whole() -> None:
    """Java's ``\\u10000-\\u10FFFF`` (five and six hex digits) is a code point range, not
    ``\\u1000`` followed by ``0``: a character from it passes, one outside is refused."""
    check = _string_check(pattern="[\\u0020-\\u007E\\u10000-\\u10FFFF]+")

    check("ascii and \U0001f600")
    with pytest.raises(InvalidArgumentError, match="what"):
        check("tab\there")


def test_a_pattern_python_cannot_read_is_left_to_aws() -> None:
    """``\\p{L}`` has no meaning in Python's ``re``: that pattern is not checked (AWS checks
    it), while the shape's lengths still are."""
    check = _string_check(pattern="[\\p{L}]+", max=3)

    check("1 2")
    with pytest.raises(InvalidArgumentError, match="at most 3"):
        check("abcd")


def test_a_secret_is_never_quoted() -> None:
    """A member the model marks sensitive is named, its value never shown."""
    check = _string_check(min=8, sensitive=True)

    with pytest.raises(InvalidArgumentError, match="what") as raised:
        check("hunter2")

    assert "hunter2" not in str(raised.value)
