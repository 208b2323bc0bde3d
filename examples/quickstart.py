"""awsfacade in five minutes: a VPC, a subnet, a security group and two web instances.

Run it first; it needs no AWS account::

    python examples/quickstart.py                      # on moto, embedded in this process
    python examples/quickstart.py --region eu-west-1
    moto_server -p 5000 &                              # or LocalStack on :4566
    python examples/quickstart.py --endpoint-url http://127.0.0.1:5000

It creates the network and the instances, lists them as typed models, waits until they run,
stops one, shows how a missing resource surfaces as ``NotFoundError``, and cleans up after
itself, printing each step.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Generator, Sequence
from contextlib import contextmanager

import boto3.session

from awsfacade.ec2 import Ec2Service, Instance, InstanceState, Rule
from awsfacade.errors import AwsError, NotFoundError
from awsfacade.testing import mocked_session

#: Any AMI id will do for moto and LocalStack; on real AWS pick one from your region.
IMAGE_ID = "ami-12345678"
#: An instance id that exists nowhere, to show NotFoundError.
MISSING_INSTANCE_ID = "i-0123456789abcdef0"


def step(message: str) -> None:
    """Print what the script is about to do (flushed, so it interleaves with errors)."""
    print(f"==> {message}", flush=True)


def describe(instance: Instance) -> str:
    """One line with the typed fields of an instance model."""
    return (
        f"{instance.id}  name={instance.name}  state={instance.state.value}  "
        f"type={instance.instance_type}  az={instance.availability_zone}  "
        f"private_ip={instance.private_ip}  subnet={instance.subnet_id}  "
        f"groups={','.join(instance.security_group_ids)}  "
        f"launched={instance.launch_time.isoformat(timespec='seconds')}"
    )


def tour(ec2: Ec2Service) -> None:
    """Build a small web tier, look at it, change it and tear it down again."""
    created_instances: list[str] = []
    group_id: str | None = None
    subnet_id: str | None = None
    vpc_id: str | None = None
    try:
        step("creating a VPC 10.0.0.0/16")
        vpc = ec2.create_vpc(cidr_block="10.0.0.0/16", tags={"Name": "quickstart"})
        vpc_id = vpc.id
        print(f"    created VPC {vpc.id} ({vpc.cidr_block}, state={vpc.state.value})")

        step("creating a subnet 10.0.1.0/24 in it")
        subnet = ec2.create_subnet(vpc_id=vpc.id, cidr_block="10.0.1.0/24")
        subnet_id = subnet.id
        print(f"    created subnet {subnet.id} in {subnet.availability_zone}")

        step("creating a security group that lets HTTPS in")
        group = ec2.create_security_group(
            name="quickstart-web", description="HTTPS from anywhere", vpc_id=vpc.id
        )
        group_id = group.id
        https = Rule(
            protocol="tcp", from_port=443, to_port=443, cidrs=("0.0.0.0/0",), description="HTTPS"
        )
        ec2.authorize_ingress(group.id, [https])
        group = ec2.security_group(group.id)
        for rule in group.ingress:
            print(
                f"    {group.id} ingress: {rule.protocol} {rule.from_port}-{rule.to_port} "
                f"from {', '.join(rule.cidrs)}"
            )

        step("running 2 instances tagged Name=web")
        launched = ec2.run(
            image_id=IMAGE_ID,
            count=2,
            instance_type="t3.micro",
            subnet_id=subnet.id,
            security_group_ids=[group.id],
            tags={"Name": "web"},
        )
        created_instances = [instance.id for instance in launched]
        print(f"    launched {', '.join(created_instances)}")

        step("listing instances tagged Name=web (a lazy iterator of Instance models)")
        for instance in ec2.instances(tags={"Name": "web"}):
            print(f"    {describe(instance)}")

        step("waiting until both are running")
        running = ec2.wait_until(created_instances, InstanceState.RUNNING, poll_interval=1)
        print(f"    running: {', '.join(i.id for i in running)}")

        first = created_instances[0]
        step(f"stopping {first}")
        for change in ec2.stop([first]):
            print(f"    {change.instance_id}: {change.previous.value} -> {change.current.value}")
        [stopped] = ec2.wait_until([first], InstanceState.STOPPED, poll_interval=1)
        print(f"    {stopped.id} is {stopped.state.value}")

        step(f"looking up {MISSING_INSTANCE_ID}, which does not exist")
        try:
            ec2.instance(MISSING_INSTANCE_ID)
        except NotFoundError as error:
            print(f"    NotFoundError: code={error.code} operation={error.operation}")
    finally:
        clean_up(ec2, created_instances, group_id, subnet_id, vpc_id)


def clean_up(
    ec2: Ec2Service,
    instance_ids: Sequence[str],
    group_id: str | None,
    subnet_id: str | None,
    vpc_id: str | None,
) -> None:
    """Delete what ``tour`` created, newest first."""
    step("cleaning up")
    if instance_ids:
        ec2.terminate(instance_ids)
        ec2.wait_until(instance_ids, InstanceState.TERMINATED, poll_interval=1)
        print(f"    terminated {', '.join(instance_ids)}")
    if group_id is not None:
        ec2.delete_security_group(group_id)
        print(f"    deleted security group {group_id}")
    if subnet_id is not None:
        ec2.delete_subnet(subnet_id)
        print(f"    deleted subnet {subnet_id}")
    if vpc_id is not None:
        ec2.delete_vpc(vpc_id)
        print(f"    deleted VPC {vpc_id}")


@contextmanager
def ec2_service(endpoint_url: str | None, region: str) -> Generator[Ec2Service, None, None]:
    """An Ec2Service on embedded moto, or on the moto server / LocalStack at ``endpoint_url``."""
    if endpoint_url is None:
        # mocked_session(): fake credentials in os.environ, moto's in-process mock started
        # with fresh state, and a boto3 Session; everything is restored on exit.
        with mocked_session(region) as session:
            yield Ec2Service(session)
        return
    # A moto server or LocalStack accepts any credentials, so a plain Session with dummy ones
    # is enough. We do not use awsfacade.testing.fake_environment() here: it routes every
    # non-loopback request to a dead proxy, which would block a server on another host (a
    # docker-compose "localstack" service, say). Against real AWS you would write
    # Ec2Service(boto3.session.Session(profile_name=...)) and no endpoint_url at all.
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region
    )
    yield Ec2Service(session, endpoint_url=endpoint_url)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run the tour, and report an AwsError as a one-line failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--endpoint-url",
        help="a moto server or LocalStack URL (default: moto embedded in this process)",
    )
    parser.add_argument("--region", default="us-east-1", help="default: %(default)s")
    args = parser.parse_args(argv)
    endpoint_url: str | None = args.endpoint_url
    region: str = args.region
    where = endpoint_url or "embedded moto"
    step(f"using {where} in {region}")
    try:
        with ec2_service(endpoint_url, region) as ec2:
            tour(ec2)
    except AwsError as error:
        print(f"failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    step("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
