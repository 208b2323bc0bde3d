"""RdsService through moto's HTTP server (tests/conftest.py): RDS's query protocol, its
XML answers and errors, and Marker paging as they travel over HTTP."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC

import pytest
from support import Requests, requests_of

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import AlreadyExistsError, NotFoundError
from awsfacade.rds import DbInstanceStatus, RdsService
from awsfacade.testing import fake_environment, new_session

PASSWORD = "Wire-secret-Pw9"


@pytest.fixture
def wire_rds(fresh_moto_url: str) -> Iterator[RdsService]:
    """An RdsService talking HTTP to the moto server, whose state starts empty."""
    with fake_environment("us-east-1"):
        yield RdsService(new_session("us-east-1"), endpoint_url=fresh_moto_url)


requests_sent = requests_of("wire_rds")


def test_service_talks_to_the_server(wire_rds: RdsService, moto_url: str) -> None:
    """The client's endpoint is the moto server."""
    assert wire_rds.client.meta.endpoint_url == moto_url
    assert list(wire_rds.instances()) == []


def test_instances_and_subnet_groups_over_the_wire(wire_rds: RdsService, moto_url: str) -> None:
    """A subnet group and an instance in it, with tags, survive XML both ways; UTC times."""
    ec2 = Ec2Service(new_session("us-east-1"), endpoint_url=moto_url)
    vpc = ec2.create_vpc(cidr_block="10.1.0.0/16")
    subnets = [
        ec2.create_subnet(
            vpc_id=vpc.id, cidr_block=f"10.1.{n}.0/24", availability_zone=f"us-east-1{zone}"
        ).id
        for n, zone in enumerate("ab")
    ]
    group = wire_rds.create_subnet_group("wire-subnets", subnet_ids=subnets, description="wire")

    created = wire_rds.create_instance(
        "wire-db",
        instance_class="db.t3.micro",
        engine="mysql",
        master_username="admin",
        master_password=PASSWORD,
        subnet_group="wire-subnets",
        tags={"team": "data"},
    )

    assert wire_rds.instance("wire-db") == created
    assert created.status is DbInstanceStatus.AVAILABLE
    assert created.vpc_id == vpc.id == group.vpc_id
    assert created.tags == {"team": "data"}
    assert created.created is not None
    assert created.created.tzinfo is UTC
    assert [found.identifier for found in wire_rds.instances(engine="mysql")] == ["wire-db"]
    assert list(wire_rds.instances(engine="postgres")) == []
    assert wire_rds.subnet_group("wire-subnets") == group


def test_instances_page_by_marker_over_the_wire(
    wire_rds: RdsService, requests_sent: Requests
) -> None:
    """101 instances come back in two pages, the second asked for with the first's Marker."""
    for n in range(101):
        wire_rds.client.create_db_instance(
            DBInstanceIdentifier=f"db{n}", DBInstanceClass="db.t3.micro", Engine="mysql"
        )
    requests_sent.clear()

    assert len(list(wire_rds.instances())) == 101

    first, second = requests_sent.bodies("DescribeDBInstances")
    assert first["MaxRecords"] == second["MaxRecords"] == 100
    assert "Marker" not in first
    assert second["Marker"]


def test_errors_over_the_wire(wire_rds: RdsService) -> None:
    """RDS's XML errors become NotFoundError and AlreadyExistsError, their codes kept."""
    with pytest.raises(NotFoundError) as missing:
        wire_rds.instance("nope")
    assert missing.value.code == "DBInstanceNotFound"

    wire_rds.create_instance("db1", instance_class="db.t3.micro", engine="mysql")
    with pytest.raises(AlreadyExistsError):
        wire_rds.create_instance("db1", instance_class="db.t3.micro", engine="mysql")


def test_delete_and_wait_over_the_wire(wire_rds: RdsService) -> None:
    """A deleted instance is gone once the wait returns; its final snapshot exists."""
    wire_rds.create_instance("db1", instance_class="db.t3.micro", engine="postgres")
    wire_rds.wait_until_available("db1", timeout=10, poll_interval=1)

    wire_rds.delete_instance("db1", skip_final_snapshot=False, final_snapshot_identifier="last")
    wire_rds.wait_until_deleted("db1", timeout=10, poll_interval=1)

    assert list(wire_rds.instances()) == []
    snapshots = wire_rds.client.describe_db_snapshots(DBSnapshotIdentifier="last")["DBSnapshots"]
    assert len(snapshots) == 1


def test_the_password_is_in_no_wire_log_line(
    wire_rds: RdsService, caplog: pytest.LogCaptureFixture
) -> None:
    """Over HTTP too, botocore's DEBUG lines (the form-encoded body) never show the password."""
    caplog.set_level(logging.DEBUG)

    wire_rds.create_instance(
        "db1",
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin",
        master_password=PASSWORD,
    )

    assert "MasterUserPassword" in caplog.text
    assert PASSWORD not in caplog.text
