"""Ec2Service's launch templates."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from awsfacade import _tags
from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._launch import (
    BlockDevice,
    MetadataOptions,
    SpotOptions,
    check_instance_type,
    check_template_name,
    check_user_data,
)
from awsfacade._paging import only
from awsfacade._validate import (
    check_id,
    optional_ids,
)
from awsfacade.ec2._base import Ec2Base, ec2_filters, tag_specifications
from awsfacade.ec2._checks import instance_profile
from awsfacade.ec2._models import LaunchTemplate
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        CreateLaunchTemplateRequestTypeDef,
        DescribeLaunchTemplatesRequestPaginateTypeDef,
        LaunchTemplateInstanceNetworkInterfaceSpecificationRequestTypeDef,
        RequestLaunchTemplateDataTypeDef,
    )

__all__ = ["Ec2TemplatesMixin"]

#: DescribeLaunchTemplates' largest MaxResults.
_PAGE_SIZE = 200
_ID = re.compile(r"^lt-[0-9a-f]{8,17}$")


class Ec2TemplatesMixin(Ec2Base):
    """[Ec2Service][awsfacade.ec2.Ec2Service]'s launch templates."""

    __slots__ = ()

    @request("CreateLaunchTemplate", version_description="VersionDescription")
    def create_launch_template(
        self,
        *,
        name: str,
        image_id: str,
        instance_type: str | None = None,
        key_name: str | None = None,
        security_group_ids: Sequence[str] = (),
        availability_zone: str | None = None,
        associate_public_ip: bool | None = None,
        iam_instance_profile: str | None = None,
        block_devices: Sequence[BlockDevice] = (),
        metadata_options: MetadataOptions | None = None,
        spot: SpotOptions | None = None,
        user_data: str | None = None,
        instance_tags: Mapping[str, str] | None = None,
        tags: Mapping[str, str] | None = None,
        version_description: str | None = None,
    ) -> LaunchTemplate:
        """Create a launch template with the options
        [`run`][awsfacade.ec2.Ec2Service.run] takes (IMDSv2 required unless
        `metadata_options` says otherwise).

        The template gets its version 1 from these settings. `user_data` is base64-encoded
        here (launch template data, unlike `RunInstances`, needs it so).

        Args:
            name: 3 to 128 of `a-z A-Z 0-9 ( ) . / _ -`, unique in the region.
            image_id: The AMI the instances launch from.
            instance_type: `None` leaves the type out of the template: give one to `run`,
                or AWS's own default type applies.
            associate_public_ip: Whether to give the instances a public IPv4 address,
                sent on the primary network interface (which then holds
                `security_group_ids`).
            iam_instance_profile: An instance profile's name or ARN.
            metadata_options: `None` requires IMDSv2.
            instance_tags: Tags for the instances the template launches.
            tags: Tags for the template itself.
            version_description: Up to 255 characters describing version 1.

        Returns:
            The new template, built from AWS's answer.

        Raises:
            AlreadyExistsError: A launch template of that name exists already.
            InvalidArgumentError: An argument is not valid (a name AWS would refuse, user data
                over 16 KiB, …); nothing was sent.
        """
        check_template_name(name)
        data: RequestLaunchTemplateDataTypeDef = {
            "ImageId": check_id(image_id, "image_id"),
            "MetadataOptions": (metadata_options or MetadataOptions())._for_template(),
        }
        if instance_type is not None:
            data["InstanceType"] = check_instance_type(instance_type)
        if key_name is not None:
            data["KeyName"] = check_id(key_name, "key_name")
        group_ids = optional_ids(security_group_ids, "security_group_ids") or []
        if associate_public_ip is not None:
            interface: LaunchTemplateInstanceNetworkInterfaceSpecificationRequestTypeDef = {
                "DeviceIndex": 0,
                "AssociatePublicIpAddress": associate_public_ip,
            }
            if group_ids:
                interface["Groups"] = group_ids
            data["NetworkInterfaces"] = [interface]
        elif group_ids:
            data["SecurityGroupIds"] = group_ids
        if availability_zone is not None:
            data["Placement"] = {
                "AvailabilityZone": check_id(availability_zone, "availability_zone")
            }
        if iam_instance_profile is not None:
            data["IamInstanceProfile"] = instance_profile(iam_instance_profile)
        if block_devices:
            data["BlockDeviceMappings"] = [device._for_template() for device in block_devices]
        if spot is not None:
            data["InstanceMarketOptions"] = spot._for_template()
        if user_data is not None:
            # Unlike RunInstances, launch template data must be base64-encoded by the caller.
            data["UserData"] = base64.b64encode(check_user_data(user_data).encode()).decode()
        checked_instance_tags = _tags.validate(instance_tags, what="instance_tags")
        if checked_instance_tags:
            data["TagSpecifications"] = [
                {"ResourceType": "instance", "Tags": _tags.to_aws(checked_instance_tags)}
            ]
        request: CreateLaunchTemplateRequestTypeDef = {
            "LaunchTemplateName": name,
            "LaunchTemplateData": data,
        }
        if version_description is not None:
            request["VersionDescription"] = check_id(version_description, "version_description")
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "launch-template")
        with self._translate():
            response = self._client.create_launch_template(**request)
        return LaunchTemplate._from_boto(
            sent(response.get("LaunchTemplate"), "LaunchTemplate", "CreateLaunchTemplate")
        )

    def launch_templates(
        self,
        *,
        names: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[LaunchTemplate]:
        """Launch templates matching every criterion given, page by page.

        Nothing is sent until you iterate; `names=[]` and `ids=[]` match nothing, and no
        request is sent for them.

        Args:
            names: Only templates of these names.
            ids: Only these templates (`lt-…`); not together with `names`.
            filters: EC2 filters, each name to the values it accepts.

        Returns:
            A lazy iterator of the launch templates, read page by page as you iterate.

        Raises:
            NotFoundError: One of `names` or `ids` does not exist (raised as you iterate).
            InvalidArgumentError: Both `names` and `ids` are given, or a name is not one AWS
                accepts; nothing was sent.
        """
        checked_names = optional_ids(names, "names")
        for name in checked_names or ():
            check_template_name(name, "each of names")
        checked_ids = optional_ids(ids, "ids")
        if checked_names is not None and checked_ids is not None:
            raise InvalidArgumentError("pass names= or ids=, not both")
        request: DescribeLaunchTemplatesRequestPaginateTypeDef = {"Filters": ec2_filters(filters)}
        if checked_names:
            request["LaunchTemplateNames"] = checked_names
        if checked_ids:
            request["LaunchTemplateIds"] = checked_ids
        paginator = self._client.get_paginator("describe_launch_templates")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("LaunchTemplates", []),
            LaunchTemplate._from_boto,
            ids=checked_ids if checked_ids is not None else checked_names,
            page_size=_PAGE_SIZE,
        )

    def launch_template(self, name_or_id: str) -> LaunchTemplate:
        """One launch template by name or `lt-…` id.

        Returns:
            The template (its metadata; its versions hold the instance settings).

        Raises:
            NotFoundError: No launch template has that name or id.
            InvalidArgumentError: `name_or_id` is neither an `lt-…` id nor a name AWS
                accepts; nothing was sent.
        """
        if _is_id(name_or_id):
            found = self.launch_templates(ids=[name_or_id])
        else:
            found = self.launch_templates(names=[name_or_id])
        return only(
            found,
            NotFoundError(
                code="InvalidLaunchTemplateName.NotFoundException",
                message=f"The launch template '{name_or_id}' does not exist",
                operation="DescribeLaunchTemplates",
            ),
        )

    def delete_launch_template(self, name_or_id: str) -> None:
        """Delete a launch template, with all its versions, by name or `lt-…` id.

        Raises:
            NotFoundError: No launch template has that name or id.
            InvalidArgumentError: `name_or_id` is neither an `lt-…` id nor a name AWS
                accepts; nothing was sent.
        """
        is_id = _is_id(name_or_id)
        with self._translate():
            if is_id:
                self._client.delete_launch_template(LaunchTemplateId=name_or_id)
            else:
                self._client.delete_launch_template(LaunchTemplateName=name_or_id)


def _is_id(name_or_id: str) -> bool:
    """Whether `name_or_id` is a template's `lt-…` id; else it must be a valid name."""
    check_id(name_or_id, "name_or_id")
    if _ID.match(name_or_id):
        return True
    check_template_name(name_or_id, "name_or_id")
    return False
