#include "scoring/sqlexport.h"

#include "nn/layers.h"
#include "nn/network.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace neurolift {

namespace {

std::string ident(const std::string& name)
{
    std::string q = "\"";
    for (char c : name) {
        q += c;
        if (c == '"') {
            q += '"';
        }
    }
    return q + "\"";
}

std::string text(const std::string& s)
{
    std::string q = "'";
    for (char c : s) {
        q += c;
        if (c == '\'') {
            q += '\'';
        }
    }
    return q + "'";
}

/// A real literal: always with a point or an exponent, so SQLite never divides integers.
std::string real(double v)
{
    if (!std::isfinite(v)) {
        throw std::invalid_argument(
            "the model holds a value that is not a finite number; it cannot be written as SQL");
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) {
        s += ".0";
    }
    return v < 0 ? "(" + s + ")" : s;
}

struct Dialect {
    SqlDialect kind;
    std::string number(const std::string& column) const
    {
        // SQLite tables filled from CSV files (.import) hold '' for empty cells.
        return kind == SqlDialect::Postgres ? "CAST(" + column + " AS DOUBLE PRECISION)"
                                            : "NULLIF(" + column + ", '')";
    }
    std::string category(const std::string& column) const
    {
        return kind == SqlDialect::Postgres ? "CAST(" + column + " AS TEXT)" : column;
    }
    std::string greatest(const std::string& a, const std::string& b) const
    {
        return (kind == SqlDialect::Postgres ? "GREATEST(" : "MAX(") + a + ", " + b + ")";
    }
};

/// An activation of a column reference `x` (repeated freely: it is a name, not an expression).
std::string activation(Activation a, const std::string& x)
{
    switch (a) {
    case Activation::Linear:
        return x;
    case Activation::ReLU:
        return "CASE WHEN " + x + " > 0 THEN " + x + " ELSE 0.0 END";
    case Activation::LeakyReLU:
        return "CASE WHEN " + x + " > 0 THEN " + x + " ELSE " + real(kLeakySlope) + " * " + x + " END";
    case Activation::ELU:
        return "CASE WHEN " + x + " > 0 THEN " + x + " ELSE " + real(kEluAlpha) + " * (EXP(" + x +
               ") - 1.0) END";
    case Activation::Tanh:
        return "TANH(" + x + ")";
    case Activation::Sigmoid:
        // Two branches, so EXP never overflows (PostgreSQL raises an error where SQLite gives inf).
        return "CASE WHEN " + x + " >= 0 THEN 1.0 / (1.0 + EXP(-" + x + ")) ELSE EXP(" + x +
               ") / (1.0 + EXP(" + x + ")) END";
    case Activation::GELU:
        throw std::invalid_argument(
            "GELU needs erf(), which neither SQLite nor PostgreSQL has; the model cannot be "
            "written as SQL");
    case Activation::Softmax:
        throw std::invalid_argument("softmax is only supported as the output layer in SQL");
    }
    return x;
}

/// "z3", "h3", "x3": a CTE column. (Appending, not "z" + std::to_string(k), which makes GCC 12
/// warn falsely under -O3.)
std::string column(const char* prefix, long k)
{
    std::string s = prefix;
    s += std::to_string(k);
    return s;
}

} // namespace

std::string modelSql(const TrainedModel& model, const SqlExportOptions& options)
{
    const Dialect d{options.dialect};
    const Recipe& recipe = model.recipe;
    const Network net = model.network();
    const std::string key = options.keyColumn.empty() ? model.idColumn : options.keyColumn;
    const std::string keySelect = key.empty() ? std::string() : ident(key) + " AS nl_key, ";
    const std::string keyCarry = key.empty() ? std::string() : "nl_key, ";

    // The prepared inputs, in the recipe's feature order. Steps come in the user's column
    // order, which featureSources() gives; numeric and categorical steps interleave.
    std::vector<std::string> inputs;
    const auto sources = recipe.featureSources();
    std::size_t ni = 0;
    std::size_t ci = 0;
    for (std::size_t f = 0; f < sources.size();) {
        // Only a date column has both kinds of step, and dates are refused below.
        const bool numeric =
            ni < recipe.numericSteps().size() && recipe.numericSteps()[ni].column == sources[f];
        if (numeric) {
            const auto& s = recipe.numericSteps()[ni++];
            if (s.daysBefore) {
                throw std::invalid_argument(
                    "the date column \"" + s.column +
                    "\" cannot be prepared in SQL yet; train without it to export SQL");
            }
            const std::string x = d.number(ident(s.column));
            const std::string value = s.log ? "LN(1.0 + " + d.greatest(x, "0.0") + ")" : x;
            inputs.push_back("((CASE WHEN " + x + " IS NULL THEN " + real(s.fill) + " ELSE " + value +
                             " END) - " + real(s.offset) + ") / " + real(s.scale));
            if (s.missingFlag) {
                inputs.push_back("CASE WHEN " + x + " IS NULL THEN 1.0 ELSE 0.0 END");
            }
            f += s.missingFlag ? 2 : 1;
            continue;
        }
        const auto& s = recipe.categoricalSteps()[ci++];
        if (s.month) {
            throw std::invalid_argument("the date column \"" + s.column +
                                        "\" cannot be prepared in SQL yet; train without it to export SQL");
        }
        const std::string c = d.category(ident(s.column));
        const std::string missing = "(" + c + " IS NULL OR " + c + " = '')";
        std::string known;
        for (const std::string& level : s.levels) {
            inputs.push_back("CASE WHEN " + c + " = " + text(level) + " THEN 1.0 ELSE 0.0 END");
            known += (known.empty() ? "" : ", ") + text(level);
        }
        if (s.other) {
            inputs.push_back("CASE WHEN " + missing +
                             (known.empty() ? "" : " OR " + c + " IN (" + known + ")") +
                             " THEN 0.0 ELSE 1.0 END");
        }
        if (s.missingLevel) {
            inputs.push_back("CASE WHEN " + missing + " THEN 1.0 ELSE 0.0 END");
        }
        f += s.levels.size() + (s.other ? 1 : 0) + (s.missingLevel ? 1 : 0);
    }
    if (static_cast<int>(inputs.size()) != recipe.featureCount()) {
        throw std::invalid_argument(
            "the recipe's steps do not add up to its inputs; the model cannot be written as SQL");
    }

    std::ostringstream sql;
    sql << "-- NeuroLift model as SQL (" << (options.dialect == SqlDialect::Sqlite ? "SQLite" : "PostgreSQL")
        << "): target \"" << model.target.column << "\", " << inputs.size() << " inputs\n";
    sql << "WITH nl_input AS MATERIALIZED (\n  SELECT " << keySelect;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        sql << (i ? ",\n    " : "") << inputs[i] << " AS x" << i;
    }
    sql << "\n  FROM " << ident(options.table) << "\n)";

    // Layers: a CTE per layer that changes values; dropout passes through.
    std::string previous = "nl_input";
    std::string prefix = "x";
    int width = static_cast<int>(inputs.size());
    int stage = 0;
    std::vector<std::string> outputs;
    for (std::size_t li = 0; li < net.layerCount(); ++li) {
        const Layer& layer = net.layer(li);
        const bool last = li + 1 == net.layerCount();
        std::vector<std::string> exprs;
        Activation act = Activation::Linear;
        if (layer.kind() == LayerKind::Dropout) {
            continue;
        }
        if (layer.kind() == LayerKind::Dense) {
            const auto& dense = static_cast<const DenseLayer&>(layer);
            const Matrix& w = dense.weight().value;
            const Matrix& b = dense.bias().value;
            for (Index o = 0; o < w.rows(); ++o) {
                std::string e = real(b(o, 0));
                for (Index i = 0; i < w.cols(); ++i) {
                    if (w(o, i) != 0.0f) {
                        e += " + " + real(w(o, i)) + " * " + column(prefix.c_str(), i);
                    }
                }
                exprs.push_back(e);
            }
            // The network keeps the output link apart from the last layer (which it builds linear).
            act = last ? net.outputLink() : dense.activation();
        } else if (layer.kind() == LayerKind::Activation) {
            act = static_cast<const ActivationLayer&>(layer).activation();
            for (int i = 0; i < width; ++i) {
                exprs.push_back(column(prefix.c_str(), i));
            }
        } else if (layer.kind() == LayerKind::BatchNorm) {
            // Scoring uses the running statistics: a fixed scale and shift per feature.
            NamedTensors all = net.weights();
            const auto find = [&](const std::string& suffix) -> const Matrix& {
                for (const auto& [name, m] : all) {
                    if (name == layer.name() + suffix) {
                        return m;
                    }
                }
                throw std::invalid_argument("batch norm \"" + layer.name() + "\" lacks " + suffix);
            };
            const Matrix& gamma = find(".weight");
            const Matrix& beta = find(".bias");
            const Matrix& mean = find(".running_mean");
            const Matrix& var = find(".running_var");
            const float eps = model.architecture.layers.at(li).epsilon;
            for (int i = 0; i < width; ++i) {
                const double scale = gamma(i, 0) / std::sqrt(static_cast<double>(var(i, 0)) + eps);
                exprs.push_back(real(scale) + " * " + column(prefix.c_str(), i) + " + " +
                                real(beta(i, 0) - mean(i, 0) * scale));
            }
        }
        // The affine part in one CTE, the activation over its named columns in the next.
        const std::string z = column("nl_z", ++stage);
        sql << ",\n" << z << " AS MATERIALIZED (\n  SELECT " << keyCarry;
        for (std::size_t k = 0; k < exprs.size(); ++k) {
            sql << (k ? ",\n    " : "") << exprs[k] << " AS z" << k;
        }
        sql << "\n  FROM " << previous << "\n)";
        width = static_cast<int>(exprs.size());
        if (last) {
            previous = z;
            prefix = "z";
            for (int k = 0; k < width; ++k) {
                outputs.push_back(column("z", k));
            }
            if (act == Activation::Softmax) {
                std::string sum;
                for (int k = 0; k < width; ++k) {
                    sum += (k ? " + " : "") + std::string("EXP(z") + std::to_string(k) + ")";
                }
                outputs.clear();
                for (int k = 0; k < width; ++k) {
                    outputs.push_back(std::string("EXP(") + column("z", k) + ") / (" + sum + ")");
                }
            } else {
                for (int k = 0; k < width; ++k) {
                    outputs[static_cast<std::size_t>(k)] = activation(act, column("z", k));
                }
            }
            break;
        }
        const std::string h = column("nl_h", stage);
        sql << ",\n" << h << " AS MATERIALIZED (\n  SELECT " << keyCarry;
        for (int k = 0; k < width; ++k) {
            sql << (k ? ",\n    " : "") << activation(act, column("z", k)) << " AS h" << k;
        }
        sql << "\n  FROM " << z << "\n)";
        previous = h;
        prefix = "h";
    }

    sql << "\nSELECT " << (key.empty() ? std::string() : "nl_key AS " + ident(key) + ", ");
    if (model.target.task == TaskKind::MultiClassification) {
        for (std::size_t k = 0; k < outputs.size(); ++k) {
            const std::string cls =
                k < model.target.classes.size() ? model.target.classes[k] : std::to_string(k);
            sql << (k ? ",\n  " : "") << outputs[k] << " AS " << ident("p_" + cls);
        }
    } else {
        sql << outputs.at(0) << " AS " << (model.target.task == TaskKind::Regression ? "predicted" : "score");
    }
    sql << "\nFROM " << previous << ";\n";
    return sql.str();
}

} // namespace neurolift
