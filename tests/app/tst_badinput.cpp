// Hostile inputs through the command line, as a user meets them: every file
// under tests/data/bad/ (made by make-bad-files.py there) gives its exact
// message and exit code, and a project that could not be opened or used is
// left byte for byte as it was.
#include "clirun.h"

#include <QDir>
#include <QTemporaryDir>

using clirun::checkMessage;
using clirun::CliResult;
using clirun::fileHash;
using clirun::run;

namespace {

const QString kBad = QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/bad/");

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void testBadCustomerFiles_data();
    void testBadCustomerFiles();
    void testHugeFields_data();
    void testHugeFields();
    void testHostileProjects_data();
    void testHostileProjects();
    void testBadModelFiles_data();
    void testBadModelFiles();

private:
    /// Runs `arguments` with @dir (the temporary folder) and @bad (tests/data/bad/) replaced.
    CliResult runWith(const QStringList& arguments) const;

    QTemporaryDir m_dir;
};

void TestBadInput::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

CliResult TestBadInput::runWith(const QStringList& arguments) const
{
    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a)
                    .replace(QStringLiteral("@dir"), m_dir.path())
                    .replace(QStringLiteral("@bad/"), kBad);
    }
    if (args.first() == QStringLiteral("train")) {
        args << "--model" << m_dir.filePath(QStringLiteral("bad.model.json")) << "--epochs"
             << "2";
    }
    return run(args);
}

void TestBadInput::testBadCustomerFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, QStringList args, int exitCode, const QString& message) {
        QTest::newRow(name) << args << exitCode << message;
    };
    const QString unclosed = QStringLiteral(
        ": a quoted field opened here is never closed; add the missing '\"' (a quote inside a quoted field "
        "is written as two quotes \"\")");
    const QString binary = QStringLiteral(
        ": the file contains NUL bytes, so it looks like a binary file (for example a spreadsheet), not CSV; "
        "export it as \"CSV UTF-8\"");

    // Structure
    row("unterminated quote at end of file", {"inspect", "@bad/csv/unterminated-quote-at-eof.csv"}, 2,
        "\"unterminated-quote-at-eof.csv\", line 3, column 2" + unclosed);
    row("odd run of quotes", {"inspect", "@bad/csv/quote-runs.csv"}, 2,
        "\"quote-runs.csv\", line 3, column 2" + unclosed);
    row("ragged rows, stop", {"inspect", "@bad/csv/ragged-stop.csv", "--on-bad-row", "stop"}, 2,
        "\"ragged-stop.csv\", line 3: 2 fields where the header has 3; fix the row, or choose to skip rows "
        "with "
        "the wrong number of fields");
    row("ragged rows, skip", {"inspect", "@bad/csv/ragged-stop.csv"}, 0,
        "\"ragged-stop.csv\": line 3: 2 fields where the header has 3 \u2014 row skipped");
    row("header only, CRLF", {"inspect", "@bad/csv/header-only-crlf.csv"}, 2,
        "\"header-only-crlf.csv\", line 1: the file has a header row but no data rows; choose a file that "
        "contains data");
    row("only blank CRLF lines", {"inspect", "@bad/csv/blank-crlf-lines.csv"}, 2,
        "\"blank-crlf-lines.csv\": the file is empty (only blank lines); choose a file with a header row and "
        "data rows");
    row("only a UTF-16 BOM", {"inspect", "@bad/csv/only-bom-utf16le.csv"}, 2,
        "\"only-bom-utf16le.csv\": the file is empty; choose a file with a header row and data rows");
    row("empty file (older file)", {"inspect", "@bad/../csv/bad/empty.csv"}, 2,
        "\"empty.csv\": the file is empty; choose a file with a header row and data rows");
    row("only delimiters", {"inspect", "@bad/csv/delimiters-only.csv"}, 0,
        "\"delimiters-only.csv\": column 1 \"column1\": every value is missing, so it cannot be used; "
        "exclude it "
        "or "
        "check the missing-value markers");
    row("only missing markers", {"inspect", "@bad/csv/only-missing-markers.csv"}, 0,
        "\"only-missing-markers.csv\": column 2 \"b\": every value is missing, so it cannot be used; exclude "
        "it "
        "or "
        "check the missing-value markers");
    row("mixed line endings", {"inspect", "@bad/csv/mixed-line-endings.csv"}, 0,
        "stdout: mixed-line-endings.csv: 3 rows, 3 columns, ,-separated, UTF-8, decimal point, with a header "
        "row");
    row("CR-only line endings", {"inspect", "@bad/csv/cr-only-line-endings.csv"}, 0,
        "stdout: cr-only-line-endings.csv: 2 rows, 3 columns, ,-separated, UTF-8, decimal point, with a "
        "header "
        "row");
    row("BOM in the middle", {"inspect", "@bad/csv/bom-in-the-middle.csv"}, 0,
        "stdout: bom-in-the-middle.csv: 2 rows, 2 columns, ,-separated, UTF-8, decimal point, with a header "
        "row");

    // Not text
    row("NUL inside a field", {"inspect", "@bad/csv/nul-in-field.csv"}, 2,
        "\"nul-in-field.csv\", line 3" + binary);
    row("PNG image", {"inspect", "@bad/csv/png-image.csv"}, 2, "\"png-image.csv\", line 3" + binary);
    row("gzip file", {"inspect", "@bad/csv/gzip.csv"}, 2, "\"gzip.csv\", line 1" + binary);

    // Encodings
    row("invalid UTF-8 in the header", {"inspect", "@bad/csv/invalid-utf8-in-header.csv"}, 0,
        "stdout: invalid-utf8-in-header.csv: 2 rows, 2 columns, ,-separated, Windows-1252, decimal point, "
        "with "
        "a header row");
    row("UTF-16 BE without BOM", {"inspect", "@bad/csv/utf16be-nobom.csv"}, 0,
        "stdout: utf16be-nobom.csv: 2 rows, 2 columns, ,-separated, UTF-16 BE, decimal point, with a header "
        "row");
    // Cut off in the middle of "ö": said so, not read as Windows-1252 ("KÃ¶ln") without a word.
    row("UTF-8 cut off in the middle of a character", {"inspect", "@bad/csv/truncated-utf8-at-eof.csv"}, 2,
        "\"truncated-utf8-at-eof.csv\", line 3, column 2: the file ends in the middle of a character, so it "
        "looks cut off; use a complete copy of the file (or choose its encoding if it is not UTF-8)");
    row("Windows-1252 declared UTF-8",
        {"inspect", "@bad/csv/windows1252-declared-utf8.csv", "--encoding", "utf-8"}, 2,
        "\"windows1252-declared-utf8.csv\", line 2, column 2: the text is not UTF-8; choose the file's "
        "encoding "
        "(or save it as \"CSV UTF-8\")");
    row("UTF-8 declared UTF-16", {"inspect", "@bad/csv/utf8-declared-utf16.csv", "--encoding", "utf-16"}, 2,
        "\"utf8-declared-utf16.csv\", line 1: the text is not UTF-16 LE (it has none of the zero bytes "
        "UTF-16 "
        "writes in commas, digits and line breaks); choose the file's encoding");

    // Header
    row("duplicate name after trimming", {"inspect", "@bad/csv/duplicate-name-after-trim.csv"}, 2,
        "\"duplicate-name-after-trim.csv\", line 1, column 3: the column name \"visits\" appears twice in "
        "the "
        "header row (columns 2 and 3); give each column its own name");
    row("empty column name", {"inspect", "@bad/csv/empty-column-name.csv", "--header", "yes"}, 2,
        "\"empty-column-name.csv\", line 1, column 2: column 2 has no name in the header row; give every "
        "column "
        "a name");
    row("blank column name", {"inspect", "@bad/csv/blank-column-name.csv", "--header", "yes"}, 2,
        "\"blank-column-name.csv\", line 1, column 2: column 2 has no name in the header row; give every "
        "column "
        "a name");
    row("formula as a column name", {"inspect", "@bad/csv/formula-names.csv"}, 0,
        "stdout: formula-names.csv: 2 rows, 3 columns, ,-separated, UTF-8, decimal point, with a header row");

    // Values and targets
    row("NaN, Inf and 1e999 are read as missing", {"inspect", "@bad/csv/nan-inf-values.csv"}, 0,
        "\"nan-inf-values.csv\": column 5 \"x\": 50 values are not a finite number (for example \"NaN\") and "
        "are "
        "read "
        "as missing");
    row("infinite target value", {"train", "@bad/csv/infinite-target.csv", "--target", "spend"}, 0,
        "\"infinite-target.csv\": column 3 \"spend\": 1 value is not a finite number (for example \"1e999\") "
        "and "
        "is "
        "read as missing");
    row("single class (older file)", {"train", "@bad/../csv/bad/one-class.csv", "--target", "bought"}, 1,
        "the target \"bought\" has only one value in the data; a model needs rows of both (all) outcomes");
    row("single class with missing",
        {"train", "@bad/csv/single-class-with-missing.csv", "--target", "bought"}, 1,
        "the target \"bought\" has only one value in the data; a model needs rows of both (all) outcomes");
    row("zero-variance features", {"train", "@bad/csv/zero-variance-features.csv", "--target", "bought"}, 1,
        "no column is left to learn from; choose at least one input column");
    row("one row", {"train", "@bad/csv/one-row.csv", "--target", "bought"}, 1,
        "the target \"bought\" has only one value in the data; a model needs rows of both (all) outcomes");
    row("target always missing", {"train", "@bad/csv/all-target-missing.csv", "--target", "bought"}, 1,
        "the target \"bought\" is empty in every row; choose the column that records the outcome");
    row("target not a column", {"train", "@bad/csv/target-not-a-column.csv", "--target", "nope"}, 1,
        "the data has no column \"nope\" to predict (columns: id, visits, plan, bought)");
}

void TestBadInput::testBadCustomerFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    checkMessage(runWith(arguments), exitCode, message);
}

void TestBadInput::testHugeFields_data()
{
    QTest::addColumn<int>("fieldBytes");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // The limit is 16 MiB a field (CsvOptions::maxFieldBytes).
    QTest::newRow("10 MB quoted field is read")
        << 10'000'000 << true << 0
        << "stdout: huge-field.csv: 2 rows, 2 columns, ,-separated, UTF-8, decimal point, with a header row";
    QTest::newRow("17 MB quoted field is refused") << 17'000'000 << true << 2
                                                   << "\"huge-field.csv\", line 3, column 2: a field is "
                                                      "longer than 16,777,216 bytes; the file may have a "
                                                      "quote that is never closed, or this is not a table";
    QTest::newRow("17 MB field is refused") << 17'000'000 << false << 2
                                            << "\"huge-field.csv\", line 3, column 2: a field is longer than "
                                               "16,777,216 bytes; the file may have a "
                                               "quote that is never closed, or this is not a table";
}

void TestBadInput::testHugeFields()
{
    QFETCH(int, fieldBytes);
    QFETCH(bool, quoted);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // Made here rather than checked in: one text cell of `fieldBytes` bytes.
    QFile f(m_dir.filePath(QStringLiteral("huge-field.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(quoted ? "id,note\n1,short\n2,\"" : "id,note\n1,short\n2,");
    f.write(QByteArray(fieldBytes, 'x'));
    f.write(quoted ? "\"\n" : "\n");
    f.close();
    checkMessage(run({QStringLiteral("inspect"), f.fileName()}), exitCode, message);
}

void TestBadInput::testHostileProjects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* file, QStringList args, int exitCode, const QString& message) {
        QTest::addRow("%s: %s", file, qPrintable(args.first()))
            << QString::fromLatin1(file) << args << exitCode << message;
    };
    const QStringList info{"info", "--project", "@project"};
    const QStringList runs{"runs", "--project", "@project"};
    const QStringList score{"score", "--project", "@project", "@customers", "--out", "@dir/scored.csv"};
    const QStringList explain{"explain", "--project", "@project", "--top", "3"};
    const QString intact = QStringLiteral("use an intact copy or the recovery copy");

    row("not-sqlite.nlproj", info, 2,
        "\"not-sqlite.nlproj\": this is not a NeuroLift project (open a .nlproj file, or import a CSV file "
        "instead)");
    row("empty.nlproj", runs, 2,
        "\"empty.nlproj\": the file is empty; it may have been cut off while copying");
    row("truncated.nlproj", score, 2,
        "\"truncated.nlproj\": the file is cut off (51200 of 102400 bytes); use an intact copy");
    row("header-only.nlproj", info, 2,
        "\"header-only.nlproj\": the file is cut off (100 of 102400 bytes); use an intact copy");
    row("other-app.nlproj", info, 2,
        "\"other-app.nlproj\": this is a database of another program, not a NeuroLift project");
    row("newer-format.nlproj", score, 2,
        "\"newer-format.nlproj\": this project was saved by a newer NeuroLift (project format 99; this "
        "version "
        "reads up to 2); update NeuroLift to open it");
    row("no-version.nlproj", info, 2,
        "\"no-version.nlproj\": the project has no format version; it was not written completely");
    row("corrupt-page.nlproj", info, 2,
        "\"corrupt-page.nlproj\": the project is damaged (database disk image is malformed) while opening "
        "it; " +
            intact);
    row("missing-run-table.nlproj", runs, 2,
        "\"missing-run-table.nlproj\": the project is damaged (no such table: run) while reading the runs: "
        "it "
        "does not hold what a NeuroLift project holds; " +
            intact);
    // fuzz_project: a negative count was cast to a size and reserved (std::length_error escaped).
    row("negative-row-count.nlproj", explain, 2,
        "\"negative-row-count.nlproj\": the project is damaged while reading the data: the data says it has "
        "-145 rows");
    row("corrupt-chunk.nlproj", explain, 2,
        "\"corrupt-chunk.nlproj\": the project is damaged while reading the data: a part of column \"visits; "
        "--count\" has the wrong size");
    // fuzz_project found memcpy from an empty BLOB's null pointer here (UBSan).
    row("empty-chunk.nlproj", explain, 2,
        "\"empty-chunk.nlproj\": the project is damaged while reading the data: column \"visits; --count\" "
        "has 0 "
        "rows instead of 400");
    row("weights-wrong-size.nlproj", score, 2,
        "\"weights-wrong-size.nlproj\": the project is damaged while reading the run: the weights "
        "\"dense_1.weight\" have the wrong size");
    row("weights-huge-shape.nlproj", score, 2,
        "\"weights-huge-shape.nlproj\": the project is damaged while reading the run: the weights "
        "\"dense_1.weight\" have the wrong size");
    row("malformed-setting.nlproj", info, 2,
        "\"malformed-setting.nlproj\": the project is damaged while reading a setting: the stored setting is "
        "not "
        "valid JSON");
    row("malformed-run-model.nlproj", explain, 2,
        "\"malformed-run-model.nlproj\": the project is damaged while reading the run: the stored model is "
        "not "
        "valid JSON");
    row("run-model-wrong-shape.nlproj", score, 2,
        "\"run-model-wrong-shape.nlproj\": the project is damaged while reading the run: a stored value is "
        "not "
        "what it should be (key 'id_column' not found); " +
            intact);
    row("run-warnings-not-a-list.nlproj", score, 2,
        "\"run-warnings-not-a-list.nlproj\": the project is damaged while reading the run: a stored value is "
        "not "
        "what it should be (type must be array, but is object); " +
            intact);
    // Names that look like SQL are data: listed as written, and nothing is run.
    row("injection-names.nlproj", runs, 0,
        "stdout: 1    x'); DROP TABLE run; --  completed      3       0.5246    0.7149     "
        "2026-11-26T02:32:39Z");
}

void TestBadInput::testHostileProjects()
{
    QFETCH(QString, file);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // A copy, so that the checked-in file stays as it is whatever happens.
    const QString original = kBad + QStringLiteral("projects/") + file;
    const QString project = m_dir.filePath(file);
    QFile::remove(project);
    QVERIFY(QFile::copy(original, project));
    QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner));
    const QByteArray before = fileHash(original);
    QCOMPARE(fileHash(project), before);

    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a)
                    .replace(QStringLiteral("@project"), project)
                    .replace(
                        QStringLiteral("@customers"),
                        QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/projects/format-1/customers.csv"));
    }
    checkMessage(runWith(args), exitCode, message);
    // A failed open or command leaves the project as it was, and no journal behind.
    if (exitCode != 0) {
        QCOMPARE(fileHash(project), before);
        QVERIFY(!QFile::exists(project + QStringLiteral("-journal")));
    }
}

void TestBadInput::testBadModelFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    const QString damaged = QStringLiteral(": damaged model file: ");
    QTest::newRow("not JSON") << "not-json.model.json"
                              << "@model: not a NeuroLift model file (it is not valid JSON: byte 2)";
    QTest::newRow("empty") << "empty.model.json"
                           << "@model: not a NeuroLift model file (it is not valid JSON: byte 1)";
    // Found by fuzz_modelfile: the JSON parser's out_of_range escaped as an uncaught exception.
    QTest::newRow("number too large, issue9")
        << "number-overflow.model.json"
        << "@model: not a NeuroLift model file (it is not valid JSON: a number is too large)";
    // Found by fuzz_modelfile: "format" there twice, the last one not text; value() threw type_error.
    QTest::newRow("format not text") << "format-not-text.model.json" << "@model: not a NeuroLift model file";
    QTest::newRow("JSON array") << "json-array.model.json"
                                << "@model: not a NeuroLift model file";
    QTest::newRow("newer") << "newer-version.model.json"
                           << "@model: written by a newer NeuroLift; update NeuroLift to use it";
    QTest::newRow("weights of the wrong size")
        << "weights-wrong-size.model.json"
        << "@model" + damaged + "tensor \"dense_1.weight\" has the wrong size";
    QTest::newRow("huge shape") << "huge-shape.model.json"
                                << "@model" + damaged + "tensor \"dense_1.weight\" has the wrong size";
    QTest::newRow("weights not numbers") << "weights-not-numbers.model.json"
                                         << "@model" + damaged +
                                                "a part of it is missing or not what it should be (type must "
                                                "be number, but is string); train the "
                                                "model again or use an intact copy";
    QTest::newRow("no recipe")
        << "no-recipe.model.json"
        << "@model" + damaged +
               "a part of it is missing or not what it should be (key 'recipe' not found); "
               "train the model again or use an intact copy";
    QTest::newRow("unknown activation") << "unknown-activation.model.json"
                                        << "@model" + damaged +
                                               "architecture JSON: layers[0].activation: unknown activation "
                                               "\"swish; DROP TABLE\" (known: linear, "
                                               "relu, leaky_relu, elu, gelu, tanh, sigmoid, softmax)";
}

void TestBadInput::testBadModelFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QString model = kBad + QStringLiteral("models/") + file;
    const CliResult r = run({QStringLiteral("score"), QStringLiteral("--model"), model,
                             kBad + QStringLiteral("csv/small.csv"), QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("scored.csv"))});
    checkMessage(r, 2, QString(message).replace(QStringLiteral("@model"), model));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("scored.csv"))));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
