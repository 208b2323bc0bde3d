"""EC2: instances, security groups, VPCs, subnets, launch templates, images, key pairs,
volumes and Elastic IPs."""

from awsfacade.ec2._launch import BlockDevice, MetadataOptions, SpotOptions
from awsfacade.ec2._models import (
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Permission,
    Rule,
    SecurityGroup,
    Source,
    StateChange,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.ec2._service import Ec2Service

__all__ = [
    "BlockDevice",
    "Ec2Service",
    "Instance",
    "InstanceState",
    "LaunchTemplate",
    "LaunchTemplateRef",
    "MetadataOptions",
    "Permission",
    "Rule",
    "SecurityGroup",
    "Source",
    "SpotOptions",
    "StateChange",
    "Subnet",
    "SubnetState",
    "Vpc",
    "VpcState",
]
