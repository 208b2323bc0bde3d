"""Splitting record changes into as few ChangeResourceRecordSets requests as Route53 allows.

Route53's quotas on one request ("Quotas on ChangeResourceRecordSets" in its developer
guide): at most 1,000 ``ResourceRecord`` elements and at most 32,000 characters in all
``Value`` elements, an UPSERT counting twice for both. Changes are packed greedily in order.
An alias record has no ``ResourceRecord`` element; it counts as one here, so that a batch of
alias changes stays bounded too (splitting early never loses anything).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from awsfacade.route53._models import RecordChange

__all__ = ["MAX_CHARACTERS", "MAX_RECORDS", "batches", "cost"]

#: The most ``ResourceRecord`` elements in one request (an UPSERT's count twice).
MAX_RECORDS: Final = 1000
#: The most characters in all ``Value`` elements of one request (an UPSERT's count twice).
MAX_CHARACTERS: Final = 32_000


def cost(change: RecordChange) -> tuple[int, int]:
    """What ``change`` counts against the two quotas: (records, characters)."""
    values = change.record.values
    factor = 2 if change.action == "UPSERT" else 1
    return factor * max(len(values), 1), factor * sum(len(value) for value in values)


def batches(changes: Sequence[RecordChange]) -> list[list[RecordChange]]:
    """``changes`` in order, in as few consecutive batches as the quotas allow.

    Raises InvalidArgumentError (before any request) for a change that could not fit in any
    request on its own.
    """
    result: list[list[RecordChange]] = []
    current: list[RecordChange] = []
    records = characters = 0
    for change in changes:
        change_records, change_characters = cost(change)
        if change_records > MAX_RECORDS or change_characters > MAX_CHARACTERS:
            raise InvalidArgumentError(
                f"{change} is larger than one Route53 request allows "
                f"({change_records} of {MAX_RECORDS} values, {change_characters} of "
                f"{MAX_CHARACTERS} characters; an UPSERT counts twice)"
            )
        if current and (
            records + change_records > MAX_RECORDS
            or characters + change_characters > MAX_CHARACTERS
        ):
            result.append(current)
            current, records, characters = [], 0, 0
        current.append(change)
        records += change_records
        characters += change_characters
    if current:
        result.append(current)
    return result
