"""Type checks of Ec2Service's public methods: checked by mypy and basedpyright, never run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, assert_type

from mypy_boto3_ec2 import EC2Client

from awsfacade.ec2 import (
    BlockDevice,
    Ec2Service,
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    MetadataOptions,
    Rule,
    SecurityGroup,
    SpotOptions,
    StateChange,
    Subnet,
    Vpc,
)

if TYPE_CHECKING:
    from awsfacade import Ec2Service as PackageEc2Service


def check_client(ec2: Ec2Service) -> None:
    """The escape hatch is the boto3-stubs EC2 client; translate_errors() a context manager."""
    assert_type(ec2.client, EC2Client)
    assert_type(ec2.translate_errors(), AbstractContextManager[None])
    with ec2.translate_errors():
        ec2.client.describe_instances()


def check_package_export(ec2: PackageEc2Service) -> None:
    """awsfacade.Ec2Service is the same typed class as awsfacade.ec2.Ec2Service."""
    assert_type(ec2, Ec2Service)
    assert_type(ec2.client, EC2Client)


def check_instances(ec2: Ec2Service) -> None:
    """Instance methods return models, lists of models or lazy iterators of models."""
    assert_type(ec2.run(image_id="ami-12345678"), list[Instance])
    assert_type(
        ec2.run(
            image_id="ami-12345678",
            count=2,
            instance_type="t3.small",
            key_name="deploy",
            security_group_ids=["sg-1"],
            subnet_id="subnet-1",
            user_data="#!/bin/sh\n",
            tags={"Name": "web"},
            launch_template=LaunchTemplateRef(name="web"),
            client_token="token",
        ),
        list[Instance],
    )
    assert_type(
        ec2.run(
            image_id="ami-12345678",
            count=4,
            min_count=2,
            security_group_ids=("sg-1",),
            subnet_id="subnet-1",
            availability_zone="us-east-1a",
            associate_public_ip=True,
            iam_instance_profile="arn:aws:iam::123456789012:instance-profile/web",
            block_devices=[
                BlockDevice(),
                BlockDevice(
                    device_name="/dev/sdf",
                    size_gib=100,
                    volume_type="io2",
                    iops=3000,
                    encrypted=True,
                    kms_key_id="alias/ebs",
                    delete_on_termination=False,
                ),
            ],
            metadata_options=MetadataOptions(hop_limit=2, instance_tags=True),
            spot=SpotOptions(max_price="0.05", interruption="stop", persistent=True),
        ),
        list[Instance],
    )
    assert_type(ec2.run(image_id="ami-1", associate_public_ip=None, spot=None), list[Instance])
    assert_type(ec2.instances(), Iterator[Instance])
    assert_type(
        ec2.instances(
            ids=["i-1"],
            tags={"env": "prod"},
            states=[InstanceState.RUNNING],
            filters={"instance-type": ["t3.micro"]},
        ),
        Iterator[Instance],
    )
    assert_type(ec2.instances(states=["running", InstanceState.STOPPED]), Iterator[Instance])
    assert_type(ec2.instance("i-1"), Instance)
    assert_type(ec2.start(["i-1"]), list[StateChange])
    assert_type(ec2.stop(["i-1"]), list[StateChange])
    assert_type(ec2.stop(["i-1"], force=True), list[StateChange])
    assert_type(ec2.reboot(["i-1"]), None)
    assert_type(ec2.terminate(["i-1"]), list[StateChange])
    assert_type(ec2.wait_until(["i-1"], InstanceState.RUNNING), list[Instance])
    assert_type(ec2.wait_until(["i-1"], "shutting-down"), list[Instance])
    assert_type(
        ec2.wait_until(["i-1"], InstanceState.STOPPED, timeout=60, poll_interval=1.5),
        list[Instance],
    )


def check_tags(ec2: Ec2Service) -> None:
    """Tagging returns nothing."""
    assert_type(ec2.tag(["i-1"], {"Name": "web"}), None)
    assert_type(ec2.untag(["i-1"], ["Name"]), None)


def check_security_groups(ec2: Ec2Service) -> None:
    """Security group methods return SecurityGroup models; rule changes return nothing."""
    assert_type(ec2.create_security_group(name="web", description="web"), SecurityGroup)
    assert_type(
        ec2.create_security_group(name="web", description="web", vpc_id="vpc-1", tags={"a": "b"}),
        SecurityGroup,
    )
    assert_type(ec2.security_groups(), Iterator[SecurityGroup])
    assert_type(
        ec2.security_groups(ids=["sg-1"], names=["web"], vpc_id="vpc-1", filters={"k": ["v"]}),
        Iterator[SecurityGroup],
    )
    assert_type(ec2.security_group("sg-1"), SecurityGroup)
    assert_type(ec2.delete_security_group("sg-1"), None)
    rules = [Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/8",))]
    assert_type(ec2.authorize_ingress("sg-1", rules), None)
    assert_type(ec2.authorize_egress("sg-1", rules), None)
    assert_type(ec2.revoke_ingress("sg-1", rules), None)
    assert_type(ec2.revoke_egress("sg-1", rules), None)


def check_vpcs_and_subnets(ec2: Ec2Service) -> None:
    """VPC and subnet methods return Vpc and Subnet models or lazy iterators of them."""
    assert_type(ec2.create_vpc(cidr_block="10.0.0.0/16"), Vpc)
    assert_type(ec2.create_vpc(cidr_block="10.0.0.0/16", tags={"Name": "main"}), Vpc)
    assert_type(ec2.vpcs(), Iterator[Vpc])
    assert_type(ec2.vpcs(ids=["vpc-1"], tags={"a": "b"}, filters={"k": ["v"]}), Iterator[Vpc])
    assert_type(ec2.vpc("vpc-1"), Vpc)
    assert_type(ec2.delete_vpc("vpc-1"), None)
    assert_type(ec2.create_subnet(vpc_id="vpc-1", cidr_block="10.0.1.0/24"), Subnet)
    assert_type(
        ec2.create_subnet(
            vpc_id="vpc-1", cidr_block="10.0.1.0/24", availability_zone="us-east-1a", tags={}
        ),
        Subnet,
    )
    assert_type(ec2.subnets(), Iterator[Subnet])
    assert_type(ec2.subnets(vpc_id="vpc-1", ids=["subnet-1"]), Iterator[Subnet])
    assert_type(ec2.subnet("subnet-1"), Subnet)
    assert_type(ec2.delete_subnet("subnet-1"), None)


def check_launch_templates(ec2: Ec2Service) -> None:
    """Launch template methods return LaunchTemplate models or lazy iterators of them."""
    assert_type(ec2.create_launch_template(name="web", image_id="ami-1"), LaunchTemplate)
    assert_type(
        ec2.create_launch_template(
            name="web",
            image_id="ami-1",
            instance_type="t3.micro",
            key_name="deploy",
            security_group_ids=["sg-1"],
            user_data="#!/bin/sh\n",
            instance_tags={"a": "b"},
            tags={"c": "d"},
            version_description="first",
        ),
        LaunchTemplate,
    )
    assert_type(
        ec2.create_launch_template(
            name="web",
            image_id="ami-1",
            security_group_ids=("sg-1",),
            associate_public_ip=False,
            availability_zone="eu-west-1a",
            iam_instance_profile="web",
            block_devices=(BlockDevice(size_gib=30, volume_type="gp3", throughput=250),),
            metadata_options=MetadataOptions(http_tokens="optional", endpoint_enabled=True),
            spot=SpotOptions(),
        ),
        LaunchTemplate,
    )
    assert_type(ec2.launch_templates(), Iterator[LaunchTemplate])
    assert_type(ec2.launch_templates(names=["web"]), Iterator[LaunchTemplate])
    assert_type(
        ec2.launch_templates(ids=["lt-1"], filters={"tag:env": ["prod"]}),
        Iterator[LaunchTemplate],
    )
    assert_type(ec2.launch_template("web"), LaunchTemplate)
    assert_type(ec2.delete_launch_template("web"), None)


def check_construction() -> None:
    """Every construction option is accepted."""
    from boto3.session import Session
    from botocore.config import Config

    assert_type(Ec2Service(), Ec2Service)
    assert_type(
        Ec2Service(
            Session(),
            region="eu-west-1",
            endpoint_url="http://localhost:5000",
            config=Config(retries={"mode": "adaptive"}),
        ),
        Ec2Service,
    )
