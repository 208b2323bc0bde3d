"""The operations `Realism(stale_reads=N)` acts on: one row per create, one per way a read
names what it reads. Adding a resource is a `Create` row and its `Read` rows.

Each `Read` row's error code and HTTP status are AWS's own: the status is the one botocore's
service model gives the code where it models it (RDS, IAM, S3, Route53;
`tests/realism/test_stale_reads.py` checks every row against the models), and 400 for EC2,
whose errors are not modelled (its API reference's "Error codes" page). A row with no error
is a read AWS answers as if the resource were not there yet: without it, not with an error
(a filter by id; AutoScaling's listings by name).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

__all__ = ["CREATES", "READS", "Create", "Read"]


@attrs.frozen()
class Create:
    """A create operation, and where its answer (or its request) names what it made."""

    service: str
    """botocore's hyphenised service id, as in its event names (`"ec2"`, `"auto-scaling"`)."""
    kind: str
    """What it makes (`"instance"`); the `Read` rows of that kind read it."""
    each: tuple[str, ...] = ()
    """The path, in the answer, to the resource made (a mapping) or to the list of them;
    empty: the answer itself."""
    names: tuple[str, ...] = ()
    """The keys of each resource naming it (an id, a name, an ARN): any of them reads it."""
    request: tuple[str, ...] = ()
    """Request parameters naming it too (S3's `Bucket`, which the answer does not repeat)."""


@attrs.frozen()
class Read:
    """One way a read operation names resources of one kind, and what AWS answers while it
    does not show them yet."""

    service: str
    """botocore's hyphenised service id."""
    kind: str
    """The kind of resource it names (a `Create.kind`)."""
    param: str = ""
    """The request parameter holding one name or a list of them."""
    filter: str = ""
    """Or the filter (`Filters=[{"Name": ..., "Values": [...]}]`) whose values name them."""
    error: str = ""
    """AWS's error code for the whole call; empty: the call is answered without them."""
    status: int = 400
    """The HTTP status AWS sends with `error`."""
    message: str = ""
    """AWS's message, `{}` standing for the names (comma-separated)."""


def _ec2(
    kind: str, operation: str, param: str, error: str, message: str, *filters: str
) -> dict[str, tuple[Read, ...]]:
    """An EC2 describe naming `kind` by `param` (answered with `error`, status 400, for the
    whole call) and by `filters` (answered without the resource)."""
    rows = (
        Read("ec2", kind, param=param, error=error, message=message),
        *(Read("ec2", kind, filter=name) for name in filters),
    )
    return {operation: rows}


_INSTANCE = "The instance ID '{}' does not exist"
_GROUP = "The security group '{}' does not exist"
_KEY_PAIR = "The key pair '{}' does not exist"
_TEMPLATE_ID = "The specified launch template, with template ID {}, does not exist."
_TEMPLATE_NAME = "At least one of the launch templates specified in the request does not exist."
_NOT_FOUND = 404
_NO_USER = "The user with name {} cannot be found."
_NO_GROUP = "The group with name {} cannot be found."
_NO_ROLE = "The role with name {} cannot be found."
_NO_POLICY = "Policy {} was not found."
_NO_BUCKET = "The specified bucket does not exist"
_NO_ZONE = "No hosted zone found with ID: {}"


def _iam(kind: str, param: str, message: str, *operations: str) -> dict[str, tuple[Read, ...]]:
    """IAM operations naming `kind` by `param`: NoSuchEntity, 404."""
    row = Read("iam", kind, param=param, error="NoSuchEntity", status=_NOT_FOUND, message=message)
    return dict.fromkeys(operations, (row,))


def _s3(*operations: str) -> dict[str, tuple[Read, ...]]:
    """S3 operations on a bucket: NoSuchBucket, 404 (HeadBucket's 404 has no body)."""
    row = Read(
        "s3", "bucket", param="Bucket", error="NoSuchBucket", status=_NOT_FOUND, message=_NO_BUCKET
    )
    return dict.fromkeys(operations, (row,))


CREATES: Final[Mapping[str, Create]] = {
    # EC2
    "RunInstances": Create("ec2", "instance", ("Instances",), ("InstanceId",)),
    "CreateVpc": Create("ec2", "vpc", ("Vpc",), ("VpcId",)),
    "CreateSubnet": Create("ec2", "subnet", ("Subnet",), ("SubnetId",)),
    "CreateSecurityGroup": Create("ec2", "security-group", (), ("GroupId",), ("GroupName",)),
    "CreateLaunchTemplate": Create(
        "ec2", "launch-template", ("LaunchTemplate",), ("LaunchTemplateId", "LaunchTemplateName")
    ),
    "CreateKeyPair": Create("ec2", "key-pair", (), ("KeyName", "KeyPairId")),
    "ImportKeyPair": Create("ec2", "key-pair", (), ("KeyName", "KeyPairId")),
    "CreateVolume": Create("ec2", "volume", (), ("VolumeId",)),
    "AllocateAddress": Create("ec2", "address", (), ("AllocationId", "PublicIp")),
    "CreateSnapshot": Create("ec2", "snapshot", (), ("SnapshotId",)),
    "CreateImage": Create("ec2", "image", (), ("ImageId",)),
    # RDS
    "CreateDBInstance": Create(
        "rds", "db-instance", ("DBInstance",), ("DBInstanceIdentifier", "DBInstanceArn")
    ),
    "CreateDBSubnetGroup": Create(
        "rds", "db-subnet-group", ("DBSubnetGroup",), ("DBSubnetGroupName", "DBSubnetGroupArn")
    ),
    # IAM
    "CreateUser": Create("iam", "iam-user", ("User",), ("UserName",)),
    "CreateGroup": Create("iam", "iam-group", ("Group",), ("GroupName",)),
    "CreateRole": Create("iam", "iam-role", ("Role",), ("RoleName",)),
    "CreatePolicy": Create("iam", "iam-policy", ("Policy",), ("Arn",)),
    # S3
    "CreateBucket": Create("s3", "bucket", request=("Bucket",)),
    # AutoScaling
    "CreateAutoScalingGroup": Create(
        "auto-scaling", "auto-scaling-group", request=("AutoScalingGroupName",)
    ),
    "CreateLaunchConfiguration": Create(
        "auto-scaling", "launch-configuration", request=("LaunchConfigurationName",)
    ),
    # Route53
    "CreateHostedZone": Create("route-53", "hosted-zone", ("HostedZone",), ("Id",)),
}
"""The creates watched, by operation: what each makes and where its names are."""

READS: Final[Mapping[str, tuple[Read, ...]]] = {
    # EC2: an unknown id in a describe's list fails the whole call; a filter just matches less.
    **_ec2(
        "instance", "DescribeInstances", "InstanceIds", "InvalidInstanceID.NotFound", _INSTANCE,
        "instance-id",
    ),
    **_ec2(
        "instance", "DescribeInstanceStatus", "InstanceIds", "InvalidInstanceID.NotFound",
        _INSTANCE, "instance-id",
    ),
    **_ec2(
        "instance", "DescribeInstanceAttribute", "InstanceId", "InvalidInstanceID.NotFound",
        _INSTANCE,
    ),
    **_ec2(
        "vpc", "DescribeVpcs", "VpcIds", "InvalidVpcID.NotFound",
        "The vpc ID '{}' does not exist", "vpc-id",
    ),
    **_ec2(
        "subnet", "DescribeSubnets", "SubnetIds", "InvalidSubnetID.NotFound",
        "The subnet ID '{}' does not exist", "subnet-id",
    ),
    "DescribeSecurityGroups": (
        Read("ec2", "security-group", param="GroupIds", error="InvalidGroup.NotFound",
             message=_GROUP),
        Read("ec2", "security-group", param="GroupNames", error="InvalidGroup.NotFound",
             message=_GROUP),
        Read("ec2", "security-group", filter="group-id"),
    ),
    "DescribeLaunchTemplates": (
        Read("ec2", "launch-template", param="LaunchTemplateIds",
             error="InvalidLaunchTemplateId.NotFound", message=_TEMPLATE_ID),
        Read("ec2", "launch-template", param="LaunchTemplateNames",
             error="InvalidLaunchTemplateName.NotFoundException", message=_TEMPLATE_NAME),
        Read("ec2", "launch-template", filter="launch-template-name"),
    ),
    "DescribeLaunchTemplateVersions": (
        Read("ec2", "launch-template", param="LaunchTemplateId",
             error="InvalidLaunchTemplateId.NotFound", message=_TEMPLATE_ID),
        Read("ec2", "launch-template", param="LaunchTemplateName",
             error="InvalidLaunchTemplateName.NotFoundException", message=_TEMPLATE_NAME),
    ),
    "DescribeKeyPairs": (
        Read("ec2", "key-pair", param="KeyNames", error="InvalidKeyPair.NotFound",
             message=_KEY_PAIR),
        Read("ec2", "key-pair", param="KeyPairIds", error="InvalidKeyPair.NotFound",
             message=_KEY_PAIR),
        Read("ec2", "key-pair", filter="key-name"),
        Read("ec2", "key-pair", filter="key-pair-id"),
    ),
    **_ec2(
        "volume", "DescribeVolumes", "VolumeIds", "InvalidVolume.NotFound",
        "The volume '{}' does not exist.", "volume-id",
    ),
    "DescribeAddresses": (
        Read("ec2", "address", param="AllocationIds", error="InvalidAllocationID.NotFound",
             message="The allocation ID '{}' does not exist"),
        Read("ec2", "address", param="PublicIps", error="InvalidAddress.NotFound",
             message="Address '{}' not found."),
        Read("ec2", "address", filter="allocation-id"),
        Read("ec2", "address", filter="public-ip"),
    ),
    **_ec2(
        "snapshot", "DescribeSnapshots", "SnapshotIds", "InvalidSnapshot.NotFound",
        "The snapshot '{}' does not exist.", "snapshot-id",
    ),
    **_ec2(
        "image", "DescribeImages", "ImageIds", "InvalidAMIID.NotFound",
        "The image id '[{}]' does not exist", "image-id",
    ),
    # RDS
    "DescribeDBInstances": (
        Read("rds", "db-instance", param="DBInstanceIdentifier", error="DBInstanceNotFound",
             status=_NOT_FOUND, message="DBInstance {} not found."),
        Read("rds", "db-instance", filter="db-instance-id"),
    ),
    "DescribeDBSubnetGroups": (
        Read("rds", "db-subnet-group", param="DBSubnetGroupName",
             error="DBSubnetGroupNotFoundFault", status=_NOT_FOUND,
             message="DBSubnetGroup {} not found."),
    ),
    # IAM: a read naming a user, group, role or policy not visible yet.
    **_iam(
        "iam-user", "UserName", _NO_USER, "GetUser", "ListUserTags", "ListAccessKeys",
        "ListGroupsForUser", "ListAttachedUserPolicies", "ListUserPolicies", "GetLoginProfile",
    ),
    **_iam(
        "iam-group", "GroupName", _NO_GROUP, "GetGroup", "ListAttachedGroupPolicies",
        "ListGroupPolicies",
    ),
    **_iam(
        "iam-role", "RoleName", _NO_ROLE, "GetRole", "ListRoleTags", "ListAttachedRolePolicies",
        "ListRolePolicies", "ListInstanceProfilesForRole",
    ),
    **_iam(
        "iam-policy", "PolicyArn", _NO_POLICY, "GetPolicy", "GetPolicyVersion",
        "ListPolicyVersions", "ListEntitiesForPolicy", "ListPolicyTags",
    ),
    # S3: reads of a bucket (not of its objects).
    **_s3(
        "HeadBucket", "GetBucketLocation", "GetBucketTagging", "GetBucketVersioning",
        "GetBucketAcl", "GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketEncryption",
        "GetPublicAccessBlock", "GetBucketLifecycleConfiguration", "GetBucketCors",
        "GetBucketWebsite", "GetBucketLogging", "GetBucketNotificationConfiguration",
        "GetBucketOwnershipControls", "GetBucketReplication", "GetBucketRequestPayment",
        "GetBucketAccelerateConfiguration", "GetObjectLockConfiguration", "ListObjects",
        "ListObjectsV2", "ListObjectVersions", "ListMultipartUploads",
    ),
    # AutoScaling answers an unknown name with an empty list, not an error.
    "DescribeAutoScalingGroups": (
        Read("auto-scaling", "auto-scaling-group", param="AutoScalingGroupNames"),
    ),
    "DescribeLaunchConfigurations": (
        Read("auto-scaling", "launch-configuration", param="LaunchConfigurationNames"),
    ),
    # Route53
    "GetHostedZone": (
        Read("route-53", "hosted-zone", param="Id", error="NoSuchHostedZone",
             status=_NOT_FOUND, message=_NO_ZONE),
    ),
    "ListResourceRecordSets": (
        Read("route-53", "hosted-zone", param="HostedZoneId", error="NoSuchHostedZone",
             status=_NOT_FOUND, message=_NO_ZONE),
    ),
}  # fmt: skip
"""The reads answered stale, by operation: each way it names a resource."""
