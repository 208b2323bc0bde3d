"""The services' constructors' bad calls (see ``bad_input_cases``): what ``session=``,
``region=``, ``endpoint_url=`` and ``config=`` refuse before any client is made."""

from __future__ import annotations

from typing import Final

from bad_input_cases import SESSION, Bad, Method

_CONSTRUCTOR: Final = Method(
    {"session": SESSION, "region": "eu-west-1", "endpoint_url": "http://127.0.0.1:5000"},
    [
        Bad("region", ""),
        Bad("region", "eu west 1"),
        Bad("region", "eu-west-1."),
        Bad("endpoint_url", ""),
        Bad("endpoint_url", "localhost:4566"),
        Bad("endpoint_url", "ftp://127.0.0.1"),
        Bad("endpoint_url", "http://[::1"),
    ],
)

CONSTRUCTORS: Final[dict[str, Method]] = dict.fromkeys(
    ("Ec2Service", "S3Service", "IamService", "RdsService", "AutoScalingService", "Route53Service"),
    _CONSTRUCTOR,
)
