"""The shared pieces every service copies: state enums, read-after-create, the listing body
and the launch options' wire shape."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Literal

import pytest

import awsfacade._consistency as consistency
from awsfacade._base import StateEnum
from awsfacade._paging import PageConfig, listing
from awsfacade.ec2 import BlockDevice, MetadataOptions, SpotOptions
from awsfacade.errors import NotFoundError


def test_a_state_enum_without_unknown_is_refused_when_defined() -> None:
    """Forgetting UNKNOWN fails at class definition, not deep inside a listing."""
    with pytest.raises(TypeError, match="UNKNOWN"):

        class Broken(StateEnum):  # pyright: ignore[reportUnusedClass]  # defined to fail
            READY = "ready"


def not_found() -> NotFoundError:
    """The NotFoundError a describe call raises for a resource not yet visible."""
    return NotFoundError(code="InvalidGroup.NotFound", message="no", operation="Describe")


def test_read_after_create_retries_then_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads are retried after each delay; the fallback comes only when every read failed."""
    slept: list[float] = []
    monkeypatch.setattr("awsfacade._consistency.time.sleep", slept.append)
    reads: list[int] = []

    def read() -> str:
        reads.append(1)
        raise not_found()

    assert consistency.read_after_create(read, lambda: "built", delays=(0.5, 1.0)) == "built"
    assert (len(reads), slept) == (3, [0.5, 1.0])


def test_read_after_create_lets_other_errors_through() -> None:
    """Only NotFound is retried: any other error is the caller's to see."""

    def read() -> str:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        consistency.read_after_create(read, lambda: "built", delays=(0.0,))


def test_server_time_reads_the_date_header_else_now() -> None:
    """A fallback model's creation time is the server's ``date`` header, or now (UTC) when
    the header is absent or unreadable."""
    before = datetime.now(UTC)
    header = {"date": "Wed, 01 May 2024 12:00:00 GMT"}
    assert consistency.server_time(header) == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert consistency.server_time({"date": "yesterday"}) >= before
    assert consistency.server_time({}) >= before
    assert consistency.server_time(None).tzinfo is UTC


def test_listing_sends_nothing_for_an_empty_selector_and_sizes_pages() -> None:
    """An empty selector matches nothing without paginating; otherwise the page size is sent."""
    configs: list[PageConfig] = []

    def paginate(config: PageConfig) -> Iterator[list[int]]:
        configs.append(config)
        yield [1, 2]

    assert list(listing(paginate, list, str, page_size=50, selectors=([], None))) == []
    assert configs == []
    assert list(listing(paginate, list, str, page_size=50, selectors=(None, ["a"]))) == ["1", "2"]
    assert list(listing(paginate, list, str, page_size=None)) == ["1", "2"]
    assert configs == [{"PageSize": 50}, {}]


def test_block_device_sends_every_option_to_run_and_templates() -> None:
    """Each BlockDevice option reaches the EBS mapping, the same for run() and templates."""
    device = BlockDevice(
        device_name="/dev/sdf",
        size_gib=10,
        volume_type="io2",
        iops=3000,
        throughput=200,
        encrypted=False,
        kms_key_id="key-1",
        snapshot_id="snap-1",
        delete_on_termination=False,
    )
    expected = {
        "DeviceName": "/dev/sdf",
        "Ebs": {
            "VolumeType": "io2",
            "DeleteOnTermination": False,
            "VolumeSize": 10,
            "Iops": 3000,
            "Throughput": 200,
            "Encrypted": False,
            "KmsKeyId": "key-1",
            "SnapshotId": "snap-1",
        },
    }
    assert device._for_run() == expected
    assert device._for_template() == expected


def test_block_device_keeps_aws_default_deletion_on_termination() -> None:
    """A BlockDevice that does not say sends no DeleteOnTermination, so AWS's default holds
    (the AMI's own setting, which may keep the root volume), never a deletion it did not ask."""
    assert BlockDevice()._for_run() == {"DeviceName": "/dev/xvda", "Ebs": {"VolumeType": "gp3"}}


def test_metadata_and_spot_options_on_the_wire() -> None:
    """MetadataOptions and SpotOptions map to AWS's field names and values."""
    assert MetadataOptions(
        http_tokens="optional", endpoint_enabled=False, instance_tags=True
    )._for_template() == {
        "HttpTokens": "optional",
        "HttpEndpoint": "disabled",
        "InstanceMetadataTags": "enabled",
    }
    assert SpotOptions(interruption="hibernate", persistent=True)._for_template() == {
        "MarketType": "spot",
        "SpotOptions": {
            "SpotInstanceType": "persistent",
            "InstanceInterruptionBehavior": "hibernate",
        },
    }


VolumeType = Literal["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"]
VOLUME_TYPES: list[VolumeType] = ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"]


@pytest.mark.parametrize("volume_type", VOLUME_TYPES)
def test_block_device_accepts_every_ebs_volume_type(volume_type: VolumeType) -> None:
    """BlockDevice accepts each EBS volume type its annotation names, io2 included."""
    assert BlockDevice(volume_type=volume_type).volume_type == volume_type


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"iops": 0}, "iops"),
        ({"throughput": -1}, "throughput"),
        ({"kms_key_id": ""}, "kms_key_id"),
        ({"delete_on_termination": "no"}, "delete_on_termination"),
    ],
)
def test_block_device_rejects_out_of_range_options(
    arguments: dict[str, object], message: str
) -> None:
    """Each out-of-range BlockDevice option is an InvalidArgumentError naming it."""
    from awsfacade.errors import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match=message):
        BlockDevice(**arguments)  # type: ignore[arg-type]  # wrong on purpose


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"endpoint_enabled": 1}, "endpoint_enabled"),
        ({"instance_tags": "yes"}, "instance_tags"),
    ],
)
def test_metadata_options_reject_non_bools(arguments: dict[str, object], message: str) -> None:
    """MetadataOptions' switches are real bools."""
    from awsfacade.errors import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match=message):
        MetadataOptions(**arguments)  # type: ignore[arg-type]  # wrong on purpose


def test_spot_options_reject_an_unknown_interruption() -> None:
    """An interruption AWS does not know is refused."""
    from awsfacade.errors import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match="interruption"):
        SpotOptions(interruption="pause", persistent=True)  # type: ignore[arg-type]  # wrong on purpose
