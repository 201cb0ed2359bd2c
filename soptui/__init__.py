"""soptui: write, check and publish SOP AP (PermenPAN-RB 35/2012) from a terminal."""

__version__ = "0.1.0"
__api_version__ = "1.0"  # of the plugin API (docs/plugins.md): MINOR on additions, MAJOR on removals

from soptui.hookspecs import hookimpl  # noqa: E402  (plugins write @soptui.hookimpl)

__all__ = ["__api_version__", "__version__", "hookimpl"]
