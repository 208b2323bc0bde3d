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
    """An S3 bucket. ``region`` is where it lives, when AWS says (``ListBuckets`` sends
    ``BucketRegion`` since 2024; older S3-compatible stores do not)."""

    name: str
    created: datetime
    region: str | None = None

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
    """An object, as a listing or ``head_object`` reports it.

    A listing sends no ``content_type``, ``metadata`` or ``version_id``; ``head_object``
    sends no ``storage_class`` for STANDARD objects. ``metadata`` is the user-defined
    metadata (``x-amz-meta-*``) as an immutable mapping.
    """

    bucket: str
    key: str
    size: int
    last_modified: datetime
    etag: str
    storage_class: str | None = None
    content_type: str | None = None
    metadata: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    version_id: str | None = None

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
    """A "folder" of a delimited listing: the keys under ``prefix`` rolled up into one entry."""

    bucket: str
    prefix: str

    @classmethod
    @converter
    def _from_boto(cls, item: CommonPrefixTypeDef, bucket: str) -> CommonPrefix:
        return cls(bucket=bucket, prefix=required(item.get("Prefix"), "Prefix"))


@attrs.frozen(kw_only=True)
class PutResult:
    """What a write (``put_object``, ``copy_object``) made: ``version_id`` only in a bucket
    with versioning on."""

    bucket: str
    key: str
    etag: str | None = None
    version_id: str | None = None
    last_modified: datetime | None = None

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
    """Why one key of a batch delete was not deleted (``code`` is AWS's, e.g. ``AccessDenied``)."""

    key: str
    code: str
    message: str = ""
    version_id: str | None = None

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
    """The keys a ``delete_objects`` call did not delete: a ``list[str]`` (the contract), with
    ``errors`` mapping each of them to the :class:`ObjectError` AWS gave for it."""

    __slots__ = ("errors",)

    def __init__(self, errors: Mapping[str, ObjectError] | None = None) -> None:
        checked = dict(errors or {})
        super().__init__(checked)
        self.errors: Mapping[str, ObjectError] = checked

    def __repr__(self) -> str:
        return f"FailedKeys({list(self)!r}, errors={list(self.errors.values())!r})"
