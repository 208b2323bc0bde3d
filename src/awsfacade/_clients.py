"""The client factory: the only place awsfacade creates botocore clients.

Clients are cached per (session, region, endpoint_url, config) in one :class:`ClientCache`
per service, so building ``Ec2Service(session)`` a thousand times creates one client. The
cache holds sessions weakly: dropping the last reference to a session drops its clients.
boto3 sessions are not thread-safe (clients are), so clients are created under a lock of their
session, one lock shared by every service's cache: an EC2 and an S3 client are not created
from one session at the same time either.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, Protocol, TypedDict, TypeVar

from boto3.session import Session
from botocore.config import Config

from awsfacade import _logging, _redact
from awsfacade._create import watch_creates
from awsfacade._translate import SET_A_REGION, translate
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from botocore.config import _RetryDict

__all__ = ["ClientCache", "ClientOptions", "advise_region", "clients_of", "default_session"]

C = TypeVar("C")

#: Applied under every user config: botocore's "standard" retry mode retries throttling and
#: transient errors with jittered back-off, where the legacy default does less.
DEFAULT_CONFIG = Config(retries={"mode": "standard"}, user_agent_extra="awsfacade")


class ClientOptions(TypedDict):
    """The keyword arguments awsfacade passes to ``Session.client``."""

    region_name: str
    endpoint_url: str | None
    config: Config


_default_session: Session | None = None
_default_lock = threading.Lock()


def default_session() -> Session:
    """One awsfacade-wide boto3 Session, created on first use, for services built without one.

    It is a new ``boto3.session.Session()`` (not boto3's module-level default), shared so
    that ``Ec2Service()`` does not reload service models each time it is built.
    """
    global _default_session  # noqa: PLW0603 - a process-wide lazily created singleton
    with _default_lock:
        if _default_session is None:
            with translate():  # AWS_PROFILE naming no profile: CredentialsError
                _default_session = Session()
        return _default_session


_CacheKey = tuple[str, str | None, str]

_session_locks: weakref.WeakKeyDictionary[Session, threading.Lock] = weakref.WeakKeyDictionary()
_session_locks_lock = threading.Lock()


def _session_lock(session: Session) -> threading.Lock:
    """The lock every cache takes to create a client from ``session``."""
    with _session_locks_lock:
        lock = _session_locks.get(session)
        if lock is None:
            lock = _session_locks[session] = threading.Lock()
        return lock


def merged_config(config: Config | None) -> Config:
    """The user's config over the library's defaults.

    ``Config.merge`` replaces the whole ``retries`` dict, so a user config that sets only
    ``max_attempts`` would drop the standard mode; it is put back unless the user set a mode.
    """
    if config is None:
        return DEFAULT_CONFIG
    merged = DEFAULT_CONFIG.merge(config)
    user_retries = getattr(config, "retries", None)
    if isinstance(user_retries, dict) and "mode" not in user_retries:
        retries: _RetryDict = {"mode": "standard"}
        for key in ("max_attempts", "total_max_attempts"):
            if key in user_retries:
                # botocore-stubs leave Config's attributes untyped: user_retries is a plain dict.
                retries[key] = int(user_retries[key])  # pyright: ignore[reportUnknownArgumentType]
        merged = merged.merge(Config(retries=retries))
    return merged


def _config_key(config: Config | None) -> str:
    """Equal configs share a client: the key is the config's options, not its identity, so a
    fresh but identical ``Config`` per construction does not grow the cache."""
    if config is None:
        return ""
    return repr(sorted(vars(config).items()))


#: A region name as botocore accepts it (a DNS label: it becomes part of the endpoint's host).
_REGION = re.compile(r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")


def _check_options(session: object, region: object, endpoint_url: object, config: object) -> None:
    """A service's construction arguments, each of its type (botocore would raise TypeError,
    AttributeError or a bare ValueError on them, or fall back on ``""`` silently)."""
    if session is not None and not isinstance(session, Session):
        raise InvalidArgumentError(f"session must be a boto3 Session or None, not {session!r}")
    if region is not None and (not isinstance(region, str) or not _REGION.fullmatch(region)):
        raise InvalidArgumentError(f"region must be a region name like 'eu-west-1', not {region!r}")
    if endpoint_url is not None and not _is_url(endpoint_url):
        raise InvalidArgumentError(
            f"endpoint_url must be an http:// or https:// URL, not {endpoint_url!r}"
        )
    if config is not None and not isinstance(config, Config):
        raise InvalidArgumentError(f"config must be a botocore Config or None, not {config!r}")


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:  # an unbalanced IPv6 bracket, say
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


#: What to do about a missing region, for sessions whose owner knows better than the general
#: advice (fan_out's account sessions: the target's region). Weak: a session's entry goes with it.
_region_advice: weakref.WeakKeyDictionary[Session, str] = weakref.WeakKeyDictionary()
_region_advice_lock = threading.Lock()


def advise_region(session: Session, advice: str) -> None:
    """Have a regional service built on ``session`` without a region say ``advice``."""
    with _region_advice_lock:
        _region_advice[session] = advice


def _no_region_advice(session: Session) -> str:
    with _region_advice_lock:
        return _region_advice.get(session, SET_A_REGION)


#: Where a global service (IAM, Route53, S3's bucket listing) goes when no region is given:
#: botocore sends IAM and Route53 to their partition's global endpoint from here.
GLOBAL_REGION = "us-east-1"


class _Cache(Protocol):
    def clients(self, session: Session) -> list[object]: ...


#: Every ClientCache, for ``clients_of`` (awsfacade.testing's record and replay).
_caches: weakref.WeakSet[_Cache] = weakref.WeakSet()


def clients_of(session: Session) -> list[object]:
    """Every client the caches hold for ``session``."""
    return [client for cache in list(_caches) for client in cache.clients(session)]


class ClientCache(Generic[C]):
    """Typed clients of one AWS service, created by ``create`` once per session and options.

    ``service_name`` is botocore's name for the service. A ``global_service`` works with no
    region at all; a regional one refuses that with a clear :class:`InvalidArgumentError`.
    """

    def __init__(
        self,
        service_name: str,
        create: Callable[[Session, ClientOptions], C],
        *,
        global_service: bool = False,
    ) -> None:
        self.service_name = service_name
        self.global_service = global_service
        self._create = create
        self._lock = threading.Lock()
        self._clients: weakref.WeakKeyDictionary[Session, dict[_CacheKey, C]] = (
            weakref.WeakKeyDictionary()
        )
        _caches.add(self)

    def clients(self, session: Session) -> list[object]:
        """The clients made for ``session`` so far."""
        with self._lock:
            return [*self._clients.get(session, {}).values()]

    def get(
        self,
        session: Session | None,
        *,
        region: str | None,
        endpoint_url: str | None,
        config: Config | None,
    ) -> C:
        """The cached client for these options, created on first request."""
        _check_options(session, region, endpoint_url, config)
        session = session if session is not None else default_session()
        region_name = region or session.region_name
        if not region_name and self.global_service:
            region_name = GLOBAL_REGION
        if not region_name:
            raise InvalidArgumentError(
                f"no AWS region for {self.service_name}: {_no_region_advice(session)}"
            )
        key: _CacheKey = (region_name, endpoint_url, _config_key(config))
        with self._lock:
            per_session = self._clients.setdefault(session, {})
            client = per_session.get(key)
            if client is None:
                options = ClientOptions(
                    region_name=region_name, endpoint_url=endpoint_url, config=merged_config(config)
                )
                _redact.install()  # before the client's first request can log a secret
                with _session_lock(session), translate():
                    client = self._create(session, options)
                _logging.register(client)  # the "awsfacade" logger's request and retry lines
                watch_creates(client)  # creates that survive a lost answer
                per_session[key] = client
            return client
