"""What instances are launched with, shared by EC2 and AutoScaling: a launch template
reference, block devices, metadata options and spot options, and the checks of an instance
type and of user data.

These are inputs, not AWS answers: each checks itself when built, and knows how to put
itself into a `RunInstances` request and into launch template data (two shapes in the
stubs for the same wire fields). They are public through [`awsfacade.ec2`][awsfacade.ec2].
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, TypeGuard

import attrs

from awsfacade._convert import user_input
from awsfacade._validate import check_bool, check_id, check_int
from awsfacade.errors import InvalidArgumentError

if TYPE_CHECKING:
    from mypy_boto3_ec2.literals import InstanceTypeType, VolumeTypeType
    from mypy_boto3_ec2.type_defs import (
        BlockDeviceMappingTypeDef,
        EbsBlockDeviceTypeDef,
        InstanceMarketOptionsRequestTypeDef,
        InstanceMetadataOptionsRequestTypeDef,
        LaunchTemplateBlockDeviceMappingRequestTypeDef,
        LaunchTemplateEbsBlockDeviceRequestTypeDef,
        LaunchTemplateInstanceMarketOptionsRequestTypeDef,
        LaunchTemplateInstanceMetadataOptionsRequestTypeDef,
        LaunchTemplateSpecificationTypeDef,
    )

__all__ = [
    "MAX_VOLUME_GIB",
    "BlockDevice",
    "LaunchTemplateRef",
    "MetadataOptions",
    "SpotOptions",
    "check_instance_type",
    "check_template_name",
    "check_user_data",
]

#: The largest EBS volume (gp3, io2); other types allow less, which AWS checks.
MAX_VOLUME_GIB = 65536
_USER_DATA_LIMIT = 16 * 1024
_INSTANCE_TYPE = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")

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


def check_instance_type(value: str) -> InstanceTypeType:
    """`value` checked for the family.size shape of every instance type."""
    if not _is_instance_type(value):
        raise InvalidArgumentError(
            f'instance_type must look like "t3.micro" (family.size), not {value!r}'
        )
    return value


def _is_instance_type(value: str) -> TypeGuard[InstanceTypeType]:
    # The stubs list today's types as a Literal; AWS adds types between stub releases, so
    # we check the shape and let AWS judge the rest rather than refuse a type it accepts.
    return _INSTANCE_TYPE.fullmatch(value) is not None


def check_user_data(user_data: str) -> str:
    """User data within AWS's 16 KiB limit on the raw bytes (before base64)."""
    if len(user_data.encode()) > _USER_DATA_LIMIT:
        raise InvalidArgumentError("user_data is longer than AWS's 16 KiB limit (in bytes)")
    return user_data


#: LaunchTemplateName's pattern and lengths in EC2's service model.
_TEMPLATE_NAME = re.compile(r"[a-zA-Z0-9()./_-]{3,128}")


def check_template_name(value: object, what: str = "name") -> str:
    """A launch template name as AWS accepts it: 3 to 128 of `a-z A-Z 0-9 ( ) . / _ -`."""
    if not isinstance(value, str) or not _TEMPLATE_NAME.fullmatch(value):
        raise InvalidArgumentError(
            f"{what} must be 3 to 128 of a-z A-Z 0-9 ( ) . / _ -, not {value!r}"
        )
    return value


def _check_version(value: str) -> None:
    number = isinstance(value, str) and value.isascii() and value.isdigit() and int(value) >= 1
    if not isinstance(value, str) or not (value in {"$Default", "$Latest"} or number):
        raise InvalidArgumentError(
            f'version must be "$Default", "$Latest" or a version number, not {value!r}'
        )


@attrs.frozen(kw_only=True)
class LaunchTemplateRef:
    """A launch template by `id=` or `name=` (exactly one) and a version.

    A reference you build is checked at once, and a wrong one raises
    [InvalidArgumentError][awsfacade.errors.InvalidArgumentError]: neither or both of `id` and
    `name`, a name AWS would refuse, a version that is none of `"$Default"`, `"$Latest"` or a
    number.
    """

    id: str | None = None
    """The template's id (`lt-…`); `None` when `name` is given."""
    name: str | None = None
    """The template's name; `None` when `id` is given."""
    version: str = "$Default"
    """`"$Default"`, `"$Latest"` or a version number, as a string (`"3"`)."""

    def __attrs_post_init__(self) -> None:
        if not user_input():
            return
        _check_version(self.version)
        if (self.id is None) == (self.name is None):
            raise InvalidArgumentError("LaunchTemplateRef takes exactly one of id= or name=")
        if self.id is not None:
            check_id(self.id, "id")
        else:
            check_template_name(check_id(self.name, "name"), "name")

    def _to_boto(self) -> LaunchTemplateSpecificationTypeDef:
        if self.id is not None:
            return {"LaunchTemplateId": self.id, "Version": self.version}
        return {"LaunchTemplateName": self.name or "", "Version": self.version}
