"""Files NetWise reads at run time (icons, stylesheets), found with importlib.resources.

This folder is installed as the package ``desktop_app.resources``.
"""
