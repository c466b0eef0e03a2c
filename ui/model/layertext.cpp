#include "model/layertext.h"

#include <QCoreApplication>
#include <QLocale>

namespace neurolift {

namespace {

/// The translation context of this file's texts (lupdate reads the macro too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(neurolift::LayerText)
};

} // namespace

QString layerKindText(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Dense:
        return Text::tr("Dense");
    case LayerKind::Activation:
        return Text::tr("Activation");
    case LayerKind::Dropout:
        return Text::tr("Dropout");
    case LayerKind::BatchNorm:
        return Text::tr("Batch norm");
    }
    return {};
}

QString layerKindDescription(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Dense:
        return Text::tr("Learns weighted combinations of everything before it");
    case LayerKind::Activation:
        return Text::tr("Bends the signal so the network can learn curves");
    case LayerKind::Dropout:
        return Text::tr("Switches off random units while training, against memorising");
    case LayerKind::BatchNorm:
        return Text::tr("Rescales the signal so training stays steady");
    }
    return {};
}

QString activationText(Activation activation)
{
    switch (activation) {
    case Activation::Linear:
        return Text::tr("Linear");
    case Activation::ReLU:
        return Text::tr("ReLU");
    case Activation::LeakyReLU:
        return Text::tr("Leaky ReLU");
    case Activation::ELU:
        return Text::tr("ELU");
    case Activation::GELU:
        return Text::tr("GELU");
    case Activation::Tanh:
        return Text::tr("Tanh");
    case Activation::Sigmoid:
        return Text::tr("Sigmoid");
    case Activation::Softmax:
        return Text::tr("Softmax");
    }
    return {};
}

QString activationDescription(Activation activation)
{
    switch (activation) {
    case Activation::Linear:
        return Text::tr("Passes the value through unchanged; for predicting a number");
    case Activation::ReLU:
        return Text::tr(
            "Keeps positive values, sets negative ones to zero; a good default for hidden layers");
    case Activation::LeakyReLU:
        return Text::tr("Like ReLU, but lets a little of the negative values through");
    case Activation::ELU:
        return Text::tr("Like ReLU, with a smooth curve below zero");
    case Activation::GELU:
        return Text::tr("A smooth version of ReLU, popular in large models");
    case Activation::Tanh:
        return Text::tr("Squeezes values between -1 and 1");
    case Activation::Sigmoid:
        return Text::tr("Squeezes values between 0 and 1; turns the output into a probability of yes");
    case Activation::Softmax:
        return Text::tr("Turns the outputs into probabilities that add up to 1; for the output layer only");
    }
    return {};
}

QString weightInitText(WeightInit init)
{
    switch (init) {
    case WeightInit::He:
        return Text::tr("He (for ReLU)");
    case WeightInit::Xavier:
        return Text::tr("Xavier/Glorot (for tanh, sigmoid)");
    case WeightInit::TorchLinear:
        return Text::tr("PyTorch Linear");
    }
    return {};
}

QColor layerKindColor(LayerKind kind, bool outputLayer)
{
    // Calm, distinct hues that stay readable on a projector; red is kept for problems.
    if (outputLayer) {
        return {0x2e, 0x7d, 0x4f};
    }
    switch (kind) {
    case LayerKind::Dense:
        return {0x2f, 0x6d, 0xb5};
    case LayerKind::Activation:
        return {0x7b, 0x5e, 0xa7};
    case LayerKind::Dropout:
        return {0xb0, 0x7a, 0x24};
    case LayerKind::BatchNorm:
        return {0x2a, 0x8c, 0x86};
    }
    return {0x2f, 0x6d, 0xb5};
}

QString sentence(const std::string& message)
{
    QString text = QString::fromStdString(message);
    if (!text.isEmpty()) {
        text[0] = text[0].toUpper();
    }
    return text;
}

QString groupedNumber(long long value)
{
    QLocale locale;
    // The C locale leaves out group separators by default; big counts are easier to read with them.
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

} // namespace neurolift
