"""`python -m corroborate`: the command line."""

from .cli import main

main()
