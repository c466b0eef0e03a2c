#pragma once

// Undo commands that change the document's settings. Every user edit of a
// setting goes through one of these, so it can be undone.

#include "shell/commandid.h"
#include "shell/document.h"

#include <QUndoCommand>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace neurolift {

/// Replaces the JSON value of one project setting; undo puts the old value back.
class ChangeSettingCommand : public QUndoCommand {
public:
    /// `before` is the value now (null when absent); `text` names the edit in the Edit menu.
    ChangeSettingCommand(Document* document, std::string key, nlohmann::json before, nlohmann::json after,
                         Document::Change what, const QString& text, CommandId mergeId = CommandId::None,
                         QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return static_cast<int>(m_mergeId); }
    bool mergeWith(const QUndoCommand* other) override;

    const std::string& key() const { return m_key; }

private:
    Document* m_document;
    std::string m_key;
    nlohmann::json m_before;
    nlohmann::json m_after;
    Document::Change m_what;
    CommandId m_mergeId;
};

/// Saves, replaces or deletes one named segment definition; undo puts the old one back.
class SaveSegmentsCommand : public QUndoCommand {
public:
    /// `before` and `after` are the definitions under `name` (empty: none).
    SaveSegmentsCommand(Document* document, std::string name, std::optional<nlohmann::json> before,
                        std::optional<nlohmann::json> after, const QString& text,
                        QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::string m_name;
    std::optional<nlohmann::json> m_before;
    std::optional<nlohmann::json> m_after;
};

} // namespace neurolift
