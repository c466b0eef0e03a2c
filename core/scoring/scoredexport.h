#pragma once

// Scored customers out of NeuroLift: a CSV or an Excel workbook with id,
// score, rank, decile, segment, reason codes and chosen columns, plus the
// segment summary. Files appear complete or not at all (AtomicFile).

#include "data/columnwords.h"
#include "data/recipe.h"
#include "data/table.h"
#include "model/modelfile.h"
#include "nn/tensor.h"
#include "project/project.h"
#include "scoring/segments.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace neurolift {

/// Progress 0..1; return false to cancel.
using ExportProgress = std::function<bool(double)>;

enum class ExportFormat { Csv, Xlsx };

/// The order of the written rows.
enum class ExportOrder {
    FileOrder, ///< As the data hold them.
    ByRank,    ///< Best first: highest score (rank 1) first, ties in file order.
};

/// How a CSV is written: the delimiter, and a UTF-8 byte-order mark (Excel on
/// Windows reads UTF-8 without one as the local code page).
struct CsvFormat {
    char delimiter = ',';
    bool bom = false;
};

struct ScoredExportOptions {
    std::string path;
    ExportFormat format = ExportFormat::Csv;
    CsvFormat csv;
    std::vector<std::string> columns; ///< Original columns to add, as the data hold them.
    bool rankAndDecile = true;        ///< rank (1 = best, ties share) and decile (ScoreRanking's rule).
    ExportOrder order = ExportOrder::FileOrder; ///< The export dialog asks for ByRank unless told otherwise.
    std::optional<SegmentDefinition>
        segments;    ///< Adds a segment column; the Excel summary sheet is by segment (else by decile).
    int reasons = 0; ///< Reason codes per direction (reason_up_k, reason_down_k).
    Vector baseline; ///< Training means, needed when reasons > 0 (see meanBaseline()).
    ColumnWords words; ///< The user's words for columns, which the reasons use.
    int threads = 1; ///< Scoring threads (0: all cores).
    std::size_t blockRows = 65536; ///< Rows scored and written per step.
};

struct ExportResult {
    bool cancelled = false; ///< Nothing was written.
    std::size_t rows = 0;
    std::vector<std::string> warnings;
    std::vector<SegmentStats> segmentSummary; ///< By the segments asked for, else by decile.
};

/// Each row's score: P(positive) for yes/no models, the value for regression.
/// Throws std::invalid_argument for multi-class models or columns that do not fit the recipe.
std::vector<float> scoreTable(const Table& table, const TrainedModel& model, int threads = 1,
                              std::vector<RecipeWarning>* warnings = nullptr);

/// Scores every row of `table` and writes `options.path`, in `options.order`. Memory beyond the
/// table: 20 bytes a row (the scores, their sorted copy, the ranks, the order; 8 more while ranking)
/// and one block of prepared rows. Throws std::invalid_argument (unknown column, multi-class model, too many
/// rows for Excel) or std::runtime_error (cannot write); never leaves a partial file.
ExportResult exportScores(const Table& table, const TrainedModel& model, const ScoredExportOptions& options,
                          const ExportProgress& progress = {});

/// What Project::addExport keeps of an export: the absolute path, the run and saved
/// segments it used, the rows, and the options (format, columns, segments, reasons).
ExportRecord exportRecordFor(const ScoredExportOptions& options, const ExportResult& result,
                             std::optional<std::int64_t> run, std::optional<std::int64_t> segment = {});

/// The header of the segment summary (CSV and the Excel sheet).
std::vector<std::string> segmentSummaryHeader();
/// The segment summary as a CSV (one row per segment). Throws std::runtime_error.
void writeSegmentSummaryCsv(const std::string& path, const std::vector<SegmentStats>& summary,
                            const CsvFormat& format = {});

} // namespace neurolift
