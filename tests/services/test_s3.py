"""S3Service through moto's in-process mock: buckets, objects, listings and batch deletes."""

from __future__ import annotations

import io
from datetime import UTC
from typing import TYPE_CHECKING, BinaryIO

import boto3.session
import pytest
from botocore.exceptions import ClientError
from s3_support import S3Requests

from awsfacade.errors import (
    AlreadyExistsError,
    InUseError,
    InvalidArgumentError,
    NotFoundError,
)
from awsfacade.s3 import Bucket, CommonPrefix, FailedKeys, PutResult, S3Object, S3Service

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from boto3.session import Session


@pytest.fixture
def s3(aws_session: Session) -> S3Service:
    """An S3Service on the mocked session."""
    return S3Service(aws_session)


@pytest.fixture
def sent(aws_session: Session, s3: S3Service) -> S3Requests:
    """Every request any S3 client of the session sends from now on (also other regions')."""
    log = S3Requests()
    aws_session.events.register("before-call.s3", log)
    s3.client.meta.events.register("before-call.s3", log)
    return log


@pytest.fixture
def bucket(s3: S3Service) -> str:
    """An empty bucket in us-east-1."""
    s3.create_bucket("data")
    return "data"


# -- a global service -----------------------------------------------------------------------


def test_no_region_anywhere_means_us_east_1(
    aws_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Session with no region at all lists buckets through us-east-1; region= still wins."""
    S3Service(aws_session).create_bucket("made-before")
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.delenv("AWS_REGION")
    bare = boto3.session.Session()
    assert bare.region_name is None

    service = S3Service(bare)

    assert service.region == "us-east-1"
    assert service.client.meta.region_name == "us-east-1"
    assert [found.name for found in service.buckets()] == ["made-before"]
    assert S3Service(bare, region="eu-west-1").client.meta.region_name == "eu-west-1"


# -- create_bucket --------------------------------------------------------------------------


def test_create_bucket_in_us_east_1_sends_no_location_constraint(
    s3: S3Service, sent: S3Requests
) -> None:
    """us-east-1 refuses a LocationConstraint of its own: none is sent, and the bucket is made."""
    made = s3.create_bucket("plain")

    [request] = sent.of("CreateBucket")
    assert b"LocationConstraint" not in request.body
    assert made.name == "plain"
    assert made.region == "us-east-1"
    assert made.created.tzinfo is UTC
    assert s3.client.get_bucket_location(Bucket="plain").get("LocationConstraint") is None


def test_create_bucket_elsewhere_goes_through_that_regions_client(
    s3: S3Service, sent: S3Requests
) -> None:
    """Another region's bucket is created with its LocationConstraint through its own endpoint."""
    made = s3.create_bucket("far-away", region="eu-west-1")

    [request] = sent.of("CreateBucket")
    assert b"<LocationConstraint>eu-west-1</LocationConstraint>" in request.body
    assert "eu-west-1" in request.url
    assert made.region == "eu-west-1"
    location = s3.client.get_bucket_location(Bucket="far-away")
    assert location.get("LocationConstraint") == "eu-west-1"


@pytest.mark.aws_region("eu-central-1")
def test_create_bucket_defaults_to_the_services_region(s3: S3Service, sent: S3Requests) -> None:
    """Without region=, the bucket goes to the service's region, with its LocationConstraint."""
    made = s3.create_bucket("home")

    [request] = sent.of("CreateBucket")
    assert b"<LocationConstraint>eu-central-1</LocationConstraint>" in request.body
    assert made.region == "eu-central-1"


def test_create_bucket_in_us_east_1_from_another_region(aws_session: Session) -> None:
    """A service of eu-west-1 creates a us-east-1 bucket without a LocationConstraint."""
    service = S3Service(aws_session, region="eu-west-1")

    made = service.create_bucket("east", region="us-east-1")

    assert made.region == "us-east-1"
    assert service.client.get_bucket_location(Bucket="east").get("LocationConstraint") is None


def test_create_bucket_that_exists_elsewhere_is_already_exists(s3: S3Service) -> None:
    """BucketAlreadyOwnedByYou (outside us-east-1) is AlreadyExistsError."""
    s3.create_bucket("twice", region="eu-west-1")

    with pytest.raises(AlreadyExistsError) as raised:
        s3.create_bucket("twice", region="eu-west-1")

    assert raised.value.code == "BucketAlreadyOwnedByYou"


@pytest.mark.parametrize(
    "name",
    [
        "ab",
        "a" * 64,
        "Upper-case",
        "-leading-hyphen",
        "trailing-hyphen-",
        ".leading-dot",
        "two..dots",
        "under_score",
        "192.168.10.20",
        "with space",
        "",
        123,
        None,
    ],
)
def test_create_bucket_refuses_a_bad_name_before_any_request(
    s3: S3Service, sent: S3Requests, name: str
) -> None:
    """Names outside S3's rules raise InvalidArgumentError naming the argument; nothing is
    sent."""
    with pytest.raises(InvalidArgumentError, match="name"):
        s3.create_bucket(name)

    assert sent.sent == []


@pytest.mark.parametrize("name", ["abc", "a" * 63, "my.bucket-1", "1-2-3", "10.0.0.1.example"])
def test_create_bucket_accepts_names_at_the_limits(s3: S3Service, name: str) -> None:
    """Three and 63 characters, dots, digits and a dotted name that is no IP are all valid."""
    assert s3.create_bucket(name).name == name


@pytest.mark.parametrize("region", ["", 5, "   "])
def test_create_bucket_refuses_a_bad_region(s3: S3Service, sent: S3Requests, region: str) -> None:
    """region= must be a non-empty string; nothing is sent otherwise."""
    with pytest.raises(InvalidArgumentError, match="region"):
        s3.create_bucket("fine-name", region=region)

    assert sent.sent == []


# -- buckets, bucket_exists ---------------------------------------------------------------


def test_buckets_lists_every_region_lazily(s3: S3Service, sent: S3Requests) -> None:
    """buckets() sends nothing until iterated, then lists buckets of every region."""
    s3.create_bucket("one")
    s3.create_bucket("two", region="ap-southeast-2")
    sent.clear()

    listing = s3.buckets()
    assert sent.sent == []
    names = sorted(found.name for found in listing)

    assert names == ["one", "two"]
    assert sent.count("ListBuckets") == 1
    assert "max-buckets=10000" in sent.of("ListBuckets")[0].url


def test_buckets_with_a_prefix(s3: S3Service) -> None:
    """prefix= keeps the buckets whose names start with it."""
    for name in ("logs-a", "logs-b", "data-a"):
        s3.create_bucket(name)

    assert sorted(found.name for found in s3.buckets(prefix="logs-")) == ["logs-a", "logs-b"]


def test_buckets_are_models_in_utc(s3: S3Service) -> None:
    """Each bucket is a frozen Bucket whose creation time is UTC."""
    s3.create_bucket("timed")

    [found] = s3.buckets()

    assert isinstance(found, Bucket)
    assert found.created.tzinfo is UTC


def test_buckets_refuse_a_bad_prefix(s3: S3Service, sent: S3Requests) -> None:
    """A prefix that is not a string raises at the call."""
    with pytest.raises(InvalidArgumentError, match="prefix"):
        s3.buckets(prefix=3)  # type: ignore[arg-type]  # the wrong type is the point

    assert sent.sent == []


def test_bucket_exists(s3: S3Service, bucket: str) -> None:
    """An existing bucket is True, an absent one (404) False."""
    assert s3.bucket_exists(bucket) is True
    assert s3.bucket_exists("nobody-made-this") is False


@pytest.mark.parametrize("name", ["", None, "a/b", 7])
def test_bucket_exists_refuses_what_is_no_bucket_name(
    s3: S3Service, sent: S3Requests, name: str
) -> None:
    """A name that could never be a bucket's raises before HeadBucket."""
    with pytest.raises(InvalidArgumentError, match="name"):
        s3.bucket_exists(name)

    assert sent.sent == []


# -- delete_bucket --------------------------------------------------------------------------


def test_delete_bucket(s3: S3Service, bucket: str) -> None:
    """An empty bucket is deleted."""
    s3.delete_bucket(bucket)

    assert s3.bucket_exists(bucket) is False


def test_delete_bucket_that_is_not_empty_is_in_use(s3: S3Service, bucket: str) -> None:
    """BucketNotEmpty is InUseError whose message points to force=True, and the bucket and its
    object stay."""
    s3.put_object(bucket, "keep", b"1")

    with pytest.raises(InUseError) as raised:
        s3.delete_bucket(bucket)

    assert raised.value.code == "BucketNotEmpty"
    assert str(raised.value).endswith(
        f". delete_bucket({bucket!r}, force=True) deletes every object and version first"
    )
    assert isinstance(raised.value.__cause__, ClientError)
    assert s3.get_object(bucket, "keep") == b"1"


def test_delete_missing_bucket_is_not_found(s3: S3Service) -> None:
    """NoSuchBucket is NotFoundError, also with force (nothing was deleted: no partial failure)."""
    with pytest.raises(NotFoundError):
        s3.delete_bucket("not-there")
    with pytest.raises(NotFoundError):
        s3.delete_bucket("not-there", force=True)


def test_force_deletes_the_objects_first(s3: S3Service, bucket: str, sent: S3Requests) -> None:
    """force=True empties an unversioned bucket, then deletes it."""
    for key in ("a", "b/c", "d e"):
        s3.put_object(bucket, key, b"x")
    sent.clear()

    s3.delete_bucket(bucket, force=True)

    assert sent.operations == ["ListObjectVersions", "DeleteObjects", "DeleteBucket"]
    assert s3.bucket_exists(bucket) is False


def test_force_on_an_empty_bucket_deletes_nothing_first(
    s3: S3Service, bucket: str, sent: S3Requests
) -> None:
    """An empty bucket needs one listing and the delete: no DeleteObjects with no objects."""
    s3.delete_bucket(bucket, force=True)

    assert sent.operations == ["ListObjectVersions", "DeleteBucket"]


def test_force_deletes_every_version_in_batches(
    s3: S3Service, bucket: str, sent: S3Requests
) -> None:
    """2,500 versions and delete markers: 3 listing pages, 3 DeleteObjects of ≤ 1,000, 1 delete."""
    s3.set_versioning(bucket, enabled=True)
    for number in range(1249):
        s3.put_object(bucket, f"key-{number:04}", b"v1")
        s3.put_object(bucket, f"key-{number:04}", b"v2")
    s3.delete_object(bucket, "key-0000")  # a delete marker
    s3.delete_object(bucket, "key-0001")
    sent.clear()

    s3.delete_bucket(bucket, force=True)

    assert sent.operations == [
        "ListObjectVersions",
        "DeleteObjects",
        "ListObjectVersions",
        "DeleteObjects",
        "ListObjectVersions",
        "DeleteObjects",
        "DeleteBucket",
    ]
    assert [request.body.count(b"<Object>") for request in sent.of("DeleteObjects")] == [
        1000,
        1000,
        500,
    ]
    assert all(b"<Quiet>true</Quiet>" in r.body for r in sent.of("DeleteObjects"))
    assert all("max-keys=1000" in r.url for r in sent.of("ListObjectVersions"))
    assert s3.bucket_exists(bucket) is False


def test_delete_bucket_refuses_a_non_bool_force(s3: S3Service, sent: S3Requests) -> None:
    """force="yes" is refused rather than taken as true; nothing is sent."""
    with pytest.raises(InvalidArgumentError, match="force"):
        s3.delete_bucket("data", force="yes")  # type: ignore[arg-type]  # the wrong type is the point

    assert sent.sent == []


# -- put, get, head ---------------------------------------------------------------------------


def test_put_and_get_bytes(s3: S3Service, bucket: str) -> None:
    """Bytes go in and come back; the result names the object and its ETag."""
    result = s3.put_object(bucket, "blob", b"\x00\x01binary")

    assert isinstance(result, PutResult)
    assert (result.bucket, result.key) == (bucket, "blob")
    assert result.etag is not None
    assert result.version_id is None
    assert s3.get_object(bucket, "blob") == b"\x00\x01binary"


def test_put_str_is_utf8(s3: S3Service, bucket: str) -> None:
    """A str body is sent as UTF-8."""
    s3.put_object(bucket, "text", "grüße ✓")

    assert s3.get_object(bucket, "text") == "grüße ✓".encode()


def test_put_binary_file_object(s3: S3Service, bucket: str, tmp_path: Path) -> None:
    """A binary file object is read from its current position."""
    stream = io.BytesIO(b"skip:keep")
    stream.seek(5)
    s3.put_object(bucket, "from-stream", stream)
    path = tmp_path / "data.bin"
    path.write_bytes(b"on disk")
    with path.open("rb") as handle:
        s3.put_object(bucket, "from-file", handle)

    assert s3.get_object(bucket, "from-stream") == b"keep"
    assert s3.get_object(bucket, "from-file") == b"on disk"


def test_put_in_a_versioned_bucket_returns_the_version(s3: S3Service, bucket: str) -> None:
    """With versioning on, each put returns its own version id."""
    s3.set_versioning(bucket, enabled=True)

    first = s3.put_object(bucket, "doc", b"1")
    second = s3.put_object(bucket, "doc", b"2")

    assert first.version_id is not None
    assert second.version_id not in (None, first.version_id)
    assert s3.head_object(bucket, "doc").version_id == second.version_id


def test_head_object_reads_type_and_metadata(s3: S3Service, bucket: str) -> None:
    """head_object reports size, content type, user metadata and a UTC time, without the body."""
    put = s3.put_object(
        bucket, "page.html", "<p>hi</p>", content_type="text/html", metadata={"owner": "web"}
    )

    head = s3.head_object(bucket, "page.html")

    assert isinstance(head, S3Object)
    assert (head.bucket, head.key, head.size) == (bucket, "page.html", 9)
    assert head.content_type == "text/html"
    assert dict(head.metadata) == {"owner": "web"}
    assert head.etag == put.etag
    assert head.last_modified.tzinfo is UTC


def test_missing_objects_are_not_found(s3: S3Service, bucket: str) -> None:
    """NoSuchKey, HeadObject's bare 404 and NoSuchBucket are all NotFoundError."""
    with pytest.raises(NotFoundError) as no_key:
        s3.get_object(bucket, "absent")
    with pytest.raises(NotFoundError) as bare:
        s3.head_object(bucket, "absent")
    with pytest.raises(NotFoundError) as no_bucket:
        s3.get_object("no-such-bucket-here", "absent")

    assert no_key.value.code == "NoSuchKey"
    assert bare.value.code == "404"
    assert no_bucket.value.code == "NoSuchBucket"


def test_object_exists(s3: S3Service, bucket: str) -> None:
    """True for a key, False for an absent key, NotFoundError for an absent bucket."""
    s3.put_object(bucket, "here", b"")

    assert s3.object_exists(bucket, "here") is True
    assert s3.object_exists(bucket, "there") is False
    with pytest.raises(NotFoundError):
        s3.object_exists("no-such-bucket-here", "here")


class _Text(io.StringIO):
    """A text file: refused as a body."""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (123, "body"),
        (["a"], "body"),
        (bytearray(b"x"), "body"),
        (_Text("text"), "binary mode"),
    ],
)
def test_put_refuses_bodies_it_cannot_send(
    s3: S3Service, sent: S3Requests, body: BinaryIO, message: str
) -> None:
    """Anything but bytes, str or a binary file raises before any request."""
    with pytest.raises(InvalidArgumentError, match=message):
        s3.put_object("data", "key", body)

    assert sent.sent == []


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"": "v"}, "metadata names"),
        ({"ü": "v"}, "metadata names"),
        ({"k": 1}, "metadata must be"),
        ({"k": "ü"}, "ASCII string value"),
        ({"big": "x" * 2046}, "larger than 2048"),
        ([("k", "v")], "metadata must be"),
    ],
)
def test_put_refuses_bad_metadata(
    s3: S3Service, sent: S3Requests, metadata: dict[str, str], message: str
) -> None:
    """Metadata must be ASCII strings within 2 KB in all; nothing is sent otherwise."""
    with pytest.raises(InvalidArgumentError, match=message):
        s3.put_object("data", "key", b"", metadata=metadata)

    assert sent.sent == []


def test_put_accepts_metadata_at_the_limit(s3: S3Service, bucket: str) -> None:
    """Exactly 2,048 bytes of metadata is allowed."""
    s3.put_object(bucket, "full", b"", metadata={"big": "x" * 2045})

    assert len(s3.head_object(bucket, "full").metadata["big"]) == 2045


@pytest.mark.parametrize("content_type", ["", "plain", 5, "text/plain; charset=ü"])
def test_put_refuses_a_bad_content_type(s3: S3Service, sent: S3Requests, content_type: str) -> None:
    """content_type must be a MIME type; nothing is sent otherwise."""
    with pytest.raises(InvalidArgumentError, match="content_type"):
        s3.put_object("data", "key", b"", content_type=content_type)

    assert sent.sent == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "key must be a non-empty string"),
        (None, "key must be str"),
        (b"bytes", "key must be str"),
        ("é" * 513, "longer than 1024 bytes"),
    ],
)
def test_keys_are_checked_before_any_request(
    s3: S3Service, sent: S3Requests, key: str, message: str
) -> None:
    """Every object method refuses a key that is empty, not a str or over 1,024 UTF-8 bytes."""
    calls: list[Callable[[], object]] = [
        lambda: s3.put_object("data", key, b""),
        lambda: s3.get_object("data", key),
        lambda: s3.stream_object("data", key),
        lambda: s3.head_object("data", key),
        lambda: s3.object_exists("data", key),
        lambda: s3.delete_object("data", key),
        lambda: s3.copy_object("data", "source", "data", key),
        lambda: s3.presigned_url("data", key),
    ]
    for call in calls:
        with pytest.raises(InvalidArgumentError, match=message):
            call()

    assert sent.sent == []


def test_a_key_of_1024_bytes_is_fine(s3: S3Service, bucket: str) -> None:
    """1,024 bytes of UTF-8 (512 two-byte characters) is the longest key, and allowed."""
    key = "é" * 512
    s3.put_object(bucket, key, b"long")

    assert s3.get_object(bucket, key) == b"long"


@pytest.mark.parametrize("bucket_name", ["", None, "a/b"])
def test_buckets_of_object_methods_are_checked(
    s3: S3Service, sent: S3Requests, bucket_name: str
) -> None:
    """A bucket argument that could never name a bucket raises before any request."""
    with pytest.raises(InvalidArgumentError, match="bucket"):
        s3.put_object(bucket_name, "key", b"")
    with pytest.raises(InvalidArgumentError, match="source_bucket"):
        s3.copy_object(bucket_name, "key", "data", "key")

    assert sent.sent == []


# -- streaming ------------------------------------------------------------------------------


def test_stream_object_reads_in_chunks(s3: S3Service, bucket: str, sent: S3Requests) -> None:
    """stream_object yields the body in chunk_size pieces and sends GetObject only when read."""
    s3.put_object(bucket, "big", b"0123456789")
    sent.clear()

    chunks = s3.stream_object(bucket, "big", chunk_size=4)
    assert sent.sent == []

    assert list(chunks) == [b"0123", b"4567", b"89"]
    assert sent.operations == ["GetObject"]


def test_stream_object_closes_the_body_when_abandoned(s3: S3Service, bucket: str) -> None:
    """Closing the iterator half-way closes the HTTP body."""
    s3.put_object(bucket, "big", b"0123456789")
    bodies: list[object] = []

    def keep_body(*, parsed: dict[str, object], **_: object) -> None:
        bodies.append(parsed["Body"])

    s3.client.meta.events.register("after-call.s3.GetObject", keep_body)

    chunks = s3.stream_object(bucket, "big", chunk_size=2)
    assert next(chunks) == b"01"
    chunks.close()

    [body] = bodies
    assert body._raw_stream.closed  # type: ignore[attr-defined]  # botocore's StreamingBody


def test_stream_of_a_missing_key_raises_at_the_first_read(s3: S3Service, bucket: str) -> None:
    """NoSuchKey surfaces as NotFoundError from the first next()."""
    chunks = s3.stream_object(bucket, "absent")

    with pytest.raises(NotFoundError):
        next(chunks)


@pytest.mark.parametrize("chunk_size", [0, -1, True, 1.5])
def test_stream_refuses_a_bad_chunk_size(s3: S3Service, sent: S3Requests, chunk_size: int) -> None:
    """chunk_size must be a positive int; checked at the call."""
    with pytest.raises(InvalidArgumentError, match="chunk_size"):
        s3.stream_object("data", "key", chunk_size=chunk_size)

    assert sent.sent == []


# -- listing --------------------------------------------------------------------------------


def test_objects_lists_keys_in_order_lazily(s3: S3Service, bucket: str, sent: S3Requests) -> None:
    """objects() sends nothing until iterated and yields S3Object models in key order."""
    for key in ("b", "a", "c/d"):
        s3.put_object(bucket, key, b"xy")
    sent.clear()

    listing = s3.objects(bucket)
    assert sent.sent == []
    found = list(listing)

    assert [item.key for item in found] == ["a", "b", "c/d"]
    assert all(isinstance(item, S3Object) and item.size == 2 for item in found)
    assert found[0].last_modified.tzinfo is UTC
    assert found[0].storage_class == "STANDARD"


def test_objects_pages_at_1000(s3: S3Service, bucket: str, sent: S3Requests) -> None:
    """1,001 objects take two ListObjectsV2 pages of MaxKeys 1,000."""
    for number in range(1001):
        s3.put_object(bucket, f"k{number:04}", b"")
    sent.clear()

    keys = [item.key for item in s3.objects(bucket)]

    assert len(keys) == 1001
    assert keys == sorted(keys)
    assert sent.count("ListObjectsV2") == 2
    assert all("max-keys=1000" in r.url for r in sent.of("ListObjectsV2"))


def test_objects_with_prefix_and_start_after(s3: S3Service, bucket: str) -> None:
    """prefix narrows the listing; start_after skips up to and including that key."""
    for key in ("logs/1", "logs/2", "logs/3", "other"):
        s3.put_object(bucket, key, b"")

    assert [o.key for o in s3.objects(bucket, prefix="logs/")] == ["logs/1", "logs/2", "logs/3"]
    assert [o.key for o in s3.objects(bucket, prefix="logs/", start_after="logs/1")] == [
        "logs/2",
        "logs/3",
    ]


def test_objects_with_delimiter_yield_common_prefixes_in_order(s3: S3Service, bucket: str) -> None:
    """With a delimiter, "folders" come back as CommonPrefix entries among the objects."""
    for key in ("a.txt", "b/1", "b/2", "c.txt", "d/e/f"):
        s3.put_object(bucket, key, b"")

    found = list(s3.objects(bucket, delimiter="/"))

    assert found[0] == S3Object(
        bucket=bucket,
        key="a.txt",
        size=0,
        last_modified=found[0].last_modified,  # type: ignore[union-attr]  # asserted below
        etag=found[0].etag,  # type: ignore[union-attr]  # asserted below
        storage_class="STANDARD",
    )
    assert [type(entry).__name__ for entry in found] == [
        "S3Object",
        "CommonPrefix",
        "S3Object",
        "CommonPrefix",
    ]
    assert found[1] == CommonPrefix(bucket=bucket, prefix="b/")
    assert found[3] == CommonPrefix(bucket=bucket, prefix="d/")


def test_objects_of_an_empty_bucket(s3: S3Service, bucket: str) -> None:
    """An empty bucket lists nothing."""
    assert list(s3.objects(bucket)) == []


def test_objects_of_a_missing_bucket_raise_when_iterated(s3: S3Service) -> None:
    """NoSuchBucket is NotFoundError, raised at the first next()."""
    listing = s3.objects("no-such-bucket-here")

    with pytest.raises(NotFoundError):
        next(listing)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"prefix": None}, "prefix"),
        ({"prefix": 3}, "prefix"),
        ({"start_after": ""}, "start_after"),
        ({"delimiter": ""}, "delimiter"),
        ({"delimiter": 1}, "delimiter"),
    ],
)
def test_objects_refuses_bad_options(
    s3: S3Service, sent: S3Requests, options: dict[str, str], message: str
) -> None:
    """Listing options are checked at the call."""
    with pytest.raises(InvalidArgumentError, match=message):
        s3.objects("data", **options)

    assert sent.sent == []


# -- delete_objects -------------------------------------------------------------------------


def test_delete_objects_deletes_and_returns_no_failures(s3: S3Service, bucket: str) -> None:
    """Deleted keys are gone; keys that never existed count as deleted (as S3 says)."""
    for key in ("a", "b", "c"):
        s3.put_object(bucket, key, b"")

    failed = s3.delete_objects(bucket, ["a", "b", "never-there"])

    assert failed == []
    assert isinstance(failed, FailedKeys)
    assert failed.errors == {}
    assert [item.key for item in s3.objects(bucket)] == ["c"]


def test_delete_objects_batches_2500_keys_in_3_requests(
    s3: S3Service, bucket: str, sent: S3Requests
) -> None:
    """2,500 keys take exactly three quiet requests of at most 1,000 keys."""
    keys = [f"k{number:04}" for number in range(2500)]

    failed = s3.delete_objects(bucket, iter(keys))

    assert failed == []
    assert sent.operations == ["DeleteObjects"] * 3
    assert [r.body.count(b"<Object>") for r in sent.of("DeleteObjects")] == [1000, 1000, 500]
    assert all(b"<Quiet>true</Quiet>" in r.body for r in sent.of("DeleteObjects"))


def test_delete_objects_sends_each_key_once(s3: S3Service, bucket: str, sent: S3Requests) -> None:
    """Duplicate keys are sent once."""
    s3.delete_objects(bucket, ["a", "b", "a"])

    [request] = sent.of("DeleteObjects")
    assert request.body.count(b"<Object>") == 2


def test_delete_objects_with_no_keys_sends_nothing(s3: S3Service, sent: S3Requests) -> None:
    """No keys, no request."""
    assert s3.delete_objects("data", []) == []
    assert sent.sent == []


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("one-key", "keys must be"),
        (b"one-key", "keys must be"),
        (5, "keys must be"),
        (["ok", ""], "each of keys"),
        (["ok", 5], "keys must be"),
        (["ok", "é" * 513], "each of keys"),
    ],
)
def test_delete_objects_checks_every_key_first(
    s3: S3Service, sent: S3Requests, keys: list[str], message: str
) -> None:
    """A lone string, or one bad key anywhere, raises before the first request."""
    with pytest.raises(InvalidArgumentError, match=message):
        s3.delete_objects("data", keys)

    assert sent.sent == []


def test_delete_objects_in_a_missing_bucket_is_not_found(s3: S3Service) -> None:
    """A failure of the first request is the plain error: nothing was deleted."""
    with pytest.raises(NotFoundError):
        s3.delete_objects("no-such-bucket-here", ["a"])


def test_delete_object_in_a_versioned_bucket_leaves_a_marker(s3: S3Service, bucket: str) -> None:
    """delete_object hides a versioned object behind a delete marker."""
    s3.set_versioning(bucket, enabled=True)
    s3.put_object(bucket, "doc", b"1")

    s3.delete_object(bucket, "doc")

    assert s3.object_exists(bucket, "doc") is False
    versions = s3.client.list_object_versions(Bucket=bucket)
    assert len(versions.get("Versions", [])) == 1
    assert len(versions.get("DeleteMarkers", [])) == 1


# -- copy -----------------------------------------------------------------------------------


def test_copy_keeps_metadata(s3: S3Service, bucket: str) -> None:
    """A copy keeps the source's content type and metadata."""
    s3.put_object(bucket, "src", b"body", content_type="text/plain", metadata={"a": "1"})
    s3.create_bucket("other", region="eu-west-1")

    result = s3.copy_object(bucket, "src", "other", "dst")

    assert (result.bucket, result.key) == ("other", "dst")
    assert result.etag is not None
    assert result.last_modified is not None
    assert result.last_modified.tzinfo is UTC
    head = s3.head_object("other", "dst")
    assert (head.content_type, dict(head.metadata)) == ("text/plain", {"a": "1"})
    assert s3.get_object("other", "dst") == b"body"


def test_copy_replaces_metadata_when_given(s3: S3Service, bucket: str) -> None:
    """metadata= or content_type= replaces both (S3's REPLACE directive)."""
    s3.put_object(bucket, "src", b"body", content_type="text/plain", metadata={"a": "1"})

    s3.copy_object(bucket, "src", bucket, "new-meta", metadata={"b": "2"})
    s3.copy_object(bucket, "src", bucket, "new-type", content_type="application/json")

    assert dict(s3.head_object(bucket, "new-meta").metadata) == {"b": "2"}
    typed = s3.head_object(bucket, "new-type")
    assert typed.content_type == "application/json"
    assert dict(typed.metadata) == {}


def test_copy_of_a_missing_source_is_not_found(s3: S3Service, bucket: str) -> None:
    """Copying a key that does not exist is NotFoundError."""
    with pytest.raises(NotFoundError):
        s3.copy_object(bucket, "absent", bucket, "dst")
