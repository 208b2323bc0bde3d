"""RDS models: frozen attrs classes built from boto3-stubs TypedDicts by `_from_boto`.

No model holds a master password: RDS never sends one back, and the facade keeps none of what
the user passed, so no ``repr``, log line or error can show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._base import StateEnum, state_parser
from awsfacade._convert import converter, optional_utc, required
from awsfacade._tags import Tags, as_tags

if TYPE_CHECKING:
    from mypy_boto3_rds.type_defs import (
        DBInstanceTypeDef,
        DBSubnetGroupTypeDef,
        EndpointTypeDef,
    )

__all__ = ["DbInstance", "DbInstanceStatus", "DbSubnetGroup", "Endpoint"]


class DbInstanceStatus(StateEnum):
    """A DB instance's status, as the RDS User Guide's table of DB instance statuses lists
    them (RDS's service model leaves the field a plain string); `UNKNOWN` for a status AWS
    adds later (the model's [`status_name`][awsfacade.rds.DbInstance.status_name] keeps
    AWS's own string)."""

    AVAILABLE = "available"
    BACKING_UP = "backing-up"
    BACKTRACKING = "backtracking"
    CONFIGURING_ENHANCED_MONITORING = "configuring-enhanced-monitoring"
    CONFIGURING_IAM_DATABASE_AUTH = "configuring-iam-database-auth"
    CONFIGURING_LOG_EXPORTS = "configuring-log-exports"
    CONVERTING_TO_VPC = "converting-to-vpc"
    CREATING = "creating"
    DELETE_PRECHECK = "delete-precheck"
    DELETING = "deleting"
    FAILED = "failed"
    INACCESSIBLE_ENCRYPTION_CREDENTIALS = "inaccessible-encryption-credentials"
    INACCESSIBLE_ENCRYPTION_CREDENTIALS_RECOVERABLE = (
        "inaccessible-encryption-credentials-recoverable"
    )
    INCOMPATIBLE_CREATE = "incompatible-create"
    INCOMPATIBLE_NETWORK = "incompatible-network"
    INCOMPATIBLE_OPTION_GROUP = "incompatible-option-group"
    INCOMPATIBLE_PARAMETERS = "incompatible-parameters"
    INCOMPATIBLE_RESTORE = "incompatible-restore"
    INSUFFICIENT_CAPACITY = "insufficient-capacity"
    MAINTENANCE = "maintenance"
    MODIFYING = "modifying"
    MOVING_TO_VPC = "moving-to-vpc"
    REBOOTING = "rebooting"
    RESETTING_MASTER_CREDENTIALS = "resetting-master-credentials"
    RENAMING = "renaming"
    RESTORE_ERROR = "restore-error"
    STARTING = "starting"
    STOPPED = "stopped"
    STOPPING = "stopping"
    STORAGE_CONFIG_UPGRADE = "storage-config-upgrade"
    STORAGE_FULL = "storage-full"
    STORAGE_INITIALIZATION = "storage-initialization"
    STORAGE_OPTIMIZATION = "storage-optimization"
    UPGRADING = "upgrading"
    UNKNOWN = "unknown"


_STATUS = state_parser(DbInstanceStatus)


@attrs.frozen(kw_only=True)
class Endpoint:
    """Where a DB instance listens: its DNS `address` and `port`."""

    address: str
    """The DNS name to connect to."""
    port: int
    """The port the database listens on."""
    hosted_zone_id: str | None = None
    """The Route53 hosted zone of `address`; `None` if AWS sent none."""

    @classmethod
    @converter
    def _from_boto(cls, item: EndpointTypeDef) -> Endpoint:
        return cls(
            address=required(item.get("Address"), "Endpoint.Address"),
            port=required(item.get("Port"), "Endpoint.Port"),
            hosted_zone_id=item.get("HostedZoneId") or None,
        )


@attrs.frozen(kw_only=True)
class DbSubnetGroup:
    """A DB subnet group: the subnets (of one VPC) a DB instance may be placed in."""

    name: str
    """The group's name (RDS keeps it in lower case)."""
    description: str | None = None
    """The group's description; `None` if AWS sent none."""
    vpc_id: str | None = None
    """The VPC of the group's subnets; `None` if AWS sent none."""
    subnet_ids: tuple[str, ...] = ()
    """The ids of the group's subnets."""
    availability_zones: tuple[str | None, ...] = ()
    """The availability zones of `subnet_ids`, in the same order; `None` where AWS leaves a
    subnet's zone out."""
    arn: str | None = None
    """The group's ARN; `None` if AWS sent none."""
    status: str | None = None
    """AWS's status string (`"Complete"`); `None` if AWS sent none."""

    @classmethod
    @converter
    def _from_boto(cls, item: DBSubnetGroupTypeDef) -> DbSubnetGroup:
        subnets = [subnet for subnet in item.get("Subnets", []) if subnet.get("SubnetIdentifier")]
        return cls(
            name=required(item.get("DBSubnetGroupName"), "DBSubnetGroupName"),
            description=item.get("DBSubnetGroupDescription"),
            vpc_id=item.get("VpcId") or None,
            subnet_ids=tuple(subnet.get("SubnetIdentifier", "") for subnet in subnets),
            availability_zones=tuple(
                subnet.get("SubnetAvailabilityZone", {}).get("Name") or None for subnet in subnets
            ),
            arn=item.get("DBSubnetGroupArn") or None,
            status=item.get("SubnetGroupStatus") or None,
        )


def _present(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values AWS sent, leaving out missing and empty ones."""
    return tuple(value for value in values if value)


def _status_name(instance: DbInstance) -> str:
    """`status_name` of a model built by hand: its status's string."""
    return str(instance.status)


@attrs.frozen(kw_only=True)
class DbInstance:
    """A DB instance, as `DescribeDBInstances` reports it.

    No model holds a master password: RDS never sends one back, and the facade keeps none of
    what the user passed, so no `repr`, log line or error can show it.
    """

    identifier: str
    """The DB instance identifier (`DBInstanceIdentifier`), unique in the account and region;
    RDS keeps it in lower case. A rename changes it, and a deleted instance's may be reused."""
    arn: str
    """The instance's ARN."""
    resource_id: str
    """AWS's `DbiResourceId`: the stable id to key an inventory on. Unlike `identifier` it
    survives a rename and is never reused. (moto gives every instance the same one.)"""
    instance_class: str
    """The compute and memory class, such as `db.t3.micro`."""
    engine: str
    """The database engine, such as `postgres` or `mysql`."""
    status: DbInstanceStatus
    """The status; `DbInstanceStatus.UNKNOWN` for a status this version does not know."""
    allocated_storage: int
    """The storage allocated, in GiB."""
    status_name: str = attrs.field(default=attrs.Factory(_status_name, takes_self=True))
    """AWS's own status string, also for a status this version does not know; for a model
    built by hand, its `status`'s string."""
    engine_version: str | None = None
    """The engine's version, such as `16.3`; `None` if AWS sent none."""
    created: datetime | None = None
    """When the instance was created (UTC); `None` while it is being created."""
    endpoint: Endpoint | None = None
    """Where it listens; `None` while it is being created."""
    port: int | None = None
    """The port the database listens on (`DbInstancePort`, else the endpoint's); `None` while
    neither is known."""
    master_username: str | None = None
    """The master user's name; `None` if AWS sent none."""
    db_name: str | None = None
    """The database created with the instance (`DBName`); `None` if none was."""
    subnet_group: DbSubnetGroup | None = None
    """The DB subnet group it is placed in. AWS reports an instance created without one in
    the default VPC's `default` group; moto reports no group (`None`)."""
    vpc_id: str | None = None
    """The VPC it is in, from `subnet_group`: `None` when there is no group (on moto, for an
    instance created without one)."""
    vpc_security_group_ids: tuple[str, ...] = ()
    """The ids of its VPC security groups."""
    availability_zone: str | None = None
    """The availability zone it runs in; `None` if AWS sent none."""
    secondary_availability_zone: str | None = None
    """The zone of a Multi-AZ instance's standby; `None` for a single-AZ instance, or if AWS
    sent none."""
    multi_az: bool = False
    """Whether it is a Multi-AZ deployment, with a standby in another zone."""
    publicly_accessible: bool = False
    """Whether its endpoint resolves to a public IP address, reachable from outside its VPC."""
    storage_type: str | None = None
    """The storage type, such as `gp3` or `io1`; `None` if AWS sent none."""
    iops: int | None = None
    """The provisioned IOPS; `None` if AWS sent none (storage without provisioned IOPS)."""
    storage_encrypted: bool = False
    """Whether its storage is encrypted."""
    kms_key_id: str | None = None
    """The KMS key that encrypts its storage; `None` if AWS sent none (unencrypted storage)."""
    deletion_protection: bool = False
    """Whether deletion protection is on: RDS refuses to delete it until it is turned off."""
    ca_certificate_identifier: str | None = None
    """The CA certificate of its server certificate; `None` if AWS sent none."""
    backup_retention_period: int | None = None
    """How many days automated backups are kept (0: none are taken); `None` if AWS sent none."""
    license_model: str | None = None
    """The engine's license model, such as `general-public-license`; `None` if AWS sent none."""
    auto_minor_version_upgrade: bool = False
    """Whether minor engine upgrades are applied in the maintenance window."""
    iam_database_authentication: bool = False
    """Whether IAM database authentication is on."""
    cluster_identifier: str | None = None
    """The DB cluster it belongs to (Aurora); `None` for a standalone instance."""
    read_replica_source: str | None = None
    """The instance it is a read replica of; `None` if it is not a replica."""
    read_replicas: tuple[str, ...] = ()
    """The identifiers of its read replicas."""
    parameter_groups: tuple[str, ...] = ()
    """The names of its DB parameter groups."""
    master_user_secret_arn: str | None = None
    """The ARN of the Secrets Manager secret holding the master password, when RDS manages it;
    `None` otherwise."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """The instance's tags."""

    @classmethod
    @converter
    def _from_boto(cls, item: DBInstanceTypeDef) -> DbInstance:
        status_name = required(item.get("DBInstanceStatus"), "DBInstanceStatus")
        endpoint = item.get("Endpoint")
        subnet_group = item.get("DBSubnetGroup")
        group = DbSubnetGroup._from_boto(subnet_group) if subnet_group else None
        # DbInstancePort is 0 for engines whose port is the endpoint's (all but Aurora's).
        port = item.get("DbInstancePort") or (endpoint or {}).get("Port") or None
        return cls(
            identifier=required(item.get("DBInstanceIdentifier"), "DBInstanceIdentifier"),
            arn=required(item.get("DBInstanceArn"), "DBInstanceArn"),
            resource_id=required(item.get("DbiResourceId"), "DbiResourceId"),
            instance_class=required(item.get("DBInstanceClass"), "DBInstanceClass"),
            engine=required(item.get("Engine"), "Engine"),
            status=_STATUS(status_name),
            status_name=status_name,
            allocated_storage=required(item.get("AllocatedStorage"), "AllocatedStorage"),
            engine_version=item.get("EngineVersion") or None,
            created=optional_utc(item.get("InstanceCreateTime")),
            endpoint=Endpoint._from_boto(endpoint)
            if endpoint and endpoint.get("Address")
            else None,
            port=port,
            master_username=item.get("MasterUsername") or None,
            db_name=item.get("DBName") or None,
            subnet_group=group,
            vpc_id=group.vpc_id if group else None,
            vpc_security_group_ids=_present(
                membership.get("VpcSecurityGroupId")
                for membership in item.get("VpcSecurityGroups", [])
            ),
            availability_zone=item.get("AvailabilityZone") or None,
            secondary_availability_zone=item.get("SecondaryAvailabilityZone") or None,
            multi_az=item.get("MultiAZ", False),
            publicly_accessible=item.get("PubliclyAccessible", False),
            storage_type=item.get("StorageType") or None,
            iops=item.get("Iops"),
            storage_encrypted=item.get("StorageEncrypted", False),
            kms_key_id=item.get("KmsKeyId") or None,
            deletion_protection=item.get("DeletionProtection", False),
            ca_certificate_identifier=item.get("CACertificateIdentifier") or None,
            backup_retention_period=item.get("BackupRetentionPeriod"),
            license_model=item.get("LicenseModel") or None,
            auto_minor_version_upgrade=item.get("AutoMinorVersionUpgrade", False),
            iam_database_authentication=item.get("IAMDatabaseAuthenticationEnabled", False),
            cluster_identifier=item.get("DBClusterIdentifier") or None,
            read_replica_source=item.get("ReadReplicaSourceDBInstanceIdentifier") or None,
            read_replicas=tuple(item.get("ReadReplicaDBInstanceIdentifiers", [])),
            parameter_groups=_present(
                parameters.get("DBParameterGroupName")
                for parameters in item.get("DBParameterGroups", [])
            ),
            master_user_secret_arn=item.get("MasterUserSecret", {}).get("SecretArn") or None,
            tags=Tags.from_aws(item.get("TagList")),
        )
