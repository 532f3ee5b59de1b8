"""An offline PKI for the signing tests: the demo CA under the test's own signing folder, its
root trusted and CRL published, certificates issued to users and recorded on their accounts."""
import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from thidua.documents.signing import config
from thidua.documents.signing import services as signing_services


class Pki:
    def __init__(self, directory, settings):
        settings.THIDUA_SIGNING_DIR = directory
        settings.THIDUA_TSA_URL = ""
        self.ca = config.install_demo_ca()

    def enrol(self, user, name, **validity):
        cert = self.ca.issue(user, name, **validity)
        signing_services.register_certificate(user, cert)
        return cert

    def revoke(self, cert):
        self.ca.revoke(cert)
        config.trust_crl(self.ca.crl_path)


def tampered(data):
    """An incremental update after the signature that draws over page 1."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 400 200 50 re f")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
