"""Tags are a Mapping[str, str]: AWS's list of Key/Value dicts must not type-check."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service


def misuse(ec2: Ec2Service) -> None:
    """Each marked line passes tags in a shape the facade does not take."""
    ec2.run(image_id="ami-12345678", tags=[{"Key": "Name", "Value": "web"}])  # expect: arg-type
    ec2.tag(["i-1"], [{"Key": "Name", "Value": "web"}])  # expect: arg-type
    ec2.create_vpc(cidr_block="10.0.0.0/16", tags={"Name": 1})  # expect: dict-item
    ec2.untag(["i-1"], [{"Key": "Name"}])  # expect: list-item
