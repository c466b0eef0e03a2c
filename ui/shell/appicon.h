#pragma once

#include <QIcon>

namespace neurolift {

/// NeuroLift's application icon (resources/icons/neurolift.svg). Uses the SVG
/// when Qt's SVG image plugin is installed, and otherwise the same picture
/// drawn in code, so the icon never depends on an optional package.
QIcon appIcon();

/// The icon drawn in code at `size` x `size` device-independent pixels.
QPixmap paintedAppIcon(int size, qreal devicePixelRatio = 1.0);

} // namespace neurolift
