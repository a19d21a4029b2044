"""Server-rendered pages (Jinja2 + HTMX): routers, context processors, template helpers.

Handlers are thin: parse the request, call the domain's service or query function, render
`templates/<domain>/<page>.html` (HTMX requests get the `_partial.html` fragment).
"""
