#pragma once

// Compares a program's output with a golden file written by another build.
//
// Scores are bit-identical for the same binary, machine and thread count, but
// a build for another instruction set (SSE4.2, AVX2, AVX-512; FMA or not) adds
// in another order and may differ in the last digits. So the numbers of each
// line are parsed and compared within a tolerance, and everything between them
// (names, ids, quotes, delimiters, the number of fields) must match exactly.

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cmath>
#include <optional>

namespace golden {

/// How far apart two numbers may be: |a - b| <= absolute + relative * max(|a|, |b|).
struct Tolerance {
    double absolute = 0;
    double relative = 0;
};

/// One line split into its numbers and the text around them.
struct Shape {
    QString text; // the line with every number replaced by '#'
    QList<double> numbers;
};

/// A number stands alone: not glued to a letter, digit or '_' before it
/// ("C00017" stays text), nor to one after it ("3rd" stays text).
inline Shape shapeOf(const QString& line)
{
    static const QRegularExpression number(
        QStringLiteral(R"((?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.]))"));
    Shape shape;
    qsizetype last = 0;
    for (auto it = number.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        shape.text += line.mid(last, m.capturedStart() - last) + u'#';
        shape.numbers.append(m.captured().toDouble());
        last = m.capturedEnd();
    }
    shape.text += line.mid(last);
    return shape;
}

/// The first difference beyond `tolerance` between `actual` and `expected`,
/// naming the line, or nothing when they agree. `largest` receives the largest
/// difference seen between two numbers.
inline std::optional<QString> difference(const QByteArray& actual, const QByteArray& expected, Tolerance tolerance,
                                         double* largest = nullptr)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    if (largest) {
        *largest = 0;
    }
    if (a.size() != e.size()) {
        return QStringLiteral("%1 lines instead of %2").arg(a.size()).arg(e.size());
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Shape got = shapeOf(QString::fromUtf8(a[i]));
        const Shape want = shapeOf(QString::fromUtf8(e[i]));
        const QString where = QStringLiteral("line %1: \"%2\" instead of \"%3\"")
                                  .arg(i + 1)
                                  .arg(QString::fromUtf8(a[i]), QString::fromUtf8(e[i]));
        if (got.text != want.text || got.numbers.size() != want.numbers.size()) {
            return where;
        }
        for (qsizetype k = 0; k < got.numbers.size(); ++k) {
            const double x = got.numbers[k];
            const double y = want.numbers[k];
            const double gap = std::abs(x - y);
            if (largest) {
                *largest = std::max(*largest, gap);
            }
            if (!(gap <= tolerance.absolute + tolerance.relative * std::max(std::abs(x), std::abs(y)))) {
                return where;
            }
        }
    }
    return std::nullopt;
}

} // namespace golden
