#!/usr/bin/env python
"""The organisation seal in bulk: can one decision's 1,000 certificates be sealed in a minute?

What it builds (as ``bench/documents.py``): a Huế alliance decision over ``--certificates``
people, made and issued through ``create_decision`` / ``issue_decision``; the demo CA; a SoftHSM2
token in the run's own folder holding the alliance's seal key (made inside the token), named
in settings as production names its HSM (``THIDUA_SEAL_PKCS11_MODULE``, token and key labels,
PIN from ``THIDUA_SEAL_PIN``).

What it measures (wall-clock in this process, warm imports):
  * ``seal``: PAdES B-T signatures with the seal through PKCS#11 over the already rendered
    certificates (visible block, timestamp), one per certificate      target < 60 s
  * ``job``: the whole background job ``seal_certificates`` as a user starts it — render each
    certificate, seal it, check it with pyHanko, store it — for the record
and checks the results: every certificate stored once, a sample validated.

    .venv/bin/python bench/seal.py                      # 1,000 certificates
    .venv/bin/python bench/seal.py --certificates 100
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from documents import build, prepare, timed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--certificates", type=int, default=1000, help="certificates sealed")
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL URL (name containing 'bench'); default: temporary SQLite")
    parser.add_argument("--skip-job", action="store_true", help="measure the signing only")
    return parser.parse_args()


def measured(label, call):
    """``timed`` without a target: the steps around the seal, for the record."""
    start = time.perf_counter()
    result = call()
    print(f"{label:<52} {time.perf_counter() - start:7.2f} s")
    return result


def seal_in_token(workdir, issuer):
    """The demo CA, and the issuer's seal key made in a SoftHSM2 token named in settings."""
    from django.conf import settings

    from thidua.documents.signing import config, demo_hsm

    module = demo_hsm.softhsm_module()
    if module is None:
        sys.exit("SoftHSM2 is not installed: apt-get install softhsm2")
    ca = config.install_demo_ca()
    demo_hsm.DemoToken(workdir / "softhsm", module).prepare().seal(ca, issuer)
    settings.THIDUA_SEAL_PKCS11_MODULE = module
    settings.THIDUA_SEAL_TOKEN_LABEL = demo_hsm.DEVICE_LABEL
    settings.THIDUA_SEAL_KEY_LABEL = "seal-{code}"
    os.environ["THIDUA_SEAL_PIN"] = demo_hsm.PIN


def main():
    args = arguments()
    workdir = Path(tempfile.mkdtemp(prefix="thidua-bench-seal-"))
    os.environ["THIDUA_SIGNING_DIR"] = str(workdir / "signing")
    try:
        prepare(args, workdir)
        from thidua.core.models import Job
        from thidua.documents import certificates
        from thidua.documents.models import SealedCertificate
        from thidua.documents.signing import config, pades, sealing, validation

        start = time.perf_counter()
        (_small, decision), signer = build(1, args.certificates)
        print(f"built {args.certificates} awards in {time.perf_counter() - start:.1f} s")
        seal_in_token(workdir, decision.issuer)
        awards = list(certificates.decision_awards(decision))
        rendered = measured(f"render {len(awards)} certificates (one PDF each)",
                            lambda: [certificates.certificate_pdf(award) for award in awards])
        sealer = sealing.organisation_seal(decision.issuer)
        timestamper, places = config.timestamper(), sealing.SealPlaces(sealing.seal_block(decision))
        cpu = time.process_time()
        sealed, seconds = timed(f"seal {len(awards)} certificates (PKCS#11, SoftHSM2)", 60,
                                lambda: [pades.sign_pdf(pdf, sealer, places.block, timestamper,
                                                        seal=True, place=places.on(award, pdf))
                                         for award, pdf in zip(awards, rendered)])
        cpu = time.process_time() - cpu
        print(f"  {1000 * seconds / len(sealed):.1f} ms a certificate "
              f"({1000 * cpu / len(sealed):.1f} ms of this process's CPU; load average "
              f"{os.getloadavg()[0]:.2f})")
        check = measured(f"check {len(awards)} sealed certificates (pyHanko)",
                         lambda: [validation.check_pdf(data) for data in sealed])
        assert all(one.ok for one in check), {one.reason for one in check}
        sealer.close()
        if args.skip_job:
            return
        job = measured(f"job: render, seal, check, store {len(awards)} certificates",
                       lambda: sealing.seal_certificates(signer, decision))
        job.refresh_from_db()
        assert job.status == Job.Status.DONE, job.error
        rows = SealedCertificate.objects.filter(award__decision=decision)
        assert rows.count() == len(awards), rows.count()
        sample = list(rows.order_by("?")[:10])
        for row in sample:
            with row.file.open("rb") as handle:
                assert validation.check_pdf(handle.read()).ok
        print(f"  {rows.count()} stored, {len(sample)} read back and validated")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
