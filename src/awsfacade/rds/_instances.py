"""RdsService's DB instances: create, list, read, delete and wait."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from awsfacade import _tags
from awsfacade._convert import sent
from awsfacade._create import create_unique
from awsfacade._paging import only
from awsfacade._validate import (
    check_id,
    check_int,
    check_text,
    optional_ids,
    required_choice,
)
from awsfacade._waiting import Seen, wait_for_path
from awsfacade.errors import InvalidArgumentError, NotFoundError
from awsfacade.rds._base import RdsBase
from awsfacade.rds._checks import (
    check_identifier,
    check_instance_ref,
    check_master_password,
    check_master_username,
    check_snapshot_identifier,
    check_subnet_group_name,
    check_tags,
)
from awsfacade.rds._models import DbInstance, DbInstanceStatus

if TYPE_CHECKING:
    from mypy_boto3_rds.type_defs import (
        CreateDBInstanceMessageTypeDef,
        DBInstanceMessageTypeDef,
        DeleteDBInstanceMessageTypeDef,
        DescribeDBInstancesMessagePaginateTypeDef,
    )

    from awsfacade.progress import ProgressCallback

__all__ = ["RdsInstancesMixin"]

#: The statuses botocore's own ``db_instance_available`` waiter (rds waiters-2.json) fails on.
_NEVER_AVAILABLE: Final = (
    DbInstanceStatus.DELETING,
    DbInstanceStatus.FAILED,
    DbInstanceStatus.INCOMPATIBLE_RESTORE,
    DbInstanceStatus.INCOMPATIBLE_PARAMETERS,
    "deleted",
)
#: The statuses botocore's ``db_instance_deleted`` waiter fails on: nobody is deleting it.
_NOT_BEING_DELETED: Final = (
    DbInstanceStatus.CREATING,
    DbInstanceStatus.MODIFYING,
    DbInstanceStatus.REBOOTING,
    DbInstanceStatus.RESETTING_MASTER_CREDENTIALS,
)
_STATUS_PATH: Final = "DBInstances[].DBInstanceStatus"
#: AWS's code for an unknown DB instance (botocore's class: DBInstanceNotFoundFault).
_NOT_FOUND: Final = "DBInstanceNotFound"
#: Port: 1150 to 65535 for every engine RDS runs.
_MIN_PORT, _MAX_PORT = 1150, 65535
#: AllocatedStorage: at most 65536 GiB for any engine and storage type.
_MAX_STORAGE: Final = 65536
_MAX_DB_NAME: Final = 64


class RdsInstancesMixin(RdsBase):
    """DB instances."""

    __slots__ = ()

    def create_instance(
        self,
        identifier: str,
        *,
        instance_class: str,
        engine: str,
        allocated_storage: int = 20,
        master_username: str | None = None,
        master_password: str | None = None,
        subnet_group: str | None = None,
        security_group_ids: Sequence[str] = (),
        tags: Mapping[str, str] | None = None,
        engine_version: str | None = None,
        db_name: str | None = None,
        port: int | None = None,
        storage_type: str | None = None,
        multi_az: bool | None = None,
        publicly_accessible: bool | None = None,
        storage_encrypted: bool | None = None,
        deletion_protection: bool | None = None,
    ) -> DbInstance:
        """Create a DB instance and return it as RDS reports it (`creating`, for a while).

        `CreateDBInstance` answers with the new instance, so the model is built from that
        answer: no read-back, which eventual consistency could fail. The instance takes
        minutes to become usable:
        [`wait_until_available`][awsfacade.rds.RdsService.wait_until_available] waits for it.
        `None` for a setting means AWS's default.

        If that answer is lost and botocore's retry meets `DBInstanceAlreadyExists`, the
        instance is read: returned if its engine, class, storage and the other settings
        given are the ones sent.

        Args:
            identifier: The new instance's identifier: 1 to 63 letters, digits or hyphens,
                starting with a letter, with no two hyphens in a row and not ending in one.
            instance_class: The compute and memory class, such as `db.t3.micro`.
            engine: The database engine, such as `postgres` or `mysql`.
            allocated_storage: The storage to allocate, in GiB (1 to 65,536; each engine and
                storage type has its own minimum, which AWS checks).
            master_username: The master user's name: 1 to 16 letters, digits or underscores,
                starting with a letter.
            master_password: The master user's password (needs `master_username`): 8
                characters or more, up to the engine's limit (41 for MySQL, Aurora MySQL and
                MariaDB; 30 for Oracle; 128 for PostgreSQL, Aurora PostgreSQL and SQL
                Server; 255 for the others), of printable ASCII but space, `/`, `"` and `@`
                (and, for Oracle, `&` and `'`). It is sent to AWS and kept nowhere; an error
                about it never quotes it.
            subnet_group: The DB subnet group to place it in, and so that group's VPC;
                `None`: AWS uses the default VPC.
            security_group_ids: The VPC security groups to give it; empty: the VPC's default
                group.
            tags: Tags for the new instance, at most 50.
            engine_version: The engine version, such as `16.3`; a major version (`16`) gets
                AWS's default minor one.
            db_name: The name of a database to create in the instance (at most 64
                characters; each engine has its own rules, which AWS checks).
            port: The port to listen on: 1150 to 65535.
            storage_type: The storage type, such as `gp3` or `io1`.
            multi_az: Whether to keep a standby in another availability zone.
            publicly_accessible: Whether the endpoint resolves to a public IP address.
            storage_encrypted: Whether to encrypt the storage (with the account's default
                KMS key for RDS).
            deletion_protection: Whether RDS refuses to delete it until this is turned off.

        Returns:
            The new instance as `CreateDBInstance` reports it.

        Raises:
            InvalidArgumentError: An argument breaks the rules above (a `master_password`
                without a `master_username`, say); nothing was sent.
            AlreadyExistsError: An instance with that identifier exists already
                (`DBInstanceAlreadyExists`), and this call did not make it.
            NotFoundError: The subnet group does not exist (`DBSubnetGroupNotFoundFault`).
            InvalidRequestError: AWS refuses the combination of settings (an engine version
                it does not offer, a storage type the class does not support…).
            CapacityError: AWS has no capacity for that class in that zone now
                (`InsufficientDBInstanceCapacity`).
            LimitExceededError: An account quota on instances or storage is used up.
        """
        request = self._create_request(
            check_identifier(identifier),
            instance_class=check_id(instance_class, "instance_class"),
            engine=check_id(engine, "engine"),
            allocated_storage=check_int(
                allocated_storage, "allocated_storage", minimum=1, maximum=_MAX_STORAGE
            ),
            master_username=master_username,
            master_password=master_password,
            subnet_group=subnet_group,
            security_group_ids=security_group_ids,
            tags=tags,
        )
        if engine_version is not None:
            request["EngineVersion"] = check_id(engine_version, "engine_version")
        if db_name is not None:
            request["DBName"] = check_text(db_name, "db_name", _MAX_DB_NAME)
        if port is not None:
            request["Port"] = check_int(port, "port", minimum=_MIN_PORT, maximum=_MAX_PORT)
        if storage_type is not None:
            request["StorageType"] = check_id(storage_type, "storage_type")
        if multi_az is not None:
            request["MultiAZ"] = multi_az
        if publicly_accessible is not None:
            request["PubliclyAccessible"] = publicly_accessible
        if storage_encrypted is not None:
            request["StorageEncrypted"] = storage_encrypted
        if deletion_protection is not None:
            request["DeletionProtection"] = deletion_protection

        def send() -> DbInstance:
            with self._translate():
                response = self._client.create_db_instance(**request)
            return DbInstance._from_boto(
                sent(response.get("DBInstance"), "DBInstance", "CreateDBInstance")
            )

        def find(_: object) -> DbInstance | None:
            found = self.instance(request["DBInstanceIdentifier"])
            return found if _as_sent(found, request) else None

        return create_unique(send, operation="CreateDBInstance", find=find)

    @staticmethod
    def _create_request(
        identifier: str,
        *,
        instance_class: str,
        engine: str,
        allocated_storage: int,
        master_username: str | None,
        master_password: str | None,
        subnet_group: str | None,
        security_group_ids: Sequence[str],
        tags: Mapping[str, str] | None,
    ) -> CreateDBInstanceMessageTypeDef:
        """The request's contract part, each argument checked."""
        request: CreateDBInstanceMessageTypeDef = {
            "DBInstanceIdentifier": identifier,
            "DBInstanceClass": instance_class,
            "Engine": engine,
            "AllocatedStorage": allocated_storage,
        }
        if master_username is not None:
            request["MasterUsername"] = check_master_username(master_username)
        if master_password is not None:
            if master_username is None:
                raise InvalidArgumentError("master_password needs a master_username")
            request["MasterUserPassword"] = check_master_password(master_password, engine)
        if subnet_group is not None:
            request["DBSubnetGroupName"] = check_subnet_group_name(subnet_group, "subnet_group")
        group_ids = optional_ids(security_group_ids, "security_group_ids")
        if group_ids:
            request["VpcSecurityGroupIds"] = group_ids
        checked_tags = check_tags(tags)
        if checked_tags:
            request["Tags"] = _tags.to_aws(checked_tags)
        return request

    def instances(self, *, engine: str | None = None) -> Iterator[DbInstance]:
        """Every DB instance of the account in the service's region.

        Args:
            engine: Only the instances of that engine (`postgres`, `mysql`…); `None`: all.

        Returns:
            A lazy iterator of DB instances, read page by page (100 a page) as you iterate.

        Raises:
            InvalidArgumentError: `engine` is not a non-empty string; nothing was sent.
        """
        request: DescribeDBInstancesMessagePaginateTypeDef = {}
        if engine is not None:
            request["Filters"] = [{"Name": "engine", "Values": [check_id(engine, "engine")]}]
        return self._instances(request)

    def instance(self, identifier: str) -> DbInstance:
        """One DB instance by identifier (or ARN).

        Returns:
            The instance as `DescribeDBInstances` reports it now.

        Raises:
            NotFoundError: There is no such instance.
            InvalidArgumentError: `identifier` is neither a DB instance identifier nor a DB
                instance ARN; nothing was sent.
        """
        ref = check_instance_ref(identifier)
        return only(
            self._instances({"DBInstanceIdentifier": ref}),
            NotFoundError(
                code=_NOT_FOUND,
                message=f"DBInstance {ref} not found.",
                operation="DescribeDBInstances",
            ),
        )

    def _instances(
        self, request: DescribeDBInstancesMessagePaginateTypeDef
    ) -> Iterator[DbInstance]:
        paginator = self._client.get_paginator("describe_db_instances")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("DBInstances", []),
            DbInstance._from_boto,
        )

    @required_choice(
        "skip_final_snapshot",
        "delete_instance needs skip_final_snapshot= to say whether to keep the data: False "
        "(AWS's own default) takes a final snapshot, named by final_snapshot_identifier, "
        "before the deletion; True deletes the instance with no final snapshot. Nothing was "
        "sent.",
    )
    def delete_instance(
        self,
        identifier: str,
        *,
        skip_final_snapshot: bool,
        final_snapshot_identifier: str | None = None,
    ) -> None:
        """Delete a DB instance, after a final snapshot named `final_snapshot_identifier`
        (`skip_final_snapshot=False`, AWS's own default) or with none
        (`skip_final_snapshot=True`).

        The choice has no default: a call that does not make it is refused, by type checkers
        and, before any request, with [`InvalidArgumentError`][]. The deletion takes
        minutes: [`wait_until_deleted`][awsfacade.rds.RdsService.wait_until_deleted] waits
        for it.

        Args:
            identifier: The instance to delete.
            skip_final_snapshot: `False` takes a final snapshot first, named by
                `final_snapshot_identifier`; `True` deletes the instance and its data with
                no final snapshot.
            final_snapshot_identifier: The final snapshot's name, needed with
                `skip_final_snapshot=False` and refused with `True`: 1 to 255 letters,
                digits or hyphens, starting with a letter, with no two hyphens in a row and
                not ending in one.

        Raises:
            InvalidArgumentError: `skip_final_snapshot` is missing or not a `bool`;
                `skip_final_snapshot=False` without a `final_snapshot_identifier`, or `True`
                with one; or an identifier breaks RDS's rules. Nothing was sent.
            InvalidStateError: The instance cannot be deleted in its current state (still
                creating, say).
            NotFoundError: There is no such instance.
            AlreadyExistsError: A snapshot named `final_snapshot_identifier` exists already.
            InvalidRequestError: Deletion protection is on (AWS answers
                `InvalidParameterCombination`).
        """
        request: DeleteDBInstanceMessageTypeDef = {
            "DBInstanceIdentifier": check_identifier(identifier),
            "SkipFinalSnapshot": skip_final_snapshot,
        }
        if final_snapshot_identifier is not None:
            if skip_final_snapshot:
                raise InvalidArgumentError(
                    "final_snapshot_identifier names a snapshot that skip_final_snapshot=True "
                    "skips: pass skip_final_snapshot=False to take it"
                )
            request["FinalDBSnapshotIdentifier"] = check_snapshot_identifier(
                final_snapshot_identifier
            )
        elif not skip_final_snapshot:
            # AWS refuses this too (InvalidParameterCombination); moto deletes without a snapshot.
            raise InvalidArgumentError(
                "skip_final_snapshot=False needs a final_snapshot_identifier to name the snapshot"
            )
        with self._translate():
            self._client.delete_db_instance(**request)

    def wait_until_available(
        self,
        identifier: str,
        *,
        timeout: float = 1800,
        poll_interval: float = 30,
        on_progress: ProgressCallback | None = None,
    ) -> DbInstance:
        """Wait until the DB instance is `available` and return it as it is then.

        Polls DescribeDBInstances at once, then every `poll_interval` seconds, matching each
        answer with botocore's waiter acceptors; the last sleep ends at `timeout`, never past
        it.

        Args:
            identifier: The instance's identifier or ARN.
            timeout: The most seconds to wait.
            poll_interval: Seconds between two polls.
            on_progress: Called after each poll with a
                [Progress][awsfacade.progress.Progress]: the status seen
                (`"backing-up"`), 0 of 1 done until it is `available`.

        Returns:
            The instance as the poll that found it `available` describes it.

        Raises:
            WaitTimeoutError: Time ran out before the instance was `available`; the message
                says the status last seen.
            WaitFailedError: At once, on a status botocore's own `db_instance_available`
                waiter gives up on (`deleting`, `failed`, `incompatible-restore`,
                `incompatible-parameters`).
            NotFoundError: The identifier is still unknown after a short grace period (a
                new instance may take a moment to appear).
            InvalidArgumentError: `identifier` is not an identifier or ARN, or `timeout` or
                `poll_interval` is not a positive number of seconds; nothing was sent.
        """
        ref = check_instance_ref(identifier)
        answer = wait_for_path(
            lambda: self._client.describe_db_instances(DBInstanceIdentifier=ref),
            operation="DescribeDBInstances",
            path=_STATUS_PATH,
            expected=str(DbInstanceStatus.AVAILABLE),
            seen=lambda found: _status_seen(found, DbInstanceStatus.AVAILABLE),
            failures=[str(status) for status in _NEVER_AVAILABLE],
            not_found=[_NOT_FOUND],
            grace=True,
            timeout=timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            description=f"DB instance {ref} to be available",
            codes=self._error_codes,
        )
        return only(
            (DbInstance._from_boto(item) for item in answer.get("DBInstances", [])),
            NotFoundError(
                code=_NOT_FOUND,
                message=f"DBInstance {ref} not found.",
                operation="DescribeDBInstances",
            ),
        )

    def wait_until_deleted(
        self,
        identifier: str,
        *,
        timeout: float = 1800,
        poll_interval: float = 30,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        """Wait until RDS no longer knows the DB instance, as botocore's
        `db_instance_deleted` waiter does.

        The one wait that returns no model: a deleted instance has none. Returns at once
        for an unknown identifier.

        Args:
            identifier: The instance's identifier or ARN.
            timeout: The most seconds to wait.
            poll_interval: Seconds between two polls.
            on_progress: Called after each poll with a
                [Progress][awsfacade.progress.Progress]: the status seen (`"deleting"`),
                then `"deleted"`, 1 of 1 done.

        Raises:
            WaitFailedError: The instance is being created, modified or rebooted (or its
                master credentials reset) instead: nobody is deleting it.
            WaitTimeoutError: Time ran out while RDS still knew the instance.
            InvalidArgumentError: `identifier` is not an identifier or ARN, or `timeout` or
                `poll_interval` is not a positive number of seconds; nothing was sent.
        """
        ref = check_instance_ref(identifier)
        try:
            wait_for_path(
                lambda: self._client.describe_db_instances(DBInstanceIdentifier=ref),
                operation="DescribeDBInstances",
                path=_STATUS_PATH,
                expected="deleted",
                seen=lambda found: _status_seen(found, "deleted"),
                failures=[str(status) for status in _NOT_BEING_DELETED],
                not_found=[_NOT_FOUND],
                timeout=timeout,
                poll_interval=poll_interval,
                on_progress=on_progress,
                description=f"DB instance {ref} to be deleted",
                codes=self._error_codes,
            )
        except NotFoundError:
            return  # DescribeDBInstances no longer knows it: deleted


def _status_seen(answer: DBInstanceMessageTypeDef | None, awaited: str) -> Seen:
    """The status a DescribeDBInstances answer shows, 1 of 1 done if it is ``awaited``
    (``None``, RDS does not know the instance: "deleted", or "not found yet")."""
    if answer is None:
        shown = "deleted" if awaited == "deleted" else "not found yet"
    else:
        statuses = (item.get("DBInstanceStatus") for item in answer.get("DBInstances", []))
        shown = next(statuses, None) or "no status"
    return Seen(int(shown == awaited), 1, shown)


def _as_sent(found: DbInstance, request: CreateDBInstanceMessageTypeDef) -> bool:
    """Whether ``found`` has every setting ``request`` gave (RDS keeps names in lower case,
    and may complete a major engine version with its minor one)."""
    group = found.subnet_group.name if found.subnet_group is not None else None
    given: list[tuple[object, object]] = [
        (request["Engine"].lower(), found.engine.lower()),
        (request["DBInstanceClass"], found.instance_class),
        (request.get("AllocatedStorage"), found.allocated_storage),
        (request.get("MasterUsername"), found.master_username),
        (_lower(request.get("DBSubnetGroupName")), _lower(group)),
        (request.get("DBName"), found.db_name),
        (request.get("Port"), found.port),
        (request.get("StorageType"), found.storage_type),
        (request.get("MultiAZ"), found.multi_az),
        (request.get("PubliclyAccessible"), found.publicly_accessible),
        (request.get("StorageEncrypted"), found.storage_encrypted),
        (request.get("DeletionProtection"), found.deletion_protection),
    ]
    groups = request.get("VpcSecurityGroupIds")
    version = request.get("EngineVersion")
    return (
        all(sent_value is None or sent_value == value for sent_value, value in given)
        and (groups is None or set(groups) == set(found.vpc_security_group_ids))
        and (version is None or (found.engine_version or "").startswith(version))
        and found.tags == _tags.Tags.from_aws(request.get("Tags"))
    )


def _lower(name: str | None) -> str | None:
    return None if name is None else name.lower()
