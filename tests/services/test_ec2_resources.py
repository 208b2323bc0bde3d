"""Images, key pairs, EBS volumes and Elastic IPs through moto's in-process mock.

Each test gets fresh moto state through the plugin's ``ec2_service`` fixture. Requests are
counted with a botocore ``before-call`` hook on the service's own client. What moto cannot do
(paging these listings, errors only AWS sends, odd responses) is in
``test_ec2_resources_stubbed.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from support import Requests, requests_of

from awsfacade.ec2 import (
    Address,
    Image,
    ImageState,
    KeyPair,
    Volume,
    VolumeAttachmentState,
    VolumeState,
)
from awsfacade.errors import AlreadyExistsError, InUseError, InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from mypy_boto3_ec2.type_defs import InstanceTypeDef

    from awsfacade.ec2 import Ec2Service

IMAGE = "ami-12c6146b"  # one of the AMIs moto ships
MISSING_IMAGE = "ami-0123456789abcdef0"
MISSING_VOLUME = "vol-0123456789abcdef0"
MISSING_ALLOCATION = "eipalloc-0123456789abcdef0"


@pytest.fixture
def ec2(ec2_service: Ec2Service) -> Ec2Service:
    """The plugin's Ec2Service on moto, under a name short enough for the tables below."""
    return ec2_service


requests_sent = requests_of("ec2")


def launch(ec2: Ec2Service, count: int = 1) -> list[str]:
    """The ids of ``count`` new instances (through the raw client: not under test here)."""
    response = ec2.client.run_instances(ImageId=IMAGE, MinCount=count, MaxCount=count)
    return [instance.get("InstanceId", "") for instance in response.get("Instances", [])]


def described_instance(ec2: Ec2Service, instance_id: str) -> InstanceTypeDef:
    """An instance as describe_instances reports it."""
    [reservation] = ec2.client.describe_instances(InstanceIds=[instance_id])["Reservations"]
    [instance] = reservation.get("Instances", [])
    return instance


def zone_of(ec2: Ec2Service, instance_id: str) -> str:
    """The Availability Zone of an instance."""
    return described_instance(ec2, instance_id).get("Placement", {}).get("AvailabilityZone", "")


def public_key() -> bytes:
    """A new ED25519 public key in OpenSSH format, as in ``~/.ssh/id_ed25519.pub``."""
    return (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    )


def recent(moment: datetime | None) -> bool:
    """Whether ``moment`` is a UTC datetime of the last few minutes."""
    return (
        moment is not None
        and moment.tzinfo is UTC
        and timedelta(0) <= datetime.now(UTC) - moment < timedelta(minutes=5)
    )


# -- images ----------------------------------------------------------------------------------


def test_images_of_self_are_the_images_made_here(ec2: Ec2Service) -> None:
    """images(owners=["self"]) yields the account's own AMIs with their fields and tags."""
    [instance_id] = launch(ec2)
    image_id = ec2.client.create_image(
        InstanceId=instance_id,
        Name="web-2024",
        Description="the web tier",
        TagSpecifications=[{"ResourceType": "image", "Tags": [{"Key": "tier", "Value": "web"}]}],
    )["ImageId"]

    [image] = ec2.images(owners=["self"])

    assert isinstance(image, Image)
    assert image.id == image_id
    assert image.name == "web-2024"
    assert image.description == "the web tier"
    assert image.state == "available"
    assert image.state is ImageState.AVAILABLE
    assert image.state_name == "available"
    assert image.owner_id == "123456789012"  # moto's account
    assert image.public is False
    assert recent(image.created)  # AWS sends CreationDate as an ISO 8601 string
    assert image.root_device_name is not None
    assert dict(image.tags) == {"tier": "web"}
    assert ec2.image(image_id) == image


def test_image_reads_amazons_public_images(ec2: Ec2Service) -> None:
    """A public AMI by id: owned by another account, public, with its architecture."""
    image = ec2.image(IMAGE)

    assert image.id == IMAGE
    assert image.public is True
    assert image.owner_id != "123456789012"
    assert image.architecture == "x86_64"
    assert image.root_device_type in {"ebs", "instance-store"}


def test_images_match_tags_and_filters(ec2: Ec2Service) -> None:
    """tags= and filters= narrow the listing; a tag nobody has matches nothing."""
    [instance_id] = launch(ec2)
    for name, tier in (("web", "front"), ("database", "back")):
        ec2.client.create_image(
            InstanceId=instance_id,
            Name=name,
            TagSpecifications=[{"ResourceType": "image", "Tags": [{"Key": "tier", "Value": tier}]}],
        )

    assert [image.name for image in ec2.images(owners=["self"], tags={"tier": "back"})] == [
        "database"
    ]
    assert [image.name for image in ec2.images(owners=["self"], filters={"name": ["web"]})] == [
        "web"
    ]
    assert list(ec2.images(owners=["self"], tags={"tier": "middle"})) == []


def test_image_that_does_not_exist_raises_not_found(ec2: Ec2Service) -> None:
    """image() of an unknown or deregistered AMI raises NotFoundError."""
    [instance_id] = launch(ec2)
    image_id = ec2.client.create_image(InstanceId=instance_id, Name="gone")["ImageId"]
    ec2.client.deregister_image(ImageId=image_id)

    for missing in (MISSING_IMAGE, image_id):
        with pytest.raises(NotFoundError) as raised:
            ec2.image(missing)
        assert raised.value.operation == "DescribeImages"


def test_images_listing_is_lazy(ec2: Ec2Service, requests_sent: Requests) -> None:
    """images() sends nothing until the first next(), then one request for the page."""
    listing = ec2.images(owners=["amazon"])
    assert requests_sent.operations == []

    next(listing)
    assert requests_sent.operations == ["DescribeImages"]
    [body] = requests_sent.bodies("DescribeImages")
    assert body["MaxResults"] == 1000
    assert body["Owner.1"] == "amazon"


# -- key pairs -------------------------------------------------------------------------------


def test_create_key_pair_returns_the_private_key_once(ec2: Ec2Service) -> None:
    """create_key_pair() hands back the PEM private key; listing it never does."""
    created = ec2.create_key_pair("deploy", tags={"team": "ops"})

    assert isinstance(created, KeyPair)
    assert created.name == "deploy"
    assert created.id.startswith("key-")
    assert created.key_type == "ed25519"
    assert created.fingerprint
    assert created.private_key is not None
    assert "PRIVATE KEY" in created.private_key
    assert dict(created.tags) == {"team": "ops"}

    described = ec2.key_pair("deploy")
    assert described.private_key is None
    assert (described.id, described.fingerprint) == (created.id, created.fingerprint)
    assert described.key_type == "ed25519"
    assert recent(described.created)
    assert dict(described.tags) == {"team": "ops"}


def test_private_key_never_appears_in_repr_or_str(ec2: Ec2Service) -> None:
    """The private key is hidden from repr() and str(), of the key pair and of containers."""
    created = ec2.create_key_pair("secret", key_type="rsa")
    assert created.private_key is not None
    material = created.private_key.splitlines()[1]  # a line of the key itself

    for text in (repr(created), str(created), repr([created]), str({"key": created})):
        assert material not in text
        assert "PRIVATE KEY" not in text
        assert "private_key" not in text
    assert "secret" in repr(created)  # the rest of the model still shows


def test_create_key_pair_with_a_taken_name_raises_already_exists(ec2: Ec2Service) -> None:
    """A second key pair of the same name raises AlreadyExistsError."""
    ec2.create_key_pair("deploy")

    with pytest.raises(AlreadyExistsError) as raised:
        ec2.create_key_pair("deploy")
    assert raised.value.code == "InvalidKeyPair.Duplicate"


def test_a_key_pair_name_may_be_255_characters(ec2: Ec2Service) -> None:
    """AWS's longest key pair name, 255 characters, is sent."""
    assert ec2.create_key_pair("k" * 255).name == "k" * 255


def test_import_key_pair_registers_a_public_key(ec2: Ec2Service) -> None:
    """import_key_pair() accepts str or bytes and returns the key pair without a private key."""
    from_bytes = ec2.import_key_pair("laptop", public_key(), tags={"owner": "me"})
    from_text = ec2.import_key_pair("desktop", public_key().decode())

    for imported in (from_bytes, from_text):
        assert imported.id.startswith("key-")
        assert imported.fingerprint
        assert imported.private_key is None
    assert dict(from_bytes.tags) == {"owner": "me"}
    assert ec2.key_pair("laptop").key_type == "ed25519"
    assert {key.name for key in ec2.key_pairs()} == {"laptop", "desktop"}


def test_import_key_pair_refuses_a_private_key_without_a_request(
    ec2: Ec2Service, requests_sent: Requests
) -> None:
    """A private key passed as the public one is refused before it could leave the machine."""
    private = (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
        .decode()
    )

    with pytest.raises(InvalidArgumentError, match="private key"):
        ec2.import_key_pair("oops", private)
    assert requests_sent.operations == []


def test_key_pairs_is_lazy_and_one_request(ec2: Ec2Service, requests_sent: Requests) -> None:
    """key_pairs() sends nothing before next(), then one DescribeKeyPairs for all of them."""
    for name in ("a", "b", "c"):
        ec2.create_key_pair(name)
    requests_sent.clear()

    listing = ec2.key_pairs()
    assert requests_sent.operations == []
    assert {key.name for key in listing} == {"a", "b", "c"}
    assert requests_sent.operations == ["DescribeKeyPairs"]


def test_key_pairs_by_name_and_tag(ec2: Ec2Service) -> None:
    """names= and tags= select key pairs; an unknown name raises NotFoundError."""
    ec2.create_key_pair("a", tags={"env": "prod"})
    ec2.create_key_pair("b", tags={"env": "dev"})
    ec2.create_key_pair("c")

    assert [key.name for key in ec2.key_pairs(names=["b"])] == ["b"]
    assert [key.name for key in ec2.key_pairs(tags={"env": "prod"})] == ["a"]
    with pytest.raises(NotFoundError):
        list(ec2.key_pairs(names=["a", "missing"]))


def test_delete_key_pair_removes_it_and_is_idempotent(ec2: Ec2Service) -> None:
    """After delete_key_pair() the key pair is gone; deleting it again succeeds, as in AWS."""
    ec2.create_key_pair("old")

    ec2.delete_key_pair("old")
    ec2.delete_key_pair("old")

    with pytest.raises(NotFoundError) as raised:
        ec2.key_pair("old")
    assert raised.value.code == "InvalidKeyPair.NotFound"


# -- volumes ---------------------------------------------------------------------------------


def test_create_volume_returns_it_as_created(ec2: Ec2Service, requests_sent: Requests) -> None:
    """create_volume() returns the volume from its own answer, without another request."""
    volume = ec2.create_volume(
        availability_zone="us-east-1a",
        size_gib=20,
        iops=4000,
        throughput=250,
        tags={"Name": "data"},
    )

    assert requests_sent.operations == ["CreateVolume"]
    assert isinstance(volume, Volume)
    assert volume.id.startswith("vol-")
    assert volume.size_gib == 20
    assert volume.volume_type == "gp3"
    assert volume.availability_zone == "us-east-1a"
    assert volume.state in {VolumeState.CREATING, VolumeState.AVAILABLE}
    assert volume.state_name == str(volume.state)
    assert volume.encrypted is False
    assert volume.snapshot_id is None
    assert volume.attachments == ()
    assert recent(volume.created)
    assert dict(volume.tags) == {"Name": "data"}
    assert volume.name == "data"
    [body] = requests_sent.bodies("CreateVolume")
    assert body["VolumeType"] == "gp3"
    assert (body["Iops"], body["Throughput"]) == (4000, 250)
    assert ec2.volume(volume.id) == volume


def test_create_volume_from_a_snapshot(ec2: Ec2Service) -> None:
    """A volume made from a snapshot names it, and takes its size if none is given."""
    source = ec2.create_volume(availability_zone="us-east-1a", size_gib=12)
    snapshot_id = ec2.client.create_snapshot(VolumeId=source.id)["SnapshotId"]

    volume = ec2.create_volume(availability_zone="us-east-1b", snapshot_id=snapshot_id)

    assert volume.snapshot_id == snapshot_id
    assert volume.size_gib == 12


def test_create_encrypted_volume(ec2: Ec2Service, requests_sent: Requests) -> None:
    """encrypted=True and a KMS key are sent; the volume reports them."""
    key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    volume = ec2.create_volume(
        availability_zone="us-east-1a", size_gib=1, encrypted=True, kms_key_id=key_arn
    )

    assert volume.encrypted is True
    assert volume.kms_key_id == key_arn
    [body] = requests_sent.bodies("CreateVolume")
    assert (body["Encrypted"], body["KmsKeyId"]) == ("true", key_arn)


def test_volumes_match_ids_and_tags(ec2: Ec2Service) -> None:
    """volumes() lists every volume; ids= and tags= select some of them."""
    first = ec2.create_volume(availability_zone="us-east-1a", size_gib=1, tags={"env": "prod"})
    second = ec2.create_volume(availability_zone="us-east-1a", size_gib=2)

    assert {volume.id for volume in ec2.volumes()} == {first.id, second.id}
    assert [volume.id for volume in ec2.volumes(ids=[second.id])] == [second.id]
    assert [volume.id for volume in ec2.volumes(tags={"env": "prod"})] == [first.id]
    assert [volume.id for volume in ec2.volumes(filters={"size": ["2"]})] == [second.id]


def test_volumes_listing_is_lazy_with_the_largest_page(
    ec2: Ec2Service, requests_sent: Requests
) -> None:
    """volumes() sends nothing before next(), then asks for 500 a page (DescribeVolumes' most)."""
    ec2.create_volume(availability_zone="us-east-1a", size_gib=1)
    requests_sent.clear()

    listing = ec2.volumes()
    assert requests_sent.operations == []
    next(listing)
    [body] = requests_sent.bodies("DescribeVolumes")
    assert body["MaxResults"] == 500


def test_volume_lifecycle_attach_detach_delete(ec2: Ec2Service) -> None:
    """A volume attached to an instance is in use and cannot be deleted until detached."""
    [instance_id] = launch(ec2)
    volume = ec2.create_volume(availability_zone=zone_of(ec2, instance_id), size_gib=8)

    attachment = ec2.attach_volume(volume.id, instance_id=instance_id, device="/dev/sdf")
    assert attachment.instance_id == instance_id
    assert attachment.device == "/dev/sdf"
    assert attachment.state in {VolumeAttachmentState.ATTACHING, VolumeAttachmentState.ATTACHED}

    attached = ec2.volume(volume.id)
    assert attached.state is VolumeState.IN_USE
    [described] = attached.attachments
    assert (described.instance_id, described.device) == (instance_id, "/dev/sdf")
    assert described.state_name == str(described.state)
    with pytest.raises(InUseError) as raised:
        ec2.delete_volume(volume.id)
    assert raised.value.code == "VolumeInUse"

    # moto gap (5.2): DetachVolume without InstanceId crashes moto; AWS accepts it.
    detached = ec2.detach_volume(volume.id, instance_id=instance_id)
    assert detached.state in {VolumeAttachmentState.DETACHING, VolumeAttachmentState.DETACHED}
    assert ec2.volume(volume.id).attachments == ()

    ec2.delete_volume(volume.id)
    with pytest.raises(NotFoundError) as missing:
        ec2.volume(volume.id)
    assert missing.value.code == "InvalidVolume.NotFound"


def test_force_detach_is_sent(ec2: Ec2Service, requests_sent: Requests) -> None:
    """force=True is sent as Force; the default sends no Force at all."""
    [instance_id] = launch(ec2)
    zone = zone_of(ec2, instance_id)
    for force in (False, True):
        volume = ec2.create_volume(availability_zone=zone, size_gib=1)
        ec2.attach_volume(volume.id, instance_id=instance_id, device="/dev/sdg")
        ec2.detach_volume(volume.id, instance_id=instance_id, force=force)

    plain, forced = requests_sent.bodies("DetachVolume")
    assert "Force" not in plain
    assert forced["Force"] == "true"


UNKNOWN_VOLUME_CALLS: dict[str, Callable[[Ec2Service], object]] = {
    "volume": lambda ec2: ec2.volume(MISSING_VOLUME),
    "delete_volume": lambda ec2: ec2.delete_volume(MISSING_VOLUME),
    "attach_volume": lambda ec2: ec2.attach_volume(
        MISSING_VOLUME, instance_id=launch(ec2)[0], device="xvdf"
    ),
}


@pytest.mark.parametrize(
    "call", list(UNKNOWN_VOLUME_CALLS.values()), ids=list(UNKNOWN_VOLUME_CALLS)
)
def test_unknown_volume_raises_not_found(
    ec2: Ec2Service, call: Callable[[Ec2Service], object]
) -> None:
    """Every volume method raises NotFoundError for a volume that does not exist."""
    with pytest.raises(NotFoundError):
        call(ec2)


# -- Elastic IP addresses --------------------------------------------------------------------


def test_allocate_address_and_list_it(ec2: Ec2Service) -> None:
    """allocate_address() returns a free VPC address, which addresses() and address() list."""
    address = ec2.allocate_address(tags={"Name": "front"})

    assert isinstance(address, Address)
    assert address.allocation_id.startswith("eipalloc-")
    assert address.public_ip is not None
    assert address.domain == "vpc"
    assert address.association_id is None
    assert address.instance_id is None
    assert dict(address.tags) == {"Name": "front"}
    assert address.name == "front"
    assert list(ec2.addresses()) == [address]
    assert ec2.address(address.allocation_id) == address
    assert list(ec2.addresses(public_ips=[address.public_ip])) == [address]
    assert list(ec2.addresses(tags={"Name": "front"})) == [address]
    assert list(ec2.addresses(tags={"Name": "back"})) == []


def test_addresses_is_lazy_and_one_request(ec2: Ec2Service, requests_sent: Requests) -> None:
    """addresses() sends nothing before next(), then one DescribeAddresses."""
    for _ in range(3):
        ec2.allocate_address()
    requests_sent.clear()

    listing = ec2.addresses()
    assert requests_sent.operations == []
    assert len(list(listing)) == 3
    assert requests_sent.operations == ["DescribeAddresses"]


def test_associate_disassociate_release(ec2: Ec2Service) -> None:
    """An address associated with an instance shows it; disassociated and released, it is gone."""
    [instance_id] = launch(ec2)
    allocation_id = ec2.allocate_address().allocation_id

    association_id = ec2.associate_address(allocation_id, instance_id=instance_id)

    associated = ec2.address(allocation_id)
    assert associated.association_id == association_id
    assert associated.instance_id == instance_id
    assert associated.network_interface_id is not None
    assert associated.private_ip is not None

    ec2.disassociate_address(association_id)
    free = ec2.address(allocation_id)
    assert (free.association_id, free.instance_id) == (None, None)

    ec2.release_address(allocation_id)
    with pytest.raises(NotFoundError) as raised:
        ec2.address(allocation_id)
    assert raised.value.code == "InvalidAllocationID.NotFound"


def test_associate_address_does_not_move_it_unless_allowed(
    ec2: Ec2Service, requests_sent: Requests
) -> None:
    """An address in use raises InUseError instead of moving silently (AWS's default)."""
    first, second = launch(ec2, 2)
    allocation_id = ec2.allocate_address().allocation_id
    ec2.associate_address(allocation_id, instance_id=first)

    with pytest.raises(InUseError) as raised:
        ec2.associate_address(allocation_id, instance_id=second)
    assert raised.value.code == "Resource.AlreadyAssociated"
    assert ec2.address(allocation_id).instance_id == first

    ec2.associate_address(allocation_id, instance_id=second, allow_reassociation=True)
    assert ec2.address(allocation_id).instance_id == second
    sent = [body["AllowReassociation"] for body in requests_sent.bodies("AssociateAddress")]
    assert sent == ["false", "false", "true"]  # always sent: AWS's default is to move it


def test_associate_address_with_a_network_interface(ec2: Ec2Service) -> None:
    """network_interface_id= associates the address with that interface."""
    [instance_id] = launch(ec2)
    [interface] = described_instance(ec2, instance_id).get("NetworkInterfaces", [])
    interface_id = interface.get("NetworkInterfaceId", "")
    allocation_id = ec2.allocate_address().allocation_id

    ec2.associate_address(allocation_id, network_interface_id=interface_id)

    assert ec2.address(allocation_id).network_interface_id == interface_id


UNKNOWN_ADDRESS_CALLS: dict[str, Callable[[Ec2Service], object]] = {
    "address": lambda ec2: ec2.address(MISSING_ALLOCATION),
    "addresses": lambda ec2: list(ec2.addresses(public_ips=["198.51.100.7"])),
    "release_address": lambda ec2: ec2.release_address(MISSING_ALLOCATION),
    "disassociate_address": lambda ec2: ec2.disassociate_address("eipassoc-0123456789abcdef0"),
}


@pytest.mark.parametrize(
    "call", list(UNKNOWN_ADDRESS_CALLS.values()), ids=list(UNKNOWN_ADDRESS_CALLS)
)
def test_unknown_address_raises_not_found(
    ec2: Ec2Service, call: Callable[[Ec2Service], object]
) -> None:
    """Every address method raises NotFoundError for an address that does not exist."""
    with pytest.raises(NotFoundError):
        call(ec2)


# -- selectors that match nothing, and validation --------------------------------------------

EMPTY_SELECTIONS: dict[str, Callable[[Ec2Service], list[object]]] = {
    "images(owners=[])": lambda ec2: list(ec2.images(owners=[])),
    "images(ids=[])": lambda ec2: list(ec2.images(ids=[])),
    "images(ids=())": lambda ec2: list(ec2.images(ids=())),
    "key_pairs(names=[])": lambda ec2: list(ec2.key_pairs(names=[])),
    "key_pairs(ids=[])": lambda ec2: list(ec2.key_pairs(ids=[])),
    "volumes(ids=[])": lambda ec2: list(ec2.volumes(ids=[])),
    "addresses(public_ips=[])": lambda ec2: list(ec2.addresses(public_ips=[])),
    "addresses(allocation_ids=[])": lambda ec2: list(ec2.addresses(allocation_ids=[])),
}


@pytest.mark.parametrize("call", list(EMPTY_SELECTIONS.values()), ids=list(EMPTY_SELECTIONS))
def test_empty_selection_matches_nothing_without_a_request(
    ec2: Ec2Service, requests_sent: Requests, call: Callable[[Ec2Service], list[object]]
) -> None:
    """An empty id, name or owner list means "none of them", never "all"; nothing is sent."""
    ec2.create_key_pair("k")
    ec2.allocate_address()
    ec2.create_volume(availability_zone="us-east-1a", size_gib=1)
    requests_sent.clear()

    assert call(ec2) == []
    assert requests_sent.operations == []


# The `type: ignore`d calls pass wrong types on purpose: the run-time checks are under test.
VOLUME = "vol-0123456789abcdef0"
INVALID_CALLS: dict[str, Callable[[Ec2Service], object]] = {
    # images
    "owners-one-string": lambda ec2: ec2.images(owners="self"),
    "ids-one-string": lambda ec2: ec2.images(ids="ami-12345678"),
    "ids-empty-id": lambda ec2: ec2.images(ids=[""]),
    "filters-not-mapping": lambda ec2: ec2.images(filters=["name"]),  # type: ignore[arg-type]
    "filter-values-one-string": lambda ec2: ec2.images(filters={"name": "web"}),
    "tags-not-mapping": lambda ec2: ec2.images(tags=["env"]),  # type: ignore[arg-type]
    "image-empty-id": lambda ec2: ec2.image(""),
    # key pairs
    "key-name-empty": lambda ec2: ec2.create_key_pair(""),
    "key-name-too-long": lambda ec2: ec2.create_key_pair("k" * 256),
    "key-name-not-ascii": lambda ec2: ec2.create_key_pair("clé"),
    "key-type-unknown": lambda ec2: ec2.create_key_pair("k", key_type="dsa"),  # type: ignore[arg-type]
    "key-tags-reserved": lambda ec2: ec2.create_key_pair("k", tags={"aws:x": "y"}),
    "import-empty-key": lambda ec2: ec2.import_key_pair("k", b"  "),
    "import-key-not-text": lambda ec2: ec2.import_key_pair("k", 42),  # type: ignore[arg-type]
    "key-pairs-names-and-ids": lambda ec2: ec2.key_pairs(names=["a"], ids=["key-1"]),
    "key-pairs-names-one-string": lambda ec2: ec2.key_pairs(names="a"),
    "key-pair-empty-name": lambda ec2: ec2.key_pair(" "),
    "delete-key-pair-empty-name": lambda ec2: ec2.delete_key_pair(""),
    # volumes
    "volume-no-size-no-snapshot": lambda ec2: ec2.create_volume(availability_zone="us-east-1a"),
    "volume-size-zero": lambda ec2: ec2.create_volume(availability_zone="us-east-1a", size_gib=0),
    "volume-size-too-big": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=65537
    ),
    "volume-size-bool": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=True
    ),
    "volume-size-text": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a",
        size_gib="8",  # type: ignore[arg-type]
    ),
    "volume-no-zone": lambda ec2: ec2.create_volume(availability_zone="", size_gib=1),
    "volume-type-shape": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=1, volume_type="GP3 SSD"
    ),
    "volume-iops-zero": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=1, iops=0
    ),
    "volume-throughput-bool": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=1, throughput=True
    ),
    "volume-encrypted-text": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a",
        size_gib=1,
        encrypted="yes",  # type: ignore[arg-type]
    ),
    "volume-kms-without-encrypted": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", size_gib=1, kms_key_id="alias/ebs"
    ),
    "volume-snapshot-empty": lambda ec2: ec2.create_volume(
        availability_zone="us-east-1a", snapshot_id=""
    ),
    "volumes-ids-one-string": lambda ec2: ec2.volumes(ids=VOLUME),
    "attach-no-device": lambda ec2: ec2.attach_volume(VOLUME, instance_id="i-1", device=""),
    "attach-no-instance": lambda ec2: ec2.attach_volume(VOLUME, instance_id="", device="xvdf"),
    "detach-force-text": lambda ec2: ec2.detach_volume(VOLUME, force="yes"),  # type: ignore[arg-type]
    "detach-empty-instance": lambda ec2: ec2.detach_volume(VOLUME, instance_id=""),
    "delete-volume-empty-id": lambda ec2: ec2.delete_volume(""),
    # addresses
    "addresses-ips-one-string": lambda ec2: ec2.addresses(public_ips="198.51.100.7"),
    "addresses-ip-malformed": lambda ec2: ec2.addresses(public_ips=["198.51.100"]),
    "addresses-ips-and-ids": lambda ec2: ec2.addresses(
        public_ips=["198.51.100.7"], allocation_ids=["eipalloc-1"]
    ),
    "allocate-tags-value": lambda ec2: ec2.allocate_address(tags={"Name": 1}),  # type: ignore[dict-item]
    "associate-no-target": lambda ec2: ec2.associate_address("eipalloc-1"),
    "associate-two-targets": lambda ec2: ec2.associate_address(
        "eipalloc-1", instance_id="i-1", network_interface_id="eni-1"
    ),
    "associate-private-ip-malformed": lambda ec2: ec2.associate_address(
        "eipalloc-1", instance_id="i-1", private_ip="10.0.0.300"
    ),
    "associate-reassociation-text": lambda ec2: ec2.associate_address(
        "eipalloc-1",
        instance_id="i-1",
        allow_reassociation="no",  # type: ignore[arg-type]
    ),
    "associate-empty-allocation": lambda ec2: ec2.associate_address("", instance_id="i-1"),
    "disassociate-empty-id": lambda ec2: ec2.disassociate_address(""),
    "release-empty-id": lambda ec2: ec2.release_address(""),
    "address-empty-id": lambda ec2: ec2.address(""),
}


@pytest.mark.parametrize("call", list(INVALID_CALLS.values()), ids=list(INVALID_CALLS))
def test_invalid_argument_raises_before_any_request(
    ec2: Ec2Service, requests_sent: Requests, call: Callable[[Ec2Service], object]
) -> None:
    """A bad argument raises InvalidArgumentError (a ValueError) at the call; nothing is sent."""
    with pytest.raises(InvalidArgumentError) as raised:
        call(ec2)

    assert isinstance(raised.value, ValueError)
    assert requests_sent.operations == []


NAMED_ARGUMENTS: dict[str, Callable[[Ec2Service], object]] = {
    "size_gib": lambda ec2: ec2.create_volume(availability_zone="us-east-1a", size_gib=0),
    "iops": lambda ec2: ec2.create_volume(availability_zone="a", size_gib=1, iops=-1),
    "owners": lambda ec2: ec2.images(owners="self"),
    "instance_id": lambda ec2: ec2.associate_address("eipalloc-1"),
    "public_key": lambda ec2: ec2.import_key_pair("k", ""),
}


@pytest.mark.parametrize(
    ("named", "call"), list(NAMED_ARGUMENTS.items()), ids=list(NAMED_ARGUMENTS)
)
def test_invalid_argument_error_names_the_argument(
    ec2: Ec2Service, named: str, call: Callable[[Ec2Service], object]
) -> None:
    """The error message names the argument at fault."""
    with pytest.raises(InvalidArgumentError, match=named):
        call(ec2)
