#include "data/csvinput.h"

#include "data/csvreader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>

namespace neurolift::csv {

CsvInput::CsvInput(std::string path, std::string name)
    : m_path(std::move(path))
    , m_name(std::move(name))
{
}

void CsvInput::fail(long long line, const std::string& message) const
{
    throw CsvError(m_name, line, 0, message);
}

double CsvInput::fraction() const
{
    return m_fileSize == 0
               ? 0.0
               : std::min(1.0, static_cast<double>(m_bytesRead) / static_cast<double>(m_fileSize));
}

EncodingGuess CsvInput::open(const std::optional<TextEncoding>& chosen)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(m_path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) {
        fail(0, "the name is a symbolic link that leads back to itself (a loop of links), so there is no "
                "file to read; point the link at the CSV file, or choose the file itself");
    }
    if (!fs::exists(st)) {
        fail(0, "the file does not exist; check the name and folder");
    }
    if (fs::is_directory(st)) {
        fail(0, "this is a folder, not a file; choose a CSV or TSV file");
    }
    m_file.reset(std::fopen(m_path.c_str(), "rb"));
    if (!m_file) {
        const std::string reason = std::error_code(errno, std::generic_category()).message();
        fail(0, "the file cannot be opened (" + reason + "); check that you may read it");
    }
    if (const auto stamp = stampOfDescriptor(fileno(m_file.get()))) {
        m_stamp = *stamp;
    }
    m_fileSize = m_stamp.regular ? m_stamp.size : 0;

    // The first block, raw, decides the encoding.
    std::vector<char> first(kBlockBytes);
    const std::size_t n = std::fread(first.data(), 1, first.size(), m_file.get());
    if (std::ferror(m_file.get())) {
        fail(0, "the file could not be read (a disk or network error); try again");
    }
    m_bytesRead = n;
    eof = n < first.size() || std::feof(m_file.get());
    if (n == 0) {
        fail(0, "the file is empty; choose a file with a header row and data rows");
    }
    const std::string_view sample(first.data(), n);
    const EncodingGuess guess = chosen ? resolveEncoding(*chosen, sample) : detectEncoding(sample, eof);
    // Every comma, digit and line break in UTF-16 has a zero byte: a file
    // without any is not UTF-16, whatever was chosen (it would read as one
    // line of CJK characters: "no data rows", which hides the real mistake).
    if ((guess.encoding == TextEncoding::Utf16LE || guess.encoding == TextEncoding::Utf16BE) &&
        guess.bomBytes == 0 && n >= 2 && std::memchr(first.data(), 0, n) == nullptr) {
        fail(1,
             "the text is not " + std::string(encodingName(guess.encoding)) +
                 " (it has none of the zero bytes UTF-16 writes in commas, digits and line breaks); choose "
                 "the file's encoding");
    }
    if (guess.encoding != TextEncoding::Utf8) {
        m_transcoder.emplace(guess.encoding);
    }
    m_buf.resize(std::max(kBlockBytes, n * 2 + 16));
    append(first.data() + guess.bomBytes, n - guess.bomBytes, eof);
    return guess;
}

void CsvInput::checkUnchanged() const
{
    if (const auto message =
            fileChangeMessage(m_stamp, m_path, eof ? std::optional(m_bytesRead) : std::nullopt)) {
        fail(0, *message);
    }
}

void CsvInput::append(const char* data, std::size_t size, bool last)
{
    if (!m_transcoder) {
        std::memcpy(m_buf.data() + end, data, size);
        end += size;
        return;
    }
    m_converted.clear();
    try {
        m_transcoder->convert(std::string_view(data, size), last, m_converted);
    } catch (const EncodingError& e) {
        const long long at = 1 + m_convertedLines + std::count(m_converted.begin(), m_converted.end(), '\n');
        fail(at, "the text is not valid " + std::string(encodingName(m_transcoder->encoding())) + " (" +
                     e.reason() + "); choose the file's encoding");
    }
    m_convertedLines += std::count(m_converted.begin(), m_converted.end(), '\n');
    if (m_buf.size() - end < m_converted.size()) {
        m_buf.resize(end + m_converted.size());
    }
    std::memcpy(m_buf.data() + end, m_converted.data(), m_converted.size());
    end += m_converted.size();
}

void CsvInput::fill(std::size_t want, long long line)
{
    if (pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + pos, end - pos);
        end -= pos;
        pos = 0;
    }
    while (!eof && end < want) {
        const std::size_t block = std::max(kBlockBytes, want - end);
        if (m_transcoder) {
            m_raw.resize(block);
        } else if (m_buf.size() < end + block) {
            m_buf.resize(end + block);
        }
        char* const into = m_transcoder ? m_raw.data() : m_buf.data() + end;
        const std::size_t n = std::fread(into, 1, block, m_file.get());
        if (std::ferror(m_file.get())) {
            fail(line, "the file could not be read to the end (a disk or network error); try again");
        }
        m_bytesRead += n;
        eof = n < block || std::feof(m_file.get());
        if (m_transcoder) {
            append(m_raw.data(), n, eof);
        } else {
            end += n;
        }
    }
}

} // namespace neurolift::csv
