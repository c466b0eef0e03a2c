#include "data/columnbuilder.h"
#include "data/csvreader.h"
#include "data/csvsniff.h"

namespace neurolift {

using namespace csv;

RetypedColumn retypeColumn(const Column& raw, ColumnType type, const CsvOptions& options,
                           const CsvResult& layout)
{
    ColumnBuilder b;
    b.setFormat({layout.decimal, layout.thousands});
    b.setForcedType(type);
    if (type == ColumnType::Date) {
        if (const auto it = options.dateFormats.find(raw.name); it != options.dateFormats.end()) {
            b.setDateFormat(it->second);
        }
    }
    b.reserve(raw.size());
    const MissingTokens missing(options.missingTokens);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string_view v = raw.isMissing(i) ? std::string_view() : std::string_view(raw.strings[i]);
        if (missing.contains(v)) {
            b.addMissing();
        } else {
            b.add(v);
        }
    }
    std::vector<CsvWarning> warnings;
    RetypedColumn r;
    r.column = b.finish(raw.name, 0, options, warnings);
    r.unreadable = b.unreadable();
    r.example = b.unreadableExample();
    return r;
}

} // namespace neurolift
