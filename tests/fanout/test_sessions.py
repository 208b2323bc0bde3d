"""The account sessions: botocore's refreshable credentials, snapshots shipped to other
processes, and the jobs an executor other than a thread pool receives."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import boto3.session
import botocore.session
import pytest
from botocore.credentials import CredentialProvider, CredentialResolver, Credentials
from botocore.exceptions import CredentialRetrievalError
from botocore.stub import Stubber
from fanout_support import REGIONS, deny_role

from awsfacade.errors import CredentialsError, UnexpectedResponseError
from awsfacade.fanout import Failure, Success, Target, fan_out, targets
from awsfacade.fanout._clients import STS
from awsfacade.fanout._sessions import Snapshot, assumed, snapshot
from awsfacade.fanout._work import Job, _session_for, run_job

if TYPE_CHECKING:
    from fanout_support import Organization
    from mypy_boto3_sts.client import STSClient

#: The fixture ``organization``.
pytest_plugins = ("fanout_fixtures",)

P = ParamSpec("P")
R = TypeVar("R")
ROLE = "arn:aws:iam::111122223333:role/Reader"


def answer(key: str, expires_in: timedelta) -> dict[str, object]:
    """An AssumeRole answer whose credentials expire ``expires_in`` from now."""
    return {
        "Credentials": {
            "AccessKeyId": key,
            "SecretAccessKey": f"secret-of-{key}",
            "SessionToken": f"token-of-{key}",
            "Expiration": datetime.now(UTC) + expires_in,
        }
    }


@pytest.fixture
def sts(aws_session: boto3.session.Session) -> Iterator[tuple[Stubber, STSClient]]:
    """A Stubber on the one STS client fan_out makes from the caller's session."""
    client = STS.get(aws_session, region=None, endpoint_url=None, config=None)
    with Stubber(client) as stub:
        yield stub, client
        stub.assert_no_pending_responses()


def test_credentials_near_expiry_are_refreshed_through_the_same_client(
    sts: tuple[Stubber, STSClient],
) -> None:
    """botocore assumes the role again when its credentials have under 15 minutes left."""
    stub, client = sts
    stub.add_response("assume_role", answer("ASIAFIRST0000000", timedelta(minutes=5)))
    stub.add_response("assume_role", answer("ASIASECOND000000", timedelta(hours=1)))
    credentials = assumed(client, ROLE, 3600, "inventory")
    assert credentials.get_frozen_credentials().access_key == "ASIASECOND000000"
    assert credentials.get_frozen_credentials().access_key == "ASIASECOND000000"


def test_short_sessions_are_not_refreshed_at_every_request(
    sts: tuple[Stubber, STSClient],
) -> None:
    """Credentials of 15 minutes refresh in their last quarter, not 15 minutes ahead (which
    would be before every request)."""
    stub, client = sts
    asked: list[object] = []

    def count(**event: object) -> None:
        asked.append(event)

    client.meta.events.register("provide-client-params.sts.AssumeRole", count)
    stub.add_response("assume_role", answer("ASIASHORT0000000", timedelta(minutes=14)))
    credentials = assumed(client, ROLE, 900, "inventory")
    assert credentials.get_frozen_credentials().access_key == "ASIASHORT0000000"
    assert len(asked) == 1


def test_an_answer_without_credentials_is_unexpected(sts: tuple[Stubber, STSClient]) -> None:
    """AssumeRole's answer always holds Credentials; one without raises UnexpectedResponseError."""
    stub, client = sts
    stub.add_response("assume_role", {})
    with pytest.raises(UnexpectedResponseError, match="Credentials"):
        assumed(client, ROLE, 3600, "inventory")


def test_a_snapshot_hides_its_secrets() -> None:
    """The secret key and token are in no repr, also not in a job's."""
    frozen = snapshot(Credentials("AKIAEXAMPLE", "very-secret", "very-token"))
    job = Job(
        target=Target(account_id="111122223333", region="us-east-1"),
        work=len_of,
        credentials=frozen,
    )
    for text in (repr(frozen), str(frozen), repr(job)):
        assert "very-secret" not in text
        assert "very-token" not in text
    assert "AKIAEXAMPLE" in repr(frozen)


def test_a_snapshot_needs_an_access_key() -> None:
    """Credentials without a key cannot be shipped: CredentialsError."""
    with pytest.raises(CredentialsError):
        snapshot(Credentials(None, None))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - wrong on purpose


def len_of(session: boto3.session.Session, target: Target) -> int:
    """A module-level work function (picklable)."""
    return len(target.region)


def test_a_job_survives_pickling() -> None:
    """A job pickles to an equal job: no session or client inside."""
    frozen = Snapshot(access_key="AKIAEXAMPLE", secret_key="s", token=None)
    job = Job(
        target=Target(account_id="111122223333", region="eu-west-1"),
        work=len_of,
        credentials=frozen,
    )
    assert pickle.loads(pickle.dumps(job)) == job


def test_a_worker_keeps_a_few_sessions() -> None:
    """A worker builds one session per account's credentials and keeps the eight most recent."""
    keys = [Snapshot(access_key=f"AKIA{n}", secret_key="s", token=None) for n in range(9)]
    first = _session_for(keys[0])
    assert _session_for(keys[0]) is first
    for key in keys[1:]:
        _session_for(key)
    assert _session_for(keys[0]) is not first


class Pickling(Executor):
    """An executor that runs each job at once in this thread, after a pickle round trip (as
    a process pool would ship it): the remote path, under moto's in-process mock."""

    def __init__(self) -> None:
        self.shipped: list[Callable[..., object]] = []

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        shipped: Callable[..., object] = pickle.loads(pickle.dumps(fn))
        pickle.loads(pickle.dumps((args, kwargs)))  # the arguments travel too
        self.shipped.append(shipped)
        future: Future[R] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_another_executor_gets_picklable_jobs(
    aws_session: boto3.session.Session, organization: Organization
) -> None:
    """An executor that is no thread pool receives run_job and a Job per target; roles that
    fail are decided before shipping."""
    deny_role(aws_session, organization.accounts[0])
    executor = Pickling()
    plan = targets(accounts=organization.accounts[:2], regions=REGIONS)
    outcomes = list(fan_out(plan, len_of, session=aws_session, executor=executor, max_workers=2))
    assert sum(isinstance(o, Failure) and o.stage == "assume-role" for o in outcomes) == 3
    assert sorted(o.value for o in outcomes if isinstance(o, Success)) == sorted(map(len, REGIONS))
    assert len(executor.shipped) == 3
    assert all(fn is run_job for fn in executor.shipped)


class FailingProvider(CredentialProvider):
    """A credential provider that fails as a broken credential_process does."""

    METHOD = "custom-process"
    CANONICAL_NAME = "custom-process"

    def load(self) -> Credentials:
        raise CredentialRetrievalError(provider="custom-process", error_msg="exit status 1")


@pytest.mark.parametrize(
    ("providers", "code"),
    [([], "NoCredentialsError"), ([FailingProvider()], "CredentialRetrievalError")],
    ids=["none", "failing"],
)
def test_without_credentials_the_own_account_fails_at_assume_role(
    aws_session: boto3.session.Session, providers: list[CredentialProvider], code: str
) -> None:
    """A caller's session that has no credentials, or whose credential provider fails, gives
    Failure("assume-role") with a CredentialsError; the run carries on."""
    core = botocore.session.Session()
    core.register_component("credential_provider", CredentialResolver(providers))
    caller = boto3.session.Session(botocore_session=core, region_name="us-east-1")
    plan = targets(accounts=["111122223333"], regions=["us-east-1"], role_name=None)
    (outcome,) = fan_out(plan, len_of, session=caller)
    assert isinstance(outcome, Failure)
    assert outcome.stage == "assume-role"
    assert isinstance(outcome.error, CredentialsError)
    assert outcome.error.code == code


def test_a_refresh_that_fails_before_shipping_is_an_assume_role_failure(
    aws_session: boto3.session.Session, sts: tuple[Stubber, STSClient]
) -> None:
    """Credentials about to expire are refreshed before a job is shipped; if that AssumeRole
    fails, the target fails at "assume-role" and nothing is shipped."""
    stub, _ = sts
    stub.add_response("assume_role", answer("ASIAFIRST0000000", timedelta(minutes=5)))
    stub.add_client_error("assume_role", "AccessDenied", http_status_code=403)
    executor = Pickling()
    seen: list[tuple[int, int | None]] = []
    plan = [Target(account_id="111122223333", region="us-east-1", role_arn=ROLE)]
    (outcome,) = fan_out(
        plan,
        len_of,
        session=aws_session,
        executor=executor,
        on_progress=lambda done, total: seen.append((done, total)),
    )
    assert isinstance(outcome, Failure)
    assert outcome.stage == "assume-role"
    assert executor.shipped == []
    assert seen == [(1, 1)]
