"""RdsService's hand-written rules let through what RDS takes: passwords at each engine's
length limit, identifiers and user names at the edges of their patterns. What they refuse,
before any request, is in tests/reliability/bad_input_rds.py."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from rds_support import PASSWORD, record

from awsfacade.errors import InvalidRequestError
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
    return lambda rds: rds.create_instance(**arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the options are typed loosely here


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
