"""The error family and ``awsfacade._translate``: botocore's exceptions in, ours out."""

from __future__ import annotations

import os
import pickle
from typing import TYPE_CHECKING, TypeVar

import boto3.session
import pytest
from botocore.exceptions import (
    ClientError,
    CredentialRetrievalError,
    EndpointConnectionError,
    InfiniteLoopConfigError,
    LoginRefreshRequired,
    NoAuthTokenError,
    NoCredentialsError,
    NoRegionError,
    PaginationError,
    ParamValidationError,
    PartialCredentialsError,
    ProfileNotFound,
    RefreshWithMFAUnsupportedError,
    SSOTokenLoadError,
    TokenRetrievalError,
    UnauthorizedSSOTokenError,
)

from awsfacade import errors
from awsfacade._translate import NO_CODES, error_class, translate
from awsfacade.autoscaling import AutoScalingService
from awsfacade.ec2 import Ec2Service
from awsfacade.errors import (
    AccessDeniedError,
    AlreadyExistsError,
    AmbiguousError,
    AwsError,
    CapacityError,
    ClientSideError,
    CredentialsError,
    DryRunError,
    InUseError,
    InvalidArgumentError,
    InvalidRequestError,
    InvalidStateError,
    LimitExceededError,
    NotFoundError,
    PartialFailureError,
    ServiceError,
    ThrottledError,
    UnexpectedResponseError,
    WaitFailedError,
    WaitTimeoutError,
)
from awsfacade.iam import IamService
from awsfacade.rds import RdsService
from awsfacade.route53 import Route53Service
from awsfacade.s3 import S3Service

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from botocore.exceptions import BotoCoreError, _ClientErrorResponseTypeDef

    from awsfacade._base import Service

C = TypeVar("C")


def client_error(
    code: str,
    *,
    message: str = "something went wrong",
    operation: str = "DescribeInstances",
    request_id: str = "req-1234",
) -> ClientError:
    """A ClientError shaped like the ones botocore raises for an AWS error response."""
    response: _ClientErrorResponseTypeDef = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {
            "RequestId": request_id,
            "HostId": "",
            "HTTPStatusCode": 400,
            "HTTPHeaders": {},
            "RetryAttempts": 0,
        },
    }
    return ClientError(response, operation)


def translated(error: BaseException) -> AwsError:
    """The AwsError that translate() raises for ``error`` raised inside its block."""
    with pytest.raises(AwsError) as caught, translate():
        raise error
    return caught.value


CODES: list[tuple[str, type[ServiceError]]] = [
    ("InvalidInstanceID.NotFound", NotFoundError),
    ("InvalidGroup.NotFound", NotFoundError),
    ("InvalidVpcID.NotFound", NotFoundError),
    ("InvalidSubnetID.NotFound", NotFoundError),
    ("InvalidAMIID.NotFound", NotFoundError),
    ("InvalidPermission.NotFound", NotFoundError),
    ("InvalidLaunchTemplateName.NotFoundException", NotFoundError),
    ("NoSuchBucket", NotFoundError),
    ("NoSuchKey", NotFoundError),
    ("DBInstanceNotFound", NotFoundError),
    ("ResourceNotFoundException", NotFoundError),
    ("404", NotFoundError),
    ("InvalidGroup.Duplicate", AlreadyExistsError),
    ("InvalidPermission.Duplicate", AlreadyExistsError),
    ("InvalidKeyPair.Duplicate", AlreadyExistsError),
    ("InvalidLaunchTemplateName.AlreadyExistsException", AlreadyExistsError),
    ("BucketAlreadyOwnedByYou", AlreadyExistsError),
    ("EntityAlreadyExists", AlreadyExistsError),
    ("DependencyViolation", InUseError),
    ("InvalidGroup.InUse", InUseError),
    ("BucketNotEmpty", InUseError),
    ("DeleteConflict", InUseError),
    ("UnauthorizedOperation", AccessDeniedError),
    ("AccessDenied", AccessDeniedError),
    ("AuthFailure", CredentialsError),
    ("403", AccessDeniedError),
    ("RequestLimitExceeded", ThrottledError),
    ("Throttling", ThrottledError),
    ("ThrottlingException", ThrottledError),
    ("SlowDown", ThrottledError),
    ("VcpuLimitExceeded", LimitExceededError),
    ("InstanceLimitExceeded", LimitExceededError),
    ("LimitExceeded", LimitExceededError),
    ("InvalidParameterValue", InvalidRequestError),
    ("InvalidParameterCombination", InvalidRequestError),
    ("InvalidInstanceID.Malformed", InvalidRequestError),
    ("IncorrectInstanceState", InvalidStateError),
    ("IncorrectState", InvalidStateError),
    ("InvalidDBInstanceState", InvalidStateError),
    ("InvalidDBInstanceStateFault", InvalidStateError),
    ("InsufficientInstanceCapacity", CapacityError),
    ("InsufficientDBInstanceCapacity", CapacityError),
    ("OptInRequired", AccessDeniedError),
    ("TooManyRequestsException", ThrottledError),
    ("PriorRequestNotComplete", ThrottledError),
    ("ServiceQuotaExceededException", LimitExceededError),
    ("AddressLimitExceeded", LimitExceededError),
    ("UnauthorizedAccess", AccessDeniedError),
    ("InvalidIPAddress.InUse", InUseError),
    ("Resource.AlreadyAssociated", InUseError),
    ("VolumeInUse", InUseError),
    ("DBInstanceNotFoundFault", NotFoundError),
    ("DBInstanceAlreadyExists", AlreadyExistsError),
    ("InvalidKeyPair.NotFound", NotFoundError),
    ("MissingParameter", InvalidRequestError),
    ("UnknownParameter", InvalidRequestError),
    ("ValidationException", InvalidRequestError),
    ("DryRunOperation", ServiceError),
    ("ValidationError", InvalidRequestError),
    ("MalformedPolicyDocument", InvalidRequestError),
    ("NoSuchBucket", NotFoundError),
    ("NoSuchKey", NotFoundError),
    ("BucketAlreadyExists", AlreadyExistsError),
    ("BucketAlreadyOwnedByYou", AlreadyExistsError),
    ("BucketNotEmpty", InUseError),
    ("NoSuchEntity", NotFoundError),
    ("EntityAlreadyExists", AlreadyExistsError),
    ("DeleteConflict", InUseError),
    # Credentials missing, not valid or expired, as each protocol spells it.
    ("InvalidClientTokenId", CredentialsError),
    ("InvalidAccessKeyId", CredentialsError),
    ("UnrecognizedClientException", CredentialsError),
    ("SignatureDoesNotMatch", CredentialsError),
    ("InvalidSignatureException", CredentialsError),
    ("IncompleteSignature", CredentialsError),
    ("IncompleteSignatureException", CredentialsError),
    ("MissingAuthenticationToken", CredentialsError),
    ("MissingAuthenticationTokenException", CredentialsError),
    ("ExpiredToken", CredentialsError),
    ("ExpiredTokenException", CredentialsError),
    ("InvalidToken", CredentialsError),
    ("TokenRefreshRequired", CredentialsError),
    ("InvalidSecurity", CredentialsError),
    ("InvalidIdentityToken", CredentialsError),
    ("IDPRejectedClaim", CredentialsError),
    ("RequestExpired", CredentialsError),
    ("RequestTimeTooSkewed", CredentialsError),
    ("RequestInTheFuture", CredentialsError),
    # A permission the credentials lack, or a parameter that merely looks like a credential.
    ("AccessDeniedException", AccessDeniedError),
    ("InvalidAuthenticationCode", InvalidRequestError),
    ("SomethingAwsInventsNextYear", ServiceError),
]


@pytest.mark.parametrize(("code", "expected"), CODES)
def test_translate_picks_the_most_specific_class(code: str, expected: type[ServiceError]) -> None:
    """Each AWS error code becomes exactly the most specific ServiceError subclass for it."""
    error = translated(client_error(code))
    assert type(error) is expected
    assert isinstance(error, ServiceError)
    assert error.code == code


def test_translate_keeps_the_client_error_as_cause() -> None:
    """The translated error's __cause__ is the very ClientError raised in the block."""
    original = client_error("InvalidInstanceID.NotFound")
    error = translated(original)
    assert error.__cause__ is original


def test_service_error_carries_code_message_operation_and_request_id() -> None:
    """A ServiceError exposes AWS's code, message, operation and request id as attributes."""
    error = translated(
        client_error(
            "InvalidGroup.NotFound",
            message="The security group 'sg-1' does not exist",
            operation="DeleteSecurityGroup",
            request_id="abc-123",
        )
    )
    assert isinstance(error, NotFoundError)
    assert error.code == "InvalidGroup.NotFound"
    assert error.message == "The security group 'sg-1' does not exist"
    assert error.operation == "DeleteSecurityGroup"
    assert error.request_id == "abc-123"


def test_str_is_one_line_naming_operation_code_message_and_request_id() -> None:
    """str() of a ServiceError is a single line with operation, code, message and request id."""
    error = translated(
        client_error(
            "DependencyViolation",
            message="resource sg-1\nhas a  dependent\tobject",
            operation="DeleteSecurityGroup",
            request_id="req-9",
        )
    )
    text = str(error)
    assert "\n" not in text
    for part in (
        "DeleteSecurityGroup",
        "DependencyViolation",
        "sg-1 has a dependent object",
        "req-9",
    ):
        assert part in text


def test_str_leaves_out_a_missing_request_id() -> None:
    """A ServiceError without a request id says nothing about a request in its text."""
    error = ServiceError(code="Oops", message="bad", operation="RunInstances")
    assert str(error) == "RunInstances failed: Oops: bad"


def test_error_response_without_error_details_becomes_unknown_service_error() -> None:
    """A ClientError whose response has no Error entry becomes a ServiceError coded Unknown."""
    error = translated(ClientError({}, "DescribeVpcs"))
    assert type(error) is ServiceError
    assert isinstance(error, ServiceError)
    assert error.code == "Unknown"
    assert error.request_id is None
    assert error.operation == "DescribeVpcs"


def test_param_validation_error_becomes_invalid_argument_error() -> None:
    """botocore's ParamValidationError becomes InvalidArgumentError, which is also a ValueError."""
    original = ParamValidationError(report="Missing required parameter: ImageId")
    error = translated(original)
    assert type(error) is InvalidArgumentError
    assert isinstance(error, ValueError)
    assert "ImageId" in str(error)
    assert error.__cause__ is original


@pytest.mark.parametrize(
    "original",
    [
        NoCredentialsError(),
        PartialCredentialsError(provider="env", cred_var="AWS_SECRET_ACCESS_KEY"),
        ProfileNotFound(profile="prod"),
        CredentialRetrievalError(provider="custom-process", error_msg="exit status 1"),
        InfiniteLoopConfigError(source_profile="a", visited_profiles=["a", "b"]),
        RefreshWithMFAUnsupportedError(),
        SSOTokenLoadError(error_msg="no token cached"),
        UnauthorizedSSOTokenError(),
        TokenRetrievalError(provider="sso", error_msg="Token has expired and refresh failed"),
        NoAuthTokenError(),
        LoginRefreshRequired(),
    ],
    ids=lambda error: type(error).__name__,
)
def test_botocore_s_credential_failures_become_credentials_error(original: BotoCoreError) -> None:
    """Whatever botocore failed to find or load, before any request: a CredentialsError (an
    AccessDeniedError) named after botocore's exception, with no operation or request id, that
    says where credentials are looked for; botocore's error is the cause."""
    error = translated(original)
    assert type(error) is CredentialsError
    assert isinstance(error, AccessDeniedError)
    assert error.__cause__ is original
    assert (error.code, error.operation, error.request_id) == (type(original).__name__, "", None)
    said = str(original).rstrip(".")
    assert str(error).startswith(f"no usable AWS credentials: {said}. AWS credentials are looked")
    for place in ("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "~/.aws/credentials", "instance metadata"):
        assert place in str(error)


def test_missing_credentials_say_so_in_awsfacade_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A call without any credentials raises CredentialsError saying no credentials are usable
    and where they are looked for."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # nothing may leave this machine
    ec2 = Ec2Service(boto3.session.Session(region_name="us-east-1"))

    with pytest.raises(CredentialsError, match=r"^no usable AWS credentials: .* looked for"):
        ec2.security_group("sg-0123456789abcdef0")


def test_a_credentials_error_from_aws_says_where_credentials_are_looked_for() -> None:
    """AWS's rejection keeps its operation, code, message and request id on one line, then
    where credentials are looked for; a request signed at the wrong time says to check the
    clock first."""
    rejected = translated(
        client_error("AuthFailure", message="AWS was not able to validate the credentials.")
    )
    assert str(rejected).startswith(
        "DescribeInstances failed: AuthFailure: AWS was not able to validate the credentials. "
        "(request req-1234). AWS credentials are looked for, in this order, in: the keys given "
        "to the boto3 Session; the environment variables AWS_ACCESS_KEY_ID"
    )
    assert "\n" not in str(rejected)
    skewed = str(translated(client_error("RequestTimeTooSkewed", message="Too skewed")))
    assert "(request req-1234). AWS refuses a request signed more than 15 minutes away" in skewed
    assert "check this machine's clock" in skewed
    assert "AWS credentials are looked for" in skewed


def test_a_page_size_the_paginator_refuses_is_an_invalid_argument() -> None:
    """botocore's other PaginationError (a PageSize the operation does not take, refused before
    any request) is InvalidArgumentError, not a failure of AWS's answer."""
    original = PaginationError(message="PageSize parameter is not supported")
    error = translated(original)
    assert type(error) is InvalidArgumentError
    assert error.__cause__ is original


def test_no_region_becomes_invalid_argument_error() -> None:
    """botocore's NoRegionError becomes an InvalidArgumentError that tells how to set a region."""
    original = NoRegionError()
    error = translated(original)
    assert type(error) is InvalidArgumentError
    assert "region" in str(error)
    assert error.__cause__ is original


def test_other_botocore_errors_become_client_side_error() -> None:
    """Any other BotoCoreError (a connection failure here) becomes ClientSideError."""
    original = EndpointConnectionError(endpoint_url="https://ec2.example.invalid")
    error = translated(original)
    assert type(error) is ClientSideError
    assert "ec2.example.invalid" in str(error)
    assert error.__cause__ is original


def test_translate_lets_other_exceptions_through() -> None:
    """An exception that is not botocore's passes through translate() untouched."""
    original = KeyError("x")
    with pytest.raises(KeyError) as caught, translate():
        raise original
    assert caught.value is original


@pytest.mark.parametrize(
    "error",
    [
        NotFoundError(code="NoSuchBucket", message="gone", operation="HeadBucket", request_id="r1"),
        ServiceError(code="Weird", message="", operation="RunInstances"),
        InUseError(code="DependencyViolation", message="m", operation="DeleteVpc"),
        InvalidArgumentError("bad argument"),
        WaitTimeoutError("timed out"),
        WaitFailedError("gave up"),
        UnexpectedResponseError("missing field"),
        ClientSideError("connection refused"),
        CredentialsError(code="ExpiredToken", message="expired", operation="ListUsers"),
        CredentialsError(code="RequestExpired", message="", operation="DescribeVpcs"),
        CredentialsError(code="NoCredentialsError", message="Unable to locate credentials"),
        InUseError(
            code="BucketNotEmpty", message="not empty", operation="DeleteBucket", hint="empty it"
        ),
        AmbiguousError("2 hosted zones are named corp.example."),
        PartialFailureError(
            "DeleteObjects",
            done=("a",),
            not_done=("b",),
            error=AccessDeniedError(code="AccessDenied", message="no", operation="DeleteObjects"),
        ),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_survive_a_pickle_round_trip(error: AwsError) -> None:
    """Every error pickles and unpickles to the same class with the same text and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    if isinstance(error, ServiceError):
        assert isinstance(copy, ServiceError)
        assert (copy.code, copy.message, copy.operation, copy.request_id, copy.hint) == (
            error.code,
            error.message,
            error.operation,
            error.request_id,
            error.hint,
        )


def exported_classes() -> Iterator[type[BaseException]]:
    """Every exception class named in awsfacade.errors.__all__."""
    for name in errors.__all__:
        value: object = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            yield value


def test_every_exported_class_is_an_aws_error() -> None:
    """Every exception class awsfacade.errors exports derives from AwsError."""
    classes = list(exported_classes())
    assert len(classes) == len(errors.__all__)  # the module exports nothing else
    for cls in classes:
        assert issubclass(cls, AwsError), cls


def test_builtin_bases() -> None:
    """InvalidArgumentError is a ValueError and WaitTimeoutError a TimeoutError."""
    assert issubclass(InvalidArgumentError, ValueError)
    assert issubclass(WaitTimeoutError, TimeoutError)
    assert not issubclass(ServiceError, ValueError)


def test_a_service_s_own_codes_win_over_the_shared_table_and_patterns() -> None:
    """Codes a service declares beside itself beat the patterns, only where it passes them."""
    codes = {"DryRunOperation": DryRunError, "InvalidFoo.Gone": NotFoundError}
    assert error_class("DryRunOperation", codes) is DryRunError
    assert error_class("InvalidFoo.Gone", codes) is NotFoundError
    assert error_class("InvalidFoo.Gone") is InvalidRequestError
    with pytest.raises(DryRunError), translate(codes):
        raise client_error("DryRunOperation")


def test_ec2_declares_dry_run_as_its_own_code() -> None:
    """Ec2Service maps DryRunOperation (an EC2-only code) to DryRunError."""
    from awsfacade.ec2 import Ec2Service

    assert error_class("DryRunOperation", Ec2Service._error_codes) is DryRunError


def test_partial_failure_says_what_was_and_was_not_done() -> None:
    """A PartialFailureError keeps both lists and the stopping error, and its one-line message
    counts both, names the first few of each and ends with the error."""
    stopped = AccessDeniedError(code="AccessDenied", message="no", operation="DeleteObjects")
    error = PartialFailureError(
        "delete_objects", done=("k1", "k2", "k3", "k4", "k5"), not_done=("k6",), error=stopped
    )
    assert (error.done, error.not_done, error.error) == (
        ("k1", "k2", "k3", "k4", "k5"),
        ("k6",),
        stopped,
    )
    assert str(error) == (
        "delete_objects stopped part-way: 5 done (k1, k2, k3, … 2 more), 1 not done (k6); "
        "DeleteObjects failed: AccessDenied: no"
    )
    nothing = PartialFailureError("force delete", done=(), not_done=("user",), error=stopped)
    assert str(nothing).startswith("force delete stopped part-way: 0 done, 1 not done (user);")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.operation, copy.done, copy.not_done, str(copy.error)) == (
        error.operation,
        error.done,
        error.not_done,
        str(stopped),
    )


def test_a_validation_error_saying_not_found_is_not_found() -> None:
    """AutoScaling has no not-found code: the shared translator reads a ValidationError whose
    message says "not found" as NotFoundError (listings and waits too, which use it directly);
    any other ValidationError stays an InvalidRequestError."""
    missing = "AutoScalingGroup name not found - AutoScalingGroup web not found"
    assert error_class("ValidationError", NO_CODES, missing) is NotFoundError
    assert error_class("ValidationError", NO_CODES, "Max bound must be >= min") is (
        InvalidRequestError
    )
    assert error_class("ValidationError") is InvalidRequestError


# -- translate_errors(): the escape hatch in the facade's error family -------------------------


def raw(service: Service[C], call: Callable[[C], object]) -> None:
    """``call`` on the service's raw client, inside its translate_errors()."""
    with service.translate_errors():
        call(service.client)


#: Per service, a raw client call that AWS answers with the service's not-found error.
RAW_CALLS: dict[str, Callable[[boto3.session.Session], None]] = {
    "ec2": lambda session: raw(
        Ec2Service(session),
        lambda client: client.describe_instances(InstanceIds=["i-0123456789abcdef0"]),
    ),
    "s3": lambda session: raw(
        S3Service(session), lambda client: client.head_bucket(Bucket="no-such-bucket")
    ),
    "iam": lambda session: raw(
        IamService(session), lambda client: client.get_user(UserName="nobody")
    ),
    "rds": lambda session: raw(
        RdsService(session),
        lambda client: client.describe_db_instances(DBInstanceIdentifier="nodb"),
    ),
    "autoscaling": lambda session: raw(
        AutoScalingService(session),
        lambda client: client.delete_auto_scaling_group(AutoScalingGroupName="none"),
    ),
    "route53": lambda session: raw(
        Route53Service(session),
        lambda client: client.get_hosted_zone(Id="Z0000000000000000000"),
    ),
}


@pytest.mark.parametrize("raw_call", RAW_CALLS.values(), ids=RAW_CALLS.keys())
def test_translate_errors_gives_raw_client_calls_the_facade_s_errors(
    aws_session: boto3.session.Session, raw_call: Callable[[boto3.session.Session], None]
) -> None:
    """Every service's translate_errors() turns the botocore error of a call made on its raw
    client into the facade's error (NotFoundError here), with botocore's exception as cause."""
    with pytest.raises(NotFoundError) as raised:
        raw_call(aws_session)
    assert isinstance(raised.value.__cause__, ClientError)


def test_translate_errors_uses_the_service_s_own_codes(ec2_service: Ec2Service) -> None:
    """A code only EC2 sends (DryRunOperation) is EC2's DryRunError through translate_errors."""
    with pytest.raises(DryRunError), ec2_service.translate_errors():
        ec2_service.client.run_instances(
            ImageId="ami-12345678", MinCount=1, MaxCount=1, DryRun=True
        )
