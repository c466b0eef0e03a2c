#include "data/columnwordslink.h"

#include "data/datapage.h"
#include "shell/document.h"
#include "shell/documentcommands.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace neurolift {

ColumnWords projectColumnWords(const Document& document, QString* problem)
{
    const nlohmann::json setting = document.setting(kColumnWordsSetting);
    if (setting.is_null()) {
        return {};
    }
    try {
        return columnWordsFromJson(setting);
    } catch (const std::exception& e) {
        if (problem) {
            *problem =
                DataPage::tr("The column descriptions stored in this project could not be read (%1), so "
                             "reasons show the column names. Describe the columns again here.")
                    .arg(QString::fromUtf8(e.what()));
        }
        return {};
    }
}

void linkColumnWords(Document* document, DataPage* page, std::function<void(const ColumnWords&)> use)
{
    const auto show = [document, page, use] {
        QString problem;
        const ColumnWords words = projectColumnWords(*document, &problem);
        page->setColumnWords(words, problem);
        if (use) {
            use(words);
        }
    };
    QObject::connect(page, &DataPage::columnWordsEdited, document,
                     [document](const ColumnWords& after, const QString& text) {
                         // An absent setting comes back as {} on undo: a stored null would be damaged data.
                         nlohmann::json before = document->setting(kColumnWordsSetting);
                         if (before.is_null()) {
                             before = nlohmann::json::object();
                         }
                         document->undoStack()->push(new ChangeSettingCommand(
                             document, kColumnWordsSetting, std::move(before), columnWordsToJson(after),
                             Document::Change::Other, text));
                     });
    QObject::connect(document, &Document::changed, page, [show](Document::Changes what) {
        if (what.testFlag(Document::Change::Other)) {
            show();
        }
    });
    show();
}

} // namespace neurolift
