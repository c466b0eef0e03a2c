#include "model/layerpalette.h"

#include "model/layercanvas.h"
#include "model/layertext.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>

namespace neurolift {

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kDescriptionRole = Qt::UserRole + 1;
constexpr int kIconSize = 28;

/// A small block in the kind's colour, like the blocks on the canvas.
QIcon kindIcon(LayerKind kind)
{
    QPixmap pixmap(kIconSize * 2, kIconSize * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = layerKindColor(kind);
    QColor light = colour;
    light.setAlpha(40);
    p.setPen(QPen(colour, 1.2));
    p.setBrush(light);
    p.drawRoundedRect(QRectF(1.5, 5.5, kIconSize - 3, kIconSize - 11), 4, 4);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(1.5, 5.5, 5, kIconSize - 11), 2, 2);
    return QIcon(pixmap);
}

/// Draws the kind's name in bold and its description below in a quieter colour.
class PaletteDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        background.icon = QIcon();
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

        painter->save();
        const QRect r = option.rect.adjusted(10, 8, -8, -8);
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        icon.paint(painter, QRect(r.left(), r.top(), kIconSize, kIconSize));
        const bool selected = option.state & QStyle::State_Selected;
        const QRect text = r.adjusted(kIconSize + 10, 0, 0, 0);
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const int nameHeight = QFontMetrics(bold).height();
        painter->drawText(QRect(text.left(), text.top(), text.width(), nameHeight), Qt::AlignLeft,
                          index.data(Qt::DisplayRole).toString());
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : QColor(0x55, 0x60, 0x70));
        painter->drawText(
            QRect(text.left(), text.top() + nameHeight + 2, text.width(), text.height() - nameHeight),
            Qt::AlignLeft | Qt::TextWordWrap, index.data(kDescriptionRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        const int width = std::max(option.rect.width(), 180) - 18 - kIconSize - 10;
        const QRect description = QFontMetrics(small).boundingRect(QRect(0, 0, width, 1000), Qt::TextWordWrap,
                                                                   index.data(kDescriptionRole).toString());
        return {width, 16 + QFontMetrics(option.font).height() + 2 + description.height() + 4};
    }
};

} // namespace

LayerPalette::LayerPalette(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("layerPalette"));
    setItemDelegate(new PaletteDelegate(this));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    setUniformItemSizes(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setToolTip(tr("Drag a layer onto the network, or double-click it to add it after the selected layer"));
    for (const LayerKind kind : kPaletteKinds) {
        auto* item = new QListWidgetItem(kindIcon(kind), layerKindText(kind), this);
        item->setData(kKindRole, static_cast<int>(kind));
        item->setData(kDescriptionRole, layerKindDescription(kind));
        item->setToolTip(layerKindDescription(kind));
    }
    connect(this, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { emit layerRequested(kindAt(row(item))); });
}

LayerKind LayerPalette::kindAt(int row) const
{
    return static_cast<LayerKind>(item(row)->data(kKindRole).toInt());
}

int LayerPalette::rowOf(LayerKind kind) const
{
    for (int r = 0; r < count(); ++r) {
        if (kindAt(r) == kind) {
            return r;
        }
    }
    return -1;
}

QStringList LayerPalette::mimeTypes() const
{
    return {LayerCanvas::layerMimeType()};
}

QMimeData* LayerPalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    const LayerKind kind = kindAt(row(items.first()));
    mime->setData(LayerCanvas::layerMimeType(), QByteArray::fromStdString(std::string(layerKindId(kind))));
    return mime;
}

void LayerPalette::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentRow() >= 0) {
        emit layerRequested(kindAt(currentRow()));
        event->accept();
        return;
    }
    QListWidget::keyPressEvent(event);
}

} // namespace neurolift
