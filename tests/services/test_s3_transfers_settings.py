"""S3Service's managed transfers, presigned URLs and bucket settings, through moto in-process."""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Literal

import pytest
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError
from s3_support import S3Requests

from awsfacade.errors import InvalidArgumentError, InvalidRequestError, NotFoundError
from awsfacade.s3 import (
    BucketEncryption,
    EncryptionRule,
    PublicAccessBlock,
    S3Service,
    VersioningStatus,
)
from awsfacade.s3._settings_models import ALL_USERS, AUTHENTICATED_USERS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from boto3.session import Session

MIB = 1024 * 1024


@pytest.fixture
def s3(aws_session: Session) -> S3Service:
    """An S3Service on the mocked session."""
    return S3Service(aws_session)


@pytest.fixture
def sent(s3: S3Service) -> S3Requests:
    """Every request the service's client sends from now on."""
    log = S3Requests()
    s3.client.meta.events.register("before-call.s3", log)
    return log


@pytest.fixture
def bucket(s3: S3Service) -> str:
    """An empty bucket."""
    s3.create_bucket("data")
    return "data"


# -- managed transfers ------------------------------------------------------------------------


def test_upload_and_download_a_file(s3: S3Service, bucket: str, tmp_path: Path) -> None:
    """A file goes up with its content type and metadata and comes back byte for byte."""
    source = tmp_path / "report.csv"
    source.write_bytes(b"a,b\n1,2\n")
    target = tmp_path / "copy.csv"

    s3.upload_file(source, bucket, "reports/r.csv", content_type="text/csv", metadata={"k": "v"})
    s3.download_file(bucket, "reports/r.csv", str(target))

    assert target.read_bytes() == b"a,b\n1,2\n"
    head = s3.head_object(bucket, "reports/r.csv")
    assert (head.content_type, dict(head.metadata)) == ("text/csv", {"k": "v"})


def test_large_transfers_are_multipart_with_progress(
    s3: S3Service, bucket: str, tmp_path: Path, sent: S3Requests
) -> None:
    """Above the threshold the transfer manager uploads parts; progress adds up to the size."""
    source = tmp_path / "big.bin"
    source.write_bytes(bytes(range(256)) * (6 * MIB // 256))
    config = TransferConfig(multipart_threshold=5 * MIB, multipart_chunksize=5 * MIB)
    uploaded: list[int] = []
    downloaded: list[int] = []

    s3.upload_file(source, bucket, "big", progress=uploaded.append, transfer_config=config)
    s3.download_file(
        bucket, "big", tmp_path / "back.bin", progress=downloaded.append, transfer_config=config
    )

    assert sent.count("CreateMultipartUpload") == 1
    assert sent.count("UploadPart") == 2
    assert sum(uploaded) == sum(downloaded) == 6 * MIB
    assert (tmp_path / "back.bin").read_bytes() == source.read_bytes()


def test_upload_to_a_missing_bucket_keeps_the_code_and_cause(s3: S3Service, tmp_path: Path) -> None:
    """boto3's S3UploadFailedError is unwrapped: NoSuchBucket is NotFoundError from ClientError."""
    source = tmp_path / "f.txt"
    source.write_bytes(b"x")

    with pytest.raises(NotFoundError) as raised:
        s3.upload_file(source, "no-such-bucket-here", "k")

    assert raised.value.code == "NoSuchBucket"
    assert raised.value.operation == "PutObject"
    assert isinstance(raised.value.__cause__, ClientError)


def test_download_of_a_missing_key_is_not_found(s3: S3Service, bucket: str, tmp_path: Path) -> None:
    """A missing key is NotFoundError (HeadObject's 404), and no file is left behind."""
    target = tmp_path / "nothing.bin"

    with pytest.raises(NotFoundError) as raised:
        s3.download_file(bucket, "absent", target)

    assert isinstance(raised.value.__cause__, ClientError)
    assert not target.exists()


def test_upload_of_a_missing_file_sends_nothing(
    s3: S3Service, sent: S3Requests, tmp_path: Path
) -> None:
    """A local file that does not exist raises InvalidArgumentError before any request."""
    with pytest.raises(InvalidArgumentError, match="not an existing file"):
        s3.upload_file(tmp_path / "absent.txt", "data", "k")
    with pytest.raises(InvalidArgumentError, match="not an existing file"):
        s3.upload_file(tmp_path, "data", "k")

    assert sent.sent == []


def test_download_needs_an_existing_folder(s3: S3Service, sent: S3Requests, tmp_path: Path) -> None:
    """The target's folder must exist and the target must not be a folder; checked first."""
    with pytest.raises(InvalidArgumentError, match="existing folder"):
        s3.download_file("data", "k", tmp_path / "missing" / "f.bin")
    with pytest.raises(InvalidArgumentError, match="existing folder"):
        s3.download_file("data", "k", tmp_path)

    assert sent.sent == []


@pytest.mark.parametrize("path", ["", 5, None])
def test_transfers_refuse_what_is_no_path(s3: S3Service, sent: S3Requests, path: str) -> None:
    """A path must be a non-empty str or PathLike."""
    with pytest.raises(InvalidArgumentError, match="path"):
        s3.upload_file(path, "data", "k")
    with pytest.raises(InvalidArgumentError, match="path"):
        s3.download_file("data", "k", path)

    assert sent.sent == []


def test_transfers_refuse_a_progress_that_is_not_callable(
    s3: S3Service, sent: S3Requests, tmp_path: Path
) -> None:
    """progress must be callable."""
    source = tmp_path / "f.txt"
    source.write_bytes(b"x")

    with pytest.raises(InvalidArgumentError, match="progress"):
        s3.upload_file(source, "data", "k", progress=5)  # type: ignore[arg-type]  # the point
    with pytest.raises(InvalidArgumentError, match="progress"):
        s3.download_file("data", "k", tmp_path / "g", progress="x")  # type: ignore[arg-type]  # the point

    assert sent.sent == []


def test_upload_checks_metadata_and_content_type(
    s3: S3Service, sent: S3Requests, tmp_path: Path
) -> None:
    """Metadata and content type of an upload are checked like put_object's."""
    source = tmp_path / "f.txt"
    source.write_bytes(b"x")

    with pytest.raises(InvalidArgumentError, match="content_type"):
        s3.upload_file(source, "data", "k", content_type="nonsense")
    with pytest.raises(InvalidArgumentError, match="metadata"):
        s3.upload_file(source, "data", "k", metadata={"k": "ü"})

    assert sent.sent == []


# -- presigned URLs -------------------------------------------------------------------------


def test_presigned_urls_are_sigv4_and_send_nothing(s3: S3Service, sent: S3Requests) -> None:
    """GET and PUT URLs are signed locally with SigV4 and carry the expiry."""
    get = s3.presigned_url("data", "a key", expires_in=60)
    put = s3.presigned_url("data", "a key", method="PUT", expires_in=604800)

    for url, seconds in ((get, "60"), (put, "604800")):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
        assert query["X-Amz-Expires"] == [seconds]
        assert "a%20key" in url
    assert get != put
    assert sent.sent == []


@pytest.mark.parametrize("expires_in", [0, -5, 604801, True, 1.5, "60"])
def test_presigned_url_expiry_is_checked(s3: S3Service, expires_in: int) -> None:
    """expires_in must be an int of 1 to 604,800 seconds (SigV4's 7 days)."""
    with pytest.raises(InvalidArgumentError, match="expires_in"):
        s3.presigned_url("data", "k", expires_in=expires_in)


@pytest.mark.parametrize("method", ["DELETE", "get", None])
def test_presigned_url_method_is_checked(s3: S3Service, method: Literal["GET"]) -> None:
    """Only GET and PUT URLs are made."""
    with pytest.raises(InvalidArgumentError, match="method"):
        s3.presigned_url("data", "k", method=method)


# -- bucket settings ------------------------------------------------------------------------


def test_versioning_from_never_to_enabled_to_suspended(s3: S3Service, bucket: str) -> None:
    """A new bucket's versioning is DISABLED (AWS sends no status), then Enabled, Suspended."""
    never = s3.bucket_versioning(bucket)
    assert never.status is VersioningStatus.DISABLED
    assert never.status_name is None
    assert never.enabled is False
    assert never.mfa_delete is False

    s3.set_versioning(bucket, enabled=True)
    enabled = s3.bucket_versioning(bucket)
    s3.set_versioning(bucket, enabled=False)
    suspended = s3.bucket_versioning(bucket)

    assert (enabled.status, enabled.status_name, enabled.enabled) == (
        VersioningStatus.ENABLED,
        "Enabled",
        True,
    )
    assert suspended.status is VersioningStatus.SUSPENDED
    assert suspended.status_name == "Suspended"


def test_set_versioning_needs_a_bool(s3: S3Service, sent: S3Requests) -> None:
    """enabled="false" is refused rather than read as true."""
    with pytest.raises(InvalidArgumentError, match="enabled"):
        s3.set_versioning("data", enabled="false")  # type: ignore[arg-type]  # the point

    assert sent.sent == []


def test_public_access_block_unset_and_set(s3: S3Service, bucket: str) -> None:
    """No configuration reads as four False flags, configured=False; a set one reads back."""
    assert s3.public_access_block(bucket) == PublicAccessBlock()
    assert s3.public_access_block(bucket).configured is False

    s3.client.put_public_access_block(
        Bucket=bucket,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": False,
        },
    )
    block = s3.public_access_block(bucket)

    assert block == PublicAccessBlock(
        block_public_acls=True,
        ignore_public_acls=True,
        block_public_policy=True,
        restrict_public_buckets=False,
        configured=True,
    )
    assert block.fully_blocked is False


@pytest.mark.parametrize(
    ("canned", "public_read", "public_write"),
    [
        ("private", False, False),
        ("public-read", True, False),
        ("authenticated-read", True, False),
    ],
)
def test_bucket_acl_public_flags(
    s3: S3Service,
    bucket: str,
    canned: Literal["private", "public-read", "authenticated-read"],
    public_read: bool,
    public_write: bool,
) -> None:
    """public_read/public_write follow AllUsers and AuthenticatedUsers grants."""
    s3.client.put_bucket_acl(Bucket=bucket, ACL=canned)

    acl = s3.bucket_acl(bucket)

    assert (acl.public_read, acl.public_write) == (public_read, public_write)
    assert acl.owner.id is not None
    owner_grants = [grant for grant in acl.grants if grant.grantee_id == acl.owner.id]
    assert [grant.permission for grant in owner_grants] == ["FULL_CONTROL"]
    assert owner_grants[0].grantee_type == "CanonicalUser"


@pytest.mark.parametrize(
    ("grant", "public_read", "public_write"),
    [
        ("write", False, True),
        ("full-control", True, True),
        ("read-acp", False, False),
    ],
)
def test_bucket_acl_explicit_grants(
    s3: S3Service, bucket: str, grant: str, public_read: bool, public_write: bool
) -> None:
    """WRITE or FULL_CONTROL to a public group is public write; READ_ACP is neither.

    moto's canned ``public-read-write`` reports only the READ grant, so grants are explicit.
    """
    owner = s3.bucket_acl(bucket).owner.id
    mine = f"id={owner}"
    if grant == "write":
        s3.client.put_bucket_acl(Bucket=bucket, GrantRead=mine, GrantWrite=f'uri="{ALL_USERS}"')
    elif grant == "full-control":
        everyone = f'uri="{AUTHENTICATED_USERS}"'
        s3.client.put_bucket_acl(Bucket=bucket, GrantRead=mine, GrantFullControl=everyone)
    else:
        s3.client.put_bucket_acl(Bucket=bucket, GrantRead=mine, GrantReadACP=f'uri="{ALL_USERS}"')

    acl = s3.bucket_acl(bucket)

    assert (acl.public_read, acl.public_write) == (public_read, public_write)
    assert any(
        g.uri in (ALL_USERS, AUTHENTICATED_USERS) and g.grantee_type == "Group" for g in acl.grants
    )


def test_bucket_encryption_set(s3: S3Service, bucket: str) -> None:
    """A KMS default-encryption rule reads back with its key and bucket-key flag."""
    s3.client.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": "alias/data",
                    },
                    "BucketKeyEnabled": True,
                }
            ]
        },
    )

    encryption = s3.bucket_encryption(bucket)

    assert encryption == BucketEncryption(
        rules=(
            EncryptionRule(algorithm="aws:kms", kms_key_id="alias/data", bucket_key_enabled=True),
        )
    )
    assert encryption.configured is True


def test_bucket_encryption_unset_in_moto(s3: S3Service, bucket: str) -> None:
    """moto has no default encryption (AWS: SSE-S3 on every bucket): it reads as no rules."""
    encryption = s3.bucket_encryption(bucket)

    assert encryption.rules == ()
    assert encryption.configured is False


def test_bucket_tags(s3: S3Service, bucket: str) -> None:
    """No tags (NoSuchTagSet) is an empty mapping; set tags read back; {} removes them."""
    assert s3.bucket_tags(bucket) == {}

    s3.set_bucket_tags(bucket, {"team": "data", "env": "prod"})
    tagged = s3.bucket_tags(bucket)
    s3.set_bucket_tags(bucket, {})

    assert tagged == {"team": "data", "env": "prod"}
    assert s3.bucket_tags(bucket) == {}


def test_set_bucket_tags_checks_tags(s3: S3Service, sent: S3Requests) -> None:
    """Tags are checked like everywhere else: aws: keys are reserved."""
    with pytest.raises(InvalidArgumentError, match="aws:"):
        s3.set_bucket_tags("data", {"aws:owner": "x"})

    assert sent.sent == []


def test_settings_of_a_missing_bucket_are_not_found(s3: S3Service) -> None:
    """NoSuchBucket is never mistaken for "no configuration"."""
    readers: list[Callable[[str], object]] = [
        s3.bucket_versioning,
        s3.public_access_block,
        s3.bucket_acl,
        s3.bucket_encryption,
        s3.bucket_tags,
    ]
    for read in readers:
        with pytest.raises(NotFoundError) as raised:
            read("no-such-bucket-here")
        assert raised.value.code == "NoSuchBucket"


@pytest.mark.parametrize("name", ["", None, "a/b"])
def test_settings_check_the_bucket_name(s3: S3Service, sent: S3Requests, name: str) -> None:
    """Each settings method checks its bucket name before any request."""
    readers: list[Callable[[str], object]] = [
        s3.bucket_versioning,
        s3.public_access_block,
        s3.bucket_acl,
        s3.bucket_encryption,
        s3.bucket_tags,
        lambda bucket: s3.set_bucket_tags(bucket, {}),
        lambda bucket: s3.set_versioning(bucket, enabled=True),
    ]
    for read in readers:
        with pytest.raises(InvalidArgumentError, match="name"):
            read(name)

    assert sent.sent == []


def test_invalid_request_from_aws(s3: S3Service, bucket: str) -> None:
    """A request AWS rejects (copying an object onto itself unchanged) is InvalidRequestError."""
    s3.put_object(bucket, "same", b"x")

    with pytest.raises(InvalidRequestError):
        s3.copy_object(bucket, "same", bucket, "same")
