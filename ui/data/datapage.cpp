#include "data/datapage.h"

#include "common/pagekit.h"
#include "data/columnprofile.h"
#include "data/tablemodel.h"
#include "data/target.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <stdexcept>

namespace neurolift {

namespace {

/// Whether a column can be predicted: numbers (regression), categories and yes/no (classes).
bool canBeTarget(const Column& c)
{
    return c.type == ColumnType::Numeric || c.type == ColumnType::Categorical ||
           c.type == ColumnType::Boolean;
}

/// The values of a categorical or yes/no column as the table shows them (yes first for yes/no).
QStringList classValues(const Column& c)
{
    QStringList values;
    if (c.type == ColumnType::Boolean) {
        if (c.levels.size() == 2) {
            values << QString::fromStdString(c.levels[1]) << QString::fromStdString(c.levels[0]);
        } else {
            values << QStringLiteral("1") << QStringLiteral("0");
        }
    } else if (c.type == ColumnType::Categorical) {
        for (const std::string& level : c.levels) {
            values << QString::fromStdString(level);
        }
    }
    return values;
}

} // namespace

DataPage::DataPage(QWidget* parent)
    : QWidget(parent)
{
    qRegisterMetaType<neurolift::DataChoice>();
    // The page's title, as every step's page has one.
    auto* heading = new QLabel(tr("Check your customer data"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(heading);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("dataStack"));
    m_stack->addWidget(createEmptyState());
    m_stack->addWidget(createContent());
    layout->addWidget(m_stack, 1);
    setTable(nullptr, QString());
}

DataPage::~DataPage() = default;

QWidget* DataPage::createEmptyState()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto* title = new QLabel(tr("No customer data yet"), page);
    title->setObjectName(QStringLiteral("emptyTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Import a CSV file to begin. You will see its rows, what each column "
                               "holds, and choose what to predict."),
                            page);
    text->setObjectName(QStringLiteral("emptyText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto* button = new QPushButton(tr("Import CSV\u2026"), page);
    button->setObjectName(QStringLiteral("emptyImportButton"));
    button->setDefault(true);
    button->setMinimumSize(180, 36); // the one thing to do here: make it easy to hit
    connect(button, &QPushButton::clicked, this, &DataPage::chooseFile);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(text);
    layout->addSpacing(16);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

QWidget* DataPage::createContent()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("dataContent"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* bar = new QHBoxLayout;
    auto* import = new QPushButton(tr("Import CSV\u2026"), page);
    import->setObjectName(QStringLiteral("importButton"));
    connect(import, &QPushButton::clicked, this, &DataPage::chooseFile);
    m_source = new QLabel(page);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_filterColumn = new QComboBox(page);
    m_filterColumn->setObjectName(QStringLiteral("filterColumn"));
    m_filterColumn->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter = new QLineEdit(page);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter rows\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(220);
    m_rows = new QLabel(page);
    m_rows->setObjectName(QStringLiteral("rowCountLabel"));
    m_busy = new QLabel(tr("Sorting and filtering\u2026"), page);
    m_busy->setObjectName(QStringLiteral("busyLabel"));
    m_busy->setForegroundRole(QPalette::PlaceholderText);
    m_busy->hide();
    bar->addWidget(import);
    bar->addSpacing(8);
    bar->addWidget(m_source);
    bar->addStretch(1);
    bar->addWidget(m_busy);
    bar->addWidget(new QLabel(tr("Filter:"), page));
    bar->addWidget(m_filterColumn);
    bar->addWidget(m_filter);
    bar->addSpacing(8);
    bar->addWidget(m_rows);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, page);
    m_model = new TableModel(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("dataView"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setWordWrap(false);
    // Fixed row heights keep a million rows cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setDefaultSectionSize(120);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    showProfile(current.column());
                }
            });
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, &DataPage::followColumn);

    auto* side = new QWidget;
    side->setObjectName(QStringLiteral("sidePanel"));
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 0, 4, 0);
    auto* profileBox = new QGroupBox(tr("Selected column"), side);
    auto* profileLayout = new QVBoxLayout(profileBox);
    m_profile = new ColumnProfile(profileBox);
    m_profile->setObjectName(QStringLiteral("columnProfile"));
    profileLayout->addWidget(m_profile);
    connect(m_profile, &ColumnProfile::wordsEdited, this,
            [this](const QString& column, const QString& words) {
                ColumnWords after = m_words;
                if (words.isEmpty()) {
                    after.erase(column.toStdString());
                } else {
                    after[column.toStdString()] = words.toStdString();
                }
                emit columnWordsEdited(after, words.isEmpty() ? tr("Forget Description of %1").arg(column)
                                                              : tr("Describe Column %1").arg(column));
            });
    sideLayout->addWidget(profileBox, 3);

    auto* predictBox = new QGroupBox(tr("What to predict"), side);
    auto* form = new QFormLayout(predictBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_target = new QComboBox(predictBox);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->setToolTip(tr("The column the model learns to predict"));
    m_positive = new QComboBox(predictBox);
    m_positive->setObjectName(QStringLiteral("positiveCombo"));
    m_id = new QComboBox(predictBox);
    m_id->setObjectName(QStringLiteral("idCombo"));
    m_id->setToolTip(tr("The column that names each customer in scored lists; never an input"));
    form->addRow(tr("Target:"), m_target);
    form->addRow(tr("Positive answer:"), m_positive);
    form->addRow(tr("Customer id:"), m_id);
    sideLayout->addWidget(predictBox);
    connect(m_target, &QComboBox::activated, this, &DataPage::onTargetChosen);
    connect(m_positive, &QComboBox::activated, this, &DataPage::onPositiveChosen);
    connect(m_id, &QComboBox::activated, this, &DataPage::onIdChosen);

    auto* featuresBox = new QGroupBox(tr("Inputs to the model"), side);
    auto* featuresLayout = new QVBoxLayout(featuresBox);
    m_featureCount = new QLabel(featuresBox);
    m_featureCount->setObjectName(QStringLiteral("featureCount"));
    m_features = new QListWidget(featuresBox);
    m_features->setObjectName(QStringLiteral("featureList"));
    m_features->setMinimumHeight(140);
    featuresLayout->addWidget(m_featureCount);
    featuresLayout->addWidget(m_features);
    sideLayout->addWidget(featuresBox, 2);
    connect(m_features, &QListWidget::itemChanged, this, &DataPage::onFeatureToggled);

    auto* scroll = new QScrollArea(splitter);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);
    splitter->addWidget(m_view);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({860, 400});
    layout->addWidget(splitter, 1);

    auto* findAction = new QAction(tr("Filter rows"), page);
    findAction->setObjectName(QStringLiteral("actionFilterRows"));
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    page->addAction(findAction);

    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200); // while typing, filter once the user pauses
    connect(m_filterDelay, &QTimer::timeout, this, &DataPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &DataPage::applyFilter);
    connect(m_filterColumn, &QComboBox::activated, this, &DataPage::applyFilter);
    connect(m_model, &TableModel::rowsChanged, this, &DataPage::updateRowCount);
    // Sorting or filtering lays the rows out anew and the table forgets its current cell: it
    // goes back to the profiled column, so the arrow keys go on from there.
    connect(m_model, &TableModel::rowsChanged, this, [this] { followColumn(m_profile->column()); });
    connect(m_model, &TableModel::busyChanged, m_busy, &QWidget::setVisible);
    return page;
}

std::shared_ptr<const Table> DataPage::table() const
{
    return m_model->table();
}

void DataPage::setTable(std::shared_ptr<const Table> table, const QString& sourceName)
{
    m_sourceName = sourceName;
    m_filterDelay->stop();
    {
        const QSignalBlocker block(m_filter);
        m_filter->clear();
    }
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_model->setTable(table);
    fitColumnWidths(m_view);
    m_stack->setCurrentIndex(table ? 1 : 0);

    m_filterColumn->clear();
    m_filterColumn->addItem(tr("All columns"), -1);
    DataChoice defaults;
    if (table) {
        for (std::size_t k = 0; k < table->columnCount(); ++k) {
            const Column& c = table->column(k);
            m_filterColumn->addItem(QString::fromStdString(c.name), static_cast<int>(k));
            if (defaults.idColumn.isEmpty() && c.type == ColumnType::Identifier) {
                defaults.idColumn = QString::fromStdString(c.name);
            }
        }
        for (const Column& c : table->columns()) {
            if (QString::fromStdString(c.name) != defaults.idColumn && c.type != ColumnType::Identifier &&
                c.type != ColumnType::Text) {
                defaults.features << QString::fromStdString(c.name);
            }
        }
        const QLocale locale;
        m_source->setText(
            tr("<b>%1</b> \u00b7 %2 columns")
                .arg(sourceName.toHtmlEscaped(), locale.toString(qulonglong(table->columnCount()))));
    }
    m_choice = defaults;
    updateRowCount();
    showProfile(-1);
    refreshChoiceWidgets();
}

void DataPage::setChoice(const DataChoice& choice)
{
    m_choice = choice;
    refreshChoiceWidgets();
}

void DataPage::setColumnWords(const ColumnWords& words, const QString& problem)
{
    m_words = words;
    m_profile->setColumnWords(words, problem);
}

QString DataPage::whyNotAFeature(const Column& c) const
{
    if (QString::fromStdString(c.name) == m_choice.idColumn) {
        return tr("This is the customer id: it names a customer but says nothing about them.");
    }
    if (c.type == ColumnType::Identifier) {
        return tr("Every row has its own value (an identifier), so the model could not learn from it.");
    }
    if (c.type == ColumnType::Text) {
        return tr("Free text is not used as an input.");
    }
    return {};
}

void DataPage::chooseFile()
{
    // Opened window-modal, not exec()'d: no nested event loop while the user browses.
    auto* dialog = new QFileDialog(this, tr("Import customer data"), QString(),
                                   tr("CSV and text files (*.csv *.tsv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (!path.isEmpty()) {
            emit importRequested(path);
        }
    });
    dialog->open();
}

void DataPage::applyFilter()
{
    m_filterDelay->stop();
    m_model->setFilter(m_filter->text(), m_filterColumn->currentData().toInt());
}

void DataPage::updateRowCount()
{
    const QLocale locale;
    const qlonglong total = m_model->tableRowCount();
    const qlonglong shown = m_model->rowCount();
    if (shown == total) {
        m_rows->setText(tr("%1 rows").arg(locale.toString(total)));
    } else {
        m_rows->setText(tr("%1 of %2 rows").arg(locale.toString(shown), locale.toString(total)));
    }
}

void DataPage::followColumn(int column)
{
    if (column < 0) {
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    if (m_model->rowCount() > 0 && (!current.isValid() || current.column() != column)) {
        m_view->setCurrentIndex(m_model->index(std::max(0, current.row()), column));
    }
    showProfile(column);
}

void DataPage::showProfile(int column)
{
    if (column != m_profile->column() || column < 0) {
        m_profile->setColumn(m_model->table(), column);
    }
}

QString DataPage::defaultPositive(const QString& target) const
{
    const auto table = m_model->table();
    const Column* c = table ? table->column(target.toStdString()) : nullptr;
    if (!c || (c->type != ColumnType::Categorical && c->type != ColumnType::Boolean)) {
        return {};
    }
    try {
        const TargetSpec spec = chooseTarget(*table, c->name);
        if (spec.task != TaskKind::BinaryClassification) {
            return {};
        }
        if (c->type == ColumnType::Boolean) {
            const QStringList values = classValues(*c); // {yes, no}
            return spec.classes[1] == "1" ? values[0] : values[1];
        }
        return QString::fromStdString(spec.classes[1]);
    } catch (const std::invalid_argument&) {
        return {}; // a single value: the page still lets the user pick, training will say why not
    }
}

QStringList DataPage::withFeature(const DataChoice& choice, const QString& column) const
{
    const auto table = m_model->table();
    const Column* c = table && !column.isEmpty() ? table->column(column.toStdString()) : nullptr;
    if (!c || column == choice.target || column == choice.idColumn || choice.features.contains(column) ||
        c->type == ColumnType::Identifier || c->type == ColumnType::Text) {
        return choice.features;
    }
    QStringList features;
    for (const Column& k : table->columns()) {
        const QString name = QString::fromStdString(k.name);
        if (name == column || choice.features.contains(name)) {
            features << name;
        }
    }
    return features;
}

void DataPage::refreshChoiceWidgets()
{
    m_refreshing = true;
    const auto table = m_model->table();
    const QLocale locale;

    m_target->clear();
    m_target->addItem(tr("Choose a column\u2026"), QString());
    m_id->clear();
    m_id->addItem(tr("None"), QString());
    if (table) {
        for (const Column& c : table->columns()) {
            const QString name = QString::fromStdString(c.name);
            if (canBeTarget(c)) {
                m_target->addItem(name, name);
                m_target->setItemData(m_target->count() - 1, columnTypeName(c.type), Qt::ToolTipRole);
            }
            if (name != m_choice.target) {
                m_id->addItem(name, name);
            }
        }
    }
    m_target->setCurrentIndex(std::max(0, m_target->findData(m_choice.target)));
    m_id->setCurrentIndex(std::max(0, m_id->findData(m_choice.idColumn)));

    m_positive->clear();
    const Column* target =
        table && !m_choice.target.isEmpty() ? table->column(m_choice.target.toStdString()) : nullptr;
    const QStringList values = target ? classValues(*target) : QStringList();
    if (values.isEmpty()) {
        m_positive->addItem(target ? tr("Not needed for numbers") : tr("Choose a target first"), QString());
        m_positive->setEnabled(false);
    } else {
        if (values.size() > 2) {
            m_positive->addItem(tr("None: predict every value"), QString());
        }
        for (const QString& v : values) {
            m_positive->addItem(v, v);
        }
        m_positive->setEnabled(true);
        m_positive->setToolTip(tr("The answer the model scores: a high score means this value is likely"));
    }
    m_positive->setCurrentIndex(std::max(0, m_positive->findData(m_choice.positive)));

    m_features->clear();
    int used = 0;
    int usable = 0;
    if (table) {
        for (const Column& c : table->columns()) {
            const QString name = QString::fromStdString(c.name);
            if (name == m_choice.target) {
                continue; // the target is what the inputs predict
            }
            auto* item = new QListWidgetItem(name, m_features);
            item->setData(Qt::UserRole, name);
            const QString why = whyNotAFeature(c);
            if (why.isEmpty()) {
                ++usable;
                const bool on = m_choice.features.contains(name);
                used += on ? 1 : 0;
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
                item->setToolTip(columnTypeName(c.type));
            } else {
                item->setFlags(Qt::ItemIsUserCheckable); // shown, but not enabled
                item->setCheckState(Qt::Unchecked);
                item->setToolTip(why);
            }
        }
    }
    m_featureCount->setText(
        tr("%1 of %2 usable columns are inputs").arg(locale.toString(used), locale.toString(usable)));
    m_refreshing = false;
}

void DataPage::edit(DataChoice after)
{
    if (after == m_choice) {
        return;
    }
    const DataChoice before = m_choice;
    m_choice = after;
    refreshChoiceWidgets();
    emit choiceEdited(before, after);
}

void DataPage::onTargetChosen()
{
    if (m_refreshing) {
        return;
    }
    DataChoice after = m_choice;
    after.target = m_target->currentData().toString();
    if (after.target == m_choice.target) {
        return;
    }
    after.positive = defaultPositive(after.target);
    after.features.removeAll(after.target);
    if (after.idColumn == after.target) {
        after.idColumn.clear();
    }
    // The old target left the inputs only because it was the target: it goes back.
    after.features = withFeature(after, m_choice.target);
    edit(after);
}

void DataPage::onPositiveChosen()
{
    if (m_refreshing) {
        return;
    }
    DataChoice after = m_choice;
    after.positive = m_positive->currentData().toString();
    edit(after);
}

void DataPage::onIdChosen()
{
    if (m_refreshing) {
        return;
    }
    DataChoice after = m_choice;
    after.idColumn = m_id->currentData().toString();
    after.features.removeAll(after.idColumn);
    after.features = withFeature(after, m_choice.idColumn);
    edit(after);
}

void DataPage::onFeatureToggled(QListWidgetItem* changed)
{
    if (m_refreshing || !changed) {
        return;
    }
    DataChoice after = m_choice;
    after.features.clear();
    for (int i = 0; i < m_features->count(); ++i) {
        const QListWidgetItem* item = m_features->item(i);
        if (item->checkState() == Qt::Checked) {
            after.features << item->data(Qt::UserRole).toString();
        }
    }
    if (after == m_choice) {
        return;
    }
    // The list already shows the edit; rebuilding it here would delete the item being changed.
    const DataChoice before = m_choice;
    m_choice = after;
    int usable = 0;
    for (int i = 0; i < m_features->count(); ++i) {
        usable += (m_features->item(i)->flags() & Qt::ItemIsEnabled) ? 1 : 0;
    }
    const QLocale locale;
    m_featureCount->setText(tr("%1 of %2 usable columns are inputs")
                                .arg(locale.toString(int(after.features.size())), locale.toString(usable)));
    emit choiceEdited(before, after);
}

} // namespace neurolift
