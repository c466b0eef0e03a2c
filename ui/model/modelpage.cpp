#include "model/modelpage.h"

#include "common/pagekit.h"
#include "model/architecturecommands.h"
#include "model/architecturemodel.h"
#include "model/layercanvas.h"
#include "model/layerpalette.h"
#include "model/layerproperties.h"
#include "model/layertext.h"

#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace neurolift {

namespace {

constexpr int kSideWidth = 270;

QFrame* separator(QWidget* parent)
{
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setStyleSheet(QStringLiteral("color: #d5dbe3;"));
    return line;
}

QLabel* sideHeading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text.toUpper(), parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    f.setWeight(QFont::DemiBold);
    f.setLetterSpacing(QFont::PercentageSpacing, 106);
    label->setFont(f);
    label->setStyleSheet(QStringLiteral("color: #556070;"));
    return label;
}

} // namespace

ModelPage::ModelPage(ArchitectureModel* model, QUndoStack* stack, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(stack)
{
    setObjectName(QStringLiteral("modelPage"));

    // The page's title, as every step's page has one.
    auto* heading = new QLabel(tr("Design the network"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));

    // Top bar: which network, what to do with it, where to start from.
    auto* networkLabel = new QLabel(tr("Network"), this);
    m_architectures = new QComboBox(this);
    m_architectures->setObjectName(QStringLiteral("architectureCombo"));
    m_architectures->setMinimumWidth(150);
    m_architectures->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_architectures->setToolTip(tr("The networks kept in this project; pick one to edit it"));
    networkLabel->setBuddy(m_architectures);

    auto* newButton = new QPushButton(tr("New"), this);
    newButton->setObjectName(QStringLiteral("newArchitecture"));
    newButton->setToolTip(tr("Start another network, keeping this one to compare"));
    auto* duplicate = new QPushButton(tr("Duplicate"), this);
    duplicate->setObjectName(QStringLiteral("duplicateArchitecture"));
    duplicate->setToolTip(tr("Copy this network to try a change without losing it"));
    auto* rename = new QPushButton(tr("Rename…"), this);
    rename->setObjectName(QStringLiteral("renameArchitecture"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteArchitecture"));
    m_delete->setToolTip(tr("Remove this network from the project (Undo brings it back)"));

    m_templates = new QPushButton(tr("Start from a template"), this);
    m_templates->setObjectName(QStringLiteral("templateButton"));
    m_templates->setToolTip(
        tr("Replace the layers of this network by a ready-made design (Undo brings them back)"));
    auto* templateMenu = new QMenu(m_templates);
    struct TemplateEntry {
        ArchitectureTemplate t;
        QString objectName;
        QString text;
        QString tip;
    };
    const TemplateEntry entries[] = {
        {ArchitectureTemplate::LogisticRegression, QStringLiteral("templateLogistic"),
         tr("Logistic regression"), tr("No hidden layer: the classic scorecard, a baseline to beat")},
        {ArchitectureTemplate::Small, QStringLiteral("templateSmall"), tr("Small (1 hidden layer)"),
         tr("One hidden layer of 16 units: quick, for smaller data")},
        {ArchitectureTemplate::Medium, QStringLiteral("templateMedium"), tr("Medium (2 hidden layers)"),
         tr("64 and 32 units: a good first choice")},
        {ArchitectureTemplate::Deep, QStringLiteral("templateDeep"), tr("Deep (3 hidden layers, dropout)"),
         tr("128, 64 and 32 units with dropout between: for large data")},
    };
    for (const auto& entry : entries) {
        QAction* action = templateMenu->addAction(entry.text);
        action->setObjectName(entry.objectName);
        action->setToolTip(entry.tip);
        action->setStatusTip(entry.tip);
        const ArchitectureTemplate t = entry.t;
        connect(action, &QAction::triggered, this,
                [this, t] { m_stack->push(new ApplyTemplateCommand(m_model, t)); });
    }
    templateMenu->setToolTipsVisible(true);
    m_templates->setMenu(templateMenu);

    // Undo and redo of the document's stack; the buttons keep their short labels (so the bar does not
    // jump as the text changes) and say what they would undo in the tooltip.
    auto* undoAction = new QAction(tr("Undo"), this);
    undoAction->setObjectName(QStringLiteral("modelUndo"));
    auto* redoAction = new QAction(tr("Redo"), this);
    redoAction->setObjectName(QStringLiteral("modelRedo"));
    connect(undoAction, &QAction::triggered, m_stack, &QUndoStack::undo);
    connect(redoAction, &QAction::triggered, m_stack, &QUndoStack::redo);
    auto updateUndoRedo = [this, undoAction, redoAction] {
        undoAction->setEnabled(m_stack->canUndo());
        redoAction->setEnabled(m_stack->canRedo());
        undoAction->setToolTip(m_stack->canUndo() ? tr("Undo: %1").arg(m_stack->undoText())
                                                  : tr("Nothing to undo"));
        redoAction->setToolTip(m_stack->canRedo() ? tr("Redo: %1").arg(m_stack->redoText())
                                                  : tr("Nothing to redo"));
    };
    connect(m_stack, &QUndoStack::indexChanged, this, updateUndoRedo);
    connect(m_stack, &QUndoStack::cleanChanged, this, updateUndoRedo);
    updateUndoRedo();
    auto* undo = new QToolButton(this);
    undo->setDefaultAction(undoAction);
    auto* redo = new QToolButton(this);
    redo->setDefaultAction(redoAction);

    auto* top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(networkLabel);
    top->addWidget(m_architectures);
    top->addWidget(newButton);
    top->addWidget(duplicate);
    top->addWidget(rename);
    top->addWidget(m_delete);
    top->addStretch(1);
    top->addWidget(undo);
    top->addWidget(redo);
    top->addSpacing(8);
    top->addWidget(m_templates);

    // Left: the palette.
    m_palette = new LayerPalette(this);
    m_palette->setFrameShape(QFrame::NoFrame);
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(sideHeading(tr("Layers"), this));
    left->addWidget(m_palette, 1);
    auto* paletteHint = new QLabel(tr("Drag onto the network, or double-click to add."), this);
    paletteHint->setWordWrap(true);
    paletteHint->setStyleSheet(QStringLiteral("color: #556070;"));
    left->addWidget(paletteHint);
    auto* leftPanel = new QWidget(this);
    leftPanel->setLayout(left);
    leftPanel->setFixedWidth(kSideWidth - 30);

    // Middle: what the network amounts to, what is wrong with it, and the drawing.
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    QFont summaryFont = font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.35);
    summaryFont.setWeight(QFont::DemiBold);
    m_summary->setFont(summaryFont);
    m_summary->setStyleSheet(QStringLiteral("color: #1f2937;"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true); // the page must fit a 1366-pixel laptop screen

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(
        QStringLiteral("QLabel#problems { color: #9f251a; background: #fdf0ee;"
                       " border: 1px solid #e6b3ad; border-radius: 6px; padding: 8px 12px; }"));

    m_canvas = new LayerCanvas(m_model, m_stack, this);
    m_canvas->setStyleSheet(
        QStringLiteral("QGraphicsView { border: 1px solid #dde3ea; border-radius: 8px; }"));

    auto* canvasHint = new QLabel(
        tr("Drag a block to move it \u00b7 Delete removes the selected layer \u00b7 Ctrl+Z undoes"), this);
    canvasHint->setObjectName(QStringLiteral("canvasHint"));
    canvasHint->setStyleSheet(QStringLiteral("color: #556070;"));
    canvasHint->setAlignment(Qt::AlignCenter);
    canvasHint->setWordWrap(true);

    auto* centre = new QVBoxLayout;
    centre->setSpacing(10);
    centre->addWidget(m_summary);
    centre->addWidget(m_problems);
    centre->addWidget(m_canvas, 1);
    centre->addWidget(canvasHint);

    // Right: the selected layer.
    m_properties = new LayerProperties(m_model, m_stack, this);
    auto* rightPanel = new QWidget(this);
    auto* right = new QVBoxLayout(rightPanel);
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(sideHeading(tr("Selected layer"), this));
    right->addWidget(m_properties, 1);
    rightPanel->setFixedWidth(kSideWidth);

    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(leftPanel);
    body->addWidget(separator(this));
    body->addLayout(centre, 1);
    body->addWidget(separator(this));
    body->addWidget(rightPanel);

    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(20, 16, 20, 16);
    page->setSpacing(14);
    page->addWidget(heading);
    page->addLayout(top);
    page->addLayout(body, 1);

    connect(m_palette, &LayerPalette::layerRequested, this, [this](LayerKind kind) { addLayer(kind); });
    connect(m_architectures, &QComboBox::activated, this,
            [this](int index) { m_stack->push(new SelectArchitectureCommand(m_model, index)); });
    connect(newButton, &QPushButton::clicked, this, &ModelPage::newArchitecture);
    connect(duplicate, &QPushButton::clicked, this,
            [this] { m_stack->push(new DuplicateArchitectureCommand(m_model, m_model->currentIndex())); });
    connect(rename, &QPushButton::clicked, this, &ModelPage::askRename);
    connect(m_delete, &QPushButton::clicked, this,
            [this] { m_stack->push(new RemoveArchitectureCommand(m_model, m_model->currentIndex())); });
    connect(m_model, &ArchitectureModel::architecturesChanged, this, &ModelPage::refreshArchitectures);
    connect(m_model, &ArchitectureModel::currentChanged, this, &ModelPage::refreshArchitectures);
    connect(m_model, &ArchitectureModel::layersChanged, this, &ModelPage::refreshSummary);
    refreshArchitectures();
    refreshSummary();
}

QString ModelPage::summaryText() const
{
    return m_summary->text();
}

QString ModelPage::problemsText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void ModelPage::addLayer(LayerKind kind)
{
    const int selected = m_model->selectedLayer();
    const int index =
        (selected >= 0 && !m_model->isOutputLayer(selected)) ? selected + 1 : m_model->outputLayer();
    m_stack->push(new AddLayerCommand(m_model, index, ArchitectureModel::defaultLayer(kind)));
}

void ModelPage::renameCurrent(const QString& name)
{
    m_stack->push(new RenameArchitectureCommand(m_model, m_model->currentIndex(), name));
}

void ModelPage::refreshArchitectures()
{
    const QSignalBlocker block(m_architectures);
    m_architectures->clear();
    m_architectures->addItems(m_model->architectureNames());
    m_architectures->setCurrentIndex(m_model->currentIndex());
    m_delete->setEnabled(m_model->architectureCount() > 1);
}

void ModelPage::refreshSummary()
{
    const auto total = m_model->totalParameterCount();
    const int hidden = m_model->hiddenLayerCount();
    const QString size = total ? tr("%1 trainable values").arg(groupedNumber(*total))
                               : tr("Trainable values: known once the data is picked");
    const QString depth = hidden == 0   ? tr("no hidden layer")
                          : hidden == 1 ? tr("1 hidden layer")
                                        : tr("%1 hidden layers").arg(hidden);
    m_summary->setText(size + QStringLiteral("  \u00b7  ") + depth);

    QStringList problems;
    for (const auto& issue : m_model->issues()) {
        problems << sentence(issue.message);
    }
    if (problems.isEmpty()) {
        m_problems->hide();
        m_problems->clear();
        return;
    }
    const QString heading =
        problems.size() == 1 ? tr("This network cannot be trained yet:")
                             : tr("This network cannot be trained yet (%1 problems):").arg(problems.size());
    m_problems->setText(heading + QLatin1Char('\n') + QStringLiteral("\u26a0 ") +
                        problems.join(QStringLiteral("\n\u26a0 ")));
    m_problems->show();
}

void ModelPage::newArchitecture()
{
    const QStringList names = m_model->architectureNames();
    int n = m_model->architectureCount() + 1;
    QString name;
    do {
        name = tr("Network %1").arg(n++);
    } while (names.contains(name));
    Architecture a = makeTemplate(ArchitectureTemplate::Small, m_model->task());
    a.name = name.toStdString();
    m_stack->push(new AddArchitectureCommand(m_model, a));
}

void ModelPage::askRename()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename network"), tr("Name:"), QLineEdit::Normal,
                              m_model->architectureNames().value(m_model->currentIndex()), &ok);
    if (ok) {
        renameCurrent(name);
    }
}

} // namespace neurolift
