"""Issue 11 for IamService: any response AWS may send to an operation the service reads, drawn
from botocore's output shapes (optional members left out, enum values AWS has not invented
yet, empty lists, long strings, numbers at their limits), becomes models or an ``AwsError``,
never a ``KeyError``/``TypeError``/``ValueError``/``AttributeError``, and never
``InvalidArgumentError``. Methods that send one request are answered by botocore's
``Stubber``; the forced deletes, whose requests depend on what the listings return, by an
order-free hook that checks each response as the Stubber does.

``UnexpectedResponseError`` is allowed only when the response lacks a field AWS always sends
that the shapes leave optional: ``User`` of CreateUser, ``Policy`` of CreatePolicy and
GetPolicy and every field of a ``Policy`` the model holds (AWS describes each managed policy
in full: name, id, ARN, path, default version, attachment count, attachability, dates);
``PolicyVersion.Document``; an access key's ``UserName``, ``AccessKeyId``, ``Status`` and
``CreateDate``; an attached policy's ``PolicyName`` and ``PolicyArn``. And when a policy
document is not what AWS always sends, URL-encoded JSON of an object: those are drawn both
ways (a valid document, or any text).
"""

from __future__ import annotations

import functools
import json
import urllib.parse
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs
import pytest
from any_response import (
    Answers,
    check_answered,
    dicts,
    lacks,
    models,
    outcome,
    stubbed,
    values_at,
)
from hypothesis import given
from hypothesis import strategies as st
from shapes import response_strategy, service_model
from support import ONE_ATTEMPT

from awsfacade.errors import PartialFailureError, UnexpectedResponseError
from awsfacade.iam import AccessKey, AttachedPolicy, Group, IamService, Policy, Role, User
from awsfacade.iam._models import PolicyDocument

if TYPE_CHECKING:
    from boto3.session import Session

Response = dict[str, object]
USER, GROUP, ROLE = "any-user", "any-group", "any-role"
ARN = "arn:aws:iam::123456789012:policy/any-policy"
NONE = type(None)
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
#: A policy document as IAM sends it (URL-encoded JSON of an object), or any text at all.
DOCUMENTS: st.SearchStrategy[object] = st.one_of(
    st.dictionaries(st.text(max_size=8), _JSON, max_size=4).map(
        lambda document: urllib.parse.quote(json.dumps(document))
    ),
    st.text(min_size=1, max_size=20),
)

POLICY_FIELDS = (
    "PolicyName",
    "PolicyId",
    "Arn",
    "Path",
    "DefaultVersionId",
    "AttachmentCount",
    "IsAttachable",
    "CreateDate",
    "UpdateDate",
)
KEY_FIELDS = ("UserName", "AccessKeyId", "Status", "CreateDate")


@attrs.frozen
class Case:
    """One public method that sends one request: ``call`` it with ``operation`` answered by
    any valid response; it returns ``returns`` (each item, for a listing). ``always``: the
    paths of fields AWS always sends though the shape does not say so; ``documents``: the
    paths of policy documents in the response (drawn from :data:`DOCUMENTS`); ``before``:
    the answers to the reads it sends first (a create with no idempotency token lists what
    exists)."""

    name: str
    operation: str
    call: Callable[[IamService], object]
    returns: type | tuple[type, ...]
    always: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    before: tuple[tuple[str, Mapping[str, object]], ...] = ()


def _in(listing: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{listing}.{field}" for field in fields)


CASES = (
    Case("create_user", "CreateUser", lambda iam: iam.create_user(USER), User, ("User",)),
    Case("users", "ListUsers", lambda iam: iam.users(), User),
    Case("user", "GetUser", lambda iam: iam.user(USER), User),
    Case("delete_user", "DeleteUser", lambda iam: iam.delete_user(USER), NONE),
    Case("create_group", "CreateGroup", lambda iam: iam.create_group(GROUP), Group),
    Case("groups", "ListGroups", lambda iam: iam.groups(), Group),
    Case("group", "GetGroup", lambda iam: iam.group(GROUP), Group),
    Case("users_in_group", "GetGroup", lambda iam: iam.users_in_group(GROUP), User),
    Case("delete_group", "DeleteGroup", lambda iam: iam.delete_group(GROUP), NONE),
    Case(
        "add_user_to_group",
        "AddUserToGroup",
        lambda iam: iam.add_user_to_group(user=USER, group=GROUP),
        NONE,
    ),
    Case(
        "remove_user_from_group",
        "RemoveUserFromGroup",
        lambda iam: iam.remove_user_from_group(user=USER, group=GROUP),
        NONE,
    ),
    Case("groups_for_user", "ListGroupsForUser", lambda iam: iam.groups_for_user(USER), Group),
    Case(
        "create_access_key",
        "CreateAccessKey",
        lambda iam: iam.create_access_key(USER),
        AccessKey,
        ("AccessKey.CreateDate",),
        before=(("ListAccessKeys", {"AccessKeyMetadata": []}),),
    ),
    Case(
        "access_keys",
        "ListAccessKeys",
        lambda iam: iam.access_keys(USER),
        AccessKey,
        _in("AccessKeyMetadata?", KEY_FIELDS),
    ),
    Case(
        "update_access_key",
        "UpdateAccessKey",
        lambda iam: iam.update_access_key(USER, "AKIAIOSFODNN7EXAMPLE", active=False),
        NONE,
    ),
    Case(
        "delete_access_key",
        "DeleteAccessKey",
        lambda iam: iam.delete_access_key(USER, "AKIAIOSFODNN7EXAMPLE"),
        NONE,
    ),
    Case(
        "create_policy",
        "CreatePolicy",
        lambda iam: iam.create_policy("any-policy", document=POLICY),
        Policy,
        ("Policy", *_in("Policy", POLICY_FIELDS)),
    ),
    Case(
        "policies",
        "ListPolicies",
        lambda iam: iam.policies(scope="All"),
        Policy,
        _in("Policies?", POLICY_FIELDS),
    ),
    Case(
        "policy",
        "GetPolicy",
        lambda iam: iam.policy(ARN),
        Policy,
        ("Policy", *_in("Policy", POLICY_FIELDS)),
    ),
    Case("delete_policy", "DeletePolicy", lambda iam: iam.delete_policy(ARN), NONE),
    Case(
        "attach_user_policy",
        "AttachUserPolicy",
        lambda iam: iam.attach_user_policy(user=USER, policy_arn=ARN),
        NONE,
    ),
    Case(
        "detach_user_policy",
        "DetachUserPolicy",
        lambda iam: iam.detach_user_policy(user=USER, policy_arn=ARN),
        NONE,
    ),
    Case(
        "attached_user_policies",
        "ListAttachedUserPolicies",
        lambda iam: iam.attached_user_policies(USER),
        AttachedPolicy,
        ("AttachedPolicies?.PolicyName", "AttachedPolicies?.PolicyArn"),
    ),
    Case(
        "attach_group_policy",
        "AttachGroupPolicy",
        lambda iam: iam.attach_group_policy(group=GROUP, policy_arn=ARN),
        NONE,
    ),
    Case(
        "detach_group_policy",
        "DetachGroupPolicy",
        lambda iam: iam.detach_group_policy(group=GROUP, policy_arn=ARN),
        NONE,
    ),
    Case(
        "attached_group_policies",
        "ListAttachedGroupPolicies",
        lambda iam: iam.attached_group_policies(GROUP),
        AttachedPolicy,
        ("AttachedPolicies?.PolicyName", "AttachedPolicies?.PolicyArn"),
    ),
    Case(
        "attach_role_policy",
        "AttachRolePolicy",
        lambda iam: iam.attach_role_policy(role=ROLE, policy_arn=ARN),
        NONE,
    ),
    Case(
        "detach_role_policy",
        "DetachRolePolicy",
        lambda iam: iam.detach_role_policy(role=ROLE, policy_arn=ARN),
        NONE,
    ),
    Case(
        "attached_role_policies",
        "ListAttachedRolePolicies",
        lambda iam: iam.attached_role_policies(ROLE),
        AttachedPolicy,
        ("AttachedPolicies?.PolicyName", "AttachedPolicies?.PolicyArn"),
    ),
    Case(
        "create_role",
        "CreateRole",
        lambda iam: iam.create_role(ROLE, assume_role_policy=TRUST),
        Role,
        documents=("Role.AssumeRolePolicyDocument",),
    ),
    Case(
        "roles",
        "ListRoles",
        lambda iam: iam.roles(),
        Role,
        documents=("Roles?.AssumeRolePolicyDocument",),
    ),
    Case(
        "role",
        "GetRole",
        lambda iam: iam.role(ROLE),
        Role,
        documents=("Role.AssumeRolePolicyDocument",),
    ),
    Case("delete_role", "DeleteRole", lambda iam: iam.delete_role(ROLE), NONE),
)

#: The tests of the methods that send several requests, and the operations each answers.
SEVERAL: Mapping[str, frozenset[str]] = {
    "test_users_with_tags": frozenset({"ListUsers", "ListUserTags"}),
    "test_roles_with_tags": frozenset({"ListRoles", "ListRoleTags"}),
    "test_policy_document": frozenset({"GetPolicy", "GetPolicyVersion"}),
    "test_delete_user_forced": frozenset(
        {
            "ListAccessKeys",
            "GetLoginProfile",
            "ListSigningCertificates",
            "ListSSHPublicKeys",
            "ListMFADevices",
            "ListUserPolicies",
            "ListAttachedUserPolicies",
            "ListGroupsForUser",
            "DeleteLoginProfile",
            "DeleteAccessKey",
            "DeleteSigningCertificate",
            "DeleteSSHPublicKey",
            "DeactivateMFADevice",
            "DeleteVirtualMFADevice",
            "DeleteUserPolicy",
            "DetachUserPolicy",
            "RemoveUserFromGroup",
            "DeleteUser",
        }
    ),
    "test_delete_user_with_service_credentials": frozenset(
        {"ListServiceSpecificCredentials", "DeleteServiceSpecificCredential", "DeleteUser"}
    ),
    "test_delete_role_forced": frozenset(
        {
            "ListAttachedRolePolicies",
            "ListRolePolicies",
            "ListInstanceProfilesForRole",
            "DetachRolePolicy",
            "DeleteRolePolicy",
            "RemoveRoleFromInstanceProfile",
            "DeleteRole",
        }
    ),
}


@functools.cache
def responses(operation: str, documents: tuple[str, ...] = ()) -> st.SearchStrategy[Response]:
    """Any valid response of ``operation``, its policy documents at ``documents`` drawn from
    :data:`DOCUMENTS`."""
    overrides = {path.replace("?", ""): DOCUMENTS for path in documents}
    return response_strategy("iam", operation, overrides=overrides)


@pytest.fixture
def iam(aws_session: Session) -> IamService:
    """An IamService whose client makes one attempt a request."""
    return IamService(aws_session, config=ONE_ATTEMPT)


def test_every_operation_iam_reads_is_answered() -> None:
    """An operation that src/awsfacade/iam names but no test here answers fails this test."""
    answered = {case.operation for case in CASES}.union(*SEVERAL.values())
    check_answered("iam", "iam", answered, SEVERAL, globals())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
@given(data=st.data())
def test_one_request(iam: IamService, case: Case, data: st.DataObject) -> None:
    """Each one-request method turns any valid response into its models."""
    response = data.draw(responses(case.operation, case.documents), label="response")
    with stubbed(iam.client, *case.before, (case.operation, response)):
        outcome(
            lambda: case.call(iam),
            case.returns,
            lacking=lacks(response, *case.always) or _bad_document(response, case.documents),
        )


@given(listed=responses("ListUsers"), tags=responses("ListUserTags"))
def test_users_with_tags(iam: IamService, listed: Response, tags: Response) -> None:
    """ListUserTags is asked for each listed user; its tags become the user's."""
    with Answers(iam.client, {"ListUsers": listed, "ListUserTags": tags}) as answers:
        users = outcome(lambda: iam.users(with_tags=True), User)
    assert answers.calls == ["ListUsers"] + ["ListUserTags"] * len(dicts(listed.get("Users")))
    expected = {tag["Key"]: tag["Value"] for tag in dicts(tags.get("Tags"))}
    assert all(user.tags == expected for user in models(users, User))


@given(
    listed=responses("ListRoles", ("Roles.AssumeRolePolicyDocument",)),
    tags=responses("ListRoleTags"),
)
def test_roles_with_tags(iam: IamService, listed: Response, tags: Response) -> None:
    """ListRoleTags is asked for each listed role; its tags become the role's."""
    with Answers(iam.client, {"ListRoles": listed, "ListRoleTags": tags}):
        roles = outcome(
            lambda: iam.roles(with_tags=True),
            Role,
            lacking=_bad_document(listed, ("Roles?.AssumeRolePolicyDocument",)),
        )
    expected = {tag["Key"]: tag["Value"] for tag in dicts(tags.get("Tags"))}
    assert all(role.tags == expected for role in models(roles, Role))


@given(
    policy=responses("GetPolicy"),
    version=responses("GetPolicyVersion", ("PolicyVersion.Document",)),
)
def test_policy_document(iam: IamService, policy: Response, version: Response) -> None:
    """GetPolicy names the default version, GetPolicyVersion holds its document."""
    with stubbed(iam.client, ("GetPolicy", policy), ("GetPolicyVersion", version)):
        outcome(
            lambda: iam.policy_document(ARN),
            PolicyDocument,
            lacking=lacks(policy, "Policy", *_in("Policy", POLICY_FIELDS))
            or lacks(version, "PolicyVersion.Document")
            or _bad_document(version, ("PolicyVersion.Document",)),
        )


@given(data=st.data())
def test_delete_user_forced(iam: IamService, data: st.DataObject) -> None:
    """A forced delete removes whatever the listings name, then the user."""
    answers = {
        operation: data.draw(responses(operation), label=operation)
        for operation in sorted(SEVERAL["test_delete_user_forced"])
    }
    with Answers(iam.client, answers) as answered:
        outcome(
            lambda: iam.delete_user(USER, force=True),
            NONE,
            lacking=lacks(answers["ListAccessKeys"], *_in("AccessKeyMetadata?", KEY_FIELDS))
            or lacks(
                answers["ListAttachedUserPolicies"],
                "AttachedPolicies?.PolicyName",
                "AttachedPolicies?.PolicyArn",
            ),
        )
    assert answered.calls[0] == "ListAccessKeys"


@given(data=st.data())
def test_delete_user_with_service_credentials(iam: IamService, data: st.DataObject) -> None:
    """DeleteUser still in use after the known attachments are gone: the service-specific
    credentials are listed and deleted, then the user; none to delete is a partial failure."""
    operations = (
        SEVERAL["test_delete_user_forced"] | SEVERAL["test_delete_user_with_service_credentials"]
    )
    answers: dict[str, Response | list[Response]] = {
        operation: _nothing(operation) for operation in operations if operation.startswith("List")
    }
    answers["GetLoginProfile"] = {"Error": {"Code": "NoSuchEntity", "Message": "none"}}
    credentials = data.draw(responses("ListServiceSpecificCredentials"), label="credentials")
    answers["ListServiceSpecificCredentials"] = credentials
    answers["DeleteServiceSpecificCredential"] = {}
    in_use: Response = {"Error": {"Code": "DeleteConflict", "Message": "in use"}}
    answers["DeleteUser"] = [in_use, data.draw(responses("DeleteUser"), label="DeleteUser")]
    with Answers(iam.client, answers) as answered:
        found = dicts(credentials.get("ServiceSpecificCredentials"))
        outcome(
            lambda: iam.delete_user(USER, force=True),
            NONE,
            errors=() if found else (PartialFailureError,),
        )
    assert answered.calls.count("DeleteServiceSpecificCredential") == len(found)


def test_service_credentials_marker_sent_again(iam: IamService) -> None:
    """A ListServiceSpecificCredentials page whose Marker was followed already ends the forced
    delete with a PartialFailureError (the user not deleted) caused by an
    UnexpectedResponseError, not with a listing that never ends."""
    answers: dict[str, Response | list[Response]] = {
        operation: _nothing(operation)
        for operation in SEVERAL["test_delete_user_forced"]
        if operation.startswith("List")
    }
    answers["GetLoginProfile"] = {"Error": {"Code": "NoSuchEntity", "Message": "none"}}
    answers["DeleteUser"] = {"Error": {"Code": "DeleteConflict", "Message": "in use"}}
    answers["ListServiceSpecificCredentials"] = {
        "ServiceSpecificCredentials": [],
        "IsTruncated": True,
        "Marker": "again",
    }
    with Answers(iam.client, answers) as answered, pytest.raises(PartialFailureError) as raised:
        iam.delete_user(USER, force=True)
    assert isinstance(raised.value.error, UnexpectedResponseError)
    assert raised.value.not_done == (f"user {USER}",)
    assert answered.calls.count("ListServiceSpecificCredentials") == 2


@given(data=st.data())
def test_delete_role_forced(iam: IamService, data: st.DataObject) -> None:
    """A forced delete detaches, deletes and removes whatever the listings name, then the role."""
    answers = {
        operation: data.draw(responses(operation), label=operation)
        for operation in sorted(SEVERAL["test_delete_role_forced"])
    }
    with Answers(iam.client, answers) as answered:
        outcome(
            lambda: iam.delete_role(ROLE, force=True),
            NONE,
            lacking=lacks(
                answers["ListAttachedRolePolicies"],
                "AttachedPolicies?.PolicyName",
                "AttachedPolicies?.PolicyArn",
            ),
        )
    assert answered.calls[0] == "ListAttachedRolePolicies"


# -- helpers -----------------------------------------------------------------------------------


def _nothing(operation: str) -> Response:
    """A listing's answer with nothing in it (its required lists empty)."""
    output = service_model("iam").operation_model(operation).output_shape
    assert output is not None
    return {name: [] for name in output.required_members}


def _bad_document(response: Mapping[str, object], paths: tuple[str, ...]) -> bool:
    """Whether a policy document at one of ``paths`` is not URL-encoded JSON of an object."""
    return any(not _is_document(value) for path in paths for value in values_at(response, path))


def _is_document(value: object) -> bool:
    """What botocore's ``json_decode_policies`` hook and then the facade's parse accept."""
    if isinstance(value, str):
        try:
            decoded: object = json.loads(urllib.parse.unquote(value))
        except ValueError:
            return value.lstrip().startswith("{") and _json_object(value)
        return isinstance(decoded, Mapping) or (isinstance(decoded, str) and _json_object(decoded))
    return isinstance(value, Mapping)


def _json_object(text: str) -> bool:
    body = text if text.lstrip().startswith("{") else urllib.parse.unquote(text)
    try:
        decoded: object = json.loads(body)
    except ValueError:
        return False
    return isinstance(decoded, Mapping)
