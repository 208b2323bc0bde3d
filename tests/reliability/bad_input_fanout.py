"""The bad calls of the functions the packages export: awsfacade.fanout's, Route53's
``same_name`` and S3's ``compatible_config`` (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import SESSION, Bad, Method

from awsfacade.fanout import Target

ACCOUNT: Final = "123456789012"
TARGET: Final = Target(account_id=ACCOUNT, region="us-east-1")


def work(session: object, target: Target) -> str:
    """A work that needs no request."""
    del session
    return target.account_id


FANOUT: Final[dict[str, Method]] = {
    "regions": Method(
        {"session": SESSION, "service": "ec2"},
        [Bad("service", ""), Bad("service", "no-such-service")],
    ),
    "targets": Method(
        {"accounts": [ACCOUNT], "regions": ["us-east-1"]},
        [
            Bad("accounts", ["12345"]),
            Bad("accounts", [123456789012]),
            Bad("accounts", ACCOUNT),
            Bad("regions", ["moon-1"]),
            Bad("regions", "us-east-1"),
            Bad("role_name", ""),
            Bad("role_name", "r" * 65),
            Bad("role_name", "with space"),
        ],
    ),
    "organization_targets": Method(
        {"session": SESSION, "regions": ["us-east-1"]},
        [
            Bad("role_name", ""),
            Bad("regions", ["moon-1"]),
            Bad("include", ["12345"]),
            Bad("exclude", [ACCOUNT[:-1]]),
        ],
    ),
    "fan_out": Method(
        {"targets": [TARGET], "work": work},
        [
            Bad("targets", [TARGET, ACCOUNT]),
            Bad("targets", TARGET),
            Bad("max_workers", 0),
            Bad("session_duration", 899),
            Bad("session_duration", 43201),
            Bad("session_name", "x"),
            Bad("session_name", "with space"),
        ],
    ),
}

#: The other packages' exported functions.
HELPERS: Final[dict[str, Method]] = {
    "same_name": Method({"first": "www.example.com", "second": "WWW.example.com."}),
    "compatible_config": Method({"path_style": False}),
}

FANOUT_MODELS: Final[dict[str, Method]] = {
    "Target": Method(
        {"account_id": ACCOUNT, "region": "us-east-1"},
        [
            Bad("account_id", "12345"),
            Bad("account_id", 123456789012),
            Bad("region", ""),
            Bad("role_arn", "role/x"),
        ],
    ),
}
