"""The sessions ``fan_out`` hands to the work: one per account, built on botocore's own
refreshable credentials and sharing one botocore loader per process (each service model is
parsed once, not once per account).

A role's credentials come from STS ``AssumeRole`` through one STS client made from the
caller's session; botocore refreshes them before they expire (15 minutes ahead, on the next
request that needs them), so no timer is needed. An account's session has no default region
(not even the environment's): the work names ``target.region``, and forgetting it fails
loudly, saying so (``NO_REGION``), instead of silently querying the environment's region
for every target.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

import attrs
import boto3.session
import botocore.session
from botocore.configprovider import ConfigValueStore, ConstantProvider
from botocore.credentials import (
    CredentialProvider,
    CredentialResolver,
    Credentials,
    RefreshableCredentials,
)

from awsfacade._clients import DEFAULT_CONFIG, advise_region
from awsfacade._convert import sent
from awsfacade._translate import translate
from awsfacade.errors import AwsError, CredentialsError

if TYPE_CHECKING:
    from botocore.loaders import Loader
    from mypy_boto3_sts.client import STSClient

__all__ = ["NO_REGION", "AccountSession", "Snapshot", "account_session", "snapshot"]

#: What the work is told when it builds a regional service or client without a region.
NO_REGION = (
    "fan_out's sessions have no default region: pass region=target.region to the service "
    "(region_name=target.region to session.client)"
)


class _Metadata(TypedDict):
    """What botocore's ``RefreshableCredentials`` reads from its refresh function."""

    access_key: str
    secret_key: str
    token: str
    expiry_time: str


@attrs.frozen(kw_only=True)
class Snapshot:
    """Credentials frozen at one moment, to ship to a worker process; secrets hidden."""

    access_key: str
    secret_key: str = attrs.field(repr=False)
    token: str | None = attrs.field(repr=False)


class _Given(CredentialProvider):
    """A credential provider that returns the credentials it was built with."""

    METHOD = "awsfacade-fanout"
    CANONICAL_NAME = "awsfacade-fanout"

    def __init__(self, credentials: Credentials) -> None:
        super().__init__()
        self._credentials = credentials

    def load(self) -> Credentials:
        return self._credentials


_loader: Loader | None = None
_loader_lock = threading.Lock()


def shared_loader() -> Loader:
    """The botocore data loader of every account session in this process, taken once from a
    botocore session (its public ``get_component``): it caches the parsed service models."""
    global _loader  # noqa: PLW0603 - a process-wide cache, like botocore's own
    with _loader_lock:
        if _loader is None:
            made: Loader = botocore.session.Session().get_component("data_loader")
            _loader = made
        return _loader


def account_session(credentials: Credentials) -> boto3.session.Session:
    """A boto3 Session on ``credentials`` and the process's shared loader, with the library's
    retry config as its clients' default and no default region."""
    core = botocore.session.Session()
    core.register_component("data_loader", shared_loader())
    core.register_component("credential_provider", CredentialResolver([_Given(credentials)]))
    core.set_default_client_config(DEFAULT_CONFIG)
    # No region, and no fallback on AWS_DEFAULT_REGION or a profile's region either.
    store: ConfigValueStore = core.get_component("config_store")
    store.set_config_provider("region", ConstantProvider(None))
    session = boto3.session.Session(botocore_session=core)
    advise_region(session, NO_REGION)
    # Warm the session's lazily created parts here, under the account's lock, so that the
    # work's threads creating clients on it at once only read them.
    session.get_available_regions("ec2")
    return session


def snapshot(credentials: Credentials) -> Snapshot:
    """The credentials' current values (refreshed first if they are about to expire)."""
    frozen = credentials.get_frozen_credentials()
    if frozen.access_key is None or frozen.secret_key is None:
        raise CredentialsError(
            code="PartialCredentialsError", message="the account's credentials have no key pair"
        )
    return Snapshot(access_key=frozen.access_key, secret_key=frozen.secret_key, token=frozen.token)


def static_credentials(frozen: Snapshot) -> Credentials:
    """botocore credentials holding a snapshot's values."""
    return Credentials(frozen.access_key, frozen.secret_key, frozen.token)


#: botocore's own refresh windows (seconds before expiry), for credentials of an hour or more.
_ADVISORY = 15 * 60
_MANDATORY = 10 * 60


class _AssumeRole:
    """The refresh function of one role's credentials: one AssumeRole per call."""

    def __init__(self, sts: STSClient, role_arn: str, duration: int, name: str) -> None:
        self._sts = sts
        self._role_arn = role_arn
        self._duration = duration
        self._name = name

    def __call__(self) -> _Metadata:
        with translate():
            answer = self._sts.assume_role(
                RoleArn=self._role_arn,
                RoleSessionName=self._name,
                DurationSeconds=self._duration,
            )
        given = sent(answer.get("Credentials"), "Credentials", "AssumeRole")
        expiry: datetime = given["Expiration"]
        return _Metadata(
            access_key=given["AccessKeyId"],
            secret_key=given["SecretAccessKey"],
            token=given["SessionToken"],
            expiry_time=expiry.isoformat(),
        )


def assumed(sts: STSClient, role_arn: str, duration: int, name: str) -> RefreshableCredentials:
    """The role's credentials, assumed now (a failure raises here, as an AwsError) and
    refreshed by botocore through the same STS client before they expire."""
    fetch = _AssumeRole(sts, role_arn, duration, name)
    first = fetch()
    return RefreshableCredentials(
        access_key=first["access_key"],
        secret_key=first["secret_key"],
        token=first["token"],
        expiry_time=datetime.fromisoformat(first["expiry_time"]),
        refresh_using=fetch,
        method="assume-role",
        # botocore refreshes 15 minutes ahead (10 at the latest): credentials of 15 minutes
        # would then be refreshed before every request. Short ones refresh in their last
        # quarter (sixth at the latest) instead.
        advisory_timeout=min(_ADVISORY, duration // 4),
        mandatory_timeout=min(_MANDATORY, duration // 6),
    )


class AccountSession:
    """One account's credentials and session in a run: made by the first target that needs
    them (under a lock), shared by the account's other targets, dropped with the last one.

    ``credentials_for`` makes the credentials: AssumeRole for a role, the caller's own
    credentials without one. A failure is kept, so the account's other targets in flight
    report it without asking STS again.
    """

    def __init__(self, make_credentials: _MakeCredentials) -> None:
        self._make = make_credentials
        self._lock = threading.Lock()
        self._credentials: Credentials | None = None
        self._session: boto3.session.Session | None = None
        self._error: AwsError | None = None
        #: Targets of this account submitted and not yet collected (main thread only).
        self.in_flight = 0

    def credentials(self) -> Credentials | AwsError:
        """The account's credentials, or the error that stopped them."""
        with self._lock:
            if self._credentials is not None:
                return self._credentials
            if self._error is None:
                try:
                    self._credentials = self._make()
                except AwsError as error:
                    self._error = error
                    return error
                return self._credentials
            return self._error

    def session(self) -> boto3.session.Session | AwsError:
        """The account's session, built once, or the error that stopped its credentials."""
        credentials = self.credentials()
        if isinstance(credentials, AwsError):
            return credentials
        with self._lock:
            if self._session is None:
                self._session = account_session(credentials)
            return self._session


class _MakeCredentials:
    """How an account's credentials are made: assume ``role_arn``, or take the caller's."""

    def __init__(
        self,
        caller: boto3.session.Session,
        sts: _StsSource,
        role_arn: str | None,
        duration: int,
        name: str,
    ) -> None:
        self._caller = caller
        self._sts = sts
        self._role_arn = role_arn
        self._duration = duration
        self._name = name

    def __call__(self) -> Credentials:
        if self._role_arn is None:
            with translate():  # a profile, SSO session or credential_process that fails
                own = self._caller.get_credentials()
            if own is None:
                raise CredentialsError(
                    code="NoCredentialsError", message="the caller's session has no credentials"
                )
            return own
        return assumed(self._sts.client(), self._role_arn, self._duration, self._name)


class _StsSource:
    """The one STS client of a run, made on first need from the caller's session."""

    def __init__(self, caller: boto3.session.Session) -> None:
        self._caller = caller
        self._lock = threading.Lock()
        self._client: STSClient | None = None

    def client(self) -> STSClient:
        with self._lock:
            if self._client is None:
                from awsfacade.fanout._clients import STS

                self._client = STS.get(self._caller, region=None, endpoint_url=None, config=None)
            return self._client


class Accounts:
    """The accounts of one run that have targets in flight, keyed by (account, role)."""

    def __init__(self, caller: boto3.session.Session, *, duration: int, name: str) -> None:
        self._caller = caller
        self._sts = _StsSource(caller)
        self._duration = duration
        self._name = name
        self._open: dict[tuple[str, str | None], AccountSession] = {}

    def take(self, account_id: str, role_arn: str | None) -> AccountSession:
        """The account's entry, made if it has no target in flight; one more in flight."""
        key = (account_id, role_arn)
        entry = self._open.get(key)
        if entry is None:
            make = _MakeCredentials(self._caller, self._sts, role_arn, self._duration, self._name)
            entry = self._open[key] = AccountSession(make)
        entry.in_flight += 1
        return entry

    def done(self, entry: AccountSession) -> None:
        """One target of the account finished."""
        entry.in_flight -= 1

    def release_idle(self) -> None:
        """Drop the accounts with no target in flight: their sessions go with the last one."""
        for key in [key for key, entry in self._open.items() if entry.in_flight == 0]:
            del self._open[key]
