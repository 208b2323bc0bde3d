"""Ec2Service's instances: launch, list, act on, wait for, and tag EC2 resources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from awsfacade import _tags
from awsfacade._base import user_state
from awsfacade._convert import sent
from awsfacade._paging import only
from awsfacade._validate import (
    check_bool,
    check_id,
    check_ids,
    check_int,
    check_items,
    check_type,
    optional_ids,
)
from awsfacade._waiting import wait_for_path
from awsfacade.ec2._base import Ec2Base, ec2_filters, tag_specifications
from awsfacade.ec2._checks import (
    check_client_token,
    check_instance_type,
    check_user_data,
    instance_profile,
    state_values,
)
from awsfacade.ec2._launch import BlockDevice, MetadataOptions, SpotOptions
from awsfacade.ec2._models import Instance, InstanceState, LaunchTemplateRef, StateChange
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        DescribeInstancesRequestPaginateTypeDef,
        DescribeInstancesResultTypeDef,
        InstanceNetworkInterfaceSpecificationTypeDef,
        InstanceTypeDef,
        RunInstancesRequestTypeDef,
    )

    from awsfacade.ec2._models import InstanceStateName

__all__ = ["DEFAULT_INSTANCE_TYPE", "Ec2InstancesMixin"]

DEFAULT_INSTANCE_TYPE = "t3.micro"

# For each awaited state, the states from which it cannot follow (botocore's own waiters
# fail on the same ones); waiting for SHUTTING_DOWN ends once an instance is terminated.
_DEAD_ENDS: Mapping[InstanceState, tuple[InstanceState, ...]] = {
    InstanceState.RUNNING: (
        InstanceState.SHUTTING_DOWN,
        InstanceState.TERMINATED,
        InstanceState.STOPPING,
    ),
    InstanceState.STOPPED: (
        InstanceState.PENDING,
        InstanceState.SHUTTING_DOWN,
        InstanceState.TERMINATED,
    ),
    InstanceState.TERMINATED: (InstanceState.PENDING, InstanceState.STOPPING),
    InstanceState.STOPPING: (InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED),
    InstanceState.PENDING: (InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED),
    InstanceState.SHUTTING_DOWN: (InstanceState.TERMINATED,),
}


class Ec2InstancesMixin(Ec2Base):
    """Instances, and tags on any EC2 resource."""

    __slots__ = ()

    def run(
        self,
        *,
        image_id: str,
        count: int = 1,
        min_count: int | None = None,
        instance_type: str | None = None,
        key_name: str | None = None,
        security_group_ids: Sequence[str] = (),
        subnet_id: str | None = None,
        availability_zone: str | None = None,
        associate_public_ip: bool | None = None,
        iam_instance_profile: str | None = None,
        block_devices: Sequence[BlockDevice] = (),
        metadata_options: MetadataOptions | None = None,
        spot: SpotOptions | None = None,
        user_data: str | None = None,
        tags: Mapping[str, str] | None = None,
        launch_template: LaunchTemplateRef | None = None,
        client_token: str | None = None,
    ) -> list[Instance]:
        """Launch exactly ``count`` instances (all or none) and return them as launched.

        ``min_count`` asks for "as many as AWS can, at least ``min_count``, up to ``count``".
        ``instance_type=None`` takes the launch template's type, else ``"t3.micro"``;
        ``metadata_options=None`` requires IMDSv2 unless a launch template decides.
        ``iam_instance_profile`` is a profile name or ARN. The same ``client_token`` makes a
        retried call return the first call's instances.
        """
        request: RunInstancesRequestTypeDef = {
            "ImageId": check_id(image_id, "image_id"),
            "MaxCount": check_int(count, "count", minimum=1),
            "MinCount": count,
        }
        if min_count is not None:
            request["MinCount"] = check_int(min_count, "min_count", minimum=1, maximum=count)
        if instance_type is not None:
            request["InstanceType"] = check_instance_type(instance_type)
        elif launch_template is None:
            request["InstanceType"] = check_instance_type(DEFAULT_INSTANCE_TYPE)
        if launch_template is not None:
            if not isinstance(launch_template, LaunchTemplateRef):
                raise InvalidArgumentError("launch_template must be a LaunchTemplateRef")
            request["LaunchTemplate"] = launch_template._to_boto()
        if metadata_options is not None or launch_template is None:
            request["MetadataOptions"] = check_type(
                metadata_options or MetadataOptions(), MetadataOptions, "metadata_options"
            )._for_run()
        if key_name is not None:
            request["KeyName"] = check_id(key_name, "key_name")
        group_ids = optional_ids(security_group_ids, "security_group_ids") or []
        subnet = None if subnet_id is None else check_id(subnet_id, "subnet_id")
        if associate_public_ip is not None:
            # AWS takes this only on a network interface, which then holds subnet and groups.
            interface: InstanceNetworkInterfaceSpecificationTypeDef = {
                "DeviceIndex": 0,
                "AssociatePublicIpAddress": check_bool(associate_public_ip, "associate_public_ip"),
            }
            if subnet is not None:
                interface["SubnetId"] = subnet
            if group_ids:
                interface["Groups"] = group_ids
            request["NetworkInterfaces"] = [interface]
        else:
            if group_ids:
                request["SecurityGroupIds"] = group_ids
            if subnet is not None:
                request["SubnetId"] = subnet
        if availability_zone is not None:
            request["Placement"] = {
                "AvailabilityZone": check_id(availability_zone, "availability_zone")
            }
        if iam_instance_profile is not None:
            request["IamInstanceProfile"] = instance_profile(iam_instance_profile)
        devices = check_items(block_devices, BlockDevice, "block_devices")
        if devices:
            request["BlockDeviceMappings"] = [device._for_run() for device in devices]
        if spot is not None:
            request["InstanceMarketOptions"] = check_type(spot, SpotOptions, "spot")._for_run()
        if user_data is not None:
            request["UserData"] = check_user_data(user_data)
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "instance", "volume")
        if client_token is not None:
            request["ClientToken"] = check_client_token(client_token)
        with self._translate():
            response = self._client.run_instances(**request)
        launched = sent(response.get("Instances"), "Instances", "RunInstances")
        return [Instance._from_boto(item) for item in launched]

    def instances(
        self,
        *,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        states: Sequence[InstanceState | InstanceStateName] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Instance]:
        """Instances matching every criterion given, page by page, reservations flattened.

        ``states`` holds InstanceState members or their strings (``["running"]``).
        ``ids=[]`` and ``states=[]`` match nothing (they do not mean "all"); no request is
        sent for them. ``tags`` may name AWS's own tags (``aws:autoscaling:groupName``).
        """
        checked_ids = optional_ids(ids, "ids")
        values = state_values(states)
        request_filters = ec2_filters(filters, tags)
        if values:
            request_filters.append({"Name": "instance-state-name", "Values": values})
        request: DescribeInstancesRequestPaginateTypeDef = {"Filters": request_filters}
        if checked_ids:
            request["InstanceIds"] = checked_ids
        paginator = self._client.get_paginator("describe_instances")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            _reservation_instances,
            Instance._from_boto,
            ids=checked_ids,
            selectors=(values,),
        )

    def instance(self, instance_id: str) -> Instance:
        """One instance by id; :class:`NotFoundError` if there is none."""
        check_id(instance_id, "instance_id")
        return only(
            self.instances(ids=[instance_id]),
            NotFoundError(
                code="InvalidInstanceID.NotFound",
                message=f"The instance ID '{instance_id}' does not exist",
                operation="DescribeInstances",
            ),
        )

    def start(self, instance_ids: Sequence[str]) -> list[StateChange]:
        """Start stopped instances; returns each one's state change."""
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            response = self._client.start_instances(InstanceIds=ids)
        return [StateChange._from_boto(item) for item in response.get("StartingInstances", [])]

    def stop(self, instance_ids: Sequence[str], *, force: bool = False) -> list[StateChange]:
        """Stop running instances (``force`` skips the guest OS's orderly shutdown)."""
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            response = self._client.stop_instances(
                InstanceIds=ids, Force=check_bool(force, "force")
            )
        return [StateChange._from_boto(item) for item in response.get("StoppingInstances", [])]

    def reboot(self, instance_ids: Sequence[str]) -> None:
        """Reboot running instances (AWS queues the request; the state stays ``running``)."""
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            self._client.reboot_instances(InstanceIds=ids)

    def terminate(self, instance_ids: Sequence[str]) -> list[StateChange]:
        """Terminate instances; returns each one's state change."""
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            response = self._client.terminate_instances(InstanceIds=ids)
        return [StateChange._from_boto(item) for item in response.get("TerminatingInstances", [])]

    def wait_until(
        self,
        instance_ids: Sequence[str],
        state: InstanceState | InstanceStateName,
        *,
        timeout: float = 600,
        poll_interval: float = 5,
    ) -> list[Instance]:
        """Wait until every instance is in ``state`` (an InstanceState or its string,
        ``"running"``) and return them as they are then.

        Polls with botocore's waiter machinery, never sleeping past ``timeout``: raises
        :class:`WaitTimeoutError` when time runs out and :class:`WaitFailedError` at once
        when an instance reaches a state from which ``state`` cannot follow (waiting for
        RUNNING on a terminated one). An id AWS does not know yet is polled again for a short
        grace period (new instances take a moment to appear); still unknown then, it is
        :class:`NotFoundError`.
        """
        ids = check_ids(instance_ids, "instance_ids")
        awaited = user_state(InstanceState, state, "state")
        wait_for_path(
            self._client,
            operation="DescribeInstances",
            path="Reservations[].Instances[].State.Name",
            expected=str(awaited),
            failures=[str(dead_end) for dead_end in _DEAD_ENDS[awaited]],
            not_found_errors=["InvalidInstanceID.NotFound"],
            params={"InstanceIds": ids},
            timeout=timeout,
            poll_interval=poll_interval,
            description=f"{', '.join(ids)} to be {awaited}",
            codes=self._error_codes,
        )
        return list(self.instances(ids=ids))

    # -- tags ----------------------------------------------------------------------------

    def tag(self, resource_ids: Sequence[str], tags: Mapping[str, str]) -> None:
        """Add or overwrite tags on any EC2 resources (instances, groups, VPCs, …)."""
        ids = check_ids(resource_ids, "resource_ids")
        checked = _tags.validate(tags)
        if not checked:
            raise InvalidArgumentError("tags must name at least one tag")
        with self._translate():
            self._client.create_tags(Resources=ids, Tags=_tags.to_aws(checked))

    def untag(self, resource_ids: Sequence[str], keys: Iterable[str]) -> None:
        """Remove the tags with these keys (whatever their values) from the resources."""
        ids = check_ids(resource_ids, "resource_ids")
        checked = _tags.validate_keys(keys)
        if not checked:
            raise InvalidArgumentError("keys must name at least one tag key")
        with self._translate():
            self._client.delete_tags(Resources=ids, Tags=[{"Key": key} for key in checked])


def _reservation_instances(page: DescribeInstancesResultTypeDef) -> Iterator[InstanceTypeDef]:
    """Every instance of every reservation on a page."""
    for reservation in page.get("Reservations", []):
        yield from reservation.get("Instances", [])
