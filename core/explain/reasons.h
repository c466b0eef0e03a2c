#pragma once

#include "data/columnwords.h"
#include "data/table.h"
#include "explain/featuregroups.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace neurolift {

/// One source column's push on one customer's score.
struct Reason {
    std::string column;
    double effect = 0.0; ///< Its attribution summed over the column's inputs (> 0 pushed the score up).
    std::string text;    ///< "pricing_page_visits = 4 (+0.18)", "income is missing (+0.02)".
};

/// The strongest pushes up and down on one customer's score, strongest first.
struct RowReasons {
    std::vector<Reason> up;
    std::vector<Reason> down;
};

struct ReasonOptions {
    int top = 3;            ///< Reasons per direction.
    double minEffect = 0.0; ///< Pushes smaller than this (in absolute value) are not reasons.
    /// The user's words for columns: a described column reads "Viewed the pricing page: no (-0.09)".
    const ColumnWords* words = nullptr;
};

/// A reason in words a marketer reads: "channel = email (-0.05)", "income is missing (+0.02)".
std::string reasonText(const std::string& column, const std::string& value, bool missing, double effect);

/// A reason for a column the user described: "Viewed the pricing page: no (-0.09)",
/// "Income: missing (+0.02)". A yes/no column's 1/0 reads "yes"/"no".
/// Whether a described column's cells read as "yes"/"no": a yes/no column the file wrote as 1/0.
bool readsAsYesNo(const Column& column);

std::string describedReasonText(const std::string& words, const Column& column, std::size_t row,
                                double effect);

/// Reason codes from attributions (inputs x rows, see attribute()): each row's
/// attributions summed per source column of `groups`, then the `top` largest
/// pushes up and down. The values shown are the original cells of `table` at
/// `rows` (column j of the attributions is table row rows[j]), never the prepared
/// ones. Ties keep the column order, so the same attributions give the same reasons.
std::vector<RowReasons> reasonCodes(const Matrix& attributions, const FeatureGroups& groups, const Table& table,
                                    std::span<const std::int64_t> rows, const ReasonOptions& options = {});

} // namespace neurolift
