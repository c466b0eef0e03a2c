// The interface languages: which one is chosen, that a window built after the
// choice speaks it (NeuroLift's texts and Qt's own buttons), that Settings ›
// Language stores the choice for the next start, and that the Chinese catalogue
// is complete and in step with the sources.

#include "common/pagekit.h"
#include "data/csvwarningtext.h"
#include "eventqueue.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "wizard/guidedwizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>
#include <memory>

using neurolift::MainWindow;

namespace {

/// One message of a Qt Linguist catalogue.
struct TsMessage {
    QString context;
    QString source;
    QString translation;
    bool finished = false;
};

/// The messages of the .ts file at `path`, or an empty list with `error` set.
QList<TsMessage> readCatalogue(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1StringView("message")) {
                messages << current;
            }
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1StringView("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1StringView("message")) {
            current = TsMessage{context, {}, {}, false};
        } else if (name == QLatin1StringView("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1StringView("translation")) {
            const QString type = xml.attributes().value(QLatin1StringView("type")).toString();
            current.finished = type.isEmpty();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return messages;
}

/// The placeholders (%1, %L2, %n) of a text, sorted: a translation must keep them all.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?[0-9]|%n"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found << it.next().captured();
    }
    found.sort();
    return found;
}

bool hasChineseCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff) {
            return true;
        }
    }
    return false;
}

/// The title of the menu bar's menu with object name `name`.
QString menuTitle(const MainWindow& window, const QString& name)
{
    const auto* menu = window.findChild<QMenu*>(name);
    return menu ? menu->title() : QString();
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void testChoosesTheLanguage_data();
    void testChoosesTheLanguage();
    void testWindowSpeaksTheInstalledLanguage_data();
    void testWindowSpeaksTheInstalledLanguage();
    void testWizardButtonsComeFromQtsCatalogue();
    void testSettingsMenuStoresTheChoiceForTheNextStart();
    void testChoosingTheShownLanguageAsksNothing();
    void testCatalogueIsCompleteAndKeepsPlaceholders();
    void testCatalogueIsInStepWithTheSources_data();
    void testCatalogueIsInStepWithTheSources();
    void testWhatReachesTheListSpeaksTheLanguage_data();
    void testWhatReachesTheListSpeaksTheLanguage();
    void testReaderWarningsSpeakTheLanguage_data();
    void testReaderWarningsSpeakTheLanguage();
    void testEnglishSaysOneAndMany_data();
    void testEnglishSaysOneAndMany();
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
    QVERIFY2(QSettings().fileName().contains(QStringLiteral(".qttest")), qPrintable(QSettings().fileName()));
    QApplication::setQuitOnLastWindowClosed(false);
    neurolift::prefs::language.reset();
}

void TestLanguage::cleanup()
{
    neurolift::installTranslators(QStringLiteral("en"));
    neurolift::prefs::language.reset();
}

void TestLanguage::testChoosesTheLanguage_data()
{
    QTest::addColumn<QString>("preference");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Chinese desktop") << QString() << "zh_CN"
                                     << "zh_CN";
    QTest::newRow("Singapore, simplified") << QString() << "zh_SG"
                                           << "zh_CN";
    QTest::newRow("Taiwan, traditional: English") << QString() << "zh_TW"
                                                  << "en";
    QTest::newRow("Hong Kong, traditional: English") << QString() << "zh_HK"
                                                     << "en";
    QTest::newRow("English desktop") << QString() << "en_US"
                                     << "en";
    QTest::newRow("German desktop: English") << QString() << "de_DE"
                                             << "en";
    QTest::newRow("chose Chinese on an English desktop") << "zh_CN"
                                                         << "en_GB"
                                                         << "zh_CN";
    QTest::newRow("chose English on a Chinese desktop") << "en"
                                                        << "zh_CN"
                                                        << "en";
    QTest::newRow("unknown stored choice follows the system") << "klingon"
                                                              << "zh_CN"
                                                              << "zh_CN";
}

void TestLanguage::testChoosesTheLanguage()
{
    QFETCH(QString, preference);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(neurolift::chooseLanguage(preference, QLocale(system)), expected);
}

void TestLanguage::testWindowSpeaksTheInstalledLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("guided");
    QTest::newRow("English") << "en"
                             << "&File"
                             << "&Settings"
                             << "New &Guided Project\u2026";
    QTest::newRow("Simplified Chinese") << "zh_CN"
                                        << "\u6587\u4ef6(&F)"
                                        << "\u8bbe\u7f6e(&S)" << QString();
}

void TestLanguage::testWindowSpeaksTheInstalledLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, settings);
    QFETCH(QString, guided);
    QVERIFY(neurolift::installTranslators(language));
    QCOMPARE(neurolift::installedLanguage(), language);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QAction*> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.front()->text(), file);
    QCOMPARE(menuTitle(window, QStringLiteral("menuSettings")), settings);

    // Everything the user reads in the window's menus is in the language: no English left over.
    auto* guidedAction = window.findChild<QAction*>(QStringLiteral("actionNewGuided"));
    QVERIFY(guidedAction);
    if (language == QLatin1StringView("en")) {
        QCOMPARE(guidedAction->text(), guided);
        return;
    }
    for (QAction* menuAction : menus) {
        QVERIFY2(hasChineseCharacters(menuAction->text()), qPrintable(menuAction->text()));
        for (QAction* item : menuAction->menu()->actions()) {
            if (item->isSeparator() || item->objectName().startsWith(QLatin1StringView("actionLanguage_"))) {
                continue; // language names are written in their own language
            }
            QVERIFY2(hasChineseCharacters(item->text()) || item->text() == QLatin1StringView("Qt") ||
                         item->text().contains(QLatin1StringView("NeuroLift")),
                     qPrintable(item->text()));
        }
    }
    const auto* sidebar = window.findChild<QWidget*>(QStringLiteral("navigation"));
    QVERIFY(sidebar);
}

void TestLanguage::testWizardButtonsComeFromQtsCatalogue()
{
    QVERIFY(neurolift::installTranslators(QStringLiteral("zh_CN")));
    neurolift::GuidedWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // "Next" and "Cancel" are Qt's words; Debian's qt6-translations-l10n has them in Chinese.
    const QString next = wizard.button(QWizard::NextButton)->text();
    const QString cancel = wizard.button(QWizard::CancelButton)->text();
    QVERIFY2(next.contains(QStringLiteral("\u4e0b\u4e00\u6b65")), qPrintable(next));
    QVERIFY2(cancel.contains(QStringLiteral("\u53d6\u6d88")), qPrintable(cancel));
    QVERIFY2(hasChineseCharacters(wizard.currentPage()->title()), qPrintable(wizard.currentPage()->title()));
}

void TestLanguage::testSettingsMenuStoresTheChoiceForTheNextStart()
{
    // An English desktop, English window; the user picks 简体中文 and answers "Later".
    QVERIFY(neurolift::installTranslators(QStringLiteral("en")));
    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* chinese = window->findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"));
    auto* system = window->findChild<QAction*>(QStringLiteral("actionLanguage_system"));
    QVERIFY(chinese && system);
    QCOMPARE(chinese->text(), QStringLiteral("\u7b80\u4f53\u4e2d\u6587"));
    QVERIFY(system->isChecked());
    QVERIFY(!chinese->isChecked());

    QString shown;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box && box->objectName() == QLatin1StringView("languageChangedBox")) {
            shown = box->text();
            poll.stop();
            for (QAbstractButton* b : box->buttons()) {
                if (b->text() == QLatin1StringView("Later")) {
                    QTest::mouseClick(b, Qt::LeftButton);
                }
            }
        }
    });
    poll.start(20);
    chinese->trigger();
    poll.stop();
    QCOMPARE(shown,
             QStringLiteral("NeuroLift will be shown in \u7b80\u4f53\u4e2d\u6587 the next time it starts."));
    QCOMPARE(neurolift::prefs::language.get(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());
    // "Later": this window stays English and open.
    QVERIFY(window->isVisible());
    QCOMPARE(window->menuBar()->actions().front()->text(), QStringLiteral("&File"));

    // The next start: main() chooses from the stored setting, on an English desktop too.
    window.reset();
    QVERIFY(neurolift::installTranslators(
        neurolift::chooseLanguage(neurolift::prefs::language.get(), QLocale(QStringLiteral("en_US")))));
    window = std::make_unique<MainWindow>();
    QCOMPARE(window->menuBar()->actions().front()->text(), QStringLiteral("\u6587\u4ef6(&F)"));
    auto* chosen = window->findChild<QAction*>(QStringLiteral("actionLanguage_zh_CN"));
    QVERIFY(chosen && chosen->isChecked());
}

void TestLanguage::testChoosingTheShownLanguageAsksNothing()
{
    QVERIFY(neurolift::installTranslators(QStringLiteral("en")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    bool asked = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = true;
            box->reject();
        }
    });
    poll.start(20);
    window.findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
    // A box would be open by now (the menu asks from inside trigger()), or be posted to open.
    neurolift::test::deliverPostedEvents();
    poll.stop();
    QVERIFY(!asked);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(neurolift::prefs::language.get(), QStringLiteral("en"));
}

void TestLanguage::testCatalogueIsCompleteAndKeepsPlaceholders()
{
    QString error;
    const QList<TsMessage> messages = readCatalogue(QStringLiteral(NEUROLIFT_ZH_CN_TS), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 800, qPrintable(QString::number(messages.size())));
    QStringList problems;
    for (const TsMessage& m : messages) {
        if (!m.finished || m.translation.trimmed().isEmpty()) {
            problems << QStringLiteral("%1: untranslated \"%2\"").arg(m.context, m.source);
        } else if (placeholders(m.source) != placeholders(m.translation)) {
            problems << QStringLiteral("%1: \"%2\" -> \"%3\" changes the placeholders")
                            .arg(m.context, m.source, m.translation);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
}

void TestLanguage::testCatalogueIsInStepWithTheSources_data()
{
    QTest::addColumn<QString>("catalogue");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("target");
    QTest::newRow("Simplified Chinese: every text")
        << QStringLiteral(NEUROLIFT_ZH_CN_TS) << QStringList() << QStringLiteral("update_translations");
    QTest::newRow("English: the plurals")
        << QStringLiteral(NEUROLIFT_EN_TS) << QStringList{QStringLiteral("-pluralonly")}
        << QStringLiteral("update_plural_translations");
}

void TestLanguage::testCatalogueIsInStepWithTheSources()
{
    QFETCH(QString, catalogue);
    QFETCH(QStringList, options);
    QFETCH(QString, target);
    // lupdate over the sources into a copy: any text added or changed since the
    // catalogue was last updated shows up as unfinished there.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(catalogue).fileName());
    QVERIFY(QFile::copy(catalogue, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QString source = QStringLiteral(NEUROLIFT_SOURCE_DIR_PATH);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(NEUROLIFT_LUPDATE),
                  options + QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                        QStringLiteral("none"), source + QStringLiteral("/ui"),
                                        source + QStringLiteral("/app/gui/main.cpp"), QStringLiteral("-ts"),
                                        copy});
    QVERIFY(lupdate.waitForFinished(120000));
    const QString output = QString::fromUtf8(lupdate.readAll());
    QCOMPARE(lupdate.exitCode(), 0);
    QString error;
    const QList<TsMessage> messages = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList stale;
    for (const TsMessage& m : messages) {
        if (!m.finished) {
            stale << QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
        }
    }
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("Texts without a translation (run `cmake --build --preset release "
                                       "--target %1` and translate them):\n")
                            .arg(target) +
                        stale.mid(0, 20).join(QLatin1Char('\n')) + QLatin1Char('\n') + output));
}

void TestLanguage::testWhatReachesTheListSpeaksTheLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<bool>("latinWordsInDates");
    QTest::newRow("English") << "en" << QStringList{"hot", "warm", "cold"} << true;
    QTest::newRow("Chinese") << "zh_CN" << QStringList{"高意向", "中意向", "低意向"} << false;
}

/// The wizard's segment names end up in the marketer's exported list, and dates sit in the run
/// list and the export history: both in the language the window speaks (issue 18).
void TestLanguage::testWhatReachesTheListSpeaksTheLanguage()
{
    QFETCH(QString, code);
    QFETCH(QStringList, segments);
    QFETCH(bool, latinWordsInDates);
    QVERIFY(neurolift::installTranslators(code));
    QStringList names;
    for (const std::string& name : neurolift::GuidedWizard::defaultSegments().segmentNames()) {
        names << QString::fromStdString(name);
    }
    QCOMPARE(names, segments);
    // An afternoon time: English writes "PM", Chinese writes it without Latin letters.
    const QString date = neurolift::localDateTime(QStringLiteral("2026-12-03T17:10:00Z"));
    QVERIFY2(date.contains(QStringLiteral("26")), qPrintable(date));
    if (!latinWordsInDates) {
        QVERIFY2(!date.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))), qPrintable(date));
    }
    QCOMPARE(neurolift::localDateTime(QStringLiteral("not a time")), QStringLiteral("not a time"));
    // The wizard's own names, stored in English by a project made in English, in the window's
    // language ("Automatic网络" was the run picker's mix); the user's own names as they are.
    QCOMPARE(neurolift::storedName("Guided run"), neurolift::GuidedWizard::tr("Guided run"));
    QCOMPARE(neurolift::storedName("Automatic"), neurolift::GuidedWizard::tr("Automatic"));
    QCOMPARE(neurolift::storedName("spring try"), QStringLiteral("spring try"));
    if (!latinWordsInDates) {
        QVERIFY(
            !neurolift::storedName("Guided run").contains(QRegularExpression(QStringLiteral("[A-Za-z]"))));
    }
}

void TestLanguage::testReaderWarningsSpeakTheLanguage_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("kind");
    QByteArray constant = "id,plan,bought\n", empty = "id,note,bought\n", zip = "id,zip,bought\n",
               dates = "id,joined,bought\n";
    for (int i = 0; i < 40; ++i) {
        const QByteArray id = "c" + QByteArray::number(i), yes = i % 2 ? "yes" : "no";
        constant += id + ",basic," + yes + "\n";
        empty += id + ",," + yes + "\n";
        zip += id + "," + QByteArray::number(90001 + 7 * i) + "," + yes + "\n";
        dates += id + ",0" + QByteArray::number(1 + i % 9) + "/0" + QByteArray::number(1 + i % 7) + "/2024," +
                 yes + "\n";
    }
    QTest::newRow("one value") << constant << int(neurolift::CsvWarningKind::ConstantColumn);
    QTest::newRow("all missing") << empty << int(neurolift::CsvWarningKind::EmptyColumn);
    QTest::newRow("postcode") << zip << int(neurolift::CsvWarningKind::PostcodeColumn);
    QTest::newRow("day or month first") << dates << int(neurolift::CsvWarningKind::AmbiguousDates);
}

/// The reader's warnings reach the wizard, the import dialog and the status bar: in Chinese they
/// are said in Chinese, in English exactly as the reader words them (issue 18).
void TestLanguage::testReaderWarningsSpeakTheLanguage()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("customers.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    const neurolift::CsvResult read = neurolift::readCsv(QFile::encodeName(path).toStdString());
    const auto it = std::find_if(read.warnings.begin(), read.warnings.end(),
                                 [&](const neurolift::CsvWarning& w) { return int(w.kind) == kind; });
    QVERIFY2(it != read.warnings.end(), "the reader gave no warning of this kind");
    QVERIFY(neurolift::installTranslators(QStringLiteral("en")));
    QCOMPARE(neurolift::csvWarningText(*it), QString::fromStdString(it->message));
    QVERIFY(neurolift::installTranslators(QStringLiteral("zh_CN")));
    QString chinese = neurolift::csvWarningText(*it);
    QVERIFY2(chinese.contains(QString::fromStdString(it->args.at(1))), qPrintable(chinese));
    for (const std::string& particular : it->args) {
        chinese.remove(QString::fromStdString(particular));
    }
    QVERIFY2(!chinese.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}"))), qPrintable(chinese));
}

void TestLanguage::testEnglishSaysOneAndMany_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << "1 warning; line 7: a note";
    QTest::newRow("three") << 3 << "3 warnings; the first, line 7: a note";
}

void TestLanguage::testEnglishSaysOneAndMany()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    QVERIFY(neurolift::installTranslators(QStringLiteral("en")));
    const QString text = QCoreApplication::translate("neurolift::Workbench",
                                                     "%n warning(s); the first, line %1: %2", nullptr, count)
                             .arg(7)
                             .arg(QStringLiteral("a note"));
    QCOMPARE(text, expected);
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
