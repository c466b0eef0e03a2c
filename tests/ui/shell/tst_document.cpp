#include "model/architecturecommands.h"
#include "model/architecturemodel.h"
#include "shell/document.h"
#include "shell/documentcommands.h"
#include "uidriver.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace neurolift;
using neurolift::test::chooseTarget;

namespace {

constexpr const char* kCrashVariable = "NEUROLIFT_TEST_CRASH_WHILE_EDITING";

std::string targetIn(const QString& file)
{
    const auto t = Project::open(QFile::encodeName(file).toStdString()).setting("target");
    return t && t->is_object() ? t->value("column", "") : "";
}

/// The child process of the crash tests: opens the project named in the
/// environment (or a new untitled one), changes it, and is killed before saving.
[[noreturn]] void crashWhileEditing(const QString& what)
{
    std::unique_ptr<Document> doc =
        what == QLatin1String("untitled") ? Document::createUntitled() : Document::open(what);
    chooseTarget(*doc, "bought; DROP TABLE setting; --");
    std::raise(SIGKILL);
    std::abort();
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void newProjectIsUntitledAndLeavesNothingBehind();
    void untitledProjectGoesByItsName_data();
    void untitledProjectGoesByItsName();
    void undoAndRedoTrackModified_data();
    void undoAndRedoTrackModified();
    void consecutiveEditsMerge();
    void userFileIsOnlyWrittenBySave();
    void saveAsMovesTheProject();
    void crashKeepsUnsavedWork_data();
    void crashKeepsUnsavedWork();
    void crashedUntitledWorkIsOffered();
    void secondWindowIsRefused();
    void badFilesGiveTheProjectMessage();
    void networksAreKeptInTheProject();

private:
    /// Runs this test program as the crashing child; returns once it is dead.
    void crashChild(const QString& what);
    QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QDir(Document::untitledFolder()).removeRecursively();
}

void TestDocument::cleanup()
{
    QDir(Document::untitledFolder()).removeRecursively();
}

void TestDocument::crashChild(const QString& what)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kCrashVariable), what);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
}

void TestDocument::newProjectIsUntitledAndLeavesNothingBehind()
{
    auto doc = Document::createUntitled();
    QVERIFY(doc->isUntitled());
    QCOMPARE(doc->displayName(), QStringLiteral("Untitled"));
    QVERIFY(!doc->isModified());
    const QString working = doc->currentFile();
    QVERIFY(working.startsWith(Document::untitledFolder()));
    QVERIFY(QFile::exists(working));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, doc->save());
    doc.reset();
    QVERIFY(!QFile::exists(working));
    QVERIFY(Document::orphanedUntitled().isEmpty());
}

void TestDocument::untitledProjectGoesByItsName_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("file");
    QTest::newRow("none") << "null"
                          << "Untitled"
                          << "Customers.nlproj";
    QTest::newRow("a name") << R"("Spring churn")"
                            << "Spring churn"
                            << "Spring churn.nlproj";
    QTest::newRow("slashes and colons") << R"("Spring: churn/EU")"
                                        << "Spring: churn/EU"
                                        << "Spring- churn-EU.nlproj";
    QTest::newRow("hidden-file dot") << R"("..hidden. ")"
                                     << "..hidden."
                                     << "hidden.nlproj";
    QTest::newRow("line break") << R"("two\nlines")"
                                << "two lines"
                                << "two lines.nlproj";
    QTest::newRow("blank") << R"("   ")"
                           << "Untitled"
                           << "Customers.nlproj";
    QTest::newRow("not text") << R"({"name": 3})"
                              << "Untitled"
                              << "Customers.nlproj";
}

void TestDocument::untitledProjectGoesByItsName()
{
    QFETCH(QString, json);
    QFETCH(QString, display);
    QFETCH(QString, file);
    auto doc = Document::createUntitled();
    doc->undoStack()->push(new ChangeSettingCommand(doc.get(), Document::kNameSetting, nlohmann::json(),
                                                    nlohmann::json::parse(json.toStdString()),
                                                    Document::Change::Choice, QStringLiteral("Name")));
    QCOMPARE(doc->displayName(), display);
    QCOMPARE(doc->suggestedFileName(), file);
    // A saved project goes by its file's name, whatever its setting says.
    const QString path = m_dir->filePath(QStringLiteral("kept.nlproj"));
    doc->saveAs(path);
    QCOMPARE(doc->displayName(), QStringLiteral("kept.nlproj"));
    doc->undoStack()->setClean();
}

void TestDocument::undoAndRedoTrackModified_data()
{
    QTest::addColumn<bool>("untitled");
    QTest::addRow("untitled") << true;
    QTest::addRow("saved project") << false;
}

void TestDocument::undoAndRedoTrackModified()
{
    QFETCH(bool, untitled);
    std::unique_ptr<Document> doc;
    if (untitled) {
        doc = Document::createUntitled();
    } else {
        Project::create(QFile::encodeName(path(QStringLiteral("p.nlproj"))).toStdString());
        doc = Document::open(path(QStringLiteral("p.nlproj")));
    }
    QSignalSpy modified(doc.get(), &Document::modifiedChanged);
    QSignalSpy changed(doc.get(), &Document::changed);
    chooseTarget(*doc, "bought");
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Document::Changes>(), Document::Changes(Document::Change::Choice));
    QCOMPARE(doc->setting("target")["column"].get<std::string>(), std::string("bought"));
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Choose Target"));

    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
    QVERIFY(doc->setting("target").is_null());
    QCOMPARE(modified.count(), 2);

    doc->undoStack()->redo();
    QVERIFY(doc->isModified());
    QCOMPARE(doc->setting("target")["column"].get<std::string>(), std::string("bought"));
}

void TestDocument::consecutiveEditsMerge()
{
    auto doc = Document::createUntitled();
    for (const double rate : {0.1, 0.01, 0.001}) {
        doc->undoStack()->push(new ChangeSettingCommand(
            doc.get(), "training", doc->setting("training"), nlohmann::json{{"learning_rate", rate}},
            Document::Change::TrainingSettings, QStringLiteral("Change learning rate"),
            CommandId::TrainingSettings));
    }
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->setting("training")["learning_rate"].get<double>(), 0.001);
    doc->undoStack()->undo();
    QVERIFY(doc->setting("training").is_null());
}

void TestDocument::userFileIsOnlyWrittenBySave()
{
    const QString file = path(QStringLiteral("shop's \"data\"; --.nlproj"));
    {
        auto doc = Document::createUntitled();
        chooseTarget(*doc, "first");
        doc->saveAs(file);
    }
    auto doc = Document::open(file);
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->currentFile(), file);
    chooseTarget(*doc, "second");
    // The change is in the recovery copy, as it happened; the user's file is untouched.
    QCOMPARE(doc->currentFile(), file + QStringLiteral(".recovery"));
    QCOMPARE(targetIn(file + QStringLiteral(".recovery")), std::string("second"));
    QCOMPARE(targetIn(file), std::string("first"));
    QVERIFY(Document::recoverableWork(file) == std::nullopt); // this window is alive

    doc->save();
    QVERIFY(!doc->isModified());
    QCOMPARE(targetIn(file), std::string("second"));
    QVERIFY(!QFile::exists(file + QStringLiteral(".recovery")));
    QCOMPARE(doc->currentFile(), file);

    // Closing with unsaved work discards it (the window asks first).
    chooseTarget(*doc, "third");
    doc.reset();
    QCOMPARE(targetIn(file), std::string("second"));
    QVERIFY(!QFile::exists(file + QStringLiteral(".recovery")));
    QVERIFY(!QFile::exists(file + QStringLiteral(".lock")));
}

void TestDocument::saveAsMovesTheProject()
{
    auto doc = Document::createUntitled();
    const QString working = doc->currentFile();
    chooseTarget(*doc, "bought");
    QSignalSpy changed(doc.get(), &Document::changed);
    const QString first = path(QStringLiteral("first.nlproj"));
    doc->saveAs(first);
    QVERIFY(!QFile::exists(working));
    QCOMPARE(doc->filePath(), first);
    QCOMPARE(doc->displayName(), QStringLiteral("first.nlproj"));
    QVERIFY(!doc->isModified());
    QCOMPARE(changed.count(), 1);

    // Save As of a changed project: the new file has the change, the old one not.
    chooseTarget(*doc, "churned");
    const QString second = path(QStringLiteral("second.nlproj"));
    doc->saveAs(second);
    QCOMPARE(targetIn(first), std::string("bought"));
    QCOMPARE(targetIn(second), std::string("churned"));
    QVERIFY(!QFile::exists(first + QStringLiteral(".recovery")));
    QVERIFY(!QFile::exists(first + QStringLiteral(".lock"))); // let go of the old file
    // The undo history stays: undo the target change, save again.
    doc->undoStack()->undo();
    QVERIFY(doc->isModified());
    doc->save();
    QCOMPARE(targetIn(second), std::string("bought"));
}

void TestDocument::crashKeepsUnsavedWork_data()
{
    QTest::addColumn<bool>("recover");
    QTest::addRow("user continues from the recovery copy") << true;
    QTest::addRow("user declines") << false;
}

void TestDocument::crashKeepsUnsavedWork()
{
    QFETCH(bool, recover);
    const QString file = path(QStringLiteral("crash.nlproj"));
    Project::create(QFile::encodeName(file).toStdString());
    QVERIFY(!Document::recoverableWork(file));

    crashChild(file);
    QVERIFY(Document::recoverableWork(file).has_value());
    QCOMPARE(targetIn(file), std::string());

    std::unique_ptr<Document> doc;
    try {
        doc = Document::open(file, recover);
    } catch (const ProjectError& e) {
        QFAIL(e.what());
    }
    QCOMPARE(doc->isModified(), recover);
    const nlohmann::json target = doc->setting("target");
    QCOMPARE(target.is_object() ? target.value("column", "") : std::string(),
             recover ? std::string("bought; DROP TABLE setting; --") : std::string());
    QVERIFY(!Document::recoverableWork(file)); // this window has it now
    if (recover) {
        doc->save();
        QCOMPARE(targetIn(file), std::string("bought; DROP TABLE setting; --"));
    } else {
        QVERIFY(!QFile::exists(file + QStringLiteral(".recovery")));
    }
}

void TestDocument::crashedUntitledWorkIsOffered()
{
    // An untouched untitled project left behind is not worth offering.
    {
        auto empty = Document::createUntitled();
        QFile::copy(empty->currentFile(),
                    QDir(Document::untitledFolder()).filePath(QStringLiteral("empty.nlproj")));
    }
    crashChild(QStringLiteral("untitled"));
    const QStringList orphans = Document::orphanedUntitled();
    QCOMPARE(orphans.size(), 1);
    QVERIFY(!QFile::exists(QDir(Document::untitledFolder()).filePath(QStringLiteral("empty.nlproj"))));

    auto doc = Document::recoverUntitled(orphans.front());
    QVERIFY(doc->isUntitled());
    QVERIFY(doc->isModified());
    QCOMPARE(doc->setting("target")["column"].get<std::string>(),
             std::string("bought; DROP TABLE setting; --"));
    QVERIFY(Document::orphanedUntitled().isEmpty()); // this window has it now
    doc->saveAs(path(QStringLiteral("rescued.nlproj")));
    QVERIFY(!QFile::exists(orphans.front()));
}

void TestDocument::secondWindowIsRefused()
{
    const QString file = path(QStringLiteral("busy.nlproj"));
    Project::create(QFile::encodeName(file).toStdString());
    auto first = Document::open(file);
    try {
        Document::open(file);
        QFAIL("opened twice");
    } catch (const ProjectError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(
                     QStringLiteral("\"busy.nlproj\": it is open in another NeuroLift window (process ")),
                 e.what());
    }
    first.reset();
    QVERIFY(Document::open(file) != nullptr);
}

void TestDocument::badFilesGiveTheProjectMessage()
{
    const QString file = path(QStringLiteral("notes.nlproj"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is a text file\n");
    f.close();
    try {
        Document::open(file);
        QFAIL("opened a text file");
    } catch (const ProjectError& e) {
        QCOMPARE(e.kind(), ProjectError::Kind::NotAProject);
    }
    // The failed open let go of the file.
    QVERIFY(!QFile::exists(file + QStringLiteral(".lock")));
}

void TestDocument::networksAreKeptInTheProject()
{
    const QString file = path(QStringLiteral("networks.nlproj"));
    {
        auto doc = Document::createUntitled();
        ArchitectureModel* nets = doc->architectures();
        QCOMPARE(nets->architectureCount(), 1);
        const int layers = nets->layerCount();
        doc->undoStack()->push(new AddLayerCommand(nets, 0, LayerSpec::dropout(0.3f)));
        QCOMPARE(nets->layerCount(), layers + 1);
        QVERIFY(doc->isModified());
        doc->undoStack()->push(new DuplicateArchitectureCommand(nets, 0));
        QCOMPARE(nets->architectureCount(), 2);
        doc->saveAs(file);
        // Undo after saving is written too.
        doc->undoStack()->undo();
        doc->save();
    }
    auto doc = Document::open(file);
    ArchitectureModel* nets = doc->architectures();
    QCOMPARE(nets->architectureCount(), 1);
    QCOMPARE(nets->layer(0).kind, LayerKind::Dropout);
    QCOMPARE(nets->layer(0).rate, 0.3f);
    QCOMPARE(Project::open(QFile::encodeName(file).toStdString()).architectures().size(), std::size_t{1});
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(kCrashVariable)) {
        QCoreApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true);
        crashWhileEditing(qEnvironmentVariable(kCrashVariable));
    }
    QApplication app(argc, argv);
    TestDocument test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_document.moc"
