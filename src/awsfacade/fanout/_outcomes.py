"""What ``fan_out`` yields for each target: a `Success` with the work's value, or a
`Failure` naming the stage that failed and the `AwsError`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Literal, TypeAlias, TypeVar

import attrs

if TYPE_CHECKING:
    from awsfacade.errors import AwsError
    from awsfacade.fanout._targets import Target

__all__ = ["Failure", "Outcome", "Stage", "Success"]

T = TypeVar("T")

Stage: TypeAlias = Literal["assume-role", "work"]
"""Where a target failed: `"assume-role"`, getting the account's credentials (the work never
ran), or `"work"`, the user's work."""


@attrs.frozen(kw_only=True)
class Success(Generic[T]):
    """The work ran for `target` and returned `value`."""

    target: Target
    """Where the work ran."""
    value: T
    """What the work returned."""


@attrs.frozen(kw_only=True)
class Failure:
    """The target failed at ``stage`` with ``error``; the other targets carry on.

    `stage` is `"assume-role"` when the account's role could not be assumed (the work
    never ran) and
    `"work"` when the work raised an [AwsError][awsfacade.errors.AwsError] (or a botocore
    exception, translated).
    """

    target: Target
    """Where the work was to run."""
    stage: Stage
    """`"assume-role"` (the work never ran) or `"work"` (the work raised)."""
    error: AwsError
    """The error that failed the target."""


# At run time the alias is built from the unbound T, which mypy sees as Any: that is the
# generic alias itself (Outcome[int] is Success[int] | Failure), not an Any value.
Outcome: TypeAlias = Success[T] | Failure  # type: ignore[misc]
"""One target's outcome, `Success[T] | Failure`: `match` it on `Success` and `Failure`."""
