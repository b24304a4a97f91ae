"""Figures the suite prints at the end (see ``tests/conftest.py``)."""

#: Hypothesis examples run by the fuzz tests (each call of a fuzz test body).
EXAMPLES_RUN = 0
#: Inputs fed to entry points (an example may feed several).
INPUTS_TRIED = 0


def example() -> None:
    """Count one Hypothesis example."""
    global EXAMPLES_RUN
    EXAMPLES_RUN += 1
