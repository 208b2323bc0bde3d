"""`record()` and `replay()`: AWS's raw answers recorded once (here moto's HTTP server stands in
for AWS), then answered again with nothing listening; secrets and account ids never reach the
file; botocore's shipped examples replayed for an operation moto lacks; a miss names the
closest recorded request; a foreign file is refused before anything runs; the pytest fixture
and its --awsfacade-record option."""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeGuard

import attrs
import boto3.session
import botocore
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from moto.organizations.responses import OrganizationsResponse
from moto.server import ThreadedMotoServer
from support import http_answer

from awsfacade.ec2 import Ec2Service
from awsfacade.errors import AwsError, InvalidArgumentError
from awsfacade.fanout._clients import ORGANIZATIONS, STS
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service
from awsfacade.testing import (
    ReplayMissError,
    fake_environment,
    mocked_session,
    new_session,
    record,
    replay,
)

if TYPE_CHECKING:
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.model import OperationModel
    from mypy_boto3_organizations import OrganizationsClient
    from mypy_boto3_organizations.type_defs import DescribeHandshakeResponseTypeDef

IMAGE: Final = "ami-12345678"
MOTO_ACCOUNT: Final = "123456789012"
#: The placeholder of the first account id a recording meets.
FIRST_ACCOUNT: Final = "000000000001"


@pytest.fixture
def server() -> Iterator[ThreadedMotoServer]:
    """A moto HTTP server on a free loopback port, standing in for AWS; the test may stop it."""
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    try:
        yield moto
    finally:
        moto.stop()  # stopping twice is harmless


def url_of(server: ThreadedMotoServer) -> str:
    host, port = server.get_host_and_port()
    return f"http://{host}:{port}"


def placeholders(text: str) -> str:
    """``text`` with moto's account id written as a recording writes it."""
    return text.replace(MOTO_ACCOUNT, FIRST_ACCOUNT)


# -- record against a server, replay with nothing listening -------------------------------------


@attrs.frozen
class Seen:
    """What a user's code got from the facade."""

    models: tuple[object, ...]
    body: bytes


def user_code(session: boto3.session.Session, endpoint_url: str | None) -> Seen:
    """A user's test: EC2, S3, IAM and Route53 through the facade (Route53's zone gets a fresh
    CallerReference each run; RunInstances a fresh ClientToken)."""
    ec2 = Ec2Service(session, endpoint_url=endpoint_url)
    s3 = S3Service(session, endpoint_url=endpoint_url)
    iam = IamService(session, endpoint_url=endpoint_url)
    route53 = Route53Service(session, endpoint_url=endpoint_url)
    [launched] = ec2.run(image_id=IMAGE, tags={"Name": "web"})
    vpc = ec2.create_vpc(cidr_block="10.0.0.0/16")
    s3.create_bucket("reports")
    put = s3.put_object("reports", "a.txt", b"hello")
    user = iam.create_user("alice", tags={"team": "blue"})
    zone = route53.create_hosted_zone("example.com")
    return Seen(
        models=(
            launched,
            ec2.instance(launched.id),
            vpc,
            put,
            list(s3.objects("reports")),
            user,
            iam.user("alice"),
            zone,
            route53.hosted_zone(zone.id),
        ),
        body=s3.get_object("reports", "a.txt"),
    )


def test_a_recording_against_a_server_replays_to_equal_models(
    server: ThreadedMotoServer, tmp_path: Path
) -> None:
    """Recorded against moto's HTTP server, replayed with the server stopped and a fresh
    session: the facade returns equal models (account ids in their placeholders)."""
    path = tmp_path / "recording.json"
    with fake_environment():
        recording = new_session()
        with record(recording, path):
            recorded = user_code(recording, url_of(server))
    server.stop()

    with fake_environment():
        replaying = new_session()
        with replay(replaying, path):
            replayed = user_code(replaying, None)  # AWS's own endpoints: nothing is sent

    assert replayed.body == recorded.body == b"hello"
    assert repr(replayed.models) == placeholders(repr(recorded.models))
    without_accounts = [0, 1, 3, 4]  # the instances, the object put and listed
    assert [replayed.models[i] for i in without_accounts] == [
        recorded.models[i] for i in without_accounts
    ]
    text = path.read_text()
    assert json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n" == (
        text
    )
    assert '"CallerReference": "<any token>"' in text
    assert '"ClientToken": "<any token>"' in text


def test_handlers_act_on_that_session_in_the_block_and_the_facades_clients(
    tmp_path: Path,
) -> None:
    """A service's client made before the block is recorded; another session's and the
    session's after the block are not; a replayed session's request never reaches moto."""
    path = tmp_path / "recording.json"
    with mocked_session() as session:
        ec2 = Ec2Service(session)
        other = Ec2Service(new_session())
        assert list(ec2.vpcs())  # the client exists before the block
        with record(session, path):
            ec2.create_vpc(cidr_block="10.1.0.0/16")
            other.create_vpc(cidr_block="10.2.0.0/16")
        ec2.create_vpc(cidr_block="10.3.0.0/16")
        recorded = json.loads(path.read_text())["exchanges"]
        creates = [e["request"]["CidrBlock"] for e in recorded if e["operation"] == "CreateVpc"]
        assert creates == ["10.1.0.0/16"]

        with replay(session, path):  # moto's mock is on: the answer comes from the file
            ec2.create_vpc(cidr_block="10.1.0.0/16")
        cidrs = sorted(v.cidr_block for v in ec2.vpcs())
        assert cidrs.count("10.1.0.0/16") == 1  # moto carried out the recorded create only
        assert "10.3.0.0/16" in cidrs  # and the session sends as before after the block


# -- secrets and account ids --------------------------------------------------------------------

#: A sentinel per sensitive member the reliability suite knows (tests/reliability/
#: test_secrets.py's SENSITIVE and UNMARKED tables), given to AWS or put in its answer.
SENT: Final = {
    "ec2 RunInstances.UserData": "sentinel-user-data-r01",
    "ec2 CreateLaunchTemplate.LaunchTemplateData.UserData": "sentinel-template-data-r02",
    "rds CreateDBInstance.MasterUserPassword": "Sentinel-Password-r03",
    "rds CreateDBInstance.TdeCredentialPassword": "Sentinel-Tde-r04",
    "rds *.PendingModifiedValues.MasterUserPassword": "Sentinel-Pending-r05",
    "s3 GetBucketEncryption...KMSMasterKeyID": "sentinel-bucket-kms-r06",
    "s3 *.SSEKMSKeyId": "sentinel-object-kms-r07",
    "s3 *.SSEKMSEncryptionContext": "sentinel-context-r08",
    "s3 *.SSECustomerKey": "sentinel-customer-key-r09-32bytes",
    "s3 CopyObject.CopySourceSSECustomerKey": "sentinel-copy-key-r10-32-bytes!!",
    "organizations ListAccounts.Accounts[].Name": "sentinel-account-r11",
    "organizations ListAccounts.Accounts[].Email": "sentinel-r12@example.com",
}
#: Members botocore marks sensitive whose value moto makes up: read from the answers.
MADE_UP: Final = (
    "ec2 CreateKeyPair.KeyMaterial",
    "iam CreateAccessKey.AccessKey.SecretAccessKey",
    "sts AssumeRole.Credentials.SecretAccessKey",
    "sts AssumeRole.Credentials.SessionToken",
    "organizations DescribeOrganization.Organization.MasterAccountEmail",
)


def _put_in_answers(*, operation_model: OperationModel, response_dict: object, **_: object) -> None:
    """A ``before-parse`` hook ahead of the recorder's: AWS's answers with the members moto
    does not send (a pending master password, S3's KMS key id and encryption context)."""
    if not _is_dict(response_dict):
        return
    pending = SENT["rds *.PendingModifiedValues.MasterUserPassword"]
    body: object = response_dict.get("body")
    if operation_model.name.endswith("DBInstance") or operation_model.name == "DescribeDBInstances":
        assert isinstance(body, bytes)
        extra = f"<PendingModifiedValues><MasterUserPassword>{pending}</MasterUserPassword>"
        response_dict["body"] = re.sub(
            rb"<DBInstance>\s*", f"<DBInstance>{extra}</PendingModifiedValues>".encode(), body
        )
    headers = response_dict.get("headers")
    if operation_model.service_model.service_name == "s3" and _is_dict(headers):
        headers["x-amz-server-side-encryption-aws-kms-key-id"] = SENT["s3 *.SSEKMSKeyId"]
        headers["x-amz-server-side-encryption-context"] = SENT["s3 *.SSEKMSEncryptionContext"]


def _is_dict(value: object) -> TypeGuard[dict[str, object]]:
    return isinstance(value, dict)


def _base64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def secrets_code(session: boto3.session.Session) -> list[str]:
    """Calls that carry every sensitive member; returns the secrets moto made up."""
    ec2, rds = Ec2Service(session).client, RdsService(session).client
    s3, iam = S3Service(session).client, IamService(session).client
    sts = STS.get(session, region=None, endpoint_url=None, config=None)
    organizations = ORGANIZATIONS.get(session, region=None, endpoint_url=None, config=None)
    made_up: list[str] = []
    ec2.run_instances(
        ImageId=IMAGE, MinCount=1, MaxCount=1, UserData=SENT["ec2 RunInstances.UserData"]
    )
    ec2.create_launch_template(
        LaunchTemplateName="web",
        LaunchTemplateData={
            "UserData": _base64(SENT["ec2 CreateLaunchTemplate.LaunchTemplateData.UserData"])
        },
    )
    made_up.append(ec2.create_key_pair(KeyName="k")["KeyMaterial"])
    rds.create_db_instance(
        DBInstanceIdentifier="db1",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        MasterUsername="admin",
        MasterUserPassword=SENT["rds CreateDBInstance.MasterUserPassword"],
        TdeCredentialPassword=SENT["rds CreateDBInstance.TdeCredentialPassword"],
    )
    rds.describe_db_instances()
    rds.delete_db_instance(DBInstanceIdentifier="db1", SkipFinalSnapshot=True)
    s3.create_bucket(Bucket="vault")
    s3.put_bucket_encryption(
        Bucket="vault",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": SENT["s3 GetBucketEncryption...KMSMasterKeyID"],
                    }
                }
            ]
        },
    )
    s3.get_bucket_encryption(Bucket="vault")
    key = SENT["s3 *.SSECustomerKey"]
    s3.put_object(
        Bucket="vault", Key="a", Body=b"data", SSECustomerAlgorithm="AES256", SSECustomerKey=key
    )
    s3.head_object(Bucket="vault", Key="a", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
    s3.get_object(Bucket="vault", Key="a", SSECustomerAlgorithm="AES256", SSECustomerKey=key)[
        "Body"
    ].read()
    s3.copy_object(
        Bucket="vault",
        Key="b",
        CopySource={"Bucket": "vault", "Key": "a"},
        CopySourceSSECustomerAlgorithm="AES256",
        CopySourceSSECustomerKey=SENT["s3 CopyObject.CopySourceSSECustomerKey"],
    )
    upload = s3.create_multipart_upload(
        Bucket="vault", Key="c", SSEKMSEncryptionContext=SENT["s3 *.SSEKMSEncryptionContext"]
    )
    part = s3.upload_part(
        Bucket="vault", Key="c", UploadId=upload["UploadId"], PartNumber=1, Body=b"part"
    )
    s3.complete_multipart_upload(
        Bucket="vault",
        Key="c",
        UploadId=upload["UploadId"],
        MultipartUpload={"Parts": [{"ETag": part["ETag"], "PartNumber": 1}]},
    )
    # The account from an answer, not written in the code: replayed, it is the placeholder.
    account = sts.get_caller_identity()["Account"]
    iam.create_user(UserName="alice")
    access = iam.create_access_key(UserName="alice")["AccessKey"]
    made_up.append(access["SecretAccessKey"])
    credentials = sts.assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/reader", RoleSessionName="audit"
    )["Credentials"]
    made_up += [credentials["SecretAccessKey"], credentials["SessionToken"]]
    organizations.create_organization(FeatureSet="ALL")
    organizations.create_account(
        Email=SENT["organizations ListAccounts.Accounts[].Email"],
        AccountName=SENT["organizations ListAccounts.Accounts[].Name"],
    )
    organizations.list_accounts()
    made_up.append(
        organizations.describe_organization()["Organization"].get("MasterAccountEmail", "")
    )
    return made_up


def test_no_secret_and_no_account_id_reaches_the_file(tmp_path: Path) -> None:
    """Every sensitive member the reliability suite knows, in requests and answers (a sentinel
    given or put in AWS's answer, or the secret moto made up), and moto's account id, are in no
    form in the recording; and the redacted recording still replays."""
    path = tmp_path / "secrets.json"
    with mocked_session() as session:
        session.events.register_first("before-parse", _put_in_answers)
        with record(session, path):
            made_up = secrets_code(session)
    assert len(made_up) == len(MADE_UP)
    text = path.read_text()
    for secret in [*SENT.values(), *made_up]:
        for form in (secret, base64.b64encode(secret.encode()).decode()):
            assert form not in text, secret
    assert MOTO_ACCOUNT not in text
    assert FIRST_ACCOUNT in text
    assert "<MasterUserPassword>***</MasterUserPassword>" in text
    assert '"x-amz-server-side-encryption-aws-kms-key-id": "***"' in text

    with fake_environment():
        replaying = new_session()
        with replay(replaying, path):
            assert secrets_code(replaying) == ["***"] * len(MADE_UP)


def _signature_error(session_token: str, access_key: str) -> Callable[..., AWSResponse]:
    """S3's SignatureDoesNotMatch as AWS sends it: the access key id, and the canonical
    request with the session token's header line."""
    canonical = f"GET\n/\n\nhost:s3.amazonaws.com\nx-amz-security-token:{session_token}\n"
    body = (
        "<Error><Code>SignatureDoesNotMatch</Code><Message>no</Message>"
        f"<AWSAccessKeyId>{access_key}</AWSAccessKeyId>"
        f"<CanonicalRequest>{canonical}</CanonicalRequest></Error>"
    ).encode()

    def answer(*, request: AWSPreparedRequest, **_: object) -> AWSResponse:
        del request
        return http_answer("https://s3.invalid/", 403, body)

    return answer


def test_the_sessions_own_credentials_are_masked_wherever_they_appear(tmp_path: Path) -> None:
    """The recording session's access key, secret key and session token, echoed by AWS (S3's
    SignatureDoesNotMatch), are in no form in the file."""
    key, secret, token = (
        "AKIASENTINEL0000R13",
        "sentinel/secret/key/r14/0000000000000000",
        "FwoGZXIvYXdzEsentinelsessiontokenr15",
    )
    path = tmp_path / "credentials.json"
    with fake_environment():
        session = boto3.session.Session(
            aws_access_key_id=key,
            aws_secret_access_key=secret,
            aws_session_token=token,
            region_name="us-east-1",
        )
        # botocore-stubs type handlers as returning None; this one answers the request.
        session.events.register_first("before-send.s3", _signature_error(token, key))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        with record(session, path), pytest.raises(ClientError):
            S3Service(session, config=Config(retries={"max_attempts": 1})).client.list_buckets()
    text = path.read_text()
    for value in (key, secret, token):
        assert value not in text
    assert "SignatureDoesNotMatch" in text


# -- botocore's examples, for an operation moto lacks ------------------------------------------


def _example(service: str, operation: str) -> dict[str, object]:
    data = Path(botocore.__file__).parent / "data" / service
    [examples] = sorted(data.glob("*/examples-1.json"))[-1:]
    found: dict[str, object] = json.loads(examples.read_text())["examples"][operation][0]
    return found


def _organizations(session: boto3.session.Session) -> OrganizationsClient:
    return ORGANIZATIONS.get(session, region=None, endpoint_url=None, config=None)


def test_botocores_example_of_an_operation_moto_lacks_is_recorded_and_replayed(
    tmp_path: Path,
) -> None:
    """Organizations' DescribeHandshake, which moto does not implement, answered once with
    botocore's shipped example (AWS's documented answer), recorded, and replayed to the same
    parsed answer, its account ids in placeholders."""
    assert not hasattr(OrganizationsResponse, "describe_handshake")  # moto lacks it
    example = _example("organizations", "DescribeHandshake")
    request, output = example["input"], example["output"]
    assert isinstance(request, dict)
    body = json.dumps(output).encode()

    def aws(*, request: AWSPreparedRequest, **_: object) -> AWSResponse:
        del request
        json_type = {"content-type": "application/x-amz-json-1.1"}
        return http_answer("https://organizations.invalid/", 200, body, json_type)

    path = tmp_path / "handshake.json"
    with fake_environment():
        recording = new_session()
        # botocore-stubs type handlers as returning None; this one answers the request.
        recording.events.register_first("before-send.organizations", aws)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        with record(recording, path):
            received = _organizations(recording).describe_handshake(
                HandshakeId="h-examplehandshakeid111"
            )
        replaying = new_session()
        with replay(replaying, path):
            replayed = _organizations(replaying).describe_handshake(
                HandshakeId="h-examplehandshakeid111"
            )

    def masked(answer: DescribeHandshakeResponseTypeDef) -> str:
        """The answer as the recording keeps it: the account in its placeholder, the members
        Organizations' model marks sensitive (a party's id, a resource's value) masked."""
        text = repr(answer["Handshake"]).replace("111111111111", FIRST_ACCOUNT)
        return re.sub(r"'(Value|Id)': '(?!h-)[^']*'", r"'\1': '***'", text)

    assert repr(replayed["Handshake"]) == masked(received)
    handshake = replayed["Handshake"]
    assert (handshake.get("Id"), handshake.get("State")) == ("h-examplehandshakeid111", "OPEN")
    assert handshake.get("RequestedTimestamp") == received["Handshake"].get("RequestedTimestamp")
    assert [p.get("Id") for p in handshake.get("Parties", [])] == ["***", "***"]


# -- misses -------------------------------------------------------------------------------------


def _recorded_describes(path: Path) -> None:
    with mocked_session() as session:
        ec2 = Ec2Service(session)
        ids = [i.id for i in ec2.run(image_id=IMAGE, count=2)]
        with record(session, path):
            for instance_id in ids:
                ec2.instance(instance_id)


def _twice(ec2: Ec2Service, instance_id: str) -> ReplayMissError:
    """Read an instance twice; the second read's miss (it was recorded once)."""
    ec2.instance(instance_id)
    with pytest.raises(ReplayMissError) as missed:
        ec2.instance(instance_id)
    return missed.value


def test_a_miss_names_the_operation_and_the_closest_recorded_request(tmp_path: Path) -> None:
    """A request the recording lacks raises ReplayMissError, an AwsError, naming the operation
    and the recorded request closest to it; nothing is sent."""
    path = tmp_path / "describes.json"
    _recorded_describes(path)
    exchanges = json.loads(path.read_text())["exchanges"]
    first_id = exchanges[0]["request"]["InstanceIds"][0]
    with fake_environment():
        session = new_session()
        ec2 = Ec2Service(session)
        missed: list[ReplayMissError] = []
        with pytest.raises(ReplayMissError) as again, replay(session, path):
            missed.append(_twice(ec2, first_id))
    [error] = missed
    assert again.value is error  # caught inside the block, raised again at its end
    assert isinstance(error, AwsError)
    assert (error.service, error.operation) == ("ec2", "DescribeInstances")
    assert error.closest is not None
    assert first_id in error.closest
    assert "every answer is used" in str(error)

    with fake_environment():
        session = new_session()
        with pytest.raises(ReplayMissError) as other, replay(session, path):
            Ec2Service(session).instance("i-0000000000000000f")
    assert "differs at: InstanceIds[0]" in str(other.value)
    assert other.value.closest is not None
    assert "i-" in other.value.closest

    with fake_environment():
        session = new_session()
        with pytest.raises(ReplayMissError) as unknown, replay(session, path):
            list(Ec2Service(session).vpcs())
    assert "holds no DescribeVpcs request" in str(unknown.value)
    assert unknown.value.closest is None


def test_a_caught_miss_fails_the_block_when_it_ends(tmp_path: Path) -> None:
    """Code that swallows the miss (a broad ``except AwsError``) does not hide it."""
    path = tmp_path / "describes.json"
    _recorded_describes(path)
    with fake_environment():
        session = new_session()
        ec2 = Ec2Service(session)
        with pytest.raises(ReplayMissError), replay(session, path), suppress(AwsError):
            ec2.instance("i-0000000000000000f")


# -- bad input ----------------------------------------------------------------------------------


def _recording(exchanges: object, **top: object) -> str:
    return json.dumps(
        {"format": "awsfacade-recording", "version": 1, "exchanges": exchanges, **top}
    )


_OK_ANSWER: Final[dict[str, object]] = {
    "status": 200,
    "headers": {},
    "xml": ["<DescribeVpcsResponse/>"],
}

NO_LINES: Final[list[str]] = []
FOREIGN: Final = {
    "not JSON": "interactions:\n- request: {}\n",
    "a vcrpy cassette": json.dumps({"interactions": [], "version": 1}),
    "another version": _recording([], version=2),
    "no exchanges": json.dumps({"format": "awsfacade-recording", "version": 1}),
    "an unknown service": _recording(
        [{"service": "nope", "operation": "X", "response": _OK_ANSWER}]
    ),
    "an unknown operation": _recording(
        [{"service": "ec2", "operation": "DescribeNothing", "response": _OK_ANSWER}]
    ),
    "no status": _recording(
        [{"service": "ec2", "operation": "DescribeVpcs", "response": {"xml": NO_LINES}}]
    ),
    "two bodies": _recording(
        [
            {
                "service": "ec2",
                "operation": "DescribeVpcs",
                "response": {**_OK_ANSWER, "text": NO_LINES},
            }
        ]
    ),
    "bad base64": _recording(
        [
            {
                "service": "ec2",
                "operation": "DescribeVpcs",
                "response": {"status": 200, "base64": "%%"},
            }
        ]
    ),
}


@pytest.mark.parametrize("content", FOREIGN.values(), ids=FOREIGN.keys())
def test_a_foreign_or_corrupt_file_is_refused_before_anything_runs(
    tmp_path: Path, content: str
) -> None:
    """A file that is not a recording of this format and version is refused with
    InvalidArgumentError before the block runs."""
    path = tmp_path / "foreign.json"
    path.write_text(content)
    ran = False
    with fake_environment():
        session = new_session()
        with pytest.raises(InvalidArgumentError, match=r"foreign\.json"), replay(session, path):
            ran = True
    assert not ran


def test_a_missing_file_and_wrong_arguments_are_refused(tmp_path: Path) -> None:
    """A missing or unreadable recording, a non-session and a non-path are refused before the
    block runs."""
    with fake_environment():
        session = new_session()
        with (
            pytest.raises(InvalidArgumentError, match="--awsfacade-record"),
            replay(session, tmp_path / "missing.json"),
        ):
            pytest.fail("ran")
        with pytest.raises(InvalidArgumentError, match="cannot read"), replay(session, tmp_path):
            pytest.fail("ran")
        with (
            pytest.raises(InvalidArgumentError, match="boto3 Session"),
            record(
                object(),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type under test
                tmp_path / "r.json",
            ),
        ):
            pytest.fail("ran")
        with (
            pytest.raises(InvalidArgumentError, match="file path"),
            record(
                session,
                42,  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type under test
            ),
        ):
            pytest.fail("ran")


# -- the pytest fixture and --awsfacade-record -----------------------------------------------------

USER_TESTS: Final = """
from awsfacade.ec2 import Ec2Service


def test_launch(aws_replay_session):
    ec2 = Ec2Service(aws_replay_session)
    [instance] = ec2.run(image_id="ami-12345678", tags={"Name": "web"})
    assert ec2.instance(instance.id).name == "web"
    assert [v.cidr_block for v in ec2.vpcs()] == ["172.31.0.0/16"]
"""


def test_the_fixture_records_with_the_option_then_replays_without_aws(
    pytester: pytest.Pytester, server: ThreadedMotoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's suite: ``pytest --awsfacade-record`` against "AWS" (moto's server, through the
    environment's endpoint and credentials) writes one recording per test; with AWS gone, a
    plain run replays it and passes; a test changed to send another request fails with
    ReplayMissError naming the closest recorded one."""
    monkeypatch.setenv(
        "PYTHONPATH",
        os.pathsep.join(filter(None, [str(Path.cwd() / "src"), os.environ.get("PYTHONPATH")])),
    )
    for name, value in {
        "AWS_ENDPOINT_URL": url_of(server),
        "AWS_ACCESS_KEY_ID": "AKIASANDBOX000000001",
        "AWS_SECRET_ACCESS_KEY": "sandbox-secret-key-000000000000000000001",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "NO_PROXY": "127.0.0.1,localhost",
    }.items():
        monkeypatch.setenv(name, value)
    pytester.makepyfile(test_user=USER_TESTS)

    recorded = pytester.runpytest_subprocess("--awsfacade-record", "-p", "no:cacheprovider")
    recorded.assert_outcomes(passed=1)
    recording = pytester.path / "recordings" / "test_user" / "test_launch.json"
    text = recording.read_text()
    assert "sandbox-secret-key" not in text
    assert "AKIASANDBOX" not in text

    server.stop()
    monkeypatch.delenv("AWS_ENDPOINT_URL")
    replayed = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    replayed.assert_outcomes(passed=1)

    pytester.makepyfile(
        test_user=USER_TESTS.replace('"Name": "web"', '"Name": "api"').replace(
            '== "web"', '== "api"'
        )
    )
    changed = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(
        ["*ReplayMissError: no recorded answer for ec2 RunInstances*", "*closest:*web*"]
    )
