#!/usr/bin/env python3
"""Compare Reclam's letter PDF with LibreOffice converting the same letter.

Builds a register with one answered complaint (partial, with a gesture and the recourse notice),
asks `reclam letter --json` for the composed letter, writes it as a flat ODF text document
(.fodt, the same blocks and similar styling), and times:
  - `reclam letter` (one process: open the register, compose, lay out, write the PDF), N runs;
  - `soffice --headless --convert-to pdf` on that .fodt, one run (a cold start, as a user or a
    script would call it), and on 1,000 copies (in runs of 200: LibreOffice 7.4 stops silently after about 250
files in one run).
The in-process figure (no process start) comes from `cargo bench --bench letters`.

Usage: python3 benches/libreoffice_letters.py [path/to/reclam]   (needs libreoffice-writer)
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time
from xml.sax.saxutils import escape

RECLAM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/reclam/target")), "release", "reclam")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
COPIES = 1000

def run(args, env, stdin=None):
    return subprocess.run(args, env=env, input=stdin, capture_output=True, text=True, check=True)

def fodt(letter):
    p = lambda text, style="Body": f'<text:p text:style-name="{style}">{escape(text)}</text:p>'
    lines = [p(letter["firmName"], "Firm")] + [p(l, "Small") for l in letter["firmLines"]]
    lines += [p(l, "Recipient") for l in letter["recipient"]]
    lines += [p(letter["placeDate"], "Right")]
    lines += [p(f"{k} : {v}", "Small") for k, v in letter["references"]]
    lines += [p("Objet : " + letter["subject"], "Bold"), p(letter["salutation"])]
    for block in letter["body"]:
        if block["type"] == "paragraph":
            lines.append(p(block["text"]))
        else:
            lines.append(p(block["title"], "Bold"))
            lines += [p(t, "Notice") for t in block["paragraphs"]]
    lines += [p(letter["closing"]), p(letter["signatoryName"], "SignBold"), p(letter["signatoryTitle"], "Sign")]
    lines += [p(f, "Footer") for f in letter["footer"]]
    body = "\n".join(lines)
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="DejaVu Sans"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="2.5mm"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10.5pt"/></style:style>
 <style:style style:name="Firm" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Small" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-bottom="0mm"/><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="Recipient" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="90mm" fo:margin-bottom="0mm"/></style:style>
 <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="end" fo:margin-top="8mm"/></style:style>
 <style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Notice" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:background-color="#eef1f6" fo:padding="2mm"/></style:style>
 <style:style style:name="Sign" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="90mm"/></style:style>
 <style:style style:name="SignBold" style:family="paragraph" style:parent-style-name="Sign"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="7.5pt"/></style:style>
</office:styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
'''

def main():
    if not SOFFICE:
        sys.exit("libreoffice is not installed (apt-get install libreoffice-writer-nogui)")
    work = tempfile.mkdtemp(prefix="reclam-lo-")
    env = dict(os.environ, RECLAM_DB=os.path.join(work, "r.db"), RECLAM_USER="Claire Martin",
               RECLAM_TODAY="2026-04-10", HOME=work)
    for k, v in [("firm.name", "Cabinet Durand Courtage"), ("firm.address", "12 rue de la République\n69002 Lyon"),
                 ("firm.orias", "07000001"), ("firm.email", "reclamations@durand-courtage.fr"),
                 ("firm.phone", "04 72 00 00 00"), ("mediator.name", "La Médiation de l'Assurance"),
                 ("mediator.address", "TSA 50110\n75441 Paris Cedex 09"), ("mediator.website", "www.mediation-assurance.org")]:
        run([RECLAM, "settings", "set", k, v], env)
    run([RECLAM, "user", "add", "--name", "Claire Martin", "--role", "manager", "--can-sign"], env)
    run([RECLAM, "add"], env, json.dumps({
        "client": {"name": "Mme Élodie Durand", "address": "3 rue Pasteur\n69003 Lyon"},
        "channel": "letter", "receivedOn": "2026-03-02", "subject": "claimSettlement",
        "description": "Indemnisation jugée insuffisante",
        "contract": {"number": "MRH-4411", "product": "Multirisque habitation", "insurer": "AXA France"},
        "handler": "Claire Martin"}))
    run([RECLAM, "ack", "REC-2026-0001", "--on", "2026-03-05"], env)
    run([RECLAM, "answer", "REC-2026-0001", "--on", "2026-04-10", "--outcome", "partial", "--gesture", "150",
         "--summary", "Après examen du rapport d'expertise du 28 mars, les dommages au parquet résultent "
         "pour partie d'une infiltration ancienne, exclue par l'article 4.2 des conditions générales. "
         "Les dommages aux peintures de la chambre seront en revanche indemnisés."], env)
    pdf = os.path.join(work, "reclam.pdf")
    letter = json.loads(run([RECLAM, "letter", "REC-2026-0001", "--kind", "answer", "--out", pdf, "--json"], env).stdout)
    ours = []
    for _ in range(20):
        t = time.perf_counter()
        run([RECLAM, "letter", "REC-2026-0001", "--kind", "answer", "--out", pdf], env)
        ours.append(time.perf_counter() - t)
    src = os.path.join(work, "lettre.fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt(letter))
    out = os.path.join(work, "lo")
    lo = lambda files, outdir: subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{work}/lo-profile",
                                               "--convert-to", "pdf", "--outdir", outdir, *files], env=env,
                                              capture_output=True, text=True, check=True)
    lo([src], out)  # first start creates the LibreOffice profile: not timed
    t = time.perf_counter(); lo([src], out); one = time.perf_counter() - t
    many_out = os.path.join(work, "lo-many")
    many_dir = os.path.join(work, "many"); os.makedirs(many_dir)
    files = []
    for i in range(COPIES):
        path = os.path.join(many_dir, f"lettre-{i:04}.fodt"); shutil.copy(src, path); files.append(path)
    # LibreOffice 7.4 stops silently after about 250 files in one run: runs of 200.
    t = time.perf_counter()
    for i in range(0, COPIES, 200):
        lo(files[i:i + 200], many_out)
    many = time.perf_counter() - t
    made = len([f for f in os.listdir(many_out) if f.endswith(".pdf")])
    assert made == COPIES, f"LibreOffice made {made} PDFs of {COPIES}"
    med = statistics.median(ours)
    print(f"reclam letter (process: open register, compose, PDF), median of 20: {med*1e3:.1f} ms")
    print(f"libreoffice --convert-to pdf, 1 letter, one run (profile warm):   {one*1e3:.0f} ms  ({one/med:.0f}x)")
    print(f"libreoffice --convert-to pdf, {COPIES} letters, runs of 200:       {many:.1f} s  ({many/COPIES*1e3:.1f} ms/letter)")
    print(f"in-process (cargo bench --bench letters): see criterion; work dir {work}")

if __name__ == "__main__":
    main()
