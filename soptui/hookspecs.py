"""The hooks soptui calls in plugins (marker and entry-point group ``soptui``).

Every hook takes one ``register`` callback and is called with keyword
arguments, so a plugin implements only the parameters it uses and new
parameters can be added later without breaking it. A plugin module marks
its implementations with :data:`hookimpl` (also exported as
``soptui.hookimpl``) and is listed under ``[project.entry-points.soptui]``
in its ``pyproject.toml``. The guide for plugin authors is docs/plugins.md.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("soptui")
hookimpl = pluggy.HookimplMarker("soptui")


@hookspec
def register_exporters(register):
    """Register output formats for ``soptui export -f NAME`` and the editor.

    Call ``register(exporter)`` once per format with a
    :class:`soptui.exporters.Exporter`: a unique ``name`` (what users type
    after ``-f``), a ``label``, a file ``suffix`` (``".md"``), the ``options``
    it accepts and a ``write(input, stream, options)`` function that writes one
    SOP to a binary stream and returns the number of pages or ``None``. Set
    ``page_options`` when the exporter draws the flowchart, and the host passes
    the computed layout in ``input.layout``. Two exporters with the same name
    are an error that names both plugins.

    :param register: callable taking one :class:`soptui.exporters.Exporter`.
    """


@hookspec
def register_checks(register):
    """Register extra checker rules, e.g. an agency's own numbering rule.

    Call ``register(code, severity, function, description="")`` once per rule.
    ``code`` is unique and not one of soptui's own codes (use a prefix of your
    own, e.g. ``X101``); ``severity`` is ``"error"`` or ``"warning"``;
    ``function(sop, report)`` is called for every checked SOP with the
    :class:`soptui.model.Sop` and a ``report(message, where="")`` callback
    that adds one finding under the rule's code, with ``message`` as the
    user reads it. ``where`` names the field, e.g. ``"identitas.nomor"`` or
    ``"langkah[3].pelaksana"`` (numbers from 1), and places the finding on
    that key's line. A rule that raises becomes one warning, never a crash.

    :param register: callable ``register(code, severity, function, description="")``.
    """


@hookspec
def register_themes(register):
    """Register themes for the editor and the printed pages.

    Call ``register(name, source)`` once per theme: ``name`` is what users
    choose, ``source`` is either a ``dict`` of theme values or a
    :class:`pathlib.Path` to a theme TOML file, with ``[tui]`` and/or
    ``[print]`` tables as docs/themes.md describes. ``soptui plugins`` and
    ``soptui themes`` list registered themes.

    :param register: callable ``register(name, source)``.
    """


@hookspec
def register_messages(register):
    """Register the plugin's interface texts in the languages soptui speaks.

    Call ``register(source)``: ``source`` is a :class:`pathlib.Path` to a
    folder holding one TOML file per language (``id.toml``, ``en.toml``) or a
    ``dict`` ``{"id": {...}, "en": {...}}``. The texts join soptui's own
    catalogue, so ``soptui.i18n.t("myplugin.key", name=...)`` gives them in
    the user's language. This hook runs before the plugin's others, so they
    can use the texts (``label=t("myplugin.label")``). A key soptui or another
    plugin already has is refused and the plugin is skipped.

    :param register: callable ``register(source)``.
    """


@hookspec
def register_signers(register):
    """Register ways to sign the official PDF for ``soptui tandatangan``.

    Call ``register(signer)`` once per back-end with a
    :class:`soptui.signing.SignerBackend`: a unique ``name`` (what users type
    after ``--penanda``), a ``label``, the ``options`` it accepts
    (``-O NAME=VALUE``) and ``sign(request)``, which gets a
    :class:`soptui.signing.SignRequest` (the PDF's bytes, the empty signature
    field with its page and rectangle, the official the SOP names, the
    options, a timestamp server URL, and ``secret(name, prompt)`` for a
    passphrase) and returns the signed PDF's bytes, or raises
    :class:`soptui.signing.SigningError` with what the user should do.
    soptui writes the result to a new file; the back-end writes nothing.
    The PKCS#12 signer (``p12``) is registered this way too.

    :param register: callable taking one :class:`soptui.signing.SignerBackend`.
    """


@hookspec
def register_commands(register):
    """Register subcommands of ``soptui``, e.g. ``soptui formulir``.

    Call ``register(command)`` once per command with a :class:`click.Command`
    (or group); its ``name`` is what users type after ``soptui``. A name
    soptui already has, or another plugin registered, is refused and the
    plugin is skipped. soptui adds ``-h`` and ``--lang`` to it and reports
    ``--quiet``/``--no-color`` as for its own commands. Import what the
    command needs inside its function: ``soptui --help`` loads every plugin
    to list their commands, and the commands are built then.

    :param register: callable taking one :class:`click.Command`.
    """
