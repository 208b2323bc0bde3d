"""RdsService's DB subnet groups: the subnets of one VPC that DB instances are placed in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import only
from awsfacade._validate import check_id, check_ids
from awsfacade.errors import NotFoundError
from awsfacade.rds._base import RdsBase
from awsfacade.rds._checks import check_subnet_group_name
from awsfacade.rds._models import DbSubnetGroup

if TYPE_CHECKING:
    from mypy_boto3_rds.type_defs import DescribeDBSubnetGroupsMessagePaginateTypeDef

__all__ = ["RdsSubnetGroupsMixin"]


class RdsSubnetGroupsMixin(RdsBase):
    """DB subnet groups."""

    __slots__ = ()

    def create_subnet_group(
        self, name: str, *, subnet_ids: Sequence[str], description: str
    ) -> DbSubnetGroup:
        """Create a DB subnet group of subnets in one VPC and return it, built from AWS's
        answer (no read-back).

        If that answer is lost and botocore's retry meets `DBSubnetGroupAlreadyExists`, the
        group is read: returned if its description and subnets are the ones sent.

        Args:
            name: The new group's name: at most 255 letters, digits, periods, underscores,
                spaces or hyphens, starting with a letter; not `default` (AWS's own).
            subnet_ids: The subnets, at least one, all of one VPC; AWS wants them in at
                least two availability zones.
            description: What the group is for (AWS requires one).

        Returns:
            The new group as `CreateDBSubnetGroup` reports it.

        Raises:
            InvalidArgumentError: `name` breaks the rules above, `subnet_ids` is empty, or
                `description` is empty; nothing was sent.
            AlreadyExistsError: A group of that name exists already
                (`DBSubnetGroupAlreadyExists`; moto replaces the group instead).
            InvalidRequestError: The subnets do not cover two availability zones
                (`DBSubnetGroupDoesNotCoverEnoughAZs`), or AWS refuses them as subnets of
                one VPC.
        """
        # A name already taken is DBSubnetGroupAlreadyExists on AWS (moto replaces the group).
        checked_name = check_subnet_group_name(name, creating=True)
        ids = check_ids(subnet_ids, "subnet_ids")
        text = check_id(description, "description")

        def send() -> DbSubnetGroup:
            with self._translate():
                response = self._client.create_db_subnet_group(
                    DBSubnetGroupName=checked_name, DBSubnetGroupDescription=text, SubnetIds=ids
                )
            return DbSubnetGroup._from_boto(
                sent(response.get("DBSubnetGroup"), "DBSubnetGroup", "CreateDBSubnetGroup")
            )

        def find(_: object) -> DbSubnetGroup | None:
            group = self.subnet_group(checked_name)
            same = group.description == text and set(group.subnet_ids) == set(ids)
            return group if same else None

        return create_unique(send, operation="CreateDBSubnetGroup", find=find)

    def subnet_groups(self) -> Iterator[DbSubnetGroup]:
        """Every DB subnet group of the account in the service's region.

        Returns:
            A lazy iterator of DB subnet groups, read page by page (100 a page) as you
                iterate.
        """
        return self._subnet_groups({})

    def subnet_group(self, name: str) -> DbSubnetGroup:
        """One DB subnet group by name.

        Returns:
            The group as `DescribeDBSubnetGroups` reports it now.

        Raises:
            NotFoundError: There is no such group.
            InvalidArgumentError: `name` could not name a DB subnet group; nothing was sent.
        """
        checked_name = check_subnet_group_name(name)
        return only(
            self._subnet_groups({"DBSubnetGroupName": checked_name}),
            NotFoundError(
                code="DBSubnetGroupNotFoundFault",
                message=f"DB subnet group {checked_name} not found.",
                operation="DescribeDBSubnetGroups",
            ),
        )

    def delete_subnet_group(self, name: str) -> None:
        """Delete a DB subnet group.

        Raises:
            InUseError: A DB instance uses the group (AWS answers
                `InvalidDBSubnetGroupStateFault`; moto deletes it anyway).
            NotFoundError: There is no such group.
        """
        # AWS answers InvalidDBSubnetGroupStateFault for a group in use; moto deletes it.
        checked_name = check_subnet_group_name(name)
        with self._translate():
            self._client.delete_db_subnet_group(DBSubnetGroupName=checked_name)

    def _subnet_groups(
        self, request: DescribeDBSubnetGroupsMessagePaginateTypeDef
    ) -> Iterator[DbSubnetGroup]:
        paginator = self._client.get_paginator("describe_db_subnet_groups")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("DBSubnetGroups", []),
            DbSubnetGroup._from_boto,
        )
