"""One module per ``soptui`` subcommand; each imports its heavy parts lazily."""

#: Every subcommand and where it lives, imported only when it runs (or help lists it):
#: ``soptui check FILE`` loads the checker, never the signing or site code.
COMMANDS = {
    "edit": "soptui.commands.edit:edit",
    "check": "soptui.commands.check:check",
    "new": "soptui.commands.new:new",
    "schema": "soptui.commands.schema:schema",
    "monev": "soptui.commands.monev:monev",
    "diff": "soptui.commands.diff:diff",
    "katalog": "soptui.commands.katalog:katalog",
    "export": "soptui.commands.export:export",
    "plugins": "soptui.commands.plugins:plugins",
    "plugin": "soptui.commands.plugin_template:plugin",
    "import": "soptui.commands.import_:import_",
    "themes": "soptui.commands.themes:themes",
    "layout": "soptui.commands.layout:layout",
    "situs": "soptui.commands.situs:situs",
    "serve": "soptui.commands.serve:serve",
    "tandatangan": "soptui.commands.tandatangan:tandatangan",  # signing (docs/signing.md)
    "verifikasi": "soptui.commands.verifikasi:verifikasi",
}
