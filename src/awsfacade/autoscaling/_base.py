"""What every part of AutoScalingService shares: the client cache, AutoScaling's own error
codes, its message-only "not found" answers, and the listing page size."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar, TypeVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade._translate import translate
from awsfacade.errors import InvalidRequestError, InvalidStateError, NotFoundError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_autoscaling import AutoScalingClient

    from awsfacade._translate import Codes

__all__ = ["PAGE_SIZE", "AutoScalingBase", "by_chunks"]

M = TypeVar("M")

#: The largest MaxRecords DescribeAutoScalingGroups and DescribeLaunchConfigurations accept.
PAGE_SIZE = 100

#: AutoScaling says "not found" only in a ValidationError's message: "AutoScalingGroup name
#: not found - …", "Launch configuration name not found - …".
_NOT_FOUND = re.compile(r"\bnot found\b", re.IGNORECASE)


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
    _error_codes: ClassVar[Codes] = {
        "ScalingActivityInProgress": InvalidStateError,
        "ResourceInUse": InvalidStateError,
    }

    @contextmanager
    def _translate(self) -> Generator[None]:
        """Translate botocore's exceptions with AutoScaling's codes; a ``ValidationError``
        whose message says "not found" becomes a :class:`NotFoundError`."""
        try:
            with translate(self._error_codes):
                yield
        except InvalidRequestError as error:
            if error.code != "ValidationError" or not _NOT_FOUND.search(error.message):
                raise
            raise NotFoundError(
                code=error.code,
                message=error.message,
                operation=error.operation,
                request_id=error.request_id,
            ) from error.__cause__
