#include "data/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <type_traits>
#include <utility>

namespace neurolift {

namespace {

static_assert(std::is_same_v<iconv_t, void*>, "Utf8Transcoder keeps the iconv handle as void*");

const iconv_t kNoConverter = reinterpret_cast<iconv_t>(-1);

/// Each encoding's name for users and for iconv_open (GBK is read as GB18030, its superset).
struct EncodingNames {
    TextEncoding encoding;
    std::string_view display;
    const char* iconv;
};
constexpr EncodingNames kEncodingNames[] = {
    {TextEncoding::Utf8, "UTF-8", "UTF-8"},
    {TextEncoding::Utf16LE, "UTF-16 LE", "UTF-16LE"},
    {TextEncoding::Utf16BE, "UTF-16 BE", "UTF-16BE"},
    {TextEncoding::Gb18030, "GBK", "GB18030"},
    {TextEncoding::Windows1252, "Windows-1252", "CP1252"},
    {TextEncoding::Latin1, "ISO-8859-1", "ISO-8859-1"},
};

const EncodingNames& namesOf(TextEncoding e)
{
    for (const EncodingNames& n : kEncodingNames) {
        if (n.encoding == e) {
            return n;
        }
    }
    return kEncodingNames[0];
}

const char* iconvName(TextEncoding e)
{
    return namesOf(e).iconv;
}

unsigned byteAt(const char* p)
{
    return static_cast<unsigned char>(*p);
}

/// The bytes as "B1 20".
std::string hexBytes(const char* p, std::size_t n)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) {
            s += ' ';
        }
        s += kDigits[byteAt(p + i) >> 4];
        s += kDigits[byteAt(p + i) & 0xF];
    }
    return s;
}

enum class Utf8Check { Valid, Cut, Invalid };

/// Strict UTF-8 check (no overlongs, surrogates or code points past U+10FFFF);
/// Cut: valid up to a sequence that the end of `s` interrupts. `multiByte`, when
/// given, says whether a complete multi-byte sequence came before.
Utf8Check checkUtf8(std::string_view s, bool* multiByte = nullptr)
{
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = byteAt(p + i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned low = 0x80; // allowed range of the second byte
        unsigned high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : low;
            high = c == 0xED ? 0x9F : high;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : low;
            high = c == 0xF4 ? 0x8F : high;
        } else {
            return Utf8Check::Invalid;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k == n) {
                return Utf8Check::Cut;
            }
            const unsigned b = byteAt(p + i + k);
            if (k == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) {
                return Utf8Check::Invalid;
            }
        }
        if (multiByte) {
            *multiByte = true;
        }
        i += length;
    }
    return Utf8Check::Valid;
}

/// UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte.
std::optional<TextEncoding> detectUtf16(std::string_view s)
{
    const std::size_t units = s.size() / 2;
    if (units == 0) {
        return std::nullopt;
    }
    std::size_t zeroEven = 0;
    std::size_t zeroOdd = 0;
    for (std::size_t k = 0; k < units; ++k) {
        zeroEven += s[2 * k] == '\0' ? 1 : 0;
        zeroOdd += s[2 * k + 1] == '\0' ? 1 : 0;
    }
    const auto many = [units](std::size_t zeros) { return zeros * 10 >= units * 3; };
    const auto few = [units](std::size_t zeros) { return zeros * 10 <= units; };
    if (many(zeroOdd) && few(zeroEven)) {
        return TextEncoding::Utf16LE;
    }
    if (many(zeroEven) && few(zeroOdd)) {
        return TextEncoding::Utf16BE;
    }
    return std::nullopt;
}

bool isGbkTrail(unsigned b)
{
    return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE);
}

bool isGbLead(unsigned b)
{
    return b >= 0x81 && b <= 0xFE;
}

bool isDigitByte(unsigned b)
{
    return b >= 0x30 && b <= 0x39;
}

/// All high bytes form GBK pairs (or GB18030 four-byte sequences), with enough
/// pairs in the GB2312 area to tell Chinese from accented Latin text.
bool looksGbk(std::string_view s, bool atEnd)
{
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t pairs = 0;
    std::size_t gb2312 = 0;
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = byteAt(p + i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (!isGbLead(c)) {
            return false;
        }
        const std::size_t length = i + 1 < n && isDigitByte(byteAt(p + i + 1)) ? 4 : 2;
        if (i + length > n) {
            if (atEnd) {
                return false;
            }
            break; // the sample cuts the last character
        }
        const unsigned b = byteAt(p + i + 1);
        if (length == 4) {
            if (!isGbLead(byteAt(p + i + 2)) || !isDigitByte(byteAt(p + i + 3))) {
                return false;
            }
        } else {
            if (!isGbkTrail(b)) {
                return false;
            }
            ++pairs;
            gb2312 += c >= 0xA1 && b >= 0xA1 ? 1 : 0;
        }
        i += length;
    }
    return pairs >= 2 && gb2312 * 2 >= pairs;
}

bool isUndefinedIn1252(unsigned b)
{
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

/// Room for the UTF-8 of `n` input bytes in the usual case; E2BIG covers the rest.
std::size_t outputEstimate(TextEncoding e, std::size_t n)
{
    switch (e) {
    case TextEncoding::Windows1252:
    case TextEncoding::Latin1:
        return 2 * n + 16; // é: 1 -> 2 bytes
    default:
        return n + n / 2 + 16; // 2 -> 3 bytes for CJK in GBK or UTF-16
    }
}

} // namespace

std::string_view encodingName(TextEncoding e)
{
    return namesOf(e).display;
}

std::optional<TextEncoding> encodingFromName(std::string_view name)
{
    std::string key;
    for (const char c : name) {
        if (c == '-' || c == '_' || c == ' ') {
            continue;
        }
        key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    static constexpr std::pair<std::string_view, TextEncoding> kNames[] = {
        {"utf8", TextEncoding::Utf8},
        {"utf16", TextEncoding::Utf16LE},
        {"utf16le", TextEncoding::Utf16LE},
        {"utf16be", TextEncoding::Utf16BE},
        {"gbk", TextEncoding::Gb18030},
        {"gb2312", TextEncoding::Gb18030},
        {"gb18030", TextEncoding::Gb18030},
        {"cp936", TextEncoding::Gb18030},
        {"windows1252", TextEncoding::Windows1252},
        {"cp1252", TextEncoding::Windows1252},
        {"ansi", TextEncoding::Windows1252},
        {"latin1", TextEncoding::Latin1},
        {"iso88591", TextEncoding::Latin1},
    };
    for (const auto& [spelling, encoding] : kNames) {
        if (key == spelling) {
            return encoding;
        }
    }
    return std::nullopt;
}

std::string_view encodingChoices()
{
    return "utf-8, utf-16, utf-16le, utf-16be, gbk, gb18030, windows-1252, latin1";
}

EncodingGuess detectEncoding(std::string_view sample, bool atEnd)
{
    const auto startsWith = [sample](std::string_view bom) { return sample.substr(0, bom.size()) == bom; };
    if (startsWith("\xEF\xBB\xBF")) {
        return {TextEncoding::Utf8, 3, true};
    }
    if (startsWith("\xFF\xFE")) {
        return {TextEncoding::Utf16LE, 2, true};
    }
    if (startsWith("\xFE\xFF")) {
        return {TextEncoding::Utf16BE, 2, true};
    }
    if (const auto utf16 = detectUtf16(sample)) {
        return {*utf16, 0, false};
    }
    bool multiByte = false;
    const Utf8Check utf8 = checkUtf8(sample, &multiByte);
    // A whole file cut in the middle of its last character is still UTF-8 when it holds
    // UTF-8 characters before; the reader then says where it is cut, instead of every
    // accent turning into two Windows-1252 letters. A lone lead byte is no such evidence.
    if (utf8 == Utf8Check::Valid || (utf8 == Utf8Check::Cut && (!atEnd || multiByte))) {
        return {TextEncoding::Utf8, 0, false};
    }
    if (looksGbk(sample, atEnd)) {
        return {TextEncoding::Gb18030, 0, false};
    }
    return {TextEncoding::Windows1252, 0, false};
}

EncodingGuess resolveEncoding(TextEncoding requested, std::string_view sample)
{
    const auto startsWith = [sample](std::string_view bom) { return sample.substr(0, bom.size()) == bom; };
    switch (requested) {
    case TextEncoding::Utf8:
        if (startsWith("\xEF\xBB\xBF")) {
            return {TextEncoding::Utf8, 3, true};
        }
        break;
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        if (startsWith("\xFF\xFE")) {
            return {TextEncoding::Utf16LE, 2, true};
        }
        if (startsWith("\xFE\xFF")) {
            return {TextEncoding::Utf16BE, 2, true};
        }
        break;
    case TextEncoding::Gb18030:
    case TextEncoding::Windows1252:
    case TextEncoding::Latin1:
        // A UTF-8 BOM says UTF-8: read as that when the text agrees (else
        // "id" would be named "ï»¿id"); otherwise skip the mark at least.
        if (startsWith("\xEF\xBB\xBF")) {
            const Utf8Check utf8 = checkUtf8(sample.substr(3));
            return {utf8 == Utf8Check::Invalid ? requested : TextEncoding::Utf8, 3, true};
        }
        break;
    }
    return {requested, 0, false};
}

EncodingError::EncodingError(std::uint64_t offset, const std::string& message)
    : std::runtime_error(message + " at byte " + std::to_string(offset))
    , m_offset(offset)
    , m_reason(message)
{
}

Utf8Transcoder::Utf8Transcoder(TextEncoding from)
    : m_from(from)
{
    if (from == TextEncoding::Utf8) {
        return;
    }
    const iconv_t cd = iconv_open("UTF-8", iconvName(from));
    if (cd == kNoConverter) {
        throw std::runtime_error("cannot read " + std::string(encodingName(from)) +
                                 " text: the C library has no converter for " + iconvName(from));
    }
    m_cd = cd;
}

Utf8Transcoder::~Utf8Transcoder()
{
    if (m_cd) {
        iconv_close(m_cd);
    }
}

Utf8Transcoder::Utf8Transcoder(Utf8Transcoder&& other) noexcept
    : m_from(other.m_from)
    , m_cd(std::exchange(other.m_cd, nullptr))
    , m_offset(other.m_offset)
    , m_pendingSize(other.m_pendingSize)
{
    std::memcpy(m_pending, other.m_pending, sizeof(m_pending));
}

Utf8Transcoder& Utf8Transcoder::operator=(Utf8Transcoder&& other) noexcept
{
    if (this != &other) {
        if (m_cd) {
            iconv_close(m_cd);
        }
        m_from = other.m_from;
        m_cd = std::exchange(other.m_cd, nullptr);
        m_offset = other.m_offset;
        m_pendingSize = other.m_pendingSize;
        std::memcpy(m_pending, other.m_pending, sizeof(m_pending));
    }
    return *this;
}

void Utf8Transcoder::convert(std::string_view in, bool last, std::string& out)
{
    if (m_from == TextEncoding::Utf8) {
        out.append(in);
        m_offset += in.size();
        return;
    }
    if (!m_cd) {
        throw std::logic_error("Utf8Transcoder used after being moved from");
    }
    if (m_pendingSize > 0) {
        // Finish the character cut by the last block from a copy joined with
        // the first bytes of this one; a character is at most 4 bytes.
        char joined[sizeof(m_pending) + 12];
        std::memcpy(joined, m_pending, m_pendingSize);
        const std::size_t take = std::min(in.size(), sizeof(joined) - m_pendingSize);
        std::memcpy(joined + m_pendingSize, in.data(), take);
        const std::size_t size = m_pendingSize + take;
        const std::size_t used = run(joined, size, last && take == in.size(), out);
        if (used < m_pendingSize) {
            if (take < in.size() || size - used > sizeof(m_pending)) {
                throw std::logic_error("Utf8Transcoder: character longer than 4 bytes");
            }
            // `in` was too short to finish the character: keep waiting.
            std::memmove(m_pending, joined + used, size - used);
            m_pendingSize = size - used;
            return;
        }
        in.remove_prefix(used - m_pendingSize);
        m_pendingSize = 0;
    }
    const std::size_t used = run(in.data(), in.size(), last, out);
    const std::size_t rest = in.size() - used;
    if (rest > sizeof(m_pending)) {
        throw std::logic_error("Utf8Transcoder: character longer than 4 bytes");
    }
    if (rest > 0) { // an empty view's data() may be null, which memcpy must not get
        std::memcpy(m_pending, in.data() + used, rest);
    }
    m_pendingSize = rest;
}

std::size_t Utf8Transcoder::run(const char* data, std::size_t size, bool final, std::string& out)
{
    // iconv takes char** for its input but does not write through it.
    char* src = const_cast<char*>(data);
    std::size_t srcLeft = size;
    std::size_t used = out.size();
    out.resize(used + outputEstimate(m_from, size));
    while (srcLeft > 0) {
        char* dst = out.data() + used;
        std::size_t dstLeft = out.size() - used;
        const std::size_t rc = iconv(m_cd, &src, &srcLeft, &dst, &dstLeft);
        const int error = errno;
        used = static_cast<std::size_t>(dst - out.data());
        if (rc != static_cast<std::size_t>(-1)) {
            break;
        }
        if (error == E2BIG) {
            out.resize(out.size() + 4 + outputEstimate(m_from, srcLeft)); // 4: one more character at least
        } else if (error == EINVAL) {
            if (final) {
                out.resize(used);
                fail(src, srcLeft, m_offset + static_cast<std::size_t>(src - data), true);
            }
            break; // the start of a character cut by the end of the block
        } else if (m_from == TextEncoding::Windows1252 && isUndefinedIn1252(byteAt(src))) {
            // Undefined in the code page: the C1 control of the same number, like ISO-8859-1.
            if (out.size() - used < 2) {
                out.resize(used + 2 + outputEstimate(m_from, srcLeft));
            }
            out[used++] = '\xC2';
            out[used++] = *src;
            ++src;
            --srcLeft;
        } else {
            out.resize(used);
            fail(src, srcLeft, m_offset + static_cast<std::size_t>(src - data), false);
        }
    }
    out.resize(used);
    const std::size_t consumed = size - srcLeft;
    m_offset += consumed;
    return consumed;
}

void Utf8Transcoder::fail(const char* at, std::size_t left, std::uint64_t offset, bool incomplete) const
{
    const std::string name(encodingName(m_from));
    if (incomplete) {
        throw EncodingError(offset, "the text ends inside a " + name + " character (bytes " +
                                        hexBytes(at, std::min<std::size_t>(left, 4)) + ")");
    }
    const bool utf16 = m_from == TextEncoding::Utf16LE || m_from == TextEncoding::Utf16BE;
    if (utf16 && left >= 2) {
        const unsigned unit = m_from == TextEncoding::Utf16LE ? byteAt(at) | byteAt(at + 1) << 8
                                                              : byteAt(at) << 8 | byteAt(at + 1);
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            const char* kind = unit < 0xDC00 ? "high" : "low";
            throw EncodingError(offset, "unpaired UTF-16 " + std::string(kind) + " surrogate (bytes " +
                                            hexBytes(at, 2) + ")");
        }
    }
    std::size_t shown = 1;
    if (utf16) {
        shown = 2;
    } else if (m_from == TextEncoding::Gb18030 && isGbLead(byteAt(at))) {
        shown = left >= 2 && isDigitByte(byteAt(at + 1)) ? 4 : 2;
    }
    throw EncodingError(offset, "invalid " + name + " byte sequence (bytes " +
                                    hexBytes(at, std::min(left, shown)) + ")");
}

std::string toUtf8(std::string_view in, TextEncoding from)
{
    Utf8Transcoder transcoder(from);
    std::string out;
    transcoder.convert(in, true, out);
    return out;
}

} // namespace neurolift
