#include "data/datetime.h"

#include <QStringList>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace neurolift;

Q_DECLARE_METATYPE(DateOrder)
Q_DECLARE_METATYPE(DateFormat)

namespace {

/// Day number of a civil date and time of day.
double at(int y, unsigned m, unsigned d, int hour = 0, int minute = 0, double second = 0.0)
{
    return static_cast<double>(daysFromCivil(y, m, d)) + (hour * 3600 + minute * 60 + second) / 86400.0;
}

DateFormat fmt(DateOrder order, char separator, bool time = false)
{
    DateFormat f;
    f.order = order;
    f.separator = separator;
    f.time = time;
    return f;
}

const DateFormat kIso = fmt(DateOrder::YearMonthDay, '-');
const DateFormat kIsoTime = fmt(DateOrder::YearMonthDay, '-', true);
const DateFormat kDmySlash = fmt(DateOrder::DayMonthYear, '/');
const DateFormat kMdySlash = fmt(DateOrder::MonthDayYear, '/');

std::vector<std::string> toStrings(const QStringList& list)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (const QString& s : list) {
        out.push_back(s.toStdString());
    }
    return out;
}

} // namespace

class TestDateTime : public QObject {
    Q_OBJECT

private slots:
    void dateOrderIds();
    void daysFromCivilKnownValues_data();
    void daysFromCivilKnownValues();
    void validCivil_data();
    void validCivil();
    void civilRoundTrip();
    void parseDateAccepts_data();
    void parseDateAccepts();
    void parseDateRejects_data();
    void parseDateRejects();
    void detectDateFormat_data();
    void detectDateFormat();
    void detectLargeColumn();
    void detectStopsAtFirstNonDate();
    void formatDate_data();
    void formatDate();
    void formatParseRoundTrip();
    void monthAndWeekday_data();
    void monthAndWeekday();
};

void TestDateTime::dateOrderIds()
{
    QCOMPARE(dateOrderId(DateOrder::YearMonthDay), std::string_view("ymd"));
    QCOMPARE(dateOrderId(DateOrder::DayMonthYear), std::string_view("dmy"));
    QCOMPARE(dateOrderId(DateOrder::MonthDayYear), std::string_view("mdy"));
    for (DateOrder o : {DateOrder::YearMonthDay, DateOrder::DayMonthYear, DateOrder::MonthDayYear}) {
        QCOMPARE(dateOrderFromId(dateOrderId(o)), std::optional<DateOrder>(o));
    }
    QVERIFY(!dateOrderFromId("YMD").has_value());
    QVERIFY(!dateOrderFromId("").has_value());
}

void TestDateTime::daysFromCivilKnownValues_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<unsigned>("month");
    QTest::addColumn<unsigned>("day");
    QTest::addColumn<qint64>("days");

    QTest::addRow("epoch") << 1970 << 1u << 1u << qint64{0};
    QTest::addRow("day before epoch") << 1969 << 12u << 31u << qint64{-1};
    QTest::addRow("2000-01-01") << 2000 << 1u << 1u << qint64{10957};
    QTest::addRow("2000-03-01 after a 400-year leap day") << 2000 << 3u << 1u << qint64{11017};
    QTest::addRow("2024-02-29 leap day") << 2024 << 2u << 29u << qint64{19782};
    QTest::addRow("2024-03-05") << 2024 << 3u << 5u << qint64{19787};
    QTest::addRow("1900-03-01 after a non-leap century") << 1900 << 3u << 1u << qint64{-25508};
    QTest::addRow("1600-03-01") << 1600 << 3u << 1u << qint64{-135080};
    QTest::addRow("1000-01-01 earliest accepted") << 1000 << 1u << 1u << qint64{-354285};
    QTest::addRow("9999-12-31 latest accepted") << 9999 << 12u << 31u << qint64{2932896};
    QTest::addRow("0001-01-01 proleptic") << 1 << 1u << 1u << qint64{-719162};
}

void TestDateTime::daysFromCivilKnownValues()
{
    QFETCH(int, year);
    QFETCH(unsigned, month);
    QFETCH(unsigned, day);
    QFETCH(qint64, days);

    QCOMPARE(daysFromCivil(year, month, day), std::int64_t{days});
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civilFromDays(days, y, m, d);
    QCOMPARE(y, year);
    QCOMPARE(m, month);
    QCOMPARE(d, day);
}

void TestDateTime::validCivil_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<unsigned>("month");
    QTest::addColumn<unsigned>("day");
    QTest::addColumn<bool>("valid");

    QTest::addRow("2024-02-29 leap year") << 2024 << 2u << 29u << true;
    QTest::addRow("2023-02-29 common year") << 2023 << 2u << 29u << false;
    QTest::addRow("2000-02-29 divisible by 400") << 2000 << 2u << 29u << true;
    QTest::addRow("1900-02-29 century") << 1900 << 2u << 29u << false;
    QTest::addRow("2024-02-30") << 2024 << 2u << 30u << false;
    QTest::addRow("2024-04-30") << 2024 << 4u << 30u << true;
    QTest::addRow("2024-04-31") << 2024 << 4u << 31u << false;
    QTest::addRow("2024-12-31") << 2024 << 12u << 31u << true;
    QTest::addRow("month 13") << 2024 << 13u << 1u << false;
    QTest::addRow("month 0") << 2024 << 0u << 1u << false;
    QTest::addRow("day 0") << 2024 << 1u << 0u << false;
    QTest::addRow("day 32") << 2024 << 1u << 32u << false;
}

void TestDateTime::validCivil()
{
    QFETCH(int, year);
    QFETCH(unsigned, month);
    QFETCH(unsigned, day);
    QFETCH(bool, valid);

    QCOMPARE(isValidCivil(year, month, day), valid);
}

void TestDateTime::civilRoundTrip()
{
    // From year -768 to year 10183: every day maps to a valid date that maps
    // back, and consecutive days are consecutive dates.
    int prevYear = 0;
    unsigned prevMonth = 0;
    unsigned prevDay = 0;
    civilFromDays(-1'000'001, prevYear, prevMonth, prevDay);
    for (std::int64_t z = -1'000'000; z <= 3'000'000; ++z) {
        int y = 0;
        unsigned m = 0;
        unsigned d = 0;
        civilFromDays(z, y, m, d);
        if (!isValidCivil(y, m, d) || daysFromCivil(y, m, d) != z) {
            QFAIL(qPrintable(
                QStringLiteral("day %1 -> %2-%3-%4 does not round-trip").arg(z).arg(y).arg(m).arg(d)));
        }
        const bool nextDay = y == prevYear && m == prevMonth && d == prevDay + 1;
        const bool nextMonth =
            y == prevYear && m == prevMonth + 1 && d == 1 && prevDay == daysInMonth(prevYear, prevMonth);
        const bool nextYear = y == prevYear + 1 && m == 1 && d == 1 && prevMonth == 12 && prevDay == 31;
        if (!nextDay && !nextMonth && !nextYear) {
            QFAIL(qPrintable(QStringLiteral("day %1 (%2-%3-%4) does not follow %5-%6-%7")
                                 .arg(z)
                                 .arg(y)
                                 .arg(m)
                                 .arg(d)
                                 .arg(prevYear)
                                 .arg(prevMonth)
                                 .arg(prevDay)));
        }
        prevYear = y;
        prevMonth = m;
        prevDay = d;
    }
}

void TestDateTime::parseDateAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<DateFormat>("format");
    QTest::addColumn<double>("expected");

    const DateFormat isoSlash = fmt(DateOrder::YearMonthDay, '/');
    const DateFormat dmyDot = fmt(DateOrder::DayMonthYear, '.');
    const DateFormat dmyDash = fmt(DateOrder::DayMonthYear, '-');
    const DateFormat mdyTime = fmt(DateOrder::MonthDayYear, '/', true);
    const DateFormat dmyTime = fmt(DateOrder::DayMonthYear, '.', true);

    QTest::addRow("ISO date") << "2024-03-05" << kIso << at(2024, 3, 5);
    QTest::addRow("ISO date, single-digit parts") << "2024-3-5" << kIso << at(2024, 3, 5);
    QTest::addRow("ISO date with slashes") << "2024/03/05" << isoSlash << at(2024, 3, 5);
    QTest::addRow("ISO date, time allowed but absent") << "2024-03-05" << kIsoTime << at(2024, 3, 5);
    QTest::addRow("leap day") << "2024-02-29" << kIso << at(2024, 2, 29);
    QTest::addRow("year 1000") << "1000-01-01" << kIso << at(1000, 1, 1);
    QTest::addRow("year 9999") << "9999-12-31" << kIso << at(9999, 12, 31);
    QTest::addRow("before the epoch") << "1969-12-31" << kIso << -1.0;

    QTest::addRow("ISO datetime with T") << "2024-03-05T14:30" << kIsoTime << at(2024, 3, 5, 14, 30);
    QTest::addRow("ISO datetime with space") << "2024-03-05 14:30" << kIsoTime << at(2024, 3, 5, 14, 30);
    QTest::addRow("noon is half a day") << "2024-03-05T12:00" << kIsoTime << 19787.5;
    QTest::addRow("midnight") << "2024-03-05 00:00:00" << kIsoTime << 19787.0;
    QTest::addRow("with seconds") << "2024-03-05T14:30:15" << kIsoTime << at(2024, 3, 5, 14, 30, 15);
    QTest::addRow("last second of a day") << "2024-03-05 23:59:59" << kIsoTime << at(2024, 3, 5, 23, 59, 59);
    QTest::addRow("with milliseconds")
        << "2024-03-05T14:30:15.250" << kIsoTime << at(2024, 3, 5, 14, 30, 15.25);
    QTest::addRow("one fraction digit")
        << "2024-03-05T14:30:15.5" << kIsoTime << at(2024, 3, 5, 14, 30, 15.5);
    QTest::addRow("nine fraction digits")
        << "2024-03-05T14:30:15.123456789" << kIsoTime << at(2024, 3, 5, 14, 30, 15.123456789);
    QTest::addRow("single-digit hour") << "2024-03-05 9:05" << kIsoTime << at(2024, 3, 5, 9, 5);

    QTest::addRow("Z is UTC") << "2024-03-05T14:30:00Z" << kIsoTime << at(2024, 3, 5, 14, 30);
    QTest::addRow("Z without seconds") << "2024-03-05T14:30Z" << kIsoTime << at(2024, 3, 5, 14, 30);
    QTest::addRow("milliseconds and Z")
        << "2024-03-05T14:30:00.500Z" << kIsoTime << at(2024, 3, 5, 14, 30, 0.5);
    QTest::addRow("+02:00 is two hours ahead of UTC")
        << "2024-03-05T14:30:00+02:00" << kIsoTime << at(2024, 3, 5, 12, 30);
    QTest::addRow("-05:00") << "2024-03-05 14:30-05:00" << kIsoTime << at(2024, 3, 5, 19, 30);
    QTest::addRow("+0530 without colon") << "2024-03-05T14:30+0530" << kIsoTime << at(2024, 3, 5, 9, 0);
    QTest::addRow("+00:00") << "2024-03-05T14:30+00:00" << kIsoTime << at(2024, 3, 5, 14, 30);
    QTest::addRow("offset moves to the previous day")
        << "2024-03-05T01:00+02:00" << kIsoTime << at(2024, 3, 4, 23, 0);
    QTest::addRow("offset moves to the next year")
        << "2024-12-31T23:00:00-02:00" << kIsoTime << at(2025, 1, 1, 1, 0);

    QTest::addRow("dd/mm/yyyy") << "05/03/2024" << kDmySlash << at(2024, 3, 5);
    QTest::addRow("mm/dd/yyyy") << "03/05/2024" << kMdySlash << at(2024, 3, 5);
    QTest::addRow("dd.mm.yyyy") << "31.12.2023" << dmyDot << at(2023, 12, 31);
    QTest::addRow("dd-mm-yyyy") << "05-03-2024" << dmyDash << at(2024, 3, 5);
    QTest::addRow("d/m/yyyy single digits") << "3/7/2024" << kDmySlash << at(2024, 7, 3);
    QTest::addRow("m/d/yyyy single digits") << "3/7/2024" << kMdySlash << at(2024, 3, 7);
    QTest::addRow("d.m.yyyy") << "1.2.2024" << dmyDot << at(2024, 2, 1);
    QTest::addRow("day-first leap day") << "29/02/2024" << kDmySlash << at(2024, 2, 29);
    QTest::addRow("m/d/yyyy h:mm (Excel)") << "3/7/2024 9:05" << mdyTime << at(2024, 3, 7, 9, 5);
    QTest::addRow("dd.mm.yyyy HH:MM:SS") << "05.03.2024 14:30:15" << dmyTime << at(2024, 3, 5, 14, 30, 15);
}

void TestDateTime::parseDateAccepts()
{
    QFETCH(QString, text);
    QFETCH(DateFormat, format);
    QFETCH(double, expected);

    const std::optional<double> got = parseDate(text.toStdString(), format);
    QVERIFY2(got.has_value(), qPrintable(text));
    // 1e-10 days is under 9 microseconds: a millisecond off still fails.
    if (std::abs(*got - expected) > 1e-10) {
        QFAIL(qPrintable(QStringLiteral("%1: got %2, expected %3")
                             .arg(text)
                             .arg(*got, 0, 'f', 12)
                             .arg(expected, 0, 'f', 12)));
    }
    if (expected == std::floor(expected)) {
        QCOMPARE(*got, expected); // whole days are exact
    }
}

void TestDateTime::parseDateRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<DateFormat>("format");

    const DateFormat dmyDot = fmt(DateOrder::DayMonthYear, '.');

    QTest::addRow("13th month") << "2024-13-01" << kIso;
    QTest::addRow("month 0") << "2024-00-10" << kIso;
    QTest::addRow("day 0") << "2024-03-00" << kIso;
    QTest::addRow("31 April") << "2024-04-31" << kIso;
    QTest::addRow("30 February") << "2024-02-30" << kIso;
    QTest::addRow("29 February in a common year") << "2023-02-29" << kIso;
    QTest::addRow("13th month day-first") << "05/13/2024" << kDmySlash;
    QTest::addRow("13th month month-first") << "13/05/2024" << kMdySlash;
    QTest::addRow("31 April day-first") << "31/04/2024" << kDmySlash;

    QTest::addRow("24:00 is not accepted") << "2024-03-05 24:00" << kIsoTime;
    QTest::addRow("24:00:00 is not accepted") << "2024-03-05T24:00:00" << kIsoTime;
    QTest::addRow("hour 25") << "2024-03-05 25:00" << kIsoTime;
    QTest::addRow("minute 60") << "2024-03-05 14:60" << kIsoTime;
    QTest::addRow("second 60") << "2024-03-05 14:30:60" << kIsoTime;
    QTest::addRow("3-digit hour") << "2024-03-05 014:30" << kIsoTime;
    QTest::addRow("hour without minutes") << "2024-03-05T14" << kIsoTime;
    QTest::addRow("1-digit minutes") << "2024-03-05T14:3" << kIsoTime;
    QTest::addRow("3-digit minutes") << "2024-03-05T14:300" << kIsoTime;
    QTest::addRow("dangling T") << "2024-03-05T" << kIsoTime;
    QTest::addRow("dangling colon") << "2024-03-05 14:30:" << kIsoTime;
    QTest::addRow("dangling dot") << "2024-03-05 14:30:00." << kIsoTime;
    QTest::addRow("ten fraction digits") << "2024-03-05 14:30:00.1234567890" << kIsoTime;
    QTest::addRow("fraction without seconds") << "2024-03-05 14:30.5" << kIsoTime;
    QTest::addRow("two spaces before the time") << "2024-03-05  14:30" << kIsoTime;
    QTest::addRow("lowercase t") << "2024-03-05t14:30" << kIsoTime;
    QTest::addRow("AM/PM") << "3/7/2024 9:05 PM" << fmt(DateOrder::MonthDayYear, '/', true);
    QTest::addRow("time in a date-only format") << "2024-03-05 14:30" << kIso;

    QTest::addRow("Z without a time") << "2024-03-05Z" << kIsoTime;
    QTest::addRow("offset without a time") << "2024-03-05+02:00" << kIsoTime;
    QTest::addRow("offset hour only") << "2024-03-05T14:30+02" << kIsoTime;
    QTest::addRow("1-digit offset hour") << "2024-03-05T14:30+2:00" << kIsoTime;
    QTest::addRow("1-digit offset minutes") << "2024-03-05T14:30+02:0" << kIsoTime;
    QTest::addRow("offset 24 hours") << "2024-03-05T14:30+24:00" << kIsoTime;
    QTest::addRow("offset minute 60") << "2024-03-05T14:30+02:60" << kIsoTime;
    QTest::addRow("text after Z") << "2024-03-05T14:30Zx" << kIsoTime;

    QTest::addRow("empty") << "" << kIso;
    QTest::addRow("letters") << "abc" << kIso;
    QTest::addRow("month name") << "2024-Mar-05" << kIso;
    QTest::addRow("written date") << "March 5, 2024" << kMdySlash;
    QTest::addRow("2024-1-") << "2024-1-" << kIso;
    QTest::addRow("2024-1") << "2024-1" << kIso;
    QTest::addRow("year only") << "2024" << kIso;
    QTest::addRow("compact ISO") << "20240305" << kIso;
    QTest::addRow("decimal number") << "12.5" << dmyDot;
    QTest::addRow("IP address") << "10.0.0.1" << dmyDot;
    QTest::addRow("leading space") << " 2024-03-05" << kIso;
    QTest::addRow("trailing space") << "2024-03-05 " << kIso;
    QTest::addRow("leading plus") << "+2024-03-05" << kIso;
    QTest::addRow("3-digit day") << "2024-03-005" << kIso;
    QTest::addRow("3-digit first part") << "005/03/2024" << kDmySlash;
    QTest::addRow("2-digit year") << "05/03/24" << kDmySlash;
    QTest::addRow("3-digit year") << "999-01-01" << kIso;
    QTest::addRow("year 0999") << "0999-01-01" << kIso;
    QTest::addRow("5-digit year") << "12024-01-01" << kIso;
    QTest::addRow("5-digit year last") << "05/03/20245" << kDmySlash;
    QTest::addRow("mixed separators") << "2024-03/05" << kIso;
    QTest::addRow("separator not the format's") << "2024/03/05" << kIso;
    QTest::addRow("comma separator") << "05,03,2024" << fmt(DateOrder::DayMonthYear, ',');
    QTest::addRow("day-first value in an ISO format") << "05-03-2024" << kIso;
    QTest::addRow("ISO value in a day-first format") << "2024-03-05" << fmt(DateOrder::DayMonthYear, '-');
}

void TestDateTime::parseDateRejects()
{
    QFETCH(QString, text);
    QFETCH(DateFormat, format);

    const std::optional<double> got = parseDate(text.toStdString(), format);
    QVERIFY2(!got.has_value(),
             qPrintable(QStringLiteral("%1 parsed as %2").arg(text).arg(got.value_or(0.0))));
}

void TestDateTime::detectDateFormat_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<DateOrder>("ambiguousOrder");
    QTest::addColumn<bool>("found");
    QTest::addColumn<DateOrder>("order");
    QTest::addColumn<char>("separator");
    QTest::addColumn<bool>("time");
    QTest::addColumn<bool>("ambiguous");

    const DateOrder ymd = DateOrder::YearMonthDay;
    const DateOrder dmy = DateOrder::DayMonthYear;
    const DateOrder mdy = DateOrder::MonthDayYear;

    QTest::addRow("ISO column") << QStringList{"2024-03-05", "2023-12-31", "2024-1-9"} << dmy << true << ymd
                                << '-' << false << false;
    QTest::addRow("ISO column with slashes")
        << QStringList{"2024/03/05", "2024/03/04"} << dmy << true << ymd << '/' << false << false;
    QTest::addRow("ISO datetimes with offsets")
        << QStringList{"2024-03-05T14:30:00Z", "2024-03-06T09:00:00+01:00", "2024-03-07T09:00:00.250-0800"}
        << dmy << true << ymd << '-' << true << false;
    QTest::addRow("mixed date and datetime values")
        << QStringList{"2024-03-05", "2024-03-06 14:30", "2024-03-07"} << dmy << true << ymd << '-' << true
        << false;
    QTest::addRow("day-first evidence")
        << QStringList{"03/04/2024", "25/12/2023"} << mdy << true << dmy << '/' << false << false;
    QTest::addRow("day-first evidence, dots") << QStringList{"01.02.2024", "02.03.2024", "31.01.2024"} << mdy
                                              << true << dmy << '.' << false << false;
    QTest::addRow("day-first, single digits")
        << QStringList{"3/7/2024", "13/7/2024"} << mdy << true << dmy << '/' << false << false;
    QTest::addRow("30 April is day-first")
        << QStringList{"30/04/2024"} << mdy << true << dmy << '/' << false << false;
    QTest::addRow("month-first evidence")
        << QStringList{"03/04/2024", "12/25/2023"} << dmy << true << mdy << '/' << false << false;
    QTest::addRow("month-first datetimes (Excel)")
        << QStringList{"3/7/2024 9:05", "12/25/2023 17:45", "1/2/2024"} << dmy << true << mdy << '/' << true
        << false;
    QTest::addRow("ambiguous, day-first preferred")
        << QStringList{"03/04/2024", "05/06/2024"} << dmy << true << dmy << '/' << false << true;
    QTest::addRow("ambiguous, month-first preferred")
        << QStringList{"03/04/2024", "05/06/2024"} << mdy << true << mdy << '/' << false << true;
    QTest::addRow("ambiguous datetimes")
        << QStringList{"03-04-2024 10:00"} << dmy << true << dmy << '-' << true << true;

    QTest::addRow("conflicting evidence")
        << QStringList{"25/12/2023", "12/25/2023"} << dmy << false << dmy << '/' << false << false;
    QTest::addRow("31 April either way round")
        << QStringList{"31/04/2024"} << dmy << false << dmy << '/' << false << false;
    QTest::addRow("day-first, then an impossible day")
        << QStringList{"25/12/2023", "31/04/2024"} << dmy << false << dmy << '/' << false << false;
    QTest::addRow("one non-date") << QStringList{"2024-03-05", "n/a", "2024-03-07"} << dmy << false << ymd
                                  << '-' << false << false;
    QTest::addRow("one invalid date")
        << QStringList{"2024-03-05", "2024-02-30"} << dmy << false << ymd << '-' << false << false;
    QTest::addRow("one hour 24") << QStringList{"2024-03-05 10:00", "2024-03-05 24:00"} << dmy << false << ymd
                                 << '-' << false << false;
    QTest::addRow("mixed separators")
        << QStringList{"2024-03-05", "2024/03/06"} << dmy << false << ymd << '-' << false << false;
    QTest::addRow("mixed layouts") << QStringList{"2024-03-05", "05-03-2024"} << dmy << false << ymd << '-'
                                   << false << false;
    QTest::addRow("numbers") << QStringList{"12", "15", "2024"} << dmy << false << ymd << '-' << false
                             << false;
    QTest::addRow("2-digit years") << QStringList{"05/03/24", "06/03/24"} << dmy << false << ymd << '-'
                                   << false << false;
    QTest::addRow("words") << QStringList{"yes", "no"} << dmy << false << ymd << '-' << false << false;
    QTest::addRow("empty string") << QStringList{""} << dmy << false << ymd << '-' << false << false;
    QTest::addRow("no values") << QStringList{} << dmy << false << ymd << '-' << false << false;
}

void TestDateTime::detectDateFormat()
{
    QFETCH(QStringList, values);
    QFETCH(DateOrder, ambiguousOrder);
    QFETCH(bool, found);
    QFETCH(DateOrder, order);
    QFETCH(char, separator);
    QFETCH(bool, time);
    QFETCH(bool, ambiguous);

    const std::vector<std::string> column = toStrings(values);
    const std::optional<DateDetection> d = neurolift::detectDateFormat(column, ambiguousOrder);
    QCOMPARE(d.has_value(), found);
    if (!found) {
        return;
    }
    QCOMPARE(dateOrderId(d->format.order), dateOrderId(order));
    QCOMPARE(d->format.separator, separator);
    QCOMPARE(d->format.time, time);
    QCOMPARE(d->ambiguous, ambiguous);
    // The contract the reader relies on: every value parses in the format found.
    for (const std::string& v : column) {
        QVERIFY2(parseDate(v, d->format).has_value(), v.c_str());
    }
}

void TestDateTime::detectLargeColumn()
{
    // 200,000 distinct day-first datetimes; the only evidence for day-first
    // is the last value.
    std::vector<std::string> column;
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> second(0, 86399);
    char buf[64];
    for (std::int64_t z = 0; column.size() < 200'000; ++z) {
        int y = 0;
        unsigned m = 0;
        unsigned d = 0;
        civilFromDays(z, y, m, d);
        if (d > 12) {
            continue;
        }
        const int s = second(rng);
        std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02d:%02d:%02d", d, m, y, s / 3600, s / 60 % 60,
                      s % 60);
        column.emplace_back(buf);
    }
    column.emplace_back("31/12/2023 23:59:59");

    const std::optional<DateDetection> d = neurolift::detectDateFormat(column, DateOrder::MonthDayYear);
    QVERIFY(d.has_value());
    QCOMPARE(d->format, fmt(DateOrder::DayMonthYear, '/', true));
    QVERIFY(!d->ambiguous);

    column.back() = "12/31/2023 23:59:59"; // month-first evidence instead
    const std::optional<DateDetection> m = neurolift::detectDateFormat(column);
    QVERIFY(m.has_value());
    QCOMPARE(m->format, fmt(DateOrder::MonthDayYear, '/', true));

    column.emplace_back("31/12/2023 23:59:59"); // and day-first too: no date column
    QVERIFY(!neurolift::detectDateFormat(column).has_value());
}

void TestDateTime::detectStopsAtFirstNonDate()
{
    // A text column must be rejected on its first value, whatever follows.
    std::vector<std::string> column(100'000, "2024-03-05");
    column.front() = "Smith";
    QVERIFY(!neurolift::detectDateFormat(column).has_value());
    column.front() = "2024-03-05";
    QVERIFY(neurolift::detectDateFormat(column).has_value());
}

void TestDateTime::formatDate_data()
{
    QTest::addColumn<double>("days");
    QTest::addColumn<QString>("expected");

    QTest::addRow("epoch") << 0.0 << "1970-01-01";
    QTest::addRow("day before epoch") << -1.0 << "1969-12-31";
    QTest::addRow("2000-03-01") << 11017.0 << "2000-03-01";
    QTest::addRow("2024-03-05") << at(2024, 3, 5) << "2024-03-05";
    QTest::addRow("with time") << at(2024, 3, 5, 14, 30) << "2024-03-05 14:30:00";
    QTest::addRow("noon") << 19787.5 << "2024-03-05 12:00:00";
    QTest::addRow("with seconds") << at(2024, 3, 5, 9, 5, 7) << "2024-03-05 09:05:07";
    QTest::addRow("0.4 s rounds down") << at(2024, 3, 5, 1, 0, 0.4) << "2024-03-05 01:00:00";
    QTest::addRow("0.6 s rounds up") << at(2024, 3, 5, 1, 0, 0.6) << "2024-03-05 01:00:01";
    QTest::addRow("rounds up to midnight") << at(2024, 3, 5, 23, 59, 59.6) << "2024-03-06";
    QTest::addRow("rounds up to a new year") << at(2023, 12, 31, 23, 59, 59.7) << "2024-01-01";
    QTest::addRow("before epoch with time") << -0.25 << "1969-12-31 18:00:00";
    QTest::addRow("last second") << at(9999, 12, 31, 23, 59, 59) << "9999-12-31 23:59:59";
    QTest::addRow("year 1000") << at(1000, 1, 1) << "1000-01-01";
    QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "";
    QTest::addRow("infinity") << std::numeric_limits<double>::infinity() << "";
    QTest::addRow("absurd") << 1e300 << "";
}

void TestDateTime::formatDate()
{
    QFETCH(double, days);
    QFETCH(QString, expected);

    QCOMPARE(QString::fromStdString(neurolift::formatDate(days)), expected);
}

void TestDateTime::formatParseRoundTrip()
{
    // Every second of a day, formatted and parsed back, lands on the same second.
    const double base = at(2024, 3, 5);
    for (int s = 1; s < 86400; s += 7) {
        const double v = base + s / 86400.0;
        const std::string text = neurolift::formatDate(v);
        const std::optional<double> back = parseDate(text, kIsoTime);
        QVERIFY2(back.has_value(), text.c_str());
        QVERIFY2(std::abs(*back - v) < 1e-10, text.c_str());
    }
}

void TestDateTime::monthAndWeekday_data()
{
    QTest::addColumn<double>("days");
    QTest::addColumn<unsigned>("month");
    QTest::addColumn<unsigned>("weekday");

    QTest::addRow("1970-01-01 was a Thursday") << 0.0 << 1u << 3u;
    QTest::addRow("1970-01-05 was a Monday") << 4.0 << 1u << 0u;
    QTest::addRow("1970-01-04 was a Sunday") << 3.0 << 1u << 6u;
    QTest::addRow("1969-12-31 was a Wednesday") << -1.0 << 12u << 2u;
    QTest::addRow("noon on 1969-12-31") << -0.5 << 12u << 2u;
    QTest::addRow("2024-03-05 was a Tuesday") << at(2024, 3, 5) << 3u << 1u;
    QTest::addRow("late on 2024-03-05") << at(2024, 3, 5, 23, 59, 59) << 3u << 1u;
    QTest::addRow("2000-02-29 was a Tuesday") << at(2000, 2, 29) << 2u << 1u;
    QTest::addRow("2023-12-31 was a Sunday") << at(2023, 12, 31) << 12u << 6u;
    QTest::addRow("1000-01-01 (proleptic) was a Wednesday") << at(1000, 1, 1) << 1u << 2u;
    QTest::addRow("9999-12-31 was a Friday") << at(9999, 12, 31) << 12u << 4u;
}

void TestDateTime::monthAndWeekday()
{
    QFETCH(double, days);
    QFETCH(unsigned, month);
    QFETCH(unsigned, weekday);

    QCOMPARE(monthOf(days), month);
    QCOMPARE(weekdayOf(days), weekday);
}

QTEST_APPLESS_MAIN(TestDateTime)
#include "tst_datetime.moc"
