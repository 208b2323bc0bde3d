"""Test your code against moto: a pytest plugin and `mocked_session()`.

Installed with `pip install "awsfacade[testing]"`; the fixtures live in
[`awsfacade.testing.plugin`][awsfacade.testing.plugin], registered through the `pytest11`
entry point, so they are there without a `conftest.py`:

- `aws_credentials` — fake credentials in the environment; no profile, config or
  credentials file is read.
- `aws_region` — `"us-east-1"`; change it with `@pytest.mark.aws_region("eu-west-1")`
  or by overriding the fixture.
- `aws_session` — a `boto3.Session` whose every AWS call is answered by moto, with
  fresh moto state for each test.
- `ec2_service`, `s3_service`, `rds_service`, `autoscaling_service`, `iam_service` and
  `route53_service`, each that service built on it.
- `aws_organization` — an [`Organization`][awsfacade.testing.Organization] on `aws_session`:
  member accounts reachable through AssumeRole and the regions to fan out to.
- `aws_replay_session` — a session answered from the test's recording (`aws_recording`), made
  with `pytest --awsfacade-record` against a sandbox account; `record()` and `replay()` do the
  same outside pytest.

`@pytest.mark.aws_realism(Realism(...))` (or `mocked_session(realism=...)`) puts back what
AWS does and moto does not: stale reads, intermediate states, AWS's page sizes, faults.

No fixture can reach real AWS: the credentials are fake, and a request moto does not answer
goes to a proxy on a closed loopback port and fails to connect; loopback addresses (a moto
server) are reached directly. With ``--awsfacade-block-aws`` (or ``awsfacade_block_aws = true``
in the ini file) any test whose botocore request would leave the machine fails, fixture or not.
Loading the plugin changes nothing: a run that uses none of its fixtures, markers or options
runs as it would without awsfacade installed.
This module does not import pytest, boto3 or moto (each is imported on first use):
`mocked_session()` works in any script.
"""

from __future__ import annotations

from awsfacade.testing._organization import Organization, mocked_organization
from awsfacade.testing._realism import Fault, Realism
from awsfacade.testing._replay import ReplayMissError, record, replay
from awsfacade.testing._session import (
    FAKE_CREDENTIALS,
    UNREACHABLE_PROXY,
    fake_environment,
    mocked_session,
    new_session,
)

__all__ = [
    "FAKE_CREDENTIALS",
    "UNREACHABLE_PROXY",
    "Fault",
    "Organization",
    "Realism",
    "ReplayMissError",
    "fake_environment",
    "mocked_organization",
    "mocked_session",
    "new_session",
    "record",
    "replay",
]
