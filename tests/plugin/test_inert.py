"""A pytest run that uses nothing of the plugin runs as it would without awsfacade installed, and
what the fixtures change is given back when their test, or the run, ends.

Every inner run here goes to a subprocess: this suite turns the guard on for itself
(``awsfacade_block_aws = true``), so in this process botocore is the guard's while it runs.
"""

from __future__ import annotations

import json

import pytest

# What a suite's own AWS tests import, and an answer to STS GetCallerIdentity of their own.
OWN_HEADER = """
import gc
import io
import json
import sys

import boto3
from botocore.awsrequest import AWSResponse
from botocore.endpoint import Endpoint
from botocore.handlers import BUILTIN_HANDLERS
from botocore.stub import Stubber

try:
    from moto import mock_aws
    from moto.core.models import botocore_stubber
except ImportError:  # no testing extra
    mock_aws = botocore_stubber = None

IDENTITY = (
    b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
    b"<GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/own</Arn>"
    b"<UserId>AIDAOWN</UserId><Account>111122223333</Account></GetCallerIdentityResult>"
    b"<ResponseMetadata><RequestId>own</RequestId></ResponseMetadata>"
    b"</GetCallerIdentityResponse>"
)


class Raw(io.BytesIO):
    def stream(self, **kwargs):
        yield self.read()
"""

# A suite's own AWS tests, none of them using the plugin: moto's mock_aws, a before-send hook of
# its own, botocore's Stubber. The last test prints what it can see of botocore, moto and the
# garbage collector, and checks that none of it is awsfacade's.
OWN_TESTS = (
    OWN_HEADER
    + """

def sts():
    return boto3.client(
        "sts", region_name="us-east-1", aws_access_key_id="own", aws_secret_access_key="own"
    )


def test_moto_mock_aws():
    if mock_aws is None:
        return
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="own")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["own"]


def test_own_before_send_hook():
    answered = []

    def answer(request, **kwargs):
        answered.append(request.url)
        return AWSResponse(request.url, 200, {}, Raw(IDENTITY))

    client = sts()
    client.meta.events.register("before-send.sts.GetCallerIdentity", answer)
    assert client.get_caller_identity()["Account"] == "111122223333"
    assert len(answered) == 1


def test_stubber():
    client = sts()
    with Stubber(client) as stub:
        stub.add_response("get_caller_identity", {"Account": "444455556666", "UserId": "u"})
        assert client.get_caller_identity()["Account"] == "444455556666"
        stub.assert_no_pending_responses()


def name(thing):
    kind = thing if hasattr(thing, "__qualname__") else type(thing)
    return f"{kind.__module__}.{kind.__qualname__}"


def test_botocore_moto_and_gc_are_as_they_left_them():
    state = {
        "handlers": [f"{event} {name(handler)}" for event, handler, *_ in BUILTIN_HANDLERS],
        "send": name(vars(Endpoint)["_send"]),
        "create_request": name(vars(Endpoint)["create_request"]),
        "meta_path": [name(finder) for finder in sys.meta_path],
        "frozen": gc.get_freeze_count(),
    }
    print("STATE", json.dumps(state))
    assert not [value for value in json.dumps(state).split('"') if "awsfacade" in value]
    assert state["send"] == "botocore.endpoint.Endpoint._send"
    assert state["create_request"] == "botocore.endpoint.Endpoint.create_request"
    if botocore_stubber is not None:  # moto's handler, last, where moto's import put it
        assert BUILTIN_HANDLERS[-1] == ("before-send", botocore_stubber)
    assert state["frozen"] == 0
"""
)

# Without the testing extra: moto cannot be imported (set before any test module is).
NO_MOTO_CONFTEST = 'import sys\n\nsys.modules["moto"] = None\n'


def _state(result: pytest.RunResult) -> dict[str, object]:
    """What the inner run's last test saw of botocore, moto and the garbage collector."""
    [line] = [line for line in result.outlines if "STATE " in line]  # after pytest's dots
    state: dict[str, object] = json.loads(line.partition("STATE ")[2])
    return state


def _run(pytester: pytest.Pytester, *options: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s", *options)


@pytest.mark.parametrize("moto_installed", [True, False], ids=["moto", "no moto"])
def test_a_run_using_nothing_of_ours_is_the_run_without_awsfacade(
    pytester: pytest.Pytester, *, moto_installed: bool
) -> None:
    """With moto or without it (no testing extra), a suite's own moto, before-send and Stubber
    tests pass, and botocore's handlers and methods, the import system and the garbage collector
    are exactly what the same run shows with the plugin disabled (``-p no:awsfacade``)."""
    pytester.makepyfile(test_own=OWN_TESTS)
    if not moto_installed:
        pytester.makeconftest(NO_MOTO_CONFTEST)
    with_plugin = _run(pytester)
    without_plugin = _run(pytester, "-p", "no:awsfacade")
    with_plugin.assert_outcomes(passed=4)
    without_plugin.assert_outcomes(passed=4)
    assert _state(with_plugin) == _state(without_plugin)


def test_after_a_test_with_our_fixtures_botocore_is_as_without_awsfacade(
    pytester: pytest.Pytester,
) -> None:
    """A test using ``ec2_service`` (the guard off) leaves nothing behind: the suite's own tests
    after it see what a run without the plugin shows, moto's handler where moto put it."""
    ours = """
def test_ours_first(ec2_service):
    assert [vpc.is_default for vpc in ec2_service.vpcs()] == [True]
"""
    pytester.makepyfile(test_own=OWN_TESTS, test_ours=ours)
    after_ours = _run(pytester, "test_ours.py", "test_own.py")
    without_plugin = _run(pytester, "-p", "no:awsfacade", "test_own.py")
    after_ours.assert_outcomes(passed=5)
    without_plugin.assert_outcomes(passed=4)
    assert _state(after_ours) == _state(without_plugin)


def test_a_run_unfreezes_the_garbage_collector_at_its_end(pytester: pytest.Pytester) -> None:
    """A run whose aws_session tests froze the garbage collector unfreezes it at its end (a
    pytest run inside a process: an IDE, pytester); a freeze of the process's own is left alone,
    neither undone nor added to."""
    tests = """
import gc

def test_first(aws_session):
    pass

def test_second(aws_session):
    assert gc.get_freeze_count() > 0

def test_third(aws_session):
    pass
"""
    pytester.makepyfile(test_first_run=tests, test_second_run=tests)
    script = pytester.makepyfile(
        run_twice=f"""
        import gc
        import pytest

        options = ["-q", "-p", "no:cacheprovider", "--rootdir", {str(pytester.path)!r}]
        assert pytest.main([*options, {str(pytester.path / "test_first_run.py")!r}]) == 0
        print("after the first run", gc.get_freeze_count())
        gc.freeze()
        own = gc.get_freeze_count()
        assert pytest.main([*options, {str(pytester.path / "test_second_run.py")!r}]) == 0
        print("own freeze", own, "after the second run", gc.get_freeze_count())
        """
    )
    done = pytester.runpython(script)
    assert done.ret == 0, done.stderr.str()
    [first] = [line for line in done.outlines if line.startswith("after the first run")]
    assert first == "after the first run 0"
    [second] = [line for line in done.outlines if line.startswith("own freeze")]
    own, after = (int(word) for word in second.split() if word.isdigit())
    assert 0 < after <= own  # frozen objects freed since leave the count


def test_a_wrapper_put_over_ours_is_kept(pytester: pytest.Pytester) -> None:
    """A test that wraps botocore's ``Endpoint._send`` over the plugin's (a fake transport of
    its own) keeps its wrapper after the plugin's fixture ends; the plugin's own is then idle."""
    pytester.makepyfile(
        OWN_HEADER
        + """
ANSWERED = []


def fake_transport(endpoint, request):
    ANSWERED.append(request.url)
    return AWSResponse(request.url, 200, {}, Raw(IDENTITY))


def test_wraps_send_inside_our_fixture(aws_credentials):
    Endpoint._send = fake_transport


def test_the_wrapper_is_still_there_and_answers():
    assert vars(Endpoint)["_send"] is fake_transport
    client = boto3.client(
        "sts", region_name="us-east-1", aws_access_key_id="own", aws_secret_access_key="own"
    )
    assert client.get_caller_identity()["Account"] == "111122223333"
    assert len(ANSWERED) == 1
"""
    )
    _run(pytester).assert_outcomes(passed=2)
