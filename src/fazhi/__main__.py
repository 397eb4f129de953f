"""`python -m fazhi …` is the `fazhi` command."""

import sys

from fazhi.cli import main

sys.exit(main())
