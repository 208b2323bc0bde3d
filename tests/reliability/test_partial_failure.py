"""Many-step operations that fail half-way report exactly what was and was not done, and what
AWS (moto) then holds agrees: what is reported done is gone, what is not done remains.

Already proven with Stubber or answered batches (their lists, not moto's state):
tests/services/test_s3_stubbed.py (per-key errors, a failing listing or page, DeleteBucket
failing after the emptying), test_route53_stubbed.py (ChangeBatchError's fields, a forced
delete whose first batch or zone delete fails), test_iam_force.py (one failing step of
delete_user and delete_role each), tests/fanout/test_fanout.py (assume-role and work
failures of some targets). Here each failure lets the earlier steps really happen in moto.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from faults_support import fail_call
from support import error_answer

from awsfacade.errors import (
    AlreadyExistsError,
    PartialFailureError,
    ServiceError,
    ThrottledError,
)
from awsfacade.fanout import Failure, Success, Target, fan_out, targets
from awsfacade.route53 import ChangeBatchError, RecordChange, RecordSet, Route53Service
from awsfacade.s3 import S3Service
from awsfacade.s3._buckets import version_step

if TYPE_CHECKING:
    from boto3.session import Session

    from awsfacade.iam import IamService

ACCOUNT = "123456789012"  # moto's own account

# -- S3 ----------------------------------------------------------------------------------------


def _remaining_keys(s3: S3Service, bucket: str) -> set[str]:
    return {item.key for item in s3.objects(bucket)}


def test_delete_objects_whose_second_batch_fails(s3_service: S3Service) -> None:
    """2,500 keys, the second DeleteObjects failing: done is the first 1,000 keys, not done
    the other 1,500, and of the objects that existed exactly the done ones are gone."""
    s3_service.create_bucket("many")
    keys = [f"k{index:04}" for index in range(2500)]
    existing = keys[::97] + keys[995:1005] + keys[-3:]  # some of each batch, both edges
    for key in existing:
        s3_service.client.put_object(Bucket="many", Key=key, Body=b"")
    fail_call(s3_service.client, "DeleteObjects", error_answer("SlowDown", status=503), nth=2)

    with pytest.raises(PartialFailureError) as raised:
        s3_service.delete_objects("many", keys)

    error = raised.value
    assert error.done == tuple(keys[:1000])
    assert error.not_done == tuple(keys[1000:])
    assert isinstance(error.error, ThrottledError)
    remaining = _remaining_keys(s3_service, "many")
    assert remaining == {key for key in existing if key >= keys[1000]}
    assert remaining.isdisjoint(error.done)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """delete_bucket(force=True) lists and deletes 4 versions a round (AWS's 1,000 would
    need thousands of objects in moto; the paging is the same)."""
    monkeypatch.setattr("awsfacade.s3._buckets.PAGE_SIZE", 4)
    monkeypatch.setattr("awsfacade.s3._buckets.BATCH", 4)
    return 4


def _versions(s3: S3Service, bucket: str) -> set[str]:
    """Every version and delete marker of ``bucket``, named as PartialFailureError names them."""
    page = s3.client.list_object_versions(Bucket=bucket)
    entries = [*page.get("Versions", []), *page.get("DeleteMarkers", [])]
    return {version_step(item.get("Key", ""), item.get("VersionId")) for item in entries}


@pytest.mark.parametrize(
    ("operation", "nth", "deleted"), [("DeleteObjects", 2, 4), ("DeleteBucket", 1, 11)]
)
def test_force_delete_of_a_versioned_bucket_failing_part_way(
    s3_service: S3Service, small_pages: int, operation: str, nth: int, deleted: int
) -> None:
    """A forced delete failing at its second batch, or at the bucket itself: the versions
    reported done are gone, those not done remain, and so does the bucket."""
    s3_service.create_bucket("versioned")
    s3_service.client.put_bucket_versioning(
        Bucket="versioned", VersioningConfiguration={"Status": "Enabled"}
    )
    for index in range(5):
        s3_service.put_object("versioned", f"k{index}", b"1")
        s3_service.put_object("versioned", f"k{index}", b"2")
    s3_service.delete_object("versioned", "k0")  # a delete marker
    before = _versions(s3_service, "versioned")
    assert len(before) == 11
    fail_call(s3_service.client, operation, error_answer("InternalError", status=500), nth)

    with pytest.raises(PartialFailureError) as raised:
        s3_service.delete_bucket("versioned", force=True)

    error = raised.value
    *versions_left, bucket = error.not_done
    assert bucket == "versioned"
    assert len(error.done) == deleted
    after = _versions(s3_service, "versioned")
    assert after == before - set(error.done)
    assert set(versions_left) <= after
    assert s3_service.bucket_exists("versioned")


# -- Route53 -------------------------------------------------------------------------------------


def _records(count: int) -> list[RecordChange]:
    return [
        RecordChange(
            action="CREATE",
            record=RecordSet(
                name=f"h{index}.example.com.", type="A", ttl=60, values=("192.0.2.1",)
            ),
        )
        for index in range(count)
    ]


def _names(route53: Route53Service, zone_id: str) -> set[str]:
    """The names of the zone's records other than its own SOA and NS."""
    return {record.name for record in route53.records(zone_id) if record.type not in {"SOA", "NS"}}


def _second_batch_fails(route53: Route53Service, code: str) -> None:
    fail_call(route53.client, "ChangeResourceRecordSets", error_answer(code), nth=2)


def test_change_batches_whose_second_fails(route53_service: Route53Service) -> None:
    """1,500 changes, the second batch failing: the applied changes are exactly the records
    the zone holds, none of the others is there."""
    zone = route53_service.create_hosted_zone("example.com")
    wanted = _records(1500)
    _second_batch_fails(route53_service, "InvalidChangeBatch")

    with pytest.raises(ChangeBatchError) as raised:
        route53_service.change_records(zone.id, wanted)

    error = raised.value
    applied = len(error.applied)
    assert 0 < applied < 1500
    assert error.applied == tuple(wanted[:applied])
    assert error.not_applied == tuple(wanted[applied:])
    assert len(error.change_ids) == 1
    assert _names(route53_service, zone.id) == {change.record.name for change in error.applied}


def test_forced_zone_delete_whose_second_batch_fails(route53_service: Route53Service) -> None:
    """A forced delete of a zone of 1,200 records whose second batch of deletes fails: the
    records reported deleted are gone, the others and the zone remain."""
    zone = route53_service.create_hosted_zone("example.com")
    route53_service.change_records(zone.id, _records(1200))
    _second_batch_fails(route53_service, "PriorRequestNotComplete")

    with pytest.raises(PartialFailureError) as raised:
        route53_service.delete_hosted_zone(zone.id, force=True)

    error = raised.value
    *records_left, last = error.not_done
    assert last == f"hosted zone {zone.id}"
    assert len(error.done) + len(records_left) == 1200
    assert 0 < len(error.done) < 1200
    left = _names(route53_service, zone.id)
    assert {f"DELETE {name} A" for name in left} == set(records_left)
    assert route53_service.hosted_zone(zone.id).id == zone.id


# -- IAM -----------------------------------------------------------------------------------------

POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}


def _loaded_user(iam: IamService) -> None:
    """alice with a login profile, two keys, a virtual MFA device, an inline and an attached
    policy and two groups."""
    client = iam.client
    iam.create_user("alice")
    client.create_login_profile(UserName="alice", Password="Correct-Horse-9")
    iam.create_access_key("alice")
    iam.create_access_key("alice")
    device = client.create_virtual_mfa_device(VirtualMFADeviceName="phone")["VirtualMFADevice"]
    client.enable_mfa_device(
        UserName="alice",
        SerialNumber=device["SerialNumber"],
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )
    client.put_user_policy(UserName="alice", PolicyName="inline", PolicyDocument=json.dumps(POLICY))
    policy = iam.create_policy("read", document=POLICY)
    iam.attach_user_policy(user="alice", policy_arn=policy.arn)
    for group in ("devs", "ops"):
        iam.create_group(group)
        iam.add_user_to_group(user="alice", group=group)


def _user_steps(iam: IamService) -> set[str]:
    """What alice still has, named as delete_user's steps are."""
    client = iam.client
    users = {user.name for user in iam.users()}
    if "alice" not in users:
        return set()
    held = {"user alice"}
    try:
        client.get_login_profile(UserName="alice")
        held.add("login profile")
    except client.exceptions.NoSuchEntityException:
        pass
    held |= {f"access key {key.id}" for key in iam.access_keys("alice")}
    devices = client.list_mfa_devices(UserName="alice")["MFADevices"]
    held |= {f"MFA device {device['SerialNumber']}" for device in devices}
    virtual = client.list_virtual_mfa_devices()["VirtualMFADevices"]
    held |= {f"virtual MFA device {device['SerialNumber']}" for device in virtual}
    held |= {
        f"inline policy {name}"
        for name in client.list_user_policies(UserName="alice")["PolicyNames"]
    }
    held |= {f"attached policy {p.arn}" for p in iam.attached_user_policies("alice")}
    held |= {f"membership of group {g.name}" for g in iam.groups_for_user("alice")}
    return held


@pytest.mark.parametrize(
    ("operation", "nth"),
    [
        ("DeleteAccessKey", 2),
        ("DeleteVirtualMFADevice", 1),
        ("DetachUserPolicy", 1),
        ("RemoveUserFromGroup", 2),
        ("DeleteUser", 1),
    ],
)
def test_forced_user_delete_failing_at_each_kind_of_step(
    iam_service: IamService, operation: str, nth: int
) -> None:
    """Whichever step fails, the steps reported done are gone, those not done are all still
    there (the user last), and together they are everything the user had."""
    _loaded_user(iam_service)
    before = _user_steps(iam_service)
    failing = fail_call(
        iam_service.client, operation, error_answer("ServiceFailure", status=500), nth
    )

    with pytest.raises(PartialFailureError) as raised:
        iam_service.delete_user("alice", force=True)

    error = raised.value
    assert failing.calls == nth
    assert error.not_done[-1] == "user alice"
    assert set(error.done) | set(error.not_done) == before
    assert _user_steps(iam_service) == set(error.not_done)
    assert type(error.error) is ServiceError


# -- fan-out -------------------------------------------------------------------------------------

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]


def test_fan_out_of_a_change_failing_in_some_targets(aws_session: Session) -> None:
    """A bucket created in each of four regions, one of which the caller already owns: one
    Failure there, whose bucket is left as it was, and a Success with its bucket elsewhere."""
    S3Service(aws_session).create_bucket("fan-eu-west-1", region="eu-west-1")
    S3Service(aws_session).put_object("fan-eu-west-1", "kept", b"")

    def create(session: Session, target: Target) -> str | None:
        bucket = S3Service(session, region=target.region).create_bucket(f"fan-{target.region}")
        return bucket.region

    plan = targets(accounts=[ACCOUNT], regions=REGIONS, role_name=None)
    outcomes = list(fan_out(plan, create, session=aws_session))

    done = {o.target.region: o.value for o in outcomes if isinstance(o, Success)}
    failed = {o.target.region: o for o in outcomes if isinstance(o, Failure)}
    assert len(outcomes) == len(REGIONS)
    assert done == {region: region for region in REGIONS if region != "eu-west-1"}
    assert set(failed) == {"eu-west-1"}
    assert failed["eu-west-1"].stage == "work"
    assert isinstance(failed["eu-west-1"].error, AlreadyExistsError)
    s3 = S3Service(aws_session)
    assert {bucket.name for bucket in s3.buckets(prefix="fan-")} == {
        f"fan-{region}" for region in REGIONS
    }
    for region in REGIONS:
        location = s3.client.get_bucket_location(Bucket=f"fan-{region}")
        assert (location.get("LocationConstraint") or "us-east-1") == region
    assert [item.key for item in s3.objects("fan-eu-west-1")] == ["kept"]
