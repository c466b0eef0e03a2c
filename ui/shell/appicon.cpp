#include "shell/appicon.h"

#include <QImageReader>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>
#include <utility>

// Resources of a static library must be registered explicitly; Q_INIT_RESOURCE
// may not be used inside a namespace.
static void initNeuroLiftResources()
{
    Q_INIT_RESOURCE(neurolift);
}

namespace neurolift {

namespace {

// The picture of resources/icons/neurolift.svg, in its 64 x 64 coordinates.
constexpr qreal kViewBox = 64.0;
constexpr std::array<QPointF, 6> kNodes{QPointF(14, 25), QPointF(14, 41), QPointF(32, 16),
                                        QPointF(32, 32), QPointF(32, 48), QPointF(50, 21)};
constexpr std::size_t kOutputNode = 5;
constexpr std::array<std::pair<std::size_t, std::size_t>, 9> kEdges{
    {{0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 5}, {3, 5}, {4, 5}}};

} // namespace

QPixmap paintedAppIcon(int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);

    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / kViewBox, size / kViewBox);

    QLinearGradient background(0, 2, 0, 62);
    background.setColorAt(0, QColor(0x3b, 0x7b, 0xe8));
    background.setColorAt(1, QColor(0x1f, 0x4a, 0xa8));
    p.setPen(Qt::NoPen);
    p.setBrush(background);
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14);

    QColor edge(Qt::white);
    edge.setAlphaF(0.55f);
    p.setPen(QPen(edge, 3, Qt::SolidLine, Qt::RoundCap));
    for (const auto& [from, to] : kEdges) {
        p.drawLine(kNodes.at(from), kNodes.at(to));
    }

    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    for (std::size_t i = 0; i < kOutputNode; ++i) {
        p.drawEllipse(kNodes.at(i), 4.5, 4.5);
    }
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(QColor(0xff, 0xb0, 0x20));
    p.drawEllipse(kNodes.at(kOutputNode), 6.5, 6.5);
    return pixmap;
}

QIcon appIcon()
{
    [[maybe_unused]] static const bool registered = [] {
        initNeuroLiftResources();
        return true;
    }();
    if (QImageReader::supportedImageFormats().contains("svg")) {
        return QIcon(QStringLiteral(":/icons/neurolift.svg"));
    }
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        icon.addPixmap(paintedAppIcon(size));
    }
    return icon;
}

} // namespace neurolift
