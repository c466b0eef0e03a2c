// What a project keeps beside its data and runs, each in a small table of its
// own: settings, kept networks, segment definitions, the export history, notes.

#include "project/project.h"

#include "project/projectstate.h"
#include "project/sqlite.h"

#include <utility>

namespace neurolift {

void Project::setSetting(const std::string& key, const nlohmann::json& value)
{
    m_state->guarded("saving a setting", [&] {
        sql::Statement q(m_state->db, "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        q.bind(1, std::string_view(key)).bind(2, std::string_view(value.dump())).run();
        return 0;
    });
}

std::optional<nlohmann::json> Project::setting(const std::string& key) const
{
    return m_state->guarded("reading a setting", [&]() -> std::optional<nlohmann::json> {
        sql::Statement q(m_state->db, "SELECT value FROM setting WHERE key = ?1");
        q.bind(1, std::string_view(key));
        if (!q.step()) {
            return std::nullopt;
        }
        return project::parseJson(q.text(0), "setting");
    });
}

void Project::saveArchitecture(const std::string& name, const Architecture& architecture)
{
    m_state->guarded("saving the network", [&] {
        sql::Statement q(
            m_state->db,
            "INSERT INTO architecture (name, spec, saved_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, saved_at = excluded.saved_at");
        q.bind(1, std::string_view(name))
            .bind(2, std::string_view(architecture.toJson().dump()))
            .bind(3, std::string_view(utcNow()))
            .run();
        return 0;
    });
}

void Project::setArchitectures(const std::vector<std::pair<std::string, Architecture>>& architectures)
{
    m_state->guarded("saving the networks", [&] {
        sql::Transaction t(m_state->db);
        m_state->db.exec("DELETE FROM architecture");
        sql::Statement q(m_state->db, "INSERT INTO architecture (name, spec, saved_at) VALUES (?1, ?2, ?3)");
        const std::string now = utcNow();
        for (const auto& [name, architecture] : architectures) {
            q.bind(1, std::string_view(name))
                .bind(2, std::string_view(architecture.toJson().dump()))
                .bind(3, std::string_view(now))
                .run();
        }
        t.commit();
        return 0;
    });
}

std::vector<std::pair<std::string, Architecture>> Project::architectures() const
{
    return m_state->guarded("reading the networks", [&] {
        sql::Statement q(m_state->db, "SELECT name, spec FROM architecture ORDER BY id");
        std::vector<std::pair<std::string, Architecture>> out;
        while (q.step()) {
            out.emplace_back(q.text(0), Architecture::fromJson(project::parseJson(q.text(1), "network")));
        }
        return out;
    });
}

std::int64_t Project::saveSegment(const std::string& name, const nlohmann::json& definition)
{
    return m_state->guarded("saving the segment", [&] {
        sql::Statement q(m_state->db, "INSERT INTO segment (name, definition) VALUES (?1, ?2) "
                                      "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition "
                                      "RETURNING id");
        q.bind(1, std::string_view(name)).bind(2, std::string_view(definition.dump()));
        const std::int64_t id = q.step() ? q.integer(0) : 0;
        q.reset();
        return id;
    });
}

std::vector<SegmentRecord> Project::segments() const
{
    return m_state->guarded("reading the segments", [&] {
        sql::Statement q(m_state->db, "SELECT id, name, definition FROM segment ORDER BY id");
        std::vector<SegmentRecord> out;
        while (q.step()) {
            out.push_back({q.integer(0), q.text(1), project::parseJson(q.text(2), "segment")});
        }
        return out;
    });
}

void Project::removeSegment(const std::string& name)
{
    m_state->guarded("removing the segment", [&] {
        sql::Statement q(m_state->db, "DELETE FROM segment WHERE name = ?1");
        q.bind(1, std::string_view(name));
        q.step();
        return 0;
    });
}

std::int64_t Project::addExport(const ExportRecord& e)
{
    return m_state->guarded("recording the export", [&] {
        sql::Statement q(m_state->db,
                         "INSERT INTO export (exported_at, path, run, segment, row_count, details) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        q.bind(1, std::string_view(e.exportedAt.empty() ? utcNow() : e.exportedAt))
            .bind(2, std::string_view(e.path));
        if (e.run) {
            q.bind(3, *e.run);
        } else {
            q.bindNull(3);
        }
        if (e.segment) {
            q.bind(4, *e.segment);
        } else {
            q.bindNull(4);
        }
        q.bind(5, static_cast<std::int64_t>(e.rows)).bind(6, std::string_view(e.details.dump())).run();
        return m_state->db.lastInsertId();
    });
}

std::vector<ExportRecord> Project::exports() const
{
    return m_state->guarded("reading the export history", [&] {
        sql::Statement q(
            m_state->db,
            "SELECT id, exported_at, path, run, segment, row_count, details FROM export ORDER BY id");
        std::vector<ExportRecord> out;
        while (q.step()) {
            ExportRecord e;
            e.id = q.integer(0);
            e.exportedAt = q.text(1);
            e.path = q.text(2);
            if (!q.isNull(3)) {
                e.run = q.integer(3);
            }
            if (!q.isNull(4)) {
                e.segment = q.integer(4);
            }
            e.rows = static_cast<std::size_t>(q.integer(5));
            e.details = project::parseJson(q.text(6), "export details");
            out.push_back(std::move(e));
        }
        return out;
    });
}

void Project::addNote(const std::string& text)
{
    m_state->guarded("saving the note", [&] {
        sql::Statement q(m_state->db, "INSERT INTO note (text, created_at) VALUES (?1, ?2)");
        q.bind(1, std::string_view(text)).bind(2, std::string_view(utcNow())).run();
        return 0;
    });
}

std::vector<std::string> Project::notes() const
{
    return m_state->guarded("reading the notes", [&] {
        sql::Statement q(m_state->db, "SELECT text FROM note ORDER BY id");
        std::vector<std::string> out;
        while (q.step()) {
            out.push_back(q.text(0));
        }
        return out;
    });
}

} // namespace neurolift
