"""Models of EC2 images, key pairs, volumes and Elastic IP addresses.

Frozen attrs classes built from boto3-stubs TypedDicts by their ``_from_*`` classmethods. A
field is required only where AWS sends it for every kind of the resource; the rest default
to ``None`` (or ``False``, ``()``, no tags).
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
    """An AMI's state; ``UNKNOWN`` for a state AWS adds later."""

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
    """An EBS volume's state; ``UNKNOWN`` for a state AWS adds later."""

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
    """An Amazon Machine Image (AMI), as ``describe_images`` reports it.

    ``state`` is ``ImageState.UNKNOWN`` for a state this version does not know;
    ``state_name`` is always AWS's own string. ``platform`` is ``"windows"`` for Windows
    AMIs and ``None`` for the rest.
    """

    id: str
    state: ImageState
    state_name: str
    owner_id: str
    name: str | None = None
    created: datetime | None = None
    architecture: str | None = None
    platform: str | None = None
    root_device_name: str | None = None
    root_device_type: str | None = None
    public: bool = False
    description: str | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)

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

    ``private_key`` is the PEM private key, returned once by ``create_key_pair`` (AWS keeps
    no copy) and ``None`` everywhere else; it never appears in ``repr()`` or ``str()``.
    ``created`` and ``key_type`` are ``None`` where AWS's answer leaves them out: creating and
    importing report neither (``key_type`` is known after ``create_key_pair``), listing both.
    """

    name: str
    id: str
    fingerprint: str
    key_type: str | None = None
    created: datetime | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)
    private_key: str | None = attrs.field(default=None, repr=False)

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
        """The key pair ``create_key_pair`` made, with its private key."""
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
        """The key pair ``import_key_pair`` made."""
        return cls(
            name=sent(response.get("KeyName"), "KeyName", "ImportKeyPair"),
            id=sent(response.get("KeyPairId"), "KeyPairId", "ImportKeyPair"),
            fingerprint=sent(response.get("KeyFingerprint"), "KeyFingerprint", "ImportKeyPair"),
            tags=_response_tags(response.get("Tags"), tags),
        )


@attrs.frozen(kw_only=True)
class VolumeAttachment:
    """A volume's attachment to an instance.

    ``instance_id`` and ``device`` are ``None`` for a volume attached to an AWS-managed
    resource (an ECS task on Fargate), which ``associated_resource`` names instead.
    """

    state: VolumeAttachmentState
    state_name: str
    instance_id: str | None = None
    device: str | None = None
    delete_on_termination: bool = False
    associated_resource: str | None = None

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

    ``iops`` is ``None`` for volume types without provisioned or baseline IOPS
    (``standard``), ``throughput`` for all but ``gp3``; ``snapshot_id`` is the snapshot it
    was created from, if any.
    """

    id: str
    size_gib: int
    volume_type: str
    state: VolumeState
    state_name: str
    availability_zone: str
    created: datetime
    encrypted: bool = False
    kms_key_id: str | None = None
    iops: int | None = None
    throughput: int | None = None
    snapshot_id: str | None = None
    attachments: tuple[VolumeAttachment, ...] = ()
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)

    @property
    def name(self) -> str | None:
        """The ``Name`` tag, or ``None``."""
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
    """An Elastic IP address, and what it is associated with (all ``None`` if nothing).

    ``public_ip`` is ``None`` only for a carrier IP address (Wavelength Zones), which
    ``carrier_ip`` holds instead.
    """

    allocation_id: str
    public_ip: str | None = None
    carrier_ip: str | None = None
    association_id: str | None = None
    instance_id: str | None = None
    network_interface_id: str | None = None
    private_ip: str | None = None
    domain: str | None = None
    tags: Mapping[str, str] = attrs.field(factory=Tags, converter=as_tags)

    @property
    def name(self) -> str | None:
        """The ``Name`` tag, or ``None``."""
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
        """The address ``allocate_address`` allocated: associated with nothing yet."""
        return cls(
            allocation_id=sent(response.get("AllocationId"), "AllocationId", "AllocateAddress"),
            public_ip=response.get("PublicIp") or None,
            carrier_ip=response.get("CarrierIp") or None,
            domain=response.get("Domain") or None,
            tags=tags,
        )
