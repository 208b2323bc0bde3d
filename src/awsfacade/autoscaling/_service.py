"""AutoScalingService: one class over the parts of AutoScaling each module of this package
covers."""

from __future__ import annotations

from awsfacade.autoscaling._groups import GroupsMixin
from awsfacade.autoscaling._launch_configurations import LaunchConfigurationsMixin

__all__ = ["AutoScalingService"]


class AutoScalingService(GroupsMixin, LaunchConfigurationsMixin):
    """AutoScaling: groups, launch configurations and groups from EC2 launch templates.

    A regional service: it needs a region (from ``region=``, the session or the environment).
    Its state errors (``ScalingActivityInProgress``, ``ResourceInUse``) are all
    [`InvalidStateError`][awsfacade.errors.InvalidStateError], and its "not found" answers (a
    ``ValidationError`` saying so) [`NotFoundError`][awsfacade.errors.NotFoundError].
    """

    __slots__ = ()
