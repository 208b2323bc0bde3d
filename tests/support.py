"""Helpers shared by the test folders (on pytest's and the type checkers' path as `support`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, TypeGuard

from botocore.awsrequest import AWSResponse, HTTPHeaders

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.model import OperationModel
    from botocore.stub import Stubber


def _is_wire_params(value: object) -> TypeGuard[Mapping[str, object]]:
    # EC2's query protocol: at before-call the body is a flat dict of wire parameters.
    return isinstance(value, Mapping)


class Requests:
    """The requests one client sent, recorded by a botocore ``before-call`` hook.

    Register it with ``client.meta.events.register("before-call.ec2", requests)``: it sees
    each request as botocore serialised it, right before it would go on the wire.
    """

    def __init__(self) -> None:
        self.sent: list[tuple[str, Mapping[str, object]]] = []

    def __call__(self, *, model: OperationModel, params: Mapping[str, object], **_: object) -> None:
        body = params.get("body")
        self.sent.append((model.name, body if _is_wire_params(body) else {}))

    @property
    def operations(self) -> list[str]:
        """The operation names, in the order sent."""
        return [name for name, _ in self.sent]

    def count(self, operation: str) -> int:
        """How many ``operation`` requests were sent."""
        return self.operations.count(operation)

    def bodies(self, operation: str) -> list[Mapping[str, object]]:
        """The wire parameters of every ``operation`` request."""
        return [body for name, body in self.sent if name == operation]

    def clear(self) -> None:
        """Forget what was sent so far (after a test's set-up)."""
        self.sent.clear()


class _Raw:
    """The raw body botocore's AWSResponse reads a canned answer from."""

    def __init__(self, body: bytes = b"") -> None:
        self._body = body

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield self._body


def ec2_error(code: str, message: str = "injected", status: int = 400) -> AWSResponse:
    """An EC2 (query protocol) error answer, as AWS sends it on the wire."""
    body = (
        f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error>"
        "</Errors><RequestID>injected-1</RequestID></Response>"
    ).encode()
    return AWSResponse("https://ec2.us-east-1.amazonaws.com/", status, HTTPHeaders(), _Raw(body))


class AnswerFirst:
    """A ``before-send`` hook that answers the first ``times`` requests itself (an error AWS
    may send, like NotFound right after a create), then lets the rest through to moto."""

    def __init__(self, answer: AWSResponse, times: int = 1) -> None:
        self.answer = answer
        self.left = times
        self.answered = 0

    def __call__(self, **_: object) -> AWSResponse | None:
        if self.left == 0:
            return None
        self.left -= 1
        self.answered += 1
        return self.answer


def answer_first(
    client: BaseClient, event: str, answer: AWSResponse, times: int = 1
) -> AnswerFirst:
    """Register an :class:`AnswerFirst` hook for ``event`` (``before-send.ec2.Operation``)."""
    hook = AnswerFirst(answer, times)
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response that botocore then uses instead of sending the request.
    client.meta.events.register(event, hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook


#: What a ``before-call`` hook may return instead of sending the request: the HTTP response
#: and the body as botocore would have parsed it (a result, or an ``Error``).
Answer = tuple[AWSResponse, dict[str, object]]


def result_answer(parsed: Mapping[str, object] | None = None) -> Answer:
    """A successful answer whose parsed body is ``parsed``."""
    body: dict[str, object] = dict(parsed or {})
    body["ResponseMetadata"] = {"RequestId": "injected-2", "HTTPStatusCode": 200}
    return (AWSResponse("https://aws.invalid/", 200, HTTPHeaders(), _Raw()), body)


def error_answer(code: str, message: str = "injected", status: int = 400) -> Answer:
    """An error answer with AWS's ``code`` and ``message``, as botocore parses it."""
    body: dict[str, object] = {
        "Error": {"Type": "Sender", "Code": code, "Message": message},
        "ResponseMetadata": {"RequestId": "injected-1", "HTTPStatusCode": status},
    }
    return (AWSResponse("https://aws.invalid/", status, HTTPHeaders(), _Raw()), body)


class CallAnswers:
    """A ``before-call`` hook answering the next requests of one operation with ``answers``
    in order, then letting the rest through to moto — or, with ``repeat_last``, giving the last
    answer for ever after (a wait's polls, however many there are).

    ``before-call``, not ``before-send``: botocore calls every ``before-send`` handler, moto's
    too, so moto would still carry out a change answered there. An answer given here means the
    request is never sent. ``bodies`` holds the answered requests' parameters.
    """

    def __init__(self, *answers: Answer, repeat_last: bool = False) -> None:
        self.answers = list(answers)
        self.repeat_last = repeat_last
        self.bodies: list[Mapping[str, object]] = []

    @property
    def sent(self) -> int:
        """How many requests were answered here."""
        return len(self.bodies)

    def __call__(self, *, params: Mapping[str, object], **_: object) -> Answer | None:
        if not self.answers:
            return None
        body = params.get("body")
        self.bodies.append(body if _is_wire_params(body) else {})
        if self.repeat_last and len(self.answers) == 1:
            return self.answers[0]
        return self.answers.pop(0)


def answer_calls(
    client: BaseClient, operation: str, *answers: Answer, repeat_last: bool = False
) -> CallAnswers:
    """Register a :class:`CallAnswers` hook for ``operation`` requests of ``client``."""
    hook = CallAnswers(*answers, repeat_last=repeat_last)
    service = client.meta.service_model.service_id.hyphenize()
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    client.meta.events.register(f"before-call.{service}.{operation}", hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook


#: The read a create with no idempotency token makes first, to tell later what it made if its
#: answer is lost (awsfacade._create.create_counted), and an answer of nothing existing yet.
READ_BEFORE: Mapping[str, tuple[str, Mapping[str, object]]] = {
    "allocate_address": ("describe_addresses", {"Addresses": []}),
    "create_access_key": ("list_access_keys", {"AccessKeyMetadata": []}),
    "create_vpc": ("describe_vpcs", {"Vpcs": []}),
}


def read_before(stubber: Stubber, method: str) -> None:
    """Stub the read the create ``method`` makes first, if it makes one (READ_BEFORE)."""
    if method in READ_BEFORE:
        read, answer = READ_BEFORE[method]
        stubber.add_response(read, dict(answer))


class WaitClock:
    """A stand-in for the `time` module of `awsfacade._waiting`: its clock moves only when a
    wait sleeps, and every sleep is recorded (in ``sleeps``, which may be shared), so a test
    of a wait takes no time and asserts what it slept.

    Install it with ``monkeypatch.setattr(awsfacade._waiting, "time", WaitClock())``.
    """

    def __init__(self, sleeps: list[float] | None = None) -> None:
        self.now = 0.0
        self.sleeps: list[float] = [] if sleeps is None else sleeps

    def monotonic(self) -> float:
        """The seconds slept so far."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Record the sleep and move the clock on by it."""
        self.sleeps.append(seconds)
        self.now += seconds
