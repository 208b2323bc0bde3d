"""`record()` and `replay()`: AWS's real answers, recorded once, answered again in every test.

Both work on botocore's events of one session (``session.events``, copied into each client
when it is made) and of the clients awsfacade already made from it:

- ``before-parameter-build`` (every operation): the call's parameters, keyed for the file
  (``awsfacade.testing._recording.request_key``), are put in the call's context;
- recording: ``before-send`` notes the attempt's key, ``before-parse`` takes the raw answer
  (status, headers, body; a streaming body is read and handed on as a new stream), and the
  file is written, redacted, when the block ends;
- replaying: ``before-send``, first of its handlers, answers each attempt from the file with
  the recorded raw answer, which botocore then parses, retries and raises on exactly as it does
  AWS's. The answered attempt's URL is pointed at a host nothing serves, so that moto's own
  ``before-send`` handler (botocore runs every handler) passes it by if moto is on too.

Nothing is sent and nothing else is touched: when the block ends the handlers are taken out of
the session and its cached clients, and those of clients made inside the block (copies) do
nothing any more.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeGuard

import attrs

from awsfacade._redact import redact
from awsfacade.errors import AwsError, InvalidArgumentError
from awsfacade.testing._recording import (
    Exchange,
    Json,
    RawAnswer,
    canonical,
    dump,
    is_mapping,
    load,
    request_key,
    stored_body,
    stored_headers,
)
from awsfacade.testing._wire import UNSERVED

if TYPE_CHECKING:
    import boto3.session
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.hooks import BaseEventHooks
    from botocore.model import OperationModel

__all__ = ["ReplayMissError", "record", "replay", "session_for_test"]

#: Where the call's keyed parameters wait in its context for ``before-send``.
_KEY: Final = "awsfacade.recording.key"
_DIFFERENCES_SHOWN: Final = 5


class ReplayMissError(AwsError):
    """A request `replay()` has no recorded answer for: the code sent a request the recording
    does not hold (a parameter changed, or it asks more often than when recorded).

    Raised by the call that sent it, before anything is sent; and, if that code caught it, once
    more when the `replay()` block ends, so that a caught miss still fails the test. Record the
    test again (`pytest --awsfacade-record`) when the change is meant.
    """

    def __init__(
        self,
        message: str,
        *,
        service: str,
        operation: str,
        request: str,
        closest: str | None,
    ) -> None:
        super().__init__(message)
        self.service = service
        """botocore's name of the service (`"ec2"`)."""
        self.operation = operation
        """The operation's name (`"DescribeInstances"`)."""
        self.request = request
        """The request's parameters, as JSON, keyed as the recording keys them."""
        self.closest = closest
        """The recorded request of that operation closest to it, as JSON; None if the
        recording holds none of that operation."""


def _checked_session(session: object, path: str | os.PathLike[str], verb: str) -> Path:
    import boto3.session

    if not isinstance(session, boto3.session.Session):
        raise InvalidArgumentError(f"{verb}() needs a boto3 Session, not {session!r}")
    if not isinstance(path, str | os.PathLike) or not os.fspath(path):
        raise InvalidArgumentError(f"{verb}() needs a file path, not {path!r}")
    return Path(path)


def _is_dict(value: object) -> TypeGuard[dict[str, object]]:
    """A dict botocore hands a handler (a call's context, a response dict): str keys."""
    return isinstance(value, dict)


@attrs.frozen
class _Key:
    """A call's service, operation and keyed parameters (canonical JSON)."""

    service: str
    operation: str
    params: str


def _events(session: boto3.session.Session) -> list[BaseEventHooks]:
    """The session's events and those of every client awsfacade made from it already."""
    from botocore.client import BaseClient

    from awsfacade._clients import clients_of

    return [
        session.events,
        *(c.meta.events for c in clients_of(session) if isinstance(c, BaseClient)),
    ]


def _operation_key(model: OperationModel, params: object) -> _Key:
    key = request_key(model.input_shape, params)
    return _Key(model.service_model.service_name, model.name, canonical(key))


class _Handlers:
    """The handlers of one record or replay block: inert once ``active`` is off."""

    def __init__(self) -> None:
        self.active = True

    def keyed(self, *, params: object, model: OperationModel, context: object, **_: object) -> None:
        """``before-parameter-build``: the call's key, in its context."""
        if self.active and _is_dict(context):
            context[_KEY] = _operation_key(model, params)

    @staticmethod
    def key_of(request: AWSPreparedRequest) -> _Key | None:
        """The key ``keyed`` put in the request's context (botocore-stubs do not declare
        ``AWSPreparedRequest.context``)."""
        context: object = getattr(request, "context", None)
        key = context.get(_KEY) if _is_dict(context) else None
        return key if isinstance(key, _Key) else None


# -- record -------------------------------------------------------------------------------------


class _Recorder(_Handlers):
    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.pending = threading.local()
        self.answers: list[tuple[_Key, OperationModel, RawAnswer]] = []

    def sending(self, *, request: AWSPreparedRequest, **_: object) -> None:
        """``before-send``: note which request this thread's next answer answers."""
        self.pending.key = self.key_of(request) if self.active else None

    def parsing(
        self, *, operation_model: OperationModel, response_dict: object, **_: object
    ) -> None:
        """``before-parse``: keep the raw answer (a streaming body is read and replaced)."""
        key: object = getattr(self.pending, "key", None)
        self.pending.key = None
        if not self.active or not isinstance(key, _Key) or not _is_dict(response_dict):
            return
        if operation_model.has_event_stream_output:
            return  # not recorded: replay names it as a miss
        body = _read_body(response_dict)
        status = response_dict.get("status_code")
        answer = RawAnswer(
            status=status if isinstance(status, int) else 200,
            headers=_headers(response_dict.get("headers")),
            body=body,
        )
        with self.lock:
            self.answers.append((key, operation_model, answer))

    def exchanges(self) -> list[dict[str, Json]]:
        """The recorded exchanges as the file holds them, secrets masked (done when the file is
        written, not while the requests wait)."""
        with self.lock:
            answers = list(self.answers)
        return [
            {
                "service": key.service,
                "operation": key.operation,
                "request": _parsed(key.params),
                "response": {
                    "status": answer.status,
                    "headers": dict[str, Json](stored_headers(model, answer.headers)),
                    **stored_body(model, model.service_model.resolved_protocol, answer),
                },
            }
            for key, model, answer in answers
        ]


def _parsed(text: str) -> Json:
    import json

    from awsfacade.testing._recording import as_json

    return as_json(json.loads(text))


def _headers(headers: object) -> dict[str, str]:
    """An answer's headers (urllib3's mapping, botocore's HTTPHeaders, moto's dict)."""
    from botocore.awsrequest import HTTPHeaders

    if isinstance(headers, HTTPHeaders):
        return {str(name): str(value) for name, value in headers.items()}
    if is_mapping(headers):
        return {str(name): str(value) for name, value in headers.items()}
    return {}


def _read_body(response_dict: dict[str, object]) -> bytes:
    """The answer's body as bytes; a stream is read, and replaced by a new one over them."""
    body = response_dict.get("body")
    if isinstance(body, bytes | bytearray):
        return bytes(body)
    read = getattr(body, "read", None)
    if not callable(read):
        return b""
    data: object = read()
    if not isinstance(data, bytes):
        return b""
    from botocore.response import StreamingBody

    from awsfacade.testing._recording import stream_of

    response_dict["body"] = StreamingBody(stream_of(data), len(data))
    return data


def _credentials(session: boto3.session.Session) -> list[str]:
    """The session's access key, secret key and token, if it can find them."""
    from botocore.exceptions import BotoCoreError

    try:
        credentials = session.get_credentials()
        frozen = credentials.get_frozen_credentials() if credentials is not None else None
    except BotoCoreError:
        return []
    if frozen is None:
        return []
    return [v for v in (frozen.access_key, frozen.secret_key, frozen.token) if v]


@contextmanager
def record(session: boto3.session.Session, path: str | os.PathLike[str]) -> Generator[None]:
    """Record every answer `session`'s clients receive inside the block, to the file `path`.

    ```python
    with record(boto3.Session(profile_name="sandbox"), "tests/recordings/images.json"):
        images = list(Ec2Service(session).images(owners=["self"]))
    ```

    Any service, any operation (what moto lacks included), every attempt (a throttled one and
    its retry are two answers), in the order they came. The file is JSON with sorted keys,
    bodies pretty-printed (XML one element a line), made to be read, diffed and committed; it
    is written when the block ends, even if the block failed, replacing any earlier file.

    Secrets are replaced with stable placeholders: every member botocore's models mark
    sensitive (in the body or a header), STS's session tokens, and the session's own access
    key, secret key and session token wherever they appear become `***`; every account id
    becomes `000000000001`, `000000000002`… in the order they appear. Timestamps are kept.
    Bodies that are neither XML nor JSON (an S3 object's content) are kept as they are.

    Clients made from `session` inside the block are recorded, and so are those awsfacade's
    services made from it before; a raw boto3 client made from it before the block is not.

    Raises:
        InvalidArgumentError: `session` is not a boto3 Session, or `path` not a file path.
    """
    target = _checked_session(session, path, "record")
    recorder = _Recorder()
    secrets = _credentials(session)
    emitters = _events(session)
    for events in emitters:
        events.register("before-parameter-build", recorder.keyed)
        events.register_last("before-send", recorder.sending)
        events.register_last("before-parse", recorder.parsing)
    try:
        yield
    finally:
        recorder.active = False
        for events in emitters:
            events.unregister("before-parameter-build", recorder.keyed)
            events.unregister("before-send", recorder.sending)
            events.unregister("before-parse", recorder.parsing)
        dump(recorder.exchanges(), target, [*secrets, *_credentials(session)])


# -- replay -------------------------------------------------------------------------------------


class _Raw(io.BytesIO):
    """The raw stream botocore's AWSResponse reads a recorded body from: whole (``stream``),
    or as a file (a streaming answer's body)."""

    def stream(self, *_: object, **__: object) -> Generator[bytes]:
        yield self.read()


class _Replayer(_Handlers):
    def __init__(self, path: Path, exchanges: list[Exchange]) -> None:
        super().__init__()
        self.path = path
        self.lock = threading.Lock()
        self.exchanges = exchanges
        self.used = [False] * len(exchanges)
        #: The unused answers to each request, in the file's order.
        self.waiting: dict[tuple[str, str, str], deque[int]] = {}
        for index, exchange in enumerate(exchanges):
            key = (exchange.service, exchange.operation, exchange.key)
            self.waiting.setdefault(key, deque()).append(index)
        self.misses: list[ReplayMissError] = []

    def answer(self, *, request: AWSPreparedRequest, **_: object) -> AWSResponse | None:
        """``before-send``: the recorded answer to this request, or ReplayMissError."""
        if not self.active:
            return None
        key = self.key_of(request)
        if key is None:  # pragma: no cover - every call emits before-parameter-build first
            return None
        service, operation, params = key.service, key.operation, key.params
        with self.lock:
            waiting = self.waiting.get((service, operation, params))
            found = waiting.popleft() if waiting else None
            if found is None:
                miss = self._miss(service, operation, params)
                self.misses.append(miss)
                raise miss
            self.used[found] = True
        exchange = self.exchanges[found]
        # Pointed at the host nothing serves, so moto's handler (if moto is on) does not
        # carry the attempt out as well.
        url, request.url = request.url, UNSERVED
        return _response(url, exchange)

    def _miss(self, service: str, operation: str, params: str) -> ReplayMissError:
        candidates = [
            (i, e)
            for i, e in enumerate(self.exchanges)
            if (e.service, e.operation) == (service, operation)
        ]
        sent = _parsed(params)
        head = (
            f"no recorded answer for {service} {operation} in {str(self.path)!r}\n"
            f"  sent:    {params}"
        )
        if not candidates:
            recorded = sorted({f"{e.service} {e.operation}" for e in self.exchanges})
            message = (
                f"{head}\n  the recording holds no {operation} request (it holds: "
                f"{', '.join(recorded) or 'nothing'})"
            )
            return self._error(message, service, operation, params, None)
        scored = [(len(_differences(sent, e.request)), self.used[i], i, e) for i, e in candidates]
        distance, used, index, closest = min(scored, key=lambda s: (s[0], s[1], s[2]))
        if distance == 0 and used:
            why = (
                f"  it was recorded {sum(1 for s in scored if s[0] == 0)} time(s), and every "
                "answer is used: the code sends it more often than when it was recorded"
            )
        else:
            paths = _differences(sent, closest.request)[:_DIFFERENCES_SHOWN]
            why = f"  differs at: {', '.join(paths)}"
        message = f"{head}\n  closest: {closest.key} (exchange {index})\n{why}"
        return self._error(message, service, operation, params, closest.key)

    def _error(
        self, message: str, service: str, operation: str, params: str, closest: str | None
    ) -> ReplayMissError:
        advice = (
            "\nRecord it again (pytest --awsfacade-record, or awsfacade.testing.record) if the "
            "change is meant; a request must be the same on every run to be replayed."
        )
        return ReplayMissError(
            redact(message + advice),
            service=service,
            operation=operation,
            request=params,
            closest=closest,
        )


def _differences(sent: Json, recorded: Json, path: str = "") -> list[str]:
    """The paths where two keyed requests differ."""
    if isinstance(sent, dict) and isinstance(recorded, dict):
        found: list[str] = []
        for name in sorted(sent.keys() | recorded.keys()):
            inner = f"{path}.{name}" if path else name
            if name not in sent or name not in recorded:
                found.append(inner)
            else:
                found.extend(_differences(sent[name], recorded[name], inner))
        return found
    if isinstance(sent, list) and isinstance(recorded, list) and len(sent) == len(recorded):
        return [
            d
            for i, (a, b) in enumerate(zip(sent, recorded, strict=True))
            for d in _differences(a, b, f"{path}[{i}]")
        ]
    return [] if canonical(sent) == canonical(recorded) else [path or "(the parameters)"]


def _response(url: str, exchange: Exchange) -> AWSResponse:
    from botocore.awsrequest import AWSResponse, HTTPHeaders

    headers = HTTPHeaders()
    for name, value in exchange.headers.items():
        if name not in {"content-length", "transfer-encoding"}:
            headers[name] = value
    length = exchange.headers.get("content-length")
    headers["content-length"] = str(len(exchange.body)) if exchange.body else (length or "0")
    return AWSResponse(url, exchange.status, headers, _Raw(exchange.body))


@contextmanager
def replay(session: boto3.session.Session, path: str | os.PathLike[str]) -> Generator[None]:
    """Answer every request `session`'s clients send inside the block from the recording at
    `path` (made by `record()`); nothing is sent.

    ```python
    session = new_session()
    with replay(session, "tests/recordings/images.json"):
        images = list(Ec2Service(session).images(owners=["self"]))
    ```

    A request is answered by the first unused recorded answer to the same service, operation
    and parameters (so, in order per operation), keyed as `record()` keys them: idempotency
    tokens, Route53's `CallerReference`, request timestamps and secrets match any value. The
    recorded raw answer goes through botocore's parser, retries and errors as AWS's did. A
    request the recording holds no answer for raises `ReplayMissError`, naming the operation
    and the closest recorded request; a miss the code caught is raised again when the block ends.

    Clients made from `session` inside the block replay, and so do those awsfacade's services
    made from it before; a raw boto3 client made from it before the block does not.

    Raises:
        InvalidArgumentError: Before the block runs: `session` is not a boto3 Session, or the
            file cannot be read, is not a recording, or names an operation botocore lacks.
        ReplayMissError: When the block ends, if a request inside it missed and the code
            caught the error.
    """
    with _replaying(session, path, escaped=lambda error: False):
        yield


@contextmanager
def _replaying(
    session: boto3.session.Session,
    path: str | os.PathLike[str],
    *,
    escaped: Callable[[ReplayMissError], bool],
) -> Generator[None]:
    """``replay``; a miss for which ``escaped`` is true (the pytest fixture: it failed the
    test already) is not raised again at the end."""
    source = _checked_session(session, path, "replay")
    botocore_session = session._session  # pyright: ignore[reportPrivateUsage] - its models
    replayer = _Replayer(source, load(source, botocore_session.get_service_model))
    emitters = _events(session)
    for events in emitters:
        events.register("before-parameter-build", replayer.keyed)
        # botocore-stubs type handlers as returning None; a before-send handler may return the
        # response that botocore then uses instead of sending the request.
        events.register_first("before-send", replayer.answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    completed = False
    try:
        yield
        completed = True
    finally:
        replayer.active = False
        for events in emitters:
            events.unregister("before-parameter-build", replayer.keyed)
            events.unregister("before-send", replayer.answer)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - as registered
    caught = [miss for miss in replayer.misses if not escaped(miss)]
    if completed and caught:
        raise caught[0]


# -- the pytest fixture's session ------------------------------------------------------------------


@contextmanager
def session_for_test(
    path: Path, region: str, *, recording: bool
) -> Generator[boto3.session.Session]:
    """The ``aws_replay_session`` fixture's session: a real one recording to ``path``, or (by
    default) one with fake credentials replaying ``path``."""
    if recording:
        import boto3.session

        session = boto3.session.Session(region_name=region)
        with record(session, path):
            yield session
        return
    from awsfacade.testing._session import fake_environment, new_session

    def escaped(miss: ReplayMissError) -> bool:
        # pytest keeps the exception that failed the test's call here (for post-mortems).
        return getattr(sys, "last_value", None) is miss

    with fake_environment(region):
        session = new_session(region)
        with _replaying(session, path, escaped=escaped):
            yield session
