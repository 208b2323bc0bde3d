"""`Realism(faults=[Fault(...)])`: an operation fails as AWS fails it (its error code, its HTTP
status, never reaching the backend), or is carried out and its answer lost; botocore's retries
and the facade survive what they should, and a user's naive code does not."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import botocore.parsers
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import AccessDeniedError, InvalidArgumentError, ServiceError, ThrottledError
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.testing import Fault, Realism, mocked_session
from awsfacade.testing._wire import REQUEST_ID, UNSERVED, error_answer, status_of

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSPreparedRequest

IMAGE = "ami-12345678"
#: botocore's standard retry mode: three attempts in all.
STANDARD_ATTEMPTS = 3
ONE_ATTEMPT = Config(retries={"mode": "standard", "total_max_attempts": 1})
STANDARD = Config(retries={"mode": "standard"})


@pytest.fixture(autouse=True)
def instant_back_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """botocore's back-off between attempts, not slept."""

    def no_sleep(seconds: float) -> None:
        del seconds

    monkeypatch.setattr("botocore.endpoint.time.sleep", no_sleep)


@contextmanager
def faulted(*faults: Fault) -> Generator[Session, None, None]:
    """A mocked session with ``faults``."""
    with mocked_session(realism=Realism(faults=faults)) as session:
        yield session


class Attempts:
    """A ``before-send`` hook after every other: the attempts sent, and those that reached
    moto (not pointed away by a fault)."""

    def __init__(self) -> None:
        self.sent = 0
        self.reached = 0

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> None:
        self.sent += 1
        if request.url != UNSERVED:
            self.reached += 1


def code_and_status(error: ClientError) -> tuple[str, int]:
    """AWS's error code and the HTTP status of the answer botocore raised ``error`` for."""
    answer = error.response
    code = answer.get("Error", {}).get("Code", "")
    return code, answer.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)


def attempts(session: Session, event: str) -> Attempts:
    """Count the attempts of ``event`` (``ec2.DescribeInstances``) on ``session``'s clients
    made from now on."""
    hook = Attempts()
    session.events.register_last(f"before-send.{event}", hook)
    return hook


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.aws_realism(Realism(faults=[Fault("DescribeInstances", times=2)]))
def test_throttling_within_the_retries_is_survived(aws_session: Session) -> None:
    """Two throttled attempts: the facade's listing and a user's raw client with standard
    retries each get the answer, the failed attempts never reaching moto."""
    count = attempts(aws_session, "ec2.DescribeInstances")
    ec2 = Ec2Service(aws_session)
    [made] = ec2.run(image_id=IMAGE)

    assert [instance.id for instance in ec2.instances()] == [made.id]
    assert (count.sent, count.reached) == (STANDARD_ATTEMPTS, 1)
    raw = Ec2Service(aws_session, config=STANDARD).client
    assert raw.describe_instances()["Reservations"]  # the fault is spent: one attempt
    assert (count.sent, count.reached) == (STANDARD_ATTEMPTS + 1, 2)


def test_throttling_past_the_retries_surfaces_with_aws_code_and_status() -> None:
    """Throttled on more attempts than botocore makes: the facade raises ThrottledError with
    EC2's code, a raw client botocore's ClientError with HTTP 503, as EC2 sends it."""
    fault = Fault("DescribeInstances", error="RequestLimitExceeded", times=STANDARD_ATTEMPTS * 2)
    with faulted(fault) as session:
        count = attempts(session, "ec2.DescribeInstances")
        with pytest.raises(ThrottledError) as raised:
            list(Ec2Service(session).instances())
        assert (raised.value.code, raised.value.operation) == (
            "RequestLimitExceeded",
            "DescribeInstances",
        )
        with pytest.raises(ClientError) as failed:
            Ec2Service(session, config=STANDARD).client.describe_instances()
        assert code_and_status(failed.value) == ("RequestLimitExceeded", 503)
        assert (count.sent, count.reached) == (STANDARD_ATTEMPTS * 2, 0)
        # The fault is spent: the next call is answered.
        assert Ec2Service(session).client.describe_instances()["Reservations"] == []


def test_a_5xx_is_retried_and_keeps_its_code_when_it_persists() -> None:
    """InternalError (HTTP 500) on IAM's query protocol: past botocore's attempts a
    ServiceError with AWS's code; one failure left is retried (botocore retries a 5xx) and
    the listing answered."""
    with faulted(Fault("ListUsers", error="InternalError", times=STANDARD_ATTEMPTS + 2)) as session:
        iam = IamService(session)
        with pytest.raises(ServiceError) as raised:
            list(iam.users())
        assert raised.value.code == "InternalError"
        with pytest.raises(ClientError) as failed:
            IamService(session, config=ONE_ATTEMPT).client.list_users()
        assert code_and_status(failed.value)[1] == 500
        assert list(iam.users()) == []  # one failure left: retried, then answered


def test_a_documented_code_that_is_not_retried_fails_at_once() -> None:
    """UnauthorizedOperation: botocore does not retry it, the facade raises AccessDeniedError
    after one attempt, and the next call is answered."""
    with faulted(Fault("DescribeVpcs", error="UnauthorizedOperation")) as session:
        count = attempts(session, "ec2.DescribeVpcs")
        ec2 = Ec2Service(session)
        with pytest.raises(AccessDeniedError) as raised:
            list(ec2.vpcs())
        assert raised.value.code == "UnauthorizedOperation"
        assert count.sent == 1
        assert len(list(ec2.vpcs())) == 1  # moto's default VPC


def test_faults_of_one_operation_apply_in_order() -> None:
    """Two faults for ListUsers: one attempt each, in the order given, then answers."""
    faults = (Fault("ListUsers"), Fault("ListUsers", error="ServiceUnavailable", times=2))
    with faulted(*faults) as session:
        raw = IamService(session, config=ONE_ATTEMPT).client
        seen: list[tuple[str, int]] = []
        for _ in range(3):
            with pytest.raises(ClientError) as failed:
                raw.list_users()
            seen.append(code_and_status(failed.value))
        assert seen == [
            ("Throttling", 400),
            ("ServiceUnavailable", 503),
            ("ServiceUnavailable", 503),
        ]
        assert raw.list_users()["Users"] == []


def test_a_fault_acts_on_its_own_session_only() -> None:
    """A session without faults, made alongside, is answered at once."""
    with faulted(Fault("ListUsers", times=9)) as faulty, pytest.raises(ClientError):
        IamService(faulty, config=ONE_ATTEMPT).client.list_users()
    with mocked_session() as plain:
        assert IamService(plain, config=ONE_ATTEMPT).client.list_users()["Users"] == []


def test_a_service_prefix_limits_the_fault_to_that_service() -> None:
    """``"rds:ListTagsForResource"`` fails RDS's call and leaves Route53's alone; a bare name
    acts on whichever service's client calls it."""
    with faulted(Fault("rds:ListTagsForResource", error="InternalFailure")) as session:
        zone = Route53Service(session).create_hosted_zone("example.com")
        route53 = Route53Service(session, config=ONE_ATTEMPT).client
        route53.list_tags_for_resource(ResourceType="hostedzone", ResourceId=zone.id)
        with pytest.raises(ClientError) as failed:
            RdsService(session, config=ONE_ATTEMPT).client.list_tags_for_resource(
                ResourceName="arn:aws:rds:us-east-1:123456789012:db:none"
            )
        assert code_and_status(failed.value)[1] == 500
    with faulted(Fault("ListTagsForResource")) as session:
        with pytest.raises(ClientError) as throttled:
            Route53Service(session, config=ONE_ATTEMPT).client.list_tags_for_resource(
                ResourceType="hostedzone", ResourceId="Z1"
            )
        assert code_and_status(throttled.value) == ("Throttling", 400)


# -- lost answers ---------------------------------------------------------------------------


def test_a_launch_whose_answer_is_lost_launches_once() -> None:
    """RunInstances carried out and its answer lost twice: botocore's retries repeat the
    ClientToken it generated, EC2 answers it with the first launch, and Ec2Service.run, like a
    raw run_instances given no token, ends with one instance, the one returned."""
    lost = Fault("RunInstances", lose_answer=True, times=2)
    with faulted(lost) as session:
        count = attempts(session, "ec2.RunInstances")
        ec2 = Ec2Service(session)
        [made] = ec2.run(image_id=IMAGE)
        assert [instance.id for instance in ec2.instances()] == [made.id]
        # Two attempts lost (their connection closed before this hook), the third answered
        # from EC2's memory of the token, not carried out again.
        assert (count.sent, count.reached) == (1, 0)
    with faulted(lost) as session:
        raw = Ec2Service(session, config=STANDARD).client
        launched = raw.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1)
        [other] = [instance.get("InstanceId") for instance in launched.get("Instances", [])]
        assert [instance.id for instance in Ec2Service(session).instances()] == [other]


def test_a_create_without_token_is_made_again_by_a_raw_retry_not_by_the_facade() -> None:
    """CreateVpc has no idempotency token: a raw client's retry makes a second VPC, as on
    AWS; Ec2Service.create_vpc does not retry it and returns the one it made."""
    fault = Fault("CreateVpc", lose_answer=True)
    with faulted(fault) as session:
        raw = Ec2Service(session, config=STANDARD).client
        raw.create_vpc(CidrBlock="10.1.0.0/16")
        blocks = [vpc.get("CidrBlock") for vpc in raw.describe_vpcs()["Vpcs"]]
        assert blocks.count("10.1.0.0/16") == 2
    with faulted(fault) as session:
        ec2 = Ec2Service(session)
        made = ec2.create_vpc(cidr_block="10.1.0.0/16")
        assert [vpc.id for vpc in ec2.vpcs(filters={"cidr": ["10.1.0.0/16"]})] == [made.id]


def test_a_zone_whose_answer_is_lost_is_made_once() -> None:
    """CreateHostedZone's answer lost: the retry repeats the CallerReference, Route53 answers
    HostedZoneAlreadyExists (moto would make a second zone), and the facade returns the one
    zone."""
    with faulted(Fault("CreateHostedZone", lose_answer=True)) as session:
        route53 = Route53Service(session)
        zone = route53.create_hosted_zone("example.com")
        assert [found.id for found in route53.hosted_zones()] == [zone.id]
        with pytest.raises(ClientError) as repeated:
            Route53Service(session).client.create_hosted_zone(
                Name="example.com", CallerReference=zone.caller_reference
            )
        assert code_and_status(repeated.value) == ("HostedZoneAlreadyExists", 409)


# -- the wire, every protocol -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "protocol"),
    [
        ("ec2", "ec2"),
        ("iam", "query"),
        ("s3", "rest-xml"),
        ("route53", "rest-xml"),
        ("dynamodb", "json"),
        ("sqs", "json"),  # awsQueryCompatible: the code also in x-amzn-query-error
        ("lambda", "rest-json"),
        ("assurance", "smithy-rpc-v2-cbor"),
    ],
)
def test_botocore_reads_the_error_answer_of_every_protocol(service: str, protocol: str) -> None:
    """error_answer's body and headers, parsed by botocore's parser for the service's
    protocol, give back AWS's code, message, status and request id."""
    model = botocore.session.get_session().get_service_model(service)
    assert model.resolved_protocol == protocol
    answer = error_answer(model, "ThrottlingException", message="Rate exceeded")
    parsed = botocore.parsers.create_parser(protocol).parse(
        {"status_code": answer.status_code, "headers": answer.headers, "body": answer.content},
        model.shape_for(model.shape_names[0]),  # any shape: an error answer is read alike
    )
    assert parsed["Error"]["Code"] == "ThrottlingException"
    assert parsed["Error"]["Message"] == "Rate exceeded"
    status = parsed["ResponseMetadata"]["HTTPStatusCode"]
    assert status == status_of(model, "ThrottlingException") == answer.status_code
    assert parsed["ResponseMetadata"]["RequestId"] == REQUEST_ID


# -- the HTTP status rule and bad input --------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "code", "status"),
    [
        ("s3", "NoSuchBucket", 404),  # stated by S3's model
        ("iam", "EntityAlreadyExists", 409),  # the model's error code, not its shape's name
        ("ec2", "RequestLimitExceeded", 503),  # EC2 states none: AWS's known ones
        ("iam", "Throttling", 400),
        ("lambda", "TooManyRequestsException", 429),
        ("ec2", "InvalidVpcID.NotFound", 400),  # anything else: a client error
    ],
)
def test_the_http_status_is_the_models_then_aws_known_ones(
    service: str, code: str, status: int
) -> None:
    """status_of reads the model's error shapes first, then AWS's known statuses, then 400."""
    assert status_of(botocore.session.get_session().get_service_model(service), code) == status


@pytest.mark.parametrize(
    ("operation", "says"),
    [
        ("DescribeInstanses", "closest: DescribeInstances"),
        ("ec2:ListBuckets", "ec2 has no operation 'ListBuckets'; it is an operation of s3"),
        ("ecc2:DescribeInstances", "names no service botocore knows: 'ecc2'"),
    ],
)
def test_an_operation_no_service_has_is_refused_before_any_request(
    operation: str, says: str
) -> None:
    """An unknown operation, an operation of another service, an unknown service: refused
    when the session is made, naming the closest known names."""
    with (
        pytest.raises(InvalidArgumentError, match=says),
        mocked_session(realism=Realism(faults=[Fault(operation)])),
    ):
        pytest.fail("the session was made")  # pragma: no cover


@pytest.mark.parametrize("times", [0, -1, True, "2"])
def test_times_below_one_is_refused(times: object) -> None:
    """``times`` must be an int of at least 1."""
    with pytest.raises(InvalidArgumentError, match="times"):
        Fault("ListUsers", times=times)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type on purpose


# -- a user's module --------------------------------------------------------------------------

USER_MODULE = """
import boto3
import pytest
from botocore.config import Config
from awsfacade.testing import Fault, Realism

def count_instances(session: boto3.Session, config: Config) -> int:
    ec2 = session.client("ec2", config=config)
    return sum(len(r["Instances"]) for r in ec2.describe_instances()["Reservations"])

@pytest.mark.aws_realism(Realism(faults=[Fault("DescribeInstances", error="{code}")]))
def test_counts_instances(aws_session):
    assert count_instances(aws_session, {config}) == 0
"""


@pytest.mark.parametrize(
    ("code", "config", "passed"),
    [
        ("RequestLimitExceeded", "Config(retries={'mode': 'standard'})", True),
        ("RequestLimitExceeded", "Config(retries={'total_max_attempts': 1})", False),
        ("InternalError", "Config(retries={'mode': 'standard'})", True),
        ("InternalError", "Config(retries={'total_max_attempts': 1})", False),
    ],
    ids=["throttled-retried", "throttled-no-retries", "500-retried", "500-no-retries"],
)
def test_a_users_code_without_retries_fails_under_a_fault(
    pytester: pytest.Pytester, code: str, config: str, passed: bool
) -> None:
    """A user's module that reads once with botocore's retries off fails under a throttling or
    5xx fault; with botocore's standard retries it passes."""
    pytester.makepyfile(USER_MODULE.replace("{code}", code).replace("{config}", config))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1 if passed else 0, failed=0 if passed else 1)
    if not passed:
        result.stdout.fnmatch_lines([f"*({code})*DescribeInstances*"])


def test_the_naive_users_code_passes_without_the_fault(pytester: pytest.Pytester) -> None:
    """Without the marker the same naive module passes: only the fault shows its flaw."""
    module = USER_MODULE.replace("{code}", "Throttling").replace(
        "{config}", "Config(retries={'total_max_attempts': 1})"
    )
    pytester.makepyfile(module.replace("@pytest.mark.aws_realism", "# "))
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
