"""AutoScalingService through moto's in-process mock: every method, in the aws and aws-cn
partitions, with launch configurations and EC2 launch templates."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

import pytest
from autoscaling_support import AMI
from support import requests_of

from awsfacade.autoscaling import (
    AutoScalingGroup,
    AutoScalingService,
    LaunchConfiguration,
    LifecycleState,
)
from awsfacade.ec2 import Ec2Service, LaunchTemplate, LaunchTemplateRef
from awsfacade.errors import NotFoundError

if TYPE_CHECKING:
    from boto3.session import Session
    from support import Requests


requests_sent = requests_of("autoscaling_service")


@pytest.fixture
def template(aws_session: Session) -> LaunchTemplate:
    """An EC2 launch template named "web" in moto."""
    return Ec2Service(aws_session).create_launch_template(
        name="web", image_id=AMI, instance_type="t3.micro"
    )


@pytest.fixture
def configuration(autoscaling_service: AutoScalingService) -> LaunchConfiguration:
    """A launch configuration named "lc" in moto."""
    return autoscaling_service.create_launch_configuration(
        "lc", image_id=AMI, instance_type="t3.micro"
    )


def test_create_launch_configuration_returns_what_aws_holds(
    autoscaling_service: AutoScalingService,
) -> None:
    """A new launch configuration comes back with its ARN, UTC time and decoded user data."""
    created = autoscaling_service.create_launch_configuration(
        "lc",
        image_id=AMI,
        instance_type="t3.small",
        security_group_ids=["sg-12345678"],
        key_name="deploy",
        user_data="#!/bin/sh\necho hello\n",
        iam_instance_profile="web-profile",
        associate_public_ip=True,
    )

    assert created.name == "lc"
    assert created.arn is not None
    assert created.arn.startswith("arn:aws:autoscaling:us-east-1:")
    assert created.arn.endswith(":launchConfigurationName/lc")
    assert (created.image_id, created.instance_type) == (AMI, "t3.small")
    assert created.security_group_ids == ("sg-12345678",)
    assert created.key_name == "deploy"
    assert created.user_data == "#!/bin/sh\necho hello\n"
    assert created.iam_instance_profile == "web-profile"
    assert created.associate_public_ip is True
    assert created.created.tzinfo is UTC
    assert autoscaling_service.launch_configuration("lc") == created


def test_launch_configurations_lists_and_deletes(autoscaling_service: AutoScalingService) -> None:
    """Every configuration is listed, ``names`` narrows the listing, a deleted one is gone."""
    for name in ("a", "b", "c"):
        autoscaling_service.create_launch_configuration(name, image_id=AMI, instance_type="t3.nano")

    assert sorted(lc.name for lc in autoscaling_service.launch_configurations()) == ["a", "b", "c"]
    assert [lc.name for lc in autoscaling_service.launch_configurations(names=["b"])] == ["b"]

    autoscaling_service.delete_launch_configuration("b")

    assert sorted(lc.name for lc in autoscaling_service.launch_configurations()) == ["a", "c"]
    with pytest.raises(NotFoundError, match=r"not found - b$"):
        autoscaling_service.launch_configuration("b")


def test_listings_are_lazy_and_use_the_largest_page(
    autoscaling_service: AutoScalingService, requests_sent: Requests
) -> None:
    """Nothing is requested before the first item; each request asks for 100 records."""
    autoscaling_service.create_launch_configuration("lc", image_id=AMI, instance_type="t3.nano")
    requests_sent.clear()

    configurations = autoscaling_service.launch_configurations()
    groups = autoscaling_service.groups()
    assert requests_sent.sent == []

    assert next(configurations).name == "lc"
    assert list(groups) == []
    assert requests_sent.operations == [
        "DescribeLaunchConfigurations",
        "DescribeAutoScalingGroups",
    ]
    assert [body["MaxRecords"] for _, body in requests_sent.sent] == [100, 100]


def test_listings_page_through_everything(autoscaling_service: AutoScalingService) -> None:
    """More than a page of configurations and groups (moto pages at the size asked) is
    read to the end."""
    for number in range(105):
        autoscaling_service.create_launch_configuration(
            f"lc-{number:03}", image_id=AMI, instance_type="t3.nano"
        )
    for number in range(102):
        autoscaling_service.create_group(
            f"g-{number:03}",
            min_size=0,
            max_size=1,
            launch_configuration="lc-000",
            availability_zones=["us-east-1a"],
        )

    assert len(list(autoscaling_service.launch_configurations())) == 105
    assert len(list(autoscaling_service.groups())) == 102


def test_empty_names_list_sends_nothing(
    autoscaling_service: AutoScalingService, requests_sent: Requests
) -> None:
    """An empty ``names`` list matches nothing, without a request."""
    assert list(autoscaling_service.groups(names=[])) == []
    assert list(autoscaling_service.launch_configurations(names=[])) == []
    assert requests_sent.sent == []


def test_group_from_a_launch_configuration(
    autoscaling_service: AutoScalingService, configuration: LaunchConfiguration
) -> None:
    """A group from a configuration runs its desired capacity, with tags as a mapping that
    propagate at launch by default."""
    group = autoscaling_service.create_group(
        "web",
        min_size=1,
        max_size=4,
        desired_capacity=2,
        launch_configuration=configuration.name,
        availability_zones=["us-east-1a", "us-east-1b"],
        tags={"team": "blue", "env": "test"},
        health_check_grace_period=120,
    )

    assert isinstance(group, AutoScalingGroup)
    assert (group.name, group.min_size, group.max_size, group.desired_capacity) == ("web", 1, 4, 2)
    assert group.arn is not None
    assert group.arn.startswith("arn:aws:autoscaling:us-east-1:")
    assert group.launch_configuration == "lc"
    assert group.launch_template is None
    assert set(group.availability_zones) == {"us-east-1a", "us-east-1b"}
    assert group.tags == {"team": "blue", "env": "test"}
    assert group.tags_propagated_at_launch == {"team", "env"}
    assert group.health_check_type == "EC2"
    assert group.health_check_grace_period == 120
    assert group.created.tzinfo is UTC
    assert len(group.instance_ids) == 2
    assert all(
        instance.lifecycle_state is LifecycleState.IN_SERVICE
        and instance.launch_configuration == "lc"
        and instance.availability_zone in group.availability_zones
        for instance in group.instances
    )
    assert autoscaling_service.group("web") == group


def test_tags_can_stay_off_the_instances(
    autoscaling_service: AutoScalingService, configuration: LaunchConfiguration
) -> None:
    """``propagate_tags_at_launch=False`` keeps the group's tags on the group only."""
    group = autoscaling_service.create_group(
        "web",
        min_size=0,
        max_size=1,
        launch_configuration=configuration.name,
        availability_zones=["us-east-1a"],
        tags={"team": "blue"},
        propagate_tags_at_launch=False,
    )

    assert group.tags == {"team": "blue"}
    assert group.tags_propagated_at_launch == frozenset()


def test_group_from_a_launch_template_by_name_keeps_its_id_too(
    autoscaling_service: AutoScalingService, template: LaunchTemplate
) -> None:
    """A group given a template by name reads back with both the template's id and name."""
    group = autoscaling_service.create_group(
        "web",
        min_size=1,
        max_size=2,
        launch_template=LaunchTemplateRef(name="web"),
        availability_zones=["us-east-1a"],
    )

    assert group.launch_configuration is None
    assert group.launch_template is not None
    assert (group.launch_template.id, group.launch_template.name) == (template.id, "web")
    assert group.launch_template.version == "$Default"
    assert group.mixed_instances_policy is False
    (instance,) = group.instances
    assert instance.launch_template is not None
    assert instance.launch_template.id == template.id
    assert instance.instance_type == "t3.micro"


def test_group_from_a_launch_template_by_id_in_subnets(
    aws_session: Session, autoscaling_service: AutoScalingService, template: LaunchTemplate
) -> None:
    """A group in subnets reports them as ``subnet_ids`` and their zones."""
    ec2 = Ec2Service(aws_session)
    vpc = ec2.create_vpc(cidr_block="10.1.0.0/16")
    subnet_a = ec2.create_subnet(
        vpc_id=vpc.id, cidr_block="10.1.1.0/24", availability_zone="us-east-1a"
    )
    subnet_b = ec2.create_subnet(
        vpc_id=vpc.id, cidr_block="10.1.2.0/24", availability_zone="us-east-1b"
    )

    group = autoscaling_service.create_group(
        "web",
        min_size=0,
        max_size=2,
        launch_template=template.ref("1"),
        subnet_ids=[subnet_a.id, subnet_b.id],
    )

    assert group.subnet_ids == (subnet_a.id, subnet_b.id)
    assert set(group.availability_zones) == {"us-east-1a", "us-east-1b"}
    assert group.launch_template is not None
    assert (group.launch_template.id, group.launch_template.version) == (template.id, "1")


def test_groups_filter_by_names_and_tags(
    autoscaling_service: AutoScalingService, configuration: LaunchConfiguration
) -> None:
    """``groups`` narrows to the names given and to groups carrying every tag given."""
    for name, team in (("a", "blue"), ("b", "red"), ("c", "blue")):
        autoscaling_service.create_group(
            name,
            min_size=0,
            max_size=1,
            launch_configuration=configuration.name,
            availability_zones=["us-east-1a"],
            tags={"team": team},
        )

    assert sorted(group.name for group in autoscaling_service.groups()) == ["a", "b", "c"]
    assert [group.name for group in autoscaling_service.groups(names=["b", "z"])] == ["b"]
    assert sorted(group.name for group in autoscaling_service.groups(tags={"team": "blue"})) == [
        "a",
        "c",
    ]


def test_set_desired_capacity_scales_the_group(
    autoscaling_service: AutoScalingService, configuration: LaunchConfiguration
) -> None:
    """Raising and lowering the desired capacity changes how many instances run."""
    autoscaling_service.create_group(
        "web",
        min_size=0,
        max_size=3,
        launch_configuration=configuration.name,
        availability_zones=["us-east-1a"],
    )

    autoscaling_service.set_desired_capacity("web", 3)
    assert len(autoscaling_service.group("web").instance_ids) == 3

    autoscaling_service.set_desired_capacity("web", 1, honor_cooldown=True)
    group = autoscaling_service.group("web")
    assert (group.desired_capacity, len(group.instance_ids)) == (1, 1)


def test_update_group_changes_sizes_and_launch_source(
    autoscaling_service: AutoScalingService,
    configuration: LaunchConfiguration,
    template: LaunchTemplate,
) -> None:
    """``update_group`` changes only what it is given and returns the group as it is then."""
    autoscaling_service.create_group(
        "web",
        min_size=1,
        max_size=2,
        launch_configuration=configuration.name,
        availability_zones=["us-east-1a"],
    )

    resized = autoscaling_service.update_group("web", max_size=6, desired_capacity=3)
    assert (resized.min_size, resized.max_size, resized.desired_capacity) == (1, 6, 3)
    assert resized.launch_configuration == "lc"

    moved = autoscaling_service.update_group(
        "web",
        launch_template=LaunchTemplateRef(id=template.id, version="$Latest"),
        health_check_type="ELB",
        health_check_grace_period=60,
        availability_zones=["us-east-1b"],
    )
    assert moved.launch_template is not None
    assert (moved.launch_template.id, moved.launch_template.version) == (template.id, "$Latest")
    assert (moved.health_check_type, moved.health_check_grace_period) == ("ELB", 60)
    assert moved.availability_zones == ("us-east-1b",)


def test_update_group_back_to_a_launch_configuration(
    autoscaling_service: AutoScalingService,
    configuration: LaunchConfiguration,
    template: LaunchTemplate,
) -> None:
    """A template read from AWS (id and name both) can be handed back to ``update_group``."""
    created = autoscaling_service.create_group(
        "web",
        min_size=0,
        max_size=1,
        launch_template=LaunchTemplateRef(name="web"),
        availability_zones=["us-east-1a"],
    )
    assert created.launch_template is not None

    again = autoscaling_service.update_group("web", launch_template=created.launch_template)
    assert again.launch_template == created.launch_template

    switched = autoscaling_service.update_group("web", launch_configuration=configuration.name)
    assert switched.launch_configuration == "lc"


def test_delete_group(
    autoscaling_service: AutoScalingService, configuration: LaunchConfiguration
) -> None:
    """A deleted group, forced or not, is gone."""
    for name in ("a", "b"):
        autoscaling_service.create_group(
            name,
            min_size=0,
            max_size=1,
            launch_configuration=configuration.name,
            availability_zones=["us-east-1a"],
        )

    autoscaling_service.delete_group("a")
    autoscaling_service.delete_group("b", force=True)

    assert list(autoscaling_service.groups()) == []


def test_wait_until_in_service_returns_the_group(
    autoscaling_service: AutoScalingService, template: LaunchTemplate
) -> None:
    """A group whose instances are all InService is returned at once (moto starts them so)."""
    autoscaling_service.create_group(
        "web",
        min_size=2,
        max_size=2,
        launch_template=template.ref(),
        availability_zones=["us-east-1a"],
    )

    group = autoscaling_service.wait_until_in_service("web", timeout=5, poll_interval=1)

    assert group.in_service_count == 2 == group.desired_capacity


def test_unknown_names_are_not_found(autoscaling_service: AutoScalingService) -> None:
    """Reading, updating, deleting or waiting for an unknown group is NotFoundError, whether
    AWS answers with an empty list or a ValidationError saying "not found"."""
    with pytest.raises(NotFoundError, match="DescribeAutoScalingGroups"):
        autoscaling_service.group("nope")
    with pytest.raises(NotFoundError, match="UpdateAutoScalingGroup failed: ValidationError"):
        autoscaling_service.update_group("nope", max_size=2)
    with pytest.raises(NotFoundError, match="DeleteAutoScalingGroup failed: ValidationError"):
        autoscaling_service.delete_group("nope")
    with pytest.raises(NotFoundError):
        autoscaling_service.wait_until_in_service("nope", timeout=1, poll_interval=1)
    with pytest.raises(NotFoundError, match="DescribeLaunchConfigurations"):
        autoscaling_service.launch_configuration("nope")


@pytest.mark.aws_region("cn-north-1")
def test_china_partition_arns(
    aws_session: Session, autoscaling_service: AutoScalingService
) -> None:
    """In cn-north-1 every ARN is an ``arn:aws-cn:`` one and everything works as elsewhere."""
    Ec2Service(aws_session).create_launch_template(name="web", image_id=AMI)
    configuration = autoscaling_service.create_launch_configuration(
        "lc", image_id=AMI, instance_type="t3.micro"
    )
    from_configuration = autoscaling_service.create_group(
        "a", min_size=1, max_size=1, launch_configuration="lc", availability_zones=["cn-north-1a"]
    )
    from_template = autoscaling_service.create_group(
        "b",
        min_size=0,
        max_size=1,
        launch_template=LaunchTemplateRef(name="web"),
        availability_zones=["cn-north-1b"],
    )

    arns = [configuration.arn, from_configuration.arn, from_template.arn]
    assert all(
        arn is not None and arn.startswith("arn:aws-cn:autoscaling:cn-north-1:") for arn in arns
    )
    assert from_configuration.service_linked_role_arn is not None
    assert from_configuration.service_linked_role_arn.startswith("arn:aws-cn:iam::")
    assert autoscaling_service.wait_until_in_service("a", timeout=5).in_service_count == 1
    autoscaling_service.set_desired_capacity("b", 1)
    updated = autoscaling_service.update_group("b", max_size=2)
    assert updated.arn == from_template.arn
    assert (updated.desired_capacity, updated.max_size) == (1, 2)
    assert [lc.arn for lc in autoscaling_service.launch_configurations()] == [configuration.arn]
    autoscaling_service.delete_group("a", force=True)
    autoscaling_service.delete_launch_configuration("lc")
    assert [group.name for group in autoscaling_service.groups()] == ["b"]


def test_many_names_are_asked_as_many_requests_take(
    autoscaling_service: AutoScalingService, requests_sent: Requests
) -> None:
    """More names than one request takes (100 groups, 50 configurations) are asked in
    chunks, each only when the listing reaches it."""
    names = [f"n-{number:03}" for number in range(101)]
    for name in names[:51]:
        autoscaling_service.create_launch_configuration(name, image_id=AMI, instance_type="t3.nano")
    for name in names:
        autoscaling_service.create_group(
            name,
            min_size=0,
            max_size=1,
            launch_configuration="n-000",
            availability_zones=["us-east-1a"],
        )
    requests_sent.clear()

    groups = autoscaling_service.groups(names=names)
    assert requests_sent.sent == []
    assert next(groups).name == "n-000"
    assert requests_sent.count("DescribeAutoScalingGroups") == 1
    assert len(list(groups)) == 100
    configurations = list(autoscaling_service.launch_configurations(names=names[:51]))

    assert [len(names) for names in _name_lists(requests_sent, "AutoScalingGroupNames")] == [
        100,
        1,
    ]
    assert [len(names) for names in _name_lists(requests_sent, "LaunchConfigurationNames")] == [
        50,
        1,
    ]
    assert [configuration.name for configuration in configurations] == names[:51]


def _name_lists(requests_sent: Requests, key: str) -> list[list[str]]:
    """The names lists sent under ``key`` (the query protocol flattens them to key.member.N)."""
    lists: list[list[str]] = []
    for _, body in requests_sent.sent:
        sent = [str(value) for name, value in body.items() if name.startswith(f"{key}.member.")]
        if sent:
            lists.append(sent)
    return lists
