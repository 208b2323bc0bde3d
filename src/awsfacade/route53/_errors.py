"""The error of a set of change batches that stopped part of the way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade.errors import PartialFailureError

if TYPE_CHECKING:
    from awsfacade.errors import AwsError
    from awsfacade.route53._models import RecordChange

__all__ = ["ChangeBatchError"]


class ChangeBatchError(PartialFailureError):
    """``change_records`` sent some change batches, then one failed: nothing is lost in silence.

    `done`/`not_done` name the changes of `applied` and `not_applied` as text
    (``"UPSERT www.example.com. A"``); `error` is the AWS error that stopped the run, its
    message as AWS sent it (``InvalidChangeBatch`` lists every problem of the batch).
    """

    applied: tuple[RecordChange, ...]
    """The changes of the batches Route53 accepted, in the order given."""
    not_applied: tuple[RecordChange, ...]
    """The changes of the failed batch and of every later one, in the order given."""
    change_ids: tuple[str, ...]
    """The change ids of the batches Route53 accepted, for
    [`wait_until_change_in_sync`][awsfacade.route53.Route53Service.wait_until_change_in_sync]."""

    def __init__(
        self,
        operation: str,
        *,
        applied: tuple[RecordChange, ...],
        not_applied: tuple[RecordChange, ...],
        change_ids: tuple[str, ...],
        error: AwsError,
    ) -> None:
        self.applied = tuple(applied)
        self.not_applied = tuple(not_applied)
        self.change_ids = tuple(change_ids)
        super().__init__(
            operation,
            done=tuple(str(change) for change in self.applied),
            not_done=tuple(str(change) for change in self.not_applied),
            error=error,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (self.operation, self.applied, self.not_applied, self.change_ids, self.error),
        )


def _rebuild(
    operation: str,
    applied: tuple[RecordChange, ...],
    not_applied: tuple[RecordChange, ...],
    change_ids: tuple[str, ...],
    error: AwsError,
) -> ChangeBatchError:
    return ChangeBatchError(
        operation,
        applied=applied,
        not_applied=not_applied,
        change_ids=change_ids,
        error=error,
    )
