"""S3Service's managed transfers (boto3's transfer manager: multipart, threads, retries) and
presigned URLs."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from boto3.exceptions import Boto3Error, S3UploadFailedError
from botocore.config import Config

from awsfacade._validate import check_int
from awsfacade.errors import (
    AwsError,
    ClientSideError,
    InvalidArgumentError,
    UnexpectedResponseError,
)
from awsfacade.s3._base import S3Base
from awsfacade.s3._checks import check_bucket, check_content_type, check_key, check_metadata

if TYPE_CHECKING:
    from boto3.s3.transfer import TransferConfig
    from mypy_boto3_s3 import S3Client

__all__ = ["MAX_PRESIGN_SECONDS", "Progress", "S3TransferMixin"]

#: A progress callback: called with the bytes moved since its previous call.
Progress = Callable[[int], None]

#: SigV4's longest presigned-URL lifetime: 7 days.
MAX_PRESIGN_SECONDS: Final = 7 * 24 * 3600

_PRESIGN_METHODS: Final = {"GET": "get_object", "PUT": "put_object"}


class S3TransferMixin(S3Base):
    """Managed uploads and downloads, and presigned URLs."""

    __slots__ = ()

    def upload_file(
        self,
        path: str | os.PathLike[str],
        bucket: str,
        key: str,
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        progress: Progress | None = None,
        transfer_config: TransferConfig | None = None,
    ) -> None:
        """Upload a local file through boto3's transfer manager: multipart above 8 MiB, parts
        in parallel, each retried.

        A failed upload raises the awsfacade error for AWS's code (`NoSuchBucket` →
        [`NotFoundError`][awsfacade.errors.NotFoundError], …), with botocore's error as
        `__cause__`.

        Args:
            path: The local file to upload; it must exist (checked before any request).
            bucket: The bucket to upload to.
            key: The object's key.
            content_type: The object's MIME type; `None`: S3's default.
            metadata: User-defined metadata, sent as the object's `x-amz-meta-*` headers.
            progress: Called with the bytes sent since its previous call, as they are sent.
            transfer_config: boto3's `TransferConfig` (part size, threads, thresholds);
                `None`: boto3's defaults.

        Raises:
            NotFoundError: There is no such bucket.
            ClientSideError: The transfer failed without an answer from AWS, or reading the
                local file failed.
            InvalidArgumentError: `path` is not an existing file, or another argument is not
                valid; nothing was sent.
        """
        filename = _local_file(path, "path", must_exist=True)
        check_bucket(bucket)
        check_key(key)
        extra: dict[str, str | dict[str, str]] = {}
        if content_type is not None:
            extra["ContentType"] = check_content_type(content_type)
        checked_metadata = check_metadata(metadata)
        if checked_metadata:
            extra["Metadata"] = checked_metadata
        with self._transfer():
            self._client.upload_file(
                filename, bucket, key, ExtraArgs=extra, Callback=progress, Config=transfer_config
            )

    def download_file(
        self,
        bucket: str,
        key: str,
        path: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        transfer_config: TransferConfig | None = None,
    ) -> None:
        """Download an object to a local file through boto3's transfer manager (ranged
        parts in parallel above 8 MiB).

        Args:
            bucket: The object's bucket.
            key: The object's key.
            path: The local file to write; its folder must exist (checked before any
                request).
            progress: Called with the bytes received since its previous call.
            transfer_config: boto3's `TransferConfig` (part size, threads, thresholds);
                `None`: boto3's defaults.

        Raises:
            NotFoundError: There is no such key or bucket.
            ClientSideError: The transfer failed without an answer from AWS (its retries
                used up), or writing the local file failed.
            InvalidArgumentError: `path` is a folder or its folder does not exist, or another
                argument is not valid; nothing was sent.
        """
        check_bucket(bucket)
        check_key(key)
        filename = _local_file(path, "path", must_exist=False)
        with self._transfer():
            self._client.download_file(
                bucket, key, filename, Callback=progress, Config=transfer_config
            )

    @contextmanager
    def _transfer(self) -> Generator[None]:
        """Translate a transfer's errors: boto3 wraps an upload's ClientError in an
        ``S3UploadFailedError`` that only mentions it (implicitly chained, as
        ``__context__``); the ClientError is dug out so AWS's code decides the class. boto3's
        other transfer errors and local file errors are ClientSideErrors; an answer without a
        field the transfer manager reads is an UnexpectedResponseError."""
        try:
            with self._translate():
                yield
        except AwsError:
            raise
        except S3UploadFailedError as error:
            cause = error.__cause__ or error.__context__
            if cause is None:
                raise ClientSideError(str(error)) from error
            try:
                with self._translate():
                    raise cause from None
            except AwsError:
                raise
            except Exception:
                raise ClientSideError(str(error)) from error
        except KeyError as error:
            # The transfer manager reads AWS's answers with [...]: HeadObject without the
            # Content-Length AWS always sends fails a download with KeyError('ContentLength').
            raise UnexpectedResponseError(f"AWS's answer lacks the field {error}") from error
        except Boto3Error as error:  # RetriesExceededError of a download, S3TransferFailedError
            raise ClientSideError(f"the transfer failed: {error}") from error
        except OSError as error:  # the local file: disk full, permission denied, ...
            raise ClientSideError(f"the local file failed: {error}") from error

    def _signing_client(self) -> S3Client:
        """A client of the service's region and options that presigns with SigV4: botocore
        still signs S3 URLs of some regions with the deprecated SigV2, whose URLs AWS is
        retiring and whose expiry is not limited to SigV4's 7 days."""
        return self._clients.get(
            self._session,
            region=self.region,
            endpoint_url=self._endpoint_url,
            config=_sigv4(self._config),
        )

    def presigned_url(
        self,
        bucket: str,
        key: str,
        *,
        method: Literal["GET", "PUT"] = "GET",
        expires_in: int = 3600,
    ) -> str:
        """A URL that lets whoever holds it GET (download) or PUT (upload) this one object
        for `expires_in` seconds, with no credentials.

        Signing is local: no request is sent, and the object need not exist. The URL is
        signed with SigV4 (botocore still signs S3 URLs of some regions with the deprecated
        SigV2), unless the service's `config` names a signature version itself.

        Args:
            bucket: The object's bucket.
            key: The object's key.
            method: `"GET"` to download the object, `"PUT"` to upload it.
            expires_in: How long the URL works, in seconds: 1 to 604,800 (SigV4's 7 days).
                A URL signed with temporary credentials stops working when they expire,
                whatever `expires_in`.

        Returns:
            The presigned URL.

        Raises:
            InvalidArgumentError: `method` is neither `"GET"` nor `"PUT"`, or `expires_in`
                is out of range.
        """
        check_bucket(bucket)
        check_key(key)
        operation = _PRESIGN_METHODS[method]
        seconds = check_int(expires_in, "expires_in", minimum=1, maximum=MAX_PRESIGN_SECONDS)
        params: dict[str, str] = {"Bucket": bucket, "Key": key}
        with self._translate():
            return self._signing_client().generate_presigned_url(
                operation, Params=params, ExpiresIn=seconds
            )


def _sigv4(config: Config | None) -> Config:
    """``config`` signing with SigV4 unless it names a signature version itself."""
    sigv4 = Config(signature_version="s3v4")
    return sigv4 if config is None else sigv4.merge(config)


def _local_file(path: str | os.PathLike[str], what: str, *, must_exist: bool) -> str:
    """A local path as a string: an existing file to upload, or a file in an existing folder
    to download into."""
    if not str(path):
        raise InvalidArgumentError(f"{what} must be a file path, not {path!r}")
    local = Path(path)
    if must_exist and not local.is_file():
        raise InvalidArgumentError(f"{what} is not an existing file: {str(local)!r}")
    if not must_exist and (local.is_dir() or not local.parent.is_dir()):
        raise InvalidArgumentError(f"{what} must be a file in an existing folder: {str(local)!r}")
    return str(local)
