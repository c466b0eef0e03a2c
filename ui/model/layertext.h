#pragma once

#include "nn/architecture.h"

#include <QColor>
#include <QString>

namespace neurolift {

/// Plain name of a layer kind as the Model page shows it ("Dense", "Dropout", "Batch norm", "Activation").
QString layerKindText(LayerKind kind);
/// One sentence on what a layer kind does, for the palette and tooltips.
QString layerKindDescription(LayerKind kind);
/// Name of an activation as users see it ("ReLU", "Sigmoid", ...).
QString activationText(Activation activation);
/// When to pick an activation, in plain words.
QString activationDescription(Activation activation);
/// Name of a weight initialisation as users see it.
QString weightInitText(WeightInit init);
/// A core message shown as a sentence: first letter upper case.
QString sentence(const std::string& message);
/// A count with thousands separators in the user's locale ("12,481").
QString groupedNumber(long long value);

/// The colour that marks a layer kind in the palette and on the canvas (the output layer has its own).
QColor layerKindColor(LayerKind kind, bool outputLayer = false);

/// Every activation, in the order the core declares them.
inline constexpr Activation kAllActivations[] = {
    Activation::ReLU, Activation::LeakyReLU, Activation::ELU,     Activation::GELU,
    Activation::Tanh, Activation::Sigmoid,   Activation::Softmax, Activation::Linear};
/// The layer kinds the palette offers, in the order it lists them.
inline constexpr LayerKind kPaletteKinds[] = {LayerKind::Dense, LayerKind::Dropout, LayerKind::BatchNorm,
                                              LayerKind::Activation};

} // namespace neurolift
