// Training runs in a project: their settings, history, split and weights.

#include "project/project.h"

#include "project/projectstate.h"
#include "project/sqlite.h"

#include <cstring>
#include <span>
#include <utility>

namespace neurolift {

namespace {

std::span<const std::byte> bytesOf(const Matrix& m)
{
    return std::as_bytes(std::span<const float>(m.data(), static_cast<std::size_t>(m.size())));
}

} // namespace

std::int64_t Project::addRun(const RunRecord& run)
{
    State& s = *m_state;
    return s.guarded("saving the run", [&] {
        sql::Transaction t(s.db);
        sql::Statement q(s.db,
                         "INSERT INTO run (name, settings, seed, started_at, finished_at, status, message, "
                         "warnings, metrics, model, best_epoch, split) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        const nlohmann::json model{{"target", run.model.target.toJson()},
                                   {"id_column", run.model.idColumn},
                                   {"recipe", run.model.recipe.toJson()},
                                   {"architecture", run.model.architecture.toJson()},
                                   {"summary", run.model.summary}};
        q.bind(1, std::string_view(run.name))
            .bind(2, std::string_view(run.settings.dump()))
            .bind(3, static_cast<std::int64_t>(run.seed))
            .bind(4, std::string_view(run.startedAt))
            .bind(5, std::string_view(run.finishedAt))
            .bind(6, std::string_view(run.status))
            .bind(7, std::string_view(run.message))
            .bind(8, std::string_view(nlohmann::json(run.warnings).dump()))
            .bind(9, std::string_view(run.metrics.dump()))
            .bind(10, std::string_view(model.dump()))
            .bind(11, static_cast<std::int64_t>(run.bestEpoch));
        if (run.split.empty()) {
            q.bindNull(12);
        } else {
            q.bindBlob(12, std::as_bytes(std::span(run.split)));
        }
        q.run();
        const std::int64_t id = s.db.lastInsertId();
        sql::Statement e(s.db, "INSERT INTO run_epoch (run, epoch, train_loss, validation_loss, metrics, "
                               "learning_rate, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (const RunEpoch& r : run.history) {
            e.bind(1, id).bind(2, static_cast<std::int64_t>(r.epoch)).bind(3, r.trainLoss);
            if (r.validationLoss) {
                e.bind(4, *r.validationLoss);
            } else {
                e.bindNull(4);
            }
            e.bind(5, std::string_view(r.metrics.dump())).bind(6, r.learningRate).bind(7, r.seconds).run();
        }
        sql::Statement w(s.db, "INSERT INTO run_weights (run, kind, position, name, rows, cols, data) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        const auto writeWeights = [&](const NamedTensors& tensors, std::string_view kind) {
            for (std::size_t i = 0; i < tensors.size(); ++i) {
                const auto& [name, m] = tensors[i];
                w.bind(1, id)
                    .bind(2, kind)
                    .bind(3, static_cast<std::int64_t>(i))
                    .bind(4, std::string_view(name))
                    .bind(5, static_cast<std::int64_t>(m.rows()))
                    .bind(6, static_cast<std::int64_t>(m.cols()))
                    .bindBlob(7, bytesOf(m))
                    .run();
            }
        };
        writeWeights(run.model.weights, "model");
        if (run.lastEpochWeights) {
            writeWeights(*run.lastEpochWeights, "last_epoch");
        }
        t.commit();
        return id;
    });
}

std::vector<RunSummary> Project::runs() const
{
    return m_state->guarded("reading the runs", [&] {
        sql::Statement q(
            m_state->db,
            "SELECT id, name, status, started_at, finished_at, metrics, "
            "(SELECT COUNT(*) FROM run_epoch WHERE run_epoch.run = run.id) FROM run ORDER BY id");
        std::vector<RunSummary> out;
        while (q.step()) {
            out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4),
                           static_cast<int>(q.integer(6)), project::parseJson(q.text(5), "run metrics")});
        }
        return out;
    });
}

RunRecord Project::run(std::int64_t id) const
{
    State& s = *m_state;
    return s.guarded("reading the run", [&] {
        sql::Statement q(s.db,
                         "SELECT name, settings, seed, started_at, finished_at, status, message, warnings, "
                         "metrics, model, best_epoch, split FROM run WHERE id = ?1");
        q.bind(1, id);
        if (!q.step()) {
            throw ProjectError(ProjectError::Kind::NotFound, s.name,
                               "there is no run " + std::to_string(id) + " in this project");
        }
        RunRecord r;
        r.id = id;
        r.name = q.text(0);
        r.settings = project::parseJson(q.text(1), "run settings");
        r.seed = static_cast<std::uint64_t>(q.integer(2));
        r.startedAt = q.text(3);
        r.finishedAt = q.text(4);
        r.status = q.text(5);
        r.message = q.text(6);
        r.warnings = project::parseJson(q.text(7), "run warnings").get<std::vector<std::string>>();
        r.metrics = project::parseJson(q.text(8), "run metrics");
        const nlohmann::json model = project::parseJson(q.text(9), "model");
        r.model.target = TargetSpec::fromJson(model.at("target"));
        r.model.idColumn = model.at("id_column").get<std::string>();
        r.model.recipe = Recipe::fromJson(model.at("recipe"));
        r.model.architecture = Architecture::fromJson(model.at("architecture"));
        r.model.summary = model.value("summary", nlohmann::json::object());
        r.bestEpoch = static_cast<int>(q.integer(10));
        if (!q.isNull(11)) {
            const auto split = q.blob(11);
            r.split.resize(split.size());
            if (!split.empty()) { // an empty BLOB may have no address: memcpy from null is UB
                std::memcpy(r.split.data(), split.data(), split.size());
            }
        }

        sql::Statement e(s.db, "SELECT epoch, train_loss, validation_loss, metrics, learning_rate, seconds "
                               "FROM run_epoch WHERE run = ?1 ORDER BY epoch");
        e.bind(1, id);
        while (e.step()) {
            RunEpoch ep;
            ep.epoch = static_cast<int>(e.integer(0));
            ep.trainLoss = e.real(1);
            if (!e.isNull(2)) {
                ep.validationLoss = e.real(2);
            }
            ep.metrics = project::parseJson(e.text(3), "epoch metrics");
            ep.learningRate = e.real(4);
            ep.seconds = e.real(5);
            r.history.push_back(std::move(ep));
        }
        sql::Statement w(s.db, "SELECT kind, name, rows, cols, data FROM run_weights WHERE run = ?1 "
                               "ORDER BY kind, position");
        w.bind(1, id);
        while (w.step()) {
            const auto rows = static_cast<Index>(w.integer(2));
            const auto cols = static_cast<Index>(w.integer(3));
            const auto bytes = w.blob(4);
            // Divided, not multiplied: a damaged file's rows * cols can overflow.
            const std::size_t values = bytes.size() / sizeof(float);
            if (rows < 0 || cols < 0 || bytes.size() % sizeof(float) != 0 ||
                (rows == 0 ? values != 0
                           : values % static_cast<std::size_t>(rows) != 0 ||
                                 values / static_cast<std::size_t>(rows) != static_cast<std::size_t>(cols))) {
                throw std::invalid_argument("the weights \"" + w.text(1) + "\" have the wrong size");
            }
            Matrix m(rows, cols);
            if (!bytes.empty()) {
                std::memcpy(m.data(), bytes.data(), bytes.size());
            }
            const bool lastEpoch = w.text(0) == "last_epoch";
            if (lastEpoch && !r.lastEpochWeights) {
                r.lastEpochWeights.emplace();
            }
            NamedTensors& into = lastEpoch ? *r.lastEpochWeights : r.model.weights;
            into.emplace_back(w.text(1), std::move(m));
        }
        r.model.check(); // weights that fit, finite numbers, a task the network fits
        return r;
    });
}

} // namespace neurolift
