"""AutoScaling: groups, launch configurations and groups from EC2 launch templates."""

from awsfacade.autoscaling._service import AutoScalingService

__all__ = ["AutoScalingService"]
