#include "shell/workbench.h"

#include "data/columnwordslink.h"
#include "data/csvimportjob.h"
#include "data/csvwarningtext.h"
#include "data/datapage.h"
#include "data/importdialog.h"
#include "explain/explainpage.h"
#include "model/architecturemodel.h"
#include "model/modelpage.h"
#include "segments/segmentspage.h"
#include "shell/document.h"
#include "shell/documentcommands.h"
#include "shell/taskindicator.h"
#include "train/trainingsettings.h"
#include "train/trainpage.h"

#include "data/encoding.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <stdexcept>

namespace neurolift {

namespace {

/// Runs `work` on the thread pool and hands its result to `done` on the GUI
/// thread, unless `context` is gone by then.
template <typename T, typename Done>
void runInBackground(QObject* context, std::function<T()> work, Done done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

struct Loaded {
    std::shared_ptr<const Table> table;
    QString error;
};

struct Prepared {
    std::shared_ptr<const PreparedData> data;
    QString error;
};

QString local(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

Workbench::Workbench(Document* document, Pages pages, TaskIndicator* tasks, QWidget* dialogParent)
    : QObject(document)
    , m_document(document)
    , m_pages(pages)
    , m_tasks(tasks)
    , m_dialogParent(dialogParent)
    , m_import(new CsvImportJob(this))
{
    connect(m_import, &CsvImportJob::progressChanged, this, [this](double fraction) {
        if (m_tasks) {
            m_tasks->setProgress(fraction);
        }
    });
    connect(m_import, &CsvImportJob::failed, this, [this](const QString& error) {
        m_importing = false;
        if (m_tasks) {
            m_tasks->finish();
        }
        emit importFinished(false, error);
    });
    connect(m_import, &CsvImportJob::cancelled, this, [this] {
        m_importing = false;
        if (m_tasks) {
            m_tasks->finish();
        }
        emit importFinished(false, tr("The import was cancelled; the project is unchanged."));
    });

    connect(m_pages.data, &DataPage::importRequested, this, &Workbench::importCsv);
    connect(m_pages.data, &DataPage::choiceEdited, this, &Workbench::onChoiceEdited);
    // The columns in the user's words: described on the Data page, used by the reasons.
    linkColumnWords(m_document, m_pages.data, [this](const ColumnWords& words) {
        if (m_pages.explain) {
            m_pages.explain->setColumnWords(words);
        }
        if (m_pages.segments) {
            m_pages.segments->setColumnWords(words);
        }
    });

    connect(m_pages.train, &TrainPage::settingsEdited, this,
            [this](const TrainingSettings&, const TrainingSettings& after) {
                m_document->undoStack()->push(
                    new ChangeSettingCommand(m_document, "training", m_document->setting("training"),
                                             after.toJson(), Document::Change::TrainingSettings,
                                             tr("Change Training Settings"), CommandId::TrainingSettings));
            });
    connect(m_pages.train, &TrainPage::runFinished, this, &Workbench::keepRun);
    // A run lives in the project: a read-only one is found out before training, not when keeping the run.
    m_pages.train->setStartCheck([this] { return m_document->readOnlyReason(); });
    connect(m_pages.train, &TrainPage::startRefused, this, [this](const QString& reason) {
        emit errorOccurred(tr("Cannot keep a run in this project"), reason);
    });
    connect(m_pages.train, &TrainPage::busyChanged, this, [this](bool busy) {
        if (!m_tasks) {
            return;
        }
        if (busy) {
            m_tasks->start(tr("Training"), [train = QPointer<TrainPage>(m_pages.train)] {
                if (train) {
                    train->stop();
                }
            });
        } else {
            m_tasks->finish();
        }
    });
    connect(m_pages.train, &TrainPage::progress, this, [this](double fraction, const QString& text) {
        if (m_tasks && m_tasks->isBusy()) {
            m_tasks->setProgress(fraction, text);
        }
    });

    ArchitectureModel* nets = m_document->architectures();
    const auto showNetwork = [this, nets] { m_pages.train->setArchitecture(nets->current()); };
    connect(nets, &ArchitectureModel::layersChanged, this, showNetwork);
    connect(nets, &ArchitectureModel::currentChanged, this, showNetwork);
    showNetwork();

    connect(m_document, &Document::changed, this, [this](Document::Changes what) {
        if (what.testFlag(Document::Change::Choice)) {
            showChoice();
            prepare();
        }
        if (what.testFlag(Document::Change::TrainingSettings)) {
            showTrainingSettings();
            if (seed() != m_preparedSeed) {
                prepare(); // the split follows the seed
            }
        }
        if (what.testFlag(Document::Change::Runs)) {
            showRuns();
        }
        if (what.testFlag(Document::Change::Segments)) {
            showSegments();
        }
        if (what.testFlag(Document::Change::Exports)) {
            showExports();
        }
    });
    connectSegmentsPage();
}

void Workbench::start()
{
    showTrainingSettings();
    showRuns();
    showSegments();
    showExports();
    loadTable();
}

Workbench::~Workbench() = default;

ColumnChoice Workbench::storedChoice() const
{
    const nlohmann::json j = m_document->setting("target");
    if (j.is_null()) {
        return {};
    }
    try {
        return ColumnChoice::fromJson(j);
    } catch (const std::invalid_argument&) {
        return {}; // a hand-edited project: start from the defaults
    }
}

std::uint64_t Workbench::seed() const
{
    return m_pages.train->settings().seed;
}

void Workbench::loadTable()
{
    if (const auto table = m_document->table()) {
        showTable(table);
        return;
    }
    if (!m_document->project().hasDataset()) {
        prepare();
        return;
    }
    m_loading = true;
    if (m_tasks) {
        m_tasks->start(tr("Reading the customer data"));
        m_tasks->setProgress(-1);
    }
    const std::string file = QFile::encodeName(m_document->currentFile()).toStdString();
    const std::uint64_t generation = ++m_generation;
    runInBackground<Loaded>(
        this,
        [file] {
            try {
                return Loaded{std::make_shared<const Table>(Project::open(file).loadDataset()), {}};
            } catch (const ProjectError& e) {
                return Loaded{nullptr, QString::fromUtf8(e.what())};
            }
        },
        [this, generation](const Loaded& loaded) {
            if (generation != m_generation) {
                return;
            }
            m_loading = false;
            if (m_tasks) {
                m_tasks->finish();
            }
            if (!loaded.table) {
                emit projectUnreadable(loaded.error);
                return;
            }
            m_document->setTable(loaded.table);
            showTable(loaded.table);
        });
}

void Workbench::showTable(std::shared_ptr<const Table> table)
{
    const QString source = local(m_document->project().datasetSource().fileName);
    m_pages.data->setTable(table, source);
    m_pages.train->setSourceName(source);
    if (m_pages.segments) {
        m_pages.segments->setTable(table);
    }
    if (m_pages.explain) {
        m_pages.explain->setTable(table);
    }
    showChoice();
    prepare();
    emit tableShown();
}

void Workbench::showChoice()
{
    const auto table = m_document->table();
    if (!table) {
        return;
    }
    // Undoing the first choice leaves none stored: show the defaults again.
    m_pages.data->setChoice(fromColumnChoice(storedChoice(), table.get()));
}

void Workbench::showTrainingSettings()
{
    const nlohmann::json j = m_document->setting("training");
    TrainingSettings settings;
    if (!j.is_null()) {
        try {
            settings = TrainingSettings::fromJson(j);
        } catch (const std::exception& e) {
            emit message(tr("The stored training settings are not readable (%1); the defaults are shown.")
                             .arg(QString::fromUtf8(e.what())));
        }
    }
    m_pages.train->setSettings(settings);
}

void Workbench::showRuns()
{
    std::vector<RunRecord> runs;
    try {
        for (const RunSummary& summary : m_document->project().runs()) {
            runs.push_back(m_document->project().run(summary.id));
        }
    } catch (const ProjectError& e) {
        emit projectUnreadable(QString::fromUtf8(e.what()));
    }
    m_pages.train->setRuns(runs);
    if (m_pages.explain) {
        m_pages.explain->setRuns(runs);
    }
    if (m_pages.segments) {
        m_pages.segments->setRuns(runs);
    }
}

void Workbench::connectSegmentsPage()
{
    SegmentsPage* page = m_pages.segments;
    if (!page) {
        return;
    }
    connect(page, &SegmentsPage::segmentsSaved, this,
            [this](const QString& name, const nlohmann::json& definition) {
                std::optional<nlohmann::json> before;
                for (const SegmentRecord& s : m_document->project().segments()) {
                    if (s.name == name.toStdString()) {
                        before = s.definition;
                    }
                }
                m_document->undoStack()->push(
                    new SaveSegmentsCommand(m_document, name.toStdString(), before, definition,
                                            tr("Save Segments \u201c%1\u201d").arg(name)));
            });
    connect(page, &SegmentsPage::segmentsRemoved, this, [this](const QString& name) {
        std::optional<nlohmann::json> before;
        for (const SegmentRecord& s : m_document->project().segments()) {
            if (s.name == name.toStdString()) {
                before = s.definition;
            }
        }
        if (before) {
            m_document->undoStack()->push(
                new SaveSegmentsCommand(m_document, name.toStdString(), before, std::nullopt,
                                        tr("Delete Segments \u201c%1\u201d").arg(name)));
        }
    });
    connect(page, &SegmentsPage::exported, this, [this](const ExportRecord& record) {
        // The history is part of the project: it is kept with the next Save, like every change.
        try {
            m_document->edit().addExport(record);
        } catch (const ProjectError& e) {
            emit message(QString::fromUtf8(e.what()));
            return;
        }
        m_document->changedOutsideUndo(Document::Change::Exports);
    });
    connect(page, &SegmentsPage::taskStarted, this, [this, page](const QString& text) {
        if (m_tasks) {
            m_tasks->start(text, [page = QPointer<SegmentsPage>(page)] {
                if (page) {
                    page->cancelExport();
                }
            });
        }
    });
    connect(page, &SegmentsPage::taskProgress, this, [this](double fraction) {
        if (m_tasks && m_tasks->isBusy()) {
            m_tasks->setProgress(fraction);
        }
    });
    connect(page, &SegmentsPage::taskEnded, this, [this] {
        if (m_tasks) {
            m_tasks->finish();
        }
    });
    connect(page, &SegmentsPage::exportFinished, this,
            [this](bool, bool, const QString& text) { emit message(text); });
}

void Workbench::showSegments()
{
    if (m_pages.segments) {
        try {
            m_pages.segments->setSavedSegments(m_document->project().segments());
        } catch (const ProjectError& e) {
            emit projectUnreadable(QString::fromUtf8(e.what()));
        }
    }
}

void Workbench::showExports()
{
    if (m_pages.segments) {
        try {
            m_pages.segments->setExports(m_document->project().exports());
        } catch (const ProjectError& e) {
            emit projectUnreadable(QString::fromUtf8(e.what()));
        }
    }
}

void Workbench::keepRun(const RunRecord& run)
{
    // Written by a worker with its own connection: the run's weights and the
    // synchronous commit must not hold up the window.
    QString working;
    try {
        working = m_document->beginWorkerEdit();
    } catch (const ProjectError& e) {
        emit message(QString::fromUtf8(e.what()));
        return;
    }
    struct Kept {
        std::int64_t id = 0;
        QString error;
    };
    const std::string file = QFile::encodeName(working).toStdString();
    const QString name = local(run.name);
    runInBackground<Kept>(
        this,
        [file, run] {
            try {
                return Kept{Project::open(file).addRun(run), {}};
            } catch (const ProjectError& e) {
                return Kept{0, QString::fromUtf8(e.what())};
            }
        },
        [this, name](const Kept& kept) {
            if (!kept.error.isEmpty()) {
                emit message(kept.error);
                return;
            }
            m_document->changedOutsideUndo(Document::Change::Runs);
            emit message(tr("Run %1 (\u201c%2\u201d) is kept in the project.").arg(kept.id).arg(name));
            emit runKept(kept.id);
        });
}

void Workbench::onChoiceEdited(const DataChoice& before, const DataChoice& after)
{
    QString text = tr("Change Inputs");
    if (before.target != after.target) {
        text = tr("Choose Target");
    } else if (before.positive != after.positive) {
        text = tr("Choose Positive Answer");
    } else if (before.idColumn != after.idColumn) {
        text = tr("Choose ID Column");
    }
    m_document->undoStack()->push(
        new ChangeSettingCommand(m_document, "target", m_document->setting("target"),
                                 toColumnChoice(after).toJson(), Document::Change::Choice, text));
}

void Workbench::importCsv(const QString& path)
{
    auto* dialog = new ImportDialog(path, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, path] { importCsvWith(path, dialog->csvOptions()); });
    dialog->open();
}

void Workbench::importCsvWith(const QString& path, const CsvOptions& options)
{
    m_importing = true;
    if (m_tasks) {
        m_tasks->start(tr("Importing %1").arg(QFileInfo(path).fileName()), [this] { m_import->cancel(); });
    }
    disconnect(m_import, &CsvImportJob::succeeded, this, nullptr);
    connect(m_import, &CsvImportJob::succeeded, this,
            [this, path](std::shared_ptr<CsvResult> result) { onImported(path, std::move(result)); });
    m_import->start(path, options);
}

void Workbench::onImported(const QString& path, std::shared_ptr<CsvResult> result)
{
    auto table = std::make_shared<const Table>(std::move(result->table));
    DatasetSource source;
    source.fileName = QFileInfo(path).fileName().toStdString();
    source.fileSize = result->source.size;
    source.importOptions = {{"detected",
                             {{"encoding", encodingName(result->encoding)},
                              {"delimiter", std::string(1, result->delimiter)},
                              {"decimal", std::string(1, result->decimal)},
                              {"header", result->header}}}};
    source.importedAt = utcNow();
    QString working;
    try {
        working = m_document->beginWorkerEdit();
    } catch (const ProjectError& e) {
        m_importing = false;
        if (m_tasks) {
            m_tasks->finish();
        }
        emit importFinished(false, QString::fromUtf8(e.what()));
        return;
    }
    if (m_tasks) {
        m_tasks->start(tr("Saving the data in the project"));
        m_tasks->setProgress(-1);
    }
    const std::string file = QFile::encodeName(working).toStdString();
    const std::string csv = QFile::encodeName(path).toStdString();
    const std::size_t warnings = result->warnings.size();
    const QString firstWarning = warnings ? csvWarningText(result->warnings.front()) : QString();
    const long long firstLine = warnings ? result->warnings.front().line : 0;
    runInBackground<QString>(
        this,
        [file, csv, table, source, read = *result]() mutable {
            try {
                source.fileHash = fileContentHash(csv);
                checkSourceUnchanged(csv, read); // the size and hash are of the rows read
                Project::open(file).saveDataset(*table, source);
                return QString();
            } catch (const ProjectError& e) {
                return QString::fromUtf8(e.what());
            } catch (const CsvError& e) {
                return QString::fromUtf8(e.what());
            }
        },
        [this, table, path, warnings, firstWarning, firstLine](const QString& error) {
            m_importing = false;
            if (m_tasks) {
                m_tasks->finish();
            }
            if (!error.isEmpty()) {
                emit importFinished(false, error);
                return;
            }
            m_document->setTable(table);
            m_document->changedOutsideUndo(Document::Change::Data);
            showTable(table);
            QString text = tr("Imported %1 customers and %2 columns from %3.")
                               .arg(QLocale().toString(static_cast<qulonglong>(table->rowCount())))
                               .arg(table->columnCount())
                               .arg(QFileInfo(path).fileName());
            if (warnings > 0) {
                text +=
                    u' ' + tr("%n warning(s); the first, line %1: %2", nullptr, static_cast<int>(warnings))
                               .arg(QLocale().toString(firstLine), firstWarning);
            }
            emit message(text);
            emit importFinished(true, text);
        });
}

void Workbench::prepare()
{
    const auto table = m_document->table();
    const ColumnChoice choice = storedChoice();
    const std::uint64_t generation = ++m_generation;
    if (!table || choice.target.empty()) {
        m_preparing = false;
        m_prepared.reset();
        m_problem.clear();
        m_pages.train->setPreparing(false);
        m_pages.train->setDataProblem({});
        m_pages.train->setPreparedData(nullptr, 0);
        m_document->architectures()->setInputCount(0);
        emit preparationChanged();
        return;
    }
    m_preparing = true;
    m_pages.train->setPreparing(true);
    const std::uint64_t seedNow = seed();
    runInBackground<Prepared>(
        this,
        [table, choice, seedNow] {
            try {
                return Prepared{std::make_shared<const PreparedData>(prepareData(*table, choice, seedNow)),
                                {}};
            } catch (const std::invalid_argument& e) {
                return Prepared{nullptr, QString::fromUtf8(e.what())};
            }
        },
        [this, table, generation, seedNow](const Prepared& p) {
            if (generation != m_generation) {
                return; // a newer choice is being prepared
            }
            m_preparing = false;
            m_preparedSeed = seedNow;
            m_prepared = p.data;
            m_problem = p.error;
            m_pages.train->setPreparing(false);
            if (p.data) {
                ArchitectureModel* nets = m_document->architectures();
                nets->setTask(p.data->task());
                nets->setInputCount(static_cast<int>(p.data->recipe.featureCount()));
                m_pages.train->setDataProblem({});
                m_pages.train->setPreparedData(p.data, table->rowCount());
            } else {
                m_pages.train->setPreparedData(nullptr, 0);
                m_pages.train->setDataProblem(p.error);
            }
            emit preparationChanged();
        });
}

} // namespace neurolift
