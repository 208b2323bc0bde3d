"""Type checks of RdsService and the RDS models: checked by mypy and basedpyright, never run."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, assert_type

from mypy_boto3_rds import RDSClient

from awsfacade.rds import DbInstance, DbInstanceStatus, DbSubnetGroup, Endpoint, RdsService

if TYPE_CHECKING:
    from awsfacade import RdsService as PackageRdsService


def check_client(rds: RdsService) -> None:
    """The escape hatch is the boto3-stubs RDS client."""
    assert_type(rds.client, RDSClient)


def check_package_export(rds: PackageRdsService) -> None:
    """awsfacade.RdsService is the same typed class as awsfacade.rds.RdsService."""
    assert_type(rds, RdsService)


def check_instances(rds: RdsService) -> None:
    """Instance methods return DbInstance models, lazy iterators of them, or nothing."""
    assert_type(
        rds.create_instance("db1", instance_class="db.t3.micro", engine="postgres"), DbInstance
    )
    assert_type(
        rds.create_instance(
            "db1",
            instance_class="db.t3.micro",
            engine="postgres",
            allocated_storage=50,
            master_username="admin",
            master_password="a-long-secret",
            subnet_group="db-subnets",
            security_group_ids=["sg-1"],
            tags={"team": "data"},
            engine_version="16.3",
            db_name="app",
            port=5432,
            storage_type="gp3",
            multi_az=True,
            publicly_accessible=False,
            storage_encrypted=True,
            deletion_protection=True,
        ),
        DbInstance,
    )
    assert_type(rds.instances(), Iterator[DbInstance])
    assert_type(rds.instances(engine="mysql"), Iterator[DbInstance])
    assert_type(rds.instance("db1"), DbInstance)
    assert_type(rds.delete_instance("db1", skip_final_snapshot=True), None)
    assert_type(
        rds.delete_instance("db1", skip_final_snapshot=False, final_snapshot_identifier="final"),
        None,
    )
    assert_type(rds.wait_until_available("db1"), DbInstance)
    assert_type(rds.wait_until_available("db1", timeout=60, poll_interval=0.5), DbInstance)
    assert_type(rds.wait_until_deleted("db1"), None)
    assert_type(rds.wait_until_deleted("db1", timeout=60.0, poll_interval=5), None)


def check_subnet_groups(rds: RdsService) -> None:
    """Subnet group methods return DbSubnetGroup models, a lazy iterator of them, or nothing."""
    assert_type(
        rds.create_subnet_group("db-subnets", subnet_ids=["subnet-1"], description="dbs"),
        DbSubnetGroup,
    )
    assert_type(rds.subnet_groups(), Iterator[DbSubnetGroup])
    assert_type(rds.subnet_group("db-subnets"), DbSubnetGroup)
    assert_type(rds.delete_subnet_group("db-subnets"), None)


def check_db_instance(instance: DbInstance) -> None:
    """Every DbInstance field has its documented type."""
    assert_type(instance.identifier, str)
    assert_type(instance.arn, str)
    assert_type(instance.resource_id, str)
    assert_type(instance.instance_class, str)
    assert_type(instance.engine, str)
    assert_type(instance.status, DbInstanceStatus)
    assert_type(instance.status_name, str)
    assert_type(instance.allocated_storage, int)
    assert_type(instance.engine_version, str | None)
    assert_type(instance.created, datetime | None)
    assert_type(instance.endpoint, Endpoint | None)
    assert_type(instance.port, int | None)
    assert_type(instance.master_username, str | None)
    assert_type(instance.db_name, str | None)
    assert_type(instance.subnet_group, DbSubnetGroup | None)
    assert_type(instance.vpc_id, str | None)
    assert_type(instance.vpc_security_group_ids, tuple[str, ...])
    assert_type(instance.availability_zone, str | None)
    assert_type(instance.secondary_availability_zone, str | None)
    assert_type(instance.multi_az, bool)
    assert_type(instance.publicly_accessible, bool)
    assert_type(instance.storage_type, str | None)
    assert_type(instance.iops, int | None)
    assert_type(instance.storage_encrypted, bool)
    assert_type(instance.kms_key_id, str | None)
    assert_type(instance.deletion_protection, bool)
    assert_type(instance.ca_certificate_identifier, str | None)
    assert_type(instance.backup_retention_period, int | None)
    assert_type(instance.license_model, str | None)
    assert_type(instance.auto_minor_version_upgrade, bool)
    assert_type(instance.iam_database_authentication, bool)
    assert_type(instance.cluster_identifier, str | None)
    assert_type(instance.read_replica_source, str | None)
    assert_type(instance.read_replicas, tuple[str, ...])
    assert_type(instance.parameter_groups, tuple[str, ...])
    assert_type(instance.master_user_secret_arn, str | None)
    assert_type(instance.tags, Mapping[str, str])


def check_endpoint(endpoint: Endpoint) -> None:
    """Every Endpoint field has its documented type."""
    assert_type(endpoint.address, str)
    assert_type(endpoint.port, int)
    assert_type(endpoint.hosted_zone_id, str | None)


def check_db_subnet_group(group: DbSubnetGroup) -> None:
    """Every DbSubnetGroup field has its documented type."""
    assert_type(group.name, str)
    assert_type(group.description, str | None)
    assert_type(group.vpc_id, str | None)
    assert_type(group.subnet_ids, tuple[str, ...])
    assert_type(group.availability_zones, tuple[str | None, ...])
    assert_type(group.arn, str | None)
    assert_type(group.status, str | None)


def check_status(status: DbInstanceStatus) -> None:
    """AWS's string parses to a status, which prints as that string."""
    assert_type(DbInstanceStatus("available"), DbInstanceStatus)
    assert_type(str(status), str)
