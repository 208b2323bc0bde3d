"""The facade against raw boto3 through a moto HTTP server: listings, memory, S3 transfers.

The server is ``python -m moto.server`` in another process on a free loopback port, so its
work neither shares this process's GIL nor shows in its tracemalloc heap: what is measured is
the client side (HTTP, botocore's parse, the facade), as against AWS. Sessions come from
``awsfacade.testing.new_session()`` inside ``fake_environment()``.

- listing: ``ec2.instances()`` over ``instances`` instances and ``s3.objects(bucket)`` over
  ``objects`` objects, against the raw paginator loop; rounds alternate; medians.
- memory: tracemalloc's peak while iterating ``s3.objects(bucket)`` without keeping the objects
  against ``list(s3.objects(bucket))``, and raw boto3's loop and list of pages.
- transfers: ``S3Service.upload_file``/``download_file`` of one file against the raw client's
  ``upload_file``/``download_file`` (both boto3's transfer manager with its default
  configuration); throughput in MiB/s, rounds alternating; medians.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from _server import moto_server
from _table import Figure, alternate, median, progress, ratio

from awsfacade.ec2 import Ec2Service
from awsfacade.s3 import S3Service
from awsfacade.testing import fake_environment, new_session

if TYPE_CHECKING:
    import boto3.session
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_s3 import S3Client

BUCKET = "awsfacade-bench"
MIB = 1024 * 1024
#: The issue's targets.
WIRE_LIMIT = 1.10
MEMORY_LIMIT = 0.8
THROUGHPUT_LIMIT = 0.95


@dataclass(frozen=True)
class Sizes:
    """How much each part works on."""

    instances: int
    objects: int
    file_mib: int
    repeat: int


class _Counter:
    """A ``before-call`` handler counting the API calls (one per HTTP request) of a client."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, **_: object) -> None:
        self.count += 1


def _counted(client: EC2Client | S3Client, service: str) -> _Counter:
    counter = _Counter()
    client.meta.events.register(f"before-call.{service}.*", counter)
    return counter


def _populate(s3: S3Client, objects: int) -> None:
    """A bucket with ``objects`` small objects, put by eight threads (clients are thread-safe)."""
    s3.create_bucket(Bucket=BUCKET)

    def put(index: int) -> None:
        s3.put_object(Bucket=BUCKET, Key=f"data/{index:06d}.json", Body=b"{}")

    with ThreadPoolExecutor(8) as pool:
        for _ in pool.map(put, range(objects)):
            pass


def _listing_figure(
    name: str,
    facade: Callable[[], int],
    raw: Callable[[], int],
    counters: tuple[_Counter, _Counter],
    repeat: int,
) -> Figure:
    """Facade vs raw listing times, after checking that both see the same items."""
    items = facade()
    if items != raw():
        raise RuntimeError(f"{name}: the facade and the raw loop disagree")
    for counter in counters:
        counter.count = 0
    samples = alternate({"facade": facade, "raw": raw}, repeat)
    facade_s, raw_s = median(samples["facade"]), median(samples["raw"])
    return Figure(
        f"wire: {name} through the moto server",
        facade_s * 1000,
        raw_s * 1000,
        "ms",
        ratio(facade_s, raw_s),
        "x",
        "<=",
        WIRE_LIMIT,
        note=f"{items:,} items; requests a listing: "
        f"{counters[0].count // repeat} / {counters[1].count // repeat}",
    )


def _wire_figures(session: boto3.session.Session, url: str, sizes: Sizes) -> list[Figure]:
    ec2 = Ec2Service(session, endpoint_url=url)
    ec2_raw: EC2Client = session.client("ec2", endpoint_url=url)  # pyright: ignore[reportUnknownMemberType] - see mypy.ini: the overloads of uninstalled services are Unknown
    ec2_raw.run_instances(
        ImageId="ami-12345678", MinCount=sizes.instances, MaxCount=sizes.instances
    )
    s3 = S3Service(session, endpoint_url=url)
    s3_raw: S3Client = session.client("s3", endpoint_url=url)  # pyright: ignore[reportUnknownMemberType] - as above

    def ec2_facade() -> int:
        return sum(1 for _ in ec2.instances())

    def ec2_loop() -> int:
        return sum(
            len(reservation.get("Instances", []))
            for page in ec2_raw.get_paginator("describe_instances").paginate()
            for reservation in page.get("Reservations", [])
        )

    def s3_facade() -> int:
        return sum(1 for _ in s3.objects(BUCKET))

    def s3_loop() -> int:
        return sum(
            len(page.get("Contents", []))
            for page in s3_raw.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        )

    figures = [
        _listing_figure(
            "`ec2.instances()` vs the raw paginator loop",
            ec2_facade,
            ec2_loop,
            (_counted(ec2.client, "ec2"), _counted(ec2_raw, "ec2")),
            sizes.repeat,
        ),
        _listing_figure(
            "`s3.objects(bucket)` vs the raw paginator loop",
            s3_facade,
            s3_loop,
            (_counted(s3.client, "s3"), _counted(s3_raw, "s3")),
            sizes.repeat,
        ),
    ]
    progress("wire: listings")
    return figures


def _peak_mib(action: Callable[[], object]) -> float:
    """tracemalloc's peak while ``action`` runs, above what was allocated before, in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def _memory_figures(session: boto3.session.Session, url: str, objects: int) -> list[Figure]:
    s3 = S3Service(session, endpoint_url=url)
    s3_raw: S3Client = session.client("s3", endpoint_url=url)  # pyright: ignore[reportUnknownMemberType] - see mypy.ini: the overloads of uninstalled services are Unknown

    def streamed() -> None:
        for _ in s3.objects(BUCKET):
            pass

    def materialised() -> None:
        kept = list(s3.objects(BUCKET))
        del kept

    def raw_streamed() -> None:
        for page in s3_raw.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
            for _ in page.get("Contents", []):
                pass

    def raw_pages() -> None:
        kept = list(s3_raw.get_paginator("list_objects_v2").paginate(Bucket=BUCKET))
        del kept

    streamed()  # the clients, their models and their connections exist before measuring
    raw_streamed()
    peaks = {
        name: _peak_mib(action)
        for name, action in (
            ("streamed", streamed),
            ("materialised", materialised),
            ("raw streamed", raw_streamed),
            ("raw pages", raw_pages),
        )
    }
    progress("memory: S3 objects")
    return [
        Figure(
            f"peak memory, {objects:,} S3 objects: `for o in s3.objects(b)` / "
            "`list(s3.objects(b))`",
            peaks["streamed"],
            None,
            "MiB",
            ratio(peaks["streamed"], peaks["materialised"]),
            "x",
            "<=",
            MEMORY_LIMIT,
            note=f"materialised: {peaks['materialised']:.2f} MiB; tracemalloc, client side",
        ),
        Figure(
            f"peak memory, {objects:,} S3 objects streamed: facade vs raw paginator loop",
            peaks["streamed"],
            peaks["raw streamed"],
            "MiB",
            ratio(peaks["streamed"], peaks["raw streamed"]),
            "x",
            note="one page of 1,000 parsed at a time on both sides",
        ),
        Figure(
            f"peak memory, {objects:,} S3 objects kept: `list(s3.objects(b))` vs raw list of pages",
            peaks["materialised"],
            peaks["raw pages"],
            "MiB",
            ratio(peaks["materialised"], peaks["raw pages"]),
            "x",
            note="models against botocore's parsed dicts",
        ),
    ]


def _transfer_figures(
    session: boto3.session.Session, url: str, file_mib: int, repeat: int
) -> list[Figure]:
    s3 = S3Service(session, endpoint_url=url)
    s3_raw: S3Client = session.client("s3", endpoint_url=url)  # pyright: ignore[reportUnknownMemberType] - see mypy.ini: the overloads of uninstalled services are Unknown
    with tempfile.TemporaryDirectory(prefix="awsfacade-bench-") as directory:
        folder = Path(directory)
        source = folder / "source.bin"
        with source.open("wb") as out:
            for _ in range(file_mib):
                out.write(os.urandom(MIB))
        target = folder / "target.bin"
        s3.upload_file(source, BUCKET, "big/facade.bin")  # warm both paths and the keys
        s3_raw.upload_file(str(source), BUCKET, "big/raw.bin")
        uploads = alternate(
            {
                "facade": lambda: s3.upload_file(source, BUCKET, "big/facade.bin"),
                "raw": lambda: s3_raw.upload_file(str(source), BUCKET, "big/raw.bin"),
            },
            repeat,
        )
        downloads = alternate(
            {
                "facade": lambda: s3.download_file(BUCKET, "big/facade.bin", target),
                "raw": lambda: s3_raw.download_file(BUCKET, "big/raw.bin", str(target)),
            },
            repeat,
        )
        if target.stat().st_size != source.stat().st_size:
            raise RuntimeError("the downloaded file is not the uploaded one")
    progress("transfers: S3 upload and download")
    figures: list[Figure] = []
    for name, samples in (("upload_file", uploads), ("download_file", downloads)):
        facade_rate = file_mib / median(samples["facade"])
        raw_rate = file_mib / median(samples["raw"])
        figures.append(
            Figure(
                f"wire: S3 `{name}` of {file_mib} MiB, throughput",
                facade_rate,
                raw_rate,
                "MiB/s",
                ratio(facade_rate, raw_rate),
                "x",
                ">=",
                THROUGHPUT_LIMIT,
                note="boto3's transfer manager, default configuration, on both sides",
            )
        )
    return figures


def http_figures(sizes: Sizes) -> list[Figure]:
    """Every figure measured through the moto server."""
    with moto_server() as url, fake_environment("us-east-1"):
        session = new_session("us-east-1")
        setup: S3Client = session.client("s3", endpoint_url=url)  # pyright: ignore[reportUnknownMemberType] - see mypy.ini: the overloads of uninstalled services are Unknown
        start = time.perf_counter()
        _populate(setup, sizes.objects)
        progress(
            f"moto server: {sizes.objects:,} objects put in {time.perf_counter() - start:.0f} s"
        )
        figures = _wire_figures(session, url, sizes)
        figures += _memory_figures(session, url, sizes.objects)
        figures += _transfer_figures(session, url, sizes.file_mib, sizes.repeat)
    return figures
