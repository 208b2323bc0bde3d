"""Requests the batched operations send, counted on moto in process (``before-call``).

- ``s3.delete_objects(bucket, keys)`` of 2,500 existing objects: 1,000 keys a DeleteObjects;
- ``route53.change_records(zone, changes)`` of 1,500 CREATEs: Route53's 1,000 values a batch;
- ``s3.delete_bucket(bucket, force=True)`` of a versioned bucket holding 2,500 versions: a
  ListObjectVersions page and a DeleteObjects of 1,000 each round, then DeleteBucket.

Counts are behaviour, not timings: the tests assert them too (tests/perf); here they go in
the table beside their targets.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from _table import Figure, progress

from awsfacade.route53 import RecordChange, RecordSet, Route53Service
from awsfacade.s3 import S3Service
from awsfacade.testing import mocked_session

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.model import OperationModel

OBJECTS = 2500
CHANGES = 1500
VERSIONS = 2500
BATCH = 1000


class _Requests(Counter[str]):
    """A ``before-call`` handler: counts every API call (one HTTP request each) by operation."""

    def __init__(self, client: BaseClient) -> None:
        super().__init__()
        client.meta.events.register("before-call", self)

    def __call__(self, *, model: OperationModel, **_: object) -> None:
        self[model.name] += 1


def batch_figures() -> list[Figure]:
    """One figure per batched operation, each against ⌈N/1,000⌉ batches (listing included)."""
    with mocked_session() as session:
        s3 = S3Service(session)
        s3.create_bucket("bench-delete")
        s3.create_bucket("bench-versions")
        s3.set_versioning("bench-versions", enabled=True)
        keys = [f"data/{index:05d}" for index in range(max(OBJECTS, VERSIONS))]
        for key in keys[:OBJECTS]:
            s3.put_object("bench-delete", key, b"")
        for key in keys[:VERSIONS]:
            s3.put_object("bench-versions", key, b"")

        requests = _Requests(s3.client)
        failed = s3.delete_objects("bench-delete", keys[:OBJECTS])
        deleted = requests.total()
        if failed or any(True for _ in s3.objects("bench-delete")):
            raise RuntimeError("delete_objects left objects behind")
        requests.clear()
        s3.delete_bucket("bench-versions", force=True)
        emptied = requests["ListObjectVersions"] + requests["DeleteObjects"]
        if s3.bucket_exists("bench-versions"):
            raise RuntimeError("delete_bucket(force=True) left the bucket")

        route53 = Route53Service(session)
        zone = route53.create_hosted_zone("bench.example.com")
        changes = [
            RecordChange(
                action="CREATE",
                record=RecordSet(
                    name=f"host{index}.bench.example.com",
                    type="A",
                    ttl=300,
                    values=(f"10.0.{index // 250}.{index % 250}",),
                ),
            )
            for index in range(CHANGES)
        ]
        route53_requests = _Requests(route53.client)
        change_ids = route53.change_records(zone.id, changes)
        changed = route53_requests.total()
    progress("batches: S3 deletes, Route53 changes")
    rounds = math.ceil(VERSIONS / BATCH)
    return [
        Figure(
            f"requests: `s3.delete_objects` of {OBJECTS:,} objects",
            float(deleted),
            float(OBJECTS),
            "requests",
            float(deleted),
            "requests",
            "<=",
            float(math.ceil(OBJECTS / BATCH)),
            note="raw: one DeleteObject a key, or hand-made batches of 1,000",
        ),
        Figure(
            f"requests: `route53.change_records` of {CHANGES:,} changes",
            float(changed),
            None,
            "requests",
            float(changed),
            "requests",
            "<=",
            float(math.ceil(CHANGES / BATCH)),
            note=f"{len(change_ids)} change batches; raw: one request fails above 1,000 values",
        ),
        Figure(
            f"requests: `s3.delete_bucket(force=True)` with {VERSIONS:,} versions, to empty it",
            float(emptied),
            None,
            "requests",
            float(emptied),
            "requests",
            "<=",
            float(2 * rounds),
            note=f"ListObjectVersions {requests['ListObjectVersions']} + DeleteObjects "
            f"{requests['DeleteObjects']} (⌈N/1,000⌉ = {rounds} each), then one DeleteBucket",
        ),
    ]
