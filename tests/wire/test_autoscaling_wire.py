"""AutoScalingService through moto's HTTP server (tests/conftest.py): AutoScaling's query
protocol, base64 user data, tag lists, NextToken paging and ValidationError answers as they
travel over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from awsfacade.autoscaling import AutoScalingService, LifecycleState
from awsfacade.ec2 import Ec2Service, LaunchTemplateRef
from awsfacade.errors import NotFoundError
from awsfacade.testing import fake_environment, new_session

AMI = "ami-12c6146b"


@pytest.fixture
def services(fresh_moto_url: str) -> Iterator[tuple[AutoScalingService, Ec2Service]]:
    """An AutoScalingService and an Ec2Service talking HTTP to the emptied moto server."""
    with fake_environment("us-east-1"):
        session = new_session("us-east-1")
        yield (
            AutoScalingService(session, endpoint_url=fresh_moto_url),
            Ec2Service(session, endpoint_url=fresh_moto_url),
        )


def test_service_talks_to_the_server(
    services: tuple[AutoScalingService, Ec2Service], moto_url: str
) -> None:
    """The client's endpoint is the moto server, not AWS's regional endpoint."""
    autoscaling, _ = services
    assert autoscaling.client.meta.endpoint_url == moto_url
    assert list(autoscaling.groups()) == []


def test_configuration_and_group_over_the_wire(
    services: tuple[AutoScalingService, Ec2Service],
) -> None:
    """User data survives base64 both ways; a group's tags and instances come back typed."""
    autoscaling, _ = services
    configuration = autoscaling.create_launch_configuration(
        "lc", image_id=AMI, instance_type="t3.micro", user_data="#!/bin/sh\necho é & <ok>\n"
    )
    assert configuration.user_data == "#!/bin/sh\necho é & <ok>\n"

    group = autoscaling.create_group(
        "web",
        min_size=1,
        max_size=3,
        desired_capacity=2,
        launch_configuration="lc",
        availability_zones=["us-east-1a"],
        tags={"team": "blue & green"},
    )

    assert group.tags == {"team": "blue & green"}
    assert len(group.instance_ids) == 2
    assert {instance.lifecycle_state for instance in group.instances} == {LifecycleState.IN_SERVICE}
    assert autoscaling.wait_until_in_service("web", timeout=5, poll_interval=1) == group


def test_group_from_a_template_and_its_deletion(
    services: tuple[AutoScalingService, Ec2Service],
) -> None:
    """A template group reads back with the template's id and name; deleted, it is gone and
    AWS's "not found" ValidationError is NotFoundError."""
    autoscaling, ec2 = services
    template = ec2.create_launch_template(name="web", image_id=AMI, instance_type="t3.micro")
    autoscaling.create_group(
        "web",
        min_size=0,
        max_size=2,
        launch_template=LaunchTemplateRef(name="web"),
        availability_zones=["us-east-1b"],
    )

    updated = autoscaling.update_group("web", desired_capacity=1)

    assert updated.launch_template is not None
    assert (updated.launch_template.id, updated.launch_template.name) == (template.id, "web")
    assert len(updated.instance_ids) == 1
    autoscaling.delete_group("web", force=True)
    with pytest.raises(NotFoundError, match="DeleteAutoScalingGroup failed: ValidationError"):
        autoscaling.delete_group("web")


def test_listings_page_over_the_wire(services: tuple[AutoScalingService, Ec2Service]) -> None:
    """More configurations than moto's page of 100 are read through NextToken."""
    autoscaling, _ = services
    for number in range(101):
        autoscaling.create_launch_configuration(
            f"lc-{number:03}", image_id=AMI, instance_type="t3.nano"
        )

    assert len(list(autoscaling.launch_configurations())) == 101
