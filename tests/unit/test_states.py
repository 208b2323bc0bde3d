"""Every state enum reads every value AWS documents, so no documented state reads as UNKNOWN;
a state a user passes is a member or AWS's string for one.

Where botocore's service model lists the field's values (an ``enum`` on its shape), the
model is the source and is read here; RDS's DB instance status is a plain string in its
model, and its values come from the RDS User Guide (``tests/unit/test_rds_models.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from typing import Final, get_args

import botocore.session
import pytest
from botocore.model import StringShape

import awsfacade
from awsfacade._base import StateEnum, user_state
from awsfacade.autoscaling import LifecycleState
from awsfacade.ec2 import (
    ImageState,
    InstanceState,
    InstanceStateName,
    SubnetState,
    VolumeAttachmentState,
    VolumeState,
    VpcState,
)
from awsfacade.errors import InvalidArgumentError
from awsfacade.iam import AccessKeyStatus
from awsfacade.rds import DbInstanceStatus
from awsfacade.route53 import ChangeStatus
from awsfacade.s3 import VersioningStatus

#: Each state enum and the service model shape (service, shape) that lists AWS's values.
MODEL_SHAPES: Final[Mapping[type[StateEnum], tuple[str, str]]] = {
    InstanceState: ("ec2", "InstanceStateName"),
    VpcState: ("ec2", "VpcState"),
    SubnetState: ("ec2", "SubnetState"),
    ImageState: ("ec2", "ImageState"),
    VolumeState: ("ec2", "VolumeState"),
    VolumeAttachmentState: ("ec2", "VolumeAttachmentState"),
    LifecycleState: ("autoscaling", "LifecycleState"),
    AccessKeyStatus: ("iam", "statusType"),
    VersioningStatus: ("s3", "BucketVersioningStatus"),
    ChangeStatus: ("route53", "ChangeStatus"),
}
#: State enums whose field the service model leaves a plain string: a user guide is the source.
GUIDE_ONLY: Final = frozenset({DbInstanceStatus})


def model_values(service: str, shape_name: str) -> list[str]:
    """The values botocore's service model lists for a string shape."""
    shape = botocore.session.get_session().get_service_model(service).shape_for(shape_name)
    assert isinstance(shape, StringShape)
    return list(shape.enum)


@pytest.mark.parametrize(
    ("enum", "source"), MODEL_SHAPES.items(), ids=[enum.__name__ for enum in MODEL_SHAPES]
)
def test_every_value_the_service_model_lists_reads_as_a_member(
    enum: type[StateEnum], source: tuple[str, str]
) -> None:
    """Each value botocore's model lists for the field parses as a member, never UNKNOWN."""
    values = model_values(*source)

    unknown = [value for value in values if enum(value).name == "UNKNOWN"]

    assert values
    assert unknown == []


def test_every_state_enum_is_checked_against_aws() -> None:
    """Every StateEnum in the package is checked here or against a user guide."""
    for module in pkgutil.walk_packages(awsfacade.__path__, "awsfacade."):
        if not module.name.startswith("awsfacade.testing"):  # the plugin: moto, no states
            importlib.import_module(module.name)

    assert set(StateEnum.__subclasses__()) == set(MODEL_SHAPES) | GUIDE_ONLY


def test_the_state_names_a_checker_accepts_are_the_models() -> None:
    """InstanceStateName, the strings a type checker accepts for a state, are EC2's."""
    assert set(get_args(InstanceStateName)) == set(model_values("ec2", "InstanceStateName"))


def test_a_wrong_state_is_refused_with_the_valid_ones() -> None:
    """A string that is no state's is refused, the message listing every state one may ask
    for (UNKNOWN, which stands for states not known yet, is not one of them)."""
    with pytest.raises(InvalidArgumentError) as caught:
        user_state(InstanceState, "Running", "state")

    message = str(caught.value)
    assert "state must be one of" in message
    assert [name for name in get_args(InstanceStateName) if repr(name) not in message] == []
    assert "'unknown'" not in message
    assert "'Running'" in message
