#include "data/encoding.h"

#include <QTest>

#include <array>
#include <optional>
#include <string>
#include <string_view>

using namespace neurolift;

Q_DECLARE_METATYPE(TextEncoding)

namespace {

/// The bytes of a literal, embedded NULs included.
template <std::size_t N>
QByteArray bytes(const char (&s)[N])
{
    return QByteArray(s, static_cast<qsizetype>(N - 1));
}

std::string_view view(const QByteArray& b)
{
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

QByteArray toBytes(const std::string& s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QString nameOf(TextEncoding e)
{
    const std::string_view n = encodingName(e);
    return QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
}

constexpr std::array kAllEncodings = {TextEncoding::Utf8,    TextEncoding::Utf16LE,     TextEncoding::Utf16BE,
                                      TextEncoding::Gb18030, TextEncoding::Windows1252, TextEncoding::Latin1};

// "姓名,城市\n张三,北京\n" in GBK (iconv -f UTF-8 -t GBK) and in UTF-8.
const char kGbkCsv[] = "\xd0\xd5\xc3\xfb\x2c\xb3\xc7\xca\xd0\x0a\xd5\xc5\xc8\xfd\x2c\xb1\xb1\xbe\xa9\x0a";
const char kChineseCsv[] = "姓名,城市\n张三,北京\n";
// "Zürich,€,😀\n" (iconv -t UTF-16LE / UTF-16BE): ü, a 3-byte and a surrogate pair.
const char kUtf16LE[] =
    "\x5a\x00\xfc\x00\x72\x00\x69\x00\x63\x00\x68\x00\x2c\x00\xac\x20\x2c\x00\x3d\xd8\x00\xde\x0a\x00";
const char kUtf16BE[] =
    "\x00\x5a\x00\xfc\x00\x72\x00\x69\x00\x63\x00\x68\x00\x2c\x20\xac\x00\x2c\xd8\x3d\xde\x00\x00\x0a";
const char kZurich[] = "Zürich,€,😀\n";

} // namespace

class TestEncoding : public QObject {
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void resolve_data();
    void resolve();

    void convert_data();
    void convert();
    void convertSplitAtEveryByte_data();
    void convertSplitAtEveryByte();
    void convertByteAtATime_data();
    void convertByteAtATime();
    void convertAppendsAndGrowsPastEstimate();
    void convertOffsetCountsEarlierCalls();
    void moveKeepsCutCharacter();

    void invalid_data();
    void invalid();

    void names_data();
    void names();
    void nameRoundTrip();
    void choicesAreAccepted();
};

void TestEncoding::detect_data()
{
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<bool>("atEnd");
    QTest::addColumn<TextEncoding>("expected");
    QTest::addColumn<int>("bomBytes");

    QTest::addRow("utf-8 bom") << bytes("\xEF\xBB\xBF"
                                        "a,b\n")
                               << true << TextEncoding::Utf8 << 3;
    QTest::addRow("utf-8") << bytes("Zürich,Café\n") << true << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-8 chinese") << bytes(kChineseCsv) << true << TextEncoding::Utf8 << 0;
    QTest::addRow("ascii") << bytes("id,name\n1,x\n") << true << TextEncoding::Utf8 << 0;
    QTest::addRow("empty") << QByteArray() << true << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-8 cut sample") << bytes("Caf\xc3") << false << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-8 cut 3-byte") << bytes("a,\xe5\x8c") << false << TextEncoding::Utf8 << 0;
    // The same bytes as a whole file: a dangling lead byte is not UTF-8.
    QTest::addRow("utf-8 cut file") << bytes("Caf\xc3") << true << TextEncoding::Windows1252 << 0;
    // With UTF-8 characters before the cut, the file is UTF-8 that was cut off.
    QTest::addRow("utf-8 file cut after accents") << bytes("id,city\n1,K\xc3\xb6ln\n2,K\xc3") << true
                                                  << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-8 file cut in a 3-byte character") << bytes("a,\xe5\x8c\x97\n1,\xe4\xba") << true
                                                          << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-16 le bom") << bytes("\xFF\xFE"
                                            "a\0,\0")
                                   << true << TextEncoding::Utf16LE << 2;
    QTest::addRow("utf-16 be bom") << bytes("\xFE\xFF\0a\0,") << true << TextEncoding::Utf16BE << 2;
    QTest::addRow("utf-16 le no bom") << bytes("a\0,\0b\0\n\0"
                                               "1\0,\0"
                                               "2\0\n\0")
                                      << true << TextEncoding::Utf16LE << 0;
    QTest::addRow("utf-16 be no bom") << bytes("\0a\0,\0b\0\n\0"
                                               "1\0,\0"
                                               "2\0\n")
                                      << true << TextEncoding::Utf16BE << 0;
    QTest::addRow("utf-16 le no bom non-ascii") << bytes(kUtf16LE) << true << TextEncoding::Utf16LE << 0;
    QTest::addRow("gbk") << bytes(kGbkCsv) << true << TextEncoding::Gb18030 << 0;
    // Cut after the lead byte of 北: fine for a sample, not for a whole file.
    QTest::addRow("gbk cut sample") << bytes("\xd0\xd5\xc3\xfb\x2c\xb3\xc7\xca\xd0\x0a\xb1") << false
                                    << TextEncoding::Gb18030 << 0;
    QTest::addRow("gbk cut file") << bytes("\xd0\xd5\xc3\xfb\x2c\xb3\xc7\xca\xd0\x0a\xb1") << true
                                  << TextEncoding::Windows1252 << 0;
    QTest::addRow("gbk one pair") << bytes("\xb1\xb1,1\n") << true << TextEncoding::Windows1252 << 0;
    QTest::addRow("windows-1252") << bytes("Caf\xe9,M\xfcller\n") << true << TextEncoding::Windows1252 << 0;
    // Every accent is followed by a letter, so the bytes are valid GBK pairs,
    // but none in the GB2312 area where Chinese text lives.
    QTest::addRow("windows-1252 gbk-like")
        << bytes("M\xfcller,G\xe9rard,B\xe4r\n") << true << TextEncoding::Windows1252 << 0;
    QTest::addRow("windows-1252 euro") << bytes("\x80 caf\xe9\n") << true << TextEncoding::Windows1252 << 0;
}

void TestEncoding::detect()
{
    QFETCH(QByteArray, sample);
    QFETCH(bool, atEnd);
    QFETCH(TextEncoding, expected);
    QFETCH(int, bomBytes);

    const EncodingGuess g = detectEncoding(view(sample), atEnd);
    QCOMPARE(nameOf(g.encoding), nameOf(expected));
    QCOMPARE(g.bomBytes, static_cast<std::size_t>(bomBytes));
    QCOMPARE(g.bom, bomBytes > 0);
}

void TestEncoding::resolve_data()
{
    QTest::addColumn<TextEncoding>("requested");
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<TextEncoding>("expected");
    QTest::addColumn<int>("bomBytes");

    QTest::addRow("utf-8 bom") << TextEncoding::Utf8
                               << bytes("\xEF\xBB\xBF"
                                        "a")
                               << TextEncoding::Utf8 << 3;
    QTest::addRow("utf-8 no bom") << TextEncoding::Utf8 << bytes("a,b") << TextEncoding::Utf8 << 0;
    QTest::addRow("utf-16 asked, be bom")
        << TextEncoding::Utf16LE << bytes("\xFE\xFF\0a") << TextEncoding::Utf16BE << 2;
    QTest::addRow("utf-16 be asked, le bom") << TextEncoding::Utf16BE
                                             << bytes("\xFF\xFE"
                                                      "a\0")
                                             << TextEncoding::Utf16LE << 2;
    QTest::addRow("utf-16 be no bom") << TextEncoding::Utf16BE << bytes("\0a") << TextEncoding::Utf16BE << 0;
    // A UTF-8 BOM means UTF-8 (issue 17: "ï»¿id"); the text decides, the mark is skipped either way.
    QTest::addRow("latin-1 asked, utf-8 bom") << TextEncoding::Latin1
                                              << bytes("\xEF\xBB\xBF"
                                                       "a")
                                              << TextEncoding::Utf8 << 3;
    QTest::addRow("latin-1 asked, bom before latin-1 text") << TextEncoding::Latin1
                                                            << bytes("\xEF\xBB\xBF"
                                                                     "M\xFCller")
                                                            << TextEncoding::Latin1 << 3;
    QTest::addRow("gbk") << TextEncoding::Gb18030 << bytes(kGbkCsv) << TextEncoding::Gb18030 << 0;
}

void TestEncoding::resolve()
{
    QFETCH(TextEncoding, requested);
    QFETCH(QByteArray, sample);
    QFETCH(TextEncoding, expected);
    QFETCH(int, bomBytes);

    const EncodingGuess g = resolveEncoding(requested, view(sample));
    QCOMPARE(nameOf(g.encoding), nameOf(expected));
    QCOMPARE(g.bomBytes, static_cast<std::size_t>(bomBytes));
    QCOMPARE(g.bom, bomBytes > 0);
}

void TestEncoding::convert_data()
{
    QTest::addColumn<TextEncoding>("from");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("gbk csv") << TextEncoding::Gb18030 << bytes(kGbkCsv) << bytes(kChineseCsv);
    QTest::addRow("gbk euro") << TextEncoding::Gb18030 << bytes("\xa2\xe3") << bytes("€");
    QTest::addRow("gb18030 four-byte")
        << TextEncoding::Gb18030 << bytes("a\x94\x39\xfc\x36z") << bytes("a😀z");
    QTest::addRow("utf-16 le") << TextEncoding::Utf16LE << bytes(kUtf16LE) << bytes(kZurich);
    QTest::addRow("utf-16 be") << TextEncoding::Utf16BE << bytes(kUtf16BE) << bytes(kZurich);
    // Skipping the BOM is the caller's job (EncodingGuess::bomBytes).
    QTest::addRow("utf-16 le bom kept") << TextEncoding::Utf16LE
                                        << bytes("\xFF\xFE"
                                                 "a\0")
                                        << bytes("\xEF\xBB\xBF"
                                                 "a");
    QTest::addRow("windows-1252") << TextEncoding::Windows1252 << bytes("Caf\xe9,M\xfcller\n")
                                  << bytes("Café,Müller\n");
    QTest::addRow("windows-1252 specials")
        << TextEncoding::Windows1252 << bytes("\x80\x85\x9f\xff") << bytes("€…Ÿÿ");
    // Undefined in the code page (glibc rejects them): the C1 controls U+0081 etc.
    QTest::addRow("windows-1252 undefined") << TextEncoding::Windows1252 << bytes("a\x81\x8d\x8f\x90\x9dz")
                                            << bytes("a\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9dz");
    QTest::addRow("latin-1") << TextEncoding::Latin1 << bytes("\x80\x81\xe9\xff")
                             << bytes("\xc2\x80\xc2\x81éÿ");
    QTest::addRow("utf-8 copied") << TextEncoding::Utf8 << bytes("Zürich") << bytes("Zürich");
    QTest::addRow("utf-8 not validated") << TextEncoding::Utf8 << bytes("a\xff") << bytes("a\xff");
    QTest::addRow("empty") << TextEncoding::Gb18030 << QByteArray() << QByteArray();
}

void TestEncoding::convert()
{
    QFETCH(TextEncoding, from);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    Utf8Transcoder t(from);
    std::string out;
    t.convert(view(input), true, out);
    QCOMPARE(toBytes(out), expected);
    QCOMPARE(toBytes(toUtf8(view(input), from)), expected);
}

void TestEncoding::convertSplitAtEveryByte_data()
{
    convert_data();
}

void TestEncoding::convertSplitAtEveryByte()
{
    QFETCH(TextEncoding, from);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const std::string_view all = view(input);
    for (std::size_t cut = 0; cut <= all.size(); ++cut) {
        Utf8Transcoder t(from);
        std::string out;
        t.convert(all.substr(0, cut), false, out);
        t.convert(all.substr(cut), true, out);
        QVERIFY2(toBytes(out) == expected, qPrintable(QStringLiteral("split at byte %1").arg(cut)));
    }
}

void TestEncoding::convertByteAtATime_data()
{
    convert_data();
}

void TestEncoding::convertByteAtATime()
{
    QFETCH(TextEncoding, from);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const std::string_view all = view(input);
    Utf8Transcoder t(from);
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        t.convert(all.substr(i, 1), false, out);
    }
    t.convert({}, true, out);
    QCOMPARE(toBytes(out), expected);
}

void TestEncoding::convertAppendsAndGrowsPastEstimate()
{
    // € is 1 byte in Windows-1252 and 3 in UTF-8: more than the first guess of
    // the output size, so the conversion has to grow the buffer.
    const std::string input(100000, '\x80');
    std::string out = "kept:";
    Utf8Transcoder t(TextEncoding::Windows1252);
    t.convert(input, true, out);
    QCOMPARE(out.size(), std::size_t{5 + 3 * 100000});
    QCOMPARE(out.substr(0, 8), std::string("kept:€"));
    QCOMPARE(out.substr(out.size() - 3), std::string("€"));
}

void TestEncoding::convertOffsetCountsEarlierCalls()
{
    Utf8Transcoder t(TextEncoding::Utf16LE);
    std::string out;
    t.convert(view(bytes("a\0b\0c")), false, out); // ends inside "c\0"
    QCOMPARE(toBytes(out), QByteArray("ab"));
    try {
        t.convert(view(bytes("\0\x00\xd8"
                             "d\0")),
                  true, out);
        QFAIL("no EncodingError");
    } catch (const EncodingError& e) {
        QCOMPARE(e.offset(), std::uint64_t{6});
        QCOMPARE(toBytes(out), QByteArray("abc"));
    }
}

void TestEncoding::moveKeepsCutCharacter()
{
    Utf8Transcoder first(TextEncoding::Gb18030);
    std::string out;
    first.convert(view(bytes("\xd0")), false, out); // lead byte of 姓
    Utf8Transcoder second(std::move(first));
    second.convert(view(bytes("\xd5")), true, out);
    QCOMPARE(toBytes(out), bytes("姓"));
    QCOMPARE(nameOf(second.encoding()), QStringLiteral("GBK"));

    Utf8Transcoder third(TextEncoding::Latin1);
    third = std::move(second);
    third.convert(view(bytes("\xb1\xb1")), true, out);
    QCOMPARE(toBytes(out), bytes("姓北"));
}

void TestEncoding::invalid_data()
{
    QTest::addColumn<TextEncoding>("from");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("reason");

    QTest::addRow("gbk lead then space") << TextEncoding::Gb18030 << bytes("ab\xb1\x20") << 2
                                         << QStringLiteral("invalid GBK byte sequence (bytes B1 20)");
    QTest::addRow("gbk lead at end") << TextEncoding::Gb18030 << bytes("\xd0\xd5,\xb1") << 3
                                     << QStringLiteral("the text ends inside a GBK character (bytes B1)");
    QTest::addRow("gbk four-byte cut at end")
        << TextEncoding::Gb18030 << bytes("a\x94\x39\xfc") << 1
        << QStringLiteral("the text ends inside a GBK character (bytes 94 39 FC)");
    QTest::addRow("gbk 0x80") << TextEncoding::Gb18030 << bytes("\xd0\xd5\x80z") << 2
                              << QStringLiteral("invalid GBK byte sequence (bytes 80)");
    QTest::addRow("gbk 0xff after pairs") << TextEncoding::Gb18030 << bytes("\xd0\xd5\xc3\xfb,\xff") << 5
                                          << QStringLiteral("invalid GBK byte sequence (bytes FF)");
    QTest::addRow("utf-16 le unpaired high surrogate")
        << TextEncoding::Utf16LE
        << bytes("a\0\x00\xd8"
                 "b\0")
        << 2 << QStringLiteral("unpaired UTF-16 high surrogate (bytes 00 D8)");
    QTest::addRow("utf-16 le lone low surrogate")
        << TextEncoding::Utf16LE
        << bytes("a\0b\0\x00\xdc"
                 "c\0")
        << 4 << QStringLiteral("unpaired UTF-16 low surrogate (bytes 00 DC)");
    QTest::addRow("utf-16 le high surrogate at end")
        << TextEncoding::Utf16LE << bytes("a\0\x3d\xd8") << 2
        << QStringLiteral("the text ends inside a UTF-16 LE character (bytes 3D D8)");
    QTest::addRow("utf-16 le odd length")
        << TextEncoding::Utf16LE << bytes("a\0b") << 2
        << QStringLiteral("the text ends inside a UTF-16 LE character (bytes 62)");
    QTest::addRow("utf-16 be unpaired high surrogate")
        << TextEncoding::Utf16BE << bytes("\0a\xd8\x3d\0b") << 2
        << QStringLiteral("unpaired UTF-16 high surrogate (bytes D8 3D)");
}

void TestEncoding::invalid()
{
    QFETCH(TextEncoding, from);
    QFETCH(QByteArray, input);
    QFETCH(int, offset);
    QFETCH(QString, reason);

    // The same error and offset whether the input comes whole or in two parts.
    const std::string_view all = view(input);
    for (std::size_t cut = 0; cut <= all.size(); ++cut) {
        const QString where = QStringLiteral("split at byte %1").arg(cut);
        Utf8Transcoder t(from);
        std::string out;
        try {
            t.convert(all.substr(0, cut), false, out);
            t.convert(all.substr(cut), true, out);
            QFAIL(qPrintable(where + ": no EncodingError"));
        } catch (const EncodingError& e) {
            QVERIFY2(e.offset() == static_cast<std::uint64_t>(offset),
                     qPrintable(where + QStringLiteral(": offset %1").arg(e.offset())));
            QCOMPARE(QString::fromStdString(e.reason()), reason);
            // What was converted is kept: the text before the bad bytes.
            QCOMPARE(toBytes(out), toBytes(toUtf8(all.substr(0, static_cast<std::size_t>(offset)), from)));
            QCOMPARE(QString::fromUtf8(e.what()), reason + QStringLiteral(" at byte %1").arg(offset));
        }
    }
}

void TestEncoding::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<TextEncoding>("expected");

    QTest::addRow("utf-8") << QStringLiteral("utf-8") << true << TextEncoding::Utf8;
    QTest::addRow("UTF8") << QStringLiteral("UTF8") << true << TextEncoding::Utf8;
    QTest::addRow("utf-16") << QStringLiteral("utf-16") << true << TextEncoding::Utf16LE;
    QTest::addRow("utf16") << QStringLiteral("utf16") << true << TextEncoding::Utf16LE;
    QTest::addRow("UTF-16LE") << QStringLiteral("UTF-16LE") << true << TextEncoding::Utf16LE;
    QTest::addRow("utf-16be") << QStringLiteral("utf-16be") << true << TextEncoding::Utf16BE;
    QTest::addRow("gbk") << QStringLiteral("gbk") << true << TextEncoding::Gb18030;
    QTest::addRow("GB2312") << QStringLiteral("GB2312") << true << TextEncoding::Gb18030;
    QTest::addRow("gb18030") << QStringLiteral("gb18030") << true << TextEncoding::Gb18030;
    QTest::addRow("CP936") << QStringLiteral("CP936") << true << TextEncoding::Gb18030;
    QTest::addRow("Windows-1252") << QStringLiteral("Windows-1252") << true << TextEncoding::Windows1252;
    QTest::addRow("cp1252") << QStringLiteral("cp1252") << true << TextEncoding::Windows1252;
    QTest::addRow("ANSI") << QStringLiteral("ANSI") << true << TextEncoding::Windows1252;
    QTest::addRow("Latin-1") << QStringLiteral("Latin-1") << true << TextEncoding::Latin1;
    QTest::addRow("latin1") << QStringLiteral("latin1") << true << TextEncoding::Latin1;
    QTest::addRow("ISO-8859-1") << QStringLiteral("ISO-8859-1") << true << TextEncoding::Latin1;
    QTest::addRow("klingon") << QStringLiteral("klingon") << false << TextEncoding::Utf8;
    QTest::addRow("empty") << QString() << false << TextEncoding::Utf8;
    QTest::addRow("utf-32") << QStringLiteral("utf-32") << false << TextEncoding::Utf8;
    QTest::addRow("iso-8859-15") << QStringLiteral("iso-8859-15") << false << TextEncoding::Utf8;
}

void TestEncoding::names()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(TextEncoding, expected);

    const std::string spelled = name.toStdString();
    const std::optional<TextEncoding> e = encodingFromName(spelled);
    QCOMPARE(e.has_value(), known);
    if (known) {
        QCOMPARE(nameOf(*e), nameOf(expected));
    }
}

void TestEncoding::nameRoundTrip()
{
    const QStringList expected = {"UTF-8", "UTF-16 LE", "UTF-16 BE", "GBK", "Windows-1252", "ISO-8859-1"};
    for (std::size_t i = 0; i < kAllEncodings.size(); ++i) {
        const TextEncoding e = kAllEncodings[i];
        QCOMPARE(nameOf(e), expected[static_cast<qsizetype>(i)]);
        const std::optional<TextEncoding> back = encodingFromName(encodingName(e));
        QVERIFY2(back.has_value(), qPrintable(nameOf(e)));
        QCOMPARE(nameOf(*back), nameOf(e));
    }
}

void TestEncoding::choicesAreAccepted()
{
    const std::string_view choices = encodingChoices();
    const QStringList names =
        QString::fromUtf8(choices.data(), static_cast<qsizetype>(choices.size())).split(", ");
    QVERIFY(names.size() >= 6);
    for (const QString& n : names) {
        QVERIFY2(encodingFromName(n.toStdString()).has_value(), qPrintable(n));
    }
}

QTEST_APPLESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
