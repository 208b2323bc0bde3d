"""IamService's roles: create with a trust policy, list, read, and delete (forced or not)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._validate import check_bool, check_int
from awsfacade.errors import InvalidArgumentError
from awsfacade.iam._base import Step, later
from awsfacade.iam._checks import (
    ROLE_NAME,
    check_name,
    check_path,
    check_path_prefix,
    check_tags,
)
from awsfacade.iam._document import dump
from awsfacade.iam._models import Role
from awsfacade.iam._policies import IamPoliciesMixin

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import (
        CreateRoleRequestTypeDef,
        InstanceProfileTypeDef,
        RoleTypeDef,
    )

__all__ = ["IamRolesMixin"]

#: roleDescriptionType: up to 1,000 of tab, newline, return and printable Latin-1.
_MAX_DESCRIPTION = 1000
#: roleMaxSessionDurationType, in seconds: one to twelve hours.
_MIN_SESSION, _MAX_SESSION = 3600, 43200


def _check_description(description: object) -> str:
    if (
        not isinstance(description, str)
        or len(description) > _MAX_DESCRIPTION
        or any(
            c not in "\t\n\r" and not (" " <= c <= "~" or "\xa1" <= c <= "\xff")
            for c in description
        )
    ):
        raise InvalidArgumentError(
            f"description must be at most {_MAX_DESCRIPTION} printable Latin-1 characters"
        )
    return description


class IamRolesMixin(IamPoliciesMixin):
    """Roles."""

    __slots__ = ()

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
        """Create a role whose trust policy (who may assume it) is ``assume_role_policy``,
        a mapping sent as JSON; return it as CreateRole describes it.

        If that answer is lost and botocore's retry meets EntityAlreadyExists, the role is
        read: returned if its path, trust policy, description, session duration and tags are
        the ones sent.
        """
        request: CreateRoleRequestTypeDef = {
            "RoleName": check_name(name, "name", ROLE_NAME),
            "AssumeRolePolicyDocument": dump(assume_role_policy, "assume_role_policy"),
            "Path": check_path(path),
        }
        if description is not None:
            request["Description"] = _check_description(description)
        if max_session_duration is not None:
            request["MaxSessionDuration"] = check_int(
                max_session_duration,
                "max_session_duration",
                minimum=_MIN_SESSION,
                maximum=_MAX_SESSION,
            )
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

    def roles(self, *, path_prefix: str = "/", with_tags: bool = False) -> Iterator[Role]:
        """Roles whose path starts with ``path_prefix``, page by page.

        ListRoles does not return tags: ``tags`` is ``None`` unless ``with_tags``, which asks
        ListRoleTags for each role (a role deleted meanwhile is skipped).
        """
        prefix = check_path_prefix(path_prefix)
        check_bool(with_tags, "with_tags")
        paginator = self._client.get_paginator("list_roles")
        convert = self._role_with_tags if with_tags else Role._from_boto
        found = self._list(
            lambda config: paginator.paginate(PathPrefix=prefix, PaginationConfig=config),
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

    def role(self, name: str) -> Role:
        """One role, with its tags and last use; :class:`NotFoundError` if there is none."""
        check_name(name, "name", ROLE_NAME)
        with self._translate():
            response = self._client.get_role(RoleName=name)
        return Role._from_boto(sent(response.get("Role"), "Role", "GetRole"), complete=True)

    def delete_role(self, name: str, *, force: bool = False) -> None:
        """Delete a role.

        IAM refuses (:class:`InUseError`) while the role has attached or inline policies or
        is in an instance profile. ``force=True`` removes those first, then the role; if a
        step fails, :class:`PartialFailureError` says what was removed and what remains.
        """
        check_name(name, "name", ROLE_NAME)
        check_bool(force, "force")
        client = self._client
        if not force:
            with self._translate():
                client.delete_role(RoleName=name)
            return
        label = f"role {name}"
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
        self._run_steps("DeleteRole", steps, [], last=label)


def _profile_name(item: InstanceProfileTypeDef) -> str:
    return item["InstanceProfileName"]
