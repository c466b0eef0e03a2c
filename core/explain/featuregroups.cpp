#include "explain/featuregroups.h"

#include <map>
#include <stdexcept>

namespace neurolift {

FeatureGroups FeatureGroups::fromSources(const std::vector<std::string>& featureSources)
{
    FeatureGroups g;
    std::map<std::string, std::size_t, std::less<>> index;
    for (std::size_t f = 0; f < featureSources.size(); ++f) {
        const auto [it, inserted] = index.emplace(featureSources[f], g.columns.size());
        if (inserted) {
            g.columns.push_back(featureSources[f]);
            g.features.emplace_back();
        }
        g.features[it->second].push_back(static_cast<Index>(f));
    }
    return g;
}

Matrix FeatureGroups::sum(const Matrix& perFeature) const
{
    Matrix out = Matrix::Zero(static_cast<Index>(columns.size()), perFeature.cols());
    for (std::size_t g = 0; g < features.size(); ++g) {
        for (const Index f : features[g]) {
            if (f >= perFeature.rows()) {
                throw std::invalid_argument("feature groups: input " + std::to_string(f) +
                                            " is beyond the attributions' " +
                                            std::to_string(perFeature.rows()) + " inputs");
            }
            out.row(static_cast<Index>(g)) += perFeature.row(f);
        }
    }
    return out;
}

} // namespace neurolift
