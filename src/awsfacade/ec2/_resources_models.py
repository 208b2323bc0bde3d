"""Models of EC2 images, key pairs, volumes and Elastic IP addresses.

Frozen attrs classes built from boto3-stubs TypedDicts by their `_from_*` classmethods. A
field is required only where AWS sends it for every kind of the resource; the rest default
to `None` (or `False`, `()`, no tags).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from awsfacade._base import StateEnum
from awsfacade._convert import converter, iso_utc, optional_utc, required, sent, utc
from awsfacade._tags import Tags, as_tags

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import (
        AddressTypeDef,
        AllocateAddressResultTypeDef,
        ImageTypeDef,
        ImportKeyPairResultTypeDef,
        KeyPairInfoTypeDef,
        KeyPairTypeDef,
        TagTypeDef,
        VolumeAttachmentResponseTypeDef,
        VolumeAttachmentTypeDef,
        VolumeResponseTypeDef,
        VolumeTypeDef,
    )

__all__ = [
    "Address",
    "Image",
    "ImageState",
    "KeyPair",
    "Volume",
    "VolumeAttachment",
    "VolumeAttachmentState",
    "VolumeState",
]


class ImageState(StateEnum):
    """An AMI's state; `UNKNOWN` for a state AWS adds later."""

    PENDING = "pending"
    AVAILABLE = "available"
    INVALID = "invalid"
    DEREGISTERED = "deregistered"
    TRANSIENT = "transient"
    FAILED = "failed"
    ERROR = "error"
    DISABLED = "disabled"
    UNKNOWN = "unknown"


class VolumeState(StateEnum):
    """An EBS volume's state; `UNKNOWN` for a state AWS adds later."""

    CREATING = "creating"
    AVAILABLE = "available"
    IN_USE = "in-use"
    DELETING = "deleting"
    DELETED = "deleted"
    ERROR = "error"
    UNKNOWN = "unknown"


class VolumeAttachmentState(StateEnum):
    """The state of a volume's attachment to an instance."""

    ATTACHING = "attaching"
    ATTACHED = "attached"
    DETACHING = "detaching"
    DETACHED = "detached"
    BUSY = "busy"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class Image:
    """An Amazon Machine Image (AMI), as `DescribeImages` reports it.

    `state` is `ImageState.UNKNOWN` for a state this version does not know;
    `state_name` is always AWS's own string. `platform` is `"windows"` for Windows
    AMIs and `None` for the rest.
    """

    id: str
    """The AMI id (`ami-…`)."""
    state: ImageState
    """Its state; `ImageState.UNKNOWN` for a state this version does not know."""
    state_name: str
    """AWS's own string for the state, always."""
    owner_id: str
    """The account that owns the image."""
    name: str | None = None
    """The image's name; `None` when AWS reports none."""
    created: datetime | None = None
    """When it was created, tz-aware UTC; `None` when AWS reports none."""
    architecture: str | None = None
    """Its architecture (`x86_64`, `arm64`); `None` when AWS reports none."""
    platform: str | None = None
    """`"windows"` for a Windows AMI, `None` for the rest."""
    root_device_name: str | None = None
    """Its root device's name (`/dev/xvda`); `None` when AWS reports none."""
    root_device_type: str | None = None
    """`"ebs"` or `"instance-store"`; `None` when AWS reports none."""
    public: bool = False
    """Whether every account may launch it."""
    description: str | None = None
    """Its description; `None` if it has none."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @classmethod
    @converter
    def _from_boto(cls, item: ImageTypeDef) -> Image:
        state_name = required(item.get("State"), "State")
        return cls(
            id=required(item.get("ImageId"), "ImageId"),
            state=ImageState(state_name),
            state_name=state_name,
            owner_id=required(item.get("OwnerId"), "OwnerId"),
            name=item.get("Name") or None,
            created=iso_utc(item.get("CreationDate")),
            architecture=item.get("Architecture") or None,
            platform=item.get("Platform") or None,
            root_device_name=item.get("RootDeviceName") or None,
            root_device_type=item.get("RootDeviceType") or None,
            public=item.get("Public", False),
            description=item.get("Description") or None,
            tags=Tags.from_aws(item.get("Tags")),
        )


def _response_tags(tags: list[TagTypeDef] | None, requested: Mapping[str, str]) -> Tags:
    """The tags a create response reports, or those requested if it reports none."""
    return Tags(requested) if tags is None else Tags.from_aws(tags)


@attrs.frozen(kw_only=True)
class KeyPair:
    """An EC2 key pair.

    `private_key` is the PEM private key, returned once by
    [`create_key_pair`][awsfacade.ec2.Ec2Service.create_key_pair] (AWS keeps no copy) and
    `None` everywhere else; it never appears in `repr()` or `str()`. `created` and
    `key_type` are `None` where AWS's answer leaves them out: creating and importing report
    neither (`key_type` is known after `create_key_pair`), listing both.
    """

    name: str
    """The key pair's name."""
    id: str
    """The key pair id (`key-…`)."""
    fingerprint: str
    """The fingerprint of its key, as AWS computes it."""
    key_type: str | None = None
    """`"rsa"` or `"ed25519"`; `None` after `import_key_pair`, whose answer does not say."""
    created: datetime | None = None
    """When it was created, tz-aware UTC; `None` after `create_key_pair` and `import_key_pair`,
    whose answers do not say."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""
    private_key: str | None = attrs.field(default=None, repr=False)
    """The PEM private key, from `create_key_pair` only (AWS keeps no copy); `None` everywhere else.
    Never in `repr()` or `str()`."""

    @classmethod
    @converter
    def _from_boto(cls, item: KeyPairInfoTypeDef) -> KeyPair:
        return cls(
            name=required(item.get("KeyName"), "KeyName"),
            id=required(item.get("KeyPairId"), "KeyPairId"),
            fingerprint=required(item.get("KeyFingerprint"), "KeyFingerprint"),
            key_type=item.get("KeyType") or None,
            created=optional_utc(item.get("CreateTime")),
            tags=Tags.from_aws(item.get("Tags")),
        )

    @classmethod
    def _from_created(
        cls, response: KeyPairTypeDef, *, key_type: str, tags: Mapping[str, str]
    ) -> KeyPair:
        """The key pair `create_key_pair` made, with its private key."""
        return cls(
            name=sent(response.get("KeyName"), "KeyName", "CreateKeyPair"),
            id=sent(response.get("KeyPairId"), "KeyPairId", "CreateKeyPair"),
            fingerprint=sent(response.get("KeyFingerprint"), "KeyFingerprint", "CreateKeyPair"),
            key_type=key_type,
            tags=_response_tags(response.get("Tags"), tags),
            private_key=sent(response.get("KeyMaterial"), "KeyMaterial", "CreateKeyPair"),
        )

    @classmethod
    def _from_imported(
        cls, response: ImportKeyPairResultTypeDef, *, tags: Mapping[str, str]
    ) -> KeyPair:
        """The key pair `import_key_pair` made."""
        return cls(
            name=sent(response.get("KeyName"), "KeyName", "ImportKeyPair"),
            id=sent(response.get("KeyPairId"), "KeyPairId", "ImportKeyPair"),
            fingerprint=sent(response.get("KeyFingerprint"), "KeyFingerprint", "ImportKeyPair"),
            tags=_response_tags(response.get("Tags"), tags),
        )


@attrs.frozen(kw_only=True)
class VolumeAttachment:
    """A volume's attachment to an instance.

    `instance_id` and `device` are `None` for a volume attached to an AWS-managed
    resource (an ECS task on Fargate), which `associated_resource` names instead.
    """

    state: VolumeAttachmentState
    """The attachment's state; `VolumeAttachmentState.UNKNOWN` for a state this version does not
    know."""
    state_name: str
    """AWS's own string for the state, always."""
    instance_id: str | None = None
    """The instance the volume is attached to; `None` for an AWS-managed resource."""
    device: str | None = None
    """The device name the instance sees (`/dev/sdf`); `None` for an AWS-managed resource."""
    delete_on_termination: bool = False
    """Whether the volume is deleted when the instance terminates."""
    associated_resource: str | None = None
    """The AWS-managed resource (an ECS task on Fargate) the volume is attached to; `None` for an
    instance."""

    @classmethod
    @converter
    def _from_boto(
        cls, item: VolumeAttachmentTypeDef | VolumeAttachmentResponseTypeDef
    ) -> VolumeAttachment:
        state_name = required(item.get("State"), "State")
        return cls(
            state=VolumeAttachmentState(state_name),
            state_name=state_name,
            instance_id=item.get("InstanceId") or None,
            device=item.get("Device") or None,
            delete_on_termination=item.get("DeleteOnTermination", False),
            associated_resource=item.get("AssociatedResource") or None,
        )


@attrs.frozen(kw_only=True)
class Volume:
    """An EBS volume.

    `iops` is `None` for volume types without provisioned or baseline IOPS
    (`standard`), `throughput` for all but `gp3`; `snapshot_id` is the snapshot it
    was created from, if any.
    """

    id: str
    """The volume id (`vol-…`)."""
    size_gib: int
    """Its size in GiB."""
    volume_type: str
    """Its type (`gp3`, `io2`, `st1`, …)."""
    state: VolumeState
    """Its state; `VolumeState.UNKNOWN` for a state this version does not know."""
    state_name: str
    """AWS's own string for the state, always."""
    availability_zone: str
    """Its Availability Zone (instances it attaches to are in the same)."""
    created: datetime
    """When it was created, tz-aware UTC."""
    encrypted: bool = False
    """Whether it is encrypted."""
    kms_key_id: str | None = None
    """The KMS key it is encrypted with; `None` if it is not encrypted or AWS does not say."""
    iops: int | None = None
    """Its IOPS, provisioned or baseline; `None` for volume types without (`standard`)."""
    throughput: int | None = None
    """Its throughput in MiB/s; `None` for all types but `gp3`."""
    snapshot_id: str | None = None
    """The snapshot it was created from; `None` if none."""
    attachments: tuple[VolumeAttachment, ...] = ()
    """Its attachments to instances (several for a Multi-Attach volume); `()` if it is not attached.
    """
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @property
    def name(self) -> str | None:
        """The `Name` tag.

        Returns:
            The value of the `Name` tag, or `None` without one.
        """
        return self.tags.get("Name")

    @classmethod
    @converter
    def _from_boto(cls, item: VolumeTypeDef | VolumeResponseTypeDef) -> Volume:
        state_name = required(item.get("State"), "State")
        return cls(
            id=required(item.get("VolumeId"), "VolumeId"),
            size_gib=required(item.get("Size"), "Size"),
            volume_type=required(item.get("VolumeType"), "VolumeType"),
            state=VolumeState(state_name),
            state_name=state_name,
            availability_zone=required(item.get("AvailabilityZone"), "AvailabilityZone"),
            created=utc(required(item.get("CreateTime"), "CreateTime")),
            encrypted=item.get("Encrypted", False),
            kms_key_id=item.get("KmsKeyId") or None,
            iops=item.get("Iops"),
            throughput=item.get("Throughput"),
            snapshot_id=item.get("SnapshotId") or None,
            attachments=tuple(
                VolumeAttachment._from_boto(attachment)
                for attachment in item.get("Attachments", [])
            ),
            tags=Tags.from_aws(item.get("Tags")),
        )


@attrs.frozen(kw_only=True)
class Address:
    """An Elastic IP address, and what it is associated with (all `None` if nothing).

    `public_ip` is `None` only for a carrier IP address (Wavelength Zones), which
    `carrier_ip` holds instead.
    """

    allocation_id: str
    """The allocation id (`eipalloc-…`) that names the address."""
    public_ip: str | None = None
    """The public IPv4 address; `None` only for a carrier IP address, which `carrier_ip` holds
    instead."""
    carrier_ip: str | None = None
    """The carrier IP address (Wavelength Zones); `None` for the rest."""
    association_id: str | None = None
    """The association's id (`eipassoc-…`), for `disassociate_address`; `None` if associated with
    nothing."""
    instance_id: str | None = None
    """The instance it is associated with; `None` if none."""
    network_interface_id: str | None = None
    """The network interface it is associated with; `None` if none."""
    private_ip: str | None = None
    """The private address it maps to; `None` if associated with nothing."""
    domain: str | None = None
    """`"vpc"` for an address for use in a VPC; `None` when AWS reports none."""
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    """Its tags, key to value."""

    @property
    def name(self) -> str | None:
        """The `Name` tag.

        Returns:
            The value of the `Name` tag, or `None` without one.
        """
        return self.tags.get("Name")

    @classmethod
    @converter
    def _from_boto(cls, item: AddressTypeDef) -> Address:
        return cls(
            allocation_id=required(item.get("AllocationId"), "AllocationId"),
            public_ip=item.get("PublicIp") or None,
            carrier_ip=item.get("CarrierIp") or None,
            association_id=item.get("AssociationId") or None,
            instance_id=item.get("InstanceId") or None,
            network_interface_id=item.get("NetworkInterfaceId") or None,
            private_ip=item.get("PrivateIpAddress") or None,
            domain=item.get("Domain") or None,
            tags=Tags.from_aws(item.get("Tags")),
        )

    @classmethod
    def _from_allocated(
        cls, response: AllocateAddressResultTypeDef, *, tags: Mapping[str, str]
    ) -> Address:
        """The address `allocate_address` allocated: associated with nothing yet."""
        return cls(
            allocation_id=sent(response.get("AllocationId"), "AllocationId", "AllocateAddress"),
            public_ip=response.get("PublicIp") or None,
            carrier_ip=response.get("CarrierIp") or None,
            domain=response.get("Domain") or None,
            tags=tags,
        )
