"""S3 models: buckets, objects and what writes return, built by ``_from_boto`` converters."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._convert import converter, optional_utc, required, utc
from awsfacade._tags import Tags, as_tags

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import (
        BucketTypeDef,
        CommonPrefixTypeDef,
        CopyObjectOutputTypeDef,
        ErrorTypeDef,
        HeadObjectOutputTypeDef,
        ObjectTypeDef,
        PutObjectOutputTypeDef,
    )

__all__ = ["Bucket", "CommonPrefix", "FailedKeys", "ObjectError", "PutResult", "S3Object"]


@attrs.frozen(kw_only=True)
class Bucket:
    """An S3 bucket, as `ListBuckets` reports it."""

    name: str
    """The bucket's name, unique across all of S3."""
    created: datetime
    """When the bucket was created (UTC), as `ListBuckets` reports it; the time of S3's answer
    to `CreateBucket` for a bucket [`create_bucket`][awsfacade.s3.S3Service.create_bucket]
    made but S3 did not list yet."""
    region: str | None = None
    """Where the bucket lives, when AWS says: `ListBuckets` sends `BucketRegion` since 2024;
    older S3-compatible stores do not (`None`)."""

    @classmethod
    @converter
    def _from_boto(cls, item: BucketTypeDef) -> Bucket:
        return cls(
            name=required(item.get("Name"), "Name"),
            created=utc(required(item.get("CreationDate"), "CreationDate")),
            region=item.get("BucketRegion"),
        )


@attrs.frozen(kw_only=True)
class S3Object:
    """An object, as a listing ([`objects`][awsfacade.s3.S3Service.objects]) or
    [`head_object`][awsfacade.s3.S3Service.head_object] reports it.

    A listing sends no `content_type`, `metadata` or `version_id`; `head_object` sends no
    `storage_class` for STANDARD objects.
    """

    bucket: str
    """The bucket the object is in."""
    key: str
    """The object's key."""
    size: int
    """The object's size in bytes."""
    last_modified: datetime
    """When the object was last written (UTC)."""
    etag: str
    """The object's entity tag (`ETag`), as S3 sends it, double quotes included."""
    storage_class: str | None = None
    """The storage class (`STANDARD`, `GLACIER`, …); `None` from `head_object` for a
    STANDARD object."""
    content_type: str | None = None
    """The object's MIME type; `None` from a listing."""
    metadata: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """The user-defined metadata (`x-amz-meta-*`) as an immutable mapping; empty from a
    listing."""
    version_id: str | None = None
    """The object's version id; `None` from a listing, and where S3 sends none, as in a
    bucket that never had versioning on."""

    @classmethod
    @converter
    def _from_boto(cls, item: ObjectTypeDef, bucket: str) -> S3Object:
        return cls(
            bucket=bucket,
            key=required(item.get("Key"), "Key"),
            size=required(item.get("Size"), "Size"),
            last_modified=utc(required(item.get("LastModified"), "LastModified")),
            etag=required(item.get("ETag"), "ETag"),
            storage_class=item.get("StorageClass"),
        )

    @classmethod
    @converter
    def _from_head(cls, response: HeadObjectOutputTypeDef, bucket: str, key: str) -> S3Object:
        return cls(
            bucket=bucket,
            key=key,
            size=required(response.get("ContentLength"), "ContentLength"),
            last_modified=utc(required(response.get("LastModified"), "LastModified")),
            etag=required(response.get("ETag"), "ETag"),
            storage_class=response.get("StorageClass"),
            content_type=response.get("ContentType"),
            metadata=response.get("Metadata", {}),
            version_id=response.get("VersionId"),
        )


@attrs.frozen(kw_only=True)
class CommonPrefix:
    """A "folder" of a delimited listing: the keys under `prefix` rolled up into one entry."""

    bucket: str
    """The bucket listed."""
    prefix: str
    """The keys' common start, up to and including the listing's delimiter."""

    @classmethod
    @converter
    def _from_boto(cls, item: CommonPrefixTypeDef, bucket: str) -> CommonPrefix:
        return cls(bucket=bucket, prefix=required(item.get("Prefix"), "Prefix"))


@attrs.frozen(kw_only=True)
class PutResult:
    """What a write ([`put_object`][awsfacade.s3.S3Service.put_object],
    [`copy_object`][awsfacade.s3.S3Service.copy_object]) made."""

    bucket: str
    """The bucket written to."""
    key: str
    """The key written."""
    etag: str | None = None
    """The new object's entity tag (`ETag`), as S3 sends it, double quotes included; `None`
    if S3 sent none."""
    version_id: str | None = None
    """The new object's version id: only in a bucket with versioning on, else `None`."""
    last_modified: datetime | None = None
    """When the copy was made (UTC), from `copy_object`; `None` from `put_object`, whose
    answer does not say."""

    @classmethod
    @converter
    def _from_boto(cls, response: PutObjectOutputTypeDef, bucket: str, key: str) -> PutResult:
        return cls(
            bucket=bucket, key=key, etag=response.get("ETag"), version_id=response.get("VersionId")
        )

    @classmethod
    @converter
    def _from_copy(cls, response: CopyObjectOutputTypeDef, bucket: str, key: str) -> PutResult:
        result = response.get("CopyObjectResult", {})
        return cls(
            bucket=bucket,
            key=key,
            etag=result.get("ETag"),
            version_id=response.get("VersionId"),
            last_modified=optional_utc(result.get("LastModified")),
        )


@attrs.frozen(kw_only=True)
class ObjectError:
    """Why one key of a batch delete
    ([`delete_objects`][awsfacade.s3.S3Service.delete_objects]) was not deleted."""

    key: str
    """The key that was not deleted."""
    code: str
    """AWS's error code for it, e.g. `AccessDenied`; `"Unknown"` if AWS sent none."""
    message: str = ""
    """AWS's error message; empty if AWS sent none."""
    version_id: str | None = None
    """The version AWS names in its error, if any, else `None`."""

    @classmethod
    @converter
    def _from_boto(cls, item: ErrorTypeDef) -> ObjectError:
        return cls(
            key=required(item.get("Key"), "Key"),
            code=item.get("Code") or "Unknown",
            message=item.get("Message") or "",
            version_id=item.get("VersionId"),
        )


class FailedKeys(list[str]):
    """The keys a [`delete_objects`][awsfacade.s3.S3Service.delete_objects] call did not
    delete: a `list[str]` (the contract), with `errors` mapping each of them to the
    [`ObjectError`][awsfacade.s3.ObjectError] AWS gave for it. Empty when every key was
    deleted."""

    __slots__ = ("errors",)

    def __init__(self, errors: Mapping[str, ObjectError] | None = None) -> None:
        checked = dict(errors or {})
        super().__init__(checked)
        self.errors: Mapping[str, ObjectError] = checked
        """Each key that was not deleted, mapped to why (AWS's `code` and `message`)."""

    def __repr__(self) -> str:
        return f"FailedKeys({list(self)!r}, errors={list(self.errors.values())!r})"
