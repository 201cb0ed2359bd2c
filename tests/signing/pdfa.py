"""PDF/A validation for the tests: the strongest validators that install here.

1. Apache PDFBox Preflight (Debian ``libpdfbox2-java``, run on Java 17): an
   independent validator of ISO 19005-1 (PDF/A-1b) written against the
   standard, not against our code: file structure, fonts embedded and their
   widths, colour spaces against the output intent, XMP syntax and its
   agreement with the document information dictionary, annotations and
   forms, actions. PDF/A-3 is PDF/A-1 with a few restrictions lifted, so
   its findings must be empty but for exactly those (``PDFA3_ALLOWS``).
2. :func:`soptui.archival.conformance.problems`: pikepdf's PDF/A-3b allowlist
   validator plus the ISO 19005-3 rules (forms 6.3/6.4, embedded files 6.8)
   pikepdf leaves unchecked.

veraPDF, the reference validator, is not packaged for PyPI, Debian or npm.
A missing Java or PDFBox fails the test; it is never a skip (docs/signing.md).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

JARS = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api")
JAVA_DIR = Path("/usr/share/java")

#: Preflight's PDF/A-1 codes for what ISO 19005-3 permits: embedded files
#: (as associated files), cross-reference streams (PDF/A-2 on) and
#: ``pdfaid:part`` 3 instead of 1.
PDFA3_ALLOWS = {
    "1.4.7": "EmbeddedFile entry is present in the Names dictionary",
    "1.2.9": "EmbeddedFile entry is present in a FileSpecification dictionary",
    "1.4": "/XRef cross reference streams are not allowed",
    "7.11.2": "part must be 1",
}
_LINE = re.compile(r"^(\d+(?:\.\d+)*) : (.*)$")


def preflight(path: Path) -> list[str]:
    """Preflight's findings for ``path`` that PDF/A-3b does not excuse."""
    java = shutil.which("java")
    assert java, "Java is needed for PDFBox Preflight: apt-get install default-jre-headless"
    missing = [jar for jar in JARS if not (JAVA_DIR / f"{jar}.jar").exists()]
    assert not missing, f"missing {missing}: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java"
    classpath = ":".join(str(JAVA_DIR / f"{jar}.jar") for jar in JARS)
    result = subprocess.run([java, "-cp", classpath, "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert "is a valid PDF/A-1b file" in output or "is not a valid PDF/A-1b file" in output, output
    found = []
    for line in output.splitlines():
        match = _LINE.match(line.strip())
        if match and not (match[1] in PDFA3_ALLOWS and PDFA3_ALLOWS[match[1]] in match[2]):
            found.append(line.strip())
    return found


def pdfa_problems(path: Path) -> list[str]:
    """Everything both validators find wrong with ``path`` as PDF/A-3b."""
    from soptui.archival.conformance import problems

    return problems(path.read_bytes()) + preflight(path)
