"""Secrets: every member botocore's models mark ``"sensitive": true`` for an operation the
facade calls is either hidden (a model field left out of ``repr``/``str``, masked in logs and
errors, still reachable by its attribute), or dropped (no model holds it), or, for a parameter
that goes in, masked in every log line and error, or never sent at all.

The table ``SENSITIVE`` classifies each member the walk over botocore's models finds; a new
member (a new operation called from src, a botocore update) that it does not classify fails
``test_every_sensitive_member_is_classified``, and a call in src to an operation missing from
``OPERATIONS`` fails ``test_the_operations_are_those_src_calls``.
"""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
import botocore.session
import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import ListShape, MapShape, Shape, StructureShape
from faults_support import fail_first, wire_error
from secrets_support import (
    Parsed,
    after_call,
    assert_absent,
    error_text,
    is_parsed,
    logged,
    nested,
    shown,
)
from support import answer_calls, error_answer, is_list

import awsfacade
from awsfacade import _redact
from awsfacade.ec2 import KeyPair
from awsfacade.errors import (
    AlreadyExistsError,
    CredentialsError,
    InvalidArgumentError,
    InvalidRequestError,
)
from awsfacade.fanout import Target, organization_targets
from awsfacade.fanout._clients import ORGANIZATIONS, STS
from awsfacade.fanout._sessions import Snapshot, assumed, snapshot
from awsfacade.fanout._work import Job
from awsfacade.iam import AccessKey
from awsfacade.s3 import EncryptionRule

if TYPE_CHECKING:
    import boto3.session

    from awsfacade.ec2 import Ec2Service
    from awsfacade.iam import IamService
    from awsfacade.rds import RdsService
    from awsfacade.s3 import S3Service

SRC: Final = Path(awsfacade.__file__).parent
IMAGE: Final = "ami-12345678"

# -- the operations the facade calls -----------------------------------------------------------

#: Every operation src calls, by service (botocore's names).
OPERATIONS: Final[dict[str, frozenset[str]]] = {
    "ec2": frozenset({
        "AllocateAddress", "AssociateAddress", "AttachVolume", "AuthorizeSecurityGroupEgress",
        "AuthorizeSecurityGroupIngress", "CreateKeyPair", "CreateLaunchTemplate",
        "CreateSecurityGroup", "CreateSubnet", "CreateTags", "CreateVolume", "CreateVpc",
        "DeleteKeyPair", "DeleteLaunchTemplate", "DeleteSecurityGroup", "DeleteSubnet",
        "DeleteTags", "DeleteVolume", "DeleteVpc", "DescribeAddresses", "DescribeImages",
        "DescribeInstances", "DescribeKeyPairs", "DescribeLaunchTemplates", "DescribeRegions",
        "DescribeSecurityGroups", "DescribeSubnets", "DescribeVolumes", "DescribeVpcs",
        "DetachVolume", "DisassociateAddress", "ImportKeyPair", "RebootInstances",
        "ReleaseAddress", "RevokeSecurityGroupEgress", "RevokeSecurityGroupIngress",
        "RunInstances", "StartInstances", "StopInstances", "TerminateInstances",
    }),
    "s3": frozenset({
        "AbortMultipartUpload", "CompleteMultipartUpload", "CopyObject", "CreateBucket",
        "CreateMultipartUpload", "DeleteBucket", "DeleteBucketTagging", "DeleteObject",
        "DeleteObjects", "GetBucketAcl", "GetBucketEncryption", "GetBucketTagging",
        "GetBucketVersioning", "GetObject", "GetPublicAccessBlock", "HeadBucket", "HeadObject",
        "ListBuckets", "ListObjectVersions", "ListObjectsV2", "PutBucketTagging",
        "PutBucketVersioning", "PutObject", "UploadPart",
    }),
    "iam": frozenset({
        "AddUserToGroup", "AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
        "CreateAccessKey", "CreateGroup", "CreatePolicy", "CreateRole", "CreateUser",
        "DeactivateMFADevice", "DeleteAccessKey", "DeleteGroup", "DeleteLoginProfile",
        "DeletePolicy", "DeleteRole", "DeleteRolePolicy", "DeleteServiceSpecificCredential",
        "DeleteSigningCertificate", "DeleteSSHPublicKey", "DeleteUser", "DeleteUserPolicy",
        "DeleteVirtualMFADevice", "DetachGroupPolicy", "DetachRolePolicy", "DetachUserPolicy",
        "GetGroup", "GetLoginProfile", "GetPolicy", "GetPolicyVersion", "GetRole", "GetUser",
        "ListAccessKeys", "ListAttachedGroupPolicies", "ListAttachedRolePolicies",
        "ListAttachedUserPolicies", "ListGroups", "ListGroupsForUser",
        "ListInstanceProfilesForRole", "ListMFADevices", "ListPolicies", "ListRolePolicies",
        "ListRoleTags", "ListRoles", "ListServiceSpecificCredentials",
        "ListSigningCertificates", "ListSSHPublicKeys", "ListUserPolicies", "ListUserTags",
        "ListUsers", "RemoveRoleFromInstanceProfile", "RemoveUserFromGroup", "UpdateAccessKey",
    }),
    "rds": frozenset({
        "CreateDBInstance", "CreateDBSubnetGroup", "DeleteDBInstance", "DeleteDBSubnetGroup",
        "DescribeDBInstances", "DescribeDBSubnetGroups",
    }),
    "autoscaling": frozenset({
        "CreateAutoScalingGroup", "CreateLaunchConfiguration", "DeleteAutoScalingGroup",
        "DeleteLaunchConfiguration", "DescribeAutoScalingGroups",
        "DescribeLaunchConfigurations", "SetDesiredCapacity", "UpdateAutoScalingGroup",
    }),
    "route53": frozenset({
        "ChangeResourceRecordSets", "CreateHostedZone", "DeleteHostedZone", "GetChange",
        "GetHostedZone", "ListHostedZones", "ListHostedZonesByName", "ListResourceRecordSets",
    }),
    "sts": frozenset({"AssumeRole"}),
    "organizations": frozenset({"DescribeOrganization", "ListAccounts"}),
}  # fmt: skip

#: boto3's injected S3 transfer methods, and the operations its transfer manager sends.
TRANSFERS: Final = {
    "upload_file": {
        "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload",
        "AbortMultipartUpload",
    },
    "download_file": {"HeadObject", "GetObject"},
}  # fmt: skip

#: Which services a package of src may call: fan-out reads Organizations, STS and EC2
#: (regions); the testing kit's own calls (the organization fixture's CreateOrganization and
#: CreateAccount) go to moto only, with made-up data; a top-level module may call any.
_PACKAGE_SERVICES: Final[dict[str, tuple[str, ...]]] = {
    "fanout": ("sts", "organizations", "ec2"),
    "testing": (),
}

_MODELS = botocore.session.get_session()


def _python_names(service: str) -> dict[str, str]:
    """boto3's method name of each operation of ``service`` → the operation."""
    model = _MODELS.get_service_model(service)
    return {xform_name(name): name for name in model.operation_names}


def called_by_src() -> set[tuple[str, str]]:
    """(service, operation) of every client method src names: an attribute such as
    ``client.create_key_pair`` or a string such as ``get_paginator("list_users")``."""
    names = {service: _python_names(service) for service in OPERATIONS}
    found: set[tuple[str, str]] = set()
    for path in SRC.rglob("*.py"):
        package = path.relative_to(SRC).parts[0]
        if package in _PACKAGE_SERVICES:
            services: tuple[str, ...] = _PACKAGE_SERVICES[package]
        else:
            services = (package,) if package in OPERATIONS else tuple(OPERATIONS)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                name = node.attr
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                name = node.value
            else:
                continue
            if "s3" in services and name in TRANSFERS:
                found |= {("s3", operation) for operation in TRANSFERS[name]}
            found |= {(s, names[s][name]) for s in services if name in names[s]}
    return found


def test_the_operations_are_those_src_calls() -> None:
    """``OPERATIONS`` holds every operation src calls, and no other (each exists in botocore)."""
    declared = {(service, name) for service, names in OPERATIONS.items() for name in names}
    found = called_by_src()
    assert found - declared == set(), "src calls operations the secrets walk does not cover"
    assert declared - found == set(), "operations src no longer calls"
    for service, names in OPERATIONS.items():
        assert names <= set(_MODELS.get_service_model(service).operation_names)


# -- the walk over botocore's models ------------------------------------------------------------


def _sensitive_members(shape: Shape | None, path: str, seen: frozenset[str]) -> Iterator[str]:
    """The path of every member under ``shape`` whose shape or member reference is marked
    sensitive (botocore merges a reference's traits into the member's metadata)."""
    if isinstance(shape, StructureShape):
        if shape.name in seen:
            return
        for name, member in shape.members.items():
            yield from _member(member, f"{path}.{name}", seen | {shape.name})
    elif isinstance(shape, ListShape):
        yield from _member(shape.member, f"{path}[]", seen)
    elif isinstance(shape, MapShape):
        yield from _member(shape.key, f"{path}{{key}}", seen)
        yield from _member(shape.value, f"{path}{{value}}", seen)


def _member(member: Shape, path: str, seen: frozenset[str]) -> Iterator[str]:
    if member.metadata.get("sensitive"):
        yield path
    yield from _sensitive_members(member, path, seen)


def sensitive_members() -> set[tuple[str, str, str]]:
    """(service, "in" or "out", Operation.Member.path) of every sensitive member of the
    operations' inputs and outputs."""
    found: set[tuple[str, str, str]] = set()
    for service, names in OPERATIONS.items():
        model = _MODELS.get_service_model(service)
        for name in names:
            operation = model.operation_model(name)
            for direction, shape in (
                ("in", operation.input_shape),
                ("out", operation.output_shape),
            ):
                found |= {
                    (service, direction, path)
                    for path in _sensitive_members(shape, name, frozenset())
                }
    return found


# -- the classification ------------------------------------------------------------------------


@attrs.frozen
class Hidden:
    """A secret a model holds: out of ``repr``/``str``, masked in logs and errors; ``proof``
    is the test that produces it and looks everywhere."""

    model: type
    field: str
    proof: str


@attrs.frozen
class Dropped:
    """A response member no model holds; ``proof`` builds models from a response carrying a
    sentinel there."""

    proof: str


@attrs.frozen
class Sent:
    """A parameter the facade sends (its argument ``argument``): masked in every log line and
    error; ``proof`` sends a sentinel."""

    argument: str
    proof: str


@attrs.frozen
class NeverSent:
    """A parameter no code in src names, so the facade never sends it."""

    member: str


Classification = Hidden | Dropped | Sent | NeverSent

_S3_SSE_IN: Final = ("SSECustomerKey", "SSEKMSKeyId", "SSEKMSEncryptionContext")
_S3_OBJECTS: Final = "test_s3_object_answers_drop_kms_key_ids_and_contexts"
_RDS_PENDING: Final = "test_rds_instances_drop_a_pending_master_password"
_ORGANIZATION: Final = "test_organization_targets_drop_account_names_and_emails"

#: Every sensitive member of the facade's operations, classified.
SENSITIVE: Final[dict[tuple[str, str, str], Classification]] = {
    # EC2
    ("ec2", "out", "CreateKeyPair.KeyMaterial"): Hidden(
        KeyPair, "private_key", "test_a_key_pairs_private_key_is_hidden"
    ),
    ("ec2", "in", "RunInstances.UserData"): Sent("user_data", "test_user_data_is_masked"),
    ("ec2", "in", "CreateLaunchTemplate.LaunchTemplateData.UserData"): Sent(
        "user_data", "test_user_data_is_masked"
    ),
    # IAM
    ("iam", "out", "CreateAccessKey.AccessKey.SecretAccessKey"): Hidden(
        AccessKey, "secret", "test_an_access_keys_secret_is_hidden"
    ),
    # RDS
    ("rds", "in", "CreateDBInstance.MasterUserPassword"): Sent(
        "master_password", "test_a_master_password_is_masked"
    ),
    ("rds", "in", "CreateDBInstance.TdeCredentialPassword"): NeverSent("TdeCredentialPassword"),
    ("rds", "out", "CreateDBInstance.DBInstance.PendingModifiedValues.MasterUserPassword"): (
        Dropped(_RDS_PENDING)
    ),
    ("rds", "out", "DeleteDBInstance.DBInstance.PendingModifiedValues.MasterUserPassword"): (
        Dropped(_RDS_PENDING)
    ),
    ("rds", "out", "DescribeDBInstances.DBInstances[].PendingModifiedValues.MasterUserPassword"): (
        Dropped(_RDS_PENDING)
    ),
    # S3: the facade sends no SSE parameter; answers carry the KMS key of a bucket's default
    ("s3", "out", "GetBucketEncryption.ServerSideEncryptionConfiguration.Rules[]"
     ".ApplyServerSideEncryptionByDefault.KMSMasterKeyID"): Hidden(
        EncryptionRule, "kms_key_id", "test_a_buckets_kms_key_id_is_hidden"
    ),
    **{("s3", "in", f"{operation}.{member}"): NeverSent(member)
       for operation in ("PutObject", "CopyObject", "CreateMultipartUpload")
       for member in _S3_SSE_IN},
    **{("s3", "in", f"{operation}.SSECustomerKey"): NeverSent("SSECustomerKey")
       for operation in ("GetObject", "HeadObject", "UploadPart", "CompleteMultipartUpload")},
    ("s3", "in", "CopyObject.CopySourceSSECustomerKey"): NeverSent("CopySourceSSECustomerKey"),
    **{("s3", "out", f"{operation}.{member}"): Dropped(_S3_OBJECTS)
       for operation in ("PutObject", "CopyObject", "CreateMultipartUpload")
       for member in ("SSEKMSKeyId", "SSEKMSEncryptionContext")},
    **{("s3", "out", f"{operation}.SSEKMSKeyId"): Dropped(_S3_OBJECTS)
       for operation in ("GetObject", "HeadObject", "UploadPart", "CompleteMultipartUpload")},
    # STS (fan-out's assumed roles)
    ("sts", "out", "AssumeRole.Credentials.SecretAccessKey"): Hidden(
        Snapshot, "secret_key", "test_assumed_credentials_are_hidden"
    ),
    # Organizations: names and emails (personal data, not secrets; no model holds them)
    ("organizations", "out", "ListAccounts.Accounts[].Email"): Dropped(_ORGANIZATION),
    ("organizations", "out", "ListAccounts.Accounts[].Name"): Dropped(_ORGANIZATION),
    ("organizations", "out", "DescribeOrganization.Organization.MasterAccountEmail"): (
        Dropped(_ORGANIZATION)
    ),
}  # fmt: skip

#: Secrets botocore's models do not mark: the session token goes with the secret key.
UNMARKED: Final[dict[tuple[str, str, str], Classification]] = {
    ("sts", "out", "AssumeRole.Credentials.SessionToken"): Hidden(
        Snapshot, "token", "test_assumed_credentials_are_hidden"
    ),
}


def test_every_sensitive_member_is_classified() -> None:
    """The walk finds exactly the members the table classifies: a new one fails here."""
    found = sensitive_members()
    assert found - SENSITIVE.keys() == set(), "sensitive members nobody classified"
    assert SENSITIVE.keys() - found == set(), "classified members botocore no longer marks"
    assert UNMARKED.keys().isdisjoint(found)


def test_every_proof_is_a_test_here() -> None:
    """Each classification names a test of this module that exists."""
    for entry in [*SENSITIVE.values(), *UNMARKED.values()]:
        if not isinstance(entry, NeverSent):
            assert entry.proof.startswith("test_")
            assert callable(globals().get(entry.proof)), entry.proof


def test_hidden_fields_are_out_of_repr() -> None:
    """Each model field holding a secret is an attrs field left out of the generated repr
    (``str`` is that repr: no model defines its own)."""
    for entry in [*SENSITIVE.values(), *UNMARKED.values()]:
        if isinstance(entry, Hidden):
            field = attrs.fields_dict(entry.model)[entry.field]
            assert field.repr is False, (entry.model, entry.field)
            assert "__str__" not in vars(entry.model)


def test_no_code_sends_a_parameter_classified_never_sent() -> None:
    """No module of src (but the redaction, which names them to mask them) names a parameter
    classified as never sent: request dicts and TypedDicts spell their keys out."""
    members = {entry.member for entry in SENSITIVE.values() if isinstance(entry, NeverSent)}
    for path in SRC.rglob("*.py"):
        if path.name == "_redact.py":
            continue
        text = path.read_text()
        for member in members:
            assert f'"{member}"' not in text, (path, member)


def test_every_sent_and_hidden_member_is_masked_in_log_lines() -> None:
    """The redaction masks each secret member's value in each form botocore logs it."""
    entries = {**SENSITIVE, **UNMARKED}
    members = {
        path.rsplit(".", 1)[-1]
        for (_, _, path), entry in entries.items()
        if isinstance(entry, Hidden | Sent)
    }
    assert {"SecretAccessKey", "SessionToken", "MasterUserPassword", "UserData"} <= members
    for member in members:
        for line in (
            f"<{member}>s3cr3t</{member}>",
            f"{{'{member}': 's3cr3t'}}",
            f"{{'Prefix.{member}': b's3cr3t'}}",
            f"Action=X&{member}=s3cr3t&Y=1",
            f"Invalid type for parameter {member}, value: s3cr3t, type: <class 'int'>",
            f"Value 's3cr3t' at '{member[0].lower()}{member[1:]}' failed to satisfy constraint",
        ):
            assert "s3cr3t" not in _redact.redact(line), line


# -- hidden: produced for real, looked for everywhere ---------------------------------------


def test_an_access_keys_secret_is_hidden(
    iam_service: IamService, caplog: pytest.LogCaptureFixture
) -> None:
    """IAM's new secret access key: in ``key.secret``, in no repr/str and no DEBUG record."""
    caplog.set_level(logging.DEBUG)
    iam_service.create_user("bob")
    key = iam_service.create_access_key("bob")
    assert key.secret  # hidden, not lost
    listed = list(iam_service.access_keys("bob"))
    assert_absent(key.secret, shown(key, listed, *listed))
    assert "Response body" in caplog.text  # botocore logged the answer
    assert_absent(key.secret, logged(caplog))


def test_a_key_pairs_private_key_is_hidden(
    ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture
) -> None:
    """EC2's new private key: in ``key.private_key``, in no repr/str and no DEBUG record."""
    caplog.set_level(logging.DEBUG)
    key = ec2_service.create_key_pair("deploy")
    assert key.private_key is not None
    assert key.private_key.startswith("-----BEGIN")
    text = logged(caplog)
    assert "<keyMaterial>***</keyMaterial>" in text  # botocore logged the answer, masked
    for line in key.private_key.splitlines()[1:-1]:
        assert line not in shown(key)
        assert line not in text


def test_a_buckets_kms_key_id_is_hidden(
    s3_service: S3Service, caplog: pytest.LogCaptureFixture
) -> None:
    """The KMS key of a bucket's default encryption (sensitive in S3's model): in
    ``rule.kms_key_id``, in no repr/str and no DEBUG record (request or answer)."""
    key = "arn:aws:kms:us-east-1:123456789012:key/sentinel-kms-0001"
    caplog.set_level(logging.DEBUG)
    s3_service.create_bucket("vault")
    s3_service.client.put_bucket_encryption(
        Bucket="vault",
        ServerSideEncryptionConfiguration={
            "Rules": [
                {"ApplyServerSideEncryptionByDefault": {
                    "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key
                }}
            ]
        },
    )  # fmt: skip
    encryption = s3_service.bucket_encryption("vault")
    (rule,) = encryption.rules
    assert rule.kms_key_id == key
    assert rule.algorithm == "aws:kms"
    assert_absent(key, shown(rule, encryption))
    assert "KMSMasterKeyID" in caplog.text
    assert_absent(key, logged(caplog))


def test_assumed_credentials_are_hidden(
    aws_session: boto3.session.Session, caplog: pytest.LogCaptureFixture
) -> None:
    """Fan-out's assumed-role credentials (moto's answer carrying sentinels): in the snapshot
    shipped to worker processes, in no repr/str and no DEBUG record."""
    secret, token = "sentinel-secret-0002", "sentinel-token-0003"
    client = STS.get(aws_session, region=None, endpoint_url=None, config=None)

    def credentials(parsed: Parsed) -> None:
        given = nested(parsed, "Credentials")
        given["SecretAccessKey"] = secret
        given["SessionToken"] = token
        given["Expiration"] = datetime.now(UTC) + timedelta(hours=1)

    changed: list[str] = []
    after_call(client, "AssumeRole", credentials, changed)
    caplog.set_level(logging.DEBUG)
    frozen = snapshot(assumed(client, "arn:aws:iam::111122223333:role/Reader", 3600, "audit"))
    assert changed == ["AssumeRole"]
    assert (frozen.secret_key, frozen.token) == (secret, token)
    target = Target(account_id="111122223333", region="us-east-1", role_arn=None)
    job = Job(target=target, work=_count_regions, credentials=frozen)  # to a worker process
    assert_absent(secret, shown(frozen, job))
    assert_absent(token, shown(frozen, job))
    text = logged(caplog)
    assert "<SessionToken>***</SessionToken>" in text  # botocore logged the answer, masked
    assert_absent(secret, text)
    assert_absent(token, text)


def test_a_rejected_signature_keeps_the_session_token_out_of_the_error(
    s3_service: S3Service,
) -> None:
    """S3's SignatureDoesNotMatch returns the canonical request it computed, whose
    x-amz-security-token line is the session token: masked in the botocore error kept as the
    CredentialsError's cause, and in no text of the error."""
    token = "sentinel-token-0004"
    canonical = f"GET\n/\n\nhost:s3.amazonaws.com\nx-amz-security-token:{token}\n\nhost"
    answer = wire_error(
        s3_service.client,
        "SignatureDoesNotMatch",
        403,
        extra=f"<CanonicalRequest>{canonical}</CanonicalRequest>",
    )
    fail_first(s3_service.client, "ListBuckets", answer, 99)

    with pytest.raises(CredentialsError) as raised:
        list(s3_service.buckets())

    cause = raised.value.__cause__
    assert isinstance(cause, ClientError)
    fields: Mapping[str, object] = cause.response.get("Error", {})
    assert fields.get("CanonicalRequest") == canonical.replace(token, "***")
    assert_absent(token, error_text(raised.value) + repr(cause.response))


def _count_regions(session: boto3.session.Session, target: Target) -> int:
    del target
    return len(session.get_available_regions("ec2"))


# -- sent: a secret given to the facade --------------------------------------------------------


def test_user_data_is_masked(ec2_service: Ec2Service, caplog: pytest.LogCaptureFixture) -> None:
    """EC2 user data (plain and as botocore's base64) is in no DEBUG record of a launch or a
    launch template, nor in the error of a refused value."""
    secret = "sentinel-user-data-0004"
    caplog.set_level(logging.DEBUG)
    ec2_service.run(image_id=IMAGE, user_data=f"#!/bin/sh\necho {secret}")
    ec2_service.create_launch_template(name="web", image_id=IMAGE, user_data=secret)
    assert "'UserData': '***'" in caplog.text  # botocore logged the parameters, masked
    assert "'LaunchTemplateData.UserData': '***'" in caplog.text
    assert_absent(secret, logged(caplog))
    assert_absent(f"#!/bin/sh\necho {secret}", logged(caplog))

    with pytest.raises(InvalidArgumentError) as too_long:
        ec2_service.run(image_id=IMAGE, user_data=secret * 1000)
    with pytest.raises(InvalidArgumentError) as wrong_type, ec2_service._translate():
        ec2_service.client.create_launch_template(
            LaunchTemplateName="raw",
            LaunchTemplateData={"UserData": [secret]},  # type: ignore[typeddict-item]  # pyright: ignore[reportArgumentType] - the wrong type under test
        )
    for error in (too_long.value, wrong_type.value):
        assert_absent(secret, error_text(error))
    assert "UserData" in str(wrong_type.value)


def test_a_master_password_is_masked(
    rds_service: RdsService, caplog: pytest.LogCaptureFixture
) -> None:
    """An RDS master password is in no DEBUG record of the create, nor in the error (message,
    repr, printed traceback with its cause) of a password refused here, a failed create
    (AlreadyExists), an AWS message quoting it, or a parameter botocore rejects."""
    secret = "Sentinel-Password-0005"
    caplog.set_level(logging.DEBUG)

    def create(password: str) -> None:
        rds_service.create_instance(
            "db1",
            instance_class="db.t3.micro",
            engine="postgres",
            master_username="admin",
            master_password=password,
        )

    create(secret)
    assert "'MasterUserPassword': '***'" in caplog.text  # botocore logged it, masked
    with pytest.raises(AlreadyExistsError) as exists:
        create(secret)
    with pytest.raises(InvalidArgumentError) as refused:
        create(f"{secret}@")
    # AWS's validation errors quote the rejected value ("1 validation error detected: Value
    # '...' at '...' failed to satisfy constraint"); moto's never do: a before-call answer.
    answer_calls(
        rds_service.client,
        "CreateDBInstance",
        error_answer(
            "InvalidParameterValue",
            f"1 validation error detected: Value '{secret}' at 'masterUserPassword' failed to "
            "satisfy constraint: Member must have length less than or equal to 128",
        ),
    )
    with pytest.raises(InvalidRequestError) as echoed:
        create(secret)
    assert "masterUserPassword" in str(echoed.value)
    with pytest.raises(InvalidArgumentError) as wrong_type, rds_service._translate():
        rds_service.client.create_db_instance(
            DBInstanceIdentifier="db2",
            DBInstanceClass="db.t3.micro",
            Engine="postgres",
            MasterUserPassword=[secret],  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the wrong type under test
        )
    assert "MasterUserPassword" in str(wrong_type.value)
    for error in (exists.value, refused.value, echoed.value, wrong_type.value):
        assert_absent(secret, error_text(error))
    assert_absent(secret, logged(caplog))


# -- dropped: answers carrying a sentinel, models without it -------------------------------


def test_rds_instances_drop_a_pending_master_password(rds_service: RdsService) -> None:
    """A pending master password in CreateDBInstance's, DescribeDBInstances' and
    DeleteDBInstance's answers reaches no model."""
    secret = "Sentinel-Pending-0006"

    def pending(parsed: Parsed) -> None:
        instances = parsed.get("DBInstances")
        for instance in instances if is_list(instances) else []:
            assert is_parsed(instance)
            nested(instance, "PendingModifiedValues")["MasterUserPassword"] = secret
        if "DBInstance" in parsed:
            nested(parsed, "DBInstance", "PendingModifiedValues")["MasterUserPassword"] = secret

    changed: list[str] = []
    for operation in ("CreateDBInstance", "DescribeDBInstances", "DeleteDBInstance"):
        after_call(rds_service.client, operation, pending, changed)
    created = rds_service.create_instance("db1", instance_class="db.t3.micro", engine="mysql")
    read = rds_service.instance("db1")
    listed = list(rds_service.instances())
    rds_service.delete_instance("db1", skip_final_snapshot=True)
    assert set(changed) == {"CreateDBInstance", "DescribeDBInstances", "DeleteDBInstance"}
    assert_absent(secret, shown(created, read, listed, *listed))


def test_s3_object_answers_drop_kms_key_ids_and_contexts(
    s3_service: S3Service, tmp_path: Path
) -> None:
    """The KMS key id and encryption context S3 reports for an object (put, copy, head, get,
    the transfer manager's uploads) reach no model."""
    secret = "sentinel-kms-0007"

    def kms(parsed: Parsed) -> None:
        parsed["SSEKMSKeyId"] = secret
        parsed["SSEKMSEncryptionContext"] = secret

    changed: list[str] = []
    for operations in TRANSFERS.values():
        for operation in {*operations, "CopyObject"}:
            after_call(s3_service.client, operation, kms, changed)
    s3_service.create_bucket("files")
    results = [
        s3_service.put_object("files", "a", b"data"),
        s3_service.copy_object("files", "a", "files", "b"),
        s3_service.head_object("files", "a"),
        s3_service.get_object("files", "a"),
    ]
    local = tmp_path / "local"
    local.write_bytes(b"data")
    s3_service.upload_file(local, "files", "c")  # returns None: nothing to hold a secret
    s3_service.download_file("files", "c", tmp_path / "back")
    assert set(changed) == {"PutObject", "CopyObject", "HeadObject", "GetObject"}
    assert_absent(secret, shown(*results))


def test_organization_targets_drop_account_names_and_emails(
    aws_session: boto3.session.Session,
) -> None:
    """Account names and emails (ListAccounts, DescribeOrganization) reach no target."""
    secret = "sentinel-account-0008"
    client = ORGANIZATIONS.get(aws_session, region=None, endpoint_url=None, config=None)
    client.create_organization(FeatureSet="ALL")
    client.create_account(Email=f"{secret}@example.com", AccountName=secret)

    def email(parsed: Parsed) -> None:
        nested(parsed, "Organization")["MasterAccountEmail"] = f"{secret}@example.com"

    changed: list[str] = []
    after_call(client, "DescribeOrganization", email, changed)
    found = list(organization_targets(aws_session, regions=["us-east-1"]))
    assert changed == ["DescribeOrganization"]
    assert len(found) == 1
    assert_absent(secret, shown(found, *found))
