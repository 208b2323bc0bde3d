"""S3Service's buckets: create (in any region), list, check and delete (also emptying it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awsfacade._consistency import read_after_create, server_time
from awsfacade._create import create_unique
from awsfacade._progress import Reporter
from awsfacade._translate import error_class, with_hint
from awsfacade._validate import check_id
from awsfacade.errors import (
    AwsError,
    InUseError,
    NotFoundError,
    PartialFailureError,
    UnexpectedResponseError,
)
from awsfacade.s3._base import BATCH, BUCKET_PAGE_SIZE, PAGE_SIZE, S3Base
from awsfacade.s3._checks import check_bucket, check_bucket_name
from awsfacade.s3._models import Bucket

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import (
        CreateBucketRequestTypeDef,
        ListBucketsRequestPaginateTypeDef,
        ListObjectVersionsOutputTypeDef,
        ObjectIdentifierTypeDef,
    )

    from awsfacade.progress import ProgressCallback

__all__ = ["S3BucketMixin", "version_step"]

#: The one region where CreateBucket must send no LocationConstraint.
_US_EAST_1 = "us-east-1"


def version_step(key: str, version_id: str | None) -> str:
    """How a deleted (or not deleted) object version is named in a PartialFailureError."""
    return key if version_id in (None, "null") else f"{key}?versionId={version_id}"


class S3BucketMixin(S3Base):
    """Buckets: create, list, check existence, delete."""

    __slots__ = ()

    def create_bucket(self, name: str, *, region: str | None = None) -> Bucket:
        """Create a bucket in `region` and return it.

        us-east-1 takes no `LocationConstraint`, every other region needs its own, and a
        regional endpoint refuses any other: the request goes through a client of that
        region. AWS may not list a new bucket for a moment; the read is retried, and if it
        still does not show the model is built from what was created, so it is never lost.
        If `CreateBucket`'s answer is lost, botocore's retry creates it again in us-east-1
        (S3 answers 200 to its owner there) and elsewhere meets `BucketAlreadyOwnedByYou`:
        then the bucket is returned if it is in `region`.

        Args:
            name: The new bucket's name, checked against S3's naming rules before the
                request: 3 to 63 lowercase letters, digits, dots and hyphens, starting and
                ending with a letter or digit, no two adjacent dots, not an IP address.
            region: Where to create it; `None`: the service's region.

        Returns:
            The bucket as `ListBuckets` reports it (its `region` filled in where the listing
                leaves it out), or as created while S3 does not list it yet.

        Raises:
            InvalidArgumentError: `name` breaks S3's naming rules, or `region` is not a
                non-empty string; nothing was sent.
            AlreadyExistsError: The name is taken: by another account
                (`BucketAlreadyExists`), or by a bucket of yours that this call did not
                create (`BucketAlreadyOwnedByYou`; in us-east-1 S3 answers 200 to its owner
                instead, and the bucket is returned).
            InvalidRequestError: S3 refuses `region` as a location
                (`IllegalLocationConstraintException`).
            InUseError: A conflicting operation on a bucket of that name (being created or
                deleted) is in progress (`OperationAborted`).
        """
        check_bucket_name(name)
        bucket_region = self.region if region is None else check_id(region, "region")
        request: CreateBucketRequestTypeDef = {"Bucket": name}
        if bucket_region != _US_EAST_1:
            # The stubs type LocationConstraint as a Literal of the regions known when they
            # were generated; a region added since is a str that AWS accepts all the same.
            request["CreateBucketConfiguration"] = {"LocationConstraint": bucket_region}  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType] - any region string is valid

        def read() -> Bucket:
            found = self._listed_bucket(name)
            return (
                found
                if found.region
                else Bucket(name=found.name, created=found.created, region=bucket_region)
            )

        def send() -> Bucket:
            with self._translate():
                response = self._client_for(bucket_region).create_bucket(**request)

            def as_created() -> Bucket:
                return Bucket(
                    name=name,
                    created=server_time(response.get("ResponseMetadata", {}).get("HTTPHeaders")),
                    region=bucket_region,
                )

            # The bucket exists: a failed read-back (of any kind) returns it as created.
            return read_after_create(read, as_created)

        def find(_: object) -> Bucket | None:
            found = self._listed_bucket(name)
            # ListBuckets may not say where it is (moto does not); HeadBucket does.
            if found.region is None:
                with self._translate():
                    where = self._client.head_bucket(Bucket=name).get("BucketRegion")
                found = Bucket(name=found.name, created=found.created, region=where)
            return found if found.region == bucket_region else None

        return create_unique(send, operation="CreateBucket", find=find)

    def _listed_bucket(self, name: str) -> Bucket:
        """The bucket ``name`` as ListBuckets reports it; NotFoundError if it is not listed."""
        request: ListBucketsRequestPaginateTypeDef = {"Prefix": name}
        for bucket in self._buckets(request):
            if bucket.name == name:
                return bucket
        raise NotFoundError(
            code="NoSuchBucket",
            message=f"The bucket {name!r} is not listed yet",
            operation="ListBuckets",
        )

    def buckets(self, *, prefix: str | None = None) -> Iterator[Bucket]:
        """Every bucket of the account, in every region.

        Args:
            prefix: Only the buckets whose names start with it; `None`: all.

        Returns:
            A lazy iterator of buckets, read page by page (10,000 a page) as you iterate.

        Raises:
            InvalidArgumentError: `prefix` is not a non-empty string; nothing was sent.
        """
        request: ListBucketsRequestPaginateTypeDef = {}
        if prefix is not None:
            request["Prefix"] = check_id(prefix, "prefix")
        return self._buckets(request)

    def _buckets(self, request: ListBucketsRequestPaginateTypeDef) -> Iterator[Bucket]:
        paginator = self._client.get_paginator("list_buckets")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("Buckets", []),
            Bucket._from_boto,
            page_size=BUCKET_PAGE_SIZE,
        )

    def bucket_exists(self, name: str) -> bool:
        """Whether the bucket exists (and is yours or readable to you), asked with `HeadBucket`.

        Returns:
            `True` if it exists, `False` if S3 knows no bucket of that name.

        Raises:
            AccessDeniedError: The bucket exists but you may not read it: "forbidden" is not
                "absent", and taking it for `False` would invite a create that fails with
                `BucketAlreadyExists`.
            InvalidArgumentError: `name` could never name a bucket (empty, or holds a `/`);
                nothing was sent.
        """
        check_bucket(name, "name")
        try:
            with self._translate():
                self._client.head_bucket(Bucket=name)
        except NotFoundError:
            return False
        return True

    def delete_bucket(
        self, name: str, *, force: bool = False, on_progress: ProgressCallback | None = None
    ) -> None:
        """Delete a bucket, and with `force=True` everything in it first.

        Args:
            name: The bucket to delete.
            force: Empty the bucket first: every object, and every version and delete marker
                when versioning is or was on, 1,000 a request, one listing page in memory at
                a time. `False`: a bucket that is not empty is refused.
            on_progress: Called with a [Progress][awsfacade.progress.Progress] after each
                batch a forced delete deletes (`"deleted 1000 objects and versions"`; the
                total is not known until the bucket is empty) and once the bucket is
                deleted. If it raises, nothing more is deleted and its exception propagates.

        Raises:
            InUseError: The bucket is not empty and `force` is `False` (its message says that
                `force=True` empties it), or a conflicting operation on it is in progress
                (`OperationAborted`).
            NotFoundError: There is no such bucket.
            PartialFailureError: With `force=True`, something failed part-way: it says which
                versions were deleted and which were not, and the bucket is left in place.
            InvalidArgumentError: `name` could never name a bucket, or `force` is not a
                `bool`; nothing was sent.
        """
        check_bucket(name, "name")
        report = Reporter(on_progress)
        deleted: list[str] = []
        if force:
            self._empty(name, deleted, report)
        try:
            with self._translate():
                self._client.delete_bucket(Bucket=name)
        except AwsError as error:
            if deleted:
                raise PartialFailureError(
                    "DeleteBucket", done=tuple(deleted), not_done=(name,), error=error
                ) from error
            if force or not isinstance(error, InUseError) or error.code != "BucketNotEmpty":
                raise
            raise with_hint(
                error, f"delete_bucket({name!r}, force=True) deletes every object and version first"
            ) from error.__cause__
        report(len(deleted) + 1, len(deleted) + 1, f"deleted bucket {name}")

    def _empty(self, name: str, deleted: list[str], report: Reporter) -> None:
        """Delete every version and delete marker of the bucket, appending each to ``deleted``
        and reporting after each batch.

        Each round lists the first page of what is left and deletes it, so no listing marker
        can point at a version just deleted (moto then answers an empty page: see the README);
        a page that is not truncated is the last one. A store that lists again what it said
        it deleted would loop for ever: that stops with a PartialFailureError instead.
        """
        previous: set[str] = set()
        while True:
            try:
                with self._translate():
                    page = self._client.list_object_versions(Bucket=name, MaxKeys=PAGE_SIZE)
            except AwsError as error:
                if not deleted:
                    raise
                raise PartialFailureError(
                    "DeleteBucket", done=tuple(deleted), not_done=(name,), error=error
                ) from error
            objects = _versions(page)
            steps = [version_step(item["Key"], item.get("VersionId")) for item in objects]
            again = previous.intersection(steps)
            if again:
                raise PartialFailureError(
                    "DeleteBucket",
                    done=tuple(step for step in deleted if step not in again),
                    not_done=(*steps, name),
                    error=UnexpectedResponseError(
                        f"ListObjectVersions still lists {len(again)} version(s) that "
                        f"DeleteObjects reported deleted in {name!r}"
                    ),
                )
            for start in range(0, len(objects), BATCH):
                self._delete_versions(name, objects[start : start + BATCH], deleted)
                report(len(deleted), None, f"deleted {len(deleted)} objects and versions")
            if not objects or not page.get("IsTruncated"):
                return
            previous = set(steps)

    def _delete_versions(
        self, name: str, objects: list[ObjectIdentifierTypeDef], deleted: list[str]
    ) -> None:
        steps = [version_step(item["Key"], item.get("VersionId")) for item in objects]
        try:
            with self._translate():
                response = self._client.delete_objects(
                    Bucket=name, Delete={"Objects": objects, "Quiet": True}
                )
        except AwsError as error:
            if not deleted:
                raise
            raise PartialFailureError(
                "DeleteBucket", done=tuple(deleted), not_done=(*steps, name), error=error
            ) from error
        errors = response.get("Errors", [])
        failed = {
            version_step(item.get("Key") or "", item.get("VersionId")): item for item in errors
        }
        deleted.extend(step for step in steps if step not in failed)
        if failed:
            first = next(iter(failed.values()))
            cause = _object_error(first.get("Code"), first.get("Message"))
            raise PartialFailureError(
                "DeleteBucket", done=tuple(deleted), not_done=(*failed, name), error=cause
            )


def _versions(page: ListObjectVersionsOutputTypeDef) -> list[ObjectIdentifierTypeDef]:
    """Every version and delete marker of a listing page, as DeleteObjects names them."""
    found: list[ObjectIdentifierTypeDef] = []
    for item in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]:
        key = item.get("Key")
        if key is None:
            continue
        identifier: ObjectIdentifierTypeDef = {"Key": key}
        version_id = item.get("VersionId")
        if version_id is not None:
            identifier["VersionId"] = version_id
        found.append(identifier)
    return found


def _object_error(code: str | None, message: str | None) -> AwsError:
    """The awsfacade error for one key's error in a DeleteObjects answer."""
    checked = code or "Unknown"
    return error_class(checked, S3Base._error_codes)(
        code=checked, message=message or "", operation="DeleteObjects"
    )
