"""What the ``awsfacade`` logger's hooks cost a request (``python benchmarks/logging_cost.py``).

- handlers: the events a request emits that awsfacade hooks (``before-parameter-build``,
  ``before-call``, ``needs-retry``, ``request-created``), emitted on a client's own event
  emitter with and without the hooks; the difference is what the hooks add. Logger off (the
  default) and at DEBUG (to a NullHandler: the records are built, then dropped).
- end to end: DescribeVpcs answered by a ``before-send`` hook (no network, no moto), by a raw
  boto3 client and by one with the hooks, rounds alternating; medians. On a shared machine the
  spread of these is far larger than the hooks' cost, which is why the first figure exists.
"""

from __future__ import annotations

import logging
import statistics
import time
import timeit
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import boto3.session
from botocore import UNSIGNED
from botocore.awsrequest import AWSRequest, AWSResponse, HTTPHeaders
from botocore.config import Config

from awsfacade import _logging

if TYPE_CHECKING:
    from botocore.client import BaseClient

_BODY = b"<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>"
_CALLS = 2000
_ROUNDS = 5
_EMITS = 5000
_EMIT_ROUNDS = 15


class _Raw:
    """The raw body AWSResponse reads the canned answer from."""

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield _BODY


def _answer(**_: object) -> AWSResponse:
    return AWSResponse("https://ec2.us-east-1.amazonaws.com/", 200, HTTPHeaders(), _Raw())


def _client(*, hooked: bool) -> BaseClient:
    session = boto3.session.Session(
        aws_access_key_id="AKIAEXAMPLE", aws_secret_access_key="example", region_name="us-east-1"
    )
    unsigned = Config(signature_version=UNSIGNED)  # request-created signs: not here, nor there
    client: BaseClient = session.client("ec2", config=unsigned)  # pyright: ignore[reportUnknownMemberType] - a plain BaseClient is all this needs
    # botocore-stubs type handlers as returning None; a before-send handler may answer.
    client.meta.events.register("before-send.ec2.DescribeVpcs", _answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    if hooked:
        _logging.register(client)
    return client


def _emits(client: BaseClient) -> Callable[[], None]:
    """The hooked events of one request, as botocore emits them."""
    events = client.meta.events
    model = client.meta.service_model.operation_model("DescribeVpcs")

    def emit() -> None:
        context: dict[str, object] = {"retries": {"attempt": 1, "invocation-id": "bench"}}
        request = AWSRequest()
        request.context = context
        events.emit(
            "before-parameter-build.ec2.DescribeVpcs", params={}, model=model, context=context
        )
        events.emit("before-call.ec2.DescribeVpcs", model=model, params={}, context=context)
        events.emit(
            "needs-retry.ec2.DescribeVpcs",
            response=None,
            caught_exception=None,
            endpoint=None,
            operation=model,
            attempts=1,
            request_dict={"context": context},
        )
        events.emit(
            "request-created.ec2.DescribeVpcs", request=request, operation_name="DescribeVpcs"
        )

    return emit


def _least_us(first: Callable[[], None], second: Callable[[], None]) -> tuple[float, float]:
    """The least time a call of each (µs), over rounds that alternate them: the least is the
    run the machine's other work disturbed least."""
    best = [float("inf"), float("inf")]
    for _ in range(_EMIT_ROUNDS):
        for index, function in enumerate((first, second)):
            seconds = timeit.timeit(function, number=_EMITS)
            best[index] = min(best[index], seconds / _EMITS * 1e6)
    return best[0], best[1]


def _describe(client: BaseClient) -> Callable[[], object]:
    describe: Callable[[], object] = getattr(client, "describe_vpcs")  # noqa: B009 - BaseClient declares no operations
    return describe


def main() -> None:
    raw, hooked = _client(hooked=False), _client(hooked=True)
    logger = logging.getLogger("awsfacade")
    for label, level in (("off", logging.WARNING), ("DEBUG", logging.DEBUG)):
        logger.setLevel(level)
        base, with_hooks = _least_us(_emits(raw), _emits(hooked))
        print(
            f"hooks, logger {label}: {with_hooks - base:.2f} µs a request "
            f"(the four events: {base:.1f} µs without, {with_hooks:.1f} µs with)"
        )
    logger.setLevel(logging.NOTSET)

    times: dict[str, list[float]] = {"raw boto3": [], "with the hooks": []}
    calls = {"raw boto3": _describe(raw), "with the hooks": _describe(hooked)}
    for _ in range(_ROUNDS):
        for label, call in calls.items():
            start = time.perf_counter()
            for _ in range(_CALLS):
                call()
            times[label].append((time.perf_counter() - start) / _CALLS * 1e6)
    for label, samples in times.items():
        print(f"end to end, {label}: {statistics.median(samples):.0f} µs a request (median)")


if __name__ == "__main__":
    main()
