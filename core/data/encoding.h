#pragma once

// Text encodings of imported files: detection from the first bytes, names the
// user can type, and streaming conversion to UTF-8 (the core's only text form).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace neurolift {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Gb18030, Windows1252, Latin1 };

/// Display name: "UTF-8", "UTF-16 LE", "UTF-16 BE", "GBK", "Windows-1252", "ISO-8859-1".
std::string_view encodingName(TextEncoding e);

/// The encoding a user spelled, ignoring case, '-', '_' and spaces: utf-8/utf8,
/// utf-16/utf16 (LE; see resolveEncoding for a BOM saying otherwise),
/// utf-16le, utf-16be, gbk/gb2312/gb18030/cp936, windows-1252/cp1252/ansi,
/// latin-1/latin1/iso-8859-1; every encodingName() is accepted. nullopt otherwise.
std::optional<TextEncoding> encodingFromName(std::string_view name);

/// Comma-separated list of names a user can type, for error messages and help.
std::string_view encodingChoices();

/// What a file's first bytes say about its encoding.
struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    std::size_t bomBytes = 0; ///< Bytes of byte-order mark to skip (3 for UTF-8, 2 for UTF-16).
    bool bom = false;
};

/// Guesses the encoding from the first bytes of a file. `atEnd`: the sample is
/// the whole file, so a multi-byte sequence cut at its end is an error rather
/// than the edge of the sample.
///
/// In order: a byte-order mark (EF BB BF, FF FE, FE FF); UTF-16 without BOM
/// (at least 30% of the odd or even bytes are 0 and at most 10% of the others);
/// valid UTF-8 (pure ASCII included); GBK when all high bytes form GBK pairs
/// (lead 81-FE, trail 40-7E or 80-FE; GB18030 four-byte sequences are allowed),
/// there are at least two pairs and at least half of them are in the GB2312
/// area (both bytes A1-FE), which Chinese text is and Latin text in
/// Windows-1252 ("Müller": FC 6C) is not; otherwise Windows-1252.
EncodingGuess detectEncoding(std::string_view sample, bool atEnd);

/// The encoding to read with when the user chose `requested`, and the BOM to
/// skip: a UTF-16 BOM decides the byte order of a UTF-16 request, a UTF-8 BOM
/// is skipped for a UTF-8 request. A UTF-8 BOM before a single-byte or GBK
/// request is skipped too, and the text read as UTF-8 unless it is not valid
/// UTF-8 (the sample may end inside a character).
EncodingGuess resolveEncoding(TextEncoding requested, std::string_view sample);

/// A byte sequence that is invalid in the source encoding, or a file that ends
/// inside a character. what() is reason() followed by " at byte <offset>".
class EncodingError : public std::runtime_error {
public:
    EncodingError(std::uint64_t offset, const std::string& message);

    /// 0-based offset of the first bad byte, counted from the first byte ever
    /// passed to Utf8Transcoder::convert (a BOM the caller skipped is not counted).
    std::uint64_t offset() const { return m_offset; }
    /// The message without the offset, for callers that report a line instead.
    const std::string& reason() const { return m_reason; }

private:
    std::uint64_t m_offset;
    std::string m_reason;
};

/// Streaming conversion to UTF-8 with POSIX iconv (GBK is read as GB18030,
/// its superset). Windows-1252 bytes 81, 8D, 8F, 90 and 9D, which the code
/// page leaves undefined and glibc rejects, become the C1 controls U+0081 etc.,
/// as in the WHATWG Encoding Standard and as ISO-8859-1 reads them.
/// For Utf8 the input is copied unchanged and not validated (the CSV reader
/// validates UTF-8 per field). Move-only.
class Utf8Transcoder {
public:
    /// Throws std::runtime_error when the C library has no converter for `from`.
    explicit Utf8Transcoder(TextEncoding from);
    ~Utf8Transcoder();
    Utf8Transcoder(Utf8Transcoder&& other) noexcept;
    Utf8Transcoder& operator=(Utf8Transcoder&& other) noexcept;
    Utf8Transcoder(const Utf8Transcoder&) = delete;
    Utf8Transcoder& operator=(const Utf8Transcoder&) = delete;

    TextEncoding encoding() const { return m_from; }

    /// Appends the UTF-8 for `in` to `out`. An incomplete multi-byte sequence
    /// at the end of `in` is kept and completed by the next call; with `last`
    /// it is an EncodingError, as is any invalid sequence; `out` then ends
    /// with the text before the bad bytes.
    void convert(std::string_view in, bool last, std::string& out);

private:
    /// Converts data[0, size) into `out`; returns the bytes consumed, fewer
    /// than `size` only when the input ends inside a character and not `final`.
    std::size_t run(const char* data, std::size_t size, bool final, std::string& out);
    [[noreturn]] void fail(const char* at, std::size_t left, std::uint64_t offset, bool incomplete) const;

    TextEncoding m_from;
    void* m_cd = nullptr;       ///< iconv_t; null for Utf8 and once moved from.
    std::uint64_t m_offset = 0; ///< Stream offset of the first byte not yet converted.
    char m_pending[4] = {};     ///< Start of a character cut by the end of the last block.
    std::size_t m_pendingSize = 0;
};

/// Converts a whole text to UTF-8 (one call of Utf8Transcoder::convert with `last`).
std::string toUtf8(std::string_view in, TextEncoding from);

} // namespace neurolift
