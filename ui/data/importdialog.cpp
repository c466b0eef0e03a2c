#include "data/importdialog.h"

#include "data/csvwarningtext.h"
#include "data/tablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace neurolift {

namespace {

constexpr TextEncoding kEncodings[] = {TextEncoding::Utf8,        TextEncoding::Utf16LE,
                                       TextEncoding::Utf16BE,     TextEncoding::Gb18030,
                                       TextEncoding::Windows1252, TextEncoding::Latin1};
constexpr ColumnType kTypes[] = {ColumnType::Numeric, ColumnType::Categorical, ColumnType::Boolean,
                                 ColumnType::Date,    ColumnType::Identifier,  ColumnType::Text};

QString encodingText(TextEncoding e)
{
    const std::string_view name = encodingName(e);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

/// Selects the item of `combo` whose data is `value`, without signalling a user choice.
void selectData(QComboBox* combo, const QVariant& value)
{
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(combo->findData(value));
}

struct PreviewOutcome {
    std::shared_ptr<const CsvResult> result;
    QString error;
};

} // namespace

ImportDialog::ImportDialog(const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
{
    setWindowTitle(tr("Import customer data"));
    setObjectName(QStringLiteral("importDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* file = new QLabel(tr("<b>%1</b>").arg(QFileInfo(path).fileName().toHtmlEscaped()), this);
    file->setObjectName(QStringLiteral("importFile"));
    file->setToolTip(QFileInfo(path).absoluteFilePath());
    layout->addWidget(file);

    auto* format = new QGroupBox(tr("How the file is read"), this);
    auto* grid = new QGridLayout(format);
    m_delimiter = new QComboBox(format);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Comma ( , )"), int(','));
    m_delimiter->addItem(tr("Semicolon ( ; )"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_delimiter->addItem(tr("Vertical bar ( | )"), int('|'));
    m_encoding = new QComboBox(format);
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    for (TextEncoding e : kEncodings) {
        m_encoding->addItem(encodingText(e), int(e));
    }
    m_decimal = new QComboBox(format);
    m_decimal->setObjectName(QStringLiteral("decimalCombo"));
    m_decimal->addItem(tr("Point ( 1.5 )"), int('.'));
    m_decimal->addItem(tr("Comma ( 1,5 )"), int(','));
    m_header = new QCheckBox(tr("The first row holds the column names"), format);
    m_header->setObjectName(QStringLiteral("headerCheck"));
    grid->addWidget(new QLabel(tr("Values separated by:"), format), 0, 0);
    grid->addWidget(m_delimiter, 0, 1);
    grid->addWidget(new QLabel(tr("Text encoding:"), format), 0, 2);
    grid->addWidget(m_encoding, 0, 3);
    grid->addWidget(new QLabel(tr("Decimal separator:"), format), 1, 0);
    grid->addWidget(m_decimal, 1, 1);
    grid->addWidget(m_header, 1, 2, 1, 2);
    grid->setColumnStretch(4, 1);
    m_detected = new QLabel(format);
    m_detected->setObjectName(QStringLiteral("detectedSummary"));
    m_detected->setWordWrap(true);
    m_detected->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(m_detected, 2, 0, 1, 5);
    layout->addWidget(format);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* previewBox = new QGroupBox(tr("First rows, as they will be imported"), splitter);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_model = new TableModel(this);
    m_view = new QTableView(previewBox);
    m_view->setObjectName(QStringLiteral("previewView"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    previewLayout->addWidget(m_view);
    auto* typesBox = new QGroupBox(tr("Column types"), splitter);
    auto* typesLayout = new QVBoxLayout(typesBox);
    m_types = new QTableWidget(0, 2, typesBox);
    m_types->setObjectName(QStringLiteral("columnTypes"));
    m_types->setHorizontalHeaderLabels({tr("Column"), tr("Read as")});
    m_types->verticalHeader()->setVisible(false);
    m_types->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_types->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_types->setSelectionMode(QAbstractItemView::NoSelection);
    m_types->setEditTriggers(QAbstractItemView::NoEditTriggers);
    typesLayout->addWidget(m_types);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 300});
    layout->addWidget(splitter, 1);

    m_warningsTitle = new QLabel(tr("Worth knowing"), this);
    m_warningsTitle->setObjectName(QStringLiteral("warningsTitle"));
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("importWarnings"));
    m_warnings->setMaximumHeight(90);
    layout->addWidget(m_warningsTitle);
    layout->addWidget(m_warnings);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; padding: 6px; background: #fdecea; "
                                          "border: 1px solid #f3c1bc; border-radius: 4px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_delimiter, &QComboBox::activated, this, &ImportDialog::onDelimiterChosen);
    connect(m_encoding, &QComboBox::activated, this, &ImportDialog::onEncodingChosen);
    connect(m_decimal, &QComboBox::activated, this, &ImportDialog::onDecimalChosen);
    connect(m_header, &QCheckBox::toggled, this, &ImportDialog::onHeaderToggled);

    resize(1080, 680);
    reread();
}

ImportDialog::~ImportDialog() = default;

CsvOptions ImportDialog::csvOptions() const
{
    CsvOptions o = m_options;
    o.maxRows = 0;
    if (m_preview) {
        // Read the whole file as the preview was read.
        o.delimiter = m_preview->delimiter;
        o.encoding = m_preview->encoding;
        o.header = m_preview->header;
        o.decimal = m_preview->decimal;
    }
    return o;
}

void ImportDialog::reread()
{
    const std::uint64_t generation = ++m_generation;
    CsvOptions options = m_options;
    options.maxRows = kPreviewRows;
    auto* watcher = new QFutureWatcher<PreviewOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation) {
            const PreviewOutcome out = watcher->result();
            showPreview(out.result, out.error);
        }
    });
    watcher->setFuture(QtConcurrent::run([file = m_path.toStdString(), options] {
        PreviewOutcome out;
        try {
            out.result = std::make_shared<const CsvResult>(readCsv(file, options));
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void ImportDialog::showPreview(std::shared_ptr<const CsvResult> result, const QString& error)
{
    m_preview = std::move(result);
    m_errorText = error;
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_preview != nullptr);
    m_warnings->clear();
    if (!m_preview) {
        m_model->setTable(nullptr);
        m_types->setRowCount(0);
        m_detected->clear();
        m_warningsTitle->hide();
        m_warnings->hide();
        emit previewReady();
        return;
    }
    const CsvResult& r = *m_preview;
    // The table is shared with the model; the result keeps the format and warnings.
    m_model->setTable(std::shared_ptr<const Table>(m_preview, &m_preview->table));
    fitColumnWidths(m_view);
    selectData(m_delimiter, int(r.delimiter));
    selectData(m_encoding, int(r.encoding));
    selectData(m_decimal, int(r.decimal));
    {
        const QSignalBlocker block(m_header);
        m_header->setChecked(r.header);
    }
    QString separated;
    switch (r.delimiter) {
    case ';':
        separated = tr("separated by semicolons");
        break;
    case '\t':
        separated = tr("separated by tabs");
        break;
    case '|':
        separated = tr("separated by vertical bars");
        break;
    default:
        separated = tr("separated by commas");
        break;
    }
    const QString rows =
        r.table.rowCount() == 1 ? tr("the only row") : tr("the first %1 rows").arg(r.table.rowCount());
    m_detected->setText(tr("%1 columns %2; %3%4; decimal %5; %6. Showing %7.")
                            .arg(QString::number(r.table.columnCount()), separated, encodingText(r.encoding),
                                 r.bom ? tr(" with a byte order mark") : QString(),
                                 r.decimal == ',' ? tr("comma") : tr("point"),
                                 r.header ? tr("names in the first row") : tr("no header row"), rows));
    fillColumnTypes(r);
    for (const CsvWarning& w : r.warnings) {
        QString text = csvWarningText(w);
        if (w.line > 0 && !text.startsWith(QLatin1String("line "))) {
            text = tr("Line %1: %2").arg(w.line).arg(text);
        }
        auto* item = new QListWidgetItem(text, m_warnings);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<qlonglong>(w.line)));
    }
    const bool anyWarning = !r.warnings.empty();
    m_warningsTitle->setVisible(anyWarning);
    m_warnings->setVisible(anyWarning);
    emit previewReady();
}

void ImportDialog::setAcceptText(const QString& text)
{
    m_buttons->button(QDialogButtonBox::Ok)->setText(text);
}

void ImportDialog::fillColumnTypes(const CsvResult& r)
{
    m_types->setRowCount(static_cast<int>(r.table.columnCount()));
    for (std::size_t k = 0; k < r.table.columnCount(); ++k) {
        const Column& c = r.table.column(k);
        const int row = static_cast<int>(k);
        auto* name = new QTableWidgetItem(QString::fromStdString(c.name));
        name->setToolTip(m_chosenTypes.count(c.name) ? tr("Type chosen by you")
                                                     : tr("Type detected from the file"));
        m_types->setItem(row, 0, name);
        auto* combo = new QComboBox(m_types);
        combo->setObjectName(QStringLiteral("typeCombo_%1").arg(row));
        for (ColumnType t : kTypes) {
            combo->addItem(columnTypeName(t), int(t));
        }
        combo->setCurrentIndex(combo->findData(int(c.type)));
        const std::string column = c.name;
        connect(combo, &QComboBox::activated, this, [this, combo, column] {
            onTypeChosen(column, static_cast<ColumnType>(combo->currentData().toInt()));
        });
        m_types->setCellWidget(row, 1, combo);
    }
}

void ImportDialog::onDelimiterChosen()
{
    m_options.delimiter = static_cast<char>(m_delimiter->currentData().toInt());
    // Column names change with the delimiter: types chosen by name no longer apply.
    m_options.columnTypes.clear();
    m_chosenTypes.clear();
    reread();
}

void ImportDialog::onEncodingChosen()
{
    m_options.encoding = static_cast<TextEncoding>(m_encoding->currentData().toInt());
    reread();
}

void ImportDialog::onDecimalChosen()
{
    m_options.decimal = static_cast<char>(m_decimal->currentData().toInt());
    reread();
}

void ImportDialog::onHeaderToggled(bool header)
{
    m_options.header = header;
    m_options.columnTypes.clear();
    m_chosenTypes.clear();
    reread();
}

void ImportDialog::onTypeChosen(const std::string& column, ColumnType type)
{
    m_options.columnTypes[column] = type;
    m_chosenTypes.insert(column);
    reread();
}

} // namespace neurolift
