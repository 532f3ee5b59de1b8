from django.core.management.base import BaseCommand

from thidua.documents.signing.demo import (seal_demo_certificates, sign_demo_decisions,
                                           sign_demo_submissions)


class Command(BaseCommand):
    help = ("Demo: build the demo CA (no legal value), give each signer a certificate and sign "
            "every issued decision that is not signed yet, then seal the certificates of the "
            "latest signed decisions with the organisation seal (docs/signing.md).")

    def handle(self, *args, **options):
        sign_demo_decisions(self.stdout.write)
        seal_demo_certificates(self.stdout.write)
        sign_demo_submissions(self.stdout.write)
