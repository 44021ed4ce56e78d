#!/usr/bin/env python3
"""Compare Reclam's 10,000-complaint register extract (PDF) with LibreOffice converting the same
rows from CSV to PDF (`soffice --headless --convert-to pdf`, one run).

Builds a demo register of 10,000 complaints with `reclam demo`, then times
`reclam extract --format pdf` and `--format csv` (whole processes), and LibreOffice Calc
converting that CSV (`;` separator, UTF-8) to PDF. Usage:
python3 benches/libreoffice_extract.py [path/to/reclam]   (needs libreoffice-calc)
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

RECLAM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/reclam/target")), "release", "reclam")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
COUNT = 10_000

def main():
    if not SOFFICE:
        sys.exit("libreoffice is not installed (apt-get install libreoffice-calc-nogui)")
    work = tempfile.mkdtemp(prefix="reclam-lo-extract-")
    env = dict(os.environ, RECLAM_DB=os.path.join(work, "r.db"), RECLAM_USER="Claire Martin", HOME=work)
    subprocess.run([RECLAM, "demo", "--count", str(COUNT)], env=env, check=True, capture_output=True)
    period = ["--from", "2000-01-01", "--to", "2100-12-31"]
    def reclam(fmt, out):
        t = time.perf_counter()
        subprocess.run([RECLAM, "extract", *period, "--format", fmt, "--out", out], env=env, check=True,
                       capture_output=True)
        return time.perf_counter() - t
    pdf, csv = os.path.join(work, "registre.pdf"), os.path.join(work, "registre.csv")
    ours = statistics.median(reclam("pdf", pdf) for _ in range(5))
    reclam("csv", csv)
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = next(l.split()[-1] for l in pages.splitlines() if l.startswith("Pages"))
    lo = lambda: subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{work}/lo-profile",
                                 "--infilter=CSV:59,34,76,1", "--convert-to", "pdf", "--outdir",
                                 os.path.join(work, "lo"), csv], env=env, check=True, capture_output=True)
    lo()  # creates the profile
    t = time.perf_counter(); lo(); theirs = time.perf_counter() - t
    lo_pages = subprocess.run(["pdfinfo", os.path.join(work, "lo", "registre.pdf")], capture_output=True,
                              text=True).stdout
    lo_pages = next(l.split()[-1] for l in lo_pages.splitlines() if l.startswith("Pages"))
    print(f"reclam extract --format pdf, {COUNT} complaints (process), median of 5: {ours:.2f} s, {pages} pages, "
          f"{os.path.getsize(pdf) / 1e6:.1f} MB")
    print(f"libreoffice CSV -> PDF, same rows, one run: {theirs:.2f} s, {lo_pages} pages  ({theirs / ours:.1f}x)")

if __name__ == "__main__":
    main()
