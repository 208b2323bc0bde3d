"""Ec2Service's images, key pairs, EBS volumes and Elastic IP addresses."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypeGuard

from awsfacade import _tags
from awsfacade._convert import sent
from awsfacade._create import create_counted, create_unique, with_secret
from awsfacade._launch import MAX_VOLUME_GIB
from awsfacade._paging import one_page, only
from awsfacade._validate import check_id, check_int, check_text, optional_ids
from awsfacade.ec2._base import Ec2Base, ec2_filters, tag_specifications
from awsfacade.ec2._resources_models import Address, Image, KeyPair, Volume, VolumeAttachment
from awsfacade.errors import InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from datetime import datetime

    from mypy_boto3_ec2.literals import VolumeTypeType
    from mypy_boto3_ec2.type_defs import (
        AssociateAddressRequestTypeDef,
        CreateKeyPairRequestTypeDef,
        CreateVolumeRequestTypeDef,
        DescribeAddressesRequestTypeDef,
        DescribeImagesRequestPaginateTypeDef,
        DescribeKeyPairsRequestTypeDef,
        DescribeVolumesRequestPaginateTypeDef,
        DetachVolumeRequestTypeDef,
        ImportKeyPairRequestTypeDef,
    )

__all__ = ["VOLUME_PAGE_SIZE", "Ec2ResourcesMixin"]

#: The largest MaxResults DescribeVolumes accepts (5 to 500).
VOLUME_PAGE_SIZE = 500
_MAX_KEY_NAME = 255
_KEY_TYPES = ("rsa", "ed25519")
_VOLUME_TYPE = re.compile(r"^[a-z]+[0-9]*$")


class Ec2ResourcesMixin(Ec2Base):
    """[Ec2Service][awsfacade.ec2.Ec2Service]'s images, key pairs, EBS volumes and Elastic IP
    addresses."""

    __slots__ = ()

    # -- images ----------------------------------------------------------------------------

    def images(
        self,
        *,
        owners: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Iterator[Image]:
        """AMIs matching every criterion given, page by page.

        Without `owners` or `ids` this lists every image you may launch, public ones
        included: tens of thousands. Nothing is sent until you iterate; `owners=[]` and
        `ids=[]` match nothing, and no request is sent for them.

        Args:
            owners: Only images of these owners: account ids and `"self"`, `"amazon"`,
                `"aws-marketplace"`.
            ids: Only these images.
            filters: EC2 filters, each name to the values it accepts
                (`{"name": ["al2023-ami-*"]}`).
            tags: Only images with these tags (each key with this value).

        Returns:
            A lazy iterator of the images, read page by page as you iterate.

        Raises:
            NotFoundError: One of `ids` does not exist (raised as you iterate).
            InvalidArgumentError: A criterion is not valid (one string given for a list);
                nothing was sent.
        """
        checked_owners = optional_ids(owners, "owners")
        checked_ids = optional_ids(ids, "ids")
        request: DescribeImagesRequestPaginateTypeDef = {"Filters": ec2_filters(filters, tags)}
        if checked_owners:
            request["Owners"] = checked_owners
        if checked_ids:
            request["ImageIds"] = checked_ids
        paginator = self._client.get_paginator("describe_images")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("Images", []),
            Image._from_boto,
            ids=checked_ids,
            selectors=(checked_owners,),
        )

    def image(self, image_id: str) -> Image:
        """One AMI by id.

        Returns:
            The image as AWS describes it now.

        Raises:
            NotFoundError: No image has that id, or it is deregistered.
            InvalidArgumentError: `image_id` is not a non-empty string; nothing was sent.
        """
        check_id(image_id, "image_id")
        return only(
            self.images(ids=[image_id]),
            NotFoundError(
                code="InvalidAMIID.NotFound",
                message=f"The image id '[{image_id}]' does not exist",
                operation="DescribeImages",
            ),
        )

    # -- key pairs -------------------------------------------------------------------------

    def create_key_pair(
        self,
        name: str,
        *,
        key_type: Literal["rsa", "ed25519"] = "ed25519",
        tags: Mapping[str, str] | None = None,
    ) -> KeyPair:
        """Create a key pair; the result's `private_key` is the only copy of the private key.

        The private key is in CreateKeyPair's answer only: if that answer is lost and
        botocore's retry meets the key pair the lost attempt made (named so, of this type and
        tags, created during this call), that key pair is deleted and made again, so that
        there is one, with its key.

        Args:
            name: Up to 255 ASCII characters.
            key_type: `"ed25519"` or `"rsa"`.
            tags: Tags for the key pair.

        Returns:
            The new key pair, with its PEM `private_key` (and `key_type`; no `created`).

        Raises:
            AlreadyExistsError: A key pair of that name exists.
            ClientSideError: The answer was lost every time the key pair was made again
                (each one made was deleted).
            InvalidArgumentError: `name` is empty, too long or not ASCII, or `key_type` is
                neither `"rsa"` nor `"ed25519"`; nothing was sent.
        """
        key_name = _key_name(name)
        request: CreateKeyPairRequestTypeDef = {"KeyName": key_name}
        if key_type not in _KEY_TYPES:
            raise InvalidArgumentError(f'key_type must be "rsa" or "ed25519", not {key_type!r}')
        request["KeyType"] = key_type
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "key-pair")

        def send() -> KeyPair:
            with self._translate():
                response = self._client.create_key_pair(**request)
            return KeyPair._from_created(response, key_type=key_type, tags=checked_tags)

        def find(began: datetime) -> KeyPair | None:
            return self._key_pair_made_since(key_name, began, checked_tags, key_type)

        return with_secret(
            lambda: create_unique(send, operation="CreateKeyPair", find=find),
            has_secret=lambda made: made.private_key is not None,
            delete=lambda orphan: self.delete_key_pair(orphan.name),
            operation="CreateKeyPair",
        )

    def import_key_pair(
        self, name: str, public_key: str | bytes, *, tags: Mapping[str, str] | None = None
    ) -> KeyPair:
        """Import the public key of an RSA or ED25519 key pair made elsewhere.

        If the answer is lost and botocore's retry meets the key pair the lost attempt made
        (named so, with these tags, created during this call), that one is returned.

        Args:
            name: Up to 255 ASCII characters.
            public_key: The public key in OpenSSH format (`ssh-ed25519 AAAA…`, as in
                `~/.ssh/id_ed25519.pub`).
            tags: Tags for the key pair.

        Returns:
            The imported key pair (no `private_key`, `key_type` or `created`).

        Raises:
            AlreadyExistsError: A key pair of that name exists.
            InvalidArgumentError: `name` is empty, too long or not ASCII, or `public_key` is
                empty or holds a private key (passed by mistake, it is refused before
                anything is sent).
        """
        key_name = _key_name(name)
        request: ImportKeyPairRequestTypeDef = {
            "KeyName": key_name,
            "PublicKeyMaterial": _public_key(public_key),
        }
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "key-pair")

        def send() -> KeyPair:
            with self._translate():
                response = self._client.import_key_pair(**request)
            return KeyPair._from_imported(response, tags=checked_tags)

        return create_unique(
            send,
            operation="ImportKeyPair",
            find=lambda began: self._key_pair_made_since(key_name, began, checked_tags),
        )

    def _key_pair_made_since(
        self,
        name: str,
        began: datetime,
        tags: Mapping[str, str],
        key_type: str | None = None,
    ) -> KeyPair | None:
        """The key pair `name` if it was created at `began` or later, with `tags` (and
        of `key_type`, if given); None if not; NotFoundError if there is none."""
        found = self.key_pair(name)
        made_since = found.created is not None and found.created >= began
        same = found.tags == tags and key_type in (None, found.key_type)
        return found if made_since and same else None

    def key_pairs(
        self,
        *,
        names: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Iterator[KeyPair]:
        """Key pairs matching every criterion given (AWS sends them all in one answer).

        Nothing is sent until you iterate; `names=[]` and `ids=[]` match nothing, and no
        request is sent for them.

        Args:
            names: Only key pairs of these names.
            ids: Only these key pairs (`key-…`); not together with `names`.
            filters: EC2 filters, each name to the values it accepts.
            tags: Only key pairs with these tags (each key with this value).

        Returns:
            A lazy iterator of the key pairs (none with its private key), read in one
                request when you start iterating.

        Raises:
            NotFoundError: A name or id does not exist (raised as you iterate).
            InvalidArgumentError: Both `names` and `ids` are given, or a criterion is not
                valid; nothing was sent.
        """
        checked_names = optional_ids(names, "names")
        checked_ids = optional_ids(ids, "ids")
        if checked_names is not None and checked_ids is not None:
            raise InvalidArgumentError("pass names= or ids=, not both")
        request: DescribeKeyPairsRequestTypeDef = {"Filters": ec2_filters(filters, tags)}
        if checked_names:
            request["KeyNames"] = checked_names
        if checked_ids:
            request["KeyPairIds"] = checked_ids
        return self._list(
            one_page(lambda: self._client.describe_key_pairs(**request)),
            lambda page: page.get("KeyPairs", []),
            KeyPair._from_boto,
            ids=checked_ids,
            selectors=(checked_names,),
        )

    def key_pair(self, name: str) -> KeyPair:
        """One key pair by name.

        Returns:
            The key pair (without its private key, which AWS does not keep).

        Raises:
            NotFoundError: No key pair has that name.
            InvalidArgumentError: `name` is not a non-empty string; nothing was sent.
        """
        check_id(name, "name")
        return only(
            self.key_pairs(names=[name]),
            NotFoundError(
                code="InvalidKeyPair.NotFound",
                message=f"The key pair '{name}' does not exist",
                operation="DescribeKeyPairs",
            ),
        )

    def delete_key_pair(self, name: str) -> None:
        """Delete a key pair by name.

        Like AWS, deleting one that does not exist succeeds.

        Raises:
            InvalidArgumentError: `name` is not a non-empty string; nothing was sent.
        """
        check_id(name, "name")
        with self._translate():
            self._client.delete_key_pair(KeyName=name)

    # -- volumes ---------------------------------------------------------------------------

    def create_volume(
        self,
        *,
        availability_zone: str,
        size_gib: int | None = None,
        volume_type: str = "gp3",
        iops: int | None = None,
        throughput: int | None = None,
        encrypted: bool | None = None,
        kms_key_id: str | None = None,
        snapshot_id: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Volume:
        """Create an EBS volume of `size_gib` GiB, from `snapshot_id`, or both (then at
        least the snapshot's size). It is `creating` at first, then `available`.

        Args:
            availability_zone: The zone of the volume (and of the instances it can attach to).
            size_gib: The size in GiB, up to 65,536 (other types than gp3 and io2 allow
                less, which AWS checks).
            volume_type: `gp2`, `gp3`, `io1`, `io2`, `st1`, `sc1`, `standard`, or a newer
                type (only its shape is checked here).
            iops: Provisioned IOPS; suits gp3, io1 and io2. AWS checks the ranges each type
                allows.
            throughput: Throughput in MiB/s; gp3 only.
            encrypted: `None` follows the account's encryption-by-default setting.
            kms_key_id: The KMS key to encrypt with; needs `encrypted=True`.
            snapshot_id: The snapshot to create the volume from.
            tags: Tags for the volume.

        Returns:
            The new volume, `creating` at first.

        Raises:
            NotFoundError: The snapshot does not exist.
            InvalidArgumentError: Neither `size_gib` nor `snapshot_id` is given, `kms_key_id`
                is given without `encrypted=True`, or an argument is out of range; nothing was
                sent.
        """
        request: CreateVolumeRequestTypeDef = {
            "AvailabilityZone": check_id(availability_zone, "availability_zone"),
            "VolumeType": _volume_type(volume_type),
        }
        if size_gib is not None:
            request["Size"] = check_int(size_gib, "size_gib", minimum=1, maximum=MAX_VOLUME_GIB)
        if snapshot_id is not None:
            request["SnapshotId"] = check_id(snapshot_id, "snapshot_id")
        if size_gib is None and snapshot_id is None:
            raise InvalidArgumentError("give size_gib, snapshot_id, or both")
        if iops is not None:
            request["Iops"] = check_int(iops, "iops", minimum=1)
        if throughput is not None:
            request["Throughput"] = check_int(throughput, "throughput", minimum=1)
        if encrypted is not None:
            request["Encrypted"] = encrypted
        if kms_key_id is not None:
            if encrypted is not True:
                raise InvalidArgumentError("kms_key_id needs encrypted=True")
            request["KmsKeyId"] = check_id(kms_key_id, "kms_key_id")
        checked_tags = _tags.validate(tags)
        if checked_tags:
            request["TagSpecifications"] = tag_specifications(checked_tags, "volume")
        with self._translate():
            response = self._client.create_volume(**request)
        return Volume._from_boto(response)

    def volumes(
        self,
        *,
        ids: Sequence[str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Iterator[Volume]:
        """EBS volumes matching every criterion given, page by page.

        Nothing is sent until you iterate; `ids=[]` matches nothing, and no request is sent
        for it.

        Args:
            ids: Only these volumes.
            filters: EC2 filters, each name to the values it accepts.
            tags: Only volumes with these tags (each key with this value).

        Returns:
            A lazy iterator of the volumes, read page by page as you iterate.

        Raises:
            NotFoundError: One of `ids` does not exist (raised as you iterate).
            InvalidArgumentError: A criterion is not valid (one string given for a list);
                nothing was sent.
        """
        checked_ids = optional_ids(ids, "ids")
        request: DescribeVolumesRequestPaginateTypeDef = {"Filters": ec2_filters(filters, tags)}
        if checked_ids:
            request["VolumeIds"] = checked_ids
        paginator = self._client.get_paginator("describe_volumes")
        return self._list(
            lambda config: paginator.paginate(**request | {"PaginationConfig": config}),
            lambda page: page.get("Volumes", []),
            Volume._from_boto,
            ids=checked_ids,
            page_size=VOLUME_PAGE_SIZE,
        )

    def volume(self, volume_id: str) -> Volume:
        """One EBS volume by id.

        Returns:
            The volume as AWS describes it now, with its attachments.

        Raises:
            NotFoundError: No volume has that id.
            InvalidArgumentError: `volume_id` is not a non-empty string; nothing was sent.
        """
        check_id(volume_id, "volume_id")
        return only(
            self.volumes(ids=[volume_id]),
            NotFoundError(
                code="InvalidVolume.NotFound",
                message=f"The volume '{volume_id}' does not exist.",
                operation="DescribeVolumes",
            ),
        )

    def attach_volume(self, volume_id: str, *, instance_id: str, device: str) -> VolumeAttachment:
        """Attach a volume to an instance in its Availability Zone as `device`.

        Args:
            device: The device name the instance sees (`/dev/sdf`, `xvdf`).

        Returns:
            The attachment, `attaching` at first.

        Raises:
            InUseError: The volume is attached already.
            NotFoundError: The volume or the instance does not exist.
            InvalidArgumentError: An argument is not a non-empty string; nothing was sent.
        """
        check_id(volume_id, "volume_id")
        check_id(instance_id, "instance_id")
        check_id(device, "device")
        with self._translate():
            response = self._client.attach_volume(
                VolumeId=volume_id, InstanceId=instance_id, Device=device
            )
        return VolumeAttachment._from_boto(response)

    def detach_volume(
        self, volume_id: str, *, instance_id: str | None = None, force: bool = False
    ) -> VolumeAttachment:
        """Detach a volume from its instance.

        Args:
            instance_id: Which instance to detach a Multi-Attach volume from (moto needs it
                for every volume).
            force: Detach a volume stuck in use, at the risk of losing unflushed data.

        Returns:
            The attachment, `detaching` at first.

        Raises:
            NotFoundError: The volume does not exist, or is not attached to `instance_id`.
            InvalidArgumentError: An argument is not valid; nothing was sent.
        """
        request: DetachVolumeRequestTypeDef = {"VolumeId": check_id(volume_id, "volume_id")}
        if instance_id is not None:
            request["InstanceId"] = check_id(instance_id, "instance_id")
        if force:
            request["Force"] = True
        with self._translate():
            response = self._client.detach_volume(**request)
        return VolumeAttachment._from_boto(response)

    def delete_volume(self, volume_id: str) -> None:
        """Delete a volume.

        Raises:
            InUseError: The volume is attached (`VolumeInUse`).
            NotFoundError: No volume has that id.
            InvalidArgumentError: `volume_id` is not a non-empty string; nothing was sent.
        """
        check_id(volume_id, "volume_id")
        with self._translate():
            self._client.delete_volume(VolumeId=volume_id)

    # -- Elastic IP addresses --------------------------------------------------------------

    def allocate_address(self, *, tags: Mapping[str, str] | None = None) -> Address:
        """Allocate an Elastic IP address from Amazon's pool, associated with nothing yet.

        AllocateAddress has no idempotency token: a retry after a lost answer would allocate
        a second address. So the addresses with these tags are listed first (one request),
        botocore does not send it again once it may have been carried out, and then the one
        new address is returned; the error says whether it was carried out otherwise.
        Credentials allowed to allocate but not to list addresses still allocate one.

        Returns:
            The new address, for use in a VPC.

        Raises:
            AmbiguousError: AWS's answer was lost and several addresses with these tags
                appeared meanwhile, so which one this call allocated cannot be told.
            LimitExceededError: The region's Elastic IP quota is used up
                (`AddressLimitExceeded`).
            InvalidArgumentError: A tag is not valid; nothing was sent.
        """
        checked_tags = _tags.validate(tags)

        def send() -> Address:
            with self._translate():
                response = self._client.allocate_address(
                    Domain="vpc", TagSpecifications=tag_specifications(checked_tags, "elastic-ip")
                )
            return Address._from_allocated(response, tags=checked_tags)

        return create_counted(
            send,
            operation="AllocateAddress",
            matching=lambda: self.addresses(filters={"domain": ["vpc"]}, tags=checked_tags),
            key=lambda address: address.allocation_id,
            what="Elastic IP address" + (" with those tags" if checked_tags else ""),
        )

    def addresses(
        self,
        *,
        public_ips: Sequence[str] | None = None,
        allocation_ids: Sequence[str] | None = None,
        filters: Mapping[str, Sequence[str]] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Iterator[Address]:
        """Elastic IP addresses matching every criterion given (AWS sends them all in one
        answer).

        Nothing is sent until you iterate; `public_ips=[]` and `allocation_ids=[]` match
        nothing, and no request is sent for them.

        Args:
            public_ips: Only these addresses (IPv4, dotted quads).
            allocation_ids: Only these addresses, by allocation id (`eipalloc-…`); not
                together with `public_ips`.
            filters: EC2 filters, each name to the values it accepts.
            tags: Only addresses with these tags (each key with this value).

        Returns:
            A lazy iterator of the addresses, read in one request when you start iterating.

        Raises:
            NotFoundError: An address or allocation id does not exist (raised as you
                iterate).
            InvalidArgumentError: Both `public_ips` and `allocation_ids` are given, or one
                of `public_ips` is not an IPv4 address; nothing was sent.
        """
        checked_ips = optional_ids(public_ips, "public_ips")
        checked_ids = optional_ids(allocation_ids, "allocation_ids")
        if checked_ips is not None and checked_ids is not None:
            raise InvalidArgumentError("pass public_ips= or allocation_ids=, not both")
        request: DescribeAddressesRequestTypeDef = {"Filters": ec2_filters(filters, tags)}
        if checked_ips:
            request["PublicIps"] = [_ipv4(ip, "each of public_ips") for ip in checked_ips]
        if checked_ids:
            request["AllocationIds"] = checked_ids
        return self._list(
            one_page(lambda: self._client.describe_addresses(**request)),
            lambda page: page.get("Addresses", []),
            Address._from_boto,
            ids=checked_ids,
            selectors=(checked_ips,),
        )

    def address(self, allocation_id: str) -> Address:
        """One Elastic IP address by allocation id.

        Returns:
            The address, and what it is associated with now.

        Raises:
            NotFoundError: No address has that allocation id.
            InvalidArgumentError: `allocation_id` is not a non-empty string; nothing was sent.
        """
        check_id(allocation_id, "allocation_id")
        return only(
            self.addresses(allocation_ids=[allocation_id]),
            NotFoundError(
                code="InvalidAllocationID.NotFound",
                message=f"The allocation ID '{allocation_id}' does not exist",
                operation="DescribeAddresses",
            ),
        )

    def associate_address(
        self,
        allocation_id: str,
        *,
        instance_id: str | None = None,
        network_interface_id: str | None = None,
        private_ip: str | None = None,
        allow_reassociation: bool = False,
    ) -> str:
        """Associate an Elastic IP address with an instance or a network interface (exactly
        one).

        Args:
            instance_id: The instance to associate it with.
            network_interface_id: The network interface to associate it with.
            private_ip: One of the target's private addresses (default: the primary).
            allow_reassociation: Move an address associated elsewhere already (AWS's own
                default is to move it silently; here it is refused unless you say so).

        Returns:
            The association id, for
                [`disassociate_address`][awsfacade.ec2.Ec2Service.disassociate_address].

        Raises:
            InUseError: The address is associated elsewhere already and
                `allow_reassociation` is `False`.
            NotFoundError: The address, instance or network interface does not exist.
            InvalidArgumentError: Not exactly one of `instance_id` and
                `network_interface_id` is given, or `private_ip` is not an IPv4 address;
                nothing was sent.
        """
        request: AssociateAddressRequestTypeDef = {
            "AllocationId": check_id(allocation_id, "allocation_id"),
            "AllowReassociation": allow_reassociation,
        }
        if (instance_id is None) == (network_interface_id is None):
            raise InvalidArgumentError("pass exactly one of instance_id= or network_interface_id=")
        if instance_id is not None:
            request["InstanceId"] = check_id(instance_id, "instance_id")
        if network_interface_id is not None:
            request["NetworkInterfaceId"] = check_id(network_interface_id, "network_interface_id")
        if private_ip is not None:
            request["PrivateIpAddress"] = _ipv4(private_ip, "private_ip")
        with self._translate():
            response = self._client.associate_address(**request)
        return sent(response.get("AssociationId"), "AssociationId", "AssociateAddress")

    def disassociate_address(self, association_id: str) -> None:
        """End an association made by
        [`associate_address`][awsfacade.ec2.Ec2Service.associate_address]; the address stays
        yours.

        Raises:
            NotFoundError: No association has that id.
            InvalidArgumentError: `association_id` is not a non-empty string; nothing was sent.
        """
        check_id(association_id, "association_id")
        with self._translate():
            self._client.disassociate_address(AssociationId=association_id)

    def release_address(self, allocation_id: str) -> None:
        """Give an Elastic IP address back to Amazon's pool.

        Raises:
            InUseError: The address is associated.
            NotFoundError: No address has that allocation id.
            InvalidArgumentError: `allocation_id` is not a non-empty string; nothing was sent.
        """
        check_id(allocation_id, "allocation_id")
        with self._translate():
            self._client.release_address(AllocationId=allocation_id)


# -- argument checks: every one runs before the first request --------------------------------


def _key_name(name: str) -> str:
    """A key pair name as AWS accepts it: up to 255 ASCII characters."""
    checked = check_text(name, "name", _MAX_KEY_NAME)
    if not checked.isascii():
        raise InvalidArgumentError(f"key pair names are ASCII characters only, not {name!r}")
    return checked


def _public_key(given: str | bytes) -> bytes:
    """The public key material, as bytes; a private key is refused, never sent."""
    value = given.encode() if isinstance(given, str) else given
    if not value.strip():
        raise InvalidArgumentError("public_key must not be empty")
    if b"PRIVATE KEY" in value:
        raise InvalidArgumentError(
            "public_key holds a private key: pass the public key (the .pub file) instead"
        )
    return value


def _volume_type(value: str) -> VolumeTypeType:
    """`value` checked for the shape of every EBS volume type (`gp3`, `io2`, `st1`)."""
    if not _is_volume_type(value):
        raise InvalidArgumentError(f'volume_type must look like "gp3" or "io2", not {value!r}')
    return value


def _is_volume_type(value: str) -> TypeGuard[VolumeTypeType]:
    # As for instance types: check the shape and let AWS judge a type newer than the stubs.
    return _VOLUME_TYPE.fullmatch(value) is not None


def _ipv4(value: object, what: str) -> str:
    """An IPv4 address in dotted-quad notation."""
    text = check_id(value, what)
    try:
        ipaddress.IPv4Address(text)
    except ValueError as error:
        raise InvalidArgumentError(f"{what} is not an IPv4 address: {value!r}") from error
    return text
