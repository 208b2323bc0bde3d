"""Route53Service's record sets: list them lazily, change them in batches, wait for a change.

Changes go in as few ChangeResourceRecordSets requests as Route53's quotas on one request allow
("Quotas on ChangeResourceRecordSets" in its developer guide): at most 1,000 ``ResourceRecord``
elements and at most 32,000 characters in all ``Value`` elements, an UPSERT counting twice for
both. Changes are packed greedily in order. An alias record has no ``ResourceRecord`` element;
it counts as one here, so that a batch of alias changes stays bounded too (splitting early
never loses anything).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

from botocore.paginate import TokenEncoder

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import only
from awsfacade._progress import Reporter
from awsfacade._validate import check_type
from awsfacade._waiting import Seen, wait_for_path
from awsfacade.errors import AwsError, InvalidArgumentError, NotFoundError
from awsfacade.route53._base import Route53Base
from awsfacade.route53._checks import (
    bare_change_id,
    check_change_id,
    check_name,
    check_zone_id,
    encode_name,
    same_name,
)
from awsfacade.route53._models import (
    Change,
    ChangeAction,
    ChangeBatchError,
    RecordChange,
    RecordSet,
    RecordType,
)

__all__ = ["MAX_CHARACTERS", "MAX_RECORDS", "Route53RecordsMixin", "batches", "cost"]

if TYPE_CHECKING:
    from mypy_boto3_route53.type_defs import GetChangeResponseTypeDef

    from awsfacade.progress import ProgressCallback

__all__ = ["Route53RecordsMixin"]


class Route53RecordsMixin(Route53Base):
    """Record sets and their changes."""

    __slots__ = ()

    @request("ListResourceRecordSets", name="StartRecordName")
    def records(
        self, zone_id: str, *, name: str | None = None, type: RecordType | None = None
    ) -> Iterator[RecordSet]:
        """List the zone's record sets, in Route53's order.

        With `name`, Route53 lists from there onwards (StartRecordName, StartRecordType),
        and the listing stops at the first record past them. botocore's paginator carries
        the three-part token (name, type and set identifier) from page to page.

        Args:
            zone_id: The zone's id, with or without ``/hostedzone/``.
            name: Only the record sets of that name: decoded (a record's `name`,
                ``*.example.com``) or as Route53 lists it (its `escaped_name`,
                ``\\052.example.com.``).
            type: With `name`, only the record sets of that type too.

        Returns:
            A lazy iterator of the record sets, read page by page (300 a request) as you
                iterate.

        Raises:
            NotFoundError: No zone has that id (raised when iterating starts).
            InvalidArgumentError: `type` without `name`, an unknown `type`, or a malformed
                `zone_id` or `name`; nothing was sent.
        """
        zone = check_zone_id(zone_id)
        start: dict[str, str] = {}
        if name is not None:
            # As Route53 lists the name (lower case, escaped): either form of it is taken.
            start["StartRecordName"] = encode_name(check_name(name))
        if type is not None:
            if name is None:
                raise InvalidArgumentError("type needs a name: Route53 lists from a name")
            start["StartRecordType"] = type
        token = TokenEncoder().encode(start) if start else None
        paginator = self._client.get_paginator("list_resource_record_sets")

        listed = self._list(
            lambda config: paginator.paginate(
                HostedZoneId=zone,
                PaginationConfig=config if token is None else config | {"StartingToken": token},
            ),
            lambda page: page.get("ResourceRecordSets", []),
            RecordSet._from_boto,
        )
        if name is None:
            return listed
        return itertools.takewhile(
            lambda record: same_name(record.name, name) and (type is None or record.type == type),
            listed,
        )

    def create_record(self, zone_id: str, record: RecordSet) -> str:
        """Create a record set.

        If the answer is lost and botocore's retry is refused because the record set exists
        (``InvalidChangeBatch``), it is read: if it is the one sent, an UPSERT of it, which
        changes nothing, gives a change id to wait for (the lost one cannot be asked for).

        Returns:
            The change id, for
                [`wait_until_change_in_sync`][Route53Service.wait_until_change_in_sync].

        Raises:
            InvalidRequestError: The record set exists (``InvalidChangeBatch``), or Route53
                refused it.
            NotFoundError: No zone has that id.
            InvalidArgumentError: `record` is not a [`RecordSet`][awsfacade.route53.RecordSet]
                or `zone_id` not a zone id; nothing was sent.
        """
        zone = check_zone_id(zone_id)

        def unnamed(one: RecordSet) -> dict[str, object]:
            return {key: value for key, value in one._to_boto().items() if key != "Name"}

        def find(_: object) -> str | None:
            listed = only(
                (
                    found
                    for found in self.records(zone, name=record.name, type=record.type)
                    if found.set_identifier == record.set_identifier
                ),
                NotFoundError(
                    code="NoSuchRecordSet",
                    message=f"No record set {record.label} in {zone}",
                    operation="ListResourceRecordSets",
                ),
            )
            if unnamed(listed) != unnamed(record):
                return None
            return self._change_one(zone, "UPSERT", record)

        return create_unique(
            lambda: self._change_one(zone, "CREATE", record),
            operation="ChangeResourceRecordSets",
            find=find,
            exists=("InvalidChangeBatch",),
        )

    def upsert_record(self, zone_id: str, record: RecordSet) -> str:
        """Create a record set or replace the one with its name, type (and set identifier).

        Returns:
            The change id, for
                [`wait_until_change_in_sync`][Route53Service.wait_until_change_in_sync].

        Raises:
            InvalidRequestError: Route53 refused the record (``InvalidChangeBatch``).
            NotFoundError: No zone has that id.
            InvalidArgumentError: `record` is not a [`RecordSet`][awsfacade.route53.RecordSet]
                or `zone_id` not a zone id; nothing was sent.
        """
        return self._change_one(zone_id, "UPSERT", record)

    def delete_record(self, zone_id: str, record: RecordSet) -> str:
        """Delete a record set.

        Args:
            record: The record set exactly as it is, values and TTL too, as ``records()``
                returns it: its `escaped_name` is the name sent.

        Returns:
            The change id, for
                [`wait_until_change_in_sync`][Route53Service.wait_until_change_in_sync].

        Raises:
            InvalidRequestError: No record set is exactly as given (``InvalidChangeBatch``).
            NotFoundError: No zone has that id.
            InvalidArgumentError: `record` is not a [`RecordSet`][awsfacade.route53.RecordSet]
                or `zone_id` not a zone id; nothing was sent.
        """
        return self._change_one(zone_id, "DELETE", record)

    def _change_one(self, zone_id: str, action: ChangeAction, record: RecordSet) -> str:
        zone = check_zone_id(zone_id)
        (batch,) = batches([RecordChange(action=action, record=record)])
        return self._send(zone, batch)

    def change_records(
        self,
        zone_id: str,
        changes: Iterable[RecordChange],
        *,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Apply `changes` in order, in as few change batches as Route53's quotas allow.

        The quotas are 1,000 values and 32,000 characters a request, an UPSERT counting
        twice. Each batch is all-or-nothing. Every change is checked before the first
        request; no changes send nothing.

        Args:
            zone_id: The zone's id, with or without ``/hostedzone/``.
            changes: The changes, in the order to apply them.
            on_progress: Called after each batch Route53 accepted with a
                [Progress][awsfacade.progress.Progress]: the changes applied of all
                (`"applied 1000 of 1500 changes (batch 1 of 2)"`). If it raises, no
                further batch is sent and its exception propagates.

        Returns:
            The change id of each batch, in order, for
                [`wait_until_change_in_sync`][Route53Service.wait_until_change_in_sync].

        Raises:
            InvalidRequestError: The first batch failed (nothing was applied): its AWS error
                (an ``InvalidChangeBatch`` lists every problem of the batch).
            NotFoundError: No zone has that id.
            ChangeBatchError: A later batch failed: it says which changes were applied and
                which were not.
            InvalidArgumentError: `changes` is not a list of
                [`RecordChange`][awsfacade.route53.RecordChange] objects, or one change is
                larger than one request allows; nothing was sent.
        """
        zone = check_zone_id(zone_id)
        # An iterator's items are not checked by the boundary (that would consume it): here.
        checked = [check_type(change, RecordChange, "changes") for change in changes]
        report = Reporter(on_progress)
        groups = batches(checked)
        change_ids: list[str] = []
        applied = 0
        for number, group in enumerate(groups, 1):
            try:
                change_ids.append(self._send(zone, group))
            except AwsError as error:
                if not change_ids:
                    raise
                raise ChangeBatchError(
                    "ChangeResourceRecordSets",
                    applied=tuple(checked[:applied]),
                    not_applied=tuple(checked[applied:]),
                    change_ids=tuple(change_ids),
                    error=error,
                ) from error
            applied += len(group)
            report(
                applied,
                len(checked),
                f"applied {applied} of {len(checked)} changes (batch {number} of {len(groups)})",
            )
        return change_ids

    def _send(self, zone: str, changes: list[RecordChange]) -> str:
        """One ChangeResourceRecordSets request; its change id, without ``/change/``."""
        with self._translate():
            response = self._client.change_resource_record_sets(
                HostedZoneId=zone,
                ChangeBatch={"Changes": [change._to_boto() for change in changes]},
            )
        info = sent(response.get("ChangeInfo"), "ChangeInfo", "ChangeResourceRecordSets")
        return bare_change_id(sent(info.get("Id"), "ChangeInfo.Id", "ChangeResourceRecordSets"))

    def wait_until_change_in_sync(
        self,
        change_id: str,
        *,
        timeout: float = 600,
        poll_interval: float = 10,
        on_progress: ProgressCallback | None = None,
    ) -> Change:
        """Wait until a change is ``INSYNC`` (every Route53 DNS server answers with it) and
        return it as it is then.

        Polls GetChange at once, then every `poll_interval` seconds, matching each answer
        with botocore's waiter acceptors; the last sleep ends at `timeout`, never past it.

        Args:
            change_id: A change id, with or without ``/change/``, as
                [`change_records`][Route53Service.change_records] and the other changing
                methods return it.
            timeout: The most seconds to wait: 600 by default (Route53 usually syncs a
                change within 60).
            poll_interval: Seconds between two looks: 10 by default.
            on_progress: Called after each look with a
                [Progress][awsfacade.progress.Progress]: the status seen (`"PENDING"`),
                0 of 1 done until it is `"INSYNC"`.

        Returns:
            The change as the look that found it ``INSYNC`` describes it.

        Raises:
            WaitTimeoutError: The change was not ``INSYNC`` after `timeout` seconds.
            NotFoundError: Route53 does not know the change id.
            InvalidArgumentError: `timeout` or `poll_interval` is not a positive number, or
                `change_id` is malformed; nothing was sent.
        """
        change = check_change_id(change_id)
        answer = wait_for_path(
            lambda: self._client.get_change(Id=change),
            operation="GetChange",
            path="ChangeInfo.Status",
            expected="INSYNC",
            matcher="path",
            seen=_change_seen,
            not_found=["NoSuchChange"],
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            description=f"change {change} to be INSYNC",
            codes=self._error_codes,
        )
        return Change._from_boto(sent(answer.get("ChangeInfo"), "ChangeInfo", "GetChange"))


def _change_seen(answer: GetChangeResponseTypeDef | None) -> Seen:
    """The status a GetChange answer shows, 1 of 1 done once ``INSYNC``."""
    status = "no such change" if answer is None else answer.get("ChangeInfo", {}).get("Status")
    return Seen(int(status == "INSYNC"), 1, str(status))


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
