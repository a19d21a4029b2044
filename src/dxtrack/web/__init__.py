"""Page infrastructure only: the page session and CSRF (`security.py`), the Jinja2 environment
(`templating.py`), navigation (`nav.py`), the URL parameters of a view (`params.py`) and page
errors (`errors.py`).

The pages themselves live in their domains (`tasks/pages.py`, `documents/pages.py`,
`dashboard/pages.py`, ...); `app.py` registers every router. Handlers are thin: parse the
request, call the domain's service or query function, render `templates/<domain>/<page>.html`
(HTMX requests get the `_partial.html` fragment).
"""
