#include "scoring/xlsxtext.h"

#include <algorithm>
#include <string_view>

namespace neurolift {

namespace {

/// The length of the valid UTF-8 sequence at text[i] (its code point in `cp`), or 0
/// when the bytes there are not valid UTF-8 (overlong, a surrogate, beyond U+10FFFF, cut short).
std::size_t decodeUtf8(std::string_view text, std::size_t i, char32_t& cp)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        cp = lead;
        return 1;
    }
    std::size_t n = 0;
    char32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
        cp = lead & 0x1Fu;
        least = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        cp = lead & 0x0Fu;
        least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        cp = lead & 0x07u;
        least = 0x10000;
    } else {
        return 0;
    }
    if (i + n > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0u) != 0x80u) {
            return 0;
        }
        cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

/// XML 1.0's Char production.
bool xmlChar(char32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

/// Nearly every cell: short, printable ASCII, nothing to change.
bool plainAscii(const std::string& text)
{
    return text.size() <= kXlsxMaxCellChars && std::all_of(text.begin(), text.end(), [](char ch) {
               const auto c = static_cast<unsigned char>(ch);
               return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
           });
}

std::string cellsText(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " cell" : " cells");
}

} // namespace

XlsxTextFix fixXlsxText(std::string& text)
{
    XlsxTextFix fix;
    if (plainAscii(text)) {
        return fix;
    }
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
    const std::string_view in = text;
    std::string out;
    out.reserve(std::min(in.size(), 4 * kXlsxMaxCellChars));
    std::size_t units = 0; // UTF-16 units, as Excel counts characters
    for (std::size_t i = 0; i < in.size();) {
        char32_t cp = 0;
        std::size_t n = decodeUtf8(in, i, cp);
        std::string_view piece = in.substr(i, n);
        const bool bad = n == 0 || !xmlChar(cp);
        if (bad) {
            piece = kReplacement;
            cp = 0xFFFD;
            n = std::max<std::size_t>(n, 1); // an invalid byte is replaced on its own
        }
        const std::size_t u = cp >= 0x10000 ? 2 : 1;
        if (units + u > kXlsxMaxCellChars) {
            fix.cut = true;
            break;
        }
        fix.replaced = fix.replaced || bad;
        units += u;
        out += piece;
        i += n;
    }
    if (fix.replaced || fix.cut) {
        text = std::move(out);
    }
    return fix;
}

XlsxSheetText::XlsxSheetText(std::string sheet)
    : m_sheet(std::move(sheet))
{
}

const std::string& XlsxSheetText::fit(const std::string& text, std::uint32_t row, std::size_t column)
{
    const std::string* result = &text;
    if (!plainAscii(text)) {
        m_fixed = text;
        const XlsxTextFix fix = fixXlsxText(m_fixed);
        const auto note = [&](std::map<std::size_t, Changed>& changes) {
            Changed& c = changes[column];
            if (c.cells++ == 0) {
                c.firstRow = row;
            }
        };
        if (fix.replaced) {
            note(m_replaced);
        }
        if (fix.cut) {
            note(m_cut);
        }
        result = &m_fixed;
    }
    if (row == 0) {
        if (m_names.size() <= column) {
            m_names.resize(column + 1);
        }
        m_names[column] = *result;
    }
    return *result;
}

std::vector<std::string> XlsxSheetText::warnings() const
{
    const auto where = [&](std::size_t column) {
        const std::string name = column < m_names.size() && !m_names[column].empty()
                                     ? "\"" + m_names[column] + "\""
                                     : std::to_string(column + 1);
        return "export: sheet \"" + m_sheet + "\", column " + name + ": ";
    };
    const auto rowText = [](const Changed& c) { return "row " + std::to_string(c.firstRow + 1); };
    std::vector<std::string> out;
    for (const auto& [column, c] : m_replaced) {
        out.push_back(where(column) +
                      "characters Excel cannot hold (control characters, U+FFFE, U+FFFF, bytes that are not "
                      "UTF-8) were replaced by U+FFFD in " +
                      (c.cells == 1 ? rowText(c) : cellsText(c.cells) + ", the first in " + rowText(c)));
    }
    for (const auto& [column, c] : m_cut) {
        out.push_back(where(column) +
                      (c.cells == 1 ? "the cell in " + rowText(c) + " was" : cellsText(c.cells) + " were") +
                      " cut at Excel's limit of 32,767 characters" +
                      (c.cells == 1 ? std::string() : ", the first in " + rowText(c)));
    }
    return out;
}

} // namespace neurolift
