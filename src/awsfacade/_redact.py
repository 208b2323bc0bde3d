"""Secrets out of botocore's DEBUG log lines.

At DEBUG level botocore logs every request's parameters (``botocore.endpoint``), the signed
headers (``botocore.auth``: the session token) and every response body (``botocore.parsers``:
a new access key's secret, a key pair's private key). A user who turns on DEBUG logging to
trace a call must not find secrets in the log, so :func:`install` puts a filter on those
loggers that masks the values of sensitive members, in every form botocore prints them: XML
elements, JSON and Python-repr mappings, query strings and signed header lines.

The filter runs only for records that are emitted (DEBUG is on), and only rewrites a record
that holds a secret.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Final

__all__ = ["MASK", "install", "redact"]

MASK: Final = "***"

#: Members whose values are secret: those botocore's models mark ``"sensitive": true`` for the
#: operations the facade calls (IAM keys and passwords, RDS master passwords, EC2 key material
#: and user data, S3's KMS key ids, encryption contexts and customer keys, with the headers that
#: carry them), STS credentials, and the session-token header. The table of
#: tests/reliability/test_secrets.py, built by walking botocore's models, lists where each comes
#: from.
_NAMES: Final = (
    "SecretAccessKey",
    "SessionToken",
    "X-Amz-Security-Token",
    "Password",
    "NewPassword",
    "OldPassword",
    "MasterUserPassword",
    "KeyMaterial",
    "PrivateKey",
    "PrivateKeyMaterial",
    "SSHPublicKeyBody",
    "ServicePassword",
    "TdeCredentialPassword",
    "UserData",
    "KMSMasterKeyID",
    "SSEKMSKeyId",
    "SSEKMSEncryptionContext",
    "SSECustomerKey",
    "CopySourceSSECustomerKey",
    "x-amz-server-side-encryption-aws-kms-key-id",
    "x-amz-server-side-encryption-context",
    "x-amz-server-side-encryption-customer-key",
    "x-amz-copy-source-server-side-encryption-customer-key",
)


_Patterns = tuple[tuple[re.Pattern[str], str], ...]
_compiled: _Patterns | None = None


def _patterns() -> _Patterns:
    """The masking patterns, compiled on the first use rather than at import (that costs about
    2 ms, and most processes never log at DEBUG). Two threads racing here compile the same
    patterns twice, which is harmless."""
    global _compiled  # noqa: PLW0603 - a process-wide cache, filled once
    if _compiled is None:
        _compiled = _compile()
    return _compiled


def _compile() -> _Patterns:
    """Each form botocore prints a secret in, with its replacement."""
    name = "(?:" + "|".join(re.escape(member) for member in _NAMES) + ")"
    return (
        # <SecretAccessKey>value</SecretAccessKey> (query and rest-xml responses)
        (re.compile(rf"(<({name})>)[^<]*(</\2>)", re.IGNORECASE), rf"\1{MASK}\3"),
        # "SessionToken": "value" (JSON) and 'MasterUserPassword': 'value' or b'value' (repr),
        # also under a flattened query prefix: 'LaunchTemplateData.UserData': 'value'
        # (a backslash run escapes the next character: JSON inside a bytes repr doubles them; when
        # unsure, mask too much rather than too little)
        (
            re.compile(
                rf"""(["'](?:[\w.]+\.)?{name}["']\s*:\s*b?(["']))(?:\\+.|(?!\2).)*(\2)""",
                re.IGNORECASE,
            ),
            rf"\1{MASK}\3",
        ),
        # Password=value (a query string or form body)
        (re.compile(rf"(\b{name}=)[^&\s'\"]*", re.IGNORECASE), rf"\1{MASK}"),
        # parameter Password, value: [...], type: (botocore's parameter-validation message)
        # (a nested member is named by its path: parameter LaunchTemplateData.UserData, value: ...)
        (
            re.compile(
                rf"(parameter (?:[\w.\[\]]+\.)?{name}, value: ).*?(, type: )", re.IGNORECASE
            ),
            rf"\1{MASK}\2",
        ),
        # Value 'value' at 'masterUserPassword' failed to satisfy constraint (AWS's validation
        # errors quote the rejected value and name the member in camel case)
        (
            re.compile(rf"(Value ').*?(' at '(?:[\w.\[\]]+\.)?{name}')", re.IGNORECASE),
            rf"\1{MASK}\2",
        ),
        # x-amz-security-token:value (a canonical request's header line; S3's SSE headers too)
        (
            re.compile(
                r"((?:x-amz-security-token|x-amz-(?:copy-source-)?server-side-encryption-"
                r"(?:aws-kms-key-id|context|customer-key)):)[^\n]*",
                re.IGNORECASE,
            ),
            rf"\1{MASK}",
        ),
    )


def redact(text: str) -> str:
    """``text`` with the value of every sensitive member replaced by ``***``."""
    for pattern, replacement in _patterns():
        text = pattern.sub(replacement, text)
    return text


class _RedactFilter(logging.Filter):
    """Rewrites a record whose message holds a secret; lets every record through."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True


#: botocore's loggers that print parameters, headers or bodies.
LOGGERS: Final = ("botocore.endpoint", "botocore.parsers", "botocore.auth", "botocore.awsrequest")

_installed = False
_lock = threading.Lock()


def install() -> None:
    """Put the redacting filter on botocore's loggers, once per process."""
    global _installed  # noqa: PLW0603 - a process-wide, idempotent installation
    with _lock:
        if _installed:
            return
        redacting = _RedactFilter()
        for name in LOGGERS:
            logging.getLogger(name).addFilter(redacting)
        _installed = True
