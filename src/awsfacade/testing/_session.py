"""Mocked boto3 sessions: fake credentials, moto, a shared loader and shared handlers.

boto3, botocore's sessions and moto are imported on first use, not with this module."""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Generator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from awsfacade.errors import AwsError, InvalidArgumentError

if TYPE_CHECKING:
    # Imported where used: the pytest plugin imports this module at start-up, and boto3 (or
    # moto) would make every pytest run slower, AWS tests or not.
    import boto3.session
    from botocore.hooks import HierarchicalEmitter
    from botocore.loaders import Loader

    from awsfacade.testing._realism import Realism

__all__ = [
    "FAKE_CREDENTIALS",
    "UNREACHABLE_PROXY",
    "fake_environment",
    "mocked_session",
    "new_session",
]

FAKE_CREDENTIALS: Final = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
}
"""The fake credentials every mocked session uses, as the environment variables
`fake_environment()` sets (each `"testing"`)."""

# Everything through which botocore could find real credentials or another endpoint.
_UNSET: Final = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_ROLE_ARN",
    "AWS_ROLE_SESSION_NAME",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_CREDENTIAL_EXPIRATION",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
)
# ... and every per-service endpoint: AWS_ENDPOINT_URL_EC2 and the like.
_UNSET_PREFIX: Final = "AWS_ENDPOINT_URL_"

UNREACHABLE_PROXY: Final = "http://127.0.0.1:9"
"""Where mocked sessions' unanswered requests go: the HTTP(S) proxy `fake_environment()`
sets, port 9 (discard) on loopback, closed here, so such a request fails to connect instead
of reaching AWS."""

_MISSING_MOTO = (
    "awsfacade's test fixtures need moto: install the testing extra, "
    'pip install "awsfacade[testing]"'
)


@contextmanager
def fake_environment(region: str = "us-east-1") -> Generator[None, None, None]:
    """Fake credentials and region in `os.environ`; profiles and AWS files point at nothing.

    Inside, `os.environ` holds [FAKE_CREDENTIALS][awsfacade.testing.FAKE_CREDENTIALS] and
    `region` as `AWS_DEFAULT_REGION` and `AWS_REGION`; `AWS_PROFILE`, role, container and
    endpoint variables are removed; the config and credentials files are `os.devnull`; the
    instance metadata service is off; and the HTTP(S) proxy is
    [UNREACHABLE_PROXY][awsfacade.testing.UNREACHABLE_PROXY], loopback excepted (a moto
    server is reached directly). The environment is restored on exit, whatever happened
    inside. It does not start moto: pair it with `mock_aws()` or a moto server.

    Yields:
        Nothing, while the environment is set (for the `with` block).
    """
    saved = dict(os.environ)
    try:
        for name in [n for n in os.environ if n in _UNSET or n.startswith(_UNSET_PREFIX)]:
            del os.environ[name]
        os.environ.update(FAKE_CREDENTIALS)
        os.environ["AWS_DEFAULT_REGION"] = region
        os.environ["AWS_REGION"] = region
        os.environ["AWS_CONFIG_FILE"] = os.devnull
        os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
        os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
        # The last line of defence: a request moto does not answer would go to real AWS;
        # through this proxy, a closed port on this machine, it fails to connect instead.
        # Loopback (a moto server) is reached directly.
        for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
            os.environ[name] = UNREACHABLE_PROXY
        for name in ("NO_PROXY", "no_proxy"):
            os.environ[name] = "127.0.0.1,localhost,::1"
        yield
    finally:
        # Put back only what differs: rewriting all of os.environ calls putenv for every
        # variable, a millisecond a test.
        for name in [n for n in os.environ if n not in saved]:
            del os.environ[name]
        for name, value in saved.items():
            if os.environ.get(name) != value:
                os.environ[name] = value


_loader: Loader | None = None
_loader_lock = threading.Lock()
# botocore's BUILTIN_HANDLERS as last seen, and an event emitter holding them.
_builtins: tuple[tuple[object, ...], ...] = ()
_builtin_events: HierarchicalEmitter | None = None


def _shared_loader() -> Loader:
    """One botocore data loader for every mocked session: it caches the parsed service models,
    which makes a client on a new session cost milliseconds instead of hundreds of them."""
    global _loader  # noqa: PLW0603 - a process-wide cache, like botocore's own
    import botocore.session

    with _loader_lock:
        loader = _loader
        if loader is None:
            loader = _loader = botocore.session.Session().get_component("data_loader")
        return loader


def _events_with_builtin_handlers() -> HierarchicalEmitter:
    """A copy of an emitter holding botocore's builtin handlers.

    A new botocore Session registers its 130-odd builtin handlers one by one, inspecting each
    one's signature: about 5 ms. Copying an emitter that holds them (what botocore itself does
    for every client) costs a tenth of that. The template is rebuilt whenever
    ``BUILTIN_HANDLERS`` changes (moto's import, for one, appends to it).
    """
    global _builtins, _builtin_events
    import botocore.session
    from botocore.handlers import BUILTIN_HANDLERS
    from botocore.hooks import HierarchicalEmitter

    with _loader_lock:
        current = tuple(BUILTIN_HANDLERS)
        events = _builtin_events
        if events is None or current != _builtins:
            events = HierarchicalEmitter()
            botocore.session.Session(event_hooks=events)  # registers the builtins into events
            _builtins, _builtin_events = current, events
        return copy.copy(events)


def new_session(region: str = "us-east-1") -> boto3.session.Session:
    """A Session with fake credentials that shares botocore's loader with the other ones.

    Use it inside moto's mock (or with a moto server's `endpoint_url`, inside
    `fake_environment()`): it starts no mock itself. Sharing the loader makes a client on a
    new session cost milliseconds instead of hundreds of them.

    Returns:
        A `boto3.Session` in `region` with the fake credentials.
    """
    import boto3.session
    import botocore.session

    core = botocore.session.Session(
        event_hooks=_events_with_builtin_handlers(), include_builtin_handlers=False
    )
    core.register_component("data_loader", _shared_loader())
    core.set_credentials(
        FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        FAKE_CREDENTIALS["AWS_SESSION_TOKEN"],
    )
    return boto3.session.Session(botocore_session=core, region_name=region)


@contextmanager
def mocked_session(
    region: str = "us-east-1", *, realism: Realism | None = None
) -> Generator[boto3.session.Session, None, None]:
    """A Session whose every AWS call moto answers, with fresh moto state; for use outside
    pytest (scripts, notebooks, other test runners):

    ```python
    with mocked_session() as session:
        Ec2Service(session).run(image_id="ami-12345678")
    ```

    Inside the block the environment is `fake_environment(region)`'s and moto's mock is on;
    both end with it (the environment restored, the mock stopped). With `realism`, the
    session shows those of AWS's behaviours moto lacks (see [`Realism`][awsfacade.testing.Realism]).

    Yields:
        The mocked `boto3.Session`, in `region`, for the `with` block.

    Raises:
        AwsError: moto is not installed (install the `testing` extra).
    """
    with fake_environment(region), moto_session(region, realism) as session:
        yield session


@contextmanager
def moto_session(
    region: str, realism: Realism | None = None
) -> Generator[boto3.session.Session, None, None]:
    """``mocked_session`` for a caller that has set up ``fake_environment`` already
    (the ``aws_session`` fixture, through ``aws_credentials``)."""
    try:
        from awsfacade.testing._moto import new_mock
    except ImportError as error:  # pragma: no cover - the test environment has moto
        raise AwsError(_MISSING_MOTO) from error
    if realism is not None:
        from awsfacade.testing._realism import Realism

        if not isinstance(realism, Realism):
            raise InvalidArgumentError(f"realism must be a Realism, not {realism!r}")
        if realism.faults:  # their operations checked before the mock resets moto's state
            from awsfacade.testing._faults import resolve

            resolve(_shared_loader(), realism.faults)
    mock = new_mock()
    mock.start(reset=True)
    try:
        session = new_session(region)
        if realism is not None:
            from awsfacade.testing._realism import install

            install(session, realism)
        yield session
    finally:
        # The state goes with the session, so that the garbage collector can free it before the
        # next test (and before the plugin's gc.freeze(), which would keep it for good).
        mock.stop(remove_data=True)
