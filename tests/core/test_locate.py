"""Findings point at the value itself: its column, and each list item on its own line."""

from __future__ import annotations

from soptui.locate import Locator

TEXT = '''format = 1
[identitas]
nama =   "Pengelolaan Surat Masuk"
keterkaitan = [
  "SOP A",   # a comment, with [brackets], "quotes" and, commas
  'SOP "B"',
]
dasar_hukum = ["a, b", "c ] d"]
disahkan_oleh = { nama = "X, Y", nip = "1" }
catatan = """
nama = 3
"""
[[langkah]]
id = "a"
kegiatan = "b"
[[langkah]]
id = "c"
'''


def test_a_value_is_found_where_it_starts():
    positions = Locator(TEXT)
    assert positions.find(("identitas", "nama")) == (3, 10)
    assert positions.find(("langkah", 1, "id")) == (17, 6)
    assert positions.find(("identitas", "catatan")) == (10, 11)
    assert positions.find(("identitas", "tidak_ada")) == (2, 1)  # the table, when the key is not written


def test_each_list_item_is_found_at_its_own_line_and_column():
    positions = Locator(TEXT)
    assert positions.find(("identitas", "keterkaitan", 0)) == (5, 3)
    assert positions.find(("identitas", "keterkaitan", 1)) == (6, 3)
    assert positions.find(("identitas", "dasar_hukum", 1)) == (8, 24)  # after a comma inside a string
    assert positions.find(("identitas", "disahkan_oleh", "nip")) == (9, 40)


def test_a_multiline_string_hides_what_looks_like_keys():
    assert Locator(TEXT).find(("nama",)) == (1, 1)  # `nama = 3` inside the string is text, not a key


def test_an_unterminated_array_ends_the_scan_without_error():
    positions = Locator('a = [\n  "x",\n  "y"\n')
    assert positions.find(("a", 1)) == (3, 3)


def test_questions_asked_in_any_order_get_the_same_answers():
    """The text is read only as far as each question needs: an earlier key asked after a later one, a key
    that is not written (its table, after reading to the end) and a key written twice (its first place)."""
    paths = [("langkah", 1, "id"), ("identitas", "nama"), ("identitas", "keterkaitan", 1), ("langkah", 0, "x"),
             ("identitas", "disahkan_oleh", "nip")]
    forward, backward = Locator(TEXT), Locator(TEXT)
    assert [forward.find(path) for path in paths] == [backward.find(path) for path in reversed(paths)][::-1]
    assert Locator("a = 1\nb = 2\na = 3\n").find(("a",)) == (1, 5)


def test_a_key_near_the_top_is_found_without_reading_the_rest():
    locator = Locator(TEXT)
    locator.find(("identitas", "nama"))
    assert ("langkah", 0) not in locator.positions
