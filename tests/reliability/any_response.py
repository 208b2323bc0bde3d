"""The harness of the "any valid response" tests (issue 11, item 1):
``test_any_response_<service>.py``.

Paths to a response's members are written one way everywhere (:func:`lacks`,
``Operation.always_sent``, :func:`values_at` and :func:`shapes.response_strategy`'s
``present``/``overrides``): member names joined by ``.``, list levels transparent, ``?`` after a
member that may be absent. The operations a test must answer are found by one scanner,
:func:`shapes.client_operations`.

Table-driven (EC2, RDS, AutoScaling): a test file declares a table of :class:`Operation` —
every AWS operation the service's public methods read, each with the :class:`Call` s that read
it — and runs :func:`check_operation` for each. One hypothesis run per operation (the
profile's 200 examples) draws, each example: which call, a response from
:func:`shapes.response_strategy` and, for operations marked ``raw``, whether botocore's
``Stubber`` answers (the parsed dict) or a ``before-send`` hook (the wire body from
:func:`shapes.raw_response`, so botocore's parser runs too).

The call must then return its model type (lists and iterators materialised, every attribute
and property of each model touched and ``repr()``-ed), or raise an ``AwsError`` the table
allows: ``UnexpectedResponseError`` only when the drawn response lacks one of the members the
table lists as ``always_sent`` (AWS sends them in every answer), the call's own ``errors``
otherwise (``NotFoundError`` for a get-one on an empty answer). ``InvalidArgumentError`` is
never allowed: reading a response must not raise it. Any other exception fails the test.

Hand-written (S3, IAM, Route53, the wire tests), for the flows whose requests depend on the
answers: :func:`stubbed` (botocore's ``Stubber``, answers in order), :class:`Answers` (each
operation answered however often it is called) and :func:`outcome` (the same promise as
above, for one call); :func:`check_answered` is their :func:`check_table`.
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeGuard, TypeVar

import attrs
from botocore import xform_name
from botocore.stub import Stubber
from botocore.validate import validate_parameters
from hypothesis import event, given
from hypothesis import strategies as st
from shapes import client_operations, raw_response, response_strategy
from support import ONE_ATTEMPT, http_answer, is_list, is_mapping

from awsfacade import _consistency, errors
from awsfacade.errors import AwsError, InvalidArgumentError, UnexpectedResponseError
from awsfacade.testing import fake_environment, new_session

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSResponse
    from botocore.client import BaseClient
    from botocore.model import OperationModel

__all__ = [
    "SAME",
    "SRC",
    "Answers",
    "Call",
    "Operation",
    "as_list",
    "check_answered",
    "check_operation",
    "check_table",
    "dicts",
    "lacks",
    "models",
    "offline",
    "offline_session",
    "outcome",
    "stubbed",
    "touch",
    "values_at",
]


class _Service(Protocol):
    @property
    def client(self) -> BaseClient: ...


SC = TypeVar("SC", bound=_Service)
M = TypeVar("M")
#: The facade's package directory.
SRC = Path(__file__).resolve().parents[2] / "src" / "awsfacade"


@contextmanager
def offline(service_class: Callable[..., SC]) -> Generator[SC]:
    """``service_class`` on an :func:`offline_session`, one attempt a request."""
    with offline_session() as session:
        yield service_class(session, config=ONE_ATTEMPT)


@contextmanager
def offline_session() -> Generator[Session]:
    """A session with fake credentials and no way out (``fake_environment``), and no moto.

    Every answer here comes from the Stubber or the ``before-send`` hook; under moto's mock,
    moto's own ``before-send`` handler would also carry out each request (botocore calls every
    handler, the first answer wins), costing time and state for nothing.
    """
    with fake_environment():
        yield new_session()


S = TypeVar("S")

#: A fixed answer given to an operation a call sends besides the one under test.
Answer = tuple[str, Mapping[str, object]]

#: In a call's ``before``/``after``: the drawn response again (a wait's next poll).
SAME: Mapping[str, object] = {}


@dataclass(frozen=True)
class Call(Generic[S]):
    """A public method that reads the operation's response.

    ``returns``: the model type of the result, or of each of its items when it is a list or an
    iterator; ``None`` when the method returns ``None``. ``before``/``after``: fixed answers
    (operation, parsed response) to the requests the method sends before/after the one under
    test (:data:`SAME`: the drawn one again). ``errors``: the ``AwsError`` types it may raise
    on a valid answer.
    """

    name: str
    call: Callable[[S], object]
    returns: type | None
    errors: tuple[type[errors.AwsError], ...] = ()
    before: tuple[Answer, ...] = ()
    after: tuple[Answer, ...] = ()


_NONE: Mapping[str, st.SearchStrategy[object]] = {}


@dataclass(frozen=True)
class Operation(Generic[S]):
    """An AWS operation whose response the facade reads, and the calls that read it.

    ``always_sent``: member paths (``shapes`` syntax: ``"Reservations.Instances.InstanceId"``,
    and ``?`` after an optional parent, see :func:`lacks`) AWS sends in every answer, whose
    absence may raise ``UnexpectedResponseError``; the test module's docstring says why.
    ``present``/``overrides`` go to :func:`shapes.response_strategy`. ``raw``: also answer
    with the wire body.
    ``max_depth``: :func:`shapes.response_strategy`'s, lower for an answer the facade does
    not read (drawing its depths would only cost time).
    """

    name: str
    calls: tuple[Call[S], ...]
    always_sent: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    overrides: Mapping[str, st.SearchStrategy[object]] = field(default_factory=lambda: _NONE)
    raw: bool = False
    max_depth: int = 6


def lacks(response: object, *paths: str) -> bool:
    """Whether some item of ``response`` lacks the member at one of ``paths`` (list levels are
    transparent, as in :mod:`shapes`): ``"Instances.State.Name"`` is lacking when any instance
    has no ``State``, or a ``State`` with no ``Name``. A member marked ``?`` may be absent:
    ``"DBInstances.Endpoint?.Port"`` is lacking only where an ``Endpoint`` has no ``Port``."""
    return any(_lacks(response, path) for path in paths)


def _lacks(response: object, path: str) -> bool:
    if is_list(response):
        return any(_lacks(item, path) for item in response)
    if not is_mapping(response):
        return False
    head, _, rest = path.partition(".")
    optional = head.endswith("?")
    head = head.removesuffix("?")
    if head not in response:
        return not optional
    return bool(rest) and _lacks(response[head], rest)


def values_at(response: object, path: str) -> list[object]:
    """Every value at ``path`` in ``response`` (list levels transparent, ``?`` ignored)."""
    found = [response]
    for part in path.split("."):
        step: list[object] = []
        for item in found:
            for each in item if is_list(item) else [item]:
                if is_mapping(each) and part.removesuffix("?") in each:
                    step.append(each[part.removesuffix("?")])
        found = step
    return [value for item in found for value in (item if is_list(item) else [item])]


def _is_iterable(value: object) -> TypeGuard[Iterable[object]]:
    return isinstance(value, Iterable)


_SCALARS = (str, bytes, int, float, datetime, enum.Enum, type(None))


def touch(value: object) -> None:
    """Read all of ``value``: items of containers and iterators, every attrs field and
    property of a model (lazy properties convert too), and its ``repr()`` and ``str()``."""
    if isinstance(value, _SCALARS):
        repr(value)
        return
    if is_mapping(value):
        for key, item in value.items():
            touch(key)
            touch(item)
        return
    if _is_iterable(value):
        for item in list(value):
            touch(item)
        return
    kind: type = type(value)
    assert attrs.has(kind) or isinstance(value, errors.AwsError), f"not a model: {value!r}"
    if attrs.has(kind):
        for attribute in attrs.fields(kind):
            touch(getattr(value, attribute.name))
    for name in _properties(kind):
        touch(getattr(value, name))
    repr(value)
    str(value)


@functools.cache
def _properties(kind: type) -> tuple[str, ...]:
    return tuple(
        name
        for name, member in inspect.getmembers(kind)
        if isinstance(member, property | functools.cached_property)
    )


def _result(value: object, returns: type | None) -> None:
    """Check ``value`` is what the call returns, materialising an iterator, then touch it."""
    if returns is None:
        assert value is None, value
        return
    if _is_iterable(value) and isinstance(value, list | Iterator) and returns is not list:
        found = list(value)
        for item in found:
            assert isinstance(item, returns), (item, returns)
        touch(found)
        return
    assert isinstance(value, returns), (value, returns)
    touch(value)


class _WireAnswers:
    """A ``before-send`` hook answering each request with the wire body of the next answer."""

    def __init__(self, service: str, answers: Sequence[Answer]) -> None:
        self.service = service
        self.left = list(answers)

    def __call__(self, *, event_name: str, **_: object) -> AWSResponse:
        operation = event_name.rsplit(".", 1)[-1]
        assert self.left, f"unexpected request {operation}"
        expected, parsed = self.left.pop(0)
        assert operation == expected, (operation, expected)
        return raw_response(self.service, operation, parsed)


def _answered_by_stubber(
    client: BaseClient, answers: Sequence[Answer], run: Callable[[], None]
) -> None:
    with Stubber(client) as stub:
        for operation, parsed in answers:
            stub.add_response(xform_name(operation), dict(parsed))
        # An answer may stay unused: a create whose read-back fails returns the model as
        # created without it.
        run()


def _answered_on_wire(
    client: BaseClient, service: str, answers: Sequence[Answer], run: Callable[[], None]
) -> None:
    hook = _WireAnswers(service, answers)
    name = f"before-send.{client.meta.service_model.service_id.hyphenize()}"
    # botocore-stubs type handlers as returning None; a before-send handler may return the
    # response botocore then parses instead of sending the request.
    client.meta.events.register(name, hook, unique_id="any-response")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    try:
        run()
    finally:
        client.meta.events.unregister(name, unique_id="any-response")


def _outcome(
    service: S,
    client: BaseClient,
    service_name: str,
    operation: Operation[S],
    call: Call[S],
    response: dict[str, object],
    wire: bool,
) -> str:
    """Answer ``call``'s requests, run it, check what it returns or raises; name the outcome."""
    answers = [
        (name, response if parsed is SAME else parsed)
        for name, parsed in (*call.before, (operation.name, response), *call.after)
    ]

    def run() -> None:
        _result(call.call(service), call.returns)

    try:
        if wire:
            _answered_on_wire(client, service_name, answers, run)
        else:
            _answered_by_stubber(client, answers, run)
    except errors.InvalidArgumentError:
        raise  # reading a response never raises it
    except errors.UnexpectedResponseError:
        missing = [path for path in operation.always_sent if lacks(response, path)]
        assert missing, "UnexpectedResponseError, yet every member AWS always sends is there"
        return "UnexpectedResponseError"
    except call.errors as error:
        return type(error).__name__
    return "model"


def check_operation(service: SC, operation: Operation[SC]) -> dict[str, int]:
    """Run the hypothesis test of one table entry; returns how often each outcome came
    (``"model"``, ``"UnexpectedResponseError"``…), after checking that some draws made
    models (a test whose every draw raised would prove nothing).

    Half the draws, about, have every ``always_sent`` member (where its parent is there):
    a response without one is refused early, and the converters must see complete ones too.
    A create's read-back of a resource AWS does not show yet is tried once, not again after
    sleeps (``_consistency.DELAYS`` is empty meanwhile).
    """
    client = service.client
    service_name = client.meta.service_model.service_name
    anything = response_strategy(
        service_name,
        operation.name,
        overrides=operation.overrides,
        present=operation.present,
        max_depth=operation.max_depth,
    )
    complete = response_strategy(
        service_name,
        operation.name,
        overrides=operation.overrides,
        present=(*operation.present, *(path.replace("?", "") for path in operation.always_sent)),
        max_depth=operation.max_depth,
    )
    responses = st.one_of(complete, anything) if operation.always_sent else anything
    wires = st.booleans() if operation.raw else st.just(False)
    outcomes: dict[str, int] = {}

    @given(call=st.sampled_from(operation.calls), response=responses, wire=wires)
    def run(call: Call[SC], response: dict[str, object], wire: bool) -> None:
        name = _outcome(service, client, service_name, operation, call, response, wire)
        event(f"{call.name}: {name}")
        outcomes[name] = outcomes.get(name, 0) + 1

    delays = _consistency.DELAYS
    _consistency.DELAYS = ()
    try:
        run()
    finally:
        _consistency.DELAYS = delays
    assert outcomes.get("model", 0) > 0, outcomes
    return outcomes


def check_table(package: str, service_name: str, operations: Iterable[Operation[S]]) -> None:
    """The table names exactly the operations ``src/awsfacade/<package>`` calls on a client of
    ``service_name``: a new call with no entry fails, and so does an entry no longer used."""
    called = client_operations(SRC / package, service_name)
    assert called == {operation.name for operation in operations}


# -- hand-written tests: answers in order or per operation, one call's outcome -------------


def copied(value: object) -> object:
    """``value`` with its dicts and lists copied (streams and scalars shared)."""
    if is_mapping(value):
        return {key: copied(item) for key, item in value.items()}
    if is_list(value):
        return [copied(item) for item in value]
    return value


def _copied_dict(value: Mapping[str, object]) -> dict[str, object]:
    return {key: copied(item) for key, item in value.items()}


@contextmanager
def stubbed(client: BaseClient, *answers: tuple[str, Mapping[str, object]]) -> Generator[Stubber]:
    """A ``Stubber`` answering ``answers`` (``(operation, response)``, API names) in order."""
    with Stubber(client) as stub:
        for operation, response in answers:
            stub.add_response(xform_name(operation), _copied_dict(response))
        yield stub


class Answers:
    """A ``before-call`` hook answering each operation of ``responses`` with its response
    (the items of a list one by one, the last again and again), validated as the Stubber
    validates; ``calls`` lists the operations in the order they were called. More than
    ``limit`` calls fail the test (a listing that would never end)."""

    def __init__(
        self,
        client: BaseClient,
        responses: Mapping[str, Mapping[str, object] | Sequence[Mapping[str, object]]],
        *,
        limit: int = 100,
    ) -> None:
        self.client = client
        self.limit = limit
        self.responses: dict[str, list[Mapping[str, object]]] = {}
        model = client.meta.service_model
        for operation, answer in responses.items():
            queue: list[Mapping[str, object]] = (
                list(answer) if isinstance(answer, Sequence) else [answer]
            )
            output = model.operation_model(operation).output_shape
            for response in queue:
                if output is not None and "Error" not in response:
                    validate_parameters(_copied_dict(response), output)
            self.responses[operation] = queue
        self.calls: list[str] = []
        self._event = f"before-call.{model.service_id.hyphenize()}"

    def __enter__(self) -> Answers:
        # botocore-stubs type handlers as returning None; a before-call handler may return the
        # (response, parsed) pair that botocore then uses instead of sending the request.
        self.client.meta.events.register(self._event, self)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        return self

    def __exit__(self, *_: object) -> None:
        self.client.meta.events.unregister(self._event, self)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - as in __enter__

    def __call__(
        self, *, model: OperationModel, **_: object
    ) -> tuple[AWSResponse, dict[str, object]]:
        self.calls.append(model.name)
        if len(self.calls) > self.limit:
            raise AssertionError(f"more than {self.limit} requests: {self.calls[-3:]}...")
        queue = self.responses.get(model.name)
        if queue is None:
            raise AssertionError(f"{model.name} was called but the test has no answer for it")
        response = queue.pop(0) if len(queue) > 1 else queue[0]
        parsed = _copied_dict(response)
        status = 400 if "Error" in parsed else 200
        parsed["ResponseMetadata"] = {"RequestId": "answers-1", "HTTPStatusCode": status}
        return (http_answer("https://aws.invalid/", status), parsed)


def outcome(
    call: Callable[[], object],
    returns: type | tuple[type, ...],
    *,
    lacking: bool = False,
    errors: tuple[type[AwsError], ...] = (),
) -> object:
    """Call ``call`` (an iterator is read to the end) and assert what it gave: ``returns``
    (each item of an iterator), every one touched; :class:`UnexpectedResponseError` only when
    ``lacking``; another ``AwsError`` only if one of ``errors``. Returns the result (a list
    for an iterator), or the error raised."""
    listed = False
    try:
        result = call()
        if _is_iterator(result):
            listed = True
            result = list(result)
    except InvalidArgumentError as error:
        raise AssertionError(f"reading a response raised {error!r}") from error
    except UnexpectedResponseError as error:
        if not lacking:
            raise AssertionError(f"every field AWS always sends was sent, yet {error!r}") from error
        return error
    except AwsError as error:
        if not isinstance(error, errors):
            raise AssertionError(f"{error!r} is not one of {errors}") from error
        touch(error)
        return error
    for item in _items(result) if listed else [result]:
        assert isinstance(item, returns), f"{item!r} is not a {returns}"
        touch(item)
    return result


def _is_iterator(value: object) -> TypeGuard[Iterator[object]]:
    return isinstance(value, Iterator)


def _items(value: object) -> list[object]:
    if isinstance(value, tuple | list | frozenset | set):
        return list(value)  # pyright: ignore[reportUnknownArgumentType] - a collection's items are objects
    return []


def check_answered(
    service: str,
    package: str,
    answered: Iterable[str],
    tests: Iterable[str],
    namespace: Mapping[str, object],
) -> None:
    """Every operation of ``service`` that ``src/awsfacade/<package>`` names is ``answered``
    by a test, and each test named in ``tests`` is in the test module's ``namespace``."""
    assert client_operations(SRC / package, service) - set(answered) == set()
    assert [test for test in tests if test not in namespace] == []


def dicts(value: object) -> list[Mapping[str, object]]:
    """The mappings in ``value`` if it is a list (a response's list member), else none."""
    return [item for item in as_list(value) if is_mapping(item)]


def models(value: object, model: type[M]) -> list[M]:
    """The ``model`` instances in ``value`` if it is a list (an outcome), else none."""
    return [item for item in as_list(value) if isinstance(item, model)]


def as_list(value: object) -> list[object]:
    return value if is_list(value) else []
