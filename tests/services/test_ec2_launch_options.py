"""Launching EC2 instances with the options people use: instance profiles, block devices,
instance metadata (IMDSv2 unless a launch template decides), placement, a public IP on the
primary interface, spot, minimum counts, and the same options in launch templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from awsfacade.ec2 import BlockDevice, Ec2Service, LaunchTemplateRef, MetadataOptions, SpotOptions
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_iam import IAMClient
    from support import Requests

IMAGE = "ami-12345678"


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


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: BlockDevice(size_gib=True), "size_gib"),
        (lambda: BlockDevice(volume_type="gp9"), "volume_type"),  # type: ignore[arg-type]  # wrong on purpose
        (lambda: BlockDevice(encrypted="yes"), "encrypted"),  # type: ignore[arg-type]  # wrong on purpose
        (lambda: MetadataOptions(http_tokens="maybe"), "http_tokens"),  # type: ignore[arg-type]  # wrong on purpose
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
        ({"associate_public_ip": "yes"}, "associate_public_ip"),
        ({"block_devices": [{"DeviceName": "/dev/xvda"}]}, "BlockDevice"),
        ({"user_data": "é" * 9000}, "16 KiB"),
        ({"user_data": b"#!/bin/sh"}, "user_data must be str"),
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
