"""Running the work for one target, in a thread of this process or shipped to another one.

The shipped ``Job`` is picklable: the target, the work (a module-level function) and a
``Snapshot`` of the account's temporary credentials —
never a Session or a client. The worker builds the session where it runs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from awsfacade._translate import translate
from awsfacade.errors import AwsError
from awsfacade.fanout._outcomes import Failure, Outcome, Success
from awsfacade.fanout._sessions import NO_REGION, account_session, static_credentials

if TYPE_CHECKING:
    import boto3.session

    from awsfacade.fanout._sessions import AccountSession, Snapshot
    from awsfacade.fanout._targets import Target

__all__ = ["Job", "run_here", "run_job"]

T = TypeVar("T")
Work = Callable[["boto3.session.Session", "Target"], T]


def _work(session: boto3.session.Session, target: Target, work: Work[T]) -> Outcome[T]:
    """Call the work: an AwsError, or a botocore error the work let out, is a Failure; any
    other exception (a bug in the work) propagates and stops ``fan_out``."""
    try:
        with translate(no_region=NO_REGION):
            return Success(target=target, value=work(session, target))
    except AwsError as error:
        return Failure(target=target, stage="work", error=error)


def run_here(account: AccountSession, target: Target, work: Work[T]) -> Outcome[T]:
    """One target in a thread of this process, on its account's shared session."""
    session = account.session()
    if isinstance(session, AwsError):
        return Failure(target=target, stage="assume-role", error=session)
    return _work(session, target, work)


@attrs.frozen(kw_only=True)
class Job(Generic[T]):
    """What a process or distributed executor receives for one target."""

    target: Target
    work: Work[T]
    credentials: Snapshot


#: How many accounts' sessions a worker process keeps (the most recently used).
_KEEP = 8
_lock = threading.Lock()
_sessions: OrderedDict[Snapshot, boto3.session.Session] = OrderedDict()


def _session_for(credentials: Snapshot) -> boto3.session.Session:
    """The worker's session for an account's credentials, on the process's shared loader
    (service models are parsed once there); the few most recent are kept, so a worker running
    many targets of one account builds its session once, and memory stays bounded."""
    with _lock:
        session = _sessions.get(credentials)
        if session is not None:
            _sessions.move_to_end(credentials)
            return session
        session = _sessions[credentials] = account_session(static_credentials(credentials))
        while len(_sessions) > _KEEP:
            _sessions.popitem(last=False)
        return session


def run_job(job: Job[T]) -> Outcome[T]:
    """One target in whatever process the executor chose (a module-level function, so that
    process pools and Dask can pickle it)."""
    return _work(_session_for(job.credentials), job.target, job.work)
