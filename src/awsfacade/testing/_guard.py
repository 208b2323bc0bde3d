"""What the plugin changes in botocore, only while it is asked for, and undone after.

Two wrappers on botocore's ``Endpoint``, installed by ``hold`` and removed when the last
holder calls ``release`` (the plugin holds them for the length of a test that uses one of
its fixtures, and for the whole run when the no-real-AWS guard is on):

- ``Endpoint._send``, which sends a request over HTTP and is reached only when no
  ``before-send`` handler answered it (not moto's, not a test's own hook; botocore's ``Stubber``
  answers even earlier). There a request is first offered to moto's mock, if moto is imported
  and its mock is on: botocore copies ``BUILTIN_HANDLERS`` into a Session when the Session is
  made, so a Session made before moto was imported (at a test module's import, in a conftest)
  has no moto handler, yet is answered by moto like one made after; a request moto's own
  handler answered never gets here, so none is carried out twice. Then, while blocking is on,
  ``refuse_if_leaving`` refuses (and records) a request for any host that is not loopback,
  before anything is sent, so that the test fails even if it swallowed the error.
- ``Endpoint.create_request``, which notes each request's operation, while blocking, for the
  guard's message.

Nothing else is touched: not ``BUILTIN_HANDLERS`` (moto's handler stays where moto put it), not
moto. Nothing is imported to install the wrappers: if ``botocore.endpoint`` is not imported yet,
``hold`` has Python call back when it is (``_AfterImport``), which happens before any
botocore Session can exist, since ``botocore.session`` imports it. If something else replaced a
wrapper of ours meanwhile, theirs is left in place (ours, if theirs calls it, does nothing while
nobody holds it).
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import ipaddress
import sys
import threading
import weakref
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final, Generic, TypeVar
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType

    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.endpoint import Endpoint
    from botocore.model import OperationModel

__all__ = [
    "RealAwsRequestError",
    "blocked_count",
    "held",
    "hold",
    "is_loopback",
    "refuse_if_leaving",
    "release",
    "set_blocking",
    "take_blocked",
]

#: The module that holds moto's botocore handler; present once anything imported moto.
_MOTO_MODELS: Final = "moto.core.models"
_ENDPOINT: Final = "botocore.endpoint"
_LOOPBACK_NAMES: Final = frozenset({"localhost", "localhost.localdomain"})


class RealAwsRequestError(Exception):
    """A botocore request about to leave the machine while the no-real-AWS guard is on."""

    def __init__(self, service: str, operation: str, url: str) -> None:
        self.service = service
        self.operation = operation
        self.url = url
        super().__init__(
            f"awsfacade blocked a request to real AWS: {service} {operation} to {url} "
            "(--awsfacade-block-aws / awsfacade_block_aws is on). Answer it with moto "
            "(the aws_session fixture or mock_aws) or send it to a loopback endpoint."
        )


class _State:
    """Who holds the wrappers, whether the guard blocks, and every request it has blocked (from
    any thread)."""

    def __init__(self) -> None:
        self.holders = 0
        self.blocking = False
        self.blocked: list[RealAwsRequestError] = []
        self.lock = threading.Lock()


_state: Final = _State()


def set_blocking(on: bool) -> bool:
    """Turn blocking on or off; returns the previous setting (for nested pytest runs)."""
    with _state.lock:
        previous, _state.blocking = _state.blocking, on
        return previous


def blocked_count() -> int:
    """How many blocked requests are recorded and not yet taken: a mark for
    ``take_blocked``."""
    with _state.lock:
        return len(_state.blocked)


def take_blocked(mark: int) -> list[RealAwsRequestError]:
    """Remove and return the requests blocked after ``mark``. Taking them keeps a pytester run
    inside a test from failing the outer test with the inner run's blocked requests."""
    with _state.lock:
        taken = _state.blocked[mark:]
        del _state.blocked[mark:]
        return taken


def is_loopback(url: str) -> bool:
    """Whether ``url``'s host is this machine: localhost, 127.0.0.0/8 or ::1."""
    host = urlsplit(url).hostname or ""
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        return False


def _moto_answer(request: AWSPreparedRequest) -> AWSResponse | None:
    """moto's answer to ``request`` while its mock is on; None before moto is imported."""
    if _MOTO_MODELS not in sys.modules:  # nobody imported moto: nothing is mocked
        return None
    from moto.core.models import botocore_stubber  # already imported: a dictionary lookup

    return botocore_stubber("before-send", request)  # moto reads only the request


# The operation each request about to be checked belongs to, for the guard's message.
_operations: weakref.WeakKeyDictionary[AWSPreparedRequest, tuple[str, str]] = (
    weakref.WeakKeyDictionary()
)


def refuse_if_leaving(request: AWSPreparedRequest) -> None:
    """While blocking is on, refuse (and record) a request about to be sent to a host that is
    not loopback."""
    if not _state.blocking or is_loopback(request.url):
        return
    service, operation = _operations.get(request, ("?", "?"))
    error = RealAwsRequestError(service, operation, request.url)
    with _state.lock:
        _state.blocked.append(error)
    raise error


_Send = Callable[["Endpoint", "AWSPreparedRequest"], object]
_CreateRequest = Callable[["Endpoint", object, "OperationModel | None"], "AWSPreparedRequest"]


def _checked(send: _Send) -> _Send:
    """``Endpoint._send`` that, while held, offers the request to moto first, then to the
    guard."""

    @functools.wraps(send)
    def checked_send(endpoint: Endpoint, request: AWSPreparedRequest) -> object:
        if _state.holders:
            answer = _moto_answer(request)
            if answer is not None:
                return answer
            refuse_if_leaving(request)
        return send(endpoint, request)

    return checked_send


def _noted(create_request: _CreateRequest) -> _CreateRequest:
    """``Endpoint.create_request`` that, while held and blocking, notes the request's
    operation."""

    @functools.wraps(create_request)
    def noted_create_request(
        endpoint: Endpoint, params: object, operation_model: OperationModel | None = None
    ) -> AWSPreparedRequest:
        request = create_request(endpoint, params, operation_model)
        if _state.holders and _state.blocking and operation_model is not None:
            service = operation_model.service_model.service_id.hyphenize()
            _operations[request] = (service, operation_model.name)
        return request

    return noted_create_request


_F = TypeVar("_F", _Send, _CreateRequest)


class _Wrapper(Generic[_F]):
    """One method of botocore's ``Endpoint`` and the plugin's wrapper of it, while installed."""

    def __init__(self, name: str, wrap: Callable[[_F], _F]) -> None:
        self.name = name
        self.wrap: Callable[[_F], _F] = wrap
        self.ours: _F | None = None
        self.wrapped: _F | None = None

    def install(self) -> None:
        """Wrap the method the class has now, unless it is ours."""
        from botocore.endpoint import Endpoint

        current: _F = vars(Endpoint)[self.name]
        if current is not self.ours:
            self.wrapped, self.ours = current, self.wrap(current)
            setattr(Endpoint, self.name, self.ours)

    def remove(self) -> None:
        """Put back the method ours wrapped, unless something else replaced ours since (then
        theirs stays; ours, if theirs calls it, does nothing while nobody holds it)."""
        from botocore.endpoint import Endpoint

        if self.ours is not None and vars(Endpoint)[self.name] is self.ours:
            setattr(Endpoint, self.name, self.wrapped)
        self.ours = self.wrapped = None


_wrappers: Final = (_Wrapper("_send", _checked), _Wrapper("create_request", _noted))


def _install() -> None:
    for wrapper in _wrappers:
        wrapper.install()


def hold() -> None:
    """Have the wrappers installed until the matching ``release``; imports nothing (they
    are installed when ``botocore.endpoint`` is imported, if it is not yet). Called from pytest's
    own thread, like ``release``."""
    _state.holders += 1
    if _state.holders == 1:
        _when_imported(_ENDPOINT, _install)


def release() -> None:
    """Let go of the wrappers; the last release takes them out of botocore."""
    _state.holders -= 1
    if _state.holders == 0:
        _after_import.forget(_ENDPOINT)
        if _ENDPOINT in sys.modules:
            for wrapper in _wrappers:
                wrapper.remove()


@contextmanager
def held() -> Generator[None, None, None]:
    """``hold`` inside, ``release`` on the way out."""
    hold()
    try:
        yield
    finally:
        release()


class _ThenCall(importlib.abc.Loader):
    """Runs a module with its own loader, then calls ``after``."""

    def __init__(self, loader: importlib.abc.Loader, after: Callable[[], None]) -> None:
        self.loader = loader
        self.after = after

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        if module.__spec__ is not None:  # the module keeps its own loader, for introspection
            module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        self.loader.exec_module(module)
        self.after()


class _AfterImport(importlib.abc.MetaPathFinder):
    """Finds the named modules where Python would, and has each call its callback once run.

    It is in ``sys.meta_path`` only while it waits for a module.
    """

    def __init__(self) -> None:
        self.callbacks: dict[str, Callable[[], None]] = {}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        after = self.callbacks.get(fullname)
        if after is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            self.forget(fullname)
            spec.loader = _ThenCall(spec.loader, after)
        return spec

    def wait_for(self, name: str, action: Callable[[], None]) -> None:
        """Call ``action`` right after module ``name`` is imported."""
        self.callbacks[name] = action
        if self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def forget(self, name: str) -> None:
        """Stop waiting for ``name``; out of ``sys.meta_path`` when waiting for nothing."""
        self.callbacks.pop(name, None)
        if not self.callbacks and self in sys.meta_path:
            sys.meta_path.remove(self)


_after_import: Final = _AfterImport()


def _when_imported(name: str, action: Callable[[], None]) -> None:
    """Call ``action`` now if module ``name`` is imported, else right after its import."""
    if name in sys.modules:
        action()
    else:
        _after_import.wait_for(name, action)
