#pragma once

// The project's words for its columns (setting kColumnWordsSetting) between the
// document and the pages: the Data page's profile edits them, reasons use them.

#include "data/columnwords.h"

#include <QString>

#include <functional>

namespace neurolift {

class DataPage;
class Document;

/// The project's words for its columns; none when it has none or when its setting
/// cannot be read, and then `problem` (when given) says why, for the user.
ColumnWords projectColumnWords(const Document& document, QString* problem = nullptr);

/// Keeps `page` and `document`'s column words in step: the page's edits become undoable
/// changes of the setting, and the words as they are now, and after every change of the
/// setting (an edit, undo, redo), are shown on the page and given to `use` (the pages whose
/// reasons use them). A damaged setting gives no words and the page says so.
void linkColumnWords(Document* document, DataPage* page, std::function<void(const ColumnWords&)> use = {});

} // namespace neurolift
