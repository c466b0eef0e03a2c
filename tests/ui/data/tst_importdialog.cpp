#include "data/csvimportjob.h"
#include "data/importdialog.h"
#include "data/tablemodel.h"
#include "eventqueue.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using neurolift::ColumnType;
using neurolift::CsvImportJob;
using neurolift::ImportDialog;

class TestImportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void testPreviewShowsWhatWasDetected_data();
    void testPreviewShowsWhatWasDetected();
    void testChangingTheDelimiterRereadsThePreview();
    void testChangingAColumnTypeRereadsThePreview();
    void testUncheckingTheHeaderNamesColumnsByNumber();
    void testWarningsShowTheirLines();
    void testMalformedFileShowsTheReadersMessage();
    void testImportJobReadsTheWholeFileWithProgress();
    void testImportJobReportsTheReadersMessage();
    void testImportJobCanBeCancelled();
    void testScreenshot();

private:
    QString write(const QByteArray& content, const QString& name = QStringLiteral("customers.csv"));
    /// Opens the dialog on `path`, shows it and waits for its first preview.
    std::unique_ptr<ImportDialog> open(const QString& path);
    /// Chooses `text` in `combo` with the keyboard, as a user would.
    static void choose(QComboBox* combo, const QString& text);
    static QTableView* preview(ImportDialog& d);

    QTemporaryDir m_dir;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QApplication::setQuitOnLastWindowClosed(false);
}

QString TestImportDialog::write(const QByteArray& content, const QString& name)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write the test file");
    }
    return path;
}

std::unique_ptr<ImportDialog> TestImportDialog::open(const QString& path)
{
    auto d = std::make_unique<ImportDialog>(path);
    QSignalSpy ready(d.get(), &ImportDialog::previewReady);
    d->show();
    if (!QTest::qWaitForWindowExposed(d.get()) || (ready.isEmpty() && !ready.wait(60000))) {
        return nullptr;
    }
    return d;
}

void TestImportDialog::choose(QComboBox* combo, const QString& text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setFocus();
    // Arrow keys move one item at a time and signal a user choice, as clicking an item does.
    while (combo->currentIndex() != index) {
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }
}

QTableView* TestImportDialog::preview(ImportDialog& d)
{
    return d.findChild<QTableView*>(QStringLiteral("previewView"));
}

void TestImportDialog::testPreviewShowsWhatWasDetected_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<bool>("header");
    QTest::addColumn<QString>("firstAmount");
    QTest::addColumn<QString>("amountType");

    QTest::newRow("semicolon and decimal comma")
        << QByteArray("name;amount;joined\nAnna;1,5;05.03.2024\nBen;12,25;31.12.2023\nCleo;;01.01.2024\n")
        << "Semicolon ( ; )"
        << "Comma ( 1,5 )" << true << "1.5"
        << "Number";
    QTest::newRow("tab and decimal point")
        << QByteArray(
               "name\tamount\tjoined\nAnna\t3.75\t2024-03-05\nBen\t4\t2023-12-31\nCleo\t5\t2024-01-01\n")
        << "Tab"
        << "Point ( 1.5 )" << true << "3.75"
        << "Number";
    QTest::newRow("comma, no header")
        << QByteArray("Anna,7,2024-03-05\nBen,8,2023-12-31\nCleo,9,2024-01-01\n") << "Comma ( , )"
        << "Point ( 1.5 )" << false << "7"
        << "Number";
}

void TestImportDialog::testPreviewShowsWhatWasDetected()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, delimiter);
    QFETCH(QString, decimal);
    QFETCH(bool, header);
    QFETCH(QString, firstAmount);
    QFETCH(QString, amountType);

    const auto d = open(write(content));
    QVERIFY(d);
    QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("delimiterCombo"))->currentText(), delimiter);
    QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("decimalCombo"))->currentText(), decimal);
    QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("encodingCombo"))->currentText(),
             QStringLiteral("UTF-8"));
    QCOMPARE(d->findChild<QCheckBox*>(QStringLiteral("headerCheck"))->isChecked(), header);

    QTableView* view = preview(*d);
    QVERIFY(view && view->isVisible());
    QCOMPARE(view->model()->rowCount(), 3);
    QCOMPARE(view->model()->columnCount(), 3);
    QCOMPARE(view->model()->index(0, 1).data().toString(), firstAmount);
    QCOMPARE(view->model()->headerData(1, Qt::Horizontal).toString(),
             header ? QStringLiteral("amount") : QStringLiteral("column2"));
    const auto* types = d->findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    QCOMPARE(types->rowCount(), 3);
    QCOMPARE(qobject_cast<QComboBox*>(types->cellWidget(1, 1))->currentText(), amountType);
    QCOMPARE(qobject_cast<QComboBox*>(types->cellWidget(2, 1))->currentText(), QStringLiteral("Date"));
    QVERIFY(d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!d->findChild<QLabel*>(QStringLiteral("importError"))->isVisible());

    // The options for the whole file read it as the preview did.
    const neurolift::CsvOptions o = d->csvOptions();
    QCOMPARE(o.delimiter, d->preview()->delimiter);
    QCOMPARE(o.decimal, decimal.startsWith(QStringLiteral("Comma")) ? ',' : '.');
    QCOMPARE(o.header, std::optional<bool>(header));
    QCOMPARE(o.maxRows, std::size_t{0});
}

void TestImportDialog::testChangingTheDelimiterRereadsThePreview()
{
    const auto d = open(write("a;b;c\n1;2;3\n4;5;6\n"));
    QVERIFY(d);
    QTableView* view = preview(*d);
    QCOMPARE(view->model()->columnCount(), 3);

    QSignalSpy ready(d.get(), &ImportDialog::previewReady);
    choose(d->findChild<QComboBox*>(QStringLiteral("delimiterCombo")), QStringLiteral("Comma ( , )"));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QCOMPARE(view->model()->columnCount(), 1);
    QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("a;b;c"));
    QCOMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("4;5;6"));
    QCOMPARE(d->csvOptions().delimiter, ',');
}

void TestImportDialog::testChangingAColumnTypeRereadsThePreview()
{
    const auto d = open(write("customer,region,spend\nC1,10,5.5\nC2,20,6\nC3,10,7\nC4,30,1\n"));
    QVERIFY(d);
    auto* types = d->findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    auto* regionType = qobject_cast<QComboBox*>(types->cellWidget(1, 1));
    QCOMPARE(regionType->currentText(), QStringLiteral("Number"));

    QSignalSpy ready(d.get(), &ImportDialog::previewReady);
    choose(regionType, QStringLiteral("Category"));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QCOMPARE(d->preview()->table.column(1).type, ColumnType::Categorical);
    QCOMPARE(preview(*d)->model()->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("region \u2014 Category"));
    types = d->findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    QCOMPARE(qobject_cast<QComboBox*>(types->cellWidget(1, 1))->currentText(), QStringLiteral("Category"));
    const neurolift::CsvOptions o = d->csvOptions();
    QCOMPARE(o.columnTypes.size(), std::size_t{1});
    QCOMPARE(o.columnTypes.at("region"), ColumnType::Categorical);
}

void TestImportDialog::testUncheckingTheHeaderNamesColumnsByNumber()
{
    const auto d = open(write("name,city\nAnna,Oslo\nBen,Rome\n"));
    QVERIFY(d);
    auto* header = d->findChild<QCheckBox*>(QStringLiteral("headerCheck"));
    QVERIFY(header->isChecked());
    QSignalSpy ready(d.get(), &ImportDialog::previewReady);
    QTest::mouseClick(header, Qt::LeftButton, {}, QPoint(8, header->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QVERIFY(!header->isChecked());
    QCOMPARE(preview(*d)->model()->rowCount(), 3);
    QCOMPARE(preview(*d)->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("column1"));
    QCOMPARE(preview(*d)->model()->index(0, 0).data().toString(), QStringLiteral("name"));
    QCOMPARE(d->csvOptions().header, std::optional<bool>(false));
}

void TestImportDialog::testWarningsShowTheirLines()
{
    const auto d = open(write("id,amount,note\n1,2,x\n3,4\n5,6,y\n7,8,z\n", QStringLiteral("ragged.csv")));
    QVERIFY(d);
    auto* warnings = d->findChild<QListWidget*>(QStringLiteral("importWarnings"));
    QVERIFY(warnings->isVisible());
    QStringList texts;
    for (int i = 0; i < warnings->count(); ++i) {
        texts << warnings->item(i)->text();
    }
    QVERIFY2(texts.filter(QStringLiteral("line 3: 2 fields where the header has 3")).size() == 1,
             qPrintable(texts.join(QLatin1Char('\n'))));
    QCOMPARE(preview(*d)->model()->rowCount(), 3);
}

void TestImportDialog::testMalformedFileShowsTheReadersMessage()
{
    const auto d = open(write("a,b\n1,2\n\"3,4\n5,6\n", QStringLiteral("broken.csv")));
    QVERIFY(d);
    auto* error = d->findChild<QLabel*>(QStringLiteral("importError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QStringLiteral("\"broken.csv\", line 3")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("never closed")));
    QCOMPARE(d->errorText(), error->text());
    QVERIFY(!d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(preview(*d)->model()->rowCount(), 0);
}

void TestImportDialog::testImportJobReadsTheWholeFileWithProgress()
{
    QByteArray content("id;amount\n");
    for (int i = 0; i < 5000; ++i) {
        content += "C" + QByteArray::number(i) + ";" + QByteArray::number(i % 10) + ",5\n";
    }
    CsvImportJob job;
    QSignalSpy progress(&job, &CsvImportJob::progressChanged);
    QSignalSpy succeeded(&job, &CsvImportJob::succeeded);
    neurolift::CsvOptions options;
    options.delimiter = ';';
    job.start(write(content, QStringLiteral("whole.csv")), options);
    QVERIFY(job.isRunning());
    QVERIFY(succeeded.wait(20000));
    QVERIFY(!job.isRunning());
    const auto result = succeeded.at(0).at(0).value<std::shared_ptr<neurolift::CsvResult>>();
    QVERIFY(result);
    QCOMPARE(result->table.rowCount(), std::size_t{5000});
    QCOMPARE(result->table.column(1).values[3], 3.5);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
}

void TestImportDialog::testImportJobReportsTheReadersMessage()
{
    CsvImportJob job;
    QSignalSpy failed(&job, &CsvImportJob::failed);
    job.start(write("id,id\n1,2\n", QStringLiteral("twice.csv")), {});
    QVERIFY(failed.wait(20000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("\"twice.csv\", line 1, column 2: ")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("appears twice")));
}

void TestImportDialog::testImportJobCanBeCancelled()
{
    // Large enough (about 24 MB) that the reader reports progress before the end.
    QByteArray content("id,amount,segment\n");
    const QByteArray row(",123.25,a segment name that makes the row longer than it needs to be\n");
    content.reserve(24 << 20);
    for (int i = 0; content.size() < (24 << 20); ++i) {
        content += QByteArray::number(i) + row;
    }
    const QString path = write(content, QStringLiteral("large.csv"));
    content.clear();
    CsvImportJob job;
    QSignalSpy cancelled(&job, &CsvImportJob::cancelled);
    QSignalSpy succeeded(&job, &CsvImportJob::succeeded);
    neurolift::CsvOptions options;
    options.threads = 1;
    job.start(path, options);
    job.cancel();
    QVERIFY(cancelled.wait(20000));
    QCOMPARE(succeeded.count(), 0);
    QVERIFY(!job.isRunning());
}

void TestImportDialog::testScreenshot()
{
    const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS");
    const QString csv = QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")) +
                        QStringLiteral("/../shared/data/online-shoppers/online_shoppers_intention.csv");
    if (out.isEmpty() || !QFileInfo::exists(csv)) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder (and have ../shared/data) to write the screenshot");
    }
    const auto d = open(csv);
    QVERIFY(d);
    d->resize(1280, 800);
    neurolift::test::deliverPostedEvents(); // the layout for the new size
    const QString file = QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("import-dialog.png"));
    QVERIFY(d->grab().save(file));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
