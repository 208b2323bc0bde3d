"""AutoScalingService: groups, launch configurations, and groups from EC2 launch templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from awsfacade._base import Service
from awsfacade._clients import ClientCache, ClientOptions

if TYPE_CHECKING:
    from boto3.session import Session
    from mypy_boto3_autoscaling import AutoScalingClient

    from awsfacade._translate import Codes

__all__ = ["AutoScalingService"]


def _new_client(session: Session, options: ClientOptions) -> AutoScalingClient:
    # pyright strict calls Session.client "partially unknown": the overloads of services whose
    # stubs are not installed return Unknown. This overload returns AutoScalingClient.
    return session.client("autoscaling", **options)  # pyright: ignore[reportUnknownMemberType]


class AutoScalingService(Service["AutoScalingClient"]):
    """AutoScaling: groups, launch configurations and groups from EC2 launch templates.

    A regional service: it needs a region (from ``region=``, the session or the environment).
    """

    __slots__ = ()

    _clients = ClientCache("autoscaling", _new_client)
    _error_codes: ClassVar[Codes] = {}
