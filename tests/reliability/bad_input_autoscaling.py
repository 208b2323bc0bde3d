"""AutoScalingService's bad calls (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Method, add_cases

from awsfacade.ec2 import LaunchTemplateRef

#: Names' lengths come from the model; a control character (which its pattern allows) is
#: refused by hand.
_NAME: Final = [Bad("name", "a\nb")]
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
    Bad("health_check_type", "EC2\x00"),
    Bad("health_check_grace_period", -1),
    Bad("availability_zones", ["us-east-1a", " "]),
    Bad("subnet_ids", ["subnet-1", ""]),
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
            Bad("image_id", "ami-1\x00"),
            Bad("instance_type", ""),
            Bad("instance_type", "large"),
            Bad("security_group_ids", ["sg-1", ""]),
            Bad("user_data", "x" * (16 * 1024 + 1)),
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
            Bad("desired_capacity", 0, names="desired_capacity"),
            Bad("launch_configuration", None, names="launch_configuration"),
            Bad("availability_zones", []),
            Bad("tags", {"aws:x": "y"}),
            Bad("target_group_arns", [" "]),
        ],
    ),
    "groups": Method({"names": ["web"], "tags": {"team": "a"}}),
    "group": Method({"name": "web"}, _NAME),
    "update_group": Method(
        {"name": "web", "min_size": 1, "max_size": 3},
        [
            *_NAME,
            *_SIZES,
            Bad("max_size", 0, names="max_size"),
            Bad("availability_zones", []),
            Bad("max_size", None, names="nothing to change", also={"min_size": None}),
        ],
    ),
    "set_desired_capacity": Method({"name": "web", "capacity": 2}, [*_NAME, Bad("capacity", -1)]),
    "delete_group": Method({"name": "web"}, _NAME),
    "wait_until_in_service": Method({"name": "web"}, _NAME),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(AUTOSCALING, ["create_group"], Bad("tags", TOO_MANY_TAGS))
