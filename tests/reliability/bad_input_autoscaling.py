"""AutoScalingService's bad calls (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Method, add_cases

from awsfacade.ec2 import LaunchTemplateRef

_NAME: Final = [Bad("name", ""), Bad("name", "n" * 256)]
_GROUP: Final = {
    "name": "web",
    "min_size": 1,
    "max_size": 3,
    "launch_configuration": "web-lc",
    "availability_zones": ["us-east-1a"],
}
_SIZES: Final = [
    Bad("min_size", -1),
    Bad("max_size", -1),
    Bad("desired_capacity", -1),
    Bad("health_check_type", "EC2," * 8 + "ELB"),
    Bad("health_check_type", "EC2\x00"),
    Bad("health_check_grace_period", -1),
    Bad("availability_zones", ["us-east-1a", ""]),
    Bad("subnet_ids", ["subnet-1", ""]),
    Bad("launch_configuration", ""),
    Bad(
        "launch_template",
        LaunchTemplateRef(name="web"),
        names="launch_configuration",
        also={"launch_configuration": "web-lc"},
    ),
]

AUTOSCALING: Final[dict[str, Method]] = {
    "create_launch_configuration": Method(
        {"name": "web-lc", "image_id": "ami-0123456789abcdef0", "instance_type": "t3.micro"},
        [
            *_NAME,
            Bad("image_id", ""),
            Bad("image_id", "a" * 256),
            Bad("image_id", "ami-1\x00"),
            Bad("key_name", "k" * 256),
            Bad("iam_instance_profile", "p" * 1601),
            Bad("instance_type", ""),
            Bad("instance_type", "large"),
            Bad("security_group_ids", ["sg-1", ""]),
            Bad("key_name", ""),
            Bad("user_data", "x" * (21848)),
            Bad("iam_instance_profile", ""),
        ],
    ),
    "launch_configurations": Method({"names": ["web-lc"]}),
    "launch_configuration": Method({"name": "web-lc"}, _NAME),
    "delete_launch_configuration": Method({"name": "web-lc"}, _NAME),
    "create_group": Method(
        _GROUP,
        [
            *_NAME,
            *_SIZES,
            Bad("max_size", 0, names="max_size", also={"min_size": 1}),
            Bad("desired_capacity", 5, names="desired_capacity"),
            Bad("launch_configuration", None, names="launch_configuration"),
            Bad("tags", {"aws:x": "y"}),
            Bad("target_group_arns", ["", "arn"]),
        ],
    ),
    "groups": Method({"names": ["web"], "tags": {"team": "a"}}),
    "group": Method({"name": "web"}, _NAME),
    "update_group": Method(
        {"name": "web", "min_size": 1, "max_size": 3},
        [*_NAME, *_SIZES, Bad("max_size", 0, names="max_size")],
    ),
    "set_desired_capacity": Method({"name": "web", "capacity": 2}, [*_NAME, Bad("capacity", -1)]),
    "delete_group": Method({"name": "web"}, _NAME),
    "wait_until_in_service": Method(
        {"name": "web"}, [*_NAME, Bad("timeout", 0), Bad("poll_interval", -1)]
    ),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(AUTOSCALING, ["create_group"], Bad("tags", TOO_MANY_TAGS))
