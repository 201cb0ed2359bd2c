"""Realistic random SOPs, for tests, benchmarks and plugin authors.

``generate_sop(seed)`` gives the same SOP for the same seed: 10 to 40 steps,
2 to 8 actors, decisions whose "Tidak" goes back to an earlier step or jumps
forward, Indonesian text of the length real SOPs have. Every generated SOP
passes the checker without errors, so a test can break it on purpose.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from soptui.model import Actor, Identity, Signer, Sop, Step

_ACTORS = (
    "Staf Pelaksana", "Pengadministrasi Umum", "Kepala Sub Bagian Umum", "Kepala Sub Bagian Keuangan",
    "Bendahara Pengeluaran", "Verifikator Keuangan", "Pejabat Pembuat Komitmen", "Kepala Bidang",
    "Sekretaris", "Kepala Dinas", "Analis Kepegawaian", "Operator Aplikasi", "Pemohon",
    "Arsiparis", "Pengelola Barang Milik Daerah", "Inspektur Pembantu",
)
_VERBS = (
    "Menerima", "Memeriksa", "Mencatat", "Menyusun", "Memaraf", "Menandatangani", "Menelaah",
    "Mengagendakan", "Menyampaikan", "Mengarsipkan", "Memverifikasi", "Menggandakan", "Mengunggah",
    "Membahas", "Menyiapkan", "Mendistribusikan",
)
_OBJECTS = (
    "surat permohonan", "berkas usulan", "konsep surat keputusan", "nota dinas", "dokumen pertanggungjawaban",
    "laporan hasil pemeriksaan", "daftar hadir rapat", "surat perintah membayar", "rencana kerja anggaran",
    "data kepegawaian", "lembar disposisi", "berita acara serah terima", "kuitansi pembayaran",
)
_COMPLEMENTS = (
    "", "beserta lampirannya", "sesuai ketentuan peraturan perundang-undangan",
    "dan memastikan kelengkapan persyaratan administrasi", "melalui aplikasi persuratan elektronik",
    "untuk diteruskan kepada pejabat yang berwenang", "dengan memperhatikan batas waktu pelayanan",
    "dan mencatatnya dalam buku register yang tersedia",
)
_CHECKS = (
    "Memeriksa kelengkapan dan kebenaran", "Menelaah kesesuaian", "Memverifikasi keabsahan", "Menilai kelayakan",
)
_TIMES = ("5 menit", "10 menit", "15 menit", "30 menit", "1 jam", "2 jam", "1 hari kerja", "1-2 hari kerja", "2-3 hari")
_UNITS = ("BADAN KEPEGAWAIAN DAERAH", "DINAS PENDIDIKAN DAN KEBUDAYAAN", "BADAN KEUANGAN DAERAH", "DINAS KESEHATAN",
          "INSPEKTORAT DAERAH", "DINAS KOMUNIKASI DAN INFORMATIKA")


def generate_sop(seed: int, steps: int | None = None, actors: int | None = None, decisions: float = 0.2) -> Sop:
    """A valid SOP, the same for the same arguments; ``decisions`` is the
    share of steps that are decisions (each a loop back or a jump ahead)."""
    rng = random.Random(seed)
    step_count = steps if steps is not None else rng.randint(10, 40)
    actor_count = actors if actors is not None else rng.randint(2, 8)
    names = rng.sample(_ACTORS, min(actor_count, len(_ACTORS)))
    names += [f"Pelaksana Tambahan {n}" for n in range(len(names) + 1, actor_count + 1)]
    people = tuple(Actor(id=f"p{n + 1}", nama=name) for n, name in enumerate(names))
    return Sop(
        identitas=_identity(rng, seed),
        pelaksana=people,
        langkah=tuple(_steps(rng, step_count, [actor.id for actor in people], decisions)),
    )


def write_library(folder: str | Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` generated SOPs under ``folder``, spread over unit folders."""
    from soptui.store import render

    folder = Path(folder)
    paths = []
    for number in range(count):
        unit = folder / f"unit-{number % 5 + 1}"
        unit.mkdir(parents=True, exist_ok=True)
        path = unit / f"sop-{number + 1:04d}.sop.toml"
        path.write_bytes(render(generate_sop(seed * 100_003 + number), None))
        paths.append(path)
    return paths


def _identity(rng: random.Random, seed: int) -> Identity:
    made = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 700))
    subject = rng.choice(_OBJECTS)
    return Identity(
        nama=f"Pengelolaan {subject.title()} {rng.choice(('Dinas', 'Pegawai', 'Daerah', 'Instansi'))}",
        nomor=f"{rng.randint(100, 999)}/{seed:05d}/{rng.choice(('BKD', 'SETDA', 'DISDIK', 'BKAD'))}/{made.year}",
        instansi=("PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", rng.choice(_UNITS), "SEKRETARIAT"),
        tanggal_pembuatan=made,
        tanggal_efektif=made + dt.timedelta(days=14),
        dasar_hukum=("Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
                     f"Peraturan Gubernur Nomor {rng.randint(1, 80)} Tahun {made.year - 1} tentang Tata Naskah Dinas"),
        kualifikasi_pelaksana=("Memahami tata naskah dinas", "Mampu mengoperasikan komputer"),
        peralatan=("Komputer dan printer", "Buku register", "Alat tulis kantor"),
        peringatan=("Apabila SOP ini tidak dilaksanakan, pelayanan akan terlambat",),
        pencatatan=("Buku register", "Arsip digital"),
        disahkan_oleh=Signer(jabatan="Kepala Badan", nama="Drs. Maria Goreti, M.Si.", nip="197203121998032004"),
    )


def _steps(rng: random.Random, count: int, actor_ids: list[str], decisions: float) -> list[Step]:
    unused = list(actor_ids)
    rng.shuffle(unused)
    steps = []
    for index in range(count):
        actor = unused.pop() if unused and (rng.random() < 0.6 or count - index <= len(unused)) else rng.choice(actor_ids)
        is_decision = 1 <= index <= count - 3 and rng.random() < decisions
        step = Step(
            id=f"l{index + 1:03d}",
            kegiatan=_activity(rng, is_decision),
            pelaksana=actor,
            kelengkapan=rng.choice(_OBJECTS).capitalize() if rng.random() < 0.8 else "",
            waktu=rng.choice(_TIMES),
            output=f"{rng.choice(_OBJECTS).capitalize()} {rng.choice(('terverifikasi', 'tersusun', 'ditandatangani', 'terkirim'))}",
            keterangan=rng.choice(("", "", "Dilaksanakan pada hari kerja", "Tembusan kepada atasan langsung")),
        )
        if is_decision:
            step = _branch(rng, step, index, count)
        steps.append(step)
    return steps


def _branch(rng: random.Random, step: Step, index: int, count: int) -> Step:
    """Make ``step`` a decision going back to an earlier step or jumping ahead."""
    if rng.random() < 0.7:
        target = rng.randint(max(0, index - 6), index - 1) if index > 0 else index + 2
        labels: tuple[str | None, str | None] = ("Sesuai", "Perbaiki") if rng.random() < 0.5 else (None, None)
    else:
        target = rng.randint(index + 2, min(count - 1, index + 6))
        labels = (None, "Ditolak")
    return Step(**{**step.__dict__, "simbol": "keputusan", "tidak": f"l{target + 1:03d}",
                   "label_ya": labels[0], "label_tidak": labels[1]})


def _activity(rng: random.Random, is_decision: bool) -> str:
    if is_decision:
        return f"{rng.choice(_CHECKS)} {rng.choice(_OBJECTS)} {rng.choice(_COMPLEMENTS)}".strip()
    return f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_COMPLEMENTS)}".strip()
