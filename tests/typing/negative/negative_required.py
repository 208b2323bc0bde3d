"""Required and keyword-only arguments: leaving out image_id, or the final snapshot choice
of an RDS delete, must not type-check."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awsfacade.ec2 import Ec2Service
    from awsfacade.rds import RdsService


def misuse(ec2: Ec2Service, rds: RdsService) -> None:
    """Each marked line forgets a required argument or passes an option positionally."""
    ec2.run()  # expect: call-arg
    ec2.run(count=2, instance_type="t3.micro")  # expect: call-arg
    ec2.create_launch_template(name="web")  # expect: call-arg
    ec2.run("ami-12345678")  # expect: call-arg
    ec2.instances(["i-1"])  # expect: call-arg
    rds.delete_instance("db1")  # expect: call-arg
    rds.delete_instance("db1", final_snapshot_identifier="db1-final")  # expect: call-arg
