"""Ec2Service: one class over the parts of EC2 that each module of this package covers."""

from __future__ import annotations

from awsfacade.ec2._instances import Ec2InstancesMixin
from awsfacade.ec2._network import Ec2NetworkMixin
from awsfacade.ec2._resources import Ec2ResourcesMixin
from awsfacade.ec2._templates import Ec2TemplatesMixin

__all__ = ["Ec2Service"]


class Ec2Service(Ec2InstancesMixin, Ec2NetworkMixin, Ec2TemplatesMixin, Ec2ResourcesMixin):
    """EC2: instances, security groups and their rules, VPCs, subnets, launch templates,
    images, key pairs, volumes and Elastic IPs.

    Build it from a `boto3.Session` (`None`: one awsfacade-wide default session), with
    `region=`, `endpoint_url=` and a botocore `config=` merged over the library's.
    """

    __slots__ = ()
