"""EC2: instances, security groups, VPCs, subnets, launch templates, images, key pairs,
volumes and Elastic IPs.

[Ec2Service][awsfacade.ec2.Ec2Service] does the work; the rest are the models it returns
and the options it takes. The names are imported on first use (as in
[awsfacade][awsfacade]), so a module that needs one sub-module, such as AutoScaling needing
[LaunchTemplateRef][awsfacade.ec2.LaunchTemplateRef], does not pay for the whole EC2
service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsfacade._launch import BlockDevice, MetadataOptions, SpotOptions
    from awsfacade.ec2._models import (
        Instance,
        InstanceState,
        InstanceStateName,
        LaunchTemplate,
        LaunchTemplateRef,
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

_LAUNCH = "awsfacade._launch"
_MODELS = "awsfacade.ec2._models"
_RESOURCE_MODELS = "awsfacade.ec2._resources_models"

#: Where each exported name is defined.
_LAZY = {
    "Address": _RESOURCE_MODELS,
    "BlockDevice": _LAUNCH,
    "Ec2Service": "awsfacade.ec2._service",
    "Image": _RESOURCE_MODELS,
    "ImageState": _RESOURCE_MODELS,
    "Instance": _MODELS,
    "InstanceState": _MODELS,
    "InstanceStateName": _MODELS,
    "KeyPair": _RESOURCE_MODELS,
    "LaunchTemplate": _MODELS,
    "LaunchTemplateRef": _MODELS,
    "MetadataOptions": _LAUNCH,
    "Permission": _MODELS,
    "Rule": _MODELS,
    "SecurityGroup": _MODELS,
    "Source": _MODELS,
    "SourceKind": _MODELS,
    "SpotOptions": _LAUNCH,
    "StateChange": _MODELS,
    "Subnet": _MODELS,
    "SubnetState": _MODELS,
    "Volume": _RESOURCE_MODELS,
    "VolumeAttachment": _RESOURCE_MODELS,
    "VolumeAttachmentState": _RESOURCE_MODELS,
    "VolumeState": _RESOURCE_MODELS,
    "Vpc": _MODELS,
    "VpcState": _MODELS,
}


def __getattr__(name: str) -> object:
    """Import the sub-module defining `name` when `name` is first asked for."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'awsfacade.ec2' has no attribute {name!r}")
    import importlib

    value: object = getattr(importlib.import_module(module_name), name)
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
