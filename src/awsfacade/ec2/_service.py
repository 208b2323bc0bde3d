"""Ec2Service: instances, security groups, VPCs, subnets and launch templates."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeGuard, TypeVar

import attrs

from awsfacade import _tags
from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade._convert import converter, required, sent
from awsfacade._paging import items
from awsfacade._waiting import wait_for_path
from awsfacade.ec2._models import (
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Rule,
    SecurityGroup,
    Subnet,
    Vpc,
    check_cidr,
)
from awsfacade.errors import InvalidArgumentError, NotFoundError, translate

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_ec2.literals import InstanceTypeType, ResourceTypeType
    from mypy_boto3_ec2.type_defs import (
        FilterTypeDef,
        InstanceStateChangeTypeDef,
        IpPermissionTypeDef,
        RequestLaunchTemplateDataTypeDef,
        RunInstancesRequestTypeDef,
        TagSpecificationTypeDef,
    )

__all__ = ["Ec2Service", "StateChange"]

M = TypeVar("M")

DEFAULT_INSTANCE_TYPE = "t3.micro"
#: The largest MaxResults the describe operations accept.
_PAGE_SIZE = 1000
_LAUNCH_TEMPLATE_PAGE_SIZE = 200
_MAX_CLIENT_TOKEN = 64
_USER_DATA_LIMIT = 16 * 1024
_NETMASKS = range(16, 29)  # AWS accepts VPC and subnet blocks from /16 to /28
_INSTANCE_TYPE = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")
_LAUNCH_TEMPLATE_ID = re.compile(r"^lt-[0-9a-f]{8,17}$")

# For each awaited state, the states from which it cannot follow (after botocore's waiters).
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
    InstanceState.SHUTTING_DOWN: (),
}


def _new_client(session: Session, options: ClientOptions) -> EC2Client:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns EC2Client.
    return session.client("ec2", **options)  # pyright: ignore[reportUnknownMemberType]


_CLIENTS: ClientCache[EC2Client] = ClientCache("ec2", _new_client)


@attrs.frozen(kw_only=True)
class StateChange:
    """What ``start``, ``stop`` and ``terminate`` did to one instance."""

    instance_id: str
    previous: InstanceState
    current: InstanceState

    @classmethod
    @converter
    def _from_boto(cls, item: InstanceStateChangeTypeDef) -> StateChange:
        return cls(
            instance_id=required(item.get("InstanceId"), "InstanceId"),
            previous=InstanceState(item.get("PreviousState", {}).get("Name", "unknown")),
            current=InstanceState(item.get("CurrentState", {}).get("Name", "unknown")),
        )


class Ec2Service(Service["EC2Client"]):
    """EC2: instances, security groups and their rules, VPCs, subnets, launch templates."""

    __slots__ = ()

    @classmethod
    def _clients(cls) -> ClientCache[EC2Client]:
        return _CLIENTS

    # -- instances ---------------------------------------------------------------------

    def run(
        self,
        *,
        image_id: str,
        count: int = 1,
        instance_type: str | None = None,
        key_name: str | None = None,
        security_group_ids: Sequence[str] = (),
        subnet_id: str | None = None,
        user_data: str | None = None,
        tags: Mapping[str, str] | None = None,
        launch_template: LaunchTemplateRef | None = None,
        client_token: str | None = None,
    ) -> list[Instance]:
        """Launch exactly ``count`` instances (all or none) and return them as launched.

        ``instance_type=None`` takes the launch template's type, else ``"t3.micro"``.
        The same ``client_token`` makes a retried call return the first call's instances.
        """
        _check_id(image_id, "image_id")
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InvalidArgumentError(f"count must be a positive integer, not {count!r}")
        group_ids = _check_ids(security_group_ids, "security_group_ids", allow_empty=True)
        checked_tags = _tags.validate(tags)
        request: RunInstancesRequestTypeDef = {
            "ImageId": image_id,
            "MinCount": count,
            "MaxCount": count,
        }
        if instance_type is not None:
            request["InstanceType"] = _instance_type(instance_type)
        elif launch_template is None:
            request["InstanceType"] = _instance_type(DEFAULT_INSTANCE_TYPE)
        if launch_template is not None:
            if not isinstance(launch_template, LaunchTemplateRef):
                raise InvalidArgumentError("launch_template must be a LaunchTemplateRef")
            request["LaunchTemplate"] = launch_template._to_boto()
        if key_name is not None:
            request["KeyName"] = _check_id(key_name, "key_name")
        if group_ids:
            request["SecurityGroupIds"] = group_ids
        if subnet_id is not None:
            request["SubnetId"] = _check_id(subnet_id, "subnet_id")
        if user_data is not None:
            # botocore base64-encodes RunInstances' UserData itself; AWS limits the raw size.
            if len(user_data.encode()) > _USER_DATA_LIMIT:
                raise InvalidArgumentError("user_data is longer than AWS's 16 KiB limit")
            request["UserData"] = user_data
        if checked_tags:
            request["TagSpecifications"] = _tag_specifications(checked_tags, "instance", "volume")
        if client_token is not None:
            if not client_token or len(client_token) > _MAX_CLIENT_TOKEN:
                raise InvalidArgumentError("client_token must be 1 to 64 characters long")
            request["ClientToken"] = client_token
        with translate():
            response = self._client.run_instances(**request)
        return [Instance._from_boto(item) for item in response.get("Instances", [])]

    def instances(
        self,
        *,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        states: Sequence[InstanceState] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Instance]:
        """Instances matching every criterion given, page by page, reservations flattened.

        ``ids=[]`` and ``states=[]`` match nothing (they do not mean "all"); no request is
        sent for them.
        """
        request_filters = _filters(filters) + _tags.filters(_tags.validate(tags))
        if states is not None:
            state_values = _state_values(states)
            if not state_values:
                return iter(())
            request_filters.append({"Name": "instance-state-name", "Values": state_values})
        paginator = self._client.get_paginator("describe_instances")
        if ids is not None:
            checked = _check_ids(ids, "ids", allow_empty=True)
            if not checked:
                return iter(())
            # AWS refuses MaxResults beside InstanceIds.
            pages = paginator.paginate(InstanceIds=checked, Filters=request_filters)
        else:
            pages = paginator.paginate(
                Filters=request_filters, PaginationConfig={"PageSize": _PAGE_SIZE}
            )
        return items(
            pages,
            lambda page: (
                instance
                for reservation in page.get("Reservations", [])
                for instance in reservation.get("Instances", [])
            ),
            Instance._from_boto,
        )

    def instance(self, instance_id: str) -> Instance:
        """One instance by id; :class:`NotFoundError` if there is none."""
        _check_id(instance_id, "instance_id")
        return _only(
            self.instances(ids=[instance_id]),
            code="InvalidInstanceID.NotFound",
            message=f"The instance ID '{instance_id}' does not exist",
            operation="DescribeInstances",
        )

    def start(self, instance_ids: Sequence[str]) -> list[StateChange]:
        """Start stopped instances; returns each one's state change."""
        ids = _check_ids(instance_ids, "instance_ids")
        with translate():
            response = self._client.start_instances(InstanceIds=ids)
        return [StateChange._from_boto(item) for item in response.get("StartingInstances", [])]

    def stop(self, instance_ids: Sequence[str], *, force: bool = False) -> list[StateChange]:
        """Stop running instances (``force`` skips the guest OS's orderly shutdown)."""
        ids = _check_ids(instance_ids, "instance_ids")
        with translate():
            response = self._client.stop_instances(InstanceIds=ids, Force=force)
        return [StateChange._from_boto(item) for item in response.get("StoppingInstances", [])]

    def terminate(self, instance_ids: Sequence[str]) -> list[StateChange]:
        """Terminate instances; returns each one's state change."""
        ids = _check_ids(instance_ids, "instance_ids")
        with translate():
            response = self._client.terminate_instances(InstanceIds=ids)
        return [StateChange._from_boto(item) for item in response.get("TerminatingInstances", [])]

    def wait_until(
        self,
        instance_ids: Sequence[str],
        state: InstanceState,
        *,
        timeout: float = 600,
        poll_interval: float = 5,
    ) -> list[Instance]:
        """Wait until every instance is in ``state`` and return them as they are then.

        Polls with botocore's waiter machinery; raises :class:`WaitTimeoutError` after
        ``timeout`` seconds and :class:`WaitFailedError` at once when an instance reaches
        a state from which ``state`` cannot follow (waiting for RUNNING on a terminated one).
        An id AWS does not know yet is polled again (new instances take a moment to appear);
        if it still is unknown when time runs out, that :class:`NotFoundError` is raised.
        """
        ids = _check_ids(instance_ids, "instance_ids")
        if not isinstance(state, InstanceState) or state is InstanceState.UNKNOWN:
            raise InvalidArgumentError(f"state must be an InstanceState to wait for: {state!r}")
        wait_for_path(
            self._client,
            operation="DescribeInstances",
            path="Reservations[].Instances[].State.Name",
            expected=_state_value(state),
            failures=[_state_value(dead_end) for dead_end in _DEAD_ENDS[state]],
            retry_errors=["InvalidInstanceID.NotFound"],
            params={"InstanceIds": ids},
            timeout=timeout,
            poll_interval=poll_interval,
            description=f"{', '.join(ids)} to be {_state_value(state)}",
        )
        return list(self.instances(ids=ids))

    # -- tags ----------------------------------------------------------------------------

    def tag(self, resource_ids: Sequence[str], tags: Mapping[str, str]) -> None:
        """Add or overwrite tags on any EC2 resources (instances, groups, VPCs, …)."""
        ids = _check_ids(resource_ids, "resource_ids")
        checked = _tags.validate(tags)
        if not checked:
            raise InvalidArgumentError("tags must name at least one tag")
        with translate():
            self._client.create_tags(Resources=ids, Tags=_tags.to_aws(checked))

    def untag(self, resource_ids: Sequence[str], keys: Iterable[str]) -> None:
        """Remove the tags with these keys (whatever their values) from the resources."""
        ids = _check_ids(resource_ids, "resource_ids")
        checked = _tags.validate_keys(keys)
        if not checked:
            raise InvalidArgumentError("keys must name at least one tag key")
        with translate():
            self._client.delete_tags(Resources=ids, Tags=[{"Key": key} for key in checked])

    # -- security groups -----------------------------------------------------------------

    def create_security_group(
        self,
        *,
        name: str,
        description: str,
        vpc_id: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> SecurityGroup:
        """Create a security group (in the default VPC unless ``vpc_id``) and return it,
        with the egress rule AWS adds to every new group."""
        _check_text(name, "name", 255)
        if name.startswith("sg-"):
            raise InvalidArgumentError(f"security group names cannot start with 'sg-': {name!r}")
        _check_text(description, "description", 255)
        checked_tags = _tags.validate(tags)
        with translate():
            if vpc_id is None:
                response = self._client.create_security_group(
                    GroupName=name,
                    Description=description,
                    TagSpecifications=_tag_specifications(checked_tags, "security-group"),
                )
            else:
                response = self._client.create_security_group(
                    GroupName=name,
                    Description=description,
                    VpcId=_check_id(vpc_id, "vpc_id"),
                    TagSpecifications=_tag_specifications(checked_tags, "security-group"),
                )
        return self.security_group(sent(response.get("GroupId"), "GroupId", "CreateSecurityGroup"))

    def security_groups(
        self,
        *,
        ids: Sequence[str] | None = None,
        names: Sequence[str] | None = None,
        vpc_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[SecurityGroup]:
        """Security groups matching every criterion given, page by page."""
        request_filters = _filters(filters) + _tags.filters(_tags.validate(tags))
        if names is not None:
            checked_names = _check_ids(names, "names", allow_empty=True)
            if not checked_names:
                return iter(())
            # The group-name filter works in every VPC; GroupNames only in the default one.
            request_filters.append({"Name": "group-name", "Values": checked_names})
        if vpc_id is not None:
            request_filters.append({"Name": "vpc-id", "Values": [_check_id(vpc_id, "vpc_id")]})
        paginator = self._client.get_paginator("describe_security_groups")
        if ids is not None:
            checked = _check_ids(ids, "ids", allow_empty=True)
            if not checked:
                return iter(())
            pages = paginator.paginate(GroupIds=checked, Filters=request_filters)
        else:
            pages = paginator.paginate(
                Filters=request_filters, PaginationConfig={"PageSize": _PAGE_SIZE}
            )
        return items(pages, lambda page: page.get("SecurityGroups", []), SecurityGroup._from_boto)

    def security_group(self, group_id: str) -> SecurityGroup:
        """One security group by id; :class:`NotFoundError` if there is none."""
        _check_id(group_id, "group_id")
        return _only(
            self.security_groups(ids=[group_id]),
            code="InvalidGroup.NotFound",
            message=f"The security group '{group_id}' does not exist",
            operation="DescribeSecurityGroups",
        )

    def delete_security_group(self, group_id: str) -> None:
        """Delete a security group; :class:`InUseError` while anything still uses it."""
        _check_id(group_id, "group_id")
        with translate():
            self._client.delete_security_group(GroupId=group_id)

    def authorize_ingress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Add inbound rules, all in one request: either every rule is added or none is."""
        _check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with translate():
            self._client.authorize_security_group_ingress(
                GroupId=group_id, IpPermissions=permissions
            )

    def authorize_egress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Add outbound rules (VPC groups), all in one request: all or none."""
        _check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with translate():
            self._client.authorize_security_group_egress(
                GroupId=group_id, IpPermissions=permissions
            )

    def revoke_ingress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Remove inbound rules, all in one request: all or none."""
        _check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with translate():
            self._client.revoke_security_group_ingress(GroupId=group_id, IpPermissions=permissions)

    def revoke_egress(self, group_id: str, rules: Iterable[Rule]) -> None:
        """Remove outbound rules, all in one request: all or none."""
        _check_id(group_id, "group_id")
        permissions = _permissions(rules)
        with translate():
            self._client.revoke_security_group_egress(GroupId=group_id, IpPermissions=permissions)

    # -- VPCs and subnets ------------------------------------------------------------------

    def create_vpc(self, *, cidr_block: str, tags: Mapping[str, str] | None = None) -> Vpc:
        """Create a VPC with an IPv4 block from /16 to /28."""
        _check_block(cidr_block)
        checked_tags = _tags.validate(tags)
        with translate():
            response = self._client.create_vpc(
                CidrBlock=cidr_block, TagSpecifications=_tag_specifications(checked_tags, "vpc")
            )
        return Vpc._from_boto(sent(response.get("Vpc"), "Vpc", "CreateVpc"))

    def vpcs(
        self,
        *,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Vpc]:
        """VPCs matching every criterion given, page by page."""
        request_filters = _filters(filters) + _tags.filters(_tags.validate(tags))
        paginator = self._client.get_paginator("describe_vpcs")
        if ids is not None:
            checked = _check_ids(ids, "ids", allow_empty=True)
            if not checked:
                return iter(())
            pages = paginator.paginate(VpcIds=checked, Filters=request_filters)
        else:
            pages = paginator.paginate(
                Filters=request_filters, PaginationConfig={"PageSize": _PAGE_SIZE}
            )
        return items(pages, lambda page: page.get("Vpcs", []), Vpc._from_boto)

    def vpc(self, vpc_id: str) -> Vpc:
        """One VPC by id; :class:`NotFoundError` if there is none."""
        _check_id(vpc_id, "vpc_id")
        return _only(
            self.vpcs(ids=[vpc_id]),
            code="InvalidVpcID.NotFound",
            message=f"The vpc ID '{vpc_id}' does not exist",
            operation="DescribeVpcs",
        )

    def delete_vpc(self, vpc_id: str) -> None:
        """Delete a VPC; :class:`InUseError` while subnets or groups remain in it."""
        _check_id(vpc_id, "vpc_id")
        with translate():
            self._client.delete_vpc(VpcId=vpc_id)

    def create_subnet(
        self,
        *,
        vpc_id: str,
        cidr_block: str,
        availability_zone: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Subnet:
        """Create a subnet in a VPC, in ``availability_zone`` or one AWS picks."""
        _check_id(vpc_id, "vpc_id")
        _check_block(cidr_block)
        checked_tags = _tags.validate(tags)
        specifications = _tag_specifications(checked_tags, "subnet")
        with translate():
            if availability_zone is None:
                response = self._client.create_subnet(
                    VpcId=vpc_id, CidrBlock=cidr_block, TagSpecifications=specifications
                )
            else:
                response = self._client.create_subnet(
                    VpcId=vpc_id,
                    CidrBlock=cidr_block,
                    AvailabilityZone=_check_id(availability_zone, "availability_zone"),
                    TagSpecifications=specifications,
                )
        return Subnet._from_boto(sent(response.get("Subnet"), "Subnet", "CreateSubnet"))

    def subnets(
        self,
        *,
        vpc_id: str | None = None,
        ids: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
    ) -> Iterator[Subnet]:
        """Subnets matching every criterion given, page by page."""
        request_filters = _filters(filters) + _tags.filters(_tags.validate(tags))
        if vpc_id is not None:
            request_filters.append({"Name": "vpc-id", "Values": [_check_id(vpc_id, "vpc_id")]})
        paginator = self._client.get_paginator("describe_subnets")
        if ids is not None:
            checked = _check_ids(ids, "ids", allow_empty=True)
            if not checked:
                return iter(())
            pages = paginator.paginate(SubnetIds=checked, Filters=request_filters)
        else:
            pages = paginator.paginate(
                Filters=request_filters, PaginationConfig={"PageSize": _PAGE_SIZE}
            )
        return items(pages, lambda page: page.get("Subnets", []), Subnet._from_boto)

    def subnet(self, subnet_id: str) -> Subnet:
        """One subnet by id; :class:`NotFoundError` if there is none."""
        _check_id(subnet_id, "subnet_id")
        return _only(
            self.subnets(ids=[subnet_id]),
            code="InvalidSubnetID.NotFound",
            message=f"The subnet ID '{subnet_id}' does not exist",
            operation="DescribeSubnets",
        )

    def delete_subnet(self, subnet_id: str) -> None:
        """Delete a subnet; :class:`InUseError` while instances or interfaces remain in it."""
        _check_id(subnet_id, "subnet_id")
        with translate():
            self._client.delete_subnet(SubnetId=subnet_id)

    # -- launch templates ------------------------------------------------------------------

    def create_launch_template(
        self,
        *,
        name: str,
        image_id: str,
        instance_type: str | None = None,
        key_name: str | None = None,
        security_group_ids: Sequence[str] = (),
        user_data: str | None = None,
        instance_tags: Mapping[str, str] | None = None,
        tags: Mapping[str, str] | None = None,
        version_description: str | None = None,
    ) -> LaunchTemplate:
        """Create a launch template; ``instance_tags`` go on the instances it launches,
        ``tags`` on the template itself."""
        _check_text(name, "name", 128)
        if not re.fullmatch(r"[a-zA-Z0-9()./_-]{3,128}", name):
            raise InvalidArgumentError(
                f"launch template names are 3 to 128 of a-z A-Z 0-9 ( ) . / _ -: {name!r}"
            )
        data: RequestLaunchTemplateDataTypeDef = {"ImageId": _check_id(image_id, "image_id")}
        if instance_type is not None:
            data["InstanceType"] = _instance_type(instance_type)
        if key_name is not None:
            data["KeyName"] = _check_id(key_name, "key_name")
        group_ids = _check_ids(security_group_ids, "security_group_ids", allow_empty=True)
        if group_ids:
            data["SecurityGroupIds"] = group_ids
        if user_data is not None:
            # Unlike RunInstances, launch template data must be base64-encoded by the caller.
            data["UserData"] = base64.b64encode(user_data.encode()).decode("ascii")
        checked_instance_tags = _tags.validate(instance_tags)
        if checked_instance_tags:
            data["TagSpecifications"] = [
                {"ResourceType": "instance", "Tags": _tags.to_aws(checked_instance_tags)}
            ]
        checked_tags = _tags.validate(tags)
        with translate():
            response = self._client.create_launch_template(
                LaunchTemplateName=name,
                LaunchTemplateData=data,
                VersionDescription=version_description or "",
                TagSpecifications=_tag_specifications(checked_tags, "launch-template"),
            )
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
        """Launch templates matching every criterion given, page by page."""
        if names is not None and ids is not None:
            raise InvalidArgumentError("pass names= or ids=, not both")
        request_filters = _filters(filters)
        paginator = self._client.get_paginator("describe_launch_templates")
        if names is not None:
            checked = _check_ids(names, "names", allow_empty=True)
            if not checked:
                return iter(())
            pages = paginator.paginate(LaunchTemplateNames=checked, Filters=request_filters)
        elif ids is not None:
            checked = _check_ids(ids, "ids", allow_empty=True)
            if not checked:
                return iter(())
            pages = paginator.paginate(LaunchTemplateIds=checked, Filters=request_filters)
        else:
            pages = paginator.paginate(
                Filters=request_filters,
                PaginationConfig={"PageSize": _LAUNCH_TEMPLATE_PAGE_SIZE},
            )
        return items(pages, lambda page: page.get("LaunchTemplates", []), LaunchTemplate._from_boto)

    def launch_template(self, name_or_id: str) -> LaunchTemplate:
        """One launch template by name or ``lt-…`` id; :class:`NotFoundError` if none."""
        _check_id(name_or_id, "name_or_id")
        if _LAUNCH_TEMPLATE_ID.match(name_or_id):
            found = self.launch_templates(ids=[name_or_id])
        else:
            found = self.launch_templates(names=[name_or_id])
        return _only(
            found,
            code="InvalidLaunchTemplateName.NotFoundException",
            message=f"The launch template '{name_or_id}' does not exist",
            operation="DescribeLaunchTemplates",
        )

    def delete_launch_template(self, name_or_id: str) -> None:
        """Delete a launch template, with all its versions, by name or ``lt-…`` id."""
        _check_id(name_or_id, "name_or_id")
        with translate():
            if _LAUNCH_TEMPLATE_ID.match(name_or_id):
                self._client.delete_launch_template(LaunchTemplateId=name_or_id)
            else:
                self._client.delete_launch_template(LaunchTemplateName=name_or_id)


def _only(found: Iterator[M], *, code: str, message: str, operation: str) -> M:
    """The first item of a by-id listing, or the NotFoundError AWS would have sent.

    AWS answers an unknown id with an error, which translate() maps; an empty answer (an id
    filtered out, a name lookup) gets the same error here.
    """
    first = next(found, None)
    if first is None:
        raise NotFoundError(code=code, message=message, operation=operation)
    return first


# -- argument checks: every one runs before the first request -------------------------------


def _check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{what} must be a non-empty string, not {value!r}")
    return value


def _check_text(value: object, what: str, limit: int) -> str:
    text = _check_id(value, what)
    if len(text) > limit:
        raise InvalidArgumentError(f"{what} is longer than {limit} characters")
    return text


def _check_ids(values: Iterable[str], what: str, *, allow_empty: bool = False) -> list[str]:
    if isinstance(values, str):
        raise InvalidArgumentError(f"{what} must be a list of strings, not one string {values!r}")
    try:
        checked = [_check_id(value, f"each of {what}") for value in values]
    except TypeError as error:
        raise InvalidArgumentError(f"{what} must be a list of strings, not {values!r}") from error
    if not checked and not allow_empty:
        raise InvalidArgumentError(f"{what} must name at least one id")
    return checked


def _check_block(cidr_block: str) -> None:
    check_cidr(cidr_block)
    if int(cidr_block.rsplit("/", 1)[1]) not in _NETMASKS:
        raise InvalidArgumentError(
            f"AWS accepts VPC and subnet blocks from /16 to /28, not {cidr_block!r}"
        )


def _instance_type(value: object) -> InstanceTypeType:
    """``value`` checked for the family.size shape of every instance type."""
    if not isinstance(value, str) or not _is_instance_type(value):
        raise InvalidArgumentError(
            f'instance_type must look like "t3.micro" (family.size), not {value!r}'
        )
    return value


def _is_instance_type(value: str) -> TypeGuard[InstanceTypeType]:
    # The stubs list today's types as a Literal; AWS adds types between stub releases, so
    # we check the shape and let AWS judge the rest rather than refuse a type it accepts.
    return _INSTANCE_TYPE.fullmatch(value) is not None


def _state_values(states: Sequence[InstanceState]) -> list[str]:
    if isinstance(states, InstanceState | str) or not isinstance(states, Sequence):
        raise InvalidArgumentError("states must be a list of InstanceState members")
    values: list[str] = []
    for state in states:
        if not isinstance(state, InstanceState) or state is InstanceState.UNKNOWN:
            raise InvalidArgumentError(f"states must hold InstanceState members, not {state!r}")
        values.append(_state_value(state))
    return values


def _state_value(state: InstanceState) -> str:
    # A plain InstanceState: mypy types .value of a narrowed union of members as Any.
    return state.value


def _filters(filters: Mapping[str, Sequence[str]] | None) -> list[FilterTypeDef]:
    if filters is None:
        return []
    if not isinstance(filters, Mapping):
        raise InvalidArgumentError("filters must map a filter name to a list of values")
    return [
        {"Name": _check_id(name, "filter name"), "Values": _check_ids(values, f"filter {name!r}")}
        for name, values in filters.items()
    ]


def _tag_specifications(
    tags: Mapping[str, str], *resource_types: ResourceTypeType
) -> list[TagSpecificationTypeDef]:
    if not tags:
        return []
    return [
        {"ResourceType": resource_type, "Tags": _tags.to_aws(tags)}
        for resource_type in resource_types
    ]


def _permissions(rules: Iterable[Rule]) -> list[IpPermissionTypeDef]:
    if isinstance(rules, Rule) or not isinstance(rules, Iterable):
        raise InvalidArgumentError("rules must be a list of Rule objects")
    permissions: list[IpPermissionTypeDef] = []
    for rule in rules:
        if not isinstance(rule, Rule):
            raise InvalidArgumentError(f"rules must hold Rule objects, not {rule!r}")
        permissions.append(rule._to_boto())
    if not permissions:
        raise InvalidArgumentError("rules must hold at least one Rule")
    return permissions
