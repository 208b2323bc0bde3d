"""Ec2Service through moto's in-process mock: what a user of each public method would notice.

Every test gets a fresh moto state through the plugin's ``ec2_service`` fixture. Requests are
counted with a botocore ``before-call`` event hook on the service's own client, which sees each
request as botocore serialised it, right before it would go on the wire.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta

import attrs
import pytest
from botocore.exceptions import ClientError
from support import (
    READ_BACK_DELAYS,
    WAITER_POLLS,
    Requests,
    WaitClock,
    answer_first,
    ec2_error,
    log_requests,
    sleeps_at,
)

import awsfacade._consistency as consistency
import awsfacade._waiting as waiting
import awsfacade.ec2._base as ec2_base_module
from awsfacade.ec2 import (
    Ec2Service,
    Instance,
    InstanceState,
    LaunchTemplate,
    LaunchTemplateRef,
    Rule,
    SecurityGroup,
    StateChange,
    Subnet,
    SubnetState,
    Vpc,
    VpcState,
)
from awsfacade.errors import (
    AlreadyExistsError,
    AwsError,
    InUseError,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    WaitFailedError,
    WaitTimeoutError,
)

IMAGE = "ami-12345678"
MISSING_INSTANCE = "i-0123456789abcdef0"
MISSING_GROUP = "sg-0123456789abcdef0"
MISSING_VPC = "vpc-0123456789abcdef0"
MISSING_SUBNET = "subnet-0123456789abcdef0"
MISSING_TEMPLATE_ID = "lt-0123456789abcdef0"


sleeps = sleeps_at(READ_BACK_DELAYS, WAITER_POLLS)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """describe_* page size shrunk to 2, so a few resources take several pages."""
    monkeypatch.setattr(ec2_base_module.Ec2Base, "_page_size", 2)
    return 2


def ids_of(instances: Iterator[Instance] | list[Instance]) -> set[str]:
    """The ids of some instances, as a set."""
    return {instance.id for instance in instances}


# -- run() -----------------------------------------------------------------------------------


def test_run_launches_exactly_count_instances(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """run(count=3) asks for MinCount=MaxCount=3 and returns three distinct instances."""
    launched = ec2_service.run(image_id=IMAGE, count=3)

    assert len(launched) == 3
    assert len(ids_of(launched)) == 3
    assert all(instance.image_id == IMAGE for instance in launched)
    [body] = requests_sent.bodies("RunInstances")
    assert body["MinCount"] == 3
    assert body["MaxCount"] == 3
    assert ids_of(ec2_service.instances()) == ids_of(launched)


def test_run_defaults_to_t3_micro(ec2_service: Ec2Service) -> None:
    """Without instance_type or launch template, run() launches t3.micro instances."""
    [instance] = ec2_service.run(image_id=IMAGE)

    assert instance.instance_type == "t3.micro"
    assert ec2_service.instance(instance.id).instance_type == "t3.micro"


def test_run_takes_the_given_instance_type(ec2_service: Ec2Service) -> None:
    """An explicit instance_type is the type launched."""
    [instance] = ec2_service.run(image_id=IMAGE, instance_type="m5.large")

    assert ec2_service.instance(instance.id).instance_type == "m5.large"


def test_run_tags_instances_and_reads_name(ec2_service: Ec2Service) -> None:
    """Tags given to run() are on the instances, and the Name tag is their ``name``."""
    launched = ec2_service.run(image_id=IMAGE, count=2, tags={"Name": "web", "Team": "blue"})

    for instance in [*launched, *ec2_service.instances()]:
        assert dict(instance.tags) == {"Name": "web", "Team": "blue"}
        assert instance.name == "web"


def test_instance_without_name_tag_has_no_name(ec2_service: Ec2Service) -> None:
    """An instance without a Name tag has ``name`` None and empty tags."""
    [instance] = ec2_service.run(image_id=IMAGE)

    assert instance.name is None
    assert dict(ec2_service.instance(instance.id).tags) == {}


def test_run_in_subnet_with_security_groups(ec2_service: Ec2Service) -> None:
    """run() places instances in the given subnet (and its VPC) with the given groups."""
    vpc = ec2_service.create_vpc(cidr_block="10.20.0.0/16")
    subnet = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.20.1.0/24")
    group = ec2_service.create_security_group(name="app", description="app", vpc_id=vpc.id)

    [launched] = ec2_service.run(image_id=IMAGE, subnet_id=subnet.id, security_group_ids=[group.id])
    described = ec2_service.instance(launched.id)

    for instance in (launched, described):
        assert instance.subnet_id == subnet.id
        assert instance.vpc_id == vpc.id
        assert instance.security_group_ids == (group.id,)
        assert instance.availability_zone == subnet.availability_zone
        assert instance.private_ip is not None
        assert instance.private_ip.startswith("10.20.1.")


def test_run_with_key_name(ec2_service: Ec2Service) -> None:
    """The key pair given to run() is the instance's key_name."""
    ec2_service.client.create_key_pair(KeyName="deploy")

    [instance] = ec2_service.run(image_id=IMAGE, key_name="deploy")

    assert instance.key_name == "deploy"
    assert ec2_service.instance(instance.id).key_name == "deploy"


def test_run_user_data_is_encoded_once(ec2_service: Ec2Service) -> None:
    """User data reaches the instance base64-encoded exactly once (botocore encodes it)."""
    script = "#!/bin/sh\necho hello\n"
    [instance] = ec2_service.run(image_id=IMAGE, user_data=script)

    attribute = ec2_service.client.describe_instance_attribute(
        InstanceId=instance.id, Attribute="userData"
    )

    encoded = attribute.get("UserData", {}).get("Value", "")
    assert base64.b64decode(encoded).decode() == script


def test_run_from_launch_template_takes_its_instance_type(ec2_service: Ec2Service) -> None:
    """instance_type=None with a launch template launches the template's type, sending none."""
    ec2_service.create_launch_template(name="web", image_id=IMAGE, instance_type="m5.large")
    requests = log_requests(ec2_service)

    [instance] = ec2_service.run(image_id=IMAGE, launch_template=LaunchTemplateRef(name="web"))

    assert instance.instance_type == "m5.large"
    assert ec2_service.instance(instance.id).instance_type == "m5.large"
    [body] = requests.bodies("RunInstances")
    assert "InstanceType" not in body
    assert body["LaunchTemplate.LaunchTemplateName"] == "web"
    assert body["LaunchTemplate.Version"] == "$Default"


def test_run_explicit_instance_type_overrides_launch_template(ec2_service: Ec2Service) -> None:
    """An explicit instance_type wins over the launch template's (referenced by lt- id)."""
    template = ec2_service.create_launch_template(
        name="web", image_id=IMAGE, instance_type="m5.large"
    )

    [instance] = ec2_service.run(
        image_id=IMAGE, instance_type="c5.xlarge", launch_template=template.ref()
    )

    assert instance.instance_type == "c5.xlarge"
    assert ec2_service.instance(instance.id).instance_type == "c5.xlarge"


def test_run_from_launch_template_gets_its_instance_tags(ec2_service: Ec2Service) -> None:
    """Instances launched from a template carry the template's instance_tags."""
    template = ec2_service.create_launch_template(
        name="tagged", image_id=IMAGE, instance_tags={"Role": "worker"}
    )

    [instance] = ec2_service.run(
        image_id=IMAGE, launch_template=LaunchTemplateRef(id=template.id, version="1")
    )

    assert ec2_service.instance(instance.id).tags["Role"] == "worker"


def test_run_sends_the_client_token(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """client_token goes on the wire as RunInstances' ClientToken and stays on the instance."""
    [instance] = ec2_service.run(image_id=IMAGE, client_token="deploy-42")

    [body] = requests_sent.bodies("RunInstances")
    assert body["ClientToken"] == "deploy-42"
    described = ec2_service.client.describe_instances(InstanceIds=[instance.id])
    [reservation] = described.get("Reservations", [])
    [raw] = reservation.get("Instances", [])
    assert raw.get("ClientToken") == "deploy-42"


@pytest.mark.xfail(
    reason="moto gap (5.2): RunInstances stores ClientToken but ignores it for idempotency; "
    "AWS returns the first call's instances. test_run_sends_the_client_token proves we send it.",
    raises=AssertionError,
    strict=True,
)
def test_run_same_client_token_returns_the_same_instances(ec2_service: Ec2Service) -> None:
    """run() twice with one client_token returns the same instances and launches no more."""
    first = ec2_service.run(image_id=IMAGE, count=2, client_token="same-token")
    second = ec2_service.run(image_id=IMAGE, count=2, client_token="same-token")

    assert ids_of(second) == ids_of(first)
    assert ids_of(ec2_service.instances()) == ids_of(first)


# -- instances() and instance() ----------------------------------------------------------------


def test_instances_flattens_every_reservation(ec2_service: Ec2Service) -> None:
    """Every instance of every reservation is listed, not only the first of each."""
    first = ec2_service.run(image_id=IMAGE, count=2)
    second = ec2_service.run(image_id=IMAGE, count=3)

    listed = list(ec2_service.instances())

    assert len(listed) == 5
    assert ids_of(listed) == ids_of(first) | ids_of(second)


def test_instances_by_ids(ec2_service: Ec2Service) -> None:
    """ids= lists exactly those instances."""
    launched = ec2_service.run(image_id=IMAGE, count=3)
    wanted = [launched[0].id, launched[2].id]

    assert ids_of(ec2_service.instances(ids=wanted)) == set(wanted)


def test_instances_with_empty_ids_lists_nothing_without_a_request(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """ids=[] matches nothing (not everything), and sends no request."""
    ec2_service.run(image_id=IMAGE)
    requests_sent.clear()

    assert list(ec2_service.instances(ids=[])) == []
    assert requests_sent.sent == []


def test_instances_with_empty_states_lists_nothing_without_a_request(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """states=[] matches nothing (not every state), and sends no request."""
    ec2_service.run(image_id=IMAGE)
    requests_sent.clear()

    assert list(ec2_service.instances(states=[])) == []
    assert requests_sent.sent == []


def test_instances_by_tags(ec2_service: Ec2Service) -> None:
    """tags= lists the instances carrying every one of the tags."""
    [web] = ec2_service.run(image_id=IMAGE, tags={"Role": "web", "Env": "prod"})
    ec2_service.run(image_id=IMAGE, tags={"Role": "web", "Env": "dev"})
    ec2_service.run(image_id=IMAGE, tags={"Role": "db", "Env": "prod"})

    assert ids_of(ec2_service.instances(tags={"Role": "web", "Env": "prod"})) == {web.id}
    assert len(list(ec2_service.instances(tags={"Role": "web"}))) == 2


def test_instances_by_states(ec2_service: Ec2Service) -> None:
    """states= lists only the instances in one of those states, each named by its
    InstanceState or by AWS's string."""
    running, stopped, terminated = ec2_service.run(image_id=IMAGE, count=3)
    ec2_service.stop([stopped.id])
    ec2_service.terminate([terminated.id])

    assert ids_of(ec2_service.instances(states=["running"])) == {running.id}
    assert ids_of(ec2_service.instances(states=["stopped", InstanceState.TERMINATED])) == {
        stopped.id,
        terminated.id,
    }


def test_instances_by_filters(ec2_service: Ec2Service) -> None:
    """filters= passes EC2 filters through, combined with the other criteria."""
    [small] = ec2_service.run(image_id=IMAGE, instance_type="t3.nano", tags={"Env": "a"})
    ec2_service.run(image_id=IMAGE, instance_type="t3.large", tags={"Env": "a"})
    ec2_service.run(image_id=IMAGE, instance_type="t3.nano", tags={"Env": "b"})

    found = ec2_service.instances(filters={"instance-type": ["t3.nano"]}, tags={"Env": "a"})

    assert ids_of(found) == {small.id}


def test_instances_filter_by_aws_reserved_tags(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """tags={"aws:autoscaling:groupName": ...} filters; only writing aws: tags is refused."""
    assert list(ec2_service.instances(tags={"aws:autoscaling:groupName": "web"})) == []
    [body] = requests_sent.bodies("DescribeInstances")
    assert body["Filter.1.Name"] == "tag:aws:autoscaling:groupName"
    with pytest.raises(InvalidArgumentError, match="reserved"):
        ec2_service.tag(["i-0123456789abcdef0"], {"aws:autoscaling:groupName": "web"})


def test_instances_pages_through_every_page(
    ec2_service: Ec2Service, requests_sent: Requests, small_pages: int
) -> None:
    """A listing longer than a page takes several requests and yields every instance."""
    launched = [ec2_service.run(image_id=IMAGE)[0] for _ in range(5)]
    requests_sent.clear()

    listed = list(ec2_service.instances())

    # moto pages DescribeInstances by reservation (AWS by instance): 5 reservations, 2 a page.
    assert requests_sent.count("DescribeInstances") == 3
    assert [body["MaxResults"] for body in requests_sent.bodies("DescribeInstances")] == [
        small_pages
    ] * 3
    assert len(listed) == 5
    assert ids_of(listed) == ids_of(launched)


@pytest.mark.usefixtures("small_pages")
def test_instances_sends_nothing_before_first_next(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """instances() is lazy: no request until next(), then one page at a time."""
    for _ in range(5):
        ec2_service.run(image_id=IMAGE)
    requests_sent.clear()

    listing = ec2_service.instances()
    assert requests_sent.sent == []

    next(listing)
    assert requests_sent.operations == ["DescribeInstances"]
    next(listing)  # the second item of the first page: no new request
    assert requests_sent.count("DescribeInstances") == 1
    next(listing)
    assert requests_sent.count("DescribeInstances") == 2


LISTINGS: dict[str, Callable[[Ec2Service], Iterator[object]]] = {
    "security_groups": lambda ec2: ec2.security_groups(),
    "vpcs": lambda ec2: ec2.vpcs(),
    "subnets": lambda ec2: ec2.subnets(),
    "launch_templates": lambda ec2: ec2.launch_templates(),
}


@pytest.mark.parametrize("listing", list(LISTINGS.values()), ids=list(LISTINGS))
def test_other_listings_send_nothing_before_first_next(
    ec2_service: Ec2Service,
    requests_sent: Requests,
    listing: Callable[[Ec2Service], Iterator[object]],
) -> None:
    """Every plural method is lazy: the request goes out on the first next(), not before."""
    ec2_service.create_launch_template(name="lazy", image_id=IMAGE)
    requests_sent.clear()

    items = listing(ec2_service)
    assert requests_sent.sent == []

    next(items)
    assert len(requests_sent.sent) == 1


EMPTY_LISTINGS: dict[str, Callable[[Ec2Service], Iterator[object]]] = {
    "security_groups-ids": lambda ec2: ec2.security_groups(ids=[]),
    "security_groups-names": lambda ec2: ec2.security_groups(names=[]),
    "vpcs": lambda ec2: ec2.vpcs(ids=[]),
    "subnets": lambda ec2: ec2.subnets(ids=[]),
    "launch_templates-ids": lambda ec2: ec2.launch_templates(ids=[]),
    "launch_templates-names": lambda ec2: ec2.launch_templates(names=[]),
}


@pytest.mark.parametrize("listing", list(EMPTY_LISTINGS.values()), ids=list(EMPTY_LISTINGS))
def test_other_listings_with_empty_ids_list_nothing_without_a_request(
    ec2_service: Ec2Service,
    requests_sent: Requests,
    listing: Callable[[Ec2Service], Iterator[object]],
) -> None:
    """An empty id or name list matches nothing and sends no request."""
    ec2_service.create_launch_template(name="present", image_id=IMAGE)
    requests_sent.clear()

    assert list(listing(ec2_service)) == []
    assert requests_sent.sent == []


def test_instance_by_id(ec2_service: Ec2Service) -> None:
    """instance(id) returns that instance, running once described."""
    launched = ec2_service.run(image_id=IMAGE, count=2)

    found = ec2_service.instance(launched[1].id)

    assert found.id == launched[1].id
    assert found.state is InstanceState.RUNNING


def test_instance_missing_raises_not_found(ec2_service: Ec2Service) -> None:
    """instance() of an unknown id raises NotFoundError carrying AWS's code and cause."""
    with pytest.raises(NotFoundError) as raised:
        ec2_service.instance(MISSING_INSTANCE)

    assert raised.value.code == "InvalidInstanceID.NotFound"
    assert raised.value.operation == "DescribeInstances"
    assert isinstance(raised.value.__cause__, ClientError)


# -- start / stop / terminate --------------------------------------------------------------------


def test_stop_and_start_report_state_changes(ec2_service: Ec2Service) -> None:
    """stop() and start() return each instance's StateChange, and the state follows."""
    [instance] = ec2_service.run(image_id=IMAGE)

    stopped = ec2_service.stop([instance.id])
    assert stopped == [
        StateChange(
            instance_id=instance.id,
            previous=InstanceState.RUNNING,
            current=InstanceState.STOPPING,
        )
    ]
    assert ec2_service.instance(instance.id).state is InstanceState.STOPPED

    started = ec2_service.start([instance.id])
    assert started == [
        StateChange(
            instance_id=instance.id,
            previous=InstanceState.STOPPED,
            current=InstanceState.PENDING,
        )
    ]
    assert ec2_service.instance(instance.id).state is InstanceState.RUNNING


def test_terminate_reports_state_changes(ec2_service: Ec2Service) -> None:
    """terminate() returns one StateChange per instance, and they end up terminated."""
    launched = ec2_service.run(image_id=IMAGE, count=2)

    changes = ec2_service.terminate([instance.id for instance in launched])

    assert {change.instance_id for change in changes} == ids_of(launched)
    assert {change.previous for change in changes} == {InstanceState.RUNNING}
    assert {change.current for change in changes} == {InstanceState.SHUTTING_DOWN}
    assert {i.state for i in ec2_service.instances(ids=[i.id for i in launched])} == {
        InstanceState.TERMINATED
    }


def test_stop_force_is_sent(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """stop(force=True) asks AWS for a forced stop; the default does not."""
    launched = ec2_service.run(image_id=IMAGE, count=2)

    ec2_service.stop([launched[0].id], force=True)
    ec2_service.stop([launched[1].id])

    assert [body["Force"] for body in requests_sent.bodies("StopInstances")] == ["true", "false"]


def test_start_missing_instance_raises_not_found(ec2_service: Ec2Service) -> None:
    """start() of an unknown instance raises NotFoundError."""
    with pytest.raises(NotFoundError) as raised:
        ec2_service.start([MISSING_INSTANCE])

    assert raised.value.code == "InvalidInstanceID.NotFound"
    assert raised.value.operation == "StartInstances"


def test_reboot_sends_one_request(ec2_service: Ec2Service, requests_sent: Requests) -> None:
    """reboot() reboots the instances in one request; they stay running."""
    first, second = ec2_service.run(image_id=IMAGE, count=2)
    requests_sent.clear()
    ec2_service.reboot([first.id, second.id])
    assert requests_sent.operations == ["RebootInstances"]
    assert ec2_service.instance(first.id).state is InstanceState.RUNNING


# -- wait_until --------------------------------------------------------------------------------


def test_wait_until_running_returns_the_instances(ec2_service: Ec2Service) -> None:
    """wait_until(RUNNING) returns the instances once they all run."""
    launched = ec2_service.run(image_id=IMAGE, count=2)
    assert {instance.state for instance in launched} == {InstanceState.PENDING}

    ready = ec2_service.wait_until(
        [instance.id for instance in launched], InstanceState.RUNNING, poll_interval=0.01
    )

    assert ids_of(ready) == ids_of(launched)
    assert {instance.state for instance in ready} == {InstanceState.RUNNING}


def test_wait_until_stopped_after_stop(ec2_service: Ec2Service) -> None:
    """wait_until("stopped") (AWS's string for STOPPED) after stop() returns the stopped
    instance."""
    [instance] = ec2_service.run(image_id=IMAGE)
    ec2_service.stop([instance.id])

    [stopped] = ec2_service.wait_until([instance.id], "stopped", poll_interval=0.01)

    assert stopped.id == instance.id
    assert stopped.state is InstanceState.STOPPED


def test_wait_until_running_on_terminated_fails_at_once(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """Waiting for RUNNING on a terminated instance raises WaitFailedError on the first poll."""
    [instance] = ec2_service.run(image_id=IMAGE)
    ec2_service.terminate([instance.id])
    requests_sent.clear()

    # A timeout of five polls: giving up later than the first would take more requests.
    with pytest.raises(WaitFailedError):
        ec2_service.wait_until(
            [instance.id], InstanceState.RUNNING, timeout=0.05, poll_interval=0.01
        )

    assert requests_sent.count("DescribeInstances") == 1


def test_wait_until_times_out(
    ec2_service: Ec2Service, requests_sent: Requests, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state never reached raises WaitTimeoutError (a TimeoutError) after polling at once
    and then every poll_interval until the timeout (the clock moves only when it sleeps)."""
    monkeypatch.setattr(waiting, "time", WaitClock())
    [instance] = ec2_service.run(image_id=IMAGE)
    requests_sent.clear()

    with pytest.raises(WaitTimeoutError) as raised:
        ec2_service.wait_until(
            [instance.id], InstanceState.STOPPED, timeout=0.02, poll_interval=0.01
        )

    assert isinstance(raised.value, TimeoutError)
    assert requests_sent.count("DescribeInstances") == 3


def test_wait_until_unknown_instance_raises_not_found(ec2_service: Ec2Service) -> None:
    """Waiting on an instance that never appears ends in NotFoundError."""
    with pytest.raises(NotFoundError) as raised:
        ec2_service.wait_until(
            [MISSING_INSTANCE], InstanceState.RUNNING, timeout=0.01, poll_interval=0.01
        )

    assert raised.value.code == "InvalidInstanceID.NotFound"


def test_wait_never_sleeps_past_the_deadline(ec2_service: Ec2Service, sleeps: list[float]) -> None:
    """timeout=0.2 with poll_interval=3 sleeps at most 0.2 s in all before WaitTimeoutError."""
    [instance] = ec2_service.run(image_id=IMAGE)
    with pytest.raises(WaitTimeoutError):
        ec2_service.wait_until([instance.id], InstanceState.STOPPED, timeout=0.2, poll_interval=3)
    assert sleeps
    assert sum(sleeps) <= 0.2


def test_a_typo_d_id_fails_after_the_grace_period_not_the_timeout(
    ec2_service: Ec2Service, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id still unknown after the grace period is NotFoundError long before timeout=600."""
    monkeypatch.setattr(waiting, "NOT_FOUND_GRACE", 2.0)
    with pytest.raises(NotFoundError, match="still unknown after 2s") as raised:
        ec2_service.wait_until(["i-0123456789abcdef0"], InstanceState.RUNNING, poll_interval=1)
    assert raised.value.code == "InvalidInstanceID.NotFound"
    assert sum(sleeps) <= 2.0


def test_an_id_that_appears_within_the_grace_period_is_waited_for(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """NotFound right after launch (eventual consistency) is polled again, then succeeds."""
    [instance] = ec2_service.run(image_id=IMAGE)
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeInstances",
        ec2_error("InvalidInstanceID.NotFound"),
        times=2,
    )

    [running] = ec2_service.wait_until([instance.id], InstanceState.RUNNING, poll_interval=0.5)

    assert running.state is InstanceState.RUNNING
    assert hook.answered == 2
    assert sleeps == [0.5, 0.5]


def test_one_of_two_instances_at_a_dead_end_fails_the_wait(ec2_service: Ec2Service) -> None:
    """Any one instance in a dead-end state ends the wait, not only all of them."""
    first, second = ec2_service.run(image_id=IMAGE, count=2)
    ec2_service.terminate([second.id])
    with pytest.raises(WaitFailedError):
        ec2_service.wait_until([first.id, second.id], InstanceState.RUNNING, timeout=30)


# -- tags ----------------------------------------------------------------------------------------


def test_tag_adds_and_overwrites_tags(ec2_service: Ec2Service) -> None:
    """tag() adds new tags and overwrites existing values on several resources at once."""
    launched = ec2_service.run(image_id=IMAGE, count=2, tags={"Env": "dev", "Keep": "yes"})
    ids = [instance.id for instance in launched]

    ec2_service.tag(ids, {"Env": "prod", "Name": "renamed"})

    for instance in ec2_service.instances(ids=ids):
        assert dict(instance.tags) == {"Env": "prod", "Keep": "yes", "Name": "renamed"}
        assert instance.name == "renamed"


def test_untag_removes_keys_whatever_their_values(ec2_service: Ec2Service) -> None:
    """untag() removes the named keys and leaves the others."""
    [instance] = ec2_service.run(image_id=IMAGE, tags={"Name": "a", "Env": "b", "Keep": "c"})

    ec2_service.untag([instance.id], ["Name", "Env"])

    found = ec2_service.instance(instance.id)
    assert dict(found.tags) == {"Keep": "c"}
    assert found.name is None


def test_tag_works_on_vpcs_and_security_groups(ec2_service: Ec2Service) -> None:
    """tag() accepts any EC2 resource id, not only instances."""
    vpc = ec2_service.create_vpc(cidr_block="10.30.0.0/16")
    group = ec2_service.create_security_group(name="tagged", description="d", vpc_id=vpc.id)

    ec2_service.tag([vpc.id, group.id], {"Owner": "ops"})

    assert ec2_service.vpc(vpc.id).tags["Owner"] == "ops"
    assert ec2_service.security_group(group.id).tags["Owner"] == "ops"


# -- security groups -------------------------------------------------------------------------


def test_create_security_group_returns_it_with_default_egress(ec2_service: Ec2Service) -> None:
    """A new group comes back with its name, description, tags, VPC and AWS's allow-all egress."""
    default_vpc = next(ec2_service.vpcs(filters={"is-default": ["true"]}))

    group = ec2_service.create_security_group(
        name="web", description="web servers", tags={"Team": "blue"}
    )

    assert group.id.startswith("sg-")
    assert group.name == "web"
    assert group.description == "web servers"
    assert group.vpc_id == default_vpc.id
    assert dict(group.tags) == {"Team": "blue"}
    assert group.ingress == ()
    assert group.egress == (Rule(protocol="-1", cidrs=("0.0.0.0/0",)),)
    assert ec2_service.security_group(group.id) == group


def test_create_security_group_in_a_vpc(ec2_service: Ec2Service) -> None:
    """vpc_id= creates the group in that VPC."""
    vpc = ec2_service.create_vpc(cidr_block="10.40.0.0/16")

    group = ec2_service.create_security_group(name="inner", description="d", vpc_id=vpc.id)

    assert group.vpc_id == vpc.id


def test_create_security_group_survives_a_not_found_read(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """AWS answering NotFound once right after CreateSecurityGroup still returns the group."""
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeSecurityGroups",
        ec2_error("InvalidGroup.NotFound"),
    )

    group = ec2_service.create_security_group(name="web", description="web")

    assert hook.answered == 1
    assert group.name == "web"
    assert group.vpc_id is not None  # read from AWS on the second try
    assert sleeps == [consistency.DELAYS[0]]


def test_create_security_group_never_visible_is_built_from_the_create(
    ec2_service: Ec2Service, sleeps: list[float]
) -> None:
    """A group still invisible after every retry is returned as created, never as an error."""
    hook = answer_first(
        ec2_service.client,
        "before-send.ec2.DescribeSecurityGroups",
        ec2_error("InvalidGroup.NotFound"),
        times=100,
    )

    group = ec2_service.create_security_group(
        name="web", description="HTTPS in", tags={"team": "a"}
    )

    assert hook.answered == len(consistency.DELAYS) + 1
    assert sleeps == list(consistency.DELAYS)
    assert group.id.startswith("sg-")
    assert (group.name, group.description, group.tags) == ("web", "HTTPS in", {"team": "a"})
    assert group.egress == (Rule(protocol="-1", cidrs=("0.0.0.0/0",)),)
    hook.left = 0
    assert ec2_service.security_group(group.id).name == "web"  # it did exist all along


def test_security_group_name_and_description_may_be_255_characters(
    ec2_service: Ec2Service,
) -> None:
    """A security group name and description of exactly 255 characters, AWS's limit, are sent."""
    group = ec2_service.create_security_group(name="g" * 255, description="d" * 255)

    assert (group.name, group.description) == ("g" * 255, "d" * 255)


def test_duplicate_security_group_name_raises_already_exists(ec2_service: Ec2Service) -> None:
    """A second group with the same name in the same VPC raises AlreadyExistsError."""
    ec2_service.create_security_group(name="dup", description="d")

    with pytest.raises(AlreadyExistsError) as raised:
        ec2_service.create_security_group(name="dup", description="d")

    assert raised.value.code == "InvalidGroup.Duplicate"
    assert raised.value.operation == "CreateSecurityGroup"
    assert isinstance(raised.value.__cause__, ClientError)


def test_security_groups_with_empty_names_or_ids_list_nothing_without_a_request(
    ec2_service: Ec2Service, requests_sent: Requests
) -> None:
    """An empty names= or ids= (a tuple too) matches nothing and sends no request."""
    ec2_service.create_security_group(name="web", description="web")
    requests_sent.clear()

    assert list(ec2_service.security_groups(names=())) == []
    assert list(ec2_service.security_groups(ids=())) == []
    assert requests_sent.sent == []


def test_security_groups_filters(ec2_service: Ec2Service) -> None:
    """security_groups() narrows by ids, names, VPC and tags."""
    vpc = ec2_service.create_vpc(cidr_block="10.50.0.0/16")
    web = ec2_service.create_security_group(name="web", description="d", tags={"Tier": "front"})
    db = ec2_service.create_security_group(name="db", description="d", vpc_id=vpc.id)
    other = ec2_service.create_security_group(name="web", description="d", vpc_id=vpc.id)

    assert {g.id for g in ec2_service.security_groups(ids=[web.id, db.id])} == {web.id, db.id}
    assert {g.id for g in ec2_service.security_groups(names=["web"])} == {web.id, other.id}
    in_vpc = {g.name for g in ec2_service.security_groups(vpc_id=vpc.id)}
    assert in_vpc == {"default", "db", "web"}
    assert [g.id for g in ec2_service.security_groups(tags={"Tier": "front"})] == [web.id]
    assert {g.id for g in ec2_service.security_groups(names=["db"], vpc_id=vpc.id)} == {db.id}


def test_security_group_missing_raises_not_found(ec2_service: Ec2Service) -> None:
    """security_group() of an unknown id raises NotFoundError."""
    with pytest.raises(NotFoundError) as raised:
        ec2_service.security_group(MISSING_GROUP)

    assert raised.value.code == "InvalidGroup.NotFound"


def test_delete_security_group(ec2_service: Ec2Service) -> None:
    """A deleted group is gone."""
    group = ec2_service.create_security_group(name="gone", description="d")

    ec2_service.delete_security_group(group.id)

    assert list(ec2_service.security_groups(names=["gone"])) == []
    with pytest.raises(NotFoundError):
        ec2_service.security_group(group.id)


def test_delete_missing_security_group_raises_not_found(ec2_service: Ec2Service) -> None:
    """Deleting an unknown group raises NotFoundError."""
    with pytest.raises(NotFoundError):
        ec2_service.delete_security_group(MISSING_GROUP)


def test_authorize_ingress_reads_back_ipv4_ipv6_and_group_sources(
    ec2_service: Ec2Service,
) -> None:
    """IPv4, IPv6 and group sources each come back in their own field, with the description."""
    group = ec2_service.create_security_group(name="web", description="d")
    peer = ec2_service.create_security_group(name="lb", description="d")
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

    ec2_service.authorize_ingress(group.id, [https, from_lb])

    assert set(ec2_service.security_group(group.id).ingress) == {https, from_lb}


def test_ipv6_only_rule_has_no_ipv4_cidrs(ec2_service: Ec2Service) -> None:
    """An IPv6-only rule reads back with its range in ipv6_cidrs and nothing in cidrs."""
    group = ec2_service.create_security_group(name="v6", description="d")

    ec2_service.authorize_ingress(group.id, [Rule(protocol="-1", ipv6_cidrs=("::/0",))])

    [rule] = ec2_service.security_group(group.id).ingress
    assert rule.ipv6_cidrs == ("::/0",)
    assert rule.cidrs == ()
    assert rule.from_port is None
    assert rule.to_port is None


def test_sources_with_different_descriptions_become_separate_rules(
    ec2_service: Ec2Service,
) -> None:
    """Two sources of one port range with different descriptions read back as two rules."""
    group = ec2_service.create_security_group(name="ssh", description="d")
    office = Rule(
        protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/16",), description="office"
    )
    vpn = Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.1.0.0/16",), description="vpn")

    ec2_service.authorize_ingress(group.id, [office])
    ec2_service.authorize_ingress(group.id, [vpn])

    assert set(ec2_service.security_group(group.id).ingress) == {office, vpn}


def test_authorize_and_revoke_egress(ec2_service: Ec2Service) -> None:
    """Egress rules can replace the default allow-all rule, ICMP ports included."""
    group = ec2_service.create_security_group(name="out", description="d")
    dns = Rule(protocol="udp", from_port=53, to_port=53, cidrs=("10.0.0.2/32",))
    ping = Rule(protocol="icmp", from_port=-1, to_port=-1, cidrs=("10.0.0.0/8",))

    ec2_service.revoke_egress(group.id, [Rule(protocol="-1", cidrs=("0.0.0.0/0",))])
    ec2_service.authorize_egress(group.id, [dns, ping])

    found = ec2_service.security_group(group.id)
    assert set(found.egress) == {dns, ping}
    assert found.ingress == ()


def test_revoke_ingress_removes_only_that_rule(ec2_service: Ec2Service) -> None:
    """revoke_ingress() removes the given rule and keeps the others."""
    group = ec2_service.create_security_group(name="rev", description="d")
    ssh = Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/16",))
    http = Rule(protocol="tcp", from_port=80, to_port=80, cidrs=("0.0.0.0/0",))
    ec2_service.authorize_ingress(group.id, [ssh, http])

    ec2_service.revoke_ingress(group.id, [ssh])

    assert ec2_service.security_group(group.id).ingress == (http,)


def test_revoke_missing_rule_raises_not_found(ec2_service: Ec2Service) -> None:
    """Revoking a rule the group does not have raises NotFoundError."""
    group = ec2_service.create_security_group(name="none", description="d")

    with pytest.raises(NotFoundError) as raised:
        ec2_service.revoke_ingress(
            group.id, [Rule(protocol="tcp", from_port=1, to_port=1, cidrs=("1.2.3.0/24",))]
        )

    assert raised.value.code == "InvalidPermission.NotFound"


def test_duplicate_rule_raises_already_exists(ec2_service: Ec2Service) -> None:
    """Authorizing a rule the group already has raises AlreadyExistsError."""
    group = ec2_service.create_security_group(name="dup", description="d")
    rule = Rule(protocol="tcp", from_port=443, to_port=443, cidrs=("10.0.0.0/8",))
    ec2_service.authorize_ingress(group.id, [rule])

    with pytest.raises(AlreadyExistsError) as raised:
        ec2_service.authorize_ingress(group.id, [rule])

    assert raised.value.code == "InvalidPermission.Duplicate"
    assert raised.value.operation == "AuthorizeSecurityGroupIngress"


def test_authorize_on_missing_group_raises_not_found(ec2_service: Ec2Service) -> None:
    """Authorizing on an unknown group raises NotFoundError."""
    with pytest.raises(NotFoundError):
        ec2_service.authorize_ingress(MISSING_GROUP, [Rule(protocol="-1", cidrs=("0.0.0.0/0",))])


def test_security_groups_read_a_protocol_50_rule_with_ports_minus_one(
    ec2_service: Ec2Service,
) -> None:
    """An ESP (protocol 50) rule with ports -1/-1, as AWS returns it, reads as it is."""
    group = ec2_service.create_security_group(name="vpn", description="vpn")
    ec2_service.client.authorize_security_group_ingress(
        GroupId=group.id,
        IpPermissions=[
            {
                "IpProtocol": "50",
                "FromPort": -1,
                "ToPort": -1,
                "IpRanges": [{"CidrIp": "10.0.0.0/8"}],
            }
        ],
    )

    [rule] = ec2_service.security_group(group.id).ingress
    assert (rule.protocol, rule.from_port, rule.to_port) == ("50", -1, -1)
    ec2_service.revoke_ingress(group.id, [rule])  # what AWS sent can be sent back
    assert ec2_service.security_group(group.id).ingress == ()


# -- VPCs and subnets ---------------------------------------------------------------------------


def test_create_vpc_returns_it(ec2_service: Ec2Service) -> None:
    """create_vpc() returns the new VPC with its block, state, tags and name."""
    vpc = ec2_service.create_vpc(cidr_block="10.60.0.0/16", tags={"Name": "main"})

    assert vpc.id.startswith("vpc-")
    assert vpc.cidr_block == "10.60.0.0/16"
    assert vpc.state is VpcState.AVAILABLE
    assert vpc.is_default is False
    assert vpc.name == "main"
    assert ec2_service.vpc(vpc.id) == vpc


def test_vpcs_lists_default_and_new_and_filters(ec2_service: Ec2Service) -> None:
    """vpcs() lists the default VPC and new ones; ids= and tags= narrow it."""
    first = ec2_service.create_vpc(cidr_block="10.61.0.0/16", tags={"Env": "a"})
    second = ec2_service.create_vpc(cidr_block="10.62.0.0/16", tags={"Env": "b"})

    every = list(ec2_service.vpcs())
    assert {first.id, second.id} < {vpc.id for vpc in every}
    assert [vpc.is_default for vpc in every].count(True) == 1
    assert [vpc.id for vpc in ec2_service.vpcs(ids=[second.id])] == [second.id]
    assert [vpc.id for vpc in ec2_service.vpcs(tags={"Env": "a"})] == [first.id]


def test_vpc_missing_raises_not_found(ec2_service: Ec2Service) -> None:
    """vpc() of an unknown id raises NotFoundError."""
    with pytest.raises(NotFoundError) as raised:
        ec2_service.vpc(MISSING_VPC)

    assert raised.value.code == "InvalidVpcID.NotFound"


def test_delete_vpc(ec2_service: Ec2Service) -> None:
    """A deleted VPC is gone."""
    vpc = ec2_service.create_vpc(cidr_block="10.63.0.0/16")

    ec2_service.delete_vpc(vpc.id)

    with pytest.raises(NotFoundError):
        ec2_service.vpc(vpc.id)


def test_delete_vpc_in_use_raises_in_use(ec2_service: Ec2Service) -> None:
    """Deleting a VPC that still has a subnet raises InUseError."""
    vpc = ec2_service.create_vpc(cidr_block="10.64.0.0/16")
    ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.64.1.0/24")

    with pytest.raises(InUseError) as raised:
        ec2_service.delete_vpc(vpc.id)

    assert raised.value.code == "DependencyViolation"
    assert raised.value.operation == "DeleteVpc"
    assert ec2_service.vpc(vpc.id).id == vpc.id


def test_create_subnet_returns_it(ec2_service: Ec2Service) -> None:
    """create_subnet() returns the subnet in the asked zone, with its block, tags and name."""
    vpc = ec2_service.create_vpc(cidr_block="10.70.0.0/16")

    subnet = ec2_service.create_subnet(
        vpc_id=vpc.id,
        cidr_block="10.70.3.0/24",
        availability_zone="us-east-1c",
        tags={"Name": "private"},
    )

    assert subnet.id.startswith("subnet-")
    assert subnet.vpc_id == vpc.id
    assert subnet.cidr_block == "10.70.3.0/24"
    assert subnet.availability_zone == "us-east-1c"
    assert subnet.state is SubnetState.AVAILABLE
    assert subnet.name == "private"
    assert ec2_service.subnet(subnet.id) == subnet


def test_subnets_by_vpc_and_ids(ec2_service: Ec2Service) -> None:
    """subnets(vpc_id=) lists the VPC's subnets only; ids= those subnets."""
    vpc = ec2_service.create_vpc(cidr_block="10.71.0.0/16")
    one = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.71.1.0/24")
    two = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.71.2.0/24")

    assert {s.id for s in ec2_service.subnets(vpc_id=vpc.id)} == {one.id, two.id}
    assert [s.id for s in ec2_service.subnets(ids=[two.id])] == [two.id]
    assert len(list(ec2_service.subnets())) > 2  # the default VPC's subnets too


def test_subnet_outside_the_vpc_is_rejected_by_aws(ec2_service: Ec2Service) -> None:
    """A subnet block outside its VPC's block raises InvalidRequestError."""
    vpc = ec2_service.create_vpc(cidr_block="10.72.0.0/16")

    with pytest.raises(InvalidRequestError) as raised:
        ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.99.0.0/24")

    assert raised.value.code == "InvalidSubnet.Range"


def test_a_28_subnet_is_allowed(ec2_service: Ec2Service) -> None:
    """/28, AWS's smallest subnet, is accepted; /29 is not."""
    vpc = ec2_service.create_vpc(cidr_block="10.2.0.0/16")
    assert ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.2.0.16/28").cidr_block
    with pytest.raises(InvalidArgumentError, match="/28"):
        ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.2.0.32/29")


def test_subnet_missing_raises_not_found(ec2_service: Ec2Service) -> None:
    """subnet() of an unknown id raises NotFoundError."""
    with pytest.raises(NotFoundError):
        ec2_service.subnet(MISSING_SUBNET)


def test_delete_subnet(ec2_service: Ec2Service) -> None:
    """A deleted subnet is gone, and its VPC can then be deleted."""
    vpc = ec2_service.create_vpc(cidr_block="10.73.0.0/16")
    subnet = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.73.1.0/24")

    ec2_service.delete_subnet(subnet.id)
    ec2_service.delete_vpc(vpc.id)

    assert list(ec2_service.subnets(vpc_id=vpc.id)) == []
    with pytest.raises(NotFoundError):
        ec2_service.subnet(subnet.id)


# -- launch templates -------------------------------------------------------------------------


def test_launch_template_key_and_groups_reach_its_instances(ec2_service: Ec2Service) -> None:
    """key_name and security_group_ids given to a template apply to instances run from it."""
    group = ec2_service.create_security_group(name="web", description="web")
    template = ec2_service.create_launch_template(
        name="keyed", image_id=IMAGE, key_name="deploy", security_group_ids=[group.id]
    )

    (instance,) = ec2_service.run(image_id=IMAGE, launch_template=template.ref())

    assert instance.key_name == "deploy"
    assert instance.security_group_ids == (group.id,)


def test_create_launch_template_returns_it(ec2_service: Ec2Service) -> None:
    """create_launch_template() returns the template with its id, name, versions and tags."""
    template = ec2_service.create_launch_template(
        name="web-v1", image_id=IMAGE, instance_type="m5.large", tags={"Team": "blue"}
    )

    assert template.id.startswith("lt-")
    assert template.name == "web-v1"
    assert template.default_version == 1
    assert template.latest_version == 1
    assert dict(template.tags) == {"Team": "blue"}
    assert template.ref() == LaunchTemplateRef(id=template.id)


def test_launch_template_user_data_is_base64_encoded(ec2_service: Ec2Service) -> None:
    """A template's user data is stored base64-encoded, as AWS requires for templates."""
    template = ec2_service.create_launch_template(
        name="scripted", image_id=IMAGE, user_data="echo hi"
    )

    versions = ec2_service.client.describe_launch_template_versions(LaunchTemplateId=template.id)

    data = versions["LaunchTemplateVersions"][0].get("LaunchTemplateData", {})
    assert base64.b64decode(data.get("UserData", "")) == b"echo hi"


def test_launch_template_by_name_and_by_id(ec2_service: Ec2Service) -> None:
    """launch_template() finds a template by its name and by its lt- id alike."""
    created = ec2_service.create_launch_template(name="lookup", image_id=IMAGE)

    by_name = ec2_service.launch_template("lookup")
    by_id = ec2_service.launch_template(created.id)

    assert by_name.id == created.id
    assert by_id.name == "lookup"
    assert by_name == by_id


def test_launch_templates_lists_and_filters(ec2_service: Ec2Service) -> None:
    """launch_templates() lists all; names= and ids= narrow it."""
    one = ec2_service.create_launch_template(name="one", image_id=IMAGE)
    two = ec2_service.create_launch_template(name="two", image_id=IMAGE)

    assert {t.id for t in ec2_service.launch_templates()} == {one.id, two.id}
    assert [t.id for t in ec2_service.launch_templates(names=["two"])] == [two.id]
    assert [t.name for t in ec2_service.launch_templates(ids=[one.id])] == ["one"]


@pytest.mark.parametrize("lookup", ["missing-template", MISSING_TEMPLATE_ID])
def test_launch_template_missing_raises_not_found(ec2_service: Ec2Service, lookup: str) -> None:
    """launch_template() of an unknown name or id raises NotFoundError."""
    with pytest.raises(NotFoundError):
        ec2_service.launch_template(lookup)


def test_duplicate_launch_template_name_raises_already_exists(ec2_service: Ec2Service) -> None:
    """A second template with the same name raises AlreadyExistsError."""
    ec2_service.create_launch_template(name="twice", image_id=IMAGE)

    with pytest.raises(AlreadyExistsError):
        ec2_service.create_launch_template(name="twice", image_id=IMAGE)


def test_delete_launch_template_by_name(ec2_service: Ec2Service) -> None:
    """delete_launch_template(name) deletes that template only."""
    ec2_service.create_launch_template(name="doomed", image_id=IMAGE)
    kept = ec2_service.create_launch_template(name="kept", image_id=IMAGE)

    ec2_service.delete_launch_template("doomed")

    assert [t.id for t in ec2_service.launch_templates()] == [kept.id]


def test_delete_launch_template_by_id(ec2_service: Ec2Service) -> None:
    """delete_launch_template(lt-id) deletes that template."""
    doomed = ec2_service.create_launch_template(name="doomed", image_id=IMAGE)

    ec2_service.delete_launch_template(doomed.id)

    with pytest.raises(NotFoundError):
        ec2_service.launch_template(doomed.id)
    assert list(ec2_service.launch_templates()) == []


def test_delete_missing_launch_template_id_raises_not_found(ec2_service: Ec2Service) -> None:
    """Deleting an unknown lt- id raises NotFoundError."""
    # moto gap (5.2): an unknown *name* answers MissingParameter, where AWS answers
    # InvalidLaunchTemplateName.NotFoundException; only the id case is checked here.
    with pytest.raises(NotFoundError):
        ec2_service.delete_launch_template(MISSING_TEMPLATE_ID)


# -- models ------------------------------------------------------------------------------------


def test_datetimes_are_utc_aware(ec2_service: Ec2Service) -> None:
    """launch_time and a template's created are timezone-aware UTC datetimes."""
    [launched] = ec2_service.run(image_id=IMAGE)
    template = ec2_service.create_launch_template(name="dated", image_id=IMAGE)

    fetched = ec2_service.launch_template(template.id).created
    assert template.created is not None
    assert fetched is not None
    described = ec2_service.instance(launched.id).launch_time
    for stamp in (launched.launch_time, described, template.created, fetched):
        assert stamp.tzinfo is UTC
        assert stamp.utcoffset() == timedelta(0)


def test_models_are_frozen(ec2_service: Ec2Service) -> None:
    """Models cannot be changed after they are built."""
    [instance] = ec2_service.run(image_id=IMAGE)
    group = ec2_service.create_security_group(name="frozen", description="d")
    vpc = ec2_service.create_vpc(cidr_block="10.80.0.0/16")

    for model, field in ((instance, "id"), (group, "name"), (vpc, "cidr_block")):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(model, field, "changed")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(group.egress[0], "protocol", "tcp")  # noqa: B010 - bypasses the type checker


def test_models_are_hashable_and_equal_by_value(ec2_service: Ec2Service) -> None:
    """The same resource listed twice gives equal models that dedupe in a set."""
    ec2_service.run(image_id=IMAGE, tags={"Name": "h"})
    group = ec2_service.create_security_group(name="hash", description="d", tags={"A": "b"})
    ec2_service.authorize_ingress(
        group.id, [Rule(protocol="tcp", from_port=1, to_port=2, cidrs=("10.0.0.0/8",))]
    )
    vpc = ec2_service.create_vpc(cidr_block="10.81.0.0/16", tags={"Name": "v"})
    subnet = ec2_service.create_subnet(vpc_id=vpc.id, cidr_block="10.81.0.0/24")
    ec2_service.create_launch_template(name="hashed", image_id=IMAGE, tags={"A": "b"})

    def snapshot() -> list[Instance | SecurityGroup | Vpc | Subnet | LaunchTemplate]:
        return [
            *ec2_service.instances(),
            ec2_service.security_group(group.id),
            ec2_service.vpc(vpc.id),
            ec2_service.subnet(subnet.id),
            *ec2_service.launch_templates(),
        ]

    first, second = snapshot(), snapshot()

    assert first == second
    assert len(set(first) | set(second)) == len(first) == 5
    assert {hash(model) for model in first} == {hash(model) for model in second}


# -- validation: InvalidArgumentError, and nothing sent --------------------------------------


RULE = Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.0/8",))

# The `type: ignore`d calls pass wrong types on purpose: the run-time checks are under test.
INVALID_CALLS: list[tuple[str, Callable[[Ec2Service], object]]] = [
    ("run-count-0", lambda ec2: ec2.run(image_id=IMAGE, count=0)),
    ("run-count-negative", lambda ec2: ec2.run(image_id=IMAGE, count=-2)),
    ("run-count-bool", lambda ec2: ec2.run(image_id=IMAGE, count=True)),
    ("run-empty-image", lambda ec2: ec2.run(image_id="")),
    ("run-bad-type", lambda ec2: ec2.run(image_id=IMAGE, instance_type="large")),
    (
        "run-groups-one-string",
        lambda ec2: ec2.run(image_id=IMAGE, security_group_ids="sg-12345678"),
    ),
    (
        "run-user-data-too-long",
        lambda ec2: ec2.run(image_id=IMAGE, user_data="x" * (16 * 1024 + 1)),
    ),
    ("run-empty-token", lambda ec2: ec2.run(image_id=IMAGE, client_token="")),
    ("run-long-token", lambda ec2: ec2.run(image_id=IMAGE, client_token="t" * 65)),
    ("run-aws-tag", lambda ec2: ec2.run(image_id=IMAGE, tags={"aws:reserved": "x"})),
    (
        "template-ref-both",
        lambda ec2: ec2.run(image_id=IMAGE, launch_template=LaunchTemplateRef(id="lt-1", name="n")),
    ),
    (
        "template-ref-neither",
        lambda ec2: ec2.run(image_id=IMAGE, launch_template=LaunchTemplateRef()),
    ),
    (
        "template-ref-bad-version",
        lambda ec2: ec2.run(
            image_id=IMAGE, launch_template=LaunchTemplateRef(name="web", version="latest")
        ),
    ),
    ("start-empty", lambda ec2: ec2.start([])),
    ("stop-empty", lambda ec2: ec2.stop([])),
    ("terminate-empty", lambda ec2: ec2.terminate([])),
    ("start-one-string", lambda ec2: ec2.start(MISSING_INSTANCE)),
    ("stop-one-string", lambda ec2: ec2.stop(MISSING_INSTANCE)),
    ("terminate-one-string", lambda ec2: ec2.terminate(MISSING_INSTANCE)),
    ("terminate-empty-id", lambda ec2: ec2.terminate([MISSING_INSTANCE, ""])),
    ("instances-one-id", lambda ec2: list(ec2.instances(ids=MISSING_INSTANCE))),
    ("instances-states-string", lambda ec2: list(ec2.instances(states="running"))),  # type: ignore[arg-type]
    ("instances-state-unknown", lambda ec2: list(ec2.instances(states=[InstanceState.UNKNOWN]))),
    (
        "instances-filter-one-string",
        lambda ec2: list(ec2.instances(filters={"instance-type": "t3.micro"})),
    ),
    ("instance-empty-id", lambda ec2: ec2.instance("")),
    ("wait-state-misspelled", lambda ec2: ec2.wait_until([MISSING_INSTANCE], "Running")),  # type: ignore[arg-type]
    ("wait-state-unknown", lambda ec2: ec2.wait_until([MISSING_INSTANCE], InstanceState.UNKNOWN)),
    (
        "wait-timeout-zero",
        lambda ec2: ec2.wait_until([MISSING_INSTANCE], InstanceState.RUNNING, timeout=0),
    ),
    (
        "wait-poll-negative",
        lambda ec2: ec2.wait_until([MISSING_INSTANCE], InstanceState.RUNNING, poll_interval=-1),
    ),
    ("wait-empty-ids", lambda ec2: ec2.wait_until([], InstanceState.RUNNING)),
    ("tag-one-string", lambda ec2: ec2.tag(MISSING_INSTANCE, {"a": "b"})),
    ("tag-no-tags", lambda ec2: ec2.tag([MISSING_INSTANCE], {})),
    ("tag-non-string-value", lambda ec2: ec2.tag([MISSING_INSTANCE], {"a": 1})),  # type: ignore[dict-item]
    ("untag-keys-one-string", lambda ec2: ec2.untag([MISSING_INSTANCE], "Name")),
    ("untag-no-keys", lambda ec2: ec2.untag([MISSING_INSTANCE], [])),
    ("group-name-sg-prefix", lambda ec2: ec2.create_security_group(name="sg-web", description="d")),
    ("group-empty-description", lambda ec2: ec2.create_security_group(name="web", description="")),
    (
        "group-name-too-long",
        lambda ec2: ec2.create_security_group(name="w" * 256, description="d"),
    ),
    (
        "run-template-not-a-ref",
        lambda ec2: ec2.run(image_id=IMAGE, launch_template="lt-1"),  # type: ignore[arg-type]  # deliberately wrong
    ),
    ("ids-not-iterable", lambda ec2: ec2.start(42)),  # type: ignore[arg-type]  # deliberately wrong
    (
        "filters-not-a-mapping",
        lambda ec2: ec2.instances(filters=[("tag:a", ["b"])]),  # type: ignore[arg-type]  # deliberately wrong
    ),
    (
        "port-above-65535",
        lambda ec2: ec2.authorize_ingress(
            MISSING_GROUP, [Rule(protocol="tcp", from_port=0, to_port=65536, cidrs=("10.0.0.0/8",))]
        ),
    ),
    (
        "port-below-0",
        lambda ec2: ec2.authorize_ingress(
            MISSING_GROUP, [Rule(protocol="tcp", from_port=-1, to_port=22, cidrs=("10.0.0.0/8",))]
        ),
    ),
    (
        "ports-reversed",
        lambda ec2: ec2.authorize_egress(
            MISSING_GROUP, [Rule(protocol="tcp", from_port=23, to_port=22, cidrs=("10.0.0.0/8",))]
        ),
    ),
    (
        "rule-cidr-host-bits",
        lambda ec2: ec2.authorize_ingress(
            MISSING_GROUP, [Rule(protocol="tcp", from_port=22, to_port=22, cidrs=("10.0.0.1/8",))]
        ),
    ),
    (
        "rule-ipv4-as-ipv6",
        lambda ec2: ec2.authorize_ingress(
            MISSING_GROUP, [Rule(protocol="-1", ipv6_cidrs=("10.0.0.0/8",))]
        ),
    ),
    (
        "rule-cidrs-one-string",
        lambda ec2: ec2.authorize_ingress(MISSING_GROUP, [Rule(protocol="-1", cidrs="0.0.0.0/0")]),
    ),
    (
        "rule-without-source",
        lambda ec2: ec2.authorize_ingress(MISSING_GROUP, [Rule(protocol="tcp", from_port=22)]),
    ),
    ("rules-empty", lambda ec2: ec2.authorize_ingress(MISSING_GROUP, [])),
    ("rules-one-rule", lambda ec2: ec2.revoke_ingress(MISSING_GROUP, RULE)),  # type: ignore[arg-type]
    ("rules-dict", lambda ec2: ec2.revoke_egress(MISSING_GROUP, [{"IpProtocol": "-1"}])),  # type: ignore[list-item]
    ("vpc-slash-8", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.0/8")),
    ("vpc-slash-29", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.0/29")),
    ("vpc-no-mask", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.0")),
    ("vpc-bad-octet", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.300/16")),
    ("vpc-host-bits", lambda ec2: ec2.create_vpc(cidr_block="10.0.0.1/16")),
    ("vpc-ipv6", lambda ec2: ec2.create_vpc(cidr_block="2001:db8::/56")),
    (
        "subnet-invalid-cidr",
        lambda ec2: ec2.create_subnet(vpc_id=MISSING_VPC, cidr_block="not-a-cidr"),
    ),
    ("subnet-empty-vpc", lambda ec2: ec2.create_subnet(vpc_id="", cidr_block="10.0.0.0/24")),
    ("template-short", lambda ec2: ec2.create_launch_template(name="ab", image_id=IMAGE)),
    ("template-space", lambda ec2: ec2.create_launch_template(name="a b c", image_id=IMAGE)),
    (
        "templates-names-and-ids",
        lambda ec2: list(ec2.launch_templates(names=["a"], ids=[MISSING_TEMPLATE_ID])),
    ),
    ("delete-template-empty", lambda ec2: ec2.delete_launch_template("")),
    ("vpcs-empty-tag-key", lambda ec2: list(ec2.vpcs(tags={"": "x"}))),
]


@pytest.mark.parametrize(
    "call", [call for _, call in INVALID_CALLS], ids=[name for name, _ in INVALID_CALLS]
)
def test_invalid_arguments_raise_before_any_request(
    ec2_service: Ec2Service, requests_sent: Requests, call: Callable[[Ec2Service], object]
) -> None:
    """A bad argument raises InvalidArgumentError (a ValueError) and sends no request."""
    with pytest.raises(InvalidArgumentError) as raised:
        call(ec2_service)

    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, AwsError)
    assert requests_sent.sent == []


WRONG_BESIDE_EMPTY: list[Callable[[Ec2Service], object]] = [
    lambda ec2: ec2.instances(ids="i-123", states=[]),
    lambda ec2: ec2.instances(ids=[], states="running"),  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]  # wrong on purpose
    lambda ec2: ec2.security_groups(ids=[], names="web"),
    lambda ec2: ec2.security_groups(names=[], ids="sg-1"),
    lambda ec2: ec2.vpcs(ids=[], filters={"cidr": "10.0.0.0/16"}),
    lambda ec2: ec2.launch_templates(names=["web"], ids=["lt-0123456789abcdef0"]),
    lambda ec2: ec2.launch_templates(names=[], ids=[]),
]


@pytest.mark.parametrize(
    "call",
    WRONG_BESIDE_EMPTY,
    ids=[
        "ids-string-beside-empty-states",
        "states-string-beside-empty-ids",
        "names-string-beside-empty-ids",
        "ids-string-beside-empty-names",
        "filter-values-string-beside-empty-ids",
        "launch-template-names-and-ids",
        "launch-template-empty-names-and-ids",
    ],
)
def test_arguments_are_checked_before_any_empty_short_circuit(
    ec2_service: Ec2Service, requests_sent: Requests, call: Callable[[Ec2Service], object]
) -> None:
    """A wrong argument raises at the call, even beside an empty list that matches nothing."""
    with pytest.raises(InvalidArgumentError):
        call(ec2_service)
    assert requests_sent.sent == []


@pytest.mark.parametrize("cidr_block", ["10.0.0.0/16", "10.0.0.0/28"])
def test_vpc_blocks_from_slash_16_to_slash_28_are_accepted(
    ec2_service: Ec2Service, cidr_block: str
) -> None:
    """create_vpc accepts the widest (/16) and the narrowest (/28) block AWS allows."""
    assert ec2_service.create_vpc(cidr_block=cidr_block).cidr_block == cidr_block


@pytest.mark.parametrize("cidr_block", ["10.0.0.0/15", "10.0.0.0/29"])
def test_vpc_blocks_just_outside_the_range_raise_before_any_request(
    ec2_service: Ec2Service, requests_sent: Requests, cidr_block: str
) -> None:
    """A /15 or /29 VPC block raises InvalidArgumentError without a request."""
    with pytest.raises(InvalidArgumentError, match="/16 to /28"):
        ec2_service.create_vpc(cidr_block=cidr_block)

    assert requests_sent.sent == []
