"""Print pip constraints pinning every dependency of the package (and the given extras) to its lower bound.

    python .ci/lowest.py test > lowest.txt && pip install -c lowest.txt -e '.[test]'

Each requirement must name a lower bound (``>=`` or ``==``), so that CI installs and tests exactly the
oldest release ``pyproject.toml`` claims to work with; a requirement without one is an error, since its
bound could not be tested. Environment markers are kept, so one file serves every Python.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$")
_LOWER = re.compile(r"(?:>=|==|~=)\s*([0-9][^,\s]*)")


def lowest(requirement: str) -> str:
    """``"attrs>=23.2"`` → ``"attrs==23.2"``; markers are kept."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise SystemExit(f"cannot read the requirement {requirement!r}")
    name, _extras, specifier, marker = match.groups()
    bound = _LOWER.search(specifier or "")
    if bound is None:
        raise SystemExit(f"{requirement!r} has no lower bound: give it one (>=) so CI can test it")
    return f"{name}=={bound.group(1)}{' ' + marker if marker else ''}"


def main(extras: list[str]) -> None:
    project = tomllib.loads(Path(__file__).parents[1].joinpath("pyproject.toml").read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        pin = lowest(requirement)
        key = pin.split("==", 1)[0].lower().replace("_", "-") + (pin.split(";", 1)[1] if ";" in pin else "")
        pins.setdefault(key, pin)
    print("\n".join(pins.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
