"""``python -m newsbrief``: the command line."""

from newsbrief.cli import main

raise SystemExit(main())
