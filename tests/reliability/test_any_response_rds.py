"""Issue 11 for RdsService: any response AWS may send to an operation the service reads
becomes models or an ``AwsError``, never ``KeyError``/``TypeError``/``ValueError``/
``AttributeError``, and never ``InvalidArgumentError`` (see ``any_response``).

Responses are drawn from botocore's output shapes; the two listings are also answered as the
XML body RDS sends (the query protocol), so botocore's parser runs too.

``always_sent``: the members RDS puts in every answer though its model marks them optional,
whose absence alone may raise ``UnexpectedResponseError``. A DB instance's identifier, ARN,
resource id (``DbiResourceId``), class, engine, status and allocated storage (Aurora
instances report 1); an endpoint's port wherever an endpoint is reported (address, port and
zone come together); a subnet group's name, also inside an instance's ``DBSubnetGroup``; the
instance or group a create returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from any_response import Call, Operation, check_operation, check_table, offline

from awsfacade.errors import NotFoundError, WaitFailedError
from awsfacade.rds import DbInstance, DbSubnetGroup, RdsService

R = RdsService
DB = "any-response-db"

_INSTANCE = (
    "DBInstanceIdentifier",
    "DBInstanceArn",
    "DbiResourceId",
    "DBInstanceClass",
    "Engine",
    "DBInstanceStatus",
    "AllocatedStorage",
)
_AVAILABLE: Mapping[str, object] = {
    "DBInstances": [
        {
            "DBInstanceIdentifier": DB,
            "DBInstanceArn": f"arn:aws:rds:us-east-1:123456789012:db:{DB}",
            "DbiResourceId": "db-ABCDEFGHIJKLMNOP",
            "DBInstanceClass": "db.t3.micro",
            "Engine": "postgres",
            "DBInstanceStatus": "available",
            "AllocatedStorage": 20,
        }
    ]
}
# What RDS answers once an instance is gone is an error; a status of "deleted" ends the wait
# the same way and is an answer the Stubber can give.
_DELETED: Mapping[str, object] = {"DBInstances": [{"DBInstanceStatus": "deleted"}]}


def _create(service: RdsService) -> DbInstance:
    return service.create_instance(DB, instance_class="db.t3.micro", engine="postgres")


OPERATIONS: tuple[Operation[R], ...] = (
    Operation(
        "CreateDBInstance",
        (Call("create_instance", _create, DbInstance),),
        always_sent=(
            "DBInstance",
            *(f"DBInstance.{member}" for member in _INSTANCE),
            "DBInstance.Endpoint?.Port",
            "DBInstance.DBSubnetGroup?.DBSubnetGroupName",
        ),
    ),
    Operation(
        "DescribeDBInstances",
        (
            Call("instances", lambda s: s.instances(), DbInstance),
            Call("instance", lambda s: s.instance(DB), DbInstance, errors=(NotFoundError,)),
            Call(
                "wait_until_available",
                lambda s: s.wait_until_available(DB, poll_interval=0.01),
                DbInstance,
                errors=(NotFoundError,),
                before=(("DescribeDBInstances", _AVAILABLE),),
            ),
            Call(
                # The drawn answer is the first poll: it may end the wait, fail it (a status
                # from which "deleted" cannot follow), or be polled again (then gone).
                "wait_until_deleted",
                lambda s: s.wait_until_deleted(DB, timeout=60, poll_interval=0.01),
                None,
                errors=(WaitFailedError,),
                after=(("DescribeDBInstances", _DELETED),),
            ),
        ),
        always_sent=(
            *(f"DBInstances.{member}" for member in _INSTANCE),
            "DBInstances.Endpoint?.Port",
            "DBInstances.DBSubnetGroup?.DBSubnetGroupName",
        ),
        raw=True,
    ),
    Operation(
        "DeleteDBInstance",
        (Call("delete_instance", lambda s: s.delete_instance(DB, skip_final_snapshot=True), None),),
        max_depth=1,
    ),
    Operation(
        "CreateDBSubnetGroup",
        (
            Call(
                "create_subnet_group",
                lambda s: s.create_subnet_group(
                    "any-response", subnet_ids=["subnet-1", "subnet-2"], description="d"
                ),
                DbSubnetGroup,
            ),
        ),
        always_sent=("DBSubnetGroup", "DBSubnetGroup.DBSubnetGroupName"),
    ),
    Operation(
        "DescribeDBSubnetGroups",
        (
            Call("subnet_groups", lambda s: s.subnet_groups(), DbSubnetGroup),
            Call(
                "subnet_group",
                lambda s: s.subnet_group("any-response"),
                DbSubnetGroup,
                errors=(NotFoundError,),
            ),
        ),
        always_sent=("DBSubnetGroups.DBSubnetGroupName",),
        raw=True,
    ),
    Operation(
        "DeleteDBSubnetGroup",
        (Call("delete_subnet_group", lambda s: s.delete_subnet_group("any-response"), None),),
    ),
)


def test_every_operation_rds_calls_is_in_the_table() -> None:
    check_table("rds", "rds", OPERATIONS)


@pytest.fixture
def rds() -> Iterator[RdsService]:
    with offline(RdsService) as service:
        yield service


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.name)
def test_any_response(operation: Operation[R], rds: RdsService) -> None:
    check_operation(rds, operation)
