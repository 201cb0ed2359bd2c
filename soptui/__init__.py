"""soptui: write, check and publish SOP AP (PermenPAN-RB 35/2012) from a terminal."""

__version__ = "0.1.0"
__api_version__ = "1.0"  # of the plugin API (docs/plugins.md): MINOR on additions, MAJOR on removals

__all__ = ["__api_version__", "__version__", "hookimpl"]


def __getattr__(name: str):
    """``soptui.hookimpl`` (plugins write ``@soptui.hookimpl``), imported when first asked for:
    importing the package stays instant, so the command starts fast and Ctrl+C at its start is
    caught by :func:`soptui.__main__.main`."""
    if name == "hookimpl":
        from soptui.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'soptui' has no attribute {name!r}")
