// `--version` of both programs: the version number and the git commit of the
// build, on one line, without needing a display.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

class TestVersion : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testVersionLine_data();
    void testVersionLine();
    void testCommitIsTheCheckedOutOne();

private:
    /// The commit the build should report: `git rev-parse --short HEAD` of the source
    /// tree, or "unknown" when the sources are not a git checkout of their own.
    static QString expectedCommit();
    /// The line `program arguments` prints on stdout, with its exit code checked.
    static QString versionOutput(const QString& program, const QStringList& arguments,
                                 const QProcessEnvironment& environment);
};

namespace {

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

} // namespace

void TestVersion::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY2(QFileInfo::exists(QStringLiteral(NEUROLIFT_GUI_PATH)), NEUROLIFT_GUI_PATH);
}

void TestVersion::testVersionLine_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("display"); // false: no display and no platform plugin chosen
    QTest::addColumn<QString>("name");

    const QString cli = QStringLiteral(NEUROLIFT_CLI_PATH);
    const QString gui = QStringLiteral(NEUROLIFT_GUI_PATH);
    const QString version = QStringLiteral("--version");
    QTest::newRow("cli --version") << cli << QStringList{version} << true << QStringLiteral("neurolift-cli");
    QTest::newRow("cli --version, no display")
        << cli << QStringList{version} << false << QStringLiteral("neurolift-cli");
    QTest::newRow("gui --version, offscreen")
        << gui << QStringList{version} << true << QStringLiteral("neurolift");
    QTest::newRow("gui --version, no display")
        << gui << QStringList{version} << false << QStringLiteral("neurolift");
    QTest::newRow("gui -v, no display")
        << gui << QStringList{QStringLiteral("-v")} << false << QStringLiteral("neurolift");
    QTest::newRow("gui --version after a project")
        << gui << QStringList{QStringLiteral("some.nlproj"), version} << false << QStringLiteral("neurolift");
    QTest::newRow("gui --version after --screenshot FILE")
        << gui << QStringList{QStringLiteral("--screenshot"), QStringLiteral("shot.png"), version} << false
        << QStringLiteral("neurolift");
}

void TestVersion::testVersionLine()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(bool, display);
    QFETCH(QString, name);

    QProcessEnvironment env = display ? QProcessEnvironment::systemEnvironment() : withoutDisplay();
    if (display) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    const QString line = versionOutput(program, arguments, env);
    // "neurolift-cli 0.1.0 (commit 32c83c0)": one line, the program's own name first.
    const QRegularExpression format(
        QStringLiteral("^(\\S+) (\\d+\\.\\d+\\.\\d+) \\(commit ([0-9a-f]{7,40}|unknown)\\)\\n$"));
    const QRegularExpressionMatch m = format.match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    QCOMPARE(m.captured(1), name);
    QCOMPARE(m.captured(2), QStringLiteral(NEUROLIFT_VERSION));
    QCOMPARE(m.captured(3), expectedCommit());
}

void TestVersion::testCommitIsTheCheckedOutOne()
{
    // Both programs report the same build, and neither a stale nor a made-up commit.
    const QProcessEnvironment env = withoutDisplay();
    const QString cli = versionOutput(QStringLiteral(NEUROLIFT_CLI_PATH), {QStringLiteral("--version")}, env);
    const QString gui = versionOutput(QStringLiteral(NEUROLIFT_GUI_PATH), {QStringLiteral("--version")}, env);
    const QString tail = QStringLiteral(" " NEUROLIFT_VERSION " (commit %1)\n").arg(expectedCommit());
    QCOMPARE(cli, QStringLiteral("neurolift-cli") + tail);
    QCOMPARE(gui, QStringLiteral("neurolift") + tail);
}

QString TestVersion::expectedCommit()
{
    const QString source = QStringLiteral(NEUROLIFT_SOURCE_DIR);
    QProcess git;
    git.start(QStringLiteral("git"),
              {QStringLiteral("-C"), source, QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel"),
               QStringLiteral("--short"), QStringLiteral("HEAD")});
    if (!git.waitForFinished(30'000) || git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        return QStringLiteral("unknown");
    }
    const QStringList lines =
        QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() != 2 ||
        QFileInfo(lines[0]).canonicalFilePath() != QFileInfo(source).canonicalFilePath()) {
        return QStringLiteral("unknown");
    }
    return lines[1];
}

QString TestVersion::versionOutput(const QString& program, const QStringList& arguments,
                                   const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(QDir::tempPath());
    process.start(program, arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit) {
        return QStringLiteral("did not finish: ") + process.errorString();
    }
    const QString err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitCode() != 0 || !err.isEmpty()) {
        return QStringLiteral("exit code %1, stderr: %2").arg(process.exitCode()).arg(err);
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
