"""fan_out on moto: an organization of five accounts with instances in three regions each."""

from __future__ import annotations

import gc
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest
from fanout_support import REGIONS, Organization, deny_role
from support import log_session_requests

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import AccessDeniedError, AwsError, InvalidArgumentError, NotFoundError
from awsfacade.fanout import Failure, Success, Target, fan_out, targets

if TYPE_CHECKING:
    import boto3.session
    from mypy_boto3_ec2.client import EC2Client

#: The fixture ``organization``.
pytest_plugins = ("fanout_fixtures",)


def count_instances(session: boto3.session.Session, target: Target) -> int:
    """The number of instances in the target's account and region."""
    return sum(1 for _ in Ec2Service(session, region=target.region).instances())


def test_every_target_once_with_its_own_accounts_instances(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Each of the 15 targets yields one Success holding the instances of its account and region."""
    outcomes = list(
        fan_out(
            targets(accounts=organization.accounts, regions=REGIONS),
            count_instances,
            session=aws_session,
        )
    )
    assert len(outcomes) == 15
    found = {
        (o.target.account_id, o.target.region): o.value for o in outcomes if isinstance(o, Success)
    }
    assert found == organization.instances


def test_a_role_that_cannot_be_assumed_fails_only_its_account(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """An account whose role is denied yields Failure("assume-role") for each of its regions,
    once asked; the other accounts succeed."""
    bad = organization.accounts[1]
    denied = deny_role(aws_session, bad)
    outcomes = list(
        fan_out(
            targets(accounts=organization.accounts, regions=REGIONS),
            count_instances,
            session=aws_session,
        )
    )
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert sorted(f.target.region for f in failures) == sorted(REGIONS)
    for failure in failures:
        assert failure.target.account_id == bad
        assert failure.stage == "assume-role"
        assert isinstance(failure.error, AccessDeniedError)
        assert failure.error.operation == "AssumeRole"
    assert len(denied) == 1  # the account's other targets reuse the failure
    assert sum(isinstance(o, Success) for o in outcomes) == 12


def test_no_accounts_means_no_targets_and_no_requests(aws_session: boto3.session.Session) -> None:
    """accounts=[] yields no targets and fan_out sends nothing and runs no work."""
    log = log_session_requests(aws_session)
    calls: list[Target] = []

    def work(session: boto3.session.Session, target: Target) -> None:
        calls.append(target)

    assert targets(accounts=[], regions=REGIONS) == []
    assert targets(accounts=["123456789012"], regions=[]) == []
    assert list(fan_out(targets(accounts=[], regions=REGIONS), work, session=aws_session)) == []
    assert calls == []
    assert log.sent == []


def test_one_session_and_one_assume_role_per_account(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Every target of an account gets the same session, made from one AssumeRole, even one
    target at a time."""
    log = log_session_requests(aws_session)
    sessions: dict[str, set[int]] = {}
    lock = threading.Lock()

    def work(session: boto3.session.Session, target: Target) -> int:
        with lock:
            sessions.setdefault(target.account_id, set()).add(id(session))
        return count_instances(session, target)

    for workers in (1, 16):
        sessions.clear()
        log.clear()
        plan = targets(accounts=organization.accounts, regions=REGIONS)
        outcomes = list(fan_out(plan, work, session=aws_session, max_workers=workers))
        assert all(isinstance(o, Success) for o in outcomes)
        assert {account: len(ids) for account, ids in sessions.items()} == dict.fromkeys(
            organization.accounts, 1
        )
        assert log.count("AssumeRole") == 5


def test_results_stream_before_the_last_target_starts(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """With two workers, the first outcome arrives while most targets have not started, and
    no more than two more targets are read from the iterable than were yielded."""
    started: list[Target] = []
    pulled: list[Target] = []

    def work(session: boto3.session.Session, target: Target) -> int:
        started.append(target)
        return count_instances(session, target)

    def lazily() -> Iterator[Target]:
        for target in targets(accounts=organization.accounts, regions=REGIONS):
            pulled.append(target)
            yield target

    stream = fan_out(lazily(), work, session=aws_session, max_workers=2)
    first = next(stream)
    assert isinstance(first, Success)
    assert len(started) <= 2
    assert len(pulled) <= 3  # two in flight and the next one
    rest = list(stream)
    assert len(rest) == 14
    assert len(started) == 15


def test_unconsumed_results_are_bounded_by_max_workers(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """A consumer that stops reading stops the work: nothing more starts until it reads on."""
    started: list[Target] = []

    def work(session: boto3.session.Session, target: Target) -> str:
        started.append(target)
        return target.region

    stream = fan_out(
        targets(accounts=organization.accounts, regions=REGIONS),
        work,
        session=aws_session,
        max_workers=3,
    )
    next(stream)
    threading.Event().wait(0.2)  # time for any work that would wrongly start
    assert 1 <= len(started) <= 3
    stream.close()
    assert len(started) <= 3


def test_closing_the_stream_cancels_what_has_not_started(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Breaking out of the loop on a caller's executor cancels the queued targets: only those
    already running finish, and the executor stays usable."""
    release = threading.Event()
    started: list[Target] = []

    def work(session: boto3.session.Session, target: Target) -> str:
        started.append(target)
        if len(started) > 1:
            release.wait(5)
        return target.region

    with ThreadPoolExecutor(max_workers=1) as executor:
        stream = fan_out(
            targets(accounts=organization.accounts, regions=REGIONS),
            work,
            session=aws_session,
            max_workers=4,
            executor=executor,
        )
        next(stream)  # the first target done, the second running, two queued
        stream.close()
        release.set()
        executor.shutdown(wait=True)
    assert 1 <= len(started) <= 2  # the second may be cancelled before it starts too


def test_an_aws_error_in_the_work_is_a_work_failure(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """An AwsError raised by the work, and a raw botocore error the work lets out, become
    Failure("work") for that target only."""

    def work(session: boto3.session.Session, target: Target) -> int:
        if target.region == "eu-west-1":
            Ec2Service(session, region=target.region).instance("i-0123456789abcdef0")
        if target.region == "ap-southeast-2":
            # pyright strict calls Session.client partially unknown (uninstalled stubs).
            raw: EC2Client = session.client("ec2", region_name=target.region)  # pyright: ignore[reportUnknownMemberType]
            raw.describe_instances(InstanceIds=["i-0123456789abcdef0"])
        return 1

    outcomes = list(
        fan_out(
            targets(accounts=organization.accounts[:2], regions=REGIONS), work, session=aws_session
        )
    )
    failures = [o for o in outcomes if isinstance(o, Failure)]
    assert Counter(f.target.region for f in failures) == {"eu-west-1": 2, "ap-southeast-2": 2}
    assert all(f.stage == "work" and isinstance(f.error, NotFoundError) for f in failures)
    assert sum(isinstance(o, Success) for o in outcomes) == 2


def test_a_bug_in_the_work_stops_the_run(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """An exception that is not an AWS error propagates from the loop, unchanged."""

    def work(session: boto3.session.Session, target: Target) -> int:
        raise KeyError("a bug")

    plan = targets(accounts=organization.accounts, regions=REGIONS)
    with pytest.raises(KeyError, match="a bug"):
        list(fan_out(plan, work, session=aws_session, max_workers=2))


def build_without_region(session: boto3.session.Session, target: Target) -> int:
    """Work that forgets target.region on a service."""
    return sum(1 for _ in Ec2Service(session).instances())


def raw_client_without_region(session: boto3.session.Session, target: Target) -> int:
    """Work that forgets target.region on a raw client."""
    # pyright strict calls Session.client partially unknown (uninstalled stubs).
    raw: EC2Client = session.client("ec2")  # pyright: ignore[reportUnknownMemberType]
    return len(raw.describe_instances()["Reservations"])


@pytest.mark.parametrize("work", [build_without_region, raw_client_without_region])
def test_the_account_session_has_no_default_region(
    aws_session: boto3.session.Session,
    organization: Organization,
    work: Callable[[boto3.session.Session, Target], int],
) -> None:
    """Work that forgets target.region fails loudly instead of querying another region, with
    an InvalidArgumentError that says to pass region=target.region (setting AWS_DEFAULT_REGION
    would not reach fan_out's sessions)."""
    plan = targets(accounts=organization.accounts[:1], regions=REGIONS[:1])
    (outcome,) = fan_out(plan, work, session=aws_session)
    assert isinstance(outcome, Failure)
    assert outcome.stage == "work"
    assert isinstance(outcome.error, InvalidArgumentError)
    assert "pass region=target.region" in str(outcome.error)
    assert "AWS_DEFAULT_REGION" not in str(outcome.error)


def test_without_a_role_the_callers_own_credentials_are_used(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """role_name=None runs in the caller's account with no AssumeRole."""
    Ec2Service(aws_session).client.run_instances(ImageId="ami-12345678", MinCount=2, MaxCount=2)
    log = log_session_requests(aws_session)
    plan = targets(accounts=[organization.management], regions=["us-east-1"], role_name=None)
    (outcome,) = fan_out(plan, count_instances, session=aws_session)
    assert isinstance(outcome, Success)
    assert outcome.value == 2
    assert log.count("AssumeRole") == 0


def test_assume_role_asks_for_the_duration_and_session_name(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """AssumeRole is sent with session_duration as DurationSeconds and the session name."""
    log = log_session_requests(aws_session)
    plan = targets(accounts=organization.accounts[:1], regions=REGIONS[:1])
    list(
        fan_out(
            plan,
            count_instances,
            session=aws_session,
            session_duration=900,
            session_name="inventory",
        )
    )
    (body,) = log.bodies("AssumeRole")
    assert body["DurationSeconds"] == 900
    assert body["RoleSessionName"] == "inventory"
    assert (
        body["RoleArn"]
        == f"arn:aws:iam::{organization.accounts[0]}:role/OrganizationAccountAccessRole"
    )


def test_progress_counts_every_outcome(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """on_progress gets (done, total) after each outcome; total is None for a generator."""
    seen: list[tuple[int, int | None]] = []
    plan = targets(accounts=organization.accounts, regions=REGIONS[:1])
    list(
        fan_out(
            plan, count_instances, session=aws_session, on_progress=lambda d, t: seen.append((d, t))
        )
    )
    assert seen == [(n, 5) for n in range(1, 6)]
    seen.clear()
    list(
        fan_out(
            iter(plan),
            count_instances,
            session=aws_session,
            on_progress=lambda d, t: seen.append((d, t)),
        )
    )
    assert seen == [(n, None) for n in range(1, 6)]


def test_no_request_before_the_first_next(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """fan_out returns a lazy iterator: nothing is sent until it is iterated."""
    log = log_session_requests(aws_session)
    stream = fan_out(
        targets(accounts=organization.accounts, regions=REGIONS),
        count_instances,
        session=aws_session,
    )
    assert log.sent == []
    stream.close()
    assert log.sent == []


NOT_A_TARGET: object = "123456789012/us-east-1"


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"targets": "123456789012"}, "targets"),
        ({"targets": Target(account_id="123456789012", region="us-east-1")}, "targets"),
        ({"targets": [NOT_A_TARGET]}, "targets"),
        ({"targets": 5}, "targets"),
        ({"work": "count"}, "work"),
        ({"session": "default"}, "session"),
        ({"max_workers": 0}, "max_workers"),
        ({"max_workers": True}, "max_workers"),
        ({"max_workers": 2.5}, "max_workers"),
        ({"executor": "threads"}, "executor"),
        ({"session_duration": 899}, "session_duration"),
        ({"session_duration": 43_201}, "session_duration"),
        ({"session_duration": "3600"}, "session_duration"),
        ({"on_progress": 1}, "on_progress"),
        ({"session_name": ""}, "session_name"),
        ({"session_name": "x"}, "session_name"),
        ({"session_name": "my session"}, "session_name"),
        ({"session_name": "x" * 65}, "session_name"),
    ],
)
def test_arguments_are_checked_before_any_request(
    aws_session: boto3.session.Session, arguments: dict[str, object], named: str
) -> None:
    """Each wrong argument raises InvalidArgumentError naming it, at the call, sending nothing."""
    log = log_session_requests(aws_session)
    call: dict[str, object] = {
        "targets": [Target(account_id="123456789012", region="us-east-1")],
        "work": count_instances,
        "session": aws_session,
        **arguments,
    }
    with pytest.raises(InvalidArgumentError, match=named):
        fan_out(**call)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose
    assert log.sent == []


@pytest.mark.parametrize("item", [NOT_A_TARGET, None])
def test_a_wrong_item_in_a_lazy_iterable_fails_when_reached(
    aws_session: boto3.session.Session, item: object
) -> None:
    """A generator is checked item by item as it is read: a non-Target (None too, which does
    not end the targets) raises there."""

    def lazily() -> Iterator[object]:
        yield item

    stream = fan_out(lazily(), count_instances, session=aws_session)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose
    with pytest.raises(InvalidArgumentError, match="targets"):
        next(stream)


def test_errors_are_aws_errors(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """Every Failure's error is an AwsError (the contract users match on)."""
    deny_role(aws_session, organization.accounts[0])
    plan = targets(accounts=organization.accounts[:1], regions=REGIONS[:1])
    (outcome,) = fan_out(plan, count_instances, session=aws_session)
    assert isinstance(outcome, Failure)
    assert isinstance(outcome.error, AwsError)
    assert "AccessDenied" in str(outcome.error)


def test_an_accounts_session_is_released_after_its_last_target(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """With targets ordered by account, the sessions of finished accounts are freed during
    the run: at most two are alive at any outcome, none after."""
    alive: dict[str, weakref.ref[boto3.session.Session]] = {}

    def work(session: boto3.session.Session, target: Target) -> int:
        alive[target.account_id] = weakref.ref(session)
        return count_instances(session, target)

    plan = targets(accounts=organization.accounts, regions=REGIONS)
    most = 0
    for _ in fan_out(plan, work, session=aws_session, max_workers=1):
        gc.collect()
        most = max(most, sum(ref() is not None for ref in alive.values()))
    gc.collect()
    assert len(alive) == 5
    assert most <= 2
    assert all(ref() is None for ref in alive.values())


def test_ctrl_c_cancels_what_has_not_started(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """A KeyboardInterrupt in the loop (here raised by the progress hook) propagates, and the
    targets queued behind the running ones never start."""
    release = threading.Event()
    started: list[Target] = []

    def work(session: boto3.session.Session, target: Target) -> str:
        started.append(target)
        if len(started) > 1:
            release.wait(5)
        return target.region

    def interrupt(done: int, total: int | None) -> None:
        raise KeyboardInterrupt

    with ThreadPoolExecutor(max_workers=1) as executor:
        plan = targets(accounts=organization.accounts, regions=REGIONS)
        stream = fan_out(
            plan, work, session=aws_session, max_workers=4, executor=executor, on_progress=interrupt
        )
        with pytest.raises(KeyboardInterrupt):
            next(stream)
        release.set()
    assert 1 <= len(started) <= 2  # the second may be cancelled before it starts too
