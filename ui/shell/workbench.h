#pragma once

#include "data/csvreader.h"
#include "data/datachoice.h"
#include "training/pipeline.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace neurolift {

class CsvImportJob;
class DataPage;
class Document;
class ExplainPage;
class SegmentsPage;
class ModelPage;
class TaskIndicator;
class TrainPage;

/// Connects one open project's Document to the pages that show it. It reads
/// the dataset in the background, turns the pages' edits into undo commands,
/// prepares the data for training whenever the data or the choice changes
/// (recipe, split, matrices: in the background), imports CSV files, and stores
/// finished runs. One per open project; the pages only draw and emit.
class Workbench : public QObject {
    Q_OBJECT

public:
    struct Pages {
        DataPage* data = nullptr;
        ModelPage* model = nullptr;
        TrainPage* train = nullptr;
        ExplainPage* explain = nullptr;   ///< Optional.
        SegmentsPage* segments = nullptr; ///< Optional.
    };

    /// Starts loading what the first pages show. `dialogParent` parents the import dialog.
    Workbench(Document* document, Pages pages, TaskIndicator* tasks, QWidget* dialogParent);
    ~Workbench() override;

    /// Shows the document's settings, runs, segments and data on the pages;
    /// called once its signals are connected, so that an error is seen.
    void start();

    /// Shows the import dialog for `path`, then imports it into the project.
    void importCsv(const QString& path);
    /// Imports `path` read with `options` into the project, without asking.
    void importCsvWith(const QString& path, const CsvOptions& options);

    /// The data ready to train on, or null (none chosen, being prepared, or a problem).
    std::shared_ptr<const PreparedData> prepared() const { return m_prepared; }
    /// Why the chosen data cannot be prepared, in the core's words; empty when it can.
    QString preparationProblem() const { return m_problem; }
    /// Whether the dataset is being read, imported or prepared.
    bool isBusy() const { return m_loading || m_importing || m_preparing; }

signals:
    /// The dataset was read from the project or imported, and is shown.
    void tableShown();
    /// prepared() or preparationProblem() changed.
    void preparationChanged();
    /// An import ended: `ok` false when it failed or was cancelled (`message` says which).
    void importFinished(bool ok, const QString& message);
    /// A finished run was written to the project under `id`.
    void runKept(std::int64_t id);
    /// A line for the status bar.
    void message(const QString& text);
    /// Something the user asked for cannot be done; for a message box.
    void errorOccurred(const QString& title, const QString& message);
    /// A part of the project cannot be read (a damaged table, data or run); in the core's words.
    void projectUnreadable(const QString& message);

private:
    void loadTable();
    void showTable(std::shared_ptr<const Table> table);
    void showChoice();
    void showTrainingSettings();
    void showRuns();
    void showSegments();
    void showExports();
    void connectSegmentsPage();
    void keepRun(const RunRecord& run);
    void onChoiceEdited(const DataChoice& before, const DataChoice& after);
    void onImported(const QString& path, std::shared_ptr<CsvResult> result);
    void prepare();
    ColumnChoice storedChoice() const;
    std::uint64_t seed() const;

    Document* m_document;
    Pages m_pages;
    QPointer<TaskIndicator> m_tasks;
    QWidget* m_dialogParent;
    CsvImportJob* m_import = nullptr;
    std::shared_ptr<const PreparedData> m_prepared;
    QString m_problem;
    bool m_loading = false;
    bool m_importing = false;
    bool m_preparing = false;
    /// Results of background work started before this number are stale.
    std::uint64_t m_generation = 0;
    std::uint64_t m_preparedSeed = 0;
};

} // namespace neurolift
