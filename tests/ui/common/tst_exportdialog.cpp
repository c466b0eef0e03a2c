// The export dialog says, as the user types the file name, when the export
// could not go there: a project (or another database), a folder, a link that
// leads nowhere, a missing folder; and lets a new file, an earlier export or
// a device such as /dev/null through; and writes the rows best first unless
// asked to keep the file's order.
#include "common/exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace neurolift;

class TestExportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testWhereTheExportGoes_data();
    void testWhereTheExportGoes();
    void testRowsBestFirstUnlessAsked_data();
    void testRowsBestFirstUnlessAsked();

private:
    QTemporaryDir m_dir;
};

void TestExportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile project(m_dir.filePath(QStringLiteral("customers.nlproj")));
    QVERIFY(project.open(QIODevice::WriteOnly));
    project.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
    project.close();
    QFile earlier(m_dir.filePath(QStringLiteral("earlier.csv")));
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.write("customer_id,score\n1,0.5\n");
    earlier.close();
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));
    QCOMPARE(::symlink("nothing-here",
                       QFile::encodeName(m_dir.filePath(QStringLiteral("dangling.csv"))).constData()),
             0);
}

void TestExportDialog::testWhereTheExportGoes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem"); ///< Empty: OK is enabled.
    QTest::newRow("new file") << "@dir/scores.csv" << QString();
    QTest::newRow("an earlier export") << "@dir/earlier.csv" << QString();
    QTest::newRow("/dev/null") << "/dev/null" << QString();
    QTest::newRow("the project")
        << "@dir/customers.nlproj"
        << "\"@dir/customers.nlproj\" is a NeuroLift project or another database, which an output never "
           "replaces; choose another file name";
    QTest::newRow("a folder") << "@dir/folder"
                              << "\"@dir/folder\" is a folder; give the name of a file to write";
    QTest::newRow("a link to nothing") << "@dir/dangling.csv"
                                       << "\"@dir/dangling.csv\" is a link to a file that does not exist (No "
                                          "such file or directory); remove the "
                                          "link or choose another name";
    QTest::newRow("a missing folder") << "@dir/no/such.csv"
                                      << "The folder @dir/no does not exist.";
}

void TestExportDialog::testWhereTheExportGoes()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);
    path.replace(QStringLiteral("@dir"), m_dir.path());
    problem.replace(QStringLiteral("@dir"), m_dir.path());
    ExportDialog dialog({QStringLiteral("customer_id"), QStringLiteral("visits")},
                        {QStringLiteral("customer_id")}, m_dir.filePath(QStringLiteral("first.csv")), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("exportPath"));
    auto* shown = dialog.findChild<QLabel*>(QStringLiteral("exportProblem"));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(edit && shown && ok);
    QVERIFY(ok->isEnabled());
    edit->clear();
    QTest::keyClicks(edit, path);
    QCOMPARE(shown->isVisible(), !problem.isEmpty());
    QCOMPARE(shown->text(), problem);
    QCOMPARE(ok->isEnabled(), problem.isEmpty());
    if (!qEnvironmentVariableIsEmpty("NEUROLIFT_SCREENSHOTS") && path.endsWith(QLatin1String(".nlproj"))) {
        dialog.grab().save(qEnvironmentVariable("NEUROLIFT_SCREENSHOTS") +
                           QStringLiteral("/export-refused.png"));
    }
}

void TestExportDialog::testRowsBestFirstUnlessAsked_data()
{
    QTest::addColumn<int>("downs"); ///< Down-arrow presses on the order picker.
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("byRank");
    QTest::newRow("as it opens") << 0 << "Best first (rank 1 at the top)" << true;
    QTest::newRow("keep the file's order") << 1 << "As in your data file" << false;
}

void TestExportDialog::testRowsBestFirstUnlessAsked()
{
    QFETCH(int, downs);
    QFETCH(QString, shown);
    QFETCH(bool, byRank);
    ExportDialog dialog({QStringLiteral("customer_id")}, {}, m_dir.filePath(QStringLiteral("scores.csv")),
                        false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QComboBox* order = dialog.orderPicker();
    QVERIFY(order->isVisible());
    order->setFocus();
    for (int i = 0; i < downs; ++i) {
        QTest::keyClick(order, Qt::Key_Down);
    }
    QCOMPARE(order->currentText(), shown);
    QCOMPARE(dialog.options().order, byRank ? ExportOrder::ByRank : ExportOrder::FileOrder);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
