"""Type checks of awsfacade.fanout: checked by mypy and basedpyright, never run."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Literal, assert_type

from awsfacade.errors import AwsError
from awsfacade.fanout import (
    DEFAULT_ROLE,
    Failure,
    Outcome,
    Stage,
    Success,
    Target,
    fan_out,
    organization_targets,
    regions,
    targets,
)

if TYPE_CHECKING:
    import boto3.session


def count(session: boto3.session.Session, target: Target) -> int:
    """A work function returning int."""
    return len(target.region)


def name(session: boto3.session.Session, target: Target) -> str:
    """A work function returning str."""
    return target.account_id


def check_builders(session: boto3.session.Session) -> None:
    """The builders return targets; regions a list of names."""
    assert_type(regions(session), list[str])
    assert_type(regions(session, service="s3", include_opt_in=True), list[str])
    assert_type(
        targets(accounts=["111122223333"], regions=["us-east-1"], role_name=None), list[Target]
    )
    assert_type(targets(accounts=(), regions=(), role_name=DEFAULT_ROLE), list[Target])
    assert_type(
        organization_targets(
            session,
            role_name="Auditor",
            regions=None,
            include=["111122223333"],
            exclude=None,
            include_management_account=True,
        ),
        Iterator[Target],
    )
    assert_type(DEFAULT_ROLE, Literal["OrganizationAccountAccessRole"])


def check_target(target: Target) -> None:
    """Every field of Target."""
    assert_type(target.account_id, str)
    assert_type(target.region, str)
    assert_type(target.role_arn, str | None)


def check_fan_out(session: boto3.session.Session, plan: list[Target]) -> None:
    """The outcome's value type follows the work's return type."""
    ints = fan_out(
        plan,
        count,
        session=session,
        max_workers=4,
        executor=ProcessPoolExecutor(),
        session_duration=900,
        on_progress=lambda done, total: None,
        session_name="inventory",
    )
    assert_type(ints, Generator[Success[int] | Failure, None, None])
    assert_type(fan_out(iter(plan), name), Generator[Outcome[str], None, None])
    for outcome in fan_out(plan, count):
        assert_type(outcome, Outcome[int])
        match outcome:
            case Success(value=value, target=target):
                assert_type(value, int)
                assert_type(target, Target)
            case Failure(stage=stage, error=error, target=target):
                assert_type(stage, Literal["assume-role", "work"])
                assert_type(error, AwsError)
                assert_type(target, Target)


def check_models(success: Success[int], failure: Failure, stage: Stage) -> None:
    """Every field of Success and Failure."""
    assert_type(success.target, Target)
    assert_type(success.value, int)
    assert_type(failure.target, Target)
    assert_type(failure.stage, Literal["assume-role", "work"])
    assert_type(failure.error, AwsError)
    assert_type(stage, Literal["assume-role", "work"])
