"""AutoScaling's own argument checks (the shared ones are in ``awsfacade._validate``)."""

from __future__ import annotations

from collections.abc import Sequence

from awsfacade._validate import check_ids, check_int, check_text, optional_ids
from awsfacade.errors import InvalidArgumentError

__all__ = [
    "IMAGE_ID",
    "INSTANCE_PROFILE",
    "check_name",
    "check_sizes",
    "check_xml_text",
    "check_zones",
    "new_zones",
]

#: Group and launch configuration names: 1 to 255 characters (AutoScaling's service model);
#: no control characters.
_NAME_LIMIT = 255
#: ImageId's and KeyName's limit (XmlStringMaxLen255), IamInstanceProfile's (…MaxLen1600).
IMAGE_ID = 255
INSTANCE_PROFILE = 1600


def check_name(value: object, what: str = "name") -> str:
    """A group or launch configuration name: 1 to 255 printable characters."""
    name = check_text(value, what, _NAME_LIMIT)
    if not name.isprintable():
        raise InvalidArgumentError(f"{what} must not hold control characters: {name!r}")
    return name


def check_xml_text(value: object, what: str, limit: int) -> str:
    """A string of AutoScaling's ``XmlString`` shapes: 1 to ``limit`` characters, none of them
    a control character but tab, newline and return (the shapes' pattern)."""
    text = check_text(value, what, limit)
    if any(c < " " and c not in "\t\n\r" for c in text):
        raise InvalidArgumentError(f"{what} must not hold control characters: {text!r}")
    return text


def check_sizes(
    min_size: object | None, max_size: object | None, desired_capacity: object | None
) -> tuple[int | None, int | None, int | None]:
    """Sizes that are whole numbers of instances (``None``: not given) with
    ``min_size <= desired_capacity <= max_size`` among those given."""
    low, high, desired = (
        None if value is None else check_int(value, what, minimum=0)
        for value, what in (
            (min_size, "min_size"),
            (max_size, "max_size"),
            (desired_capacity, "desired_capacity"),
        )
    )
    if low is not None and high is not None and low > high:
        raise InvalidArgumentError(f"min_size {low} is larger than max_size {high}")
    if desired is not None and low is not None and desired < low:
        raise InvalidArgumentError(f"desired_capacity {desired} is below min_size {low}")
    if desired is not None and high is not None and desired > high:
        raise InvalidArgumentError(f"desired_capacity {desired} is above max_size {high}")
    return low, high, desired


def check_zones(
    availability_zones: Sequence[str] | None, subnet_ids: Sequence[str] | None
) -> tuple[list[str] | None, list[str] | None]:
    """Lists of availability zones and subnet ids (never one string standing for a list),
    which may be empty (none given)."""
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
