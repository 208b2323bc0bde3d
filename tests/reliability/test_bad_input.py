"""Bad input: every public method that takes user input refuses invalid arguments with
InvalidArgumentError naming the argument, before the first request.

The table is in ``bad_input_*.py``. Requests are counted by ``before-call`` and ``before-send``
hooks registered on the session before any service is built, so every client a service makes,
lazily too, carries them. One mocked session serves the whole module (a case sends nothing, so
nothing is left behind); the count is reset for every case. A request that does slip through is
answered by moto, never by AWS.
"""

from __future__ import annotations

import enum
import importlib
import inspect
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Final, TypeGuard

import botocore.session
import pytest
from bad_input_autoscaling import AUTOSCALING
from bad_input_cases import SESSION, Case, Method, cases, model_cases, parameters
from bad_input_constructors import CONSTRUCTORS
from bad_input_ec2 import EC2, EC2_MODELS
from bad_input_fanout import FANOUT, FANOUT_MODELS, HELPERS
from bad_input_iam import IAM
from bad_input_rds import RDS
from bad_input_route53 import ROUTE53, ROUTE53_MODELS
from bad_input_s3 import S3

from awsfacade import fanout
from awsfacade._base import Service
from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import (
    BlockDevice,
    Ec2Service,
    LaunchTemplateRef,
    MetadataOptions,
    Rule,
    SpotOptions,
)
from awsfacade.errors import InvalidArgumentError
from awsfacade.fanout import Target
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import (
    AliasTarget,
    CidrRouting,
    GeoLocation,
    GeoProximity,
    RecordChange,
    RecordSet,
    Route53Service,
)
from awsfacade.s3 import S3Service
from awsfacade.testing import fake_environment, mocked_session

if TYPE_CHECKING:
    from boto3.session import Session


class RequestReachedError(Exception):
    """Raised by the request counter, when armed, in place of sending a request."""


class RequestCounter:
    """Counts requests at ``before-call`` and ``before-send``; armed, stops the first."""

    def __init__(self) -> None:
        self.operations: list[str] = []
        self.sent = 0
        self.armed = False

    def reset(self) -> None:
        """Forget earlier requests."""
        self.operations.clear()
        self.sent = 0

    def before_call(self, *, model: object, **_: object) -> None:
        """A request about to be serialised."""
        self.operations.append(str(getattr(model, "name", model)))
        if self.armed:
            raise RequestReachedError(self.operations[-1])

    def before_send(self, **_: object) -> None:
        """A request about to go on the wire."""
        self.sent += 1


class World:
    """The module's session, its counter, and the services built on it."""

    def __init__(self, session: Session, counter: RequestCounter) -> None:
        self.session = session
        self.counter = counter
        self.services: dict[str, object] = {name: cls(session) for name, cls in SERVICES.items()}


SERVICES: Final[Mapping[str, type]] = {
    cls.__name__: cls
    for cls in (
        Ec2Service,
        S3Service,
        IamService,
        RdsService,
        AutoScalingService,
        Route53Service,
    )
}
#: Each owner's table: the services', then the fan-out functions' and the models'.
TABLES: Final[Mapping[str, Mapping[str, Method]]] = {
    "Ec2Service": EC2,
    "S3Service": S3,
    "IamService": IAM,
    "RdsService": RDS,
    "AutoScalingService": AUTOSCALING,
    "Route53Service": ROUTE53,
    "fanout": FANOUT,
    "function": HELPERS,
    "constructor": CONSTRUCTORS,
    "model": {**EC2_MODELS, **ROUTE53_MODELS, **FANOUT_MODELS},
}
PACKAGES: Final = ("ec2", "s3", "iam", "rds", "autoscaling", "route53", "fanout")
FUNCTIONS: Final[Mapping[str, Callable[..., object]]] = {
    name: function
    for name in fanout.__all__
    if inspect.isfunction(function := getattr(fanout, name))
}
#: The functions the other packages export (route53.same_name, s3.compatible_config).
HELPER_FUNCTIONS: Final[Mapping[str, Callable[..., object]]] = {
    name: function
    for module in (importlib.import_module(f"awsfacade.{p}") for p in PACKAGES if p != "fanout")
    for name in module.__all__
    if inspect.isfunction(function := getattr(module, name))
}
#: The models users build and pass in (each checked when built), by name.
MODELS: Final[Mapping[str, type]] = {
    cls.__name__: cls
    for cls in (
        Rule,
        LaunchTemplateRef,
        BlockDevice,
        MetadataOptions,
        SpotOptions,
        RecordSet,
        RecordChange,
        AliasTarget,
        GeoLocation,
        GeoProximity,
        CidrRouting,
        Target,
    )
}
#: Public methods that take no user input, with the reason they need no case.
NO_INPUT: Final[Mapping[str, str]] = {
    "RdsService.subnet_groups": "lists every subnet group: no argument",
    **{
        f"{service}.translate_errors": "a context manager around the caller's own client calls"
        for service in SERVICES
    },
}
#: Service methods whose valid call sends no request.
SENDS_NOTHING: Final = frozenset({"S3Service.presigned_url"})
#: Exported classes users do not build to pass in: what the services return, read from AWS.
READ_ONLY: Final = frozenset(
    {
        "Address",
        "Image",
        "Instance",
        "KeyPair",
        "LaunchTemplate",
        "Permission",
        "SecurityGroup",
        "Source",
        "StateChange",
        "Subnet",
        "Volume",
        "VolumeAttachment",
        "Vpc",
        "Bucket",
        "BucketAcl",
        "BucketEncryption",
        "BucketVersioning",
        "CommonPrefix",
        "EncryptionRule",
        "FailedKeys",
        "Grant",
        "ObjectError",
        "Owner",
        "PublicAccessBlock",
        "PutResult",
        "S3Object",
        "AccessKey",
        "AttachedPolicy",
        "Group",
        "Policy",
        "PolicyDocument",
        "Role",
        "User",
        "DbInstance",
        "DbSubnetGroup",
        "Endpoint",
        "AutoScalingGroup",
        "GroupInstance",
        "LaunchConfiguration",
        "HostedZone",
        "Change",
        "Failure",
        "Success",
    }
)


def _member(owner: str, name: str) -> Callable[..., object]:
    """The function or class (for its signature) that ``owner.name`` stands for."""
    if owner == "model":
        return MODELS[name]
    if owner == "fanout":
        return FUNCTIONS[name]
    if owner == "function":
        return HELPER_FUNCTIONS[name]
    if owner == "constructor":
        return SERVICES[name]
    member: Callable[..., object] = getattr(SERVICES[owner], name)
    return member


def _all_cases() -> list[Case]:
    return [
        case
        for owner, table in TABLES.items()
        for name, method in table.items()
        for case in (
            *cases(owner, name, _member(owner, name), method),
            *_model_cases(owner, name, method),
        )
    ]


def _model_cases(owner: str, name: str, method: Method) -> Iterator[Case]:
    """The bad calls botocore's model implies for a service method's mapped arguments."""
    service = SERVICES.get(owner)
    if service is None:
        return iter(())
    clients: object = getattr(service, "_clients")  # noqa: B009 - the service's client cache
    aws_name: object = getattr(clients, "service_name")  # noqa: B009 - botocore's name for it
    assert isinstance(aws_name, str)
    model = _LOADER.get_service_model(aws_name)
    return model_cases(owner, name, getattr(service, name), method, model)


_LOADER: Final = botocore.session.get_session()


CASES: Final = _all_cases()


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    """One mocked session for the module, its hooks registered before any service exists."""
    counter = RequestCounter()
    with fake_environment(), mocked_session() as session:
        session.events.register("before-call", counter.before_call)
        session.events.register("before-send", counter.before_send)
        yield World(session, counter)


def _target(world: World, owner: str, name: str) -> Callable[..., object]:
    if owner in SERVICES:
        method: Callable[..., object] = getattr(world.services[owner], name)
        return method
    return _member(owner, name)


def _is_iterator(value: object) -> TypeGuard[Iterator[object]]:
    return isinstance(value, Iterator)


def _call(world: World, case: Case, *, first_item: bool = False) -> object:
    """Make the call; with ``first_item``, ask a listing for its first item too."""
    kwargs = {k: world.session if v is SESSION else v for k, v in case.kwargs.items()}
    result = _target(world, case.owner, case.method)(**kwargs)
    if first_item and _is_iterator(result):
        next(result, None)
    return result


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_call_is_refused_before_any_request(world: World, case: Case) -> None:
    """The call raises InvalidArgumentError naming the argument, and sends nothing; a listing
    raises when called, not at its first ``next()``."""
    world.counter.reset()

    with pytest.raises(InvalidArgumentError) as raised:
        _call(world, case)

    assert case.names in str(raised.value)
    assert world.counter.operations == []
    assert world.counter.sent == 0
    if case.secret is not None:
        assert case.secret not in str(raised.value)
        assert case.secret not in repr(raised.value)


@pytest.mark.parametrize(
    ("owner", "name"),
    [(owner, name) for owner, table in TABLES.items() for name in table],
    ids=[f"{owner}.{name}" for owner, table in TABLES.items() for name in table],
)
def test_valid_call_passes_the_checks(world: World, owner: str, name: str) -> None:
    """Each method's valid call passes every check (it returns, or sends its first request,
    stopped here): so each bad case fails for its own argument, not for a shared mistake."""
    world.counter.reset()
    world.counter.armed = True
    try:
        _call(world, Case(owner, name, TABLES[owner][name].valid, "", None), first_item=True)
    except RequestReachedError:
        assert world.counter.operations
    else:
        # A service method sends a request (so the hooks do see every client, made lazily
        # too), unless it is one of the few that never do.
        assert owner not in SERVICES or f"{owner}.{name}" in SENDS_NOTHING
    finally:
        world.counter.armed = False


def _public(owner: str) -> dict[str, Callable[..., object]]:
    if owner == "fanout":
        return dict(FUNCTIONS)
    if owner == "function":
        return dict(HELPER_FUNCTIONS)
    cls = SERVICES[owner]
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize("owner", [*SERVICES, "fanout", "function"])
def test_every_public_method_with_input_has_cases(owner: str) -> None:
    """Every public method that takes an argument is in the table; the others are listed in
    NO_INPUT with the reason; the table names no method that does not exist."""
    public = _public(owner)
    table = TABLES[owner]
    without_input = {name for name, member in public.items() if not parameters(member)}

    assert {name for name in public if name not in table} == without_input
    assert {f"{owner}.{name}" for name in without_input} == {
        entry for entry in NO_INPUT if entry.startswith(f"{owner}.")
    }
    assert set(table) <= set(public)


def test_every_exported_model_is_in_the_table_or_read_only() -> None:
    """Every class a service package exports is a model users build (with its table of bad
    calls) or one they only read; nothing new slips by unlisted."""
    exported: set[str] = set()
    for package in PACKAGES:
        module = importlib.import_module(f"awsfacade.{package}")
        exported |= {
            name
            for name in module.__all__
            if inspect.isclass(cls := getattr(module, name))
            and not issubclass(cls, enum.Enum | Exception)
            and name not in SERVICES
        }

    assert exported == set(MODELS) | READ_ONLY
    assert set(TABLES["model"]) == set(MODELS)


def test_every_service_constructor_has_cases() -> None:
    """Each service's constructor (session, region, endpoint_url, config) is in the table,
    and a seventh service (a new direct subclass of Service) fails here until it is too."""
    assert set(TABLES["constructor"]) == set(SERVICES)
    subclasses: list[type] = type.__subclasses__(Service)
    assert {cls.__name__ for cls in subclasses} <= _base_classes()


def _base_classes() -> set[str]:
    """The names of every class between Service and the six services (their mixins)."""
    names: set[str] = set()
    for cls in SERVICES.values():
        names |= {base.__name__ for base in inspect.getmro(cls)}
    return names


def test_the_counter_sees_a_request_at_both_hooks(world: World) -> None:
    """A request that is sent is counted at before-call and at before-send (so a zero in the
    table means nothing was sent, not a hook that never fires)."""
    world.counter.reset()

    list(IamService(world.session).users())

    assert world.counter.operations == ["ListUsers"]
    assert world.counter.sent == 1
