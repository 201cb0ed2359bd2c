"""The static site of a library (``soptui situs``): an index and one page per SOP.

``build_site(library, out_dir)`` writes plain files that any web server, and
a browser opening them from ``file://``, can show with no external request.
Pages are written by :mod:`soptui.site.pages`; the build (incremental,
atomic, in parallel) is :mod:`soptui.site.build`. See docs/web.md.
"""

from soptui.site.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]
