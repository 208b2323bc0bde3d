"""What every part of AutoScalingService shares: the client cache, AutoScaling's own error
codes, the listing page size, and listings over chunks of names."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar, TypeVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade.errors import InvalidStateError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_autoscaling import AutoScalingClient

    from awsfacade._translate import Codes

__all__ = ["PAGE_SIZE", "AutoScalingBase", "by_chunks"]

M = TypeVar("M")

#: The largest MaxRecords DescribeAutoScalingGroups and DescribeLaunchConfigurations accept.
PAGE_SIZE = 100


def by_chunks(
    names: list[str] | None, size: int, listing: Callable[[list[str] | None], Iterator[M]]
) -> Iterator[M]:
    """``listing(names)``, or, for more names than one request takes (``size``), the
    listings of each ``size`` names one after the other, each started only when reached."""
    if names is None or len(names) <= size:
        return listing(names)
    chunks = (names[start : start + size] for start in range(0, len(names), size))
    return itertools.chain.from_iterable(listing(chunk) for chunk in chunks)


def _new_client(session: Session, options: ClientOptions) -> AutoScalingClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns AutoScalingClient.
    return session.client("autoscaling", **options)  # pyright: ignore[reportUnknownMemberType]


class AutoScalingBase(Service["AutoScalingClient"]):
    """The state and helpers every part of AutoScalingService uses."""

    __slots__ = ()

    _clients = ClientCache("autoscaling", _new_client)
    #: AutoScaling's state errors are one class, InvalidStateError ("the resource is in the
    #: wrong state for that"): a scaling activity in progress, and ``ResourceInUse`` (a group
    #: that still has instances, a launch configuration a group uses), which the shared
    #: ``InUse`` pattern would make an InUseError.
    #: (AutoScaling has no not-found code: the shared translator reads its ValidationError's
    #: "not found" message as NotFoundError.)
    _error_codes: ClassVar[Codes] = {
        "ScalingActivityInProgress": InvalidStateError,
        "ResourceInUse": InvalidStateError,
    }
    _page_size: ClassVar[int | None] = PAGE_SIZE
