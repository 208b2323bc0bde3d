"""S3 models, argument checks and the S3-compatible config, without AWS or moto."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import attrs
import pytest

from awsfacade.errors import InvalidArgumentError, UnexpectedResponseError
from awsfacade.s3 import (
    Bucket,
    BucketAcl,
    FailedKeys,
    Grant,
    ObjectError,
    Owner,
    PublicAccessBlock,
    S3Object,
    VersioningStatus,
    compatible_config,
)
from awsfacade.s3._buckets import version_step
from awsfacade.s3._checks import check_bucket_name, check_keys
from awsfacade.s3._settings_models import ALL_USERS, AUTHENTICATED_USERS

WHEN = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


def _group_grant(uri: str, permission: str) -> Grant:
    return Grant(permission=permission, grantee_type="Group", uri=uri)


@pytest.mark.parametrize(
    ("grants", "public_read", "public_write"),
    [
        ((), False, False),
        (
            (Grant(permission="FULL_CONTROL", grantee_type="CanonicalUser", grantee_id="me"),),
            False,
            False,
        ),
        ((_group_grant(ALL_USERS, "READ"),), True, False),
        ((_group_grant(ALL_USERS, "WRITE"),), False, True),
        ((_group_grant(ALL_USERS, "FULL_CONTROL"),), True, True),
        ((_group_grant(AUTHENTICATED_USERS, "FULL_CONTROL"),), True, True),
        ((_group_grant(AUTHENTICATED_USERS, "READ_ACP"),), False, False),
        ((_group_grant(ALL_USERS, "WRITE_ACP"),), False, True),
        ((_group_grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE"),), False, False),
    ],
)
def test_acl_public_flags(grants: tuple[Grant, ...], public_read: bool, public_write: bool) -> None:
    """Only AllUsers/AuthenticatedUsers grants make it public: READ or FULL_CONTROL to read,
    WRITE, WRITE_ACP (which can grant itself WRITE) or FULL_CONTROL to write; READ_ACP
    (reading the ACL, not the objects) neither."""
    acl = BucketAcl(owner=Owner(id="me"), grants=grants)

    assert (acl.public_read, acl.public_write) == (public_read, public_write)


def test_acl_from_aws_tolerates_sparse_grants() -> None:
    """A grant without grantee or permission is kept with empty strings, never an error."""
    acl = BucketAcl._from_boto(  # pyright: ignore[reportPrivateUsage] - the converter alone
        {
            "Owner": {"ID": "me", "DisplayName": "Me"},
            "Grants": [
                {},
                {
                    "Grantee": {"Type": "AmazonCustomerByEmail", "EmailAddress": "a@b.c"},
                    "Permission": "READ",
                },
            ],
            "ResponseMetadata": {
                "RequestId": "r",
                "HTTPStatusCode": 200,
                "HTTPHeaders": {},
                "RetryAttempts": 0,
                "HostId": "",
            },
        }
    )

    assert acl.owner == Owner(id="me", display_name="Me")
    assert acl.grants[0] == Grant(permission="", grantee_type="")
    assert acl.grants[1].email == "a@b.c"
    assert acl.public_read is False


def test_versioning_status_parse() -> None:
    """Known statuses parse; a status AWS adds later is UNKNOWN rather than an error."""
    assert VersioningStatus("Enabled") is VersioningStatus.ENABLED
    assert VersioningStatus("Suspended") is VersioningStatus.SUSPENDED
    assert VersioningStatus("Paused") is VersioningStatus.UNKNOWN


def test_public_access_block_fully_blocked() -> None:
    """fully_blocked needs all four flags."""
    assert PublicAccessBlock().fully_blocked is False
    everything = PublicAccessBlock(
        block_public_acls=True,
        ignore_public_acls=True,
        block_public_policy=True,
        restrict_public_buckets=True,
        configured=True,
    )
    assert everything.fully_blocked is True
    assert attrs.evolve(everything, block_public_policy=False).fully_blocked is False


def test_models_are_frozen_and_hashable() -> None:
    """Models cannot be changed and can be set members; metadata is an immutable mapping."""
    item = S3Object(
        bucket="b", key="k", size=1, last_modified=WHEN, etag='"e"', metadata={"a": "1"}
    )

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        item.size = 2  # type: ignore[misc]  # frozen is the point
    assert len({item, attrs.evolve(item)}) == 1
    assert item.metadata == {"a": "1"}


def test_bucket_without_a_name_is_unexpected() -> None:
    """A ListBuckets entry without Name is UnexpectedResponseError naming the field."""
    with pytest.raises(UnexpectedResponseError, match="Name"):
        Bucket._from_boto({"CreationDate": WHEN})  # pyright: ignore[reportPrivateUsage] - the converter alone


def test_failed_keys_is_a_list_with_reasons() -> None:
    """FailedKeys compares as the list of keys and maps each to its error."""
    error = ObjectError(key="a", code="AccessDenied")
    failed = FailedKeys({"a": error})

    assert failed == ["a"]
    assert failed.errors == {"a": error}
    assert FailedKeys() == []
    assert FailedKeys().errors == {}
    assert repr(failed) == f"FailedKeys(['a'], errors=[{error!r}])"


def test_version_step_names_versions() -> None:
    """Steps of a forced delete name the key, and the version unless it is S3's "null"."""
    assert version_step("k", None) == "k"
    assert version_step("k", "null") == "k"
    assert version_step("k", "v1") == "k?versionId=v1"


@pytest.mark.parametrize("name", ["1.2.3.4", "255.255.255.255"])
def test_ip_addresses_are_no_bucket_names(name: str) -> None:
    """A bucket name shaped like an IPv4 address is refused."""
    with pytest.raises(InvalidArgumentError, match="IP address"):
        check_bucket_name(name)


def test_check_keys_keeps_order_without_duplicates() -> None:
    """Keys are checked, de-duplicated and kept in the order given."""
    assert check_keys(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]


def test_compatible_config_turns_checksums_to_when_required() -> None:
    """The S3-compatible config asks for checksums only when required, and path-style URLs."""
    config = compatible_config()
    virtual = compatible_config(path_style=False)

    assert config.request_checksum_calculation == "when_required"  # type: ignore[attr-defined]  # botocore-stubs declare no Config attributes
    assert config.response_checksum_validation == "when_required"  # type: ignore[attr-defined]  # as above
    assert config.s3 == {"addressing_style": "path"}  # type: ignore[attr-defined]  # as above
    assert virtual.request_checksum_calculation == "when_required"  # type: ignore[attr-defined]  # as above
    assert virtual.s3 == {"addressing_style": "virtual"}  # type: ignore[attr-defined]  # as above


def test_compatible_config_needs_a_bool() -> None:
    """path_style="no" is refused rather than read as true."""
    with pytest.raises(InvalidArgumentError, match="path_style"):
        compatible_config(path_style="no")  # type: ignore[arg-type]  # the wrong type is the point


def test_failed_keys_pickle() -> None:
    """FailedKeys survives pickling (for multiprocessing) with its errors."""
    failed = FailedKeys({"a": ObjectError(key="a", code="AccessDenied")})

    copy = pickle.loads(pickle.dumps(failed))

    assert copy == ["a"]
    assert copy.errors == failed.errors
