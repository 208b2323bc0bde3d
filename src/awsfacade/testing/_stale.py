"""Stale reads: `Realism(stale_reads=N)`.

AWS is eventually consistent: right after `RunInstances` succeeds, `DescribeInstances` of the
new id may answer `InvalidInstanceID.NotFound`; a new IAM user may be `NoSuchEntity` for a
moment, a new bucket `NoSuchBucket`. moto shows everything at once. Here each resource a
create of this session made (its names taken from the create's answer, or its request) is
read as missing N times, then as moto has it.

Driven by the table in `_stale_table`: for a create (botocore's ``after-call``), the names of
what it made; for a read (``before-parameter-build``), the parameters and filters naming
resources, and AWS's answer while they are not visible: its error for the whole call
(answered on the wire in ``before-send``, in the service's own protocol, and pointed at a host
moto does not serve, so the attempt never reaches moto's backend), or, where AWS answers
without them (a filter by id, AutoScaling's listings by name), the call sent to moto with
those names replaced by one that names nothing.

Each call naming a stale resource is one of its N stale reads, however many times it names it
and however many attempts botocore makes of it. Everything is per session, and deterministic.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple, TypeGuard
from xml.sax.saxutils import escape

from awsfacade.testing._stale_table import CREATES, READS, Read
from awsfacade.testing._wire import UNSERVED, answer_instead, stored_answer
from awsfacade.testing._wire import error_answer as wire_error

if TYPE_CHECKING:
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.hooks import BaseEventHooks
    from botocore.model import OperationModel, ServiceModel

__all__ = ["StaleReads", "install"]

#: Where a read's stale answer waits in botocore's request context, for ``before-send``.
_ANSWER: Final = "awsfacade.stale_read"
#: Where a create's naming request parameters wait, for ``after-call``.
_REQUEST: Final = "awsfacade.stale_create"
#: Sent to moto instead of a stale name where AWS answers without the resource: it names
#: nothing (no AWS id or name looks like it).
PLACEHOLDER: Final = "awsfacade-stale-read-placeholder"
_SERVER_ERROR: Final = 300
_ROUTE53_PREFIXES: Final = ("/hostedzone/",)
_CASELESS: Final = frozenset({"db-instance", "db-subnet-group"})


def _folded(kind: str, name: str) -> str:
    """``name`` as AWS compares it: RDS identifiers ignore case, Route53 takes a zone's id
    with or without its ``/hostedzone/`` prefix."""
    if kind in _CASELESS:
        return name.lower()
    if kind == "hosted-zone":
        for prefix in _ROUTE53_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix) :]
    return name


class _Left:
    """How many more reads of one resource are answered stale."""

    __slots__ = ("reads",)

    def __init__(self, reads: int) -> None:
        self.reads = reads


class _Stale(NamedTuple):
    """A read's stale answer: AWS's error for the ``names`` ``read`` gives, in the protocol
    of ``service``."""

    read: Read
    names: list[str]
    service: ServiceModel


class StaleReads:
    """The resources one session created, and the handlers answering their reads stale."""

    def __init__(self, reads: int) -> None:
        self._reads = reads
        self._lock = threading.Lock()
        self._made: dict[tuple[str, str], _Left] = {}

    def install(self, events: BaseEventHooks) -> None:
        """Register the handlers of every operation of the table on ``events``."""
        for operation, create in CREATES.items():
            suffix = f"{create.service}.{operation}"
            if create.request:
                events.register(f"before-parameter-build.{suffix}", self.stash)
            events.register(f"after-call.{suffix}", self.created)
        for operation, reads in READS.items():
            suffix = f"{reads[0].service}.{operation}"
            events.register(f"before-parameter-build.{suffix}", self.read)
            if any(read.error for read in reads):
                # botocore-stubs type handlers as returning None; a before-send handler may
                # return the response botocore then uses instead of sending the request.
                events.register_first(f"before-send.{suffix}", self.answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    def stash(
        self, *, params: Mapping[str, object], model: OperationModel, context: dict[str, object],
        **_: object,
    ) -> None:  # fmt: skip
        """``before-parameter-build`` of a create named by its request: keep those names."""
        create = CREATES[model.name]
        context[_REQUEST] = [params.get(key) for key in create.request]

    def created(
        self, *, http_response: AWSResponse, parsed: Mapping[str, object],
        model: OperationModel, context: Mapping[str, object], **_: object,
    ) -> None:  # fmt: skip
        """``after-call`` of a create: what it made is stale for the next reads."""
        if http_response.status_code >= _SERVER_ERROR:
            return
        create = CREATES[model.name]
        from_request = _strings(context.get(_REQUEST))
        with self._lock:
            for item in _items(parsed, create.each):
                names = [name for key in create.names for name in _strings(item.get(key))]
                left = _Left(self._reads)
                for name in (*names, *from_request):
                    self._made[create.kind, _folded(create.kind, name)] = left

    def read(
        self, *, params: dict[str, object], model: OperationModel, context: dict[str, object],
        **_: object,
    ) -> None:  # fmt: skip
        """``before-parameter-build`` of a read: count a stale read of each resource it
        names, and have AWS's answer given (an error, or the call without them)."""
        if not self._made:
            return
        reads = READS[model.name]
        with self._lock:
            named = {read: [n for n in _names(params, read) if self._stale(read.kind, n)]
                     for read in reads}  # fmt: skip
            # One stale read a resource a call, however many times the call names it.
            taken = {self._made[read.kind, _folded(read.kind, name)]
                     for read, names in named.items() for name in names}  # fmt: skip
            for left in taken:
                left.reads -= 1
        failing = [(read, names) for read, names in named.items() if names and read.error]
        if failing:
            context[_ANSWER] = _Stale(*failing[0], model.service_model)
            return
        for read, names in named.items():
            if names:
                _leave_out(params, read, set(names))

    def _stale(self, kind: str, name: str) -> bool:
        """Whether ``name`` is a resource of ``kind`` this session made that is still stale."""
        left = self._made.get((kind, _folded(kind, name)))
        return left is not None and left.reads > 0

    def answer(self, *, request: AWSPreparedRequest, **_: object) -> AWSResponse | None:
        """``before-send`` of a read: AWS's error, if ``read`` decided on one for this call
        (unless another handler answered this attempt already)."""
        # botocore-stubs do not declare AWSPreparedRequest.context (botocore sets it).
        context: object = getattr(request, "context", None)
        decided = context.get(_ANSWER) if _is_mapping(context) else None
        if not isinstance(decided, _Stale) or request.url == UNSERVED:
            return None
        answer = error_answer(decided, head=request.method == "HEAD")
        return answer_instead(request, answer)  # moto's own handler must not carry it out


def _is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(value, Mapping)


def _is_list(value: object) -> TypeGuard[list[object]]:
    return isinstance(value, list)


def _strings(value: object) -> list[str]:
    """A name, or the names in a list of them."""
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if _is_list(value) else []


def _mappings(value: object) -> list[Mapping[str, object]]:
    """A mapping, or the mappings in a list of them."""
    if _is_mapping(value):
        return [value]
    return [item for item in value if _is_mapping(item)] if _is_list(value) else []


def _items(parsed: Mapping[str, object], path: Sequence[str]) -> list[Mapping[str, object]]:
    """The mappings at ``path`` in ``parsed``: the one there, or each in the list there."""
    found: object = parsed
    for key in path:
        found = found.get(key) if _is_mapping(found) else None
    return _mappings(found)


def _filters(params: Mapping[str, object], read: Read) -> list[Mapping[str, object]]:
    """The filters of ``params`` named ``read.filter``."""
    return [one for one in _mappings(params.get("Filters")) if one.get("Name") == read.filter]


def _names(params: Mapping[str, object], read: Read) -> list[str]:
    """The names ``read``'s parameter or filter gives in ``params``."""
    if read.param:
        return _strings(params.get(read.param))
    return [name for one in _filters(params, read) for name in _strings(one.get("Values"))]


def _leave_out(params: dict[str, object], read: Read, stale: set[str]) -> None:
    """Name ``PLACEHOLDER`` instead of the ``stale`` names, in new lists (the caller's own are
    left as they are), so that moto answers as AWS does: without them."""

    def swapped(value: object) -> list[str]:
        return [PLACEHOLDER if name in stale else name for name in _strings(value)]

    if read.param:
        value = params.get(read.param)
        params[read.param] = PLACEHOLDER if isinstance(value, str) else swapped(value)
        return
    named = _filters(params, read)
    params["Filters"] = [
        {**one, "Values": swapped(one.get("Values"))} if one in named else one
        for one in _mappings(params.get("Filters"))
    ]


def error_answer(stale: _Stale, *, head: bool = False) -> AWSResponse:
    """AWS's error answer for a read of names not visible yet, in the service's protocol; a
    HEAD's answer has no body, as S3's HeadBucket's 404."""
    read, names = stale.read, stale.names
    shown = [_folded(read.kind, name) for name in names] if read.kind == "hosted-zone" else names
    extra = ""
    if read.service == "s3" and read.param == "Bucket" and names:
        extra = f"<BucketName>{escape(names[0])}</BucketName>"
    answer = wire_error(
        stale.service,
        read.error,
        status=read.status,
        message=read.message.format(", ".join(shown)),
        extra_xml=extra,
    )
    if head:
        return stored_answer(read.status, dict(answer.headers.items()), b"")
    return answer


def install(events: BaseEventHooks, reads: int) -> StaleReads:
    """Register the handlers on a session's event emitter: each resource a create of that
    session makes is read as missing ``reads`` times.

    Returns:
        The session's stale reads (its handlers' state).
    """
    stale = StaleReads(reads)
    stale.install(events)
    return stale
