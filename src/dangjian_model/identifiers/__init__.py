"""Chinese identifiers, one module per standard, each with the same verbs.

``compact(text)`` removes separators and upper-cases; ``validate(text)`` returns the compact
form or raises a :class:`InvalidIdentifier` subclass; ``is_valid(text)`` says yes or no.

- :mod:`~dangjian_model.identifiers.uscc`: 统一社会信用代码 (GB 32100-2015)
- :mod:`~dangjian_model.identifiers.division_code`: 行政区划代码 (GB/T 2260, GB/T 10114, 统计用区划代码)
- :mod:`~dangjian_model.identifiers.id_card`: 居民身份证号码 (GB 11643-1999)
"""

from dangjian_model.identifiers._common import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
)

__all__ = ["InvalidChecksum", "InvalidComponent", "InvalidFormat", "InvalidIdentifier", "InvalidLength"]
