"""IamService's managed policies: create, read, delete, and attach to users, groups, roles."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Literal

from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import only
from awsfacade._validate import check_bool
from awsfacade.errors import InvalidArgumentError, NotFoundError
from awsfacade.iam._base import IamBase
from awsfacade.iam._checks import (
    GROUP_NAME,
    POLICY_NAME,
    ROLE_NAME,
    USER_NAME,
    check_arn,
    check_name,
    check_policy_path,
    check_tags,
)
from awsfacade.iam._document import PolicyDocument, dump, parse
from awsfacade.iam._models import AttachedPolicy, Policy

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import CreatePolicyRequestTypeDef

__all__ = ["IamPoliciesMixin", "PolicyScope"]

#: Whose policies ``policies()`` lists: yours (``Local``), AWS's, or both.
PolicyScope = Literal["All", "AWS", "Local"]
_SCOPES: frozenset[str] = frozenset({"All", "AWS", "Local"})
#: policyDescriptionType.
_MAX_DESCRIPTION = 1000


class IamPoliciesMixin(IamBase):
    """Managed policies and their attachments."""

    __slots__ = ()

    def create_policy(
        self,
        name: str,
        *,
        document: Mapping[str, object],
        path: str = "/",
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Policy:
        """Create a customer managed policy from a document given as a mapping (sent as
        JSON) and return it as CreatePolicy describes it.

        If that answer is lost and botocore's retry meets EntityAlreadyExists, the policy of
        that name and path is read: returned if its document and description are the ones
        sent.
        """
        request: CreatePolicyRequestTypeDef = {
            "PolicyName": check_name(name, "name", POLICY_NAME),
            "PolicyDocument": dump(document, "document"),
            "Path": check_policy_path(path),
        }
        if description is not None:
            if not isinstance(description, str) or len(description) > _MAX_DESCRIPTION:
                raise InvalidArgumentError(
                    f"description must be a string of at most {_MAX_DESCRIPTION} characters"
                )
            request["Description"] = description
        checked_tags = check_tags(tags)
        if checked_tags:
            request["Tags"] = [{"Key": k, "Value": v} for k, v in checked_tags.items()]

        def send() -> Policy:
            with self._translate():
                response = self._client.create_policy(**request)
            return Policy._from_boto(sent(response.get("Policy"), "Policy", "CreatePolicy"))

        def find(_: object) -> Policy | None:
            # Its ARN holds the account id, which no answer here gives: list the path's.
            listed = only(
                (one for one in self.policies(path_prefix=request["Path"]) if one.name == name),
                NotFoundError(
                    code="NoSuchEntity",
                    message=f"No policy {name} at path {request['Path']}",
                    operation="ListPolicies",
                ),
            )
            policy = self.policy(listed.arn)  # with its description
            same = (
                policy.path == request["Path"]
                and policy.description == (description or None)
                and self.policy_document(policy.arn) == document
            )
            return policy if same else None

        return create_unique(send, operation="CreatePolicy", find=find)

    def policies(
        self,
        *,
        scope: PolicyScope = "Local",
        only_attached: bool = False,
        path_prefix: str = "/",
    ) -> Iterator[Policy]:
        """Managed policies, page by page: by default yours (``scope="Local"``), AWS's with
        ``"AWS"`` (about 1,400 of them), or both with ``"All"``."""
        if scope not in _SCOPES:
            raise InvalidArgumentError(f"scope must be 'All', 'AWS' or 'Local', not {scope!r}")
        attached = check_bool(only_attached, "only_attached")
        prefix = check_policy_path(path_prefix, "path_prefix")
        paginator = self._client.get_paginator("list_policies")
        return self._list(
            lambda config: paginator.paginate(
                Scope=scope, OnlyAttached=attached, PathPrefix=prefix, PaginationConfig=config
            ),
            lambda page: page.get("Policies", []),
            Policy._from_boto,
        )

    def policy(self, arn: str) -> Policy:
        """One managed policy by ARN; :class:`NotFoundError` if there is none."""
        check_arn(arn, "arn")
        with self._translate():
            response = self._client.get_policy(PolicyArn=arn)
        return Policy._from_boto(sent(response.get("Policy"), "Policy", "GetPolicy"))

    def policy_document(self, arn: str) -> PolicyDocument:
        """The document of a managed policy's default version, parsed."""
        policy = self.policy(arn)
        with self._translate():
            response = self._client.get_policy_version(
                PolicyArn=arn, VersionId=policy.default_version_id
            )
        version = sent(response.get("PolicyVersion"), "PolicyVersion", "GetPolicyVersion")
        document: object = sent(version.get("Document"), "Document", "GetPolicyVersion")
        return parse(document)

    def delete_policy(self, arn: str) -> None:
        """Delete a customer managed policy; :class:`InUseError` while it is attached or has
        versions besides the default."""
        check_arn(arn, "arn")
        with self._translate():
            self._client.delete_policy(PolicyArn=arn)

    # -- attachments ---------------------------------------------------------------------------

    def attach_user_policy(self, *, user: str, policy_arn: str) -> None:
        """Attach a managed policy to a user (nothing changes if it is attached already)."""
        check_name(user, "user", USER_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_user_policy(UserName=user, PolicyArn=policy_arn)

    def detach_user_policy(self, *, user: str, policy_arn: str) -> None:
        """Detach a managed policy from a user; :class:`NotFoundError` if not attached."""
        check_name(user, "user", USER_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_user_policy(UserName=user, PolicyArn=policy_arn)

    def attached_user_policies(self, user: str) -> Iterator[AttachedPolicy]:
        """The managed policies attached to a user, page by page."""
        check_name(user, "user", USER_NAME)
        paginator = self._client.get_paginator("list_attached_user_policies")
        return self._list(
            lambda config: paginator.paginate(UserName=user, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )

    def attach_group_policy(self, *, group: str, policy_arn: str) -> None:
        """Attach a managed policy to a group (nothing changes if it is attached already)."""
        check_name(group, "group", GROUP_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_group_policy(GroupName=group, PolicyArn=policy_arn)

    def detach_group_policy(self, *, group: str, policy_arn: str) -> None:
        """Detach a managed policy from a group; :class:`NotFoundError` if not attached."""
        check_name(group, "group", GROUP_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_group_policy(GroupName=group, PolicyArn=policy_arn)

    def attached_group_policies(self, group: str) -> Iterator[AttachedPolicy]:
        """The managed policies attached to a group, page by page."""
        check_name(group, "group", GROUP_NAME)
        paginator = self._client.get_paginator("list_attached_group_policies")
        return self._list(
            lambda config: paginator.paginate(GroupName=group, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )

    def attach_role_policy(self, *, role: str, policy_arn: str) -> None:
        """Attach a managed policy to a role (nothing changes if it is attached already)."""
        check_name(role, "role", ROLE_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_role_policy(RoleName=role, PolicyArn=policy_arn)

    def detach_role_policy(self, *, role: str, policy_arn: str) -> None:
        """Detach a managed policy from a role; :class:`NotFoundError` if not attached."""
        check_name(role, "role", ROLE_NAME)
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_role_policy(RoleName=role, PolicyArn=policy_arn)

    def attached_role_policies(self, role: str) -> Iterator[AttachedPolicy]:
        """The managed policies attached to a role, page by page."""
        check_name(role, "role", ROLE_NAME)
        paginator = self._client.get_paginator("list_attached_role_policies")
        return self._list(
            lambda config: paginator.paginate(RoleName=role, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )
