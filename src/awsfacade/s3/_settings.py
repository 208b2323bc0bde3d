"""S3Service's bucket settings: versioning, public access block, ACL, encryption and tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from awsfacade import _tags
from awsfacade._tags import Tags
from awsfacade.errors import InvalidArgumentError, NotFoundError
from awsfacade.s3._base import S3Base
from awsfacade.s3._checks import check_bucket
from awsfacade.s3._settings_models import (
    BucketAcl,
    BucketEncryption,
    BucketVersioning,
    PublicAccessBlock,
)

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import ServerSideEncryptionConfigurationOutputTypeDef

__all__ = ["S3SettingsMixin"]

#: The codes S3 answers for a bucket that has no such configuration: "none set", not an
#: error. A missing bucket is ``NoSuchBucket``, which still raises.
_NO_TAGS = "NoSuchTagSet"
_NO_PUBLIC_ACCESS_BLOCK = "NoSuchPublicAccessBlockConfiguration"
_NO_ENCRYPTION = "ServerSideEncryptionConfigurationNotFoundError"


class S3SettingsMixin(S3Base):
    """The bucket settings an inventory reads, and the two it most often writes."""

    __slots__ = ()

    def bucket_versioning(self, name: str) -> BucketVersioning:
        """The bucket's versioning.

        Returns:
            Its status and MFA-delete setting; the status is `DISABLED` if versioning was
                never enabled.

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(name, "name")
        with self._translate():
            response = self._client.get_bucket_versioning(Bucket=name)
        return BucketVersioning._from_boto(response)

    def set_versioning(self, name: str, *, enabled: bool) -> None:
        """Turn versioning on, or suspend it.

        S3 cannot turn it off again once enabled: suspended buckets keep their versions.

        Args:
            name: The bucket.
            enabled: `True` turns versioning on; `False` suspends it.

        Raises:
            NotFoundError: There is no such bucket.
            InvalidArgumentError: `enabled` is not a `bool`; nothing was sent.
        """
        check_bucket(name, "name")
        with self._translate():
            self._client.put_bucket_versioning(
                Bucket=name,
                VersioningConfiguration={"Status": "Enabled" if enabled else "Suspended"},
            )

    def public_access_block(self, name: str) -> PublicAccessBlock:
        """The bucket's public access block (the account-level block is not read here).

        Returns:
            The bucket's four flags; a bucket without a configuration reads as four `False`
                flags and `configured=False`.

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(name, "name")
        try:
            with self._translate():
                response = self._client.get_public_access_block(Bucket=name)
        except NotFoundError as error:
            if error.code != _NO_PUBLIC_ACCESS_BLOCK:
                raise
            return PublicAccessBlock()
        return PublicAccessBlock._from_boto(response.get("PublicAccessBlockConfiguration", {}))

    def bucket_acl(self, name: str) -> BucketAcl:
        """The bucket's ACL.

        Returns:
            Its owner, its grants, and whether it grants public read or write.

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(name, "name")
        with self._translate():
            response = self._client.get_bucket_acl(Bucket=name)
        return BucketAcl._from_boto(response)

    def bucket_encryption(self, name: str) -> BucketEncryption:
        """The bucket's default encryption.

        Returns:
            Its default-encryption rules; a bucket without a configuration reads as no
                `rules`.

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(name, "name")
        try:
            with self._translate():
                response = self._client.get_bucket_encryption(Bucket=name)
        except NotFoundError as error:
            if error.code != _NO_ENCRYPTION:
                raise
            return BucketEncryption()
        empty: ServerSideEncryptionConfigurationOutputTypeDef = {"Rules": []}
        return BucketEncryption._from_boto(response.get("ServerSideEncryptionConfiguration", empty))

    def bucket_tags(self, name: str) -> Mapping[str, str]:
        """The bucket's tags.

        Returns:
            The tags as an immutable mapping; empty for a bucket without any (S3 answers
                `NoSuchTagSet`).

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(name, "name")
        try:
            with self._translate():
                response = self._client.get_bucket_tagging(Bucket=name)
        except NotFoundError as error:
            if error.code != _NO_TAGS:
                raise
            return Tags()
        return Tags.from_aws(response.get("TagSet", []))

    def set_bucket_tags(self, name: str, tags: Mapping[str, str]) -> None:
        """Replace all of the bucket's tags with `tags`.

        Args:
            name: The bucket.
            tags: The bucket's new tags, at most 50; an empty mapping removes them all.

        Raises:
            NotFoundError: There is no such bucket.
            InvalidArgumentError: `tags` is not a mapping (`None` is refused: it is not
                "no tags"), or breaks the tag rules (more than 50, say); nothing was sent.
        """
        check_bucket(name, "name")
        if not isinstance(tags, Mapping):  # None is not "no tags": it would delete them all
            raise InvalidArgumentError(f"tags must be a mapping ({{}} removes all), not {tags!r}")
        checked = _tags.validate(tags)  # at most 50, as on every resource
        with self._translate():
            if checked:
                self._client.put_bucket_tagging(
                    Bucket=name,
                    Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in checked.items()]},
                )
            else:
                self._client.delete_bucket_tagging(Bucket=name)
