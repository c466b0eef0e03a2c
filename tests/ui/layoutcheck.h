#pragma once

// What a user would see cut off or hidden in a window, found from the widgets
// themselves: a label, button, header or cell narrower than its text, a chart
// title or axis label longer than its room, a text item outside its chart, a
// legend that does not fit or sits over the plotted data. Each finding names
// the widget by its object name and ancestors, and the text, so a failing test
// says what to fix.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStringList>
#include <QStyle>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace neurolift::test {

/// "explainPage/importanceTab/QLabel(score)": where a widget sits, by object names.
inline QString widgetPath(const QWidget* w)
{
    QStringList parts;
    for (const QObject* o = w; o; o = o->parent()) {
        if (!o->objectName().isEmpty()) {
            parts.prepend(o->objectName());
        }
        if (parts.size() == 3) {
            break;
        }
    }
    return QStringLiteral("%1(%2)").arg(QString::fromLatin1(w->metaObject()->className()),
                                        parts.join(QLatin1Char('/')));
}

/// Whether `w` and all its ancestors are shown and it has room on screen at all.
inline bool showsOnScreen(const QWidget* w)
{
    return w->isVisible() && w->width() > 0 && w->height() > 0 && !w->visibleRegion().isEmpty();
}

/// The widest line of `text` in `fm`.
inline int widestLine(const QFontMetrics& fm, const QString& text)
{
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        widest = std::max(widest, fm.horizontalAdvance(line));
    }
    return widest;
}

/// Labels whose text does not fit: a single-line label wider than its room, or a
/// wrapping label taller than its room.
inline QStringList cutLabels(const QWidget* root)
{
    QStringList found;
    for (const QLabel* label : root->findChildren<QLabel*>()) {
        if (!showsOnScreen(label) || label->text().isEmpty() || !label->pixmap().isNull()) {
            continue;
        }
        const QRect room = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(),
                                                          -label->margin());
        const bool rich = label->textFormat() == Qt::RichText ||
                          (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        if (label->wordWrap()) {
            // A wrapped label needs the height its width gives it (one pixel of rounding allowed).
            if (label->heightForWidth(label->width()) > label->height() + 1) {
                found << QStringLiteral("%1: \"%2\" needs %3 px height, has %4")
                             .arg(widgetPath(label), label->text().left(80))
                             .arg(label->heightForWidth(label->width()))
                             .arg(label->height());
            }
            continue;
        }
        int needed = 0;
        if (rich) {
            QTextDocument doc;
            doc.setDefaultFont(label->font());
            doc.setDocumentMargin(0);
            doc.setHtml(label->text());
            needed = static_cast<int>(std::ceil(doc.idealWidth()));
        } else {
            needed = widestLine(label->fontMetrics(), label->text());
        }
        if (needed > room.width() + 1) {
            found << QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                         .arg(widgetPath(label), label->text().left(80))
                         .arg(needed)
                         .arg(room.width());
        }
    }
    return found;
}

/// Push buttons, check boxes and radio buttons narrower than their own text needs.
inline QStringList cutButtons(const QWidget* root)
{
    QStringList found;
    for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        const bool textual =
            qobject_cast<const QPushButton*>(button) || qobject_cast<const QCheckBox*>(button) ||
            qobject_cast<const QRadioButton*>(button) ||
            (qobject_cast<const QToolButton*>(button) &&
             qobject_cast<const QToolButton*>(button)->toolButtonStyle() != Qt::ToolButtonIconOnly);
        if (!textual || !showsOnScreen(button) || button->text().isEmpty() ||
            button->parentWidget()->inherits("QAbstractSpinBox") ||
            button->parentWidget()->inherits("QTabBar")) {
            continue;
        }
        const int needed =
            widestLine(button->fontMetrics(), QString(button->text()).remove(QLatin1Char('&')));
        // The text's own width, not sizeHint(): styles pad a button's hint beyond what the text needs.
        if (needed > button->width() - 4) {
            found << QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                         .arg(widgetPath(button), button->text())
                         .arg(needed)
                         .arg(button->width());
        }
    }
    return found;
}

/// Column headers and cells of item views whose text is wider than the column.
/// A table of the user's own data (`exempt`) may cut long values as a spreadsheet does.
inline QStringList cutCells(const QWidget* root, const QStringList& exempt = {})
{
    QStringList found;
    for (const QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!showsOnScreen(view) || !view->model() || exempt.contains(view->objectName())) {
            continue;
        }
        const QAbstractItemModel* model = view->model();
        const QHeaderView* header = nullptr;
        if (const auto* table = qobject_cast<const QTableView*>(view)) {
            header = table->horizontalHeader();
        } else if (const auto* tree = qobject_cast<const QTreeView*>(view)) {
            header = tree->header();
        }
        if (!header) {
            continue;
        }
        const int margin = view->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const int cellMargin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
        for (int column = 0; column < model->columnCount(); ++column) {
            if (header->isSectionHidden(column) || header->sectionSize(column) == 0) {
                continue;
            }
            const int width = header->sectionSize(column);
            if (header->isVisible()) {
                const QString title = model->headerData(column, Qt::Horizontal).toString();
                const int needed = widestLine(header->fontMetrics(), title) + 2 * margin;
                if (needed > width + 1) {
                    found << QStringLiteral("%1 header %2: \"%3\" needs %4 px, has %5")
                                 .arg(widgetPath(view))
                                 .arg(column)
                                 .arg(title)
                                 .arg(needed)
                                 .arg(width);
                }
            }
            const int rows = std::min(model->rowCount(), 60);
            for (int row = 0; row < rows; ++row) {
                const QModelIndex index = model->index(row, column);
                const QString text = index.data(Qt::DisplayRole).toString();
                if (text.isEmpty()) {
                    continue;
                }
                QFont font = view->font();
                if (const QVariant f = index.data(Qt::FontRole); f.canConvert<QFont>()) {
                    font = f.value<QFont>();
                }
                // Top-level rows are indented only when the tree draws branches at its root.
                const auto* tree = qobject_cast<const QTreeView*>(view);
                const int indent = tree && column == 0 && tree->rootIsDecorated() ? tree->indentation() : 0;
                const bool decorated = index.data(Qt::DecorationRole).isValid();
                const int decoration = decorated ? view->iconSize().width() + 4 : 0;
                const int needed =
                    widestLine(QFontMetrics(font), text) + 2 * cellMargin + indent + decoration;
                if (needed > width + 1) {
                    found << QStringLiteral("%1 row %2 column %3: \"%4\" needs %5 px, has %6")
                                 .arg(widgetPath(view))
                                 .arg(row)
                                 .arg(column)
                                 .arg(text.left(60))
                                 .arg(needed)
                                 .arg(width);
                    break; // one cut cell names the column
                }
            }
        }
    }
    return found;
}

/// Pixel points along what `plottable` draws, for checking what covers it:
/// its data points, points along the lines between them, bars from zero up.
inline QList<QPointF> drawnPoints(QCPAbstractPlottable* plottable)
{
    QList<QPointF> points;
    QCPPlottableInterface1D* data = plottable->interface1D();
    if (!data || !plottable->keyAxis() || !plottable->valueAxis()) {
        return points;
    }
    const bool bars = qobject_cast<QCPBars*>(plottable) != nullptr;
    const auto* graph = qobject_cast<QCPGraph*>(plottable);
    const bool lines = !bars && (!graph || graph->lineStyle() != QCPGraph::lsNone);
    QPointF previous;
    bool havePrevious = false;
    for (int i = 0; i < data->dataCount(); ++i) {
        const double key = data->dataMainKey(i);
        const double value = data->dataMainValue(i);
        if (!std::isfinite(key) || !std::isfinite(value)) {
            havePrevious = false;
            continue;
        }
        const QPointF p = plottable->coordsToPixels(key, value);
        if (bars) {
            const QPointF base = plottable->coordsToPixels(key, 0.0);
            for (int s = 0; s <= 8; ++s) {
                points << base + (p - base) * (s / 8.0);
            }
        } else {
            if (lines && havePrevious) {
                for (int s = 1; s < 8; ++s) {
                    points << previous + (p - previous) * (s / 8.0);
                }
            }
            points << p;
        }
        previous = p;
        havePrevious = true;
    }
    return points;
}

/// Charts with a title or axis label cut, a text item outside its room, or a
/// legend that does not fit its chart or covers plotted data.
inline QStringList chartProblems(const QWidget* root)
{
    QStringList found;
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        if (!showsOnScreen(plot)) {
            continue;
        }
        const QString where = widgetPath(plot);
        const QRect viewport = plot->viewport();
        // Titles and other text elements of the layout.
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            if (auto* text = qobject_cast<QCPTextElement*>(element)) {
                // Through the base class, where the size hint is public; the element wants its text's size.
                const QSize wants = static_cast<const QCPLayoutElement*>(text)->minimumOuterSizeHint();
                if (wants.width() > text->outerRect().width() + 1) {
                    found << QStringLiteral("%1 title \"%2\" needs %3 px, has %4")
                                 .arg(where, text->text())
                                 .arg(wants.width())
                                 .arg(text->outerRect().width());
                }
            }
        }
        for (QCPAxisRect* rect : plot->axisRects()) {
            for (QCPAxis* axis : rect->axes()) {
                if (!axis->visible() || axis->label().isEmpty()) {
                    continue;
                }
                const int length = axis->orientation() == Qt::Horizontal ? rect->width() : rect->height();
                const int needed = widestLine(QFontMetrics(axis->labelFont()), axis->label());
                if (needed > length) {
                    found << QStringLiteral("%1 axis label \"%2\" needs %3 px, the axis is %4")
                                 .arg(where, axis->label())
                                 .arg(needed)
                                 .arg(length);
                }
            }
        }
        // Text items: inside the axis rect they are clipped to, else inside the chart.
        for (int i = 0; i < plot->itemCount(); ++i) {
            auto* text = qobject_cast<QCPItemText*>(plot->item(i));
            if (!text || !text->visible() || text->text().isEmpty()) {
                continue;
            }
            const QRectF box =
                QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()).normalized();
            const QRectF room = text->clipToAxisRect() && text->clipAxisRect()
                                    ? QRectF(text->clipAxisRect()->rect())
                                    : QRectF(viewport);
            if (!room.adjusted(-1, -1, 1, 1).contains(box)) {
                found << QStringLiteral(
                             "%1 text \"%2\" at (%3, %4, %5×%6) is outside its room (%7, %8, %9×%10)")
                             .arg(where, text->text())
                             .arg(box.x())
                             .arg(box.y())
                             .arg(box.width())
                             .arg(box.height())
                             .arg(room.x())
                             .arg(room.y())
                             .arg(room.width())
                             .arg(room.height());
            }
        }
        // Legends: wholly inside the chart, big enough for their items, and off the data.
        QList<QCPLegend*> legends;
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            if (auto* legend = qobject_cast<QCPLegend*>(element)) {
                legends << legend;
            }
        }
        for (QCPAxisRect* rect : plot->axisRects()) {
            for (QCPLayoutElement* element : rect->insetLayout()->elements(false)) {
                if (auto* legend = qobject_cast<QCPLegend*>(element)) {
                    legends << legend;
                }
            }
        }
        for (QCPLegend* legend : legends) {
            if (!legend->visible() || legend->itemCount() == 0) {
                continue;
            }
            const QRect box = legend->outerRect();
            if (!viewport.adjusted(-1, -1, 1, 1).contains(box)) {
                found << QStringLiteral("%1 legend (%2, %3, %4×%5) reaches outside the chart (%6×%7)")
                             .arg(where)
                             .arg(box.x())
                             .arg(box.y())
                             .arg(box.width())
                             .arg(box.height())
                             .arg(viewport.width())
                             .arg(viewport.height());
            }
            const QSize wants = legend->minimumOuterSizeHint();
            if (wants.width() > box.width() + 1 || wants.height() > box.height() + 1) {
                found << QStringLiteral("%1 legend needs %2×%3 px, has %4×%5")
                             .arg(where)
                             .arg(wants.width())
                             .arg(wants.height())
                             .arg(box.width())
                             .arg(box.height());
            }
            for (int i = 0; i < plot->plottableCount(); ++i) {
                QCPAbstractPlottable* plottable = plot->plottable(i);
                if (!plottable->visible()) {
                    continue;
                }
                const QRectF inner = QRectF(box).adjusted(2, 2, -2, -2);
                const QRectF clip =
                    plottable->keyAxis() ? QRectF(plottable->keyAxis()->axisRect()->rect()) : QRectF();
                int covered = 0;
                for (const QPointF& p : drawnPoints(plottable)) {
                    if (clip.contains(p) && inner.contains(p)) {
                        ++covered;
                    }
                }
                if (covered > 0) {
                    found << QStringLiteral("%1 legend covers %2 drawn points of \"%3\"")
                                 .arg(where)
                                 .arg(covered)
                                 .arg(plottable->name());
                }
            }
        }
    }
    return found;
}

/// Texts on screen with English phrases (two English words in a row) in a window
/// that speaks another language: a string that missed tr() or a message from
/// the core that reached the screen untranslated. The user's own data (views in
/// `exemptViews`, and `ownWords`: column names and values) may be English.
inline QStringList englishPhrases(const QWidget* root, const QStringList& exemptViews = {},
                                  const QStringList& ownWords = {})
{
    static const QRegularExpression phrase(QStringLiteral("\\b([A-Za-z][a-z]+) +([A-Za-z][a-z]+)\\b"));
    QStringList found;
    const auto look = [&](const QString& where, const QString& text) {
        QString plain = text;
        if (Qt::mightBeRichText(text)) {
            QTextDocument doc;
            doc.setHtml(text);
            plain = doc.toPlainText();
        }
        for (const QString& own : ownWords) {
            plain.replace(own, QStringLiteral("\u2022"));
        }
        if (const QRegularExpressionMatch m = phrase.match(plain); m.hasMatch()) {
            found << QStringLiteral("%1: \"%2\" (\"%3\")").arg(where, plain.left(100), m.captured(0));
        }
    };
    for (const QLabel* label : root->findChildren<QLabel*>()) {
        if (showsOnScreen(label)) {
            look(widgetPath(label), label->text());
        }
    }
    for (const QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        if (showsOnScreen(button)) {
            look(widgetPath(button), button->text());
        }
    }
    for (const QGroupBox* box : root->findChildren<QGroupBox*>()) {
        if (showsOnScreen(box)) {
            look(widgetPath(box), box->title());
        }
    }
    for (const QComboBox* combo : root->findChildren<QComboBox*>()) {
        if (showsOnScreen(combo)) {
            look(widgetPath(combo), combo->currentText());
        }
    }
    for (const QTabBar* bar : root->findChildren<QTabBar*>()) {
        if (showsOnScreen(bar)) {
            for (int i = 0; i < bar->count(); ++i) {
                look(widgetPath(bar), bar->tabText(i));
            }
        }
    }
    for (const QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!showsOnScreen(view) || !view->model() || exemptViews.contains(view->objectName())) {
            continue;
        }
        const QAbstractItemModel* model = view->model();
        for (int column = 0; column < model->columnCount(); ++column) {
            look(widgetPath(view) + QStringLiteral(" header"),
                 model->headerData(column, Qt::Horizontal).toString());
            for (int row = 0; row < std::min(model->rowCount(), 60); ++row) {
                look(widgetPath(view), model->index(row, column).data().toString());
            }
        }
    }
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        if (!showsOnScreen(plot)) {
            continue;
        }
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            if (auto* text = qobject_cast<QCPTextElement*>(element)) {
                look(widgetPath(plot) + QStringLiteral(" title"), text->text());
            }
        }
        for (QCPAxisRect* rect : plot->axisRects()) {
            for (QCPAxis* axis : rect->axes()) {
                if (axis->visible()) {
                    look(widgetPath(plot) + QStringLiteral(" axis"), axis->label());
                }
            }
        }
        for (int i = 0; i < plot->plottableCount(); ++i) {
            if (plot->legend && plot->legend->visible() &&
                plot->legend->hasItemWithPlottable(plot->plottable(i))) {
                look(widgetPath(plot) + QStringLiteral(" legend"), plot->plottable(i)->name());
            }
        }
        for (int i = 0; i < plot->itemCount(); ++i) {
            if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->visible()) {
                look(widgetPath(plot) + QStringLiteral(" text"), text->text());
            }
        }
    }
    return found;
}

/// Everything above, for one window or page.
inline QStringList layoutProblems(const QWidget* root, const QStringList& exemptViews = {})
{
    return cutLabels(root) + cutButtons(root) + cutCells(root, exemptViews) + chartProblems(root);
}

} // namespace neurolift::test
