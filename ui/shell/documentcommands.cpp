#include "shell/documentcommands.h"

namespace neurolift {

ChangeSettingCommand::ChangeSettingCommand(Document* document, std::string key, nlohmann::json before,
                                           nlohmann::json after, Document::Change what, const QString& text,
                                           CommandId mergeId, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_key(std::move(key))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_what(what)
    , m_mergeId(mergeId)
{
}

void ChangeSettingCommand::undo()
{
    m_document->writeSetting(m_key, m_before, m_what);
}

void ChangeSettingCommand::redo()
{
    m_document->writeSetting(m_key, m_after, m_what);
}

bool ChangeSettingCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const ChangeSettingCommand*>(other);
    if (o->m_key != m_key || o->m_document != m_document) {
        return false;
    }
    m_after = o->m_after;
    // Edits that end where they began leave nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

SaveSegmentsCommand::SaveSegmentsCommand(Document* document, std::string name,
                                         std::optional<nlohmann::json> before,
                                         std::optional<nlohmann::json> after, const QString& text,
                                         QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_name(std::move(name))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void SaveSegmentsCommand::undo()
{
    m_document->writeSegments(m_name, m_before);
}

void SaveSegmentsCommand::redo()
{
    m_document->writeSegments(m_name, m_after);
}

} // namespace neurolift
