"""AutoScalingService checks every argument before the first request: a wrong one raises
InvalidArgumentError naming it, and nothing is sent."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from autoscaling_support import AMI, log_requests

from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import LaunchTemplateRef
from awsfacade.errors import InvalidArgumentError

Call = Callable[[AutoScalingService], object]
REF = LaunchTemplateRef(name="web")


def _group(**changes: object) -> Call:
    """``create_group`` with valid arguments but ``changes``."""
    arguments: dict[str, object] = {
        "min_size": 1,
        "max_size": 2,
        "launch_configuration": "lc",
        "availability_zones": ["us-east-1a"],
    }
    arguments.update(changes)
    # Wrong types are the point here: the call is built from a dict of objects.
    return lambda service: service.create_group("web", **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def _configuration(**changes: object) -> Call:
    """``create_launch_configuration`` with valid arguments but ``changes``."""
    arguments: dict[str, object] = {"image_id": AMI, "instance_type": "t3.micro"}
    arguments.update(changes)
    # Wrong types are the point here: the call is built from a dict of objects.
    return lambda service: service.create_launch_configuration("lc", **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def _update(**changes: object) -> Call:
    """``update_group`` with ``changes``."""
    # Wrong types are the point here: the call is built from a dict of objects.
    return lambda service: service.update_group("web", **changes)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


CASES: dict[str, tuple[Call, str]] = {
    "group name empty": (lambda s: s.create_group("", min_size=0, max_size=1), "name"),
    "group name too long": (
        lambda s: s.create_group("x" * 256, min_size=0, max_size=1, launch_configuration="lc"),
        "255",
    ),
    "group name with a newline": (
        lambda s: s.create_group("a\nb", min_size=0, max_size=1, launch_configuration="lc"),
        "control",
    ),
    "min above max": (_group(min_size=3, max_size=2), "min_size 3 is larger than max_size 2"),
    "desired below min": (_group(desired_capacity=0), "desired_capacity 0 is below min_size"),
    "desired above max": (_group(desired_capacity=3), "desired_capacity 3 is above max_size"),
    "negative min": (_group(min_size=-1), "min_size"),
    "bool max": (_group(max_size=True), "max_size"),
    "str desired": (_group(desired_capacity="2"), "desired_capacity"),
    "min None": (_group(min_size=None), "min_size must be int"),
    "no launch source": (_group(launch_configuration=None), "one of launch_configuration"),
    "both launch sources": (_group(launch_template=REF), "not both"),
    "template not a ref": (
        _group(launch_configuration=None, launch_template="lt-1234567890abcdef0"),
        "launch_template must be LaunchTemplateRef",
    ),
    "configuration empty": (_group(launch_configuration=""), "launch_configuration"),
    "zones a string": (_group(availability_zones="us-east-1a"), "availability_zones"),
    "subnets a string": (_group(subnet_ids="subnet-1"), "subnet_ids"),
    "no zones for a configuration": (_group(availability_zones=()), "availability_zones or"),
    "tags not a mapping": (_group(tags=[("a", "b")]), "tags must be Mapping"),
    "reserved tag": (_group(tags={"aws:x": "y"}), "reserved"),
    "propagate a string": (_group(propagate_tags_at_launch="False"), "propagate_tags_at_launch"),
    "health check type empty": (_group(health_check_type=""), "health_check_type"),
    "grace period negative": (_group(health_check_grace_period=-5), "health_check_grace_period"),
    "target groups a string": (_group(target_group_arns="arn:x"), "target_group_arns"),
    "groups names a string": (lambda s: s.groups(names="web"), "names"),
    "groups tags a list": (lambda s: s.groups(tags=["a"]), "tags"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    "group name None": (lambda s: s.group(None), "name"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    "update nothing": (_update(), "nothing to change"),
    "update min above max": (_update(min_size=5, max_size=1), "larger than max_size"),
    "update both sources": (
        _update(launch_configuration="lc", launch_template=REF),
        "not both",
    ),
    "update zones empty": (_update(availability_zones=[]), "availability_zones"),
    "update subnets a string": (_update(subnet_ids="subnet-1"), "subnet_ids"),
    "update grace bool": (_update(health_check_grace_period=False), "health_check_grace_period"),
    "update health check type": (_update(health_check_type=3), "health_check_type"),
    "update name": (lambda s: s.update_group("", max_size=1), "name"),
    "capacity negative": (lambda s: s.set_desired_capacity("web", -1), "capacity"),
    "capacity bool": (lambda s: s.set_desired_capacity("web", True), "capacity"),
    "capacity name": (lambda s: s.set_desired_capacity("", 1), "name"),
    "honor cooldown string": (
        lambda s: s.set_desired_capacity("web", 1, honor_cooldown="yes"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        "honor_cooldown",
    ),
    "delete force string": (
        lambda s: s.delete_group("web", force="true"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
        "force",
    ),
    "delete name": (lambda s: s.delete_group(""), "name"),
    "wait timeout zero": (lambda s: s.wait_until_in_service("web", timeout=0), "timeout"),
    "wait interval bool": (
        lambda s: s.wait_until_in_service("web", poll_interval=True),
        "poll_interval",
    ),
    "wait name": (lambda s: s.wait_until_in_service(""), "name"),
    "configuration name": (
        lambda s: s.create_launch_configuration("", image_id=AMI, instance_type="t3.micro"),
        "name",
    ),
    "image id empty": (_configuration(image_id=""), "image_id"),
    "instance type shape": (_configuration(instance_type="large"), "instance_type"),
    "security groups a string": (_configuration(security_group_ids="sg-1"), "security_group_ids"),
    "key name empty": (_configuration(key_name=""), "key_name"),
    "user data bytes": (_configuration(user_data=b"#!"), "user_data"),
    "user data too long": (_configuration(user_data="x" * (16 * 1024 + 1)), "16 KiB"),
    "profile empty": (_configuration(iam_instance_profile=""), "iam_instance_profile"),
    "public ip string": (_configuration(associate_public_ip="yes"), "associate_public_ip"),
    "configurations names a string": (
        lambda s: s.launch_configurations(names="lc"),
        "names",
    ),
    "configuration read name": (lambda s: s.launch_configuration(""), "name"),
    "configuration delete name": (lambda s: s.delete_launch_configuration(" "), "name"),
}


@pytest.mark.parametrize(("call", "message"), CASES.values(), ids=CASES.keys())
def test_wrong_arguments_send_nothing(
    autoscaling_service: AutoScalingService, call: Call, message: str
) -> None:
    """A wrong argument raises InvalidArgumentError naming it, before any request."""
    requests_sent = log_requests(autoscaling_service)

    with pytest.raises(InvalidArgumentError, match=message):
        call(autoscaling_service)

    assert requests_sent.sent == []
