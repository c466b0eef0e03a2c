#include "shell/noprojectpage.h"

#include "shell/stepnavigation.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace neurolift {

namespace {

// Long lines are hard to read; the text column stops growing at this width.
constexpr int kMaxTextWidth = 640;

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

} // namespace

NoProjectPage::NoProjectPage(const Content& content, QWidget* parent)
    : QWidget(parent)
{
    auto* column = new QWidget(this);
    column->setMaximumWidth(kMaxTextWidth);

    auto* caption = new QLabel(content.caption.toUpper(), column);
    caption->setObjectName(QStringLiteral("caption"));
    caption->setFont(scaledFont(font(), 0.9, QFont::DemiBold));
    caption->setForegroundRole(QPalette::Highlight);

    m_heading = wrappedLabel(content.heading, column);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setFont(scaledFont(font(), 1.8, QFont::Bold));

    auto* summary = wrappedLabel(content.summary, column);
    summary->setObjectName(QStringLiteral("summary"));
    summary->setFont(scaledFont(font(), 1.1, QFont::Normal));

    auto* features = new QGridLayout;
    features->setContentsMargins(0, 0, 0, 0);
    features->setHorizontalSpacing(10);
    features->setVerticalSpacing(8);
    features->setColumnStretch(1, 1);
    for (int row = 0; row < content.features.size(); ++row) {
        auto* bullet = new QLabel(QStringLiteral("\u2022"), column);
        bullet->setForegroundRole(QPalette::Highlight);
        features->addWidget(bullet, row, 0, Qt::AlignTop);
        features->addWidget(wrappedLabel(content.features.at(row), column), row, 1);
    }

    auto* howToStart =
        new QLabel(tr("Open a project (File › Open) or start a new one (File › New) to begin"), column);
    howToStart->setObjectName(QStringLiteral("howToStart"));
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(36);
    howToStart->setStyleSheet(QStringLiteral("QLabel#howToStart { background: rgba(%1, %2, %3, %4);"
                                             " border-radius: 11px; padding: 4px 12px; }")
                                  .arg(tint.red())
                                  .arg(tint.green())
                                  .arg(tint.blue())
                                  .arg(tint.alpha()));

    auto* text = new QVBoxLayout(column);
    text->setContentsMargins(0, 0, 0, 0);
    text->setSpacing(0);
    text->addWidget(caption);
    text->addSpacing(6);
    text->addWidget(m_heading);
    text->addSpacing(14);
    text->addWidget(summary);
    text->addSpacing(20);
    text->addLayout(features);
    text->addSpacing(28);
    text->addWidget(howToStart, 0, Qt::AlignLeft);

    // The column takes the width up to its maximum, the rest stays empty on the right;
    // the text starts at the top and free height stays below it.
    auto* row = new QHBoxLayout;
    row->addWidget(column, 1);
    row->addStretch(0);
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(48, 40, 48, 40);
    page->addLayout(row);
    page->addStretch(1);
}

QString NoProjectPage::heading() const
{
    return m_heading->text();
}

NoProjectPage::Content NoProjectPage::contentFor(Step step)
{
    Content c;
    c.caption = tr("Step %1 of %2 \u00b7 %3")
                    .arg(static_cast<int>(step) + 1)
                    .arg(kSteps.size())
                    .arg(StepNavigation::stepTitle(step));
    switch (step) {
    case Step::Data:
        c.heading = tr("Bring in your customer data");
        c.summary = tr("Import your customer table from a CSV file, check that every column was read "
                       "correctly, and choose what you want to predict.");
        c.features = {
            tr("See a preview before importing; separators, encoding and headers are detected for you"),
            tr("Get a profile of each column: its type, how many values are missing, how values are spread"),
            tr("Pick the outcome to predict, the positive answer and the customer ID column"),
        };
        break;
    case Step::Model:
        c.heading = tr("Design the network");
        c.summary = tr("Start from a ready-made design (logistic regression, small, medium or deep) "
                       "or build your own by placing layers on a canvas.");
        c.features = {
            tr("Each layer shows its size and how many values it learns"),
            tr("Problems are pointed out on the layer where they are, in plain words"),
            tr("Undo and redo every change"),
        };
        break;
    case Step::Train:
        c.heading = tr("Train and watch it learn");
        c.summary = tr("Let the network learn from your data while live charts show how well it does "
                       "on customers it has not seen.");
        c.features = {
            tr("Start, pause, stop or go one step at a time; the window stays responsive"),
            tr("Stop automatically when the model stops improving"),
            tr("Keep every run and compare them side by side"),
        };
        break;
    case Step::Explain:
        c.heading = tr("Understand the scores");
        c.summary = tr("See which customer attributes drive the model and why a given customer "
                       "got the score they did.");
        c.features = {
            tr("Rank attributes by how much they matter"),
            tr("Pick a customer and read the main reasons behind their score"),
            tr("Look inside the network: its weights, drawn as a picture"),
        };
        break;
    case Step::Segments:
        c.heading = tr("Turn scores into segments");
        c.summary = tr("Rank your customers by score, name the bands you want to act on, "
                       "and export the list for your next campaign.");
        c.features = {
            tr("Lift and gains charts show how much better than random targeting the model does"),
            tr("Move a threshold and read what it means in plain words"),
            tr("Export scores, segments and top reasons to CSV"),
        };
        break;
    }
    return c;
}

} // namespace neurolift
