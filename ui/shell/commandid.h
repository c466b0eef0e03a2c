#pragma once

namespace neurolift {

/// Merge ids of the workbench's undo commands, all in one enum so they never
/// collide: consecutive commands with the same id merge into one undo step
/// (typing a learning rate digit by digit, stepping a layer's units).
enum class CommandId {
    None = -1,
    TrainingSettings = 1,
    ChangeUnits,
    ChangeActivation,
    ChangeDropoutRate,
    ChangeInit,
    SelectArchitecture,
};

} // namespace neurolift
