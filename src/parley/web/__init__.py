"""The web layer: a FastAPI app over one store (`create_app`) and the server (`serve`).

The only package that imports a web framework; it calls the same library functions as the
command line, so the dashboard and `parley query` agree.
"""

from parley.web.app import create_app
from parley.web.server import serve
from parley.web.settings import Settings

__all__ = ["Settings", "create_app", "serve"]
