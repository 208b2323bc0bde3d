"""The client factory: one cached, configured client per (session, region, endpoint, config)."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from typing import TYPE_CHECKING

import boto3.session
import pytest
from botocore.config import Config
from botocore.exceptions import NoRegionError, ProfileNotFound, UnknownServiceError

from awsfacade import _clients
from awsfacade._clients import ClientCache, ClientOptions
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import ClientSideError, CredentialsError, InvalidArgumentError
from awsfacade.testing import fake_environment

if TYPE_CHECKING:
    from pathlib import Path


def new_session(region: str | None = "us-east-1") -> boto3.session.Session:
    """A session with static fake credentials; building clients on it needs no network."""
    return boto3.session.Session(
        aws_access_key_id="x", aws_secret_access_key="y", region_name=region
    )


def option(config: Config, name: str) -> object:
    """One of a Config's options (botocore-stubs declares them as constructor arguments only)."""
    value: object = getattr(config, name)
    return value


class Creations:
    """A ``create`` callable for ClientCache that records each call and returns a fresh object."""

    def __init__(self) -> None:
        self.calls: list[ClientOptions] = []
        self.lock = threading.Lock()

    def __call__(self, session: boto3.session.Session, options: ClientOptions) -> object:
        del session
        with self.lock:
            self.calls.append(options)
        return object()


@pytest.fixture
def no_region_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No region in the environment or in any AWS config file."""
    for name in ("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))


def test_same_options_give_the_same_client() -> None:
    """Asking twice with the same session and options returns the cached client, created once."""
    creations = Creations()
    cache = ClientCache("ec2", creations)
    session = new_session()
    config = Config(connect_timeout=5)
    first = cache.get(
        session, region="eu-west-1", endpoint_url="http://localhost:5000", config=config
    )
    second = cache.get(
        session, region="eu-west-1", endpoint_url="http://localhost:5000", config=config
    )
    assert first is second
    assert len(creations.calls) == 1


def test_different_options_give_different_clients() -> None:
    """A different session, region, endpoint or config object each gets its own client."""
    creations = Creations()
    cache = ClientCache("ec2", creations)
    session = new_session()
    config = Config(connect_timeout=5)
    base = cache.get(session, region=None, endpoint_url=None, config=None)
    variants = [
        cache.get(new_session(), region=None, endpoint_url=None, config=None),
        cache.get(session, region="eu-west-1", endpoint_url=None, config=None),
        cache.get(session, region=None, endpoint_url="http://localhost:5000", config=None),
        cache.get(session, region=None, endpoint_url=None, config=config),
    ]
    assert len({id(client) for client in [base, *variants]}) == 5
    assert len(creations.calls) == 5


def test_region_falls_back_to_the_session_region() -> None:
    """Without region=, the client is created for the session's region; region= overrides it."""
    creations = Creations()
    cache = ClientCache("ec2", creations)
    cache.get(new_session("ap-south-1"), region=None, endpoint_url=None, config=None)
    cache.get(new_session("ap-south-1"), region="sa-east-1", endpoint_url="http://h", config=None)
    assert [call["region_name"] for call in creations.calls] == ["ap-south-1", "sa-east-1"]
    assert [call["endpoint_url"] for call in creations.calls] == [None, "http://h"]


def test_cache_does_not_keep_a_session_alive() -> None:
    """Dropping the last reference to a session lets it (and its clients) be collected."""
    cache: ClientCache[object] = ClientCache("ec2", Creations())
    session = new_session()
    cache.get(session, region=None, endpoint_url=None, config=None)
    reference = weakref.ref(session)
    del session
    gc.collect()
    assert reference() is None


def test_real_clients_do_not_keep_a_session_alive() -> None:
    """A real EC2 client cached for a session does not keep that session alive."""
    session = new_session()
    client = Ec2Service(session).client
    reference = weakref.ref(session)
    del session, client
    gc.collect()
    assert reference() is None


def test_default_config_uses_standard_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clients get retry mode "standard" even where the environment asks for the legacy mode."""
    monkeypatch.setenv("AWS_RETRY_MODE", "legacy")
    config = Ec2Service(new_session()).client.meta.config
    assert option(config, "retries") == {"mode": "standard"}
    assert option(config, "user_agent_extra") == "awsfacade"


def test_user_config_is_merged_over_the_default() -> None:
    """A user config's settings reach the client while the library's defaults stay under them."""
    user = Config(connect_timeout=3, read_timeout=7)
    config = Ec2Service(new_session(), config=user).client.meta.config
    assert option(config, "connect_timeout") == 3
    assert option(config, "read_timeout") == 7
    assert option(config, "retries") == {"mode": "standard"}


def test_user_retries_win() -> None:
    """A user config's retry settings replace the library's default retry mode."""
    config = Config(retries={"mode": "adaptive", "max_attempts": 3})
    client = Ec2Service(new_session(), config=config).client
    # botocore stores max_attempts (retries after the first try) as total_max_attempts.
    assert option(client.meta.config, "retries") == {"mode": "adaptive", "total_max_attempts": 4}


def test_user_max_attempts_alone_keeps_standard_mode() -> None:
    """A user config that sets only max_attempts still gets the library's standard retry mode."""
    creations = Creations()
    cache = ClientCache("ec2", creations)
    cache.get(
        new_session(), region=None, endpoint_url=None, config=Config(retries={"max_attempts": 7})
    )
    assert option(creations.calls[0]["config"], "retries") == {
        "max_attempts": 7,
        "mode": "standard",
    }


@pytest.mark.usefixtures("no_region_anywhere")
def test_no_region_anywhere_is_an_invalid_argument() -> None:
    """With no region from argument, session or environment, get() raises InvalidArgumentError."""
    creations = Creations()
    cache = ClientCache("ec2", creations)
    session = new_session(region=None)
    assert session.region_name is None
    with pytest.raises(InvalidArgumentError, match="region"):
        cache.get(session, region=None, endpoint_url=None, config=None)
    with pytest.raises(InvalidArgumentError, match="region"):
        Ec2Service(session)
    assert creations.calls == []


@pytest.mark.usefixtures("no_region_anywhere")
def test_region_argument_suffices_without_a_session_region() -> None:
    """region= alone is enough when the session has no region."""
    client = Ec2Service(new_session(region=None), region="eu-central-1").client
    assert client.meta.region_name == "eu-central-1"


def test_errors_while_creating_a_client_are_translated() -> None:
    """A botocore error raised by the create callable reaches the caller as an AwsError."""

    def failing(session: boto3.session.Session, options: ClientOptions) -> object:
        del session, options
        raise NoRegionError

    with pytest.raises(InvalidArgumentError):
        ClientCache("ec2", failing).get(new_session(), region=None, endpoint_url=None, config=None)


def test_client_side_errors_while_creating_are_translated() -> None:
    """A non-region botocore failure in create becomes ClientSideError and nothing is cached."""
    calls: list[int] = []

    def failing_once(session: boto3.session.Session, options: ClientOptions) -> object:
        del session, options
        calls.append(1)
        if len(calls) == 1:
            raise UnknownServiceError(service_name="nope", known_service_names="ec2")
        return "client"

    cache = ClientCache("nope", failing_once)
    session = new_session()
    with pytest.raises(ClientSideError):
        cache.get(session, region=None, endpoint_url=None, config=None)
    assert cache.get(session, region=None, endpoint_url=None, config=None) == "client"
    assert len(calls) == 2


def test_concurrent_requests_create_one_client() -> None:
    """Eight threads asking for the same client at once get one client, created once."""
    creations = Creations()

    def slow_create(session: boto3.session.Session, options: ClientOptions) -> object:
        # Slow enough that, without the cache's lock, every thread would be inside create.
        time.sleep(0.05)
        return creations(session, options)

    cache = ClientCache("ec2", slow_create)
    session = new_session()
    barrier = threading.Barrier(8)
    results: list[object] = []
    results_lock = threading.Lock()

    def ask() -> None:
        barrier.wait()
        client = cache.get(session, region=None, endpoint_url=None, config=None)
        with results_lock:
            results.append(client)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert len({id(client) for client in results}) == 1
    assert len(creations.calls) == 1


def test_service_reuses_its_client() -> None:
    """Building Ec2Service twice on one session gives the same underlying client object."""
    session = new_session()
    assert Ec2Service(session).client is Ec2Service(session).client
    assert Ec2Service(session).client is not Ec2Service(new_session()).client
    assert Ec2Service(session, region="eu-west-1").client.meta.region_name == "eu-west-1"


def test_services_built_without_a_session_share_one_default_session() -> None:
    """Ec2Service() uses one awsfacade-wide Session, so building it twice reuses one client."""
    with fake_environment("eu-west-1"):
        _clients._default_session = None  # pyright: ignore[reportPrivateUsage] - a fresh start
        first = Ec2Service()
        second = Ec2Service()
        assert first.client is second.client
        assert _clients.default_session() is _clients.default_session()
        assert first.client.meta.region_name == "eu-west-1"


def test_a_profile_that_does_not_exist_is_a_credentials_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """AWS_PROFILE naming no profile: building a service without a session raises
    CredentialsError (botocore's ProfileNotFound as cause), not botocore's exception."""
    with fake_environment("eu-west-1"):
        monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
        monkeypatch.setattr(_clients, "_default_session", None)  # a fresh start
        with pytest.raises(CredentialsError) as raised:
            Ec2Service()
    assert raised.value.code == "ProfileNotFound"
    assert isinstance(raised.value.__cause__, ProfileNotFound)
    assert "no-such-profile" in str(raised.value)


@pytest.mark.usefixtures("no_region_anywhere")
def test_a_global_service_works_without_a_region() -> None:
    """A global service (IAM, Route53) gets us-east-1 when no region is given at all."""
    creations = Creations()
    cache = ClientCache("iam", creations, global_service=True)
    cache.get(new_session(region=None), region=None, endpoint_url=None, config=None)
    cache.get(new_session(region=None), region="cn-north-1", endpoint_url=None, config=None)
    assert [call["region_name"] for call in creations.calls] == ["us-east-1", "cn-north-1"]


@pytest.mark.usefixtures("no_region_anywhere")
def test_a_regional_service_still_needs_a_region() -> None:
    """A regional service without any region is a clear InvalidArgumentError."""
    cache = ClientCache("ec2", Creations())
    with pytest.raises(InvalidArgumentError, match="region"):
        cache.get(new_session(region=None), region=None, endpoint_url=None, config=None)
