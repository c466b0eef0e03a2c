#include "train/trainingsettingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>

namespace neurolift {

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent)
    : QGroupBox(tr("Settings"), parent)
{
    setObjectName(QStringLiteral("settings"));
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setVerticalSpacing(10);

    m_optimizer = new QComboBox(this);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    m_optimizer->addItem(tr("AdamW"), static_cast<int>(OptimizerKind::AdamW));
    m_optimizer->addItem(tr("SGD with momentum"), static_cast<int>(OptimizerKind::SGD));
    m_optimizer->addItem(tr("RMSprop"), static_cast<int>(OptimizerKind::RMSprop));
    m_optimizer->setToolTip(
        tr("The method that adjusts the network's weights after each batch. Adam is a good "
           "choice almost always."));

    m_learningRate = new QDoubleSpinBox(this);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1.0);
    m_learningRate->setSingleStep(0.0005);
    m_learningRate->setToolTip(
        tr("How big a step the network takes each time it learns from a batch. Smaller "
           "is slower but steadier."));

    m_batchSize = new QSpinBox(this);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(1, 65536);
    m_batchSize->setToolTip(tr("How many customers the network looks at before each step. Larger batches are "
                               "faster per epoch but learn in fewer, bigger steps."));

    m_epochs = new QSpinBox(this);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, 100000);
    m_epochs->setToolTip(tr("The most passes over all training rows. Training may stop sooner when it stops "
                            "improving."));

    m_earlyStopping = new QCheckBox(tr("Stop when it stops improving"), this);
    m_earlyStopping->setObjectName(QStringLiteral("earlyStopping"));
    m_earlyStopping->setToolTip(tr("Stop once the validation loss has not improved for a while, and keep the "
                                   "weights of the best epoch. Guards against learning the training rows by "
                                   "heart."));

    m_patience = new QSpinBox(this);
    m_patience->setObjectName(QStringLiteral("patience"));
    m_patience->setRange(1, 10000);
    m_patience->setSuffix(tr(" epochs"));
    m_patience->setToolTip(tr("How many epochs without improvement to wait before stopping."));

    m_classWeighting = new QComboBox(this);
    m_classWeighting->setObjectName(QStringLiteral("classWeighting"));
    m_classWeighting->addItem(tr("Every row counts the same"), static_cast<int>(ClassWeighting::None));
    m_classWeighting->addItem(tr("Rare answers count more"), static_cast<int>(ClassWeighting::Balanced));
    m_classWeighting->setToolTip(tr("When one answer is rare (say 15 % buy), let those rows count more while "
                                    "learning, so the network does not simply ignore them."));

    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The starting point for everything random: the same seed and settings train the "
                          "same network again."));

    for (QAbstractSpinBox* spin : std::initializer_list<QAbstractSpinBox*>{m_learningRate, m_batchSize,
                                                                           m_epochs, m_patience, m_seed}) {
        spin->setKeyboardTracking(false); // one edit per finished value, not per keystroke
    }

    form->addRow(tr("Optimiser"), m_optimizer);
    form->addRow(tr("Learning rate"), m_learningRate);
    form->addRow(tr("Batch size"), m_batchSize);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(m_earlyStopping);
    form->addRow(tr("Patience"), m_patience);
    form->addRow(tr("Class weights"), m_classWeighting);
    form->addRow(tr("Seed"), m_seed);
    setLayout(form);

    auto readBack = [this] { readForm(); };
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, readBack);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, readBack);
    connect(m_batchSize, &QSpinBox::valueChanged, this, readBack);
    connect(m_epochs, &QSpinBox::valueChanged, this, readBack);
    connect(m_earlyStopping, &QCheckBox::toggled, this, readBack);
    connect(m_patience, &QSpinBox::valueChanged, this, readBack);
    connect(m_classWeighting, &QComboBox::currentIndexChanged, this, readBack);
    connect(m_seed, &QSpinBox::valueChanged, this, readBack);
    writeForm();
}

void TrainingSettingsForm::writeForm()
{
    m_writingForm = true;
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(m_settings.optimizer)));
    m_learningRate->setValue(m_settings.learningRate);
    m_batchSize->setValue(m_settings.batchSize);
    m_epochs->setValue(m_settings.epochs);
    m_earlyStopping->setChecked(m_settings.earlyStopping);
    m_patience->setValue(m_settings.patience);
    m_patience->setEnabled(m_settings.earlyStopping);
    m_classWeighting->setCurrentIndex(
        m_classWeighting->findData(static_cast<int>(m_settings.classWeighting)));
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(m_settings.seed, std::numeric_limits<int>::max())));
    m_writingForm = false;
}

void TrainingSettingsForm::readForm()
{
    if (m_writingForm) {
        return;
    }
    const TrainingSettings before = m_settings;
    TrainingSettings after = m_settings;
    after.optimizer = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
    // The spin box rounds to its decimals; keep the stored rate unless the user changed the shown value.
    if (std::abs(m_learningRate->value() - static_cast<double>(before.learningRate)) > 0.5e-5) {
        after.learningRate = static_cast<float>(m_learningRate->value());
    }
    after.batchSize = m_batchSize->value();
    after.epochs = m_epochs->value();
    after.earlyStopping = m_earlyStopping->isChecked();
    after.patience = m_patience->value();
    after.classWeighting = static_cast<ClassWeighting>(m_classWeighting->currentData().toInt());
    if (static_cast<std::uint64_t>(m_seed->value()) !=
        std::min<std::uint64_t>(before.seed, std::numeric_limits<int>::max())) {
        after.seed = static_cast<std::uint64_t>(m_seed->value());
    }
    m_patience->setEnabled(after.earlyStopping);
    if (after == before) {
        return;
    }
    m_settings = after;
    emit edited(before, after);
}

void TrainingSettingsForm::setSettings(const TrainingSettings& settings)
{
    m_settings = settings;
    writeForm();
}

void TrainingSettingsForm::setTask(TaskKind task)
{
    m_classWeighting->setEnabled(task != TaskKind::Regression);
}

} // namespace neurolift
