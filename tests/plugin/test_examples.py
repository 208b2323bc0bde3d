"""examples/quickstart.py runs to the end, on embedded moto and against a moto server."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import boto3.session
import pytest
from moto.server import ThreadedMotoServer

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"

# The lines every successful run prints, in this order (fnmatch patterns).
EXPECTED_LINES = [
    "==> creating a VPC 10.0.0.0/16",
    "    created VPC vpc-*",
    "    created subnet subnet-*",
    "    sg-* ingress: tcp 443-443 from 0.0.0.0/0",
    "==> running 2 instances tagged Name=web",
    "    i-*  name=web  state=*  type=t3.micro*",
    "    i-*  name=web  state=*  type=t3.micro*",
    "==> waiting until both are running",
    "    running: i-*, i-*",
    "    i-* is stopped",
    "    NotFoundError: code=InvalidInstanceID.NotFound operation=DescribeInstances",
    "==> cleaning up",
    "    terminated i-*, i-*",
    "    deleted VPC vpc-*",
    "==> done",
]


def _run_quickstart(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the quickstart in a fresh interpreter, loopback reached without any proxy."""
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    return subprocess.run(
        [sys.executable, str(QUICKSTART), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def moto_server() -> Iterator[str]:
    """A moto server on a free loopback port, for the length of one test; yields its URL."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def test_quickstart_runs_on_embedded_moto() -> None:
    """With no options the quickstart runs on in-process moto, exits 0 and prints each step."""
    done = _run_quickstart()
    assert done.returncode == 0, done.stderr
    output = pytest.LineMatcher(done.stdout.splitlines())
    output.fnmatch_lines(["==> using embedded moto in us-east-1", *EXPECTED_LINES])


def test_quickstart_runs_against_a_moto_server(moto_server: str) -> None:
    """With --endpoint-url and --region it talks HTTP to a moto server and cleans up there."""
    done = _run_quickstart("--endpoint-url", moto_server, "--region", "eu-west-1")
    assert done.returncode == 0, done.stderr
    output = pytest.LineMatcher(done.stdout.splitlines())
    output.fnmatch_lines([f"==> using {moto_server} in eu-west-1", *EXPECTED_LINES])
    output.fnmatch_lines(["    created subnet subnet-* in eu-west-1*"])
    # The server kept the state: everything the script made is gone, nothing is left running.
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="eu-west-1"
    )
    client = session.client("ec2", endpoint_url=moto_server)  # pyright: ignore[reportUnknownMemberType]
    vpcs = client.describe_vpcs()["Vpcs"]
    assert [vpc.get("CidrBlock") for vpc in vpcs if not vpc.get("IsDefault")] == []
    states = {
        instance.get("State", {}).get("Name")
        for reservation in client.describe_instances()["Reservations"]
        for instance in reservation.get("Instances", [])
    }
    assert states <= {"terminated"}
    assert states  # the server did see the instances
