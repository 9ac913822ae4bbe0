"""``python -m scanner.cli``: the same as the ``govgate`` command."""

from scanner.cli.main import main

main()
