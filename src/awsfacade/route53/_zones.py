"""Route53Service's hosted zones: create, list, find by name, read, delete (also by force)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._paging import not_asked_before, only
from awsfacade._progress import Reporter
from awsfacade._validate import check_id
from awsfacade.errors import (
    AlreadyExistsError,
    AmbiguousError,
    AwsError,
    InvalidArgumentError,
    NotFoundError,
    PartialFailureError,
)
from awsfacade.route53._base import ZONES_PAGE_SIZE, Route53Base
from awsfacade.route53._checks import check_name, check_zone_id, encode_name, same_name
from awsfacade.route53._models import ChangeBatchError, HostedZone, RecordChange, is_region

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from mypy_boto3_route53.type_defs import (
        CreateHostedZoneRequestTypeDef,
        ListHostedZonesByNameRequestTypeDef,
        ListHostedZonesByNameResponseTypeDef,
    )

    from awsfacade._paging import PageConfig
    from awsfacade.progress import ProgressCallback

__all__ = ["Route53ZonesMixin"]


class Route53ZonesMixin(Route53Base):
    """Hosted zones (a forced delete uses the records' listing and change batches)."""

    __slots__ = ()

    @request(
        "CreateHostedZone",
        name="Name",
        caller_reference="CallerReference",
        comment="HostedZoneConfig.Comment",
        vpc_id="VPC.VPCId",
    )
    def create_hosted_zone(
        self,
        name: str,
        *,
        comment: str | None = None,
        caller_reference: str | None = None,
        private: bool = False,
        vpc_id: str | None = None,
        vpc_region: str | None = None,
    ) -> HostedZone:
        """Create a public hosted zone, or a private one for a VPC, and return it.

        The zone is built from CreateHostedZone's own answer, so no read-back can miss it
        under eventual consistency.

        Args:
            name: The zone's domain name (``example.com``, trailing dot or not); give an
                internationalized name in Punycode (``"中国.asia".encode("idna")``).
            comment: The zone's comment, up to 256 characters.
            caller_reference: Makes the request idempotent: a retry with the same one does
                not create a second zone (AWS answers ``HostedZoneAlreadyExists``, and the
                zone made by the first is returned). A fresh UUID if not given, which
                botocore's own retries reuse.
            private: Make a private zone, for the VPC `vpc_id` in `vpc_region`.
            vpc_id: The VPC of a private zone (required with `private`, refused without).
            vpc_region: The VPC's region (required with `private`: Route53 is global, the
                VPC is not).

        Returns:
            The new zone, with its name servers for a public zone.

        Raises:
            AlreadyExistsError: `caller_reference` made another zone before
                (``HostedZoneAlreadyExists``), or a zone conflicting with this one exists
                (``ConflictingDomainExists``).
            LimitExceededError: The account's quota of hosted zones is used up.
            InvalidRequestError: Route53 refused the name or the settings.
            InvalidArgumentError: `private` without `vpc_id` and `vpc_region` (or they
                without it), a malformed name or region, a character beyond one byte in
                the name; nothing was sent.
        """
        zone_name = check_name(name)
        request: CreateHostedZoneRequestTypeDef = {
            "Name": encode_name(zone_name),
            "CallerReference": str(uuid.uuid4())
            if caller_reference is None
            else check_id(caller_reference, "caller_reference"),
        }
        if comment is not None or private:
            request["HostedZoneConfig"] = {"PrivateZone": private}
            if comment is not None:
                request["HostedZoneConfig"]["Comment"] = check_id(comment, "comment")
        if private:
            if vpc_id is None or vpc_region is None:
                raise InvalidArgumentError("a private hosted zone needs vpc_id and vpc_region")
            if not is_region(vpc_region):
                raise InvalidArgumentError(
                    f"vpc_region must be an AWS region like 'eu-west-1', not {vpc_region!r}"
                )
            request["VPC"] = {"VPCId": check_id(vpc_id, "vpc_id"), "VPCRegion": vpc_region}
        elif vpc_id is not None or vpc_region is not None:
            raise InvalidArgumentError("vpc_id and vpc_region are for private=True zones")
        try:
            with self._translate():
                response = self._client.create_hosted_zone(**request)
        except AlreadyExistsError as error:
            made = self._made_by(error, request["CallerReference"], zone_name)
            if made is None:
                raise
            return made
        return HostedZone._from_boto(
            sent(response.get("HostedZone"), "HostedZone", "CreateHostedZone"),
            response.get("DelegationSet"),
        )

    def _made_by(self, error: AlreadyExistsError, reference: str, name: str) -> HostedZone | None:
        """The zone an earlier CreateHostedZone of ``reference`` made, if ``error`` is Route53
        saying there is one: botocore retrying after a lost answer (or the caller sending the
        request again) gets HostedZoneAlreadyExists, and that zone is this request's outcome.
        ``None`` (Route53's error stands) if there is none or it cannot be looked up."""
        if error.code != "HostedZoneAlreadyExists":
            return None
        try:
            for zone in self.hosted_zones(name=name):
                if zone.caller_reference == reference:
                    return self.hosted_zone(zone.id)
        except AwsError:
            return None
        return None

    @request("ListHostedZonesByName", name="DNSName")
    def hosted_zones(self, *, name: str | None = None) -> Iterator[HostedZone]:
        """List every hosted zone, or the zones of one name.

        Args:
            name: Only the zones of that name (public and private zones may share one),
                from ListHostedZonesByName.

        Returns:
            A lazy iterator of the zones (without name servers), read page by page as you
                iterate.

        Raises:
            InvalidArgumentError: `name` is not a DNS name; nothing was sent.
        """
        if name is None:
            paginator = self._client.get_paginator("list_hosted_zones")
            return self._list(
                lambda config: paginator.paginate(PaginationConfig=config),
                lambda page: page.get("HostedZones", []),
                HostedZone._from_boto,
                page_size=ZONES_PAGE_SIZE,
            )
        zone_name = check_name(name)
        # ListHostedZonesByName lists from that name onwards, in order: stop once past it.
        return itertools.takewhile(
            lambda zone: same_name(zone.name, zone_name),
            self._list(
                self._zones_by_name(zone_name),
                lambda page: page.get("HostedZones", []),
                HostedZone._from_boto,
                page_size=ZONES_PAGE_SIZE,
            ),
        )

    def _zones_by_name(
        self, name: str
    ) -> Callable[[PageConfig], Iterator[ListHostedZonesByNameResponseTypeDef]]:
        """The pages of ListHostedZonesByName from ``name`` (botocore has no paginator for it:
        the next page starts at NextDNSName and NextHostedZoneId)."""

        def pages(config: PageConfig) -> Iterator[ListHostedZonesByNameResponseTypeDef]:
            # As Route53 lists the name (lower case, escaped: its DNS domain name format page).
            request: ListHostedZonesByNameRequestTypeDef = {"DNSName": encode_name(name)}
            request["MaxItems"] = str(config.get("PageSize", ZONES_PAGE_SIZE))
            asked: set[tuple[str, str]] = set()
            while True:
                page = self._client.list_hosted_zones_by_name(**request)
                yield page
                next_name = page.get("NextDNSName")
                next_id = page.get("NextHostedZoneId")
                if not page.get("IsTruncated") or not next_name or not next_id:
                    return
                not_asked_before(
                    asked,
                    (next_name, next_id),
                    f"ListHostedZonesByName named the page from {next_name} ({next_id})",
                )
                request = request | {"DNSName": next_name, "HostedZoneId": next_id}

        return pages

    @request("ListHostedZonesByName", name="DNSName")
    def find_hosted_zone(self, name: str, *, private: bool | None = None) -> HostedZone:
        """The one hosted zone named `name`.

        Args:
            private: True or False: the one private or public zone of that name; `None`:
                either.

        Returns:
            The zone, as listed (without name servers).

        Raises:
            NotFoundError: No zone matches.
            AmbiguousError: Several zones match (list them with ``hosted_zones(name=...)``).
            InvalidArgumentError: `name` is not a DNS name; nothing was sent.
        """
        zone_name = check_name(name)
        found = [
            zone
            for zone in self.hosted_zones(name=zone_name)
            if private is None or zone.private == private
        ]
        if len(found) > 1:
            raise AmbiguousError(
                f"{len(found)} hosted zones are named {zone_name} "
                f"({', '.join(zone.id for zone in found)}): pass private=True or False, or "
                "pick one from hosted_zones(name=...)"
            )
        return only(
            iter(found),
            NotFoundError(
                code="NoSuchHostedZone",
                message=f"No hosted zone found with name: {zone_name}",
                operation="ListHostedZonesByName",
            ),
        )

    def hosted_zone(self, zone_id: str) -> HostedZone:
        """One hosted zone by id (with or without ``/hostedzone/``).

        Returns:
            The zone, with its name servers for a public zone.

        Raises:
            NotFoundError: No zone has that id.
            InvalidArgumentError: `zone_id` is not a zone id; nothing was sent.
        """
        zone = check_zone_id(zone_id)
        with self._translate():
            response = self._client.get_hosted_zone(Id=zone)
        return HostedZone._from_boto(
            sent(response.get("HostedZone"), "HostedZone", "GetHostedZone"),
            response.get("DelegationSet"),
        )

    def delete_hosted_zone(
        self,
        zone_id: str,
        *,
        force: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        """Delete a hosted zone.

        Args:
            zone_id: The zone's id, with or without ``/hostedzone/``.
            force: First delete every record but the zone's own SOA and NS, in as few change
                batches as Route53 allows.
            on_progress: Called with a [Progress][awsfacade.progress.Progress] after each
                change batch of a forced delete (the records deleted of all, the zone
                counting as one more) and once the zone is deleted.

        Raises:
            NotFoundError: No zone has that id.
            InUseError: The zone holds records other than its own SOA and NS, and `force`
                is False.
            PartialFailureError: With `force`, the run stopped part of the way: it names the
                records deleted (`done`) and those left with the zone (`not_done`, the zone
                last).
            InvalidArgumentError: `zone_id` is not a zone id; nothing was sent.
        """
        zone = check_zone_id(zone_id)
        report = Reporter(on_progress)
        deleted: Sequence[RecordChange] = ()
        total = 1
        if force:
            apex = self.hosted_zone(zone).name
            doomed = [
                RecordChange(action="DELETE", record=record)
                for record in self.records(zone)
                if not (record.type in {"SOA", "NS"} and same_name(record.name, apex))
            ]
            total += len(doomed)
            try:
                self.change_records(
                    zone,
                    doomed,
                    on_progress=(lambda step: report(step.done, total, step.message))
                    if report.active
                    else None,
                )
            except AwsError as error:
                applied = error.applied if isinstance(error, ChangeBatchError) else ()
                left = doomed[len(applied) :]
                raise PartialFailureError(
                    "DeleteHostedZone",
                    done=tuple(str(change) for change in applied),
                    not_done=(*(str(change) for change in left), f"hosted zone {zone}"),
                    error=error.error if isinstance(error, ChangeBatchError) else error,
                ) from error
            deleted = doomed
        try:
            with self._translate():
                self._client.delete_hosted_zone(Id=zone)
        except AwsError as error:
            if not deleted:
                raise
            raise PartialFailureError(
                "DeleteHostedZone",
                done=tuple(str(change) for change in deleted),
                not_done=(f"hosted zone {zone}",),
                error=error,
            ) from error
        report(total, total, f"deleted hosted zone {zone}")
