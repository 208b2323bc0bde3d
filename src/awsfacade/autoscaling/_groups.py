"""AutoScalingService's groups: create from a launch configuration or an EC2 launch template,
list, read, resize, update, delete, and wait until in service."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from awsfacade import _tags
from awsfacade._boundary import request
from awsfacade._consistency import read_after_create, server_time
from awsfacade._create import create_unique
from awsfacade._launch import LaunchTemplateRef  # noqa: TC001 - the boundary reads annotations at run time
from awsfacade._paging import only
from awsfacade._validate import check_int, check_timing, optional_ids
from awsfacade._waiting import Seen, wait_for_path
from awsfacade.autoscaling._base import PAGE_SIZE, AutoScalingBase, by_chunks
from awsfacade.autoscaling._checks import (
    check_name,
    check_sizes,
    check_xml_text,
    check_zones,
    new_zones,
)
from awsfacade.autoscaling._models import AutoScalingGroup, weight_units
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_autoscaling.type_defs import (
        AutoScalingGroupNamesTypePaginateTypeDef,
        AutoScalingGroupsTypeTypeDef,
        CreateAutoScalingGroupTypeTypeDef,
        LaunchTemplateSpecificationTypeDef,
        TagTypeDef,
        UpdateAutoScalingGroupTypeTypeDef,
    )

    from awsfacade.progress import ProgressCallback

__all__ = ["GroupsMixin"]

#: AutoScalingGroup.at_desired_capacity, in JMESPath for the waiter: every instance is
#: InService, and there are exactly as many as desired or, when instances carry weights
#: (WeightedCapacity, a number as a string), their units reach the desired capacity.
_IN_SERVICE = (
    "length(AutoScalingGroups[0].Instances[?LifecycleState!='InService'] || `[]`) == `0`"
    " && (length(AutoScalingGroups[0].Instances || `[]`) == AutoScalingGroups[0].DesiredCapacity"
    " || length(AutoScalingGroups[0].Instances[?WeightedCapacity] || `[]`) > `0`"
    " && sum(map(&(to_number(WeightedCapacity) || `1`), AutoScalingGroups[0].Instances))"
    " >= AutoScalingGroups[0].DesiredCapacity)"
)


def _template_spec(ref: LaunchTemplateRef) -> LaunchTemplateSpecificationTypeDef:
    """AutoScaling's ``LaunchTemplate`` for a `LaunchTemplateRef`; one read from AWS
    holds both id and name, and AWS takes one: the id."""
    if ref.id is not None:
        return {"LaunchTemplateId": ref.id, "Version": ref.version}
    return {"LaunchTemplateName": ref.name or "", "Version": ref.version}


def _launch_source(
    launch_configuration: str | None, launch_template: LaunchTemplateRef | None
) -> tuple[str | None, LaunchTemplateSpecificationTypeDef | None]:
    """The checked launch configuration name and launch template spec: at most one."""
    if launch_configuration is not None and launch_template is not None:
        raise InvalidArgumentError("pass launch_configuration= or launch_template=, not both")
    return (
        None
        if launch_configuration is None
        else check_name(launch_configuration, "launch_configuration"),
        None if launch_template is None else _template_spec(launch_template),
    )


def _tag_list(name: str, tags: Mapping[str, str], propagate: bool) -> list[TagTypeDef]:
    """AutoScaling's tag list for the group ``name``."""
    return [
        {
            "Key": key,
            "Value": value,
            "ResourceId": name,
            "ResourceType": "auto-scaling-group",
            "PropagateAtLaunch": propagate,
        }
        for key, value in tags.items()
    ]


def _in_service_seen(answer: AutoScalingGroupsTypeTypeDef | None) -> Seen:
    """What a DescribeAutoScalingGroups answer shows: the InService instances (or capacity
    units) of the desired capacity ("1 of 2 instances InService, desired capacity 2")."""
    groups = [] if answer is None else answer.get("AutoScalingGroups", [])
    if not groups:
        return Seen(0, None, "no such group")
    group = groups[0]
    members = group.get("Instances", [])
    serving = [one for one in members if one.get("LifecycleState") == "InService"]
    weighted = any("WeightedCapacity" in one for one in members)
    units = sum(weight_units(one.get("WeightedCapacity")) for one in serving)
    desired = group.get("DesiredCapacity")
    return Seen(
        units if weighted else len(serving),
        desired,
        f"{len(serving)} of {len(members)} instances InService"
        + (f" ({units} capacity units)" if weighted else "")
        + f", desired capacity {desired}",
    )


def _not_found(name: str) -> NotFoundError:
    """What AWS's empty answer for an unknown group name means."""
    return NotFoundError(
        code="ValidationError",
        message=f"AutoScalingGroup name not found - {name}",
        operation="DescribeAutoScalingGroups",
    )


def _same_group(found: AutoScalingGroup, sent: AutoScalingGroup) -> bool:
    """Whether ``found`` has every setting of the group ``sent`` describes. AWS names a
    launch template by id and name, and fills in the zones of the subnets given."""
    ref, found_ref = sent.launch_template, found.launch_template
    same_template = (ref is None and found_ref is None) or (
        ref is not None
        and found_ref is not None
        and ref.id in (None, found_ref.id)
        and ref.name in (None, found_ref.name)
        and ref.version == found_ref.version
    )
    return (
        same_template
        and (found.min_size, found.max_size, found.desired_capacity)
        == (sent.min_size, sent.max_size, sent.desired_capacity)
        and found.launch_configuration == sent.launch_configuration
        and set(sent.availability_zones) in (set(), set(found.availability_zones))
        and set(found.subnet_ids) == set(sent.subnet_ids)
        and found.health_check_type == sent.health_check_type
        and sent.health_check_grace_period in (None, found.health_check_grace_period)
        and set(found.target_group_arns) == set(sent.target_group_arns)
        and found.tags == sent.tags
    )


class GroupsMixin(AutoScalingBase):
    """Auto Scaling groups."""

    __slots__ = ()

    @request(
        "CreateAutoScalingGroup",
        name="AutoScalingGroupName",
        launch_configuration="LaunchConfigurationName",
        availability_zones="AvailabilityZones",
        health_check_type="HealthCheckType",
        target_group_arns="TargetGroupARNs",
    )
    def create_group(
        self,
        name: str,
        *,
        min_size: int,
        max_size: int,
        desired_capacity: int | None = None,
        launch_configuration: str | None = None,
        launch_template: LaunchTemplateRef | None = None,
        availability_zones: Sequence[str] = (),
        subnet_ids: Sequence[str] = (),
        tags: Mapping[str, str] | None = None,
        propagate_tags_at_launch: bool = True,
        health_check_type: str | None = None,
        health_check_grace_period: int | None = None,
        target_group_arns: Sequence[str] = (),
    ) -> AutoScalingGroup:
        """Create a group and return it.

        The group launches from `launch_configuration` or `launch_template` (exactly one),
        in `availability_zones` or `subnet_ids`. A group from a launch configuration needs
        zones or subnets; one from a template may take its network from the template, which
        AWS judges.

        AWS may not show a new group for a moment: the read is retried, and if it is still
        not visible the model is built from what was created (`arn` `None`). If
        CreateAutoScalingGroup's answer is lost and botocore's retry meets
        ``AlreadyExists``, the group is read: returned if its sizes, launch source, network
        and tags are the ones sent.

        Args:
            name: The group's name: 1 to 255 printable characters.
            min_size: The fewest instances the group keeps.
            max_size: The most instances the group runs.
            desired_capacity: How many instances to run, with
                ``min_size <= desired_capacity <= max_size``; `None`: AWS starts at
                `min_size`.
            launch_configuration: The name of the launch configuration to launch from.
            launch_template: The launch template to launch from; of one read from AWS,
                which holds both its id and its name, the id is sent.
            availability_zones: The zones to launch into.
            subnet_ids: The subnets to launch into.
            tags: The group's tags, copied onto the instances it launches unless
                `propagate_tags_at_launch` is False.
            propagate_tags_at_launch: Whether AWS copies `tags` onto new instances.
            health_check_type: ``EC2`` (AWS's default) or a comma-separated list such as
                ``EC2,ELB``.
            health_check_grace_period: Seconds AWS waits after an instance comes into
                service before checking its health.
            target_group_arns: The load balancer target groups to register instances with.

        Returns:
            The new group, as AWS describes it (or as sent, with `arn` `None`, if AWS does
                not show it yet).

        Raises:
            InvalidArgumentError: The sizes are out of order, both or neither of
                `launch_configuration` and `launch_template` were given, a group from a
                launch configuration has no zones or subnets, or another argument breaks
                AutoScaling's rules; nothing was sent.
            AlreadyExistsError: A group of that name exists (and is not the one this call
                made).
            LimitExceededError: The account's quota of groups is used up.
            InvalidRequestError: AWS refused the settings.
        """
        check_name(name)
        check_sizes(min_size, max_size, desired_capacity)
        config_name, template = _launch_source(launch_configuration, launch_template)
        if config_name is None and template is None:
            raise InvalidArgumentError("pass one of launch_configuration= or launch_template=")
        zones, subnets = check_zones(availability_zones, subnet_ids)
        if config_name is not None and not zones and not subnets:
            raise InvalidArgumentError(
                "a group from a launch configuration needs availability_zones or subnet_ids"
            )
        checked_tags = _tags.validate(tags)
        target_groups = optional_ids(target_group_arns, "target_group_arns") or []
        request: CreateAutoScalingGroupTypeTypeDef = {
            "AutoScalingGroupName": name,
            "MinSize": min_size,
            "MaxSize": max_size,
        }
        if desired_capacity is not None:
            request["DesiredCapacity"] = desired_capacity
        if config_name is not None:
            request["LaunchConfigurationName"] = config_name
        if template is not None:
            request["LaunchTemplate"] = template
        if zones:
            request["AvailabilityZones"] = zones
        if subnets:
            request["VPCZoneIdentifier"] = ",".join(subnets)
        if checked_tags:
            request["Tags"] = _tag_list(name, checked_tags, propagate_tags_at_launch)
        if health_check_type is not None:
            request["HealthCheckType"] = check_xml_text(health_check_type, "health_check_type")
        if health_check_grace_period is not None:
            request["HealthCheckGracePeriod"] = check_int(
                health_check_grace_period, "health_check_grace_period", minimum=0
            )
        if target_groups:
            request["TargetGroupARNs"] = target_groups
        as_sent = AutoScalingGroup(
            name=name,
            min_size=min_size,
            max_size=max_size,
            desired_capacity=min_size if desired_capacity is None else desired_capacity,
            created=server_time(None),
            launch_configuration=config_name,
            launch_template=launch_template,
            availability_zones=tuple(zones or ()),
            subnet_ids=tuple(subnets or ()),
            health_check_type=health_check_type or "EC2",
            health_check_grace_period=health_check_grace_period,
            target_group_arns=tuple(target_groups),
            tags=checked_tags,
            tags_propagated_at_launch=frozenset(checked_tags if propagate_tags_at_launch else ()),
        )

        def send() -> AutoScalingGroup:
            with self._translate():
                response = self._client.create_auto_scaling_group(**request)
            created = server_time(response.get("ResponseMetadata", {}).get("HTTPHeaders"))
            return read_after_create(
                lambda: self.group(name), lambda: attrs.evolve(as_sent, created=created)
            )

        def find(_: object) -> AutoScalingGroup | None:
            group = self.group(name)
            return group if _same_group(group, as_sent) else None

        return create_unique(send, operation="CreateAutoScalingGroup", find=find)

    @request("DescribeAutoScalingGroups", names="AutoScalingGroupNames")
    def groups(
        self, *, names: Sequence[str] | None = None, tags: Mapping[str, str] | None = None
    ) -> Iterator[AutoScalingGroup]:
        """List the groups, or only those named and tagged as given.

        More than 100 names (what one request takes) are asked 100 at a time.

        Args:
            names: Only the groups of these names; a name no group has is left out.
            tags: Only the groups carrying every one of these tags (key and value).

        Returns:
            A lazy iterator of the groups, read page by page as you iterate.

        Raises:
            InvalidArgumentError: `names` is not a sequence of names (one string, say) or
                `tags` breaks the tag rules; nothing was sent.
        """
        checked = optional_ids(names, "names")
        wanted = _tags.validate(tags, reading=True)
        paginator = self._client.get_paginator("describe_auto_scaling_groups")

        def listing(chunk: list[str] | None) -> Iterator[AutoScalingGroup]:
            request: AutoScalingGroupNamesTypePaginateTypeDef = {}
            if chunk:
                request["AutoScalingGroupNames"] = chunk
            if wanted:
                request["Filters"] = _tags.filters(wanted)
            return self._list(
                lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
                lambda page: page.get("AutoScalingGroups", []),
                AutoScalingGroup._from_boto,
                selectors=(chunk,),
            )

        return by_chunks(checked, PAGE_SIZE, listing)

    @request("DescribeAutoScalingGroups", name="AutoScalingGroupNames.member")
    def group(self, name: str) -> AutoScalingGroup:
        """One group by name.

        Returns:
            The group as AWS describes it now.

        Raises:
            NotFoundError: No group has that name.
            InvalidArgumentError: `name` is not a group name; nothing was sent.
        """
        check_name(name)
        return only(self.groups(names=[name]), _not_found(name))

    @request(
        "UpdateAutoScalingGroup",
        name="AutoScalingGroupName",
        launch_configuration="LaunchConfigurationName",
        availability_zones="AvailabilityZones",
        health_check_type="HealthCheckType",
    )
    def update_group(
        self,
        name: str,
        *,
        min_size: int | None = None,
        max_size: int | None = None,
        desired_capacity: int | None = None,
        launch_configuration: str | None = None,
        launch_template: LaunchTemplateRef | None = None,
        availability_zones: Sequence[str] | None = None,
        subnet_ids: Sequence[str] | None = None,
        health_check_type: str | None = None,
        health_check_grace_period: int | None = None,
    ) -> AutoScalingGroup:
        """Change a group's settings and return the group as it is then.

        Only what is given changes (`None`: unchanged). The sizes given are checked against
        each other here, against the group's others by AWS. A new launch source (at most
        one) applies to the instances launched from now on.

        Args:
            availability_zones: The new zones; an empty list is refused (a group cannot be
                moved to no zone at all).
            subnet_ids: The new subnets; an empty list is refused.

        Returns:
            The group as AWS describes it after the change.

        Raises:
            NotFoundError: No group has that name.
            InvalidArgumentError: Nothing to change was given, the sizes given are out of
                order, both `launch_configuration` and `launch_template` were given, or an
                argument breaks AutoScaling's rules; nothing was sent.
            InvalidRequestError: AWS refused the change (sizes at odds with the group's
                others, say).
            InvalidStateError: A scaling activity is in progress.
        """
        check_name(name)
        check_sizes(min_size, max_size, desired_capacity)
        config_name, template = _launch_source(launch_configuration, launch_template)
        zones, subnets = new_zones(availability_zones, subnet_ids)
        request: UpdateAutoScalingGroupTypeTypeDef = {"AutoScalingGroupName": name}
        if min_size is not None:
            request["MinSize"] = min_size
        if max_size is not None:
            request["MaxSize"] = max_size
        if desired_capacity is not None:
            request["DesiredCapacity"] = desired_capacity
        if config_name is not None:
            request["LaunchConfigurationName"] = config_name
        if template is not None:
            request["LaunchTemplate"] = template
        if zones is not None:
            request["AvailabilityZones"] = zones
        if subnets is not None:
            request["VPCZoneIdentifier"] = ",".join(subnets)
        if health_check_type is not None:
            request["HealthCheckType"] = check_xml_text(health_check_type, "health_check_type")
        if health_check_grace_period is not None:
            request["HealthCheckGracePeriod"] = check_int(
                health_check_grace_period, "health_check_grace_period", minimum=0
            )
        if len(request) == 1:
            raise InvalidArgumentError(f"update_group({name!r}) was given nothing to change")
        with self._translate():
            self._client.update_auto_scaling_group(**request)
        return self.group(name)

    @request("SetDesiredCapacity", name="AutoScalingGroupName")
    def set_desired_capacity(
        self, name: str, capacity: int, *, honor_cooldown: bool = False
    ) -> None:
        """Set how many instances the group should run.

        Args:
            capacity: The desired capacity, within the group's sizes (which AWS checks).
            honor_cooldown: Wait out a running cooldown before scaling.

        Raises:
            NotFoundError: No group has that name.
            InvalidRequestError: `capacity` is outside the group's sizes.
            InvalidStateError: A scaling activity is in progress.
            InvalidArgumentError: `capacity` is not a whole number of 0 or more, or `name`
                is not a group name; nothing was sent.
        """
        check_name(name)
        request_capacity = check_int(capacity, "capacity", minimum=0)
        with self._translate():
            self._client.set_desired_capacity(
                AutoScalingGroupName=name,
                DesiredCapacity=request_capacity,
                HonorCooldown=honor_cooldown,
            )

    @request("DeleteAutoScalingGroup", name="AutoScalingGroupName")
    def delete_group(self, name: str, *, force: bool = False) -> None:
        """Delete a group.

        Args:
            force: Delete the group although it has instances: AWS terminates them with it.

        Raises:
            NotFoundError: No group has that name.
            InvalidStateError: The group still has instances and `force` is False, or a
                scaling activity is in progress.
            InvalidArgumentError: `name` is not a group name; nothing was sent.
        """
        check_name(name)
        with self._translate():
            self._client.delete_auto_scaling_group(AutoScalingGroupName=name, ForceDelete=force)

    @request("DescribeAutoScalingGroups", name="AutoScalingGroupNames.member")
    def wait_until_in_service(
        self,
        name: str,
        *,
        timeout: float = 600,
        poll_interval: float = 15,
        on_progress: ProgressCallback | None = None,
    ) -> AutoScalingGroup:
        """Wait until the group is at its desired capacity and return it as it is then.

        At its desired capacity means
        [`at_desired_capacity`][AutoScalingGroup.at_desired_capacity]: every instance
        ``InService``, as many as desired, or as many capacity units in a group with
        instance weights. botocore has no AutoScaling waiter: this polls
        DescribeAutoScalingGroups at once, then every `poll_interval` seconds, matching each
        answer with botocore's waiter acceptors; the last sleep ends at `timeout`, never
        past it.

        Args:
            name: The group's name.
            timeout: The most seconds to wait.
            poll_interval: Seconds between two looks.
            on_progress: Called after each look with a
                [Progress][awsfacade.progress.Progress]: the InService instances (or
                capacity units) of the desired capacity
                (`"1 of 2 instances InService, desired capacity 2"`).

        Returns:
            The group as the look that found it at its desired capacity describes it.

        Raises:
            NotFoundError: No group has that name (at the first look, without waiting; or
                when the group is deleted during the wait).
            WaitTimeoutError: `timeout` passed first; the message names what was last seen
                ("2 of 3 instances InService").
            InvalidArgumentError: `timeout` or `poll_interval` is not a positive number, or
                `name` is not a group name; nothing was sent.
        """
        check_name(name)
        check_timing(timeout, poll_interval)
        answer = wait_for_path(
            lambda: self._client.describe_auto_scaling_groups(AutoScalingGroupNames=[name]),
            operation="DescribeAutoScalingGroups",
            path=_IN_SERVICE,
            expected=True,
            matcher="path",
            seen=_in_service_seen,
            missing=lambda found: None if found.get("AutoScalingGroups") else _not_found(name),
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            description=f"group {name!r} to have its desired capacity in service",
            codes=self._error_codes,
        )
        return only(
            (AutoScalingGroup._from_boto(item) for item in answer.get("AutoScalingGroups", [])),
            _not_found(name),
        )
