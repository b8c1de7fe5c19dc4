"""The HTML pages: the dashboard at / and an offline API reference at /docs.

Each has a JSON twin made from the same source: the dashboard draws only what the /api
endpoints return, and /docs is rendered from the very OpenAPI document served at
/openapi.json (FastAPI's own docs page would fetch Swagger UI from a CDN, which fails offline).
"""

from __future__ import annotations

from html import escape
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

_METHODS = ("get", "post", "put", "patch", "delete")


def static_dir() -> str:
    """The packaged static folder (HTML, CSS, JS), served at /static."""
    return str(resources.files("parley.web").joinpath("static"))


@router.get("/", response_class=HTMLResponse)
def dashboard() -> HTMLResponse:
    page = resources.files("parley.web").joinpath("static", "index.html")
    return HTMLResponse(page.read_text(encoding="utf-8"))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return HTMLResponse(render_docs(request.app.openapi()))


def render_docs(spec: dict[str, Any]) -> str:
    """A plain page listing every operation of `spec` with its parameters and responses."""
    info = spec.get("info", {})
    title = escape(info.get("title", "API"))
    sections = [
        _operation(path, method, operation)
        for path, item in spec.get("paths", {}).items()
        for method, operation in item.items()
        if method in _METHODS
    ]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · API reference</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/css/docs.css"></head>
<body><header><h1>{title} API <small>{escape(info.get("version", ""))}</small></h1>
<p>{escape(info.get("description", ""))}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> · Dashboard: <a href="/">/</a></p>
</header><main>{"".join(sections)}</main></body></html>
"""


def _operation(path: str, method: str, operation: dict[str, Any]) -> str:
    """One operation; a GET without path parameters links to itself, to try it."""
    label = escape(path)
    if method == "get" and "{" not in path:
        label = f'<a href="{escape(path)}">{label}</a>'
    locked = ' <span class="lock">bearer token</span>' if operation.get("security") else ""
    params = "".join(_parameter(p) for p in operation.get("parameters", []))
    table = (
        f"<table><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr>{params}</table>"
        if params
        else ""
    )
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    body_line = f"<p>Body: <code>{escape(_type(body['schema']))}</code></p>" if body else ""
    responses = ", ".join(
        f"<code>{escape(code)}</code> {escape(r.get('description', ''))}"
        for code, r in operation.get("responses", {}).items()
    )
    return f"""<section id="{escape(operation.get("operationId", ""))}">
<h2><span class="method {method}">{method.upper()}</span> {label}{locked}</h2>
<p class="summary">{escape(operation.get("summary", ""))}</p>
<p>{escape(operation.get("description", ""))}</p>{table}{body_line}
<p class="responses">Responses: {responses}</p></section>"""


def _parameter(parameter: dict[str, Any]) -> str:
    required = " (required)" if parameter.get("required") else ""
    schema = parameter.get("schema", {})
    default = f" = {schema['default']}" if "default" in schema else ""
    return (
        f"<tr><td><code>{escape(parameter['name'])}</code>{required}</td>"
        f"<td>{escape(parameter.get('in', ''))}</td>"
        f"<td>{escape(_type(schema) + default)}</td>"
        f"<td>{escape(parameter.get('description', ''))}</td></tr>"
    )


def _type(schema: dict[str, Any]) -> str:
    """A short human name for a JSON schema: `integer`, `CONSULT | …`, `list[DocumentIn]`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list[{_type(schema.get('items', {}))}]"
    kind = str(schema.get("type", "any"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind
