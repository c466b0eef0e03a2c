#pragma once

#include "scoring/segments.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace neurolift {

/// Edits how customers are split into named segments: score bands (a table of
/// names and lowest scores, plus a name for everyone else), quantiles, or the
/// top customers by head count or share. definitionChanged() follows every
/// edit that gives a usable definition; problem() says why the current one is not.
class SegmentEditor : public QWidget {
    Q_OBJECT

public:
    explicit SegmentEditor(QWidget* parent = nullptr);

    /// The definition as edited; throws std::invalid_argument when it is not usable (see problem()).
    SegmentDefinition definition() const;
    void setDefinition(const SegmentDefinition& definition);
    /// Why the edited definition cannot be used, or empty.
    QString problem() const;

    QComboBox* kindPicker() const { return m_kind; }
    QTableWidget* bandTable() const { return m_bands; }

signals:
    void definitionChanged();

private:
    void addBand();
    void removeBand();
    void onEdited();

    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QTableWidget* m_bands;
    QPushButton* m_addBand;
    QPushButton* m_removeBand;
    QLineEdit* m_restName;
    QSpinBox* m_quantiles;
    QRadioButton* m_byCount;
    QRadioButton* m_byShare;
    QSpinBox* m_topN;
    QDoubleSpinBox* m_topShare;
    QLineEdit* m_topName;
    QLineEdit* m_topRest;
    QLabel* m_problem;
    bool m_updating = false;
};

} // namespace neurolift
