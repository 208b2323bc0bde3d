"""Ec2Service's networks: security groups and their rules, VPCs and subnets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from awsfacade import _tags
from awsfacade._consistency import read_after_create
from awsfacade._convert import sent
from awsfacade._create import create_counted, create_unique
from awsfacade._paging import only
from awsfacade._validate import check_id, check_text, optional_ids
from awsfacade.ec2._base import Ec2Base, ec2_filters, tag_specifications
from awsfacade.ec2._checks import check_block
from awsfacade.ec2._models import Rule, SecurityGroup, Subnet, Vpc
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        CreateSecurityGroupRequestTypeDef,
        CreateSubnetRequestTypeDef,
        DescribeSecurityGroupsRequestPaginateTypeDef,
        DescribeSubnetsRequestPaginateTypeDef,
        DescribeVpcsRequestPaginateTypeDef,
        FilterTypeDef,
        IpPermissionTypeDef,
    )

__all__ = ["Ec2NetworkMixin"]


class Ec2NetworkMixin(Ec2Base):
    """[Ec2Service][awsfacade.ec2.Ec2Service]'s security groups, VPCs and subnets."""

    __slots__ = ()

    # -- security groups -----------------------------------------------------------------

    def create_security_group(
        self,
        *,
        name: str,
        description: str,
        vpc_id: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> SecurityGroup:
        """Create a security group (in the default VPC unless `vpc_id`) and return it,
        with the egress rule AWS adds to every new group.

        AWS may not show a new group for a moment: the read is retried, and if the group is
        still not visible the model is built from what was created, so it is never lost.
        If AWS's answer to the create is lost and botocore's retry finds the group made
        already, that group (of this name, description and tags) is returned.

        Args:
            name: Up to 255 characters, not starting with `sg-`; unique in its VPC.
            description: Up to 255 characters.
            vpc_id: The VPC of the group (`None`: the default VPC).
            tags: Tags for the group.

        Returns:
            The new group, with its rules.

        Raises:
            AlreadyExistsError: The VPC has a group of that name already.
            NotFoundError: `vpc_id` does not exist.
            InvalidArgumentError: `name` or `description` is empty or too long, or `name`
                starts with `sg-`; nothing was sent.
        """
        check_text(name, "name", 255)
        if name.startswith("sg-"):
            raise InvalidArgumentError(f"security group names cannot start with 'sg-': {name!r}")
        check_text(description, "description", 255)
        checked_tags = _tags.validate(tags)
        request: CreateSecurityGroupRequestTypeDef = {"GroupName": name, "Description": description}
        if vpc_id is not None:
            request["VpcId"] = check_id(vpc_id, "vpc_id")
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "security-group")

        def send() -> SecurityGroup:
            with self._translate():
                response = self._client.create_security_group(**request)
            group_id = sent(response.get("GroupId"), "GroupId", "CreateSecurityGroup")

            def as_created() -> SecurityGroup:
                return SecurityGroup(
                    id=group_id,
                    name=name,
                    description=description,
                    vpc_id=vpc_id,
                    egress=(Rule(protocol="-1", cidrs=("0.0.0.0/0",)),),
                    tags=checked_tags,
                )

            return read_after_create(lambda: self.security_group(group_id), as_created)

        def find(_: object) -> SecurityGroup | None:
            group = self._group_named(name, vpc_id)
            same = group.description == description and group.tags == checked_tags
            return group if same else None

        return create_unique(send, operation="CreateSecurityGroup", find=find)

    def _group_named(self, name: str, vpc_id: str | None) -> SecurityGroup:
        """The security group `name` of the VPC `vpc_id`, else of the default VPC (where
        a group made with no VpcId is); `NotFoundError` if there is none."""
        not_found = NotFoundError(
            code="InvalidGroup.NotFound",
            message=f"The security group '{name}' does not exist",
            operation="DescribeSecurityGroups",
        )
        if vpc_id is not None:
            return only(self.security_groups(names=[name], vpc_id=vpc_id), not_found)
        # GroupNames (unlike the group-name filter) looks in the default VPC only.
        with self._translate():
            response = self._client.describe_security_groups(GroupNames=[name])
        return only(
            (SecurityGroup._from_boto(item) for item in response.get("SecurityGroups", [])),
            not_found,
        )

    def security_groups(
        self,
        *,
        ids: Sequence[str] | None = None,
        names: Sequence[str] | None = None,
        vpc_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[SecurityGroup]:
        """Security groups matching every criterion given, page by page.

        Nothing is sent until you iterate; `ids=[]` and `names=[]` match nothing, and no
        request is sent for them.

        Args:
            ids: Only these groups.
            names: Only groups of these names, in any VPC.
            vpc_id: Only groups of this VPC.
            tags: Only groups with these tags (each key with this value).
            filters: EC2 filters, each name to the values it accepts.

        Returns:
            A lazy iterator of the security groups, read page by page as you iterate.

        Raises:
            NotFoundError: One of `ids` does not exist (raised as you iterate).
            InvalidArgumentError: A criterion is not valid (one string given for a list);
                nothing was sent.
        """
        checked_ids = optional_ids(ids, "ids")
        checked_names = optional_ids(names, "names")
        request_filters = ec2_filters(filters, tags) + _vpc_filter(vpc_id)
        if checked_names:
            # The group-name filter works in every VPC; GroupNames only in the default one.
            request_filters.append({"Name": "group-name", "Values": checked_names})
        request: DescribeSecurityGroupsRequestPaginateTypeDef = {"Filters": request_filters}
        if checked_ids:
            request["GroupIds"] = checked_ids
        paginator = self._client.get_paginator("describe_security_groups")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("SecurityGroups", []),
            SecurityGroup._from_boto,
            ids=checked_ids,
            selectors=(checked_names,),
        )

    def security_group(self, group_id: str) -> SecurityGroup:
        """One security group by id.

        Returns:
            The group, with its rules.

        Raises:
            NotFoundError: No security group has that id.
            InvalidArgumentError: `group_id` is not a non-empty string; nothing was sent.
        """
        check_id(group_id, "group_id")
        return only(
            self.security_groups(ids=[group_id]),
            NotFoundError(
                code="InvalidGroup.NotFound",
                message=f"The security group '{group_id}' does not exist",
                operation="DescribeSecurityGroups",
            ),
        )

    def delete_security_group(self, group_id: str) -> None:
        """Delete a security group.

        Raises:
            InUseError: Anything still uses it (an instance, a network interface, another
                group's rule).
            NotFoundError: No security group has that id.
            InvalidArgumentError: `group_id` is not a non-empty string; nothing was sent.
        """
        check_id(group_id, "group_id")
        with self._translate():
            self._client.delete_security_group(GroupId=group_id)

    def authorize_ingress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Add inbound rules, all in one request: either every rule is added or none is.

        Raises:
            AlreadyExistsError: The group has one of the rules already.
            NotFoundError: The group, or a group a rule names, does not exist.
            InvalidArgumentError: `rules` holds no [Rule][], or a rule names no source;
                nothing was sent.
        """
        check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with self._translate():
            self._client.authorize_security_group_ingress(
                GroupId=group_id, IpPermissions=permissions
            )

    def authorize_egress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Add outbound rules (VPC groups), all in one request: all or none.

        Raises:
            AlreadyExistsError: The group has one of the rules already.
            NotFoundError: The group, or a group a rule names, does not exist.
            InvalidArgumentError: `rules` holds no [Rule][], or a rule names no source;
                nothing was sent.
        """
        check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with self._translate():
            self._client.authorize_security_group_egress(
                GroupId=group_id, IpPermissions=permissions
            )

    def revoke_ingress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Remove inbound rules, all in one request: all or none.

        The rules of [SecurityGroup.ingress][awsfacade.ec2.SecurityGroup.ingress] can be
        passed back as they are.

        Raises:
            NotFoundError: The group does not exist, or lacks one of the rules.
            InvalidArgumentError: `rules` holds no [Rule][], or a rule names no source;
                nothing was sent.
        """
        check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with self._translate():
            self._client.revoke_security_group_ingress(GroupId=group_id, IpPermissions=permissions)

    def revoke_egress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Remove outbound rules, all in one request: all or none.

        The rules of [SecurityGroup.egress][awsfacade.ec2.SecurityGroup.egress] can be
        passed back as they are.

        Raises:
            NotFoundError: The group does not exist, or lacks one of the rules.
            InvalidArgumentError: `rules` holds no [Rule][], or a rule names no source;
                nothing was sent.
        """
        check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with self._translate():
            self._client.revoke_security_group_egress(GroupId=group_id, IpPermissions=permissions)

    # -- VPCs and subnets ------------------------------------------------------------------

    def create_vpc(self, *, cidr_block: str, tags: Mapping[str, str] | None = None) -> Vpc:
        """Create a VPC with an IPv4 block from /16 to /28.

        CreateVpc has no idempotency token: a retry after a lost answer would make a second
        VPC. So the VPCs with that block and tags are listed first (one request), botocore
        does not send the create again once it may have been carried out, and then the one
        new VPC is returned; the error says whether it was carried out otherwise.
        Credentials allowed to create VPCs but not to list them still create one.

        Args:
            cidr_block: The VPC's primary IPv4 block, `/16` to `/28` (`"10.0.0.0/16"`).
            tags: Tags for the VPC.

        Returns:
            The new VPC, built from AWS's answer (`pending` or `available`).

        Raises:
            AmbiguousError: AWS's answer was lost and several VPCs of that block and tags
                appeared meanwhile, so which one this call made cannot be told.
            LimitExceededError: The region's VPC quota is used up.
            InvalidArgumentError: `cidr_block` is not an IPv4 block from /16 to /28, or a tag
                is not valid; nothing was sent.
        """
        block = check_block(cidr_block)
        checked_tags = _tags.validate(tags)

        def send() -> Vpc:
            with self._translate():
                response = self._client.create_vpc(
                    CidrBlock=block, TagSpecifications=tag_specifications(checked_tags, "vpc")
                )
            return Vpc._from_boto(sent(response.get("Vpc"), "Vpc", "CreateVpc"))

        return create_counted(
            send,
            operation="CreateVpc",
            matching=lambda: self.vpcs(filters={"cidr": [block]}, tags=checked_tags),
            key=lambda vpc: vpc.id,
            what=f"VPC with CIDR block {block}",
        )

    def vpcs(
        self,
        *,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Vpc]:
        """VPCs matching every criterion given, page by page.

        Nothing is sent until you iterate; `ids=[]` matches nothing, and no request is sent
        for it.

        Args:
            ids: Only these VPCs.
            tags: Only VPCs with these tags (each key with this value).
            filters: EC2 filters, each name to the values it accepts (`{"cidr": [...]}`).

        Returns:
            A lazy iterator of the VPCs, read page by page as you iterate.

        Raises:
            NotFoundError: One of `ids` does not exist (raised as you iterate).
            InvalidArgumentError: A criterion is not valid (one string given for a list);
                nothing was sent.
        """
        checked_ids = optional_ids(ids, "ids")
        request: DescribeVpcsRequestPaginateTypeDef = {"Filters": ec2_filters(filters, tags)}
        if checked_ids:
            request["VpcIds"] = checked_ids
        paginator = self._client.get_paginator("describe_vpcs")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("Vpcs", []),
            Vpc._from_boto,
            ids=checked_ids,
        )

    def vpc(self, vpc_id: str) -> Vpc:
        """One VPC by id.

        Returns:
            The VPC as AWS describes it now.

        Raises:
            NotFoundError: No VPC has that id.
            InvalidArgumentError: `vpc_id` is not a non-empty string; nothing was sent.
        """
        check_id(vpc_id, "vpc_id")
        return only(
            self.vpcs(ids=[vpc_id]),
            NotFoundError(
                code="InvalidVpcID.NotFound",
                message=f"The vpc ID '{vpc_id}' does not exist",
                operation="DescribeVpcs",
            ),
        )

    def delete_vpc(self, vpc_id: str) -> None:
        """Delete a VPC.

        Raises:
            InUseError: Subnets or security groups (other than its default one) remain in it.
            NotFoundError: No VPC has that id.
            InvalidArgumentError: `vpc_id` is not a non-empty string; nothing was sent.
        """
        check_id(vpc_id, "vpc_id")
        with self._translate():
            self._client.delete_vpc(VpcId=vpc_id)

    def create_subnet(
        self,
        *,
        vpc_id: str,
        cidr_block: str,
        availability_zone: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Subnet:
        """Create a subnet in a VPC, in `availability_zone` or one AWS picks.

        A VPC holds one subnet of a CIDR block: when botocore's retry after a lost answer
        meets `InvalidSubnet.Conflict`, the subnet of that block, zone and tags is returned.

        Args:
            cidr_block: An IPv4 block from `/16` to `/28` inside the VPC's block.
            availability_zone: The subnet's zone (`None`: AWS picks one).
            tags: Tags for the subnet.

        Returns:
            The new subnet, built from AWS's answer.

        Raises:
            NotFoundError: `vpc_id` does not exist.
            InvalidRequestError: The block is outside the VPC's block, or
                overlaps another subnet's (`InvalidSubnet.Range`, `InvalidSubnet.Conflict`).
            InvalidArgumentError: `cidr_block` is not an IPv4 block from /16 to /28, or an
                argument is empty; nothing was sent.
        """
        vpc = check_id(vpc_id, "vpc_id")
        block = check_block(cidr_block)
        request: CreateSubnetRequestTypeDef = {"VpcId": vpc, "CidrBlock": block}
        if availability_zone is not None:
            request["AvailabilityZone"] = check_id(availability_zone, "availability_zone")
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "subnet")

        def send() -> Subnet:
            with self._translate():
                response = self._client.create_subnet(**request)
            return Subnet._from_boto(sent(response.get("Subnet"), "Subnet", "CreateSubnet"))

        def find(_: object) -> Subnet | None:
            subnet = only(
                self.subnets(vpc_id=vpc, filters={"cidr-block": [block]}),
                NotFoundError(
                    code="InvalidSubnetID.NotFound",
                    message=f"No subnet of {block} in {vpc}",
                    operation="DescribeSubnets",
                ),
            )
            same_zone = availability_zone in (None, subnet.availability_zone)
            return subnet if same_zone and subnet.tags == checked_tags else None

        return create_unique(
            send, operation="CreateSubnet", find=find, exists=("InvalidSubnet.Conflict",)
        )

    def subnets(
        self,
        *,
        vpc_id: str | None = None,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Subnet]:
        """Subnets matching every criterion given, page by page (IPv6-only ones included).

        Nothing is sent until you iterate; `ids=[]` matches nothing, and no request is sent
        for it.

        Args:
            vpc_id: Only subnets of this VPC.
            ids: Only these subnets.
            tags: Only subnets with these tags (each key with this value).
            filters: EC2 filters, each name to the values it accepts.

        Returns:
            A lazy iterator of the subnets, read page by page as you iterate.

        Raises:
            NotFoundError: One of `ids` does not exist (raised as you iterate).
            InvalidArgumentError: A criterion is not valid (one string given for a list);
                nothing was sent.
        """
        checked_ids = optional_ids(ids, "ids")
        request: DescribeSubnetsRequestPaginateTypeDef = {
            "Filters": ec2_filters(filters, tags) + _vpc_filter(vpc_id)
        }
        if checked_ids:
            request["SubnetIds"] = checked_ids
        paginator = self._client.get_paginator("describe_subnets")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("Subnets", []),
            Subnet._from_boto,
            ids=checked_ids,
        )

    def subnet(self, subnet_id: str) -> Subnet:
        """One subnet by id.

        Returns:
            The subnet as AWS describes it now.

        Raises:
            NotFoundError: No subnet has that id.
            InvalidArgumentError: `subnet_id` is not a non-empty string; nothing was sent.
        """
        check_id(subnet_id, "subnet_id")
        return only(
            self.subnets(ids=[subnet_id]),
            NotFoundError(
                code="InvalidSubnetID.NotFound",
                message=f"The subnet ID '{subnet_id}' does not exist",
                operation="DescribeSubnets",
            ),
        )

    def delete_subnet(self, subnet_id: str) -> None:
        """Delete a subnet.

        Raises:
            InUseError: Instances or network interfaces remain in it.
            NotFoundError: No subnet has that id.
            InvalidArgumentError: `subnet_id` is not a non-empty string; nothing was sent.
        """
        check_id(subnet_id, "subnet_id")
        with self._translate():
            self._client.delete_subnet(SubnetId=subnet_id)


def _vpc_filter(vpc_id: str | None) -> list[FilterTypeDef]:
    if vpc_id is None:
        return []
    return [{"Name": "vpc-id", "Values": [check_id(vpc_id, "vpc_id")]}]


def _permissions(rules: Iterable[Rule]) -> list[IpPermissionTypeDef]:
    permissions: list[IpPermissionTypeDef] = []
    for rule in rules:
        # An iterator's items are not checked by the boundary (that would consume it): here.
        if not isinstance(rule, Rule):
            raise InvalidArgumentError(f"rules must hold Rule objects, not {rule!r}")
        permissions.append(rule._to_boto())
    if not permissions:
        raise InvalidArgumentError("rules must hold at least one Rule")
    return permissions
