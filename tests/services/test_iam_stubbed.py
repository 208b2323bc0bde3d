"""IamService against answers moto never gives: AWS's paging of users, its error codes, its
eventual consistency and odd responses, played back with botocore's ``Stubber`` or answered
at ``before-call`` (iam_support.answer)."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from iam_support import READ_BUCKET, TRUST, WHEN, role_item, user_item
from support import ONE_ATTEMPT, answer_calls, error_answer, result_answer, stubber_on

from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    InUseError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
)
from awsfacade.iam import AccessKeyStatus, IamService

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.stub import Stubber
    from mypy_boto3_iam.type_defs import PolicyTypeDef

ARN = "arn:aws:iam::123456789012:policy/read"


@pytest.fixture
def iam(aws_session: Session) -> IamService:
    """An IamService whose client makes one attempt a request (no retries)."""
    return IamService(aws_session, config=ONE_ATTEMPT)


stub = stubber_on("iam")


# -- paging ----------------------------------------------------------------------------------


def test_users_follow_the_marker_across_pages(iam: IamService, stub: Stubber) -> None:
    """Two ListUsers pages: the second request carries the first's Marker; every user comes."""
    stub.add_response(
        "list_users",
        {"Users": [user_item("a"), user_item("b")], "IsTruncated": True, "Marker": "m1"},
        {"PathPrefix": "/", "MaxItems": 1000},
    )
    stub.add_response(
        "list_users",
        {"Users": [user_item("c")], "IsTruncated": False},
        {"PathPrefix": "/", "MaxItems": 1000, "Marker": "m1"},
    )

    assert [user.name for user in iam.users()] == ["a", "b", "c"]


def test_users_stop_paging_when_the_consumer_stops(iam: IamService, stub: Stubber) -> None:
    """Taking one user sends one request: the second page is never asked for."""
    stub.add_response(
        "list_users",
        {"Users": [user_item("a")], "IsTruncated": True, "Marker": "m1"},
        {"PathPrefix": "/", "MaxItems": 1000},
    )

    assert next(iam.users()).name == "a"


def test_members_of_a_group_follow_the_marker(iam: IamService, stub: Stubber) -> None:
    """users_in_group pages GetGroup (moto ignores MaxItems there) and flattens the pages."""
    group = {
        "Path": "/",
        "GroupName": "devs",
        "GroupId": "AGPA1234567890EXAMPLE",
        "Arn": "arn:aws:iam::123456789012:group/devs",
        "CreateDate": WHEN,
    }
    stub.add_response(
        "get_group",
        {"Group": group, "Users": [user_item("a")], "IsTruncated": True, "Marker": "m1"},
        {"GroupName": "devs", "MaxItems": 1000},
    )
    stub.add_response(
        "get_group",
        {"Group": group, "Users": [user_item("b")], "IsTruncated": False},
        {"GroupName": "devs", "MaxItems": 1000, "Marker": "m1"},
    )

    members = list(iam.users_in_group("devs"))

    assert [user.name for user in members] == ["a", "b"]
    assert all(user.tags is None for user in members)  # GetGroup does not describe tags


def test_with_tags_skips_a_user_deleted_meanwhile(iam_service: IamService) -> None:
    """A user listed but gone before its ListUserTags (NoSuchEntity) is left out, not fatal."""
    iam_service.create_user("alice", tags={"team": "blue"})
    iam_service.create_user("bob")
    answer_calls(iam_service.client, "ListUserTags", error_answer("NoSuchEntity", status=404))

    listed = list(iam_service.users(with_tags=True))

    assert len(listed) == 1
    assert listed[0].tags is not None


def test_roles_with_tags_skip_a_role_deleted_meanwhile(iam_service: IamService) -> None:
    """A role gone before its ListRoleTags is left out of roles(with_tags=True)."""
    iam_service.create_role("app", assume_role_policy=TRUST)
    answer_calls(iam_service.client, "ListRoleTags", error_answer("NoSuchEntity", status=404))

    assert list(iam_service.roles(with_tags=True)) == []


# -- errors ----------------------------------------------------------------------------------

ERROR_CASES: list[tuple[str, type[ServiceError]]] = [
    ("NoSuchEntity", NotFoundError),
    ("EntityAlreadyExists", AlreadyExistsError),
    ("DeleteConflict", InUseError),
    ("LimitExceeded", LimitExceededError),
    ("ConcurrentModification", InvalidStateError),
    ("EntityTemporarilyUnmodifiable", InvalidStateError),
    ("ReportInProgress", InvalidStateError),
    ("UnmodifiableEntity", InvalidRequestError),
    ("PasswordPolicyViolation", InvalidRequestError),
    ("PolicyNotAttachable", InvalidRequestError),
    ("MalformedPolicyDocument", InvalidRequestError),
    ("InvalidInput", InvalidRequestError),
    ("DuplicateCertificate", AlreadyExistsError),
    ("DuplicateSSHPublicKey", AlreadyExistsError),
    ("AccessDenied", AccessDeniedError),
    ("Throttling", ThrottledError),
]


@pytest.mark.parametrize(("code", "expected"), ERROR_CASES)
def test_iam_error_codes_map_to_their_class(
    iam: IamService, stub: Stubber, code: str, expected: type[ServiceError]
) -> None:
    """Each IAM error code becomes the most specific awsfacade error, its code kept."""
    stub.add_client_error("create_user", service_error_code=code, service_message="no")

    with pytest.raises(expected) as caught:
        iam.create_user("alice")

    assert caught.value.code == code
    assert caught.value.operation == "CreateUser"


def test_service_failure_stays_a_plain_service_error(iam: IamService, stub: Stubber) -> None:
    """ServiceFailure (AWS's own 500) is a ServiceError of no narrower kind."""
    stub.add_client_error("get_user", service_error_code="ServiceFailure", http_status_code=500)

    with pytest.raises(ServiceError) as caught:
        iam.user("alice")

    assert type(caught.value) is ServiceError


def test_deleting_an_attached_policy_is_in_use(iam: IamService, stub: Stubber) -> None:
    """AWS refuses to delete an attached policy (moto deletes it): InUseError."""
    stub.add_client_error(
        "delete_policy", service_error_code="DeleteConflict", http_status_code=409
    )

    with pytest.raises(InUseError):
        iam.delete_policy(ARN)


def test_deleting_a_group_with_members_is_in_use(iam: IamService, stub: Stubber) -> None:
    """AWS refuses to delete a group that still has members (moto deletes it): InUseError."""
    stub.add_client_error("delete_group", service_error_code="DeleteConflict", http_status_code=409)

    with pytest.raises(InUseError):
        iam.delete_group("devs")


def test_attaching_a_service_role_policy_is_refused(iam: IamService, stub: Stubber) -> None:
    """PolicyNotAttachable (an AWS service-role policy on a user) is InvalidRequestError."""
    stub.add_client_error("attach_user_policy", service_error_code="PolicyNotAttachable")

    with pytest.raises(InvalidRequestError):
        iam.attach_user_policy(user="alice", policy_arn=ARN)


# -- eventual consistency --------------------------------------------------------------------


def test_a_create_never_reports_failure_for_what_aws_made(iam_service: IamService) -> None:
    """create_user returns from CreateUser alone: a user AWS does not show yet (NoSuchEntity
    on the next read) was still created, returned, and later reads find it."""
    hook = answer_calls(iam_service.client, "GetUser", error_answer("NoSuchEntity", status=404))

    user = iam_service.create_user("alice", tags={"team": "blue"})

    assert hook.sent == 0  # no read-back that eventual consistency could fail
    with pytest.raises(NotFoundError):
        iam_service.user("alice")  # AWS not showing it yet
    assert iam_service.user("alice") == user


def test_acting_on_a_user_aws_does_not_show_yet_raises_and_loses_nothing(
    iam_service: IamService,
) -> None:
    """add_user_to_group right after create_user may meet NoSuchEntity on AWS: it raises
    NotFoundError (no retry hides a real typo), the user exists, and a retry succeeds."""
    iam_service.create_user("alice")
    iam_service.create_group("devs")
    answer_calls(iam_service.client, "AddUserToGroup", error_answer("NoSuchEntity", status=404))

    with pytest.raises(NotFoundError):
        iam_service.add_user_to_group(user="alice", group="devs")
    iam_service.add_user_to_group(user="alice", group="devs")

    assert [user.name for user in iam_service.users_in_group("devs")] == ["alice"]


# -- what AWS sends --------------------------------------------------------------------------


def test_url_encoded_trust_policy_on_the_wire_is_parsed(iam_service: IamService) -> None:
    """A trust policy as AWS sends it (URL-encoded JSON text) reaches the model parsed."""
    encoded = urllib.parse.quote('{"Version":"2012-10-17","Statement":[]}')
    answer_calls(
        iam_service.client,
        "GetRole",
        result_answer({"Role": dict(role_item("app", encoded))}),
    )

    role = iam_service.role("app")

    assert role.assume_role_policy == {"Version": "2012-10-17", "Statement": []}


def policy_item(default_version: str) -> PolicyTypeDef:
    """A GetPolicy answer's policy whose default version is ``default_version``."""
    return {
        "PolicyName": "read",
        "PolicyId": "ANPA1234567890EXAMPLE",
        "Arn": ARN,
        "Path": "/",
        "DefaultVersionId": default_version,
        "AttachmentCount": 0,
        "IsAttachable": True,
        "CreateDate": WHEN,
        "UpdateDate": WHEN,
    }


def test_policy_document_reads_the_default_version(iam: IamService, stub: Stubber) -> None:
    """policy_document asks for the default version (not v1) and parses its Document."""
    stub.add_response("get_policy", {"Policy": policy_item("v3")}, {"PolicyArn": ARN})
    stub.add_response(
        "get_policy_version",
        {"PolicyVersion": {"Document": urllib.parse.quote(json.dumps(READ_BUCKET))}},
        {"PolicyArn": ARN, "VersionId": "v3"},
    )

    assert iam.policy_document(ARN) == READ_BUCKET


def test_a_missing_document_is_an_unexpected_response(iam: IamService, stub: Stubber) -> None:
    """A policy version without its Document raises UnexpectedResponseError, not KeyError."""
    stub.add_response("get_policy", {"Policy": policy_item("v1")})
    stub.add_response("get_policy_version", {"PolicyVersion": {"VersionId": "v1"}})

    with pytest.raises(UnexpectedResponseError, match="Document"):
        iam.policy_document(ARN)


def _access_key_of_new_user(iam: IamService) -> object:
    """A new user's access key (create_access_key lists the user's keys first)."""
    iam.create_user("a")
    return iam.create_access_key("a")


MISSING: list[tuple[str, str, Callable[[IamService], object]]] = [
    ("CreateUser", "User", lambda iam: iam.create_user("a")),
    ("GetUser", "User", lambda iam: iam.user("a")),
    ("CreateGroup", "Group", lambda iam: iam.create_group("g")),
    ("GetGroup", "Group", lambda iam: iam.group("g")),
    ("CreateAccessKey", "AccessKey", _access_key_of_new_user),
    ("CreateRole", "Role", lambda iam: iam.create_role("r", assume_role_policy=TRUST)),
    ("GetRole", "Role", lambda iam: iam.role("r")),
    ("CreatePolicy", "Policy", lambda iam: iam.create_policy("p", document=TRUST)),
    ("GetPolicy", "Policy", lambda iam: iam.policy(ARN)),
]


@pytest.mark.parametrize(("operation", "field", "call"), MISSING, ids=[m[0] for m in MISSING])
def test_an_answer_without_its_entity_is_unexpected(
    iam_service: IamService, operation: str, field: str, call: Callable[[IamService], object]
) -> None:
    """A create or get answer lacking the entity raises UnexpectedResponseError naming it
    (Stubber refuses to play such an answer, so it is given at before-call)."""
    answer_calls(iam_service.client, operation, result_answer())

    with pytest.raises(UnexpectedResponseError, match=field):
        call(iam_service)


def test_an_entity_without_a_field_aws_always_sends_is_unexpected(
    iam_service: IamService,
) -> None:
    """A user lacking its Arn raises UnexpectedResponseError naming the field and model."""
    item: dict[str, object] = dict(user_item("a"))
    del item["Arn"]
    answer_calls(iam_service.client, "GetUser", result_answer({"User": item}))

    with pytest.raises(UnexpectedResponseError, match=r"User.*Arn"):
        iam_service.user("a")


def test_access_key_status_aws_adds_later_is_unknown(iam: IamService, stub: Stubber) -> None:
    """A key status this version does not know is UNKNOWN, AWS's string kept; Expired is known."""
    stub.add_response(
        "list_access_keys",
        {
            "AccessKeyMetadata": [
                {
                    "UserName": "a",
                    "AccessKeyId": "AKIA1111111111111111",
                    "Status": "Expired",
                    "CreateDate": WHEN,
                },
                {
                    "UserName": "a",
                    "AccessKeyId": "AKIA2222222222222222",
                    "Status": "Paused",
                    "CreateDate": WHEN,
                },  # a status AWS may add later
            ],
            "IsTruncated": False,
        },
    )

    expired, paused = iam.access_keys("a")

    assert expired.status is AccessKeyStatus.EXPIRED
    assert (paused.status, paused.status_name) == (AccessKeyStatus.UNKNOWN, "Paused")
