"""Behaviour that ``scripts/mutate.py`` found untested: each test kills a surviving mutant.

No AWS answer is needed here: models built by hand, and a request that fails before it is sent.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Literal

import boto3.session
import pytest

from awsfacade.ec2 import BlockDevice, Ec2Service, LaunchTemplate
from awsfacade.errors import CredentialsError

VolumeType = Literal["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"]
VOLUME_TYPES: list[VolumeType] = ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"]


@pytest.mark.parametrize("volume_type", VOLUME_TYPES)
def test_block_device_accepts_every_ebs_volume_type(volume_type: VolumeType) -> None:
    """BlockDevice accepts each EBS volume type its annotation names, io2 included."""
    assert BlockDevice(volume_type=volume_type).volume_type == volume_type


def test_launch_template_built_by_hand_starts_at_version_one() -> None:
    """A LaunchTemplate built without versions is at version 1, default and latest alike."""
    template = LaunchTemplate(id="lt-0123456789abcdef0", name="web")

    assert (template.default_version, template.latest_version) == (1, 1)


def test_missing_credentials_say_so_in_awsfacade_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A call without any credentials raises CredentialsError saying no credentials are usable
    and where they are looked for."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # nothing may leave this machine
    ec2 = Ec2Service(boto3.session.Session(region_name="us-east-1"))

    with pytest.raises(CredentialsError, match=r"^no usable AWS credentials: .* looked for"):
        ec2.security_group("sg-0123456789abcdef0")


def test_the_primary_ipv6_address_is_kept_without_network_interfaces() -> None:
    """An instance's top-level Ipv6Address counts even when no interface lists it."""
    from awsfacade.ec2 import Instance

    instance = Instance._from_boto(
        {
            "InstanceId": "i-0123456789abcdef0",
            "ImageId": "ami-12345678",
            "InstanceType": "t3.micro",
            "State": {"Name": "running"},
            "LaunchTime": datetime(2024, 5, 17, tzinfo=UTC),
            "Ipv6Address": "2600:1f18::5",
        }
    )
    assert instance.ipv6_addresses == ("2600:1f18::5",)
