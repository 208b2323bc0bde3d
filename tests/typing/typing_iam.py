"""Type checks of IamService and the IAM models: checked by mypy and basedpyright, never run."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, assert_type

from mypy_boto3_iam import IAMClient

from awsfacade.iam import (
    AccessKey,
    AccessKeyStatus,
    AttachedPolicy,
    Group,
    IamService,
    Policy,
    PolicyDocument,
    PolicyScope,
    Role,
    User,
)

if TYPE_CHECKING:
    from awsfacade import IamService as PackageIamService

TRUST: dict[str, object] = {"Version": "2012-10-17", "Statement": []}
ARN = "arn:aws:iam::123456789012:policy/read"


def check_client(iam: IamService) -> None:
    """The escape hatch is the boto3-stubs IAM client."""
    assert_type(iam.client, IAMClient)


def check_package_export(iam: PackageIamService) -> None:
    """awsfacade.IamService is the same typed class as awsfacade.iam.IamService."""
    assert_type(iam, IamService)


def check_users(iam: IamService) -> None:
    """User methods return User models, lazy iterators of them, or nothing."""
    assert_type(iam.create_user("alice"), User)
    assert_type(iam.create_user("alice", path="/staff/", tags={"team": "blue"}), User)
    assert_type(iam.users(), Iterator[User])
    assert_type(iam.users(path_prefix="/staff/", with_tags=True), Iterator[User])
    assert_type(iam.user("alice"), User)
    assert_type(iam.delete_user("alice"), None)
    assert_type(iam.delete_user("alice", force=True), None)


def check_groups(iam: IamService) -> None:
    """Group and membership methods return Group and User models or nothing."""
    assert_type(iam.create_group("devs"), Group)
    assert_type(iam.create_group("devs", path="/eng/"), Group)
    assert_type(iam.groups(), Iterator[Group])
    assert_type(iam.groups(path_prefix="/eng/"), Iterator[Group])
    assert_type(iam.group("devs"), Group)
    assert_type(iam.delete_group("devs"), None)
    assert_type(iam.add_user_to_group(user="alice", group="devs"), None)
    assert_type(iam.remove_user_from_group(user="alice", group="devs"), None)
    assert_type(iam.groups_for_user("alice"), Iterator[Group])
    assert_type(iam.users_in_group("devs"), Iterator[User])


def check_access_keys(iam: IamService) -> None:
    """Access key methods return AccessKey models or nothing."""
    assert_type(iam.create_access_key("alice"), AccessKey)
    assert_type(iam.access_keys("alice"), Iterator[AccessKey])
    assert_type(iam.update_access_key("alice", "AKIAIOSFODNN7EXAMPLE", active=False), None)
    assert_type(iam.delete_access_key("alice", "AKIAIOSFODNN7EXAMPLE"), None)


def check_roles(iam: IamService) -> None:
    """Role methods take the trust policy as a mapping and return Role models."""
    assert_type(iam.create_role("app", assume_role_policy=TRUST), Role)
    assert_type(
        iam.create_role(
            "app",
            assume_role_policy={"Version": "2012-10-17"},
            path="/svc/",
            description="the app",
            tags={"env": "prod"},
            max_session_duration=3600,
        ),
        Role,
    )
    assert_type(iam.roles(), Iterator[Role])
    assert_type(iam.roles(path_prefix="/svc/", with_tags=True), Iterator[Role])
    assert_type(iam.role("app"), Role)
    assert_type(iam.delete_role("app"), None)
    assert_type(iam.delete_role("app", force=True), None)


def check_policies(iam: IamService, scope: PolicyScope) -> None:
    """Policy methods return Policy, PolicyDocument and AttachedPolicy models or nothing."""
    assert_type(iam.create_policy("read", document=TRUST), Policy)
    assert_type(
        iam.create_policy(
            "read", document=TRUST, path="/app/", description="read", tags={"k": "v"}
        ),
        Policy,
    )
    assert_type(iam.policies(), Iterator[Policy])
    assert_type(
        iam.policies(scope=scope, only_attached=True, path_prefix="/app/"), Iterator[Policy]
    )
    assert_type(iam.policies(scope="AWS"), Iterator[Policy])
    assert_type(iam.policy(ARN), Policy)
    assert_type(iam.policy_document(ARN), PolicyDocument)
    assert_type(iam.delete_policy(ARN), None)
    assert_type(iam.attach_user_policy(user="alice", policy_arn=ARN), None)
    assert_type(iam.detach_user_policy(user="alice", policy_arn=ARN), None)
    assert_type(iam.attached_user_policies("alice"), Iterator[AttachedPolicy])
    assert_type(iam.attach_group_policy(group="devs", policy_arn=ARN), None)
    assert_type(iam.detach_group_policy(group="devs", policy_arn=ARN), None)
    assert_type(iam.attached_group_policies("devs"), Iterator[AttachedPolicy])
    assert_type(iam.attach_role_policy(role="app", policy_arn=ARN), None)
    assert_type(iam.detach_role_policy(role="app", policy_arn=ARN), None)
    assert_type(iam.attached_role_policies("app"), Iterator[AttachedPolicy])


def check_user_fields(user: User) -> None:
    """User fields; tags are None when a listing did not fetch them."""
    assert_type(user.name, str)
    assert_type(user.id, str)
    assert_type(user.arn, str)
    assert_type(user.path, str)
    assert_type(user.created, datetime)
    assert_type(user.tags, Mapping[str, str] | None)
    assert_type(user.password_last_used, datetime | None)
    assert_type(user.permissions_boundary_arn, str | None)


def check_group_fields(group: Group) -> None:
    """Group fields."""
    assert_type(group.name, str)
    assert_type(group.id, str)
    assert_type(group.arn, str)
    assert_type(group.path, str)
    assert_type(group.created, datetime)


def check_access_key_fields(key: AccessKey) -> None:
    """AccessKey fields; the secret is only known right after create_access_key."""
    assert_type(key.user, str)
    assert_type(key.id, str)
    assert_type(key.secret, str | None)
    assert_type(key.status, AccessKeyStatus)
    assert_type(key.status_name, str)
    assert_type(key.created, datetime)


def check_role_fields(role: Role) -> None:
    """Role fields; the trust policy is a parsed mapping."""
    assert_type(role.name, str)
    assert_type(role.id, str)
    assert_type(role.arn, str)
    assert_type(role.path, str)
    assert_type(role.created, datetime)
    assert_type(role.assume_role_policy, Mapping[str, object])
    assert_type(role.description, str | None)
    assert_type(role.max_session_duration, int | None)
    assert_type(role.tags, Mapping[str, str] | None)
    assert_type(role.last_used, datetime | None)
    assert_type(role.last_used_region, str | None)
    assert_type(role.permissions_boundary_arn, str | None)


def check_policy_fields(policy: Policy, attached: AttachedPolicy) -> None:
    """Policy and AttachedPolicy fields."""
    assert_type(policy.name, str)
    assert_type(policy.id, str)
    assert_type(policy.arn, str)
    assert_type(policy.path, str)
    assert_type(policy.default_version_id, str)
    assert_type(policy.attachment_count, int)
    assert_type(policy.attachable, bool)
    assert_type(policy.created, datetime)
    assert_type(policy.updated, datetime)
    assert_type(policy.description, str | None)
    assert_type(attached.name, str)
    assert_type(attached.arn, str)


def check_documents(document: PolicyDocument) -> None:
    """A PolicyDocument is a read-only mapping that gives back JSON and plain dicts."""
    assert_type(document["Version"], object)
    assert_type(document.to_json(), str)
    assert_type(document.to_dict(), dict[str, object])
    mapping: Mapping[str, object] = document
    del mapping
