"""EC2 as production code meets it: eventual consistency, IPv6-only subnets, odd rules AWS
returns, AWS's own tags, deadlines, fail-fast waits and the launch options people use.

Each test here failed before the change it guards. AWS-only answers are injected at
``before-send`` (so botocore parses them like any answer) or queued with ``Stubber``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from botocore.stub import Stubber
from support import Requests, WaitClock, answer_first, ec2_error

import awsfacade._consistency as consistency
import awsfacade._waiting as waiting
from awsfacade.ec2 import (
    BlockDevice,
    Ec2Service,
    InstanceState,
    LaunchTemplateRef,
    MetadataOptions,
    Rule,
    SpotOptions,
)
from awsfacade.errors import (
    InvalidArgumentError,
    NotFoundError,
    UnexpectedResponseError,
    WaitFailedError,
    WaitTimeoutError,
)

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_iam import IAMClient

IMAGE = "ami-12345678"


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every sleep the read-after-create retry and waits ask for (not slept)."""
    asked: list[float] = []
    monkeypatch.setattr("awsfacade._consistency.time.sleep", asked.append)
    monkeypatch.setattr(waiting, "time", WaitClock(asked))
    return asked


# -- 1. a created resource that is not yet visible is never lost ----------------------------


def test_create_security_group_survives_a_not_found_read(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """AWS answering NotFound once right after CreateSecurityGroup still returns the group."""
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeSecurityGroups",
        ec2_error("InvalidGroup.NotFound"),
    )

    group = ec2_service.create_security_group(name="web", description="web")

    assert hook.answered == 1
    assert group.name == "web"
    assert group.vpc_id is not None  # read from AWS on the second try
    assert sleeps == [consistency.DELAYS[0]]


def test_create_security_group_never_visible_is_built_from_the_create(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """A group still invisible after every retry is returned as created, never as an error."""
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeSecurityGroups",
        ec2_error("InvalidGroup.NotFound"),
        times=100,
    )

    group = ec2_service.create_security_group(
        name="web", description="HTTPS in", tags={"team": "a"}
    )

    assert hook.answered == len(consistency.DELAYS) + 1
    assert sleeps == list(consistency.DELAYS)
    assert group.id.startswith("sg-")
    assert (group.name, group.description, group.tags) == ("web", "HTTPS in", {"team": "a"})
    assert group.egress == (Rule(protocol="-1", cidrs=("0.0.0.0/0",)),)
    hook.left = 0
    assert ec2_service.security_group(group.id).name == "web"  # it did exist all along


# -- 2. IPv6-only subnets ----------------------------------------------------------------------


def test_ipv6_only_subnet_lists_and_reads(ec2_service: Ec2Service) -> None:
    """An IPv6-native subnet (no CidrBlock) no longer breaks subnets() and subnet()."""
    client = ec2_service.client
    created = client.create_vpc(CidrBlock="10.0.0.0/16", AmazonProvidedIpv6CidrBlock=True)
    vpc_id = created.get("Vpc", {}).get("VpcId", "")
    [association] = ec2_service.vpc(vpc_id).ipv6_cidr_blocks
    block = association.replace("/56", "/64")
    answer = client.create_subnet(VpcId=vpc_id, Ipv6Native=True, Ipv6CidrBlock=block)
    subnet_id = answer.get("Subnet", {}).get("SubnetId", "")

    subnet = ec2_service.subnet(subnet_id)
    assert subnet.cidr_block is None
    assert subnet.ipv6_native is True
    assert subnet.ipv6_cidr_blocks == (block,)
    assert subnet_id in {s.id for s in ec2_service.subnets(vpc_id=vpc_id)}


# -- 3. reading a response never raises InvalidArgumentError ------------------------------------


def test_security_groups_read_a_protocol_50_rule_with_ports_minus_one(
    ec2_service: Ec2Service,
) -> None:
    """An ESP (protocol 50) rule with ports -1/-1, as AWS returns it, reads as it is."""
    group = ec2_service.create_security_group(name="vpn", description="vpn")
    ec2_service.client.authorize_security_group_ingress(
        GroupId=group.id,
        IpPermissions=[
            {
                "IpProtocol": "50",
                "FromPort": -1,
                "ToPort": -1,
                "IpRanges": [{"CidrIp": "10.0.0.0/8"}],
            }
        ],
    )

    [rule] = ec2_service.security_group(group.id).ingress
    assert (rule.protocol, rule.from_port, rule.to_port) == ("50", -1, -1)
    ec2_service.revoke_ingress(group.id, [rule])  # what AWS sent can be sent back
    assert ec2_service.security_group(group.id).ingress == ()


# -- 4. filtering by the tags AWS itself sets ------------------------------------------------


def test_instances_filter_by_aws_reserved_tags(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """tags={"aws:autoscaling:groupName": ...} filters; only writing aws: tags is refused."""
    assert list(ec2_service.instances(tags={"aws:autoscaling:groupName": "web"})) == []
    [body] = requests_sent.bodies("DescribeInstances")
    assert body["Filter.1.Name"] == "tag:aws:autoscaling:groupName"
    with pytest.raises(InvalidArgumentError, match="reserved"):
        ec2_service.tag(["i-0123456789abcdef0"], {"aws:autoscaling:groupName": "web"})


# -- 5. waiting: deadlines, dead ends, fail fast on unknown ids --------------------------------


def test_wait_never_sleeps_past_the_deadline(ec2_service: Ec2Service, sleeps: list[float]) -> None:
    """timeout=0.2 with poll_interval=3 sleeps at most 0.2 s in all before WaitTimeoutError."""
    [instance] = ec2_service.run(image_id=IMAGE)
    with pytest.raises(WaitTimeoutError):
        ec2_service.wait_until([instance.id], InstanceState.STOPPED, timeout=0.2, poll_interval=3)
    assert sleeps
    assert sum(sleeps) <= 0.2


def test_waiting_for_shutting_down_on_a_terminated_instance_fails_at_once(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """A terminated instance can never be shutting-down again: WaitFailedError, one poll."""
    [instance] = ec2_service.run(image_id=IMAGE)
    ec2_service.terminate([instance.id])
    requests_sent.clear()
    with pytest.raises(WaitFailedError, match="terminated"):
        ec2_service.wait_until([instance.id], InstanceState.SHUTTING_DOWN)
    assert requests_sent.count("DescribeInstances") == 1


def test_waiting_for_stopped_on_a_terminated_instance_fails_at_once(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """TERMINATED is a dead end for STOPPED too."""
    [instance] = ec2_service.run(image_id=IMAGE)
    ec2_service.terminate([instance.id])
    requests_sent.clear()
    with pytest.raises(WaitFailedError):
        ec2_service.wait_until([instance.id], InstanceState.STOPPED)
    assert requests_sent.count("DescribeInstances") == 1


def test_a_typo_d_id_fails_after_the_grace_period_not_the_timeout(
    ec2_service: Ec2Service, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id still unknown after the grace period is NotFoundError long before timeout=600."""
    monkeypatch.setattr(waiting, "NOT_FOUND_GRACE", 2.0)
    with pytest.raises(NotFoundError, match="still unknown after 2s") as raised:
        ec2_service.wait_until(["i-0123456789abcdef0"], InstanceState.RUNNING, poll_interval=1)
    assert raised.value.code == "InvalidInstanceID.NotFound"
    assert sum(sleeps) <= 2.0


def test_an_id_that_appears_within_the_grace_period_is_waited_for(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """NotFound right after launch (eventual consistency) is polled again, then succeeds."""
    [instance] = ec2_service.run(image_id=IMAGE)
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeInstances",
        ec2_error("InvalidInstanceID.NotFound"),
        times=2,
    )

    [running] = ec2_service.wait_until([instance.id], InstanceState.RUNNING, poll_interval=0.5)

    assert running.state is InstanceState.RUNNING
    assert hook.answered == 2
    assert sleeps == [0.5, 0.5]


def test_one_of_two_instances_at_a_dead_end_fails_the_wait(ec2_service: Ec2Service) -> None:
    """Any one instance in a dead-end state ends the wait, not only all of them."""
    first, second = ec2_service.run(image_id=IMAGE, count=2)
    ec2_service.terminate([second.id])
    with pytest.raises(WaitFailedError):
        ec2_service.wait_until([first.id, second.id], InstanceState.RUNNING, timeout=30)


# -- 6. run() with no Instances in the answer ----------------------------------------------


def test_run_without_instances_in_the_answer_is_unexpected(ec2_service: Ec2Service) -> None:
    """A RunInstances answer with no Instances is UnexpectedResponseError, never []."""
    with Stubber(ec2_service.client) as stubber:
        stubber.add_response("run_instances", {"ReservationId": "r-1"})
        with pytest.raises(UnexpectedResponseError, match="Instances"):
            ec2_service.run(image_id=IMAGE)


# -- 7. protocols normalised and checked before any request ----------------------------------


def test_authorize_sends_normalised_protocols(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """Rule(protocol="TCP"/"17"/"all") reach AWS as tcp / udp / -1."""
    group = ec2_service.create_security_group(name="n", description="n")
    requests_sent.clear()
    ec2_service.authorize_ingress(
        group.id,
        [
            Rule(protocol="TCP", from_port=22, to_port=22, cidrs=("10.0.0.0/8",)),
            Rule(protocol="17", from_port=53, to_port=53, cidrs=("10.0.0.0/8",)),
            Rule(protocol="all", group_ids=(group.id,)),
        ],
    )
    [body] = requests_sent.bodies("AuthorizeSecurityGroupIngress")
    protocols = [body[f"IpPermissions.{n}.IpProtocol"] for n in (1, 2, 3)]
    assert protocols == ["tcp", "udp", "-1"]


# -- the shape: validation before any short-circuit --------------------------------------------


WRONG_BESIDE_EMPTY: list[Callable[[Ec2Service], object]] = [
    lambda ec2: ec2.instances(ids="i-123", states=[]),
    lambda ec2: ec2.instances(ids=[], states="running"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]  # wrong on purpose
    lambda ec2: ec2.security_groups(ids=[], names="web"),
    lambda ec2: ec2.security_groups(names=[], ids="sg-1"),
    lambda ec2: ec2.vpcs(ids=[], filters={"cidr": "10.0.0.0/16"}),
    lambda ec2: ec2.launch_templates(names=["web"], ids=["lt-0123456789abcdef0"]),
    lambda ec2: ec2.launch_templates(names=[], ids=[]),
]


@pytest.mark.parametrize(
    "call",
    WRONG_BESIDE_EMPTY,
    ids=[
        "ids-string-beside-empty-states",
        "states-string-beside-empty-ids",
        "names-string-beside-empty-ids",
        "ids-string-beside-empty-names",
        "filter-values-string-beside-empty-ids",
        "launch-template-names-and-ids",
        "launch-template-empty-names-and-ids",
    ],
)
def test_arguments_are_checked_before_any_empty_short_circuit(
    ec2_service: Ec2Service, requests_sent: Requests, call: Callable[[Ec2Service], object]
) -> None:
    """A wrong argument raises at the call, even beside an empty list that matches nothing."""
    with pytest.raises(InvalidArgumentError):
        call(ec2_service)
    assert requests_sent.sent == []


# -- what people launch with -----------------------------------------------------------------


def test_run_requires_imdsv2_by_default(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """Without metadata_options (and without a launch template) IMDSv2 tokens are required."""
    ec2_service.run(image_id=IMAGE)
    [body] = requests_sent.bodies("RunInstances")
    assert body["MetadataOptions.HttpTokens"] == "required"


def test_run_from_a_launch_template_leaves_metadata_to_the_template(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """With a launch template and no metadata_options, the template decides."""
    template = ec2_service.create_launch_template(name="web-lt", image_id=IMAGE)
    requests_sent.clear()
    ec2_service.run(image_id=IMAGE, launch_template=LaunchTemplateRef(id=template.id))
    [body] = requests_sent.bodies("RunInstances")
    assert not any(key.startswith("MetadataOptions") for key in body)


def instance_profile_arn(session: Session, name: str = "web") -> str:
    """An IAM instance profile moto knows (it checks that the profile exists)."""
    iam: IAMClient = session.client("iam")  # pyright: ignore[reportUnknownMemberType]  # iam stubs are not a dependency
    return iam.create_instance_profile(InstanceProfileName=name)["InstanceProfile"]["Arn"]


def test_run_sends_every_launch_option(
    ec2_service: Ec2Service, requests_sent: Requests, aws_session: Session
) -> None:
    """Profile, block devices, metadata, placement, public IP, min count and spot are sent."""
    profile = instance_profile_arn(aws_session)
    vpc = ec2_service.create_vpc(cidr_block="10.1.0.0/16")
    subnet = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.1.0.0/28")
    group = ec2_service.create_security_group(name="w", description="w", vpc_id=vpc.id)
    launched = ec2_service.run(
        image_id=IMAGE,
        count=3,
        min_count=1,
        subnet_id=subnet.id,
        security_group_ids=[group.id],
        availability_zone=subnet.availability_zone,
        associate_public_ip=True,
        iam_instance_profile=profile,
        block_devices=[BlockDevice(size_gib=30, iops=4000, encrypted=True)],
        metadata_options=MetadataOptions(hop_limit=2),
        spot=SpotOptions(max_price="0.05"),
        tags={"Name": "web"},
    )
    assert 1 <= len(launched) <= 3
    [body] = requests_sent.bodies("RunInstances")
    assert (str(body["MinCount"]), str(body["MaxCount"])) == ("1", "3")
    assert body["NetworkInterface.1.AssociatePublicIpAddress"] == "true"
    assert str(body["NetworkInterface.1.DeviceIndex"]) == "0"  # the primary interface
    assert body["NetworkInterface.1.SubnetId"] == subnet.id
    assert body["NetworkInterface.1.SecurityGroupId.1"] == group.id
    assert "SubnetId" not in body
    assert "SecurityGroupId.1" not in body
    assert body["Placement.AvailabilityZone"] == subnet.availability_zone
    assert body["IamInstanceProfile.Arn"] == profile
    assert body["BlockDeviceMapping.1.DeviceName"] == "/dev/xvda"
    assert str(body["BlockDeviceMapping.1.Ebs.VolumeSize"]) == "30"
    assert body["BlockDeviceMapping.1.Ebs.VolumeType"] == "gp3"
    assert str(body["BlockDeviceMapping.1.Ebs.Iops"]) == "4000"
    assert body["BlockDeviceMapping.1.Ebs.Encrypted"] == "true"
    assert str(body["MetadataOptions.HttpPutResponseHopLimit"]) == "2"
    assert body["InstanceMarketOptions.MarketType"] == "spot"
    assert body["InstanceMarketOptions.SpotOptions.MaxPrice"] == "0.05"
    types = {body["TagSpecification.1.ResourceType"], body["TagSpecification.2.ResourceType"]}
    assert types == {"instance", "volume"}


def test_run_takes_a_profile_name(
    ec2_service: Ec2Service, requests_sent: Requests, aws_session: Session
) -> None:
    """A profile that is not an ARN is sent as its name."""
    instance_profile_arn(aws_session)
    ec2_service.run(image_id=IMAGE, iam_instance_profile="web")
    [body] = requests_sent.bodies("RunInstances")
    assert body["IamInstanceProfile.Name"] == "web"


def test_create_launch_template_takes_the_same_options(ec2_service: Ec2Service) -> None:
    """The template's data holds the block devices, metadata, profile and spot options."""
    group = ec2_service.create_security_group(name="t", description="t")
    template = ec2_service.create_launch_template(
        name="full",
        image_id=IMAGE,
        iam_instance_profile="web",
        block_devices=[BlockDevice(device_name="/dev/sdf", size_gib=100, volume_type="st1")],
        spot=SpotOptions(interruption="stop", persistent=True),
        associate_public_ip=False,
        security_group_ids=[group.id],
        availability_zone="us-east-1b",
        version_description="first",
    )
    versions = ec2_service.client.describe_launch_template_versions(LaunchTemplateId=template.id)
    data = versions.get("LaunchTemplateVersions", [{}])[0].get("LaunchTemplateData", {})
    assert data.get("MetadataOptions", {}).get("HttpTokens") == "required"
    assert data.get("IamInstanceProfile", {}).get("Name") == "web"
    [device] = data.get("BlockDeviceMappings", [])
    assert (device.get("DeviceName"), device.get("Ebs", {}).get("VolumeSize")) == ("/dev/sdf", 100)
    spot = data.get("InstanceMarketOptions", {}).get("SpotOptions", {})
    assert spot.get("InstanceInterruptionBehavior") == "stop"
    [interface] = data.get("NetworkInterfaces", [])
    assert interface.get("AssociatePublicIpAddress") is False
    assert interface.get("DeviceIndex") == 0  # the primary interface
    assert interface.get("Groups") == [group.id]
    assert "SecurityGroupIds" not in data
    assert versions.get("LaunchTemplateVersions", [{}])[0].get("VersionDescription") == "first"
    assert data.get("Placement", {}).get("AvailabilityZone") == "us-east-1b"


def test_reboot_sends_one_request(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """reboot() reboots the instances in one request; they stay running."""
    first, second = ec2_service.run(image_id=IMAGE, count=2)
    requests_sent.clear()
    ec2_service.reboot([first.id, second.id])
    assert requests_sent.operations == ["RebootInstances"]
    assert ec2_service.instance(first.id).state is InstanceState.RUNNING


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: BlockDevice(size_gib=0), "size_gib"),
        (lambda: BlockDevice(size_gib=True), "size_gib"),
        (lambda: BlockDevice(volume_type="gp9"), "volume_type"),  # type: ignore[arg-type]  # wrong on purpose
        (lambda: BlockDevice(device_name="sda"), "device_name"),
        (lambda: BlockDevice(encrypted="yes"), "encrypted"),  # type: ignore[arg-type]  # wrong on purpose
        (lambda: MetadataOptions(http_tokens="maybe"), "http_tokens"),  # type: ignore[arg-type]  # wrong on purpose
        (lambda: MetadataOptions(hop_limit=65), "hop_limit"),
        (lambda: SpotOptions(max_price="cheap"), "max_price"),
        (lambda: SpotOptions(interruption="stop"), "persistent"),
    ],
)
def test_launch_options_check_themselves(build: object, message: str) -> None:
    """A wrong launch option raises InvalidArgumentError naming it, when built."""
    assert callable(build)
    with pytest.raises(InvalidArgumentError, match=message):
        build()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"min_count": 3, "count": 2}, "min_count"),
        ({"min_count": 0}, "min_count"),
        ({"associate_public_ip": "yes"}, "associate_public_ip"),
        ({"block_devices": [{"DeviceName": "/dev/xvda"}]}, "BlockDevice"),
        ({"client_token": "x" * 65}, "client_token"),
        ({"user_data": "é" * 9000}, "16 KiB"),
        ({"user_data": b"#!/bin/sh"}, "user_data must be a string"),
        ({"iam_instance_profile": ""}, "iam_instance_profile"),
    ],
)
def test_run_rejects_wrong_options_before_any_request(
    ec2_service: Ec2Service, requests_sent: Requests, options: dict[str, object], message: str
) -> None:
    """Each wrong option raises InvalidArgumentError naming it, and nothing is sent."""
    with pytest.raises(InvalidArgumentError, match=message):
        ec2_service.run(image_id=IMAGE, **options)  # type: ignore[arg-type]  # wrong on purpose
    assert requests_sent.sent == []


def test_run_accepts_the_limits_themselves(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """A 64-character client token and 16 KiB of ASCII user data are within AWS's limits."""
    ec2_service.run(image_id=IMAGE, client_token="t" * 64, user_data="x" * 16 * 1024)
    assert requests_sent.count("RunInstances") == 1


def test_a_28_subnet_is_allowed(ec2_service: Ec2Service) -> None:
    """/28, AWS's smallest subnet, is accepted; /29 is not."""
    vpc = ec2_service.create_vpc(cidr_block="10.2.0.0/16")
    assert ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.2.0.16/28").cidr_block
    with pytest.raises(InvalidArgumentError, match="/28"):
        ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.2.0.32/29")


def iterate(found: Iterator[object]) -> list[object]:
    """A listing, read to the end."""
    return list(found)
