"""What the "any valid response" tests of S3, IAM and Route53 share.

- :func:`stubbed`: botocore's ``Stubber`` on a client for one example, answering the given
  operations in order (each response copied, so botocore's after-call hooks cannot change
  the generated one the test still reads).
- :class:`Answers`: for the flows whose calls depend on the answers (a forced delete lists
  what to remove, then removes each): a ``before-call`` hook answering each operation with
  its response however often and in whatever order it is called, checked against the output
  shape exactly as ``Stubber.add_response`` checks it; an operation it has no answer for
  fails the test.
- :func:`lacks`: whether a response leaves out a field AWS always sends (paths such as
  ``"Contents[].Key"``), the one case where :class:`UnexpectedResponseError` is allowed.
- :func:`outcome`: calls the public method and asserts issue 11's promise: models of the
  expected types (iterators read to the end, every field and property read and ``repr``-ed),
  or an ``AwsError`` the test allows, never ``InvalidArgumentError``, and never a
  ``KeyError``/``TypeError``/``ValueError``/``AttributeError`` (those propagate and fail).
- :func:`used_operations`: every operation of a service whose name the facade's sources
  spell (a client method, a paginator, a waiter's operation, ``later(client.delete_x, …)``),
  for the tests that fail when an operation used in ``src/`` has no row in a test's table.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard, TypeVar

import attrs
import botocore.session
from botocore import xform_name
from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.stub import Stubber
from botocore.validate import validate_parameters

from awsfacade.errors import AwsError, InvalidArgumentError, UnexpectedResponseError

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.model import OperationModel

__all__ = [
    "SRC",
    "Answers",
    "as_list",
    "check_answered",
    "copied",
    "dicts",
    "is_mapping",
    "lacks",
    "models",
    "outcome",
    "stubbed",
    "touch",
    "used_operations",
]

#: The facade's package directory.
SRC = Path(__file__).resolve().parents[2] / "src" / "awsfacade"

Answer = tuple[AWSResponse, dict[str, object]]
M = TypeVar("M")


def copied(value: object) -> object:
    """``value`` with its dicts and lists copied (streams and scalars shared)."""
    if is_mapping(value):
        return {key: copied(item) for key, item in value.items()}
    if _is_list(value):
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

    def __call__(self, *, model: OperationModel, **_: object) -> Answer:
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
        return (AWSResponse("https://aws.invalid/", status, HTTPHeaders(), None), parsed)


def lacks(response: Mapping[str, object], *paths: str) -> bool:
    """Whether ``response`` leaves out a member at one of ``paths``: names joined by ``.``;
    ``name[]`` is a list (absent means empty) whose every element the rest applies to, a
    plain name a member that must be there once its parent is."""
    return any(_lacks(response, path.split(".")) for path in paths)


def _lacks(value: object, parts: list[str]) -> bool:
    if not parts or not is_mapping(value):
        return False
    head, rest = parts[0], parts[1:]
    if head.endswith("[]"):
        items = value.get(head[:-2])
        return _is_list(items) and any(_lacks(item, rest) for item in items)
    item = value.get(head)
    return item is None or _lacks(item, rest)


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


def touch(value: object) -> None:
    """Read everything ``value`` offers: ``repr``, ``str``, every attrs field and property,
    and what those hold, so lazily converted parts are converted too."""
    repr(value)
    str(value)
    cls = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            touch(getattr(value, field.name))
        for name, member in inspect.getmembers(cls):
            if isinstance(member, property | functools.cached_property):
                touch(getattr(value, name))
    elif is_mapping(value):
        for key, item in value.items():
            touch(key)
            touch(item)
    else:
        for item in _items(value):
            touch(item)


def _items(value: object) -> list[object]:
    if isinstance(value, tuple | list | frozenset | set):
        return list(value)  # pyright: ignore[reportUnknownArgumentType] - a collection's items are objects
    return []


_WORD = re.compile(r"\b[A-Za-z][A-Za-z0-9_]*\b")


@functools.cache
def used_operations(service: str, package: str) -> frozenset[str]:
    """The API names of ``service``'s operations that the sources of ``src/awsfacade/
    <package>`` name: as a client method (``client.get_user(``, ``later(client.delete_user,``),
    a paginator (``"list_users"``) or an API name (``operation="GetChange"``). Broader than
    ``shapes.client_operations``: a name passed without being called is found too."""
    model = botocore.session.get_session().get_service_model(service)
    by_method = {xform_name(name): name for name in model.operation_names}
    words: set[str] = set()
    for path in sorted((SRC / package).rglob("*.py")):
        words.update(_WORD.findall(path.read_text()))
    return frozenset(
        {by_method[word] for word in words if word in by_method}
        | {word for word in words if word in model.operation_names}
    )


def check_answered(
    service: str,
    package: str,
    answered: Iterable[str],
    tests: Iterable[str],
    namespace: Mapping[str, object],
) -> None:
    """Every operation of ``service`` that ``src/awsfacade/<package>`` names is ``answered``
    by a test, and each test named in ``tests`` is in the test module's ``namespace``."""
    assert used_operations(service, package) - set(answered) == set()
    assert [test for test in tests if test not in namespace] == []


def dicts(value: object) -> list[Mapping[str, object]]:
    """The mappings in ``value`` if it is a list (a response's list member), else none."""
    return [item for item in as_list(value) if is_mapping(item)]


def models(value: object, model: type[M]) -> list[M]:
    """The ``model`` instances in ``value`` if it is a list (an outcome), else none."""
    return [item for item in as_list(value) if isinstance(item, model)]


def as_list(value: object) -> list[object]:
    return value if _is_list(value) else []


def is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(value, Mapping)


def _is_list(value: object) -> TypeGuard[list[object]]:
    return isinstance(value, list)
