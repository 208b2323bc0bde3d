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
#: operations the facade calls (IAM keys and passwords, RDS master passwords, EC2 key material),
#: STS credentials, and the session-token header.
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
)
_NAME: Final = "(?:" + "|".join(re.escape(name) for name in _NAMES) + ")"

_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    # <SecretAccessKey>value</SecretAccessKey> (query and rest-xml responses)
    (re.compile(rf"(<({_NAME})>)[^<]*(</\2>)", re.IGNORECASE), rf"\1{MASK}\3"),
    # "SessionToken": "value" (JSON) and 'MasterUserPassword': 'value' or b'value' (repr)
    # (a backslash run escapes the next character: JSON inside a bytes repr doubles them; when
    # unsure, mask too much rather than too little)
    (
        re.compile(rf"""(["']{_NAME}["']\s*:\s*b?(["']))(?:\\+.|(?!\2).)*(\2)""", re.IGNORECASE),
        rf"\1{MASK}\3",
    ),
    # Password=value (a query string or form body)
    (re.compile(rf"(\b{_NAME}=)[^&\s'\"]*", re.IGNORECASE), rf"\1{MASK}"),
    # parameter Password, value: [...], type: (botocore's parameter-validation message)
    (re.compile(rf"(parameter {_NAME}, value: ).*?(, type: )", re.IGNORECASE), rf"\1{MASK}\2"),
    # x-amz-security-token:value (a canonical request's header line)
    (re.compile(r"(x-amz-security-token:)[^\n]*", re.IGNORECASE), rf"\1{MASK}"),
)


def redact(text: str) -> str:
    """``text`` with the value of every sensitive member replaced by ``***``."""
    for pattern, replacement in _PATTERNS:
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
