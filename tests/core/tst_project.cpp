#include "columns.h"
#include "data/datetime.h"
#include "nn/network.h"
#include "project/project.h"
#include "project/sqlite.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;

Q_DECLARE_METATYPE(ProjectError::Kind)

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();

/// Every cell as text plus the exact bits of every number, for comparing tables.
std::vector<std::string> dump(const Table& t)
{
    std::vector<std::string> out;
    for (const Column& c : t.columns()) {
        std::string head = c.name;
        head += ':';
        head += columnTypeId(c.type);
        head += ':';
        head += dateOrderId(c.dateFormat.order);
        head += c.dateFormat.separator;
        head += c.dateFormat.time ? "t" : "";
        out.push_back(head);
        for (const auto& l : c.levels) {
            out.push_back("level " + l);
        }
        for (std::size_t i = 0; i < t.rowCount(); ++i) {
            std::string cell = c.isMissing(i) ? "<missing>" : c.text(i);
            if (!c.values.empty()) {
                cell += '#';
                cell += std::to_string(std::bit_cast<std::uint64_t>(c.values[i]));
            }
            out.push_back(cell);
        }
    }
    return out;
}

Column strings(const std::string& name, const std::vector<std::string>& cells, ColumnType type)
{
    Column c;
    c.name = name;
    c.type = type;
    for (const auto& s : cells) {
        c.strings.push_back(s);
        c.missing.push_back(s.empty() ? 1 : 0);
    }
    return c;
}

/// A table with every column type, missing values, hostile names and text.
Table sampleTable(std::size_t rows, std::size_t levels)
{
    std::mt19937_64 rng(5);
    std::vector<float> amounts(rows);
    std::vector<std::string> cities(rows);
    std::vector<std::string> ids(rows);
    std::vector<std::string> notes(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        amounts[i] = i % 11 == 0 ? kNaN : static_cast<float>(rng() % 100000) / 7.0f;
        cities[i] = i % 13 == 0 ? std::string() : "City '" + std::to_string(rng() % levels) + "'; --";
        ids[i] = std::to_string(100000 + i).insert(0, 1, '0'); // GCC 12 warns on "0" + string (false -Wrestrict)
        notes[i] = i % 5 == 0 ? std::string() : "note \"" + std::to_string(i) + "\"\n, \xC3\xA9t\xC3\xA9";
    }
    Column amount = numbers("amount; DROP TABLE run; --", amounts);
    amount.values[1] = 1234567.89; // a double that float32 would change
    Column yes = numbers("newsletter", std::vector<float>(rows, 1.0f), ColumnType::Boolean);
    yes.levels = {"Nein", "Ja"};
    yes.values[2] = 0.0;
    Column signup = numbers("signup 'date'", std::vector<float>(rows, 0.0f), ColumnType::Date);
    for (std::size_t i = 0; i < rows; ++i) {
        signup.values[i] = i % 17 == 0 ? std::nan("") : 19000.0 + static_cast<double>(i % 900) + 0.25;
        signup.missing[i] = i % 17 == 0 ? 1 : 0;
    }
    signup.dateFormat = {DateOrder::DayMonthYear, '/', true};
    return Table({amount, yes, signup, categorical("city", cities),
                  strings("customer_id", ids, ColumnType::Identifier),
                  strings("note", notes, ColumnType::Text)},
                 rows);
}

/// A small trained-looking model: random weights for a 3-input network.
TrainedModel sampleModel()
{
    TrainedModel m;
    m.target.column = "bought";
    m.target.task = TaskKind::BinaryClassification;
    m.target.classes = {"no", "yes"};
    m.idColumn = "customer_id";
    const Table t({numbers("a", {1, 2, 3, 4}), numbers("b", {0, 1, 0, 1}, ColumnType::Boolean),
                   categorical("c", {"x", "y", "x", "z"})},
                  4);
    m.recipe = Recipe::fit(t, std::vector<std::int64_t>{0, 1, 2, 3}, {"a", "b", "c"});
    m.architecture = makeTemplate(ArchitectureTemplate::Small, m.target.taskSpec());
    const Network net(m.architecture, m.recipe.featureCount(), 77);
    m.weights = net.weights();
    m.summary = {{"source", "train.csv"}};
    return m;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void datasetRoundTrip_data();
    void datasetRoundTrip();
    void runRoundTripScoresBitIdentical();
    void settingsAndNotesWithHostileText();
    void badFiles_data();
    void badFiles();
    void damagedContentIsReportedNotCrashed();
    void killDuringSaveKeepsLastGoodProject();
    void recoveryCopy();
    void migratesOlderFormats_data();
    void migratesOlderFormats();
    void failedMigrationLeavesTheFileAsItWas();

private:
    /// A copy of a checked-in project of an older format, to migrate.
    std::string copyOfFixture(const QString& fixture, const char* name) const
    {
        const std::string to = path(name);
        std::filesystem::copy_file(std::filesystem::path(NEUROLIFT_TEST_DATA) / "projects" / fixture.toStdString(),
                                   to, std::filesystem::copy_options::overwrite_existing);
        return to;
    }
    std::string path(const char* name) const
    {
        return m_dir.filePath(QString::fromLatin1(name)).toStdString();
    }
    QTemporaryDir m_dir;
};

void TestProject::datasetRoundTrip_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("levels");
    QTest::addRow("small") << 40 << 5;
    QTest::addRow("several chunks, 2-byte codes") << 150000 << 300;
    QTest::addRow("4-byte codes") << 70000 << 69000;
}

void TestProject::datasetRoundTrip()
{
    QFETCH(int, rows);
    QFETCH(int, levels);
    const Table table = sampleTable(static_cast<std::size_t>(rows), static_cast<std::size_t>(levels));
    const std::string file = path("round.nlproj");
    {
        Project p = Project::create(file);
        QVERIFY(!p.hasDataset());
        DatasetSource source;
        source.fileName = "kunden'; --.csv";
        source.fileSize = 123456;
        source.fileHash = "fnv1a64:0123456789abcdef";
        source.importOptions = {{"encoding", "windows-1252"}, {"decimal", ","}};
        p.saveDataset(table, source);
    }
    const Project p = Project::open(file);
    QVERIFY(p.hasDataset());
    QCOMPARE(p.datasetRows(), static_cast<std::size_t>(rows));
    const DatasetSource source = p.datasetSource();
    QCOMPARE(source.fileName, std::string("kunden'; --.csv"));
    QCOMPARE(source.fileSize, std::uint64_t{123456});
    QCOMPARE(source.importOptions["decimal"].get<std::string>(), std::string(","));
    const Table back = p.loadDataset();
    QCOMPARE(back.rowCount(), table.rowCount());
    QCOMPARE(dump(back), dump(table));
    QCOMPARE(back.column("amount; DROP TABLE run; --")->values[1], 1234567.89);
}

void TestProject::runRoundTripScoresBitIdentical()
{
    const std::string file = path("runs.nlproj");
    RunRecord run;
    run.name = "first try'); DROP TABLE run; --";
    run.settings = {{"epochs", 20}, {"optimizer", "adam"}};
    run.seed = 42;
    run.startedAt = "2026-11-25T10:00:00Z";
    run.finishedAt = "2026-11-25T10:01:00Z";
    run.status = "early_stopped";
    run.message = "Stopped early after epoch 3";
    run.warnings = {"\"city\": 3 levels folded"};
    run.metrics = {{"auc", 0.8424}};
    run.history = {{1, 0.69, 0.68, {{"auc", 0.7}}, 1e-3, 0.5}, {2, 0.5, std::nullopt, {}, 1e-3, 0.25}};
    run.model = sampleModel();
    NamedTensors last = run.model.weights;
    last.front().second(0, 0) += 1.0f;
    run.lastEpochWeights = last;
    run.bestEpoch = 1;
    run.split = {1, 1, 2, 3, 0, 1, 3};
    std::int64_t id = 0;
    {
        Project p = Project::create(file);
        id = p.addRun(run);
        p.addRun(run);
    }
    const Project p = Project::open(file);
    const auto list = p.runs();
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list[0].name, run.name);
    QCOMPARE(list[0].epochs, 2);
    QCOMPARE(list[0].metrics["auc"].get<double>(), 0.8424);
    const RunRecord back = p.run(id);
    QCOMPARE(back.history, run.history);
    QCOMPARE(back.warnings, run.warnings);
    QVERIFY(back.model.recipe == run.model.recipe);
    QVERIFY(back.lastEpochWeights.has_value());
    QCOMPARE(back.lastEpochWeights->front().second(0, 0), last.front().second(0, 0));
    QCOMPARE(back.model.weights.front().second(0, 0), run.model.weights.front().second(0, 0));
    QCOMPARE(back.bestEpoch, 1);
    QCOMPARE(back.split, run.split);

    // Scores from the stored model are bit for bit those of the original.
    const Matrix x = Matrix::Random(run.model.recipe.featureCount(), 64);
    const auto predict = [&](const Network& net) {
        Matrix out;
        Network::Workspace ws;
        net.predict(x, out, ws);
        return out;
    };
    const Matrix a = predict(run.model.network());
    const Matrix b = predict(back.model.network());
    QCOMPARE(a.size(), b.size());
    QVERIFY(std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(float)) == 0);

    try {
        p.run(999);
        QFAIL("no error for a missing run");
    } catch (const ProjectError& e) {
        QCOMPARE(std::string(e.what()), std::string("\"runs.nlproj\": there is no run 999 in this project"));
    }
}

void TestProject::settingsAndNotesWithHostileText()
{
    const std::string file = path("settings.nlproj");
    Project p = Project::create(file);
    const std::string hostile = "Robert'); DROP TABLE setting; --";
    p.setSetting("target", {{"column", hostile}});
    p.setSetting("ui", {{"page", "train"}});
    p.setSetting("ui", {{"page", "explain"}});
    p.addNote(hostile);
    p.addNote("second; note");
    const TaskSpec task{TaskKind::BinaryClassification, 2};
    p.saveArchitecture(hostile, makeTemplate(ArchitectureTemplate::Small, task));
    p.saveArchitecture("deep", makeTemplate(ArchitectureTemplate::Deep, task));
    p.saveArchitecture(hostile, makeTemplate(ArchitectureTemplate::Medium, task));
    const Project again = Project::open(file);
    QCOMPARE(again.setting("target").value()["column"].get<std::string>(), hostile);
    QCOMPARE(again.setting("ui").value()["page"].get<std::string>(), std::string("explain"));
    QVERIFY(!again.setting("nothing").has_value());
    QCOMPARE(again.notes(), (std::vector<std::string>{hostile, "second; note"}));
    const auto nets = again.architectures();
    QCOMPARE(nets.size(), std::size_t{2});
    QCOMPARE(nets[0].first, hostile);
    QVERIFY(nets[0].second == makeTemplate(ArchitectureTemplate::Medium, task));
    QCOMPARE(nets[1].first, std::string("deep"));

    // Replacing the whole list keeps its order; a copy holds the same.
    Project writable = Project::open(file);
    writable.setArchitectures({{"deep", makeTemplate(ArchitectureTemplate::Deep, task)},
                               {"logistic; --", makeTemplate(ArchitectureTemplate::LogisticRegression, task)}});
    writable.writeCopy(path("settings copy.nlproj"));
    for (const Project& q : {Project::open(file), Project::open(path("settings copy.nlproj"))}) {
        const auto replaced = q.architectures();
        QCOMPARE(replaced.size(), std::size_t{2});
        QCOMPARE(replaced[0].first, std::string("deep"));
        QCOMPARE(replaced[1].first, std::string("logistic; --"));
        QCOMPARE(q.notes().size(), std::size_t{2});
    }
    QVERIFY(!std::filesystem::exists(path("settings copy.nlproj.part")));
    try {
        writable.writeCopy(path("no such folder/copy.nlproj"));
        QFAIL("no ProjectError");
    } catch (const ProjectError& e) {
        QCOMPARE(e.kind(), ProjectError::Kind::Io);
        QVERIFY2(std::string(e.what()).starts_with("\"copy.nlproj\": cannot write the project ("), e.what());
    }

    const auto top = writable.saveSegment(hostile, {{"score_at_least", 0.7}});
    writable.saveSegment("rest", {{"otherwise", true}});
    QCOMPARE(writable.saveSegment(hostile, {{"score_at_least", 0.8}}), top);
    ExportRecord e;
    e.path = "/tmp/" + hostile + ".csv";
    e.run = 3;
    e.segment = top;
    e.rows = 1234;
    e.details = {{"columns", 28}};
    writable.addExport(e);
    writable.addExport({0, "2026-01-01T00:00:00Z", "all.csv", std::nullopt, std::nullopt, 10, {}});
    const Project reread = Project::open(file);
    const auto segments = reread.segments();
    QCOMPARE(segments.size(), std::size_t{2});
    QCOMPARE(segments[0].name, hostile);
    QCOMPARE(segments[0].definition["score_at_least"].get<double>(), 0.8);
    const auto exports = reread.exports();
    QCOMPARE(exports.size(), std::size_t{2});
    QCOMPARE(exports[0].path, e.path);
    QCOMPARE(exports[0].run, std::optional<std::int64_t>(3));
    QCOMPARE(exports[0].segment, std::optional<std::int64_t>(top));
    QCOMPARE(exports[0].rows, std::size_t{1234});
    QVERIFY(!exports[1].run.has_value());
    QCOMPARE(exports[1].exportedAt, std::string("2026-01-01T00:00:00Z"));

    // Removing a segment keeps the exports made with it, and removes nothing else.
    writable.removeSegment(hostile);
    writable.removeSegment("no such segment");
    const Project afterRemoval = Project::open(file);
    QCOMPARE(afterRemoval.segments().size(), std::size_t{1});
    QCOMPARE(afterRemoval.segments()[0].name, std::string("rest"));
    QCOMPARE(afterRemoval.exports().size(), std::size_t{2});
    QCOMPARE(afterRemoval.exports()[0].segment, std::optional<std::int64_t>(top));
}

void TestProject::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ProjectError::Kind>("kind");
    QTest::addColumn<QString>("message");

    QTest::addRow("missing") << "nothere.nlproj" << ProjectError::Kind::NotFound
                             << "\"nothere.nlproj\": the file does not exist; check the name and folder";
    QTest::addRow("empty") << "empty.nlproj" << ProjectError::Kind::Damaged
                           << "\"empty.nlproj\": the file is empty; it may have been cut off while copying";
    QTest::addRow("a CSV file")
        << "customers.csv" << ProjectError::Kind::NotAProject
        << "\"customers.csv\": this is not a NeuroLift project (open a .nlproj file, or "
           "import a CSV file instead)";
    QTest::addRow("another program's database")
        << "foreign.db" << ProjectError::Kind::NotAProject
        << "\"foreign.db\": this is a database of another program, not a NeuroLift project";
    QTest::addRow("newer version")
        << "newer.nlproj" << ProjectError::Kind::Newer
        << "\"newer.nlproj\": this project was saved by a newer NeuroLift (project "
           "format 99; this version reads up to 2); update NeuroLift to open it";
    QTest::addRow("truncated") << "truncated.nlproj" << ProjectError::Kind::Damaged
                               << "\"truncated.nlproj\": the file is cut off (";
}

void TestProject::badFiles()
{
    QFETCH(QString, name);
    QFETCH(ProjectError::Kind, kind);
    QFETCH(QString, message);
    const std::string file = path(name.toLatin1().constData());
    if (name == "empty.nlproj") {
        std::ofstream(file, std::ios::binary);
    } else if (name == "customers.csv") {
        std::ofstream(file, std::ios::binary) << "id,name\n1,x\n";
    } else if (name == "foreign.db") {
        sql::Database db(file, sql::Database::Mode::Create);
        db.exec("CREATE TABLE t (x); PRAGMA application_id = 1234;");
    } else if (name == "newer.nlproj") {
        Project::create(file);
        sql::Database db(file, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 99");
    } else if (name == "truncated.nlproj") {
        const std::string whole = path("whole.nlproj");
        Project::create(whole).saveDataset(sampleTable(5000, 10), {});
        std::filesystem::copy_file(whole, file, std::filesystem::copy_options::overwrite_existing);
        std::filesystem::resize_file(file, std::filesystem::file_size(whole) / 2);
    }
    try {
        Project::open(file);
        QFAIL("no ProjectError");
    } catch (const ProjectError& e) {
        QCOMPARE(e.kind(), kind);
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

void TestProject::damagedContentIsReportedNotCrashed()
{
    // Garbage over the middle of the file: opening may still work, reading
    // the data must give a clear error.
    const std::string file = path("garbage.nlproj");
    Project::create(file).saveDataset(sampleTable(20000, 10), {});
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(std::filesystem::file_size(file));
        std::mt19937 rng(3);
        for (std::streamoff at = 4096; at < size - 4096; at += 4096 * 3) {
            f.seekp(at);
            for (int i = 0; i < 4096; ++i) {
                f.put(static_cast<char>(rng()));
            }
        }
    }
    try {
        const Project p = Project::open(file);
        p.loadDataset();
        QFAIL("no ProjectError for a damaged file");
    } catch (const ProjectError& e) {
        QCOMPARE(e.kind(), ProjectError::Kind::Damaged);
        QVERIFY2(std::string(e.what()).find("damaged") != std::string::npos, e.what());
    }
}

void TestProject::killDuringSaveKeepsLastGoodProject()
{
    // A child process saves a large dataset over and over and is killed
    // (SIGKILL) at a different moment each time. Every time, the project
    // must open with one complete dataset: the first one or one of the saves.
    const std::string file = path("killed.nlproj");
    Project::create(file).saveDataset(sampleTable(1000, 10), {"first.csv", 1, "", {}, ""});
    const Table big = sampleTable(200000, 50);
    const std::vector<std::string> expected = dump(big);
    const std::string journal = file + "-journal";
    for (const int delayMs : {30, 70, 120, 180, 250, 330, 420, 520}) {
        std::fflush(nullptr);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            try {
                Project p = Project::open(file);
                for (int i = 0;; ++i) {
                    p.saveDataset(big, {"save" + std::to_string(i) + ".csv", 2, "", {}, ""});
                }
            } catch (...) {
            }
            _exit(3);
        }
        // The delay only varies where in its work the child is caught. Then it is frozen, and let run
        // on until it is frozen inside a save (the journal is there): every kill interrupts a write,
        // however fast or busy the machine.
        usleep(static_cast<useconds_t>(delayMs) * 1000);
        int status = 0;
        auto reap = qScopeGuard([child] {
            kill(child, SIGKILL);
            waitpid(child, nullptr, 0);
        });
        for (;;) {
            kill(child, SIGSTOP);
            QCOMPARE(waitpid(child, &status, WUNTRACED), child);
            QVERIFY2(WIFSTOPPED(status), "the saving child ended by itself");
            if (std::filesystem::exists(journal)) {
                break;
            }
            kill(child, SIGCONT);
            usleep(1000); // pacing only: the loop ends on the journal, however long the save takes
        }
        reap.dismiss();
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));

        const Project p = Project::open(file);
        const DatasetSource source = p.datasetSource();
        const Table t = p.loadDataset();
        if (source.fileName == "first.csv") {
            QCOMPARE(t.rowCount(), std::size_t{1000});
        } else {
            QVERIFY2(source.fileName.starts_with("save"), source.fileName.c_str());
            QVERIFY(dump(t) == expected);
        }
    }
}

void TestProject::recoveryCopy()
{
    const std::string file = path("recover.nlproj");
    Project p = Project::create(file);
    p.saveDataset(sampleTable(300, 5), {"a.csv", 1, "", {}, ""});
    QVERIFY(!Project::recoveryCopyFor(file).has_value());

    // Work in progress is copied; the copy is a complete project of that moment.
    p.addNote("unsaved thought");
    p.writeRecoveryCopy();
    // The project last changed two seconds before the copy was written: set, not slept for, as file
    // times may have a resolution of a second.
    std::filesystem::last_write_time(file, std::filesystem::last_write_time(file + ".recovery") -
                                               std::chrono::seconds(2));
    const auto copy = Project::recoveryCopyFor(file);
    QVERIFY(copy.has_value());
    QCOMPARE(*copy, file + ".recovery");
    QVERIFY(!std::filesystem::exists(file + ".recovery.part"));
    const Project recovered = Project::open(*copy);
    QCOMPARE(recovered.notes(), std::vector<std::string>{"unsaved thought"});
    QCOMPARE(dump(recovered.loadDataset()), dump(sampleTable(300, 5)));

    // A copy older than the project is not offered (nor one as old, should the file times tie);
    // a discarded one is gone.
    p.addNote("saved later");
    QVERIFY(!Project::recoveryCopyFor(file).has_value());
    p.discardRecoveryCopy();
    QVERIFY(!std::filesystem::exists(file + ".recovery"));
}


void TestProject::migratesOlderFormats_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("bestEpoch");
    // Made by NeuroLift at format 1 (tests/data/projects/README.md says how).
    QTest::addRow("format 1") << "format-1/customers.nlproj" << 1 << 12;
}

void TestProject::migratesOlderFormats()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    QFETCH(int, bestEpoch);
    const std::string file = copyOfFixture(fixture, "old.nlproj");
    {
        const Project p = Project::open(file);
        QCOMPARE(p.openedVersion(), version);
    }
    const Project p = Project::open(file);
    QCOMPARE(p.openedVersion(), kProjectSchemaVersion);

    // Everything the old file held is still there.
    QCOMPARE(p.datasetRows(), std::size_t{400});
    QCOMPARE(p.datasetSource().fileName, std::string("customers.csv"));
    const Table t = p.loadDataset();
    QCOMPARE(t.column("visits; --count")->type, ColumnType::Numeric);
    QCOMPARE(t.column("signup")->type, ColumnType::Date);
    QCOMPARE(t.column("spend \"eur\"")->text(0), std::string("197.41"));
    QCOMPARE(p.setting("target")->at("column").get<std::string>(), std::string("bought"));
    const auto runs = p.runs();
    QCOMPARE(runs.size(), std::size_t{1});
    QCOMPARE(runs[0].name, std::string("O'Brien; DROP TABLE run; --"));
    const RunRecord run = p.run(runs[0].id);
    QCOMPARE(run.bestEpoch, bestEpoch);
    QVERIFY(run.split.empty()); // format 1 did not keep it
    QVERIFY(!run.lastEpochWeights);
    QCOMPARE(run.model.weights.size(), std::size_t{4});
    QCOMPARE(static_cast<int>(run.history.size()), 27);
    QCOMPARE(p.segments().size(), std::size_t{1});
    QCOMPARE(p.segments()[0].name, std::string("Hot \"leads\"; --"));
    QCOMPARE(p.exports().size(), std::size_t{1});
    QCOMPARE(p.notes(), std::vector<std::string>{"Made with format 1 for the migration test."});

    // New runs keep what the new format adds.
    RunRecord again = run;
    again.split = {1, 2, 3};
    again.lastEpochWeights = run.model.weights;
    const std::int64_t id = Project::open(file).addRun(again);
    QCOMPARE(Project::open(file).run(id).split, again.split);
}

void TestProject::failedMigrationLeavesTheFileAsItWas()
{
    // A format-1 file whose run table was removed by hand: the migration
    // cannot alter it, so opening fails and the file keeps format 1.
    const std::string file = copyOfFixture(QStringLiteral("format-1/customers.nlproj"), "broken-old.nlproj");
    {
        sql::Database db(file, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA foreign_keys = OFF; DROP TABLE run_weights; DROP TABLE run_epoch; DROP TABLE run;");
    }
    const auto before = std::filesystem::file_size(file);
    try {
        Project::open(file);
        QFAIL("no ProjectError");
    } catch (const ProjectError& e) {
        QCOMPARE(e.kind(), ProjectError::Kind::Damaged);
        QVERIFY2(std::string(e.what()).starts_with("\"broken-old.nlproj\": "), e.what());
    }
    sql::Database db(file, sql::Database::Mode::ReadWrite);
    sql::Statement q(db, "PRAGMA user_version");
    QVERIFY(q.step());
    QCOMPARE(q.integer(0), std::int64_t{1});
    QCOMPARE(std::filesystem::file_size(file), before);
}

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"
