"""AWS's behaviour on a moto-backed session: the `Realism` switches and the `Fault`s.

moto is consistent, instant and lenient; AWS is not. Each switch puts one of AWS's behaviours
back, on one session only (its botocore event handlers, registered before any client is made,
so every client of that session has them and no other session does), deterministically.
Each switch lives in a module of its own, whose ``install`` registers its handlers.
boto3, botocore and moto are imported on first use, not with this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    import boto3.session

__all__ = ["Fault", "Realism", "install"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """An attrs validator: an int of at least 1 (a bool is refused)."""
    del instance
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgumentError(f"{attribute.name} must be an int of at least 1, not {value!r}")


def _not_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """An attrs validator: an int of at least 0 (a bool is refused)."""
    del instance
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(f"{attribute.name} must be an int of at least 0, not {value!r}")


def _flag(instance: object, attribute: attrs.Attribute[bool], value: bool) -> None:
    """An attrs validator: a bool."""
    del instance
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{attribute.name} must be True or False, not {value!r}")


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: a non-empty string."""
    del instance
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(f"{attribute.name} must be a non-empty string, not {value!r}")


@attrs.frozen()
class Fault:
    """One operation failing as AWS fails it: `times` answers of AWS's error `error`, with the
    HTTP status AWS sends with it, or (`lose_answer=True`) carried out and its answer lost, as
    after a timeout, so botocore's retry sends it again.

    ```python
    Fault("DescribeInstances")  # throttled once, then answered
    Fault("RunInstances", lose_answer=True)  # launched, then the answer is lost
    Fault("CreateBucket", error="InternalError", times=2)
    ```

    Raises:
        InvalidArgumentError: `times` is less than 1, or an argument has the wrong type (an
            operation no service has is refused when the session is made).
    """

    operation: str = attrs.field(validator=_text)
    """The operation's name as botocore's models spell it (`"DescribeInstances"`), acting on
    every service that has it; `"<service>:<Operation>"` (`"ec2:DescribeInstances"`, the
    service as `session.client` names it) limits the fault to that service."""
    error: str = attrs.field(default="Throttling", kw_only=True, validator=_text)
    """AWS's error code to answer with (`"Throttling"`, `"InternalError"`, any documented
    code); its HTTP status is the one AWS sends with it."""
    times: int = attrs.field(default=1, kw_only=True, validator=_positive)
    """How many attempts fail before the operation is answered again; at least 1."""
    lose_answer: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    """Carry the operation out, then lose its answer (instead of failing it with `error`)."""


def _faults(value: Iterable[Fault]) -> tuple[Fault, ...]:
    """The faults as a tuple, each a `Fault`."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgumentError(f"faults must be a sequence of Fault, not {value!r}")
    faults = tuple(value)
    for fault in faults:
        if not isinstance(fault, Fault):
            raise InvalidArgumentError(f"faults must hold Fault objects, not {fault!r}")
    return faults


@attrs.frozen(kw_only=True)
class Realism:
    """Which of AWS's behaviours a moto-backed session shows; every switch is off by default.

    Give it to `mocked_session(realism=...)`, or to the `aws_session` fixture and the service
    fixtures with `@pytest.mark.aws_realism(Realism(...))`.

    Raises:
        InvalidArgumentError: A switch has the wrong type or a negative count.
    """

    stale_reads: int = attrs.field(default=0, validator=_not_negative)
    """A read of a resource this session created answers AWS's NotFound for it that many
    times first (per resource, listings by id included), as AWS's eventual consistency does."""
    transitions: bool = attrs.field(default=False, validator=_flag)
    """Resources pass through AWS's intermediate states over successive reads (an instance is
    `pending`, then `running`), where moto puts them in the final state at once."""
    aws_page_sizes: bool = attrs.field(default=False, validator=_flag)
    """Listings answer in AWS's default and maximum page sizes, and honour `MaxResults` /
    `MaxItems` where moto ignores them."""
    faults: tuple[Fault, ...] = attrs.field(default=(), converter=_faults)
    """Operations that fail (or lose their answer) as the `Fault`s say."""


def install(session: boto3.session.Session, realism: Realism) -> None:
    """Register `realism`'s handlers on `session`, before any client of it is made (a client
    copies its session's handlers when it is made).

    Raises:
        InvalidArgumentError: A fault names an operation no service has.
    """
    events = session.events
    if realism.faults:
        from awsfacade.testing import _faults

        _faults.install(events, realism.faults)
    if realism.stale_reads:
        from awsfacade.testing import _stale

        _stale.install(events, realism.stale_reads)
    if realism.transitions:
        from awsfacade.testing import _transitions

        _transitions.install(events)
    if realism.aws_page_sizes:
        from awsfacade.testing import _pages

        _pages.install(events)
