"""AutoScaling: groups, launch configurations and groups from EC2 launch templates."""

from awsfacade.autoscaling._models import (
    AutoScalingGroup,
    GroupInstance,
    LaunchConfiguration,
    LifecycleState,
)
from awsfacade.autoscaling._service import AutoScalingService

__all__ = [
    "AutoScalingGroup",
    "AutoScalingService",
    "GroupInstance",
    "LaunchConfiguration",
    "LifecycleState",
]
