"""awsfacade: a typed facade over boto3.

Services return frozen attrs models, list lazily across pages, raise one exception family
([`awsfacade.errors`][awsfacade.errors]) and take an injected `boto3.Session`, so tests run
on moto through the fixtures of [`awsfacade.testing`][awsfacade.testing]. The six services
are importable from here (`from awsfacade import Ec2Service`) and from their own
sub-packages, with their models, and so are the progress reports of waits and many-step
operations ([`Progress`][awsfacade.progress.Progress],
[`ProgressCallback`][awsfacade.progress.ProgressCallback]); each is imported on first use, so
`import awsfacade` stays cheap. `awsfacade.__version__` is the package's version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade._tags import Tags

__version__ = "0.1.0"

if TYPE_CHECKING:
    from awsfacade.autoscaling import AutoScalingService
    from awsfacade.ec2 import Ec2Service
    from awsfacade.iam import IamService
    from awsfacade.progress import Progress, ProgressCallback
    from awsfacade.rds import RdsService
    from awsfacade.route53 import Route53Service
    from awsfacade.s3 import S3Service

__all__ = [
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
]

_LAZY = {
    "AutoScalingService": "awsfacade.autoscaling",
    "Ec2Service": "awsfacade.ec2",
    "IamService": "awsfacade.iam",
    "Progress": "awsfacade.progress",
    "ProgressCallback": "awsfacade.progress",
    "RdsService": "awsfacade.rds",
    "Route53Service": "awsfacade.route53",
    "S3Service": "awsfacade.s3",
}


def __getattr__(name: str) -> object:
    """A service (or a progress name), its module imported when first asked for.

    Raises:
        AttributeError: `name` is not one of the lazily imported names.
    """
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'awsfacade' has no attribute {name!r}")
    import importlib

    value: object = getattr(importlib.import_module(module_name), name)
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
