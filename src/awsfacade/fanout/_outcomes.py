"""What ``fan_out`` yields for each target: a :class:`Success` with the work's value, or a
:class:`Failure` naming the stage that failed and the :class:`~awsfacade.errors.AwsError`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Literal, TypeAlias, TypeVar

import attrs

if TYPE_CHECKING:
    from awsfacade.errors import AwsError
    from awsfacade.fanout._targets import Target

__all__ = ["Failure", "Outcome", "Stage", "Success"]

T = TypeVar("T")

#: Where a target failed: getting the account's credentials, or the user's work.
Stage: TypeAlias = Literal["assume-role", "work"]


@attrs.frozen(kw_only=True)
class Success(Generic[T]):
    """The work ran for ``target`` and returned ``value``."""

    target: Target
    value: T


@attrs.frozen(kw_only=True)
class Failure:
    """The target failed at ``stage`` with ``error``; the other targets carry on.

    ``stage`` is ``"assume-role"`` when the account's role could not be assumed (the work
    never ran) and ``"work"`` when the work raised an :class:`AwsError`.
    """

    target: Target
    stage: Stage
    error: AwsError


#: One target's outcome: ``match`` it on :class:`Success` and :class:`Failure`.
# At run time the alias is built from the unbound T, which mypy sees as Any: that is the
# generic alias itself (Outcome[int] is Success[int] | Failure), not an Any value.
Outcome: TypeAlias = Success[T] | Failure  # type: ignore[misc]
