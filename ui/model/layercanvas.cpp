#include "model/layercanvas.h"

#include "model/architecturecommands.h"
#include "model/architecturemodel.h"
#include "model/layertext.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>

namespace neurolift {

namespace {

constexpr qreal kBlockWidth = 340;
constexpr qreal kLayerHeight = 62;
constexpr qreal kEndHeight = 50;
constexpr qreal kGap = 26;
constexpr qreal kMargin = 28;
constexpr qreal kPadding = 16;
constexpr qreal kMaxScale = 1.3;

// A calm palette that reads on a projector: one accent per layer kind, a red only for problems.
const QColor kCanvasBackground(0xf4, 0xf6, 0xf9);
const QColor kBlockFill(0xff, 0xff, 0xff);
const QColor kBlockBorder(0xc9, 0xd1, 0xdc);
const QColor kTitleText(0x1f, 0x29, 0x37);
const QColor kDetailText(0x55, 0x60, 0x70);
const QColor kSelection(0x2f, 0x6d, 0xb5);
const QColor kProblemFill(0xfd, 0xf0, 0xee);
const QColor kProblemBorder(0xc0, 0x39, 0x2b);
const QColor kProblemText(0x9f, 0x25, 0x1a);
const QColor kConnector(0x9a, 0xa5, 0xb4);
const QColor kInputFill(0xe9, 0xef, 0xf7);
const QColor kInputBorder(0xb8, 0xc6, 0xd9);
const QColor kOutputFill(0xe7, 0xf3, 0xec);
const QColor kOutputBorder(0xa9, 0xd1, 0xb8);

QFont scaled(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

/// "layer 2 (dense_2) has 0 units" reads "This layer has 0 units" on the block that is layer 2.
QStringList onBlock(const QStringList& problems)
{
    static const QRegularExpression prefix(QStringLiteral("^Layer \\d+ \\([^)]*\\)"));
    QStringList shown;
    for (const QString& p : problems) {
        QString text = p;
        text.replace(prefix, LayerCanvas::tr("This layer"));
        shown << text;
    }
    return shown;
}

QString unitsText(int units)
{
    return units == 1 ? LayerCanvas::tr("1 unit") : LayerCanvas::tr("%1 units").arg(groupedNumber(units));
}

} // namespace

/// One block of the drawing: the inputs, a layer, or the prediction.
class LayerBlock : public QGraphicsItem {
public:
    enum class Role { Input, Layer, Output };

    struct Content {
        Role role = Role::Layer;
        int layer = -1;
        bool outputLayer = false;
        QColor accent;
        QString title;
        QString detail;
        QString count;        ///< Right-hand figure (trainable values).
        QString countCaption; ///< Under the figure.
        QStringList problems;
    };

    explicit LayerBlock(Content content)
        : m_content(std::move(content))
    {
        const QFont body = scaled(QApplication::font(), 0.95, QFont::Normal);
        m_problemHeight = 0;
        if (!m_content.problems.isEmpty()) {
            const QFontMetricsF fm(body);
            for (const QString& p : m_content.problems) {
                const QRectF r = fm.boundingRect(QRectF(0, 0, kBlockWidth - 2 * kPadding - 8, 1000),
                                                 Qt::TextWordWrap, QStringLiteral("\u26a0 ") + p);
                m_problemHeight += r.height() + 2;
            }
            m_problemHeight += 8;
        }
        QStringList tip;
        if (!m_content.problems.isEmpty()) {
            tip << m_content.problems;
        }
        if (m_content.role == Role::Layer) {
            tip << m_content.detail;
        }
        setToolTip(tip.join(QLatin1Char('\n')));
    }

    const Content& content() const { return m_content; }
    bool hasProblem() const { return !m_content.problems.isEmpty(); }
    bool isSelected() const { return m_selected; }
    void setSelectedLook(bool selected)
    {
        if (selected != m_selected) {
            m_selected = selected;
            update();
        }
    }
    /// What a reader sees on the block, line by line.
    QString text() const
    {
        QStringList lines{m_content.title, m_content.detail};
        if (!m_content.count.isEmpty()) {
            lines << m_content.count + QLatin1Char(' ') + m_content.countCaption;
        }
        lines << m_content.problems;
        lines.removeAll(QString());
        return lines.join(QLatin1Char('\n'));
    }

    qreal height() const
    {
        return (m_content.role == Role::Layer ? kLayerHeight : kEndHeight) + m_problemHeight;
    }

    QRectF boundingRect() const override
    {
        return QRectF(-kBlockWidth / 2 - 4, -2, kBlockWidth + 8, height() + 6);
    }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF box(-kBlockWidth / 2, 0, kBlockWidth, height());
        const bool problem = hasProblem();
        const bool end = m_content.role != Role::Layer;
        const qreal radius = end ? box.height() / 2 : 8;
        const qreal r = std::min(radius, 25.0);

        // A soft shadow lifts the blocks off the canvas.
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x1f, 0x29, 0x37, 18));
        painter->drawRoundedRect(box.translated(0, 2), r, r);

        QColor fill = kBlockFill;
        QColor border = kBlockBorder;
        if (m_content.role == Role::Input) {
            fill = kInputFill;
            border = kInputBorder;
        } else if (m_content.role == Role::Output) {
            fill = kOutputFill;
            border = kOutputBorder;
        }
        if (problem) {
            fill = kProblemFill;
            border = kProblemBorder;
        }
        qreal borderWidth = problem ? 1.5 : 1.0;
        if (m_selected) {
            border = kSelection;
            borderWidth = 2.5;
        }
        painter->setBrush(fill);
        painter->setPen(QPen(border, borderWidth));
        painter->drawRoundedRect(box, r, r);

        const QFont titleFont = scaled(QApplication::font(), 1.15, QFont::DemiBold);
        const QFont bodyFont = scaled(QApplication::font(), 0.95, QFont::Normal);
        const QFont captionFont = scaled(QApplication::font(), 0.85, QFont::Normal);

        if (end) {
            painter->setPen(kTitleText);
            painter->setFont(titleFont);
            const QRectF titleRect(box.left(), box.top() + 7, box.width(), 22);
            painter->drawText(titleRect, Qt::AlignCenter, m_content.title);
            painter->setPen(kDetailText);
            painter->setFont(captionFont);
            painter->drawText(QRectF(box.left(), box.top() + 27, box.width(), 16), Qt::AlignCenter,
                              m_content.detail);
            return;
        }

        // The kind's colour as a bar on the left, clipped to the rounded box.
        QPainterPath clip;
        clip.addRoundedRect(box, r, r);
        painter->save();
        painter->setClipPath(clip);
        painter->setPen(Qt::NoPen);
        painter->setBrush(problem ? kProblemBorder : m_content.accent);
        painter->drawRect(QRectF(box.left(), box.top(), 6, box.height()));
        painter->restore();

        const qreal left = box.left() + kPadding + 4;
        const qreal countWidth = 110;
        const qreal textWidth = box.width() - (kPadding + 4) - kPadding - countWidth;
        painter->setPen(kTitleText);
        painter->setFont(titleFont);
        const QFontMetricsF titleMetrics(titleFont);
        painter->drawText(QRectF(left, box.top() + 10, textWidth, 22), Qt::AlignLeft | Qt::AlignVCenter,
                          titleMetrics.elidedText(m_content.title, Qt::ElideRight, textWidth));
        painter->setPen(kDetailText);
        painter->setFont(bodyFont);
        const QFontMetricsF bodyMetrics(bodyFont);
        painter->drawText(QRectF(left, box.top() + 34, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                          bodyMetrics.elidedText(m_content.detail, Qt::ElideRight, textWidth));

        const QRectF countRect(box.right() - kPadding - countWidth, box.top() + 10, countWidth, 22);
        painter->setPen(kTitleText);
        painter->setFont(titleFont);
        painter->drawText(countRect, Qt::AlignRight | Qt::AlignVCenter, m_content.count);
        painter->setPen(kDetailText);
        painter->setFont(captionFont);
        painter->drawText(countRect.translated(0, 24), Qt::AlignRight | Qt::AlignVCenter,
                          m_content.countCaption);

        if (problem) {
            painter->setPen(kProblemText);
            painter->setFont(bodyFont);
            qreal y = box.top() + kLayerHeight;
            for (const QString& p : m_content.problems) {
                const QString line = QStringLiteral("\u26a0 ") + p;
                const QRectF area(left, y, kBlockWidth - 2 * kPadding - 8, 1000);
                const QRectF used = bodyMetrics.boundingRect(area, Qt::TextWordWrap, line);
                painter->drawText(area, Qt::TextWordWrap, line);
                y += used.height() + 2;
            }
        }
    }

private:
    Content m_content;
    qreal m_problemHeight = 0;
    bool m_selected = false;
};

LayerCanvas::LayerCanvas(ArchitectureModel* model, QUndoStack* stack, QWidget* parent)
    : QGraphicsView(parent)
    , m_model(model)
    , m_stack(stack)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("layerCanvas"));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setBackgroundBrush(kCanvasBackground);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAlignment(Qt::AlignCenter);
    setToolTip(QString());
    setWhatsThis(
        tr("The network from the inputs at the top to the prediction at the bottom. Drag a block to "
           "reorder, press Delete to remove the selected layer, drop a layer from the palette to add it."));

    connect(m_model, &ArchitectureModel::layersChanged, this, &LayerCanvas::rebuild);
    connect(m_model, &ArchitectureModel::selectedLayerChanged, this, &LayerCanvas::updateSelection);
    rebuild();
}

LayerCanvas::~LayerCanvas() = default;

QString LayerCanvas::layerMimeType()
{
    return QStringLiteral("application/x-neurolift-layer-kind");
}

void LayerCanvas::rebuild()
{
    m_dragging = false;
    m_pressedLayer = -1;
    m_scene->clear();
    m_blocks.clear();
    m_insertionMark = nullptr;

    // Inputs.
    LayerBlock::Content input;
    input.role = LayerBlock::Role::Input;
    if (m_model->hasInputs()) {
        input.title = m_model->inputCount() == 1 ? tr("1 input") : tr("%1 inputs").arg(m_model->inputCount());
        input.detail = tr("prepared customer features");
    } else {
        input.title = tr("Inputs: pick the data first");
        input.detail = tr("you can build the network already");
    }
    m_input = new LayerBlock(input);

    // Layers.
    const int count = m_model->layerCount();
    for (int i = 0; i < count; ++i) {
        const LayerSpec& l = m_model->layer(i);
        const bool output = m_model->isOutputLayer(i);
        LayerBlock::Content c;
        c.layer = i;
        c.outputLayer = output;
        c.accent = layerKindColor(l.kind, output);
        const auto out = m_model->outputSize(i);
        const QString outText =
            out ? (*out == 1 ? tr("1 output") : tr("%1 outputs").arg(groupedNumber(*out))) : tr("? outputs");
        const QString arrow = QStringLiteral(" \u2192 ");
        switch (l.kind) {
        case LayerKind::Dense:
            c.title = output ? tr("Output \u00b7 Dense \u00b7 %1").arg(unitsText(l.units))
                             : tr("Dense \u00b7 %1").arg(unitsText(l.units));
            c.detail = activationText(l.activation) + arrow + outText;
            break;
        case LayerKind::Dropout:
            c.title = tr("Dropout \u00b7 %1 %").arg(qRound(l.rate * 100));
            c.detail = tr("while training only") + arrow + outText;
            break;
        case LayerKind::BatchNorm:
            c.title = tr("Batch norm");
            c.detail = tr("rescales each value") + arrow + outText;
            break;
        case LayerKind::Activation:
            c.title = tr("Activation \u00b7 %1").arg(activationText(l.activation));
            c.detail = tr("applied to each value") + arrow + outText;
            break;
        }
        const auto params = m_model->parameterCount(i);
        c.count = params ? groupedNumber(*params) : QStringLiteral("?");
        c.countCaption = tr("trainable values");
        c.problems = onBlock(m_model->layerIssues(i));
        m_blocks << new LayerBlock(c);
    }

    // Prediction.
    LayerBlock::Content prediction;
    prediction.role = LayerBlock::Role::Output;
    const TaskSpec& task = m_model->task();
    switch (task.kind) {
    case TaskKind::BinaryClassification:
        prediction.title = tr("Prediction: chance of yes");
        prediction.detail = tr("one score from 0 to 1 per customer");
        break;
    case TaskKind::MultiClassification:
        prediction.title = tr("Prediction: chance of each class");
        prediction.detail = tr("%1 scores that add up to 1").arg(task.classes);
        break;
    case TaskKind::Regression:
        prediction.title =
            task.outputs == 1 ? tr("Prediction: a number") : tr("Prediction: %1 numbers").arg(task.outputs);
        prediction.detail = tr("per customer");
        break;
    }
    m_output = new LayerBlock(prediction);

    // Stack them from top to bottom with connectors between.
    QList<LayerBlock*> all{m_input};
    all << m_blocks << m_output;
    qreal y = 0;
    const QPen connectorPen(kConnector, 1.6);
    for (int i = 0; i < all.size(); ++i) {
        LayerBlock* block = all[i];
        if (i > 0) {
            const qreal top = y - kGap;
            m_scene->addLine(0, top + 2, 0, y - 4, connectorPen);
            QPolygonF head;
            head << QPointF(-5, y - 10) << QPointF(5, y - 10) << QPointF(0, y - 3);
            m_scene->addPolygon(head, QPen(Qt::NoPen), kConnector);
        }
        block->setPos(0, y);
        block->setZValue(1);
        m_scene->addItem(block);
        y += block->height() + kGap;
    }
    m_insertionMark = m_scene->addLine(-kBlockWidth / 2, 0, kBlockWidth / 2, 0,
                                       QPen(kSelection, 3, Qt::SolidLine, Qt::RoundCap));
    m_insertionMark->setZValue(5);
    m_insertionMark->hide();

    const QRectF content(-kBlockWidth / 2, 0, kBlockWidth, y - kGap);
    m_scene->setSceneRect(content.adjusted(-kMargin, -kMargin, kMargin, kMargin));
    updateSelection();
    zoomToFit();
}

void LayerCanvas::updateSelection()
{
    const int selected = m_model->selectedLayer();
    for (int i = 0; i < m_blocks.size(); ++i) {
        m_blocks[i]->setSelectedLook(i == selected);
    }
}

void LayerCanvas::zoomToFit()
{
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || viewport()->width() < 10 || viewport()->height() < 10) {
        return;
    }
    const qreal scale =
        std::min({viewport()->width() / rect.width(), viewport()->height() / rect.height(), kMaxScale});
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
}

void LayerCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    zoomToFit();
}

LayerBlock* LayerCanvas::blockOf(int index) const
{
    return (index >= 0 && index < m_blocks.size()) ? m_blocks[index] : nullptr;
}

QString LayerCanvas::blockText(int index) const
{
    const auto* block = blockOf(index);
    return block ? block->text() : QString();
}

QString LayerCanvas::inputText() const
{
    return m_input->text();
}

QString LayerCanvas::outputText() const
{
    return m_output->text();
}

bool LayerCanvas::blockHasProblem(int index) const
{
    const auto* block = blockOf(index);
    return block && block->hasProblem();
}

bool LayerCanvas::blockIsSelected(int index) const
{
    const auto* block = blockOf(index);
    return block && block->isSelected();
}

int LayerCanvas::blockCount() const
{
    return static_cast<int>(m_blocks.size());
}

QPoint LayerCanvas::blockCenter(int index) const
{
    const auto* block = blockOf(index);
    return block ? mapFromScene(block->mapToScene(QPointF(0, block->height() / 2))) : QPoint();
}

int LayerCanvas::layerAt(const QPoint& viewportPos) const
{
    const QPointF p = mapToScene(viewportPos);
    for (int i = 0; i < m_blocks.size(); ++i) {
        const QRectF box(-kBlockWidth / 2, 0, kBlockWidth, m_blocks[i]->height());
        if (box.contains(m_blocks[i]->mapFromScene(p))) {
            return i;
        }
    }
    return -1;
}

int LayerCanvas::insertIndexAt(const QPointF& scenePos) const
{
    int index = 0;
    for (int i = 0; i < m_model->outputLayer(); ++i) {
        if (m_blocks[i]->y() + m_blocks[i]->height() / 2 < scenePos.y()) {
            index = i + 1;
        }
    }
    return index;
}

int LayerCanvas::moveIndexAt(int from, const QPointF& scenePos) const
{
    // The other movable blocks stay where they were drawn: the new index is how many lie above the drop.
    int index = 0;
    for (int i = 0; i < m_model->outputLayer(); ++i) {
        if (i != from && m_blocks[i]->y() + m_blocks[i]->height() / 2 < scenePos.y()) {
            ++index;
        }
    }
    return index;
}

void LayerCanvas::showInsertionMark(int index)
{
    if (!m_insertionMark) {
        return;
    }
    if (index < 0) {
        m_insertionMark->hide();
        return;
    }
    // Halfway in the gap above the block that will follow the new one.
    const LayerBlock* next = index < m_blocks.size() ? m_blocks[index] : m_output;
    const qreal y = next->y() - kGap / 2;
    m_insertionMark->setLine(-kBlockWidth / 2, y, kBlockWidth / 2, y);
    m_insertionMark->show();
}

void LayerCanvas::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const int layer = layerAt(event->position().toPoint());
    m_model->setSelectedLayer(layer);
    m_pressedLayer = (layer >= 0 && !m_model->isOutputLayer(layer)) ? layer : -1;
    m_pressPos = event->position().toPoint();
    if (m_pressedLayer >= 0) {
        m_pressBlockPos = m_blocks[m_pressedLayer]->pos();
    }
    m_dragging = false;
    event->accept();
}

void LayerCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_pressedLayer < 0 || !(event->buttons() & Qt::LeftButton)) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    m_dragging = true;
    LayerBlock* block = m_blocks[m_pressedLayer];
    const QPointF delta = mapToScene(pos) - mapToScene(m_pressPos);
    block->setPos(m_pressBlockPos + QPointF(0, delta.y()));
    block->setZValue(10);
    block->setOpacity(0.85);
    setCursor(Qt::ClosedHandCursor);

    const QPointF centre = block->mapToScene(QPointF(0, block->height() / 2));
    const int to = moveIndexAt(m_pressedLayer, centre);
    // The mark sits in the gap the block would land in, counted on the blocks as drawn before the drag.
    showInsertionMark(to > m_pressedLayer ? to + 1 : to);
    event->accept();
}

void LayerCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_pressedLayer < 0) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    const int from = m_pressedLayer;
    const bool dragged = m_dragging;
    m_pressedLayer = -1;
    m_dragging = false;
    unsetCursor();
    showInsertionMark(-1);
    if (!dragged) {
        event->accept();
        return;
    }
    LayerBlock* block = m_blocks[from];
    const QPointF centre = block->mapToScene(QPointF(0, block->height() / 2));
    const int to = moveIndexAt(from, centre);
    if (to == from) {
        // Back where it was: put the block back in its place.
        block->setPos(m_pressBlockPos);
        block->setZValue(1);
        block->setOpacity(1);
    } else {
        m_stack->push(new MoveLayerCommand(m_model, from, to));
    }
    event->accept();
}

void LayerCanvas::keyPressEvent(QKeyEvent* event)
{
    const int selected = m_model->selectedLayer();
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && selected >= 0) {
        if (!m_model->isOutputLayer(selected)) {
            m_stack->push(new RemoveLayerCommand(m_model, selected));
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        const int step = event->key() == Qt::Key_Up ? -1 : 1;
        const int next = selected < 0 ? 0 : std::clamp(selected + step, 0, m_model->layerCount() - 1);
        m_model->setSelectedLayer(next);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void LayerCanvas::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(layerMimeType())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void LayerCanvas::dragMoveEvent(QDragMoveEvent* event)
{
    if (!event->mimeData()->hasFormat(layerMimeType())) {
        event->ignore();
        return;
    }
    showInsertionMark(insertIndexAt(mapToScene(event->position().toPoint())));
    event->acceptProposedAction();
}

void LayerCanvas::dragLeaveEvent(QDragLeaveEvent* event)
{
    showInsertionMark(-1);
    event->accept();
}

void LayerCanvas::dropEvent(QDropEvent* event)
{
    showInsertionMark(-1);
    const QByteArray id = event->mimeData()->data(layerMimeType());
    const auto kind = layerKindFromId(id.toStdString());
    if (!kind) {
        event->ignore();
        return;
    }
    const int index = insertIndexAt(mapToScene(event->position().toPoint()));
    m_stack->push(new AddLayerCommand(m_model, index, ArchitectureModel::defaultLayer(*kind)));
    // Always a copy: a move would make the palette drop its entry.
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

} // namespace neurolift
