"""EC2: instances, security groups, VPCs, subnets and launch templates."""

from awsfacade.ec2._models import (
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Rule,
    SecurityGroup,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.ec2._service import Ec2Service, StateChange

__all__ = [
    "Ec2Service",
    "Instance",
    "InstanceState",
    "LaunchTemplate",
    "LaunchTemplateRef",
    "Rule",
    "SecurityGroup",
    "StateChange",
    "Subnet",
    "SubnetState",
    "Vpc",
    "VpcState",
]
