"""Fault injection: `Realism(faults=[Fault(...)])`.

Each faulted operation gets one ``before-send`` handler on the session's event emitter (so on
every client of that session and no other), registered first, for any service
(``before-send.*.<Operation>``); a fault naming its service (``"ec2:DescribeInstances"``) acts
on that service's calls only. The handler counts the attempts: the first ``times`` attempts
go to the first fault, the next ``times`` to the second fault for that operation, and so on,
per session, per operation, per fault, whatever the thread, region or client.

- An error fault answers the attempt itself with AWS's error on the wire
  (:mod:`awsfacade.testing._wire`), the attempt pointed away from moto: it never reaches the
  backend, as a throttled request never reaches AWS's.
- A ``lose_answer`` fault has moto carry the attempt out, reads its answer, then drops it:
  the connection closes before botocore reads a byte (``ConnectionClosedError``), which
  botocore's retry modes send again. What AWS then does with the repeat is played too where
  moto does not: an operation with an idempotency token (botocore's ``idempotencyToken``
  trait: RunInstances' ``ClientToken``, generated once a call by botocore and sent again on
  its retries) answers a repeated token with the lost answer, without carrying the repeat
  out; Route53's CreateHostedZone answers a repeated ``CallerReference`` with
  HostedZoneAlreadyExists. Any other create is carried out again, as on AWS.

Operation names are checked when the session is made, before any request: a name with a
service (``"<service>:<Operation>"``, the service as `session.client` names it) against that
service's model (loaded through the session's shared loader, which the client would load
anyway); a bare name against the six services the facade wraps first, then against the
operation names of every service botocore has a model for (read once a process, about a
second, only for names the six lack).
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
import re
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final
from urllib.parse import parse_qs, urlsplit

import attrs

from awsfacade.errors import InvalidArgumentError
from awsfacade.testing._wire import answer_instead, error_answer, stored_answer

if TYPE_CHECKING:
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.hooks import BaseEventHooks
    from botocore.loaders import Loader
    from botocore.model import OperationModel

    from awsfacade.testing._realism import Fault

__all__ = ["install", "resolve"]

#: The services the facade wraps: a bare operation name is looked for in their models first.
_FACADE_SERVICES: Final = ("ec2", "s3", "iam", "rds", "autoscaling", "route53")

#: Creates made idempotent by a caller's reference that botocore's models do not mark as an
#: idempotency token: (service id, hyphenized; operation) -> (member, AWS's answer to a
#: repeat). Route53 documents CallerReference as what makes CreateHostedZone safe to retry.
_REFERENCES: Final = {
    ("route-53", "CreateHostedZone"): ("CallerReference", "HostedZoneAlreadyExists"),
}

_SUGGESTIONS: Final = 3


# -- operation names -----------------------------------------------------------------------


@attrs.frozen
class Target:
    """Where a fault acts: an operation, and the service (hyphenized service id, as in
    botocore's event names) when the fault names one."""

    operation: str
    service_id: str | None


_index: dict[str, frozenset[str]] | None = None
_index_lock = threading.Lock()


def _read_operations(loader: Loader, service: str) -> frozenset[str]:
    """The operation names in the raw JSON of ``service``'s newest model, read without
    botocore's caches (which would keep every model whole)."""
    version = loader.determine_latest_version(service, "service-2")
    for root in loader.search_paths:
        path = os.path.join(root, service, version, "service-2.json")
        if os.path.isfile(path + ".gz"):
            with gzip.open(path + ".gz") as packed:
                operations: dict[str, object] = json.load(packed).get("operations", {})
        elif os.path.isfile(path):
            with open(path, "rb") as plain:
                operations = json.load(plain).get("operations", {})
        else:
            continue
        return frozenset(operations)
    return frozenset()  # pragma: no cover - listed by the loader, so found on its paths


def _all_operations(loader: Loader) -> dict[str, frozenset[str]]:
    """Every service's operation names, read once a process (about a second)."""
    global _index  # noqa: PLW0603 - a process-wide cache, like botocore's own
    with _index_lock:
        if _index is None:
            services = loader.list_available_services("service-2")
            _index = {service: _read_operations(loader, service) for service in services}
        return _index


def _operations_of(loader: Loader, service: str) -> tuple[frozenset[str], str]:
    """``service``'s operation names and its hyphenized service id, from its model."""
    from botocore.model import ServiceModel

    model = ServiceModel(loader.load_service_model(service, "service-2"), service)
    return frozenset(model.operation_names), model.service_id.hyphenize()


def _closest(word: str, names: Iterable[str]) -> str:
    """The names closest to ``word``, for a message."""
    found = difflib.get_close_matches(word, list(names), n=_SUGGESTIONS, cutoff=0.6)
    return f"; closest: {', '.join(found)}" if found else ""


def _owners(loader: Loader, operation: str) -> list[str]:
    """The services that have ``operation``."""
    return sorted(s for s, names in _all_operations(loader).items() if operation in names)


def _resolve_one(loader: Loader, spelled: str) -> Target:
    """Where the fault spelled ``spelled`` acts, or InvalidArgumentError."""
    service, colon, operation = spelled.rpartition(":")
    if not colon:
        for known in _FACADE_SERVICES:
            if operation in _operations_of(loader, known)[0]:
                return Target(operation, None)
        if _owners(loader, operation):
            return Target(operation, None)
        every = {name for names in _all_operations(loader).values() for name in names}
        raise InvalidArgumentError(
            f"Fault: no AWS service has an operation {operation!r} (spelled as in botocore's "
            f"models, DescribeInstances){_closest(operation, every)}"
        )
    services = loader.list_available_services("service-2")
    if service not in services:
        raise InvalidArgumentError(
            f"Fault: {spelled!r} names no service botocore knows: {service!r} (spell it as "
            f"session.client does, 'ec2:DescribeInstances'){_closest(service, services)}"
        )
    operations, service_id = _operations_of(loader, service)
    if operation not in operations:
        owners = _owners(loader, operation)
        elsewhere = f"; it is an operation of {', '.join(owners)}" if owners else ""
        raise InvalidArgumentError(
            f"Fault: {service} has no operation {operation!r}{elsewhere}"
            f"{_closest(operation, operations)}"
        )
    return Target(operation, service_id)


def resolve(loader: Loader, faults: Sequence[Fault]) -> list[Target]:
    """Where each fault acts, in order.

    Raises:
        InvalidArgumentError: A fault names an operation no service has, a service botocore
            does not know, or an operation its service lacks.
    """
    return [_resolve_one(loader, fault.operation) for fault in faults]


# -- idempotency on a repeat -------------------------------------------------------------------


def _body_text(request: AWSPreparedRequest) -> str | None:
    body = request.body
    if isinstance(body, bytes):
        return body.decode("utf-8", "replace")
    return body if isinstance(body, str) else None


def _token(model: OperationModel, request: AWSPreparedRequest) -> tuple[str, str] | None:
    """The idempotency token ``request`` carries, with AWS's answer to a repeat of it
    ("" for the first answer again), if its operation has one."""
    from botocore.model import StructureShape

    reference = _REFERENCES.get((model.service_model.service_id.hyphenize(), model.name))
    members: list[str] = list(model.idempotent_members)
    repeated = ""
    if reference is not None:
        members, repeated = [reference[0]], reference[1]
    shape = model.input_shape
    if not members or not isinstance(shape, StructureShape):
        return None
    member = shape.members[members[0]]
    name = str(member.serialization.get("name", members[0]))
    location = member.serialization.get("location")
    value: object = None
    if location == "header":
        value = request.headers.get(name)
    elif location == "querystring":
        value = parse_qs(urlsplit(request.url).query).get(name, [None])[0]
    else:
        text = _body_text(request)
        protocol = model.service_model.resolved_protocol
        if text is None:
            value = None
        elif protocol in ("query", "ec2"):
            if protocol == "ec2":  # botocore's EC2 serializer: queryName, else Name capitalized
                name = str(member.serialization.get("queryName", name[:1].upper() + name[1:]))
            value = parse_qs(text).get(name, [None])[0]
        elif protocol in ("json", "rest-json"):
            value = _json_member(text, name)
        elif protocol == "rest-xml":
            found = re.search(f"<{re.escape(name)}>([^<]*)</{re.escape(name)}>", text)
            value = found.group(1) if found else None
    return (str(value), repeated) if value is not None else None


def _json_member(text: str, name: str) -> object:
    """The top-level member ``name`` of a JSON body, if it is a JSON object."""
    try:
        document: dict[str, object] = json.loads(text or "{}")
    except ValueError:
        return None
    return document.get(name) if isinstance(document, dict) else None


@attrs.frozen
class _Kept:
    """An answer AWS gave and the caller lost: AWS answers a repeat of its token with it."""

    status: int
    headers: dict[str, str]
    body: bytes


# -- the handler -----------------------------------------------------------------------------


@attrs.define
class _Slot:
    """One fault and how many attempts it still fails."""

    fault: Fault
    service_id: str | None
    left: int


class _OperationFaults:
    """The faults of one operation on one session, in the order given."""

    def __init__(self, operation: str) -> None:
        self.operation = operation
        self.slots: list[_Slot] = []
        self._models: dict[str, OperationModel] = {}
        self._kept: dict[tuple[str, str], _Kept] = {}
        self._lock = threading.Lock()

    def remember_model(self, *, model: OperationModel, **_: object) -> None:
        """``before-call``: keep the operation's model, which ``before-send`` is not given."""
        self._models[model.service_model.service_id.hyphenize()] = model

    def _take(self, service_id: str) -> Fault | None:
        """The fault this attempt meets, if any (counted)."""
        with self._lock:
            for slot in self.slots:
                if slot.left and slot.service_id in (None, service_id):
                    slot.left -= 1
                    return slot.fault
        return None

    def __call__(
        self, *, event_name: str, request: AWSPreparedRequest, **_: object
    ) -> AWSResponse | None:
        """``before-send``: answer the attempt as its fault says, or let it go on."""
        service_id = event_name.split(".")[1]
        model = self._models.get(service_id)
        if model is None:  # pragma: no cover - botocore emits before-call first
            return None
        fault = self._take(service_id)
        if fault is not None and not fault.lose_answer:
            return answer_instead(request, error_answer(model.service_model, fault.error))
        token = _token(model, request) if fault is not None or self._kept else None
        kept = self._kept.get((service_id, token[0])) if token is not None else None
        if fault is None:
            if kept is None or token is None:
                return None
            if token[1]:
                return answer_instead(request, error_answer(model.service_model, token[1]))
            return answer_instead(request, stored_answer(kept.status, kept.headers, kept.body))
        return self._lose(event_name, request, service_id, token, kept)

    def _lose(
        self,
        event_name: str,
        request: AWSPreparedRequest,
        service_id: str,
        token: tuple[str, str] | None,
        kept: _Kept | None,
    ) -> AWSResponse | None:
        """Carry the attempt out (unless AWS would answer its token from memory), then lose
        the answer."""
        from botocore.exceptions import ConnectionClosedError
        from moto.core.models import botocore_stubber

        if kept is None:
            answer = botocore_stubber(event_name, request)
            if answer is None:  # pragma: no cover - a request moto does not serve
                return None
            if token is not None:
                self._kept[(service_id, token[0])] = _Kept(
                    answer.status_code, dict(answer.headers.items()), answer.content
                )
        raise ConnectionClosedError(endpoint_url=request.url)


def install(events: BaseEventHooks, faults: tuple[Fault, ...]) -> None:
    """Register the faults' handlers on a session's event emitter.

    Raises:
        InvalidArgumentError: A fault names an operation no service has, a service botocore
            does not know, or an operation its service lacks.
    """
    from awsfacade.testing._session import _shared_loader  # the mocked sessions' loader

    targets = resolve(_shared_loader(), faults)
    handlers: dict[str, _OperationFaults] = {}
    for fault, target in zip(faults, targets, strict=True):
        handler = handlers.get(target.operation)
        if handler is None:
            handler = handlers[target.operation] = _OperationFaults(target.operation)
        handler.slots.append(_Slot(fault, target.service_id, fault.times))
    for operation, handler in handlers.items():
        events.register(f"before-call.*.{operation}", handler.remember_model)
        # botocore-stubs type handlers as returning None; a before-send handler may return the
        # response that botocore then uses instead of sending the request.
        events.register_first(f"before-send.*.{operation}", handler)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
