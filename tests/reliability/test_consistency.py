"""Eventual consistency: a create never reports failure for a resource AWS made.

Creates that read the new resource back (EC2 security groups, AutoScaling groups and launch
configurations, S3 buckets: ``awsfacade._consistency.read_after_create``) are proven to
survive a NotFound read in tests/services (test_ec2, test_autoscaling_stubbed,
test_s3_stubbed); here, a read-back failing for another reason. Every other create builds its
model from the create's own answer: here, with every read of the service answering NotFound,
each still returns its resource and sends no read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs
import pytest
from support import READ_BACK_DELAYS, Answer, answer_calls, error_answer, sleeps_at

from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service, LaunchTemplateRef
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.client import BaseClient
    from botocore.model import OperationModel

IMAGE = "ami-12345678"
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:*"}
    ],
}


sleeps = sleeps_at(READ_BACK_DELAYS)


# -- creates that read back: a read failing otherwise still returns the resource -------------


@attrs.frozen
class ReadBack:
    """A create that reads its resource back: ``create`` makes it and returns its name,
    ``exists`` asks AWS (the hook gone) whether it is there."""

    client: Callable[[Session], BaseClient]
    read: str
    create: Callable[[Session], str]
    exists: Callable[[Session], bool]


def _group(session: Session) -> str:
    ec2 = Ec2Service(session)
    group = ec2.create_security_group(name="web", description="web", tags={"team": "a"})
    assert (group.name, group.description, group.tags) == ("web", "web", {"team": "a"})
    return group.id


def _asg(session: Session) -> str:
    template = Ec2Service(session).create_launch_template(name="web", image_id=IMAGE)
    group = AutoScalingService(session).create_group(
        "web",
        min_size=0,
        max_size=2,
        launch_template=LaunchTemplateRef(id=template.id),
        availability_zones=["us-east-1a"],
    )
    assert (group.min_size, group.max_size, group.desired_capacity) == (0, 2, 0)
    return group.name


def _launch_configuration(session: Session) -> str:
    made = AutoScalingService(session).create_launch_configuration(
        "lc", image_id=IMAGE, instance_type="t3.nano"
    )
    assert (made.image_id, made.instance_type) == (IMAGE, "t3.nano")
    return made.name


def _bucket(session: Session) -> str:
    bucket = S3Service(session).create_bucket("fresh")
    assert bucket.region == "us-east-1"
    return bucket.name


READ_BACKS = {
    "security-group": ReadBack(
        lambda session: Ec2Service(session).client,
        "DescribeSecurityGroups",
        _group,
        lambda session: any(Ec2Service(session).security_groups(names=["web"])),
    ),
    "autoscaling-group": ReadBack(
        lambda session: AutoScalingService(session).client,
        "DescribeAutoScalingGroups",
        _asg,
        lambda session: any(AutoScalingService(session).groups(names=["web"])),
    ),
    "launch-configuration": ReadBack(
        lambda session: AutoScalingService(session).client,
        "DescribeLaunchConfigurations",
        _launch_configuration,
        lambda session: any(AutoScalingService(session).launch_configurations(names=["lc"])),
    ),
    "bucket": ReadBack(
        lambda session: S3Service(session).client,
        "ListBuckets",
        _bucket,
        lambda session: S3Service(session).bucket_exists("fresh"),
    ),
}

READ_FAILURES = {
    "access-denied": ("AccessDenied", 403),
    "throttled": ("Throttling", 400),
}


@pytest.mark.parametrize("failure", READ_FAILURES.values(), ids=READ_FAILURES.keys())
@pytest.mark.parametrize("case", READ_BACKS.values(), ids=READ_BACKS.keys())
def test_a_read_back_failing_otherwise_still_returns_the_created_resource(
    aws_session: Session, sleeps: list[float], case: ReadBack, failure: tuple[str, int]
) -> None:
    """The read after the create denied or throttled (past botocore's retries): the create
    returns its resource as created, at once, and never raises."""
    code, status = failure
    client = case.client(aws_session)
    denied = answer_calls(client, case.read, error_answer(code, status=status), repeat_last=True)

    created = case.create(aws_session)

    assert created
    assert denied.sent == 1
    assert sleeps == []
    denied.answers.clear()
    assert case.exists(aws_session)


# -- creates built from their own answer: no read for NotFound to fail -----------------------


class NotFoundReads:
    """A ``before-call`` hook answering every read (Describe/Get/List/Head) NotFound, as AWS
    may right after a create, but those ``spared``, and counting them."""

    def __init__(self, spared: frozenset[str]) -> None:
        self.answered: list[str] = []
        self.spared = spared
        self.on = True

    def __call__(self, *, model: OperationModel, **_: object) -> Answer | None:
        if not self.on or not model.name.startswith(("Describe", "Get", "List", "Head")):
            return None
        if model.name in self.spared:
            return None
        self.answered.append(model.name)
        return error_answer("NotFound", status=404)


@attrs.frozen
class Direct:
    """A create built from its own answer: ``create`` returns the new resource's id,
    ``read`` reads it back by that id (the hook off). ``before`` is the read a create with no
    idempotency token makes just before it (what exists, to tell what it made if its answer
    is lost): it reads nothing that is new."""

    client: Callable[[Session], BaseClient]
    create: Callable[[Session], str]
    read: Callable[[Session, str], str]
    before: frozenset[str] = frozenset()


def _instance(session: Session) -> str:
    [instance] = Ec2Service(session).run(image_id=IMAGE, tags={"n": "1"})
    assert instance.tags == {"n": "1"}
    return instance.id


def _subnet(session: Session) -> str:
    ec2 = Ec2Service(session)
    vpc = ec2.create_vpc(cidr_block="10.1.0.0/16")
    return ec2.create_subnet(vpc_id=vpc.id, cidr_block="10.1.1.0/24").id


def _access_key(session: Session) -> str:
    iam = IamService(session)
    iam.create_user("alice")
    key = iam.create_access_key("alice")
    assert key.secret
    return key.id


def _database(session: Session) -> str:
    return (
        RdsService(session)
        .create_instance(
            "db1",
            instance_class="db.t3.micro",
            engine="postgres",
            master_username="admin",
            master_password="correct-horse-battery",
        )
        .identifier
    )


def _ec2(session: Session) -> BaseClient:
    return Ec2Service(session).client


def _iam(session: Session) -> BaseClient:
    return IamService(session).client


DIRECT: Mapping[str, Direct] = {
    "ec2-run": Direct(_ec2, _instance, lambda s, i: Ec2Service(s).instance(i).id),
    "ec2-vpc": Direct(
        _ec2,
        lambda s: Ec2Service(s).create_vpc(cidr_block="10.0.0.0/16").id,
        lambda s, i: Ec2Service(s).vpc(i).id,
        before=frozenset({"DescribeVpcs"}),
    ),
    "ec2-subnet": Direct(
        _ec2, _subnet, lambda s, i: Ec2Service(s).subnet(i).id, before=frozenset({"DescribeVpcs"})
    ),
    "ec2-launch-template": Direct(
        _ec2,
        lambda s: Ec2Service(s).create_launch_template(name="tmpl", image_id=IMAGE).id,
        lambda s, i: Ec2Service(s).launch_template(i).id,
    ),
    "iam-user": Direct(
        _iam,
        lambda s: IamService(s).create_user("alice").name,
        lambda s, i: IamService(s).user(i).name,
    ),
    "iam-group": Direct(
        _iam,
        lambda s: IamService(s).create_group("admins").name,
        lambda s, i: next(g.name for g in IamService(s).groups() if g.name == i),
    ),
    "iam-role": Direct(
        _iam,
        lambda s: IamService(s).create_role("ops", assume_role_policy=TRUST).name,
        lambda s, i: IamService(s).role(i).name,
    ),
    "iam-policy": Direct(
        _iam,
        lambda s: IamService(s).create_policy("all", document=POLICY).arn,
        lambda s, i: next(p.arn for p in IamService(s).policies() if p.arn == i),
    ),
    "iam-access-key": Direct(
        _iam,
        _access_key,
        lambda s, i: next(k.id for k in IamService(s).access_keys("alice")),
        before=frozenset({"ListAccessKeys"}),
    ),
    "rds-instance": Direct(
        lambda s: RdsService(s).client,
        _database,
        lambda s, i: RdsService(s).instance(i).identifier,
    ),
    "route53-zone": Direct(
        lambda s: Route53Service(s).client,
        lambda s: Route53Service(s).create_hosted_zone("example.com").id,
        lambda s, i: Route53Service(s).hosted_zone(i).id,
    ),
}


@pytest.mark.parametrize("case", DIRECT.values(), ids=DIRECT.keys())
def test_a_create_is_built_from_its_own_answer_whatever_reads_say(
    aws_session: Session, case: Direct
) -> None:
    """Every read of the service answering NotFound right after the create: the create still
    returns its resource (it reads nothing back), and the resource is really there."""
    reads = NotFoundReads(case.before)
    client = case.client(aws_session)
    service_id = client.meta.service_model.service_id.hyphenize()
    # botocore-stubs type handlers as returning None; a before-call handler may answer.
    client.meta.events.register(f"before-call.{service_id}", reads)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    created = case.create(aws_session)

    assert created
    assert reads.answered == []
    reads.on = False
    assert case.read(aws_session, created) == created
