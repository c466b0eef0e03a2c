#include "data/columnprofile.h"
#include "data/columnwordslink.h"
#include "data/csvreader.h"
#include "data/datachoice.h"
#include "data/datapage.h"
#include "data/tablemodel.h"
#include "eventqueue.h"
#include "layoutcheck.h"
#include "shell/document.h"
#include "shell/language.h"
#include "uidriver.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>
#include <qcustomplot.h>

#include <memory>

using neurolift::DataChoice;
using neurolift::DataPage;

namespace {

QStringList names(const char* list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

class TestDataPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testEmptyStateInvitesAnImport();
    void testImportButtonAsksForAFileAndRequestsIt();
    void testDefaultsAfterATableIsSet();
    void testChoosingATargetIsOneEditWithBeforeAndAfter();
    void testChoosingThePositiveAnswer();
    void testCategoryTargetOffersEveryValue();
    void testUncheckingAFeature();
    void testChoosingTheIdColumnTakesItOutOfTheInputs();
    void testSetChoiceShowsItWithoutReportingAnEdit();
    void testChoiceIsStoredAsTheCoreChoice();
    void testFilterReducesTheVisibleRows_data();
    void testFilterReducesTheVisibleRows();
    void testFindShortcutGoesToTheFilter();
    void testClickingAColumnShowsItsProfile_data();
    void testClickingAColumnShowsItsProfile();
    void testClickingAHeaderSortsAndProfiles();
    void testHeaderClickProfilesItsColumnAfterACell_data();
    void testHeaderClickProfilesItsColumnAfterACell();
    void testPageHasATitle_data();
    void testPageHasATitle();
    void testOnlineShoppersWithRevenueAsTarget();
    void testLargeTablesAreProfiledInTheBackground();
    void testDescribingAColumnIsKeptInTheProjectAndUndone_issue18();
    void testTooLongWordsAreRefusedWithAMessage_issue18();
    void testDamagedWordsAreSaidNotUsed_issue18_data();
    void testDamagedWordsAreSaidNotUsed_issue18();
    void testProfileWithWordsFits_issue18_data();
    void testProfileWithWordsFits_issue18();

private:
    /// Chooses `text` in `combo` with the keyboard, as a user would.
    /// Clicks the check box of `item`.
    static void toggle(QListWidgetItem* item);
    QListWidgetItem* featureItem(const QString& name) const;
    QString write(const QByteArray& content, const QString& name);
    /// Clicks a cell of column `column`, which shows its profile.
    void clickColumn(int column);
    template <typename T>
    T* find(const char* name) const
    {
        return m_page->findChild<T*>(QString::fromLatin1(name));
    }

    QTemporaryDir m_dir;
    std::shared_ptr<const neurolift::Table> m_customers;
    std::unique_ptr<DataPage> m_page;
};

void TestDataPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QApplication::setQuitOnLastWindowClosed(false);
    // 80 customers: an id, numbers, categories, yes/no, dates, free text and a yes/no outcome.
    QByteArray csv("customer_id,age,plan,newsletter,signup,comment,churned\n");
    const char* plans[] = {"Gold", "Silver", "Bronze", "Silver"};
    for (int i = 0; i < 80; ++i) {
        csv += "C" + QByteArray::number(1000 + i) + "," + QByteArray::number(20 + (i * 7) % 50) + "," +
               plans[i % 4] + "," + (i % 3 ? "yes" : "no") + ",2023-" + QByteArray::number(1 + i % 12) +
               "-15," + (i % 10 == 0 ? QByteArray() : "note " + QByteArray::number(i)) + "," +
               (i % 5 == 0 ? "Yes" : "No") + "\n";
    }
    const neurolift::CsvResult r =
        neurolift::readCsv(write(csv, QStringLiteral("customers.csv")).toStdString());
    QCOMPARE(r.table.column("comment")->type, neurolift::ColumnType::Text);
    QCOMPARE(r.table.column("customer_id")->type, neurolift::ColumnType::Identifier);
    QCOMPARE(r.table.column("churned")->type, neurolift::ColumnType::Boolean);
    QCOMPARE(r.table.column("signup")->type, neurolift::ColumnType::Date);
    m_customers = std::make_shared<const neurolift::Table>(r.table);
}

void TestDataPage::init()
{
    m_page = std::make_unique<DataPage>();
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestDataPage::cleanup()
{
    m_page.reset();
}

QString TestDataPage::write(const QByteArray& content, const QString& name)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write the test file");
    }
    return path;
}

void TestDataPage::toggle(QListWidgetItem* item)
{
    QVERIFY(item);
    QListWidget* list = item->listWidget();
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualItemRect(item);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = item->text();
    const QRect check = list->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, list);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, check.center());
}

QListWidgetItem* TestDataPage::featureItem(const QString& name) const
{
    const auto* list = find<QListWidget>("featureList");
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text() == name) {
            return list->item(i);
        }
    }
    return nullptr;
}

void TestDataPage::testEmptyStateInvitesAnImport()
{
    const auto* stack = find<QStackedWidget>("dataStack");
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QCOMPARE(find<QLabel>("emptyTitle")->text(), QStringLiteral("No customer data yet"));
    QVERIFY(find<QLabel>("emptyText")->text().startsWith(QStringLiteral("Import a CSV file to begin")));
    QVERIFY(find<QPushButton>("emptyImportButton")->isVisible());
    QVERIFY(!find<QTableView>("dataView")->isVisible());
    if (const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS"); !out.isEmpty()) {
        QVERIFY(m_page->grab().save(
            QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("data-page-empty.png"))));
    }

    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("dataContent"));
    QVERIFY(find<QTableView>("dataView")->isVisible());
    m_page->setTable(nullptr, QString());
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
}

void TestDataPage::testImportButtonAsksForAFileAndRequestsIt()
{
    const QString path = write("a,b\n1,2\n", QStringLiteral("picked.csv"));
    QSignalSpy requested(m_page.get(), &DataPage::importRequested);
    QTest::mouseClick(find<QPushButton>("emptyImportButton"), Qt::LeftButton);
    QPointer<QFileDialog> dialog = m_page->findChild<QFileDialog*>(QStringLiteral("importFileDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 60000);
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFile);
    QVERIFY(dialog->nameFilters().first().contains(QStringLiteral("*.csv")));
    QCOMPARE(requested.count(), 0);

    // The user picks a file: the dialog reports it as when its Open button is pressed.
    QMetaObject::invokeMethod(dialog, "fileSelected", Q_ARG(QString, path));
    dialog->close();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), path);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 60000); // deleted once closed

    // Cancelling requests nothing.
    QTest::mouseClick(find<QPushButton>("emptyImportButton"), Qt::LeftButton);
    dialog = m_page->findChild<QFileDialog*>(QStringLiteral("importFileDialog"));
    QVERIFY(dialog);
    dialog->reject();
    QCOMPARE(requested.count(), 1);
}

void TestDataPage::testDefaultsAfterATableIsSet()
{
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QCOMPARE(edited.count(), 0);
    const DataChoice c = m_page->choice();
    QCOMPARE(c.target, QString());
    QCOMPARE(c.positive, QString());
    QCOMPARE(c.idColumn, QStringLiteral("customer_id"));
    QCOMPARE(c.features, names("age,plan,newsletter,signup,churned"));

    QCOMPARE(find<QComboBox>("targetCombo")->currentText(), QStringLiteral("Choose a column\u2026"));
    QVERIFY(!find<QComboBox>("positiveCombo")->isEnabled());
    QCOMPARE(find<QComboBox>("idCombo")->currentText(), QStringLiteral("customer_id"));
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("80 rows"));
    QCOMPARE(find<QLabel>("featureCount")->text(), QStringLiteral("5 of 5 usable columns are inputs"));

    // Identifiers and free text are shown, unchecked and disabled, with the reason.
    QListWidgetItem* id = featureItem(QStringLiteral("customer_id"));
    QListWidgetItem* comment = featureItem(QStringLiteral("comment"));
    QVERIFY(id && comment);
    QVERIFY(!(id->flags() & Qt::ItemIsEnabled));
    QCOMPARE(id->checkState(), Qt::Unchecked);
    QVERIFY(id->toolTip().contains(QStringLiteral("customer id")));
    QVERIFY(!(comment->flags() & Qt::ItemIsEnabled));
    QVERIFY(comment->toolTip().contains(QStringLiteral("Free text")));
    QCOMPARE(featureItem(QStringLiteral("age"))->checkState(), Qt::Checked);
}

void TestDataPage::testChoosingATargetIsOneEditWithBeforeAndAfter()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    const DataChoice before = m_page->choice();
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);

    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("churned"));

    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<DataChoice>(), before);
    const DataChoice after = edited.at(0).at(1).value<DataChoice>();
    QCOMPARE(after.target, QStringLiteral("churned"));
    QCOMPARE(after.positive, QStringLiteral("Yes")); // the answer that reads as yes
    QCOMPARE(after.idColumn, QStringLiteral("customer_id"));
    QCOMPARE(after.features, names("age,plan,newsletter,signup"));
    QCOMPARE(m_page->choice(), after);

    auto* positive = find<QComboBox>("positiveCombo");
    QVERIFY(positive->isEnabled());
    QCOMPARE(positive->currentText(), QStringLiteral("Yes"));
    QCOMPARE(positive->count(), 2);
    QCOMPARE(featureItem(QStringLiteral("churned")), nullptr); // the target is not an input
    QCOMPARE(find<QLabel>("featureCount")->text(), QStringLiteral("4 of 4 usable columns are inputs"));
}

void TestDataPage::testChoosingThePositiveAnswer()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("churned"));
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);
    neurolift::test::clickComboItem(find<QComboBox>("positiveCombo"), QStringLiteral("No"));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<DataChoice>().positive, QStringLiteral("Yes"));
    QCOMPARE(edited.at(0).at(1).value<DataChoice>().positive, QStringLiteral("No"));
    QCOMPARE(m_page->choice().positive, QStringLiteral("No"));
}

void TestDataPage::testCategoryTargetOffersEveryValue()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("plan"));
    auto* positive = find<QComboBox>("positiveCombo");
    QStringList items;
    for (int i = 0; i < positive->count(); ++i) {
        items << positive->itemText(i);
    }
    QCOMPARE(items, (QStringList{QStringLiteral("None: predict every value"), QStringLiteral("Gold"),
                                 QStringLiteral("Silver"), QStringLiteral("Bronze")}));
    QCOMPARE(m_page->choice().positive, QString()); // three values: no single positive one
    neurolift::test::clickComboItem(positive, QStringLiteral("Gold"));
    QCOMPARE(m_page->choice().positive, QStringLiteral("Gold"));
}

void TestDataPage::testUncheckingAFeature()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("churned"));
    const DataChoice before = m_page->choice();
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);

    QListWidgetItem* age = featureItem(QStringLiteral("age"));
    toggle(age);

    QCOMPARE(age->checkState(), Qt::Unchecked);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<DataChoice>(), before);
    const DataChoice after = edited.at(0).at(1).value<DataChoice>();
    QCOMPARE(after.features, names("plan,newsletter,signup"));
    QCOMPARE(after.target, before.target);
    QCOMPARE(m_page->choice(), after);
    QCOMPARE(find<QLabel>("featureCount")->text(), QStringLiteral("3 of 4 usable columns are inputs"));

    // Disabled items cannot be checked.
    toggle(featureItem(QStringLiteral("comment")));
    QCOMPARE(featureItem(QStringLiteral("comment"))->checkState(), Qt::Unchecked);
    QCOMPARE(edited.count(), 1);
}

void TestDataPage::testChoosingTheIdColumnTakesItOutOfTheInputs()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);
    neurolift::test::clickComboItem(find<QComboBox>("idCombo"), QStringLiteral("None"));
    QCOMPARE(m_page->choice().idColumn, QString());
    // Now just an identifier, still not usable as an input.
    QVERIFY(featureItem(QStringLiteral("customer_id"))->toolTip().contains(QStringLiteral("identifier")));
    neurolift::test::clickComboItem(find<QComboBox>("idCombo"), QStringLiteral("plan"));
    QCOMPARE(edited.count(), 2);
    const DataChoice after = edited.at(1).at(1).value<DataChoice>();
    QCOMPARE(after.idColumn, QStringLiteral("plan"));
    QVERIFY(!after.features.contains(QStringLiteral("plan")));
    QVERIFY(!(featureItem(QStringLiteral("plan"))->flags() & Qt::ItemIsEnabled));
}

void TestDataPage::testSetChoiceShowsItWithoutReportingAnEdit()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);
    DataChoice c;
    c.target = QStringLiteral("churned");
    c.positive = QStringLiteral("No");
    c.idColumn = QStringLiteral("customer_id");
    c.features = names("age,signup");
    m_page->setChoice(c);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(m_page->choice(), c);
    QCOMPARE(find<QComboBox>("targetCombo")->currentText(), QStringLiteral("churned"));
    QCOMPARE(find<QComboBox>("positiveCombo")->currentText(), QStringLiteral("No"));
    QCOMPARE(featureItem(QStringLiteral("age"))->checkState(), Qt::Checked);
    QCOMPARE(featureItem(QStringLiteral("plan"))->checkState(), Qt::Unchecked);
    QCOMPARE(find<QLabel>("featureCount")->text(), QStringLiteral("2 of 4 usable columns are inputs"));
}

void TestDataPage::testChoiceIsStoredAsTheCoreChoice()
{
    DataChoice c;
    c.target = QStringLiteral("Umsatz \u20ac");
    c.positive = QStringLiteral("ja");
    c.features = names("a,b");
    // Stored as the command line reads it (neurolift-cli train --project).
    const nlohmann::json j = neurolift::toColumnChoice(c).toJson();
    QCOMPARE(j.at("column").get<std::string>(), std::string("Umsatz \u20ac"));
    QCOMPARE(j.at("id").get<std::string>(), std::string());
    QCOMPARE(j.at("features").size(), std::size_t{2});
    QCOMPARE(neurolift::fromColumnChoice(neurolift::ColumnChoice::fromJson(j), nullptr), c);
    // A choice the command line stored (features chosen automatically) shows resolved.
    neurolift::ColumnChoice cli;
    cli.target = "Umsatz \u20ac";
    QCOMPARE(neurolift::fromColumnChoice(cli, nullptr).features, QStringList());
}

void TestDataPage::testFilterReducesTheVisibleRows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("rows");
    QTest::newRow("a plan, any case") << "gold"
                                      << "All columns" << 20;
    QTest::newRow("an id") << "C1007"
                           << "All columns" << 1;
    QTest::newRow("a month in the signup column") << "2023-03"
                                                  << "signup" << 7;
    QTest::newRow("words of the comments only") << "note 1"
                                                << "comment" << 10; // note 1, 11..19
    QTest::newRow("nothing") << "zebra"
                             << "All columns" << 0;
}

void TestDataPage::testFilterReducesTheVisibleRows()
{
    QFETCH(QString, text);
    QFETCH(QString, column);
    QFETCH(int, rows);
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    auto* view = find<QTableView>("dataView");
    QCOMPARE(view->model()->rowCount(), 80);
    neurolift::test::clickComboItem(find<QComboBox>("filterColumn"), column);
    QTest::keyClicks(find<QLineEdit>("filterEdit"), text);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), rows, 60000);
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("%1 of 80 rows").arg(rows));
    if (rows > 0) {
        QVERIFY(view->model()->index(0, 0).data().toString().startsWith(QLatin1Char('C')));
    }
    find<QLineEdit>("filterEdit")->clear();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 80, 60000);
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("80 rows"));
}

void TestDataPage::testFindShortcutGoesToTheFilter()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    auto* view = find<QTableView>("dataView");
    view->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(view->hasFocus(), 60000);
    QTest::keySequence(view, QKeySequence::Find);
    QVERIFY(find<QLineEdit>("filterEdit")->hasFocus());
}

void TestDataPage::testClickingAColumnShowsItsProfile_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("missing");
    QTest::addColumn<QString>("distinct");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("bars");
    QTest::newRow("number") << 1 << "Number"
                            << "none"
                            << "50"
                            << "20 to 69, average " << 20;
    QTest::newRow("category") << 2 << "Category"
                              << "none"
                              << "3"
                              << "Silver (50.0 %)" << 3;
    QTest::newRow("yes/no") << 3 << "Yes/No"
                            << "none"
                            << "2"
                            << "yes (66.3 %)" << 2;
    QTest::newRow("date by month") << 4 << "Date"
                                   << "none"
                                   << "12"
                                   << "2023-01-15 to 2023-12-15" << 12;
    QTest::newRow("text") << 5 << "Text"
                          << "8 (10.0 %)"
                          << "72"
                          << "free text" << 0;
    QTest::newRow("identifier") << 0 << "Identifier"
                                << "none"
                                << "80"
                                << "a name for each row" << 0;
}

void TestDataPage::testClickingAColumnShowsItsProfile()
{
    QFETCH(int, column);
    QFETCH(QString, type);
    QFETCH(QString, missing);
    QFETCH(QString, distinct);
    QFETCH(QString, detail);
    QFETCH(int, bars);
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    auto* view = find<QTableView>("dataView");
    const QRect cell = view->visualRect(view->model()->index(2, column));
    QVERIFY(view->viewport()->rect().contains(cell.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());

    const auto* profile = find<neurolift::ColumnProfile>("columnProfile");
    QCOMPARE(profile->column(), column);
    QCOMPARE(find<QLabel>("profileTitle")->text(),
             view->model()->headerData(column, Qt::Horizontal).toString());
    QCOMPARE(find<QLabel>("profileType")->text(), type);
    QCOMPARE(find<QLabel>("profileMissing")->text(), missing);
    QCOMPARE(find<QLabel>("profileDistinct")->text(), distinct);
    QVERIFY2(find<QLabel>("profileRange")->text().contains(detail),
             qPrintable(find<QLabel>("profileRange")->text()));
    auto* plot = find<QCustomPlot>("profileHistogram");
    QCOMPARE(plot->isVisible(), bars > 0);
    if (bars > 0) {
        auto* histogram = qobject_cast<QCPBars*>(plot->plottable(0));
        QVERIFY(histogram);
        QCOMPARE(histogram->data()->size(), bars);
        double total = 0;
        for (const QCPBarsData& b : *histogram->data()) {
            total += b.value;
        }
        QCOMPARE(total, 80.0);
    }
}

void TestDataPage::testClickingAHeaderSortsAndProfiles()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    auto* view = find<QTableView>("dataView");
    QHeaderView* header = view->horizontalHeader();
    const QPoint age(header->sectionViewportPosition(1) + header->sectionSize(1) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, age);
    QCOMPARE(find<neurolift::ColumnProfile>("columnProfile")->column(), 1);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("20"));
    QCOMPARE(view->model()->index(79, 1).data().toString(), QStringLiteral("69"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, age);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("69"));
}

void TestDataPage::testHeaderClickProfilesItsColumnAfterACell_data()
{
    QTest::addColumn<bool>("inBackground");
    QTest::newRow("sorted at once") << false;
    QTest::newRow("sorted in the background") << true;
}

void TestDataPage::testHeaderClickProfilesItsColumnAfterACell()
{
    QFETCH(bool, inBackground);
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    auto* model = m_page->findChild<neurolift::TableModel*>();
    QVERIFY(model);
    if (inBackground) {
        model->setBackgroundThreshold(1);
    }
    auto* view = find<QTableView>("dataView");
    // A cell of "plan" first, so the profile has another column to let go of.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(3, 2)).center());
    QCOMPARE(find<QLabel>("profileTitle")->text(), QStringLiteral("plan"));

    QSignalSpy sorted(model, &neurolift::TableModel::rowsChanged);
    QHeaderView* header = view->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(1) + header->sectionSize(1) / 2, header->height() / 2));
    if (inBackground) {
        QVERIFY(sorted.wait(20000));
    }
    QCOMPARE(sorted.count(), 1);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("20"));
    // The profile and the table's current cell both follow the clicked column.
    QCOMPARE(find<neurolift::ColumnProfile>("columnProfile")->column(), 1);
    QCOMPARE(find<QLabel>("profileTitle")->text(), QStringLiteral("age"));
    QCOMPARE(view->currentIndex().column(), 1);
    QVERIFY(view->selectionModel()->isSelected(view->currentIndex()));

    // Arrow keys move on from the clicked column.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(find<QLabel>("profileTitle")->text(), QStringLiteral("plan"));
}

void TestDataPage::testPageHasATitle_data()
{
    QTest::addColumn<bool>("withTable");
    QTest::newRow("before an import") << false;
    QTest::newRow("with a table") << true;
}

void TestDataPage::testPageHasATitle()
{
    QFETCH(bool, withTable);
    if (withTable) {
        m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    }
    const auto* heading = find<QLabel>("heading");
    QVERIFY(heading);
    QVERIFY(heading->isVisible());
    QCOMPARE(heading->text(), QStringLiteral("Check your customer data"));
    // A title like the other steps' pages: bold and larger than the page's text, above everything else.
    QVERIFY(heading->font().bold());
    QVERIFY(heading->font().pointSizeF() > m_page->font().pointSizeF() * 1.5);
    QVERIFY(heading->fontMetrics().horizontalAdvance(heading->text()) <= heading->contentsRect().width());
    QVERIFY(heading->mapTo(m_page.get(), QPoint(0, heading->height())).y() <=
            find<QStackedWidget>("dataStack")->mapTo(m_page.get(), QPoint(0, 0)).y());

    // The room the page has in a 1280x720 and a 1920x1080 window (less the navigation, menu and status bar).
    if (const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS"); !out.isEmpty()) {
        for (const QSize room : {QSize(1070, 650), QSize(1710, 1010)}) {
            m_page->resize(room);
            neurolift::test::deliverPostedEvents();
            QVERIFY(m_page->grab().save(QDir(QString::fromLocal8Bit(out))
                                            .filePath(QStringLiteral("data-page-%1-%2x%3.png")
                                                          .arg(withTable ? "table" : "empty")
                                                          .arg(room.width())
                                                          .arg(room.height()))));
        }
    }
}

void TestDataPage::testOnlineShoppersWithRevenueAsTarget()
{
    const QString csv = QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")) +
                        QStringLiteral("/../shared/data/online-shoppers/online_shoppers_intention.csv");
    if (!QFileInfo::exists(csv)) {
        QSKIP("../shared/data/online-shoppers is not available");
    }
    const neurolift::CsvResult r = neurolift::readCsv(csv.toStdString());
    m_page->setTable(std::make_shared<const neurolift::Table>(r.table),
                     QStringLiteral("online_shoppers_intention.csv"));
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("12,330 rows"));
    QSignalSpy edited(m_page.get(), &DataPage::choiceEdited);
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("Revenue"));
    QCOMPARE(m_page->choice().target, QStringLiteral("Revenue"));
    QCOMPARE(m_page->choice().positive, QStringLiteral("YES"));
    QCOMPARE(m_page->choice().features.size(), 17);
    QVERIFY(!edited.isEmpty());

    auto* view = find<QTableView>("dataView");
    const int exitRates = 7;
    QCOMPARE(view->model()->headerData(exitRates, Qt::Horizontal).toString(), QStringLiteral("ExitRates"));
    view->scrollTo(view->model()->index(0, exitRates));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(1, exitRates)).center());
    QCOMPARE(find<QLabel>("profileTitle")->text(), QStringLiteral("ExitRates"));

    const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS");
    if (!out.isEmpty()) {
        view->scrollTo(view->model()->index(0, 0));
        neurolift::test::deliverPostedEvents(); // queued layouts and replots
        QVERIFY(
            m_page->grab().save(QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("data-page.png"))));
    }
}

void TestDataPage::testLargeTablesAreProfiledInTheBackground()
{
    const std::size_t n = neurolift::ColumnProfile::kBackgroundRows + 1000;
    neurolift::Column spend;
    spend.name = "spend";
    spend.values.resize(n);
    spend.missing.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        spend.values[i] = static_cast<double>(i % 1000) / 10.0;
    }
    std::vector<neurolift::Column> columns;
    columns.push_back(std::move(spend));
    m_page->setTable(std::make_shared<const neurolift::Table>(std::move(columns), n),
                     QStringLiteral("big.csv"));
    auto* view = find<QTableView>("dataView");
    auto* profile = find<neurolift::ColumnProfile>("columnProfile");
    QSignalSpy shown(profile, &neurolift::ColumnProfile::summaryShown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, 0)).center());
    QVERIFY(profile->isBusy());
    QVERIFY(find<QLabel>("profileHint")->text().startsWith(QStringLiteral("Summarising")));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
    QCOMPARE(find<QLabel>("profileDistinct")->text(), QStringLiteral("1,000"));
    QCOMPARE(find<QLabel>("profileRange")->text(), QStringLiteral("0 to 99.9, average 49.95"));
    QVERIFY(!find<QLabel>("profileHint")->isVisible());
}

void TestDataPage::clickColumn(int column)
{
    auto* view = find<QTableView>("dataView");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(2, column)).center());
    QCOMPARE(find<neurolift::ColumnProfile>("columnProfile")->column(), column);
}

void TestDataPage::testDescribingAColumnIsKeptInTheProjectAndUndone_issue18()
{
    using neurolift::kColumnWordsSetting;
    QStandardPaths::setTestModeEnabled(true);
    auto document = neurolift::Document::createUntitled();
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    std::vector<neurolift::ColumnWords> used;
    neurolift::linkColumnWords(document.get(), m_page.get(), [&used](const auto& w) { used.push_back(w); });
    clickColumn(3);
    auto* words = find<QLineEdit>("profileWords");
    QVERIFY(words->isVisible());
    QCOMPARE(words->placeholderText(), QStringLiteral("Newsletter")); // the suggestion from the name
    QVERIFY(words->text().isEmpty());

    QTest::mouseClick(words, Qt::LeftButton);
    QTest::keyClicks(words, QStringLiteral("Reads the newsletter"));
    QTest::keyClick(words, Qt::Key_Return);
    QCOMPARE(document->setting(kColumnWordsSetting),
             (nlohmann::json{{"newsletter", "Reads the newsletter"}}));
    QCOMPARE(used.back(), (neurolift::ColumnWords{{"newsletter", "Reads the newsletter"}}));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Describe Column newsletter"));

    document->undoStack()->undo();
    QCOMPARE(document->setting(kColumnWordsSetting), nlohmann::json::object());
    QVERIFY(words->text().isEmpty());
    QVERIFY(used.back().empty());
    document->undoStack()->redo();
    QCOMPARE(words->text(), QStringLiteral("Reads the newsletter"));

    // "Use suggestion" on another column; an emptied field forgets the words.
    clickColumn(2);
    QTest::mouseClick(find<QPushButton>("profileUseSuggestion"), Qt::LeftButton);
    QCOMPARE(document->setting(kColumnWordsSetting),
             (nlohmann::json{{"newsletter", "Reads the newsletter"}, {"plan", "Plan"}}));
    clickColumn(3);
    QCOMPARE(words->text(), QStringLiteral("Reads the newsletter"));
    QTest::mouseClick(words, Qt::LeftButton);
    QTest::keyClick(words, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(words, Qt::Key_Delete);
    QTest::keyClick(words, Qt::Key_Return);
    QCOMPARE(document->setting(kColumnWordsSetting), (nlohmann::json{{"plan", "Plan"}}));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Forget Description of newsletter"));
    document.reset();
    QDir(neurolift::Document::untitledFolder()).removeRecursively();
}

void TestDataPage::testTooLongWordsAreRefusedWithAMessage_issue18()
{
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    QSignalSpy edited(m_page.get(), &DataPage::columnWordsEdited);
    clickColumn(1);
    auto* words = find<QLineEdit>("profileWords");
    QTest::mouseClick(words, Qt::LeftButton);
    QTest::keyClicks(words, QString(121, QLatin1Char('x')));
    QTest::keyClick(words, Qt::Key_Return);
    QCOMPARE(edited.count(), 0);
    auto* message = find<QLabel>("profileWordsMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("at most 120")) &&
                 message->text().contains(QStringLiteral("121")),
             qPrintable(message->text()));
    QTest::keyClick(words, Qt::Key_Backspace);
    QTest::keyClick(words, Qt::Key_Return);
    QCOMPARE(edited.count(), 1);
    QVERIFY(!message->isVisible());
}

void TestDataPage::testDamagedWordsAreSaidNotUsed_issue18_data()
{
    QTest::addColumn<QString>("setting");
    QTest::newRow("not an object") << R"(["Reads the newsletter"])";
    QTest::newRow("a number") << R"({"newsletter": 3})";
}

void TestDataPage::testDamagedWordsAreSaidNotUsed_issue18()
{
    QFETCH(QString, setting);
    QStandardPaths::setTestModeEnabled(true);
    auto document = neurolift::Document::createUntitled();
    document->edit().setSetting(neurolift::kColumnWordsSetting, nlohmann::json::parse(setting.toStdString()));
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    std::vector<neurolift::ColumnWords> used;
    neurolift::linkColumnWords(document.get(), m_page.get(), [&used](const auto& w) { used.push_back(w); });
    QCOMPARE(used.size(), std::size_t{1});
    QVERIFY(used.back().empty()); // reasons name the columns
    clickColumn(3);
    auto* message = find<QLabel>("profileWordsMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("could not be read")), qPrintable(message->text()));
    document.reset();
    QDir(neurolift::Document::untitledFolder()).removeRecursively();
}

void TestDataPage::testProfileWithWordsFits_issue18_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestDataPage::testProfileWithWordsFits_issue18()
{
    QFETCH(QString, language);
    QVERIFY(neurolift::installTranslators(language));
    m_page.reset(new DataPage);      // built in the language
    m_page->resize(1280 - 210, 640); // the page in a 1280x720 window, beside the steps
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setTable(m_customers, QStringLiteral("customers.csv"));
    m_page->setColumnWords(
        {{"plan", "The plan the customer pays for each month"}},
        neurolift::DataPage::tr("The column descriptions stored in this project could not be "
                                "read (%1), so reasons show the column names. Describe the "
                                "columns again here.")
            .arg(QStringLiteral("the description of column \"age\" is not text")));
    clickColumn(2);
    QVERIFY(find<QLabel>("profileWordsMessage")->isVisible());
    neurolift::test::deliverPostedEvents();
    if (const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS"); !folder.isEmpty()) {
        m_page->grab().save(QDir(folder).filePath(QStringLiteral("data-words-%1.png").arg(language)));
    }
    const QStringList problems = neurolift::test::layoutProblems(m_page.get(), {QStringLiteral("dataView")});
    neurolift::installTranslators(QStringLiteral("en"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
