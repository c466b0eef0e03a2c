#pragma once

// Named segments of customers by score: bands ("hot >= 0.7, warm >= 0.4,
// cold"), quantiles (deciles, quintiles) or the top N. Stored as JSON with
// Project::saveSegment.

#include "nn/architecture.h"
#include "scoring/ranking.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace neurolift {

enum class SegmentKind { ScoreBands, Quantiles, TopN };

/// A band: customers with score >= lower (and below the band before it); `lower` is rounded
/// to float like the scores, so a score of 0.7 is in the band from 0.7.
struct ScoreBand {
    std::string name;
    double lower = 0;
    bool operator==(const ScoreBand&) const = default;
};

/// How customers are split into named segments.
struct SegmentDefinition {
    SegmentKind kind = SegmentKind::ScoreBands;
    /// ScoreBands: highest lower bound first; scores below the last go to `restName`.
    std::vector<ScoreBand> bands;
    std::string restName = "rest";
    /// Quantiles: this many groups by ScoreRanking's rule (ties never split), group 1
    /// the highest; named `names[g-1]` when given, else "decile 1", "quintile 1", "group 1".
    int quantiles = 10;
    std::vector<std::string> names;
    /// TopN: the `topN` highest-scored customers (or the top `topShare` when set), plus
    /// everybody tied with the last; named `topName`, the others `restName`.
    std::size_t topN = 0;
    std::optional<double> topShare;
    std::string topName = "top";

    /// Bands from "hot:0.7,warm:0.4,cold" (a last name without a bound names the rest).
    /// Throws std::invalid_argument with a message naming the bad part.
    static SegmentDefinition parseBands(const std::string& text);
    static SegmentDefinition byQuantiles(int groups);
    static SegmentDefinition byTopN(std::size_t n);
    static SegmentDefinition byTopShare(double share);

    /// The segment names in order, highest scores first.
    std::vector<std::string> segmentNames() const;
    /// Throws std::invalid_argument when the definition cannot be used (no bands, bounds not descending,
    /// ...).
    void validate() const;

    nlohmann::json toJson() const;
    /// Throws std::invalid_argument naming the field.
    static SegmentDefinition fromJson(const nlohmann::json& j);
    bool operator==(const SegmentDefinition&) const = default;
};

/// Assigns scores to the segments of a definition. Quantile and top-N segments are
/// relative to a reference set of scores (the customers being segmented).
class Segmenter {
public:
    /// Throws std::invalid_argument when the definition is invalid.
    Segmenter(SegmentDefinition definition, std::span<const float> referenceScores);

    /// 0-based index into names() of the segment of `score`.
    std::size_t segmentOf(float score) const;
    const std::vector<std::string>& names() const { return m_names; }
    const SegmentDefinition& definition() const { return m_definition; }
    const ScoreRanking& ranking() const { return m_ranking; }

private:
    SegmentDefinition m_definition;
    std::vector<std::string> m_names;
    ScoreRanking m_ranking;
    double m_topThreshold = 0;
};

/// One segment's figures.
struct SegmentStats {
    std::string name;
    std::size_t customers = 0; ///< Among all the scored customers.
    double share = 0;          ///< customers / all.
    double minScore = 0;
    double maxScore = 0;
    double meanScore = 0;          ///< The expected response rate.
    double expectedLift = 0;       ///< meanScore / mean score of all customers.
    std::size_t testCustomers = 0; ///< Labelled (test) customers in the segment.
    std::size_t testPositives = 0;
    std::optional<double> observedRate; ///< testPositives / testCustomers, when there are any.
    std::optional<double> observedLift; ///< observedRate / the test rows' rate.
};

/// Segments read scores as chances of a yes (bands are bounds on them), which only a
/// yes/no model gives; `segment`, `export` and `score` refuse others alike. Throws
/// std::invalid_argument naming `model` (e.g. "run 3") and what it predicts otherwise.
void requireYesNoScores(TaskKind task, const std::string& model);

/// Figures of every segment: sizes and mean scores over `scores` (all the customers,
/// also the reference for quantiles), observed rates over `testScores` with `testLabels`
/// (may be empty). Throws std::invalid_argument on no scores or mismatched test spans.
std::vector<SegmentStats> summariseSegments(const SegmentDefinition& definition,
                                            std::span<const float> scores,
                                            std::span<const float> testScores = {},
                                            std::span<const float> testLabels = {});

} // namespace neurolift
