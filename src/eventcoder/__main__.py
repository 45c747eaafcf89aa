"""``python -m eventcoder``: the same as the ``eventcoder`` command."""

from eventcoder.cli import main

main()
