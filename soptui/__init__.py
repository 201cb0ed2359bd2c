"""soptui: write, check and publish SOP AP (PermenPAN-RB 35/2012) from a terminal."""

__version__ = "0.1.0"

from soptui.hookspecs import hookimpl  # noqa: E402  (plugins write @soptui.hookimpl)

__all__ = ["__version__", "hookimpl"]
