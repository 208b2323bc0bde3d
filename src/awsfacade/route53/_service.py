"""Route53Service: hosted zones and record sets, with record paging and change batching."""

from __future__ import annotations

from awsfacade.route53._records import Route53RecordsMixin
from awsfacade.route53._zones import Route53ZonesMixin

__all__ = ["Route53Service"]


class Route53Service(Route53ZonesMixin, Route53RecordsMixin):
    """Route53: hosted zones, record sets (lazily listed across Route53's three-part page
    token) and changes (split into as few change batches as Route53's quotas allow).

    Route53 is global: with no region anywhere the client uses the partition's global
    endpoint (``https://route53.amazonaws.com``); ``region="cn-north-1"`` reaches China's.
    Zone ids are accepted with or without ``/hostedzone/`` and returned without it; names
    come back in trailing-dot form with Route53's octal escapes decoded.
    """

    __slots__ = ()
