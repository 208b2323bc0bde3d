"""Models are frozen: assigning to a field must not type-check."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsfacade.ec2 import Instance, LaunchTemplateRef, Rule, SecurityGroup


def misuse(instance: Instance, rule: Rule, group: SecurityGroup, ref: LaunchTemplateRef) -> None:
    """Each marked line assigns to a field of a frozen model."""
    instance.id = "i-2"  # expect: misc
    rule.cidrs = ("10.0.0.0/8",)  # expect: misc
    group.tags = {}  # expect: misc
    ref.version = "$Latest"  # expect: misc
