"""IamService's bad calls (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Method, add_cases

POLICY_ARN: Final = "arn:aws:iam::123456789012:policy/read"
KEY_ID: Final = "AKIAIOSFODNN7EXAMPLE"
DOCUMENT: Final = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}
TRUST: Final = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


def _names(argument: str, limit: int) -> list[Bad]:
    """A user, group or role name: empty, too long, a character IAM refuses."""
    return [
        Bad(argument, ""),
        Bad(argument, "n" * (limit + 1)),
        Bad(argument, "with space"),
        Bad(argument, "a/b"),
    ]


def _arn(argument: str) -> list[Bad]:
    return [Bad(argument, ""), Bad(argument, "read"), Bad(argument, "arn:")]


def _paths(argument: str) -> list[Bad]:
    return [Bad(argument, ""), Bad(argument, "team"), Bad(argument, "/team")]


def _attachment(kind: str, limit: int) -> Method:
    """attach_/detach_<kind>_policy: a user, group or role name and a policy ARN."""
    return Method(
        {kind: "alice", "policy_arn": POLICY_ARN}, [*_names(kind, limit), *_arn("policy_arn")]
    )


_USER: Final = {"user": "alice"}
_GROUP: Final = {"group": "admins"}
_ROLE: Final = {"role": "web"}

IAM: Final[dict[str, Method]] = {
    "create_user": Method(
        {"name": "alice", "path": "/team/", "tags": {"team": "a"}},
        [
            *_names("name", 64),
            *_paths("path"),
            Bad("path", "/" + "p" * 512 + "/"),
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "users": Method(
        {"path_prefix": "/team/"}, [Bad("path_prefix", ""), Bad("path_prefix", "team")]
    ),
    "user": Method({"name": "alice"}, _names("name", 128)),
    "delete_user": Method({"name": "alice"}, _names("name", 128)),
    "create_group": Method({"name": "admins"}, [*_names("name", 128), *_paths("path")]),
    "groups": Method({"path_prefix": "/"}, [Bad("path_prefix", "")]),
    "group": Method({"name": "admins"}, _names("name", 128)),
    "delete_group": Method({"name": "admins"}, _names("name", 128)),
    "add_user_to_group": Method({**_USER, **_GROUP}, [*_names("user", 128), *_names("group", 128)]),
    "remove_user_from_group": Method(
        {**_USER, **_GROUP}, [*_names("user", 128), *_names("group", 128)]
    ),
    "groups_for_user": Method(_USER, _names("user", 128)),
    "users_in_group": Method(_GROUP, _names("group", 128)),
    "create_access_key": Method(_USER, _names("user", 128)),
    "access_keys": Method(_USER, _names("user", 128)),
    "delete_access_key": Method(
        {**_USER, "key_id": KEY_ID},
        [
            *_names("user", 128),
            Bad("key_id", ""),
            Bad("key_id", "AKIA"),
            Bad("key_id", "AKIA-" * 4),
        ],
    ),
    "update_access_key": Method(
        {**_USER, "key_id": KEY_ID, "active": False},
        [*_names("user", 128), Bad("key_id", "short")],
    ),
    "create_role": Method(
        {"name": "web", "assume_role_policy": TRUST, "path": "/", "max_session_duration": 3600},
        [
            *_names("name", 64),
            *_paths("path"),
            Bad("assume_role_policy", {}),
            Bad("assume_role_policy", {"Statement": object()}),
            Bad("description", "d" * 1001),
            Bad("max_session_duration", 3599),
            Bad("max_session_duration", 43201),
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "roles": Method({"path_prefix": "/"}, [Bad("path_prefix", "")]),
    "role": Method({"name": "web"}, _names("name", 64)),
    "delete_role": Method({"name": "web"}, _names("name", 64)),
    "create_policy": Method(
        {"name": "read", "document": DOCUMENT, "path": "/", "description": "read"},
        [
            *_names("name", 128),
            Bad("path", ""),
            Bad("path", "team"),
            Bad("document", {}),
            Bad("document", {"Statement": {1, 2}}),
            Bad("description", "d" * 1001),
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "policies": Method(
        {"scope": "Local", "path_prefix": "/"},
        [Bad("scope", "local"), Bad("path_prefix", "")],
    ),
    "policy": Method({"arn": POLICY_ARN}, _arn("arn")),
    "policy_document": Method({"arn": POLICY_ARN}, _arn("arn")),
    "delete_policy": Method({"arn": POLICY_ARN}, _arn("arn")),
    **{
        f"{verb}_{kind}_policy": _attachment(kind, limit)
        for verb in ("attach", "detach")
        for kind, limit in (("user", 64), ("group", 128), ("role", 64))
    },
    "attached_user_policies": Method(_USER, _names("user", 64)),
    "attached_group_policies": Method(_GROUP, _names("group", 128)),
    "attached_role_policies": Method(_ROLE, _names("role", 64)),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(IAM, ["create_user", "create_role", "create_policy"], Bad("tags", TOO_MANY_TAGS))
