"""IamService's valid calls, and the bad calls of the rules IAM's model does not state (tags,
policy documents, an ARN's ``arn:`` prefix); the model's own rules (names, paths, lengths,
patterns, allowed values) make their cases from botocore's model (``bad_input_cases.model_cases``).
"""

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


def _attachment(kind: str) -> Method:
    """attach_/detach_<kind>_policy: a user, group or role name and a policy ARN."""
    return Method({kind: "alice", "policy_arn": POLICY_ARN}, [Bad("policy_arn", "a" * 20)])


_USER: Final = {"user": "alice"}
_GROUP: Final = {"group": "admins"}
_ROLE: Final = {"role": "web"}

IAM: Final[dict[str, Method]] = {
    "create_user": Method(
        {"name": "alice", "path": "/team/", "tags": {"team": "a"}}, [Bad("tags", {"aws:x": "y"})]
    ),
    "users": Method({"path_prefix": "/team/"}),
    "user": Method({"name": "alice"}),
    "delete_user": Method({"name": "alice"}),
    "create_group": Method({"name": "admins"}),
    "groups": Method({"path_prefix": "/"}),
    "group": Method({"name": "admins"}),
    "delete_group": Method({"name": "admins"}),
    "add_user_to_group": Method({**_USER, **_GROUP}),
    "remove_user_from_group": Method({**_USER, **_GROUP}),
    "groups_for_user": Method(_USER),
    "users_in_group": Method(_GROUP),
    "create_access_key": Method(_USER),
    "access_keys": Method(_USER),
    "delete_access_key": Method({**_USER, "key_id": KEY_ID}),
    "update_access_key": Method({**_USER, "key_id": KEY_ID, "active": False}),
    "create_role": Method(
        {"name": "web", "assume_role_policy": TRUST, "path": "/", "max_session_duration": 3600},
        [
            Bad("assume_role_policy", {}),
            Bad("assume_role_policy", {"Statement": object()}),
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "roles": Method({"path_prefix": "/"}),
    "role": Method({"name": "web"}),
    "delete_role": Method({"name": "web"}),
    "create_policy": Method(
        {"name": "read", "document": DOCUMENT, "path": "/", "description": "read"},
        [
            Bad("document", {}),
            Bad("document", {"Statement": {1, 2}}),
            Bad("tags", {"aws:x": "y"}),
        ],
    ),
    "policies": Method({"scope": "Local", "path_prefix": "/"}),
    "policy": Method({"arn": POLICY_ARN}, [Bad("arn", "a" * 20)]),
    "policy_document": Method({"arn": POLICY_ARN}, [Bad("arn", "a" * 20)]),
    "delete_policy": Method({"arn": POLICY_ARN}, [Bad("arn", "a" * 20)]),
    **{
        f"{verb}_{kind}_policy": _attachment(kind)
        for verb in ("attach", "detach")
        for kind in ("user", "group", "role")
    },
    "attached_user_policies": Method(_USER),
    "attached_group_policies": Method(_GROUP),
    "attached_role_policies": Method(_ROLE),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(IAM, ["create_user", "create_role", "create_policy"], Bad("tags", TOO_MANY_TAGS))
