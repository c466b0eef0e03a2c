#pragma once

// Text as an Excel worksheet can hold it. A sheet is XML 1.0, which has no
// way to write most control characters, U+FFFE, U+FFFF or bytes that are not
// UTF-8 (Excel calls such a workbook damaged), and a cell holds at most
// 32,767 characters (libxlsxwriter leaves a longer one out).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace neurolift {

/// The most characters an Excel cell holds, counted as Excel does (UTF-16 units).
inline constexpr std::size_t kXlsxMaxCellChars = 32767;

/// What fixXlsxText changed.
struct XlsxTextFix {
    bool replaced = false; ///< Characters XML 1.0 cannot hold became U+FFFD.
    bool cut = false;      ///< The text was cut after kXlsxMaxCellChars characters.
};

/// Makes `text` fit a cell: replaces by U+FFFD each character XML 1.0 cannot hold
/// (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF; each byte that is not
/// part of valid UTF-8, which includes encoded surrogates), then cuts it after
/// kXlsxMaxCellChars UTF-16 units, never inside a character.
XlsxTextFix fixXlsxText(std::string& text);

/// The text cells of one worksheet made to fit (fixXlsxText), and what was changed,
/// column by column, to warn about once per column instead of once per cell.
class XlsxSheetText {
public:
    explicit XlsxSheetText(std::string sheet);

    /// `text` as cell (`row`, `column`) of the sheet can hold it (0-based, row 0 the
    /// header, whose texts name the columns in the warnings): `text` itself, or a
    /// fixed copy valid until the next call.
    const std::string& fit(const std::string& text, std::uint32_t row, std::size_t column);

    /// One warning per column and kind of change, naming the sheet, the column and
    /// the first row as Excel numbers it (the header is row 1); empty when nothing changed.
    std::vector<std::string> warnings() const;

private:
    struct Changed {
        std::size_t cells = 0;
        std::uint32_t firstRow = 0; ///< 0-based.
    };
    std::string m_sheet;
    std::vector<std::string> m_names;
    std::map<std::size_t, Changed> m_replaced;
    std::map<std::size_t, Changed> m_cut;
    std::string m_fixed;
};

} // namespace neurolift
