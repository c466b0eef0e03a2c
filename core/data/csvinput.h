#pragma once

// The text of a CSV file as UTF-8, read block by block: opening the file,
// deciding its encoding and converting while reading. Internal to core/data.

#include "data/encoding.h"
#include "data/filestamp.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace neurolift::csv {

/// Bytes read at a time (and the first block, which decides the encoding).
inline constexpr std::size_t kBlockBytes = std::size_t{4} << 20;

class CsvInput {
public:
    /// `name` is the file name that error messages show.
    CsvInput(std::string path, std::string name);

    /// Opens the file, reads its first block and decides the encoding: the
    /// `chosen` one, or detected (a BOM, UTF-16 without BOM, UTF-8, GBK or
    /// Windows-1252). Throws CsvError for a missing, unreadable or empty file.
    EncodingGuess open(const std::optional<TextEncoding>& chosen);
    /// Keeps the unparsed text [pos, end) at the start of the buffer and reads
    /// until it holds at least `want` bytes or the file ends. `line` is where
    /// parsing stands, for the message of a read or encoding error.
    void fill(std::size_t want, long long line);

    const char* data() const { return m_buf.data(); }
    std::uint64_t fileSize() const { return m_fileSize; } ///< 0 when unknown.
    std::uint64_t bytesRead() const { return m_bytesRead; }
    /// Share of the file read so far.
    double fraction() const;
    /// The file as open() found it.
    const FileStamp& stamp() const { return m_stamp; }
    /// Throws CsvError when the file is not as open() found it (size,
    /// modification time, inode), or a read to its end found more or fewer bytes.
    void checkUnchanged() const;

    std::size_t pos = 0; ///< First byte not parsed yet.
    std::size_t end = 0; ///< End of the text read so far.
    bool eof = false;    ///< The whole file has been read.

private:
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };

    [[noreturn]] void fail(long long line, const std::string& message) const;
    /// Appends raw bytes, converted to UTF-8 when the file is not.
    void append(const char* data, std::size_t size, bool last);

    std::string m_path;
    std::string m_name;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::uint64_t m_fileSize = 0;
    FileStamp m_stamp;
    std::uint64_t m_bytesRead = 0;
    std::optional<Utf8Transcoder> m_transcoder;
    std::vector<char> m_raw;        ///< Raw bytes, when converting.
    std::string m_converted;        ///< Converter output.
    long long m_convertedLines = 0; ///< Line ends in the converted text so far.
    std::vector<char> m_buf;        ///< UTF-8 text.
};

} // namespace neurolift::csv
