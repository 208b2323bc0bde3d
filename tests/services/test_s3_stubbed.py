"""S3Service against answers moto never gives: 403s, per-key delete errors, failures half-way
through many-step operations, eventual consistency, paged bucket listings, broken streams.

AWS-only answers are queued with botocore's ``Stubber`` (on a client with retries off, so each
answer is one attempt) or injected at ``before-send`` so botocore parses them like any answer.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from boto3.exceptions import RetriesExceededError, S3TransferFailedError, S3UploadFailedError
from botocore.response import StreamingBody
from s3_support import S3Requests, bucket_listing, s3_answer, s3_error
from support import ONE_ATTEMPT, READ_BACK_DELAYS, answer_first, sleeps_at, stubber_on

from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    ClientSideError,
    InUseError,
    InvalidRequestError,
    InvalidStateError,
    NotFoundError,
    PartialFailureError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
    WaitTimeoutError,
)
from awsfacade.s3 import FailedKeys, ObjectError, S3Service, VersioningStatus

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.stub import Stubber

WHEN = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


@pytest.fixture
def service(aws_session: Session) -> S3Service:
    """An S3Service whose client makes one attempt a request (no retries)."""
    return S3Service(aws_session, config=ONE_ATTEMPT)


stubber = stubber_on("service")


sleeps = sleeps_at(READ_BACK_DELAYS)


def _keys(count: int, start: int = 0) -> list[str]:
    return [f"k{number:04}" for number in range(start, start + count)]


def _delete_request(bucket: str, keys: list[str]) -> dict[str, object]:
    return {"Bucket": bucket, "Delete": {"Objects": [{"Key": k} for k in keys], "Quiet": True}}


# -- bucket_exists ---------------------------------------------------------------------------


def test_bucket_exists_forbidden_is_access_denied_never_false(
    service: S3Service, stubber: Stubber
) -> None:
    """HeadBucket's bare 403 (a bucket someone else owns) raises AccessDeniedError."""
    stubber.add_client_error("head_bucket", "403", "Forbidden", http_status_code=403)

    with pytest.raises(AccessDeniedError) as raised:
        service.bucket_exists("someone-elses")

    assert raised.value.code == "403"


def test_bucket_exists_no_such_bucket_is_false(service: S3Service, stubber: Stubber) -> None:
    """HeadBucket's NoSuchBucket (some stores send the code, not a bare 404) is False."""
    stubber.add_client_error("head_bucket", "NoSuchBucket", http_status_code=404)

    assert service.bucket_exists("gone") is False


def test_bucket_exists_other_errors_raise(service: S3Service, stubber: Stubber) -> None:
    """Throttling is not an answer to "does it exist": it raises."""
    stubber.add_client_error("head_bucket", "SlowDown", http_status_code=503)

    with pytest.raises(ThrottledError):
        service.bucket_exists("busy")


# -- error classes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("NoSuchBucket", 404, NotFoundError),
        ("NoSuchKey", 404, NotFoundError),
        ("404", 404, NotFoundError),
        ("403", 403, AccessDeniedError),
        ("AccessDenied", 403, AccessDeniedError),
        ("AllAccessDisabled", 403, ServiceError),
        ("InvalidObjectState", 403, InvalidStateError),
        ("PreconditionFailed", 412, InvalidRequestError),
        ("OperationAborted", 409, InUseError),
        ("PermanentRedirect", 301, InvalidRequestError),
        ("301", 301, InvalidRequestError),
        ("400", 400, InvalidRequestError),
        ("AuthorizationHeaderMalformed", 400, InvalidRequestError),
        ("SlowDown", 503, ThrottledError),
    ],
)
def test_object_error_codes(
    service: S3Service, stubber: Stubber, code: str, status: int, expected: type[ServiceError]
) -> None:
    """S3's error codes become the right awsfacade class, keeping code and operation."""
    stubber.add_client_error("get_object", code, "stubbed", http_status_code=status)

    with pytest.raises(expected) as raised:
        service.get_object("bucket", "key")

    assert type(raised.value) is expected
    assert (raised.value.code, raised.value.operation) == (code, "GetObject")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("BucketAlreadyExists", AlreadyExistsError),
        ("BucketAlreadyOwnedByYou", AlreadyExistsError),
        ("IllegalLocationConstraintException", InvalidRequestError),
        ("InvalidBucketName", InvalidRequestError),
        ("TooManyBuckets", ServiceError),
    ],
)
def test_create_bucket_error_codes(
    service: S3Service, stubber: Stubber, code: str, expected: type[ServiceError]
) -> None:
    """CreateBucket's errors: taken names are AlreadyExistsError, a wrong region is invalid."""
    stubber.add_client_error("create_bucket", code, http_status_code=409)

    with pytest.raises(expected) as raised:
        service.create_bucket("taken-name")

    assert type(raised.value) is expected


def test_bucket_not_empty_is_in_use(service: S3Service, stubber: Stubber) -> None:
    """BucketNotEmpty is InUseError."""
    stubber.add_client_error("delete_bucket", "BucketNotEmpty", http_status_code=409)

    with pytest.raises(InUseError):
        service.delete_bucket("full")


# -- settings that are absent -----------------------------------------------------------------


def test_absent_public_access_block_reads_as_unconfigured(
    service: S3Service, stubber: Stubber
) -> None:
    """NoSuchPublicAccessBlockConfiguration is "none", any other not-found still raises."""
    stubber.add_client_error(
        "get_public_access_block", "NoSuchPublicAccessBlockConfiguration", http_status_code=404
    )
    stubber.add_client_error("get_public_access_block", "NoSuchBucket", http_status_code=404)

    assert service.public_access_block("open").configured is False
    with pytest.raises(NotFoundError):
        service.public_access_block("gone")


def test_absent_encryption_reads_as_no_rules(service: S3Service, stubber: Stubber) -> None:
    """ServerSideEncryptionConfigurationNotFoundError is "no rules"; NoSuchBucket raises."""
    stubber.add_client_error(
        "get_bucket_encryption",
        "ServerSideEncryptionConfigurationNotFoundError",
        http_status_code=404,
    )
    stubber.add_client_error("get_bucket_encryption", "NoSuchBucket", http_status_code=404)

    assert service.bucket_encryption("plain").rules == ()
    with pytest.raises(NotFoundError):
        service.bucket_encryption("gone")


def test_aws_default_encryption(service: S3Service, stubber: Stubber) -> None:
    """AWS's answer for a new bucket (SSE-S3 by default since 2023) reads as one AES256 rule."""
    stubber.add_response(
        "get_bucket_encryption",
        {
            "ServerSideEncryptionConfiguration": {
                "Rules": [
                    {
                        "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                        "BucketKeyEnabled": False,
                    }
                ]
            }
        },
    )

    [rule] = service.bucket_encryption("new").rules

    assert (rule.algorithm, rule.kms_key_id, rule.bucket_key_enabled) == ("AES256", None, False)


def test_absent_tags_read_as_empty(service: S3Service, stubber: Stubber) -> None:
    """NoSuchTagSet is an empty mapping; NoSuchBucket raises."""
    stubber.add_client_error("get_bucket_tagging", "NoSuchTagSet", http_status_code=404)
    stubber.add_client_error("get_bucket_tagging", "NoSuchBucket", http_status_code=404)

    assert service.bucket_tags("untagged") == {}
    with pytest.raises(NotFoundError):
        service.bucket_tags("gone")


def test_unknown_versioning_status_is_kept(service: S3Service, stubber: Stubber) -> None:
    """A status AWS adds later is UNKNOWN, with AWS's string kept; MFA delete is read."""
    stubber.add_response("get_bucket_versioning", {"Status": "Paused", "MFADelete": "Enabled"})

    versioning = service.bucket_versioning("guarded")

    assert versioning.status is VersioningStatus.UNKNOWN
    assert versioning.status_name == "Paused"
    assert versioning.mfa_delete is True
    assert versioning.enabled is False


# -- listings --------------------------------------------------------------------------------


def test_buckets_follow_continuation_tokens(service: S3Service, stubber: Stubber) -> None:
    """ListBuckets pages (AWS since 2024) are followed at 10,000 buckets a page."""
    stubber.add_response(
        "list_buckets",
        {
            "Buckets": [{"Name": "one", "CreationDate": WHEN, "BucketRegion": "eu-west-1"}],
            "ContinuationToken": "next",
        },
        {"MaxBuckets": 10000},
    )
    stubber.add_response(
        "list_buckets",
        {"Buckets": [{"Name": "two", "CreationDate": WHEN}]},
        {"MaxBuckets": 10000, "ContinuationToken": "next"},
    )

    found = list(service.buckets())

    assert [(b.name, b.region) for b in found] == [("one", "eu-west-1"), ("two", None)]


def test_times_in_other_zones_become_utc(service: S3Service, stubber: Stubber) -> None:
    """A listing's times in any zone come back as the same instant in UTC."""
    plus_two = timezone(timedelta(hours=2))
    stubber.add_response(
        "list_objects_v2",
        {
            "Contents": [
                {
                    "Key": "k",
                    "Size": 1,
                    "ETag": '"e"',
                    "LastModified": datetime(2024, 5, 17, 10, 30, tzinfo=plus_two),
                }
            ]
        },
    )

    [item] = service.objects("b")

    assert item.last_modified == WHEN
    assert item.last_modified.tzinfo is UTC
    assert item.storage_class is None


def test_a_listing_missing_a_field_aws_always_sends(service: S3Service, stubber: Stubber) -> None:
    """An object without Size is UnexpectedResponseError, never a KeyError."""
    stubber.add_response(
        "list_objects_v2", {"Contents": [{"Key": "k", "ETag": '"e"', "LastModified": WHEN}]}
    )

    with pytest.raises(UnexpectedResponseError, match="Size"):
        list(service.objects("b"))


def test_head_object_missing_a_field(service: S3Service, stubber: Stubber) -> None:
    """A HeadObject answer without ContentLength is UnexpectedResponseError."""
    stubber.add_response("head_object", {"ETag": '"e"', "LastModified": WHEN})

    with pytest.raises(UnexpectedResponseError, match="ContentLength"):
        service.head_object("b", "k")


def test_copy_without_a_result(service: S3Service, stubber: Stubber) -> None:
    """A copy answer without CopyObjectResult (S3-compatible stores) still returns a result."""
    stubber.add_response("copy_object", {"VersionId": "v2"})

    result = service.copy_object("a", "k", "b", "k")

    assert (result.etag, result.version_id, result.last_modified) == (None, "v2", None)


# -- streams that break --------------------------------------------------------------------


class _TrackedStream(io.BytesIO):
    """A raw body that remembers being closed."""


def test_a_stream_that_breaks_is_an_awsfacade_error(service: S3Service, stubber: Stubber) -> None:
    """A body shorter than its Content-Length raises ClientSideError, and is closed."""
    raw = _TrackedStream(b"abc")
    stubber.add_response("get_object", {"Body": StreamingBody(raw, 10)})

    chunks = service.stream_object("b", "k", chunk_size=2)
    assert next(chunks) == b"ab"
    assert next(chunks) == b"c"
    with pytest.raises(ClientSideError):
        next(chunks)

    assert raw.closed


def test_get_object_that_breaks_is_an_awsfacade_error(service: S3Service, stubber: Stubber) -> None:
    """get_object's read of a short body raises ClientSideError and closes it."""
    raw = _TrackedStream(b"abc")
    stubber.add_response("get_object", {"Body": StreamingBody(raw, 10)})

    with pytest.raises(ClientSideError):
        service.get_object("b", "k")

    assert raw.closed


# -- delete_objects: failures --------------------------------------------------------------


def test_delete_objects_reports_each_failed_key(service: S3Service, stubber: Stubber) -> None:
    """Keys S3 did not delete come back with AWS's code and message; none is dropped."""
    stubber.add_response(
        "delete_objects",
        {
            "Errors": [
                {"Key": "locked", "Code": "AccessDenied", "Message": "Access Denied"},
                {"Key": "held", "Code": "InvalidObjectState", "VersionId": "v1"},
                {"Key": "odd"},
            ]
        },
        _delete_request("b", ["ok", "locked", "held", "odd"]),
    )

    failed = service.delete_objects("b", ["ok", "locked", "held", "odd"])

    assert failed == ["locked", "held", "odd"]
    assert isinstance(failed, FailedKeys)
    assert failed.errors["locked"] == ObjectError(
        key="locked", code="AccessDenied", message="Access Denied"
    )
    assert failed.errors["held"].version_id == "v1"
    assert failed.errors["odd"].code == "Unknown"
    assert "locked" in repr(failed)


def test_delete_objects_failing_half_way_is_a_partial_failure(
    service: S3Service, stubber: Stubber
) -> None:
    """A batch failing after another deleted keys says which were deleted and which were not."""
    keys = _keys(2500)
    stubber.add_response(
        "delete_objects",
        {"Errors": [{"Key": "k0001", "Code": "AccessDenied"}]},
        _delete_request("b", keys[:1000]),
    )
    stubber.add_client_error("delete_objects", "SlowDown", http_status_code=503)

    with pytest.raises(PartialFailureError) as raised:
        service.delete_objects("b", keys)

    error = raised.value
    assert error.operation == "DeleteObjects"
    assert len(error.done) == 999
    assert "k0001" not in error.done
    assert error.not_done == ("k0001", *keys[1000:])
    assert isinstance(error.error, ThrottledError)
    assert error.__cause__ is error.error


def test_delete_objects_first_batch_failing_is_the_plain_error(
    service: S3Service, stubber: Stubber
) -> None:
    """When nothing was deleted yet, the error is AWS's own."""
    stubber.add_client_error("delete_objects", "AccessDenied", http_status_code=403)

    with pytest.raises(AccessDeniedError):
        service.delete_objects("b", ["a"])


# -- delete_bucket(force=True): failures -----------------------------------------------------


def _versions_page(keys: list[str], *, truncated: bool) -> dict[str, object]:
    return {
        "IsTruncated": truncated,
        "Versions": [{"Key": key, "VersionId": f"v-{key}"} for key in keys[:-1]],
        "DeleteMarkers": [{"Key": keys[-1], "VersionId": f"m-{keys[-1]}"}],
    }


def _listing_request(bucket: str) -> dict[str, object]:
    return {"Bucket": bucket, "MaxKeys": 1000}


def test_force_delete_stops_at_a_key_it_cannot_delete(service: S3Service, stubber: Stubber) -> None:
    """A version S3 refuses to delete stops the delete: the bucket is not deleted."""
    stubber.add_response(
        "list_object_versions", _versions_page(["a", "b"], truncated=False), _listing_request("x")
    )
    stubber.add_response(
        "delete_objects", {"Errors": [{"Key": "b", "VersionId": "m-b", "Code": "AccessDenied"}]}
    )

    with pytest.raises(PartialFailureError) as raised:
        service.delete_bucket("x", force=True)

    assert raised.value.done == ("a?versionId=v-a",)
    assert raised.value.not_done == ("b?versionId=m-b", "x")
    assert isinstance(raised.value.error, AccessDeniedError)
    assert raised.value.error.operation == "DeleteObjects"


def test_force_delete_failing_on_a_later_page(service: S3Service, stubber: Stubber) -> None:
    """A DeleteObjects failing after a page was deleted names both pages' versions."""
    stubber.add_response("list_object_versions", _versions_page(["a", "b"], truncated=True))
    stubber.add_response("delete_objects", {})
    stubber.add_response("list_object_versions", _versions_page(["c", "d"], truncated=False))
    stubber.add_client_error("delete_objects", "InternalError", http_status_code=500)

    with pytest.raises(PartialFailureError) as raised:
        service.delete_bucket("x", force=True)

    assert raised.value.done == ("a?versionId=v-a", "b?versionId=m-b")
    assert raised.value.not_done == ("c?versionId=v-c", "d?versionId=m-d", "x")


def test_force_delete_listing_failing_on_a_later_round(
    service: S3Service, stubber: Stubber
) -> None:
    """A listing failing after versions were deleted is a partial failure too."""
    stubber.add_response("list_object_versions", _versions_page(["a"], truncated=True))
    stubber.add_response("delete_objects", {})
    stubber.add_client_error("list_object_versions", "InternalError", http_status_code=500)

    with pytest.raises(PartialFailureError) as raised:
        service.delete_bucket("x", force=True)

    assert raised.value.done == ("a?versionId=m-a",)
    assert raised.value.not_done == ("x",)


def test_force_delete_failing_at_the_bucket(service: S3Service, stubber: Stubber) -> None:
    """DeleteBucket failing after the bucket was emptied is a partial failure."""
    stubber.add_response(
        "list_object_versions",
        {
            "IsTruncated": False,
            "Versions": [{"Key": "a", "VersionId": "null"}, {}, {"Key": "b"}],
        },
    )
    stubber.add_response("delete_objects", {})
    stubber.add_client_error("delete_bucket", "BucketNotEmpty", http_status_code=409)

    with pytest.raises(PartialFailureError) as raised:
        service.delete_bucket("x", force=True)

    assert raised.value.done == ("a", "b")
    assert raised.value.not_done == ("x",)
    assert isinstance(raised.value.error, InUseError)


def test_force_delete_stops_when_deleted_versions_are_listed_again(
    service: S3Service, stubber: Stubber
) -> None:
    """A store that lists again what it reported deleted stops the delete instead of looping."""
    stubber.add_response("list_object_versions", _versions_page(["a", "b"], truncated=True))
    stubber.add_response("delete_objects", {})
    stubber.add_response(
        "list_object_versions",
        {
            "IsTruncated": True,
            "Versions": [{"Key": "c", "VersionId": "v-c"}],
            "DeleteMarkers": [{"Key": "b", "VersionId": "m-b"}],
        },
    )

    with pytest.raises(PartialFailureError) as raised:
        service.delete_bucket("x", force=True)

    assert raised.value.done == ("a?versionId=v-a",)
    assert raised.value.not_done == ("c?versionId=v-c", "b?versionId=m-b", "x")
    assert isinstance(raised.value.error, UnexpectedResponseError)


def test_force_delete_stops_at_an_empty_truncated_page(
    service: S3Service, stubber: Stubber
) -> None:
    """A truncated page with nothing on it ends the emptying; the bucket delete says the rest."""
    stubber.add_response("list_object_versions", {"IsTruncated": True})
    stubber.add_client_error("delete_bucket", "BucketNotEmpty", http_status_code=409)

    with pytest.raises(InUseError):
        service.delete_bucket("x", force=True)


def test_force_delete_first_batch_failing_is_the_plain_error(
    service: S3Service, stubber: Stubber
) -> None:
    """Nothing deleted yet: AWS's own error."""
    stubber.add_response("list_object_versions", _versions_page(["a"], truncated=False))
    stubber.add_client_error("delete_objects", "AccessDenied", http_status_code=403)

    with pytest.raises(AccessDeniedError):
        service.delete_bucket("x", force=True)


# -- create_bucket under eventual consistency ---------------------------------------------


def test_create_bucket_survives_a_listing_that_lags(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """A bucket AWS made but does not list yet is read again, and returned from AWS's listing."""
    hook = answer_first(s3_service.client, "before-send.s3.ListBuckets", bucket_listing())

    made = s3_service.create_bucket("lagging")

    assert hook.answered == 1
    assert len(sleeps) == 1
    assert made.name == "lagging"
    assert made.region == "us-east-1"


def test_create_bucket_survives_not_found_on_the_read(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """NotFound once on the read right after the create is retried, never reported."""
    hook = answer_first(s3_service.client, "before-send.s3.ListBuckets", s3_error("NoSuchBucket"))

    made = s3_service.create_bucket("lagging")

    assert hook.answered == 1
    assert made.name == "lagging"
    assert len(sleeps) == 1


def test_create_bucket_never_listed_is_built_from_the_create(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """Still unlisted after every retry: returned as created, timed by the server's Date."""
    answer_first(
        s3_service.client,
        "before-send.s3.CreateBucket",
        s3_answer("", headers={"Date": "Fri, 17 May 2024 08:30:00 GMT"}),
    )
    never = answer_first(s3_service.client, "before-send.s3.ListBuckets", bucket_listing(), 99)

    made = s3_service.create_bucket("invisible", region="us-east-1")

    assert never.answered == len(sleeps) + 1
    assert (made.name, made.created, made.region) == ("invisible", WHEN, "us-east-1")


def test_create_bucket_without_a_date_is_timed_now(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """No usable Date header: the model's time is now, in UTC."""
    answer_first(
        s3_service.client,
        "before-send.s3.CreateBucket",
        s3_answer("", headers={"Date": "not a date"}),
    )
    answer_first(s3_service.client, "before-send.s3.ListBuckets", bucket_listing(), 99)
    before = datetime.now(UTC)

    made = s3_service.create_bucket("invisible")

    assert before <= made.created <= datetime.now(UTC)
    assert len(sleeps) > 0


def test_create_bucket_without_a_date_header_is_timed_now(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """No Date header at all: the model's time is now, in UTC."""
    answer_first(s3_service.client, "before-send.s3.CreateBucket", s3_answer(""))
    answer_first(s3_service.client, "before-send.s3.ListBuckets", bucket_listing(), 99)
    before = datetime.now(UTC)

    made = s3_service.create_bucket("invisible")

    assert before <= made.created <= datetime.now(UTC)
    assert made.created.tzinfo is UTC


def test_create_bucket_is_never_failed_by_the_read(
    s3_service: S3Service, sleeps: list[float]
) -> None:
    """A read-back that is forbidden (ListBuckets not allowed) still returns the new bucket."""
    answer_first(s3_service.client, "before-send.s3.ListBuckets", s3_error("AccessDenied", 403))

    made = s3_service.create_bucket("write-only")

    assert made.name == "write-only"
    assert sleeps == []
    assert s3_service.bucket_exists("write-only")


def test_create_bucket_keeps_the_listed_region(s3_service: S3Service) -> None:
    """When ListBuckets names the region (AWS does), the read-back keeps AWS's value."""
    listing = s3_answer(
        '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets>'
        "<Bucket><Name>tagged</Name><CreationDate>2024-05-17T08:30:00.000Z</CreationDate>"
        "<BucketRegion>us-east-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>"
    )
    answer_first(s3_service.client, "before-send.s3.ListBuckets", listing)

    made = s3_service.create_bucket("tagged")

    assert (made.created, made.region) == (WHEN, "us-east-1")


def test_create_bucket_reads_by_prefix(s3_service: S3Service) -> None:
    """The read-back asks ListBuckets for the new name only, not every bucket."""
    s3_service.create_bucket("mine-too")
    log = S3Requests()
    s3_service.client.meta.events.register("before-call.s3", log)

    made = s3_service.create_bucket("mine")

    [listing] = log.of("ListBuckets")
    assert "prefix=mine" in listing.url
    assert made.name == "mine"


# -- transfers: errors boto3 hides ---------------------------------------------------------


def _fail_with(error: BaseException) -> Callable[[], None]:
    def fail() -> None:
        raise error

    return fail


def _fail_after(first: BaseException, then: BaseException) -> Callable[[], None]:
    """Raise ``then`` while handling ``first``, as boto3 does (implicitly chained)."""

    def fail() -> None:
        try:
            raise first
        except type(first):
            raise then from None

    return fail


def test_upload_failure_without_a_client_error_is_client_side(service: S3Service) -> None:
    """An S3UploadFailedError with no ClientError behind it is a ClientSideError."""
    with pytest.raises(ClientSideError, match="lost"), service._transfer():  # pyright: ignore[reportPrivateUsage] - the unwrapping alone
        _fail_with(S3UploadFailedError("lost"))()


def test_upload_failure_caused_by_something_else_is_client_side(service: S3Service) -> None:
    """An S3UploadFailedError chained to a non-AWS error is a ClientSideError from it."""
    with pytest.raises(ClientSideError) as raised, service._transfer():  # pyright: ignore[reportPrivateUsage] - the unwrapping alone
        _fail_after(OSError("disk"), S3UploadFailedError("upload broke"))()

    assert isinstance(raised.value.__cause__, S3UploadFailedError)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RetriesExceededError(S3TransferFailedError("reset")), "transfer failed"),
        (S3TransferFailedError("gave up"), "transfer failed"),
        (OSError(28, "No space left on device"), "local file failed"),
    ],
)
def test_other_transfer_failures_are_client_side(
    service: S3Service, error: Exception, message: str
) -> None:
    """boto3's other transfer errors and local file errors are ClientSideErrors, chained."""
    with pytest.raises(ClientSideError, match=message) as raised, service._transfer():  # pyright: ignore[reportPrivateUsage] - the unwrapping alone
        _fail_with(error)()

    assert raised.value.__cause__ is error


def test_awsfacade_errors_pass_through_a_transfer(service: S3Service) -> None:
    """An awsfacade error raised inside a transfer is not wrapped again."""
    error = WaitTimeoutError("an OSError subclass, kept as it is")

    with pytest.raises(WaitTimeoutError) as raised, service._transfer():  # pyright: ignore[reportPrivateUsage] - the unwrapping alone
        _fail_with(error)()

    assert raised.value is error
