"""The pytest plugin (``awsfacade.testing``), run inside throwaway pytest sessions.

Each test writes a small test module into ``pytester``'s temporary directory, which has no
``conftest.py``: every fixture used there comes from the ``pytest11`` entry point. Runs whose
outcome depends on the environment or on import order go to a subprocess; the rest run in
process, which is several times faster.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

# The environment variables a developer's shell may carry and the fixtures must hide.
_REAL_PROFILE = "production-admin"
_REAL_KEY_ID = "AKIAREALKEYDONOTUSE1"


def _python(code: str, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (the virtualenv's) and capture its output."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_entry_point_names_the_plugin_module() -> None:
    """The package registers ``awsfacade.testing.plugin`` under pytest's ``pytest11`` group."""
    plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert plugins.get("awsfacade") == "awsfacade.testing.plugin"


def test_fixtures_exist_without_conftest(pytester: pytest.Pytester) -> None:
    """aws_credentials, aws_region, aws_session and the service fixtures resolve with no
    conftest, every service on the one mocked session."""
    pytester.makepyfile(
        """
        import boto3.session
        from awsfacade.ec2 import Ec2Service
        from awsfacade.autoscaling import AutoScalingService
        from awsfacade.iam import IamService
        from awsfacade.rds import RdsService
        from awsfacade.route53 import Route53Service
        from awsfacade.s3 import S3Service

        def test_fixtures(
            aws_credentials,
            aws_region,
            aws_session,
            ec2_service,
            s3_service,
            iam_service,
            rds_service,
            autoscaling_service,
            route53_service,
            request,
        ):
            assert aws_credentials is None
            assert aws_region == "us-east-1"
            assert isinstance(aws_session, boto3.session.Session)
            assert isinstance(ec2_service, Ec2Service)
            assert isinstance(s3_service, S3Service)
            assert isinstance(iam_service, IamService)
            assert isinstance(rds_service, RdsService)
            assert isinstance(autoscaling_service, AutoScalingService)
            assert isinstance(route53_service, Route53Service)
            assert route53_service.client.meta.endpoint_url == "https://route53.amazonaws.com"
            assert s3_service.client.meta.region_name == "us-east-1"
            assert request.config.pluginmanager.hasplugin("awsfacade")
        """
    )
    assert not list(pytester.path.glob("**/conftest.py"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_fixtures_are_listed_by_pytest_fixtures(pytester: pytest.Pytester) -> None:
    """``pytest --fixtures`` shows the plugin's fixtures with their docstrings."""
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = pytester.runpytest("--fixtures", "-p", "no:cacheprovider")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*fixtures defined from awsfacade.testing.plugin*"])
    fixtures = (
        "aws_region",
        "aws_credentials",
        "aws_session",
        "ec2_service",
        "s3_service",
        "iam_service",
        "rds_service",
        "autoscaling_service",
        "route53_service",
    )
    for name in fixtures:  # pytest orders them by its own rules
        result.stdout.fnmatch_lines([f"{name} -- *awsfacade/testing/plugin.py:*", "    *?*"])


def test_ec2_service_runs_instances(pytester: pytest.Pytester) -> None:
    """A test using ec2_service can run, list and terminate instances on moto."""
    pytester.makepyfile(
        """
        from awsfacade.ec2 import InstanceState

        def test_run(ec2_service):
            launched = ec2_service.run(image_id="ami-12345678", count=2, tags={"Name": "web"})
            assert len(launched) == 2
            listed = list(ec2_service.instances(tags={"Name": "web"}))
            assert sorted(i.id for i in listed) == sorted(i.id for i in launched)
            assert all(i.name == "web" for i in listed)
            ec2_service.terminate([launched[0].id])
            assert ec2_service.instance(launched[0].id).state in (
                InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED
            )
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_moto_state_is_fresh_for_each_test(pytester: pytest.Pytester) -> None:
    """A VPC created in one test is gone in the next, and so are its instances."""
    pytester.makepyfile(
        """
        def test_first_creates(ec2_service):
            ec2_service.create_vpc(cidr_block="10.42.0.0/16", tags={"made-by": "first"})
            ec2_service.run(image_id="ami-12345678")
            assert [v.cidr_block for v in ec2_service.vpcs(tags={"made-by": "first"})] == [
                "10.42.0.0/16"
            ]

        def test_second_sees_nothing(ec2_service):
            assert list(ec2_service.vpcs(tags={"made-by": "first"})) == []
            assert [v.is_default for v in ec2_service.vpcs()] == [True]
            assert list(ec2_service.instances()) == []

        def test_third_on_raw_session_sees_nothing(aws_session):
            client = aws_session.client("ec2")
            vpcs = client.describe_vpcs()["Vpcs"]
            assert [v["CidrBlock"] for v in vpcs if not v["IsDefault"]] == []
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_aws_region_marker_sets_the_session_region(pytester: pytest.Pytester) -> None:
    """``@pytest.mark.aws_region("eu-west-1")`` moves the session and its services there."""
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.aws_region("eu-west-1")
        def test_marked(aws_region, aws_session, ec2_service):
            assert aws_region == "eu-west-1"
            assert aws_session.region_name == "eu-west-1"
            assert ec2_service.client.meta.region_name == "eu-west-1"
            subnet = next(ec2_service.subnets())
            assert subnet.availability_zone.startswith("eu-west-1")

        @pytest.mark.aws_region(name="ap-southeast-2")
        def test_keyword(aws_session):
            assert aws_session.region_name == "ap-southeast-2"

        @pytest.mark.aws_region("eu-west-1")
        class TestOnClass:
            def test_inherited(self, aws_session):
                assert aws_session.region_name == "eu-west-1"

        def test_default(aws_session, ec2_service):
            assert aws_session.region_name == "us-east-1"
            assert ec2_service.client.meta.region_name == "us-east-1"
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(passed=4)


def test_aws_region_marker_without_a_region_is_a_usage_error(pytester: pytest.Pytester) -> None:
    """A bare ``@pytest.mark.aws_region`` fails the test's setup and says how to use it."""
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.aws_region
        def test_bare(aws_session):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(['*use @pytest.mark.aws_region("eu-west-1")*'])


def test_environment_is_fake_inside_and_restored_after(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the fixtures no real profile, key or AWS file is visible; after them all is back."""
    monkeypatch.setenv("AWS_PROFILE", _REAL_PROFILE)
    monkeypatch.setenv("AWS_DEFAULT_PROFILE", _REAL_PROFILE)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", _REAL_KEY_ID)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/home/someone/.aws/config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/home/someone/.aws/credentials")
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    pytester.makepyfile(
        f"""
        import os

        FAKE_KEYS = ("testing",)

        def _assert_fake():
            assert os.environ["AWS_ACCESS_KEY_ID"] in FAKE_KEYS
            assert os.environ["AWS_SESSION_TOKEN"] == "testing"
            assert "AWS_PROFILE" not in os.environ
            assert "AWS_DEFAULT_PROFILE" not in os.environ
            assert os.environ["AWS_CONFIG_FILE"] == os.devnull
            assert os.environ["AWS_SHARED_CREDENTIALS_FILE"] == os.devnull
            assert os.environ["HTTPS_PROXY"].startswith("http://127.0.0.1:")

        def test_credentials(aws_credentials):
            _assert_fake()
            assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
            assert os.environ["AWS_SECRET_ACCESS_KEY"] == "testing"

        def test_session(aws_session):
            _assert_fake()
            assert aws_session.profile_name == "default"
            creds = aws_session.get_credentials().get_frozen_credentials()
            assert creds.access_key == "testing"

        def test_service(ec2_service):
            _assert_fake()

        def test_after_fixtures_everything_is_restored():
            assert os.environ["AWS_PROFILE"] == {_REAL_PROFILE!r}
            assert os.environ["AWS_DEFAULT_PROFILE"] == {_REAL_PROFILE!r}
            assert os.environ["AWS_ACCESS_KEY_ID"] == {_REAL_KEY_ID!r}
            assert os.environ["AWS_CONFIG_FILE"] == "/home/someone/.aws/config"
            assert "AWS_SECRET_ACCESS_KEY" not in os.environ or (
                os.environ["AWS_SECRET_ACCESS_KEY"] != "testing"
            )
            assert "HTTPS_PROXY" not in os.environ
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_environment_is_restored_when_a_test_fails(pytester: pytest.Pytester) -> None:
    """A failing test and a test that changes the environment still leave it as it was."""
    pytester.makepyfile(
        """
        import os

        def _environ():
            return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}

        BEFORE = _environ()

        def test_fails(aws_session):
            os.environ["AWS_ACCESS_KEY_ID"] = "changed-by-test"
            os.environ["SOMETHING_NEW"] = "1"
            raise AssertionError("boom")

        def test_environment_is_as_before():
            assert _environ() == BEFORE
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)


def test_unanswered_requests_cannot_reach_aws(pytester: pytest.Pytester) -> None:
    """A request moto does not match goes to the closed loopback proxy and fails to connect."""
    pytester.makepyfile(
        """
        import pytest
        from botocore.config import Config
        from botocore.exceptions import ClientError, ProxyConnectionError

        from awsfacade.ec2 import Ec2Service
        from awsfacade.errors import AwsError, ClientSideError
        from awsfacade.testing import UNREACHABLE_PROXY

        ONE_TRY = Config(retries={"total_max_attempts": 1}, connect_timeout=5)

        def test_unimplemented_service_is_answered_by_moto_not_aws(aws_session):
            # moto answers every *.amazonaws.com URL it has no backend for with a 404.
            client = aws_session.client("apprunner", config=ONE_TRY)
            with pytest.raises(ClientError) as caught:
                client.list_services()
            assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404

        def test_dualstack_endpoint_goes_to_the_dead_proxy(aws_session):
            # ec2.us-east-1.api.aws is not an amazonaws.com URL: moto lets it through.
            client = aws_session.client(
                "ec2", config=ONE_TRY.merge(Config(use_dualstack_endpoint=True))
            )
            assert client.meta.endpoint_url == "https://ec2.us-east-1.api.aws"
            with pytest.raises(ProxyConnectionError, match=UNREACHABLE_PROXY):
                client.describe_vpcs()

        def test_foreign_endpoint_goes_to_the_dead_proxy(aws_session):
            client = aws_session.client(
                "sts", endpoint_url="https://sts.example.com", config=ONE_TRY
            )
            with pytest.raises(ProxyConnectionError, match=UNREACHABLE_PROXY):
                client.get_caller_identity()

        def test_facade_reports_it_as_a_client_side_error(aws_session):
            ec2 = Ec2Service(aws_session, endpoint_url="https://ec2.example.com", config=ONE_TRY)
            with pytest.raises(ClientSideError) as caught:
                list(ec2.vpcs())
            assert isinstance(caught.value, AwsError)
            assert isinstance(caught.value.__cause__, ProxyConnectionError)
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_environment_under_aws_session_holds_fake_credentials(pytester: pytest.Pytester) -> None:
    """Under aws_session os.environ holds exactly FAKE_CREDENTIALS, the session's own keys."""
    pytester.makepyfile(
        """
        import os
        from awsfacade.testing import FAKE_CREDENTIALS

        def test_environment(aws_session):
            for name, value in FAKE_CREDENTIALS.items():
                assert os.environ[name] == value, name
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_service_endpoint_variables_do_not_leak_into_the_mock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Endpoint settings from the outer shell (AWS_ENDPOINT_URL_EC2, FIPS, dualstack) are hidden."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_USE_FIPS_ENDPOINT", "true")
    monkeypatch.setenv("AWS_USE_DUALSTACK_ENDPOINT", "true")
    pytester.makepyfile(
        """
        def test_endpoint(ec2_service):
            assert ec2_service.client.meta.endpoint_url == "https://ec2.us-east-1.amazonaws.com"
            assert [v.is_default for v in ec2_service.vpcs()] == [True]
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_thirty_tests_using_ec2_service_all_pass(pytester: pytest.Pytester) -> None:
    """Thirty tests each get a working, isolated ec2_service (timed in benchmarks/, not here)."""
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.parametrize("n", range(30))
        def test_each(ec2_service, n):
            vpc = ec2_service.create_vpc(cidr_block=f"10.{n}.0.0/16")
            assert [v.id for v in ec2_service.vpcs() if not v.is_default] == [vpc.id]
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=30)


def test_mocked_session_works_outside_pytest() -> None:
    """In a plain script, mocked_session() gives a moto-backed session and restores os.environ."""
    env = {
        **os.environ,
        "AWS_PROFILE": _REAL_PROFILE,
        "AWS_ACCESS_KEY_ID": _REAL_KEY_ID,
        "REAL_KEY": _REAL_KEY_ID,
    }
    env.pop("PYTEST_CURRENT_TEST", None)
    done = _python(
        """
        import os
        from awsfacade.ec2 import Ec2Service
        from awsfacade.testing import mocked_session

        before = dict(os.environ)
        with mocked_session(region="eu-central-1") as session:
            assert "AWS_PROFILE" not in os.environ
            assert os.environ["AWS_ACCESS_KEY_ID"] != os.environ.get("REAL_KEY")
            assert session.get_credentials().get_frozen_credentials().access_key == "testing"
            assert session.region_name == "eu-central-1"
            ec2 = Ec2Service(session)
            [instance] = ec2.run(image_id="ami-12345678")
            assert [i.id for i in ec2.instances()] == [instance.id]
            assert instance.availability_zone.startswith("eu-central-1")
        assert dict(os.environ) == before
        with mocked_session() as session:
            assert list(Ec2Service(session).instances()) == [], "state was not reset"
        assert dict(os.environ) == before
        print("ok", os.environ["AWS_PROFILE"])
        """,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok", _REAL_PROFILE]


def test_without_moto_the_module_imports_and_mocked_session_explains() -> None:
    """With moto not importable, awsfacade.testing imports and mocked_session names the extra."""
    done = _python(
        """
        import sys
        sys.modules["moto"] = None  # makes `import moto` fail as if it were not installed

        import awsfacade.testing
        from awsfacade.errors import AwsError

        assert "moto" in sys.modules and sys.modules["moto"] is None
        try:
            with awsfacade.testing.mocked_session():
                pass
        except AwsError as error:
            print("AwsError:", error)
        else:
            raise SystemExit("mocked_session() did not raise")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("AwsError:")
    assert "awsfacade[testing]" in done.stdout


def test_without_moto_pytest_starts_and_loads_the_plugin(pytester: pytest.Pytester) -> None:
    """Without moto, pytest still starts with the plugin; aws_session then fails with the hint."""
    pytester.makepyfile(
        """
        import pytest
        from awsfacade.errors import AwsError

        def test_plugin_loaded(request, aws_region):
            assert request.config.pluginmanager.hasplugin("awsfacade")
            assert aws_region == "us-east-1"

        def test_session_needs_moto(request):
            with pytest.raises(AwsError, match=r"awsfacade\\[testing\\]"):
                request.getfixturevalue("aws_session")
        """
    )
    done = _python(
        f"""
        import sys
        sys.modules["moto"] = None
        import pytest
        raise SystemExit(pytest.main(["-p", "no:cacheprovider", "-q", {str(pytester.path)!r}]))
        """
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


def test_fixtures_imported_into_a_conftest_work_with_the_plugin_disabled(
    pytester: pytest.Pytester,
) -> None:
    """With ``-p no:awsfacade``, a suite that imports the fixtures into its conftest gets
    working fixtures; the garbage collector is not frozen, as no run of the plugin would
    unfreeze it."""
    pytester.makeconftest("from awsfacade.testing.plugin import *  # noqa: F403\n")
    pytester.makepyfile(
        """
        import gc

        def test_first(ec2_service):
            assert [v.is_default for v in ec2_service.vpcs()] == [True]

        def test_second(ec2_service):
            assert [v.is_default for v in ec2_service.vpcs()] == [True]
            assert gc.get_freeze_count() == 0
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:awsfacade")
    result.assert_outcomes(passed=2)
