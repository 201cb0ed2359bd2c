"""The JSON interchange format: the export document, its schema, and reading it back.

Core, because core commands need it (``soptui import``, ``soptui schema
--export json``) and core never imports a plugin; the JSON exporter
(``_soptui_json``) writes the document built here. docs/json.md describes it.
"""
