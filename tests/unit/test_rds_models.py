"""The RDS models: built from whatever AWS sends, frozen, hashable, and holding no password."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

import attrs
import pytest

from awsfacade.errors import UnexpectedResponseError
from awsfacade.rds import DbInstance, DbInstanceStatus, DbSubnetGroup, Endpoint

if TYPE_CHECKING:
    from mypy_boto3_rds.type_defs import DBInstanceTypeDef

CREATED = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


def item(**overrides: object) -> DBInstanceTypeDef:
    """The fields AWS sends for every DB instance, with ``overrides``."""
    base: DBInstanceTypeDef = {
        "DBInstanceIdentifier": "db1",
        "DBInstanceArn": "arn:aws:rds:us-east-1:123456789012:db:db1",
        "DbiResourceId": "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "DBInstanceClass": "db.t3.micro",
        "Engine": "postgres",
        "DBInstanceStatus": "available",
        "AllocatedStorage": 20,
    }
    base.update(overrides)  # type: ignore[typeddict-item]  # pyright: ignore[reportCallIssue, reportArgumentType] - overrides of the TypedDict's own keys
    return base


def test_an_instance_with_only_what_aws_always_sends() -> None:
    """The fields AWS may leave out default to None, False or empty."""
    instance = DbInstance._from_boto(item(DBInstanceStatus="creating"))

    assert instance.status is DbInstanceStatus.CREATING
    assert instance.status_name == "creating"
    assert (instance.endpoint, instance.created, instance.port) == (None, None, None)
    assert (instance.subnet_group, instance.vpc_id, instance.engine_version) == (None, None, None)
    assert (instance.multi_az, instance.storage_encrypted, instance.deletion_protection) == (
        False,
        False,
        False,
    )
    assert instance.vpc_security_group_ids == ()
    assert instance.tags == {}


def test_an_instance_with_everything_an_inventory_reads() -> None:
    """Every field an inventory needs comes from its AWS member."""
    instance = DbInstance._from_boto(
        item(
            EngineVersion="16.3",
            InstanceCreateTime=CREATED,
            Endpoint={"Address": "db1.x.rds.amazonaws.com", "Port": 5432, "HostedZoneId": "Z1"},
            DbInstancePort=0,
            MasterUsername="admin",
            DBName="app",
            DBSubnetGroup={"DBSubnetGroupName": "g", "VpcId": "vpc-1"},
            VpcSecurityGroups=[{"VpcSecurityGroupId": "sg-1"}, {"Status": "active"}],
            AvailabilityZone="us-east-1a",
            SecondaryAvailabilityZone="us-east-1b",
            MultiAZ=True,
            PubliclyAccessible=True,
            StorageType="io1",
            Iops=3000,
            StorageEncrypted=True,
            KmsKeyId="arn:aws:kms:us-east-1:123456789012:key/k",
            DeletionProtection=True,
            CACertificateIdentifier="rds-ca-rsa2048-g1",
            BackupRetentionPeriod=7,
            LicenseModel="postgresql-license",
            AutoMinorVersionUpgrade=True,
            IAMDatabaseAuthenticationEnabled=True,
            DBClusterIdentifier="cluster",
            ReadReplicaSourceDBInstanceIdentifier="source",
            ReadReplicaDBInstanceIdentifiers=["replica"],
            DBParameterGroups=[{"DBParameterGroupName": "default.postgres16"}, {}],
            MasterUserSecret={"SecretArn": "arn:aws:secretsmanager:us-east-1:1:secret:s"},
            TagList=[{"Key": "team", "Value": "data"}],
        )
    )

    assert instance.endpoint == Endpoint(
        address="db1.x.rds.amazonaws.com", port=5432, hosted_zone_id="Z1"
    )
    assert instance.port == 5432  # DbInstancePort 0: the endpoint's
    assert instance.created == CREATED
    assert instance.subnet_group == DbSubnetGroup(name="g", vpc_id="vpc-1")
    assert instance.vpc_id == "vpc-1"
    assert instance.vpc_security_group_ids == ("sg-1",)
    assert (instance.availability_zone, instance.secondary_availability_zone) == (
        "us-east-1a",
        "us-east-1b",
    )
    assert (instance.multi_az, instance.publicly_accessible) == (True, True)
    assert (instance.storage_type, instance.iops, instance.storage_encrypted) == ("io1", 3000, True)
    assert instance.kms_key_id == "arn:aws:kms:us-east-1:123456789012:key/k"
    assert (instance.deletion_protection, instance.ca_certificate_identifier) == (
        True,
        "rds-ca-rsa2048-g1",
    )
    assert (instance.backup_retention_period, instance.license_model) == (7, "postgresql-license")
    assert (instance.auto_minor_version_upgrade, instance.iam_database_authentication) == (
        True,
        True,
    )
    assert (instance.cluster_identifier, instance.read_replica_source) == ("cluster", "source")
    assert instance.read_replicas == ("replica",)
    assert instance.parameter_groups == ("default.postgres16",)
    assert instance.master_user_secret_arn == "arn:aws:secretsmanager:us-east-1:1:secret:s"
    assert (instance.master_username, instance.db_name, instance.engine_version) == (
        "admin",
        "app",
        "16.3",
    )
    assert instance.tags == {"team": "data"}


def test_an_aurora_instance_port_is_its_own() -> None:
    """A non-zero DbInstancePort (Aurora's) is the port, even with no endpoint yet."""
    assert DbInstance._from_boto(item(DbInstancePort=3306)).port == 3306


def test_a_status_aws_adds_later_is_unknown_but_kept() -> None:
    """A status this version does not know parses as UNKNOWN; status_name keeps AWS's string."""
    instance = DbInstance._from_boto(item(DBInstanceStatus="quantum-tunnelling"))

    assert instance.status is DbInstanceStatus.UNKNOWN
    assert instance.status_name == "quantum-tunnelling"


#: The statuses of the RDS User Guide's table "DB instance status"
#: (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.DBInstance.Status.html); RDS's
#: service model leaves DBInstanceStatus a plain string, so the guide is the source.
DOCUMENTED_STATUSES: Final = (
    "available",
    "backing-up",
    "backtracking",
    "configuring-enhanced-monitoring",
    "configuring-iam-database-auth",
    "configuring-log-exports",
    "converting-to-vpc",
    "creating",
    "delete-precheck",
    "deleting",
    "failed",
    "inaccessible-encryption-credentials",
    "inaccessible-encryption-credentials-recoverable",
    "incompatible-create",
    "incompatible-network",
    "incompatible-option-group",
    "incompatible-parameters",
    "incompatible-restore",
    "insufficient-capacity",
    "maintenance",
    "modifying",
    "moving-to-vpc",
    "rebooting",
    "resetting-master-credentials",
    "renaming",
    "restore-error",
    "starting",
    "stopped",
    "stopping",
    "storage-config-upgrade",
    "storage-full",
    "storage-initialization",
    "storage-optimization",
    "upgrading",
)


def test_every_status_the_rds_user_guide_documents_reads_as_a_member() -> None:
    """No documented status (storage-initialization, backtracking, …) reads as UNKNOWN."""
    unknown = [
        status
        for status in DOCUMENTED_STATUSES
        if DbInstance._from_boto(item(DBInstanceStatus=status)).status is DbInstanceStatus.UNKNOWN
    ]

    assert unknown == []


def test_status_members_compare_as_aws_strings() -> None:
    """A status equals AWS's own string."""
    assert str(DbInstanceStatus.STORAGE_FULL) == "storage-full"
    assert f"{DbInstanceStatus.STORAGE_FULL}" == "storage-full"
    assert DbInstanceStatus("incompatible-parameters") is DbInstanceStatus.INCOMPATIBLE_PARAMETERS


@pytest.mark.parametrize(
    "missing",
    [
        "DBInstanceIdentifier",
        "DBInstanceArn",
        "DbiResourceId",
        "DBInstanceClass",
        "Engine",
        "DBInstanceStatus",
        "AllocatedStorage",
    ],
)
def test_an_instance_lacking_what_aws_always_sends_is_unexpected(missing: str) -> None:
    """Each field AWS always sends, when absent, is UnexpectedResponseError naming it."""
    broken = item()
    del broken[missing]  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues] - each key in turn

    with pytest.raises(UnexpectedResponseError, match=missing):
        DbInstance._from_boto(broken)


def test_an_endpoint_without_an_address_is_none() -> None:
    """An Endpoint member with no address (an instance still being created) is no endpoint."""
    assert DbInstance._from_boto(item(Endpoint={"HostedZoneId": "Z1"})).endpoint is None


def test_an_endpoint_without_its_port_is_unexpected() -> None:
    """An endpoint address without a port is UnexpectedResponseError."""
    with pytest.raises(UnexpectedResponseError, match=r"Endpoint\.Port"):
        DbInstance._from_boto(item(Endpoint={"Address": "db1.x"}))


def test_a_subnet_group_keeps_its_subnets_and_zones_in_order() -> None:
    """Subnets without an id are skipped; a zone AWS leaves out is None."""
    group = DbSubnetGroup._from_boto(
        {
            "DBSubnetGroupName": "g",
            "Subnets": [
                {"SubnetIdentifier": "subnet-a", "SubnetAvailabilityZone": {"Name": "eu-west-1a"}},
                {"SubnetStatus": "Active"},
                {"SubnetIdentifier": "subnet-b"},
            ],
        }
    )

    assert group.subnet_ids == ("subnet-a", "subnet-b")
    assert group.availability_zones == ("eu-west-1a", None)
    assert (group.description, group.vpc_id, group.arn, group.status) == (None, None, None, None)


def test_a_subnet_group_without_its_name_is_unexpected() -> None:
    """A subnet group lacking DBSubnetGroupName is UnexpectedResponseError."""
    with pytest.raises(UnexpectedResponseError, match="DBSubnetGroupName"):
        DbSubnetGroup._from_boto({"VpcId": "vpc-1"})


def test_models_are_frozen_hashable_and_keyword_only() -> None:
    """Models cannot change, can be set members, and take keywords only."""
    instance = DbInstance._from_boto(item(TagList=[{"Key": "k", "Value": "v"}]))

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        instance.identifier = "other"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue] - frozen on purpose
    assert {instance, DbInstance._from_boto(item(TagList=[{"Key": "k", "Value": "v"}]))} == {
        instance
    }
    with pytest.raises(TypeError):
        Endpoint("db1.x", 5432)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue] - positional on purpose


def test_a_hand_built_instance_names_its_status() -> None:
    """An instance built by hand gets status_name from its status."""
    instance = DbInstance(
        identifier="db1",
        arn="arn:aws:rds:us-east-1:123456789012:db:db1",
        resource_id="db-1",
        instance_class="db.t3.micro",
        engine="postgres",
        status=DbInstanceStatus.STOPPED,
        allocated_storage=20,
    )

    assert instance.status_name == "stopped"


def test_no_model_has_a_place_for_a_password() -> None:
    """No field of any RDS model could hold a password."""
    names = [
        field.name
        for model in (DbInstance, DbSubnetGroup, Endpoint)
        for field in attrs.fields(model)
    ]
    assert not [name for name in names if "password" in name]
