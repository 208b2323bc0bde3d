"""IamService's managed policies: create, read, delete, and attach to users, groups, roles."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from awsfacade._boundary import request
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import only
from awsfacade.errors import NotFoundError
from awsfacade.iam._base import IamBase
from awsfacade.iam._checks import (
    check_arn,
    check_tags,
)
from awsfacade.iam._models import (
    AttachedPolicy,
    Policy,
    PolicyDocument,
    PolicyScope,
    dump,
    parse,
)

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import CreatePolicyRequestTypeDef

__all__ = ["IamPoliciesMixin"]


class IamPoliciesMixin(IamBase):
    """Managed policies and their attachments."""

    __slots__ = ()

    @request("CreatePolicy", name="PolicyName", path="Path", description="Description")
    def create_policy(
        self,
        name: str,
        *,
        document: Mapping[str, object],
        path: str = "/",
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Policy:
        """Create a customer managed policy and return it as CreatePolicy describes it.

        If CreatePolicy's answer is lost and botocore's retry meets ``EntityAlreadyExists``,
        the policy of that name and path is read: returned if its document and description
        are the ones sent.

        Args:
            name: The policy's name: up to 128 letters, digits and ``+=,.@_-``.
            document: The policy document, a mapping sent as JSON.
            path: The path to file the policy under: ``/``, or one like ``/team/``.
            description: Up to 1,000 characters; it cannot be changed later.
            tags: The policy's tags (at most 50).

        Returns:
            The new policy, with its description.

        Raises:
            AlreadyExistsError: A policy of that name and path exists (and is not the one
                this call made).
            InvalidRequestError: AWS refused the document as malformed.
            LimitExceededError: The account's quota of managed policies is used up, or the
                document is longer than a managed policy may be (6,144 characters).
            InvalidArgumentError: An argument breaks IAM's rules (a document without a
                ``Statement`` or not serialisable as JSON, a description too long…); nothing
                was sent.
        """
        request: CreatePolicyRequestTypeDef = {
            "PolicyName": name,
            "PolicyDocument": dump(document, "document"),
            "Path": path,
        }
        if description is not None:
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

    @request("ListPolicies", scope="Scope", path_prefix="PathPrefix")
    def policies(
        self,
        *,
        scope: PolicyScope = "Local",
        only_attached: bool = False,
        path_prefix: str = "/",
    ) -> Iterator[Policy]:
        """List managed policies: by default yours.

        Args:
            scope: Yours (``"Local"``), AWS's (``"AWS"``, about 1,400 of them), or both
                (``"All"``).
            only_attached: Only the policies attached to a user, group or role.
            path_prefix: ``/`` (every policy) or a path's beginning, like ``/team/``.

        Returns:
            A lazy iterator of the policies (without descriptions), read page by page as you
                iterate.

        Raises:
            InvalidArgumentError: `scope` is not one of the three, or `path_prefix` is not a
                policy path; nothing was sent.
        """
        paginator = self._client.get_paginator("list_policies")
        return self._list(
            lambda config: paginator.paginate(
                Scope=scope,
                OnlyAttached=only_attached,
                PathPrefix=path_prefix,
                PaginationConfig=config,
            ),
            lambda page: page.get("Policies", []),
            Policy._from_boto,
        )

    @request("GetPolicy", arn="PolicyArn")
    def policy(self, arn: str) -> Policy:
        """One managed policy by ARN.

        Returns:
            The policy, with its description.

        Raises:
            NotFoundError: No policy has that ARN.
            InvalidArgumentError: `arn` is not an ARN; nothing was sent.
        """
        check_arn(arn, "arn")
        with self._translate():
            response = self._client.get_policy(PolicyArn=arn)
        return Policy._from_boto(sent(response.get("Policy"), "Policy", "GetPolicy"))

    @request("GetPolicy", arn="PolicyArn")
    def policy_document(self, arn: str) -> PolicyDocument:
        """The document of a managed policy's default version.

        Returns:
            The document, parsed: a read-only mapping equal to the one it was created from.

        Raises:
            NotFoundError: No policy has that ARN.
            InvalidArgumentError: `arn` is not an ARN; nothing was sent.
        """
        policy = self.policy(arn)
        with self._translate():
            response = self._client.get_policy_version(
                PolicyArn=arn, VersionId=policy.default_version_id
            )
        version = sent(response.get("PolicyVersion"), "PolicyVersion", "GetPolicyVersion")
        document: object = sent(version.get("Document"), "Document", "GetPolicyVersion")
        return parse(document)

    @request("DeletePolicy", arn="PolicyArn")
    def delete_policy(self, arn: str) -> None:
        """Delete a customer managed policy.

        Raises:
            NotFoundError: No policy has that ARN.
            InUseError: The policy is attached, or has versions besides the default.
            InvalidArgumentError: `arn` is not an ARN; nothing was sent.
        """
        check_arn(arn, "arn")
        with self._translate():
            self._client.delete_policy(PolicyArn=arn)

    # -- attachments ---------------------------------------------------------------------------

    @request("AttachUserPolicy", user="UserName", policy_arn="PolicyArn")
    def attach_user_policy(self, *, user: str, policy_arn: str) -> None:
        """Attach a managed policy to a user (nothing changes if it is attached already).

        Raises:
            NotFoundError: There is no such user or no such policy.
            LimitExceededError: The user has as many managed policies as IAM allows.
            InvalidRequestError: The policy cannot be attached (an AWS-managed service-role
                policy, say).
            InvalidArgumentError: `user` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_user_policy(UserName=user, PolicyArn=policy_arn)

    @request("DetachUserPolicy", user="UserName", policy_arn="PolicyArn")
    def detach_user_policy(self, *, user: str, policy_arn: str) -> None:
        """Detach a managed policy from a user.

        Raises:
            NotFoundError: The policy is not attached to it, or there is no such user.
            InvalidArgumentError: `user` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_user_policy(UserName=user, PolicyArn=policy_arn)

    @request("ListAttachedUserPolicies", user="UserName")
    def attached_user_policies(self, user: str) -> Iterator[AttachedPolicy]:
        """List the managed policies attached to a user.

        Returns:
            A lazy iterator of the attached policies, read page by page as you iterate.

        Raises:
            NotFoundError: There is no such user.
            InvalidArgumentError: `user` is not an IAM user name; nothing was sent.
        """
        paginator = self._client.get_paginator("list_attached_user_policies")
        return self._list(
            lambda config: paginator.paginate(UserName=user, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )

    @request("AttachGroupPolicy", group="GroupName", policy_arn="PolicyArn")
    def attach_group_policy(self, *, group: str, policy_arn: str) -> None:
        """Attach a managed policy to a group (nothing changes if it is attached already).

        Raises:
            NotFoundError: There is no such group or no such policy.
            LimitExceededError: The group has as many managed policies as IAM allows.
            InvalidRequestError: The policy cannot be attached (an AWS-managed service-role
                policy, say).
            InvalidArgumentError: `group` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_group_policy(GroupName=group, PolicyArn=policy_arn)

    @request("DetachGroupPolicy", group="GroupName", policy_arn="PolicyArn")
    def detach_group_policy(self, *, group: str, policy_arn: str) -> None:
        """Detach a managed policy from a group.

        Raises:
            NotFoundError: The policy is not attached to it, or there is no such group.
            InvalidArgumentError: `group` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_group_policy(GroupName=group, PolicyArn=policy_arn)

    @request("ListAttachedGroupPolicies", group="GroupName")
    def attached_group_policies(self, group: str) -> Iterator[AttachedPolicy]:
        """List the managed policies attached to a group.

        Returns:
            A lazy iterator of the attached policies, read page by page as you iterate.

        Raises:
            NotFoundError: There is no such group.
            InvalidArgumentError: `group` is not an IAM group name; nothing was sent.
        """
        paginator = self._client.get_paginator("list_attached_group_policies")
        return self._list(
            lambda config: paginator.paginate(GroupName=group, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )

    @request("AttachRolePolicy", role="RoleName", policy_arn="PolicyArn")
    def attach_role_policy(self, *, role: str, policy_arn: str) -> None:
        """Attach a managed policy to a role (nothing changes if it is attached already).

        Raises:
            NotFoundError: There is no such role or no such policy.
            LimitExceededError: The role has as many managed policies as IAM allows.
            InvalidRequestError: The policy cannot be attached (an AWS-managed service-role
                policy, say).
            InvalidArgumentError: `role` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.attach_role_policy(RoleName=role, PolicyArn=policy_arn)

    @request("DetachRolePolicy", role="RoleName", policy_arn="PolicyArn")
    def detach_role_policy(self, *, role: str, policy_arn: str) -> None:
        """Detach a managed policy from a role.

        Raises:
            NotFoundError: The policy is not attached to it, or there is no such role.
            InvalidArgumentError: `role` is not an IAM name or `policy_arn` not an ARN;
                nothing was sent.
        """
        check_arn(policy_arn, "policy_arn")
        with self._translate():
            self._client.detach_role_policy(RoleName=role, PolicyArn=policy_arn)

    @request("ListAttachedRolePolicies", role="RoleName")
    def attached_role_policies(self, role: str) -> Iterator[AttachedPolicy]:
        """List the managed policies attached to a role.

        Returns:
            A lazy iterator of the attached policies, read page by page as you iterate.

        Raises:
            NotFoundError: There is no such role.
            InvalidArgumentError: `role` is not an IAM role name; nothing was sent.
        """
        paginator = self._client.get_paginator("list_attached_role_policies")
        return self._list(
            lambda config: paginator.paginate(RoleName=role, PaginationConfig=config),
            lambda page: page.get("AttachedPolicies", []),
            AttachedPolicy._from_boto,
        )
