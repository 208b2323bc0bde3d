"""Fault injection for tests/reliability: AWS's error answers on the wire, attempts answered
before moto sees them, a lost response, and loopback servers that refuse or never answer.

botocore emits ``before-send`` to every handler and uses the first answer, but moto's handler
runs whatever request it is given. An attempt answered here is therefore pointed at a host
moto does not serve (:data:`UNSERVED`), so moto passes it by: like a throttled request, it
never reaches the backend, and a retried create does not create twice.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Callable, Generator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ConnectionClosedError
from moto.core.models import botocore_stubber

from awsfacade.testing._wire import UNSERVED, error_answer

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.client import BaseClient
    from support import Answer


def wire_error(
    client: BaseClient, code: str, status: int, message: str = "injected", *, extra: str = ""
) -> AWSResponse:
    """An error answer as AWS puts it on the wire for ``client``'s service; ``extra`` is more
    XML inside its Error element (S3's CanonicalRequest, say)."""
    model = client.meta.service_model
    return error_answer(model, code, status=status, message=message, extra_xml=extra)


def event_name(client: BaseClient, operation: str) -> str:
    """The ``before-send`` event of ``operation`` on ``client``."""
    return f"before-send.{client.meta.service_model.service_id.hyphenize()}.{operation}"


class FailFirst:
    """A ``before-send`` hook answering the first ``times`` attempts of one operation with
    ``answer``; those attempts never reach moto. ``attempts`` counts every attempt sent."""

    def __init__(self, answer: AWSResponse, times: int) -> None:
        self.answer = answer
        self.left = times
        self.attempts = 0
        self.answered = 0

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> AWSResponse | None:
        self.attempts += 1
        if self.left == 0:
            return None
        self.left -= 1
        self.answered += 1
        request.url = UNSERVED
        return self.answer


def fail_first(client: BaseClient, operation: str, answer: AWSResponse, times: int) -> FailFirst:
    """Register a :class:`FailFirst` hook ahead of moto's for ``operation`` of ``client``."""
    hook = FailFirst(answer, times)
    register_ahead(client, operation, hook)
    return hook


def register_ahead(
    client: BaseClient, operation: str, hook: Callable[..., AWSResponse | None]
) -> None:
    """Register a ``before-send`` ``hook`` for ``operation`` of ``client`` ahead of moto's."""
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response that botocore then uses instead of sending the request.
    client.meta.events.register_first(event_name(client, operation), hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


class Reached:
    """A ``before-send`` hook, registered after moto's, counting the attempts of one
    operation that moto was handed to carry out (not pointed at :data:`UNSERVED`)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> None:
        if request.url != UNSERVED:
            self.count += 1


def reached(client: BaseClient, operation: str) -> Reached:
    """Count the attempts of ``operation`` that reach moto from now on."""
    hook = Reached()
    client.meta.events.register_last(event_name(client, operation), hook)
    return hook


class FailCall:
    """A ``before-call`` hook answering the ``nth`` request (1-based) of one operation with
    ``answer`` (an error, as AWS's final word after botocore's retries); the requests before
    and after it go to moto. The answered request is never sent. ``calls`` counts them all."""

    def __init__(self, answer: Answer, nth: int) -> None:
        self.answer = answer
        self.nth = nth
        self.calls = 0

    def __call__(self, **_: object) -> Answer | None:
        self.calls += 1
        return self.answer if self.calls == self.nth else None


def fail_call(client: BaseClient, operation: str, answer: Answer, nth: int = 1) -> FailCall:
    """Register a :class:`FailCall` hook for ``operation`` of ``client``."""
    hook = FailCall(answer, nth)
    service = client.meta.service_model.service_id.hyphenize()
    # botocore-stubs type handlers as returning None; a before-call handler may return the
    # (response, parsed) pair that botocore then uses instead of sending the request.
    client.meta.events.register(f"before-call.{service}.{operation}", hook)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    return hook


class OneAtATime:
    """A ``before-send`` hook that has moto carry out one request at a time.

    moto's in-process backends are not thread-safe (a listing iterating a dict in Python
    while another thread's create adds to it raises RuntimeError), where AWS is. With this
    hook, threads build, sign, send and parse their requests concurrently, and only moto's
    own work is serialised, under a lock, as a consistent AWS would behave."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __call__(
        self, *, event_name: str, request: AWSPreparedRequest, **_: object
    ) -> AWSResponse | None:
        with self._lock:  # moto's answer is whole once made: its body is bytes already
            answer = botocore_stubber(event_name, request)
        if answer is not None:
            request.url = UNSERVED  # answered: moto's own handler must not carry it out again
        return answer


def one_at_a_time(session: Session) -> None:
    """Have moto carry out the requests of every client ``session`` creates from now on one
    at a time (see :class:`OneAtATime`)."""
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response that botocore then uses instead of sending the request.
    session.events.register_first("before-send", OneAtATime())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


class IdempotentAfterLoss:
    """AWS's idempotency, with the first answer lost on the way back.

    The first attempt carrying a token is carried out by moto (AWS), then the connection
    closes before botocore reads the answer, so botocore retries. A later attempt carrying a
    token already seen is not carried out again: it gets the first attempt's answer, as EC2
    answers a repeated ``ClientToken``, or ``repeated`` (Route53 answers a repeated
    ``CallerReference`` with HostedZoneAlreadyExists). ``tokens`` lists every attempt's token.
    """

    def __init__(
        self, token_of: Callable[[AWSPreparedRequest], str], repeated: AWSResponse | None = None
    ) -> None:
        self._token_of = token_of
        self._repeated = repeated
        self._answers: dict[str, AWSResponse] = {}
        self.tokens: list[str] = []

    def __call__(
        self, *, event_name: str, request: AWSPreparedRequest, **_: object
    ) -> AWSResponse | None:
        token = self._token_of(request)
        self.tokens.append(token)
        answered = self._answers.get(token)
        if answered is not None:
            request.url = UNSERVED
            return self._repeated or answered
        carried_out = botocore_stubber(event_name, request)
        assert carried_out is not None, "moto did not answer the first attempt"
        assert carried_out.content, "an empty answer"  # read now: replayed after the "loss"
        self._answers[token] = carried_out
        raise ConnectionClosedError(endpoint_url=request.url)


class LoseFirstAnswer:
    """A ``before-send`` hook: the first attempt of one operation is carried out by moto (AWS),
    then its answer is lost: the connection closes before botocore reads it
    (ConnectionClosedError), or ``instead`` comes: an answer (a 5xx AWS sent after carrying
    it out) or an exception botocore raises.

    Later attempts go to moto, as they would to AWS; botocore's retry (the second) gets
    ``repeated`` instead where moto and AWS differ (AWS's DBSubnetGroupAlreadyExists where moto
    replaces the group, say). With
    ``carried_out=False`` the first attempt is lost on its way to AWS instead (nothing made);
    ``meanwhile`` runs after it, as something else creating at the same time would.
    ``attempts`` counts every attempt.
    """

    def __init__(
        self,
        repeated: AWSResponse | None = None,
        *,
        instead: AWSResponse | BotoCoreError | None = None,
        carried_out: bool = True,
        meanwhile: Callable[[], object] | None = None,
    ) -> None:
        self._repeated = repeated
        self._instead = instead
        self._carried_out = carried_out
        self._meanwhile = meanwhile
        self.attempts = 0

    def __call__(
        self, *, event_name: str, request: AWSPreparedRequest, **_: object
    ) -> AWSResponse | None:
        self.attempts += 1
        if self.attempts > 1:
            if self.attempts > 2 or self._repeated is None:
                return None
            request.url = UNSERVED
            return self._repeated
        if self._carried_out:
            carried_out = botocore_stubber(event_name, request)
            assert carried_out is not None, "moto did not answer the first attempt"
            assert carried_out.status_code < 300, carried_out.content  # AWS made it
        if self._meanwhile is not None:
            self._meanwhile()
        if self._instead is None:
            raise ConnectionClosedError(endpoint_url=request.url)  # moto's handler not reached
        if isinstance(self._instead, BotoCoreError):
            raise self._instead
        request.url = UNSERVED  # answered: moto's own handler must not carry it out again
        return self._instead


def lose_first_answer(
    client: BaseClient,
    operation: str,
    repeated: AWSResponse | None = None,
    *,
    instead: AWSResponse | BotoCoreError | None = None,
    carried_out: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> LoseFirstAnswer:
    """Register a :class:`LoseFirstAnswer` hook ahead of moto's for ``operation``."""
    hook = LoseFirstAnswer(repeated, instead=instead, carried_out=carried_out, meanwhile=meanwhile)
    register_ahead(client, operation, hook)
    return hook


def xml_value(body: object, name: str) -> str:
    """The text of the element ``name`` in a rest-xml request body."""
    text = body.decode() if isinstance(body, bytes) else str(body)
    found = re.search(f"<{name}>([^<]*)</{name}>", text)
    assert found is not None, f"no {name} in the request"
    return found.group(1)


def query_value(body: object, name: str) -> str:
    """The value of ``name`` in a query-protocol request body (``a=1&b=2``)."""
    from urllib.parse import parse_qs

    text = body.decode() if isinstance(body, bytes) else str(body)
    [value] = parse_qs(text)[name]
    return value


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def silent_server(
    *, hang_up: bool = False, reply: bytes | None = None
) -> Generator[int, None, None]:
    """A loopback port whose server accepts connections and never answers them; with
    ``hang_up`` it closes each one at once without a word, with ``reply`` it reads the
    request's head, sends ``reply`` (raw HTTP) and closes the connection."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if reply is not None:
                _answer_once(connection, reply)
            elif hang_up:
                connection.close()
            else:
                held.append(connection)  # kept open, never read from nor written to

    thread = threading.Thread(target=accept, name="silent-server", daemon=True)
    thread.start()
    try:
        port: int = listener.getsockname()[1]
        yield port
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


def _answer_once(connection: socket.socket, reply: bytes) -> None:
    with connection:
        connection.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head:
            data = connection.recv(65536)
            if not data:
                return
            head += data
        connection.sendall(reply)


@contextmanager
def full_server() -> Generator[int, None, None]:
    """A loopback port whose listener never accepts and whose queue is full: the kernel
    drops new connections' SYNs, so connecting times out (as to a host that is down)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port: int = listener.getsockname()[1]
    queued: list[socket.socket] = []
    try:
        for _ in range(3):
            waiting = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            waiting.setblocking(False)
            queued.append(waiting)
            with suppress(BlockingIOError):
                waiting.connect(("127.0.0.1", port))
        yield port
    finally:
        for waiting in queued:
            waiting.close()
        listener.close()
