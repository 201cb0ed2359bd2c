"""When the PDF refuses to be written, and the message the user gets."""

from __future__ import annotations

import io

import pytest
from pdf_helpers import chain, export, export_input, make_sop

import _soptui_pdf
from soptui.checks import check_loaded
from soptui.exporters import ExportError
from soptui.loader import load
from soptui.model import Signer


def _with_logo(examples, tmp_path, logo: str):
    text = examples[0].read_text(encoding="utf-8").replace("[identitas]\n", f'[identitas]\nlogo = "{logo}"\n', 1)
    path = tmp_path / "dengan-logo.sop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path) -> str:
    with pytest.raises(ExportError) as error:
        _soptui_pdf.write(export_input(path), io.BytesIO(), {})
    return str(error.value)


def test_a_missing_logo_fails_with_the_checkers_I009_message(examples, tmp_path):
    path = _with_logo(examples, tmp_path, "logo-hilang.png")
    [finding] = [f for f in check_loaded(load(path)) if f.code == "I009"]
    message = _refusal(path)
    assert finding.format_line() in message
    assert f"{path}:" in message and "logo-hilang.png" in message


def test_a_logo_that_is_not_an_image_fails(examples, tmp_path):
    (tmp_path / "logo.png").write_text("bukan gambar", encoding="utf-8")
    message = _refusal(_with_logo(examples, tmp_path, "logo.png"))
    assert "I009" in message and "PNG" in message


def test_a_logo_with_broken_image_data_fails_at_its_line(examples, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 50), (180, 20, 20)).save(tmp_path / "whole.png")
    (tmp_path / "logo.png").write_bytes((tmp_path / "whole.png").read_bytes()[:60])  # a PNG header, then nothing
    path = _with_logo(examples, tmp_path, "logo.png")
    message = _refusal(path)
    line, column = next((n, text.index('"') + 1) for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                        if text.startswith("logo ="))
    assert f"{path}:{line}:{column}: I009" in message  # where the value starts
    assert "identity=" not in message and "ImageReader" not in message


def test_a_readable_logo_is_drawn_on_the_identity_page(examples, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 50), (180, 20, 20)).save(tmp_path / "logo.png")
    pdf = export(_with_logo(examples, tmp_path, "logo.png"))
    assert len(pdf.reader.pages[0].images) == 1
    assert all(len(page.images) == 0 for page in pdf.reader.pages[1:])


@pytest.mark.parametrize("name", ["logo.png", "logo.jpg"])
def test_a_large_logo_is_scaled_down_to_what_print_needs(examples, tmp_path, name):
    from PIL import Image

    Image.new("RGB", (3000, 2400), (20, 90, 160)).save(tmp_path / name)
    pdf = export(_with_logo(examples, tmp_path, name))
    [image] = pdf.reader.pages[0].images
    assert max(image.image.size) == 512
    assert image.image.size[0] > image.image.size[1]  # the proportions kept


def test_a_step_in_an_unknown_column_fails_before_anything_is_drawn(examples, tmp_path):
    text = next(p for p in examples if p.name.startswith("surat-masuk")).read_text(encoding="utf-8")
    path = tmp_path / "salah.sop.toml"
    path.write_text(text.replace('pelaksana = "kepala"', 'pelaksana = "kepala-dinas"', 1), encoding="utf-8")
    message = _refusal(path)
    assert "S004" in message and "kepala-dinas" in message


def test_content_errors_do_not_stop_a_draft():
    """An invalid NIP is a checker error (I005), but a draft must still print for review."""
    sop = make_sop(chain(4), disahkan_oleh=Signer("Kepala Dinas", "Budi", "123"))
    pdf = export(sop)
    assert "NIP. 123" in pdf.text


def test_an_unknown_option_value_names_the_choices():
    with pytest.raises(ExportError) as error:
        export(make_sop(chain(3)), paper="A5")
    assert "A5" in str(error.value) and "F4" in str(error.value)


def test_an_unknown_theme_names_the_print_themes():
    with pytest.raises(ExportError) as error:
        export(make_sop(chain(3)), theme="pelangi")
    assert "pelangi" in str(error.value) and "resmi" in str(error.value) and "warna" in str(error.value)
