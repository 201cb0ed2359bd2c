"""L rules, across a library: numbers that clash, links that lead nowhere."""

from __future__ import annotations

from collections import defaultdict

from soptui.checks import RULES
from soptui.diagnostics import Finding
from soptui.loader import Loaded
from soptui.locate import Reporter


def check_library(loaded: list[Loaded]) -> list[Finding]:
    """Findings that only show when the SOPs of a folder are read together."""
    sops = [item for item in loaded if item.sop is not None and item.source is not None]
    reporters = {id(item): Reporter(str(item.path), item.source.text) for item in sops}
    by_number: dict[str, list[Loaded]] = defaultdict(list)
    names: set[str] = set()
    for item in sops:
        identity = item.sop.identitas
        if identity.nomor.strip():
            by_number[_normal(identity.nomor)].append(item)
            names.add(_normal(identity.nomor))
        names.add(_normal(identity.nama))
    for same in by_number.values():
        for item in same if len(same) > 1 else ():
            others = ", ".join(str(other.path) for other in same if other is not item)
            reporters[id(item)].report("L001", RULES["L001"].severity, ("identitas", "nomor"), value=item.sop.identitas.nomor, others=others)
    for item in sops:
        for index, link in enumerate(item.sop.identitas.keterkaitan):
            if _normal(link) not in names and _normal(_without_prefix(link)) not in names:
                reporters[id(item)].report("L002", RULES["L002"].severity, ("identitas", "keterkaitan", index), value=link)
    return [finding for reporter in reporters.values() for finding in reporter.findings]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _without_prefix(link: str) -> str:
    """``"SOP Pengelolaan Surat Masuk"`` names the SOP ``Pengelolaan Surat Masuk``."""
    words = link.split(maxsplit=1)
    return words[1] if len(words) == 2 and words[0].casefold() == "sop" else link
