"""S3Service through moto's HTTP server (tests/conftest.py): real HTTP requests, XML
answers and errors, presigned URLs fetched with urllib, and the S3-compatible-store config."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from support import answer_first, http_answer

from awsfacade.errors import InUseError, NotFoundError
from awsfacade.s3 import CommonPrefix, S3Service, compatible_config
from awsfacade.testing import fake_environment, new_session

if TYPE_CHECKING:
    from pathlib import Path

    from botocore.awsrequest import AWSPreparedRequest
    from botocore.config import Config


@pytest.fixture
def environment() -> Iterator[None]:
    """Fake credentials and no proxy for loopback, for the test's duration."""
    with fake_environment("us-east-1"):
        yield


@pytest.fixture
def wire_s3(fresh_moto_url: str, environment: None) -> S3Service:
    """An S3Service talking HTTP to the moto server, whose state starts empty."""
    del environment
    return S3Service(new_session("us-east-1"), endpoint_url=fresh_moto_url)


class Sent:
    """The HTTP requests a client puts on the wire (``before-send``): URL and headers."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> None:
        headers = {str(name).lower(): str(value) for name, value in request.headers.items()}
        self.requests.append((request.url or "", headers))


def _record(service: S3Service, operation: str) -> Sent:
    sent = Sent()
    service.client.meta.events.register(f"before-send.s3.{operation}", sent)
    return sent


def _direct() -> urllib.request.OpenerDirector:
    """urllib without proxies: the fake environment sends everything else to a closed port."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def test_buckets_and_objects_over_http(wire_s3: S3Service, moto_url: str) -> None:
    """Create, list, put, head, get and list objects, all parsed from the server's XML."""
    assert wire_s3.client.meta.endpoint_url == moto_url
    made = wire_s3.create_bucket("wire-data")
    wire_s3.put_object("wire-data", "dir/a.txt", "A", content_type="text/plain")
    wire_s3.put_object("wire-data", "top.txt", b"T", metadata={"owner": "me"})

    assert [bucket.name for bucket in wire_s3.buckets()] == [made.name]
    assert wire_s3.bucket_exists("wire-data") is True
    assert wire_s3.bucket_exists("not-on-the-server") is False
    assert wire_s3.get_object("wire-data", "dir/a.txt") == b"A"
    assert b"".join(wire_s3.stream_object("wire-data", "top.txt")) == b"T"
    assert dict(wire_s3.head_object("wire-data", "top.txt").metadata) == {"owner": "me"}
    listed = list(wire_s3.objects("wire-data", delimiter="/"))
    assert listed[0] == CommonPrefix(bucket="wire-data", prefix="dir/")
    assert [entry.key for entry in listed[1:]] == ["top.txt"]  # type: ignore[union-attr]  # S3Object


def test_bucket_in_another_region_over_http(wire_s3: S3Service) -> None:
    """A bucket made through the eu-west-1 client carries its LocationConstraint to the server."""
    wire_s3.create_bucket("wire-far", region="eu-west-1")

    location = wire_s3.client.get_bucket_location(Bucket="wire-far")
    assert location.get("LocationConstraint") == "eu-west-1"


def test_errors_over_http(wire_s3: S3Service) -> None:
    """NoSuchKey, the bare 404 of HeadObject and BucketNotEmpty parse into awsfacade errors."""
    wire_s3.create_bucket("wire-errors")
    wire_s3.put_object("wire-errors", "k", b"")

    with pytest.raises(NotFoundError) as no_key:
        wire_s3.get_object("wire-errors", "absent")
    with pytest.raises(NotFoundError) as bare:
        wire_s3.head_object("wire-errors", "absent")
    with pytest.raises(InUseError):
        wire_s3.delete_bucket("wire-errors")

    assert no_key.value.code == "NoSuchKey"
    assert no_key.value.request_id is not None
    assert bare.value.code == "404"


def test_batch_and_forced_deletes_over_http(wire_s3: S3Service) -> None:
    """delete_objects and delete_bucket(force=True) work on the server's versioned bucket."""
    wire_s3.create_bucket("wire-versions")
    wire_s3.set_versioning("wire-versions", enabled=True)
    for number in range(5):
        wire_s3.put_object("wire-versions", f"k{number}", b"1")
        wire_s3.put_object("wire-versions", f"k{number}", b"2")

    assert wire_s3.delete_objects("wire-versions", ["k0", "k1"]) == []
    wire_s3.delete_bucket("wire-versions", force=True)

    assert wire_s3.bucket_exists("wire-versions") is False


def test_transfers_over_http(wire_s3: S3Service, tmp_path: Path) -> None:
    """upload_file and download_file move a file through the transfer manager over HTTP."""
    wire_s3.create_bucket("wire-files")
    source = tmp_path / "up.bin"
    source.write_bytes(b"\x00" * 4096)
    progress: list[int] = []

    wire_s3.upload_file(source, "wire-files", "up.bin", progress=progress.append)
    wire_s3.download_file("wire-files", "up.bin", tmp_path / "down.bin")

    assert sum(progress) == 4096
    assert (tmp_path / "down.bin").read_bytes() == source.read_bytes()


def test_presigned_get_and_put_with_urllib(wire_s3: S3Service) -> None:
    """A presigned PUT uploads without credentials and a presigned GET downloads it."""
    wire_s3.create_bucket("wire-shared")
    put_url = wire_s3.presigned_url("wire-shared", "shared.txt", method="PUT", expires_in=300)
    get_url = wire_s3.presigned_url("wire-shared", "shared.txt", expires_in=300)

    # urllib would label the body a form (application/x-www-form-urlencoded), which moto
    # parses as one: say what it is, as any real uploader does.
    upload = urllib.request.Request(
        put_url,
        data=b"via presigned PUT",
        method="PUT",
        headers={"Content-Type": "application/octet-stream"},
    )
    with _direct().open(upload, timeout=30) as response:
        assert response.status == 200
    with _direct().open(get_url, timeout=30) as response:
        body = response.read()

    assert body == b"via presigned PUT"
    assert wire_s3.get_object("wire-shared", "shared.txt") == b"via presigned PUT"


def test_presigned_get_of_a_missing_key_is_404(wire_s3: S3Service) -> None:
    """Presigning does not check the key: the holder of the URL gets S3's 404."""
    wire_s3.create_bucket("wire-shared")
    url = wire_s3.presigned_url("wire-shared", "absent.txt")

    with pytest.raises(urllib.error.HTTPError) as raised:
        _direct().open(url, timeout=30)

    assert raised.value.code == 404
    raised.value.close()


def test_default_config_sends_a_crc32_checksum(wire_s3: S3Service) -> None:
    """botocore's default since 1.36: PutObject carries x-amz-checksum-crc32."""
    wire_s3.create_bucket("wire-sums")
    sent = _record(wire_s3, "PutObject")

    wire_s3.put_object("wire-sums", "k", b"payload")

    [(_, headers)] = sent.requests
    assert "x-amz-checksum-crc32" in headers


def test_compatible_config_sends_no_checksum_and_path_style(
    fresh_moto_url: str, environment: None
) -> None:
    """compatible_config(): PutObject has no CRC32 header, the URL is endpoint/bucket/key, and
    the object still round-trips through the server."""
    del environment
    store = S3Service(
        new_session("us-east-1"), endpoint_url=fresh_moto_url, config=compatible_config()
    )
    store.create_bucket("wire-store")
    put = _record(store, "PutObject")
    get = _record(store, "GetObject")

    store.put_object("wire-store", "dir/k.txt", b"payload")

    assert store.get_object("wire-store", "dir/k.txt") == b"payload"
    [(url, headers)] = put.requests
    assert url == f"{fresh_moto_url}/wire-store/dir/k.txt"
    assert not any(name.startswith("x-amz-checksum") for name in headers)
    assert "x-amz-sdk-checksum-algorithm" not in headers
    [(_, get_headers)] = get.requests
    assert "x-amz-checksum-mode" not in get_headers


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (compatible_config(), "https://store.example/media/k"),
        (compatible_config(path_style=False), "https://media.store.example/k"),
    ],
)
def test_addressing_style_on_a_named_host(environment: None, config: Config, expected: str) -> None:
    """path_style picks endpoint/bucket/key or bucket.endpoint/key for a store's host name."""
    del environment
    store = S3Service(new_session(), endpoint_url="https://store.example", config=config)
    sent = _record(store, "PutObject")
    # The host does not exist: a bare 200 answers in its place, after the URL was recorded.
    ok = http_answer("https://store.example/", 200)
    answer_first(store.client, "before-send.s3.PutObject", ok)

    store.put_object("media", "k", b"x")

    [(url, _)] = sent.requests
    assert url == expected
