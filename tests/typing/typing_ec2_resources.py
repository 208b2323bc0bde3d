"""Type checks of EC2 images, key pairs, volumes and Elastic IPs: methods and model fields.

Checked by mypy and basedpyright, never run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal, assert_type

from awsfacade.ec2 import (
    Address,
    Image,
    ImageState,
    KeyPair,
    Volume,
    VolumeAttachment,
    VolumeAttachmentState,
    VolumeState,
)

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service


def check_images(ec2: Ec2Service) -> None:
    """Image methods return Image models or a lazy iterator of them."""
    assert_type(ec2.images(), Iterator[Image])
    assert_type(
        ec2.images(
            owners=["self", "amazon"],
            ids=("ami-1",),
            filters={"architecture": ["arm64"]},
            tags={"env": "prod"},
        ),
        Iterator[Image],
    )
    assert_type(ec2.image("ami-1"), Image)


def check_key_pairs(ec2: Ec2Service) -> None:
    """Key pair methods return KeyPair models; key_type is a Literal of AWS's two types."""
    assert_type(ec2.create_key_pair("deploy"), KeyPair)
    assert_type(ec2.create_key_pair("deploy", key_type="rsa", tags={"a": "b"}), KeyPair)
    ec2.create_key_pair("deploy", key_type="dsa")  # type: ignore[arg-type]
    assert_type(ec2.import_key_pair("laptop", "ssh-ed25519 AAAA me"), KeyPair)
    assert_type(ec2.import_key_pair("laptop", b"ssh-ed25519 AAAA me", tags={}), KeyPair)
    assert_type(ec2.key_pairs(), Iterator[KeyPair])
    assert_type(ec2.key_pairs(names=["deploy"], filters={"k": ["v"]}), Iterator[KeyPair])
    assert_type(ec2.key_pairs(ids=["key-1"], tags={"a": "b"}), Iterator[KeyPair])
    assert_type(ec2.key_pair("deploy"), KeyPair)
    assert_type(ec2.delete_key_pair("deploy"), None)


def check_volumes(ec2: Ec2Service) -> None:
    """Volume methods return Volume and VolumeAttachment models."""
    assert_type(ec2.create_volume(availability_zone="us-east-1a", size_gib=8), Volume)
    assert_type(
        ec2.create_volume(
            availability_zone="us-east-1a",
            size_gib=100,
            volume_type="io2",
            iops=3000,
            throughput=None,
            encrypted=True,
            kms_key_id="alias/ebs",
            snapshot_id="snap-1",
            tags={"Name": "data"},
        ),
        Volume,
    )
    assert_type(ec2.volumes(), Iterator[Volume])
    assert_type(
        ec2.volumes(ids=["vol-1"], filters={"size": ["8"]}, tags={"a": "b"}), Iterator[Volume]
    )
    assert_type(ec2.volume("vol-1"), Volume)
    assert_type(ec2.attach_volume("vol-1", instance_id="i-1", device="/dev/sdf"), VolumeAttachment)
    assert_type(ec2.detach_volume("vol-1"), VolumeAttachment)
    assert_type(ec2.detach_volume("vol-1", instance_id="i-1", force=True), VolumeAttachment)
    assert_type(ec2.delete_volume("vol-1"), None)


def check_addresses(ec2: Ec2Service) -> None:
    """Elastic IP methods return Address models, an association id, or nothing."""
    assert_type(ec2.allocate_address(), Address)
    assert_type(ec2.allocate_address(tags={"Name": "front"}), Address)
    assert_type(ec2.addresses(), Iterator[Address])
    assert_type(ec2.addresses(public_ips=["198.51.100.7"], filters={}), Iterator[Address])
    assert_type(ec2.addresses(allocation_ids=["eipalloc-1"], tags={}), Iterator[Address])
    assert_type(ec2.address("eipalloc-1"), Address)
    assert_type(ec2.associate_address("eipalloc-1", instance_id="i-1"), str)
    assert_type(
        ec2.associate_address(
            "eipalloc-1",
            network_interface_id="eni-1",
            private_ip="10.0.0.5",
            allow_reassociation=True,
        ),
        str,
    )
    assert_type(ec2.disassociate_address("eipassoc-1"), None)
    assert_type(ec2.release_address("eipalloc-1"), None)


def check_image(image: Image) -> None:
    """Image's fields; its state is a StrEnum comparable with AWS's strings."""
    assert_type(image.id, str)
    assert_type(image.name, str | None)
    assert_type(image.state, ImageState)
    assert_type(image.state_name, str)
    assert_type(image.owner_id, str)
    assert_type(image.created, datetime | None)
    assert_type(image.architecture, str | None)
    assert_type(image.platform, str | None)
    assert_type(image.root_device_name, str | None)
    assert_type(image.root_device_type, str | None)
    assert_type(image.public, bool)
    assert_type(image.description, str | None)
    assert_type(image.tags, Mapping[str, str])
    assert_type(image.state == "available", bool)
    assert_type(ImageState(image.state_name), ImageState)
    assert_type(ImageState.UNKNOWN, Literal[ImageState.UNKNOWN])


def check_key_pair(key: KeyPair) -> None:
    """KeyPair's fields; the private key is there only after create_key_pair."""
    assert_type(key.name, str)
    assert_type(key.id, str)
    assert_type(key.fingerprint, str)
    assert_type(key.key_type, str | None)
    assert_type(key.created, datetime | None)
    assert_type(key.tags, Mapping[str, str])
    assert_type(key.private_key, str | None)
    key.private_key = None  # type: ignore[misc]  # frozen


def check_volume(volume: Volume, attachment: VolumeAttachment) -> None:
    """Volume's and VolumeAttachment's fields."""
    assert_type(volume.id, str)
    assert_type(volume.size_gib, int)
    assert_type(volume.volume_type, str)
    assert_type(volume.state, VolumeState)
    assert_type(volume.state_name, str)
    assert_type(volume.availability_zone, str)
    assert_type(volume.created, datetime)
    assert_type(volume.encrypted, bool)
    assert_type(volume.kms_key_id, str | None)
    assert_type(volume.iops, int | None)
    assert_type(volume.throughput, int | None)
    assert_type(volume.snapshot_id, str | None)
    assert_type(volume.attachments, tuple[VolumeAttachment, ...])
    assert_type(volume.tags, Mapping[str, str])
    assert_type(volume.name, str | None)
    assert_type(volume.state == VolumeState.IN_USE, bool)
    assert_type(attachment.state, VolumeAttachmentState)
    assert_type(attachment.state_name, str)
    assert_type(attachment.instance_id, str | None)
    assert_type(attachment.device, str | None)
    assert_type(attachment.delete_on_termination, bool)
    assert_type(attachment.associated_resource, str | None)


def check_address(address: Address) -> None:
    """Address's fields."""
    assert_type(address.allocation_id, str)
    assert_type(address.public_ip, str | None)
    assert_type(address.carrier_ip, str | None)
    assert_type(address.association_id, str | None)
    assert_type(address.instance_id, str | None)
    assert_type(address.network_interface_id, str | None)
    assert_type(address.private_ip, str | None)
    assert_type(address.domain, str | None)
    assert_type(address.tags, Mapping[str, str])
    assert_type(address.name, str | None)
