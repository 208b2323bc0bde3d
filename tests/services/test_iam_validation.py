"""IamService's own argument rules, the ones IAM's model does not state (tags, policy
documents): a wrong one raises InvalidArgumentError naming it, and nothing is sent. Names,
paths, lengths and types are checked from the model and the signatures, and tested for every
method by tests/reliability/test_bad_input.py."""

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
    ("user-tags-type", lambda iam: iam.create_user("a", tags=[("k", "v")]), "tags"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    (
        "user-tags-51",
        lambda iam: iam.create_user("a", tags={f"k{n}": "v" for n in range(51)}),
        "tags",
    ),
    ("user-tags-aws", lambda iam: iam.create_user("a", tags={"aws:x": "v"}), "aws:"),
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
    (
        "role-tags-51",
        lambda iam: iam.create_role(
            "r", assume_role_policy=TRUST, tags={f"k{n}": "v" for n in range(51)}
        ),
        "tags",
    ),
    ("policy-doc", lambda iam: iam.create_policy("p", document=[TRUST]), "document"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
    (
        "policy-tags",
        lambda iam: iam.create_policy("p", document=TRUST, tags={"": "v"}),
        "tag",
    ),
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


def test_names_and_paths_at_their_limits_are_accepted(iam_service: IamService) -> None:
    """The longest name and path IAM allows, with every character it allows, are sent."""
    user = iam_service.create_user("a" * 64, path="/" + "p" * 510 + "/")
    group = iam_service.create_group("A_b+=,.@-9", path="/a/b~!/")

    assert (user.name, group.name) == ("a" * 64, "A_b+=,.@-9")
    assert [u.name for u in iam_service.users(path_prefix="/" + "p" * 510)] == [user.name]
    assert list(iam_service.policies(path_prefix="/app/team/")) == []


def test_documents_accept_any_mapping_of_json_values(iam_service: IamService) -> None:
    """A document may be any mapping, nested ones and tuples included (sent as JSON)."""
    principal = MappingProxyType({"Service": "ec2.amazonaws.com"})
    statement = MappingProxyType(
        {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    )
    document = MappingProxyType({"Version": "2012-10-17", "Statement": (statement,)})

    role = iam_service.create_role("r", assume_role_policy=document)

    assert role.assume_role_policy == TRUST
