"""--tsa: a PAdES B-T signature with a timestamp from an RFC 3161 server (one on 127.0.0.1)."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading

import pytest

from tests.signing.conftest import PASSPHRASE, issue, soptui

FIXED = dt.datetime(2026, 3, 17, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def timestamp_server(credentials):
    """A timestamp authority issued by the test CA, answering on 127.0.0.1 until the test ends."""
    from asn1crypto import tsp
    from cryptography.x509.oid import ExtendedKeyUsageOID
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    cert, key = issue(credentials, "TSA Uji soptui", [ExtendedKeyUsageOID.TIME_STAMPING])
    authority = DummyTimeStamper(cert, key, fixed_dt=FIXED)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = authority.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_timestamped_signature_reports_the_authority_time(ready, credentials, timestamp_server):
    pdf, _ = ready
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, "--tsa", timestamp_server,
                    env={"SOPTUI_SANDI": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    verified = soptui("verifikasi", pdf.with_name("pengajuan-cuti.ttd.pdf"), "--akar", credentials.root,
                      "--tanpa-sistem", "--json")
    report = json.loads(verified.stdout)
    assert verified.returncode == 0, report
    signature = report["signatures"][0]
    assert signature["timestamped"] and dt.datetime.fromisoformat(signature["signed_at"]) == FIXED


def test_an_unreachable_timestamp_server_fails_and_writes_nothing(ready, credentials):
    pdf, _ = ready
    result = soptui("tandatangan", pdf, "--p12", credentials.p12, "--tsa", "http://127.0.0.1:9/",
                    env={"SOPTUI_SANDI": PASSPHRASE})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert not pdf.with_name("pengajuan-cuti.ttd.pdf").exists()
