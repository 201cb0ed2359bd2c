"""Planning a batch: every output lies under the output folder, mirroring its source."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soptui.batch import output_stem, plan
from soptui.library import find_sop_files

NAME = st.text(alphabet="abcz019 ._-éü", min_size=1, max_size=12).filter(
    lambda name: name.strip(".") and not name.startswith(".") and name not in NOT_NAMES
)
NOT_NAMES = {"dokumen", "pyproject"}
FOLDER = st.text(alphabet="abz09 _-é", min_size=1, max_size=8)  # no dot: never the name of a file
TREE = st.lists(st.tuples(st.lists(FOLDER, max_size=3), NAME), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=TREE)
def test_outputs_mirror_their_sources_under_the_output_folder(tree, tmp_path_factory):
    root = tmp_path_factory.mktemp("plan")
    library, out = root / "sop", root / "dist"
    for folders, name in tree:
        folder = library.joinpath(*folders)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.sop.toml").write_text("format = 1\n", encoding="utf-8")
    jobs, refused = plan(find_sop_files([library]), {"json": ".json", "pdf": ".pdf"}, out)
    assert not refused  # distinct files in distinct places never collide
    assert len(jobs) == len({os.path.normcase(str(library.joinpath(*f) / n)) for f, n in tree})
    for job in jobs:
        relative = job.source.parent.relative_to(library)
        for target in job.targets:
            assert target.path.resolve().is_relative_to(out.resolve())
            assert target.path == out / relative / f"{output_stem(job.source)}{Path(target.path).suffix}"
            assert target.path.suffix in (".json", ".pdf")


def test_output_stem_takes_the_file_name_only():
    assert output_stem(Path("a/surat-masuk.sop.toml")) == "surat-masuk"
    assert output_stem(Path("cuti.toml")) == "cuti"
    assert output_stem(Path(".sop.toml")) == ".sop"
