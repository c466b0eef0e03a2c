#pragma once

#include "data/csvreader.h"

#include <QDialog>
#include <QString>

#include <cstdint>
#include <memory>
#include <set>
#include <string>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QTableView;
class QTableWidget;

namespace neurolift {

class TableModel;

/// Before importing a CSV file: a preview of its first rows as NeuroLift
/// reads them, with the detected delimiter, encoding, header row, decimal
/// separator and column types, each of which the user can change (the
/// preview is read again). Problems are listed with their line numbers; a
/// file that cannot be read shows the reader's message and cannot be imported.
class ImportDialog : public QDialog {
    Q_OBJECT

public:
    /// Rows the preview shows.
    static constexpr std::size_t kPreviewRows = 100;

    /// Opens the dialog for `path` and starts reading its preview.
    explicit ImportDialog(const QString& path, QWidget* parent = nullptr);
    ~ImportDialog() override;

    /// The file to import.
    QString path() const { return m_path; }
    /// The accepting button's text ("Import" unless set).
    void setAcceptText(const QString& text);
    /// How to read the whole file: the format as previewed (detected or
    /// chosen) and the column types the user chose; other types are inferred
    /// from the whole file.
    CsvOptions csvOptions() const;
    /// The last preview read (null before the first one or after an error).
    std::shared_ptr<const CsvResult> preview() const { return m_preview; }
    /// The error of the last preview read, as the reader wrote it; empty when it succeeded.
    QString errorText() const { return m_errorText; }

signals:
    /// A preview read ended and is shown (with its rows or its error).
    void previewReady();

private:
    /// Reads the preview again, off the GUI thread, with the current options.
    void reread();
    void showPreview(std::shared_ptr<const CsvResult> result, const QString& error);
    void fillColumnTypes(const CsvResult& result);
    void onDelimiterChosen();
    void onEncodingChosen();
    void onDecimalChosen();
    void onHeaderToggled(bool header);
    void onTypeChosen(const std::string& column, ColumnType type);

    QString m_path;
    CsvOptions m_options; ///< What the user chose; unset fields are detected.
    std::set<std::string> m_chosenTypes;
    std::shared_ptr<const CsvResult> m_preview;
    QString m_errorText;
    std::uint64_t m_generation = 0;

    QComboBox* m_delimiter = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_decimal = nullptr;
    QCheckBox* m_header = nullptr;
    QLabel* m_detected = nullptr;
    TableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTableWidget* m_types = nullptr;
    QListWidget* m_warnings = nullptr;
    QLabel* m_warningsTitle = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace neurolift
