"""IAM models: frozen attrs classes built from boto3-stubs TypedDicts by ``_from_boto``.

``tags`` is ``None`` where AWS did not say: IAM's listings (ListUsers, ListRoles, GetGroup)
return a subset of each entity's attributes and never its tags, so an empty mapping there
would claim "no tags" for a user AWS simply did not describe in full.

Policy documents (`PolicyDocument`): mappings in, read-only parsed mappings out, never
URL-encoded text.

IAM sends every policy document (a role's trust policy, a policy version's ``Document``) as
URL-encoded JSON; botocore's ``json_decode_policies`` hook usually decodes it into a dict
already, and moto sends it decoded. `parse` accepts both, plus plain JSON text.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal, TypeGuard

import attrs

from awsfacade._base import StateEnum
from awsfacade._convert import converter, optional_utc, required, utc
from awsfacade._tags import Tags, as_tags
from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError

if TYPE_CHECKING:
    from mypy_boto3_iam.type_defs import (
        AccessKeyMetadataTypeDef,
        AccessKeyTypeDef,
        AttachedPolicyTypeDef,
        GroupTypeDef,
        PolicyTypeDef,
        RoleTypeDef,
        TagTypeDef,
        UserTypeDef,
    )

__all__ = [
    "MAX_DOCUMENT_LENGTH",
    "AccessKey",
    "AccessKeyStatus",
    "AttachedPolicy",
    "Group",
    "Policy",
    "PolicyDocument",
    "PolicyScope",
    "Role",
    "User",
    "dump",
    "parse",
]

PolicyScope = Literal["All", "AWS", "Local"]
"""Whose managed policies [`policies`][awsfacade.iam.IamService.policies] lists: yours
(``"Local"``), AWS's (``"AWS"``), or both (``"All"``)."""

#: IAM's largest ``policyDocumentType`` (service-2.json); the per-kind quotas (6,144
#: characters for a managed policy, 2,048 for a trust policy by default) are AWS's to enforce.
MAX_DOCUMENT_LENGTH = 131_072

# json.loads returns Any; naming it through this typed alias makes every caller see `object`,
# which the isinstance checks below narrow (mypy's disallow_any_expr holds in this package).
_loads: Callable[[str], object] = json.loads


def _is_mapping(value: object) -> TypeGuard[Mapping[object, object]]:
    return isinstance(value, Mapping)


def _is_array(value: object) -> TypeGuard[list[object] | tuple[object, ...]]:
    return isinstance(value, list | tuple)


class PolicyDocument(Mapping[str, object]):
    """A parsed IAM policy document: an immutable, hashable mapping whose nested objects
    are ``PolicyDocument`` too and whose arrays are tuples.

    It is equal to any mapping with the same JSON content (lists and tuples alike), so a
    document read back compares equal to the dict it was created from.
    [`to_json()`][awsfacade.iam.PolicyDocument.to_json] gives the JSON text back,
    [`to_dict()`][awsfacade.iam.PolicyDocument.to_dict] a plain, mutable copy, and
    ``dict(document)`` a plain top level.

    Args:
        data: The document's top level; nested mappings and sequences are frozen too.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, object] | None = None) -> None:
        self._data: dict[str, object] = {
            str(key): _freeze(value) for key, value in (data or {}).items()
        }
        self._hash: int | None = None

    def __getitem__(self, key: str) -> object:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        """Equal to any mapping with the same JSON content (lists and tuples alike), so a
        document read back compares equal to the dict it was created from."""
        if not _is_mapping(other):
            return NotImplemented
        return self.to_dict() == _plain(other)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(json.dumps(self, default=_thaw, sort_keys=True))
        return self._hash

    def __repr__(self) -> str:
        return f"PolicyDocument({self.to_json()})"

    def to_dict(self) -> dict[str, object]:
        """A plain, mutable copy of the document.

        Returns:
            Nested dicts and lists, as ``json.loads`` would give.
        """
        return {key: _plain(value) for key, value in self._data.items()}

    def to_json(self) -> str:
        """The document as JSON text.

        Returns:
            Compact JSON, keys in their original order.
        """
        return json.dumps(self, default=_thaw, separators=(",", ":"))


def _freeze(value: object) -> object:
    """A JSON value with its objects as PolicyDocument and its arrays as tuples."""
    if isinstance(value, PolicyDocument):
        return value
    if _is_mapping(value):
        return PolicyDocument({str(key): item for key, item in value.items()})
    if _is_array(value):
        return tuple(_freeze(item) for item in value)
    return value


def _plain(value: object) -> object:
    """A JSON value with its objects as dicts and its arrays as lists."""
    if _is_mapping(value):
        return {str(key): _plain(item) for key, item in value.items()}
    if _is_array(value):
        return [_plain(item) for item in value]
    return value


def _thaw(value: object) -> object:
    """``json.dumps``'s fallback: any mapping (a PolicyDocument, a MappingProxyType) as a
    dict; anything else is not JSON."""
    if _is_mapping(value):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dump(document: object, what: str) -> str:
    """The JSON text of a user's policy document, checked before any request: a mapping
    with a ``Statement``, serialisable as JSON, at most `MAX_DOCUMENT_LENGTH`
    characters."""
    if not isinstance(document, Mapping):
        raise InvalidArgumentError(
            f"{what} must be a mapping (a parsed JSON policy), not {type(document).__name__}"
        )
    if "Statement" not in document:
        # IAM's policy grammar: a policy is an optional Version and Id and a Statement block.
        raise InvalidArgumentError(f"{what} has no Statement: every IAM policy needs one")
    try:
        text = json.dumps(document, default=_thaw, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidArgumentError(f"{what} is not JSON serialisable: {error}") from error
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise InvalidArgumentError(
            f"{what} is longer than {MAX_DOCUMENT_LENGTH} characters as JSON ({len(text)})"
        )
    return text


def parse(value: object) -> PolicyDocument:
    """A policy document as AWS sends it: already decoded (a mapping), URL-encoded JSON or
    plain JSON text. Anything else raises `UnexpectedResponseError`."""
    if _is_mapping(value):
        return PolicyDocument({str(key): item for key, item in value.items()})
    if isinstance(value, str):
        # AWS's wire form is URL-encoded ("%7B%22Version..."); JSON text starts with "{".
        text = value if value.lstrip().startswith("{") else urllib.parse.unquote(value)
        try:
            decoded = _loads(text)
        except ValueError:
            decoded = None
        if _is_mapping(decoded):
            return parse(decoded)
    raise UnexpectedResponseError(
        f"AWS sent a policy document that is not a JSON object: {value!r}"
    )


class AccessKeyStatus(StateEnum):
    """An access key's status; ``UNKNOWN`` for one AWS adds later
    ([`AccessKey.status_name`][awsfacade.iam.AccessKey.status_name] keeps AWS's string)."""

    ACTIVE = "Active"
    INACTIVE = "Inactive"
    EXPIRED = "Expired"
    UNKNOWN = "Unknown"


def _optional_tags(tags: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> Tags | None:
    return None if tags is None else as_tags(tags)


def _as_document(document: Mapping[str, object]) -> PolicyDocument:
    """A read-only, hashable document, without copying what already is one."""
    return document if isinstance(document, PolicyDocument) else PolicyDocument(document)


def _tags_if_sent(tags: list[TagTypeDef] | None, *, complete: bool) -> Tags | None:
    """The tags an answer holds; ``None`` if it holds none and does not describe them all."""
    if tags is not None or complete:
        return Tags.from_aws(tags)
    return None


@attrs.frozen(kw_only=True)
class User:
    """An IAM user: a person or program with long-term credentials in the account."""

    name: str
    """The user's name."""
    id: str
    """The user's unique id (``AIDA…``)."""
    arn: str
    """The user's ARN."""
    path: str
    """The path the user is filed under: ``/``, or one like ``/team/``."""
    created: datetime
    """When the user was created (UTC)."""
    tags: Mapping[str, str] | None = attrs.field(default=None, converter=_optional_tags)
    """The user's tags, key to value; `None` when not fetched: listings leave tags out
    (``users(with_tags=True)`` fetches them); ``user(name)`` and ``create_user`` always give
    them."""
    password_last_used: datetime | None = None
    """When the user's password was last used to sign in (UTC); `None` if never, or not
    reported."""
    permissions_boundary_arn: str | None = None
    """The ARN of the policy that is the user's permissions boundary; `None` if none, or not
    reported."""

    @classmethod
    @converter
    def _from_boto(cls, item: UserTypeDef, *, complete: bool = False) -> User:
        """``complete``: the answer describes every tag (GetUser, CreateUser)."""
        return cls(
            name=required(item.get("UserName"), "UserName"),
            id=required(item.get("UserId"), "UserId"),
            arn=required(item.get("Arn"), "Arn"),
            path=required(item.get("Path"), "Path"),
            created=utc(required(item.get("CreateDate"), "CreateDate")),
            tags=_tags_if_sent(item.get("Tags"), complete=complete),
            password_last_used=optional_utc(item.get("PasswordLastUsed")),
            permissions_boundary_arn=item.get("PermissionsBoundary", {}).get(
                "PermissionsBoundaryArn"
            ),
        )


@attrs.frozen(kw_only=True)
class Group:
    """An IAM group: users who share the policies attached to it."""

    name: str
    """The group's name."""
    id: str
    """The group's unique id (``AGPA…``)."""
    arn: str
    """The group's ARN."""
    path: str
    """The path the group is filed under: ``/``, or one like ``/team/``."""
    created: datetime
    """When the group was created (UTC)."""

    @classmethod
    @converter
    def _from_boto(cls, item: GroupTypeDef) -> Group:
        return cls(
            name=required(item.get("GroupName"), "GroupName"),
            id=required(item.get("GroupId"), "GroupId"),
            arn=required(item.get("Arn"), "Arn"),
            path=required(item.get("Path"), "Path"),
            created=utc(required(item.get("CreateDate"), "CreateDate")),
        )


def _status_name(key: AccessKey) -> str:
    return str(key.status)


@attrs.frozen(kw_only=True)
class AccessKey:
    """An access key of a user: the id and secret a program signs its requests with."""

    user: str
    """The name of the user the key belongs to."""
    id: str
    """The access key id (``AKIA…``)."""
    status: AccessKeyStatus
    """Whether the key is usable; `AccessKeyStatus.UNKNOWN` for a status this version does
    not know (`status_name` has AWS's string)."""
    created: datetime
    """When the key was created (UTC)."""
    secret: str | None = attrs.field(default=None, repr=False)
    """The secret access key: only known from ``create_access_key`` (AWS never shows it
    again), `None` otherwise; it never appears in ``repr``, ``str`` or errors."""
    status_name: str = attrs.field(default=attrs.Factory(_status_name, takes_self=True))
    """AWS's own string for the status, always, also when `status` is ``UNKNOWN``."""

    @classmethod
    @converter
    def _from_boto(cls, item: AccessKeyTypeDef | AccessKeyMetadataTypeDef) -> AccessKey:
        status = required(item.get("Status"), "Status")
        secret: object = item.get("SecretAccessKey")
        return cls(
            user=required(item.get("UserName"), "UserName"),
            id=required(item.get("AccessKeyId"), "AccessKeyId"),
            status=AccessKeyStatus(status),
            status_name=status,
            created=utc(required(item.get("CreateDate"), "CreateDate")),
            secret=secret if isinstance(secret, str) else None,
        )


@attrs.frozen(kw_only=True)
class Role:
    """An IAM role, its trust policy parsed.

    `tags`, `last_used` and `permissions_boundary_arn` come from ``role(name)`` and
    ``create_role``; ListRoles leaves them out (`tags` is then `None`, see
    ``roles(with_tags=True)``).
    """

    name: str
    """The role's name."""
    id: str
    """The role's unique id (``AROA…``)."""
    arn: str
    """The role's ARN."""
    path: str
    """The path the role is filed under: ``/``, or one like ``/service-role/``."""
    created: datetime
    """When the role was created (UTC)."""
    assume_role_policy: Mapping[str, object] = attrs.field(
        factory=PolicyDocument, converter=_as_document
    )
    """The trust policy (who may assume the role), parsed: a read-only
    [`PolicyDocument`][awsfacade.iam.PolicyDocument], equal to the mapping it was created
    from; empty if AWS sent none."""
    description: str | None = None
    """The role's description; `None` if it has none."""
    max_session_duration: int | None = None
    """The longest session assuming the role gives, in seconds (3600 to 43200); `None` if
    not reported."""
    tags: Mapping[str, str] | None = attrs.field(default=None, converter=_optional_tags)
    """The role's tags, key to value; `None` when not fetched (ListRoles leaves them out)."""
    last_used: datetime | None = None
    """When the role was last assumed (UTC); `None` if not in AWS's tracking period, or not
    fetched (ListRoles leaves it out)."""
    last_used_region: str | None = None
    """The region the role was last assumed in; `None` like `last_used`."""
    permissions_boundary_arn: str | None = None
    """The ARN of the policy that is the role's permissions boundary; `None` if none, or
    not fetched (ListRoles leaves it out)."""

    @classmethod
    @converter
    def _from_boto(cls, item: RoleTypeDef, *, complete: bool = False) -> Role:
        """``complete``: the answer describes every tag (GetRole, CreateRole)."""
        document: object = item.get("AssumeRolePolicyDocument")
        last_used = item.get("RoleLastUsed", {})
        return cls(
            name=required(item.get("RoleName"), "RoleName"),
            id=required(item.get("RoleId"), "RoleId"),
            arn=required(item.get("Arn"), "Arn"),
            path=required(item.get("Path"), "Path"),
            created=utc(required(item.get("CreateDate"), "CreateDate")),
            assume_role_policy=PolicyDocument() if document is None else parse(document),
            description=item.get("Description") or None,
            max_session_duration=item.get("MaxSessionDuration"),
            tags=_tags_if_sent(item.get("Tags"), complete=complete),
            last_used=optional_utc(last_used.get("LastUsedDate")),
            last_used_region=last_used.get("Region"),
            permissions_boundary_arn=item.get("PermissionsBoundary", {}).get(
                "PermissionsBoundaryArn"
            ),
        )


@attrs.frozen(kw_only=True)
class Policy:
    """A managed policy: a policy document, in versions, that can be attached to users,
    groups and roles."""

    name: str
    """The policy's name."""
    id: str
    """The policy's unique id (``ANPA…``)."""
    arn: str
    """The policy's ARN: the account id in it for yours, ``aws`` for AWS's."""
    path: str
    """The path the policy is filed under: ``/``, or one like ``/team/``."""
    default_version_id: str
    """The id of the version in effect (``v1``)."""
    attachment_count: int
    """How many users, groups and roles the policy is attached to."""
    attachable: bool
    """Whether the policy can be attached to users, groups and roles."""
    created: datetime
    """When the policy was created (UTC)."""
    updated: datetime
    """When the policy's newest version was made (UTC): its creation while it has one."""
    description: str | None = None
    """The policy's description; comes from ``policy(arn)`` and ``create_policy``:
    ListPolicies leaves it out (`None`, as for a policy without one)."""

    @classmethod
    @converter
    def _from_boto(cls, item: PolicyTypeDef) -> Policy:
        return cls(
            name=required(item.get("PolicyName"), "PolicyName"),
            id=required(item.get("PolicyId"), "PolicyId"),
            arn=required(item.get("Arn"), "Arn"),
            path=required(item.get("Path"), "Path"),
            default_version_id=required(item.get("DefaultVersionId"), "DefaultVersionId"),
            attachment_count=required(item.get("AttachmentCount"), "AttachmentCount"),
            attachable=required(item.get("IsAttachable"), "IsAttachable"),
            created=utc(required(item.get("CreateDate"), "CreateDate")),
            updated=utc(required(item.get("UpdateDate"), "UpdateDate")),
            description=item.get("Description") or None,
        )


@attrs.frozen(kw_only=True)
class AttachedPolicy:
    """A managed policy attached to a user, group or role."""

    name: str
    """The policy's name."""
    arn: str
    """The policy's ARN (what ``policy(arn)`` and the ``detach_*_policy`` methods take)."""

    @classmethod
    @converter
    def _from_boto(cls, item: AttachedPolicyTypeDef) -> AttachedPolicy:
        return cls(
            name=required(item.get("PolicyName"), "PolicyName"),
            arn=required(item.get("PolicyArn"), "PolicyArn"),
        )
