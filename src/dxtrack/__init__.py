"""dxtrack: directives and digital-transformation plans tracked on data."""

__version__ = "0.1.0"
