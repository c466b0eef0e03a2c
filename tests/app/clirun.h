#pragma once

// Running the built neurolift-cli as a user would, and checking what it says:
// shared by the suites that drive the command line with hostile input.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <algorithm>

namespace clirun {

struct CliResult {
    int exitCode = -1;
    QStringList out; ///< stdout, line by line.
    QStringList err; ///< stderr, line by line (progress lines end in '\r').
};

inline CliResult run(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(NEUROLIFT_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForFinished(300'000) || process.exitStatus() != QProcess::NormalExit) {
        result.err = QStringList{process.errorString(), QString::fromUtf8(process.readAllStandardError())};
        return result;
    }
    static const QRegularExpression lineEnd(QStringLiteral("[\r\n]+"));
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput()).split(lineEnd, Qt::SkipEmptyParts);
    result.err = QString::fromUtf8(process.readAllStandardError()).split(lineEnd, Qt::SkipEmptyParts);
    return result;
}

/// SHA-256 of a file's bytes; empty when it cannot be read.
inline QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Checks the exit code and that `message` is one whole line of stderr
/// (or of stdout when it starts with "stdout: "); an error is the last line.
inline void checkMessage(const CliResult& r, int exitCode, const QString& message)
{
    const QString all =
        QStringLiteral("stdout:\n") + r.out.join('\n') + QStringLiteral("\nstderr:\n") + r.err.join('\n');
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + '\n' + all));
    if (message.startsWith(QStringLiteral("stdout: "))) {
        // inspect names the file as it was given: compare after its folder.
        const QString expected = message.mid(8);
        const bool found = std::any_of(r.out.begin(), r.out.end(), [&](const QString& line) {
            return line == expected || line.endsWith(QLatin1Char('/') + expected);
        });
        QVERIFY2(found, qPrintable(all));
    } else if (exitCode != 0) {
        QVERIFY2(!r.err.isEmpty() && r.err.last() == message, qPrintable(all));
    } else {
        QVERIFY2(r.err.contains(message), qPrintable(all));
    }
}

} // namespace clirun
