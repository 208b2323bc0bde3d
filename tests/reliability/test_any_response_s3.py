"""Issue 11 for S3Service: any response AWS may send to an operation the service reads, drawn
from botocore's output shapes (optional members left out, enum values AWS has not invented
yet, empty lists, long strings, numbers at their limits) and answered by botocore's
``Stubber``, becomes models or an ``AwsError``, never a ``KeyError``/``TypeError``/
``ValueError``/``AttributeError``, and never ``InvalidArgumentError``.

``UnexpectedResponseError`` is allowed only when the response lacks a field AWS always sends
(the shapes mark none of these required): a listed bucket's ``Name`` and ``CreationDate``; a
listed object's ``Key``, ``Size``, ``LastModified`` and ``ETag``; a common prefix's
``Prefix``; HeadObject's ``Content-Length``, ``Last-Modified`` and ``ETag`` headers (a
download's HeadObject too); the ``Key`` of each failed key in a DeleteObjects answer; and, in
a URL-encoded ListObjectVersions answer (botocore asks for one and decodes each entry's key),
each version's and delete marker's ``Key`` and each common prefix's ``Prefix``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from any_response import check_answered, dicts, lacks, outcome, stubbed
from boto3.s3.transfer import TransferConfig
from botocore.response import StreamingBody
from hypothesis import given
from hypothesis import strategies as st
from shapes import response_strategy
from support import ONE_ATTEMPT, is_list

from awsfacade.errors import PartialFailureError, UnexpectedResponseError
from awsfacade.s3 import (
    Bucket,
    BucketAcl,
    BucketEncryption,
    BucketVersioning,
    CommonPrefix,
    FailedKeys,
    PublicAccessBlock,
    PutResult,
    S3Object,
    S3Service,
)

if TYPE_CHECKING:
    from boto3.session import Session

BUCKET = "any-response-bucket"
_NOW = datetime(2024, 1, 1, tzinfo=UTC)
KEY = "folder/key.txt"
Response = dict[str, object]

NONE = type(None)
_OBJECT_FIELDS = tuple(f"Contents?.{m}" for m in ("Key", "Size", "LastModified", "ETag"))


@attrs.frozen
class Case:
    """One public method that sends one request: ``call`` it with ``operation`` answered by
    any valid response; it returns ``returns`` (each item, for a listing), and ``expect`` if
    given (a check's ``True``). ``always``: the paths of fields AWS always sends though the
    shape does not say so."""

    name: str
    operation: str
    call: Callable[[S3Service], object]
    returns: type | tuple[type, ...]
    always: tuple[str, ...] = ()
    expect: bool | None = attrs.field(default=None, kw_only=True)


CASES = (
    Case(
        "buckets",
        "ListBuckets",
        lambda s3: s3.buckets(),
        Bucket,
        ("Buckets?.Name", "Buckets?.CreationDate"),
    ),
    Case("bucket_exists", "HeadBucket", lambda s3: s3.bucket_exists(BUCKET), bool, expect=True),
    Case("delete_bucket", "DeleteBucket", lambda s3: s3.delete_bucket(BUCKET), NONE),
    Case("put_object", "PutObject", lambda s3: s3.put_object(BUCKET, KEY, b"data"), PutResult),
    Case(
        "head_object",
        "HeadObject",
        lambda s3: s3.head_object(BUCKET, KEY),
        S3Object,
        ("ContentLength", "LastModified", "ETag"),
    ),
    Case(
        "object_exists",
        "HeadObject",
        lambda s3: s3.object_exists(BUCKET, KEY),
        bool,
        expect=True,
    ),
    Case(
        "objects",
        "ListObjectsV2",
        lambda s3: s3.objects(BUCKET, delimiter="/"),
        (S3Object, CommonPrefix),
        (*_OBJECT_FIELDS, "CommonPrefixes?.Prefix"),
    ),
    Case("delete_object", "DeleteObject", lambda s3: s3.delete_object(BUCKET, KEY), NONE),
    Case(
        "delete_objects",
        "DeleteObjects",
        lambda s3: s3.delete_objects(BUCKET, [KEY, "other"]),
        FailedKeys,
        ("Errors?.Key",),
    ),
    Case(
        "copy_object",
        "CopyObject",
        lambda s3: s3.copy_object(BUCKET, KEY, BUCKET, "copy"),
        PutResult,
    ),
    Case(
        "bucket_versioning",
        "GetBucketVersioning",
        lambda s3: s3.bucket_versioning(BUCKET),
        BucketVersioning,
    ),
    Case(
        "set_versioning",
        "PutBucketVersioning",
        lambda s3: s3.set_versioning(BUCKET, enabled=True),
        NONE,
    ),
    Case(
        "public_access_block",
        "GetPublicAccessBlock",
        lambda s3: s3.public_access_block(BUCKET),
        PublicAccessBlock,
    ),
    Case("bucket_acl", "GetBucketAcl", lambda s3: s3.bucket_acl(BUCKET), BucketAcl),
    Case(
        "bucket_encryption",
        "GetBucketEncryption",
        lambda s3: s3.bucket_encryption(BUCKET),
        BucketEncryption,
    ),
)

#: The tests of the methods that send several requests or read a stream, and the operations
#: each answers (the transfers' come from boto3's transfer manager, not from src/ itself).
SEVERAL: Mapping[str, frozenset[str]] = {
    "test_create_bucket": frozenset({"CreateBucket", "ListBuckets"}),
    "test_delete_bucket_forced": frozenset({"ListObjectVersions", "DeleteObjects", "DeleteBucket"}),
    "test_get_object": frozenset({"GetObject"}),
    "test_stream_object": frozenset({"GetObject"}),
    "test_upload_file": frozenset({"PutObject"}),
    "test_download_file": frozenset({"HeadObject", "GetObject"}),
    "test_bucket_tags": frozenset({"GetBucketTagging"}),
    "test_set_bucket_tags": frozenset({"PutBucketTagging", "DeleteBucketTagging"}),
}


def responses(operation: str) -> st.SearchStrategy[Response]:
    return response_strategy("s3", operation)


@pytest.fixture
def s3(aws_session: Session) -> S3Service:
    """An S3Service whose client makes one attempt a request."""
    return S3Service(aws_session, config=ONE_ATTEMPT)


def test_every_operation_s3_reads_is_answered() -> None:
    """An operation that src/awsfacade/s3 names but no test here answers fails this test."""
    answered = {case.operation for case in CASES}.union(*SEVERAL.values())
    check_answered("s3", "s3", answered, SEVERAL, globals())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
@given(data=st.data())
def test_one_request(s3: S3Service, case: Case, data: st.DataObject) -> None:
    """Each one-request method turns any valid response into its models."""
    response = data.draw(responses(case.operation), label="response")
    with stubbed(s3.client, (case.operation, response)):
        result = outcome(lambda: case.call(s3), case.returns, lacking=lacks(response, *case.always))
    if case.expect is not None:
        assert result is case.expect


# -- buckets -----------------------------------------------------------------------------------


@given(response=responses("CreateBucket"))
def test_create_bucket(s3: S3Service, response: Response) -> None:
    listed: Response = {"Buckets": [{"Name": BUCKET, "CreationDate": _NOW}]}
    with stubbed(s3.client, ("CreateBucket", response), ("ListBuckets", listed)) as stub:
        outcome(lambda: s3.create_bucket(BUCKET), Bucket)
        stub.assert_no_pending_responses()


@given(
    versions=responses("ListObjectVersions"),
    deleted=responses("DeleteObjects"),
    response=responses("DeleteBucket"),
)
def test_delete_bucket_forced(
    s3: S3Service, versions: Response, deleted: Response, response: Response
) -> None:
    listed = [
        item
        for name in ("Versions", "DeleteMarkers")
        for item in dicts(versions.get(name))
        if item.get("Key") is not None
    ]
    answers = [("ListObjectVersions", versions)]
    answers += [("DeleteObjects", deleted)] if listed else []
    with stubbed(s3.client, *answers, ("DeleteBucket", response)):
        # A key DeleteObjects says it could not delete leaves the bucket in place.
        outcome(
            lambda: s3.delete_bucket(BUCKET, force=True),
            type(None),
            lacking=versions.get("EncodingType") == "url"
            and lacks(versions, "Versions?.Key", "DeleteMarkers?.Key", "CommonPrefixes?.Prefix"),
            errors=(PartialFailureError,) if listed and deleted.get("Errors") else (),
        )


# -- objects -----------------------------------------------------------------------------------


#: Listings with an entry lacking the key botocore URL-decodes, and how each is listed.
UNNAMED: list[tuple[str, Response, Callable[[S3Service], object]]] = [
    ("ListObjectsV2", {"Contents": [{"Size": 1}]}, lambda s3: list(s3.objects(BUCKET))),
    ("ListObjectsV2", {"CommonPrefixes": [{}]}, lambda s3: list(s3.objects(BUCKET))),
    (
        "ListObjectVersions",
        {"Versions": [{"VersionId": "v1"}]},
        lambda s3: s3.delete_bucket(BUCKET, force=True),
    ),
    (
        "ListObjectVersions",
        {"DeleteMarkers": [{"VersionId": "v1"}]},
        lambda s3: s3.delete_bucket(BUCKET, force=True),
    ),
]


@pytest.mark.parametrize(("operation", "entries", "call"), UNNAMED)
def test_url_encoded_listing_entry_without_its_key(
    s3: S3Service, operation: str, entries: Response, call: Callable[[S3Service], object]
) -> None:
    """botocore decodes each entry's key of the URL-encoded listing it asked for: an entry
    without one is an UnexpectedResponseError, not botocore's KeyError."""
    response: Response = {"IsTruncated": False, "EncodingType": "url", **entries}
    with stubbed(s3.client, (operation, response)), pytest.raises(UnexpectedResponseError):
        call(s3)


def test_download_without_content_length(s3: S3Service, tmp_path: Path) -> None:
    """The transfer manager reads HeadObject's Content-Length: without it, a download is an
    UnexpectedResponseError, not its KeyError."""
    with (
        stubbed(s3.client, ("HeadObject", {"ETag": '"e"'})),
        pytest.raises(UnexpectedResponseError, match="ContentLength"),
    ):
        s3.download_file(BUCKET, KEY, tmp_path / "file", transfer_config=_ONE_PART)


@given(response=responses("GetObject"), body=st.binary(max_size=64))
def test_get_object(s3: S3Service, response: Response, body: bytes) -> None:
    response["Body"] = _stream(body)
    with stubbed(s3.client, ("GetObject", response)):
        assert outcome(lambda: s3.get_object(BUCKET, KEY), bytes) == body


@given(response=responses("GetObject"), body=st.binary(max_size=64))
def test_stream_object(s3: S3Service, response: Response, body: bytes) -> None:
    response["Body"] = _stream(body)
    with stubbed(s3.client, ("GetObject", response)):
        chunks = outcome(lambda: s3.stream_object(BUCKET, KEY, chunk_size=7), bytes)
        assert b"".join(_bytes(chunks)) == body


@given(response=responses("PutObject"))
def test_upload_file(s3: S3Service, response: Response, tmp_path: Path) -> None:
    path = tmp_path / "upload.txt"
    path.write_bytes(b"data")
    with stubbed(s3.client, ("PutObject", response)):
        outcome(lambda: s3.upload_file(path, BUCKET, KEY, transfer_config=_ONE_PART), type(None))


@given(head=responses("HeadObject"), response=responses("GetObject"), body=st.binary(max_size=64))
def test_download_file(
    s3: S3Service, head: Response, response: Response, body: bytes, tmp_path: Path
) -> None:
    response["Body"] = _stream(body)
    path = tmp_path / "download.txt"
    with stubbed(s3.client, ("HeadObject", head), ("GetObject", response)):
        outcome(
            lambda: s3.download_file(BUCKET, KEY, path, transfer_config=_ONE_PART),
            type(None),
            lacking=lacks(head, "ContentLength"),
        )


# -- bucket settings ---------------------------------------------------------------------------


@given(response=responses("GetBucketTagging"))
def test_bucket_tags(s3: S3Service, response: Response) -> None:
    with stubbed(s3.client, ("GetBucketTagging", response)):
        tags = outcome(lambda: s3.bucket_tags(BUCKET), Mapping)
        assert tags == {tag["Key"]: tag["Value"] for tag in dicts(response.get("TagSet"))}


@given(put=responses("PutBucketTagging"), delete=responses("DeleteBucketTagging"))
def test_set_bucket_tags(s3: S3Service, put: Response, delete: Response) -> None:
    with stubbed(s3.client, ("PutBucketTagging", put), ("DeleteBucketTagging", delete)) as stub:
        outcome(lambda: s3.set_bucket_tags(BUCKET, {"team": "a"}), type(None))
        outcome(lambda: s3.set_bucket_tags(BUCKET, {}), type(None))
        stub.assert_no_pending_responses()


# -- helpers -----------------------------------------------------------------------------------

#: One request whatever the size HeadObject reports, and no threads (the Stubber's answers
#: are taken in order).
_ONE_PART = TransferConfig(multipart_threshold=2**63, use_threads=False)


def _stream(body: bytes) -> StreamingBody:
    return StreamingBody(io.BytesIO(body), len(body))


def _bytes(value: object) -> list[bytes]:
    assert is_list(value), f"{value!r} is not a list"
    return [item for item in value if isinstance(item, bytes)]
