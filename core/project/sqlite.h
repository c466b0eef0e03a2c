#pragma once

// A thin RAII layer over SQLite's C API: a connection, prepared statements
// with bound parameters (never SQL built from data), and transactions.
// Internal to core/project.

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace neurolift::sql {

/// A failed SQLite call: what() is SQLite's message with the statement's purpose.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message);
    int code() const { return m_code; } ///< SQLite's primary result code (SQLITE_CORRUPT, ...).
    bool corrupt() const;               ///< The file is damaged or not a database.

private:
    int m_code;
};

class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };
    Database(const std::string& path, Mode mode);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs SQL without parameters (schema, pragmas). Never pass data in `sql`.
    void exec(const char* sql);
    std::int64_t lastInsertId() const;
    /// Copies the whole database, consistently, into a new file at `path`.
    void backupTo(const std::string& path) const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement; bind parameters by 1-based index.
class Statement {
public:
    Statement(const Database& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bindBlob(int index, std::span<const std::byte> bytes);
    Statement& bindNull(int index);

    /// Steps once: true while a row is available, false when done.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::span<const std::byte> blob(int column) const; ///< Valid until the next step.
    bool isNull(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

} // namespace neurolift::sql
