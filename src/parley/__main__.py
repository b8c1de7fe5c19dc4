"""`python -m parley` is the `parley` command."""

from parley.cli.app import main

main()
