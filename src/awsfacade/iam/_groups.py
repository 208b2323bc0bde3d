"""IamService's groups and their members."""

from __future__ import annotations

from collections.abc import Iterator

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade.iam._base import IamBase
from awsfacade.iam._models import Group, User

__all__ = ["IamGroupsMixin"]


class IamGroupsMixin(IamBase):
    """Groups and membership."""

    __slots__ = ()

    # -- groups --------------------------------------------------------------------------------

    @request("CreateGroup", name="GroupName", path="Path")
    def create_group(self, name: str, *, path: str = "/") -> Group:
        """Create a group and return it as CreateGroup describes it.

        If CreateGroup's answer is lost and botocore's retry meets ``EntityAlreadyExists``,
        the group is read: returned if it has this path.

        Args:
            name: The group's name: up to 128 letters, digits and ``+=,.@_-``.
            path: The path to file the group under: ``/``, or one like ``/team/``.

        Returns:
            The new group.

        Raises:
            AlreadyExistsError: A group of that name exists (and is not the one this call
                made).
            LimitExceededError: The account's quota of groups is used up.
            InvalidArgumentError: `name` or `path` breaks IAM's rules; nothing was sent.
        """

        def send() -> Group:
            with self._translate():
                response = self._client.create_group(GroupName=name, Path=path)
            return Group._from_boto(sent(response.get("Group"), "Group", "CreateGroup"))

        def find(_: object) -> Group | None:
            group = self.group(name)
            return group if group.path == path else None

        return create_unique(send, operation="CreateGroup", find=find)

    @request("ListGroups", path_prefix="PathPrefix")
    def groups(self, *, path_prefix: str = "/") -> Iterator[Group]:
        """List the groups whose path starts with `path_prefix`.

        Args:
            path_prefix: ``/`` (every group) or a path's beginning, like ``/team/``.

        Returns:
            A lazy iterator of the groups, read page by page as you iterate.

        Raises:
            InvalidArgumentError: `path_prefix` is not ``/`` followed by printable ASCII;
                nothing was sent.
        """
        paginator = self._client.get_paginator("list_groups")
        return self._list(
            lambda config: paginator.paginate(PathPrefix=path_prefix, PaginationConfig=config),
            lambda page: page.get("Groups", []),
            Group._from_boto,
        )

    @request("GetGroup", name="GroupName")
    def group(self, name: str) -> Group:
        """One group by name.

        Returns:
            The group.

        Raises:
            NotFoundError: No group has that name.
            InvalidArgumentError: `name` is not an IAM group name; nothing was sent.
        """
        with self._translate():
            response = self._client.get_group(GroupName=name, MaxItems=1)
        return Group._from_boto(sent(response.get("Group"), "Group", "GetGroup"))

    @request("DeleteGroup", name="GroupName")
    def delete_group(self, name: str) -> None:
        """Delete a group.

        Raises:
            NotFoundError: No group has that name.
            InUseError: The group still has members or policies.
            InvalidArgumentError: `name` is not an IAM group name; nothing was sent.
        """
        with self._translate():
            self._client.delete_group(GroupName=name)

    # -- membership ----------------------------------------------------------------------------

    @request("AddUserToGroup", user="UserName", group="GroupName")
    def add_user_to_group(self, *, user: str, group: str) -> None:
        """Make `user` a member of `group` (nothing changes if it is one already).

        Raises:
            NotFoundError: There is no such user or no such group.
            LimitExceededError: The user is in as many groups as IAM allows.
            InvalidArgumentError: `user` or `group` is not an IAM name; nothing was sent.
        """
        with self._translate():
            self._client.add_user_to_group(UserName=user, GroupName=group)

    @request("RemoveUserFromGroup", user="UserName", group="GroupName")
    def remove_user_from_group(self, *, user: str, group: str) -> None:
        """Remove `user` from `group`.

        Raises:
            NotFoundError: The user is not a member, or there is no such user or group.
            InvalidArgumentError: `user` or `group` is not an IAM name; nothing was sent.
        """
        with self._translate():
            self._client.remove_user_from_group(UserName=user, GroupName=group)

    @request("ListGroupsForUser", user="UserName")
    def groups_for_user(self, user: str) -> Iterator[Group]:
        """List the groups `user` is a member of.

        Returns:
            A lazy iterator of the groups, read page by page as you iterate.

        Raises:
            NotFoundError: No user has that name.
            InvalidArgumentError: `user` is not an IAM user name; nothing was sent.
        """
        paginator = self._client.get_paginator("list_groups_for_user")
        return self._list(
            lambda config: paginator.paginate(UserName=user, PaginationConfig=config),
            lambda page: page.get("Groups", []),
            Group._from_boto,
        )

    @request("GetGroup", group="GroupName")
    def users_in_group(self, group: str) -> Iterator[User]:
        """List the members of `group`, from GetGroup's pages.

        Returns:
            A lazy iterator of the users (their `tags` not fetched: `None`), read page by
                page as you iterate.

        Raises:
            NotFoundError: No group has that name.
            InvalidArgumentError: `group` is not an IAM group name; nothing was sent.
        """
        paginator = self._client.get_paginator("get_group")
        return self._list(
            lambda config: paginator.paginate(GroupName=group, PaginationConfig=config),
            lambda page: page.get("Users", []),
            User._from_boto,
        )
