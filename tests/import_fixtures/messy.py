"""Writes the messy registers of tests/import.rs the way small firms keep them, with openpyxl
(the Python spreadsheet library): a title block above the header row (merged title, an "updated
on" line, a blank row), the decision written inside the answer's text, French titles as firms
write them, dates as Excel dates, as text and as text with a time, amounts as "150 €" and
"1 234,56", trailing spaces and line breaks, a formula, a hidden column, an autofilter, and a
second sheet. Run it again to regenerate the fixture (`python3 tests/import_fixtures/messy.py`);
the LibreOffice copy is made from it with
`soffice --headless --convert-to ods --outdir tests/import_fixtures tests/import_fixtures/registre-cabinet.xlsx`.
"""

import datetime
import pathlib

from openpyxl import Workbook

HERE = pathlib.Path(__file__).parent

book = Workbook()
notes = book.active
notes.title = "Consignes"
notes["A1"] = "Consignes de saisie"
notes["A2"] = "Une ligne par réclamation, dates au format jj/mm/aaaa."

sheet = book.create_sheet("Réclamations 2025")
sheet["A1"] = "Cabinet Durand Courtage"
sheet.merge_cells("A1:H1")
sheet["A2"] = "Registre des réclamations 2025"
sheet.merge_cells("A2:H2")
sheet["A3"] = "Mis à jour le 15/01/2026"
# Row 4 left blank, as firms do.
headers = [
    "N°",
    "Réclamant",
    "Date de réception",
    "Canal",
    "Motif / description",
    "Nature",
    "Compagnie",
    "N° de police",
    "Date AR",
    "Date de réponse",
    "Réponse apportée",
    "Geste",
    "Gestionnaire",
    "Observations",
]
sheet.append([])  # row 4
sheet.append(headers)  # row 5
rows = [
    [
        "2025-001",
        "Mme Hélène Garnier ",
        datetime.date(2025, 3, 3),
        "courriel",
        "Retard d'indemnisation\ndu dégât des eaux",
        "Sinistre",
        "AXA France",
        "MRH-4411",
        datetime.date(2025, 3, 5),
        datetime.date(2025, 4, 10),
        "Fondée - indemnisation versée",
        "150 €",
        "Claire Martin",
        "",
    ],
    [
        "2025-002",
        "M. Paul Blanc",
        "12/05/2025",
        "tél",
        "Cotisation prélevée deux fois",
        "Cotisation",
        "Allianz",
        "AUTO-2231",
        "14/05/2025 09:30",
        "02/06/2025 17:05",
        "Partiellement fondée : remboursement du double prélèvement",
        "1 234,56",
        "Julien Bernard",
        "Client mécontent du délai",
    ],
    [
        "2025-003",
        "SARL Dupré & Fils",
        45870,  # an Excel serial date: 2025-08-01
        "agence",
        "Résiliation Hamon non prise en compte",
        "Résiliation",
        "MMA",
        "PRO-88",
        "",  # never acknowledged: answered directly, late
        datetime.date(2025, 9, 20),
        "Non fondée, la résiliation est parvenue après l'échéance",
        "",
        "Claire Martin",
        "",
    ],
    [
        "2025-004",
        "Mme Sophie Noël",
        datetime.datetime(2025, 10, 6, 11, 15),
        "mail",
        "Conseil inadapté lors de la souscription",
        "Souscription",
        "Generali",
        "PER-12",
        datetime.date(2025, 10, 8),
        datetime.date(2025, 11, 28),
        "Voir courrier du 28/11",  # no recognisable decision: the user decides
        "",
        "Julien Bernard",
        "",
    ],
]
for r in rows:
    sheet.append(r)
# A formula: the firm counts its complaints under the table (the cached value is what counts).
sheet["A11"] = "Total"
sheet["B11"] = "=COUNTA(B6:B9)"
sheet.column_dimensions["N"].hidden = True
sheet.auto_filter.ref = "A5:N9"
book.save(HERE / "registre-cabinet.xlsx")
