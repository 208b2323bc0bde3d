"""EC2: instances, security groups, VPCs, subnets, launch templates, images, key pairs,
volumes and Elastic IPs.

[Ec2Service][awsfacade.ec2.Ec2Service] does the work; the rest are the models it returns
and the options it takes.
"""

from awsfacade._launch import BlockDevice, LaunchTemplateRef, MetadataOptions, SpotOptions
from awsfacade.ec2._models import (
    Instance,
    InstanceState,
    InstanceStateName,
    LaunchTemplate,
    Permission,
    Rule,
    SecurityGroup,
    Source,
    SourceKind,
    StateChange,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.ec2._resources_models import (
    Address,
    Image,
    ImageState,
    KeyPair,
    Volume,
    VolumeAttachment,
    VolumeAttachmentState,
    VolumeState,
)
from awsfacade.ec2._service import Ec2Service

__all__ = [
    "Address",
    "BlockDevice",
    "Ec2Service",
    "Image",
    "ImageState",
    "Instance",
    "InstanceState",
    "InstanceStateName",
    "KeyPair",
    "LaunchTemplate",
    "LaunchTemplateRef",
    "MetadataOptions",
    "Permission",
    "Rule",
    "SecurityGroup",
    "Source",
    "SourceKind",
    "SpotOptions",
    "StateChange",
    "Subnet",
    "SubnetState",
    "Volume",
    "VolumeAttachment",
    "VolumeAttachmentState",
    "VolumeState",
    "Vpc",
    "VpcState",
]
