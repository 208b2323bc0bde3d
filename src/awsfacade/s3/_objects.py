"""S3Service's objects: write, read (whole or streamed), describe, list, copy and delete."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, BinaryIO, Final, overload

from awsfacade._progress import Reporter
from awsfacade._validate import check_int, check_text
from awsfacade.errors import AwsError, NotFoundError, PartialFailureError
from awsfacade.s3._base import BATCH, S3Base
from awsfacade.s3._checks import (
    check_body,
    check_bucket,
    check_content_type,
    check_key,
    check_keys,
    check_metadata,
)
from awsfacade.s3._models import CommonPrefix, FailedKeys, ObjectError, PutResult, S3Object

if TYPE_CHECKING:
    from botocore.paginate import PageIterator
    from mypy_boto3_s3.type_defs import (
        CopyObjectRequestTypeDef,
        ListObjectsV2OutputTypeDef,
        ListObjectsV2RequestPaginateTypeDef,
        PutObjectRequestTypeDef,
    )

    from awsfacade._paging import PageConfig
    from awsfacade.progress import ProgressCallback

__all__ = ["CHUNK_SIZE", "S3ObjectMixin"]

#: The default piece size of `S3ObjectMixin.stream_object`: 1 MiB.
CHUNK_SIZE: Final = 1024 * 1024


class S3ObjectMixin(S3Base):
    """Objects: put, get, stream, head, list, copy, delete."""

    __slots__ = ()

    def put_object(
        self,
        bucket: str,
        key: str,
        body: bytes | str | BinaryIO,
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> PutResult:
        """Write an object in one request.

        For large files, [`upload_file`][awsfacade.s3.S3Service.upload_file] sends them in
        parts.

        Args:
            bucket: The bucket to write to.
            key: The object's key: at most 1,024 bytes of UTF-8.
            body: The content: `bytes`, a `str` (sent as UTF-8) or a binary file object
                (read from its current position).
            content_type: The object's MIME type, such as `text/plain; charset=utf-8`;
                `None`: S3's default.
            metadata: User-defined metadata, sent as the object's `x-amz-meta-*` headers:
                ASCII names and values, at most 2 KB in all.

        Returns:
            The bucket, key, ETag and (in a bucket with versioning on) version id of the
                object written.

        Raises:
            NotFoundError: There is no such bucket.
            InvalidArgumentError: An argument breaks the rules above (a text file as `body`,
                say); nothing was sent.
        """
        check_bucket(bucket)
        check_key(key)
        data = check_body(body)
        request: PutObjectRequestTypeDef = {"Bucket": bucket, "Key": key, "Body": data}
        if content_type is not None:
            request["ContentType"] = check_content_type(content_type)
        checked_metadata = check_metadata(metadata)
        if checked_metadata:
            request["Metadata"] = checked_metadata
        with self._translate():
            response = self._client.put_object(**request)
        return PutResult._from_boto(response, bucket, key)

    def get_object(self, bucket: str, key: str) -> bytes:
        """Read a whole object into memory.

        [`stream_object`][awsfacade.s3.S3Service.stream_object] reads a large one piece by
        piece.

        Returns:
            The object's content.

        Raises:
            NotFoundError: There is no such key or bucket.
        """
        check_bucket(bucket)
        check_key(key)
        with self._translate():
            body = self._client.get_object(Bucket=bucket, Key=key)["Body"]
            try:
                return body.read()
            finally:
                body.close()

    def stream_object(
        self, bucket: str, key: str, *, chunk_size: int = CHUNK_SIZE
    ) -> Generator[bytes, None, None]:
        """Read an object in pieces, never all in memory.

        Lazy like a listing: `GetObject` is sent at the first `next()`. The connection is
        closed when the generator is exhausted, closed or dropped; errors raised while
        reading (a dropped connection, say) are awsfacade errors too.

        Args:
            bucket: The object's bucket.
            key: The object's key.
            chunk_size: The most bytes a piece holds (default 1 MiB); at least 1.

        Yields:
            The object's bytes, in pieces of up to `chunk_size`.

        Raises:
            NotFoundError: There is no such key or bucket (raised at the first `next()`).
            InvalidArgumentError: `chunk_size` is not an `int` of at least 1, or `bucket`
                or `key` is not valid; raised at the call itself, before any request.
        """
        check_bucket(bucket)
        check_key(key)
        check_int(chunk_size, "chunk_size", minimum=1)
        return self._stream(bucket, key, chunk_size)

    def _stream(self, bucket: str, key: str, chunk_size: int) -> Generator[bytes, None, None]:
        with self._translate():
            body = self._client.get_object(Bucket=bucket, Key=key)["Body"]
        try:
            chunks = body.iter_chunks(chunk_size)
            while True:
                with self._translate():
                    chunk = next(chunks, None)
                if chunk is None:
                    return
                yield chunk
        finally:
            body.close()

    def head_object(self, bucket: str, key: str) -> S3Object:
        """An object's size, type, metadata and version, without its body.

        Returns:
            The object as `HeadObject` describes it.

        Raises:
            NotFoundError: There is no such key or bucket (`HeadObject`'s bare 404).
        """
        check_bucket(bucket)
        check_key(key)
        with self._translate():
            response = self._client.head_object(Bucket=bucket, Key=key)
        return S3Object._from_head(response, bucket, key)

    def object_exists(self, bucket: str, key: str) -> bool:
        """Whether the key exists in the bucket, asked with `HeadObject`.

        Returns:
            `True` if the bucket holds the key, `False` if it does not.

        Raises:
            NotFoundError: There is no such bucket: a missing bucket is not a missing key.
        """
        check_bucket(bucket)
        check_key(key)
        try:
            with self._translate():
                self._client.head_object(Bucket=bucket, Key=key)
        except NotFoundError:
            with self._translate():
                self._client.head_bucket(Bucket=bucket)
            return False
        return True

    @overload
    def objects(
        self,
        bucket: str,
        *,
        prefix: str = "",
        start_after: str | None = None,
        delimiter: None = None,
    ) -> Iterator[S3Object]: ...

    @overload
    def objects(
        self,
        bucket: str,
        *,
        prefix: str = "",
        start_after: str | None = None,
        delimiter: str,
    ) -> Iterator[S3Object | CommonPrefix]: ...

    def objects(
        self,
        bucket: str,
        *,
        prefix: str = "",
        start_after: str | None = None,
        delimiter: str | None = None,
    ) -> Iterator[S3Object] | Iterator[S3Object | CommonPrefix]:
        """The bucket's objects whose keys start with `prefix`, in key order.

        Args:
            bucket: The bucket to list.
            prefix: Only the keys that start with it; `""`: every key.
            start_after: Start the listing after that key; `None`: at the first.
            delimiter: Usually `"/"`: keys holding it after the prefix are rolled up into
                one [`CommonPrefix`][awsfacade.s3.CommonPrefix] per "folder", yielded in key
                order among the objects. `None`: every object, however deep.

        Returns:
            A lazy iterator of objects (and, with a `delimiter`, common prefixes), read page
                by page (1,000 a page) as you iterate.

        Raises:
            NotFoundError: There is no such bucket (raised as the first page is read).
        """
        check_bucket(bucket)
        request: ListObjectsV2RequestPaginateTypeDef = {"Bucket": bucket}
        if prefix:
            request["Prefix"] = check_key(prefix, "prefix")
        if start_after is not None:
            request["StartAfter"] = check_key(start_after, "start_after")
        if delimiter is not None:
            request["Delimiter"] = check_text(delimiter, "delimiter", 1024)
        return self._objects(request)

    def _objects(
        self, request: ListObjectsV2RequestPaginateTypeDef
    ) -> Iterator[S3Object | CommonPrefix]:
        bucket = request["Bucket"]
        paginator = self._client.get_paginator("list_objects_v2")

        def pages(config: PageConfig) -> PageIterator[ListObjectsV2OutputTypeDef]:
            paged = request.copy()
            paged["PaginationConfig"] = config
            return paginator.paginate(**paged)

        return self._list(
            pages,
            lambda page: _entries(page, bucket),
            _same,
        )

    def delete_object(self, bucket: str, key: str) -> None:
        """Delete one object.

        S3 answers success for a key that does not exist; in a bucket with versioning on, a
        delete marker hides the object and its versions stay.

        Raises:
            NotFoundError: There is no such bucket.
        """
        check_bucket(bucket)
        check_key(key)
        with self._translate():
            self._client.delete_object(Bucket=bucket, Key=key)

    def delete_objects(
        self,
        bucket: str,
        keys: Iterable[str],
        *,
        on_progress: ProgressCallback | None = None,
    ) -> FailedKeys:
        """Delete many objects, 1,000 a request, and return the keys that were *not* deleted.

        Every key is checked before the first request; duplicates are sent once.

        Args:
            bucket: The bucket to delete from.
            keys: The keys to delete, any number (a list, not one `str`).
            on_progress: Called after each request with a
                [Progress][awsfacade.progress.Progress]: the keys done (deleted or
                refused) of all (`"deleted 1000 of 2500 keys"`). If it raises, no further
                request is sent and its exception propagates.

        Returns:
            The keys that were not deleted, a `list[str]` (a
                [`FailedKeys`][awsfacade.s3.FailedKeys]), empty when all were:
                `failed.errors[key]` says why each failed (`code`, `message`).

        Raises:
            PartialFailureError: A request failed as a whole after earlier ones deleted keys:
                it names what was deleted and what was not.
            NotFoundError: There is no such bucket (the first request failed).
            InvalidArgumentError: `keys` is one string, or holds a key that is not one;
                nothing was sent.
        """
        check_bucket(bucket)
        checked = check_keys(keys)
        report = Reporter(on_progress)
        errors: dict[str, ObjectError] = {}
        deleted: list[str] = []
        for start in range(0, len(checked), BATCH):
            batch = checked[start : start + BATCH]
            try:
                with self._translate():
                    response = self._client.delete_objects(
                        Bucket=bucket,
                        Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True},
                    )
            except AwsError as error:
                if not deleted and not errors:
                    raise
                raise PartialFailureError(
                    "DeleteObjects",
                    done=tuple(deleted),
                    not_done=(*errors, *checked[start:]),
                    error=error,
                ) from error
            for item in response.get("Errors", []):
                failure = ObjectError._from_boto(item)
                errors[failure.key] = failure
            deleted.extend(key for key in batch if key not in errors)
            failed = f" ({len(errors)} refused)" if errors else ""
            report(
                len(deleted) + len(errors),
                len(checked),
                f"deleted {len(deleted)} of {len(checked)} keys{failed}",
            )
        return FailedKeys(errors)

    def copy_object(
        self,
        source_bucket: str,
        source_key: str,
        bucket: str,
        key: str,
        *,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> PutResult:
        """Copy an object (up to 5 GB) within S3, without downloading it.

        The copy keeps the source's metadata and content type unless `metadata` or
        `content_type` is given; then both are replaced (S3's `REPLACE` directive), and
        whichever is not given is left empty.

        Args:
            source_bucket: The bucket of the object to copy.
            source_key: The key of the object to copy.
            bucket: The bucket to copy to.
            key: The key to copy to.
            content_type: The copy's MIME type; `None`: see above.
            metadata: The copy's user-defined metadata; `None`: see above.

        Returns:
            The copy's bucket, key, ETag, time written and (in a bucket with versioning on)
                version id.

        Raises:
            NotFoundError: The source key or either bucket does not exist.
            InvalidRequestError: S3 refuses the copy: over 5 GB, or onto itself with nothing
                changed.
        """
        check_bucket(source_bucket, "source_bucket")
        check_key(source_key, "source_key")
        check_bucket(bucket)
        check_key(key)
        request: CopyObjectRequestTypeDef = {
            "Bucket": bucket,
            "Key": key,
            "CopySource": {"Bucket": source_bucket, "Key": source_key},
        }
        if content_type is not None or metadata is not None:
            request["MetadataDirective"] = "REPLACE"
            request["Metadata"] = check_metadata(metadata)
            if content_type is not None:
                request["ContentType"] = check_content_type(content_type)
        with self._translate():
            response = self._client.copy_object(**request)
        return PutResult._from_copy(response, bucket, key)


def _entries(page: ListObjectsV2OutputTypeDef, bucket: str) -> list[S3Object | CommonPrefix]:
    """A page's objects and common prefixes, merged in key order."""
    found: list[S3Object | CommonPrefix] = [
        S3Object._from_boto(item, bucket) for item in page.get("Contents", [])
    ]
    found += [CommonPrefix._from_boto(item, bucket) for item in page.get("CommonPrefixes", [])]
    if len(found) > 1 and page.get("CommonPrefixes"):
        found.sort(key=_sort_key)
    return found


def _sort_key(entry: S3Object | CommonPrefix) -> str:
    return entry.prefix if isinstance(entry, CommonPrefix) else entry.key


def _same(entry: S3Object | CommonPrefix) -> S3Object | CommonPrefix:
    """The listing's convert step: `_entries` built the models already."""
    return entry
