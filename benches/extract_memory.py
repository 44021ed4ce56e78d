#!/usr/bin/env python3
"""Wall time and peak memory (RSS, from `/usr/bin/time -v`) of `reclam extract --format pdf` as a
whole process, on a demo register of COUNT complaints, and optionally of LibreOffice Calc
converting the same rows from CSV to PDF. Medians of RUNS (and LO_RUNS) runs.

Usage: python3 benches/extract_memory.py path/to/reclam [COUNT=10000] [RUNS=5] [LO_RUNS=0]
(`make bench-extract-memory` runs it on 100,000 complaints: the PDF is written page after page,
so the peak must stay far below the register's size.)
"""
import os, re, statistics, subprocess, sys, tempfile, time

RECLAM = sys.argv[1]
ARGS = sys.argv[2:] + ["10000", "5", "0"][len(sys.argv[2:]):]
COUNT, RUNS, LO_RUNS = (int(a) for a in ARGS[:3])
work = tempfile.mkdtemp(prefix=f"reclam-bench-{COUNT}-")
env = dict(os.environ, RECLAM_DB=os.path.join(work, "r.db"), RECLAM_USER="Claire Martin", HOME=work)
subprocess.run([RECLAM, "demo", "--count", str(COUNT)], env=env, check=True, capture_output=True)
period = ["--from", "2000-01-01", "--to", "2100-12-31"]
def timed(args):
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *args], env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    return wall, rss
pdf, csv = os.path.join(work, "registre.pdf"), os.path.join(work, "registre.csv")
ours = [timed([RECLAM, "extract", *period, "--format", "pdf", "--out", pdf]) for _ in range(RUNS)]
pages = next(l.split()[-1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages"))
print(f"reclam pdf {COUNT}: median {statistics.median(w for w, _ in ours):.3f} s, runs {[round(w,3) for w,_ in ours]}, "
      f"peak RSS median {statistics.median(r for _, r in ours):.1f} MiB, {pages} pages, {os.path.getsize(pdf)/1e6:.1f} MB")
if LO_RUNS:
    subprocess.run([RECLAM, "extract", *period, "--format", "csv", "--out", csv], env=env, check=True, capture_output=True)
    lo = lambda: timed(["soffice", "--headless", f"-env:UserInstallation=file://{work}/lo-profile",
                        "--infilter=CSV:59,34,76,1", "--convert-to", "pdf", "--outdir", os.path.join(work, "lo"), csv])
    lo()
    theirs = [lo() for _ in range(LO_RUNS)]
    m = statistics.median(w for w, _ in theirs)
    print(f"libreoffice csv->pdf {COUNT}: median {m:.3f} s, runs {[round(w,3) for w,_ in theirs]}, "
          f"peak RSS median {statistics.median(r for _, r in theirs):.1f} MiB; ratio {m / statistics.median(w for w, _ in ours):.1f}x")
