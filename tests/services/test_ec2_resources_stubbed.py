"""Images, key pairs, volumes and Elastic IPs against answers moto never gives (``Stubber``).

moto sends every image and volume in one page, ignores ``KeyPairIds``, lets an associated
address be released and an attached volume be attached again, and never sends an unknown
state or a response lacking a field. AWS does; each is played back here on a client with
retries off, so each stubbed answer is one attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from botocore.exceptions import ClientError
from support import read_before

from awsfacade.ec2 import (
    Ec2Service,
    Image,
    ImageState,
    KeyPair,
    VolumeAttachmentState,
    VolumeState,
)
from awsfacade.errors import (
    InUseError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    ServiceError,
    UnexpectedResponseError,
)

if TYPE_CHECKING:
    from botocore.stub import Stubber

IMAGE_ID = "ami-0123456789abcdef0"
VOLUME_ID = "vol-0123456789abcdef0"
INSTANCE_ID = "i-0123456789abcdef0"
ALLOCATION_ID = "eipalloc-0123456789abcdef0"
CREATED = datetime(2024, 5, 17, 8, 30, tzinfo=UTC)


def image_item(image_id: str = IMAGE_ID, **overrides: object) -> dict[str, object]:
    """One ``Images`` item as describe_images returns it."""
    item: dict[str, object] = {
        "ImageId": image_id,
        "State": "available",
        "OwnerId": "137112412989",
        "Name": "al2023-ami",
        "CreationDate": "2024-05-17T08:30:00.000Z",
        "Architecture": "arm64",
        "Public": True,
    }
    item.update(overrides)
    return item


def volume_item(volume_id: str = VOLUME_ID, **overrides: object) -> dict[str, object]:
    """One ``Volumes`` item as describe_volumes returns it."""
    item: dict[str, object] = {
        "VolumeId": volume_id,
        "Size": 8,
        "VolumeType": "gp3",
        "State": "available",
        "AvailabilityZone": "us-east-1a",
        "CreateTime": CREATED,
        "Encrypted": False,
        "Iops": 3000,
        "Throughput": 125,
        "SnapshotId": "",
        "Attachments": [],
    }
    item.update(overrides)
    return item


# -- paging the way AWS pages ------------------------------------------------------------------


def test_images_follow_next_token_with_the_largest_page(
    service: Ec2Service, stubber: Stubber
) -> None:
    """images() asks for 1000 a page and follows NextToken until AWS stops sending one."""
    request = {"Filters": [], "Owners": ["amazon"], "MaxResults": 1000}
    stubber.add_response(
        "describe_images",
        {"Images": [image_item("ami-0000000000000000a")], "NextToken": "t1"},
        request,
    )
    stubber.add_response(
        "describe_images",
        {"Images": [image_item("ami-0000000000000000b")]},
        {**request, "NextToken": "t1"},
    )

    listing = service.images(owners=["amazon"])

    assert [image.id for image in listing] == ["ami-0000000000000000a", "ami-0000000000000000b"]


def test_images_by_ids_send_no_max_results(service: Ec2Service, stubber: Stubber) -> None:
    """AWS refuses MaxResults beside ImageIds: images(ids=...) sends none."""
    stubber.add_response(
        "describe_images", {"Images": [image_item()]}, {"Filters": [], "ImageIds": [IMAGE_ID]}
    )

    assert service.image(IMAGE_ID).id == IMAGE_ID


def test_volumes_follow_next_token_with_the_largest_page(
    service: Ec2Service, stubber: Stubber
) -> None:
    """volumes() asks for 500 a page (DescribeVolumes' most) and follows NextToken."""
    stubber.add_response(
        "describe_volumes",
        {"Volumes": [volume_item("vol-0000000000000000a")], "NextToken": "t1"},
        {"Filters": [], "MaxResults": 500},
    )
    stubber.add_response(
        "describe_volumes",
        {"Volumes": [volume_item("vol-0000000000000000b")]},
        {"Filters": [], "MaxResults": 500, "NextToken": "t1"},
    )

    assert [volume.id for volume in service.volumes()] == [
        "vol-0000000000000000a",
        "vol-0000000000000000b",
    ]


def test_volumes_by_ids_send_no_max_results(service: Ec2Service, stubber: Stubber) -> None:
    """AWS refuses MaxResults beside VolumeIds: volumes(ids=...) sends none."""
    stubber.add_response(
        "describe_volumes", {"Volumes": [volume_item()]}, {"Filters": [], "VolumeIds": [VOLUME_ID]}
    )

    assert service.volume(VOLUME_ID).id == VOLUME_ID


def test_error_on_a_later_page_is_translated(service: Ec2Service, stubber: Stubber) -> None:
    """An error on the second page raises the awsfacade error after the first page's items."""
    stubber.add_response("describe_volumes", {"Volumes": [volume_item()], "NextToken": "t1"})
    stubber.add_client_error("describe_volumes", service_error_code="RequestExpired")

    listing = service.volumes()
    assert next(listing).id == VOLUME_ID
    with pytest.raises(ServiceError) as raised:
        next(listing)
    assert isinstance(raised.value.__cause__, ClientError)


def test_key_pairs_by_ids_send_key_pair_ids(service: Ec2Service, stubber: Stubber) -> None:
    """key_pairs(ids=...) asks for those ids (moto ignores KeyPairIds and sends every key)."""
    stubber.add_response(
        "describe_key_pairs",
        {"KeyPairs": [{"KeyPairId": "key-1", "KeyName": "a", "KeyFingerprint": "f"}]},
        {"Filters": [], "KeyPairIds": ["key-1"]},
    )

    [key] = service.key_pairs(ids=["key-1"])

    assert (key.id, key.name, key.key_type, key.created) == ("key-1", "a", None, None)


def test_empty_answer_for_a_get_one_raises_not_found(service: Ec2Service, stubber: Stubber) -> None:
    """AWS answers a recently deregistered AMI with an empty list: image() raises NotFound."""
    stubber.add_response("describe_images", {"Images": []})

    with pytest.raises(NotFoundError) as raised:
        service.image(IMAGE_ID)
    assert raised.value.code == "InvalidAMIID.NotFound"


# -- errors only AWS sends -------------------------------------------------------------------

AWS_ONLY_ERRORS: dict[str, tuple[str, str, type[ServiceError], Callable[[Ec2Service], object]]] = {
    "release-associated": (
        "release_address",
        "InvalidIPAddress.InUse",
        InUseError,
        lambda ec2: ec2.release_address(ALLOCATION_ID),
    ),
    "attach-attached": (
        "attach_volume",
        "VolumeInUse",
        InUseError,
        lambda ec2: ec2.attach_volume(VOLUME_ID, instance_id=INSTANCE_ID, device="xvdf"),
    ),
    "detach-available": (
        "detach_volume",
        "IncorrectState",
        InvalidStateError,
        lambda ec2: ec2.detach_volume(VOLUME_ID),
    ),
    "address-limit": (
        "allocate_address",
        "AddressLimitExceeded",
        LimitExceededError,
        lambda ec2: ec2.allocate_address(),
    ),
    "volume-limit": (
        "create_volume",
        "VolumeLimitExceeded",
        LimitExceededError,
        lambda ec2: ec2.create_volume(availability_zone="us-east-1a", size_gib=1),
    ),
}


@pytest.mark.parametrize("case", list(AWS_ONLY_ERRORS.values()), ids=list(AWS_ONLY_ERRORS))
def test_aws_error_codes_map_to_their_classes(
    service: Ec2Service,
    stubber: Stubber,
    case: tuple[str, str, type[ServiceError], Callable[[Ec2Service], object]],
) -> None:
    """Error codes moto never sends for these calls map to the most specific error class."""
    method, code, expected, call = case
    read_before(stubber, method)
    stubber.add_client_error(method, service_error_code=code, service_message="no")

    with pytest.raises(ServiceError) as raised:
        call(service)

    assert type(raised.value) is expected
    assert raised.value.code == code
    assert isinstance(raised.value.__cause__, ClientError)


# -- responses lacking what AWS always sends -------------------------------------------------


@pytest.mark.parametrize("field", ["ImageId", "State", "OwnerId"])
def test_image_without_a_required_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """An image lacking a field AWS always sends raises UnexpectedResponseError naming it."""
    item = image_item()
    del item[field]
    stubber.add_response("describe_images", {"Images": [item]})

    with pytest.raises(UnexpectedResponseError, match=field):
        list(service.images())


@pytest.mark.parametrize(
    "field", ["VolumeId", "Size", "VolumeType", "State", "AvailabilityZone", "CreateTime"]
)
def test_volume_without_a_required_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """A volume lacking a field AWS always sends raises UnexpectedResponseError naming it."""
    item = volume_item()
    del item[field]
    stubber.add_response("describe_volumes", {"Volumes": [item]})

    with pytest.raises(UnexpectedResponseError, match=field):
        list(service.volumes())


@pytest.mark.parametrize("field", ["KeyName", "KeyPairId", "KeyFingerprint"])
def test_key_pair_without_a_required_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """A listed key pair lacking a field AWS always sends raises UnexpectedResponseError."""
    item = {"KeyPairId": "key-1", "KeyName": "a", "KeyFingerprint": "f"}
    del item[field]
    stubber.add_response("describe_key_pairs", {"KeyPairs": [item]})

    with pytest.raises(UnexpectedResponseError, match=field):
        list(service.key_pairs())


def test_address_without_allocation_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A listed address lacking AllocationId raises UnexpectedResponseError."""
    stubber.add_response("describe_addresses", {"Addresses": [{"PublicIp": "198.51.100.7"}]})

    with pytest.raises(UnexpectedResponseError, match="AllocationId"):
        list(service.addresses())


CREATE_KEY = {
    "KeyName": "deploy",
    "KeyPairId": "key-1",
    "KeyFingerprint": "f",
    "KeyMaterial": "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----",
}


@pytest.mark.parametrize("field", list(CREATE_KEY))
def test_create_key_pair_response_without_a_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """A CreateKeyPair answer lacking a field it always has raises UnexpectedResponseError."""
    response = {key: value for key, value in CREATE_KEY.items() if key != field}
    stubber.add_response("create_key_pair", response)

    with pytest.raises(UnexpectedResponseError, match=f"CreateKeyPair.*{field}"):
        service.create_key_pair("deploy")


@pytest.mark.parametrize("field", ["KeyName", "KeyPairId", "KeyFingerprint"])
def test_import_key_pair_response_without_a_field_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber, field: str
) -> None:
    """An ImportKeyPair answer lacking a field it always has raises UnexpectedResponseError."""
    response = {"KeyName": "laptop", "KeyPairId": "key-2", "KeyFingerprint": "f"}
    del response[field]
    stubber.add_response("import_key_pair", response)

    with pytest.raises(UnexpectedResponseError, match=f"ImportKeyPair.*{field}"):
        service.import_key_pair("laptop", "ssh-ed25519 AAAAC3Nza me@laptop")


def test_create_key_pair_keeps_requested_tags_when_aws_echoes_none(
    service: Ec2Service, stubber: Stubber
) -> None:
    """Without Tags in the answer, the created key pair carries the tags that were sent."""
    stubber.add_response("create_key_pair", CREATE_KEY)

    created = service.create_key_pair("deploy", key_type="rsa", tags={"team": "ops"})

    assert isinstance(created, KeyPair)
    assert dict(created.tags) == {"team": "ops"}
    assert created.key_type == "rsa"
    assert created.private_key == CREATE_KEY["KeyMaterial"]
    assert "abc" not in repr(created)


def test_create_volume_response_without_volume_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A CreateVolume answer lacking VolumeId raises UnexpectedResponseError."""
    response = volume_item(State="creating")
    del response["VolumeId"]
    stubber.add_response("create_volume", response)

    with pytest.raises(UnexpectedResponseError, match="VolumeId"):
        service.create_volume(availability_zone="us-east-1a", size_gib=8)


def test_allocate_address_response_without_allocation_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """An AllocateAddress answer lacking AllocationId raises UnexpectedResponseError."""
    read_before(stubber, "allocate_address")
    stubber.add_response("allocate_address", {"PublicIp": "198.51.100.7", "Domain": "vpc"})

    with pytest.raises(UnexpectedResponseError, match=r"AllocateAddress.*AllocationId"):
        service.allocate_address()


def test_associate_address_response_without_association_id_raises_unexpected_response(
    service: Ec2Service, stubber: Stubber
) -> None:
    """An AssociateAddress answer lacking AssociationId raises UnexpectedResponseError."""
    stubber.add_response("associate_address", {})

    with pytest.raises(UnexpectedResponseError, match=r"AssociateAddress.*AssociationId"):
        service.associate_address(ALLOCATION_ID, instance_id=INSTANCE_ID)


# -- what AWS may send: new states, optional fields, odd times ---------------------------------


def test_image_state_aws_adds_later_is_unknown(service: Ec2Service, stubber: Stubber) -> None:
    """An image state this version does not know parses as UNKNOWN; the raw string is kept."""
    stubber.add_response("describe_images", {"Images": [image_item(State="quarantined")]})

    [image] = service.images()

    assert image.state is ImageState.UNKNOWN
    assert image.state_name == "quarantined"


def test_volume_and_attachment_states_aws_adds_later_are_unknown(
    service: Ec2Service, stubber: Stubber
) -> None:
    """Volume and attachment states this version does not know parse as UNKNOWN."""
    attachment = {"InstanceId": INSTANCE_ID, "Device": "xvdf", "State": "hibernating"}
    stubber.add_response(
        "describe_volumes",
        {"Volumes": [volume_item(State="optimizing-later", Attachments=[attachment])]},
    )

    [volume] = service.volumes()

    assert volume.state is VolumeState.UNKNOWN
    assert volume.state_name == "optimizing-later"
    [attached] = volume.attachments
    assert attached.state is VolumeAttachmentState.UNKNOWN
    assert attached.state_name == "hibernating"


def test_image_with_only_the_required_fields(service: Ec2Service, stubber: Stubber) -> None:
    """An image with only the fields AWS always sends has None, False and empty tags elsewhere."""
    stubber.add_response(
        "describe_images",
        {"Images": [{"ImageId": IMAGE_ID, "State": "pending", "OwnerId": "111122223333"}]},
    )

    [image] = service.images()

    assert image == Image(
        id=IMAGE_ID, state=ImageState.PENDING, state_name="pending", owner_id="111122223333"
    )
    assert (image.name, image.created, image.public, dict(image.tags)) == (None, None, False, {})


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        ("2024-05-17T08:30:00.000Z", CREATED),
        ("2024-05-17T10:30:00+02:00", CREATED),
        ("2024-05-17T08:30:00", CREATED),  # no zone: AWS's times are UTC
        ("yesterday", None),  # unreadable: None rather than a failed listing
        ("", None),
    ],
)
def test_image_creation_date_is_parsed_as_utc(
    service: Ec2Service, stubber: Stubber, sent: str, read: datetime | None
) -> None:
    """CreationDate, an ISO 8601 string, becomes a UTC datetime (None if unreadable)."""
    stubber.add_response("describe_images", {"Images": [image_item(CreationDate=sent)]})

    [image] = service.images()

    assert image.created == read
    if image.created is not None:
        assert image.created.tzinfo is UTC


def test_volume_create_time_in_another_zone_is_converted_to_utc(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A CreateTime in another zone is the same instant in UTC."""
    local = CREATED.astimezone(timezone(timedelta(hours=-5)))
    stubber.add_response("describe_volumes", {"Volumes": [volume_item(CreateTime=local)]})

    [volume] = service.volumes()

    assert volume.created == CREATED
    assert volume.created.tzinfo is UTC


def test_volume_optional_fields(service: Ec2Service, stubber: Stubber) -> None:
    """gp3 reports throughput; an empty SnapshotId is None; KMS key and encryption are read."""
    magnetic = volume_item("vol-0000000000000000b", VolumeType="standard", SnapshotId="snap-1")
    for field in ("Iops", "Throughput", "Encrypted"):
        del magnetic[field]
    encrypted = volume_item(Encrypted=True, KmsKeyId="arn:aws:kms:us-east-1:1:key/k")
    stubber.add_response("describe_volumes", {"Volumes": [encrypted, magnetic]})

    gp3, standard = service.volumes()

    assert (gp3.iops, gp3.throughput, gp3.snapshot_id) == (3000, 125, None)
    assert (gp3.encrypted, gp3.kms_key_id) == (True, "arn:aws:kms:us-east-1:1:key/k")
    assert (standard.iops, standard.throughput, standard.snapshot_id) == (None, None, "snap-1")
    assert (standard.encrypted, standard.kms_key_id) == (False, None)


def test_volume_attached_to_a_managed_resource_has_no_instance(
    service: Ec2Service, stubber: Stubber
) -> None:
    """A volume attached to an ECS task on Fargate has no instance id or device."""
    task = "arn:aws:ecs:us-east-1:111122223333:task/cluster/abc"
    attachment = {
        "State": "attached",
        "AssociatedResource": task,
        "InstanceOwningService": "ecs.amazonaws.com",
        "DeleteOnTermination": True,
    }
    stubber.add_response(
        "describe_volumes", {"Volumes": [volume_item(State="in-use", Attachments=[attachment])]}
    )

    [volume] = service.volumes()

    [attached] = volume.attachments
    assert (attached.instance_id, attached.device) == (None, None)
    assert attached.associated_resource == task
    assert attached.delete_on_termination is True
    assert attached.state is VolumeAttachmentState.ATTACHED


def test_carrier_ip_address_has_no_public_ip(service: Ec2Service, stubber: Stubber) -> None:
    """A carrier IP address (Wavelength Zones) has carrier_ip and no public_ip."""
    stubber.add_response(
        "describe_addresses",
        {
            "Addresses": [
                {"AllocationId": ALLOCATION_ID, "CarrierIp": "155.146.10.1", "Domain": "vpc"}
            ]
        },
    )

    [address] = service.addresses()

    assert (address.public_ip, address.carrier_ip) == (None, "155.146.10.1")
