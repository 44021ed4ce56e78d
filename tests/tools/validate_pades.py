"""Validate the PAdES signature of a PDF with pyHanko, trusting the given certificate.

Usage: validate_pades.py CERT.pem FILE.pdf
Prints pyHanko's report; exits 0 when the signature is intact, valid and trusted, 1 otherwise.
"""
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def main() -> int:
    cert = load_cert_from_pemder(sys.argv[1])
    context = ValidationContext(trust_roots=[cert])
    with open(sys.argv[2], "rb") as f:
        reader = PdfFileReader(f)
        if not reader.embedded_signatures:
            print("no signature")
            return 1
        status = validate_pdf_signature(reader.embedded_signatures[0], context)
        print(status.pretty_print_details())
        print("SUBFILTER", reader.embedded_signatures[0].sig_object.get("/SubFilter"))
        return 0 if status.bottom_line else 1


if __name__ == "__main__":
    sys.exit(main())
