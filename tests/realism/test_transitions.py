"""`Realism(transitions=True)`: AWS's intermediate states over successive reads, on moto.

Each resource's states as successive raw reads see them; the facade's waits and botocore's
own waiters reaching their goal through them (polling fast); listings showing them; a session
without the switch, even on the same moto state, untouched; and a user's module whose wait
that assumes `running` at once fails under the switch, while waiting or polling passes.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

import pytest
from botocore.exceptions import ClientError

from awsfacade.autoscaling import AutoScalingService, LifecycleState
from awsfacade.ec2 import Ec2Service, InstanceState
from awsfacade.errors import InvalidArgumentError
from awsfacade.rds import DbInstanceStatus, RdsService
from awsfacade.route53 import ChangeStatus, RecordSet, Route53Service
from awsfacade.testing import Realism, mocked_session, new_session
from awsfacade.testing._transitions import COURSES, READS_PER_STATE

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_autoscaling import AutoScalingClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_ec2.type_defs import WaiterConfigTypeDef
    from mypy_boto3_rds import RDSClient
    from mypy_boto3_route53 import Route53Client

IMAGE = "ami-12345678"


class _Timing(TypedDict):
    timeout: float
    poll_interval: float


FAST: _Timing = {"timeout": 10.0, "poll_interval": 0.01}
"""A facade wait's timing in these tests: polls 100 times a second, never waits long."""
WAITER_CONFIG: WaiterConfigTypeDef = {"Delay": 0, "MaxAttempts": 20}
"""botocore's waiters, polling without a pause."""


def dig(value: object, *path: str | int) -> object:
    """The member at `path` in a parsed answer (`None` where it has none)."""
    for step in path:
        if isinstance(step, int) and isinstance(value, list):
            members = cast("list[object]", value)
            value = members[step] if step < len(members) else None
        elif isinstance(step, str) and isinstance(value, dict):
            value = cast("dict[str, object]", value).get(step)
        else:
            return None
    return value


def text(value: object, *path: str | int) -> str:
    """The string at `path` in a parsed answer."""
    found = dig(value, *path)
    assert isinstance(found, str), f"no string at {path}: {found!r}"
    return found


def items(value: object, *path: str | int) -> list[object]:
    """The list at `path` in a parsed answer."""
    found = dig(value, *path)
    assert isinstance(found, list), f"no list at {path}: {found!r}"
    return cast("list[object]", found)


@pytest.fixture
def session() -> Iterator[Session]:
    """A moto-backed session with transitions on."""
    with mocked_session(realism=Realism(transitions=True)) as made:
        yield made


def ec2_client(session: Session) -> EC2Client:
    """A raw EC2 client on the session, typed."""
    return Ec2Service(session).client


def rds_client(session: Session) -> RDSClient:
    """A raw RDS client on the session, typed."""
    return RdsService(session).client


def states(reads: int, *course: str) -> list[str]:
    """What `reads` successive reads show of a resource on `course` (intermediate states, each
    for READS_PER_STATE reads, then its last state)."""
    shown = [state for state in course[:-1] for _ in range(READS_PER_STATE)]
    return (shown + [course[-1]] * reads)[:reads]


def instance_state(ec2: EC2Client, instance_id: str) -> str:
    """The state one DescribeInstances shows of an instance."""
    answer = ec2.describe_instances(InstanceIds=[instance_id])
    return text(answer, "Reservations", 0, "Instances", 0, "State", "Name")


def launch(ec2: EC2Client) -> str:
    """Launch one instance with the raw client; its id."""
    answer = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1)
    return text(answer, "Instances", 0, "InstanceId")


def create_db(rds: RDSClient, identifier: str = "db1") -> tuple[str, bool]:
    """Create a DB instance with the raw client; the status its answer shows, and whether
    it has an endpoint."""
    answer = rds.create_db_instance(
        DBInstanceIdentifier=identifier,
        Engine="postgres",
        DBInstanceClass="db.t3.micro",
        AllocatedStorage=20,
        MasterUsername="admin1",
        MasterUserPassword="password-of-16-chars",
    )
    return text(answer, "DBInstance", "DBInstanceStatus"), dig(
        answer, "DBInstance", "Endpoint"
    ) is not None


def db_status(rds: RDSClient, identifier: str = "db1") -> str:
    """The status one DescribeDBInstances shows of a DB instance."""
    answer = rds.describe_db_instances(DBInstanceIdentifier=identifier)
    return text(answer, "DBInstances", 0, "DBInstanceStatus")


def create_group(asg: AutoScalingClient, capacity: int = 2) -> None:
    """An AutoScaling group of `capacity` instances, with the raw client."""
    asg.create_launch_configuration(
        LaunchConfigurationName="lc", ImageId=IMAGE, InstanceType="t3.micro"
    )
    asg.create_auto_scaling_group(
        AutoScalingGroupName="web",
        LaunchConfigurationName="lc",
        MinSize=capacity,
        MaxSize=capacity,
        DesiredCapacity=capacity,
        AvailabilityZones=["us-east-1a"],
    )


def create_record(route53: Route53Client, zone_id: str) -> str:
    """Create a record with the raw client; the answer's ChangeInfo."""
    answer = route53.change_resource_record_sets(
        HostedZoneId=zone_id,
        ChangeBatch={
            "Changes": [
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": "www.example.com",
                        "Type": "A",
                        "TTL": 60,
                        "ResourceRecords": [{"Value": "192.0.2.1"}],
                    },
                }
            ]
        },
    )
    assert text(answer, "ChangeInfo", "Status") == "PENDING"
    return text(answer, "ChangeInfo", "Id")


# -- successive raw reads ----------------------------------------------------------------------


def test_instance_launch_stop_start_terminate(session: Session) -> None:
    """RunInstances answers `pending`, then reads show `pending` READS_PER_STATE times, then
    `running`; stop, start and terminate likewise, each answer showing AWS's first state."""
    ec2 = ec2_client(session)
    answer = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1)
    assert dig(answer, "Instances", 0, "State") == {"Code": 0, "Name": "pending"}
    instance_id = text(answer, "Instances", 0, "InstanceId")
    assert [instance_state(ec2, instance_id) for _ in range(4)] == states(4, "pending", "running")
    stopping = ec2.stop_instances(InstanceIds=[instance_id])
    assert dig(stopping, "StoppingInstances", 0, "CurrentState") == {"Code": 64, "Name": "stopping"}
    assert [instance_state(ec2, instance_id) for _ in range(4)] == states(4, "stopping", "stopped")
    starting = ec2.start_instances(InstanceIds=[instance_id])
    assert text(starting, "StartingInstances", 0, "CurrentState", "Name") == "pending"
    assert [instance_state(ec2, instance_id) for _ in range(3)] == states(3, "pending", "running")
    terminating = ec2.terminate_instances(InstanceIds=[instance_id])
    assert dig(terminating, "TerminatingInstances", 0, "CurrentState") == {
        "Code": 32,
        "Name": "shutting-down",
    }
    assert [instance_state(ec2, instance_id) for _ in range(4)] == states(
        4, "shutting-down", "terminated"
    )


def test_each_instance_counts_its_own_reads(session: Session) -> None:
    """The count is per resource: an instance launched later starts at `pending` while the
    first one, read as often as it, is `running` already."""
    ec2 = ec2_client(session)
    first = launch(ec2)
    for _ in range(READS_PER_STATE):
        instance_state(ec2, first)
    second = launch(ec2)
    assert instance_state(ec2, first) == "running"
    assert instance_state(ec2, second) == "pending"


def test_stopping_a_stopped_instance_begins_nothing(session: Session) -> None:
    """An answer that changes nothing (stopped to stopped) shows moto's state: no passage."""
    ec2 = ec2_client(session)
    instance_id = launch(ec2)
    ec2.stop_instances(InstanceIds=[instance_id])
    for _ in range(READS_PER_STATE):
        instance_state(ec2, instance_id)
    again = ec2.stop_instances(InstanceIds=[instance_id])
    assert text(again, "StoppingInstances", 0, "PreviousState", "Name") == "stopped"
    assert instance_state(ec2, instance_id) == "stopped"


def test_db_instance_created_then_deleted(session: Session) -> None:
    """RDS: `creating` (no endpoint yet), `backing-up`, `available`; after DeleteDBInstance,
    `deleting` READS_PER_STATE times, then moto's DBInstanceNotFound."""
    rds = rds_client(session)
    assert create_db(rds) == ("creating", False)  # no endpoint while creating, as on AWS
    assert [db_status(rds) for _ in range(6)] == states(6, "creating", "backing-up", "available")
    deleted = rds.delete_db_instance(DBInstanceIdentifier="db1", SkipFinalSnapshot=True)
    assert text(deleted, "DBInstance", "DBInstanceStatus") == "deleting"
    assert [db_status(rds) for _ in range(READS_PER_STATE)] == ["deleting"] * READS_PER_STATE
    with pytest.raises(ClientError) as raised:
        db_status(rds)
    assert dig(raised.value.response, "Error", "Code") == "DBInstanceNotFound"


def test_db_instance_being_deleted_is_listed(session: Session) -> None:
    """A listing shows the DB instance being deleted, `deleting`, until it is gone; the
    instances moto still has, with their own states."""
    rds = rds_client(session)
    create_db(rds, "db1")
    create_db(rds, "db2")
    rds.delete_db_instance(DBInstanceIdentifier="db1", SkipFinalSnapshot=True)

    def listed() -> dict[str, str]:
        pages = rds.get_paginator("describe_db_instances").paginate()
        found = [one for page in pages for one in items(page, "DBInstances")]
        return {text(one, "DBInstanceIdentifier"): text(one, "DBInstanceStatus") for one in found}

    assert listed() == {"db1": "deleting", "db2": "creating"}
    assert listed() == {"db1": "deleting", "db2": "creating"}
    assert listed() == {"db2": "backing-up"}


def test_db_instance_stop_start_reboot(session: Session) -> None:
    """Stop, start and reboot answer `stopping`, `starting`, `rebooting`, and reads show
    them before moto's state."""
    rds = rds_client(session)
    create_db(rds)
    for _ in range(2 * READS_PER_STATE):
        db_status(rds)
    stopped = rds.stop_db_instance(DBInstanceIdentifier="db1")
    assert text(stopped, "DBInstance", "DBInstanceStatus") == "stopping"
    assert [db_status(rds) for _ in range(3)] == states(3, "stopping", "stopped")
    started = rds.start_db_instance(DBInstanceIdentifier="db1")
    assert text(started, "DBInstance", "DBInstanceStatus") == "starting"
    assert [db_status(rds) for _ in range(3)] == states(3, "starting", "available")
    rebooted = rds.reboot_db_instance(DBInstanceIdentifier="db1")
    assert text(rebooted, "DBInstance", "DBInstanceStatus") == "rebooting"
    assert [db_status(rds) for _ in range(3)] == states(3, "rebooting", "available")


def test_autoscaling_instances_pending_then_in_service(session: Session) -> None:
    """A group's instances are `Pending` for their first reads, through either operation, and
    the EC2 instances AutoScaling launched are `pending` too."""
    asg = AutoScalingService(session).client
    create_group(asg)

    def group_states() -> list[str]:
        answer = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["web"])
        members = items(answer, "AutoScalingGroups", 0, "Instances")
        return [text(one, "LifecycleState") for one in members]

    assert [group_states() for _ in range(3)] == [
        [state, state] for state in states(3, "Pending", "InService")
    ]
    members = items(asg.describe_auto_scaling_instances(), "AutoScalingInstances")
    assert [text(one, "LifecycleState") for one in members] == ["InService", "InService"]
    ec2 = ec2_client(session)
    instance_id = text(members[0], "InstanceId")
    assert [instance_state(ec2, instance_id) for _ in range(3)] == states(3, "pending", "running")


def test_route53_change_pending_then_insync(session: Session) -> None:
    """A change's answer is `PENDING`, and so are GetChange's first reads, then `INSYNC`;
    a new hosted zone's change likewise."""
    route53 = Route53Service(session).client
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="one")
    assert text(zone, "ChangeInfo", "Status") == "PENDING"
    change_id = create_record(route53, text(zone, "HostedZone", "Id"))
    seen = [text(route53.get_change(Id=change_id), "ChangeInfo", "Status") for _ in range(3)]
    assert seen == states(3, "PENDING", "INSYNC")
    zone_change = text(zone, "ChangeInfo", "Id")
    seen = [text(route53.get_change(Id=zone_change), "ChangeInfo", "Status") for _ in range(3)]
    assert seen == states(3, "PENDING", "INSYNC")


def test_volume_and_snapshot(session: Session) -> None:
    """A volume is `creating`, then `available`; a snapshot `pending`, then `completed`."""
    ec2 = ec2_client(session)
    volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=1)
    assert text(volume, "State") == "creating"
    volume_id = text(volume, "VolumeId")
    seen = [
        text(ec2.describe_volumes(VolumeIds=[volume_id]), "Volumes", 0, "State") for _ in range(3)
    ]
    assert seen == states(3, "creating", "available")
    snapshot = ec2.create_snapshot(VolumeId=volume_id)
    assert text(snapshot, "State") == "pending"
    snapshot_id = text(snapshot, "SnapshotId")
    seen = [
        text(ec2.describe_snapshots(SnapshotIds=[snapshot_id]), "Snapshots", 0, "State")
        for _ in range(3)
    ]
    assert seen == states(3, "pending", "completed")


def test_documented_courses() -> None:
    """Every course has intermediate states, each named in the docs' table, and
    READS_PER_STATE is what the docs say."""
    page = (Path(__file__).parents[2] / "docs" / "realism" / "transitions.md").read_text()
    assert f"**{READS_PER_STATE} reads for each intermediate state**" in page
    for course in COURSES.values():
        assert course.states
        for state in (*course.states, course.end or "DBInstanceNotFound"):
            assert f"`{state}`" in page, state


# -- listings --------------------------------------------------------------------------------


def test_listings_show_intermediate_states(session: Session) -> None:
    """A filter on `running` leaves a pending instance out, as AWS's does; the facade's
    listing and a paginator show `pending`, each read counted."""
    ec2 = Ec2Service(session)
    [first] = ec2.run(image_id=IMAGE)
    assert list(ec2.instances(states=["running"])) == []
    assert [one.state for one in ec2.instances()] == [InstanceState.PENDING]
    [second] = ec2.run(image_id=IMAGE)
    pages = ec2.client.get_paginator("describe_instances").paginate()
    found = [
        one
        for page in pages
        for reservation in items(page, "Reservations")
        for one in items(reservation, "Instances")
    ]
    shown = {text(one, "InstanceId"): text(one, "State", "Name") for one in found}
    assert shown == {first.id: "running", second.id: "pending"}
    assert [one.id for one in ec2.instances(states=["running"])] == [first.id]


# -- the facade's waits and botocore's waiters -------------------------------------------


class Polls:
    """An ``after-call`` handler noting the instance states each DescribeInstances showed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, *, parsed: object, **_: object) -> None:
        for reservation in items(parsed, "Reservations"):
            self.seen.extend(text(one, "State", "Name") for one in items(reservation, "Instances"))


def test_ec2_wait_until_goes_through_the_states(session: Session) -> None:
    """`Ec2Service.wait_until` returns the instances in the awaited state, having polled
    through the intermediate ones, for running, stopped and terminated."""
    ec2 = Ec2Service(session)
    polls = Polls()
    ec2.client.meta.events.register("after-call.ec2.DescribeInstances", polls)
    [instance] = ec2.run(image_id=IMAGE)
    assert instance.state is InstanceState.PENDING
    [running] = ec2.wait_until([instance.id], "running", **FAST)
    assert running.state is InstanceState.RUNNING
    # The waiter's polls: the last one's instances are those returned.
    assert polls.seen == states(READS_PER_STATE + 1, "pending", "running")
    [change] = ec2.stop([instance.id])
    assert change.current is InstanceState.STOPPING
    [stopped] = ec2.wait_until([instance.id], InstanceState.STOPPED, **FAST)
    assert stopped.state is InstanceState.STOPPED
    ec2.terminate([instance.id])
    [terminated] = ec2.wait_until([instance.id], InstanceState.TERMINATED, **FAST)
    assert terminated.state is InstanceState.TERMINATED
    assert polls.seen.count("stopping") == polls.seen.count("shutting-down") == READS_PER_STATE


def test_rds_waits(session: Session) -> None:
    """`wait_until_available` returns the instance available after `creating` and
    `backing-up`; `wait_until_deleted` returns after `deleting`."""
    rds = RdsService(session)
    created = rds.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin1",
        master_password="password-of-16-chars",
    )
    assert created.status is DbInstanceStatus.CREATING
    assert created.endpoint is None
    available = rds.wait_until_available("db1", **FAST)
    assert available.status is DbInstanceStatus.AVAILABLE
    assert available.endpoint is not None
    rds.delete_instance("db1", skip_final_snapshot=True)
    assert rds.instance("db1").status is DbInstanceStatus.DELETING
    rds.wait_until_deleted("db1", **FAST)
    assert list(rds.instances()) == []


def test_autoscaling_wait_until_in_service(session: Session) -> None:
    """`wait_until_in_service` returns the group with every instance InService, having seen
    them Pending."""
    service = AutoScalingService(session)
    create_group(service.client)
    pending = {one.lifecycle_state for one in service.group("web").instances}
    assert pending == {LifecycleState.PENDING}
    group = service.wait_until_in_service("web", **FAST)
    assert group.at_desired_capacity
    assert {one.lifecycle_state for one in group.instances} == {LifecycleState.IN_SERVICE}


def test_route53_wait_until_change_in_sync(session: Session) -> None:
    """`wait_until_change_in_sync` returns once the change reads INSYNC."""
    route53 = Route53Service(session)
    zone = route53.create_hosted_zone("example.com")
    change_id = route53.create_record(
        zone.id, RecordSet(name="www.example.com", type="A", ttl=60, values=["192.0.2.1"])
    )
    assert text(route53.client.get_change(Id=change_id), "ChangeInfo", "Status") == "PENDING"
    change = route53.wait_until_change_in_sync(change_id, **FAST)
    assert change.status is ChangeStatus.INSYNC
    assert text(route53.client.get_change(Id=change_id), "ChangeInfo", "Status") == "INSYNC"


def test_botocore_waiters_reach_their_goal(session: Session) -> None:
    """botocore's own waiters (its waiters-2.json) pass through the states to success."""
    ec2 = ec2_client(session)
    instance_id = launch(ec2)
    ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig=WAITER_CONFIG)
    ec2.stop_instances(InstanceIds=[instance_id])
    ec2.get_waiter("instance_stopped").wait(InstanceIds=[instance_id], WaiterConfig=WAITER_CONFIG)
    ec2.terminate_instances(InstanceIds=[instance_id])
    ec2.get_waiter("instance_terminated").wait(
        InstanceIds=[instance_id], WaiterConfig=WAITER_CONFIG
    )
    volume_id = text(ec2.create_volume(AvailabilityZone="us-east-1a", Size=1), "VolumeId")
    ec2.get_waiter("volume_available").wait(VolumeIds=[volume_id], WaiterConfig=WAITER_CONFIG)
    snapshot_id = text(ec2.create_snapshot(VolumeId=volume_id), "SnapshotId")
    ec2.get_waiter("snapshot_completed").wait(SnapshotIds=[snapshot_id], WaiterConfig=WAITER_CONFIG)
    rds = rds_client(session)
    create_db(rds)
    rds.get_waiter("db_instance_available").wait(
        DBInstanceIdentifier="db1", WaiterConfig=WAITER_CONFIG
    )
    rds.delete_db_instance(DBInstanceIdentifier="db1", SkipFinalSnapshot=True)
    rds.get_waiter("db_instance_deleted").wait(
        DBInstanceIdentifier="db1", WaiterConfig=WAITER_CONFIG
    )
    route53 = Route53Service(session).client
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="one")
    route53.get_waiter("resource_record_sets_changed").wait(
        Id=text(zone, "ChangeInfo", "Id"), WaiterConfig=WAITER_CONFIG
    )


# -- only that session ---------------------------------------------------------------------


def test_a_session_without_the_switch_is_untouched() -> None:
    """On the same moto state, a session without the switch sees moto's states at once, and
    the session with it still sees its own passage."""
    with mocked_session(realism=Realism(transitions=True)) as session:
        ec2 = ec2_client(session)
        instance_id = launch(ec2)
        assert instance_state(ec2_client(new_session()), instance_id) == "running"
        assert instance_state(ec2, instance_id) == "pending"
    with mocked_session() as untouched:
        ec2 = ec2_client(untouched)
        answer = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1)
        assert instance_state(ec2, text(answer, "Instances", 0, "InstanceId")) == "running"
        assert create_db(rds_client(untouched)) == ("available", True)


def test_transitions_must_be_a_bool() -> None:
    """`transitions` is True or False; anything else is refused before anything runs."""
    with pytest.raises(InvalidArgumentError, match="transitions"):
        Realism(transitions="yes")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]  # the wrong type on purpose


# -- a user's module -----------------------------------------------------------------------

USER_MODULE = textwrap.dedent(
    """
    import pytest

    from awsfacade.ec2 import Ec2Service, InstanceState
    from awsfacade.testing import Realism

    MARKER


    def launch_and_use(ec2: Ec2Service) -> str:
        # The naive version: assumes an instance is running as soon as it is launched.
        [instance] = ec2.run(image_id="ami-12345678")
        found = ec2.instance(instance.id)
        assert found.state is InstanceState.RUNNING, f"{instance.id} is {found.state}"
        return found.id


    def launch_and_wait(ec2: Ec2Service) -> str:
        [instance] = ec2.run(image_id="ami-12345678")
        [ready] = ec2.wait_until([instance.id], "running", timeout=10, poll_interval=0.01)
        assert ready.state is InstanceState.RUNNING
        return ready.id


    def launch_and_poll(session) -> str:
        client = session.client("ec2")
        [instance] = client.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1)[
            "Instances"
        ]
        for _ in range(20):
            [reservation] = client.describe_instances(InstanceIds=[instance["InstanceId"]])[
                "Reservations"
            ]
            if reservation["Instances"][0]["State"]["Name"] == "running":
                return instance["InstanceId"]
        raise AssertionError("never running")


    def test_naive(ec2_service):
        assert launch_and_use(ec2_service).startswith("i-")


    def test_waits(ec2_service):
        assert launch_and_wait(ec2_service).startswith("i-")


    def test_polls(aws_session):
        assert launch_and_poll(aws_session).startswith("i-")
    """
)


@pytest.mark.parametrize(
    ("marker", "outcome"),
    [
        (
            "pytestmark = pytest.mark.aws_realism(Realism(transitions=True))",
            {"passed": 2, "failed": 1},
        ),
        ("pytestmark = []", {"passed": 3}),
    ],
    ids=["transitions", "plain-moto"],
)
def test_users_module(pytester: pytest.Pytester, marker: str, outcome: dict[str, int]) -> None:
    """Under transitions the naive launch-and-use fails (the instance is `pending`) while
    waiting and polling pass; on plain moto all three pass, the naive one wrongly."""
    pytester.makepyfile(test_user=USER_MODULE.replace("MARKER", marker))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(**outcome)
    if "failed" in outcome:
        result.stdout.fnmatch_lines(["*test_naive*", "*is pending*"])
