"""S3Service: buckets, objects, managed transfers and the bucket settings an inventory reads."""

from __future__ import annotations

from awsfacade.s3._buckets import S3BucketMixin
from awsfacade.s3._objects import S3ObjectMixin
from awsfacade.s3._settings import S3SettingsMixin
from awsfacade.s3._transfers import S3TransferMixin

__all__ = ["S3Service"]


class S3Service(S3BucketMixin, S3ObjectMixin, S3TransferMixin, S3SettingsMixin):
    """S3: buckets, objects, managed transfers and bucket settings.

    S3 is global for listing buckets: with no region anywhere the client uses us-east-1, and
    `region=` still wins. Buckets are created in any region through a client of that region.

    Args:
        session: The boto3 session to build the client from; `None`: one awsfacade-wide
            default session.
        region: Overrides the session's region; with none anywhere, us-east-1.
        endpoint_url: Another endpoint: a moto server, LocalStack, or an S3-compatible
            store such as MinIO (see [`compatible_config`][awsfacade.s3.compatible_config]).
        config: A botocore `Config`, merged over the library's defaults.
    """

    __slots__ = ()
