"""AWS's intermediate states: `Realism(transitions=True)`.

moto puts a resource in its final state at once: an instance is `running` the moment it is
launched, a DB instance `available` the moment it is created, and gone the moment it is
deleted. AWS passes through intermediate states first, and code that waits (or forgets to) is
only tested when a test sees them too.

How: botocore's ``after-call`` event hands its handlers the answer it parsed, which the client
then returns to its caller as is. The handlers here rewrite the state fields of that very dict,
so every caller sees the same states: a raw client, a paginator, botocore's waiters and the
facade. Per session (the handlers of one ``install`` share one `_Tracker`) and per resource,
a *passage* holds the intermediate states AWS shows on the way to the state moto settled on,
each for `READS_PER_STATE` reads of the resource (an answer that holds it: a describe, a
listing page, a waiter's poll); the answer of the operation that began it (`RunInstances`,
`StopInstances`, …) shows the first of them and is not counted as a read. Deterministic: no
clock, no random draw.

A passage ends early when moto's state is no longer the one it leads to (another operation
changed the resource): from then on the resource shows moto's state. Only successful answers
are read, so an error another switch injects counts no read.
"""

from __future__ import annotations

import copy
import threading
from typing import TYPE_CHECKING, Final, Protocol, TypeAlias, TypeGuard

import attrs

if TYPE_CHECKING:
    from botocore.awsrequest import AWSResponse
    from botocore.hooks import BaseEventHooks
    from botocore.model import OperationModel

__all__ = ["COURSES", "READS_PER_STATE", "Course", "install"]

READS_PER_STATE: Final = 2
"""How many reads of a resource show each intermediate state before the next one."""

_DB_STATUS: Final = "DBInstanceStatus"

#: Where the request's parameters are kept in botocore's request context, for ``after-call``.
_PARAMS: Final = "awsfacade.transitions.params"


@attrs.frozen()
class Course:
    """The intermediate states AWS shows, in order, before `end`, the state moto settles on
    (`None`: moto no longer knows the resource)."""

    states: tuple[str, ...]
    end: str | None


#: Every passage this switch shows, by name (docs/realism/transitions.md tabulates them).
COURSES: Final = {
    "ec2 instance launched": Course(("pending",), "running"),
    "ec2 instance started": Course(("pending",), "running"),
    "ec2 instance stopped": Course(("stopping",), "stopped"),
    "ec2 instance terminated": Course(("shutting-down",), "terminated"),
    "ec2 volume created": Course(("creating",), "available"),
    "ec2 snapshot created": Course(("pending",), "completed"),
    "rds instance created": Course(("creating", "backing-up"), "available"),
    "rds instance started": Course(("starting",), "available"),
    "rds instance stopped": Course(("stopping",), "stopped"),
    "rds instance rebooted": Course(("rebooting",), "available"),
    "rds instance deleted": Course(("deleting",), None),
    "autoscaling instance launched": Course(("Pending",), "InService"),
    "route53 change submitted": Course(("PENDING",), "INSYNC"),
}

# EC2's numeric code of each instance state, which AWS sends with its name.
_INSTANCE_CODES: Final = {
    "pending": 0,
    "running": 16,
    "shutting-down": 32,
    "terminated": 48,
    "stopping": 64,
    "stopped": 80,
}

_Key: TypeAlias = tuple[str, str]
_Record: TypeAlias = dict[str, object]


@attrs.define()
class _Passage:
    """A resource on its way through `course`, read `reads` times since it began."""

    course: Course
    reads: int = 0


class _Tracker:
    """One session's passages, and the resources it has seen (thread-safe: a session's
    clients may be used from several threads)."""

    def __init__(self) -> None:
        self._passages: dict[_Key, _Passage] = {}
        self._seen: set[_Key] = set()
        self._lock = threading.Lock()
        # The last description of each resource being deleted, to answer for it.
        self._remains: dict[_Key, _Record] = {}

    def begin(self, key: _Key, course: Course, remains: _Record | None = None) -> str:
        """Start `course` for the resource (an operation changed its state); its first state.
        `remains`: its description, to answer for it once moto has forgotten it."""
        with self._lock:
            self._seen.add(key)
            self._passages[key] = _Passage(course)
            if remains is not None:
                self._remains[key] = remains
        return course.states[0]

    def read(self, key: _Key, actual: str | None, fresh: Course | None = None) -> str | None:
        """The state one read of the resource shows, when moto says `actual`; counts the read.

        A resource this session reads for the first time, in `fresh`'s end state, begins
        `fresh` with this read (an instance AutoScaling launched is `Pending` too).
        """
        with self._lock:
            passage = self._passages.get(key)
            if passage is None:
                first = key not in self._seen
                self._seen.add(key)
                if fresh is None or not first or actual != fresh.end:
                    return actual
                passage = self._passages[key] = _Passage(fresh)
            course = passage.course
            if actual != course.end:
                del self._passages[key]  # something else changed it: moto's state from now
                self._remains.pop(key, None)
                return actual
            shown = course.states[passage.reads // READS_PER_STATE]
            passage.reads += 1
            if passage.reads >= len(course.states) * READS_PER_STATE:
                del self._passages[key]
                self._remains.pop(key, None)
            return shown

    def leaving(self) -> list[_Key]:
        """The resources being deleted that moto has forgotten."""
        with self._lock:
            return list(self._remains)

    def remains(self, key: _Key, state_member: str) -> _Record | None:
        """The description of a resource being deleted, for one more read (counted), with
        the state it shows in `state_member`; `None` once it is gone."""
        with self._lock:
            remains = self._remains.get(key)
        if remains is None:
            return None
        shown = self.read(key, None)
        if shown is None:
            return None
        item = copy.deepcopy(remains)
        item[state_member] = shown
        return item


# -- reading botocore's parsed answers (dicts and lists of untyped values) ----------------


def _is_record(value: object) -> TypeGuard[_Record]:
    """Whether `value` is a parsed structure."""
    return isinstance(value, dict)


def _is_list(value: object) -> TypeGuard[list[object]]:
    """Whether `value` is a parsed list."""
    return isinstance(value, list)


def _records(value: object) -> list[_Record]:
    """The structures in a parsed list (none if `value` is not a list)."""
    return [item for item in value if _is_record(item)] if _is_list(value) else []


def _text(record: _Record, name: str) -> str | None:
    """A string member of a structure, if it has one."""
    value = record.get(name)
    return value if isinstance(value, str) else None


def _answered(http_response: AWSResponse) -> bool:
    """Whether the answer is a success (an error answer holds no state to rewrite)."""
    return http_response.status_code < 300


# -- the handlers --------------------------------------------------------------------------


class _Handler(Protocol):
    """An ``after-call`` handler, as botocore calls it."""

    def __call__(
        self,
        *,
        parsed: _Record,
        http_response: AWSResponse,
        context: _Record,
        model: OperationModel,
        **kwargs: object,
    ) -> None: ...


class _Handlers:
    """The ``after-call`` handlers of one session, sharing its `_Tracker`."""

    def __init__(self) -> None:
        self.tracker = _Tracker()

    # EC2 instances

    def run_instances(self, *, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
        """RunInstances: each instance `pending`."""
        if not _answered(http_response):
            return
        for item in _records(parsed.get("Instances")):
            instance_id = _text(item, "InstanceId")
            if instance_id is not None:
                state = self.tracker.begin(
                    ("instance", instance_id), COURSES["ec2 instance launched"]
                )
                item["State"] = {"Code": _INSTANCE_CODES[state], "Name": state}

    def instances_changed(self, member: str, course: Course) -> _Handler:
        """Start/Stop/TerminateInstances: each instance's `CurrentState` in `member` is the
        course's first state, unless AWS answered that nothing changes (stopping a stopped one)."""

        def handler(*, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
            if not _answered(http_response):
                return
            for item in _records(parsed.get(member)):
                instance_id = _text(item, "InstanceId")
                current = item.get("CurrentState")
                previous = item.get("PreviousState")
                if instance_id is None or not _is_record(current):
                    continue
                if _is_record(previous) and previous.get("Name") == course.end:
                    continue
                state = self.tracker.begin(("instance", instance_id), course)
                current.update({"Code": _INSTANCE_CODES[state], "Name": state})

        return handler

    def describe_instances(
        self, *, parsed: _Record, http_response: AWSResponse, context: _Record, **_: object
    ) -> None:
        """DescribeInstances: each instance's state as the tracker shows it; a filter on the
        state name leaves out an instance whose shown state it excludes."""
        if not _answered(http_response):
            return
        wanted = _state_filter(context.get(_PARAMS))
        for reservation in _records(parsed.get("Reservations")):
            kept: list[object] = []
            for item in _records(reservation.get("Instances")):
                instance_id = _text(item, "InstanceId")
                state = item.get("State")
                if instance_id is not None and _is_record(state):
                    shown = self.tracker.read(
                        ("instance", instance_id),
                        _text(state, "Name"),
                        COURSES["ec2 instance launched"],
                    )
                    if shown is not None and shown != state.get("Name"):
                        state.update({"Code": _INSTANCE_CODES[shown], "Name": shown})
                    if wanted is not None and shown not in wanted:
                        continue
                kept.append(item)
            reservation["Instances"] = kept
        if wanted is not None:
            parsed["Reservations"] = [
                one for one in _records(parsed.get("Reservations")) if one.get("Instances")
            ]

    # EC2 volumes and snapshots, and anything else whose state is a `State` member

    def created(self, kind: str, id_member: str, course: Course) -> _Handler:
        """CreateVolume, CreateSnapshot: the answer's `State` is the course's first state."""

        def handler(*, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
            resource_id = _text(parsed, id_member)
            if _answered(http_response) and resource_id is not None:
                parsed["State"] = self.tracker.begin((kind, resource_id), course)

        return handler

    def described(
        self, kind: str, list_member: str, id_member: str, state_member: str, fresh: Course | None
    ) -> _Handler:
        """DescribeVolumes, DescribeSnapshots, DescribeAutoScaling…: each item's state as the
        tracker shows it."""

        def handler(*, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
            if _answered(http_response):
                for item in _records(parsed.get(list_member)):
                    self._show(item, kind, id_member, state_member, fresh)

        return handler

    def _show(
        self, item: _Record, kind: str, id_member: str, state_member: str, fresh: Course | None
    ) -> None:
        """Rewrite one item's state to the one the tracker shows."""
        resource_id = _text(item, id_member)
        if resource_id is not None:
            shown = self.tracker.read((kind, resource_id), _text(item, state_member), fresh)
            if shown is not None:
                item[state_member] = shown

    def groups_described(self, *, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
        """DescribeAutoScalingGroups: each group's instances, `Pending` when first read."""
        if not _answered(http_response):
            return
        fresh = COURSES["autoscaling instance launched"]
        for group in _records(parsed.get("AutoScalingGroups")):
            for item in _records(group.get("Instances")):
                self._show(item, "autoscaling instance", "InstanceId", "LifecycleState", fresh)

    # RDS DB instances

    def db_changed(self, course: Course) -> _Handler:
        """CreateDBInstance, Start/Stop/Reboot/DeleteDBInstance: the answer's status is the
        course's first state; a deleted instance's description is kept to answer for it."""

        def handler(*, parsed: _Record, http_response: AWSResponse, **_: object) -> None:
            item = parsed.get("DBInstance")
            if not _answered(http_response) or not _is_record(item):
                return
            identifier = _text(item, "DBInstanceIdentifier")
            if identifier is None:
                return
            remains = copy.deepcopy(item) if course.end is None else None
            _set_db_status(item, self.tracker.begin(_db_key(identifier), course, remains))

        return handler

    def describe_db_instances(
        self,
        *,
        parsed: _Record,
        http_response: AWSResponse,
        context: _Record,
        **_: object,
    ) -> None:
        """DescribeDBInstances: each status as the tracker shows it; an instance being deleted,
        which moto no longer knows, is answered for (by identifier, and on a listing's last
        page) while it is `deleting`."""
        params = context.get(_PARAMS)
        asked = _text(params, "DBInstanceIdentifier") if _is_record(params) else None
        if not _answered(http_response):
            if asked is not None and _db_not_found(parsed):
                self._answer_deleting(parsed, http_response, _db_key(asked))
            return
        instances = _records(parsed.get("DBInstances"))
        for item in instances:
            identifier = _text(item, "DBInstanceIdentifier")
            if identifier is not None:
                key = _db_key(identifier)
                shown = self.tracker.read(key, _text(item, _DB_STATUS))
                if shown is not None:
                    _set_db_status(item, shown)
        listing = asked is None and not (_is_record(params) and params.get("Filters"))
        if listing and "Marker" not in parsed:
            leaving = [self.tracker.remains(key, _DB_STATUS) for key in self.tracker.leaving()]
            instances.extend(item for item in leaving if item is not None)
            parsed["DBInstances"] = instances

    def _answer_deleting(self, parsed: _Record, http_response: AWSResponse, key: _Key) -> None:
        """Turn moto's DBInstanceNotFound for an instance being deleted into AWS's answer."""
        item = self.tracker.remains(key, _DB_STATUS)
        if item is None:
            return
        parsed.pop("Error", None)
        parsed["DBInstances"] = [item]
        metadata = parsed.get("ResponseMetadata")
        if _is_record(metadata):
            metadata["HTTPStatusCode"] = 200
        # The client raises for a status of 300 or more, after the after-call handlers.
        http_response.status_code = 200

    # Route53 changes

    def route53_answered(
        self, *, parsed: _Record, http_response: AWSResponse, model: OperationModel, **_: object
    ) -> None:
        """Any Route53 answer with a `ChangeInfo`: `PENDING`; GetChange reads it."""
        info = parsed.get("ChangeInfo")
        if not _answered(http_response) or not _is_record(info):
            return
        change_id = _text(info, "Id")
        if change_id is None:
            return
        key = ("route53 change", change_id.removeprefix("/change/"))
        course = COURSES["route53 change submitted"]
        if model.name == "GetChange":
            shown = self.tracker.read(key, _text(info, "Status"))
        else:
            shown = self.tracker.begin(key, course)
        if shown is not None:
            info["Status"] = shown


def _set_db_status(item: _Record, status: str) -> None:
    """Set a DB instance's status; while `creating` it has no endpoint yet, as on AWS."""
    item[_DB_STATUS] = status
    if status == "creating":
        item.pop("Endpoint", None)


def _db_key(identifier: str) -> _Key:
    """A DB instance's key from its identifier or ARN (RDS keeps identifiers lower case)."""
    return ("db instance", identifier.rsplit(":", 1)[-1].lower())


def _db_not_found(parsed: _Record) -> bool:
    """Whether an error answer is RDS's DBInstanceNotFound."""
    error = parsed.get("Error")
    return _is_record(error) and error.get("Code") == "DBInstanceNotFound"


def _state_filter(params: object) -> frozenset[str] | None:
    """The state names a DescribeInstances request's `instance-state-name` filter allows."""
    if not _is_record(params):
        return None
    for one in _records(params.get("Filters")):
        values = one.get("Values")
        if one.get("Name") == "instance-state-name" and _is_list(values):
            return frozenset(value for value in values if isinstance(value, str))
    return None


def _keep_params(*, params: _Record, context: _Record, **_: object) -> None:
    """``before-parameter-build``: keep the request's parameters for the ``after-call``."""
    context[_PARAMS] = params


def install(events: BaseEventHooks) -> None:
    """Register the handlers on a session's event emitter."""
    handlers = _Handlers()
    course = COURSES
    registered: dict[str, _Handler] = {
        "ec2.RunInstances": handlers.run_instances,
        "ec2.StartInstances": handlers.instances_changed(
            "StartingInstances", course["ec2 instance started"]
        ),
        "ec2.StopInstances": handlers.instances_changed(
            "StoppingInstances", course["ec2 instance stopped"]
        ),
        "ec2.TerminateInstances": handlers.instances_changed(
            "TerminatingInstances", course["ec2 instance terminated"]
        ),
        "ec2.DescribeInstances": handlers.describe_instances,
        "ec2.CreateVolume": handlers.created("volume", "VolumeId", course["ec2 volume created"]),
        "ec2.DescribeVolumes": handlers.described("volume", "Volumes", "VolumeId", "State", None),
        "ec2.CreateSnapshot": handlers.created(
            "snapshot", "SnapshotId", course["ec2 snapshot created"]
        ),
        "ec2.DescribeSnapshots": handlers.described(
            "snapshot", "Snapshots", "SnapshotId", "State", None
        ),
        "rds.CreateDBInstance": handlers.db_changed(course["rds instance created"]),
        "rds.StartDBInstance": handlers.db_changed(course["rds instance started"]),
        "rds.StopDBInstance": handlers.db_changed(course["rds instance stopped"]),
        "rds.RebootDBInstance": handlers.db_changed(course["rds instance rebooted"]),
        "rds.DeleteDBInstance": handlers.db_changed(course["rds instance deleted"]),
        "rds.DescribeDBInstances": handlers.describe_db_instances,
        "auto-scaling.DescribeAutoScalingGroups": handlers.groups_described,
        "auto-scaling.DescribeAutoScalingInstances": handlers.described(
            "autoscaling instance",
            "AutoScalingInstances",
            "InstanceId",
            "LifecycleState",
            course["autoscaling instance launched"],
        ),
        "route-53": handlers.route53_answered,
    }
    for name, handler in registered.items():
        events.register(f"after-call.{name}", handler)
    for name in ("ec2.DescribeInstances", "rds.DescribeDBInstances"):
        events.register(f"before-parameter-build.{name}", _keep_params)
