"""The plugin's opt-in "no real AWS" guard, and what the lazy import of moto must still promise.

The guard is proven against a request that would really leave the machine: the inner runs send
HTTPS through a proxy that is a listening socket of this test (:class:`Listener`), which counts
the connections it is offered. With the guard off the request reaches it (so the count can
tell); with the guard on it must count none.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import socket
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from awsfacade.testing import _guard

if TYPE_CHECKING:
    from types import TracebackType

# An inner test module calling STS for real (fake keys), outside any mock: once letting the
# error out, once swallowing it, once raising another error instead.
REAL_CALLS = """
import boto3
from botocore.config import Config

ONE_TRY = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=5)

def _sts():
    return boto3.client(
        "sts",
        region_name="us-east-1",
        aws_access_key_id="AKIAFAKEFAKEFAKEFAKE",
        aws_secret_access_key="fake",
        config=ONE_TRY,
    )

def test_lets_the_error_out():
    _sts().get_caller_identity()

def test_swallows_the_error():
    try:
        _sts().get_caller_identity()
    except Exception as error:
        print("swallowed", type(error).__name__)

def test_raises_another_error():
    try:
        _sts().get_caller_identity()
    except Exception as error:
        raise ValueError("something else") from error
"""

BLOCKED_LINE = (
    "*awsfacade blocked a request to real AWS: sts GetCallerIdentity to "
    "https://sts*.amazonaws.com/*"
)


class Listener:
    """A TCP socket on loopback that accepts and counts connections, closing each at once."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def __enter__(self) -> Listener:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Listener]:
    """Every HTTPS request of the inner run goes through a :class:`Listener`."""
    with Listener() as listener:
        for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
            monkeypatch.setenv(name, listener.url)
        for name in ("NO_PROXY", "no_proxy", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS"):
            monkeypatch.delenv(name, raising=False)
        yield listener


def test_help_documents_the_flag_and_the_ini_option(pytester: pytest.Pytester) -> None:
    """``pytest --help`` lists ``--awsfacade-block-aws`` and ``awsfacade_block_aws``."""
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*--awsfacade-block-aws*"])
    result.stdout.fnmatch_lines(["*awsfacade_block_aws (bool):*"])
    assert "not loopback" in result.stdout.str()


def test_guard_off_lets_the_request_leave(pytester: pytest.Pytester, proxy: Listener) -> None:
    """Without the option nothing is blocked: the request reaches the proxy and only the tests
    that let an error out fail."""
    pytester.makepyfile(REAL_CALLS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s")
    result.assert_outcomes(passed=1, failed=2)
    assert "awsfacade blocked" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*ValueError: something else*"])
    result.stdout.fnmatch_lines(["*swallowed ConnectionClosedError*"])
    assert proxy.connections >= 2


def test_flag_blocks_real_requests_before_they_leave(
    pytester: pytest.Pytester, proxy: Listener
) -> None:
    """With ``--awsfacade-block-aws`` every test fails with the service, operation and URL, the
    one that swallowed the error and the one that raised another too; no connection is made."""
    pytester.makepyfile(REAL_CALLS)
    outer = _guard._state.blocking  # this run's own setting (CI may turn it on)
    result = pytester.runpytest("-p", "no:cacheprovider", "-s", "--awsfacade-block-aws")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(["*swallowed RealAwsRequestError*"])
    result.stdout.fnmatch_lines(["*test_lets_the_error_out*", BLOCKED_LINE])
    result.stdout.fnmatch_lines(["*test_swallows_the_error*", BLOCKED_LINE])
    # The guard's message is the failure; the other error is named after it.
    result.stdout.fnmatch_lines(
        ["*test_raises_another_error*", BLOCKED_LINE, "(then: ValueError: something else)"]
    )
    assert proxy.connections == 0
    assert _guard._state.blocking is outer, "the inner run left its setting behind"


def test_ini_option_blocks_real_requests(pytester: pytest.Pytester, proxy: Listener) -> None:
    """``awsfacade_block_aws = true`` in the ini file turns the guard on as the flag does."""
    pytester.makeini("[pytest]\nawsfacade_block_aws = true\n")
    pytester.makepyfile(REAL_CALLS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines([BLOCKED_LINE])
    assert proxy.connections == 0


def test_blocked_requests_fail_setup_and_teardown(
    pytester: pytest.Pytester, proxy: Listener
) -> None:
    """A fixture's blocked request, caught or not, fails the test's setup or teardown."""
    pytester.makepyfile(
        REAL_CALLS
        + """
import pytest

@pytest.fixture
def calls_in_setup():
    try:
        _sts().get_caller_identity()
    except Exception:
        pass

@pytest.fixture
def calls_in_teardown():
    yield
    try:
        _sts().get_caller_identity()
    except Exception:
        pass

def test_call_in_setup(calls_in_setup):
    pass

def test_call_in_teardown(calls_in_teardown):
    pass
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--awsfacade-block-aws", "-k", "call_in")
    result.assert_outcomes(passed=1, errors=2)
    result.stdout.fnmatch_lines(["*ERROR at setup of test_call_in_setup*", BLOCKED_LINE])
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_call_in_teardown*", BLOCKED_LINE])
    assert proxy.connections == 0


def test_moto_and_loopback_pass_the_guard(pytester: pytest.Pytester, fresh_moto_url: str) -> None:
    """With the guard on, moto's fixtures, moto's own ``mock_aws``, a test's own ``before-send``
    answer for any host, and a moto server on loopback (by address and by the name localhost)
    are all allowed; and moto's handler stays in botocore's ``BUILTIN_HANDLERS``, the plugin
    adding none."""
    port = fresh_moto_url.rsplit(":", 1)[1]
    pytester.makepyfile(
        f"""
        import boto3
        from moto import mock_aws

        from awsfacade.ec2 import Ec2Service
        from awsfacade.testing import new_session

        def test_fixture(ec2_service, aws_session):
            assert [v.is_default for v in ec2_service.vpcs()] == [True]
            # No backend in moto for App Runner: moto answers a 404, which is still moto.
            client = aws_session.client("apprunner")
            try:
                client.list_services()
            except Exception as error:
                assert "404" in str(error)

        def test_mock_aws(aws_credentials):
            with mock_aws():
                client = boto3.session.Session(region_name="eu-west-1").client("s3")
                client.create_bucket(
                    Bucket="bucket-b",
                    CreateBucketConfiguration={{"LocationConstraint": "eu-west-1"}},
                )
                assert [b["Name"] for b in client.list_buckets()["Buckets"]] == ["bucket-b"]

        def test_own_before_send_hook(aws_credentials):
            import pytest
            from botocore.exceptions import ClientError
            from support import ec2_error  # tests/support.py: this run shares sys.path

            client = new_session().client("ec2", endpoint_url="https://injected.invalid")
            client.meta.events.register(
                "before-send.ec2.DescribeVpcs", lambda **_: ec2_error("Injected")
            )
            with pytest.raises(ClientError, match="Injected"):
                client.describe_vpcs()

        def test_loopback_server(aws_credentials):
            for host in ("127.0.0.1", "localhost"):
                ec2 = Ec2Service(new_session(), endpoint_url="http://" + host + ":{port}")
                assert [v.is_default for v in ec2.vpcs()] == [True]

        def test_builtin_handlers_are_moto_s_and_botocore_s():
            from botocore.handlers import BUILTIN_HANDLERS
            from moto.core.models import botocore_stubber

            assert ("before-send", botocore_stubber) in BUILTIN_HANDLERS
            modules = {{getattr(handler, "__module__", "") for _, handler, *_ in BUILTIN_HANDLERS}}
            assert not [module for module in modules if module.startswith("awsfacade")]
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--awsfacade-block-aws")
    result.assert_outcomes(passed=5)


def test_a_foreign_endpoint_in_a_mocked_session_is_blocked(pytester: pytest.Pytester) -> None:
    """Inside aws_session a request moto does not answer (an endpoint outside amazonaws.com) is
    blocked by the guard before the dead proxy of fake_environment could refuse it."""
    pytester.makepyfile(
        """
        import pytest
        from botocore.exceptions import ProxyConnectionError

        from awsfacade.testing._guard import RealAwsRequestError

        def test_dualstack(aws_session):
            client = aws_session.client("ec2", endpoint_url="https://ec2.us-east-1.api.aws")
            with pytest.raises(RealAwsRequestError, match="ec2 DescribeVpcs to https://ec2"):
                client.describe_vpcs()

        def test_guard_off_here_means_the_proxy(aws_session):
            client = aws_session.client("sts", endpoint_url="https://sts.example.com")
            with pytest.raises(ProxyConnectionError):
                client.get_caller_identity()
        """
    )
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "--awsfacade-block-aws", "-k", "dualstack"
    )
    result.assert_outcomes(failed=1)  # pytest.raises caught it, the guard still failed it
    result.stdout.fnmatch_lines(
        ["*awsfacade blocked a request to real AWS: ec2 DescribeVpcs to https://ec2.*api.aws/*"]
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-k", "proxy")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:5000/", True),
        ("http://127.8.9.10/", True),
        ("http://[::1]:4566/", True),
        ("http://localhost:4566/", True),
        ("http://s3.localhost:4566/", True),
        ("https://ec2.us-east-1.amazonaws.com/", False),
        ("http://10.0.0.1/", False),
        ("http://localhost.example.com/", False),
        ("http://169.254.169.254/", False),
    ],
)
def test_loopback_hosts(url: str, *, loopback: bool) -> None:
    """Only this machine's addresses and names count as loopback."""
    assert _guard.is_loopback(url) is loopback


def test_after_import_calls_back_once_the_module_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import hook runs a module with the loader Python would use, then the callback; a
    module it cannot find is left to the other finders, and a module without a spec runs too."""
    (tmp_path / "awsfacade_probe_module.py").write_text("VALUE = 42\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    seen: list[object] = []

    def after() -> None:
        seen.append(vars(sys.modules["awsfacade_probe_module"])["VALUE"])

    finder = _guard._AfterImport()
    finder.callbacks["awsfacade_probe_module"] = after
    finder.callbacks["awsfacade_missing_module"] = after
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    monkeypatch.delitem(sys.modules, "awsfacade_probe_module", raising=False)
    try:
        module = importlib.import_module("awsfacade_probe_module")
    finally:
        sys.modules.pop("awsfacade_probe_module", None)
    assert seen == [42]
    assert isinstance(module.__loader__, importlib.machinery.SourceFileLoader)
    assert finder.find_spec("awsfacade_missing_module", None) is None

    bare = types.ModuleType("awsfacade_bare_module")
    loader = importlib.machinery.SourceFileLoader(
        "awsfacade_bare_module", str(tmp_path / "awsfacade_probe_module.py")
    )
    ran: list[bool] = []
    _guard._ThenCall(loader, lambda: ran.append(True)).exec_module(bare)
    assert ran == [True]
    assert vars(bare)["VALUE"] == 42
