"""Models of the bucket settings an inventory reads: versioning, public access block, ACL
grants and default encryption."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from awsfacade._base import StateEnum
from awsfacade._convert import converter

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import (
        GetBucketAclOutputTypeDef,
        GetBucketVersioningOutputTypeDef,
        GrantTypeDef,
        OwnerTypeDef,
        PublicAccessBlockConfigurationTypeDef,
        ServerSideEncryptionConfigurationOutputTypeDef,
        ServerSideEncryptionRuleOutputTypeDef,
    )

__all__ = [
    "ALL_USERS",
    "AUTHENTICATED_USERS",
    "BucketAcl",
    "BucketEncryption",
    "BucketVersioning",
    "EncryptionRule",
    "Grant",
    "Owner",
    "PublicAccessBlock",
    "VersioningStatus",
]

#: The group grantee meaning anyone on the internet.
ALL_USERS: Final = "http://acs.amazonaws.com/groups/global/AllUsers"
#: The group grantee meaning anyone with any AWS account: public in all but name.
AUTHENTICATED_USERS: Final = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
_PUBLIC_GROUPS: Final = frozenset({ALL_USERS, AUTHENTICATED_USERS})
#: The bucket permissions that let a grantee list its objects, and write them (or the ACL).
_LISTS: Final = frozenset({"READ", "FULL_CONTROL"})
_WRITES: Final = frozenset({"WRITE", "WRITE_ACP", "FULL_CONTROL"})


class VersioningStatus(StateEnum):
    """A bucket's versioning: `DISABLED` if it was never turned on (AWS sends no status);
    `UNKNOWN` for a status AWS adds later."""

    ENABLED = "Enabled"
    SUSPENDED = "Suspended"
    DISABLED = "Disabled"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class BucketVersioning:
    """A bucket's versioning state, as
    [`bucket_versioning`][awsfacade.s3.S3Service.bucket_versioning] reads it."""

    status: VersioningStatus
    """`ENABLED`, `SUSPENDED`, or `DISABLED` if versioning was never enabled."""
    status_name: str | None = None
    """AWS's own string (`"Enabled"`, `"Suspended"`); `None` when AWS sent none, i.e.
    versioning was never enabled."""
    mfa_delete: bool = False
    """Whether deleting a version or changing the versioning state needs MFA (AWS's
    `MFADelete` is `Enabled`)."""

    @property
    def enabled(self) -> bool:
        """Whether new writes create versions now.

        Returns:
            `True` when `status` is `ENABLED`; `False` when suspended or never enabled.
        """
        return self.status is VersioningStatus.ENABLED

    @classmethod
    @converter
    def _from_boto(cls, response: GetBucketVersioningOutputTypeDef) -> BucketVersioning:
        raw = response.get("Status")
        return cls(
            status=VersioningStatus(raw) if raw else VersioningStatus.DISABLED,
            status_name=raw,
            mfa_delete=response.get("MFADelete") == "Enabled",
        )


@attrs.frozen(kw_only=True)
class PublicAccessBlock:
    """A bucket's public access block.

    A bucket with no configuration at all (AWS answers
    `NoSuchPublicAccessBlockConfiguration`) reads as four `False` flags with
    `configured=False`; the account-level block, which also applies, is not read here.
    """

    block_public_acls: bool = False
    """Whether S3 refuses requests that would add a public ACL (`BlockPublicAcls`)."""
    ignore_public_acls: bool = False
    """Whether S3 ignores the public ACLs of the bucket and its objects
    (`IgnorePublicAcls`)."""
    block_public_policy: bool = False
    """Whether S3 refuses a bucket policy that would grant public access
    (`BlockPublicPolicy`)."""
    restrict_public_buckets: bool = False
    """Whether only AWS services and the owner's account may use a public policy's access
    (`RestrictPublicBuckets`)."""
    configured: bool = False
    """Whether the bucket has a public access block configuration at all; `False` when AWS
    answered `NoSuchPublicAccessBlockConfiguration` (then all four flags are `False`)."""

    @property
    def fully_blocked(self) -> bool:
        """Whether all four protections are on.

        Returns:
            `True` when every one of the four flags is `True`.
        """
        return (
            self.block_public_acls
            and self.ignore_public_acls
            and self.block_public_policy
            and self.restrict_public_buckets
        )

    @classmethod
    @converter
    def _from_boto(cls, item: PublicAccessBlockConfigurationTypeDef) -> PublicAccessBlock:
        return cls(
            block_public_acls=item.get("BlockPublicAcls", False),
            ignore_public_acls=item.get("IgnorePublicAcls", False),
            block_public_policy=item.get("BlockPublicPolicy", False),
            restrict_public_buckets=item.get("RestrictPublicBuckets", False),
            configured=True,
        )


@attrs.frozen(kw_only=True)
class Owner:
    """A bucket's owner, as its ACL names it."""

    id: str | None = None
    """The owner's canonical user id; `None` if AWS sent none."""
    display_name: str | None = None
    """The owner's display name, being retired by AWS; `None` if AWS sent none."""

    @classmethod
    @converter
    def _from_boto(cls, item: OwnerTypeDef) -> Owner:
        return cls(id=item.get("ID"), display_name=item.get("DisplayName"))


@attrs.frozen(kw_only=True)
class Grant:
    """One ACL grant: `permission` to a grantee of `grantee_type`, named by `grantee_id`,
    `uri` or `email`."""

    permission: str
    """What is granted: `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP` or `FULL_CONTROL`; empty
    if AWS sent none."""
    grantee_type: str
    """The kind of grantee: `CanonicalUser`, `Group` or `AmazonCustomerByEmail`; empty if
    AWS sent none."""
    grantee_id: str | None = None
    """A `CanonicalUser` grantee's canonical user id; `None` for other kinds."""
    display_name: str | None = None
    """A `CanonicalUser` grantee's display name; `None` if AWS sent none."""
    uri: str | None = None
    """A `Group` grantee's URI (AllUsers, AuthenticatedUsers, LogDelivery); `None` for other
    kinds."""
    email: str | None = None
    """An `AmazonCustomerByEmail` grantee's email address; `None` for other kinds."""

    @property
    def public(self) -> bool:
        """Whether the grantee is everyone (AllUsers) or every AWS account (AuthenticatedUsers).

        Returns:
            `True` when `uri` is one of those two groups.
        """
        return self.uri in _PUBLIC_GROUPS

    @classmethod
    @converter
    def _from_boto(cls, item: GrantTypeDef) -> Grant:
        grantee = item.get("Grantee", {})
        return cls(
            permission=item.get("Permission") or "",
            grantee_type=grantee.get("Type") or "",
            grantee_id=grantee.get("ID"),
            display_name=grantee.get("DisplayName"),
            uri=grantee.get("URI"),
            email=grantee.get("EmailAddress"),
        )


@attrs.frozen(kw_only=True)
class BucketAcl:
    """A bucket's access control list.

    `public_read`/`public_write` read its grants to AllUsers or AuthenticatedUsers as S3's
    ACL documentation defines each permission on a bucket: READ lists the objects; WRITE
    creates, overwrites and deletes them; READ_ACP reads the ACL only (neither flag);
    WRITE_ACP rewrites the ACL, so whoever holds it can grant itself anything
    (`public_write`); FULL_CONTROL is all four. The public access block, bucket policies and
    object ACLs can still change what is reachable.
    """

    owner: Owner
    """The bucket's owner."""
    grants: tuple[Grant, ...] = ()
    """Every grant of the ACL, in AWS's order."""

    @property
    def public_read(self) -> bool:
        """Anyone (or any AWS account) may list the bucket's objects.

        Returns:
            `True` when a grant gives AllUsers or AuthenticatedUsers READ or FULL_CONTROL.
        """
        return self._public(_LISTS)

    @property
    def public_write(self) -> bool:
        """Anyone (or any AWS account) may write or delete the bucket's objects, or rewrite
        its ACL to let themselves.

        Returns:
            `True` when a grant gives AllUsers or AuthenticatedUsers WRITE, WRITE_ACP or
                FULL_CONTROL.
        """
        return self._public(_WRITES)

    def _public(self, permissions: frozenset[str]) -> bool:
        return any(grant.public and grant.permission in permissions for grant in self.grants)

    @classmethod
    @converter
    def _from_boto(cls, response: GetBucketAclOutputTypeDef) -> BucketAcl:
        return cls(
            owner=Owner._from_boto(response.get("Owner", {})),
            grants=tuple(Grant._from_boto(grant) for grant in response.get("Grants", [])),
        )


@attrs.frozen(kw_only=True)
class EncryptionRule:
    """One default-encryption rule of a bucket."""

    algorithm: str | None = None
    """`AES256` (SSE-S3), `aws:kms` or `aws:kms:dsse`; `None` if the rule names no default
    algorithm."""
    kms_key_id: str | None = attrs.field(default=None, repr=False)
    """The KMS key that encrypts new objects (`KMSMasterKeyID`); `None` if the rule names
    none. Left out of `repr()`/`str()` (and masked in botocore's DEBUG lines): S3's model
    marks `KMSMasterKeyID` sensitive."""
    bucket_key_enabled: bool = False
    """Whether new objects use an S3 Bucket Key, which cuts the requests to KMS."""

    @classmethod
    @converter
    def _from_boto(cls, item: ServerSideEncryptionRuleOutputTypeDef) -> EncryptionRule:
        default = item.get("ApplyServerSideEncryptionByDefault", {})
        return cls(
            algorithm=default.get("SSEAlgorithm"),
            kms_key_id=default.get("KMSMasterKeyID"),
            bucket_key_enabled=item.get("BucketKeyEnabled", False),
        )


@attrs.frozen(kw_only=True)
class BucketEncryption:
    """A bucket's default encryption.

    A bucket without a configuration (rare since AWS encrypts every new bucket with SSE-S3
    since 2023) has no `rules`: `configured` is `False`.
    """

    rules: tuple[EncryptionRule, ...] = ()
    """The default-encryption rules; empty when the bucket has no configuration."""

    @property
    def configured(self) -> bool:
        """Whether the bucket has any default-encryption rule.

        Returns:
            `True` when `rules` is not empty.
        """
        return bool(self.rules)

    @classmethod
    @converter
    def _from_boto(
        cls, configuration: ServerSideEncryptionConfigurationOutputTypeDef
    ) -> BucketEncryption:
        rules = configuration.get("Rules", [])
        return cls(rules=tuple(EncryptionRule._from_boto(rule) for rule in rules))
