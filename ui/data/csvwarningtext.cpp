#include "data/csvwarningtext.h"

#include <QCoreApplication>

namespace neurolift {

namespace {

QString arg(const CsvWarning& w, std::size_t i)
{
    return QString::fromStdString(w.args[i]);
}

} // namespace

QString csvWarningText(const CsvWarning& w)
{
    const std::size_t n = w.args.size();
    switch (w.kind) {
    case CsvWarningKind::EmptyColumn:
        if (n == 2) {
            return QCoreApplication::translate("neurolift::CsvWarningText",
                                               "column %1 \"%2\": every value is missing, so it "
                                               "cannot be used; exclude it or "
                                               "check the missing-value markers")
                .arg(arg(w, 0), arg(w, 1));
        }
        break;
    case CsvWarningKind::ConstantColumn:
        if (n == 2) {
            return QCoreApplication::translate("neurolift::CsvWarningText",
                                               "column %1 \"%2\": has the same value in every row, "
                                               "so it carries no information")
                .arg(arg(w, 0), arg(w, 1));
        }
        break;
    case CsvWarningKind::PostcodeColumn:
        if (n == 2) {
            return QCoreApplication::translate("neurolift::CsvWarningText",
                                               "column %1 \"%2\": is named like a postcode, so its "
                                               "numbers are read as codes that "
                                               "identify a place, not as amounts")
                .arg(arg(w, 0), arg(w, 1));
        }
        break;
    case CsvWarningKind::AmbiguousDates:
        if (n == 4) {
            const QString order =
                w.args[3] == "day-first"
                    ? QCoreApplication::translate("neurolift::CsvWarningText", "day-first")
                    : QCoreApplication::translate("neurolift::CsvWarningText", "month-first");
            return QCoreApplication::translate("neurolift::CsvWarningText",
                                               "column %1 \"%2\": dates such as %3 could "
                                               "be day-first or month-first; "
                                               "read as %4 (choose the date order if that is wrong)")
                .arg(arg(w, 0), arg(w, 1), arg(w, 2), order);
        }
        break;
    case CsvWarningKind::UnreadableValues:
    case CsvWarningKind::Other:
        break;
    }
    return QString::fromStdString(w.message);
}

} // namespace neurolift
