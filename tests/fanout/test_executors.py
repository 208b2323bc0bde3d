"""fan_out on other executors than threads: a process pool and a Dask cluster, against moto's
HTTP server (a process cannot share moto's in-process mock).

Every session, in this process and in the workers, finds the server through
``AWS_ENDPOINT_URL`` (botocore reads it from the environment); forked workers inherit it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING

import pytest
from fanout_support import REGIONS, Organization, deny_role, make_organization

from awsfacade.fanout import Failure, Success, Target, fan_out, targets
from awsfacade.testing import fake_environment, new_session

if TYPE_CHECKING:
    import boto3.session
    from mypy_boto3_ec2.client import EC2Client


def count_instances(session: boto3.session.Session, target: Target) -> tuple[int, int]:
    """The target's instance count and the worker's process id (a module-level function, so
    that a process pool can pickle it)."""
    # pyright strict calls Session.client partially unknown (uninstalled stubs' overloads).
    client: EC2Client = session.client("ec2", region_name=target.region)  # pyright: ignore[reportUnknownMemberType]
    found = sum(
        len(reservation.get("Instances", []))
        for page in client.get_paginator("describe_instances").paginate()
        for reservation in page.get("Reservations", [])
    )
    return found, os.getpid()


@pytest.fixture
def served(fresh_moto_url: str) -> Iterator[tuple[boto3.session.Session, Organization]]:
    """A caller's session on the fresh server (tests/conftest.py), and an organization there."""
    with fake_environment():
        os.environ["AWS_ENDPOINT_URL"] = fresh_moto_url
        session = new_session()
        yield session, make_organization(session, members=2)


def test_a_process_pool_gets_picklable_jobs(
    served: tuple[boto3.session.Session, Organization],
) -> None:
    """On a ProcessPoolExecutor each target runs in a worker process on a session built there,
    with the account's own instances."""
    session, organization = served
    plan = targets(accounts=organization.accounts, regions=REGIONS[:2])
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        outcomes = list(fan_out(plan, count_instances, session=session, executor=pool))
    values = {
        (o.target.account_id, o.target.region): o.value for o in outcomes if isinstance(o, Success)
    }
    assert {key: count for key, (count, _) in values.items()} == {
        key: organization.instances[key] for key in values
    }
    assert len(values) == 4
    assert os.getpid() not in {pid for _, pid in values.values()}


def test_a_process_pool_reports_a_role_that_fails(
    served: tuple[boto3.session.Session, Organization],
) -> None:
    """An account whose AssumeRole is denied is a Failure("assume-role") decided in this
    process, before anything is shipped; the other account runs in the pool."""
    session, organization = served
    deny_role(session, organization.accounts[1])
    plan = targets(accounts=organization.accounts, regions=REGIONS[:1])
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        outcomes = list(fan_out(plan, count_instances, session=session, executor=pool))
    kinds = sorted(type(o).__name__ for o in outcomes)
    assert kinds == ["Failure", "Success"]
    (failure,) = [o for o in outcomes if isinstance(o, Failure)]
    assert failure.stage == "assume-role"


def test_a_dask_cluster_runs_the_jobs(served: tuple[boto3.session.Session, Organization]) -> None:
    """Client.get_executor() of a local Dask cluster runs the fan-out."""
    from distributed import Client, LocalCluster

    session, organization = served
    plan = targets(accounts=organization.accounts, regions=REGIONS[:2])
    # distributed annotates neither LocalCluster.__init__ nor Client.get_executor: mypy calls
    # them untyped, pyright unknown. The executor is checked to be an Executor before use.
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
    )
    client = Client(cluster)  # type: ignore[no-untyped-call]
    try:
        executor: object = client.get_executor()  # type: ignore[no-untyped-call]  # pyright: ignore[reportUnknownMemberType]
        assert isinstance(executor, Executor)
        outcomes = list(fan_out(plan, count_instances, session=session, executor=executor))
    finally:
        client.close()  # type: ignore[no-untyped-call]  # pyright: ignore[reportUnknownMemberType]
        cluster.close()  # pyright: ignore[reportUnknownMemberType]
    found = {
        (o.target.account_id, o.target.region): o.value[0]
        for o in outcomes
        if isinstance(o, Success)
    }
    assert found == {key: organization.instances[key] for key in found}
    assert len(found) == 4
