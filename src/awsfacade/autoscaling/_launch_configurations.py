"""AutoScalingService's launch configurations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from awsfacade._boundary import request
from awsfacade._consistency import read_after_create, server_time
from awsfacade._create import create_unique
from awsfacade._launch import check_instance_type, check_user_data
from awsfacade._paging import only
from awsfacade._validate import optional_ids
from awsfacade.autoscaling._base import AutoScalingBase, by_chunks
from awsfacade.autoscaling._checks import check_name, check_xml_text
from awsfacade.autoscaling._models import LaunchConfiguration
from awsfacade.errors import NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.type_defs import (
        CreateLaunchConfigurationTypeTypeDef,
        LaunchConfigurationNamesTypePaginateTypeDef,
    )

__all__ = ["LaunchConfigurationsMixin"]

#: DescribeLaunchConfigurations takes at most 50 LaunchConfigurationNames.
_NAMES_PER_REQUEST = 50


class LaunchConfigurationsMixin(AutoScalingBase):
    """Launch configurations: create, list, read, delete."""

    __slots__ = ()

    @request(
        "CreateLaunchConfiguration",
        name="LaunchConfigurationName",
        image_id="ImageId",
        key_name="KeyName",
        iam_instance_profile="IamInstanceProfile",
    )
    def create_launch_configuration(
        self,
        name: str,
        *,
        image_id: str,
        instance_type: str,
        security_group_ids: Sequence[str] = (),
        key_name: str | None = None,
        user_data: str | None = None,
        iam_instance_profile: str | None = None,
        associate_public_ip: bool | None = None,
    ) -> LaunchConfiguration:
        """Create a launch configuration and return it.

        AWS may not show a new configuration for a moment: the read is retried, and if it is
        still not visible the model is built from what was created, so it is never lost. If
        CreateLaunchConfiguration's answer is lost and botocore's retry meets
        ``AlreadyExists``, the configuration is read: returned if it has the settings sent.

        Args:
            name: The configuration's name: 1 to 255 printable characters.
            image_id: The id of the AMI to launch instances from.
            instance_type: The instances' type (``t3.micro``).
            security_group_ids: The ids of the instances' security groups.
            key_name: The name of the instances' key pair.
            user_data: The text itself: botocore base64-encodes it (at most 16 KiB).
            iam_instance_profile: An instance profile's name or ARN.
            associate_public_ip: Whether instances in a VPC get a public IPv4 address;
                `None` leaves it to the subnet.

        Returns:
            The new configuration, as AWS describes it (or as sent, with `arn` `None`, if
                AWS does not show it yet).

        Raises:
            AlreadyExistsError: A configuration of that name exists (and is not the one this
                call made).
            InvalidArgumentError: An argument breaks AutoScaling's rules (a name too long,
                user data over 16 KiB…); nothing was sent.
        """
        check_name(name)
        request: CreateLaunchConfigurationTypeTypeDef = {
            "LaunchConfigurationName": name,
            "ImageId": check_xml_text(image_id, "image_id"),
            "InstanceType": check_instance_type(instance_type),
        }
        group_ids = optional_ids(security_group_ids, "security_group_ids") or []
        if group_ids:
            request["SecurityGroups"] = group_ids
        if key_name is not None:
            request["KeyName"] = check_xml_text(key_name, "key_name")
        if user_data is not None:
            request["UserData"] = check_user_data(user_data)
        if iam_instance_profile is not None:
            request["IamInstanceProfile"] = check_xml_text(
                iam_instance_profile, "iam_instance_profile"
            )
        if associate_public_ip is not None:
            request["AssociatePublicIpAddress"] = associate_public_ip
        as_sent = LaunchConfiguration(
            name=name,
            image_id=image_id,
            instance_type=instance_type,
            created=server_time(None),
            key_name=key_name,
            security_group_ids=tuple(group_ids),
            user_data=user_data or None,
            iam_instance_profile=iam_instance_profile,
            associate_public_ip=associate_public_ip,
        )

        def send() -> LaunchConfiguration:
            with self._translate():
                response = self._client.create_launch_configuration(**request)
            created = server_time(response.get("ResponseMetadata", {}).get("HTTPHeaders"))
            return read_after_create(
                lambda: self.launch_configuration(name),
                lambda: attrs.evolve(as_sent, created=created),
            )

        def find(_: object) -> LaunchConfiguration | None:
            found = self.launch_configuration(name)
            return found if _same_configuration(found, as_sent) else None

        return create_unique(send, operation="CreateLaunchConfiguration", find=find)

    @request("DescribeLaunchConfigurations", names="LaunchConfigurationNames")
    def launch_configurations(
        self, *, names: Sequence[str] | None = None
    ) -> Iterator[LaunchConfiguration]:
        """List the launch configurations, or only those named.

        More than 50 names (what one request takes) are asked 50 at a time.

        Args:
            names: Only the configurations of these names; a name none has is left out.

        Returns:
            A lazy iterator of the configurations, read page by page as you iterate.

        Raises:
            InvalidArgumentError: `names` is not a sequence of names (one string, say);
                nothing was sent.
        """
        checked = optional_ids(names, "names")
        paginator = self._client.get_paginator("describe_launch_configurations")

        def listing(chunk: list[str] | None) -> Iterator[LaunchConfiguration]:
            request: LaunchConfigurationNamesTypePaginateTypeDef = {}
            if chunk:
                request["LaunchConfigurationNames"] = chunk
            return self._list(
                lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
                lambda page: page.get("LaunchConfigurations", []),
                LaunchConfiguration._from_boto,
                selectors=(chunk,),
            )

        return by_chunks(checked, _NAMES_PER_REQUEST, listing)

    @request("DescribeLaunchConfigurations", name="LaunchConfigurationNames.member")
    def launch_configuration(self, name: str) -> LaunchConfiguration:
        """One launch configuration by name.

        Returns:
            The configuration as AWS describes it now.

        Raises:
            NotFoundError: No configuration has that name.
            InvalidArgumentError: `name` is not a configuration name; nothing was sent.
        """
        check_name(name)
        return only(
            self.launch_configurations(names=[name]),
            NotFoundError(
                code="ValidationError",
                message=f"Launch configuration name not found - {name}",
                operation="DescribeLaunchConfigurations",
            ),
        )

    @request("DeleteLaunchConfiguration", name="LaunchConfigurationName")
    def delete_launch_configuration(self, name: str) -> None:
        """Delete a launch configuration.

        Raises:
            NotFoundError: No configuration has that name.
            InvalidStateError: A group uses the configuration.
            InvalidArgumentError: `name` is not a configuration name; nothing was sent.
        """
        check_name(name)
        with self._translate():
            self._client.delete_launch_configuration(LaunchConfigurationName=name)


def _same_configuration(found: LaunchConfiguration, sent: LaunchConfiguration) -> bool:
    """Whether ``found`` has every setting of the configuration ``sent`` describes."""
    return (
        found.image_id,
        found.instance_type,
        found.key_name,
        set(found.security_group_ids),
        found.user_data,
        found.iam_instance_profile,
    ) == (
        sent.image_id,
        sent.instance_type,
        sent.key_name,
        set(sent.security_group_ids),
        sent.user_data,
        sent.iam_instance_profile,
    ) and sent.associate_public_ip in (None, found.associate_public_ip)
