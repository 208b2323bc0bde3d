"""The regions enabled for an account, from EC2 ``DescribeRegions``, cached per session."""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

from awsfacade._translate import translate
from awsfacade._validate import check_bool, check_id
from awsfacade.errors import InvalidArgumentError
from awsfacade.fanout._clients import EC2
from awsfacade.fanout._targets import check_session, partition

if TYPE_CHECKING:
    from boto3.session import Session

__all__ = ["regions"]

#: The opt-in states of a region the account can use.
_ENABLED = frozenset({"opt-in-not-required", "opted-in"})

#: Per session, per include_opt_in: the session's partition and its enabled regions.
_cache: weakref.WeakKeyDictionary[Session, dict[bool, tuple[str, tuple[str, ...]]]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def regions(session: Session, *, service: str = "ec2", include_opt_in: bool = False) -> list[str]:
    """The regions enabled for the session's account, sorted; asked once per session.

    One EC2 `DescribeRegions` with `AllRegions=True`, kept to the session's partition and
    to regions that need no opt-in or are opted in. A session without a region asks
    us-east-1; later calls on the same session send nothing.

    Args:
        session: The session whose account is asked about.
        service: An AWS service name as botocore spells it (`"ec2"`, `"sagemaker"`): the
            regions botocore knows it in are intersected with the enabled ones (for a service
            not offered everywhere).
        include_opt_in: Add the opt-in regions not opted in yet.

    Returns:
        The region names, sorted.

    Raises:
        InvalidArgumentError: `session` is not a boto3 Session, or `service` is not a
            service botocore knows.
    """
    check_session(session)
    name = check_id(service, "service")
    with_opt_in = check_bool(include_opt_in, "include_opt_in")
    if name not in session.get_available_services():
        raise InvalidArgumentError(f"service {name!r} is not an AWS service botocore knows")
    with _lock:
        cached = _cache.get(session, {}).get(with_opt_in)
    if cached is None:
        cached = _ask(session, with_opt_in)
        with _lock:
            _cache.setdefault(session, {})[with_opt_in] = cached
    home, enabled = cached
    if name == "ec2":
        return list(enabled)
    offered = set(session.get_available_regions(name, partition_name=home))
    return [region for region in enabled if region in offered]


def _ask(session: Session, include_opt_in: bool) -> tuple[str, tuple[str, ...]]:
    """The session's partition and its enabled regions, from one DescribeRegions."""
    client = EC2.get(session, region=None, endpoint_url=None, config=None)
    home = partition(client.meta.region_name)
    with translate():
        answer = client.describe_regions(AllRegions=True)
    wanted = _ENABLED | {"not-opted-in"} if include_opt_in else _ENABLED
    enabled = {
        region["RegionName"]
        for region in answer.get("Regions", [])
        if "RegionName" in region and region.get("OptInStatus", "opt-in-not-required") in wanted
    }
    # moto lists every partition's regions to every caller; AWS only the caller's.
    return home, tuple(sorted(r for r in enabled if _partition_of(r) == home))


def _partition_of(region: str) -> str | None:
    try:
        return partition(region)
    except InvalidArgumentError:  # a region newer than botocore's endpoint data
        return None
