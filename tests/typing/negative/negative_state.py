"""States are InstanceState members: AWS's state strings must not type-check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awsfacade.ec2 import InstanceState

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service, Instance


def misuse(ec2: Ec2Service, instance: Instance) -> None:
    """Each marked line uses a string where an InstanceState is expected."""
    ec2.wait_until(["i-1"], "running")  # expect: arg-type
    ec2.instances(states=["running", InstanceState.STOPPED])  # expect: list-item
    state: InstanceState = "stopped"  # expect: assignment
    if instance.state == "running":  # expect: comparison-overlap
        print(state)
