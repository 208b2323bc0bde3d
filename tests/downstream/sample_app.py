"""A downstream application module, type-checked against the installed awsfacade by
``tests/docs/check_types.py`` (a step of ``.ci/run``).

It is what a user writes after ``pip install awsfacade``: it must pass ``mypy --strict`` and
pyright strict with no configuration beyond ``strict``, and with no stub package of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

import boto3

from awsfacade import Ec2Service
from awsfacade.ec2 import (
    BlockDevice,
    Instance,
    InstanceState,
    LaunchTemplateRef,
    Rule,
    SecurityGroup,
    Subnet,
)
from awsfacade.errors import AwsError, CapacityError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2 import EC2Client


def running_web_servers(ec2: Ec2Service) -> Iterator[Instance]:
    """The running instances tagged Name=web."""
    return ec2.instances(tags={"Name": "web"}, states=[InstanceState.RUNNING])


def launch(ec2: Ec2Service, image_id: str) -> list[str]:
    """Launch two instances from a template and return their ids."""
    template = LaunchTemplateRef(name="web", version="$Latest")
    return [i.id for i in ec2.run(image_id=image_id, count=2, launch_template=template)]


def open_https(ec2: Ec2Service, group: SecurityGroup) -> None:
    """Allow HTTPS from anywhere, over IPv4 and IPv6."""
    https = Rule(
        protocol="tcp", from_port=443, to_port=443, cidrs=("0.0.0.0/0",), ipv6_cidrs=("::/0",)
    )
    ec2.authorize_ingress(group.id, [https])


def launched_at(ec2: Ec2Service, instance_id: str) -> datetime | None:
    """When an instance was launched, or None if it is gone."""
    try:
        return ec2.instance(instance_id).launch_time
    except NotFoundError as error:
        print(error.code, error.request_id)
        return None
    except AwsError:
        raise


def raw_escape_hatch(ec2: Ec2Service) -> int:
    """The typed boto3 client under the facade."""
    client: EC2Client = ec2.client
    response = client.describe_regions()
    return len(response.get("Regions", []))


def build() -> Ec2Service:
    """A service on an explicit session and region."""
    return Ec2Service(boto3.session.Session(), region="eu-west-1")


def inventory_row(instance: Instance) -> dict[str, str]:
    """One inventory row: states compare and format as AWS's strings."""
    return {
        "id": instance.id,
        "state": instance.state if instance.state != "unknown" else instance.state_name,
        "ips": ",".join(instance.private_ips + instance.public_ips),
        "running": str(instance.state == InstanceState.RUNNING),
    }


def ipv4_blocks(subnets: Iterator[Subnet]) -> list[str]:
    """The IPv4 blocks of some subnets; IPv6-only ones have none."""
    return [subnet.cidr_block for subnet in subnets if subnet.cidr_block is not None]


def described_sources(group: SecurityGroup) -> list[str]:
    """Every source of every inbound permission, with its own description."""
    return [
        f"{permission.protocol} {source.kind}={source.value} ({source.description or '-'})"
        for permission in group.ingress_permissions
        for source in permission.sources
    ]


def launch_big(ec2: Ec2Service, image_id: str) -> list[Instance]:
    """Launch with a larger encrypted root volume, or nothing if AWS lacks capacity."""
    try:
        return ec2.run(image_id=image_id, block_devices=[BlockDevice(size_gib=100, encrypted=True)])
    except CapacityError:
        return []
