"""IAM models, policy documents and argument checks, without moto."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime

import attrs
import pytest

from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError
from awsfacade.iam import AccessKey, AccessKeyStatus, PolicyDocument, Role, User
from awsfacade.iam._models import dump, parse

TRUST: dict[str, object] = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root"]}}],
}
NAIVE = datetime(2024, 5, 1, 12, 0)  # a naive time, as an odd answer may hold


# -- policy documents ------------------------------------------------------------------------


def test_document_is_deeply_read_only() -> None:
    """Nested objects are PolicyDocuments and arrays tuples: nothing inside can be changed."""
    document = PolicyDocument(TRUST)

    statements = document["Statement"]
    assert isinstance(statements, tuple)
    assert all(isinstance(statement, PolicyDocument) for statement in statements)  # pyright: ignore[reportUnknownVariableType] - a tuple of objects
    with pytest.raises(TypeError):
        document["Version"] = "x"  # type: ignore[index]  # pyright: ignore[reportIndexIssue] - read-only on purpose


def test_document_equals_its_json_and_is_hashable() -> None:
    """A document equals the dict it came from (lists or tuples), hashes by content."""
    document = PolicyDocument(TRUST)
    reordered = PolicyDocument({"Statement": TRUST["Statement"], "Version": "2012-10-17"})

    assert document == TRUST
    assert document == reordered
    assert hash(document) == hash(reordered)
    assert len({document, reordered}) == 1
    assert document != {"Version": "2012-10-17"}
    assert document != "not a mapping"
    assert len(document) == 2
    assert list(document) == ["Version", "Statement"]


def test_document_gives_back_json_and_plain_dicts() -> None:
    """to_json() is JSON text of the same content; to_dict() a mutable plain copy."""
    document = PolicyDocument(TRUST)

    assert json.loads(document.to_json()) == TRUST
    plain = document.to_dict()
    assert plain == TRUST
    assert type(plain["Statement"]) is list
    assert repr(document) == f"PolicyDocument({document.to_json()})"
    assert PolicyDocument() == {}
    assert PolicyDocument({"Nested": document})["Nested"] is document


def test_parse_reads_every_form_aws_and_botocore_send() -> None:
    """Decoded mappings, URL-encoded JSON (AWS's wire form) and plain JSON all parse."""
    text = json.dumps(TRUST)

    assert parse(TRUST) == TRUST
    assert parse(urllib.parse.quote(text)) == TRUST
    assert parse(text) == TRUST
    assert parse("  " + text) == TRUST


@pytest.mark.parametrize("value", ["%7Bnot json", "[1, 2]", "", 42, None])
def test_parse_refuses_what_is_not_a_json_object(value: object) -> None:
    """Anything but a JSON object raises UnexpectedResponseError (never a bare ValueError)."""
    with pytest.raises(UnexpectedResponseError, match="policy document"):
        parse(value)


def test_dump_sends_documents_of_any_mapping_as_json() -> None:
    """dump() gives JSON text of a mapping, a PolicyDocument read back included."""
    assert json.loads(dump(TRUST, "document")) == TRUST
    assert json.loads(dump(PolicyDocument(TRUST), "document")) == TRUST


@pytest.mark.parametrize(
    "document",
    [[TRUST], "{}", {"When": datetime.now(UTC)}, {"n": float("inf")}, {"x": "y" * 131_072}],
    ids=["list", "text", "datetime", "infinity", "too-long"],
)
def test_dump_refuses_what_is_no_json_policy(document: object) -> None:
    """Lists, text, values JSON cannot hold and over-long documents are refused, named."""
    with pytest.raises(InvalidArgumentError, match="document"):
        dump(document, "document")


# -- models ------------------------------------------------------------------------------------


def test_role_reads_a_url_encoded_trust_policy_as_aws_sends_it() -> None:
    """A RoleTypeDef whose document is still URL-encoded text reaches the model parsed."""
    role = Role._from_boto(
        {
            "Path": "/",
            "RoleName": "app",
            "RoleId": "AROA1234567890EXAMPLE",
            "Arn": "arn:aws:iam::123456789012:role/app",
            "CreateDate": NAIVE,
            "AssumeRolePolicyDocument": urllib.parse.quote(json.dumps(TRUST)),
            "RoleLastUsed": {"LastUsedDate": NAIVE, "Region": "eu-west-1"},
            "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::1:policy/b"},
        }
    )

    assert role.assume_role_policy == TRUST
    assert role.created == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert role.last_used == role.created
    assert role.last_used_region == "eu-west-1"
    assert role.permissions_boundary_arn == "arn:aws:iam::1:policy/b"
    assert role.tags is None  # a listing's answer does not describe tags
    assert role.description is None


def test_role_without_a_trust_policy_has_an_empty_one() -> None:
    """A role answer without AssumeRolePolicyDocument gives an empty document, not an error."""
    role = Role._from_boto(
        {
            "Path": "/",
            "RoleName": "app",
            "RoleId": "AROA1234567890EXAMPLE",
            "Arn": "arn:aws:iam::123456789012:role/app",
            "CreateDate": NAIVE,
        },
        complete=True,
    )

    assert role.assume_role_policy == {}
    assert role.tags == {}


def test_user_tags_are_unknown_in_a_listing_and_known_in_a_get() -> None:
    """Without Tags a listed user's tags are None; a complete answer's are empty."""
    item = {
        "Path": "/",
        "UserName": "a",
        "UserId": "AIDA1234567890EXAMPLE",
        "Arn": "arn:aws:iam::123456789012:user/a",
        "CreateDate": NAIVE,
    }

    assert User._from_boto(item).tags is None  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a dict literal standing for UserTypeDef
    assert User._from_boto(item, complete=True).tags == {}  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a dict literal standing for UserTypeDef


def test_models_are_frozen_and_hashable() -> None:
    """Models cannot be changed and can be put in sets, documents and tags included."""
    user = User(name="a", id="1", arn="arn", path="/", created=NAIVE, tags={"k": "v"})
    role = Role(name="r", id="2", arn="arn", path="/", created=NAIVE, assume_role_policy=TRUST)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        user.name = "b"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - frozen on purpose
    assert len({user, user}) == 1
    assert len({role, role}) == 1


def test_access_key_built_by_hand_keeps_its_secret_out_of_repr() -> None:
    """An AccessKey built by hand has status_name from its status and hides its secret."""
    key = AccessKey(
        user="a", id="AKIA1", status=AccessKeyStatus.ACTIVE, created=NAIVE, secret="s3cr3t"
    )

    assert key.status_name == "Active"
    assert "s3cr3t" not in repr(key)
    assert "s3cr3t" not in str(key)
    assert key.secret == "s3cr3t"
