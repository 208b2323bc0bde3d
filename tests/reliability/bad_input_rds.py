"""RdsService's bad calls (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Method, add_cases

#: A master password RDS accepts; the bad ones below must never be quoted in a message.
PASSWORD: Final = "Correct-Horse-9"
_IDENTIFIER: Final = [
    Bad("identifier", ""),
    Bad("identifier", "d" * 64),
    Bad("identifier", "1db"),
    Bad("identifier", "db--1"),
    Bad("identifier", "db-"),
    Bad("identifier", "db_1"),
]
#: Beyond the wrong types the annotations generate (0, -1, True): an endless wait.
_TIMING: Final = [Bad("timeout", float("inf"))]
#: An ARN where only an identifier goes, or the ARN of something else where either goes.
_NOT_A_DB_ARN: Final = Bad("identifier", "arn:aws:s3:::bucket")


def _password(value: str, names: str = "master_password", **also: object) -> Bad:
    return Bad("master_password", value, names=names, also=also, secret=value)


RDS: Final[dict[str, Method]] = {
    "create_instance": Method(
        {
            "identifier": "db1",
            "instance_class": "db.t3.micro",
            "engine": "postgres",
            "master_username": "admin",
            "master_password": PASSWORD,
        },
        [
            *_IDENTIFIER,
            Bad("identifier", "arn:aws:rds:us-east-1:123456789012:db:db1"),
            Bad("instance_class", ""),
            Bad("engine", " "),
            Bad("allocated_storage", 0),
            Bad("allocated_storage", 65537),
            Bad("master_username", ""),
            Bad("master_username", "a" * 17),
            Bad("master_username", "1admin"),
            Bad("master_username", "db-admin"),
            Bad("master_username", None),
            _password("Short1!"),
            Bad("master_password", 12345678, secret="12345678"),
            _password("pass/word1"),
            _password('pass"word1'),
            _password("pass@word1"),
            _password("pass word1"),
            _password("pässword1"),
            _password("password\n1"),
            _password("p" * 129, names="128"),
            _password("p" * 42, names="41", engine="mysql"),
            _password("p" * 31, names="30", engine="oracle-ee"),
            _password("p" * 256, names="255", engine="x"),
            _password("pass&word1", names="Oracle", engine="oracle-se2"),
            _password("pass'word1", names="Oracle", engine="oracle-ee"),
            Bad("subnet_group", ""),
            Bad("subnet_group", "db/subnets"),
            Bad("security_group_ids", ["sg-1", ""]),
            Bad("tags", {"aws:x": "y"}),
            Bad("engine_version", ""),
            Bad("db_name", ""),
            Bad("db_name", "d" * 65),
            Bad("port", 1149),
            Bad("port", 65536),
            Bad("storage_type", ""),
        ],
    ),
    "instances": Method({"engine": "postgres"}, [Bad("engine", "")]),
    "instance": Method({"identifier": "db1"}, [*_IDENTIFIER, _NOT_A_DB_ARN]),
    "delete_instance": Method(
        {"identifier": "db1", "skip_final_snapshot": True},
        [
            *_IDENTIFIER,
            Bad("final_snapshot_identifier", "final"),
            Bad("final_snapshot_identifier", None, also={"skip_final_snapshot": False}),
            Bad("final_snapshot_identifier", "1final", also={"skip_final_snapshot": False}),
        ],
    ),
    "wait_until_available": Method({"identifier": "db1"}, [*_IDENTIFIER, _NOT_A_DB_ARN, *_TIMING]),
    "wait_until_deleted": Method({"identifier": "db1"}, [*_IDENTIFIER, _NOT_A_DB_ARN, *_TIMING]),
    "create_subnet_group": Method(
        {"name": "db-subnets", "subnet_ids": ["subnet-1", "subnet-2"], "description": "db"},
        [
            Bad("name", ""),
            Bad("name", "n" * 256),
            Bad("name", "db/subnets"),
            Bad("name", "1g"),
            Bad("name", "Default"),
            Bad("subnet_ids", []),
            Bad("subnet_ids", ["subnet-1", ""]),
            Bad("description", ""),
        ],
    ),
    "subnet_group": Method({"name": "db-subnets"}, [Bad("name", ""), Bad("name", "a/b")]),
    "delete_subnet_group": Method({"name": "db-subnets"}, [Bad("name", "")]),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(RDS, ["create_instance"], Bad("tags", TOO_MANY_TAGS))
