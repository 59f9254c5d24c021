"""``python -m thads`` runs the command line."""

import sys

from thads.cli import main

sys.exit(main())
