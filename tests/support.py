"""Helpers shared by the test folders (on pytest's and the type checkers' path as `support`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol, TypeGuard

import pytest
from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.client import BaseClient
from botocore.config import Config
from botocore.stub import Stubber

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.model import OperationModel


def is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    """Whether ``value`` is a mapping (of a parsed answer, a request's parameters, …)."""
    return isinstance(value, Mapping)


def is_list(value: object) -> TypeGuard[list[object]]:
    """Whether ``value`` is a list (of a parsed answer, a request's parameters, …)."""
    return isinstance(value, list)


def _is_wire_params(value: object) -> TypeGuard[Mapping[str, object]]:
    # EC2's query protocol: at before-call the body is a flat dict of wire parameters.
    return is_mapping(value)


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


class _HasClient(Protocol):
    @property
    def client(self) -> BaseClient: ...


def log_requests(sender: BaseClient | _HasClient) -> Requests:
    """Every request ``sender`` (a client, or a service's client) sends from now on."""
    client = sender if isinstance(sender, BaseClient) else sender.client
    log = Requests()
    service = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register(f"before-call.{service}", log)
    return log


def log_session_requests(session: Session) -> Requests:
    """Every request of every client made from ``session`` from now on (STS, EC2, …)."""
    log = Requests()
    session.events.register("before-call", log)
    return log


def requests_of(service_fixture: str) -> Callable[..., Requests]:
    """The fixture ``requests_sent`` of a test module whose service is the fixture
    ``service_fixture``: ``requests_sent = requests_of("iam_service")``."""

    @pytest.fixture
    def requests_sent(request: pytest.FixtureRequest) -> Requests:
        """Every request the module's service sends from now on."""
        service: _HasClient = request.getfixturevalue(service_fixture)
        return log_requests(service)

    return requests_sent


#: The client config of the tests that answer requests themselves. botocore reads
#: ``max_attempts`` as retries (``total_max_attempts`` 2), but answers given at ``before-call``
#: (a Stubber's too) never reach the retry handler.
ONE_ATTEMPT = Config(retries={"max_attempts": 1, "mode": "standard"})


def stubber_on(service_fixture: str) -> Callable[..., Iterator[Stubber]]:
    """A fixture: botocore's Stubber on the client of the fixture ``service_fixture``, every
    queued answer to be used by the test (``stub = stubber_on("rds")``)."""

    @pytest.fixture
    def stubber(request: pytest.FixtureRequest) -> Iterator[Stubber]:
        """A Stubber on the module's service's client; every queued answer must be used."""
        service: _HasClient = request.getfixturevalue(service_fixture)
        with Stubber(service.client) as stub:
            yield stub
            stub.assert_no_pending_responses()

    return stubber


#: Where the code under test sleeps: botocore's retry back-off, its waiters between polls, and
#: the read-after-create back-off (awsfacade._consistency).
RETRY_BACKOFF = "botocore.endpoint.time.sleep"
#: The facade's waits: their ``time`` module, replaced by a `WaitClock` (a wait reads the
#: clock as well as sleeping).
WAITER_POLLS = "awsfacade._waiting.time"
READ_BACK_DELAYS = "awsfacade._consistency.time.sleep"


def record_sleeps(monkeypatch: pytest.MonkeyPatch, *where: str) -> list[float]:
    """Make the sleeps at ``where`` instant; the delays asked for are returned, in order."""
    asked: list[float] = []
    for target in where:
        if target == WAITER_POLLS:
            monkeypatch.setattr(target, WaitClock(asked))
        else:
            monkeypatch.setattr(target, asked.append)
    return asked


def sleeps_at(*where: str) -> Callable[..., list[float]]:
    """The fixture ``sleeps`` of a test module: the sleeps at ``where``, recorded, not slept
    (``sleeps = sleeps_at(READ_BACK_DELAYS, WAITER_POLLS)``)."""

    @pytest.fixture
    def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
        """The sleeps the code under test asks for, in order (not slept)."""
        return record_sleeps(monkeypatch, *where)

    return sleeps


class _Raw:
    """The raw body botocore's AWSResponse reads a canned answer from."""

    def __init__(self, body: bytes = b"") -> None:
        self._body = body

    def stream(self, *_: object, **__: object) -> Iterator[bytes]:
        yield self._body


def http_answer(
    url: str, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None
) -> AWSResponse:
    """An HTTP answer from ``url``, as botocore reads it off the wire."""
    http_headers = HTTPHeaders()
    for name, value in (headers or {}).items():
        http_headers[name] = value
    return AWSResponse(url, status, http_headers, _Raw(body))


def ec2_error(code: str, message: str = "injected", status: int = 400) -> AWSResponse:
    """An EC2 (query protocol) error answer, as AWS sends it on the wire."""
    body = (
        f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error>"
        "</Errors><RequestID>injected-1</RequestID></Response>"
    ).encode()
    return http_answer("https://ec2.us-east-1.amazonaws.com/", status, body)


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
    return (http_answer("https://aws.invalid/", 200), body)


def error_answer(code: str, message: str = "injected", status: int = 400) -> Answer:
    """An error answer with AWS's ``code`` and ``message``, as botocore parses it."""
    body: dict[str, object] = {
        "Error": {"Type": "Sender", "Code": code, "Message": message},
        "ResponseMetadata": {"RequestId": "injected-1", "HTTPStatusCode": status},
    }
    return (http_answer("https://aws.invalid/", status), body)


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
