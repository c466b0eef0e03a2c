#include "data/demo.h"

#include "nn/random.h"
#include "scoring/csvcells.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

namespace neurolift {

namespace {

constexpr double kPi = 3.14159265358979323846;

constexpr std::array<DemoInfo, 7> kDemos{{
    {DemoKind::CarBuyers, "car-buyers",
     "Website visitors of a car dealer: pages viewed, visits, channel; did they buy within 30 days?",
     "bought_30d", "yes", "customer_id", 4000, 0.3},
    {DemoKind::NewsletterChurn, "newsletter-churn",
     "Newsletter subscribers: opens, clicks, frequency, tenure; did they unsubscribe?", "churned", "yes",
     "subscriber_id", 5000, 0.3},
    {DemoKind::CustomerSpend, "customer-spend",
     "Shop customers: orders, loyalty, segment; how much will they spend in the next 90 days?",
     "spend_next_90d", "", "customer_id", 5000, 0.5},
    {DemoKind::TwoBlobs, "two-blobs",
     "2-D teaching set: two overlapping clouds that a straight line separates", "class", "orange", "", 400,
     1.0},
    {DemoKind::Xor, "xor", "2-D teaching set: the four quadrants, class by the sign of x times y", "class",
     "orange", "", 400, 0.05},
    {DemoKind::Circles, "circles", "2-D teaching set: a disc inside a ring (no straight line separates them)",
     "class", "orange", "", 400, 0.05},
    {DemoKind::Spirals, "spirals", "2-D teaching set: two interleaved spirals (needs a deeper network)",
     "class", "orange", "", 600, 0.02},
}};

// Distributions from Rng's raw bits and this file's arithmetic only.

double uniform(Rng& rng)
{
    return rng.uniformDouble();
}

bool chance(Rng& rng, double p)
{
    return rng.uniformDouble() < p;
}

/// Standard normal, Box-Muller in double precision.
double normal(Rng& rng)
{
    const double u1 = 1.0 - rng.uniformDouble(); // (0, 1]: the log stays finite
    const double u2 = rng.uniformDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

/// Exponential with mean `mean`.
double exponential(Rng& rng, double mean)
{
    return -mean * std::log(1.0 - rng.uniformDouble());
}

/// Index drawn with the given weights (which sum to 1).
template <std::size_t N>
std::size_t pick(Rng& rng, const std::array<double, N>& weights)
{
    const double u = rng.uniformDouble();
    double sum = 0.0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        sum += weights[i];
        if (u < sum) {
            return i;
        }
    }
    return N - 1;
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// `v` to `decimals` places, so the CSV is short and reads back exactly.
double rounded(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

Column numbers(std::string name, std::vector<double> values, ColumnType type = ColumnType::Numeric)
{
    Column c;
    c.name = std::move(name);
    c.type = type;
    c.missing.assign(values.size(), 0);
    c.values = std::move(values);
    return c;
}

/// A yes/no column as the reader types the words "no" and "yes".
Column yesNo(std::string name, const std::vector<double>& values)
{
    Column c = numbers(std::move(name), values, ColumnType::Boolean);
    // The reader keeps the spelling of each word it saw, "0"/"1" for one it did not.
    c.levels = {"0", "1"};
    for (double v : values) {
        c.levels[v != 0.0 ? 1 : 0] = v != 0.0 ? "yes" : "no";
    }
    return c;
}

/// A categorical column with its levels in order of first appearance, as the reader builds it.
template <std::size_t N>
Column categories(std::string name, const std::array<std::string_view, N>& names,
                  const std::vector<std::size_t>& picks)
{
    Column c;
    c.name = std::move(name);
    c.type = ColumnType::Categorical;
    std::array<std::int32_t, N> code;
    code.fill(-1);
    for (std::size_t p : picks) {
        if (code[p] < 0) {
            code[p] = static_cast<std::int32_t>(c.levels.size());
            c.levels.emplace_back(names[p]);
        }
        c.codes.push_back(code[p]);
    }
    return c;
}

/// "C00001", "C00002", ...: an identifier column.
Column identifiers(std::string name, char prefix, std::size_t rows)
{
    Column c;
    c.name = std::move(name);
    c.type = ColumnType::Identifier;
    const std::size_t width = rows < 100000 ? 5 : 7;
    for (std::size_t i = 1; i <= rows; ++i) {
        std::string digits = std::to_string(i);
        if (digits.size() < width) {
            digits.insert(0, width - digits.size(), '0');
        }
        std::string id(1, prefix);
        id += digits;
        c.strings.push_back(std::move(id));
    }
    c.missing.assign(rows, 0);
    return c;
}

/// Car buyers. The truth, with interactions a logistic regression cannot
/// represent: looking at prices AND building a car in the configurator lifts
/// the chance of buying far more than either alone (either alone lowers it); a
/// visit in the last few days helps, one over 45 days ago hurts; 2-5 visits are
/// best; financing helps those who looked at prices and not the others; the
/// configurator on a phone helps less; e-mail and direct visitors buy more than
/// social ones; region and minutes on site do not matter.
Table carBuyers(std::size_t n, double noise, Rng& rng)
{
    constexpr std::array<std::string_view, 4> kChannels{"search", "social", "email", "direct"};
    constexpr std::array<double, 4> kChannelShare{0.36, 0.26, 0.14, 0.24};
    constexpr std::array<double, 4> kChannelEffect{0.1, -0.7, 0.5, 0.3};
    constexpr std::array<std::string_view, 3> kDevices{"desktop", "mobile", "tablet"};
    constexpr std::array<double, 3> kDeviceShare{0.5, 0.42, 0.08};
    constexpr std::array<double, 3> kDeviceEffect{0.0, -0.3, 0.0};
    constexpr std::array<std::string_view, 4> kRegions{"North", "South", "East", "West"};
    constexpr std::array<double, 4> kRegionShare{0.24, 0.26, 0.2, 0.3};

    std::vector<double> visits(n), days(n), minutes(n), pricing(n), configurator(n), specs(n), financing(n),
        bought(n);
    std::vector<std::size_t> channel(n), device(n), region(n);
    for (std::size_t i = 0; i < n; ++i) {
        channel[i] = pick(rng, kChannelShare);
        device[i] = pick(rng, kDeviceShare);
        region[i] = pick(rng, kRegionShare);
        visits[i] = std::min(25.0, 1.0 + std::floor(exponential(rng, 2.2)));
        days[i] = std::min(180.0, std::floor(exponential(rng, 20.0)));
        const double engaged = 0.15 + 0.05 * std::min(visits[i], 8.0) + (channel[i] == 2 ? 0.1 : 0.0);
        pricing[i] = chance(rng, engaged) ? 1.0 : 0.0;
        configurator[i] = chance(rng, 0.15 + 0.3 * pricing[i] + 0.03 * std::min(visits[i], 6.0)) ? 1.0 : 0.0;
        specs[i] = chance(rng, 0.3 + 0.2 * configurator[i]) ? 1.0 : 0.0;
        financing[i] = chance(rng, 0.1 + 0.25 * pricing[i]) ? 1.0 : 0.0;
        minutes[i] = rounded(std::exp(1.3 + 0.2 * std::log(visits[i]) + 0.6 * normal(rng)), 1);
        // Logit of buying. Pricing AND configurator: far more likely; only one of them: less
        // likely than neither (comparing prices, or playing with the configurator).
        const double oneOfThem = pricing[i] != configurator[i] ? 1.0 : 0.0;
        // 2-5 visits are the sweet spot; a single visit or many are less promising.
        const double visitEffect = visits[i] == 1.0 ? -0.8 : (visits[i] <= 5.0 ? 0.4 : -0.4);
        const double mobile = device[i] == 1 ? 1.0 : 0.0;
        const double z = -2.7 + 3.0 * pricing[i] * configurator[i] - 0.8 * oneOfThem + 0.2 * specs[i] +
                         financing[i] * (pricing[i] > 0.0 ? 0.8 : -0.8) + 1.5 * std::exp(-days[i] / 5.0) -
                         1.0 * (days[i] > 45.0 ? 1.0 : 0.0) + visitEffect - 1.0 * configurator[i] * mobile +
                         kChannelEffect[channel[i]] + kDeviceEffect[device[i]] + noise * normal(rng);
        bought[i] = chance(rng, sigmoid(z)) ? 1.0 : 0.0;
    }
    std::vector<Column> c;
    c.push_back(identifiers("customer_id", 'C', n));
    c.push_back(numbers("visits", std::move(visits)));
    c.push_back(numbers("days_since_last_visit", std::move(days)));
    c.push_back(numbers("minutes_on_site", std::move(minutes)));
    c.push_back(numbers("viewed_pricing", std::move(pricing), ColumnType::Boolean));
    c.push_back(numbers("used_configurator", std::move(configurator), ColumnType::Boolean));
    c.push_back(numbers("viewed_specifications", std::move(specs), ColumnType::Boolean));
    c.push_back(numbers("viewed_financing", std::move(financing), ColumnType::Boolean));
    c.push_back(categories("channel", kChannels, channel));
    c.push_back(categories("device", kDevices, device));
    c.push_back(categories("region", kRegions, region));
    c.push_back(yesNo("bought_30d", bought));
    return Table(std::move(c), n);
}

/// Newsletter churn. The truth: subscribers who rarely open leave, above all
/// when they get a daily letter; a long tenure and a past purchase keep them;
/// no click for three months pushes them out; those signed up at an event
/// leave more, referrals less; the age group does not matter.
Table newsletterChurn(std::size_t n, double noise, Rng& rng)
{
    constexpr std::array<std::string_view, 3> kFrequencies{"daily", "weekly", "monthly"};
    constexpr std::array<double, 3> kFrequencyShare{0.3, 0.55, 0.15};
    constexpr std::array<double, 3> kLettersPerMonth{30.0, 4.0, 1.0};
    constexpr std::array<std::string_view, 4> kSources{"website", "checkout", "event", "referral"};
    constexpr std::array<double, 4> kSourceShare{0.45, 0.3, 0.1, 0.15};
    constexpr std::array<double, 4> kSourceEffect{0.0, 0.1, 0.6, -0.6};
    constexpr std::array<std::string_view, 4> kAges{"18-29", "30-44", "45-59", "60+"};
    constexpr std::array<double, 4> kAgeShare{0.25, 0.35, 0.25, 0.15};

    std::vector<double> tenure(n), openRate(n), clicks(n), lastClick(n), purchased(n), churned(n);
    std::vector<std::size_t> frequency(n), source(n), age(n);
    for (std::size_t i = 0; i < n; ++i) {
        frequency[i] = pick(rng, kFrequencyShare);
        source[i] = pick(rng, kSourceShare);
        age[i] = pick(rng, kAgeShare);
        tenure[i] = std::min(72.0, 1.0 + std::floor(exponential(rng, 16.0)));
        openRate[i] = rounded(sigmoid(-0.4 + 1.3 * normal(rng)), 2);
        // max(): an open rate of 0 gives floor(-0.0), which would be written "-0".
        clicks[i] =
            std::max(0.0, std::floor(exponential(rng, openRate[i] * kLettersPerMonth[frequency[i]] * 0.25)));
        lastClick[i] = clicks[i] > 0 ? std::floor(uniform(rng) * 30.0)
                                     : std::min(365.0, 30.0 + std::floor(exponential(rng, 80.0)));
        purchased[i] = chance(rng, 0.25 + 0.3 * openRate[i]) ? 1.0 : 0.0;
        const double rarelyOpens = openRate[i] < 0.2 ? 1.0 : 0.0;
        const double z = -1.9 - 4.0 * (openRate[i] - 0.4) +
                         2.2 * rarelyOpens * (frequency[i] == 0 ? 1.0 : 0.0) -
                         0.8 * std::log(tenure[i] / 12.0 + 1.0) + 1.2 * (lastClick[i] > 90.0 ? 1.0 : 0.0) -
                         0.8 * purchased[i] + kSourceEffect[source[i]] + noise * normal(rng);
        churned[i] = chance(rng, sigmoid(z)) ? 1.0 : 0.0;
    }
    std::vector<Column> c;
    c.push_back(identifiers("subscriber_id", 'S', n));
    c.push_back(numbers("tenure_months", std::move(tenure)));
    c.push_back(categories("frequency", kFrequencies, frequency));
    c.push_back(numbers("open_rate", std::move(openRate)));
    c.push_back(numbers("clicks_30d", std::move(clicks)));
    c.push_back(numbers("days_since_last_click", std::move(lastClick)));
    c.push_back(yesNo("has_purchased", purchased));
    c.push_back(categories("signup_source", kSources, source));
    c.push_back(categories("age_group", kAges, age));
    c.push_back(yesNo("churned", churned));
    return Table(std::move(c), n);
}

/// Customer spend. The truth (on the log scale, so amounts are skewed and
/// positive): more orders, the premium segment and loyalty membership mean
/// more; a long time since the last order means less; spend peaks in middle
/// age; region and the newsletter do not matter.
Table customerSpend(std::size_t n, double noise, Rng& rng)
{
    constexpr std::array<std::string_view, 3> kSegments{"budget", "standard", "premium"};
    constexpr std::array<double, 3> kSegmentShare{0.3, 0.5, 0.2};
    constexpr std::array<double, 3> kSegmentEffect{-0.4, 0.0, 0.7};
    constexpr std::array<std::string_view, 4> kRegions{"North", "South", "East", "West"};
    constexpr std::array<double, 4> kRegionShare{0.24, 0.26, 0.2, 0.3};

    std::vector<double> age(n), loyalty(n), orders(n), lastOrder(n), newsletter(n), spend(n);
    std::vector<std::size_t> segment(n), region(n);
    for (std::size_t i = 0; i < n; ++i) {
        segment[i] = pick(rng, kSegmentShare);
        region[i] = pick(rng, kRegionShare);
        age[i] = std::clamp(std::round(45.0 + 14.0 * normal(rng)), 18.0, 85.0);
        loyalty[i] = chance(rng, 0.2 + 0.15 * static_cast<double>(segment[i])) ? 1.0 : 0.0;
        orders[i] = std::min(60.0, std::floor(exponential(rng, 3.0 + 3.0 * loyalty[i])));
        lastOrder[i] =
            std::min(730.0, std::floor(exponential(rng, orders[i] > 0 ? 400.0 / (orders[i] + 1.0) : 300.0)));
        newsletter[i] = chance(rng, 0.4) ? 1.0 : 0.0;
        const double a = (age[i] - 45.0) / 15.0;
        const double mu = 3.4 + 0.45 * std::log1p(orders[i]) + kSegmentEffect[segment[i]] + 0.3 * loyalty[i] -
                          0.7 * (1.0 - std::exp(-lastOrder[i] / 120.0)) - 0.25 * a * a + noise * normal(rng);
        spend[i] = std::max(1.0, rounded(std::exp(mu), 2));
    }
    std::vector<Column> c;
    c.push_back(identifiers("customer_id", 'K', n));
    c.push_back(numbers("age", std::move(age)));
    c.push_back(yesNo("loyalty_member", loyalty));
    c.push_back(numbers("orders_12m", std::move(orders)));
    c.push_back(numbers("days_since_last_order", std::move(lastOrder)));
    c.push_back(categories("segment", kSegments, segment));
    c.push_back(categories("region", kRegions, region));
    c.push_back(yesNo("newsletter", newsletter));
    c.push_back(numbers("spend_next_90d", std::move(spend)));
    return Table(std::move(c), n);
}

/// A 2-D toy set: half the points of each class, alternating, jittered by `noise`.
Table toySet(DemoKind kind, std::size_t n, double noise, Rng& rng)
{
    constexpr std::array<std::string_view, 2> kClasses{"blue", "orange"};
    std::vector<double> xs(n), ys(n);
    std::vector<std::size_t> label(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t k = i % 2;
        double x = 0.0;
        double y = 0.0;
        switch (kind) {
        case DemoKind::TwoBlobs: {
            const double centre = k == 0 ? -1.0 : 1.0;
            x = centre + noise * normal(rng);
            y = centre + noise * normal(rng);
            break;
        }
        case DemoKind::Xor:
            // The label follows the quadrant of the point before the jitter.
            x = 2.0 * uniform(rng) - 1.0;
            y = 2.0 * uniform(rng) - 1.0;
            k = (x > 0.0) == (y > 0.0) ? 0 : 1;
            x += noise * normal(rng);
            y += noise * normal(rng);
            break;
        case DemoKind::Circles: {
            const double r = k == 0 ? 0.5 * std::sqrt(uniform(rng)) : 0.7 + 0.3 * uniform(rng);
            const double angle = 2.0 * kPi * uniform(rng);
            x = r * std::cos(angle) + noise * normal(rng);
            y = r * std::sin(angle) + noise * normal(rng);
            break;
        }
        case DemoKind::Spirals: {
            // Two arms half a turn apart, 1.5 turns each, radius growing to 1.
            const double t = 0.25 + (3.0 * kPi - 0.25) * std::sqrt(uniform(rng));
            const double r = t / (3.0 * kPi);
            x = r * std::cos(t + kPi * static_cast<double>(k)) + noise * normal(rng);
            y = r * std::sin(t + kPi * static_cast<double>(k)) + noise * normal(rng);
            break;
        }
        default:
            break;
        }
        xs[i] = rounded(x, 4);
        ys[i] = rounded(y, 4);
        label[i] = k;
    }
    std::vector<Column> c;
    c.push_back(numbers("x", std::move(xs)));
    c.push_back(numbers("y", std::move(ys)));
    c.push_back(categories("class", kClasses, label));
    return Table(std::move(c), n);
}

} // namespace

std::span<const DemoInfo> demoCatalogue()
{
    return kDemos;
}

std::optional<DemoKind> demoFromId(std::string_view id)
{
    for (const DemoInfo& d : kDemos) {
        if (d.id == id) {
            return d.kind;
        }
    }
    return std::nullopt;
}

const DemoInfo& demoInfo(DemoKind kind)
{
    for (const DemoInfo& d : kDemos) {
        if (d.kind == kind) {
            return d;
        }
    }
    throw std::invalid_argument("unknown demo");
}

Table generateDemo(DemoKind kind, const DemoOptions& options)
{
    const DemoInfo& info = demoInfo(kind);
    const std::size_t rows = options.rows.value_or(info.defaultRows);
    const double noise = options.noise.value_or(info.defaultNoise);
    if (rows < 10) {
        throw std::invalid_argument("a demo needs at least 10 rows (asked for " + std::to_string(rows) + ")");
    }
    if (!(noise >= 0.0)) {
        throw std::invalid_argument("the noise of a demo cannot be negative");
    }
    Rng rng(options.seed);
    switch (kind) {
    case DemoKind::CarBuyers:
        return carBuyers(rows, noise, rng);
    case DemoKind::NewsletterChurn:
        return newsletterChurn(rows, noise, rng);
    case DemoKind::CustomerSpend:
        return customerSpend(rows, noise, rng);
    case DemoKind::TwoBlobs:
    case DemoKind::Xor:
    case DemoKind::Circles:
    case DemoKind::Spirals:
        return toySet(kind, rows, noise, rng);
    }
    throw std::invalid_argument("unknown demo");
}

std::string tableCsv(const Table& table)
{
    std::string out;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (c) {
            out += ',';
        }
        out += csvCell(table.column(c).name, false);
    }
    out += '\n';
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            if (c) {
                out += ',';
            }
            out += csvCell(table.column(c).text(r), false);
        }
        out += '\n';
    }
    return out;
}

} // namespace neurolift
