#include "scoring/scoredexport.h"

#include "explain/attribution.h"
#include "explain/reasons.h"
#include "files/outputpath.h"
#include "nn/batchscorer.h"
#include "scoring/atomicfile.h"
#include "scoring/csvcells.h"
#include "scoring/xlsxtext.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <stdexcept>

#include <unistd.h>

namespace neurolift {

namespace {

/// Rows a worksheet holds besides its header.
constexpr std::size_t kXlsxMaxRows = 1048575;

/// One output cell: a number (written as a number in Excel) or text.
struct Cell {
    std::string text;
    double number = 0;
    bool isNumber = false;
    bool fromUser = false; ///< Text from the customer data: neutralised in CSV.

    static Cell num(double v, const char* format = "%.7g")
    {
        char buf[40];
        std::snprintf(buf, sizeof buf, format, v);
        return {buf, v, true, false};
    }
    static Cell count(std::size_t n)
    {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
        return {std::string(buf, end), static_cast<double>(n), true, false};
    }
    static Cell user(std::string t) { return {std::move(t), 0, false, true}; }
    static Cell ours(std::string t) { return {std::move(t), 0, false, false}; }
};

/// Where rows go: a CSV file or a worksheet.
class RowSink {
public:
    virtual ~RowSink() = default;
    virtual void row(const std::vector<Cell>& cells) = 0;
};

class CsvSink final : public RowSink {
public:
    CsvSink(const std::string& path, const CsvFormat& format)
        : m_file(path)
        , m_format(format)
    {
        if (format.bom) {
            m_file.write("\xEF\xBB\xBF");
        }
    }
    void row(const std::vector<Cell>& cells) override
    {
        m_line.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) {
                m_line += m_format.delimiter;
            }
            m_line += csvCell(cells[i].text, cells[i].fromUser, m_format.delimiter);
        }
        m_line += '\n';
        m_file.write(m_line);
    }
    void commit() { m_file.commit(); }

private:
    AtomicFile m_file;
    CsvFormat m_format;
    std::string m_line;
};

/// An Excel workbook written row by row (libxlsxwriter's constant-memory mode) to a
/// hidden file beside the target, renamed over it on commit. Text cells are stored as
/// strings, which Excel never runs as formulas, so they are written as the data hold them.
class XlsxBook {
public:
    explicit XlsxBook(std::string path)
        : m_path(std::move(path))
    {
        const OutputPath where = resolveReplaceablePath(m_path);
        m_path = where.path;
        m_stream = where.stream;
        // A workbook is a zip, written whole and then put in place, or copied to a stream.
        m_temp = m_stream ? hiddenTempPath((std::filesystem::temp_directory_path() / "neurolift").string(),
                                           ".xlsx")
                          : hiddenTempPath(m_path, ".xlsx");
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        m_book = workbook_new_opt(m_temp.c_str(), &options);
        if (!m_book) {
            throw std::runtime_error(m_path + ": cannot write here");
        }
    }
    ~XlsxBook()
    {
        if (m_book) {
            workbook_close(m_book); // only on failure: the temporary file is removed below
        }
        if (!m_committed) {
            std::remove(m_temp.c_str());
        }
    }
    XlsxBook(const XlsxBook&) = delete;
    XlsxBook& operator=(const XlsxBook&) = delete;

    lxw_worksheet* sheet(const std::string& name) { return workbook_add_worksheet(m_book, name.c_str()); }
    void commit()
    {
        const lxw_error e = workbook_close(m_book);
        m_book = nullptr;
        if (e != LXW_NO_ERROR) {
            throw std::runtime_error(m_path + ": writing the workbook failed (" + lxw_strerror(e) + ")");
        }
        if (m_stream) {
            std::ifstream in(m_temp, std::ios::binary);
            AtomicFile out(m_path);
            std::string chunk(1 << 20, '\0');
            while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
                out.write(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
            }
            out.commit();
            m_committed = true;
            std::remove(m_temp.c_str());
            return;
        }
        if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
            throw std::runtime_error(m_path + ": cannot replace the file");
        }
        m_committed = true;
    }

private:
    std::string m_path;
    std::string m_temp;
    lxw_workbook* m_book = nullptr;
    bool m_committed = false;
    bool m_stream = false;
};

/// A worksheet written row by row; text the sheet cannot hold is fixed (XlsxSheetText)
/// and warned about, and a cell libxlsxwriter still refuses is an error, never a gap.
class XlsxSink final : public RowSink {
public:
    XlsxSink(XlsxBook& book, const std::string& name)
        : m_sheet(book.sheet(name))
        , m_text(name)
    {
    }
    void row(const std::vector<Cell>& cells) override
    {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error e = LXW_NO_ERROR;
            if (cells[c].isNumber && std::isfinite(cells[c].number)) {
                e = worksheet_write_number(m_sheet, m_row, col, cells[c].number, nullptr);
            } else if (!cells[c].text.empty()) {
                e = worksheet_write_string(m_sheet, m_row, col, m_text.fit(cells[c].text, m_row, c).c_str(),
                                           nullptr);
            }
            if (e != LXW_NO_ERROR) {
                throw std::runtime_error("export: row " + std::to_string(m_row + 1) + ", column " +
                                         std::to_string(c + 1) + " cannot be written to the workbook (" +
                                         lxw_strerror(e) + ")");
            }
        }
        ++m_row;
    }
    /// What was changed to fit the sheet, one warning per column.
    std::vector<std::string> warnings() const { return m_text.warnings(); }

private:
    lxw_worksheet* m_sheet;
    XlsxSheetText m_text;
    lxw_row_t m_row = 0;
};

std::vector<Cell> summaryRow(const SegmentStats& s)
{
    std::vector<Cell> r{Cell::ours(s.name),
                        Cell::num(static_cast<double>(s.customers), "%.0f"),
                        Cell::num(s.share, "%.6g"),
                        Cell::num(s.meanScore, "%.6g"),
                        Cell::num(s.expectedLift, "%.6g"),
                        Cell::num(s.minScore, "%.7g"),
                        Cell::num(s.maxScore, "%.7g"),
                        Cell::num(static_cast<double>(s.testCustomers), "%.0f"),
                        Cell::num(static_cast<double>(s.testPositives), "%.0f")};
    r.push_back(s.observedRate ? Cell::num(*s.observedRate, "%.6g") : Cell::ours(""));
    r.push_back(s.observedLift ? Cell::num(*s.observedLift, "%.6g") : Cell::ours(""));
    r[0].fromUser = true; // segment names are typed by users
    return r;
}

std::vector<Cell> headerCells(const std::vector<std::string>& names)
{
    std::vector<Cell> cells;
    for (const auto& n : names) {
        cells.push_back(Cell::user(n));
    }
    return cells;
}

} // namespace

std::vector<float> scoreTable(const Table& table, const TrainedModel& model, int threads,
                              std::vector<RecipeWarning>* warnings)
{
    if (model.target.task == TaskKind::MultiClassification) {
        throw std::invalid_argument("scores, ranks and segments need a yes/no or a numeric model; this one "
                                    "predicts one of several classes");
    }
    const Network net = model.network();
    BatchScorer scorer(net, threads);
    std::vector<float> scores(table.rowCount());
    constexpr std::size_t kBlock = 65536;
    std::vector<std::int64_t> rows;
    for (std::size_t start = 0; start < table.rowCount(); start += kBlock) {
        const std::size_t n = std::min(kBlock, table.rowCount() - start);
        rows.resize(n);
        std::iota(rows.begin(), rows.end(), static_cast<std::int64_t>(start));
        const Matrix x = model.recipe.transform(table, rows, warnings);
        Matrix out(net.outputSize(), x.cols());
        scorer.score(x, out);
        std::copy(out.data(), out.data() + n, scores.begin() + static_cast<std::ptrdiff_t>(start));
    }
    return scores;
}

ExportRecord exportRecordFor(const ScoredExportOptions& options, const ExportResult& result,
                             std::optional<std::int64_t> run, std::optional<std::int64_t> segment)
{
    ExportRecord e;
    e.path = std::filesystem::absolute(options.path).string();
    e.run = run;
    e.segment = segment;
    e.rows = result.rows;
    e.details = {{"kind", "scores"},
                 {"format", options.format == ExportFormat::Xlsx ? "xlsx" : "csv"},
                 {"columns", options.columns},
                 {"reasons", options.reasons},
                 {"rank_and_decile", options.rankAndDecile},
                 {"order", options.order == ExportOrder::ByRank ? "rank" : "file"}};
    if (options.format == ExportFormat::Csv) {
        e.details["delimiter"] = std::string(1, options.csv.delimiter);
        e.details["bom"] = options.csv.bom;
    }
    if (options.segments) {
        e.details["segments"] = options.segments->toJson();
    }
    return e;
}

std::vector<std::string> segmentSummaryHeader()
{
    return {"segment",   "customers",      "share",          "mean_score",    "expected_lift", "min_score",
            "max_score", "test_customers", "test_positives", "observed_rate", "observed_lift"};
}

void writeSegmentSummaryCsv(const std::string& path, const std::vector<SegmentStats>& summary,
                            const CsvFormat& format)
{
    CsvSink sink(path, format);
    sink.row(headerCells(segmentSummaryHeader()));
    for (const SegmentStats& s : summary) {
        sink.row(summaryRow(s));
    }
    sink.commit();
}

ExportResult exportScores(const Table& table, const TrainedModel& model, const ScoredExportOptions& o,
                          const ExportProgress& progress)
{
    ExportResult result;
    std::vector<const Column*> extra;
    for (const std::string& name : o.columns) {
        const Column* c = table.column(name);
        if (!c) {
            throw std::invalid_argument("export: the data have no column \"" + name + "\"");
        }
        extra.push_back(c);
    }
    if (o.format == ExportFormat::Xlsx && table.rowCount() > kXlsxMaxRows) {
        throw std::invalid_argument(
            "export: an Excel sheet holds at most 1,048,575 customers and these data have " +
            std::to_string(table.rowCount()) + "; export a CSV instead");
    }
    if (o.reasons > 0 && o.baseline.size() != model.recipe.featureCount()) {
        throw std::invalid_argument("export: reason codes need the training means of the model's inputs");
    }
    const Column* id = model.idColumn.empty() ? nullptr : table.column(model.idColumn);

    // Pass 1: every score (ranks and quantiles need the whole distribution).
    std::vector<RecipeWarning> recipeWarnings;
    const std::vector<float> scores = scoreTable(table, model, o.threads, &recipeWarnings);
    for (const RecipeWarning& w : recipeWarnings) {
        result.warnings.push_back(w.message);
    }
    if (progress && !progress(0.2)) {
        result.cancelled = true;
        return result;
    }
    const ScoreRanking ranking(scores);
    const std::vector<std::uint32_t> ranks =
        o.rankAndDecile ? ranking.ranksOf(scores) : std::vector<std::uint32_t>();
    std::optional<Segmenter> segmenter;
    if (o.segments) {
        segmenter.emplace(*o.segments, scores);
    }
    result.segmentSummary =
        summariseSegments(o.segments.value_or(SegmentDefinition::byQuantiles(10)), scores);

    std::vector<std::string> header;
    if (id) {
        header.push_back(id->name);
    }
    header.push_back(model.target.task == TaskKind::Regression ? "predicted" : "score");
    if (o.rankAndDecile) {
        header.insert(header.end(), {"rank", "decile"});
    }
    if (segmenter) {
        header.push_back("segment");
    }
    for (int k = 1; k <= o.reasons; ++k) {
        header.push_back("reason_up_" + std::to_string(k));
    }
    for (int k = 1; k <= o.reasons; ++k) {
        header.push_back("reason_down_" + std::to_string(k));
    }
    for (const Column* c : extra) {
        header.push_back(c->name);
    }

    std::unique_ptr<XlsxBook> book;
    std::unique_ptr<CsvSink> csv;
    std::unique_ptr<XlsxSink> xlsx;
    RowSink* sink = nullptr;
    if (o.format == ExportFormat::Xlsx) {
        book = std::make_unique<XlsxBook>(o.path);
        xlsx = std::make_unique<XlsxSink>(*book, "Scored customers");
        sink = xlsx.get();
    } else {
        csv = std::make_unique<CsvSink>(o.path, o.csv);
        sink = csv.get();
    }
    sink->row(headerCells(header));

    // Pass 2: the rows, block by block (reason codes are computed per block).
    std::optional<Network> net;
    FeatureGroups groups;
    if (o.reasons > 0) {
        net.emplace(model.network());
        groups = FeatureGroups::fromRecipe(model.recipe);
    }
    // The rows in the order they are written (scores hold no NaN: the ranking refused them).
    std::vector<std::int64_t> order(table.rowCount());
    std::iota(order.begin(), order.end(), std::int64_t{0});
    if (o.order == ExportOrder::ByRank) {
        std::stable_sort(order.begin(), order.end(), [&scores](std::int64_t a, std::int64_t b) {
            return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)];
        });
    }
    const std::size_t block = std::max<std::size_t>(o.blockRows, 1);
    std::vector<std::int64_t> rows;
    std::vector<Cell> cells;
    for (std::size_t start = 0; start < table.rowCount(); start += block) {
        const std::size_t n = std::min(block, table.rowCount() - start);
        std::vector<RowReasons> why;
        if (net) {
            rows.assign(order.begin() + static_cast<std::ptrdiff_t>(start),
                        order.begin() + static_cast<std::ptrdiff_t>(start + n));
            const Matrix x = model.recipe.transform(table, rows);
            AttributionOptions a;
            a.threads = o.threads;
            why = reasonCodes(attribute(*net, x, o.baseline, a).values, groups, table, rows,
                              {o.reasons, 0.0, o.words.empty() ? nullptr : &o.words});
        }
        for (std::size_t i = start; i < start + n; ++i) {
            const auto r = static_cast<std::size_t>(order[i]);
            cells.clear();
            if (id) {
                cells.push_back(Cell::user(id->text(r)));
            }
            cells.push_back(Cell::num(scores[r]));
            if (o.rankAndDecile) {
                cells.push_back(Cell::count(ranks[r]));
                cells.push_back(Cell::count(static_cast<std::size_t>(ranking.groupOfRank(ranks[r], 10))));
            }
            if (segmenter) {
                Cell c = Cell::user(segmenter->names()[segmenter->segmentOf(scores[r])]);
                cells.push_back(std::move(c));
            }
            if (net) {
                const RowReasons& w = why[i - start];
                for (std::size_t k = 0; k < static_cast<std::size_t>(o.reasons); ++k) {
                    cells.push_back(Cell::user(k < w.up.size() ? w.up[k].text : std::string()));
                }
                for (std::size_t k = 0; k < static_cast<std::size_t>(o.reasons); ++k) {
                    cells.push_back(Cell::user(k < w.down.size() ? w.down[k].text : std::string()));
                }
            }
            for (const Column* c : extra) {
                const bool number =
                    (c->type == ColumnType::Numeric) && !c->isMissing(r) && !std::isnan(c->values[r]);
                Cell cell = Cell::user(c->text(r));
                if (number) {
                    cell.isNumber = true;
                    cell.number = c->values[r];
                }
                cells.push_back(std::move(cell));
            }
            sink->row(cells);
        }
        result.rows += n;
        if (progress &&
            !progress(0.2 + 0.8 * static_cast<double>(start + n) / static_cast<double>(table.rowCount()))) {
            result.cancelled = true;
            result.rows = 0;
            return result; // the sinks' destructors remove what was written
        }
    }
    if (book) {
        XlsxSink summary(*book, "Segments");
        summary.row(headerCells(segmentSummaryHeader()));
        for (const SegmentStats& s : result.segmentSummary) {
            summary.row(summaryRow(s));
        }
        for (const XlsxSink* sheet : {xlsx.get(), &summary}) {
            const std::vector<std::string> fixed = sheet->warnings();
            result.warnings.insert(result.warnings.end(), fixed.begin(), fixed.end());
        }
        book->commit();
    } else {
        csv->commit();
    }
    return result;
}

} // namespace neurolift
