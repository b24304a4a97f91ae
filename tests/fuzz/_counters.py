"""Figures the suite prints at the end (see ``tests/conftest.py``)."""

#: Hypothesis examples run by the fuzz tests (each call of a fuzz test body).
EXAMPLES_RUN = 0
#: Inputs fed to entry points (an example may feed several).
INPUTS_TRIED = 0
#: Inputs tried per attack (YAML tags, error-path cost, threads …), printed one line each.
BY_TARGET: dict[str, int] = {}


def example() -> None:
    """Count one Hypothesis example."""
    global EXAMPLES_RUN
    EXAMPLES_RUN += 1


def tried(target: str, inputs: int = 1) -> None:
    """Count ``inputs`` fed by the attack ``target`` (they count in :data:`INPUTS_TRIED` too)."""
    global INPUTS_TRIED
    INPUTS_TRIED += inputs
    BY_TARGET[target] = BY_TARGET.get(target, 0) + inputs
