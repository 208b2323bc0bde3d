"""Every IamService method checks its arguments before the first request: a wrong one raises
InvalidArgumentError naming it, and nothing is sent (counted with a before-call hook)."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

import pytest
from iam_support import TRUST
from support import Requests

from awsfacade.errors import InvalidArgumentError
from awsfacade.iam import IamService

ARN = "arn:aws:iam::123456789012:policy/read"
KEY = "AKIAIOSFODNN7EXAMPLE"

Call = Callable[[IamService], object]

# Each case: (id, the call, a fragment of the message that names the argument).
BAD_CALLS: list[tuple[str, Call, str]] = [
    ("user-name-empty", lambda iam: iam.create_user(""), "name"),
    ("user-name-65", lambda iam: iam.create_user("u" * 65), "name"),
    ("user-name-chars", lambda iam: iam.create_user("al ice"), "name"),
    ("user-name-unicode", lambda iam: iam.create_user("bjørn"), "name"),
    ("user-name-type", lambda iam: iam.create_user(42), "name"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("user-path", lambda iam: iam.create_user("a", path="staff"), "path"),
    ("user-path-no-end", lambda iam: iam.create_user("a", path="/staff"), "path"),
    ("user-path-long", lambda iam: iam.create_user("a", path="/" + "p" * 511 + "/"), "path"),
    ("user-tags-type", lambda iam: iam.create_user("a", tags=[("k", "v")]), "tags"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    (
        "user-tags-51",
        lambda iam: iam.create_user("a", tags={f"k{n}": "v" for n in range(51)}),
        "tags",
    ),
    ("user-tags-aws", lambda iam: iam.create_user("a", tags={"aws:x": "v"}), "aws:"),
    ("users-prefix", lambda iam: next(iam.users(path_prefix="staff")), "path_prefix"),
    ("users-with-tags", lambda iam: iam.users(with_tags="yes"), "with_tags"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("user", lambda iam: iam.user(""), "name"),
    ("user-existing-129", lambda iam: iam.user("u" * 129), "name"),
    ("delete-user", lambda iam: iam.delete_user(" "), "name"),
    ("delete-user-force", lambda iam: iam.delete_user("a", force=1), "force"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("group-name-129", lambda iam: iam.create_group("g" * 129), "name"),
    ("group-path", lambda iam: iam.create_group("g", path="//"), "path"),
    ("groups-prefix", lambda iam: iam.groups(path_prefix=""), "path_prefix"),
    ("group", lambda iam: iam.group("a/b"), "name"),
    ("delete-group", lambda iam: iam.delete_group(""), "name"),
    ("add-user", lambda iam: iam.add_user_to_group(user="", group="g"), "user"),
    ("add-group", lambda iam: iam.add_user_to_group(user="a", group=""), "group"),
    ("remove-user", lambda iam: iam.remove_user_from_group(user="a b", group="g"), "user"),
    ("remove-group", lambda iam: iam.remove_user_from_group(user="a", group="g g"), "group"),
    ("groups-for-user", lambda iam: iam.groups_for_user(""), "user"),
    ("users-in-group", lambda iam: iam.users_in_group(""), "group"),
    ("create-key", lambda iam: iam.create_access_key(""), "user"),
    ("keys", lambda iam: iam.access_keys(["a"]), "user"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("delete-key-user", lambda iam: iam.delete_access_key("", KEY), "user"),
    ("delete-key-id", lambda iam: iam.delete_access_key("a", ""), "key_id"),
    ("delete-key-short", lambda iam: iam.delete_access_key("a", "AKIA"), "key_id"),
    ("delete-key-chars", lambda iam: iam.delete_access_key("a", "AKIA-IOSFODNN7EXAMPLE"), "key_id"),
    ("update-key-id", lambda iam: iam.update_access_key("a", "", active=True), "key_id"),
    ("update-key-user", lambda iam: iam.update_access_key("", KEY, active=True), "user"),
    ("update-key-active", lambda iam: iam.update_access_key("a", KEY, active="False"), "active"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("role-name-65", lambda iam: iam.create_role("r" * 65, assume_role_policy=TRUST), "name"),
    (
        "role-trust-text",
        lambda iam: iam.create_role("r", assume_role_policy='{"Version": "2012-10-17"}'),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
        "assume_role_policy",
    ),
    (
        "role-trust-json",
        lambda iam: iam.create_role("r", assume_role_policy={"When": object()}),
        "assume_role_policy",
    ),
    (
        "role-trust-nan",
        lambda iam: iam.create_role("r", assume_role_policy={"n": float("nan")}),
        "assume_role_policy",
    ),
    (
        "role-trust-size",
        lambda iam: iam.create_role("r", assume_role_policy={"x": "y" * 131_072}),
        "assume_role_policy",
    ),
    ("role-path", lambda iam: iam.create_role("r", assume_role_policy=TRUST, path="x"), "path"),
    (
        "role-description-long",
        lambda iam: iam.create_role("r", assume_role_policy=TRUST, description="d" * 1001),
        "description",
    ),
    (
        "role-description-control",
        lambda iam: iam.create_role("r", assume_role_policy=TRUST, description="a\x00b"),
        "description",
    ),
    (
        "role-description-type",
        lambda iam: iam.create_role("r", assume_role_policy=TRUST, description=5),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
        "description",
    ),
    (
        "role-session-short",
        lambda iam: iam.create_role("r", assume_role_policy=TRUST, max_session_duration=60),
        "max_session_duration",
    ),
    (
        "role-session-bool",
        lambda iam: iam.create_role("r", assume_role_policy=TRUST, max_session_duration=True),
        "max_session_duration",
    ),
    (
        "role-tags-51",
        lambda iam: iam.create_role(
            "r", assume_role_policy=TRUST, tags={f"k{n}": "v" for n in range(51)}
        ),
        "tags",
    ),
    ("roles-prefix", lambda iam: iam.roles(path_prefix="x"), "path_prefix"),
    ("roles-with-tags", lambda iam: iam.roles(with_tags=None), "with_tags"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("role", lambda iam: iam.role(""), "name"),
    ("delete-role", lambda iam: iam.delete_role("r r"), "name"),
    ("delete-role-force", lambda iam: iam.delete_role("r", force="yes"), "force"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("policy-name", lambda iam: iam.create_policy("p p", document=TRUST), "name"),
    ("policy-doc", lambda iam: iam.create_policy("p", document=[TRUST]), "document"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("policy-path", lambda iam: iam.create_policy("p", document=TRUST, path="/a b/"), "path"),
    (
        "policy-description",
        lambda iam: iam.create_policy("p", document=TRUST, description="d" * 1001),
        "description",
    ),
    (
        "policy-tags",
        lambda iam: iam.create_policy("p", document=TRUST, tags={"": "v"}),
        "tag",
    ),
    ("policies-scope", lambda iam: iam.policies(scope="Mine"), "scope"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("policies-attached", lambda iam: iam.policies(only_attached="no"), "only_attached"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    ("policies-prefix", lambda iam: iam.policies(path_prefix="/app"), "path_prefix"),
    ("policy", lambda iam: iam.policy("read"), "arn"),
    ("policy-short-arn", lambda iam: iam.policy("arn:aws:iam::1:x"), "arn"),
    ("policy-document", lambda iam: iam.policy_document(""), "arn"),
    ("delete-policy", lambda iam: iam.delete_policy("policy/read"), "arn"),
    ("attach-user", lambda iam: iam.attach_user_policy(user="", policy_arn=ARN), "user"),
    ("attach-user-arn", lambda iam: iam.attach_user_policy(user="a", policy_arn="x"), "policy_arn"),
    ("detach-user", lambda iam: iam.detach_user_policy(user="a", policy_arn=""), "policy_arn"),
    ("detach-user-name", lambda iam: iam.detach_user_policy(user="", policy_arn=ARN), "user"),
    ("attached-user", lambda iam: iam.attached_user_policies("u" * 65), "user"),
    ("attach-group", lambda iam: iam.attach_group_policy(group="", policy_arn=ARN), "group"),
    (
        "attach-group-arn",
        lambda iam: iam.attach_group_policy(group="g", policy_arn=""),
        "policy_arn",
    ),
    ("detach-group", lambda iam: iam.detach_group_policy(group="g g", policy_arn=ARN), "group"),
    (
        "detach-group-arn",
        lambda iam: iam.detach_group_policy(group="g", policy_arn="a"),
        "policy_arn",
    ),
    ("attached-group", lambda iam: iam.attached_group_policies(""), "group"),
    ("attach-role", lambda iam: iam.attach_role_policy(role="", policy_arn=ARN), "role"),
    ("attach-role-arn", lambda iam: iam.attach_role_policy(role="r", policy_arn=""), "policy_arn"),
    ("detach-role", lambda iam: iam.detach_role_policy(role="r r", policy_arn=ARN), "role"),
    ("detach-role-arn", lambda iam: iam.detach_role_policy(role="r", policy_arn="b"), "policy_arn"),
    ("attached-role", lambda iam: iam.attached_role_policies(""), "role"),
]


@pytest.fixture
def requests_sent(iam_service: IamService) -> Requests:
    """Every request ``iam_service`` sends from now on."""
    log = Requests()
    iam_service.client.meta.events.register("before-call.iam", log)
    return log


@pytest.mark.parametrize(
    ("call", "argument"),
    [pytest.param(call, argument, id=name) for name, call, argument in BAD_CALLS],
)
def test_bad_argument_raises_before_any_request(
    iam_service: IamService, requests_sent: Requests, call: Call, argument: str
) -> None:
    """A wrong argument raises InvalidArgumentError naming it, and no request is sent."""
    with pytest.raises(InvalidArgumentError, match=argument):
        call(iam_service)

    assert requests_sent.operations == []


def test_documents_accept_any_mapping_of_json_values(iam_service: IamService) -> None:
    """A document may be any mapping, nested ones and tuples included (sent as JSON)."""
    principal = MappingProxyType({"Service": "ec2.amazonaws.com"})
    statement = MappingProxyType(
        {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    )
    document = MappingProxyType({"Version": "2012-10-17", "Statement": (statement,)})

    role = iam_service.create_role("r", assume_role_policy=document)

    assert role.assume_role_policy == TRUST
