"""IamService through moto's in-process mock: what a user of each public method would notice.

Every test gets a fresh moto state through the plugin's ``iam_service`` fixture; requests are
counted with a botocore ``before-call`` hook on the service's own client.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC

import boto3
import pytest
from iam_support import READ_BUCKET, TRUST
from support import Requests, requests_of

import awsfacade.iam._base as iam_base_module
from awsfacade.errors import (
    AlreadyExistsError,
    AwsError,
    InUseError,
    LimitExceededError,
    NotFoundError,
)
from awsfacade.iam import (
    AccessKeyStatus,
    AttachedPolicy,
    Group,
    IamService,
    PolicyDocument,
    Role,
    User,
)

requests_sent = requests_of("iam_service")


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """IAM's page size shrunk to 2, so a few entities take several pages."""
    monkeypatch.setattr(iam_base_module.IamBase, "_page_size", 2)
    return 2


# -- users -----------------------------------------------------------------------------------


def test_create_user_returns_the_user_with_its_tags(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """create_user returns the new user, tags and UTC time included, from one request."""
    user = iam_service.create_user("alice", path="/staff/", tags={"team": "blue"})

    assert isinstance(user, User)
    assert (user.name, user.path) == ("alice", "/staff/")
    assert user.arn == "arn:aws:iam::123456789012:user/staff/alice"
    assert user.tags == {"team": "blue"}
    assert user.created.tzinfo is UTC
    assert requests_sent.operations == ["CreateUser"]
    assert iam_service.user("alice") == user


def test_user_without_tags_reads_as_empty_tags(iam_service: IamService) -> None:
    """user() describes every tag, so a user without any has empty tags, not None."""
    iam_service.create_user("bob")

    assert iam_service.user("bob").tags == {}
    assert iam_service.create_user("carol").tags == {}


def test_users_lists_every_user_without_claiming_no_tags(iam_service: IamService) -> None:
    """ListUsers leaves tags out: users() says None (not fetched), not an empty mapping."""
    iam_service.create_user("alice", tags={"team": "blue"})
    iam_service.create_user("bob")

    listed = {user.name: user for user in iam_service.users()}

    assert set(listed) == {"alice", "bob"}
    assert all(user.tags is None for user in listed.values())


def test_users_with_tags_fetches_each_users_tags(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """users(with_tags=True) asks ListUserTags for each user and gives real tags."""
    iam_service.create_user("alice", tags={"team": "blue"})
    iam_service.create_user("bob")
    requests_sent.clear()

    listed = {user.name: user.tags for user in iam_service.users(with_tags=True)}

    assert listed == {"alice": {"team": "blue"}, "bob": {}}
    assert requests_sent.count("ListUserTags") == 2


def test_users_filters_by_path_prefix(iam_service: IamService) -> None:
    """users(path_prefix=...) lists only the users under that path."""
    iam_service.create_user("alice", path="/staff/")
    iam_service.create_user("bob", path="/bots/")

    assert [user.name for user in iam_service.users(path_prefix="/staff/")] == ["alice"]


def test_users_is_lazy_and_asks_for_the_largest_page(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """Nothing is sent before the first next(); then ListUsers asks for 1,000 a page."""
    iam_service.create_user("alice")
    requests_sent.clear()

    found = iam_service.users()
    assert requests_sent.operations == []
    assert next(found).name == "alice"
    [body] = requests_sent.bodies("ListUsers")
    assert body["MaxItems"] == 1000
    assert body["PathPrefix"] == "/"


def test_missing_user_is_not_found(iam_service: IamService) -> None:
    """user() of an unknown name raises NotFoundError (NoSuchEntity) with its cause kept."""
    with pytest.raises(NotFoundError) as caught:
        iam_service.user("nobody")

    assert caught.value.code == "NoSuchEntity"
    assert caught.value.operation == "GetUser"
    assert caught.value.__cause__ is not None


def test_duplicate_user_already_exists(iam_service: IamService) -> None:
    """Creating a user twice raises AlreadyExistsError (EntityAlreadyExists)."""
    iam_service.create_user("alice")

    with pytest.raises(AlreadyExistsError) as caught:
        iam_service.create_user("alice")

    assert caught.value.code == "EntityAlreadyExists"


def test_delete_user_removes_it(iam_service: IamService) -> None:
    """delete_user removes a user without attachments."""
    iam_service.create_user("alice")

    iam_service.delete_user("alice")

    assert list(iam_service.users()) == []
    with pytest.raises(NotFoundError):
        iam_service.delete_user("alice")


def test_delete_user_with_a_policy_is_in_use_and_keeps_everything(
    iam_service: IamService,
) -> None:
    """Without force, a user with an attached policy raises InUseError and nothing is removed."""
    iam_service.create_user("alice")
    policy = iam_service.create_policy("read", document=READ_BUCKET)
    iam_service.attach_user_policy(user="alice", policy_arn=policy.arn)

    with pytest.raises(InUseError) as caught:
        iam_service.delete_user("alice")

    assert caught.value.code == "DeleteConflict"
    assert [p.arn for p in iam_service.attached_user_policies("alice")] == [policy.arn]
    assert iam_service.user("alice").name == "alice"


# -- groups and membership -------------------------------------------------------------------


def test_groups_and_membership(iam_service: IamService) -> None:
    """Users added to a group are its members, and it is among their groups, until removed."""
    iam_service.create_user("alice")
    iam_service.create_user("bob")
    devs = iam_service.create_group("devs", path="/eng/")
    ops = iam_service.create_group("ops")
    iam_service.add_user_to_group(user="alice", group="devs")
    iam_service.add_user_to_group(user="alice", group="ops")
    iam_service.add_user_to_group(user="bob", group="devs")

    assert isinstance(devs, Group)
    assert devs.arn == "arn:aws:iam::123456789012:group/eng/devs"
    assert iam_service.group("devs") == devs
    assert {g.name for g in iam_service.groups()} == {"devs", "ops"}
    assert {g.name for g in iam_service.groups_for_user("alice")} == {"devs", "ops"}
    assert {u.name for u in iam_service.users_in_group("devs")} == {"alice", "bob"}

    iam_service.remove_user_from_group(user="alice", group="devs")

    assert [u.name for u in iam_service.users_in_group("devs")] == ["bob"]
    assert [g.name for g in iam_service.groups_for_user("alice")] == [ops.name]


def test_groups_sends_the_path_prefix(iam_service: IamService, requests_sent: Requests) -> None:
    """groups(path_prefix=...) asks ListGroups for that prefix (moto ignores it; AWS filters)."""
    iam_service.create_group("devs", path="/eng/")
    requests_sent.clear()

    assert [g.name for g in iam_service.groups(path_prefix="/eng/")] == ["devs"]
    [body] = requests_sent.bodies("ListGroups")
    assert (body["PathPrefix"], body["MaxItems"]) == ("/eng/", 1000)


def test_delete_group(iam_service: IamService) -> None:
    """delete_group removes the group; a second delete is NotFoundError."""
    iam_service.create_group("devs")

    iam_service.delete_group("devs")

    assert list(iam_service.groups()) == []
    with pytest.raises(NotFoundError):
        iam_service.group("devs")
    with pytest.raises(NotFoundError):
        iam_service.delete_group("devs")


def test_membership_of_unknown_user_is_not_found(iam_service: IamService) -> None:
    """Adding an unknown user to a group, or listing its groups, raises NotFoundError."""
    iam_service.create_group("devs")

    with pytest.raises(NotFoundError):
        iam_service.add_user_to_group(user="nobody", group="devs")
    with pytest.raises(NotFoundError):
        list(iam_service.groups_for_user("nobody"))
    with pytest.raises(NotFoundError):
        list(iam_service.users_in_group("nogroup"))


# -- access keys -----------------------------------------------------------------------------


def test_access_key_secret_is_given_once_and_never_shown(iam_service: IamService) -> None:
    """create_access_key gives the secret; repr, str, format and listings never show it."""
    iam_service.create_user("alice")

    key = iam_service.create_access_key("alice")

    assert key.secret
    assert key.user == "alice"
    assert key.status is AccessKeyStatus.ACTIVE
    assert key.status_name == "Active"
    for text in (repr(key), str(key), f"{key}", f"{key!r}", repr([key])):
        assert key.secret not in text
        assert key.id in text
    [listed] = iam_service.access_keys("alice")
    assert listed.secret is None
    assert (listed.id, listed.created) == (key.id, key.created)


def test_errors_around_an_access_key_never_carry_the_secret(iam_service: IamService) -> None:
    """Every error raised around a key (a third key, a deleted key) leaves the secret out."""
    iam_service.create_user("alice")
    first = iam_service.create_access_key("alice")
    second = iam_service.create_access_key("alice")
    secrets = [first.secret, second.secret]
    errors: list[AwsError] = []

    with pytest.raises(LimitExceededError) as third:
        iam_service.create_access_key("alice")
    errors.append(third.value)
    iam_service.delete_access_key("alice", first.id)
    with pytest.raises(NotFoundError) as gone:
        iam_service.delete_access_key("alice", first.id)
    errors.append(gone.value)
    with pytest.raises(NotFoundError) as update:
        iam_service.update_access_key("alice", first.id, active=False)
    errors.append(update.value)

    for error in errors:
        for secret in secrets:
            assert secret is not None
            assert secret not in str(error)
            assert secret not in repr(error)
            assert secret not in repr(error.args)


def test_update_access_key_deactivates_and_reactivates(iam_service: IamService) -> None:
    """update_access_key(active=False) makes a key Inactive; active=True makes it Active."""
    iam_service.create_user("alice")
    key = iam_service.create_access_key("alice")

    iam_service.update_access_key("alice", key.id, active=False)
    assert [k.status for k in iam_service.access_keys("alice")] == [AccessKeyStatus.INACTIVE]

    iam_service.update_access_key("alice", key.id, active=True)
    assert [k.status_name for k in iam_service.access_keys("alice")] == ["Active"]


def test_delete_access_key(iam_service: IamService) -> None:
    """delete_access_key removes exactly that key."""
    iam_service.create_user("alice")
    first = iam_service.create_access_key("alice")
    second = iam_service.create_access_key("alice")

    iam_service.delete_access_key("alice", first.id)

    assert [k.id for k in iam_service.access_keys("alice")] == [second.id]


# -- roles -----------------------------------------------------------------------------------


def test_create_role_returns_it_with_its_trust_policy_parsed(iam_service: IamService) -> None:
    """create_role sends the trust policy as JSON and gives it back as a mapping."""
    role = iam_service.create_role(
        "app",
        assume_role_policy=TRUST,
        path="/svc/",
        description="the app's role",
        tags={"env": "prod"},
        max_session_duration=7200,
    )

    assert isinstance(role, Role)
    assert role.arn == "arn:aws:iam::123456789012:role/svc/app"
    assert role.assume_role_policy == TRUST
    assert isinstance(role.assume_role_policy, PolicyDocument)
    assert (role.description, role.max_session_duration) == ("the app's role", 7200)
    assert role.tags == {"env": "prod"}
    assert iam_service.role("app") == role


def test_create_role_sends_the_document_as_json(
    iam_service: IamService, requests_sent: Requests
) -> None:
    """The trust policy goes on the wire as JSON text, not as a Python repr."""
    iam_service.create_role("app", assume_role_policy=TRUST)

    [body] = requests_sent.bodies("CreateRole")
    sent = body["AssumeRolePolicyDocument"]
    assert isinstance(sent, str)
    assert json.loads(sent) == TRUST
    assert "Description" not in body
    assert "MaxSessionDuration" not in body
    assert "Tags" not in body


def test_roles_leave_tags_unknown_unless_asked(iam_service: IamService) -> None:
    """roles() says tags None (ListRoles omits them); with_tags=True fetches them."""
    iam_service.create_role("app", assume_role_policy=TRUST, tags={"env": "prod"})
    iam_service.create_role("batch", assume_role_policy=TRUST, path="/jobs/")

    assert {r.name: r.tags for r in iam_service.roles()} == {"app": None, "batch": None}
    assert {r.name: r.tags for r in iam_service.roles(with_tags=True)} == {
        "app": {"env": "prod"},
        "batch": {},
    }
    assert [r.name for r in iam_service.roles(path_prefix="/jobs/")] == ["batch"]
    assert all(r.assume_role_policy == TRUST for r in iam_service.roles())


def test_roles_page_through_moto(
    iam_service: IamService, requests_sent: Requests, small_pages: int
) -> None:
    """With two roles a page, five roles take three ListRoles requests and all come back."""
    for number in range(5):
        iam_service.create_role(f"role{number}", assume_role_policy=TRUST)
    requests_sent.clear()

    names = [role.name for role in iam_service.roles()]

    assert sorted(names) == [f"role{n}" for n in range(5)]
    assert requests_sent.count("ListRoles") == 3
    assert all(body["MaxItems"] == small_pages for body in requests_sent.bodies("ListRoles"))


def test_delete_role(iam_service: IamService) -> None:
    """delete_role removes a role; an unknown one is NotFoundError."""
    iam_service.create_role("app", assume_role_policy=TRUST)

    iam_service.delete_role("app")

    assert list(iam_service.roles()) == []
    with pytest.raises(NotFoundError):
        iam_service.role("app")
    with pytest.raises(NotFoundError):
        iam_service.delete_role("app")


# -- managed policies ------------------------------------------------------------------------


def test_create_policy_and_read_its_document(iam_service: IamService) -> None:
    """A policy created from a mapping comes back with its document parsed, not URL-encoded."""
    policy = iam_service.create_policy(
        "read",
        document=READ_BUCKET,
        path="/app/",
        description="read the demo bucket",
        tags={"owner": "data"},
    )

    assert policy.arn == "arn:aws:iam::123456789012:policy/app/read"
    assert (policy.default_version_id, policy.attachment_count) == ("v1", 0)
    assert policy.attachable is True
    assert policy.created.tzinfo is UTC
    assert iam_service.policy(policy.arn).description == "read the demo bucket"
    tags = iam_service.client.list_policy_tags(PolicyArn=policy.arn)["Tags"]
    assert tags == [{"Key": "owner", "Value": "data"}]
    document = iam_service.policy_document(policy.arn)
    assert document == READ_BUCKET
    assert json.loads(document.to_json()) == READ_BUCKET


def test_policies_lists_local_policies_by_default(iam_service: IamService) -> None:
    """policies() lists your own policies; only_attached and path_prefix narrow the list."""
    read = iam_service.create_policy("read", document=READ_BUCKET, path="/app/")
    iam_service.create_policy("other", document=READ_BUCKET)
    iam_service.create_role("app", assume_role_policy=TRUST)
    iam_service.attach_role_policy(role="app", policy_arn=read.arn)

    assert {p.name for p in iam_service.policies()} == {"read", "other"}
    assert [p.name for p in iam_service.policies(only_attached=True)] == ["read"]
    assert [p.name for p in iam_service.policies(path_prefix="/app/")] == ["read"]
    assert {p.name for p in iam_service.policies(scope="All")} >= {"read", "other"}
    assert [p.name for p in iam_service.policies(scope="AWS") if p.name == "read"] == []


def test_policies_page_through_moto(
    iam_service: IamService, requests_sent: Requests, small_pages: int
) -> None:
    """With two policies a page, three policies take two ListPolicies requests."""
    for number in range(3):
        iam_service.create_policy(f"p{number}", document=READ_BUCKET)
    requests_sent.clear()

    assert sorted(p.name for p in iam_service.policies()) == ["p0", "p1", "p2"]
    assert requests_sent.count("ListPolicies") == 2
    [first, *_] = requests_sent.bodies("ListPolicies")
    assert (first["Scope"], first["OnlyAttached"], first["MaxItems"]) == ("Local", "false", 2)


def test_delete_policy(iam_service: IamService) -> None:
    """delete_policy removes a policy, and a second delete is NotFoundError."""
    # AWS refuses an attached policy with DeleteConflict; moto deletes it (test_iam_stubbed.py).
    policy = iam_service.create_policy("read", document=READ_BUCKET)

    iam_service.delete_policy(policy.arn)

    assert list(iam_service.policies()) == []
    with pytest.raises(NotFoundError):
        iam_service.policy(policy.arn)
    with pytest.raises(NotFoundError):
        iam_service.delete_policy(policy.arn)


AttachCase = tuple[
    str,
    Callable[[IamService, str, str], None],
    Callable[[IamService, str, str], None],
    Callable[[IamService, str], object],
]

ATTACH_CASES: list[AttachCase] = [
    (
        "user",
        lambda iam, name, arn: iam.attach_user_policy(user=name, policy_arn=arn),
        lambda iam, name, arn: iam.detach_user_policy(user=name, policy_arn=arn),
        lambda iam, name: list(iam.attached_user_policies(name)),
    ),
    (
        "group",
        lambda iam, name, arn: iam.attach_group_policy(group=name, policy_arn=arn),
        lambda iam, name, arn: iam.detach_group_policy(group=name, policy_arn=arn),
        lambda iam, name: list(iam.attached_group_policies(name)),
    ),
    (
        "role",
        lambda iam, name, arn: iam.attach_role_policy(role=name, policy_arn=arn),
        lambda iam, name, arn: iam.detach_role_policy(role=name, policy_arn=arn),
        lambda iam, name: list(iam.attached_role_policies(name)),
    ),
]


@pytest.mark.parametrize("case", ATTACH_CASES, ids=[case[0] for case in ATTACH_CASES])
def test_attach_list_and_detach(iam_service: IamService, case: AttachCase) -> None:
    """A policy attached to a user, group or role is listed there until detached."""
    kind, attach, detach, attached = case
    create: dict[str, Callable[[], object]] = {
        "user": lambda: iam_service.create_user("x"),
        "group": lambda: iam_service.create_group("x"),
        "role": lambda: iam_service.create_role("x", assume_role_policy=TRUST),
    }
    create[kind]()
    policy = iam_service.create_policy("read", document=READ_BUCKET)

    attach(iam_service, "x", policy.arn)

    assert attached(iam_service, "x") == [AttachedPolicy(name="read", arn=policy.arn)]
    assert iam_service.policy(policy.arn).attachment_count == 1

    detach(iam_service, "x", policy.arn)

    assert attached(iam_service, "x") == []
    with pytest.raises(NotFoundError):
        detach(iam_service, "x", policy.arn)


def test_attached_policies_page_through_moto(
    iam_service: IamService, requests_sent: Requests, small_pages: int
) -> None:
    """Three policies attached to a user come back over two pages."""
    iam_service.create_user("alice")
    for number in range(3):
        arn = iam_service.create_policy(f"p{number}", document=READ_BUCKET).arn
        iam_service.attach_user_policy(user="alice", policy_arn=arn)
    requests_sent.clear()

    assert [p.name for p in iam_service.attached_user_policies("alice")] == ["p0", "p1", "p2"]
    assert requests_sent.count("ListAttachedUserPolicies") == 2


def test_attaching_to_an_unknown_user_is_not_found(iam_service: IamService) -> None:
    """Attaching a policy to a user that does not exist raises NotFoundError."""
    policy = iam_service.create_policy("read", document=READ_BUCKET)

    with pytest.raises(NotFoundError):
        iam_service.attach_user_policy(user="nobody", policy_arn=policy.arn)


# -- a global service ------------------------------------------------------------------------


def test_works_from_a_session_without_any_region(
    aws_session: boto3.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built from a Session with no region anywhere, IAM uses the global endpoint and works."""
    del aws_session  # for its moto mock and fake credentials
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    session = boto3.Session()
    assert session.region_name is None

    iam = IamService(session)

    assert iam.client.meta.endpoint_url == "https://iam.amazonaws.com"
    assert iam.create_user("alice").arn == "arn:aws:iam::123456789012:user/alice"
    assert [user.name for user in iam.users()] == ["alice"]


def test_china_region_reaches_the_china_partition(aws_session: boto3.Session) -> None:
    """region="cn-north-1" wins over the session's region: China's endpoint and aws-cn ARNs."""
    iam = IamService(aws_session, region="cn-north-1")

    assert iam.client.meta.endpoint_url == "https://iam.cn-north-1.amazonaws.com.cn"
    user = iam.create_user("alice")
    assert user.arn.startswith("arn:aws-cn:iam::")
    role = iam.create_role("app", assume_role_policy=TRUST)
    assert role.arn.startswith("arn:aws-cn:iam::")


def test_services_share_one_client(aws_session: boto3.Session) -> None:
    """Two IamServices on one session and options share one client."""
    assert IamService(aws_session).client is IamService(aws_session).client
