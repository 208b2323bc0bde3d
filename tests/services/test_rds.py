"""RdsService through moto's in-process mock: every method, as a user calls it."""

from __future__ import annotations

import logging
from datetime import UTC
from typing import TYPE_CHECKING

import boto3.session
import pytest
from rds_support import PASSWORD, subnets_in_two_zones
from support import log_requests

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import AlreadyExistsError, InvalidArgumentError, NotFoundError
from awsfacade.rds import DbInstance, DbInstanceStatus, DbSubnetGroup, RdsService

if TYPE_CHECKING:
    from boto3.session import Session


def create(rds: RdsService, identifier: str = "db1", **options: object) -> DbInstance:
    """A postgres instance with master credentials, and any other options."""
    return rds.create_instance(
        identifier,
        instance_class="db.t3.micro",
        engine="postgres",
        master_username="admin",
        master_password=PASSWORD,
        **options,  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - each test passes options of the right types
    )


# -- create_instance -------------------------------------------------------------------------


def test_create_instance_without_a_subnet_group(rds_service: RdsService) -> None:
    """A new instance has its identifiers, engine, storage, endpoint and a UTC creation time;
    moto gives it no subnet group, so no VPC either."""
    instance = create(rds_service)

    assert instance.identifier == "db1"
    assert instance.arn == "arn:aws:rds:us-east-1:123456789012:db:db1"
    assert instance.resource_id.startswith("db-")
    assert (instance.instance_class, instance.engine) == ("db.t3.micro", "postgres")
    assert instance.engine_version
    assert instance.allocated_storage == 20
    assert instance.status is DbInstanceStatus.AVAILABLE
    assert instance.status_name == "available"
    assert instance.master_username == "admin"
    assert instance.endpoint is not None
    assert instance.endpoint.address.startswith("db1.")
    assert instance.endpoint.port == instance.port == 5432
    assert instance.created is not None
    assert instance.created.tzinfo is UTC
    assert (instance.subnet_group, instance.vpc_id) == (None, None)
    assert instance.storage_type == "gp2"
    assert instance.storage_encrypted is False
    assert instance.tags == {}


def test_create_instance_in_a_subnet_group_with_groups_and_tags(
    rds_service: RdsService, aws_session: Session
) -> None:
    """The subnet group puts the instance in its VPC; security groups and tags are kept, and
    a read gives the same instance."""
    vpc_id, subnets = subnets_in_two_zones(aws_session)
    group_id = (
        Ec2Service(aws_session).create_security_group(name="db", description="db", vpc_id=vpc_id).id
    )
    rds_service.create_subnet_group("db-subnets", subnet_ids=subnets, description="for dbs")

    instance = create(
        rds_service,
        subnet_group="db-subnets",
        security_group_ids=[group_id],
        tags={"team": "data", "env": "test"},
    )

    assert instance.vpc_id == vpc_id
    assert instance.subnet_group is not None
    assert instance.subnet_group.name == "db-subnets"
    assert set(instance.subnet_group.subnet_ids) == set(subnets)
    assert instance.vpc_security_group_ids == (group_id,)
    assert instance.tags == {"team": "data", "env": "test"}
    assert rds_service.instance("db1") == instance


def test_create_instance_sends_the_optional_settings(rds_service: RdsService) -> None:
    """Each optional setting goes into CreateDBInstance and comes back in the model."""
    log = log_requests(rds_service)

    instance = create(
        rds_service,
        allocated_storage=50,
        engine_version="16.3",
        db_name="app",
        port=6543,
        storage_type="gp3",
        multi_az=True,
        publicly_accessible=False,
        storage_encrypted=True,
        deletion_protection=True,
    )

    (body,) = log.bodies("CreateDBInstance")
    assert {key: body[key] for key in ("AllocatedStorage", "EngineVersion", "DBName", "Port")} == {
        "AllocatedStorage": 50,
        "EngineVersion": "16.3",
        "DBName": "app",
        "Port": 6543,
    }
    assert (body["StorageType"], body["MultiAZ"], body["PubliclyAccessible"]) == (
        "gp3",
        "true",
        "false",
    )
    assert (body["StorageEncrypted"], body["DeletionProtection"]) == ("true", "true")
    assert (instance.allocated_storage, instance.engine_version, instance.db_name) == (
        50,
        "16.3",
        "app",
    )
    assert (instance.port, instance.storage_type, instance.multi_az) == (6543, "gp3", True)
    assert (instance.storage_encrypted, instance.deletion_protection) == (True, True)


def test_create_instance_leaves_unset_settings_to_aws(rds_service: RdsService) -> None:
    """Without options only the identifier, class, engine and storage are sent."""
    log = log_requests(rds_service)

    rds_service.create_instance("db1", instance_class="db.t3.micro", engine="mysql")

    (body,) = log.bodies("CreateDBInstance")
    assert set(body) == {
        "Action",
        "Version",
        "DBInstanceIdentifier",
        "DBInstanceClass",
        "Engine",
        "AllocatedStorage",
    }


def test_create_instance_twice_is_already_exists(rds_service: RdsService) -> None:
    """A second instance with the same identifier is AlreadyExistsError."""
    create(rds_service)
    with pytest.raises(AlreadyExistsError) as caught:
        create(rds_service)
    assert caught.value.code == "DBInstanceAlreadyExists"


def test_create_instance_in_an_unknown_subnet_group_is_not_found(rds_service: RdsService) -> None:
    """A subnet group that does not exist is NotFoundError from CreateDBInstance."""
    with pytest.raises(NotFoundError) as caught:
        create(rds_service, subnet_group="nope")
    assert caught.value.operation == "CreateDBInstance"


# -- reading ---------------------------------------------------------------------------------


def test_instances_lists_every_instance_lazily(rds_service: RdsService) -> None:
    """Nothing is asked before the first next(); then one page of 100 holds every instance."""
    create(rds_service, "db1")
    create(rds_service, "db2")
    log = log_requests(rds_service)

    listing = rds_service.instances()
    assert log.operations == []
    assert sorted(instance.identifier for instance in listing) == ["db1", "db2"]
    assert log.bodies("DescribeDBInstances") == [
        {"Action": "DescribeDBInstances", "Version": "2014-10-31", "MaxRecords": 100}
    ]


def test_instances_of_one_engine(rds_service: RdsService) -> None:
    """The engine filter keeps only that engine's instances."""
    create(rds_service, "pg")
    rds_service.create_instance("my", instance_class="db.t3.micro", engine="mysql")

    assert [instance.identifier for instance in rds_service.instances(engine="mysql")] == ["my"]
    assert [instance.identifier for instance in rds_service.instances(engine="postgres")] == ["pg"]


def test_instances_page_through_more_than_a_hundred(rds_service: RdsService) -> None:
    """101 instances come in two pages of at most 100, none lost."""
    for n in range(101):
        rds_service.create_instance(f"db{n}", instance_class="db.t3.micro", engine="mysql")
    log = log_requests(rds_service)

    assert len(list(rds_service.instances())) == 101
    assert log.count("DescribeDBInstances") == 2


def test_instance_by_identifier_and_by_arn(rds_service: RdsService) -> None:
    """An instance is found by its identifier and by its ARN."""
    created = create(rds_service)

    assert rds_service.instance("db1") == created
    assert rds_service.instance(created.arn) == created


def test_an_unknown_instance_is_not_found(rds_service: RdsService) -> None:
    """RDS's DBInstanceNotFound becomes NotFoundError, its code kept."""
    with pytest.raises(NotFoundError) as caught:
        rds_service.instance("nope")
    assert caught.value.code == "DBInstanceNotFound"


# -- deleting and waiting --------------------------------------------------------------------


def test_delete_instance_skipping_the_final_snapshot(rds_service: RdsService) -> None:
    """A deleted instance is gone, and no snapshot was taken."""
    create(rds_service)
    log = log_requests(rds_service)

    rds_service.delete_instance("db1", skip_final_snapshot=True)
    rds_service.wait_until_deleted("db1")

    assert log.bodies("DeleteDBInstance")[0]["SkipFinalSnapshot"] == "true"
    with pytest.raises(NotFoundError):
        rds_service.instance("db1")
    assert rds_service.client.describe_db_snapshots()["DBSnapshots"] == []


def test_delete_instance_with_a_final_snapshot(rds_service: RdsService) -> None:
    """skip_final_snapshot=False with a name takes the final snapshot under that name."""
    create(rds_service)

    rds_service.delete_instance(
        "db1", skip_final_snapshot=False, final_snapshot_identifier="db1-final"
    )

    snapshots = rds_service.client.describe_db_snapshots()["DBSnapshots"]
    assert [snapshot.get("DBSnapshotIdentifier") for snapshot in snapshots] == ["db1-final"]


def test_delete_instance_without_the_snapshot_choice_deletes_nothing(
    rds_service: RdsService,
) -> None:
    """A delete that does not say whether to take a final snapshot (AWS's own default) is
    refused before any request, explaining both choices; the instance is still there."""
    create(rds_service)
    log = log_requests(rds_service)

    with pytest.raises(InvalidArgumentError) as caught:
        rds_service.delete_instance("db1")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue] - the call that makes no choice, on purpose

    assert "skip_final_snapshot=" in str(caught.value)
    assert "final_snapshot_identifier" in str(caught.value)
    assert log.operations == []
    assert rds_service.instance("db1").identifier == "db1"


def test_delete_an_unknown_instance_is_not_found(rds_service: RdsService) -> None:
    """Deleting what does not exist is NotFoundError."""
    with pytest.raises(NotFoundError):
        rds_service.delete_instance("nope", skip_final_snapshot=True)


def test_wait_until_available_returns_the_instance(rds_service: RdsService) -> None:
    """moto makes instances available at once: the wait returns the instance then."""
    created = create(rds_service)

    assert rds_service.wait_until_available("db1", timeout=5, poll_interval=1) == created


def test_wait_until_deleted_returns_at_once_for_an_unknown_instance(
    rds_service: RdsService,
) -> None:
    """An identifier RDS does not know is deleted already: one request, no error."""
    log = log_requests(rds_service)

    rds_service.wait_until_deleted("nope", timeout=5, poll_interval=1)

    assert log.count("DescribeDBInstances") == 1


# -- subnet groups ---------------------------------------------------------------------------


def test_subnet_groups_create_list_read_delete(
    rds_service: RdsService, aws_session: Session
) -> None:
    """A subnet group is created in its subnets' VPC, listed, read by name and deleted."""
    vpc_id, subnets = subnets_in_two_zones(aws_session)

    created = rds_service.create_subnet_group("db-subnets", subnet_ids=subnets, description="dbs")

    assert created == DbSubnetGroup(
        name="db-subnets",
        description="dbs",
        vpc_id=vpc_id,
        subnet_ids=tuple(subnets),
        availability_zones=("us-east-1a", "us-east-1b"),
        arn="arn:aws:rds:us-east-1:123456789012:subgrp:db-subnets",
        status="Complete",
    )
    assert list(rds_service.subnet_groups()) == [created]
    assert rds_service.subnet_group("db-subnets") == created

    rds_service.delete_subnet_group("db-subnets")

    assert list(rds_service.subnet_groups()) == []


def test_subnet_groups_are_listed_lazily_a_hundred_a_page(rds_service: RdsService) -> None:
    """Nothing is asked before the first next(); the page size is RDS's largest."""
    log = log_requests(rds_service)

    listing = rds_service.subnet_groups()
    assert log.operations == []
    assert list(listing) == []
    assert log.bodies("DescribeDBSubnetGroups")[0]["MaxRecords"] == 100


def test_an_unknown_subnet_group_is_not_found(rds_service: RdsService) -> None:
    """Reading or deleting a subnet group that does not exist is NotFoundError."""
    with pytest.raises(NotFoundError):
        rds_service.subnet_group("nope")
    with pytest.raises(NotFoundError):
        rds_service.delete_subnet_group("nope")


# -- partitions ------------------------------------------------------------------------------


@pytest.mark.aws_region("cn-north-1")
def test_in_the_china_partition_arns_are_aws_cn(
    rds_service: RdsService, aws_session: Session
) -> None:
    """In cn-north-1 every ARN starts arn:aws-cn:, and lookups by that ARN work."""
    _, subnets = subnets_in_two_zones(aws_session, "cn-north-1")
    group = rds_service.create_subnet_group("db-subnets", subnet_ids=subnets, description="dbs")

    instance = create(rds_service, subnet_group="db-subnets")

    assert group.arn is not None
    assert group.arn.startswith("arn:aws-cn:rds:cn-north-1:")
    assert instance.arn == "arn:aws-cn:rds:cn-north-1:123456789012:db:db1"
    assert instance.availability_zone is not None
    assert instance.availability_zone.startswith("cn-north-1")
    assert rds_service.instance(instance.arn).identifier == "db1"
    assert [found.arn for found in rds_service.instances()] == [instance.arn]


def test_a_region_argument_wins_over_the_session(aws_session: Session) -> None:
    """RdsService(session, region=...) talks to that region."""
    rds = RdsService(aws_session, region="eu-west-1")

    assert create(rds).arn.startswith("arn:aws:rds:eu-west-1:")
    assert list(RdsService(aws_session).instances()) == []


def test_without_any_region_rds_is_refused(
    aws_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RDS is regional: a Session with no region anywhere is InvalidArgumentError naming the
    remedy, before any client exists; region= makes it work."""
    del aws_session  # for its moto mock and fake credentials
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    bare = boto3.session.Session()
    assert bare.region_name is None

    with pytest.raises(InvalidArgumentError, match="region"):
        RdsService(bare)
    assert RdsService(bare, region="ap-southeast-2").client.meta.region_name == "ap-southeast-2"


# -- the master password ---------------------------------------------------------------------


def test_the_master_password_is_in_no_model_repr_or_log(
    rds_service: RdsService, caplog: pytest.LogCaptureFixture
) -> None:
    """The password reaches AWS but no repr, str or botocore DEBUG line (request and response)."""
    log = log_requests(rds_service)
    caplog.set_level(logging.DEBUG)

    instance = create(rds_service)

    assert log.bodies("CreateDBInstance")[0]["MasterUserPassword"] == PASSWORD
    assert "MasterUserPassword" in caplog.text  # botocore did log the request
    assert PASSWORD not in caplog.text
    assert PASSWORD not in repr(instance)
    assert PASSWORD not in str(list(rds_service.instances()))


def test_a_bad_password_is_refused_without_quoting_it(rds_service: RdsService) -> None:
    """A password breaking RDS's rules is InvalidArgumentError that says why, not what."""
    bad = "has@sign-secret"
    with pytest.raises(InvalidArgumentError) as caught:
        rds_service.create_instance(
            "db1",
            instance_class="db.t3.micro",
            engine="postgres",
            master_username="admin",
            master_password=bad,
        )
    assert "master_password" in str(caught.value)
    assert bad not in str(caught.value)


@pytest.mark.parametrize(("engine", "longest"), [("mariadb", 41), ("aurora-mysql", 41)])
def test_a_mysql_family_password_longer_than_41_characters_is_refused_before_any_request(
    rds_service: RdsService, engine: str, longest: int
) -> None:
    """MariaDB and Aurora MySQL take master passwords of up to 41 characters, as MySQL does
    (RDS's CreateDBInstance reference): one more is InvalidArgumentError naming
    ``master_password`` and the limit, and nothing is sent."""
    log = log_requests(rds_service)
    with pytest.raises(InvalidArgumentError, match=str(longest)) as caught:
        rds_service.create_instance(
            "db1",
            instance_class="db.t3.micro",
            engine=engine,
            master_username="admin",
            master_password="p" * (longest + 1),
        )

    assert "master_password" in str(caught.value)
    assert log.operations == []
