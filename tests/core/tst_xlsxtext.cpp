// Text as an Excel sheet can hold it (issue 17): characters XML 1.0 cannot hold
// made the workbook "damaged", and a cell over 32,767 characters was left out.
#include "columns.h"
#include "data/recipe.h"
#include "model/modelfile.h"
#include "nn/network.h"
#include "scoring/scoredexport.h"
#include "scoring/xlsxtext.h"

#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <string>
#include <vector>

using namespace neurolift;
using neurolift::test::numbers;

class TestXlsxText : public QObject {
    Q_OBJECT

private slots:
    void testXlsxHoldsAnyText_issue17_data();
    void testXlsxHoldsAnyText_issue17();
    void testHeaderNamesTheColumn();
};

void TestXlsxText::testXlsxHoldsAnyText_issue17_data()
{
    QTest::addColumn<QByteArray>("note");  // the bytes the data hold
    QTest::addColumn<QString>("expected"); // the cell the sheet holds
    QTest::addColumn<int>("cells");        // how many customers have this note (rows 4 and 6)
    QTest::addColumn<QStringList>("warnings");
    const QString where = QStringLiteral("export: sheet \"Scored customers\", column \"note\": ");
    const QString replaced =
        where + QStringLiteral("characters Excel cannot hold (control characters, U+FFFE, "
                               "U+FFFF, bytes that are not UTF-8) were replaced by U+FFFD in ");
    const QString cut = QStringLiteral(" cut at Excel's limit of 32,767 characters");
    const QString fffd(QChar(0xFFFD));
    QTest::addRow("plain, tab and line break kept")
        << QByteArray("caf\xC3\xA9\tline\nnext") << "caf\u00E9\tline\nnext" << 2 << QStringList();
    QTest::addRow("U+FFFE") << QByteArray("a\xEF\xBF\xBE"
                                          "b")
                            << "a" + fffd + "b" << 1 << QStringList{replaced + "row 4"};
    QTest::addRow("U+FFFF, twice") << QByteArray("\xEF\xBF\xBF") << fffd << 2
                                   << QStringList{replaced + "2 cells, the first in row 4"};
    QTest::addRow("control characters")
        << QByteArray("a\x01"
                      "b\x1F"
                      "c\x0B")
        << "a" + fffd + "b" + fffd + "c" + fffd << 1 << QStringList{replaced + "row 4"};
    QTest::addRow("lone surrogate") << QByteArray("x\xED\xA0\x80") << "x" + fffd + fffd + fffd << 1
                                    << QStringList{replaced + "row 4"};
    QTest::addRow("not UTF-8") << QByteArray("caf\xE9") << "caf" + fffd << 1
                               << QStringList{replaced + "row 4"};
    QTest::addRow("40,000 characters") << QByteArray(40000, 'x') << QString(32767, 'x') << 1
                                       << QStringList{where + "the cell in row 4 was" + cut};
    QTest::addRow("40,000 characters, twice")
        << QByteArray(40000, 'x') << QString(32767, 'x') << 2
        << QStringList{where + "2 cells were" + cut + ", the first in row 4"};
    // Excel counts UTF-16 units: an emoji that would end at 32,768 is left out whole.
    QTest::addRow("emoji across the limit")
        << QByteArray(32766, 'x') + "\xF0\x9F\x98\x80" << QString(32766, 'x') << 1
        << QStringList{where + "the cell in row 4 was" + cut};
    QTest::addRow("at the limit") << QByteArray(32765, 'x') + "\xF0\x9F\x98\x80"
                                  << QString(32765, 'x') + QString::fromUtf8("\xF0\x9F\x98\x80") << 1
                                  << QStringList();
    QTest::addRow("both, in a long cell")
        << QByteArray(40000, '\x02') << QString(32767, QChar(0xFFFD)) << 1
        << QStringList{replaced + "row 4", where + "the cell in row 4 was" + cut};
}

void TestXlsxText::testXlsxHoldsAnyText_issue17()
{
    QFETCH(QByteArray, note);
    QFETCH(QString, expected);
    QFETCH(int, cells);
    QFETCH(QStringList, warnings);
    QTemporaryDir dir;
    Column id;
    id.name = "id";
    id.type = ColumnType::Identifier;
    Column text;
    text.name = "note";
    text.type = ColumnType::Text;
    std::vector<float> visits;
    for (int r = 0; r < 8; ++r) { // the note in rows 4 (and 6) of the sheet, after its header
        id.strings.push_back(std::string("C").append(std::to_string(r)));
        id.missing.push_back(0);
        text.strings.push_back(r == 2 || (cells == 2 && r == 4) ? note.toStdString() : "fine");
        text.missing.push_back(0);
        visits.push_back(static_cast<float>(r % 3));
    }
    std::vector<Column> columns;
    columns.push_back(std::move(id));
    columns.push_back(numbers("visits", visits));
    columns.push_back(std::move(text));
    const Table table(std::move(columns), 8);
    TrainedModel model;
    model.target.column = "bought";
    model.target.classes = {"no", "yes"};
    model.idColumn = "id";
    const std::vector<std::int64_t> rows{0, 1, 2, 3, 4, 5, 6, 7};
    model.recipe = Recipe::fit(table, rows, {"visits"});
    model.architecture.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
    model.weights = Network(model.architecture, model.recipe.featureCount(), 11).weights();
    ScoredExportOptions o;
    o.path = dir.filePath(QStringLiteral("scored.xlsx")).toStdString();
    o.format = ExportFormat::Xlsx;
    o.columns = {"note"};
    const ExportResult exported = exportScores(table, model, o);
    QStringList said;
    for (const std::string& w : exported.warnings) {
        said << QString::fromStdString(w);
    }
    QCOMPARE(said, warnings);

    // The sheet as Excel reads it: well-formed XML, every cell there.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, zipfile\n"
                                 "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("
                                 "'xl/worksheets/sheet1.xml'))\n"),
                  QString::fromStdString(o.path)});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QXmlStreamReader xml(python.readAllStandardOutput());
    QMap<QString, QString> texts; // "E4" -> the text of the cell
    QString cell;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("c")) {
            cell = xml.attributes().value(QLatin1String("r")).toString();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("t")) {
            texts[cell] += xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(texts.value(QStringLiteral("E1")), QStringLiteral("note"));
    QCOMPARE(texts.value(QStringLiteral("E4")), expected);
    QCOMPARE(texts.value(QStringLiteral("E6")), cells == 2 ? expected : QStringLiteral("fine"));
    QCOMPARE(texts.value(QStringLiteral("E9")), QStringLiteral("fine"));
    QCOMPARE(texts.value(QStringLiteral("A4")), QStringLiteral("C2"));
}

void TestXlsxText::testHeaderNamesTheColumn()
{
    XlsxSheetText sheet("Segments");
    QCOMPARE(sheet.fit("plain", 0, 0), std::string("plain"));
    QCOMPARE(sheet.fit("a\x01", 0, 1), std::string("a\xEF\xBF\xBD"));
    QCOMPARE(sheet.fit("b\x02", 5, 1), std::string("b\xEF\xBF\xBD"));
    QCOMPARE(sheet.fit(std::string(40000, 'y'), 9, 2).size(), kXlsxMaxCellChars);
    const std::vector<std::string> expected{
        "export: sheet \"Segments\", column \"a\xEF\xBF\xBD\": characters Excel cannot hold (control "
        "characters, "
        "U+FFFE, U+FFFF, bytes that are not UTF-8) were replaced by U+FFFD in 2 cells, the first in row 1",
        "export: sheet \"Segments\", column 3: the cell in row 10 was cut at Excel's limit of 32,767 "
        "characters"};
    QCOMPARE(sheet.warnings(), expected);
}

QTEST_GUILESS_MAIN(TestXlsxText)
#include "tst_xlsxtext.moc"
