"""What the plugin still promises now that it imports moto only when a fixture needs it, and
what the cheaper per-test fixtures must keep: fresh moto state, every Session answered by moto.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest
from botocore import handlers

from awsfacade.testing import fake_environment, new_session


@pytest.mark.parametrize("options", [(), ("--awsfacade-block-aws",)], ids=["guard off", "guard on"])
def test_a_session_made_before_moto_is_answered_by_moto(
    pytester: pytest.Pytester, options: tuple[str, ...]
) -> None:
    """Neither pytest's start nor a test module's import loads moto; a Session and a client
    made at import time, before any fixture, are still answered by moto's mock (the fixture's
    and moto's own ``mock_aws``) in a test that uses the fixtures, each request once, the guard
    on or off. The garbage collector is frozen once, before the second aws_session test, and
    still collects what comes after.
    """
    pytester.makepyfile(
        """
        import gc
        import sys
        import weakref

        import boto3

        MOTO_AT_START = "moto" in sys.modules
        SESSION = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        )
        SQS = SESSION.client("sqs")
        MOTO_AFTER_SESSION = "moto" in sys.modules
        FROZEN = []

        def test_moto_was_not_imported_yet():
            assert not MOTO_AT_START
            assert not MOTO_AFTER_SESSION

        def test_fixture_mock_answers_the_early_session(aws_session):
            FROZEN.append(gc.get_freeze_count())
            assert "moto" in sys.modules
            url = SQS.create_queue(QueueName="q")["QueueUrl"]
            SQS.send_message(QueueUrl=url, MessageBody="once")
            attributes = SQS.get_queue_attributes(
                QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]
            assert attributes["ApproximateNumberOfMessages"] == "1", "a request sent twice"

        def test_moto_mock_aws_answers_it_too(aws_credentials):
            from moto import mock_aws

            with mock_aws():
                account = SESSION.client("sts").get_caller_identity()["Account"]
                assert account == "123456789012"

        def test_second_aws_session(aws_session):
            FROZEN.append(gc.get_freeze_count())
            assert SQS.list_queues().get("QueueUrls", []) == [], "moto state was not reset"

        def test_third_aws_session(aws_session):
            FROZEN.append(gc.get_freeze_count())

        def test_frozen_once_and_collection_goes_on():
            assert FROZEN[0] == 0
            assert FROZEN[1] > 0
            assert FROZEN[2] <= FROZEN[1]  # frozen objects freed by refcount leave the count

            class Node:
                pass

            node = Node()
            node.me = node  # a cycle: only the collector frees it
            ref = weakref.ref(node)
            del node
            gc.collect()
            assert ref() is None
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *options)
    result.assert_outcomes(passed=6)


def test_loading_the_plugin_imports_neither_botocore_nor_moto() -> None:
    """The plugin's module imports no botocore, boto3 or moto (pytest's start pays for none)."""
    code = (
        "import sys, awsfacade.testing.plugin\n"
        "assert not {'botocore', 'boto3', 'moto'} & set(sys.modules), sys.modules.keys()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_moto_state_and_requests_patterns_across_tests(pytester: pytest.Pytester) -> None:
    """Each aws_session test starts from empty moto state, and moto still answers calls made
    with the requests library: in a test after another, and after a test's own ``mock_aws()``
    (whose exit empties the patterns the fixtures keep)."""
    pytester.makepyfile(
        """
        import requests
        from moto import mock_aws

        URL = "https://kept.s3.amazonaws.com/key"

        def test_first(aws_session):
            aws_session.client("s3").create_bucket(Bucket="kept")
            assert requests.put(URL, data=b"body", timeout=5).status_code == 200

        def test_second_sees_an_empty_moto(aws_session):
            assert aws_session.client("s3").list_buckets()["Buckets"] == []
            assert requests.put(URL, data=b"body", timeout=5).status_code == 404

        def test_own_mock(aws_credentials):
            with mock_aws():
                assert requests.put(URL, data=b"body", timeout=5).status_code == 404

        def test_after_own_mock(aws_session):
            aws_session.client("s3").create_bucket(Bucket="kept")
            assert requests.put(URL, data=b"again", timeout=5).status_code == 200
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--awsfacade-block-aws")
    result.assert_outcomes(passed=4)


def test_new_sessions_follow_changes_to_builtin_handlers() -> None:
    """new_session() copies a template of botocore's builtin handlers; a handler added to
    ``BUILTIN_HANDLERS`` after the template was made is in every Session made after it."""
    calls: list[str] = []

    def record(event_name: str, **kwargs: object) -> None:
        del kwargs
        calls.append(event_name)

    spec = ("awsfacade-test.probe", record)
    with fake_environment():
        new_session()  # builds the template, without the handler
        handlers.BUILTIN_HANDLERS.append(spec)
        try:
            new_session().events.emit("awsfacade-test.probe")
        finally:
            handlers.BUILTIN_HANDLERS.remove(spec)
        assert calls == ["awsfacade-test.probe"]
        new_session().events.emit("awsfacade-test.probe")
        assert calls == ["awsfacade-test.probe"], "the template kept a removed handler"


def test_moto_server_and_proxy_modes_get_motos_own_mock(monkeypatch: pytest.MonkeyPatch) -> None:
    """In moto's server or proxy test modes mocked_session() uses moto's own classes."""
    from moto import settings
    from moto.core.models import MockAWS, ServerModeMockAWS

    from awsfacade.testing._moto import new_mock

    assert type(new_mock()) is not MockAWS
    assert isinstance(new_mock(), MockAWS)
    monkeypatch.setattr(settings, "TEST_SERVER_MODE", True)
    assert type(new_mock()) is ServerModeMockAWS


def test_a_mocked_session_lets_the_previous_one_s_moto_objects_go() -> None:
    """moto keeps each model object it makes for its dashboard; a new mocked session lets go of
    the previous session's, so a run of many EC2 tests does not keep them all alive."""
    from moto.core.model_instances import model_data

    from awsfacade.ec2 import Ec2Service
    from awsfacade.testing import mocked_session

    def kept() -> int:
        classes = [model for models in model_data.values() for model in models.values()]
        return sum(len(getattr(model, "instances_tracked", ())) for model in classes)

    counts: list[int] = []
    for _ in range(3):
        with mocked_session() as session:
            Ec2Service(session).create_vpc(cidr_block="10.0.0.0/16")
            counts.append(kept())
    assert counts[0] > 0
    assert counts[2] == counts[1]  # not three tests' worth


def test_a_finished_mocked_session_leaves_no_moto_backend_alive() -> None:
    """The moto state of a mocked session goes with it, even where moto caches a model object
    for good (an instance's subnet), so a run of many tests does not keep every test's state."""
    from moto.core.models import DEFAULT_ACCOUNT_ID
    from moto.ec2.models import ec2_backends

    from awsfacade.ec2 import Ec2Service
    from awsfacade.testing import mocked_session

    with mocked_session() as session:
        Ec2Service(session).run(image_id="ami-12345678")
        backend = weakref.ref(ec2_backends[DEFAULT_ACCOUNT_ID]["us-east-1"])
    gc.collect()
    assert backend() is None
