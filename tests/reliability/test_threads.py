"""Threads: services built from one shared session in 8 threads, or one service shared by 8
threads, list and create concurrently with exactly the right results and no errors.

boto3 sessions are not thread-safe (creating clients races on the session's lazily built
components); botocore clients are. awsfacade creates every client under its session's lock.
moto's in-process backends are not thread-safe either: faults_support.one_at_a_time has moto
carry out one request at a time, while everything on the client's side runs concurrently.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

import attrs
import pytest
from botocore.config import Config
from faults_support import one_at_a_time

from awsfacade.ec2 import Ec2Service
from awsfacade.iam import IamService
from awsfacade.s3 import S3Service
from awsfacade.testing import new_session

if TYPE_CHECKING:
    from boto3.session import Session

THREADS = 8
ROUNDS = 3
IMAGE = "ami-12345678"

T = TypeVar("T")


@attrs.frozen
class Services:
    """The three services one thread works with."""

    ec2: Ec2Service
    s3: S3Service
    iam: IamService


def _in_threads(work: Callable[[int], T]) -> list[T]:
    """``work(0)`` … ``work(7)``, each in its own thread, all released at once; their results
    in order (the first exception of any is raised)."""
    start = threading.Barrier(THREADS)

    def run(index: int) -> T:
        start.wait(timeout=30)
        return work(index)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, range(THREADS)))


def _build(session: Session, index: int, config: Config | None = None) -> Services:
    """The three services, built in an order that differs from thread to thread, so that
    clients of different services are created at the same moment."""
    makers: list[Callable[[], object]] = [
        lambda: Ec2Service(session, config=config),
        lambda: S3Service(session, config=config),
        lambda: IamService(session, config=config),
    ]
    built = [makers[(index + step) % 3]() for step in range(3)]
    [ec2] = [s for s in built if isinstance(s, Ec2Service)]
    [s3] = [s for s in built if isinstance(s, S3Service)]
    [iam] = [s for s in built if isinstance(s, IamService)]
    return Services(ec2=ec2, s3=s3, iam=iam)


def _create_and_list(services: Services, name: str) -> None:
    """Create a bucket of objects, a user and two instances all named ``name``, list each
    back filtered to ``name``, and assert exactly what was created is listed."""
    bucket = services.s3.create_bucket(name)
    assert bucket.name == name
    keys = [f"{name}/{index}" for index in range(5)]
    for key in keys:
        services.s3.put_object(name, key, key.encode())
    assert [item.key for item in services.s3.objects(name)] == keys
    assert services.s3.get_object(name, keys[-1]) == keys[-1].encode()

    user = services.iam.create_user(name, path=f"/{name}/")
    assert [u.arn for u in services.iam.users(path_prefix=f"/{name}/")] == [user.arn]

    launched = services.ec2.run(image_id=IMAGE, count=2, tags={"owner": name})
    listed = services.ec2.instances(tags={"owner": name})
    assert sorted(i.id for i in listed) == sorted(i.id for i in launched)


def _assert_everything_exists(session: Session, names: list[str]) -> None:
    """Nothing was lost or made twice: exactly the names' buckets, users and instances."""
    s3, iam, ec2 = S3Service(session), IamService(session), Ec2Service(session)
    assert sorted(bucket.name for bucket in s3.buckets()) == sorted(names)
    assert sorted(user.name for user in iam.users()) == sorted(names)
    assert sorted(i.tags["owner"] for i in ec2.instances()) == sorted(names * 2)


def test_services_built_from_one_session_in_eight_threads(aws_session: Session) -> None:
    """8 threads build EC2, S3 and IAM services from one session (a new client options set
    each round, so clients are created concurrently every round), create and list."""
    one_at_a_time(aws_session)
    names: list[str] = []
    for round_ in range(ROUNDS):
        config = Config(user_agent_extra=f"round-{round_}")

        def work(index: int, round_: int = round_, config: Config = config) -> str:
            name = f"r{round_}-t{index}"
            _create_and_list(_build(aws_session, index, config), name)
            return name

        names += _in_threads(work)

    _assert_everything_exists(aws_session, names)


def test_one_service_of_each_kind_shared_by_eight_threads(aws_session: Session) -> None:
    """One EC2, one S3 and one IAM service used by 8 threads at once, round after round."""
    one_at_a_time(aws_session)
    shared = _build(aws_session, 0)
    names: list[str] = []
    for round_ in range(ROUNDS):

        def work(index: int, round_: int = round_) -> str:
            name = f"shared-r{round_}-t{index}"
            _create_and_list(shared, name)
            return name

        names += _in_threads(work)

    _assert_everything_exists(aws_session, names)


@pytest.mark.usefixtures("aws_session")
def test_first_clients_of_fresh_sessions_created_at_once() -> None:
    """The first clients of a session are the ones that race on its lazily built parts: 8
    threads build services of three kinds on one fresh session at the same moment, ten times
    over, and every service gets a working client of its own kind."""
    for _ in range(10):
        session = new_session()
        built = _in_threads(functools.partial(_build, session))
        assert {id(services.ec2.client) for services in built} == {id(built[0].ec2.client)}
        assert {id(services.s3.client) for services in built} == {id(built[0].s3.client)}
        assert {id(services.iam.client) for services in built} == {id(built[0].iam.client)}
        assert built[0].ec2.client.meta.service_model.service_name == "ec2"
        assert built[0].s3.client.meta.service_model.service_name == "s3"
        assert built[0].iam.client.meta.service_model.service_name == "iam"


class Overlap:
    """A ``creating-client-class`` hook of a session: how many client creations were under
    way at once, at the most (each one lingers 0.1 s in the hook to widen the window)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self.inside = 0
        self.most = 0

    def __call__(self, **_: object) -> None:
        with self._guard:
            self.inside += 1
            self.most = max(self.most, self.inside)
        time.sleep(0.1)
        with self._guard:
            self.inside -= 1


@pytest.mark.usefixtures("aws_session")
def test_no_two_clients_of_one_session_are_created_at_once() -> None:
    """Clients of different services built from one session in 8 threads at once are
    created one at a time: the session (not thread-safe) is never used by two at once."""
    session = new_session()
    overlap = Overlap()
    session.events.register("creating-client-class", overlap)

    built = _in_threads(lambda index: _build(session, index))

    assert overlap.most == 1
    assert len({id(services.s3.client) for services in built}) == 1
