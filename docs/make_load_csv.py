"""Writes N rows with the churn schema (a learnable signal, fixed seed) for the load figures of
docs/RELIABILITY.md. Usage: python3 docs/make_load_csv.py 5000000 /tmp/load/churn-5m.csv
The file goes to /tmp and is never committed."""
import random, sys
n = int(sys.argv[1]); out = sys.argv[2]
r = random.Random(42)
geo = ["France", "Spain", "Germany"]; gen = ["Female", "Male"]
with open(out, "w") as f:
    f.write("RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited\n")
    buf = []
    for i in range(1, n + 1):
        age = r.randint(18, 92); g = r.choice(geo); bal = 0.0 if r.random() < 0.36 else round(r.gauss(120000, 30000), 2)
        act = r.randint(0, 1); prods = r.choice([1, 1, 2, 2, 3, 4])
        z = 0.07 * (age - 40) - 0.8 * act + (0.7 if g == "Germany" else 0) + (1.5 if prods >= 3 else 0) + r.gauss(0, 1) - 1.2
        buf.append(f"{i},{15600000 + i},S{i % 997},{r.randint(350, 850)},{g},{r.choice(gen)},{age},{r.randint(0, 10)},{bal},{prods},{r.randint(0, 1)},{act},{round(r.uniform(11, 200000), 2)},{1 if z > 0 else 0}\n")
        if len(buf) == 100000:
            f.write("".join(buf)); buf = []
    f.write("".join(buf))
