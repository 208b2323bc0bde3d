"""awsfacade.fanout against the sequential raw boto3 loop, in one run: ratios, never pass/fail.

Run it from the repository root::

    python benchmarks/fanout.py            # the table (about four minutes)
    python benchmarks/fanout.py --quick    # fewer targets in the memory runs, for a smoke test
    python benchmarks/fanout.py --json out.json

Rows a to c and e talk to moto in process (``awsfacade.testing.mocked_session()``) with an
organization of member accounts made there; row d to a moto server in another process. Each
time is the median of three runs. Measured:

a. wall time of ``fan_out`` with 16 workers against the sequential raw boto3 loop (one
   AssumeRole and one session per account, one EC2 client and one ``DescribeInstances`` per
   region), 5 accounts x 10 regions, with a simulated network latency of 50 ms per request
   (a ``before-send`` handler that sleeps, installed before moto's own so that every
   session's requests wait, the raw loop's and fan_out's alike);
b. tracemalloc's peak during that fan-out, per in-flight target (peak / 16);
c. tracemalloc's peak of the same fan-out (no latency) over 50 and over 500 targets
   (5 and 50 accounts x 10 regions): flat memory means the two peaks are about equal;
d. a's two loops again, with moto in a separate process (``python -m moto.server`` on a free
   loopback port, reached through ``AWS_ENDPOINT_URL``; the 50 ms still slept at
   ``before-send`` in this process), and this process's CPU time: moto's answers no longer
   share the GIL with the code measured, as AWS's do not;
e. the floor of the scheduling alone: fan_out of a work that only sleeps 50 ms (no client, no
   moto answer) against the raw loop's 55 requests x 50 ms with no CPU at all.

In process, moto's answers share the GIL with the work; against AWS the requests' latency is
spent waiting, which the threads overlap. Either way botocore builds each region's client in
Python, which the threads cannot overlap.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import boto3.session
from _server import moto_server
from botocore.handlers import BUILTIN_HANDLERS

from awsfacade.fanout import Success, Target, fan_out, targets
from awsfacade.testing import fake_environment, mocked_session, new_session

if TYPE_CHECKING:
    from mypy_boto3_ec2.client import EC2Client
    from mypy_boto3_organizations.client import OrganizationsClient
    from mypy_boto3_sts.client import STSClient

REGIONS = (
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "eu-west-1",
    "eu-west-2",
    "eu-central-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
)
ROLE = "OrganizationAccountAccessRole"
WORKERS = 16
#: Each time is the median of this many runs.
RUNS = 3


class Latency:
    """A ``before-send`` handler that sleeps ``seconds`` before each request goes to moto."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.requests = 0

    def __call__(self, **_: object) -> None:
        if self.seconds:
            self.requests += 1
            time.sleep(self.seconds)


LATENCY = Latency()
# First in the list: every botocore session made from now on calls it before moto answers.
BUILTIN_HANDLERS.insert(0, ("before-send", LATENCY))


def make_accounts(session: boto3.session.Session, count: int) -> list[str]:
    """``count`` member accounts of a new organization."""
    organizations: OrganizationsClient = session.client("organizations")  # pyright: ignore[reportUnknownMemberType]
    organizations.create_organization(FeatureSet="ALL")
    accounts: list[str] = []
    for index in range(count):
        status = organizations.create_account(
            Email=f"member{index}@example.com", AccountName=f"member-{index}"
        )["CreateAccountStatus"]
        accounts.append(status.get("AccountId", ""))
    return accounts


def member_session(session: boto3.session.Session, account: str) -> boto3.session.Session:
    """A raw boto3 session in the account, through its role (a new Session, as users write)."""
    sts: STSClient = session.client("sts")  # pyright: ignore[reportUnknownMemberType]
    answer = sts.assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="raw-loop"
    )
    credentials = answer["Credentials"]
    return boto3.session.Session(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )


def add_instances(session: boto3.session.Session, accounts: list[str], count: int) -> None:
    """``count`` instances in every region of each account."""
    for account in accounts:
        member = member_session(session, account)
        for region in REGIONS:
            client: EC2Client = member.client("ec2", region_name=region)  # pyright: ignore[reportUnknownMemberType]
            client.run_instances(ImageId="ami-12345678", MinCount=count, MaxCount=count)


def instances(session: boto3.session.Session, target: Target) -> int:
    """The work: how many instances the target's account has in its region (raw boto3)."""
    client: EC2Client = session.client("ec2", region_name=target.region)  # pyright: ignore[reportUnknownMemberType]
    return sum(
        len(reservation.get("Instances", []))
        for page in client.get_paginator("describe_instances").paginate()
        for reservation in page.get("Reservations", [])
    )


def raw_loop(session: boto3.session.Session, accounts: list[str]) -> int:
    """What users write by hand: for each account assume its role, then list each region."""
    found = 0
    for account in accounts:
        member = member_session(session, account)
        for region in REGIONS:
            target = Target(account_id=account, region=region)
            found += instances(member, target)
    return found


def run_fan_out(session: boto3.session.Session, accounts: list[str]) -> int:
    """The same inventory through fan_out with 16 workers."""
    plan = targets(accounts=accounts, regions=REGIONS)
    outcomes = fan_out(plan, instances, session=session, max_workers=WORKERS)
    return sum(o.value for o in outcomes if isinstance(o, Success))


def waiting(_session: boto3.session.Session, _target: Target) -> int:
    """A work with no CPU: only the 50 ms a request would wait."""
    time.sleep(0.05)
    return 0


def timed(function: Callable[[], object]) -> tuple[float, float, int]:
    """Wall time and this process's CPU time of ``function()``, and its requests' count: the
    run of median wall time among ``RUNS`` (one run's figure is at the mercy of when the
    garbage collector walks moto's heap, and of the machine's neighbours)."""
    runs: list[tuple[float, float, int]] = []
    for _ in range(RUNS):
        LATENCY.requests = 0
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu, LATENCY.requests))
    return sorted(runs)[RUNS // 2]


def floor(session: boto3.session.Session, accounts: list[str], figures: dict[str, float]) -> None:
    """Row e: fan_out of a work that only waits, with the 50 ms on its AssumeRoles."""
    LATENCY.seconds = 0.05
    plan = targets(accounts=accounts, regions=REGIONS)
    figures["floor_seconds"], _, figures["floor_requests"] = timed(
        lambda: list(fan_out(plan, waiting, session=session, max_workers=WORKERS))
    )
    LATENCY.seconds = 0.0


def served(figures: dict[str, float]) -> None:
    """Row d: the raw loop and fan_out against a moto server in another process."""
    with moto_server() as url, fake_environment():
        os.environ["AWS_ENDPOINT_URL"] = url  # every session and client, fan_out's included
        session = new_session()
        accounts = make_accounts(session, 5)
        add_instances(session, accounts, 2)
        LATENCY.seconds = 0.0
        run_fan_out(session, accounts)  # warm-up, as in process
        raw_loop(session, accounts)
        (
            figures["served_fan_out_no_latency_seconds"],
            figures["served_fan_out_no_latency_cpu"],
            _,
        ) = timed(lambda: run_fan_out(session, accounts))
        LATENCY.seconds = 0.05
        wall, cpu, requests = timed(lambda: raw_loop(session, accounts))
        figures["served_raw_seconds"], figures["served_raw_cpu"] = wall, cpu
        figures["served_raw_requests"] = requests
        wall, cpu, requests = timed(lambda: run_fan_out(session, accounts))
        figures["served_fan_out_seconds"], figures["served_fan_out_cpu"] = wall, cpu
        figures["served_fan_out_requests"] = requests
        LATENCY.seconds = 0.0


def served_elsewhere() -> dict[str, float]:
    """Row d's figures from a fresh interpreter (``--served``): moto's in-process heap, which
    the other rows build up here, would slow this process's garbage collector."""
    child = subprocess.run(
        [sys.executable, __file__, "--served"], check=True, capture_output=True, text=True
    )
    figures: dict[str, float] = json.loads(child.stdout)
    return figures


@contextmanager
def peak_memory() -> Generator[list[int]]:
    """tracemalloc's peak (bytes) of the block, then what the block left allocated after a
    garbage collection, appended to the yielded list on exit."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    peak: list[int] = []
    try:
        yield peak
    finally:
        peak.append(tracemalloc.get_traced_memory()[1])
        gc.collect()  # botocore clients hold reference cycles: only the collector frees them
        peak.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()


def print_table(figures: dict[str, float], many: int) -> None:
    """Print the figures as a Markdown table (``many``: the targets of the large memory run)."""
    small, large = "peak_50_targets_mib", f"peak_{many}_targets_mib"
    rows = [
        (
            "5 accounts x 10 regions, 50 ms a request: wall time",
            f"{figures['fan_out_seconds']:.2f} s, {figures['fan_out_requests']:.0f} requests",
            f"{figures['raw_seconds']:.2f} s, {figures['raw_requests']:.0f} requests",
            f"{figures['fan_out_seconds'] / figures['raw_seconds']:.3f}x",
        ),
        (
            "the same without latency: CPU time (botocore's clients, moto's answers)",
            f"{figures['fan_out_no_latency_seconds']:.2f} s",
            "-",
            "-",
        ),
        (
            "the same, moto in another process (moto server), 50 ms a request: wall time "
            "(this process's CPU)",
            f"{figures['served_fan_out_seconds']:.2f} s "
            f"({figures['served_fan_out_cpu']:.2f} s CPU), "
            f"{figures['served_fan_out_requests']:.0f} requests",
            f"{figures['served_raw_seconds']:.2f} s ({figures['served_raw_cpu']:.2f} s CPU), "
            f"{figures['served_raw_requests']:.0f} requests",
            f"{figures['served_fan_out_seconds'] / figures['served_raw_seconds']:.3f}x",
        ),
        (
            "the same without latency: wall time (this process's CPU: botocore's clients)",
            f"{figures['served_fan_out_no_latency_seconds']:.2f} s "
            f"({figures['served_fan_out_no_latency_cpu']:.2f} s CPU)",
            "-",
            "-",
        ),
        (
            "the scheduling's floor: a work that only sleeps 50 ms, no client (5 AssumeRole "
            "at 50 ms)",
            f"{figures['floor_seconds']:.2f} s, {figures['floor_requests']:.0f} requests",
            f"{0.05 * figures['raw_requests']:.2f} s (its requests x 50 ms, no CPU)",
            f"{figures['floor_seconds'] / (0.05 * figures['raw_requests']):.3f}x",
        ),
        (
            "peak memory per in-flight target (peak / 16, with latency)",
            f"{figures['peak_per_in_flight_kib']:.0f} KiB",
            "-",
            "-",
        ),
        (
            f"peak memory: 50 targets vs {many} targets (no latency)",
            f"{figures[small]:.1f} MiB vs {figures[large]:.1f} MiB",
            "-",
            f"{figures[large] / figures[small]:.2f}x",
        ),
        (
            f"the same after gc.freeze() (moto's heap set aside): 50 vs {many} targets",
            f"{figures['frozen_' + small]:.1f} MiB vs {figures['frozen_' + large]:.1f} MiB",
            "-",
            f"{figures['frozen_' + large] / figures['frozen_' + small]:.2f}x",
        ),
        (
            f"left allocated after the run and a gc: 50 vs {many} targets",
            f"{figures['left_50_targets_kib']:.0f} KiB vs "
            f"{figures[f'left_{many}_targets_kib']:.0f} KiB",
            "-",
            "-",
        ),
    ]
    print("| measurement | fan_out (16 workers) | sequential raw boto3 | ratio |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer targets in the memory runs")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--served", action="store_true", help="only row d, as JSON (internal)")
    options = parser.parse_args(argv)
    figures: dict[str, float] = {}
    if options.served:
        served(figures)
        print(json.dumps(figures))
        return 0
    big = 20 if options.quick else 50
    figures.update(served_elsewhere())
    with mocked_session() as session:
        accounts = make_accounts(session, big)
        few = accounts[:5]
        add_instances(session, few, 2)
        run_fan_out(session, few)  # warm-up: service models loaded, clients' classes built

        assert run_fan_out(session, few) == raw_loop(session, few) == 5 * len(REGIONS) * 2

        LATENCY.seconds = 0.05
        figures["raw_seconds"], _, figures["raw_requests"] = timed(lambda: raw_loop(session, few))
        figures["fan_out_seconds"], _, figures["fan_out_requests"] = timed(
            lambda: run_fan_out(session, few)
        )

        with peak_memory() as peak:
            run_fan_out(session, few)
        figures["peak_per_in_flight_kib"] = peak[0] / WORKERS / 1024

        LATENCY.seconds = 0.0
        figures["fan_out_no_latency_seconds"], _, _ = timed(lambda: run_fan_out(session, few))
        floor(session, few, figures)
        # moto builds each (account, region) backend on its first request, ~1 MiB each:
        # make them all before measuring, so that the peaks are fan_out's, not moto's.
        run_fan_out(session, accounts)
        for frozen in ("", "frozen_"):
            if frozen:
                # Python collects its oldest generation (where the clients' reference cycles
                # end up) only once it has grown by a quarter: behind moto's large heap that
                # is rare. gc.freeze() sets moto's objects aside, as a small process would be.
                gc.collect()
                gc.freeze()
            for label, chosen in (("50", few), (str(big * len(REGIONS)), accounts)):
                gc.collect()
                with peak_memory() as peak:
                    run_fan_out(session, chosen)
                figures[f"{frozen}peak_{label}_targets_mib"] = peak[0] / 2**20
                figures[f"{frozen}left_{label}_targets_kib"] = peak[1] / 1024
        gc.unfreeze()

    print_table(figures, big * len(REGIONS))
    if options.json is not None:
        options.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
