#pragma once

// Teaching mode's Car buyers lesson: one visitor's score computed step by step
// through the network being trained, and the score of every combination of
// the four pages, as the classic explanation of neural networks in advertising
// draws it (pages in, "ready to buy" out).

#include "explain/forwardsteps.h"

#include <QWidget>

#include <array>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPBars;
class QLabel;

namespace neurolift {

class TeachingVisitor : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPageCount = 4;

    explicit TeachingVisitor(QWidget* parent = nullptr);

    /// Computes again with the network's current weights (inspectWeights() of the lesson's network)
    /// and the scores of all 16 combinations of pages (`combinationScores[c]`: page p seen when bit p
    /// of c is set).
    void setNetwork(const std::vector<LayerWeights>& layers, const std::vector<float>& combinationScores);
    /// Which pages the visitor saw, as the check boxes say.
    std::array<bool, kPageCount> visitor() const;
    void setVisitor(const std::array<bool, kPageCount>& pages);
    /// The visitor's score (0..1) from the last computation.
    double score() const { return m_score; }
    /// The steps as shown (rich text).
    QString stepsText() const;
    /// The combinations chart; it replots once per setNetwork().
    QCustomPlot* combinationsPlot() const { return m_plot; }
    /// The page's name as the lesson shows it, in the interface's language.
    static QString pageName(int page);
    void applyFonts(const QFont& font);

private:
    void recompute();
    int combination() const;

    std::array<QCheckBox*, kPageCount> m_pages{};
    QLabel* m_steps = nullptr;
    QLabel* m_verdict = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
    QCPBars* m_visitorBar = nullptr;
    std::vector<LayerWeights> m_layers;
    std::vector<float> m_combinations;
    double m_score = 0.0;
};

} // namespace neurolift
