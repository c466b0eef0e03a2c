#pragma once

#include "data/columnwords.h"
#include "data/datachoice.h"
#include "data/table.h"

#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace neurolift {

class ColumnProfile;
class TableModel;

/// The Data step: the imported rows (sortable, filterable), the profile of
/// the selected column, and what the model is to learn: the target, its
/// positive class, the id column and the input features. Every edit the user
/// makes is reported by choiceEdited() for the document to record (undo);
/// the page never imports by itself, it asks with importRequested().
class DataPage : public QWidget {
    Q_OBJECT

public:
    explicit DataPage(QWidget* parent = nullptr);
    ~DataPage() override;

    /// Shows `table` read from `sourceName` (null: the empty state) and resets
    /// the choice to its defaults: no target, the first identifier as id, every usable column as input.
    void setTable(std::shared_ptr<const Table> table, const QString& sourceName);
    /// The table shown (may be null).
    std::shared_ptr<const Table> table() const;
    /// Shows `choice` (from the document or an undo) without emitting choiceEdited().
    void setChoice(const DataChoice& choice);
    /// The choice shown.
    DataChoice choice() const { return m_choice; }
    /// Why `column` cannot be a model input (identifier, free text, the id column); empty when it can.
    QString whyNotAFeature(const Column& column) const;
    /// Shows the project's words for its columns in the profile (from the document or an undo),
    /// without emitting columnWordsEdited(); `problem`, when not empty, says why the stored ones
    /// could not be read.
    void setColumnWords(const ColumnWords& words, const QString& problem = {});
    /// The words shown.
    const ColumnWords& columnWords() const { return m_words; }

signals:
    /// The user changed the choice from `before` to `after`.
    void choiceEdited(const neurolift::DataChoice& before, const neurolift::DataChoice& after);
    /// The user picked a CSV file to import.
    void importRequested(const QString& path);
    /// The user described a column in the profile: the project's words are to go from
    /// columnWords() to `after`; `text` names the edit ("Describe Column income").
    void columnWordsEdited(const neurolift::ColumnWords& after, const QString& text);

private:
    QWidget* createEmptyState();
    QWidget* createContent();
    void chooseFile();
    void applyFilter();
    void updateRowCount();
    void showProfile(int column);
    /// Makes `column` the table's current column (a header was clicked, or the rows were laid out
    /// anew) and shows its profile.
    void followColumn(int column);
    /// Fills the choice widgets from m_choice and the table, without reporting edits.
    void refreshChoiceWidgets();
    /// Records a user edit: emits choiceEdited() when `after` differs from the current choice.
    void edit(DataChoice after);
    void onTargetChosen();
    void onPositiveChosen();
    void onIdChosen();
    void onFeatureToggled(QListWidgetItem* item);
    /// `choice`'s features with `column` added back in table order, when it can be an input.
    QStringList withFeature(const DataChoice& choice, const QString& column) const;
    /// The positive class a new target starts with, as the table shows it; empty for numbers.
    QString defaultPositive(const QString& target) const;

    QString m_sourceName;
    DataChoice m_choice;
    ColumnWords m_words;
    bool m_refreshing = false;

    QStackedWidget* m_stack = nullptr;
    TableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_rows = nullptr;
    QLabel* m_busy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_filterColumn = nullptr;
    QTimer* m_filterDelay = nullptr;
    ColumnProfile* m_profile = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_positive = nullptr;
    QComboBox* m_id = nullptr;
    QListWidget* m_features = nullptr;
    QLabel* m_featureCount = nullptr;
};

} // namespace neurolift
