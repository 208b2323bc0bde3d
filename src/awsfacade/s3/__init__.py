"""S3: buckets, objects, managed transfers and bucket settings."""

from awsfacade.s3._service import S3Service

__all__ = ["S3Service"]
