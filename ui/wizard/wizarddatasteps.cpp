#include "wizard/wizardsteps.h"

#include "common/pagekit.h"
#include "data/csvimportjob.h"
#include "data/csvwarningtext.h"
#include "data/importdialog.h"

#include "data/demo.h"
#include "data/encoding.h"
#include "data/table.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace neurolift::wizard {

QString local(const std::string& s)
{
    return QString::fromStdString(s);
}

QLabel* wrappedLabel(const QString& text, QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    if (objectName) {
        label->setObjectName(QLatin1String(objectName));
    }
    return label;
}

namespace {

QString delimiterName(char d)
{
    switch (d) {
    case ',':
        return GuidedWizard::tr("commas");
    case ';':
        return GuidedWizard::tr("semicolons");
    case '\t':
        return GuidedWizard::tr("tabs");
    case '|':
        return GuidedWizard::tr("vertical bars");
    default:
        return QString(QLatin1Char(d));
    }
}

// 1. Welcome ------------------------------------------------------------------

class WelcomeStep : public QWizardPage {
public:
    explicit WelcomeStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("welcomePage"));
        setTitle(GuidedWizard::tr("Find the customers most likely to say yes"));
        setSubTitle(
            GuidedWizard::tr("In a few steps NeuroLift learns from your past customers who said yes, scores "
                             "every customer and gives you a list to contact, best first."));
        m_demo = new QRadioButton(GuidedWizard::tr("Try it with the “Car buyers” example: website visitors "
                                                   "of a car dealer, and whether they bought a car"),
                                  this);
        m_demo->setObjectName(QStringLiteral("demoChoice"));
        m_file = new QRadioButton(
            GuidedWizard::tr("Use my own customer file (CSV or TSV, one customer per row)"), this);
        m_file->setObjectName(QStringLiteral("fileChoice"));
        m_demo->setChecked(true);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(wrappedLabel(GuidedWizard::tr("Where do the customers come from?"), this));
        layout->addWidget(m_demo);
        layout->addWidget(m_file);
        layout->addStretch();
    }

    int nextId() const override
    {
        return m_demo->isChecked() ? GuidedWizard::TargetPage : GuidedWizard::FilePage;
    }

    bool validatePage() override
    {
        if (m_demo->isChecked()) {
            const DemoInfo& info = demoInfo(DemoKind::CarBuyers);
            if (m_state->dataName != demoName()) {
                // A few thousand generated rows: milliseconds, no need for a thread.
                m_state->table = std::make_shared<const Table>(generateDemo(DemoKind::CarBuyers));
                m_state->source = {};
                m_state->source.fileName = std::string(info.id) + ".csv";
                m_state->source.importOptions = {{"demo", std::string(info.id)}};
                m_state->source.importedAt = utcNow();
                m_state->dataName = demoName();
                m_state->choice = {};
                m_state->choice.target = std::string(info.target);
                m_state->choice.positive = std::string(info.positive);
            }
        }
        return true;
    }

    static QString demoName() { return GuidedWizard::tr("Car buyers (example)"); }

private:
    GuidedWizard::State* m_state;
    QRadioButton* m_demo;
    QRadioButton* m_file;
};

// 2. Choose file ---------------------------------------------------------------

class FileStep : public QWizardPage {
public:
    explicit FileStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("filePage"));
        setTitle(GuidedWizard::tr("Choose your customer file"));
        setSubTitle(GuidedWizard::tr("One row per customer, with a column that says whether they said yes."));
        m_path = new QLineEdit(this);
        m_path->setObjectName(QStringLiteral("pathEdit"));
        m_path->setPlaceholderText(GuidedWizard::tr("The file's path"));
        auto* browse = new QPushButton(GuidedWizard::tr("Browse\u2026"), this);
        browse->setObjectName(QStringLiteral("browseButton"));
        m_settings = new QPushButton(GuidedWizard::tr("How It Is Read\u2026"), this);
        m_settings->setObjectName(QStringLiteral("readSettingsButton"));
        m_settings->setToolTip(
            GuidedWizard::tr("Change the separator, the text encoding, the header row or a "
                             "column's type if NeuroLift guessed wrong"));
        m_settings->setEnabled(false);
        m_progress = new QProgressBar(this);
        m_progress->setRange(0, 100);
        m_progress->hide();
        m_status = wrappedLabel({}, this, "fileStatus");
        m_preview = new QTableWidget(this);
        m_preview->setObjectName(QStringLiteral("preview"));
        m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_preview->verticalHeader()->hide();
        auto* row = new QHBoxLayout;
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        row->addWidget(m_settings);
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(row);
        layout->addWidget(m_progress);
        layout->addWidget(m_status);
        layout->addWidget(m_preview, 1);

        m_job = new CsvImportJob(this);
        connect(browse, &QPushButton::clicked, this, [this] {
            // Excel workbooks are listed too: hidden, a user would not know why the file is missing.
            auto* dialog = new QFileDialog(this, GuidedWizard::tr("Choose your customer file"),
                                           QFileInfo(m_path->text().trimmed()).absolutePath());
            dialog->setObjectName(QStringLiteral("customerFileDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setFileMode(QFileDialog::ExistingFile);
            dialog->setNameFilters({GuidedWizard::tr("Customer tables (*.csv *.tsv *.txt *.xlsx *.xls)"),
                                    GuidedWizard::tr("All files (*)")});
            connect(dialog, &QFileDialog::fileSelected, this,
                    [this](const QString& path) { m_path->setText(QDir::toNativeSeparators(path)); });
            dialog->open();
        });
        connect(m_path, &QLineEdit::textChanged, this, [this] {
            m_options = {}; // a new file: everything detected again
            m_chosen = false;
            read();
        });
        // The workbench's import dialog, for the same file: what it says goes for the wizard too.
        connect(m_settings, &QPushButton::clicked, this, [this] {
            auto* dialog = new ImportDialog(m_path->text().trimmed(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setAcceptText(GuidedWizard::tr("Use These Settings"));
            connect(dialog, &QDialog::accepted, this, [this, dialog] {
                m_options = dialog->csvOptions();
                m_chosen = true;
                read();
            });
            dialog->open();
        });
        connect(m_job, &CsvImportJob::progressChanged, this,
                [this](double f) { m_progress->setValue(static_cast<int>(f * 100)); });
        connect(m_job, &CsvImportJob::succeeded, this, &FileStep::show);
        connect(m_job, &CsvImportJob::failed, this, [this](const QString& message) {
            m_progress->hide();
            m_status->setText(GuidedWizard::tr("This file cannot be read: %1").arg(message.toHtmlEscaped()));
        });
    }

    bool isComplete() const override { return m_table != nullptr; }

    bool validatePage() override
    {
        if (m_state->table != m_table) {
            m_state->table = m_table;
            m_state->source = m_source;
            m_state->dataName = QFileInfo(m_path->text()).fileName();
            m_state->choice = {};
        }
        return true;
    }

private:
    void read()
    {
        m_table.reset();
        m_preview->clear();
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        emit completeChanged();
        const QString path = m_path->text().trimmed();
        if (!QFileInfo(path).isFile()) {
            m_settings->setEnabled(false);
            m_chosen = false;
            m_progress->hide();
            m_status->setText(path.isEmpty() ? QString() : GuidedWizard::tr("There is no file here yet."));
            return;
        }
        if (isExcel(path)) {
            m_settings->setEnabled(false);
            m_chosen = false;
            m_progress->hide();
            m_status->setText(
                GuidedWizard::tr(
                    "<b>\u201c%1\u201d is an Excel workbook, and NeuroLift cannot read Excel "
                    "files yet.</b> Open it in Excel or LibreOffice Calc, choose File \u203a Save "
                    "As, pick “CSV UTF-8 (comma delimited)” and choose that CSV file "
                    "here.")
                    .arg(QFileInfo(path).fileName().toHtmlEscaped()));
            return;
        }
        m_status->setText(
            GuidedWizard::tr("Reading %1\u2026").arg(QFileInfo(path).fileName().toHtmlEscaped()));
        m_progress->setValue(0);
        m_progress->show();
        m_reading = path;
        m_settings->setEnabled(true);
        m_job->start(path, m_options); // everything detected unless chosen in the import dialog
    }

    void show(std::shared_ptr<CsvResult> result)
    {
        m_progress->hide();
        const Table& t = result->table;
        m_source = {};
        m_source.fileName = QFileInfo(m_reading).fileName().toStdString();
        m_source.fileSize = static_cast<std::uint64_t>(QFileInfo(m_reading).size());
        m_source.importOptions = {{m_chosen ? "chosen" : "detected",
                                   {{"encoding", encodingName(result->encoding)},
                                    {"delimiter", std::string(1, result->delimiter)},
                                    {"decimal", std::string(1, result->decimal)},
                                    {"header", result->header}}}};
        m_source.importedAt = utcNow();
        QString text =
            GuidedWizard::tr("%1 customers and %2 columns. Values separated by %3, text in %4, "
                             "decimals written with a %5, %6.")
                .arg(localCount(t.rowCount()), localCount(t.columnCount()), delimiterName(result->delimiter),
                     local(std::string(encodingName(result->encoding))),
                     result->decimal == ',' ? GuidedWizard::tr("comma") : GuidedWizard::tr("point"),
                     result->header ? GuidedWizard::tr("the first row names the columns")
                                    : GuidedWizard::tr("no row of column names"));
        text += thingsToKnow(*result);
        m_status->setText(text);
        const int rows = static_cast<int>(std::min<std::size_t>(t.rowCount(), 20));
        m_preview->setColumnCount(static_cast<int>(t.columnCount()));
        m_preview->setRowCount(rows);
        for (std::size_t c = 0; c < t.columnCount(); ++c) {
            m_preview->setHorizontalHeaderItem(static_cast<int>(c),
                                               new QTableWidgetItem(local(t.column(c).name)));
            for (int r = 0; r < rows; ++r) {
                m_preview->setItem(
                    r, static_cast<int>(c),
                    new QTableWidgetItem(local(t.column(c).text(static_cast<std::size_t>(r)))));
            }
        }
        m_preview->resizeColumnsToContents();
        m_table = std::make_shared<const Table>(std::move(result->table));
        emit completeChanged();
    }

    static bool isExcel(const QString& path)
    {
        const QString suffix = QFileInfo(path).suffix().toLower();
        return suffix == QLatin1String("xlsx") || suffix == QLatin1String("xls") ||
               suffix == QLatin1String("xlsm");
    }

    /// The reader's warnings (a line named only when the warning is about one: line 0 means the whole
    /// column), and whole numbers of one width that may be codes rather than amounts.
    static QString thingsToKnow(const CsvResult& result)
    {
        QStringList notes;
        for (const CsvWarning& w : result.warnings) {
            const QString message = csvWarningText(w).toHtmlEscaped();
            notes << (w.line > 0 ? GuidedWizard::tr("line %1: %2")
                                       .arg(localCount(static_cast<unsigned long long>(w.line)), message)
                                 : message);
        }
        for (const Column& c : result.table.columns()) {
            if (const int digits = codeWidth(c); digits > 0) {
                notes << GuidedWizard::tr("column \u201c%1\u201d holds whole numbers that all have %2 "
                                          "digits, like postcodes or other codes: if they are codes, not "
                                          "amounts, read it as a category with How It Is Read\u2026")
                             .arg(local(c.name).toHtmlEscaped())
                             .arg(digits);
            }
        }
        if (notes.isEmpty()) {
            return {};
        }
        constexpr qsizetype kShown = 4;
        QString text = QStringLiteral("<br>") + GuidedWizard::tr("Things to know:");
        for (const QString& note : notes.mid(0, kShown)) {
            text += QStringLiteral("<br>\u2022 ") + note;
        }
        if (notes.size() > kShown) {
            text += QStringLiteral("<br>") + GuidedWizard::tr("\u2026 and %n more (see How It Is Read\u2026)",
                                                              nullptr, int(notes.size() - kShown));
        }
        return text;
    }

    /// The number of digits when every value of a numeric column is a whole number with the
    /// same number of digits, at least five, with many different values (like postcodes); else 0.
    static int codeWidth(const Column& c)
    {
        constexpr int kMinDigits = 5;
        constexpr std::size_t kMinValues = 20;
        if (c.type != ColumnType::Numeric) {
            return 0;
        }
        int width = 0;
        std::set<double> seen;
        for (const double v : c.values) {
            if (std::isnan(v)) {
                continue;
            }
            if (v < 0 || v != std::floor(v) || v >= 1e15) {
                return 0;
            }
            const int digits = static_cast<int>(std::to_string(static_cast<long long>(v)).size());
            if (digits < kMinDigits || (width != 0 && digits != width)) {
                return 0;
            }
            width = digits;
            if (seen.size() < kMinValues) {
                seen.insert(v);
            }
        }
        return seen.size() >= kMinValues ? width : 0;
    }

    GuidedWizard::State* m_state;
    QLineEdit* m_path;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_preview;
    QPushButton* m_settings;
    CsvImportJob* m_job;
    QString m_reading;
    CsvOptions m_options;  ///< How to read the file: detected, or as chosen in the import dialog.
    bool m_chosen = false; ///< Whether the user chose how to read it.
    std::shared_ptr<const Table> m_table;
    DatasetSource m_source;
};

} // namespace

void addDataSteps(GuidedWizard& wizard, GuidedWizard::State* state)
{
    wizard.setPage(GuidedWizard::WelcomePage, new WelcomeStep(state));
    wizard.setPage(GuidedWizard::FilePage, new FileStep(state));
    wizard.setPage(GuidedWizard::TargetPage, makeTargetStep(state));
    wizard.setPage(GuidedWizard::ColumnsPage, makeColumnsStep(state));
}

} // namespace neurolift::wizard
