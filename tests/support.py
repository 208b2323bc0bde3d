"""Helpers shared by the test folders (on pytest's and the type checkers' path as `support`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, TypeGuard

from botocore.awsrequest import AWSResponse, HTTPHeaders

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.model import OperationModel


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

    def __init__(self, body: bytes) -> None:
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
