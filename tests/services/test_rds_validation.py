"""Every RdsService method checks its arguments before the first request: a wrong one raises
InvalidArgumentError naming it, and nothing is sent (counted with a before-call hook)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from rds_support import PASSWORD, record

from awsfacade.errors import InvalidArgumentError, InvalidRequestError
from awsfacade.rds import RdsService

Call = Callable[[RdsService], object]


def create(**options: object) -> Call:
    """A create_instance call with valid arguments but ``options``."""
    arguments: dict[str, object] = {
        "identifier": "db1",
        "instance_class": "db.t3.micro",
        "engine": "postgres",
        "master_username": "admin",
        "master_password": PASSWORD,
    }
    arguments.update(options)
    return lambda rds: rds.create_instance(**arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the cases pass wrong types on purpose


# Each case: (id, the call, a fragment of the message that names the argument).
BAD_CALLS: list[tuple[str, Call, str]] = [
    ("identifier-empty", create(identifier=""), "identifier"),
    ("identifier-type", create(identifier=1), "identifier"),
    ("identifier-64", create(identifier="d" * 64), "identifier"),
    ("identifier-digit-first", create(identifier="1db"), "identifier"),
    ("identifier-double-hyphen", create(identifier="db--1"), "identifier"),
    ("identifier-hyphen-last", create(identifier="db-"), "identifier"),
    ("identifier-underscore", create(identifier="db_1"), "identifier"),
    (
        "identifier-arn",
        create(identifier="arn:aws:rds:us-east-1:123456789012:db:db1"),
        "identifier",
    ),
    ("instance-class-empty", create(instance_class=""), "instance_class"),
    ("instance-class-none", create(instance_class=None), "instance_class"),
    ("engine-empty", create(engine=" "), "engine"),
    ("storage-zero", create(allocated_storage=0), "allocated_storage"),
    ("storage-negative", create(allocated_storage=-5), "allocated_storage"),
    ("storage-bool", create(allocated_storage=True), "allocated_storage"),
    ("storage-str", create(allocated_storage="20"), "allocated_storage"),
    ("storage-float", create(allocated_storage=20.0), "allocated_storage"),
    ("storage-huge", create(allocated_storage=65537), "allocated_storage"),
    ("username-empty", create(master_username=""), "master_username"),
    ("username-17", create(master_username="a" * 17), "master_username"),
    ("username-digit-first", create(master_username="1admin"), "master_username"),
    ("username-hyphen", create(master_username="db-admin"), "master_username"),
    ("password-without-username", create(master_username=None), "master_username"),
    ("password-type", create(master_password=12345678), "master_password"),
    ("password-short", create(master_password="Short1!"), "master_password"),
    ("password-mysql-42", create(engine="mysql", master_password="p" * 42), "41"),
    ("password-oracle-31", create(engine="oracle-ee", master_password="p" * 31), "30"),
    ("password-postgres-129", create(master_password="p" * 129), "128"),
    ("password-unknown-engine-256", create(engine="x", master_password="p" * 256), "255"),
    ("password-slash", create(master_password="pass/word1"), "master_password"),
    ("password-quote", create(master_password='pass"word1'), "master_password"),
    ("password-at", create(master_password="pass@word1"), "master_password"),
    ("password-space", create(master_password="pass word1"), "master_password"),
    ("password-non-ascii", create(master_password="pässword1"), "master_password"),
    ("password-control", create(master_password="password\n1"), "master_password"),
    (
        "password-oracle-ampersand",
        create(engine="oracle-se2", master_password="pass&word1"),
        "Oracle",
    ),
    ("password-oracle-quote", create(engine="oracle-ee", master_password="pass'word1"), "Oracle"),
    ("subnet-group-empty", create(subnet_group=""), "subnet_group"),
    ("subnet-group-chars", create(subnet_group="db/subnets"), "subnet_group"),
    ("security-groups-str", create(security_group_ids="sg-1"), "security_group_ids"),
    ("security-groups-empty-id", create(security_group_ids=["sg-1", ""]), "security_group_ids"),
    ("tags-list", create(tags=[("k", "v")]), "tags"),
    ("tags-aws", create(tags={"aws:k": "v"}), "aws:"),
    ("tags-value", create(tags={"k": 1}), "k"),
    ("tags-51", create(tags={f"k{n}": "v" for n in range(51)}), "tags"),
    ("engine-version-empty", create(engine_version=""), "engine_version"),
    ("db-name-long", create(db_name="d" * 65), "db_name"),
    ("port-low", create(port=1149), "port"),
    ("port-high", create(port=65536), "port"),
    ("port-str", create(port="5432"), "port"),
    ("storage-type-empty", create(storage_type=""), "storage_type"),
    ("multi-az-str", create(multi_az="true"), "multi_az"),
    ("public-int", create(publicly_accessible=1), "publicly_accessible"),
    ("encrypted-str", create(storage_encrypted="False"), "storage_encrypted"),
    ("protection-int", create(deletion_protection=0), "deletion_protection"),
    ("instances-engine", lambda rds: rds.instances(engine=""), "engine"),
    ("instance-empty", lambda rds: rds.instance(""), "identifier"),
    ("instance-bad", lambda rds: rds.instance("-db"), "identifier"),
    ("instance-bad-arn", lambda rds: rds.instance("arn:aws:s3:::bucket"), "identifier"),
    (
        "delete-identifier",
        lambda rds: rds.delete_instance("db 1", skip_final_snapshot=True),
        "identifier",
    ),
    (
        "delete-skip-type",
        lambda rds: rds.delete_instance("db1", skip_final_snapshot="no"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
        "skip_final_snapshot",
    ),
    (
        "delete-no-skip-no-name",
        lambda rds: rds.delete_instance("db1", skip_final_snapshot=False),
        "final_snapshot_identifier",
    ),
    (
        "delete-skip-with-name",
        lambda rds: rds.delete_instance(
            "db1", skip_final_snapshot=True, final_snapshot_identifier="final"
        ),
        "skip_final_snapshot",
    ),
    (
        "delete-bad-snapshot-name",
        lambda rds: rds.delete_instance(
            "db1", skip_final_snapshot=False, final_snapshot_identifier="final--1"
        ),
        "final_snapshot_identifier",
    ),
    ("wait-identifier", lambda rds: rds.wait_until_available(""), "identifier"),
    ("wait-timeout", lambda rds: rds.wait_until_available("db1", timeout=0), "timeout"),
    (
        "wait-poll-interval",
        lambda rds: rds.wait_until_available("db1", poll_interval=-1),
        "poll_interval",
    ),
    ("wait-deleted-identifier", lambda rds: rds.wait_until_deleted("db_1"), "identifier"),
    ("wait-deleted-timeout", lambda rds: rds.wait_until_deleted("db1", timeout=True), "timeout"),
    (
        "subnet-group-default",
        lambda rds: rds.create_subnet_group("Default", subnet_ids=["s-1"], description="d"),
        "default",
    ),
    (
        "subnet-group-256",
        lambda rds: rds.create_subnet_group("g" * 256, subnet_ids=["s-1"], description="d"),
        "name",
    ),
    (
        "subnet-group-digit-first",
        lambda rds: rds.create_subnet_group("1g", subnet_ids=["s-1"], description="d"),
        "name",
    ),
    (
        "subnet-ids-str",
        lambda rds: rds.create_subnet_group("g", subnet_ids="subnet-1", description="d"),
        "subnet_ids",
    ),
    (
        "subnet-ids-empty",
        lambda rds: rds.create_subnet_group("g", subnet_ids=[], description="d"),
        "subnet_ids",
    ),
    (
        "subnet-group-description",
        lambda rds: rds.create_subnet_group("g", subnet_ids=["s-1"], description=""),
        "description",
    ),
    ("subnet-group-read", lambda rds: rds.subnet_group("a/b"), "name"),
    ("subnet-group-delete", lambda rds: rds.delete_subnet_group(None), "name"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - a wrong type on purpose
]


@pytest.mark.parametrize(
    ("call", "named"), [case[1:] for case in BAD_CALLS], ids=[case[0] for case in BAD_CALLS]
)
def test_a_bad_argument_is_refused_before_any_request(
    rds_service: RdsService, call: Call, named: str
) -> None:
    """The call raises InvalidArgumentError naming the argument, and sends nothing."""
    log = record(rds_service)

    with pytest.raises(InvalidArgumentError) as caught:
        call(rds_service)

    assert named in str(caught.value)
    assert log.operations == []


@pytest.mark.parametrize(
    "password",
    ["pass@word1", "pass/word1", "pass word1", "Short1!", "p" * 129, "pässword1"],
    ids=["at", "slash", "space", "short", "long", "non-ascii"],
)
def test_a_refused_password_is_never_quoted(rds_service: RdsService, password: str) -> None:
    """Whichever rule a password breaks, the error does not hold the password."""
    with pytest.raises(InvalidArgumentError) as caught:
        create(master_password=password)(rds_service)

    assert password not in str(caught.value)
    assert password not in repr(caught.value)


@pytest.mark.parametrize(
    ("engine", "password"),
    [
        ("mysql", "p" * 41),
        ("mysql", "p" * 8),
        ("oracle-ee", "p" * 30),
        ("sqlserver-ex", "p" * 128),
        ("postgres", "p" * 128),
        ("db2-se", "p" * 255),
        ("postgres", "Aa1!#$%^&*()_+-=[]{};:',.<>?`~|"),
    ],
    ids=[
        "mysql-41",
        "mysql-8",
        "oracle-30",
        "sqlserver-128",
        "postgres-128",
        "db2-255",
        "symbols",
    ],
)
def test_a_password_at_its_engine_limits_is_sent(
    rds_service: RdsService, engine: str, password: str
) -> None:
    """A password at its engine's length limit, or of every allowed symbol, goes to AWS."""
    log = record(rds_service)

    # moto knows fewer engines than RDS (not db2): it may refuse what was sent.
    with contextlib.suppress(InvalidRequestError):
        create(engine=engine, master_password=password)(rds_service)

    assert log.bodies("CreateDBInstance")[0]["MasterUserPassword"] == password


@pytest.mark.parametrize(
    ("identifier", "username"),
    [("a", "a"), ("a" * 63, "a" * 16), ("db-1-a", "admin_1"), ("DB1", "A")],
    ids=["shortest", "longest", "hyphens-underscores", "upper-case"],
)
def test_identifiers_and_usernames_at_their_limits_are_sent(
    rds_service: RdsService, identifier: str, username: str
) -> None:
    """Identifiers and master user names at the edges of RDS's rules are accepted."""
    log = record(rds_service)

    create(identifier=identifier, master_username=username)(rds_service)

    assert log.count("CreateDBInstance") == 1
