"""Writes the request bodies of the server benchmarks from the churn CSV (Debian's /usr/bin/python3).

usage: bodies.py CSV OUT_DIR
  v1-1.json, v1-100.json     POST /v1/models/churn/predict with 1 and 100 rows
  v2-1.json, v2-100.json     POST /v2/models/churn/infer, one FP64/BYTES tensor per column, [N, 1]
  bad-*.json                 the soak test's invalid requests (400, 413)
"""
import csv, json, os, sys

TEXT = {"Geography", "Gender"}
COLUMNS = ["CreditScore", "Geography", "Gender", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard",
           "IsActiveMember", "EstimatedSalary"]

rows = []
with open(sys.argv[1], newline="") as f:
    for r in csv.DictReader(f):
        rows.append({c: (r[c] if c in TEXT else float(r[c])) for c in COLUMNS})
        if len(rows) == 101:
            break
out = sys.argv[2]
os.makedirs(out, exist_ok=True)


def write(name, body):
    with open(os.path.join(out, name), "w") as f:
        f.write(body if isinstance(body, str) else json.dumps(body))


def v2(n):
    return {"inputs": [{"name": c, "shape": [n, 1], "datatype": "BYTES" if c in TEXT else "FP64",
                        "data": [r[c] for r in rows[:n]]} for c in COLUMNS]}


write("v1-1.json", {"rows": rows[:1]})
write("v1-100.json", {"rows": rows[:100]})
write("v2-1.json", v2(1))
write("v2-100.json", v2(100))
write("bad-json.json", '{"rows": [{"CreditScore": 600,')
write("bad-value.json", {"rows": [dict(rows[0], Age="forty")]})
write("bad-category.json", {"rows": [dict(rows[0], Geography="Atlantis")]})
write("bad-missing.json", {"rows": [{k: v for k, v in rows[0].items() if k != "Tenure"}]})
write("bad-rows.json", {"rows": rows[:101]})
