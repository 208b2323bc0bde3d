"""Route53: hosted zones and record sets."""

from awsfacade.route53._service import Route53Service

__all__ = ["Route53Service"]
