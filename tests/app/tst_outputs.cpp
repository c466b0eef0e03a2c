// Where the command line writes, tried everywhere a careless or unlucky user
// might point it: every command that writes a file, crossed with every kind of
// place (its own input, the project, a folder, a device, a pipe, links, files
// of another kind, a folder that is missing). The rows are generated: each
// says what must happen (written, or refused with a message), and every row
// checks that nothing that was there before changed unless it was the output,
// and that a refused command leaves no file behind.
#include "clirun.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

using clirun::CliResult;
using clirun::fileHash;
using clirun::run;

namespace {

/// What a command writes, and what it reads.
struct Command {
    const char* name;
    QStringList arguments; ///< @out is the output; @dir the row's folder.
    enum Kind { Text, Workbook, Model } kind;
    QStringList inputs;    ///< Files of the row's folder it reads.
    bool recordsInProject; ///< A success notes the export in the project (so its bytes change).
};

QList<Command> commands()
{
    const QStringList project{"--project", "@dir/P.nlproj"};
    return {
        {"score (project)",
         QStringList{"score"} + project + QStringList{"@dir/cars.csv", "--out", "@out"},
         Command::Text,
         {"P.nlproj", "cars.csv"},
         true},
        {"score (model file)",
         {"score", "--model", "@dir/m.json", "@dir/cars.csv", "--out", "@out"},
         Command::Text,
         {"m.json", "cars.csv"},
         false},
        {"export csv",
         QStringList{"export"} + project + QStringList{"--out", "@out", "--format", "csv"},
         Command::Text,
         {"P.nlproj"},
         true},
        {"export xlsx",
         QStringList{"export"} + project + QStringList{"--out", "@out", "--format", "xlsx"},
         Command::Workbook,
         {"P.nlproj"},
         true},
        {"export-sql",
         QStringList{"export-sql"} + project + QStringList{"--out", "@out"},
         Command::Text,
         {"P.nlproj"},
         true},
        {"segment summary",
         QStringList{"segment"} + project + QStringList{"--quantiles", "4", "--summary-csv", "@out"},
         Command::Text,
         {"P.nlproj"},
         true},
        {"demo csv", {"demo", "car-buyers", "--rows", "300", "--out", "@out"}, Command::Text, {}, false},
        {"train (file)",
         {"train", "@dir/cars.csv", "--target", "bought_30d", "--layers", "none", "--epochs", "1", "--model",
          "@out"},
         Command::Model,
         {"cars.csv"},
         false},
        {"train (project)",
         QStringList{"train"} + project +
             QStringList{"--layers", "none", "--epochs", "1", "--run-name", "t", "--model", "@out"},
         Command::Model,
         {"P.nlproj"},
         true},
    };
}

/// A place to write to, made in the row's folder.
struct Place {
    const char* name;
    QString path;          ///< @dir for the row's folder.
    QString sameFileAs;    ///< The folder's file this place is (a link or another name), if any.
    QString content;       ///< "csv", "xlsx", "json", "binary", "project" for an existing file.
    QString expectRefused; ///< The reason every command gives, if every command refuses it.
    bool stream = false;   ///< A device or pipe: written in place.
};

QList<Place> places()
{
    const QString folder = QStringLiteral("is a folder; give the name of a file to write");
    return {
        {"new file", "@dir/new-output", {}, {}, {}},
        {"the customer file", "@dir/cars.csv", "cars.csv", "csv", {}},
        {"the project", "@dir/P.nlproj", "P.nlproj", "project", {}},
        {"the model file", "@dir/m.json", "m.json", "json", {}},
        {"link to the customer file", "@dir/link-to-cars.csv", "cars.csv", "csv", {}},
        {"second name of the customer file", "@dir/hardlink-to-cars.csv", "cars.csv", "csv", {}},
        {"link to the project", "@dir/link-to-P.nlproj", "P.nlproj", "project", {}},
        {"existing workbook", "@dir/old.xlsx", {}, "xlsx", {}},
        {"existing binary file", "@dir/photo.png", {}, "binary", {}},
        {"folder", "@dir/sub", {}, {}, "\"@dir/sub\" " + folder},
        {"link that loops",
         "@dir/loop",
         {},
         {},
         "\"@dir/loop\" is a link that leads back to itself; remove the link or choose another name"},
        {"link to nothing",
         "@dir/dangling",
         {},
         {},
         "\"@dir/dangling\" is a link to a file that does not exist (No such file or directory); remove the "
         "link or choose another name"},
        {"missing folder",
         "@dir/no/such/folder/out",
         {},
         {},
         "\"@dir/no/such/folder/out\": its folder \"@dir/no/such/folder\" does not exist; create it first or "
         "choose another place"},
        {"pipe nobody reads",
         "@dir/fifo",
         {},
         {},
         "\"@dir/fifo\": no program is reading from this pipe; start the reader first",
         true},
        {"/dev/null", "/dev/null", {}, {}, {}, true},
        {"/dev/full",
         "/dev/full",
         {},
         {},
         "/dev/full: the disk is full (No space left on device); free some space or write elsewhere",
         true},
    };
}

QString kindName(Command::Kind k)
{
    return k == Command::Workbook ? QStringLiteral("an Excel workbook")
           : k == Command::Model  ? QStringLiteral("a model file")
                                  : QStringLiteral("a text file");
}

bool fits(const QString& content, Command::Kind k)
{
    return (content == QLatin1String("csv") && k == Command::Text) ||
           (content == QLatin1String("xlsx") && k == Command::Workbook) ||
           (content == QLatin1String("json") && k == Command::Model);
}

QString contentName(const QString& content)
{
    if (content == QLatin1String("xlsx")) {
        return QStringLiteral("an Excel workbook or another zip archive");
    }
    if (content == QLatin1String("json")) {
        return QStringLiteral("a JSON file (a model file?)");
    }
    if (content == QLatin1String("binary")) {
        return QStringLiteral("a binary file");
    }
    return QStringLiteral("a text file");
}

/// Every regular file under `dir` (links as links) with its hash.
QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        files.insert(QDir(dir).relativeFilePath(path), info.isSymLink()
                                                           ? "link:" + info.symLinkTarget().toUtf8()
                                                       : info.isFile() ? fileHash(path)
                                                                       : QByteArray("special"));
    }
    return files;
}

} // namespace

class TestOutputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testEveryCommandEveryPlace_data();
    void testEveryCommandEveryPlace();
    void testForceReplacesAFileOfAnotherKind();
    void testStandardOutput();
    void testReadOnlyProjectIsRefusedBeforeTraining();
    void testFullDiskImportLeavesNothing();

private:
    /// A fresh folder with cars.csv, P.nlproj (with a run), m.json and the places.
    QString makeRowFolder(const QString& name);

    QTemporaryDir m_dir;
    QString m_fixtures;
};

void TestOutputs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_fixtures = m_dir.filePath(QStringLiteral("fixtures"));
    QVERIFY(QDir().mkpath(m_fixtures));
    const QString cars = m_fixtures + QStringLiteral("/cars.csv");
    const QString project = m_fixtures + QStringLiteral("/P.nlproj");
    QCOMPARE(run({"demo", "car-buyers", "--rows", "400", "--out", cars}).exitCode, 0);
    QCOMPARE(run({"import", cars, "--project", project, "--target", "bought_30d"}).exitCode, 0);
    QCOMPARE(run({"train", "--project", project, "--layers", "3:relu", "--epochs", "2"}).exitCode, 0);
    QCOMPARE(run({"train", cars, "--target", "bought_30d", "--layers", "none", "--epochs", "2", "--model",
                  m_fixtures + QStringLiteral("/m.json")})
                 .exitCode,
             0);
    QCOMPARE(
        run({"export", "--project", project, "--out", m_fixtures + QStringLiteral("/old.xlsx")}).exitCode, 0);
}

QString TestOutputs::makeRowFolder(const QString& name)
{
    const QString dir = m_dir.filePath(QStringLiteral("rows/") + name);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir + QStringLiteral("/sub"));
    for (const char* f : {"cars.csv", "P.nlproj", "m.json", "old.xlsx"}) {
        QFile::copy(m_fixtures + '/' + QLatin1String(f), dir + '/' + QLatin1String(f));
    }
    QFile png(dir + QStringLiteral("/photo.png"));
    if (png.open(QIODevice::WriteOnly)) {
        png.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    }
    png.close();
    const QByteArray d = QFile::encodeName(dir);
    ::symlink("cars.csv", (d + "/link-to-cars.csv").constData());
    ::link((d + "/cars.csv").constData(), (d + "/hardlink-to-cars.csv").constData());
    ::symlink("P.nlproj", (d + "/link-to-P.nlproj").constData());
    ::symlink("loop", (d + "/loop").constData());
    ::symlink("nothing-here", (d + "/dangling").constData());
    ::mkfifo((d + "/fifo").constData(), 0600);
    return dir;
}

void TestOutputs::testEveryCommandEveryPlace_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("place");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("recordsInProject");
    QTest::addColumn<QString>("refusal"); ///< Empty: the output is written.
    QTest::addColumn<QStringList>("inputs");
    for (const Command& c : commands()) {
        const QString option = c.arguments.at(c.arguments.indexOf(QStringLiteral("@out")) - 1);
        for (const Place& p : places()) {
            QString refusal = p.expectRefused;
            if (refusal.isEmpty() && !p.sameFileAs.isEmpty() && c.inputs.contains(p.sameFileAs)) {
                refusal = p.path == "@dir/" + p.sameFileAs
                              ? QStringLiteral("\"%1\" is also this command's input").arg(p.path)
                              : QStringLiteral("\"%1\" is the same file as this command's input \"@dir/%2\"")
                                    .arg(p.path, p.sameFileAs);
                refusal += QStringLiteral("; writing there would destroy it, so write to another file");
            } else if (refusal.isEmpty() && p.content == QLatin1String("project")) {
                refusal = QStringLiteral("\"%1\" is a NeuroLift project or another database, which an output "
                                         "never replaces; choose another file name")
                              .arg(p.path);
            } else if (refusal.isEmpty() && !p.content.isEmpty() && !fits(p.content, c.kind)) {
                refusal =
                    QStringLiteral("\"%1\" already exists and is %2, not %3; choose another file name, or "
                                   "add --force to replace it")
                        .arg(p.path, contentName(p.content), kindName(c.kind));
            }
            // Refused before any work names the option; a stream fails when it is written.
            if (!refusal.isEmpty() && !p.stream) {
                refusal = option + QStringLiteral(": ") + refusal;
            }
            QStringList args = c.arguments;
            args.replaceInStrings(QStringLiteral("@out"), p.path);
            QTest::addRow("%s -> %s", c.name, p.name)
                << args << p.path << p.stream << c.recordsInProject << refusal << c.inputs;
        }
    }
}

void TestOutputs::testEveryCommandEveryPlace()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, place);
    QFETCH(bool, stream);
    QFETCH(bool, recordsInProject);
    QFETCH(QString, refusal);
    QFETCH(QStringList, inputs);
    const QString dir = makeRowFolder(QString::number(qHash(QString::fromUtf8(QTest::currentDataTag()))));
    arguments.replaceInStrings(QStringLiteral("@dir"), dir);
    const QString out = QString(place).replace(QStringLiteral("@dir"), dir);
    const QMap<QString, QByteArray> before = snapshot(dir);

    const CliResult r = run(arguments);
    const QString all = QStringLiteral("exit %1\nstderr:\n").arg(r.exitCode) + r.err.join('\n');
    const QMap<QString, QByteArray> after = snapshot(dir);
    if (!refusal.isEmpty()) {
        QVERIFY2(r.exitCode == 2, qPrintable(all));
        QVERIFY2(r.err.contains(QString(refusal).replace(QStringLiteral("@dir"), dir)), qPrintable(all));
        // Refused or failed: every file as it was, and nothing new.
        QCOMPARE(after, before);
        return;
    }
    QVERIFY2(r.exitCode == 0, qPrintable(all));
    for (auto it = before.begin(); it != before.end(); ++it) {
        const QString path = dir + '/' + it.key();
        const bool isOutput = QFileInfo(path).canonicalFilePath() == QFileInfo(out).canonicalFilePath() ||
                              (it.key() == QLatin1String("P.nlproj") && recordsInProject);
        const bool isSecondNameOfOutput =
            it.key() == QLatin1String("hardlink-to-cars.csv") ||
            (it.key() == QLatin1String("cars.csv") && out.endsWith(QLatin1String("hardlink-to-cars.csv")));
        if (!isOutput && !isSecondNameOfOutput) {
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + " changed\n" + all));
        }
    }
    for (const QString& input : inputs) {
        if (!(input == QLatin1String("P.nlproj") && recordsInProject)) {
            QCOMPARE(after.value(input), before.value(input));
        }
    }
    if (stream) {
        // A device stays a device: written to, never replaced by a file.
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(out).constData(), &st) == 0);
        QVERIFY(S_ISCHR(st.st_mode));
    } else {
        QVERIFY2(QFileInfo(out).size() > 0, qPrintable(out));
        if (QFileInfo(place).fileName().startsWith(QLatin1String("link-to"))) {
            QVERIFY2(QFileInfo(out).isSymLink(), "a link written through stays a link");
        }
    }
}

void TestOutputs::testForceReplacesAFileOfAnotherKind()
{
    const QString dir = makeRowFolder(QStringLiteral("force"));
    const QStringList args{"export", "--project", dir + "/P.nlproj", "--format",
                           "csv",    "--out",     dir + "/old.xlsx"};
    QCOMPARE(run(args).exitCode, 2);
    const CliResult r = run(args + QStringList{"--force"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err.join('\n')));
    QFile f(dir + QStringLiteral("/old.xlsx"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readLine().startsWith("customer_id,"));
    // --force never reaches an input or a project.
    const CliResult project =
        run({"export", "--project", dir + "/P.nlproj", "--out", dir + "/P.nlproj", "--force"});
    QCOMPARE(project.exitCode, 2);
}

void TestOutputs::testStandardOutput()
{
    const QString dir = makeRowFolder(QStringLiteral("stdout"));
    // QProcess reads the program's standard output through a pipe: written as a stream.
    const CliResult r =
        run({"export", "--project", dir + "/P.nlproj", "--format", "csv", "--out", "/dev/stdout"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err.join('\n')));
    QVERIFY(!r.out.isEmpty());
    QVERIFY2(r.out.first().startsWith(QLatin1String("customer_id,")), qPrintable(r.out.first()));
    QCOMPARE(r.out.size(), 401);
}

void TestOutputs::testReadOnlyProjectIsRefusedBeforeTraining()
{
    const QString dir = makeRowFolder(QStringLiteral("read-only"));
    const QString project = dir + QStringLiteral("/P.nlproj");
    QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = fileHash(project);
    const QString readOnly =
        "\"" + project +
        "\" is read-only, so nothing can be saved in it; make it writable, or work on a copy";
    // Before training, not after it (root too: the mode says read-only).
    CliResult r = run({"train", "--project", project, "--layers", "none", "--epochs", "1"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.last(), "--project: " + readOnly);
    QVERIFY(!r.err.join('\n').contains(QLatin1String("test (")));
    r = run({"segment", "--project", project, "--quantiles", "4"});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.last(), "--project: " + readOnly);
    // An export is still written; only its note in the project is left out, and said so.
    r = run({"export", "--project", project, "--out", dir + "/scores.csv"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err.join('\n')));
    QVERIFY(r.err.contains("note: the export is not listed in the project: " + readOnly));
    QVERIFY(QFileInfo(dir + QStringLiteral("/scores.csv")).size() > 0);
    QCOMPARE(fileHash(project), before);
}

void TestOutputs::testFullDiskImportLeavesNothing()
{
    const QString dir = makeRowFolder(QStringLiteral("full-disk"));
    const QString project = dir + QStringLiteral("/new.nlproj");
    // A file-size limit stands in for a full disk: writes past 64 KiB fail (EFBIG) rather
    // than killing the program (SIGXFSZ ignored, as the shell passes it on to exec).
    QProcess p;
    p.start(QStringLiteral("/bin/sh"),
            {"-c", "trap '' XFSZ; ulimit -f 128; exec \"$0\" \"$@\"", QStringLiteral(NEUROLIFT_CLI_PATH),
             "import", dir + "/cars.csv", "--project", project});
    QVERIFY(p.waitForFinished(300'000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 2, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("new.nlproj")), qPrintable(err));
    QVERIFY2(!QFile::exists(project), "a failed import leaves no project behind");
    QVERIFY(!QFile::exists(project + QStringLiteral("-journal")));
    // So the retry just works, rather than saying the project already exists.
    const CliResult retry = run({"import", dir + "/cars.csv", "--project", project});
    QVERIFY2(retry.exitCode == 0, qPrintable(retry.err.join('\n')));
}

QTEST_GUILESS_MAIN(TestOutputs)
#include "tst_outputs.moc"
