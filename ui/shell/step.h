#pragma once

#include <array>

namespace neurolift {

/// The five steps of the workflow, in the order the navigation shows them.
enum class Step { Data, Model, Train, Explain, Segments };

/// All steps in workflow order, for code that builds one thing per step.
inline constexpr std::array kSteps{Step::Data, Step::Model, Step::Train, Step::Explain, Step::Segments};

} // namespace neurolift
