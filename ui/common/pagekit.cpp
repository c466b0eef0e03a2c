#include "common/pagekit.h"

#include "shell/language.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace neurolift {

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

void stylePlot(QCustomPlot* plot, const QFont& base)
{
    plot->setMinimumSize(240, 180);
    plot->setAntialiasedElements(QCP::aeAll);
    const QFont labelFont = scaledFont(base, 1.05);
    const QFont tickFont = scaledFont(base, 0.95);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setLabelFont(labelFont);
        axis->setTickLabelFont(tickFont);
        axis->setBasePen(QPen(QColor(120, 120, 120)));
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->setSubTickPen(QPen(QColor(170, 170, 170)));
        axis->setTickLabelColor(QColor(60, 60, 60));
        axis->setLabelColor(QColor(40, 40, 40));
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(QPen(QColor(150, 150, 150), 1, Qt::SolidLine));
    }
}

QLabel* captionLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel* titleLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setFont(scaledFont(parent->font(), 1.1, QFont::DemiBold));
    return label;
}

QString localCount(unsigned long long n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString localNumber(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString localPercent(double share)
{
    const double percent = 100.0 * share;
    const int decimals = percent != 0.0 && percent < 9.95 ? 1 : 0;
    //: A percentage, e.g. "61 %"; %1 is the number.
    return QObject::tr("%1 %").arg(QLocale().toString(percent, 'f', decimals));
}

QString localDateTime(const QDateTime& when)
{
    // The language the window speaks, in the user's territory where that pairing exists.
    const QLocale system;
    const QLocale shown(installedLanguage());
    const QLocale locale =
        shown.language() == system.language() ? system : QLocale(shown.language(), system.territory());
    return locale.toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString storedName(const std::string& name)
{
    // The wizard's own names are its catalogue's sources: the English a project made in English
    // stores reads in Chinese too. A name not in the catalogue comes back unchanged.
    for (const char* own : {"Guided run", "Automatic"}) {
        if (name == own) {
            return QCoreApplication::translate("neurolift::GuidedWizard", own);
        }
    }
    return QString::fromStdString(name);
}

QString localDateTime(const QString& iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODate);
    return when.isValid() ? localDateTime(when) : iso;
}

bool exportPlots(const QString& path, const std::vector<QCustomPlot*>& plots, const QString& title, int width,
                 int height)
{
    if (plots.empty()) {
        return false;
    }
    for (QCustomPlot* plot : plots) {
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    const int each = height / static_cast<int>(plots.size());
    auto paint = [&](QCPPainter& painter) {
        for (std::size_t i = 0; i < plots.size(); ++i) {
            plots[i]->toPainter(&painter, width, each);
            painter.translate(0, each);
        }
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    QSaveFile file(path); // complete or not at all
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    // The vector formats draw the same way on their own paint device.
    const auto paintVector = [&](QPaintDevice* device) {
        QCPPainter painter(device);
        if (!painter.isActive()) {
            return false;
        }
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        paint(painter);
        return painter.end();
    };
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(title);
        if (!paintVector(&svg)) {
            return false;
        }
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(&file);
        writer.setResolution(72); // one device pixel per point: the page is width x height points
        writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title);
        writer.setCreator(QObject::tr("NeuroLift"));
        if (!paintVector(&writer)) {
            return false;
        }
    } else {
        QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QCPPainter painter(&image);
            paint(painter);
        }
        if (!image.save(&file, "PNG")) {
            return false;
        }
    }
    return file.commit();
}

QString exportPlotsWithDialog(QWidget* parent, const std::vector<QCustomPlot*>& plots, const QString& title,
                              const QString& baseName, const QString& suffix)
{
    const QString png = QObject::tr("PNG picture (*.png)");
    const QString pdf = QObject::tr("PDF document (*.pdf)");
    const QString svg = QObject::tr("SVG drawing (*.svg)");
    QString selected = suffix == QLatin1String("pdf") ? pdf : suffix == QLatin1String("svg") ? svg : png;
    QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export the charts"), baseName + QLatin1Char('.') + suffix,
        png + QStringLiteral(";;") + pdf + QStringLiteral(";;") + svg, &selected);
    if (path.isEmpty()) {
        return {};
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += selected == pdf   ? QStringLiteral(".pdf")
                : selected == svg ? QStringLiteral(".svg")
                                  : QStringLiteral(".png");
    }
    if (!exportPlots(path, plots, title)) {
        QMessageBox::warning(parent, QObject::tr("Export the charts"),
                             QObject::tr("The charts could not be written to %1. Check that the folder "
                                         "exists and that you may write there.")
                                 .arg(QDir::toNativeSeparators(path)));
        return {};
    }
    return path;
}

} // namespace neurolift
