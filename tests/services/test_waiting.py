"""Waits and progress across the services: each poll and each step reported as a `Progress`,
waits ending at their deadline with the last thing seen, and a callback that raises stopping
the operation where it is.

The waits run on moto with `Realism(transitions=True)`, which shows AWS's intermediate states
(2 reads each), so the reports of a wait are known exactly; many-step operations run on moto.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from support import Requests, WaitClock

import awsfacade._waiting as waiting
from awsfacade import Progress, ProgressCallback
from awsfacade.ec2 import Ec2Service, InstanceState
from awsfacade.errors import InvalidArgumentError, WaitTimeoutError
from awsfacade.rds import DbInstanceStatus, RdsService
from awsfacade.route53 import ChangeStatus, RecordChange, RecordSet, Route53Service
from awsfacade.testing import Realism

if TYPE_CHECKING:
    from awsfacade.autoscaling import AutoScalingService
    from awsfacade.iam import IamService
    from awsfacade.s3 import S3Service

IMAGE = "ami-12c6146b"
TRANSITIONS = pytest.mark.aws_realism(Realism(transitions=True))


class Reports(list[Progress]):
    """An `on_progress` callback that keeps every report."""

    def __call__(self, progress: Progress) -> None:
        self.append(progress)

    @property
    def messages(self) -> list[str]:
        """What each report said."""
        return [report.message for report in self]

    @property
    def counts(self) -> list[tuple[int, int | None]]:
        """Each report's `done` and `total`."""
        return [(report.done, report.total) for report in self]


class CancelledError(Exception):
    """What a callback raises to stop an operation."""


def cancel_after(reports: int) -> ProgressCallback:
    """A callback that raises `CancelledError` on its `reports`-th report."""
    heard: list[Progress] = []

    def listen(progress: Progress) -> None:
        heard.append(progress)
        if len(heard) == reports:
            raise CancelledError(progress.message)

    return listen


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> WaitClock:
    """The waits' clock, moving only when a wait sleeps."""
    fake = WaitClock()
    monkeypatch.setattr(waiting, "time", fake)
    return fake


# -- waits: one report a poll -----------------------------------------------------------------


@TRANSITIONS
def test_ec2_wait_reports_each_poll_until_every_instance_runs(
    ec2_service: Ec2Service, clock: WaitClock
) -> None:
    """Each poll reports how many instances are in the state and what the others are; the
    last report is the one that found them all there."""
    [first] = ec2_service.run(image_id=IMAGE)
    ec2_service.wait_until([first.id], "running", poll_interval=1)
    [second] = ec2_service.run(image_id=IMAGE)
    reports = Reports()

    running = ec2_service.wait_until(
        [first.id, second.id], "running", timeout=60, poll_interval=1, on_progress=reports
    )

    assert [instance.state for instance in running] == [InstanceState.RUNNING] * 2
    assert reports.messages == [
        "1 of 2 instances running (1 pending)",
        "1 of 2 instances running (1 pending)",
        "2 of 2 instances running",
    ]
    assert reports.counts == [(1, 2), (1, 2), (2, 2)]
    assert {report.timeout for report in reports} == {60}


@TRANSITIONS
def test_rds_waits_report_each_status(rds_service: RdsService, clock: WaitClock) -> None:
    """The DB instance's status, poll by poll: 1 of 1 done once available, then once RDS no
    longer knows it (the one wait that returns no model)."""
    rds_service.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin1",
        master_password="password-of-16-chars",
    )
    created = Reports()
    available = rds_service.wait_until_available("db1", poll_interval=1, on_progress=created)
    rds_service.delete_instance("db1", skip_final_snapshot=True)
    deleted = Reports()
    rds_service.wait_until_deleted("db1", poll_interval=1, on_progress=deleted)

    assert available.status is DbInstanceStatus.AVAILABLE
    assert created.messages == ["creating", "creating", "backing-up", "backing-up", "available"]
    assert created.counts[-1] == (1, 1)
    assert deleted.messages == ["deleting", "deleting", "deleted"]
    assert deleted.counts == [(0, 1), (0, 1), (1, 1)]


@TRANSITIONS
def test_autoscaling_wait_reports_instances_in_service(
    autoscaling_service: AutoScalingService, clock: WaitClock
) -> None:
    """The InService instances of the desired capacity, poll by poll."""
    autoscaling_service.create_launch_configuration("lc", image_id=IMAGE, instance_type="t3.micro")
    autoscaling_service.create_group(
        "web",
        min_size=2,
        max_size=2,
        launch_configuration="lc",
        availability_zones=["us-east-1a"],
    )
    reports = Reports()

    group = autoscaling_service.wait_until_in_service("web", poll_interval=1, on_progress=reports)

    assert group.at_desired_capacity
    assert reports.messages[0] == "0 of 2 instances InService, desired capacity 2"
    assert reports.messages[-1] == "2 of 2 instances InService, desired capacity 2"
    assert reports.counts[-1] == (2, 2)


@TRANSITIONS
def test_route53_wait_returns_the_change_in_sync(
    route53_service: Route53Service, clock: WaitClock
) -> None:
    """The change's status, poll by poll; the wait returns the change as the last poll saw
    it, its id without ``/change/``."""
    zone = route53_service.create_hosted_zone("example.com")
    change_id = route53_service.upsert_record(
        zone.id, RecordSet(name="www.example.com", type="A", ttl=60, values=["192.0.2.1"])
    )
    reports = Reports()

    change = route53_service.wait_until_change_in_sync(
        f"/change/{change_id}", poll_interval=1, on_progress=reports
    )

    assert (change.id, change.status, change.status_name) == (
        change_id,
        ChangeStatus.INSYNC,
        "INSYNC",
    )
    assert reports.messages == ["PENDING", "PENDING", "INSYNC"]
    assert reports.counts == [(0, 1), (0, 1), (1, 1)]


# -- waits: the deadline ---------------------------------------------------------------------


def test_a_wait_that_times_out_names_what_it_last_reported(
    ec2_service: Ec2Service, clock: WaitClock
) -> None:
    """The timeout's message ends with the last report's words; the last sleep ends at the
    deadline, never past it, and one more poll is made there."""
    [instance] = ec2_service.run(image_id=IMAGE)
    reports = Reports()

    with pytest.raises(WaitTimeoutError) as raised:
        ec2_service.wait_until(
            [instance.id], "stopped", timeout=2.5, poll_interval=1, on_progress=reports
        )

    assert clock.sleeps == [1, 1, 0.5]
    assert len(reports) == 4
    assert str(raised.value).endswith(f"last seen: {reports.messages[-1]}")
    assert reports.messages[-1] == "0 of 1 instances stopped (1 running)"


# -- a callback that raises -------------------------------------------------------------------


def test_a_callback_that_raises_stops_the_wait(
    ec2_service: Ec2Service, requests_sent: Requests, clock: WaitClock
) -> None:
    """Its exception reaches the caller unchanged and no further poll is sent."""
    [instance] = ec2_service.run(image_id=IMAGE)
    requests_sent.clear()

    with pytest.raises(CancelledError):
        ec2_service.wait_until(
            [instance.id], "stopped", poll_interval=1, on_progress=cancel_after(2)
        )

    assert requests_sent.count("DescribeInstances") == 2


def test_a_callback_that_raises_stops_a_batched_delete(
    s3_service: S3Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first batch, nothing more is deleted: the rest are still there."""
    monkeypatch.setattr("awsfacade.s3._objects.BATCH", 4)
    s3_service.create_bucket("my-logs")
    keys = [f"k{number}" for number in range(6)]
    for key in keys:
        s3_service.put_object("my-logs", key, b"")

    with pytest.raises(CancelledError, match="deleted 4 of 6 keys"):
        s3_service.delete_objects("my-logs", keys, on_progress=cancel_after(1))

    assert [item.key for item in s3_service.objects("my-logs")] == keys[4:]


def test_on_progress_must_be_callable(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """Anything else is InvalidArgumentError naming `on_progress`, before any request."""
    with pytest.raises(InvalidArgumentError, match="on_progress"):
        ec2_service.wait_until(["i-0123456789abcdef0"], "running", on_progress="print")  # type: ignore[arg-type]  # deliberately wrong

    assert requests_sent.sent == []


# -- many-step operations: one report a step ----------------------------------------------------


def test_delete_objects_reports_each_batch(
    s3_service: S3Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys done of all, after each request (of 1,000 keys; 4 here)."""
    monkeypatch.setattr("awsfacade.s3._objects.BATCH", 4)
    s3_service.create_bucket("my-logs")
    keys = [f"k{number}" for number in range(10)]
    reports = Reports()

    failed = s3_service.delete_objects("my-logs", keys, on_progress=reports)

    assert failed == []
    assert reports.counts == [(4, 10), (8, 10), (10, 10)]
    assert reports.messages[0] == "deleted 4 of 10 keys"
    assert all(report.timeout is None for report in reports)


def test_forced_bucket_delete_reports_each_batch_then_the_bucket(
    s3_service: S3Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How many objects are gone (the total unknown while the bucket is listed page by page:
    1,000 a page, 4 here), then the bucket itself, done."""
    monkeypatch.setattr("awsfacade.s3._buckets.PAGE_SIZE", 4)
    monkeypatch.setattr("awsfacade.s3._buckets.BATCH", 4)
    s3_service.create_bucket("my-logs")
    for number in range(6):
        s3_service.put_object("my-logs", f"k{number}", b"")
    reports = Reports()

    s3_service.delete_bucket("my-logs", force=True, on_progress=reports)

    assert reports.counts == [(4, None), (6, None), (7, 7)]
    assert reports.messages[-1] == "deleted bucket my-logs"
    assert not s3_service.bucket_exists("my-logs")


def test_change_records_reports_each_batch(route53_service: Route53Service) -> None:
    """The changes applied of all, after each change batch Route53 accepts (600 UPSERTs count
    as 1,200 values: two batches)."""
    zone = route53_service.create_hosted_zone("example.com")
    changes = [
        RecordChange(
            action="UPSERT",
            record=RecordSet(name=f"h{number}.example.com", type="A", ttl=60, values=["192.0.2.1"]),
        )
        for number in range(600)
    ]
    reports = Reports()

    change_ids = route53_service.change_records(zone.id, changes, on_progress=reports)

    assert len(change_ids) == 2
    assert [total for _, total in reports.counts] == [600, 600]
    assert reports.counts[-1] == (600, 600)
    assert reports.messages[-1].endswith("(batch 2 of 2)")


def test_forced_zone_delete_reports_the_records_then_the_zone(
    route53_service: Route53Service,
) -> None:
    """The records deleted, then the zone: the last report is everything done."""
    zone = route53_service.create_hosted_zone("example.com")
    for name in ("a", "b"):
        route53_service.create_record(
            zone.id, RecordSet(name=f"{name}.example.com", type="A", ttl=60, values=["192.0.2.1"])
        )
    reports = Reports()

    route53_service.delete_hosted_zone(zone.id, force=True, on_progress=reports)

    assert reports.counts == [(2, 3), (3, 3)]
    assert reports.messages == [
        "applied 2 of 2 changes (batch 1 of 1)",
        f"deleted hosted zone {zone.id}",
    ]


def test_forced_user_delete_reports_each_step(iam_service: IamService) -> None:
    """What the user held, removed one step a report, then the user."""
    iam_service.create_user("alice")
    key = iam_service.create_access_key("alice")
    iam_service.create_group("admins")
    iam_service.add_user_to_group(user="alice", group="admins")
    reports = Reports()

    iam_service.delete_user("alice", force=True, on_progress=reports)

    assert reports.messages == [
        f"removed access key {key.id}",
        "removed membership of group admins",
        "deleted user alice",
    ]
    assert reports.counts == [(1, 3), (2, 3), (3, 3)]


def test_forced_role_delete_reports_each_step(iam_service: IamService) -> None:
    """The role's policies removed one step a report, then the role."""
    iam_service.create_role(
        "app",
        assume_role_policy={
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "ec2.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        },
    )
    policy = iam_service.create_policy(
        "read",
        document={
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
        },
    )
    iam_service.attach_role_policy(role="app", policy_arn=policy.arn)
    reports = Reports()

    iam_service.delete_role("app", force=True, on_progress=reports)

    assert reports.messages == [f"removed attached policy {policy.arn}", "deleted role app"]
    assert reports.counts == [(1, 2), (2, 2)]
