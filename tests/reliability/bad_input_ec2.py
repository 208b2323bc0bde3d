"""Ec2Service's bad calls and its models users build (see ``bad_input_cases``)."""

from __future__ import annotations

from typing import Final

from bad_input_cases import TOO_MANY_TAGS, Bad, Lazily, Method, add_cases

from awsfacade.ec2 import InstanceState, Rule, VpcState

IMAGE: Final = "ami-0123456789abcdef0"
INSTANCE: Final = "i-0123456789abcdef0"
GROUP: Final = "sg-0123456789abcdef0"
VPC: Final = "vpc-0123456789abcdef0"
SUBNET: Final = "subnet-0123456789abcdef0"
VOLUME: Final = "vol-0123456789abcdef0"
ALLOCATION: Final = "eipalloc-0123456789abcdef0"
SSH: Final = Rule(protocol="tcp", from_port=22, to_port=22, cidrs=["10.0.0.0/8"])
#: An ed25519 public key in OpenSSH's format (the key itself is made up).
PUBLIC_KEY: Final = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE5hbWVsZXNzS2V5Rm9yVGVzdHNPbmx5MDA= t"

#: Private key material passed by mistake: refused, and never quoted back.
PRIVATE_KEY: Final = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END OPENSSH PRIVATE KEY-----\n"
)

_NAME_OR_ID: Final = [
    Bad("name_or_id", ""),
    Bad("name_or_id", "ab"),
    Bad("name_or_id", "n" * 129),
    Bad("name_or_id", "web template"),
]
_IDS: Final = {"instance_ids": [INSTANCE]}
_RULES: Final = Method(
    {"group_id": GROUP, "rules": [SSH]},
    [Bad("group_id", ""), Bad("rules", []), Bad("rules", Lazily(SSH, "tcp"))],
)

EC2: Final[dict[str, Method]] = {
    "run": Method(
        {"image_id": IMAGE, "instance_type": "t3.micro"},
        [
            Bad("image_id", ""),
            Bad("count", 0),
            Bad("count", -1),
            Bad("min_count", 0),
            Bad("min_count", 3, also={"count": 2}),
            Bad("instance_type", "micro"),
            Bad("instance_type", ""),
            Bad("key_name", ""),
            Bad("security_group_ids", ["sg-1", " "]),
            Bad("subnet_id", ""),
            Bad("availability_zone", ""),
            Bad("iam_instance_profile", ""),
            Bad("block_devices", None),
            Bad("user_data", "x" * (16 * 1024 + 1)),
            Bad("tags", {"aws:owner": "me"}),
            Bad("tags", {"": "v"}),
            Bad("tags", {"k" * 129: "v"}),
            Bad("tags", {"k": "v" * 257}),
            Bad("client_token", ""),
            Bad("client_token", "t" * 65),
        ],
    ),
    "instances": Method(
        {"ids": [INSTANCE], "tags": {"team": "a"}, "states": [InstanceState.RUNNING]},
        [
            Bad("states", [InstanceState.UNKNOWN]),
            Bad("filters", {"": ["x"]}, names="filter"),
            Bad("filters", {"instance-type": []}, names="filter"),
        ],
    ),
    "instance": Method({"instance_id": INSTANCE}, [Bad("instance_id", " ")]),
    "start": Method(_IDS, [Bad("instance_ids", [])]),
    "stop": Method(_IDS, [Bad("instance_ids", [])]),
    "reboot": Method(_IDS, [Bad("instance_ids", [])]),
    "terminate": Method(_IDS, [Bad("instance_ids", [])]),
    "wait_until": Method(
        {**_IDS, "state": InstanceState.RUNNING},
        [
            Bad("instance_ids", []),
            Bad("state", InstanceState.UNKNOWN),
            Bad("state", VpcState.PENDING),
            Bad("timeout", float("nan")),
            Bad("poll_interval", 0),
        ],
    ),
    "tag": Method(
        {"resource_ids": [INSTANCE], "tags": {"team": "a"}},
        [Bad("resource_ids", []), Bad("tags", {}), Bad("tags", {"aws:x": "y"})],
    ),
    "untag": Method(
        {"resource_ids": [INSTANCE], "keys": ["team"]},
        [Bad("resource_ids", []), Bad("keys", []), Bad("keys", ["aws:x"])],
    ),
    "create_security_group": Method(
        {"name": "web", "description": "web servers", "vpc_id": VPC},
        [
            Bad("name", ""),
            Bad("name", "sg-web", names="sg-"),
            Bad("name", "n" * 256),
            Bad("description", ""),
            Bad("description", "d" * 256),
            Bad("vpc_id", ""),
        ],
    ),
    "security_groups": Method(
        {"ids": [GROUP], "names": ["web"], "vpc_id": VPC},
        [Bad("vpc_id", "")],
    ),
    "security_group": Method({"group_id": GROUP}, [Bad("group_id", "")]),
    "delete_security_group": Method({"group_id": GROUP}, [Bad("group_id", "")]),
    "authorize_ingress": _RULES,
    "authorize_egress": _RULES,
    "revoke_ingress": _RULES,
    "revoke_egress": _RULES,
    "create_vpc": Method(
        {"cidr_block": "10.0.0.0/16"},
        [
            Bad("cidr_block", "10.0.0.0"),
            Bad("cidr_block", "10.0.0.1/16"),
            Bad("cidr_block", "10.0.0.0/8"),
            Bad("cidr_block", "10.0.0.0/29"),
            Bad("cidr_block", "2001:db8::/56"),
            Bad("cidr_block", ""),
        ],
    ),
    "vpcs": Method({"ids": [VPC]}),
    "vpc": Method({"vpc_id": VPC}, [Bad("vpc_id", "")]),
    "delete_vpc": Method({"vpc_id": VPC}, [Bad("vpc_id", "")]),
    "create_subnet": Method(
        {"vpc_id": VPC, "cidr_block": "10.0.1.0/24", "availability_zone": "us-east-1a"},
        [
            Bad("vpc_id", ""),
            Bad("cidr_block", "10.0.1.0/30"),
            Bad("cidr_block", "300.0.0.0/24"),
            Bad("availability_zone", ""),
        ],
    ),
    "subnets": Method({"vpc_id": VPC, "ids": [SUBNET]}, [Bad("vpc_id", "")]),
    "subnet": Method({"subnet_id": SUBNET}, [Bad("subnet_id", "")]),
    "delete_subnet": Method({"subnet_id": SUBNET}, [Bad("subnet_id", "")]),
    "create_launch_template": Method(
        {"name": "web-template", "image_id": IMAGE, "instance_type": "t3.micro"},
        [
            Bad("name", "ab"),
            Bad("name", "n" * 129),
            Bad("name", "web template"),
            Bad("image_id", ""),
            Bad("instance_type", "large"),
            Bad("key_name", ""),
            Bad("availability_zone", ""),
            Bad("iam_instance_profile", ""),
            Bad("user_data", "x" * (16 * 1024 + 1)),
            Bad("instance_tags", {"aws:x": "y"}),
            Bad("block_devices", None),
            Bad("version_description", ""),
        ],
    ),
    "launch_templates": Method(
        {"names": ["web-template"]},
        [
            Bad("ids", ["lt-0123456789abcdef0"], names="not both"),
            Bad("names", ["ab"]),
            Bad("names", ["web template"]),
        ],
    ),
    "launch_template": Method({"name_or_id": "web-template"}, _NAME_OR_ID),
    "delete_launch_template": Method({"name_or_id": "web-template"}, _NAME_OR_ID),
    "images": Method({"owners": ["self"], "ids": [IMAGE]}),
    "image": Method({"image_id": IMAGE}, [Bad("image_id", "")]),
    "create_key_pair": Method(
        {"name": "deploy"},
        [Bad("name", ""), Bad("name", "k" * 256), Bad("name", "clé")],
    ),
    "import_key_pair": Method(
        {"name": "deploy", "public_key": PUBLIC_KEY},
        [
            Bad("name", ""),
            Bad("public_key", ""),
            Bad("public_key", PRIVATE_KEY, secret="b3BlbnNzaC1rZXktdjE"),
        ],
    ),
    "key_pairs": Method(
        {"names": ["deploy"]}, [Bad("ids", ["key-0123456789abcdef0"], names="not both")]
    ),
    "key_pair": Method({"name": "deploy"}, [Bad("name", "")]),
    "delete_key_pair": Method({"name": "deploy"}, [Bad("name", "")]),
    "create_volume": Method(
        {"availability_zone": "us-east-1a", "size_gib": 8},
        [
            Bad("availability_zone", ""),
            Bad("size_gib", 0),
            Bad("size_gib", 65537),
            Bad("size_gib", None, names="size_gib"),
            Bad("volume_type", ""),
            Bad("volume_type", "GP3"),
            Bad("iops", 0),
            Bad("throughput", 0),
            Bad("kms_key_id", "alias/ebs", names="encrypted"),
            Bad("kms_key_id", "", also={"encrypted": True}),
            Bad("snapshot_id", ""),
        ],
    ),
    "volumes": Method({"ids": [VOLUME]}),
    "volume": Method({"volume_id": VOLUME}, [Bad("volume_id", "")]),
    "attach_volume": Method(
        {"volume_id": VOLUME, "instance_id": INSTANCE, "device": "/dev/sdf"},
        [Bad("volume_id", ""), Bad("instance_id", ""), Bad("device", "")],
    ),
    "detach_volume": Method({"volume_id": VOLUME}, [Bad("volume_id", ""), Bad("instance_id", "")]),
    "delete_volume": Method({"volume_id": VOLUME}, [Bad("volume_id", "")]),
    "allocate_address": Method({"tags": {"team": "a"}}, [Bad("tags", {"aws:x": "y"})]),
    "addresses": Method(
        {"public_ips": ["203.0.113.5"]},
        [
            Bad("public_ips", ["not-an-ip"]),
            Bad("public_ips", ["2001:db8::1"]),
            Bad("allocation_ids", [ALLOCATION], names="not both"),
        ],
    ),
    "address": Method({"allocation_id": ALLOCATION}, [Bad("allocation_id", "")]),
    "associate_address": Method(
        {"allocation_id": ALLOCATION, "instance_id": INSTANCE},
        [
            Bad("allocation_id", ""),
            Bad("instance_id", ""),
            Bad("instance_id", None, names="exactly one"),
            Bad("network_interface_id", "eni-0123456789abcdef0", names="exactly one"),
            Bad("private_ip", "10.0.0.300"),
        ],
    ),
    "disassociate_address": Method(
        {"association_id": "eipassoc-0123456789abcdef0"}, [Bad("association_id", "")]
    ),
    "release_address": Method({"allocation_id": ALLOCATION}, [Bad("allocation_id", "")]),
}

#: Models users build and pass in; their checks run when they are built.
EC2_MODELS: Final[dict[str, Method]] = {
    "Rule": Method(
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidrs": ["10.0.0.0/8"]},
        [
            Bad("protocol", ""),
            Bad("from_port", -2),
            Bad("from_port", 65536),
            Bad("to_port", 65536),
            Bad("to_port", 21, names="port"),
            Bad("from_port", None, names="port"),
            Bad("cidrs", ["10.0.0.0/33"]),
            Bad("cidrs", ["2001:db8::/32"]),
            Bad("ipv6_cidrs", ["10.0.0.0/8"]),
            Bad("group_ids", [""]),
            Bad("prefix_list_ids", [""]),
            Bad("description", "d" * 256),
        ],
    ),
    "LaunchTemplateRef": Method(
        {"name": "web-template"},
        [
            Bad("id", "lt-0123456789abcdef0", names="exactly one"),
            Bad("name", None, names="exactly one"),
            Bad("name", ""),
            Bad("name", "ab"),
            Bad("name", "web template"),
            Bad("id", "", also={"name": None}),
            Bad("version", ""),
            Bad("version", "latest"),
        ],
    ),
    "BlockDevice": Method(
        {"device_name": "/dev/xvda", "size_gib": 8},
        [
            Bad("device_name", "sda"),
            Bad("size_gib", 0),
            Bad("size_gib", 65537),
            Bad("iops", 0),
            Bad("throughput", 0),
            Bad("kms_key_id", ""),
            Bad("snapshot_id", ""),
        ],
    ),
    "MetadataOptions": Method({}, [Bad("hop_limit", 0), Bad("hop_limit", 65)]),
    "SpotOptions": Method(
        {"max_price": "0.05"},
        [Bad("max_price", "cheap"), Bad("max_price", "-1"), Bad("max_price", "")],
    ),
}

# Every method that writes tags refuses more than a resource may carry.
add_cases(
    EC2,
    [
        "run",
        "tag",
        "create_security_group",
        "create_vpc",
        "create_subnet",
        "create_launch_template",
        "create_key_pair",
        "import_key_pair",
        "create_volume",
        "allocate_address",
    ],
    Bad("tags", TOO_MANY_TAGS),
)
add_cases(EC2, ["create_launch_template"], Bad("instance_tags", TOO_MANY_TAGS))
