"""Hypothesis profiles and the figures the suite prints at the end.

Profiles: ``dev`` for a quick local run, ``ci`` (the default under CI=true) for a thorough one,
``fuzz`` for the long fuzz run outside the normal suite::

    python -m pytest tests/fuzz -p no:cacheprovider --hypothesis-profile=fuzz
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz import _counters

#: A whole registry is one example: large by design, so Hypothesis' size check (a warning about how
#: examples are generated, which older releases raise sooner) is not a failure of the library.
_LARGE = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=_LARGE)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=_LARGE, print_blob=True
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how hard the fuzz tests tried (coverage is printed by pytest-cov)."""
    if _counters.EXAMPLES_RUN or _counters.INPUTS_TRIED:
        terminalreporter.write_sep("-", "fuzz figures")
        terminalreporter.write_line(
            f"fuzz: {_counters.EXAMPLES_RUN} Hypothesis examples run, "
            f"{_counters.INPUTS_TRIED} inputs tried on the entry points "
            f"(profile {terminalreporter.config.getoption('hypothesis_profile', None) or PROFILE})"
        )
        for target, inputs in sorted(_counters.BY_TARGET.items()):
            terminalreporter.write_line(f"  {target}: {inputs} inputs")
