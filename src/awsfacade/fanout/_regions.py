"""The regions enabled for an account, from EC2 ``DescribeRegions``, cached per session."""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

from awsfacade._translate import translate
from awsfacade._validate import check_bool, check_id
from awsfacade.errors import InvalidArgumentError
from awsfacade.fanout._clients import EC2
from awsfacade.fanout._targets import partition

if TYPE_CHECKING:
    from boto3.session import Session

__all__ = ["regions"]

#: The opt-in states of a region the account can use.
_ENABLED = frozenset({"opt-in-not-required", "opted-in"})

_CacheKey = tuple[str, bool]
_cache: weakref.WeakKeyDictionary[Session, dict[_CacheKey, tuple[str, ...]]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def regions(session: Session, *, service: str = "ec2", include_opt_in: bool = False) -> list[str]:
    """The regions enabled for the session's account, sorted; asked once per session.

    One EC2 ``DescribeRegions`` with ``AllRegions=True``, kept to the session's partition and
    to regions that need no opt-in or are opted in (``include_opt_in=True`` adds those not
    opted in yet). For another ``service``, the regions botocore knows it in are intersected
    with those (a service not offered everywhere, like ``"sagemaker"``). A session without a
    region asks us-east-1.
    """
    name = check_id(service, "service")
    with_opt_in = check_bool(include_opt_in, "include_opt_in")
    if name not in session.get_available_services():
        raise InvalidArgumentError(f"service {name!r} is not an AWS service botocore knows")
    key = (name, with_opt_in)
    with _lock:
        cached = _cache.get(session, {}).get(key)
    if cached is None:
        cached = _ask(session, name, with_opt_in)
        with _lock:
            _cache.setdefault(session, {})[key] = cached
    return list(cached)


def _ask(session: Session, service: str, include_opt_in: bool) -> tuple[str, ...]:
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
    enabled = {region for region in enabled if _partition_of(region) == home}
    if service != "ec2":
        enabled &= set(session.get_available_regions(service, partition_name=home))
    return tuple(sorted(enabled))


def _partition_of(region: str) -> str | None:
    try:
        return partition(region)
    except InvalidArgumentError:  # a region newer than botocore's endpoint data
        return None
