"""Ec2Service's instances: launch, list, act on, wait for, and tag EC2 resources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from awsfacade import _tags
from awsfacade._base import user_state
from awsfacade._convert import sent
from awsfacade._launch import (
    BlockDevice,
    LaunchTemplateRef,
    MetadataOptions,
    SpotOptions,
    check_instance_type,
    check_user_data,
)
from awsfacade._paging import only
from awsfacade._validate import (
    check_id,
    check_ids,
    check_int,
    optional_ids,
)
from awsfacade._waiting import Seen, wait_for_path
from awsfacade.ec2._base import Ec2Base, ec2_filters, tag_specifications
from awsfacade.ec2._checks import check_client_token, instance_profile, state_values
from awsfacade.ec2._models import Instance, InstanceState, InstanceStateName, StateChange
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        DescribeInstancesRequestPaginateTypeDef,
        DescribeInstancesResultTypeDef,
        InstanceNetworkInterfaceSpecificationTypeDef,
        InstanceTypeDef,
        RunInstancesRequestTypeDef,
    )

    from awsfacade.progress import ProgressCallback


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
    """[Ec2Service][awsfacade.ec2.Ec2Service]'s instances, and tags on any EC2 resource."""

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
        """Launch exactly `count` instances (all or none) and return them as launched.

        One `RunInstances` request. The instances are usually `pending` at first: wait for
        them with [`wait_until`][awsfacade.ec2.Ec2Service.wait_until].

        Args:
            image_id: The AMI to launch.
            count: How many instances to launch; with no `min_count`, AWS launches exactly
                this many or none.
            min_count: Asks for "as many as AWS can, at least `min_count`, up to `count`".
            instance_type: `None` takes the launch template's type, else `"t3.micro"`. Only
                its family.size shape is checked here; AWS judges the rest.
            key_name: The key pair to install for SSH.
            security_group_ids: The security groups of the instances.
            subnet_id: The subnet to launch into (else a default subnet of the default VPC).
            availability_zone: The zone to launch in.
            associate_public_ip: Whether to give the instances a public IPv4 address (`None`:
                the subnet's setting). AWS takes this only on a network interface, so it is
                sent on the primary one, which then holds `subnet_id` and `security_group_ids`.
            iam_instance_profile: An instance profile's name or ARN.
            block_devices: EBS volumes to create with the instances.
            metadata_options: `None` requires IMDSv2 unless a launch template decides.
            spot: Launch Spot Instances instead of On-Demand ones.
            user_data: The script or data the instances get at boot (at most 16 KiB, before
                base64, which botocore applies).
            tags: Tags for the instances and their volumes.
            launch_template: A launch template whose settings the other arguments override.
            client_token: An idempotency token: the same `client_token` makes a retried call
                return the first call's instances.

        Returns:
            The instances launched, as `RunInstances` reported them.

        Raises:
            InvalidArgumentError: An argument is not valid (a `count` below 1, a `min_count`
                above `count`, user data over 16 KiB, …); nothing was sent.
            NotFoundError: The AMI, subnet, security group, key pair or launch template does
                not exist.
            CapacityError: AWS has not enough capacity of that type in the zone now
                (`InsufficientInstanceCapacity`).
            LimitExceededError: The account's instance or vCPU quota is used up.
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
            request["LaunchTemplate"] = launch_template._to_boto()
        if metadata_options is not None or launch_template is None:
            request["MetadataOptions"] = (metadata_options or MetadataOptions())._for_run()
        if key_name is not None:
            request["KeyName"] = check_id(key_name, "key_name")
        group_ids = optional_ids(security_group_ids, "security_group_ids") or []
        subnet = None if subnet_id is None else check_id(subnet_id, "subnet_id")
        if associate_public_ip is not None:
            # AWS takes this only on a network interface, which then holds subnet and groups.
            interface: InstanceNetworkInterfaceSpecificationTypeDef = {
                "DeviceIndex": 0,
                "AssociatePublicIpAddress": associate_public_ip,
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
        if block_devices:
            request["BlockDeviceMappings"] = [device._for_run() for device in block_devices]
        if spot is not None:
            request["InstanceMarketOptions"] = spot._for_run()
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

        Nothing is sent until you iterate. `ids=[]` and `states=[]` match nothing (they do
        not mean "all"); no request is sent for them.

        Args:
            ids: Only these instances.
            tags: Only instances with these tags (each key with this value); may name AWS's
                own tags (`aws:autoscaling:groupName`).
            states: Only instances in these states: [InstanceState][] members or their
                strings (`["running"]`).
            filters: EC2 filters, each name to the values it accepts
                (`{"instance-type": ["t3.micro"]}`).

        Returns:
            A lazy iterator of the instances, read page by page as you iterate.

        Raises:
            InvalidArgumentError: A criterion is not valid (a state that is not an
                [InstanceState][], one string given for a list); nothing was sent.
            NotFoundError: One of `ids` does not exist (raised as you iterate).
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
        """One instance by id.

        Returns:
            The instance as AWS describes it now.

        Raises:
            NotFoundError: No instance has that id.
            InvalidArgumentError: `instance_id` is not a non-empty string; nothing was sent.
        """
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
        """Start stopped instances.

        Returns:
            Each instance's state change (`stopped` to `pending`, usually).

        Raises:
            NotFoundError: One of the instances does not exist.
            InvalidStateError: An instance cannot be started from its state
                (`IncorrectInstanceState`).
            InvalidArgumentError: `instance_ids` is empty or not a list of ids; nothing was sent.
        """
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            response = self._client.start_instances(InstanceIds=ids)
        return [StateChange._from_boto(item) for item in response.get("StartingInstances", [])]

    def stop(self, instance_ids: Sequence[str], *, force: bool = False) -> list[StateChange]:
        """Stop running instances.

        Args:
            force: Skip the guest OS's orderly shutdown.

        Returns:
            Each instance's state change (`running` to `stopping`, usually).

        Raises:
            NotFoundError: One of the instances does not exist.
            InvalidStateError: An instance cannot be stopped from its state
                (`IncorrectInstanceState`).
            InvalidArgumentError: `instance_ids` is empty or not a list of ids; nothing was sent.
        """
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            response = self._client.stop_instances(InstanceIds=ids, Force=force)
        return [StateChange._from_boto(item) for item in response.get("StoppingInstances", [])]

    def reboot(self, instance_ids: Sequence[str]) -> None:
        """Reboot running instances.

        AWS queues the request; the state stays `running`. AWS ignores a request to reboot a
        terminated instance.

        Raises:
            NotFoundError: One of the instances does not exist.
            InvalidArgumentError: `instance_ids` is empty or not a list of ids; nothing was sent.
        """
        ids = check_ids(instance_ids, "instance_ids")
        with self._translate():
            self._client.reboot_instances(InstanceIds=ids)

    def terminate(self, instance_ids: Sequence[str]) -> list[StateChange]:
        """Terminate instances.

        Returns:
            Each instance's state change (to `shutting-down`, usually).

        Raises:
            NotFoundError: One of the instances does not exist.
            InvalidArgumentError: `instance_ids` is empty or not a list of ids; nothing was sent.
        """
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
        on_progress: ProgressCallback | None = None,
    ) -> list[Instance]:
        """Wait until every instance is in `state` and return them as they are then.

        Polls DescribeInstances at once, then every `poll_interval` seconds, matching each
        answer with botocore's waiter acceptors; the last sleep ends at `timeout`, never past
        it. An id AWS does not know yet is polled again for a short grace period (new
        instances take a moment to appear).

        Args:
            instance_ids: The instances to wait for.
            state: An [InstanceState][] or its string (`"running"`).
            timeout: The most seconds to wait.
            poll_interval: Seconds between two polls.
            on_progress: Called after each poll with a
                [Progress][awsfacade.progress.Progress]: how many of the instances are in
                `state` (`"1 of 2 instances running (1 pending)"`).

        Returns:
            The instances as the poll that found all of them in `state` describes them.

        Raises:
            WaitTimeoutError: Time ran out before every instance was in `state`; the message
                says what was last seen.
            WaitFailedError: At once, when an instance reaches a state from which `state`
                cannot follow (waiting for `RUNNING` on a terminated one).
            NotFoundError: An id is still unknown after the grace period.
            InvalidArgumentError: `instance_ids` is empty, `state` is not an
                [InstanceState][], or `timeout` or `poll_interval` is not a positive number;
                nothing was sent.
        """
        ids = check_ids(instance_ids, "instance_ids")
        awaited = user_state(InstanceState, state, "state")
        answer = wait_for_path(
            lambda: self._client.describe_instances(InstanceIds=ids),
            operation="DescribeInstances",
            path="Reservations[].Instances[].State.Name",
            expected=str(awaited),
            seen=lambda found: _states_seen(found, awaited, len(ids)),
            failures=[str(dead_end) for dead_end in _DEAD_ENDS[awaited]],
            not_found=["InvalidInstanceID.NotFound"],
            grace=True,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            description=f"{', '.join(ids)} to be {awaited}",
            codes=self._error_codes,
        )
        return [Instance._from_boto(item) for item in _reservation_instances(answer)]

    # -- tags ----------------------------------------------------------------------------

    def tag(self, resource_ids: Sequence[str], tags: Mapping[str, str]) -> None:
        """Add or overwrite tags on any EC2 resources (instances, groups, VPCs, …).

        Raises:
            NotFoundError: One of the resources does not exist.
            InvalidArgumentError: `resource_ids` is empty, `tags` names no tag, or a key is
                not valid (AWS reserves the `aws:` prefix); nothing was sent.
        """
        ids = check_ids(resource_ids, "resource_ids")
        checked = _tags.validate(tags)
        if not checked:
            raise InvalidArgumentError("tags must name at least one tag")
        with self._translate():
            self._client.create_tags(Resources=ids, Tags=_tags.to_aws(checked))

    def untag(self, resource_ids: Sequence[str], keys: Iterable[str]) -> None:
        """Remove the tags with these keys (whatever their values) from the resources.

        Raises:
            NotFoundError: One of the resources does not exist.
            InvalidArgumentError: `resource_ids` is empty or `keys` names no key; nothing was
                sent.
        """
        ids = check_ids(resource_ids, "resource_ids")
        checked = _tags.validate_keys(keys)
        if not checked:
            raise InvalidArgumentError("keys must name at least one tag key")
        with self._translate():
            self._client.delete_tags(Resources=ids, Tags=[{"Key": key} for key in checked])


def _states_seen(
    answer: DescribeInstancesResultTypeDef | None, awaited: InstanceState, count: int
) -> Seen:
    """How many of ``count`` instances a DescribeInstances answer shows in the ``awaited``
    state, and the others' states ("1 of 2 instances running (1 pending)")."""
    if answer is None:
        return Seen(0, count, f"0 of {count} instances {awaited} (not found yet)")
    states = Counter(
        item.get("State", {}).get("Name", "unknown") for item in _reservation_instances(answer)
    )
    done = states.pop(str(awaited), 0)
    others = ", ".join(f"{number} {name}" for name, number in sorted(states.items()))
    return Seen(
        done, count, f"{done} of {count} instances {awaited}" + (f" ({others})" if others else "")
    )


def _reservation_instances(page: DescribeInstancesResultTypeDef) -> Iterator[InstanceTypeDef]:
    """Every instance of every reservation on a page."""
    for reservation in page.get("Reservations", []):
        yield from reservation.get("Instances", [])
