"""What each `Realism` switch adds to a request, on moto (issue 20's target: at most 1 ms).

Run it alone from the repository root (``benchmarks/run.py`` runs it too)::

    python benchmarks/realism_cost.py [requests] [rounds]

For each switch, the same requests are sent on two mocked sessions, one with the switch on
and one with no `Realism` at all, in alternating rounds; the added cost a request is the
difference of the medians over the number of requests. Each request is one a user's test
sends with that switch on, after its effect is spent: a describe by id of a VPC the session
created (stale reads answered already), of an instance that has reached `running`
(transitions), a one-page listing of IAM users (page sizes), and a describe of another
operation than the one a `Fault` is set on (faults).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from _table import Figure, alternate, median, progress
from botocore.exceptions import ClientError

from awsfacade.ec2 import Ec2Service, InstanceState
from awsfacade.iam import IamService
from awsfacade.testing import Fault, Realism, mocked_session, new_session
from awsfacade.testing._realism import install

if TYPE_CHECKING:
    import boto3.session

#: The largest cost a switch may add to a request (issue 20), in milliseconds.
TARGET_MS = 1.0

#: The switches measured, each as a user turns it on.
SWITCHES: dict[str, Realism] = {
    "stale_reads=2": Realism(stale_reads=2),
    "transitions=True": Realism(transitions=True),
    "aws_page_sizes=True": Realism(aws_page_sizes=True),
    "faults=[Fault('RunInstances')]": Realism(faults=[Fault("RunInstances")]),
}


def _request(session: boto3.session.Session) -> Callable[[], object]:
    """One request of the kind each switch watches, its effect spent: a describe of a VPC and
    an instance the session made, and an IAM listing of one page."""
    ec2 = Ec2Service(session)
    vpc_id = ec2.create_vpc(cidr_block="10.0.0.0/16").id
    [instance] = ec2.run(image_id="ami-12c6146b")
    ec2.wait_until([instance.id], InstanceState.RUNNING, timeout=60, poll_interval=0.01)
    IamService(session).create_user(f"benchmark-{vpc_id}")
    ec2_client, iam_client = ec2.client, IamService(session).client

    def request() -> None:
        ec2_client.describe_vpcs(VpcIds=[vpc_id])
        ec2_client.describe_instances(InstanceIds=[instance.id])
        iam_client.list_users()

    for _ in range(10):  # past the stale reads the VPC still has
        try:
            request()
            break
        except ClientError:
            continue
    return request


@contextmanager
def _sessions(realism: Realism) -> Generator[tuple[Callable[[], object], Callable[[], object]]]:
    """The request on a session with ``realism`` and on one without, in one moto mock (a
    second mock would reset the first's state)."""
    with mocked_session() as without:
        with_switch = new_session()
        install(with_switch, realism)  # what mocked_session(realism=...) does
        yield _request(with_switch), _request(without)


def realism_figures(requests: int = 100, repeat: int = 7) -> list[Figure]:
    """The added cost a request of each switch, in ms, against the target."""
    figures: list[Figure] = []
    for name, realism in SWITCHES.items():
        with _sessions(realism) as (with_switch, without):

            def on(request: Callable[[], object] = with_switch) -> None:
                for _ in range(requests):
                    request()

            def off(request: Callable[[], object] = without) -> None:
                for _ in range(requests):
                    request()

            samples = alternate({"on": on, "off": off}, repeat)
        per_call = 3 * requests  # three requests a call of request()
        on_ms = median(samples["on"]) / per_call * 1000
        off_ms = median(samples["off"]) / per_call * 1000
        progress(f"realism: {name}")
        figures.append(
            Figure(
                f"`Realism({name})`: added cost a request",
                on_ms,
                off_ms,
                "ms",
                on_ms - off_ms,
                "+ms",
                "<=",
                TARGET_MS,
                note="DescribeVpcs, DescribeInstances, ListUsers on moto, switch on vs no Realism",
            )
        )
    return figures


def main(argv: Sequence[str]) -> int:
    """Print the figures (``[requests] [rounds]``)."""
    requests = int(argv[1]) if len(argv) > 1 else 100
    rounds = int(argv[2]) if len(argv) > 2 else 7
    for figure in realism_figures(requests, rounds):
        print(f"{figure.figure}: {figure.result:+.3f} ms (target ≤ {TARGET_MS} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
