"""awsfacade against raw boto3, in one run: ratios and request counts, never a pass/fail on time.

Run it from the repository root::

    python benchmarks/run.py                 # prints the table (about a minute)
    python benchmarks/run.py --json out.json # and writes every number as JSON
    python benchmarks/run.py --quick         # fewer repetitions, for a smoke test

Everything talks to moto in process (``awsfacade.testing.mocked_session()``), so the numbers
measure the library and botocore, plus moto answering, never a network. Times are medians of
several repetitions measured with ``time.perf_counter``; ratios are facade / raw.

Measured:

a. import cost: ``import boto3, awsfacade`` (and ``awsfacade.ec2``) over ``import boto3``,
   in fresh interpreters, plus ``-X importtime``'s own cumulative figures.
b. ``Ec2Service(session)`` built 1000 times creates exactly one client (counted with the
   ``creating-client-class`` event); the time per construction against one
   ``session.client("ec2")``.
c. listing N instances through ``ec2.instances()`` against the raw paginator loop, with the
   requests each sends (counted with a ``before-call.ec2.*`` hook) and peak memory.
d. per-test fixture overhead: ``mocked_session()`` enter and exit, with and without an EC2
   client, against a fresh ``boto3.Session()`` and client under ``mock_aws`` (the naive
   fixture), and whole pytest runs of trivial tests with and without ``ec2_service``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import boto3.session
from moto import mock_aws

from awsfacade.ec2 import Ec2Service, Instance
from awsfacade.testing import fake_environment, mocked_session, new_session

if TYPE_CHECKING:
    from mypy_boto3_ec2 import EC2Client

IMAGE_ID = "ami-12345678"


@dataclass
class Row:
    """One line of the table: a facade figure, its raw boto3 counterpart, and their ratio."""

    section: str
    name: str
    facade: float | None
    raw: float | None
    unit: str
    requests_facade: int | None = None
    requests_raw: int | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """facade / raw, when both are there and raw is not zero."""
        if self.facade is None or self.raw is None or self.raw == 0:
            return None
        return self.facade / self.raw


@dataclass
class Results:
    """Every row, plus what the run was made with."""

    rows: list[Row] = field(default_factory=list[Row])
    python: str = sys.version.split()[0]
    boto3: str = boto3.__version__

    def add(self, row: Row) -> None:
        """Append a row and print it at once, so a long run shows progress."""
        self.rows.append(row)
        print(f"  {row.section}  {row.name}: {_fmt(row.facade, row.unit)}", file=sys.stderr)


# -- helpers -----------------------------------------------------------------------------


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``action`` over ``repeat`` calls, in seconds."""
    times: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class CallCounter:
    """Counts botocore events; register it as a handler."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, **kwargs: object) -> None:
        """The botocore event handler: every event it is registered for adds one."""
        del kwargs
        self.count += 1


def count_requests(client: EC2Client) -> CallCounter:
    """A counter of the API calls ``client`` makes from now on (one per HTTP request)."""
    counter = CallCounter()
    client.meta.events.register("before-call.ec2.*", counter)
    return counter


def raw_client(session: boto3.session.Session) -> EC2Client:
    """A plain EC2 client, as raw boto3 code would create it."""
    return session.client("ec2")  # pyright: ignore[reportUnknownMemberType]


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, timeout=300
    )


# -- (a) import cost -----------------------------------------------------------------------


def bench_import(results: Results, repeat: int) -> None:
    """``import awsfacade`` over ``import boto3`` in fresh interpreters."""
    statements = {
        "boto3": "import boto3",
        "awsfacade": "import boto3, awsfacade",
        "awsfacade.ec2": "import boto3, awsfacade.ec2",
    }
    samples: dict[str, list[float]] = {name: [] for name in statements}
    _python("-c", "import boto3, awsfacade.ec2")  # warm the file system cache and .pyc files
    for _ in range(repeat):  # interleaved, so drift hits every statement alike
        for name, statement in statements.items():
            start = time.perf_counter()
            _python("-c", statement)
            samples[name].append(time.perf_counter() - start)
    base = statistics.median(samples["boto3"])
    for name in ("awsfacade", "awsfacade.ec2"):
        total = statistics.median(samples[name])
        results.add(
            Row(
                "a",
                f"python -c 'import boto3, {name}'",
                total * 1000,
                base * 1000,
                "ms",
                note=f"+{(total - base) * 1000:.1f} ms over import boto3 (interpreter included)",
            )
        )
    cumulative: dict[str, list[float]] = {"awsfacade": [], "awsfacade.ec2": []}
    for _ in range(repeat):
        done = _python("-X", "importtime", "-c", "import boto3, awsfacade, awsfacade.ec2")
        for line in done.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() in cumulative:
                cumulative[parts[2].strip()].append(int(parts[1]) / 1000)
    for name, values in cumulative.items():
        results.add(
            Row(
                "a",
                f"-X importtime cumulative: {name}",
                statistics.median(values),
                None,
                "ms",
                note="after boto3 is imported",
            )
        )
    done = _python("-c", "import sys, awsfacade, awsfacade.ec2; print('moto' in sys.modules)")
    results.add(
        Row(
            "a",
            "import awsfacade.ec2 pulls in moto",
            1.0 if done.stdout.strip() == "True" else 0.0,
            None,
            "bool",
            note="must be 0",
        )
    )


# -- (b) client construction -------------------------------------------------------------


def bench_construction(results: Results, repeat: int) -> None:
    """1000 ``Ec2Service(session)`` against one ``session.client("ec2")``."""
    raw_client(new_session())  # warm the shared loader, so both sides below start alike
    with mocked_session() as session:
        created = CallCounter()
        session.events.register("creating-client-class.ec2", created)
        start = time.perf_counter()
        Ec2Service(session)
        first = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(999):
            Ec2Service(session)
        per_cached = (time.perf_counter() - start) / 999
        clients_from_1000 = created.count

        one_client = median_time(lambda: raw_client(session), repeat)
        results.add(
            Row(
                "b",
                "first Ec2Service(session) vs session.client('ec2')",
                first * 1000,
                one_client * 1000,
                "ms",
                note="each creates the client; shared, warm botocore loader",
            )
        )
        results.add(
            Row(
                "b",
                "Ec2Service(session), cached (each of 999 more)",
                per_cached * 1e6,
                one_client * 1e6,
                "us",
                note=f"clients created by 1000 constructions: {clients_from_1000}",
            )
        )
        results.add(
            Row(
                "b",
                "clients created by 1000 x Ec2Service(session)",
                float(clients_from_1000),
                1000.0,
                "count",
                note="raw: 1000 x session.client('ec2') creates 1000",
            )
        )

        def cold_client() -> None:
            raw_client(boto3.session.Session(region_name="us-east-1"))

        cold = median_time(cold_client, max(3, repeat // 3))
        results.add(
            Row(
                "b",
                "session.client('ec2') on a new boto3.Session()",
                cold * 1000,
                None,
                "ms",
                note="what building a client per call would cost (cold loader)",
            )
        )


# -- (c) listing -------------------------------------------------------------------------


def bench_listing(results: Results, instances: int, repeat: int) -> None:
    """``ec2.instances()`` against the raw paginator loop over ``instances`` instances."""
    with mocked_session() as session:
        ec2 = Ec2Service(session)
        remaining = instances
        while remaining:
            batch = min(remaining, 100)
            ec2.run(image_id=IMAGE_ID, count=batch)
            remaining -= batch
        client = raw_client(session)
        facade_requests = count_requests(ec2.client)
        raw_requests = count_requests(client)

        def facade() -> int:
            return sum(1 for _ in ec2.instances())

        def raw() -> int:
            seen = 0
            for page in client.get_paginator("describe_instances").paginate():
                for reservation in page["Reservations"]:
                    for _ in reservation.get("Instances", []):
                        seen += 1
            return seen

        fetched = [
            item
            for page in client.get_paginator("describe_instances").paginate()
            for reservation in page["Reservations"]
            for item in reservation.get("Instances", [])
        ]

        def convert() -> None:
            for item in fetched:
                Instance._from_boto(item)

        def touch() -> None:
            for item in fetched:
                item.get("InstanceId")

        assert facade() == raw() == instances, "the listings disagree"
        facade_requests.count = raw_requests.count = 0
        facade_times: list[float] = []
        raw_times: list[float] = []
        for _ in range(repeat):  # interleaved, so moto's own warm-up favours neither
            facade_times.append(median_time(facade, 1))
            raw_times.append(median_time(raw, 1))
        results.add(
            Row(
                "c",
                f"list {instances} instances: ec2.instances() vs raw paginator",
                statistics.median(facade_times) * 1000,
                statistics.median(raw_times) * 1000,
                "ms",
                requests_facade=facade_requests.count // repeat,
                requests_raw=raw_requests.count // repeat,
                note="moto serving the requests included",
            )
        )
        converting = median_time(convert, repeat * 3)
        results.add(
            Row(
                "c",
                f"Instance._from_boto x {instances} vs reading one key of each dict",
                converting * 1000,
                median_time(touch, repeat * 3) * 1000,
                "ms",
                note=f"no requests: {converting / instances * 1e6:.1f} us an instance",
            )
        )

        def peak(listing: Callable[[], int]) -> float:
            tracemalloc.start()
            try:
                listing()
                return tracemalloc.get_traced_memory()[1] / 1024
            finally:
                tracemalloc.stop()

        results.add(
            Row(
                "c",
                f"peak memory while listing {instances} instances",
                peak(facade),
                peak(raw),
                "KiB",
                note="tracemalloc; includes the response being parsed",
            )
        )


# -- (d) fixture overhead ----------------------------------------------------------------


@contextmanager
def naive_fixture() -> Generator[EC2Client, None, None]:
    """What many test suites write: fake env, moto's mock, a new Session and client each test."""
    with fake_environment(), mock_aws():
        yield raw_client(boto3.session.Session(region_name="us-east-1"))


def bench_fixture(results: Results, repeat: int) -> None:
    """``mocked_session()`` per test, with and without a client, against the naive fixture."""

    def bare() -> None:
        with mocked_session():
            pass

    def with_client() -> None:
        with mocked_session() as session:
            Ec2Service(session)

    def naive() -> None:
        with naive_fixture():
            pass

    def new_session_client() -> None:
        with fake_environment(), mock_aws():
            raw_client(new_session())

    with_client()  # warm the shared loader, as the first test of a run does
    naive_time = median_time(naive, repeat)
    results.add(
        Row(
            "d",
            "mocked_session() enter+exit, no client",
            median_time(bare, repeat) * 1000,
            naive_time * 1000,
            "ms",
            note="raw: with mock_aws(): new boto3.Session() + client",
        )
    )
    results.add(
        Row(
            "d",
            "mocked_session() + Ec2Service(session)",
            median_time(with_client, repeat) * 1000,
            naive_time * 1000,
            "ms",
            note="mock_aws() also resets moto on exit; mocked_session only on entry",
        )
    )
    results.add(
        Row(
            "d",
            "mock_aws + new_session() + session.client('ec2')",
            median_time(new_session_client, repeat) * 1000,
            naive_time * 1000,
            "ms",
            note="the shared loader without the facade",
        )
    )


def bench_pytest(results: Results, tests: int, repeat: int) -> None:
    """Whole pytest runs: ``tests`` trivial tests with ``ec2_service`` against without."""
    bodies = {
        "plain": "def test_each(n):\n    assert n >= 0\n",
        "ec2_service": "def test_each(ec2_service, n):\n    assert ec2_service.client\n",
    }
    with tempfile.TemporaryDirectory(prefix="awsfacade-bench-") as directory:
        root = Path(directory)
        (root / "pytest.ini").write_text("[pytest]\n")
        paths: dict[str, Path] = {}
        for name, body in bodies.items():
            path = root / f"test_{name}.py"
            path.write_text(
                f"import pytest\n\n@pytest.mark.parametrize('n', range({tests}))\n{body}"
            )
            paths[name] = path
        # (name, test file, extra options): "unplugged" is the plain file without our plugin.
        runs = [
            ("plain", paths["plain"], ()),
            ("ec2_service", paths["ec2_service"], ()),
            ("unplugged", paths["plain"], ("-p", "no:awsfacade")),
        ]
        samples: dict[str, list[float]] = {name: [] for name, _, _ in runs}
        for _ in range(repeat):
            for name, path, options in runs:
                start = time.perf_counter()
                done = subprocess.run(
                    [
                        sys.executable,
                        *("-m", "pytest", "-q", "-p", "no:cacheprovider"),
                        *options,
                        str(path),
                    ],
                    capture_output=True,
                    text=True,
                    cwd=root,
                    check=False,
                    timeout=300,
                )
                samples[name].append(time.perf_counter() - start)
                if f"{tests} passed" not in done.stdout:
                    raise RuntimeError(f"pytest run failed:\n{done.stdout}\n{done.stderr}")
    plain = statistics.median(samples["plain"])
    with_fixture = statistics.median(samples["ec2_service"])
    results.add(
        Row(
            "d",
            f"pytest run of {tests} tests: with ec2_service vs none",
            with_fixture * 1000,
            plain * 1000,
            "ms",
            note=f"{(with_fixture - plain) / tests * 1000:.1f} ms a test for the fixture",
        )
    )
    unplugged = statistics.median(samples["unplugged"])
    results.add(
        Row(
            "d",
            f"pytest run of {tests} plain tests: plugin loaded vs -p no:awsfacade",
            plain * 1000,
            unplugged * 1000,
            "ms",
            note="what the entry point (it imports moto) adds to every pytest run",
        )
    )


# -- output ------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "count":
        return f"{value:.0f}"
    if unit == "bool":
        return "yes" if value else "no"
    return f"{value:,.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def _fmt_ratio(ratio: float | None) -> str:
    if ratio is None:
        return ""
    if ratio == 0 or ratio >= 0.1:
        return f"{ratio:.2f}x"
    return f"1/{1 / ratio:,.0f}"


def table(results: Results) -> str:
    """The results as a fixed-width text table."""
    header = ("", "measurement", "awsfacade", "raw boto3", "ratio", "requests", "note")
    lines: list[tuple[str, ...]] = [header]
    for row in results.rows:
        ratio = row.ratio
        requests = (
            f"{row.requests_facade} / {row.requests_raw}"
            if row.requests_facade is not None and row.requests_raw is not None
            else ""
        )
        lines.append(
            (
                row.section,
                row.name,
                _fmt(row.facade, row.unit),
                _fmt(row.raw, row.unit),
                _fmt_ratio(ratio),
                requests,
                row.note,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(
            "  ".join(
                cell.ljust(width) if column in (0, 1, 6) else cell.rjust(width)
                for column, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
        )
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark, print the table, write JSON if asked."""
    parser = argparse.ArgumentParser(description="awsfacade vs raw boto3 on moto")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results here")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--instances", type=int, default=500, help="default: %(default)s")
    args = parser.parse_args(argv)
    quick: bool = args.quick
    instances: int = args.instances
    json_path: Path | None = args.json
    repeat = 3 if quick else 9

    results = Results()
    started = time.perf_counter()
    print("running (progress on stderr)...", file=sys.stderr)
    bench_import(results, repeat=3 if quick else 7)
    bench_construction(results, repeat=repeat)
    bench_listing(results, instances=instances, repeat=3 if quick else 5)
    bench_fixture(results, repeat=5 if quick else 15)
    bench_pytest(results, tests=30, repeat=1 if quick else 3)
    elapsed = time.perf_counter() - started

    print(f"awsfacade vs raw boto3 {results.boto3} on moto (Python {results.python})")
    print(table(results))
    print(f"\n(total {elapsed:.0f} s; medians; ratios are awsfacade / raw; nothing is asserted)")
    if json_path is not None:
        payload = {
            "python": results.python,
            "boto3": results.boto3,
            "seconds": elapsed,
            "rows": [{**asdict(row), "ratio": row.ratio} for row in results.rows],
        }
        json_path.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
