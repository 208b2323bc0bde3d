"""Type checks of S3Service's public methods and models: checked by mypy and basedpyright,
never run."""

from __future__ import annotations

import io
from collections.abc import Generator, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, assert_type

from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from mypy_boto3_s3 import S3Client

from awsfacade.s3 import (
    Bucket,
    BucketAcl,
    BucketEncryption,
    BucketVersioning,
    CommonPrefix,
    EncryptionRule,
    FailedKeys,
    Grant,
    ObjectError,
    Owner,
    PublicAccessBlock,
    PutResult,
    S3Object,
    S3Service,
    VersioningStatus,
    compatible_config,
)

if TYPE_CHECKING:
    from awsfacade import S3Service as PackageS3Service


def check_client(s3: S3Service) -> None:
    """The escape hatch is the boto3-stubs S3 client; region is the client's."""
    assert_type(s3.client, S3Client)
    assert_type(s3.region, str)


def check_package_export(s3: PackageS3Service) -> None:
    """awsfacade.S3Service is the same typed class as awsfacade.s3.S3Service."""
    assert_type(s3, S3Service)


def check_construction() -> None:
    """Built like every service; compatible_config() is a botocore Config."""
    assert_type(compatible_config(), Config)
    assert_type(compatible_config(path_style=False), Config)
    assert_type(
        S3Service(endpoint_url="http://127.0.0.1:9000", config=compatible_config()), S3Service
    )


def check_buckets(s3: S3Service) -> None:
    """Bucket methods return Bucket models, lazy iterators, bools or nothing."""
    assert_type(s3.create_bucket("logs"), Bucket)
    assert_type(s3.create_bucket("logs", region="eu-west-1"), Bucket)
    assert_type(s3.buckets(), Iterator[Bucket])
    assert_type(s3.buckets(prefix="logs-"), Iterator[Bucket])
    assert_type(s3.bucket_exists("logs"), bool)
    assert_type(s3.delete_bucket("logs"), None)
    assert_type(s3.delete_bucket("logs", force=True), None)


def check_objects(s3: S3Service) -> None:
    """Object methods: results, bytes, a closable generator, models and failed keys."""
    assert_type(s3.put_object("b", "k", b"bytes"), PutResult)
    assert_type(s3.put_object("b", "k", "text"), PutResult)
    assert_type(
        s3.put_object("b", "k", io.BytesIO(b"x"), content_type="text/plain", metadata={"a": "b"}),
        PutResult,
    )
    assert_type(s3.get_object("b", "k"), bytes)
    assert_type(s3.stream_object("b", "k"), Generator[bytes, None, None])
    assert_type(s3.stream_object("b", "k", chunk_size=65536), Generator[bytes, None, None])
    assert_type(s3.head_object("b", "k"), S3Object)
    assert_type(s3.object_exists("b", "k"), bool)
    assert_type(s3.objects("b"), Iterator[S3Object])
    assert_type(s3.objects("b", prefix="logs/", start_after="logs/1"), Iterator[S3Object])
    assert_type(s3.objects("b", delimiter="/"), Iterator[S3Object | CommonPrefix])
    assert_type(s3.delete_object("b", "k"), None)
    assert_type(s3.delete_objects("b", ["k1", "k2"]), FailedKeys)
    assert_type(s3.delete_objects("b", iter(["k1"])).errors["k1"].code, str)
    assert_type(s3.copy_object("a", "k", "b", "k"), PutResult)
    assert_type(
        s3.copy_object("a", "k", "b", "k", content_type="text/plain", metadata={"a": "b"}),
        PutResult,
    )


def check_failed_keys(failed: FailedKeys) -> None:
    """FailedKeys is a list of keys with an ObjectError per key."""

    def takes_keys(keys: list[str]) -> list[str]:
        return keys

    assert_type(takes_keys(failed), list[str])
    assert_type(failed.errors, Mapping[str, ObjectError])


def check_transfers(s3: S3Service, path: Path) -> None:
    """Transfers return nothing; presigned URLs are strings."""

    def progress(sent: int) -> None:
        del sent

    assert_type(s3.upload_file(path, "b", "k"), None)
    assert_type(
        s3.upload_file(
            "file.bin",
            "b",
            "k",
            content_type="application/octet-stream",
            metadata={"a": "b"},
            progress=progress,
            transfer_config=TransferConfig(multipart_threshold=64 * 1024 * 1024),
        ),
        None,
    )
    assert_type(s3.download_file("b", "k", path), None)
    assert_type(s3.download_file("b", "k", "file.bin", progress=progress), None)
    assert_type(s3.presigned_url("b", "k"), str)
    assert_type(s3.presigned_url("b", "k", method="PUT", expires_in=60), str)


def check_settings(s3: S3Service) -> None:
    """Settings readers return models or a mapping; setters return nothing."""
    assert_type(s3.bucket_versioning("b"), BucketVersioning)
    assert_type(s3.set_versioning("b", enabled=True), None)
    assert_type(s3.public_access_block("b"), PublicAccessBlock)
    assert_type(s3.bucket_acl("b"), BucketAcl)
    assert_type(s3.bucket_encryption("b"), BucketEncryption)
    assert_type(s3.bucket_tags("b"), Mapping[str, str])
    assert_type(s3.set_bucket_tags("b", {"team": "data"}), None)


def check_bucket_and_object_models(
    bucket: Bucket, item: S3Object, prefix: CommonPrefix, result: PutResult, error: ObjectError
) -> None:
    """Every field of the bucket and object models."""
    assert_type(bucket.name, str)
    assert_type(bucket.created, datetime)
    assert_type(bucket.region, str | None)
    assert_type(item.bucket, str)
    assert_type(item.key, str)
    assert_type(item.size, int)
    assert_type(item.last_modified, datetime)
    assert_type(item.etag, str)
    assert_type(item.storage_class, str | None)
    assert_type(item.content_type, str | None)
    assert_type(item.metadata, Mapping[str, str])
    assert_type(item.version_id, str | None)
    assert_type(prefix.bucket, str)
    assert_type(prefix.prefix, str)
    assert_type(result.bucket, str)
    assert_type(result.key, str)
    assert_type(result.etag, str | None)
    assert_type(result.version_id, str | None)
    assert_type(result.last_modified, datetime | None)
    assert_type(error.key, str)
    assert_type(error.code, str)
    assert_type(error.message, str)
    assert_type(error.version_id, str | None)


def check_setting_models(
    versioning: BucketVersioning,
    block: PublicAccessBlock,
    acl: BucketAcl,
    grant: Grant,
    owner: Owner,
    encryption: BucketEncryption,
    rule: EncryptionRule,
) -> None:
    """Every field and computed property of the settings models."""
    assert_type(versioning.status, VersioningStatus)
    assert_type(versioning.status_name, str | None)
    assert_type(versioning.mfa_delete, bool)
    assert_type(versioning.enabled, bool)
    assert_type(block.block_public_acls, bool)
    assert_type(block.ignore_public_acls, bool)
    assert_type(block.block_public_policy, bool)
    assert_type(block.restrict_public_buckets, bool)
    assert_type(block.configured, bool)
    assert_type(block.fully_blocked, bool)
    assert_type(acl.owner, Owner)
    assert_type(acl.grants, tuple[Grant, ...])
    assert_type(acl.public_read, bool)
    assert_type(acl.public_write, bool)
    assert_type(grant.permission, str)
    assert_type(grant.grantee_type, str)
    assert_type(grant.grantee_id, str | None)
    assert_type(grant.display_name, str | None)
    assert_type(grant.uri, str | None)
    assert_type(grant.email, str | None)
    assert_type(grant.public, bool)
    assert_type(owner.id, str | None)
    assert_type(owner.display_name, str | None)
    assert_type(encryption.rules, tuple[EncryptionRule, ...])
    assert_type(encryption.configured, bool)
    assert_type(rule.algorithm, str | None)
    assert_type(rule.kms_key_id, str | None)
    assert_type(rule.bucket_key_enabled, bool)
