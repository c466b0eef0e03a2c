// libFuzzer target: any bytes as a customer file. readCsv and streamCsv must
// either read it or throw CsvError; anything else (a crash, a sanitizer
// report, another exception) is a bug.
#include "data/csvreader.h"
#include "fuzzinput.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string& path = neurolift::fuzz::writeInput(data, size, ".csv");
    neurolift::CsvOptions options;
    options.threads = 1;
    // The first byte picks a few options, so the explicit paths are fuzzed too.
    if (size > 0) {
        const std::uint8_t b = data[0];
        if (b & 1) {
            options.ragged = neurolift::CsvOptions::RaggedRows::Stop;
        }
        if (b & 2) {
            options.header = (b & 4) != 0;
        }
        if (b & 8) {
            options.decimal = ',';
        }
        options.maxFieldBytes = (b & 16) ? 64 : options.maxFieldBytes;
    }
    try {
        neurolift::readCsv(path, options);
    } catch (const neurolift::CsvError&) {
    }
    try {
        neurolift::streamCsv(path, options, 7, [](const neurolift::Table&, const neurolift::CsvResult&) {});
    } catch (const neurolift::CsvError&) {
    }
    return 0;
}
