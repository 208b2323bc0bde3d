"""AutoScaling's own argument checks, for what its model in botocore does not state (names'
and strings' lengths are checked from the model: ``awsfacade._boundary``; its pattern, which
Python cannot read, is AWS's to check); the shared ones are in ``awsfacade._validate``."""

from __future__ import annotations

from collections.abc import Sequence

from awsfacade._validate import check_ids, check_int, optional_ids
from awsfacade.errors import InvalidArgumentError

__all__ = ["check_name", "check_sizes", "check_xml_text", "check_zones", "new_zones"]


def check_name(name: str, what: str = "name") -> str:
    """A group or launch configuration name: not blank, no control characters."""
    if not name.strip() or not name.isprintable():
        raise InvalidArgumentError(f"{what} must be printable and not blank: {name!r}")
    return name


def check_xml_text(text: str, what: str) -> str:
    """A string of AutoScaling's ``XmlString`` shapes: not blank, and no control character
    but tab, newline and return (the shapes' pattern)."""
    if not text.strip() or any(c < " " and c not in "\t\n\r" for c in text):
        raise InvalidArgumentError(f"{what} must not be blank or hold control characters: {text!r}")
    return text


def check_sizes(min_size: int | None, max_size: int | None, desired_capacity: int | None) -> None:
    """Sizes that are whole numbers of instances (``None``: not given) with
    ``min_size <= desired_capacity <= max_size`` among those given."""
    for value, what in (
        (min_size, "min_size"),
        (max_size, "max_size"),
        (desired_capacity, "desired_capacity"),
    ):
        if value is not None:
            check_int(value, what, minimum=0)
    low, high, desired = min_size, max_size, desired_capacity
    if low is not None and high is not None and low > high:
        raise InvalidArgumentError(f"min_size {low} is larger than max_size {high}")
    if desired is not None and low is not None and desired < low:
        raise InvalidArgumentError(f"desired_capacity {desired} is below min_size {low}")
    if desired is not None and high is not None and desired > high:
        raise InvalidArgumentError(f"desired_capacity {desired} is above max_size {high}")


def check_zones(
    availability_zones: Sequence[str] | None, subnet_ids: Sequence[str] | None
) -> tuple[list[str] | None, list[str] | None]:
    """Lists of availability zones and subnet ids (none of them blank), which may be empty
    (none given)."""
    return (
        optional_ids(availability_zones, "availability_zones"),
        optional_ids(subnet_ids, "subnet_ids"),
    )


def new_zones(
    availability_zones: Sequence[str] | None, subnet_ids: Sequence[str] | None
) -> tuple[list[str] | None, list[str] | None]:
    """New availability zones and subnet ids for a group (``None``: unchanged); a group
    cannot be moved to no zone at all, so an empty list is refused."""
    return (
        None if availability_zones is None else check_ids(availability_zones, "availability_zones"),
        None if subnet_ids is None else check_ids(subnet_ids, "subnet_ids"),
    )
