"""``python -m dangjian_model``: the ``dangjian`` command."""

import sys

from dangjian_model.cli import main

sys.exit(main())
