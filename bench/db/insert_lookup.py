# The same work as bench/db/insert-lookup in Python 3's sqlite3: 100,000 inserts in one transaction,
# then 10,000 lookups on the unique indexed code; prints the sum of qty.
import os, sqlite3, sys
path = sys.argv[1]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = NORMAL")
db.execute('CREATE TABLE item (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT, qty INTEGER, price REAL)')
db.execute('CREATE UNIQUE INDEX item_code ON item (code)')
rows, lookups = 100000, 10000
with db:
    for i in range(rows):
        db.execute("INSERT INTO item (code, qty, price) VALUES (?, ?, ?) RETURNING *", ("c%d" % i, i % 97, i * 0.5)).fetchone()
total = 0
for j in range(lookups):
    r = db.execute("SELECT * FROM item WHERE code = ? ORDER BY id LIMIT 1", ("c%d" % ((j * 7919) % rows),)).fetchone()
    total += r[2]
print(total)
