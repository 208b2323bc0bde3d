"""A create whose answer is lost ends with exactly one resource, returned to the caller.

AWS carries the first attempt out, then its answer never comes (the connection closes before
botocore reads it, or a 5xx comes instead): faults_support.LoseFirstAnswer. What botocore's
retry then meets decides the cure (awsfacade._create):

- an idempotency token (RunInstances, CreateLaunchTemplate, CreateVolume: ``ClientToken``,
  which botocore generates once a call): AWS answers the retry with the first result. moto
  ignores the token, so faults_support.IdempotentAfterLoss plays AWS's part.
- a unique name: the retry meets "already exists", recognised as this call's own retry; the
  resource is read and returned when it is as sent. Where moto does not answer a repeated
  create as AWS does (it replaces a DB subnet group, an AutoScaling group and a launch
  configuration), the hook gives AWS's answer.
- neither (CreateVpc, CreateAccessKey, AllocateAddress): botocore must not send it again; what
  appeared since a read just before the create tells what it made.

RunInstances and CreateHostedZone are proven in test_faults.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import pytest
from botocore.config import Config
from botocore.exceptions import ConnectTimeoutError, EndpointConnectionError
from faults_support import (
    IdempotentAfterLoss,
    fail_call,
    fail_first,
    lose_first_answer,
    query_value,
    register_ahead,
    wire_error,
)
from support import RETRY_BACKOFF, error_answer, record_sleeps

from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service, LaunchTemplateRef
from awsfacade.errors import (
    AlreadyExistsError,
    AmbiguousError,
    ClientSideError,
    ServiceError,
)
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import RecordSet, Route53Service
from awsfacade.s3 import S3Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSResponse
    from botocore.client import BaseClient

IMAGE = "ami-12345678"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:*"}
    ],
}
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}
OTHER_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}],
}
PUBLIC_KEY = (
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy"
)
BLOCK = "10.7.0.0/16"
SUBNET_BLOCK = "10.7.1.0/24"


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """botocore's back-off and the re-reads' sleeps, not slept."""
    return record_sleeps(monkeypatch, RETRY_BACKOFF)


# -- prerequisites, found or made by name --------------------------------------------------------


def _vpc(session: Session) -> str:
    ec2 = Ec2Service(session)
    found = [vpc.id for vpc in ec2.vpcs(filters={"cidr": [BLOCK]})]
    return found[0] if found else ec2.create_vpc(cidr_block=BLOCK).id


def _subnets(session: Session) -> list[str]:
    """Two subnets of the VPC, in two zones (what a DB subnet group needs)."""
    ec2 = Ec2Service(session)
    vpc = _vpc(session)
    found = [subnet.id for subnet in ec2.subnets(vpc_id=vpc)]
    if found:
        return found
    return [
        ec2.create_subnet(vpc_id=vpc, cidr_block=f"10.7.{n}.0/24", availability_zone=zone).id
        for n, zone in ((11, "us-east-1a"), (12, "us-east-1b"))
    ]


def _launch_configuration(session: Session) -> str:
    autoscaling = AutoScalingService(session)
    if not any(autoscaling.launch_configurations(names=["base"])):
        autoscaling.create_launch_configuration("base", image_id=IMAGE, instance_type="t3.micro")
    return "base"


def _zone(session: Session) -> str:
    route53 = Route53Service(session)
    found = [zone.id for zone in route53.hosted_zones(name="example.com")]
    return found[0] if found else route53.create_hosted_zone("example.com").id


def _user(session: Session) -> str:
    iam = IamService(session)
    if not any(user.name == "alice" for user in iam.users()):
        iam.create_user("alice")
    return "alice"


# -- creates of a unique name ----------------------------------------------------------------


@attrs.frozen
class Unique:
    """A create of a resource whose name is unique.

    ``create`` makes it as the tests send it and returns its id; ``other`` makes one of the
    same name that differs from it; ``ids`` lists the ids of that kind of resource there are.
    ``code`` is AWS's answer to a create of a name taken (HTTP ``status``); where moto does not
    always give it (``moto_repeats=False``), the hook does. ``attempts``: the requests a lost
    answer costs (a key pair's lost private key is made again, a record set's lost change id
    asked for again with an UPSERT: one more).
    """

    client: Callable[[Session], BaseClient]
    operation: str
    create: Callable[[Session], str]
    other: Callable[[Session], str]
    ids: Callable[[Session], list[str]]
    code: str
    status: int = 400
    moto_repeats: bool = True
    attempts: int = 2

    def taken(self, session: Session) -> AWSResponse:
        """AWS's answer to a create of a name taken."""
        return wire_error(self.client(session), self.code, self.status)


def _ec2(session: Session) -> BaseClient:
    return Ec2Service(session).client


def _iam(session: Session) -> BaseClient:
    return IamService(session).client


def _rds(session: Session) -> BaseClient:
    return RdsService(session).client


def _autoscaling(session: Session) -> BaseClient:
    return AutoScalingService(session).client


def _eu_s3(session: Session) -> S3Service:
    return S3Service(session, region="eu-west-1")


def _group(session: Session, description: str) -> str:
    made = Ec2Service(session).create_security_group(
        name="web", description=description, vpc_id=_vpc(session), tags={"team": "a"}
    )
    return made.id


def _default_vpc_group(session: Session, description: str) -> str:
    return Ec2Service(session).create_security_group(name="web", description=description).id


def _subnet(session: Session, zone: str) -> str:
    made = Ec2Service(session).create_subnet(
        vpc_id=_vpc(session), cidr_block=SUBNET_BLOCK, availability_zone=zone, tags={"tier": "a"}
    )
    return made.id


def _key_pair(session: Session, key_type: str) -> str:
    made = Ec2Service(session).create_key_pair(
        "deploy", key_type="rsa" if key_type == "rsa" else "ed25519", tags={"team": "a"}
    )
    assert made.private_key  # the only copy of the private key, which the caller must get
    return made.id


def _imported_key_pair(session: Session, team: str) -> str:
    return Ec2Service(session).import_key_pair("deploy", PUBLIC_KEY, tags={"team": team}).id


def _database(session: Session, instance_class: str) -> str:
    made = RdsService(session).create_instance(
        "db1",
        instance_class=instance_class,
        engine="postgres",
        master_username="admin",
        master_password="correct-horse-battery",
        tags={"team": "a"},
    )
    return made.identifier


def _db_subnet_group(session: Session, description: str) -> str:
    made = RdsService(session).create_subnet_group(
        "dbnet", subnet_ids=_subnets(session), description=description
    )
    return made.name


def _asg(session: Session, max_size: int) -> str:
    made = AutoScalingService(session).create_group(
        "web",
        min_size=0,
        max_size=max_size,
        launch_configuration=_launch_configuration(session),
        availability_zones=["us-east-1a"],
        tags={"team": "a"},
    )
    return made.name


def _record(session: Session, value: str) -> str:
    record = RecordSet(name="www.example.com", type="A", ttl=60, values=(value,))
    change = Route53Service(session).create_record(_zone(session), record)
    assert change
    return record.label


UNIQUE: dict[str, Unique] = {
    "iam-user": Unique(
        _iam,
        "CreateUser",
        lambda s: IamService(s).create_user("bob", path="/ops/", tags={"team": "a"}).name,
        lambda s: IamService(s).create_user("bob", path="/dev/").name,
        lambda s: [user.name for user in IamService(s).users()],
        "EntityAlreadyExists",
        409,
    ),
    "iam-group": Unique(
        _iam,
        "CreateGroup",
        lambda s: IamService(s).create_group("admins", path="/ops/").name,
        lambda s: IamService(s).create_group("admins", path="/dev/").name,
        lambda s: [group.name for group in IamService(s).groups()],
        "EntityAlreadyExists",
        409,
    ),
    "iam-role": Unique(
        _iam,
        "CreateRole",
        lambda s: (
            IamService(s)
            .create_role("ops", assume_role_policy=TRUST, description="ops", tags={"team": "a"})
            .name
        ),
        lambda s: IamService(s).create_role("ops", assume_role_policy=POLICY).name,
        lambda s: [role.name for role in IamService(s).roles()],
        "EntityAlreadyExists",
        409,
    ),
    "iam-policy": Unique(
        _iam,
        "CreatePolicy",
        lambda s: IamService(s).create_policy("read", document=POLICY, description="read").arn,
        lambda s: IamService(s).create_policy("read", document=OTHER_POLICY).arn,
        lambda s: [policy.arn for policy in IamService(s).policies()],
        "EntityAlreadyExists",
        409,
    ),
    "s3-bucket": Unique(
        lambda s: _eu_s3(s).client,
        "CreateBucket",
        lambda s: _eu_s3(s).create_bucket("lost-answer-bucket").name,
        lambda s: S3Service(s, region="us-west-2").create_bucket("lost-answer-bucket").name,
        lambda s: [bucket.name for bucket in _eu_s3(s).buckets()],
        "BucketAlreadyOwnedByYou",
        409,
    ),
    "rds-instance": Unique(
        _rds,
        "CreateDBInstance",
        lambda s: _database(s, "db.t3.micro"),
        lambda s: _database(s, "db.m5.large"),
        lambda s: [db.identifier for db in RdsService(s).instances()],
        "DBInstanceAlreadyExists",
    ),
    "rds-subnet-group": Unique(
        _rds,
        "CreateDBSubnetGroup",
        lambda s: _db_subnet_group(s, "databases"),
        lambda s: _db_subnet_group(s, "something else"),
        lambda s: [group.name for group in RdsService(s).subnet_groups()],
        "DBSubnetGroupAlreadyExists",
        moto_repeats=False,
    ),
    "autoscaling-group": Unique(
        _autoscaling,
        "CreateAutoScalingGroup",
        lambda s: _asg(s, 2),
        lambda s: _asg(s, 5),
        lambda s: [group.name for group in AutoScalingService(s).groups()],
        "AlreadyExists",
        moto_repeats=False,
    ),
    "launch-configuration": Unique(
        _autoscaling,
        "CreateLaunchConfiguration",
        lambda s: (
            AutoScalingService(s)
            .create_launch_configuration(
                "lc", image_id=IMAGE, instance_type="t3.nano", key_name="k"
            )
            .name
        ),
        lambda s: (
            AutoScalingService(s)
            .create_launch_configuration("lc", image_id=IMAGE, instance_type="t3.large")
            .name
        ),
        lambda s: [config.name for config in AutoScalingService(s).launch_configurations()],
        "AlreadyExists",
        moto_repeats=False,
    ),
    "security-group": Unique(
        _ec2,
        "CreateSecurityGroup",
        lambda s: _group(s, "web servers"),
        lambda s: _group(s, "something else"),
        lambda s: [group.id for group in Ec2Service(s).security_groups(names=["web"])],
        "InvalidGroup.Duplicate",
    ),
    "security-group-default-vpc": Unique(
        _ec2,
        "CreateSecurityGroup",
        lambda s: _default_vpc_group(s, "web servers"),
        lambda s: _default_vpc_group(s, "something else"),
        lambda s: [group.id for group in Ec2Service(s).security_groups(names=["web"])],
        "InvalidGroup.Duplicate",
    ),
    "subnet": Unique(
        _ec2,
        "CreateSubnet",
        lambda s: _subnet(s, "us-east-1a"),
        lambda s: _subnet(s, "us-east-1b"),
        lambda s: [sub.id for sub in Ec2Service(s).subnets(filters={"cidr-block": [SUBNET_BLOCK]})],
        "InvalidSubnet.Conflict",
    ),
    "key-pair": Unique(
        _ec2,
        "CreateKeyPair",
        lambda s: _key_pair(s, "ed25519"),
        lambda s: _key_pair(s, "rsa"),
        lambda s: [key.id for key in Ec2Service(s).key_pairs()],
        "InvalidKeyPair.Duplicate",
        attempts=3,
    ),
    "imported-key-pair": Unique(
        _ec2,
        "ImportKeyPair",
        lambda s: _imported_key_pair(s, "a"),
        lambda s: _imported_key_pair(s, "b"),
        lambda s: [key.id for key in Ec2Service(s).key_pairs()],
        "InvalidKeyPair.Duplicate",
    ),
    "route53-record": Unique(
        lambda s: Route53Service(s).client,
        "ChangeResourceRecordSets",
        lambda s: _record(s, "192.0.2.1"),
        lambda s: _record(s, "192.0.2.99"),
        lambda s: [
            record.label for record in Route53Service(s).records(_zone(s)) if record.type == "A"
        ],
        "InvalidChangeBatch",
        moto_repeats=False,
        attempts=3,
    ),
}


@pytest.mark.parametrize("case", UNIQUE.values(), ids=UNIQUE.keys())
def test_a_create_whose_answer_is_lost_returns_the_one_it_made(
    aws_session: Session, case: Unique
) -> None:
    """The first attempt made it, its answer lost; botocore's retry meets "already exists":
    the create returns the resource it made, the only one there is."""
    client = case.client(aws_session)
    repeated = None if case.moto_repeats else case.taken(aws_session)
    aws = lose_first_answer(client, case.operation, repeated)

    made = case.create(aws_session)

    assert aws.attempts == case.attempts
    assert case.ids(aws_session) == [made]


@pytest.mark.parametrize("case", UNIQUE.values(), ids=UNIQUE.keys())
def test_a_name_taken_before_the_create_still_raises(aws_session: Session, case: Unique) -> None:
    """The first attempt itself is refused, the name taken: AWS's error is raised as it is,
    and nothing is read or changed."""
    existing = case.create(aws_session)
    client = case.client(aws_session)
    if not case.moto_repeats:
        fail_first(client, case.operation, case.taken(aws_session), 1)

    with pytest.raises(ServiceError) as raised:
        case.create(aws_session)

    assert raised.value.code == case.code
    assert case.ids(aws_session) == [existing]


@pytest.mark.parametrize("case", UNIQUE.values(), ids=UNIQUE.keys())
def test_a_retry_meeting_a_resource_unlike_the_one_sent_still_raises(
    aws_session: Session, case: Unique
) -> None:
    """The first attempt is lost on its way (nothing made) and the retry meets a resource of
    that name made otherwise, which differs from what was sent: AWS's error stands."""
    other = case.other(aws_session)
    client = case.client(aws_session)
    repeated = None if case.moto_repeats else case.taken(aws_session)
    aws = lose_first_answer(client, case.operation, repeated, carried_out=False)

    with pytest.raises(ServiceError) as raised:
        case.create(aws_session)

    assert aws.attempts == 2
    assert raised.value.code == case.code
    assert case.ids(aws_session) == [other]


def test_a_lost_answer_with_retries_off_still_returns_the_one_made(aws_session: Session) -> None:
    """With botocore's retries off, the one attempt made it and its answer was lost: the
    outcome is unknown, so the user is read, and returned as sent."""
    iam = IamService(aws_session, config=Config(retries={"total_max_attempts": 1}))
    aws = lose_first_answer(iam.client, "CreateUser")

    made = iam.create_user("bob", path="/ops/")

    assert aws.attempts == 1
    assert [user.name for user in iam.users()] == [made.name] == ["bob"]


def test_a_name_taken_met_after_throttling_still_raises(iam_service: IamService) -> None:
    """A throttled first attempt proves nothing was made: "already exists" on the retry is
    about a user made before, even one just like it, and is raised (a retry alone is not
    evidence that this call made it)."""
    iam_service.create_user("bob", path="/ops/")
    fail_first(
        iam_service.client, "CreateUser", wire_error(iam_service.client, "Throttling", 400), 1
    )

    with pytest.raises(AlreadyExistsError):
        iam_service.create_user("bob", path="/ops/")


def test_a_bucket_whose_answer_is_lost_in_us_east_1_is_made_once(s3_service: S3Service) -> None:
    """us-east-1 answers its owner's repeated CreateBucket with 200 (S3's legacy behaviour,
    moto's too): botocore's retry returns the bucket, the only one."""
    aws = lose_first_answer(s3_service.client, "CreateBucket")

    bucket = s3_service.create_bucket("lost-answer-bucket")

    assert aws.attempts == 2
    assert [found.name for found in s3_service.buckets()] == [bucket.name]


def test_a_key_pair_whose_answer_is_lost_is_made_again_with_its_private_key(
    ec2_service: Ec2Service,
) -> None:
    """The lost answer held the only copy of the private key: the key pair the lost attempt
    made is deleted and made again, so that the caller holds the key of the one there is."""
    lose_first_answer(ec2_service.client, "CreateKeyPair")

    made = ec2_service.create_key_pair("deploy")

    [there] = ec2_service.key_pairs()
    assert made.private_key
    assert (there.id, there.fingerprint) == (made.id, made.fingerprint)


# -- creates with an idempotency token -------------------------------------------------------


def _client_token(request: object) -> str:
    return query_value(getattr(request, "body", b""), "ClientToken")


@attrs.frozen
class Tokened:
    """A create whose ``ClientToken`` botocore generates: ``create`` returns the id made,
    ``ids`` the ids there are."""

    operation: str
    create: Callable[[Ec2Service], str]
    ids: Callable[[Ec2Service], list[str]]


TOKENED = {
    "launch-template": Tokened(
        "CreateLaunchTemplate",
        lambda ec2: ec2.create_launch_template(name="web", image_id=IMAGE).id,
        lambda ec2: [template.id for template in ec2.launch_templates()],
    ),
    "volume": Tokened(
        "CreateVolume",
        lambda ec2: ec2.create_volume(availability_zone="us-east-1a", size_gib=1).id,
        lambda ec2: [volume.id for volume in ec2.volumes()],
    ),
}


@pytest.mark.parametrize("case", TOKENED.values(), ids=TOKENED.keys())
def test_a_create_with_a_token_whose_answer_is_lost_is_made_once(
    ec2_service: Ec2Service, case: Tokened
) -> None:
    """botocore sends the retry with the same ClientToken, which AWS answers with the first
    attempt's result (moto makes another, or refuses the name: the hook plays AWS)."""
    aws = IdempotentAfterLoss(_client_token)
    register_ahead(ec2_service.client, case.operation, aws)

    made = case.create(ec2_service)

    assert len(aws.tokens) == 2
    assert aws.tokens[0] == aws.tokens[1]
    assert case.ids(ec2_service) == [made]


# -- creates that a retry would make twice ---------------------------------------------------


@attrs.frozen
class Counted:
    """A create with neither token nor unique name: ``create`` returns the id made, ``ids``
    the ids there are, ``raw`` makes one through the client as a user's own code would;
    ``listing`` is the operation that lists them. ``attempts``: the requests a lost answer
    costs (an access key's lost secret is made again: one more)."""

    client: Callable[[Session], BaseClient]
    operation: str
    listing: str
    create: Callable[[Session], str]
    ids: Callable[[Session], list[str]]
    raw: Callable[[Session], object]
    attempts: int = 1


def _access_key(session: Session) -> str:
    key = IamService(session).create_access_key(_user(session))
    assert key.secret  # the only copy of the secret, which the caller must get
    return key.id


COUNTED = {
    "vpc": Counted(
        _ec2,
        "CreateVpc",
        "DescribeVpcs",
        lambda s: Ec2Service(s).create_vpc(cidr_block=BLOCK, tags={"team": "a"}).id,
        lambda s: [vpc.id for vpc in Ec2Service(s).vpcs(filters={"cidr": [BLOCK]})],
        lambda s: Ec2Service(s).client.create_vpc(CidrBlock=BLOCK),
    ),
    "access-key": Counted(
        _iam,
        "CreateAccessKey",
        "ListAccessKeys",
        _access_key,
        lambda s: [key.id for key in IamService(s).access_keys(_user(s))],
        lambda s: IamService(s).client.create_access_key(UserName="alice"),
        attempts=2,
    ),
    "address": Counted(
        _ec2,
        "AllocateAddress",
        "DescribeAddresses",
        lambda s: Ec2Service(s).allocate_address(tags={"team": "a"}).allocation_id,
        lambda s: [address.allocation_id for address in Ec2Service(s).addresses()],
        lambda s: Ec2Service(s).client.allocate_address(Domain="vpc"),
    ),
}

LOSSES = {
    "connection-closed": None,
    "internal-error": ("InternalError", 500),
    "service-unavailable": ("ServiceUnavailable", 503),
}


@pytest.mark.parametrize("loss", LOSSES.values(), ids=LOSSES.keys())
@pytest.mark.parametrize("case", COUNTED.values(), ids=COUNTED.keys())
def test_a_create_whose_answer_is_lost_is_not_sent_again(
    aws_session: Session, case: Counted, loss: tuple[str, int] | None
) -> None:
    """The first attempt made it, its answer lost (the connection closed, or a 5xx came):
    botocore does not send it again, and the one it made is returned, the only one."""
    _user(aws_session)
    client = case.client(aws_session)
    instead = None if loss is None else wire_error(client, *loss)
    aws = lose_first_answer(client, case.operation, instead=instead)

    made = case.create(aws_session)

    assert aws.attempts == case.attempts
    assert case.ids(aws_session) == [made]


@pytest.mark.parametrize("case", COUNTED.values(), ids=COUNTED.keys())
def test_a_create_lost_on_its_way_says_it_was_not_carried_out(
    aws_session: Session, case: Counted, sleeps: list[float]
) -> None:
    """The first attempt never reached AWS, though botocore cannot tell: it is not sent
    again, nothing new appears while the listing is read again for a few seconds, and the
    error says it was not carried out."""
    _user(aws_session)
    aws = lose_first_answer(case.client(aws_session), case.operation, carried_out=False)

    with pytest.raises(ClientSideError, match="not carried out"):
        case.create(aws_session)

    assert aws.attempts == 1
    assert case.ids(aws_session) == []
    assert sum(sleeps) > 5  # AWS may list a new resource a few seconds late


REFUSALS = {
    "throttled": ("Throttling", 400),
    "ec2-throttled": ("RequestLimitExceeded", 503),
    "not-connected": EndpointConnectionError(endpoint_url="https://injected.invalid/"),
    "connect-timeout": ConnectTimeoutError(endpoint_url="https://injected.invalid/"),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
@pytest.mark.parametrize("case", COUNTED.values(), ids=COUNTED.keys())
def test_an_attempt_refused_before_being_carried_out_is_still_retried(
    aws_session: Session,
    case: Counted,
    refusal: tuple[str, int] | EndpointConnectionError | ConnectTimeoutError,
) -> None:
    """Throttling and a connection never made prove nothing was carried out: botocore retries
    as usual, and the create makes one."""
    _user(aws_session)
    client = case.client(aws_session)
    instead = wire_error(client, *refusal) if isinstance(refusal, tuple) else refusal
    aws = lose_first_answer(client, case.operation, instead=instead, carried_out=False)

    made = case.create(aws_session)

    assert aws.attempts == 2
    assert case.ids(aws_session) == [made]


@pytest.mark.parametrize("case", COUNTED.values(), ids=COUNTED.keys())
def test_a_users_own_client_call_is_retried_as_botocore_does(
    aws_session: Session, case: Counted
) -> None:
    """Through ``service.client`` (the escape hatch), botocore's retry is the user's business:
    it is sent again, as without awsfacade (and makes a second one)."""
    _user(aws_session)
    client = case.client(aws_session)
    aws = lose_first_answer(client, case.operation)

    case.raw(aws_session)

    assert aws.attempts == 2
    assert len(case.ids(aws_session)) == 2


@pytest.mark.parametrize("case", COUNTED.values(), ids=COUNTED.keys())
def test_credentials_that_may_not_list_still_create_never_twice(
    aws_session: Session, case: Counted
) -> None:
    """A least-privilege role may create but not list: the create is made as before; with
    its answer lost it is not sent again, and its error says that what it made could not be
    looked for (rather than that nothing was made)."""
    _user(aws_session)
    client = case.client(aws_session)
    denied = error_answer("UnauthorizedOperation", status=403)
    fail_call(client, case.listing, denied)
    made = case.create(aws_session)
    assert case.ids(aws_session) == [made]

    fail_call(client, case.listing, denied)  # the create's listing before it
    aws = lose_first_answer(client, case.operation)
    with pytest.raises(ClientSideError, match="cannot be looked for"):
        case.create(aws_session)

    assert aws.attempts == 1
    assert len(case.ids(aws_session)) == 2  # the second was made: the caller is told it may be


def test_two_new_vpcs_after_a_lost_answer_are_ambiguous(
    aws_session: Session, ec2_service: Ec2Service
) -> None:
    """Another VPC of that block and tags appears at the same time: which one the lost
    attempt made cannot be told, and AmbiguousError names both (neither is deleted)."""

    def someone_else() -> None:
        Ec2Service(aws_session).create_vpc(cidr_block=BLOCK, tags={"team": "a"})

    def meanwhile() -> None:
        other = threading.Thread(target=someone_else)
        other.start()
        other.join()

    lose_first_answer(ec2_service.client, "CreateVpc", meanwhile=meanwhile)

    with pytest.raises(AmbiguousError) as raised:
        ec2_service.create_vpc(cidr_block=BLOCK, tags={"team": "a"})

    there = COUNTED["vpc"].ids(aws_session)
    assert len(there) == 2
    assert all(vpc_id in str(raised.value) for vpc_id in there)


def test_a_lost_access_key_is_replaced_and_the_users_other_key_kept(
    iam_service: IamService,
) -> None:
    """IAM allows two keys a user: with one key already, the key the lost attempt made (its
    secret gone) is deleted and one made again, and the first key stays."""
    iam_service.create_user("alice")
    first = iam_service.create_access_key("alice")
    lose_first_answer(iam_service.client, "CreateAccessKey")

    made = iam_service.create_access_key("alice")

    assert made.secret
    assert sorted(key.id for key in iam_service.access_keys("alice")) == sorted([first.id, made.id])


def test_a_lost_group_made_from_a_template_named_by_name_is_returned(aws_session: Session) -> None:
    """A group sent with its launch template named, not by id, its answer lost: AWS describes
    the template by id and name, and the create still returns the one group it made."""
    template = Ec2Service(aws_session).create_launch_template(
        name="web", image_id=IMAGE, instance_type="t3.micro"
    )
    autoscaling = AutoScalingService(aws_session)
    taken = wire_error(autoscaling.client, "AlreadyExists", 400)
    aws = lose_first_answer(autoscaling.client, "CreateAutoScalingGroup", taken)

    made = autoscaling.create_group(
        "web",
        min_size=0,
        max_size=1,
        launch_template=LaunchTemplateRef(name="web"),
        availability_zones=["us-east-1a"],
    )

    assert aws.attempts == 2
    assert made.launch_template is not None
    assert made.launch_template.id == template.id
    assert [group.name for group in autoscaling.groups()] == ["web"]
