"""``fan_out``: the work for every target, on any ``concurrent.futures`` executor, streamed in
completion order with bounded memory."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Sized
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, TypeVar

import boto3.session

from awsfacade._clients import default_session
from awsfacade._validate import check_int, check_text, check_type
from awsfacade.errors import AwsError, InvalidArgumentError
from awsfacade.fanout._outcomes import Failure, Outcome
from awsfacade.fanout._sessions import Accounts, snapshot
from awsfacade.fanout._targets import Target
from awsfacade.fanout._work import Job, run_here, run_job

if TYPE_CHECKING:
    from awsfacade.fanout._sessions import AccountSession

__all__ = ["fan_out"]

T = TypeVar("T")

#: AssumeRole's DurationSeconds: 15 minutes to 12 hours (the role's maximum may be lower).
_MIN_DURATION = 900
_MAX_DURATION = 43_200
#: AssumeRole's RoleSessionName.
_SESSION_NAME = re.compile(r"[\w+=,.@-]{2,64}")

#: What ``next(targets, _END)`` gives at the end (``None`` could be a wrong item, checked).
_END = object()


def fan_out(
    targets: Iterable[Target],
    work: Callable[[boto3.session.Session, Target], T],
    *,
    session: boto3.session.Session | None = None,
    max_workers: int = 16,
    executor: Executor | None = None,
    session_duration: int = 3600,
    on_progress: Callable[[int, int | None], None] | None = None,
    session_name: str = "awsfacade-fanout",
) -> Generator[Outcome[T], None, None]:
    """Run `work(session, target)` for every target; yield each outcome as it completes.

    The caller's session assumes each target's role once per account through one STS
    client; botocore refreshes the credentials before they expire. The work gets the
    account's session, which has no default region: use `target.region`. A target yields
    [Success][awsfacade.fanout.Success] with the work's value, or
    [Failure][awsfacade.fanout.Failure] with the stage (`"assume-role"` or `"work"`) and the
    [AwsError][awsfacade.errors.AwsError]; a failing account never stops the others. Any
    other exception the work raises (a bug) stops the run and propagates.

    `targets` is read lazily: at most `max_workers` targets are in flight and at most that
    many outcomes wait for the consumer, however many targets there are. An account's session
    is released when none of its targets is in flight (order targets by account, as
    [targets][awsfacade.fanout.targets] does, so each account's session is made once).
    Closing the iterator (`break`, Ctrl-C) cancels what has not started. Nothing is sent
    before the first `next()`; no targets, no requests.

    Args:
        targets: Where to run the work; any iterable (a generator too), read lazily.
        work: Called as `work(session, target)` with the account's session; what it
            returns is the `Success`'s value. For an executor other than a thread pool, a
            module-level function (it is pickled).
        session: The caller's session, which assumes the roles; default: awsfacade's default
            session.
        max_workers: How many targets run at once, and how many outcomes may wait.
        executor: Any `concurrent.futures.Executor`; default: a thread pool of
            `max_workers`, shut down at the end. Any other executor (processes, Dask, Ray)
            gets picklable jobs: the target, `work` and the account's temporary credentials;
            the session is built where the job runs.
        session_duration: How long, in seconds, each assumed role's credentials last (900 to
            43,200; the role's own maximum may be lower).
        on_progress: Called as `on_progress(done, total)` after each outcome; `total` is
            `None` when `targets` has no `len()`.
        session_name: The AssumeRole session name, seen in the accounts' CloudTrail.

    Yields:
        Each target's outcome, `Success[T] | Failure`, in the order they complete.

    Raises:
        InvalidArgumentError: An argument is of the wrong type or out of range (checked at
            the call, before any request; a target of a lazy `targets` is checked when it
            is read).
    """
    if isinstance(targets, (str, bytes, Target)) or not isinstance(targets, Iterable):
        raise InvalidArgumentError(f"targets must be an iterable of Target, not {targets!r}")
    if isinstance(targets, Sized):
        for target in targets:  # pyright: ignore[reportUnknownVariableType] - checked next line
            check_type(target, Target, "targets")
    if not callable(work):
        raise InvalidArgumentError(f"work must be a function of (session, target), not {work!r}")
    if session is not None and not isinstance(session, boto3.session.Session):
        raise InvalidArgumentError(f"session must be a boto3 Session or None, not {session!r}")
    workers = check_int(max_workers, "max_workers", minimum=1)
    if executor is not None and not isinstance(executor, Executor):
        raise InvalidArgumentError(
            f"executor must be a concurrent.futures.Executor or None, not {executor!r}"
        )
    duration = check_int(
        session_duration, "session_duration", minimum=_MIN_DURATION, maximum=_MAX_DURATION
    )
    if on_progress is not None and not callable(on_progress):
        raise InvalidArgumentError(f"on_progress must be a function or None, not {on_progress!r}")
    name = check_text(session_name, "session_name", 64)
    if not _SESSION_NAME.fullmatch(name):
        raise InvalidArgumentError(
            "session_name must be 2 to 64 letters, digits or +=,.@_- (AssumeRole's "
            f"RoleSessionName), not {name!r}"
        )
    total = len(targets) if isinstance(targets, Sized) else None
    return _stream(targets, work, session, workers, executor, duration, on_progress, name, total)


def _stream(  # noqa: PLR0917 - the checked arguments of fan_out
    targets: Iterable[Target],
    work: Callable[[boto3.session.Session, Target], T],
    session: boto3.session.Session | None,
    max_workers: int,
    executor: Executor | None,
    duration: int,
    on_progress: Callable[[int, int | None], None] | None,
    name: str,
    total: int | None,
) -> Generator[Outcome[T], None, None]:
    """The body of ``fan_out``, run from the first ``next()``."""
    source = iter(targets)
    upcoming = next(source, _END)
    if upcoming is _END:
        return
    caller = session if session is not None else default_session()
    accounts = Accounts(caller, duration=duration, name=name)
    remote = executor is not None and not isinstance(executor, ThreadPoolExecutor)
    pool = executor if executor is not None else ThreadPoolExecutor(max_workers)
    pending: dict[Future[Outcome[T]], AccountSession] = {}
    done = 0
    finished = False
    try:
        while True:
            while upcoming is not _END and len(pending) < max_workers:
                target = check_type(upcoming, Target, "targets")
                upcoming = next(source, _END)
                entry = accounts.take(target.account_id, target.role_arn)
                if not remote:
                    pending[pool.submit(run_here, entry, target, work)] = entry
                    continue
                job = _job(entry, target, work)
                if isinstance(job, Failure):
                    accounts.done(entry)
                    done += 1
                    if on_progress is not None:
                        on_progress(done, total)
                    yield job
                    continue
                pending[pool.submit(run_job, job)] = entry
            accounts.release_idle()
            if not pending:
                break
            finished_now, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished_now:
                accounts.done(pending.pop(future))
                outcome = future.result()
                done += 1
                if on_progress is not None:
                    on_progress(done, total)
                yield outcome
        finished = True
    finally:
        for future in pending:
            future.cancel()
        if executor is None:
            pool.shutdown(wait=finished, cancel_futures=True)


def _job(
    entry: AccountSession,
    target: Target,
    work: Callable[[boto3.session.Session, Target], T],
) -> Job[T] | Failure:
    """The picklable job of a target for another process, or why its role failed.

    The role is assumed here, once per account (the snapshot refreshes it when it nears
    expiry), so the workers get only the account's temporary credentials.
    """
    credentials = entry.credentials()
    if not isinstance(credentials, AwsError):
        try:
            return Job(target=target, work=work, credentials=snapshot(credentials))
        except AwsError as error:  # a refresh that failed
            credentials = error
    return Failure(target=target, stage="assume-role", error=credentials)
