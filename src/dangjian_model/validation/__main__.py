"""Write the generated rule reference: ``python -m dangjian_model.validation docs/rules.md``."""

import sys
from pathlib import Path

from dangjian_model.validation._docs import rules_markdown

if len(sys.argv) > 1:
    Path(sys.argv[1]).write_text(rules_markdown(), encoding="utf-8")
else:
    sys.stdout.write(rules_markdown())
