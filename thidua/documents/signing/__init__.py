"""Digital signatures on the platform's PDFs (PAdES with pyHanko), docs/signing.md.

One contract, several ways to hold the key: each implementation of ``base.Signer`` lives in its
own module (``software``: a key file, for the demo and the tests; ``hsm``: PKCS#11;
``remote``: a CSC remote signing service). ``pades`` puts the visible block and the timestamped
signature on a PDF, ``validation`` checks every signed PDF that comes back, ``services`` closes
a decision with its signed original.
"""
