"""Issue 11 for Ec2Service: any response AWS may send to an operation the service reads
becomes models or an ``AwsError``, never ``KeyError``/``TypeError``/``ValueError``/
``AttributeError``, and never ``InvalidArgumentError`` (see ``any_response``).

Responses are drawn from botocore's output shapes (``shapes.response_strategy``): optional
members left out, enum values AWS has not invented yet, empty lists, long strings, numbers at
their limits. The operations marked ``raw`` are also answered as the XML body AWS sends, so
botocore's EC2 parser runs too.

``always_sent`` lists, per operation, the members EC2 puts in every answer though its model
marks none of them required (EC2's output shapes have no required members at all): only
their absence may raise ``UnexpectedResponseError``. They are the identity and the
defining facts of each resource: an instance's id, image, type, launch time and state; a
group's id and name; a VPC's id and IPv4 block (every VPC has one); a subnet's id, VPC and
zone (an IPv6-only subnet has no IPv4 block, so that one is optional); a template's id and
name; an image's id, owner and state; a key pair's name, id and fingerprint (and the private
key CreateKeyPair returns); a volume's id, size, type, zone, state and creation time; an
attachment's state (also in a volume's list of attachments); an address's allocation id
(VPC addresses, the only kind left); the ids a create or an association returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime

import pytest
from any_response import Call, Operation, check_operation, check_table, offline

from awsfacade.ec2 import (
    Address,
    Ec2Service,
    Image,
    Instance,
    InstanceState,
    KeyPair,
    LaunchTemplate,
    Rule,
    SecurityGroup,
    StateChange,
    Subnet,
    Volume,
    VolumeAttachment,
    Vpc,
)
from awsfacade.errors import NotFoundError

INSTANCE = "i-0123456789abcdef0"
GROUP = "sg-0123456789abcdef0"
NOW = datetime(2024, 1, 1, tzinfo=UTC)
RULES = (Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/8",)),)
PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey any-response"

E = Ec2Service
_RUNNING: Mapping[str, object] = {
    "Reservations": [
        {
            "Instances": [
                {
                    "InstanceId": INSTANCE,
                    "ImageId": "ami-12345678",
                    "InstanceType": "t3.micro",
                    "LaunchTime": NOW,
                    "State": {"Name": "running", "Code": 16},
                }
            ]
        }
    ]
}
_GROUP_CREATED: Mapping[str, object] = {"GroupId": GROUP}
_GROUP_LISTED: Mapping[str, object] = {"SecurityGroups": [{"GroupId": GROUP, "GroupName": "web"}]}


OPERATIONS: tuple[Operation[E], ...] = (
    # -- instances -----------------------------------------------------------------------------
    Operation(
        "RunInstances",
        (Call("run", lambda s: s.run(image_id="ami-12345678"), Instance),),
        always_sent=(
            "Instances",
            *(f"Instances.{m}" for m in ("InstanceId", "ImageId", "InstanceType", "LaunchTime")),
            "Instances.State.Name",
        ),
        raw=True,
    ),
    Operation(
        "DescribeInstances",
        (
            Call("instances", lambda s: s.instances(), Instance),
            Call("instance", lambda s: s.instance(INSTANCE), Instance, errors=(NotFoundError,)),
            Call(
                "wait_until",
                lambda s: s.wait_until([INSTANCE], InstanceState.RUNNING, poll_interval=0.01),
                Instance,
                before=(("DescribeInstances", _RUNNING),),
            ),
        ),
        always_sent=tuple(
            f"Reservations.Instances.{m}"
            for m in ("InstanceId", "ImageId", "InstanceType", "LaunchTime", "State.Name")
        ),
        raw=True,
    ),
    Operation(
        "StartInstances",
        (Call("start", lambda s: s.start([INSTANCE]), StateChange),),
        always_sent=("StartingInstances.InstanceId",),
    ),
    Operation(
        "StopInstances",
        (Call("stop", lambda s: s.stop([INSTANCE]), StateChange),),
        always_sent=("StoppingInstances.InstanceId",),
    ),
    Operation(
        "TerminateInstances",
        (Call("terminate", lambda s: s.terminate([INSTANCE]), StateChange),),
        always_sent=("TerminatingInstances.InstanceId",),
        raw=True,
    ),
    Operation("RebootInstances", (Call("reboot", lambda s: s.reboot([INSTANCE]), None),)),
    Operation("CreateTags", (Call("tag", lambda s: s.tag([INSTANCE], {"a": "b"}), None),)),
    Operation("DeleteTags", (Call("untag", lambda s: s.untag([INSTANCE], ["a"]), None),)),
    # -- security groups -----------------------------------------------------------------------
    Operation(
        "CreateSecurityGroup",
        (
            Call(
                "create_security_group",
                lambda s: s.create_security_group(name="web", description="d"),
                SecurityGroup,
                after=(("DescribeSecurityGroups", _GROUP_LISTED),),
            ),
        ),
        always_sent=("GroupId",),
    ),
    Operation(
        "DescribeSecurityGroups",
        (
            Call("security_groups", lambda s: s.security_groups(), SecurityGroup),
            Call(
                "security_group",
                lambda s: s.security_group(GROUP),
                SecurityGroup,
                errors=(NotFoundError,),
            ),
            Call(
                "create_security_group",
                lambda s: s.create_security_group(name="web", description="d"),
                SecurityGroup,
                before=(("CreateSecurityGroup", _GROUP_CREATED),),
            ),
        ),
        always_sent=("SecurityGroups.GroupId", "SecurityGroups.GroupName"),
        raw=True,
    ),
    Operation(
        "DeleteSecurityGroup",
        (Call("delete_security_group", lambda s: s.delete_security_group(GROUP), None),),
    ),
    Operation(
        "AuthorizeSecurityGroupIngress",
        (Call("authorize_ingress", lambda s: s.authorize_ingress(GROUP, RULES), None),),
    ),
    Operation(
        "AuthorizeSecurityGroupEgress",
        (Call("authorize_egress", lambda s: s.authorize_egress(GROUP, RULES), None),),
    ),
    Operation(
        "RevokeSecurityGroupIngress",
        (Call("revoke_ingress", lambda s: s.revoke_ingress(GROUP, RULES), None),),
    ),
    Operation(
        "RevokeSecurityGroupEgress",
        (Call("revoke_egress", lambda s: s.revoke_egress(GROUP, RULES), None),),
    ),
    # -- VPCs and subnets ----------------------------------------------------------------------
    Operation(
        "CreateVpc",
        (
            Call(
                "create_vpc",
                lambda s: s.create_vpc(cidr_block="10.0.0.0/16"),
                Vpc,
                before=(("DescribeVpcs", {"Vpcs": []}),),
            ),
        ),
        always_sent=("Vpc", "Vpc.VpcId", "Vpc.CidrBlock"),
    ),
    Operation(
        "DescribeVpcs",
        (
            Call("vpcs", lambda s: s.vpcs(), Vpc),
            Call("vpc", lambda s: s.vpc("vpc-12345678"), Vpc, errors=(NotFoundError,)),
        ),
        always_sent=("Vpcs.VpcId", "Vpcs.CidrBlock"),
        raw=True,
    ),
    Operation("DeleteVpc", (Call("delete_vpc", lambda s: s.delete_vpc("vpc-12345678"), None),)),
    Operation(
        "CreateSubnet",
        (
            Call(
                "create_subnet",
                lambda s: s.create_subnet(vpc_id="vpc-12345678", cidr_block="10.0.0.0/24"),
                Subnet,
            ),
        ),
        always_sent=("Subnet", "Subnet.SubnetId", "Subnet.VpcId", "Subnet.AvailabilityZone"),
    ),
    Operation(
        "DescribeSubnets",
        (
            Call("subnets", lambda s: s.subnets(), Subnet),
            Call("subnet", lambda s: s.subnet("subnet-12345678"), Subnet, errors=(NotFoundError,)),
        ),
        always_sent=tuple(f"Subnets.{m}" for m in ("SubnetId", "VpcId", "AvailabilityZone")),
    ),
    Operation(
        "DeleteSubnet",
        (Call("delete_subnet", lambda s: s.delete_subnet("subnet-12345678"), None),),
    ),
    # -- launch templates ----------------------------------------------------------------------
    Operation(
        "CreateLaunchTemplate",
        (
            Call(
                "create_launch_template",
                lambda s: s.create_launch_template(name="web", image_id="ami-12345678"),
                LaunchTemplate,
            ),
        ),
        always_sent=(
            "LaunchTemplate",
            "LaunchTemplate.LaunchTemplateId",
            "LaunchTemplate.LaunchTemplateName",
        ),
    ),
    Operation(
        "DescribeLaunchTemplates",
        (
            Call("launch_templates", lambda s: s.launch_templates(), LaunchTemplate),
            Call(
                "launch_template",
                lambda s: s.launch_template("web"),
                LaunchTemplate,
                errors=(NotFoundError,),
            ),
        ),
        always_sent=("LaunchTemplates.LaunchTemplateId", "LaunchTemplates.LaunchTemplateName"),
    ),
    Operation(
        "DeleteLaunchTemplate",
        (Call("delete_launch_template", lambda s: s.delete_launch_template("web"), None),),
    ),
    # -- images and key pairs ------------------------------------------------------------------
    Operation(
        "DescribeImages",
        (
            Call("images", lambda s: s.images(owners=["self"]), Image),
            Call("image", lambda s: s.image("ami-12345678"), Image, errors=(NotFoundError,)),
        ),
        always_sent=("Images.ImageId", "Images.OwnerId", "Images.State"),
        raw=True,
    ),
    Operation(
        "CreateKeyPair",
        (Call("create_key_pair", lambda s: s.create_key_pair("key"), KeyPair),),
        always_sent=("KeyName", "KeyPairId", "KeyFingerprint", "KeyMaterial"),
    ),
    Operation(
        "ImportKeyPair",
        (Call("import_key_pair", lambda s: s.import_key_pair("key", PUBLIC_KEY), KeyPair),),
        always_sent=("KeyName", "KeyPairId", "KeyFingerprint"),
    ),
    Operation(
        "DescribeKeyPairs",
        (
            Call("key_pairs", lambda s: s.key_pairs(), KeyPair),
            Call("key_pair", lambda s: s.key_pair("key"), KeyPair, errors=(NotFoundError,)),
        ),
        always_sent=tuple(f"KeyPairs.{m}" for m in ("KeyName", "KeyPairId", "KeyFingerprint")),
    ),
    Operation("DeleteKeyPair", (Call("delete_key_pair", lambda s: s.delete_key_pair("k"), None),)),
    # -- volumes -------------------------------------------------------------------------------
    Operation(
        "CreateVolume",
        (
            Call(
                "create_volume",
                lambda s: s.create_volume(availability_zone="us-east-1a", size_gib=8),
                Volume,
            ),
        ),
        always_sent=(
            "VolumeId",
            "Size",
            "VolumeType",
            "AvailabilityZone",
            "State",
            "CreateTime",
            "Attachments.State",
        ),
    ),
    Operation(
        "DescribeVolumes",
        (
            Call("volumes", lambda s: s.volumes(), Volume),
            Call("volume", lambda s: s.volume("vol-12345678"), Volume, errors=(NotFoundError,)),
        ),
        always_sent=tuple(
            f"Volumes.{m}"
            for m in (
                *("VolumeId", "Size", "VolumeType", "AvailabilityZone", "State", "CreateTime"),
                "Attachments.State",
            )
        ),
        raw=True,
    ),
    Operation(
        "AttachVolume",
        (
            Call(
                "attach_volume",
                lambda s: s.attach_volume("vol-12345678", instance_id=INSTANCE, device="xvdf"),
                VolumeAttachment,
            ),
        ),
        always_sent=("State",),
    ),
    Operation(
        "DetachVolume",
        (Call("detach_volume", lambda s: s.detach_volume("vol-12345678"), VolumeAttachment),),
        always_sent=("State",),
    ),
    Operation(
        "DeleteVolume",
        (Call("delete_volume", lambda s: s.delete_volume("vol-12345678"), None),),
    ),
    # -- Elastic IP addresses ------------------------------------------------------------------
    Operation(
        "AllocateAddress",
        (
            Call(
                "allocate_address",
                lambda s: s.allocate_address(),
                Address,
                before=(("DescribeAddresses", {"Addresses": []}),),
            ),
        ),
        always_sent=("AllocationId",),
    ),
    Operation(
        "DescribeAddresses",
        (
            Call("addresses", lambda s: s.addresses(), Address),
            Call(
                "address",
                lambda s: s.address("eipalloc-12345678"),
                Address,
                errors=(NotFoundError,),
            ),
        ),
        always_sent=("Addresses.AllocationId",),
        raw=True,
    ),
    Operation(
        "AssociateAddress",
        (
            Call(
                "associate_address",
                lambda s: s.associate_address("eipalloc-12345678", instance_id=INSTANCE),
                str,
            ),
        ),
        always_sent=("AssociationId",),
    ),
    Operation(
        "DisassociateAddress",
        (Call("disassociate_address", lambda s: s.disassociate_address("eipassoc-1"), None),),
    ),
    Operation(
        "ReleaseAddress",
        (Call("release_address", lambda s: s.release_address("eipalloc-12345678"), None),),
    ),
)


def test_every_operation_ec2_calls_is_in_the_table() -> None:
    check_table("ec2", "ec2", OPERATIONS)


@pytest.fixture
def ec2() -> Iterator[Ec2Service]:
    with offline(Ec2Service) as service:
        yield service


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_any_response(operation: Operation[E], ec2: Ec2Service) -> None:
    check_operation(ec2, operation)
