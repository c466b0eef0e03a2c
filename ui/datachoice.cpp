#include "datachoice.h"

#include <nlohmann/json.hpp>

namespace neurolift {

namespace {

QString stringAt(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return {};
    }
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

nlohmann::json dataChoiceToJson(const DataChoice& choice)
{
    nlohmann::json features = nlohmann::json::array();
    for (const QString& f : choice.features) {
        features.push_back(f.toStdString());
    }
    return {{"target", choice.target.toStdString()},
            {"positive", choice.positive.toStdString()},
            {"id", choice.idColumn.toStdString()},
            {"features", std::move(features)}};
}

DataChoice dataChoiceFromJson(const nlohmann::json& j)
{
    DataChoice c;
    c.target = stringAt(j, "target");
    c.positive = stringAt(j, "positive");
    c.idColumn = stringAt(j, "id");
    if (const auto it = j.find("features"); it != j.end()) {
        for (const auto& f : *it) {
            c.features << QString::fromStdString(f.get<std::string>());
        }
    }
    return c;
}

} // namespace neurolift
