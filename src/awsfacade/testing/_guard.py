"""The handler the plugin adds to botocore's ``BUILTIN_HANDLERS`` when pytest loads it.

botocore copies ``BUILTIN_HANDLERS`` into every Session it creates, so from then on every
Session — made in a fixture, in a test, in a conftest or at a test module's import — sends each
request through :func:`before_send` (moto patches botocore the same way). It

- hands the request to moto's own handler once moto is imported: a Session created before moto
  was (the plugin imports moto only when a fixture needs it) is answered by moto's mock exactly
  like one created after;
- while blocking is on, notes which operation a request it did not answer belongs to.

The guard itself sits where a request would leave: botocore's ``Endpoint._send``, which sends it
over HTTP and is reached only when no ``before-send`` handler answered (not moto's, not a test's
own hook). While blocking is on, :func:`refuse_if_leaving` refuses there a request for any host
that is not loopback, before anything is sent, and records it, so that the test fails even if
it swallowed the error.

botocore calls *every* ``before-send`` handler and keeps the first answer, so moto's handler
must not be registered as well (it would run each request a second time): when moto's
``moto.core.models`` is imported, the handler it appends to ``BUILTIN_HANDLERS`` is taken out
again; :func:`before_send` stands in for it.

Nothing is imported for this when pytest starts: :func:`install` asks to be called back when
``botocore.handlers`` and ``botocore.endpoint`` are imported (:class:`_AfterImport`), which
happens before any botocore Session can exist, since ``botocore.session`` imports both.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import ipaddress
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType

    from botocore.awsrequest import AWSPreparedRequest, AWSResponse

__all__ = [
    "RealAwsRequestError",
    "before_send",
    "blocked_count",
    "install",
    "is_loopback",
    "refuse_if_leaving",
    "set_blocking",
    "take_blocked",
]

#: The module that holds moto's botocore handler; present once anything imported moto.
_MOTO_MODELS: Final = "moto.core.models"
_BOTOCORE_HANDLERS: Final = "botocore.handlers"
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
    """Whether the guard blocks, and every request it has blocked (from any thread)."""

    def __init__(self) -> None:
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
    :func:`take_blocked`."""
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


def _moto_answer(request: AWSPreparedRequest, event_name: str) -> AWSResponse | None:
    """moto's answer to ``request`` while its mock is on; None before moto is imported."""
    if _MOTO_MODELS not in sys.modules:  # nobody imported moto: nothing is mocked
        return None
    from moto.core.models import botocore_stubber  # already imported: a dictionary lookup

    return botocore_stubber(event_name, request)


# The operation each request about to be checked belongs to, for the guard's message.
_operations: weakref.WeakKeyDictionary[AWSPreparedRequest, tuple[str, str]] = (
    weakref.WeakKeyDictionary()
)


def before_send(
    request: AWSPreparedRequest, event_name: str, **kwargs: object
) -> AWSResponse | None:
    """moto's answer if its mock is on; else, while blocking, note the request's operation."""
    del kwargs  # botocore requires handlers to accept any keyword
    answer = _moto_answer(request, event_name)
    if answer is None and _state.blocking:
        # The event is "before-send.<service id>.<operation>".
        _, service, operation = [*event_name.split(".", 2), "?", "?"][:3]
        _operations[request] = (service, operation)
    return answer


def refuse_if_leaving(request: AWSPreparedRequest) -> None:
    """While blocking is on, refuse (and record) a request about to be sent to a host that is
    not loopback. Called by botocore's ``Endpoint._send``, reached only by a request that no
    ``before-send`` handler answered: not moto, not a test's own hook."""
    if not _state.blocking or is_loopback(request.url):
        return
    service, operation = _operations.get(request, ("?", "?"))
    error = RealAwsRequestError(service, operation, request.url)
    with _state.lock:
        _state.blocked.append(error)
    raise error


def _check_sends() -> None:
    """Have botocore's ``Endpoint._send`` (which sends a request over HTTP) call
    :func:`refuse_if_leaving` first (once)."""
    from botocore.endpoint import Endpoint

    send: Callable[[Endpoint, AWSPreparedRequest], object] = getattr(Endpoint, "_send")  # noqa: B009 - botocore-stubs do not declare it
    if getattr(send, "_awsfacade_checked", False):
        return

    @functools.wraps(send)
    def checked_send(endpoint: Endpoint, request: AWSPreparedRequest) -> object:
        refuse_if_leaving(request)
        return send(endpoint, request)

    setattr(checked_send, "_awsfacade_checked", True)  # noqa: B010 - a function attribute
    setattr(Endpoint, "_send", checked_send)  # noqa: B010 - botocore-stubs do not declare it


def _add_handler() -> None:
    """Append :func:`before_send` to ``BUILTIN_HANDLERS`` (once)."""
    from botocore.handlers import BUILTIN_HANDLERS

    if not any(spec[1] is before_send for spec in BUILTIN_HANDLERS):
        BUILTIN_HANDLERS.append(("before-send", before_send))


def _drop_moto_handler() -> None:
    """Take moto's own handler out of ``BUILTIN_HANDLERS``: :func:`before_send` calls it."""
    from botocore.handlers import BUILTIN_HANDLERS

    BUILTIN_HANDLERS[:] = [
        spec
        for spec in BUILTIN_HANDLERS
        if type(spec[1]).__module__ != "moto.core.botocore_stubber"
    ]


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
    """Finds the named modules where Python would, and has each call its callback once run."""

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
            spec.loader = _ThenCall(spec.loader, after)
        return spec


_after_import: Final = _AfterImport()


def _when_imported(name: str, action: Callable[[], None]) -> None:
    """Call ``action`` now if module ``name`` is imported, else right after its import."""
    if name in sys.modules:
        action()
        return
    _after_import.callbacks[name] = action
    if _after_import not in sys.meta_path:
        sys.meta_path.insert(0, _after_import)


def install() -> None:
    """Have :func:`before_send` in botocore's ``BUILTIN_HANDLERS`` for every Session created
    from now on, in place of moto's handler, and botocore's sends checked; imports neither
    botocore nor moto."""
    _when_imported(_BOTOCORE_HANDLERS, _add_handler)
    _when_imported("botocore.endpoint", _check_sends)
    _when_imported(_MOTO_MODELS, _drop_moto_handler)
