#include "model/layerproperties.h"

#include "model/architecturecommands.h"
#include "model/architecturemodel.h"
#include "model/layertext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

namespace neurolift {

namespace {

constexpr int kMaxUnits = 4096;
constexpr int kMaxDropoutPercent = 90;

QLabel* wrapped(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

LayerProperties::LayerProperties(ArchitectureModel* model, QUndoStack* stack, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(stack)
{
    setObjectName(QStringLiteral("layerProperties"));

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("propertiesHeading"));
    QFont headingFont = font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);

    m_description = wrapped(this);
    m_description->setObjectName(QStringLiteral("propertiesDescription"));
    m_description->setStyleSheet(QStringLiteral("color: #556070;"));

    m_units = new QSpinBox(this);
    m_units->setObjectName(QStringLiteral("unitsSpinBox"));
    m_units->setRange(1, kMaxUnits);
    m_units->setAccelerated(true);
    m_units->setToolTip(tr("How many units (neurons) this layer has. More units can learn more detailed "
                           "patterns, but need more data and take longer to train."));

    m_activation = new QComboBox(this);
    m_activation->setObjectName(QStringLiteral("activationComboBox"));
    for (const Activation a : kAllActivations) {
        m_activation->addItem(activationText(a), static_cast<int>(a));
        m_activation->setItemData(m_activation->count() - 1, activationDescription(a), Qt::ToolTipRole);
    }
    m_activation->setToolTip(tr("How each unit turns its sum into an output. ReLU is a good choice for "
                                "hidden layers."));

    m_rate = new QSpinBox(this);
    m_rate->setObjectName(QStringLiteral("dropoutSpinBox"));
    m_rate->setRange(0, kMaxDropoutPercent);
    m_rate->setSingleStep(5);
    m_rate->setSuffix(tr(" %"));
    m_rate->setToolTip(tr("Share of the values switched off at random in each training step, so the network "
                          "cannot lean on a few of them. 10-30 % is common; it has no effect when scoring."));

    m_init = new QComboBox(this);
    m_init->setObjectName(QStringLiteral("initComboBox"));
    for (const WeightInit w : {WeightInit::He, WeightInit::Xavier, WeightInit::TorchLinear}) {
        m_init->addItem(weightInitText(w), static_cast<int>(w));
    }
    for (QComboBox* combo : {m_activation, m_init}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    m_init->setToolTip(
        tr("How the weights are set before training starts. He suits ReLU layers, "
           "Xavier suits tanh and sigmoid; the difference shows in how fast training starts."));

    m_shape = wrapped(this);
    m_shape->setObjectName(QStringLiteral("shapeLabel"));

    m_note = wrapped(this);
    m_note->setObjectName(QStringLiteral("propertiesNote"));
    m_note->setStyleSheet(
        QStringLiteral("color: #556070; background: #eef2f7; border-radius: 6px; padding: 8px;"));

    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    // Labels above their fields: the panel is narrow, and a label never gets cut off.
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_form->setVerticalSpacing(4);
    m_form->addRow(tr("Units"), m_units);
    m_form->addRow(tr("Activation"), m_activation);
    m_form->addRow(tr("Dropout"), m_rate);
    m_form->addRow(tr("Start weights"), m_init);
    m_form->addRow(tr("Shape"), m_shape);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_description);
    layout->addSpacing(6);
    layout->addLayout(m_form);
    layout->addWidget(m_note);
    layout->addStretch(1);

    connect(m_units, &QSpinBox::valueChanged, this, [this](int units) {
        const int index = m_model->selectedLayer();
        if (index >= 0) {
            m_stack->push(ChangeLayerPropertyCommand::units(m_model, index, units));
        }
    });
    connect(m_activation, &QComboBox::currentIndexChanged, this, [this](int row) {
        const int index = m_model->selectedLayer();
        if (index >= 0 && row >= 0) {
            const auto a = static_cast<Activation>(m_activation->itemData(row).toInt());
            m_stack->push(ChangeLayerPropertyCommand::activation(m_model, index, a));
        }
    });
    connect(m_rate, &QSpinBox::valueChanged, this, [this](int percent) {
        const int index = m_model->selectedLayer();
        if (index >= 0) {
            m_stack->push(ChangeLayerPropertyCommand::dropoutRate(m_model, index, percent / 100.0f));
        }
    });
    connect(m_init, &QComboBox::currentIndexChanged, this, [this](int row) {
        const int index = m_model->selectedLayer();
        if (index >= 0 && row >= 0) {
            const auto w = static_cast<WeightInit>(m_init->itemData(row).toInt());
            m_stack->push(ChangeLayerPropertyCommand::init(m_model, index, w));
        }
    });
    connect(m_model, &ArchitectureModel::layersChanged, this, &LayerProperties::refresh);
    connect(m_model, &ArchitectureModel::selectedLayerChanged, this, &LayerProperties::refresh);
    refresh();
}

void LayerProperties::refresh()
{
    const QSignalBlocker blockUnits(m_units);
    const QSignalBlocker blockActivation(m_activation);
    const QSignalBlocker blockRate(m_rate);
    const QSignalBlocker blockInit(m_init);

    const int index = m_model->selectedLayer();
    if (index < 0) {
        m_heading->setText(tr("No layer selected"));
        m_description->setText(tr("Click a block in the network to see and change its settings."));
        for (int row = 0; row < m_form->rowCount(); ++row) {
            m_form->setRowVisible(row, false);
        }
        m_note->hide();
        return;
    }
    const LayerSpec& l = m_model->layer(index);
    const bool output = m_model->isOutputLayer(index);
    m_heading->setText(output ? tr("Output layer")
                              : tr("Layer %1: %2").arg(index + 1).arg(layerKindText(l.kind)));
    m_description->setText(layerKindDescription(l.kind));

    const bool dense = l.kind == LayerKind::Dense;
    m_form->setRowVisible(m_units, dense);
    m_form->setRowVisible(m_activation, dense || l.kind == LayerKind::Activation);
    m_form->setRowVisible(m_rate, l.kind == LayerKind::Dropout);
    m_form->setRowVisible(m_init, dense);
    m_form->setRowVisible(m_shape, true);

    m_units->setValue(l.units);
    m_activation->setCurrentIndex(m_activation->findData(static_cast<int>(l.activation)));
    m_rate->setValue(qRound(l.rate * 100));
    m_init->setCurrentIndex(m_init->findData(static_cast<int>(l.init)));
    m_units->setEnabled(!output);
    m_activation->setEnabled(!output);

    const auto in = m_model->inputSize(index);
    const auto out = m_model->outputSize(index);
    const auto params = m_model->parameterCount(index);
    const QString unknown = tr("?");
    m_shape->setText(tr("%1 in \u2192 %2 out, %3 trainable values")
                         .arg(in ? groupedNumber(*in) : unknown, out ? groupedNumber(*out) : unknown,
                              params ? groupedNumber(*params) : unknown));

    if (output) {
        m_note->setText(tr("The output layer answers the question you train for, so its units and activation "
                           "follow the target: %1 with %2. It cannot be removed.")
                            .arg(l.units == 1 ? tr("1 unit") : tr("%1 units").arg(l.units),
                                 activationText(l.activation)));
        m_note->show();
    } else {
        m_note->hide();
    }
}

} // namespace neurolift
