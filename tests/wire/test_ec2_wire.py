"""Ec2Service through moto's HTTP server (tests/conftest.py): the real wire protocol,
parsing and error responses."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from botocore.exceptions import ClientError
from support import Requests, requests_of

import awsfacade.ec2._base as ec2_base_module
from awsfacade.ec2 import Ec2Service, InstanceState, Rule
from awsfacade.errors import (
    AlreadyExistsError,
    InUseError,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    ServiceError,
    WaitFailedError,
    WaitTimeoutError,
)
from awsfacade.testing import fake_environment, new_session

IMAGE = "ami-12345678"
MISSING_INSTANCE = "i-0123456789abcdef0"


@pytest.fixture
def wire_ec2(fresh_moto_url: str) -> Iterator[Ec2Service]:
    """An Ec2Service talking HTTP to the moto server, whose state starts empty."""
    with fake_environment("us-east-1"):
        yield Ec2Service(new_session("us-east-1"), endpoint_url=fresh_moto_url)


requests_sent = requests_of("wire_ec2")


def test_service_talks_to_the_server(wire_ec2: Ec2Service, moto_url: str) -> None:
    """The client's endpoint is the moto server, not AWS."""
    assert wire_ec2.client.meta.endpoint_url == moto_url
    assert [vpc.is_default for vpc in wire_ec2.vpcs()] == [True]


def test_run_and_list_over_the_wire(wire_ec2: Ec2Service) -> None:
    """Instances launched over HTTP come back listed, tagged and typed, reservations flattened."""
    first = wire_ec2.run(image_id=IMAGE, count=2, tags={"Name": "web", "Env": "test"})
    second = wire_ec2.run(image_id=IMAGE, instance_type="m5.large")

    listed = {instance.id: instance for instance in wire_ec2.instances()}

    assert set(listed) == {instance.id for instance in [*first, *second]}
    for instance in first:
        assert listed[instance.id].name == "web"
        assert dict(listed[instance.id].tags) == {"Name": "web", "Env": "test"}
        assert listed[instance.id].state is InstanceState.RUNNING
        assert listed[instance.id].launch_time.utcoffset() is not None
    assert listed[second[0].id].instance_type == "m5.large"
    assert wire_ec2.instance(second[0].id) == listed[second[0].id]


def test_filters_over_the_wire(wire_ec2: Ec2Service) -> None:
    """Tag, state and raw filters are serialised so the server applies them."""
    [keep] = wire_ec2.run(image_id=IMAGE, tags={"Env": "prod"})
    [stopped] = wire_ec2.run(image_id=IMAGE, tags={"Env": "prod"})
    wire_ec2.run(image_id=IMAGE, tags={"Env": "dev"})
    wire_ec2.stop([stopped.id])

    found = wire_ec2.instances(
        tags={"Env": "prod"},
        states=[InstanceState.RUNNING],
        filters={"image-id": [IMAGE]},
    )

    assert [instance.id for instance in found] == [keep.id]


def test_paging_over_the_wire(
    wire_ec2: Ec2Service, requests_sent: Requests, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing longer than a page follows NextToken over HTTP and yields every instance."""
    monkeypatch.setattr(ec2_base_module.Ec2Base, "_page_size", 2)
    launched = {wire_ec2.run(image_id=IMAGE)[0].id for _ in range(5)}
    requests_sent.clear()

    listing = wire_ec2.instances()
    assert requests_sent.sent == []
    listed = [instance.id for instance in listing]

    # moto pages DescribeInstances by reservation: five reservations, two a page.
    assert requests_sent.count("DescribeInstances") == 3
    assert len(listed) == 5
    assert set(listed) == launched


def test_state_changes_over_the_wire(wire_ec2: Ec2Service) -> None:
    """stop, start and terminate return state changes parsed from the server's XML."""
    [instance] = wire_ec2.run(image_id=IMAGE)

    [stopping] = wire_ec2.stop([instance.id])
    [starting] = wire_ec2.start([instance.id])
    [terminating] = wire_ec2.terminate([instance.id])

    assert (stopping.previous, stopping.current) == (
        InstanceState.RUNNING,
        InstanceState.STOPPING,
    )
    assert (starting.previous, starting.current) == (InstanceState.STOPPED, InstanceState.PENDING)
    assert terminating.instance_id == instance.id
    assert terminating.current is InstanceState.SHUTTING_DOWN
    assert wire_ec2.instance(instance.id).state is InstanceState.TERMINATED


def test_wait_until_over_the_wire(wire_ec2: Ec2Service) -> None:
    """wait_until returns running instances, polling the server."""
    launched = wire_ec2.run(image_id=IMAGE, count=2)
    ids = [instance.id for instance in launched]

    ready = wire_ec2.wait_until(ids, InstanceState.RUNNING, poll_interval=0.01)

    assert sorted(instance.id for instance in ready) == sorted(ids)
    assert {instance.state for instance in ready} == {InstanceState.RUNNING}


def test_wait_until_fails_and_times_out_over_the_wire(wire_ec2: Ec2Service) -> None:
    """Awaiting RUNNING on a terminated instance fails; STOPPED on a running one times out."""
    doomed, running = wire_ec2.run(image_id=IMAGE, count=2)
    wire_ec2.terminate([doomed.id])

    with pytest.raises(WaitFailedError):
        wire_ec2.wait_until([doomed.id], InstanceState.RUNNING, timeout=0.05, poll_interval=0.01)
    with pytest.raises(WaitTimeoutError):
        wire_ec2.wait_until([running.id], InstanceState.STOPPED, timeout=0.02, poll_interval=0.01)


def test_security_group_rules_over_the_wire(wire_ec2: Ec2Service) -> None:
    """IPv4, IPv6 and group rules with descriptions round-trip through the wire format."""
    vpc = wire_ec2.create_vpc(cidr_block="10.10.0.0/16", tags={"Name": "wire"})
    group = wire_ec2.create_security_group(
        name="web", description="web tier", vpc_id=vpc.id, tags={"Team": "blue"}
    )
    peer = wire_ec2.create_security_group(name="lb", description="lb", vpc_id=vpc.id)
    https = Rule(
        protocol="tcp",
        from_port=443,
        to_port=443,
        cidrs=("10.0.0.0/8",),
        ipv6_cidrs=("2001:db8::/32",),
        description="https",
    )
    from_lb = Rule(
        protocol="tcp", from_port=8080, to_port=8080, group_ids=(peer.id,), description="lb"
    )
    everything_v6 = Rule(protocol="-1", ipv6_cidrs=("::/0",))
    dns = Rule(protocol="udp", from_port=53, to_port=53, cidrs=("10.10.0.2/32",))

    wire_ec2.authorize_ingress(group.id, [https, from_lb, everything_v6])
    wire_ec2.revoke_egress(group.id, [Rule(protocol="-1", cidrs=("0.0.0.0/0",))])
    wire_ec2.authorize_egress(group.id, [dns])
    wire_ec2.revoke_ingress(group.id, [from_lb])

    found = wire_ec2.security_group(group.id)
    assert set(found.ingress) == {https, everything_v6}
    assert found.egress == (dns,)
    assert found.vpc_id == vpc.id
    assert found.description == "web tier"
    assert dict(found.tags) == {"Team": "blue"}
    assert [g.id for g in wire_ec2.security_groups(names=["web"], vpc_id=vpc.id)] == [group.id]


def test_launch_template_over_the_wire(wire_ec2: Ec2Service) -> None:
    """A launch template is created, found by name and id, used by run() and deleted over HTTP."""
    template = wire_ec2.create_launch_template(
        name="wire-template", image_id=IMAGE, instance_type="c5.large"
    )

    assert wire_ec2.launch_template("wire-template") == wire_ec2.launch_template(template.id)
    [instance] = wire_ec2.run(image_id=IMAGE, launch_template=template.ref())
    assert wire_ec2.instance(instance.id).instance_type == "c5.large"

    wire_ec2.delete_launch_template("wire-template")
    assert list(wire_ec2.launch_templates()) == []


def test_invalid_argument_sends_nothing_over_the_wire(
    wire_ec2: Ec2Service, requests_sent: Requests
) -> None:
    """A local check fails before any HTTP request."""
    with pytest.raises(InvalidArgumentError):
        wire_ec2.create_vpc(cidr_block="10.0.0.0/8")

    assert requests_sent.sent == []


# -- errors: the same classes and codes as in-process ----------------------------------------


def _missing_instance(ec2: Ec2Service) -> None:
    ec2.instance(MISSING_INSTANCE)


def _duplicate_group(ec2: Ec2Service) -> None:
    ec2.create_security_group(name="twin", description="d")
    ec2.create_security_group(name="twin", description="d")


def _duplicate_rule(ec2: Ec2Service) -> None:
    group = ec2.create_security_group(name="g", description="d")
    rule = Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/16",))
    ec2.authorize_ingress(group.id, [rule])
    ec2.authorize_ingress(group.id, [rule])


def _missing_rule(ec2: Ec2Service) -> None:
    group = ec2.create_security_group(name="g", description="d")
    ec2.revoke_ingress(
        group.id, [Rule(protocol="tcp", from_port=1, to_port=1, cidrs=("1.0.0.0/8",))]
    )


def _vpc_in_use(ec2: Ec2Service) -> None:
    vpc = ec2.create_vpc(cidr_block="10.20.0.0/16")
    ec2.create_subnet(vpc_id=vpc.id, cidr_block="10.20.1.0/24")
    ec2.delete_vpc(vpc.id)


def _subnet_out_of_range(ec2: Ec2Service) -> None:
    vpc = ec2.create_vpc(cidr_block="10.30.0.0/16")
    ec2.create_subnet(vpc_id=vpc.id, cidr_block="10.99.0.0/24")


def _duplicate_template(ec2: Ec2Service) -> None:
    ec2.create_launch_template(name="twice", image_id=IMAGE)
    ec2.create_launch_template(name="twice", image_id=IMAGE)


def _missing_group(ec2: Ec2Service) -> None:
    ec2.security_group("sg-0123456789abcdef0")


ERROR_CASES: dict[str, tuple[Callable[[Ec2Service], None], type[ServiceError], str, str]] = {
    "missing-instance": (
        _missing_instance,
        NotFoundError,
        "InvalidInstanceID.NotFound",
        "DescribeInstances",
    ),
    "duplicate-group": (
        _duplicate_group,
        AlreadyExistsError,
        "InvalidGroup.Duplicate",
        "CreateSecurityGroup",
    ),
    "duplicate-rule": (
        _duplicate_rule,
        AlreadyExistsError,
        "InvalidPermission.Duplicate",
        "AuthorizeSecurityGroupIngress",
    ),
    "missing-rule": (
        _missing_rule,
        NotFoundError,
        "InvalidPermission.NotFound",
        "RevokeSecurityGroupIngress",
    ),
    "vpc-in-use": (_vpc_in_use, InUseError, "DependencyViolation", "DeleteVpc"),
    "subnet-out-of-range": (
        _subnet_out_of_range,
        InvalidRequestError,
        "InvalidSubnet.Range",
        "CreateSubnet",
    ),
    "duplicate-template": (
        _duplicate_template,
        AlreadyExistsError,
        "InvalidLaunchTemplateName.AlreadyExistsException",
        "CreateLaunchTemplate",
    ),
    "missing-group": (
        _missing_group,
        NotFoundError,
        "InvalidGroup.NotFound",
        "DescribeSecurityGroups",
    ),
}


@pytest.mark.parametrize("case", list(ERROR_CASES.values()), ids=list(ERROR_CASES))
def test_errors_over_the_wire(
    wire_ec2: Ec2Service,
    case: tuple[Callable[[Ec2Service], None], type[ServiceError], str, str],
) -> None:
    """An error response parsed from HTTP maps to the awsfacade class, code and operation."""
    scenario, expected, code, operation = case

    with pytest.raises(ServiceError) as raised:
        scenario(wire_ec2)

    assert type(raised.value) is expected
    assert raised.value.code == code
    assert raised.value.operation == operation
    assert raised.value.request_id
    assert isinstance(raised.value.__cause__, ClientError)


@pytest.mark.parametrize("case", list(ERROR_CASES.values()), ids=list(ERROR_CASES))
def test_errors_map_the_same_in_process(
    ec2_service: Ec2Service,
    case: tuple[Callable[[Ec2Service], None], type[ServiceError], str, str],
) -> None:
    """The same scenarios on moto's in-process mock raise the same classes, codes, operations."""
    scenario, expected, code, operation = case

    with pytest.raises(ServiceError) as raised:
        scenario(ec2_service)

    assert type(raised.value) is expected
    assert raised.value.code == code
    assert raised.value.operation == operation
