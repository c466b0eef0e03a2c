#pragma once

// What the suites that run the built neurolift-cli as a user would (tst_cli,
// tst_cli_data, tst_cli_score, tst_cli_project, tst_cli_explain,
// tst_cli_segments, tst_cli_demo) share: running it, and files to run it on.
#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>

/// The base of each tst_cli* suite: a temporary folder of its own, and the
/// program run with arguments as a user would type them.
class CliSuite : public QObject {
protected:
    struct CliResult {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// Runs neurolift-cli with `arguments` and waits for it.
    static CliResult run(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NEUROLIFT_CLI_PATH), arguments);
        CliResult result;
        if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit) {
            result.err = process.errorString();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// Writes `contents` to `name` in the temporary directory and returns its path.
    QString writeFile(const QString& name, const QByteArray& contents) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
            return {};
        }
        return path;
    }

    /// ../shared/data/<relative>, or empty when the shared data are not beside the repo.
    static QString sharedData(const QString& relative)
    {
        const QString path = QStringLiteral(NEUROLIFT_SOURCE_DIR "/../shared/data/") + relative;
        return QFile::exists(path) ? path : QString();
    }

    /// A customer table where "bought" depends on "visits" and "discount" only.
    static QByteArray knownTruthCsv(int rows)
    {
        QByteArray csv = "id,visits,discount,age,tenure,channel,score_a,bought\n";
        std::uint32_t state = 12345;
        const auto next = [&state] {
            state = state * 1664525u + 1013904223u;
            return static_cast<int>((state >> 8) % 1000);
        };
        const char* channels[] = {"email", "web", "=HYPERLINK(\"x\")"};
        for (int i = 0; i < rows; ++i) {
            const int visits = next() % 20;
            const int discount = next() % 50;
            const int noise = next() % 100;
            const bool bought = visits * 5 - discount * 2 + noise / 4 > 20;
            csv += "c" + QByteArray::number(i) + "," + QByteArray::number(visits) + "," +
                   (i % 17 == 0 ? QByteArray() : QByteArray::number(discount)) + "," +
                   QByteArray::number(20 + next() % 60) + "," + QByteArray::number(next() % 120) + "," +
                   channels[next() % 3] + "," + QByteArray::number(next() % 1000) + "," +
                   (bought ? "yes" : "no") + "\n";
        }
        return csv;
    }

    QTemporaryDir m_dir;
};
