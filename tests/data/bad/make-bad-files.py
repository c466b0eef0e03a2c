#!/usr/bin/python3
"""Writes the hostile inputs of tst_badinput (tests/data/bad/).

Usage: make-bad-files.py BASE.nlproj BASE.model.json
BASE.nlproj is a current-format project with a dataset and one run, and
BASE.model.json a model file trained on csv/small.csv (see README.md here). Each file is small and pins one way a customer file, a
project or a model file can be wrong; tst_badinput asserts the exact message
NeuroLift gives for it. Big inputs (a 17 MB field) are made by the test.
"""
import json
import os
import shutil
import sqlite3
import sys

here = os.path.dirname(os.path.abspath(__file__))


def write(rel, data):
    path = os.path.join(here, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def trainable(n=60, extra=None):
    """A small file `train --target bought` can use; extra(i) adds cells."""
    rows = ["id,visits,plan,bought" + (",x" if extra else "")]
    for i in range(n):
        cells = [f"c{i}", str(i % 7), "pro" if i % 3 else "basic", "yes" if i % 2 else "no"]
        if extra:
            cells.append(extra(i))
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"


# --- Customer files -------------------------------------------------------
write("csv/unterminated-quote-at-eof.csv", 'id,note\n1,ok\n2,"never closed')
write("csv/ragged-stop.csv", "id,visits,bought\n1,2,yes\n2,3\n3,4,no\n")
write("csv/header-only-crlf.csv", "id,visits,bought\r\n")
write("csv/blank-crlf-lines.csv", "\r\n\r\n\r\n")
write("csv/only-bom-utf16le.csv", b"\xff\xfe")
write("csv/nul-in-field.csv", b"id,name\n1,ann\n2,b\x00b\n")
write("csv/quote-runs.csv", 'id,note\n1,""""""""""""""""""""""""""""""""\n2,"""""""""""""""""""""""""""""""""\n')
write("csv/mixed-line-endings.csv", "id,visits,bought\r\n1,2,yes\n2,3,no\r3,4,yes\r\n")
write("csv/invalid-utf8-in-header.csv", b"id,na\xffme\n1,a\n2,b\n")
write("csv/truncated-utf8-at-eof.csv", b"id,city\n1,K\xc3\xb6ln\n2,K\xc3")
write("csv/utf16be-nobom.csv", "id,city\n1,Köln\n2,Paris\n".encode("utf-16-be"))
write("csv/utf8-declared-utf16.csv", "id,city\n1,Köln\n2,Paris\n")
write("csv/windows1252-declared-utf8.csv", "id,city\n1,Köln\n2,Paris\n".encode("cp1252"))
write("csv/nan-inf-values.csv", trainable(60, lambda i: ["NaN", "Inf", "-inf", "1e999", "-1e999", "1.5"][i % 6]))
write("csv/infinite-target.csv", "id,visits,spend\n" + "".join(
    f"c{i},{i % 5},{'1e999' if i == 7 else i * 1.5}\n" for i in range(60)))
write("csv/single-class-with-missing.csv", "id,visits,bought\n" + "".join(
    f"c{i},{i % 5},{'yes' if i % 3 else ''}\n" for i in range(60)))
write("csv/zero-variance-features.csv", "id,a,b,bought\n" + "".join(
    f"c{i},1,x,{'yes' if i % 2 else 'no'}\n" for i in range(60)))
write("csv/one-row.csv", "id,visits,bought\nc1,3,yes\n")
write("csv/duplicate-name-after-trim.csv", "id, visits ,visits,bought\n1,2,3,yes\n2,3,4,no\n")
write("csv/empty-column-name.csv", "id,,bought\n1,2,yes\n2,3,no\n")
write("csv/blank-column-name.csv", "id,   ,bought\n1,2,yes\n2,3,no\n")
write("csv/delimiters-only.csv", ",,,\n,,,\n,,,\n")
write("csv/cr-only-line-endings.csv", "id,visits,bought\r1,2,yes\r2,3,no\r")
write("csv/bom-in-the-middle.csv", "id,visits\n1,2\n\ufeff2,3\n")
write("csv/png-image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
write("csv/gzip.csv", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03id,visits\n")
write("csv/all-target-missing.csv", "id,visits,bought\n" + "".join(f"c{i},{i % 5},\n" for i in range(30)))
write("csv/target-not-a-column.csv", trainable(40))
write("csv/formula-names.csv", '=cmd|\' /C calc\'!A0,visits,bought\n1,2,yes\n2,3,no\n')
write("csv/only-missing-markers.csv", "a,b,c\nNA,null,?\n-,N/A,\n")

# --- Model files ----------------------------------------------------------
write("models/not-json.model.json", "this is not JSON {")
write("models/empty.model.json", "")
write("models/json-array.model.json", "[1, 2, 3]")
# fuzz_modelfile's first crash: a number too large for a double (the parser's out_of_range).
write("models/number-overflow.model.json", "[1, " + "3" * 60 + "0" * 13 + "3" * 7 + "e" + "3" * 40 + "]")
# fuzz_modelfile, second crash: "format" given twice, the last one not a string (value() threw).
write("models/format-not-text.model.json", '{"format": "neurolift.model", "version": 1, "format": {"features": []}}')
write("csv/small.csv", trainable(60))
with open(sys.argv[2]) as f:
    good_model = json.load(f)


def model(rel, change):
    m = json.loads(json.dumps(good_model))
    change(m)
    write(rel, json.dumps(m, indent=1))


model("models/weights-wrong-size.model.json", lambda m: m["weights"][0]["data"].pop())
model("models/weights-not-numbers.model.json", lambda m: m["weights"][0]["data"].__setitem__(0, "NaN"))
model("models/huge-shape.model.json", lambda m: m["weights"][0].update(rows=2**40, cols=2**40))
model("models/no-recipe.model.json", lambda m: m.pop("recipe"))
model("models/newer-version.model.json", lambda m: m.update(version=99))
model("models/unknown-activation.model.json",
      lambda m: m["architecture"]["layers"][0].update(activation="swish; DROP TABLE"))

# --- Project files --------------------------------------------------------
base = sys.argv[1]


def project(rel, sql=None, mutate=None):
    path = os.path.join(here, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    shutil.copyfile(base, path)
    if sql:
        db = sqlite3.connect(path)
        db.executescript(sql)
        db.commit()
        db.close()
    if mutate:
        with open(path, "rb") as f:
            data = bytearray(f.read())
        data = mutate(data)
        with open(path, "wb") as f:
            f.write(data)


write("projects/not-sqlite.nlproj", "id,visits\n1,2\n")
write("projects/empty.nlproj", b"")
project("projects/truncated.nlproj", mutate=lambda d: d[: len(d) // 2])
project("projects/header-only.nlproj", mutate=lambda d: d[:100])
project("projects/other-app.nlproj", sql="PRAGMA application_id = 1234;")
project("projects/newer-format.nlproj", sql="PRAGMA user_version = 99;")
project("projects/no-version.nlproj", sql="PRAGMA user_version = 0;")
project("projects/missing-run-table.nlproj", sql="DROP TABLE run_epoch; DROP TABLE run_weights; DROP TABLE export; DROP TABLE run;")
project("projects/corrupt-chunk.nlproj", sql="UPDATE dataset_chunk SET data = substr(data, 1, 5) WHERE position = 1;")
project("projects/weights-wrong-size.nlproj", sql="UPDATE run_weights SET data = substr(data, 1, 8) WHERE position = 0;")
project("projects/weights-huge-shape.nlproj",
        sql="UPDATE run_weights SET rows = 4294967296, cols = 4294967296, data = X'' WHERE position = 0;")
# fuzz_project's UBSan finding: memcpy from an empty BLOB's null pointer.
project("projects/empty-chunk.nlproj",
        sql="UPDATE dataset_chunk SET row_count = 0, data = X'', missing = NULL WHERE position = 1;")
# fuzz_project: a negative row count became a huge size to reserve (std::length_error escaped).
project("projects/negative-row-count.nlproj", sql="UPDATE dataset SET row_count = -145;")
project("projects/malformed-setting.nlproj", sql="UPDATE setting SET value = '{\"column\": ' WHERE key = 'target';")
project("projects/run-model-wrong-shape.nlproj", sql="UPDATE run SET model = json_remove(model, '$.id_column');")
project("projects/run-warnings-not-a-list.nlproj", sql="UPDATE run SET warnings = '{\"a\": 1}';")
project("projects/malformed-run-model.nlproj", sql="UPDATE run SET model = '{not json';")
# Issue 17: a damaged stored split was taken for an older project's missing one and drawn again
# (tst_badexport).
project("projects/run-split-wrong-size.nlproj", sql="UPDATE run SET split = substr(split, 1, 5);")
project("projects/run-split-no-such-part.nlproj", sql="UPDATE run SET split = CAST(X'07' || substr(split, 2) AS BLOB);")
project("projects/injection-names.nlproj",
        sql="INSERT INTO note(text, created_at) VALUES ('''); DROP TABLE dataset; --', '2026-01-01T00:00:00Z');")


def scramble(d):
    # Overwrite the first page after its 100-byte header (the schema) with noise.
    for i in range(100, 4096):
        d[i] = (i * 131) % 251
    return d


project("projects/corrupt-page.nlproj", mutate=scramble)
