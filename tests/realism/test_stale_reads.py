"""`Realism(stale_reads=N)`: a read of a resource this session created answers AWS's NotFound
for it N times first, per resource, then moto's answer; the facade's own read-after-create
and waits cope; a session without the switch is untouched.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import botocore.session
import pytest
from botocore.exceptions import ClientError
from botocore.model import StructureShape

from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import InvalidArgumentError, NotFoundError
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service
from awsfacade.testing import Realism, mocked_session, new_session
from awsfacade.testing._stale import PLACEHOLDER
from awsfacade.testing._stale_table import CREATES, READS
from awsfacade.testing._wire import UNSERVED

if TYPE_CHECKING:
    from boto3.session import Session
    from botocore.awsrequest import AWSPreparedRequest
    from botocore.client import BaseClient
    from mypy_boto3_autoscaling import AutoScalingClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_ec2.type_defs import FilterTypeDef
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_rds import RDSClient
    from mypy_boto3_route53 import Route53Client
    from mypy_boto3_s3 import S3Client

IMAGE = "ami-12345678"


# A user's own boto3 clients on the session. The overloads of boto3's Session.client for
# services whose stubs are not installed return Unknown, which pyright's strict mode reports.


def ec2_of(session: Session) -> EC2Client:
    return session.client("ec2")  # pyright: ignore[reportUnknownMemberType]


def rds_of(session: Session) -> RDSClient:
    return session.client("rds")  # pyright: ignore[reportUnknownMemberType]


def iam_of(session: Session) -> IAMClient:
    return session.client("iam")  # pyright: ignore[reportUnknownMemberType]


def s3_of(session: Session) -> S3Client:
    return session.client("s3")  # pyright: ignore[reportUnknownMemberType]


def autoscaling_of(session: Session) -> AutoScalingClient:
    return session.client("autoscaling")  # pyright: ignore[reportUnknownMemberType]


def route53_of(session: Session) -> Route53Client:
    return session.client("route53")  # pyright: ignore[reportUnknownMemberType]


@pytest.fixture
def stale() -> Iterator[Session]:
    """A mocked session whose new resources are read as missing twice."""
    with mocked_session(realism=Realism(stale_reads=2)) as session:
        yield session


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """The facade's read-after-create back-off, instant."""
    monkeypatch.setattr("awsfacade._consistency.time.sleep", _no_sleep)


def _no_sleep(seconds: float) -> None:
    del seconds


def code_of(read: Callable[[], object]) -> tuple[str, int]:
    """The error code and HTTP status ``read()`` fails with."""
    with pytest.raises(ClientError) as failed:
        read()
    response = failed.value.response
    return response.get("Error", {}).get("Code", ""), response.get("ResponseMetadata", {}).get(
        "HTTPStatusCode", 0
    )


class Reached:
    """A ``before-send`` hook, after moto's, counting the attempts moto was handed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *, request: AWSPreparedRequest, **_: object) -> None:
        if request.url != UNSERVED:
            self.count += 1


def reached(client: BaseClient, operation: str) -> Reached:
    """Count the attempts of ``operation`` that reach moto from now on."""
    hook = Reached()
    service = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register_last(f"before-send.{service}.{operation}", hook)
    return hook


# -- A raw client ------------------------------------------------------------------------------


@pytest.mark.parametrize("reads", [1, 2, 3])
def test_describe_after_run_is_not_found_n_times(reads: int) -> None:
    with mocked_session(realism=Realism(stale_reads=reads)) as session:
        ec2 = ec2_of(session)
        seen = reached(ec2, "DescribeInstances")
        [made] = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1).get("Instances", [])
        instance_id = made.get("InstanceId", "")
        for _ in range(reads):
            with pytest.raises(ClientError) as failed:
                ec2.describe_instances(InstanceIds=[instance_id])
            error = failed.value.response.get("Error", {})
            assert error.get("Code") == "InvalidInstanceID.NotFound"
            assert error.get("Message") == f"The instance ID '{instance_id}' does not exist"
            assert failed.value.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) == 400
        assert seen.count == 0  # the stale answers never reached moto
        [reservation] = ec2.describe_instances(InstanceIds=[instance_id]).get("Reservations", [])
        assert [i.get("InstanceId") for i in reservation.get("Instances", [])] == [instance_id]
        assert seen.count == 1


def _ec2_cases(ec2: EC2Client) -> list[tuple[Callable[[], object], str]]:
    """EC2 reads right after their create, and AWS's code for each."""
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16").get("Vpc", {}).get("VpcId", "")
    subnet = (
        ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24").get("Subnet", {}).get("SubnetId", "")
    )
    group = ec2.create_security_group(GroupName="web", Description="web").get("GroupId", "")
    ec2.create_security_group(GroupName="db", Description="db")  # read by name below
    template = ec2.create_launch_template(
        LaunchTemplateName="tpl", LaunchTemplateData={"ImageId": IMAGE}
    ).get("LaunchTemplate", {})
    by_name = ec2.create_launch_template(
        LaunchTemplateName="tpl2", LaunchTemplateData={"ImageId": IMAGE}
    ).get("LaunchTemplate", {})
    key = ec2.create_key_pair(KeyName="deploy")
    key_by_id = ec2.create_key_pair(KeyName="deploy2")
    volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8).get("VolumeId", "")
    address = ec2.allocate_address(Domain="vpc")
    by_ip = ec2.allocate_address(Domain="vpc")
    source = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8).get("VolumeId", "")
    snapshot = ec2.create_snapshot(VolumeId=source).get("SnapshotId", "")
    return [
        (lambda: ec2.describe_vpcs(VpcIds=[vpc]), "InvalidVpcID.NotFound"),
        (lambda: ec2.describe_subnets(SubnetIds=[subnet]), "InvalidSubnetID.NotFound"),
        (lambda: ec2.describe_security_groups(GroupIds=[group]), "InvalidGroup.NotFound"),
        (lambda: ec2.describe_security_groups(GroupNames=["db"]), "InvalidGroup.NotFound"),
        (
            lambda: ec2.describe_launch_templates(
                LaunchTemplateIds=[template.get("LaunchTemplateId", "")]
            ),
            "InvalidLaunchTemplateId.NotFound",
        ),
        (
            lambda: ec2.describe_launch_templates(
                LaunchTemplateNames=[by_name.get("LaunchTemplateName", "")]
            ),
            "InvalidLaunchTemplateName.NotFoundException",
        ),
        (
            lambda: ec2.describe_key_pairs(KeyNames=[key.get("KeyName", "")]),
            "InvalidKeyPair.NotFound",
        ),
        (
            lambda: ec2.describe_key_pairs(KeyPairIds=[key_by_id.get("KeyPairId", "")]),
            "InvalidKeyPair.NotFound",
        ),
        (lambda: ec2.describe_volumes(VolumeIds=[volume]), "InvalidVolume.NotFound"),
        (
            lambda: ec2.describe_addresses(AllocationIds=[address.get("AllocationId", "")]),
            "InvalidAllocationID.NotFound",
        ),
        (
            lambda: ec2.describe_addresses(PublicIps=[by_ip.get("PublicIp", "")]),
            "InvalidAddress.NotFound",
        ),
        (lambda: ec2.describe_snapshots(SnapshotIds=[snapshot]), "InvalidSnapshot.NotFound"),
    ]


def test_every_ec2_resource_is_not_found_twice_then_found(stale: Session) -> None:
    for read, code in _ec2_cases(ec2_of(stale)):
        assert code_of(read) == (code, 400)
        assert code_of(read) == (code, 400)
        read()  # found


def _other_cases(session: Session) -> list[tuple[Callable[[], object], str, int]]:
    """RDS, IAM, S3 and Route53 reads right after their create, and AWS's code and status."""
    rds = rds_of(session)
    rds.create_db_instance(
        DBInstanceIdentifier="Orders",  # RDS keeps it lower-case, and finds it in any case
        Engine="postgres",
        DBInstanceClass="db.t3.micro",
        MasterUsername="admin",
        MasterUserPassword="password1",
        AllocatedStorage=20,
    )
    vpc = ec2_of(session).create_vpc(CidrBlock="10.1.0.0/16").get("Vpc", {}).get("VpcId", "")
    made = [
        ec2_of(session).create_subnet(
            VpcId=vpc, CidrBlock=f"10.1.{n}.0/24", AvailabilityZone=f"us-east-1{z}"
        )
        for n, z in ((1, "a"), (2, "b"))
    ]
    subnets = [subnet.get("Subnet", {}).get("SubnetId", "") for subnet in made]
    rds.create_db_subnet_group(
        DBSubnetGroupName="private", DBSubnetGroupDescription="private", SubnetIds=subnets
    )
    iam = iam_of(session)
    iam.create_user(UserName="alice")
    iam.create_group(GroupName="admins")
    iam.create_role(RoleName="runner", AssumeRolePolicyDocument="{}")
    policy = (
        iam.create_policy(
            PolicyName="read",
            PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", '
            '"Action": "s3:GetObject", "Resource": "*"}]}',
        )
        .get("Policy", {})
        .get("Arn", "")
    )
    s3 = s3_of(session)
    s3.create_bucket(Bucket="reports-bucket")
    s3.create_bucket(Bucket="logs-bucket")
    route53 = route53_of(session)
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="one").get(
        "HostedZone", {}
    )
    records = route53.create_hosted_zone(Name="example.org", CallerReference="two")
    bare_id = records.get("HostedZone", {}).get("Id", "").removeprefix("/hostedzone/")
    return [
        (lambda: rds.describe_db_instances(DBInstanceIdentifier="orders"), "DBInstanceNotFound",
         404),
        (lambda: rds.describe_db_subnet_groups(DBSubnetGroupName="private"),
         "DBSubnetGroupNotFoundFault", 404),
        (lambda: iam.get_user(UserName="alice"), "NoSuchEntity", 404),
        (lambda: iam.get_group(GroupName="admins"), "NoSuchEntity", 404),
        (lambda: iam.get_role(RoleName="runner"), "NoSuchEntity", 404),
        (lambda: iam.get_policy(PolicyArn=policy), "NoSuchEntity", 404),
        (lambda: s3.head_bucket(Bucket="reports-bucket"), "404", 404),  # a HEAD: no body
        (lambda: s3.get_bucket_location(Bucket="logs-bucket"), "NoSuchBucket", 404),
        (lambda: route53.get_hosted_zone(Id=zone.get("Id", "")), "NoSuchHostedZone", 404),
        (lambda: route53.list_resource_record_sets(HostedZoneId=bare_id),
         "NoSuchHostedZone", 404),
    ]  # fmt: skip


def test_rds_iam_s3_route53_resources_are_not_found_twice_then_found(stale: Session) -> None:
    for read, code, status in _other_cases(stale):
        assert code_of(read) == (code, status)
        assert code_of(read) == (code, status)
        read()


def test_the_error_is_parsed_as_aws_sends_it(stale: Session) -> None:
    """botocore's modelled exception classes, and S3's BucketName, come out of the answer."""
    iam = iam_of(stale)
    iam.create_user(UserName="bob")
    with pytest.raises(iam.exceptions.NoSuchEntityException, match="name bob cannot be found"):
        iam.get_user(UserName="bob")
    s3 = s3_of(stale)
    s3.create_bucket(Bucket="named-bucket")
    with pytest.raises(s3.exceptions.NoSuchBucket) as failed:
        s3.list_objects_v2(Bucket="named-bucket")
    assert failed.value.response.get("Error", {}).get("BucketName") == "named-bucket"
    route53 = route53_of(stale)
    zone = route53.create_hosted_zone(Name="example.net", CallerReference="z").get("HostedZone", {})
    with pytest.raises(route53.exceptions.NoSuchHostedZone) as missing:
        route53.get_hosted_zone(Id=zone.get("Id", ""))
    assert missing.value.response.get("Error", {}).get("Message") == (
        f"No hosted zone found with ID: {zone.get('Id', '').removeprefix('/hostedzone/')}"
    )


def test_autoscaling_answers_an_empty_list_as_aws_does(stale: Session) -> None:
    autoscaling = autoscaling_of(stale)
    autoscaling.create_launch_configuration(
        LaunchConfigurationName="web", ImageId=IMAGE, InstanceType="t3.micro"
    )
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName="web", LaunchConfigurationName="web", MinSize=0, MaxSize=1,
        AvailabilityZones=["us-east-1a"],
    )  # fmt: skip

    def configurations() -> list[str]:
        answer = autoscaling.describe_launch_configurations(LaunchConfigurationNames=["web"])
        return [
            c.get("LaunchConfigurationName", "") for c in answer.get("LaunchConfigurations", [])
        ]

    def groups() -> list[str]:
        answer = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=["web"])
        return [g.get("AutoScalingGroupName", "") for g in answer.get("AutoScalingGroups", [])]

    assert [configurations(), configurations(), configurations()] == [[], [], ["web"]]
    assert [groups(), groups(), groups()] == [[], [], ["web"]]


def test_counts_are_per_resource(stale: Session) -> None:
    ec2 = ec2_of(stale)
    made = ec2.run_instances(ImageId=IMAGE, MinCount=2, MaxCount=2).get("Instances", [])
    first, second = (item.get("InstanceId", "") for item in made)
    assert code_of(lambda: ec2.describe_instances(InstanceIds=[first]))[0]
    assert code_of(lambda: ec2.describe_instances(InstanceIds=[first]))[0]
    ec2.describe_instances(InstanceIds=[first])  # first: visible now
    ec2.describe_instances(InstanceIds=[first])
    for _ in range(2):  # second: still two stale reads of its own
        assert code_of(lambda: ec2.describe_instances(InstanceIds=[second]))[0]
    ec2.describe_instances(InstanceIds=[second])


def test_a_resource_named_two_ways_is_one_resource(stale: Session) -> None:
    """A key pair read once by name and once by id has had its two stale reads."""
    ec2 = ec2_of(stale)
    key = ec2.create_key_pair(KeyName="deploy")
    assert code_of(lambda: ec2.describe_key_pairs(KeyNames=["deploy"]))[0]
    assert code_of(lambda: ec2.describe_key_pairs(KeyPairIds=[key.get("KeyPairId", "")]))[0]
    ec2.describe_key_pairs(KeyNames=["deploy"], KeyPairIds=[key.get("KeyPairId", "")])


def test_a_listing_by_ids_fails_whole_for_one_stale_id(stale: Session) -> None:
    """EC2 answers the NotFound for the whole call, naming the stale id only; the call counts
    one stale read of each stale resource it names, none of the others'."""
    ec2 = ec2_of(stale)
    [old] = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1).get("Instances", [])
    old_id = old.get("InstanceId", "")
    for _ in range(2):
        code_of(lambda: ec2.describe_instances(InstanceIds=[old_id]))
    [new] = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1).get("Instances", [])
    new_id = new.get("InstanceId", "")
    with pytest.raises(ClientError) as failed:
        ec2.describe_instances(InstanceIds=[old_id, new_id])
    assert failed.value.response.get("Error", {}).get("Message") == (
        f"The instance ID '{new_id}' does not exist"
    )
    assert code_of(lambda: ec2.describe_instances(InstanceIds=[new_id]))[0]
    answer = ec2.describe_instances(InstanceIds=[old_id, new_id])
    found = {
        i.get("InstanceId") for r in answer.get("Reservations", []) for i in r.get("Instances", [])
    }
    assert found == {old_id, new_id}


def test_a_filter_by_id_answers_without_the_stale_resource(stale: Session) -> None:
    """A filter matches less (no error), as on AWS; the caller's own lists are left alone."""
    ec2 = ec2_of(stale)
    old = ec2.create_vpc(CidrBlock="10.0.0.0/16").get("Vpc", {}).get("VpcId", "")
    for _ in range(2):
        code_of(lambda: ec2.describe_vpcs(VpcIds=[old]))
    new = ec2.create_vpc(CidrBlock="10.1.0.0/16").get("Vpc", {}).get("VpcId", "")
    values = [old, new]
    filters: list[FilterTypeDef] = [{"Name": "vpc-id", "Values": values}]
    listed = [
        [v.get("VpcId", "") for v in ec2.describe_vpcs(Filters=filters).get("Vpcs", [])]
        for _ in range(3)
    ]
    assert listed == [[old], [old], [old, new]]
    assert values == [old, new]
    assert filters == [{"Name": "vpc-id", "Values": [old, new]}]
    assert PLACEHOLDER not in str(filters)


def test_a_listing_without_ids_and_other_operations_are_untouched(stale: Session) -> None:
    """Only reads naming a new resource are stale: not a listing of all, not a write."""
    ec2 = ec2_of(stale)
    [made] = ec2.run_instances(ImageId=IMAGE, MinCount=1, MaxCount=1).get("Instances", [])
    instance_id = made.get("InstanceId", "")
    listed = ec2.describe_instances().get("Reservations", [])
    assert [i.get("InstanceId") for r in listed for i in r.get("Instances", [])] == [instance_id]
    ec2.create_tags(Resources=[instance_id], Tags=[{"Key": "Name", "Value": "web"}])
    ec2.stop_instances(InstanceIds=[instance_id])


def test_a_failed_create_makes_nothing_stale(stale: Session) -> None:
    iam = iam_of(stale)
    iam.create_user(UserName="carol")
    for _ in range(2):
        code_of(lambda: iam.get_user(UserName="carol"))
    with pytest.raises(iam.exceptions.EntityAlreadyExistsException):
        iam.create_user(UserName="carol")
    iam.get_user(UserName="carol")


def test_only_that_session_is_stale(stale: Session) -> None:
    """Another session on the same moto state reads at once; so does a session without the
    switch, and one with stale_reads=0."""
    ec2 = ec2_of(stale)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16").get("Vpc", {}).get("VpcId", "")
    other = ec2_of(new_session())
    other.describe_vpcs(VpcIds=[vpc])
    assert code_of(lambda: ec2.describe_vpcs(VpcIds=[vpc]))[0] == "InvalidVpcID.NotFound"


@pytest.mark.parametrize("realism", [None, Realism(), Realism(stale_reads=0)])
def test_a_session_without_the_switch_is_untouched(
    realism: Realism | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is registered (it would raise), and a read right after a create is answered."""
    monkeypatch.setattr("awsfacade.testing._stale.install", _never_installed)
    with mocked_session(realism=realism) as session:
        ec2 = ec2_of(session)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16").get("Vpc", {}).get("VpcId", "")
        assert [v.get("VpcId") for v in ec2.describe_vpcs(VpcIds=[vpc]).get("Vpcs", [])] == [vpc]


def _never_installed(*_: object) -> None:
    raise AssertionError("stale reads installed on a session without the switch")


@pytest.mark.parametrize("reads", [-1, True, 1.5, "2"])
def test_bad_counts_are_refused(reads: object) -> None:
    with pytest.raises(InvalidArgumentError, match="stale_reads"):
        Realism(stale_reads=reads)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]  # the wrong type is the point


# -- The facade --------------------------------------------------------------------------------


def test_ec2_service_creates_and_waits_through_stale_reads(stale: Session) -> None:
    ec2 = Ec2Service(stale)
    [instance] = ec2.run(image_id=IMAGE)
    [running] = ec2.wait_until([instance.id], "running", poll_interval=0.01)
    assert running.id == instance.id
    vpc = ec2.create_vpc(cidr_block="10.0.0.0/16")
    subnet = ec2.create_subnet(vpc_id=vpc.id, cidr_block="10.0.1.0/24")
    group = ec2.create_security_group(name="web", description="web servers", vpc_id=vpc.id)
    assert group.vpc_id == vpc.id
    assert subnet.vpc_id == vpc.id


def test_ec2_read_right_after_a_create_is_not_found_as_on_aws(stale: Session) -> None:
    """The facade's plain reads do not retry: AWS's NotFound reaches the caller."""
    ec2 = Ec2Service(stale)
    [instance] = ec2.run(image_id=IMAGE)
    with pytest.raises(NotFoundError) as failed:
        ec2.instance(instance.id)
    assert failed.value.code == "InvalidInstanceID.NotFound"


def test_security_group_read_after_create_retries(stale: Session) -> None:
    ec2 = Ec2Service(stale)
    seen = reached(ec2.client, "DescribeSecurityGroups")
    group = ec2.create_security_group(name="web", description="web servers")
    assert group.name == "web"
    assert seen.count == 1  # two stale reads answered, the third read by moto
    assert ec2.security_group(group.id) == group


def test_iam_s3_route53_services_create_through_stale_reads(stale: Session) -> None:
    iam = IamService(stale)
    assert iam.create_user("alice").name == "alice"
    assert iam.create_group("admins").name == "admins"
    assert (
        iam.create_role(
            "runner", assume_role_policy={"Version": "2012-10-17", "Statement": []}
        ).name
        == "runner"
    )
    s3 = S3Service(stale)
    assert s3.create_bucket("reports-bucket").name == "reports-bucket"
    assert s3.create_bucket("eu-bucket", region="eu-west-1").region == "eu-west-1"
    zone = Route53Service(stale).create_hosted_zone("example.com")
    assert zone.name == "example.com."


def test_iam_access_key_right_after_its_user(stale: Session) -> None:
    """create_access_key lists the user's keys first (to find a key whose answer was lost);
    IAM's NoSuchEntity for a user it does not show yet lets the create go on, as AWS takes it."""
    iam = IamService(stale)
    iam.create_user("alice")
    assert iam.create_access_key("alice").user == "alice"


def test_s3_bucket_exists_sees_the_stale_reads(stale: Session) -> None:
    s3 = S3Service(stale)
    s3.create_bucket("reports-bucket")
    assert [s3.bucket_exists("reports-bucket") for _ in range(3)] == [False, False, True]


def test_autoscaling_service_creates_through_stale_reads(stale: Session) -> None:
    autoscaling = AutoScalingService(stale)
    seen = reached(autoscaling.client, "DescribeLaunchConfigurations")
    config = autoscaling.create_launch_configuration(
        "web", image_id=IMAGE, instance_type="t3.micro"
    )
    assert config.name == "web"
    assert seen.count == 3  # its read-back, answered empty twice (moto asked for nothing)
    group = autoscaling.create_group(
        "web", min_size=0, max_size=1, launch_configuration="web", availability_zones=["us-east-1a"]
    )
    assert group.name == "web"


def test_rds_service_creates_and_waits_through_stale_reads(stale: Session) -> None:
    rds = RdsService(stale)
    made = rds.create_instance(
        "orders", engine="postgres", instance_class="db.t3.micro", allocated_storage=20,
        master_username="admin", master_password="password1",
    )  # fmt: skip
    assert rds.wait_until_available(made.identifier, poll_interval=0.01).identifier == "orders"


# -- The table ---------------------------------------------------------------------------------


def test_every_row_is_aws_s() -> None:
    """Every operation, parameter and modelled error status of the table is botocore's."""
    loader = botocore.session.get_session()
    names = {loader.get_service_model(m).service_id.hyphenize(): m for m in
             ("ec2", "rds", "iam", "s3", "autoscaling", "route53")}  # fmt: skip
    kinds = {create.kind for create in CREATES.values()}
    for operation, create in CREATES.items():
        sent = loader.get_service_model(names[create.service]).operation_model(operation)
        assert sent.input_shape is not None
        assert set(create.request) <= set(sent.input_shape.members), operation
    for operation, reads in READS.items():
        for read in reads:
            assert read.kind in kinds, operation
            service = loader.get_service_model(names[read.service])
            shape_of = {
                shape.error_code: shape
                for shape in service.error_shapes
                if isinstance(shape, StructureShape)
            }
            request = service.operation_model(operation).input_shape
            assert request is not None
            members = request.members
            assert (read.param in members) if read.param else "Filters" in members, operation
            shape = shape_of.get(read.error)
            if shape is not None:
                assert shape.metadata.get("error", "").get("httpStatusCode", "") == read.status, (
                    operation
                )
            elif read.error:
                assert (read.service, read.status) == ("ec2", 400), operation


# -- A user's module, under the installed plugin ------------------------------------------------

USER_MODULE = """
    import time

    import pytest
    from botocore.exceptions import ClientError

    from awsfacade.testing import Realism

    pytestmark = pytest.mark.aws_realism(Realism(stale_reads=2))


    def launch(ec2):
        [made] = ec2.run_instances(ImageId="ami-12345678", MinCount=1, MaxCount=1)["Instances"]
        return made["InstanceId"]


    def describe_naive(ec2, instance_id):
        return ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]


    def describe_retrying(ec2, instance_id):
        for delay in (0.0, 0.0, 0.0, 0.0, None):
            try:
                return ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]
            except ClientError as error:
                if error.response["Error"]["Code"] != "InvalidInstanceID.NotFound" or delay is None:
                    raise
                time.sleep(delay)


    def test_launch_then_describe(aws_session):
        ec2 = aws_session.client("ec2")
        instance_id = launch(ec2)
        reservation = DESCRIBE(ec2, instance_id)
        assert reservation["Instances"][0]["InstanceId"] == instance_id
"""


@pytest.mark.parametrize(
    ("describe", "passes"), [("describe_naive", False), ("describe_retrying", True)]
)
def test_a_users_create_then_describe(
    pytester: pytest.Pytester, describe: str, passes: bool
) -> None:
    pytester.makepyfile(textwrap.dedent(USER_MODULE).replace("DESCRIBE", describe))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=int(passes), failed=int(not passes))
    if not passes:
        result.stdout.fnmatch_lines(["*InvalidInstanceID.NotFound*"])


def test_the_naive_users_module_passes_on_plain_moto(pytester: pytest.Pytester) -> None:
    """Without the switch, moto lets the naive code pass: what the switch is for."""
    module = textwrap.dedent(USER_MODULE).replace("DESCRIBE", "describe_naive")
    pytester.makepyfile(module.replace("pytestmark = ", "unused = "))
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
