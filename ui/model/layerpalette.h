#pragma once

#include "nn/architecture.h"

#include <QListWidget>

namespace neurolift {

/// The layer kinds a user can add, each with an icon and a one-line description.
/// Drag an entry onto the LayerCanvas to insert it where it is dropped, or
/// double-click it (or press Enter) to add it after the selected layer.
class LayerPalette : public QListWidget {
    Q_OBJECT

public:
    explicit LayerPalette(QWidget* parent = nullptr);

    /// The layer kind listed in `row`.
    LayerKind kindAt(int row) const;
    /// The row listing `kind`.
    int rowOf(LayerKind kind) const;

signals:
    /// The user asked to add a layer of `kind` (double-click or Enter).
    void layerRequested(neurolift::LayerKind kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace neurolift
