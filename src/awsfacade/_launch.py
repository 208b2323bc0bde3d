"""What users launch instances with: block devices, metadata options and spot options.

These are inputs, not AWS answers: each checks itself when built, and knows how to put
itself into a `RunInstances` request and into launch template data (two shapes in the
stubs for the same wire fields).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

import attrs

from awsfacade._validate import check_bool, check_id, check_int
from awsfacade.ec2._checks import MAX_VOLUME_GIB
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.literals import VolumeTypeType
    from mypy_boto3_ec2.type_defs import (
        BlockDeviceMappingTypeDef,
        EbsBlockDeviceTypeDef,
        InstanceMarketOptionsRequestTypeDef,
        InstanceMetadataOptionsRequestTypeDef,
        LaunchTemplateBlockDeviceMappingRequestTypeDef,
        LaunchTemplateEbsBlockDeviceRequestTypeDef,
        LaunchTemplateInstanceMarketOptionsRequestTypeDef,
        LaunchTemplateInstanceMetadataOptionsRequestTypeDef,
    )

__all__ = ["BlockDevice", "MetadataOptions", "SpotOptions"]

_VOLUME_TYPES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")
_DEVICE = re.compile(r"^/dev/[a-z0-9]+$|^xvd[a-z]+$")
_PRICE = re.compile(r"^\d+(\.\d+)?$")


def _is_volume_type(value: str) -> bool:
    return value in _VOLUME_TYPES


@attrs.frozen(kw_only=True)
class BlockDevice:
    """An EBS volume to create with the instance, at `device_name` (`/dev/xvda` is the
    root of most Linux AMIs). `size_gib=None` keeps the AMI's or snapshot's size;
    `delete_on_termination=None` keeps AWS's default: the AMI's own setting for a device
    the AMI maps (an AMI may keep its root volume), deletion for any other."""

    device_name: str = "/dev/xvda"
    """Where the instance sees the volume: `/dev/xvda` (the root of most Linux AMIs), `/dev/sdf`,
    `xvdf`…"""
    size_gib: int | None = None
    """Its size in GiB, up to 65,536; `None` keeps the AMI's or snapshot's size."""
    volume_type: Literal["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"] = "gp3"
    """The EBS volume type."""
    iops: int | None = None
    """Provisioned IOPS (gp3, io1, io2); `None` sends none (AWS's default for the type)."""
    throughput: int | None = None
    """Throughput in MiB/s (gp3 only); `None` sends none (AWS's default for the type)."""
    encrypted: bool | None = None
    """Whether to encrypt it; `None` follows the AMI or snapshot and the account's
    encryption-by-default setting."""
    kms_key_id: str | None = None
    """The KMS key to encrypt it with; `None`: the default EBS key."""
    snapshot_id: str | None = None
    """The snapshot to create it from; `None`: the AMI's for a device the AMI maps, else an empty
    volume."""
    delete_on_termination: bool | None = None
    """Whether it is deleted with the instance; `None` keeps AWS's default: the AMI's own setting
    for a device the AMI maps, deletion for any other."""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.device_name, str) or not _DEVICE.match(self.device_name):
            raise InvalidArgumentError(
                f"device_name must look like /dev/xvda or /dev/sdf, not {self.device_name!r}"
            )
        if not isinstance(self.volume_type, str) or not _is_volume_type(self.volume_type):
            raise InvalidArgumentError(
                f"volume_type must be one of {', '.join(_VOLUME_TYPES)}, not {self.volume_type!r}"
            )
        if self.size_gib is not None:
            check_int(self.size_gib, "size_gib", minimum=1, maximum=MAX_VOLUME_GIB)
        if self.iops is not None:
            check_int(self.iops, "iops", minimum=1)
        if self.throughput is not None:
            check_int(self.throughput, "throughput", minimum=1)
        if self.encrypted is not None:
            check_bool(self.encrypted, "encrypted")
        if self.delete_on_termination is not None:
            check_bool(self.delete_on_termination, "delete_on_termination")
        for name, value in (("kms_key_id", self.kms_key_id), ("snapshot_id", self.snapshot_id)):
            if value is not None:
                check_id(value, name)

    def _for_run(self) -> BlockDeviceMappingTypeDef:
        return {"DeviceName": self.device_name, "Ebs": self._ebs()}

    def _for_template(self) -> LaunchTemplateBlockDeviceMappingRequestTypeDef:
        # Launch template data has its own stub name for the same wire fields.
        ebs: LaunchTemplateEbsBlockDeviceRequestTypeDef = self._ebs()
        return {"DeviceName": self.device_name, "Ebs": ebs}

    def _ebs(self) -> EbsBlockDeviceTypeDef:
        ebs: EbsBlockDeviceTypeDef = {"VolumeType": self._volume_type()}
        if self.delete_on_termination is not None:
            ebs["DeleteOnTermination"] = self.delete_on_termination
        if self.size_gib is not None:
            ebs["VolumeSize"] = self.size_gib
        if self.iops is not None:
            ebs["Iops"] = self.iops
        if self.throughput is not None:
            ebs["Throughput"] = self.throughput
        if self.encrypted is not None:
            ebs["Encrypted"] = self.encrypted
        if self.kms_key_id is not None:
            ebs["KmsKeyId"] = self.kms_key_id
        if self.snapshot_id is not None:
            ebs["SnapshotId"] = self.snapshot_id
        return ebs

    def _volume_type(self) -> VolumeTypeType:
        return self.volume_type


@attrs.frozen(kw_only=True)
class MetadataOptions:
    """The instance metadata service (IMDS) settings.

    The default requires IMDSv2 session tokens (`http_tokens="required"`), AWS's own advice:
    IMDSv1 lets an SSRF bug read the instance's credentials. `hop_limit=None` keeps AWS's
    default (2 for containers on the instance, set it explicitly).
    """

    http_tokens: Literal["required", "optional"] = "required"
    """`"required"`: IMDSv2 session tokens only (the default, AWS's advice); `"optional"` allows
    IMDSv1 too."""
    hop_limit: int | None = None
    """How many network hops the metadata token may travel, 1 to 64; `None` keeps AWS's default (2
    for containers on the instance, set it explicitly)."""
    endpoint_enabled: bool = True
    """Whether the metadata service answers at all."""
    instance_tags: bool = False
    """Whether the instance's tags can be read from the metadata service."""

    def __attrs_post_init__(self) -> None:
        if self.http_tokens not in ("required", "optional"):
            raise InvalidArgumentError(
                f'http_tokens must be "required" or "optional", not {self.http_tokens!r}'
            )
        if self.hop_limit is not None:
            check_int(self.hop_limit, "hop_limit", minimum=1, maximum=64)
        check_bool(self.endpoint_enabled, "endpoint_enabled")
        check_bool(self.instance_tags, "instance_tags")

    def _for_run(self) -> InstanceMetadataOptionsRequestTypeDef:
        options: InstanceMetadataOptionsRequestTypeDef = {
            "HttpTokens": self.http_tokens,
            "HttpEndpoint": "enabled" if self.endpoint_enabled else "disabled",
            "InstanceMetadataTags": "enabled" if self.instance_tags else "disabled",
        }
        if self.hop_limit is not None:
            options["HttpPutResponseHopLimit"] = self.hop_limit
        return options

    def _for_template(self) -> LaunchTemplateInstanceMetadataOptionsRequestTypeDef:
        return self._for_run()


@attrs.frozen(kw_only=True)
class SpotOptions:
    """Launch as Spot Instances: `max_price` in USD an hour (`None`: up to the On-Demand
    price), and what AWS does when it takes the capacity back."""

    max_price: str | None = None
    """The most to pay, in USD an hour, as a decimal string (`"0.05"`); `None`: up to the On-Demand
    price."""
    interruption: Literal["terminate", "stop", "hibernate"] = "terminate"
    """What AWS does with the instance when it takes the capacity back; `"stop"` and `"hibernate"`
    need `persistent=True` (AWS's rule)."""
    persistent: bool = False
    """Whether the Spot request stays open after an interruption, so that the instance is launched
    (or started) again."""

    def __attrs_post_init__(self) -> None:
        if self.max_price is not None and (
            not isinstance(self.max_price, str) or not _PRICE.match(self.max_price)
        ):
            raise InvalidArgumentError(
                f'max_price must be a decimal string like "0.05", not {self.max_price!r}'
            )
        if self.interruption not in ("terminate", "stop", "hibernate"):
            raise InvalidArgumentError(
                f"interruption must be terminate, stop or hibernate, not {self.interruption!r}"
            )
        check_bool(self.persistent, "persistent")
        if self.interruption != "terminate" and not self.persistent:
            raise InvalidArgumentError(
                f"interruption={self.interruption!r} needs persistent=True (AWS's rule)"
            )

    def _for_run(self) -> InstanceMarketOptionsRequestTypeDef:
        options: InstanceMarketOptionsRequestTypeDef = {
            "MarketType": "spot",
            "SpotOptions": {
                "SpotInstanceType": "persistent" if self.persistent else "one-time",
                "InstanceInterruptionBehavior": self.interruption,
            },
        }
        if self.max_price is not None:
            options["SpotOptions"]["MaxPrice"] = self.max_price
        return options

    def _for_template(self) -> LaunchTemplateInstanceMarketOptionsRequestTypeDef:
        return self._for_run()
