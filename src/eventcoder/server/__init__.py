"""The HTTP API and the dashboard: ``eventcoder serve`` (docs/server.md).

``app.py`` builds the FastAPI app; ``static/`` holds the dashboard's page, script and styles,
served as they are (no build step).
"""

from eventcoder.server.app import LOOPBACK, TOKEN_ENV, Limits, check_bind, create_app

__all__ = ["LOOPBACK", "TOKEN_ENV", "Limits", "check_bind", "create_app"]
