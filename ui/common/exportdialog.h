#pragma once

#include "scoring/scoredexport.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace neurolift {

/// Asks how to export scored customers: where (CSV or Excel, by the file's
/// suffix or the format picker), the delimiter and byte-order mark of a CSV,
/// the order of the rows (best first, or as in the file), the original columns
/// to carry along, whether to add the segments, and how many reasons per customer.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    /// `columns` are the table's columns; `preselected` those checked at first (the id column).
    ExportDialog(const QStringList& columns, const QStringList& preselected, const QString& suggestedPath,
                 bool haveSegments, QWidget* parent = nullptr);

    /// The options as chosen (path, format, CSV format, columns, reasons; segments are the caller's).
    ScoredExportOptions options() const;
    bool includeSegments() const;

    QLineEdit* pathEdit() const { return m_path; }
    QComboBox* formatPicker() const { return m_format; }
    QComboBox* orderPicker() const { return m_order; }
    QListWidget* columnList() const { return m_columns; }

private:
    void browse();
    void onFormatChanged();
    void validate();

    QLineEdit* m_path;
    QComboBox* m_format;
    QComboBox* m_delimiter;
    QCheckBox* m_bom;
    QComboBox* m_order;
    QCheckBox* m_segments;
    QSpinBox* m_reasons;
    QListWidget* m_columns;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace neurolift
