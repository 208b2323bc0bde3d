"""IamService through moto's HTTP server (tests/conftest.py): IAM's query protocol,
URL-encoded policy documents and error responses as they travel over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import Requests, requests_of

import awsfacade.iam._base as iam_base_module
from awsfacade.errors import AlreadyExistsError, InUseError, NotFoundError
from awsfacade.iam import AccessKeyStatus, IamService
from awsfacade.testing import fake_environment, new_session

TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
READ = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}


@pytest.fixture
def wire_iam(fresh_moto_url: str) -> Iterator[IamService]:
    """An IamService talking HTTP to the moto server, whose state starts empty."""
    with fake_environment("us-east-1"):
        yield IamService(new_session("us-east-1"), endpoint_url=fresh_moto_url)


requests_sent = requests_of("wire_iam")


def test_service_talks_to_the_server(wire_iam: IamService, moto_url: str) -> None:
    """The client's endpoint is the moto server, not AWS's global endpoint."""
    assert wire_iam.client.meta.endpoint_url == moto_url
    assert list(wire_iam.users()) == []


def test_users_groups_and_keys_over_the_wire(wire_iam: IamService) -> None:
    """Users, tags, memberships and keys survive serialisation both ways; UTC times."""
    user = wire_iam.create_user("alice", path="/staff/", tags={"team": "blue"})
    wire_iam.create_group("devs")
    wire_iam.add_user_to_group(user="alice", group="devs")
    key = wire_iam.create_access_key("alice")

    assert wire_iam.user("alice") == user
    assert user.created.utcoffset() is not None
    assert [u.tags for u in wire_iam.users(with_tags=True)] == [{"team": "blue"}]
    assert [g.name for g in wire_iam.groups_for_user("alice")] == ["devs"]
    assert key.secret is not None
    assert key.secret not in repr(key)
    [listed] = wire_iam.access_keys("alice")
    assert (listed.id, listed.status, listed.secret) == (key.id, AccessKeyStatus.ACTIVE, None)


def test_documents_travel_url_encoded_and_come_back_parsed(wire_iam: IamService) -> None:
    """A trust policy and a policy document come back over HTTP as mappings, not text."""
    role = wire_iam.create_role("fn", assume_role_policy=TRUST, description="a function")
    policy = wire_iam.create_policy("read", document=READ)
    wire_iam.attach_role_policy(role="fn", policy_arn=policy.arn)

    assert role.assume_role_policy == TRUST
    assert wire_iam.role("fn").assume_role_policy == TRUST
    assert [r.assume_role_policy for r in wire_iam.roles()] == [TRUST]
    assert wire_iam.policy_document(policy.arn) == READ
    assert [p.arn for p in wire_iam.attached_role_policies("fn")] == [policy.arn]


def test_errors_over_the_wire(wire_iam: IamService) -> None:
    """IAM's XML error answers become NotFoundError, AlreadyExistsError and InUseError."""
    wire_iam.create_user("alice")
    policy = wire_iam.create_policy("read", document=READ)
    wire_iam.attach_user_policy(user="alice", policy_arn=policy.arn)

    with pytest.raises(NotFoundError) as missing:
        wire_iam.user("nobody")
    with pytest.raises(AlreadyExistsError):
        wire_iam.create_user("alice")
    with pytest.raises(InUseError):
        wire_iam.delete_user("alice")

    assert missing.value.request_id


def test_force_delete_over_the_wire(wire_iam: IamService) -> None:
    """A forced delete removes the user's key, policy and membership, then the user."""
    wire_iam.create_user("alice")
    wire_iam.create_access_key("alice")
    wire_iam.create_group("devs")
    wire_iam.add_user_to_group(user="alice", group="devs")
    policy = wire_iam.create_policy("read", document=READ)
    wire_iam.attach_user_policy(user="alice", policy_arn=policy.arn)

    wire_iam.delete_user("alice", force=True)

    assert list(wire_iam.users()) == []
    assert wire_iam.policy(policy.arn).attachment_count == 0


def test_roles_page_over_the_wire(
    wire_iam: IamService, requests_sent: Requests, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two roles a page, the Marker travels over HTTP and every role comes back."""
    monkeypatch.setattr(iam_base_module.IamBase, "_page_size", 2)
    for number in range(3):
        wire_iam.create_role(f"r{number}", assume_role_policy=TRUST)
    requests_sent.clear()

    assert sorted(role.name for role in wire_iam.roles()) == ["r0", "r1", "r2"]
    assert requests_sent.count("ListRoles") == 2
    assert "Marker" in requests_sent.bodies("ListRoles")[1]
