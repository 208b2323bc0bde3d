"""IamService's roles: create with a trust policy, list, read, and delete (forced or not)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._progress import Reporter
from awsfacade.iam._base import IamBase, Step, later
from awsfacade.iam._checks import (
    check_tags,
)
from awsfacade.iam._models import Role, dump

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import (
        CreateRoleRequestTypeDef,
        InstanceProfileTypeDef,
        RoleTypeDef,
    )

    from awsfacade.progress import ProgressCallback

__all__ = ["IamRolesMixin"]


class IamRolesMixin(IamBase):
    """Roles."""

    __slots__ = ()

    @request(
        "CreateRole",
        name="RoleName",
        path="Path",
        description="Description",
        max_session_duration="MaxSessionDuration",
    )
    def create_role(
        self,
        name: str,
        *,
        assume_role_policy: Mapping[str, object],
        path: str = "/",
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
        max_session_duration: int | None = None,
    ) -> Role:
        """Create a role and return it as CreateRole describes it.

        If CreateRole's answer is lost and botocore's retry meets ``EntityAlreadyExists``,
        the role is read: returned if its path, trust policy, description, session duration
        and tags are the ones sent.

        Args:
            name: The role's name: up to 64 letters, digits and ``+=,.@_-``.
            assume_role_policy: The trust policy (who may assume the role), a mapping sent
                as JSON.
            path: The path to file the role under: ``/``, or one like ``/team/``.
            description: Up to 1,000 printable Latin-1 characters (tab, newline and return
                too).
            tags: The role's tags (at most 50).
            max_session_duration: The longest session assuming the role gives, in seconds:
                3600 to 43200 (one to twelve hours); `None`: AWS's default.

        Returns:
            The new role, with its tags.

        Raises:
            AlreadyExistsError: A role of that name exists (and is not the one this call
                made).
            InvalidRequestError: AWS refused the trust policy (malformed, or naming a
                principal that does not exist).
            LimitExceededError: The account's quota of roles is used up, or the trust
                policy is longer than AWS allows (2,048 characters by default).
            InvalidArgumentError: An argument breaks IAM's rules (a trust policy without a
                ``Statement`` or not serialisable as JSON, a description too long…); nothing
                was sent.
        """
        request: CreateRoleRequestTypeDef = {
            "RoleName": name,
            "AssumeRolePolicyDocument": dump(assume_role_policy, "assume_role_policy"),
            "Path": path,
        }
        if description is not None:
            request["Description"] = description
        if max_session_duration is not None:
            request["MaxSessionDuration"] = max_session_duration
        checked_tags = check_tags(tags)
        if checked_tags:
            request["Tags"] = [{"Key": k, "Value": v} for k, v in checked_tags.items()]

        def send() -> Role:
            with self._translate():
                response = self._client.create_role(**request)
            return Role._from_boto(sent(response.get("Role"), "Role", "CreateRole"), complete=True)

        def find(_: object) -> Role | None:
            role = self.role(name)
            same = (
                role.path == request["Path"]
                and role.assume_role_policy == assume_role_policy
                and role.description == (description or None)
                and max_session_duration in (None, role.max_session_duration)
                and role.tags == checked_tags
            )
            return role if same else None

        return create_unique(send, operation="CreateRole", find=find)

    @request("ListRoles", path_prefix="PathPrefix")
    def roles(self, *, path_prefix: str = "/", with_tags: bool = False) -> Iterator[Role]:
        """List the roles whose path starts with `path_prefix`.

        ListRoles does not return tags: each role's `tags` is `None` unless `with_tags`.

        Args:
            path_prefix: ``/`` (every role) or a path's beginning, like ``/service-role/``.
            with_tags: Ask ListRoleTags for each role's tags (one more request a role; a
                role deleted meanwhile is skipped).

        Returns:
            A lazy iterator of the roles, read page by page as you iterate.

        Raises:
            InvalidArgumentError: `path_prefix` is not ``/`` followed by printable ASCII;
                nothing was sent.
        """
        paginator = self._client.get_paginator("list_roles")
        convert = self._role_with_tags if with_tags else Role._from_boto
        found = self._list(
            lambda config: paginator.paginate(PathPrefix=path_prefix, PaginationConfig=config),
            lambda page: page.get("Roles", []),
            convert,
        )
        return (role for role in found if role is not None)

    def _role_with_tags(self, item: RoleTypeDef) -> Role | None:
        """A listed role with its tags from ListRoleTags; None if it is gone already."""
        name = item.get("RoleName", "")
        paginator = self._client.get_paginator("list_role_tags")
        tags = self._tags_of(
            lambda config: paginator.paginate(RoleName=name, PaginationConfig=config)
        )
        if tags is None:
            return None
        tagged = item.copy()
        tagged["Tags"] = tags
        return Role._from_boto(tagged, complete=True)

    @request("GetRole", name="RoleName")
    def role(self, name: str) -> Role:
        """One role by name.

        Returns:
            The role, with its tags and last use.

        Raises:
            NotFoundError: No role has that name.
            InvalidArgumentError: `name` is not an IAM role name; nothing was sent.
        """
        with self._translate():
            response = self._client.get_role(RoleName=name)
        return Role._from_boto(sent(response.get("Role"), "Role", "GetRole"), complete=True)

    @request("DeleteRole", name="RoleName")
    def delete_role(
        self, name: str, *, force: bool = False, on_progress: ProgressCallback | None = None
    ) -> None:
        """Delete a role.

        IAM refuses while the role has attached or inline policies or is in an instance
        profile.

        Args:
            force: Remove all those first, then the role.
            on_progress: Called with a [Progress][awsfacade.progress.Progress] after each
                step of a forced delete (`"removed inline policy …"`) and once the role is
                deleted. If it raises, no further step is taken and its exception
                propagates.

        Raises:
            NotFoundError: No role has that name.
            InUseError: The role still has policies or instance profiles and `force` is
                False.
            PartialFailureError: With `force`, a step failed: it says what was removed and
                what remains (the role last), and holds the error that stopped it.
            InvalidArgumentError: `name` is not an IAM role name; nothing was sent.
        """
        report = Reporter(on_progress)
        client = self._client
        label = f"role {name}"
        if not force:
            with self._translate():
                client.delete_role(RoleName=name)
            report(1, 1, f"deleted {label}")
            return
        # ListAttachedRolePolicies first: it says NotFound if the role does not exist.
        steps: list[Step] = [
            (
                f"attached policy {policy.arn}",
                later(client.detach_role_policy, RoleName=name, PolicyArn=policy.arn),
            )
            for policy in self.attached_role_policies(name)
        ]
        inline_pages = client.get_paginator("list_role_policies")
        steps += [
            (
                f"inline policy {policy}",
                later(client.delete_role_policy, RoleName=name, PolicyName=policy),
            )
            for policy in self._list(
                lambda config: inline_pages.paginate(RoleName=name, PaginationConfig=config),
                lambda page: page.get("PolicyNames", []),
                str,
            )
        ]
        profile_pages = client.get_paginator("list_instance_profiles_for_role")
        steps += [
            (
                f"instance profile {profile}",
                later(
                    client.remove_role_from_instance_profile,
                    RoleName=name,
                    InstanceProfileName=profile,
                ),
            )
            for profile in self._list(
                lambda config: profile_pages.paginate(RoleName=name, PaginationConfig=config),
                lambda page: page.get("InstanceProfiles", []),
                _profile_name,
            )
        ]
        steps.append((label, later(client.delete_role, RoleName=name)))
        self._run_steps("DeleteRole", steps, [], last=label, report=report)


def _profile_name(item: InstanceProfileTypeDef) -> str:
    return item["InstanceProfileName"]
