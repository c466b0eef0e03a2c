#include "data/csvscan.h"

#include "data/csvfields.h"
#include "data/csvsniff.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neurolift::csv {

std::string groupDigits(long long n)
{
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

bool validUtf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const e = p + s.size();
    while (p < e) {
        const unsigned char c = *p;
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (e - p <= extra) {
            return false;
        }
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        p += extra + 1;
    }
    return true;
}

/// Whether `v` is UTF-8 up to a last character that it ends in the middle of.
bool endsInCutCharacter(std::string_view v)
{
    std::size_t k = v.size();
    int continuation = 0;
    while (k > 0 && continuation < 3 && (static_cast<unsigned char>(v[k - 1]) & 0xC0) == 0x80) {
        --k;
        ++continuation;
    }
    if (k == 0) {
        return false;
    }
    const auto lead = static_cast<unsigned char>(v[k - 1]);
    const int needed = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
    return needed > continuation && validUtf8(v.substr(0, k - 1));
}

std::string_view checkedCell(std::string_view v, const FieldRef& f, int column, bool endsFile)
{
    if (f.clean) {
        return trim(v);
    }
    if (std::memchr(v.data(), 0, v.size())) {
        throw ScanFailure{
            f.line, column,
            "the field contains a NUL byte, so the file is binary or damaged; choose a text CSV file"};
    }
    unsigned char bits = 0;
    for (const char c : v) {
        bits |= static_cast<unsigned char>(c);
    }
    if ((bits & 0x80) && !validUtf8(v)) {
        if (endsFile && endsInCutCharacter(v)) {
            throw ScanFailure{f.line, column,
                              "the file ends in the middle of a character, so it looks cut off; "
                              "use a complete copy of the file (or choose its encoding if it is not UTF-8)"};
        }
        throw ScanFailure{f.line, column,
                          "the text is not UTF-8; choose the file's encoding (or save it as \"CSV UTF-8\")"};
    }
    return f.quoted ? v : trim(v);
}

RecordScanner::RecordScanner(char delimiter, std::size_t maxFieldBytes)
    : m_delimiter(delimiter)
    , m_maxFieldBytes(maxFieldBytes)
{
    m_byteKind[0] = 2;
    for (int c = 0x80; c < 0x100; ++c) {
        m_byteKind[static_cast<std::size_t>(c)] = 2;
    }
    m_byteKind[static_cast<unsigned char>('\n')] = 1;
    m_byteKind[static_cast<unsigned char>('\r')] = 1;
    m_byteKind[static_cast<unsigned char>(delimiter)] = 1;
}

bool RecordScanner::nextSimple(const char* b, std::size_t& pos, std::size_t end,
                               std::vector<std::string_view>& cells) const
{
    const char d = m_delimiter;
    const std::size_t n = cells.size();
    std::size_t i = pos;
    for (std::size_t k = 0; k < n; ++k) {
        if (i >= end) {
            return false;
        }
        std::size_t start = i;
        std::size_t stop = 0;
        const bool quoted = b[i] == '"';
        if (quoted) {
            start = i + 1;
            const auto* q = static_cast<const char*>(std::memchr(b + start, '"', end - start));
            if (!q) {
                return false;
            }
            stop = static_cast<std::size_t>(q - b);
            i = stop + 1; // past the closing quote: must be the delimiter or the line end
            for (std::size_t j = start; j < stop; ++j) {
                const auto c = static_cast<unsigned char>(b[j]);
                if (c == '\n' || c == '\r' || c == 0 || c >= 0x80) {
                    return false;
                }
            }
        } else {
#if defined(__SSE2__)
            const __m128i delim = _mm_set1_epi8(d);
            const __m128i lf = _mm_set1_epi8('\n');
            const __m128i cr = _mm_set1_epi8('\r');
            const __m128i quote = _mm_set1_epi8('"');
            const __m128i zero = _mm_setzero_si128();
            for (;;) {
                if (i + 16 > end) {
                    return false; // near the end of the chunk: the careful path decides
                }
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
                const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, delim),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
                const auto stops = static_cast<unsigned>(_mm_movemask_epi8(ends));
                const auto odd = static_cast<unsigned>(_mm_movemask_epi8(
                    _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(v, quote)))));
                if ((stops | odd) == 0) {
                    i += 16;
                    continue;
                }
                const auto first = static_cast<unsigned>(__builtin_ctz(stops | odd));
                if ((odd >> first) & 1u) {
                    return false;
                }
                i += first;
                break;
            }
#else
            for (;; ++i) {
                if (i >= end) {
                    return false;
                }
                const auto c = static_cast<unsigned char>(b[i]);
                if (c == static_cast<unsigned char>(d) || c == '\n' || c == '\r') {
                    break;
                }
                if (c == 0 || c >= 0x80 || c == '"') {
                    return false;
                }
            }
#endif
            stop = i;
        }
        if (i >= end || stop - start > m_maxFieldBytes) {
            return false; // the careful path reports a field over the limit
        }
        const char c = b[i];
        const std::string_view v(b + start, stop - start);
        if (n == 1 && !quoted && v.empty()) {
            return false; // an empty line: the careful path skips it
        }
        cells[k] = quoted ? v : trim(v);
        if (k + 1 < n) {
            if (c != d) {
                return false;
            }
            ++i;
        } else if (c == '\n') {
            ++i;
        } else if (c == '\r' && i + 1 < end && b[i + 1] == '\n') {
            i += 2;
        } else {
            return false;
        }
    }
    pos = i;
    return true;
}

void RecordScanner::tooLong(long long line, int column) const
{
    throw ScanFailure{line, column,
                      "a field is longer than " + groupDigits(static_cast<long long>(m_maxFieldBytes)) +
                          " bytes; the file may have a quote that is never closed, or this is not a table"};
}

RecordScanner::Status RecordScanner::next(const char* b, std::size_t& pos, std::size_t end, bool eof,
                                          long long& line)
{
    const char d = m_delimiter;
    const std::size_t maxBytes = m_maxFieldBytes;
    std::size_t i = pos;
    long long ln = line;
    if (i == end) {
        return eof ? Status::End : Status::NeedMore;
    }
    m_fields.clear();
    m_scratch.clear();
    for (;;) {
        FieldRef f;
        f.line = ln;
        const int column = static_cast<int>(m_fields.size()) + 1;
        if (b[i] == '"') {
            const long long openLine = ln;
            const std::size_t start = ++i;
            std::size_t segment = start;
            bool escaped = false;
            const std::size_t scratchStart = m_scratch.size();
            for (;;) {
                const auto* q = static_cast<const char*>(std::memchr(b + i, '"', end - i));
                if (!q) {
                    if (end - start > maxBytes) {
                        tooLong(openLine, column);
                    }
                    if (eof) {
                        throw ScanFailure{
                            openLine, column,
                            "a quoted field opened here is never closed; add the missing '\"' (a "
                            "quote inside a quoted field is written as two quotes \"\")"};
                    }
                    return Status::NeedMore;
                }
                const auto j = static_cast<std::size_t>(q - b);
                if (j + 1 == end && !eof) {
                    return Status::NeedMore;
                }
                if (j + 1 < end && b[j + 1] == '"') {
                    escaped = true;
                    m_scratch.append(b + segment, j + 1 - segment);
                    i = j + 2;
                    segment = i;
                    continue;
                }
                if (escaped) {
                    m_scratch.append(b + segment, j - segment);
                    f.offset = scratchStart;
                    f.length = m_scratch.size() - scratchStart;
                    f.inScratch = true;
                } else {
                    f.offset = start;
                    f.length = j - start;
                }
                ln += std::count(b + start, b + j, '\n');
                i = j + 1;
                break;
            }
            f.quoted = true;
            if (f.length > maxBytes) {
                tooLong(openLine, column);
            }
            // Text after the closing quote (not RFC 4180) is kept, appended to the field.
            std::size_t k = i;
            while (k < end && b[k] != d && b[k] != '\n' && b[k] != '\r') {
                ++k;
            }
            if (k == end && !eof) {
                return Status::NeedMore;
            }
            if (!trim(std::string_view(b + i, k - i)).empty()) {
                if (!f.inScratch) {
                    const std::size_t off = m_scratch.size();
                    m_scratch.append(b + f.offset, f.length);
                    f.offset = off;
                    f.inScratch = true;
                }
                m_scratch.append(b + i, k - i);
                f.length = m_scratch.size() - f.offset;
            }
            i = k;
        } else {
            const std::size_t start = i;
            bool clean = true;
            bool found = false; // i is at the byte that ends the field, and the field is clean
#if defined(__SSE2__)
            // 16 bytes at a time to the first byte that ends the field or is NUL / non-ASCII.
            const __m128i delim = _mm_set1_epi8(d);
            const __m128i lf = _mm_set1_epi8('\n');
            const __m128i cr = _mm_set1_epi8('\r');
            const __m128i zero = _mm_setzero_si128();
            while (i + 16 <= end) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
                const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, delim),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
                const auto stops = static_cast<unsigned>(_mm_movemask_epi8(ends));
                const auto odd =
                    static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero))));
                if ((stops | odd) == 0) {
                    i += 16;
                    continue;
                }
                const auto first = static_cast<unsigned>(__builtin_ctz(stops | odd));
                i += first;
                // A field end before any NUL or non-ASCII byte: done. Else the
                // byte loop below takes it from here.
                found = (stops >> first) & 1u && !((odd >> first) & 1u);
                break;
            }
#endif
            while (!found && i < end) {
                const std::uint8_t kind = m_byteKind[static_cast<unsigned char>(b[i])];
                if (kind != 0) {
                    if (kind == 1) {
                        break;
                    }
                    clean = false;
                }
                ++i;
            }
            f.clean = clean;
            if (i - start > maxBytes) {
                tooLong(ln, column);
            }
            if (i == end && !eof) {
                return Status::NeedMore;
            }
            f.offset = start;
            f.length = i - start;
        }
        m_fields.push_back(f);
        if (m_fields.size() > kMaxCsvColumns) {
            // A line of a million fields would take gigabytes to hold.
            throw ScanFailure{line, 0, tooManyFieldsMessage(m_delimiter)};
        }
        if (i == end) {
            break;
        }
        const char c = b[i];
        if (c == d) {
            ++i;
            if (i == end && !eof) {
                return Status::NeedMore;
            }
            if (i == end) {
                m_fields.push_back(FieldRef{end, 0, false, false, true, ln});
                break;
            }
            continue;
        }
        if (c == '\r') {
            if (i + 1 == end && !eof) {
                return Status::NeedMore;
            }
            ++i;
            if (i < end && b[i] == '\n') {
                ++i;
            }
        } else {
            ++i;
        }
        ++ln;
        break;
    }
    pos = i;
    line = ln;
    return Status::Record;
}

} // namespace neurolift::csv
