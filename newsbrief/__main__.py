"""``python -m newsbrief``: the command line."""

try:
    from newsbrief.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting up: exit like the CLI does, no traceback
    raise SystemExit(130) from None

raise SystemExit(main())
