"""The public names: pinned, sorted, importable; ``import awsfacade`` stays light."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from types import ModuleType

import pytest

import awsfacade
import awsfacade.autoscaling
import awsfacade.ec2
import awsfacade.errors
import awsfacade.fanout
import awsfacade.iam
import awsfacade.progress
import awsfacade.rds
import awsfacade.route53
import awsfacade.s3


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        (
            awsfacade,
            [
                "AutoScalingService",
                "Ec2Service",
                "IamService",
                "Progress",
                "ProgressCallback",
                "RdsService",
                "Route53Service",
                "S3Service",
                "Tags",
                "__version__",
            ],
        ),
        (
            awsfacade.ec2,
            [
                "Address",
                "BlockDevice",
                "Ec2Service",
                "Image",
                "ImageState",
                "Instance",
                "InstanceState",
                "InstanceStateName",
                "KeyPair",
                "LaunchTemplate",
                "LaunchTemplateRef",
                "MetadataOptions",
                "Permission",
                "Rule",
                "SecurityGroup",
                "Source",
                "SourceKind",
                "SpotOptions",
                "StateChange",
                "Subnet",
                "SubnetState",
                "Volume",
                "VolumeAttachment",
                "VolumeAttachmentState",
                "VolumeState",
                "Vpc",
                "VpcState",
            ],
        ),
        (
            awsfacade.errors,
            [
                "AccessDeniedError",
                "AlreadyExistsError",
                "AmbiguousError",
                "AwsError",
                "CapacityError",
                "ClientSideError",
                "CredentialsError",
                "DryRunError",
                "InUseError",
                "InvalidArgumentError",
                "InvalidRequestError",
                "InvalidStateError",
                "LimitExceededError",
                "NotFoundError",
                "PartialFailureError",
                "ServiceError",
                "ThrottledError",
                "UnexpectedResponseError",
                "WaitFailedError",
                "WaitTimeoutError",
            ],
        ),
        (
            awsfacade.s3,
            [
                "Bucket",
                "BucketAcl",
                "BucketEncryption",
                "BucketVersioning",
                "CommonPrefix",
                "EncryptionRule",
                "FailedKeys",
                "Grant",
                "ObjectError",
                "Owner",
                "PublicAccessBlock",
                "PutResult",
                "S3Object",
                "S3Service",
                "VersioningStatus",
                "compatible_config",
            ],
        ),
        (
            awsfacade.iam,
            [
                "AccessKey",
                "AccessKeyStatus",
                "AttachedPolicy",
                "Group",
                "IamService",
                "Policy",
                "PolicyDocument",
                "PolicyScope",
                "Role",
                "User",
            ],
        ),
        (
            awsfacade.rds,
            ["DbInstance", "DbInstanceStatus", "DbSubnetGroup", "Endpoint", "RdsService"],
        ),
        (
            awsfacade.autoscaling,
            [
                "AutoScalingGroup",
                "AutoScalingService",
                "GroupInstance",
                "LaunchConfiguration",
                "LifecycleState",
            ],
        ),
        (
            awsfacade.route53,
            [
                "AliasTarget",
                "Change",
                "ChangeAction",
                "ChangeBatchError",
                "ChangeStatus",
                "CidrRouting",
                "Failover",
                "GeoLocation",
                "GeoProximity",
                "HostedZone",
                "RecordChange",
                "RecordSet",
                "RecordType",
                "Route53Service",
                "same_name",
            ],
        ),
        (awsfacade.progress, ["Progress", "ProgressCallback"]),
        (
            awsfacade.fanout,
            [
                "DEFAULT_ROLE",
                "Failure",
                "Outcome",
                "Stage",
                "Success",
                "Target",
                "fan_out",
                "organization_targets",
                "regions",
                "targets",
            ],
        ),
    ],
    ids=[
        "awsfacade",
        "awsfacade.ec2",
        "awsfacade.errors",
        "awsfacade.s3",
        "awsfacade.iam",
        "awsfacade.rds",
        "awsfacade.autoscaling",
        "awsfacade.route53",
        "awsfacade.progress",
        "awsfacade.fanout",
    ],
)
def test_all_is_pinned_sorted_and_importable(module: ModuleType, expected: list[str]) -> None:
    """Each public module's __all__ is exactly the pinned list, sorted, and every name resolves."""
    names: list[str] = list(module.__all__)
    assert names == expected
    assert names == sorted(names)
    for name in names:
        assert getattr(module, name) is not None, name


SERVICES = {
    "AutoScalingService": "awsfacade.autoscaling",
    "Ec2Service": "awsfacade.ec2",
    "IamService": "awsfacade.iam",
    "RdsService": "awsfacade.rds",
    "Route53Service": "awsfacade.route53",
    "S3Service": "awsfacade.s3",
}
STUBS = {
    "awsfacade.autoscaling": "mypy_boto3_autoscaling",
    "awsfacade.ec2": "mypy_boto3_ec2",
    "awsfacade.iam": "mypy_boto3_iam",
    "awsfacade.rds": "mypy_boto3_rds",
    "awsfacade.route53": "mypy_boto3_route53",
    "awsfacade.s3": "mypy_boto3_s3",
}


@pytest.mark.parametrize(("name", "package"), SERVICES.items())
def test_package_exports_each_service_lazily(name: str, package: str) -> None:
    """awsfacade.<Service> is the very class its sub-package defines."""
    assert getattr(awsfacade, name) is getattr(importlib.import_module(package), name)


def test_unknown_attribute_raises_attribute_error() -> None:
    """Asking awsfacade for a name it does not have raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="NoSuchService"):
        _ = awsfacade.NoSuchService


def test_version_is_a_string() -> None:
    """awsfacade.__version__ is a non-empty version string."""
    assert isinstance(awsfacade.__version__, str)
    assert awsfacade.__version__.count(".") >= 1


def test_dir_lists_the_public_names() -> None:
    """dir(awsfacade) lists the lazily imported services too."""
    assert "Ec2Service" in dir(awsfacade)


LOADED = """
import json, sys
import awsfacade
print(json.dumps(sorted(sys.modules)))
"""


def loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    modules: list[str] = json.loads(result.stdout)
    return set(modules)


def test_import_awsfacade_is_light() -> None:
    """import awsfacade imports neither moto, nor any service, nor any boto3 stub package."""
    modules = loaded_after(LOADED)
    assert "awsfacade" in modules
    assert not {name for name in modules if name == "moto" or name.startswith("moto.")}
    assert not set(SERVICES.values()) & modules
    assert "awsfacade.fanout" not in modules
    assert "awsfacade.testing" not in modules
    assert not {name for name in modules if name.startswith("mypy_boto3")}


@pytest.mark.parametrize(("name", "package"), SERVICES.items())
def test_a_service_loads_on_first_use(name: str, package: str) -> None:
    """Touching awsfacade.<Service> imports its sub-package alone: no module of another
    service (AutoScaling's LaunchTemplateRef is in a shared module), no moto, no stubs (they
    are for type checkers only)."""
    modules = loaded_after(
        LOADED.replace("import awsfacade", f"import awsfacade\nawsfacade.{name}")
    )
    assert package in modules
    others = set(SERVICES.values()) - {package}
    assert not {module for module in modules if others & {module, module.rpartition(".")[0]}}
    assert "moto" not in modules
    assert STUBS[package] not in modules


@pytest.mark.parametrize(
    "module",
    [
        awsfacade,
        awsfacade.ec2,
        awsfacade.errors,
        awsfacade.s3,
        awsfacade.iam,
        awsfacade.rds,
        awsfacade.autoscaling,
        awsfacade.route53,
        awsfacade.progress,
        awsfacade.fanout,
    ],
    ids=[
        "awsfacade",
        "awsfacade.ec2",
        "awsfacade.errors",
        "awsfacade.s3",
        "awsfacade.iam",
        "awsfacade.rds",
        "awsfacade.autoscaling",
        "awsfacade.route53",
        "awsfacade.progress",
        "awsfacade.fanout",
    ],
)
def test_public_modules_expose_nothing_but_their_all(module: ModuleType) -> None:
    """A public module shows no public name beyond __all__: helpers live in _private modules."""
    # Sub-modules, `annotations` and TYPE_CHECKING are not API; `@py_*` are pytest's (the
    # plugin's entry point makes pytest rewrite awsfacade's modules).
    stray = {
        name
        for name, value in vars(module).items()
        if name.isidentifier()
        and not name.startswith("_")
        and name not in {*module.__all__, "annotations", "TYPE_CHECKING"}
        and not isinstance(value, ModuleType)
    }
    assert stray == set()
