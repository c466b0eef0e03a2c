#include "common/exportdialog.h"

#include "files/outputpath.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace neurolift {

namespace {

enum FormatIndex { CsvIndex = 0, XlsxIndex = 1 };
enum OrderIndex { ByRankIndex = 0, FileOrderIndex = 1 };

} // namespace

ExportDialog::ExportDialog(const QStringList& columns, const QStringList& preselected,
                           const QString& suggestedPath, bool haveSegments, QWidget* parent)
    : QDialog(parent)
    , m_path(new QLineEdit(QDir::toNativeSeparators(suggestedPath), this))
    , m_format(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_bom(new QCheckBox(tr("Add a byte-order mark, for Excel on Windows"), this))
    , m_order(new QComboBox(this))
    , m_segments(new QCheckBox(tr("Add each customer's segment"), this))
    , m_reasons(new QSpinBox(this))
    , m_columns(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Scored Customers"));
    setObjectName(QStringLiteral("exportDialog"));

    m_path->setObjectName(QStringLiteral("exportPath"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV file (.csv)"));
    m_format->addItem(tr("Excel workbook (.xlsx), with a summary sheet"));
    m_format->setCurrentIndex(
        suggestedPath.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive) ? XlsxIndex : CsvIndex);
    m_delimiter->setObjectName(QStringLiteral("exportDelimiter"));
    m_delimiter->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ( ; ), for European Excel"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_bom->setObjectName(QStringLiteral("exportBom"));
    m_order->setObjectName(QStringLiteral("exportOrder"));
    m_order->addItem(tr("Best first (rank 1 at the top)"));
    m_order->addItem(tr("As in your data file"));
    m_order->setCurrentIndex(ByRankIndex);
    m_order->setToolTip(tr("Best first lists the customers to contact at the top; customers with the same "
                           "score keep the order of your file."));
    m_segments->setObjectName(QStringLiteral("exportSegments"));
    m_segments->setChecked(haveSegments);
    m_segments->setEnabled(haveSegments);
    m_segments->setToolTip(tr("The segments as set on the Segments tab."));
    m_reasons->setObjectName(QStringLiteral("exportReasons"));
    m_reasons->setRange(0, 5);
    m_reasons->setValue(0);
    m_reasons->setSpecialValueText(tr("None"));
    m_reasons->setToolTip(tr("For each customer, the columns that raised and lowered the score most, with "
                             "their values (\"visits = 4 (+0.18)\"). Takes longer."));

    m_columns->setObjectName(QStringLiteral("exportColumns"));
    for (const QString& column : columns) {
        auto* item = new QListWidgetItem(column, m_columns);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(column) ? Qt::Checked : Qt::Unchecked);
    }
    m_columns->setMinimumHeight(140);

    m_problem->setObjectName(QStringLiteral("exportProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b45309;"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Columns separated by:"), m_delimiter);
    form->addRow(QString(), m_bom);
    form->addRow(tr("Rows:"), m_order);
    form->addRow(QString(), m_segments);
    form->addRow(tr("Reasons per customer:"), m_reasons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Also copy these columns from your data (the score, rank and decile are "
                                    "always written):"),
                                 this));
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    onFormatChanged();
    resize(520, 560);
}

void ExportDialog::browse()
{
    const bool excel = m_format->currentIndex() == XlsxIndex;
    const QString filter = excel ? tr("Excel workbook (*.xlsx)") : tr("CSV file (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Scored Customers"),
                                                      QDir::fromNativeSeparators(m_path->text()), filter);
    if (!path.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(path));
    }
}

void ExportDialog::onFormatChanged()
{
    const bool excel = m_format->currentIndex() == XlsxIndex;
    m_delimiter->setEnabled(!excel);
    m_bom->setEnabled(!excel);
    // Keep the file's suffix in step with the format.
    QString path = m_path->text();
    const QFileInfo info(path);
    const QString wanted = excel ? QStringLiteral("xlsx") : QStringLiteral("csv");
    if (!path.isEmpty() && info.suffix().toLower() != wanted) {
        if (info.suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0 ||
            info.suffix().compare(QStringLiteral("xlsx"), Qt::CaseInsensitive) == 0) {
            path.chop(info.suffix().size());
            path += wanted;
        } else {
            path += QLatin1Char('.') + wanted;
        }
        m_path->setText(path);
    }
    validate();
}

void ExportDialog::validate()
{
    QString problem;
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    if (path.isEmpty()) {
        problem = tr("Choose a file to export to.");
    } else if (!QFileInfo(path).absoluteDir().exists()) {
        problem =
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    } else {
        // A project, a folder, a device: said here, before the export runs. Replacing a
        // file of another kind was confirmed by the file dialog (or typed on purpose).
        try {
            checkOutputPath({}, path.toStdString(),
                            m_format->currentIndex() == XlsxIndex ? OutputKind::Workbook : OutputKind::Text,
                            {}, true);
        } catch (const OutputRefused& e) {
            problem = QString::fromStdString(e.what());
        }
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

ScoredExportOptions ExportDialog::options() const
{
    ScoredExportOptions o;
    o.path = QFileInfo(QDir::fromNativeSeparators(m_path->text().trimmed())).absoluteFilePath().toStdString();
    o.format = m_format->currentIndex() == XlsxIndex ? ExportFormat::Xlsx : ExportFormat::Csv;
    o.csv.delimiter = m_delimiter->currentData().toString().toLatin1().at(0);
    o.csv.bom = m_bom->isChecked();
    o.order = m_order->currentIndex() == FileOrderIndex ? ExportOrder::FileOrder : ExportOrder::ByRank;
    for (int i = 0; i < m_columns->count(); ++i) {
        if (m_columns->item(i)->checkState() == Qt::Checked) {
            o.columns.push_back(m_columns->item(i)->text().toStdString());
        }
    }
    o.reasons = m_reasons->value();
    o.threads = 0;
    return o;
}

bool ExportDialog::includeSegments() const
{
    return m_segments->isChecked() && m_segments->isEnabled();
}

} // namespace neurolift
