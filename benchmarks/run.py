"""awsfacade against raw boto3, every figure of the performance issue in one run and one table.

Run it from the repository root::

    python benchmarks/run.py                 # writes benchmarks/RESULTS.md (about 5 minutes)
    python benchmarks/run.py --quick         # smaller sizes, fewer rounds: a smoke run
    python benchmarks/run.py --json out.json # every figure as JSON too

The table gives each figure for awsfacade and for raw boto3, their ratio (or the count or
added cost the target bounds), the target and whether it is met. Times are medians of rounds
that alternate the sides; nothing is asserted (the tests assert behaviour, request counts
included, never time). ``--quick`` writes nothing unless ``--results`` names a file.

The parts, each in its own module beside this one:

- ``listings.py``: the 11 main listings at the parse floor (canned pages answered at
  ``before-send``), and their request counts with default page sizes;
- ``batch_counts.py``: requests of the batched S3 deletes and Route53 changes, on moto;
- ``plugin_cost.py``: the pytest plugin's cost a test (``ec2_service``) and at start-up;
- ``over_http.py``: through a moto server in another process: listings, peak memory of a
  streamed S3 listing, 64 MiB S3 transfers;
- ``import_cost.py``: ``import awsfacade`` and each service over ``import boto3``;
- ``realism_cost.py``: what each ``Realism`` switch of ``awsfacade.testing`` adds a request;
- ``boundary_cost.py``: what the argument checks at the public boundary cost a call;
- below: figures without a target (client caching, ``mocked_session()``).

The fan-out has its own benchmark: ``python benchmarks/fanout.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import boto3.session
from _table import Figure, alternate, machine, markdown, median, progress, ratio, results_page
from batch_counts import batch_figures
from boundary_cost import boundary_figures
from import_cost import import_figures
from moto import mock_aws
from over_http import Sizes, http_figures
from plugin_cost import plugin_figures
from realism_cost import realism_figures

from awsfacade.ec2 import Ec2Service
from awsfacade.testing import fake_environment, mocked_session, new_session

if TYPE_CHECKING:
    from listings import ListingRow
    from mypy_boto3_ec2 import EC2Client

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
COMMAND = "python benchmarks/run.py"
#: The issue's bar for a listing at the parse floor.
LISTING_LIMIT = 1.05


def listing_figures(rows: Sequence[ListingRow]) -> list[Figure]:
    """Two figures a listing: its time against the raw loop's, and its requests."""
    times = [
        Figure(
            f"parse floor: {row.listing}, {row.items:,} items",
            row.facade_s * 1000,
            row.raw_s * 1000,
            "ms",
            row.ratio,
            "x",
            "<=",
            LISTING_LIMIT,
            note=f"parse {row.parse_us_per_item:.1f} µs an item, "
            f"conversion {row.convert_us_per_item:.1f} µs",
        )
        for row in rows
    ]
    requests = [
        Figure(
            f"requests: {row.listing}, {row.items:,} items, default page sizes",
            float(row.requests_facade),
            float(row.requests_raw),
            "requests",
            float(row.requests_facade),
            "requests",
            "<=",
            float(row.requests_raw),
            note=f"page sizes {row.page_size_facade} / {row.page_size_raw or 'AWS default'}"
            + (f"; {row.note}" if row.note else ""),
        )
        for row in rows
    ]
    return times + requests


def _listings(quick: bool) -> list[Figure]:
    """listings.py's rows as figures (imported here: a broken module fails only this part)."""
    from listings import listing_rows

    return listing_figures(listing_rows(quick))


def _client_count(session: boto3.session.Session) -> int:
    """Clients created by 1,000 ``Ec2Service(session)`` (``creating-client-class`` events)."""
    created: list[str] = []

    def count(**_: object) -> None:
        created.append("ec2")

    session.events.register("creating-client-class.ec2", count)
    for _ in range(1000):
        Ec2Service(session)
    session.events.unregister("creating-client-class.ec2", count)
    return len(created)


def _ec2_client(session: boto3.session.Session) -> EC2Client:
    """An EC2 client as raw boto3 code makes one."""
    return session.client("ec2")  # pyright: ignore[reportUnknownMemberType] - see mypy.ini: the overloads of uninstalled services are Unknown


def other_figures(repeat: int) -> list[Figure]:
    """Figures without a target: client caching and the cost of ``mocked_session()``."""
    with mocked_session() as session:
        clients = _client_count(session)
        cached = alternate(
            {"facade": lambda: Ec2Service(session), "raw": lambda: _ec2_client(session)},
            repeat,
        )

    def naive() -> None:
        """What many test suites write: env, moto's mock, a new Session and client a test."""
        with fake_environment(), mock_aws():
            _ec2_client(boto3.session.Session(region_name="us-east-1"))

    def fixture() -> None:
        with mocked_session() as session:
            Ec2Service(session)

    _ec2_client(new_session())  # the shared loader warm, as after a run's first test
    fixtures = alternate({"facade": fixture, "raw": naive}, repeat)
    progress("other: client cache, mocked_session()")
    facade_s, raw_s = median(cached["facade"]), median(cached["raw"])
    fixture_s, naive_s = median(fixtures["facade"]), median(fixtures["raw"])
    return [
        Figure(
            "clients created by 1,000 `Ec2Service(session)` vs 1,000 `session.client`",
            float(clients),
            1000.0,
            "",
            float(clients),
            "",
            note="the facade caches one client per session, region, endpoint and config",
        ),
        Figure(
            "`Ec2Service(session)` with its client cached vs `session.client('ec2')`",
            facade_s * 1e6,
            raw_s * 1e6,
            "µs",
            ratio(facade_s, raw_s),
            "x",
        ),
        Figure(
            "`mocked_session()` + `Ec2Service` vs `mock_aws()` + new Session + client",
            fixture_s * 1000,
            naive_s * 1000,
            "ms",
            ratio(fixture_s, naive_s),
            "x",
            note="mocked sessions share one botocore loader",
        ),
    ]


def _measured(name: str, part: Callable[[], list[Figure]]) -> list[Figure]:
    """The part's figures; if it fails, one row that says so (a missing figure is a miss),
    and the run goes on with the other parts."""
    try:
        figures = part()
    except Exception as error:  # any failure becomes a row of the table
        traceback.print_exc()
        return [Figure(name, None, None, "", None, "", failed=f"{type(error).__name__}: {error}")]
    progress(f"done: {name}")
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Run every part, print the table, write RESULTS.md (and JSON if asked)."""
    parser = argparse.ArgumentParser(description="awsfacade vs raw boto3: the one table")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer rounds")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument(
        "--results",
        type=Path,
        metavar="PATH",
        help="where to write the Markdown page (default: benchmarks/RESULTS.md; "
        "with --quick: nowhere)",
    )
    args = parser.parse_args(argv)
    quick: bool = args.quick
    json_path: Path | None = args.json
    results: Path | None = args.results if args.results or quick else RESULTS

    load = os.getloadavg()
    started = time.perf_counter()
    print("running (progress on stderr)...", file=sys.stderr)
    sizes = (
        Sizes(instances=100, objects=1500, file_mib=16, repeat=2)
        if quick
        else Sizes(instances=200, objects=7500, file_mib=64, repeat=5)
    )
    parts: list[tuple[str, Callable[[], list[Figure]]]] = [
        ("listings at the parse floor", lambda: _listings(quick)),
        ("batched requests", batch_figures),
        ("the pytest plugin", lambda: plugin_figures(tests=100, repeat=1 if quick else 3)),
        ("through the moto server", lambda: http_figures(sizes)),
        ("imports", lambda: import_figures(repeat=3 if quick else 11)),
        ("other", lambda: other_figures(repeat=5 if quick else 15)),
        (
            "realism",
            lambda: realism_figures(requests=20 if quick else 100, repeat=3 if quick else 9),
        ),
        (
            "argument checks",
            lambda: boundary_figures(calls=2_000 if quick else 20_000, repeat=3 if quick else 9),
        ),
    ]
    figures: list[Figure] = []
    for name, part in parts:
        figures += _measured(name, part)
    seconds = time.perf_counter() - started

    machine_line = machine(load)
    print(markdown(figures))
    print(f"\n{machine_line}; {seconds:.0f} s")
    if results is not None:
        command = COMMAND + (" --quick" if quick else "")
        results.write_text(results_page(figures, machine_line, seconds, command))
        print(f"wrote {results}")
    if json_path is not None:
        payload = {
            "machine": machine_line,
            "seconds": seconds,
            "quick": quick,
            "figures": [figure.as_json() for figure in figures],
        }
        json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
