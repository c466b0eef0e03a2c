#pragma once

#include "data/columnwords.h"
#include "data/table.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;

namespace neurolift {

/// What the profile shows about one column, computed from the core column alone.
struct ColumnSummary {
    QString name;
    ColumnType type = ColumnType::Numeric;
    std::size_t rows = 0;
    std::size_t missing = 0;
    std::size_t distinct = 0;
    double min = 0.0; ///< Numbers and dates.
    double mean = 0.0;
    double max = 0.0;
    /// Most frequent values with their counts, largest first (categories, yes/no; at most 10).
    std::vector<std::pair<QString, std::size_t>> topLevels;
    /// Histogram: bar labels (or bin starts for numbers), counts, and the bin width for numbers.
    QStringList binLabels;
    std::vector<double> binStarts;
    std::vector<double> binCounts;
    double binWidth = 0.0;
};

/// Summarises `column`: missing and distinct counts, range and mean, top
/// levels and a histogram (numbers in about 20 bins, categories as their top
/// 10, dates by month or by year for long ranges).
ColumnSummary summarizeColumn(const Column& column);

/// The profile of one column: its type in plain words, missing values,
/// distinct values, range or top levels, and a histogram.
class ColumnProfile : public QWidget {
    Q_OBJECT

public:
    explicit ColumnProfile(QWidget* parent = nullptr);

    /// Tables with at least this many rows are summarised on a worker thread.
    static constexpr std::size_t kBackgroundRows = 200000;

    /// Shows column `column` of `table`; a null table or -1 shows a hint to pick a column.
    /// Large columns are summarised in the background; summaryShown() says when they are shown.
    void setColumn(std::shared_ptr<const Table> table, int column);
    /// Whether a summary is being computed in the background.
    bool isBusy() const { return m_busy; }
    /// Shows the user's words for the columns (the project's); `problem`, when not empty, says
    /// why the stored words could not be read.
    void setColumnWords(const ColumnWords& words, const QString& problem = {});
    /// Where the user describes the shown column ("Described as:").
    QLineEdit* wordsEdit() const { return m_words; }

signals:
    /// The summary of the column set last is shown.
    void summaryShown();
    /// The user described `column` as `words`, checked against the project's rules (one line,
    /// at most kMaxColumnWords bytes); empty `words` forgets the column's description.
    void wordsEdited(const QString& column, const QString& words);

public:
    /// The column shown, or -1.
    int column() const { return m_column; }
    /// What is shown (valid when column() >= 0).
    const ColumnSummary& summary() const { return m_summary; }

private:
    void showSummary();
    /// Fills the words editor for the shown column from the stored words.
    void showWords();
    /// Checks the words typed for the shown column and reports them with wordsEdited().
    void commitWords();
    /// The shown column's name, or empty.
    QString columnName() const;

    std::shared_ptr<const Table> m_table;
    int m_column = -1;
    ColumnSummary m_summary;
    std::uint64_t m_generation = 0; ///< Bumped by setColumn(); older background results are dropped.
    bool m_busy = false;
    QLabel* m_title = nullptr;
    QLabel* m_type = nullptr;
    QLabel* m_missing = nullptr;
    QLabel* m_distinct = nullptr;
    QLabel* m_rangeLabel = nullptr;
    QLabel* m_range = nullptr;
    QLabel* m_hint = nullptr;
    QCustomPlot* m_plot = nullptr;
    QWidget* m_details = nullptr;
    ColumnWords m_columnWords;
    QString m_wordsProblem;
    QLineEdit* m_words = nullptr;
    QPushButton* m_useSuggestion = nullptr;
    QLabel* m_wordsMessage = nullptr;
};

} // namespace neurolift
