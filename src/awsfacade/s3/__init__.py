"""S3: buckets, objects, managed transfers and bucket settings."""

from awsfacade.s3._base import compatible_config
from awsfacade.s3._models import (
    Bucket,
    CommonPrefix,
    FailedKeys,
    ObjectError,
    PutResult,
    S3Object,
)
from awsfacade.s3._service import S3Service
from awsfacade.s3._settings_models import (
    BucketAcl,
    BucketEncryption,
    BucketVersioning,
    EncryptionRule,
    Grant,
    Owner,
    PublicAccessBlock,
    VersioningStatus,
)

__all__ = [
    "Bucket",
    "BucketAcl",
    "BucketEncryption",
    "BucketVersioning",
    "CommonPrefix",
    "EncryptionRule",
    "FailedKeys",
    "Grant",
    "ObjectError",
    "Owner",
    "PublicAccessBlock",
    "PutResult",
    "S3Object",
    "S3Service",
    "VersioningStatus",
    "compatible_config",
]
