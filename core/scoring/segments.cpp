#include "scoring/segments.h"

#include "scoring/thresholds.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace neurolift {

namespace {

std::string kindId(SegmentKind k)
{
    switch (k) {
    case SegmentKind::ScoreBands:
        return "bands";
    case SegmentKind::Quantiles:
        return "quantiles";
    case SegmentKind::TopN:
        return "top";
    }
    return "bands";
}

} // namespace

SegmentDefinition SegmentDefinition::parseBands(const std::string& text)
{
    SegmentDefinition d;
    d.kind = SegmentKind::ScoreBands;
    std::stringstream ss(text);
    std::string item;
    bool rest = false;
    while (std::getline(ss, item, ',')) {
        if (rest) {
            throw std::invalid_argument("bands: \"" + d.restName +
                                        "\" has no bound, so it must come last (e.g. hot:0.7,warm:0.4,cold)");
        }
        const auto colon = item.find(':');
        if (colon == std::string::npos) {
            if (item.empty()) {
                throw std::invalid_argument("bands: an empty band name in \"" + text + "\"");
            }
            d.restName = item;
            rest = true;
            continue;
        }
        ScoreBand b;
        b.name = item.substr(0, colon);
        try {
            std::size_t used = 0;
            b.lower = std::stod(item.substr(colon + 1), &used);
            if (used != item.size() - colon - 1) {
                throw std::invalid_argument("trailing text");
            }
        } catch (const std::exception&) {
            throw std::invalid_argument("bands: \"" + item + "\" is not NAME:LOWER_SCORE, e.g. hot:0.7");
        }
        d.bands.push_back(b);
    }
    d.validate();
    return d;
}

SegmentDefinition SegmentDefinition::byQuantiles(int groups)
{
    SegmentDefinition d;
    d.kind = SegmentKind::Quantiles;
    d.quantiles = groups;
    d.validate();
    return d;
}

SegmentDefinition SegmentDefinition::byTopN(std::size_t n)
{
    SegmentDefinition d;
    d.kind = SegmentKind::TopN;
    d.topN = n;
    return d;
}

SegmentDefinition SegmentDefinition::byTopShare(double share)
{
    SegmentDefinition d;
    d.kind = SegmentKind::TopN;
    d.topShare = share;
    d.validate();
    return d;
}

void SegmentDefinition::validate() const
{
    switch (kind) {
    case SegmentKind::ScoreBands:
        if (bands.empty()) {
            throw std::invalid_argument("bands: give at least one band, e.g. hot:0.7,warm:0.4");
        }
        for (std::size_t i = 0; i < bands.size(); ++i) {
            if (bands[i].name.empty() || !std::isfinite(bands[i].lower)) {
                throw std::invalid_argument("bands: every band needs a name and a finite lower score");
            }
            if (i > 0 && !(bands[i].lower < bands[i - 1].lower)) {
                throw std::invalid_argument("bands: list them from the highest lower score down (\"" +
                                            bands[i - 1].name + "\" before \"" + bands[i].name + "\")");
            }
        }
        break;
    case SegmentKind::Quantiles:
        if (quantiles < 1 || quantiles > 1000) {
            throw std::invalid_argument("quantiles: give between 1 and 1000 groups");
        }
        if (!names.empty() && names.size() != static_cast<std::size_t>(quantiles)) {
            throw std::invalid_argument("quantiles: give one name per group");
        }
        break;
    case SegmentKind::TopN:
        if (topShare && !(*topShare >= 0.0 && *topShare <= 1.0)) {
            throw std::invalid_argument("top: the share must be between 0 and 1");
        }
        break;
    }
}

std::vector<std::string> SegmentDefinition::segmentNames() const
{
    std::vector<std::string> out;
    switch (kind) {
    case SegmentKind::ScoreBands:
        for (const ScoreBand& b : bands) {
            out.push_back(b.name);
        }
        out.push_back(restName);
        break;
    case SegmentKind::Quantiles: {
        if (!names.empty()) {
            return names;
        }
        const std::string word = quantiles == 10  ? "decile "
                                 : quantiles == 5 ? "quintile "
                                 : quantiles == 4 ? "quartile "
                                                  : "group ";
        for (int g = 1; g <= quantiles; ++g) {
            out.push_back(word + std::to_string(g));
        }
        break;
    }
    case SegmentKind::TopN:
        out = {topName, restName};
        break;
    }
    return out;
}

nlohmann::json SegmentDefinition::toJson() const
{
    nlohmann::json j{{"kind", kindId(kind)}};
    switch (kind) {
    case SegmentKind::ScoreBands:
        j["bands"] = nlohmann::json::array();
        for (const ScoreBand& b : bands) {
            j["bands"].push_back({{"name", b.name}, {"lower", b.lower}});
        }
        j["rest"] = restName;
        break;
    case SegmentKind::Quantiles:
        j["groups"] = quantiles;
        if (!names.empty()) {
            j["names"] = names;
        }
        break;
    case SegmentKind::TopN:
        if (topShare) {
            j["share"] = *topShare;
        } else {
            j["n"] = topN;
        }
        j["name"] = topName;
        j["rest"] = restName;
        break;
    }
    return j;
}

SegmentDefinition SegmentDefinition::fromJson(const nlohmann::json& j)
{
    SegmentDefinition d;
    try {
        const std::string kind = j.at("kind").get<std::string>();
        if (kind == "bands") {
            d.kind = SegmentKind::ScoreBands;
            for (const auto& b : j.at("bands")) {
                d.bands.push_back({b.at("name").get<std::string>(), b.at("lower").get<double>()});
            }
            d.restName = j.value("rest", std::string("rest"));
        } else if (kind == "quantiles") {
            d.kind = SegmentKind::Quantiles;
            d.quantiles = j.at("groups").get<int>();
            d.names = j.value("names", std::vector<std::string>{});
        } else if (kind == "top") {
            d.kind = SegmentKind::TopN;
            if (j.contains("share")) {
                d.topShare = j.at("share").get<double>();
            } else {
                d.topN = j.at("n").get<std::size_t>();
            }
            d.topName = j.value("name", std::string("top"));
            d.restName = j.value("rest", std::string("rest"));
        } else {
            throw std::invalid_argument("segment definition: unknown kind \"" + kind + "\"");
        }
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("segment definition: ") + e.what());
    }
    d.validate();
    return d;
}

Segmenter::Segmenter(SegmentDefinition definition, std::span<const float> referenceScores)
    : m_definition(std::move(definition))
{
    m_definition.validate();
    m_names = m_definition.segmentNames();
    if (m_definition.kind != SegmentKind::ScoreBands) {
        if (referenceScores.empty()) {
            throw std::invalid_argument("segments by quantile or top N need the scores of the customers");
        }
        m_ranking = ScoreRanking(referenceScores);
    }
    if (m_definition.kind == SegmentKind::TopN) {
        m_topThreshold = m_definition.topShare
                             ? topShareThreshold(referenceScores, *m_definition.topShare).threshold
                             : topNThreshold(referenceScores, m_definition.topN).threshold;
    }
}

std::size_t Segmenter::segmentOf(float score) const
{
    switch (m_definition.kind) {
    case SegmentKind::ScoreBands:
        for (std::size_t i = 0; i < m_definition.bands.size(); ++i) {
            // In the scores' precision: a score of 0.7f belongs to the band from 0.7.
            if (score >= static_cast<float>(m_definition.bands[i].lower)) {
                return i;
            }
        }
        return m_definition.bands.size();
    case SegmentKind::Quantiles:
        return static_cast<std::size_t>(m_ranking.group(score, m_definition.quantiles) - 1);
    case SegmentKind::TopN:
        return score >= m_topThreshold ? 0 : 1;
    }
    return 0;
}

std::vector<SegmentStats> summariseSegments(const SegmentDefinition& definition,
                                            std::span<const float> scores, std::span<const float> testScores,
                                            std::span<const float> testLabels)
{
    if (scores.empty()) {
        throw std::invalid_argument("segments: no scores");
    }
    if (testScores.size() != testLabels.size()) {
        throw std::invalid_argument("segments: give one label per test score");
    }
    const Segmenter segmenter(definition, scores);
    std::vector<SegmentStats> out(segmenter.names().size());
    std::vector<double> sums(out.size(), 0.0);
    double total = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].name = segmenter.names()[i];
    }
    for (float s : scores) {
        SegmentStats& st = out[segmenter.segmentOf(s)];
        st.minScore = st.customers == 0 ? s : std::min<double>(st.minScore, s);
        st.maxScore = st.customers == 0 ? s : std::max<double>(st.maxScore, s);
        ++st.customers;
        sums[&st - out.data()] += s;
        total += s;
    }
    double testPositives = 0;
    for (std::size_t i = 0; i < testScores.size(); ++i) {
        SegmentStats& st = out[segmenter.segmentOf(testScores[i])];
        ++st.testCustomers;
        const bool yes = testLabels[i] >= 0.5f;
        st.testPositives += yes ? 1 : 0;
        testPositives += yes ? 1.0 : 0.0;
    }
    const double meanAll = total / static_cast<double>(scores.size());
    const double testRate = testScores.empty() ? 0.0 : testPositives / static_cast<double>(testScores.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        SegmentStats& st = out[i];
        st.share = static_cast<double>(st.customers) / static_cast<double>(scores.size());
        st.meanScore = st.customers ? sums[i] / static_cast<double>(st.customers) : 0.0;
        st.expectedLift = meanAll > 0 ? st.meanScore / meanAll : 0.0;
        if (st.testCustomers > 0) {
            st.observedRate = static_cast<double>(st.testPositives) / static_cast<double>(st.testCustomers);
            st.observedLift = testRate > 0 ? *st.observedRate / testRate : 0.0;
        }
    }
    return out;
}

void requireYesNoScores(TaskKind task, const std::string& model)
{
    if (task != TaskKind::BinaryClassification) {
        throw std::invalid_argument("segments need a yes/no model; " + model + " predicts " +
                                    std::string(taskKindId(task)));
    }
}

} // namespace neurolift
