#include "model/architecturecommands.h"
#include "model/architecturemodel.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <memory>

using neurolift::Activation;
using neurolift::Architecture;
using neurolift::ArchitectureModel;
using neurolift::ArchitectureTemplate;
using neurolift::LayerKind;
using neurolift::LayerSpec;
using neurolift::TaskKind;
using neurolift::TaskSpec;
using neurolift::WeightInit;

namespace {

/// Which command a data row pushes.
enum class Edit {
    AddLayerAtStart,
    AddLayerPastOutput,
    RemoveLayer,
    MoveLayerDown,
    MoveLayerUp,
    ChangeUnits,
    ChangeActivation,
    ChangeDropoutRate,
    ChangeInit,
    ApplyTemplate,
    AddArchitecture,
    DuplicateArchitecture,
    RenameArchitecture,
    RemoveArchitecture,
    SelectArchitecture,
};

/// "64relu drop20 32relu 1sigmoid/xavier": what a layer list holds, compactly.
QString describe(const Architecture& a)
{
    QStringList parts;
    for (const LayerSpec& l : a.layers) {
        switch (l.kind) {
        case LayerKind::Dense:
            parts << QString::number(l.units) +
                         QString::fromStdString(std::string(neurolift::activationId(l.activation))) +
                         (l.init == WeightInit::He
                              ? QString()
                              : QStringLiteral("/") +
                                    QString::fromStdString(std::string(neurolift::weightInitId(l.init))));
            break;
        case LayerKind::Dropout:
            parts << QStringLiteral("drop%1").arg(qRound(l.rate * 100));
            break;
        case LayerKind::BatchNorm:
            parts << QStringLiteral("bn");
            break;
        case LayerKind::Activation:
            parts << QStringLiteral("act-") +
                         QString::fromStdString(std::string(neurolift::activationId(l.activation)));
            break;
        }
    }
    return parts.join(QLatin1Char(' '));
}

/// Every kept architecture with its name, the current one starred.
QString describe(const ArchitectureModel& m)
{
    QStringList parts;
    for (int i = 0; i < m.architectureCount(); ++i) {
        parts << QString::fromStdString(m.architecture(i).name) +
                     (i == m.currentIndex() ? QStringLiteral("*") : QString()) + QStringLiteral(": ") +
                     describe(m.architecture(i));
    }
    return parts.join(QStringLiteral(" | "));
}

/// Everything the model keeps, exactly (JSON of every architecture and the current index).
std::string snapshot(const ArchitectureModel& m)
{
    nlohmann::json j = nlohmann::json::array();
    for (int i = 0; i < m.architectureCount(); ++i) {
        j.push_back(m.architecture(i).toJson());
    }
    return j.dump() + "#" + std::to_string(m.currentIndex());
}

} // namespace

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(ArchitectureTemplate)
Q_DECLARE_METATYPE(TaskKind)

class TestArchitectureModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void testEveryCommandDoesAndUndoesExactly_data();
    void testEveryCommandDoesAndUndoesExactly();
    void testConsecutiveUnitEditsMergeIntoOneStep();
    void testEditsOfOtherLayersOrPropertiesDoNotMerge();
    void testEditBackToTheStartLeavesNoStep();
    void testOutputLayerFollowsTheTask_data();
    void testOutputLayerFollowsTheTask();
    void testOutputLayerCannotBeRemoved();
    void testOutputLayerUnitsAndActivationCannotBeChanged();
    void testNothingMovesPastTheOutputLayer();
    void testUndoAfterTaskChangeKeepsTheOutputValid();
    void testTemplates_data();
    void testTemplates();
    void testProblemsNameTheirLayer();
    void testUnknownInputsAreNotAProblem();
    void testLastArchitectureCannotBeRemoved();
    void testSignalsSayWhatChanged();

private:
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<ArchitectureModel> m_model;
};

void TestArchitectureModel::init()
{
    m_stack = std::make_unique<QUndoStack>();
    m_model = std::make_unique<ArchitectureModel>();
    m_model->setInputCount(57);
    Architecture first;
    first.name = "Network 1";
    first.layers = {LayerSpec::dense(64, Activation::ReLU), LayerSpec::dropout(0.2f),
                    LayerSpec::dense(32, Activation::ReLU),
                    LayerSpec::dense(1, Activation::Sigmoid, WeightInit::Xavier)};
    Architecture second = neurolift::makeTemplate(ArchitectureTemplate::Small, m_model->task());
    second.name = "B";
    m_model->reset({first, second}, 0);
}

void TestArchitectureModel::cleanup()
{
    // The stack's commands point at the model: they go first.
    m_stack.reset();
    m_model.reset();
}

void TestArchitectureModel::testEveryCommandDoesAndUndoesExactly_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("after");

    const QString b = QStringLiteral("B: 16relu 1sigmoid/xavier");
    QTest::newRow("add layer at the start")
        << Edit::AddLayerAtStart
        << QStringLiteral("Network 1*: 8tanh 64relu drop20 32relu 1sigmoid/xavier | ") + b;
    QTest::newRow("add layer past the output goes before it")
        << Edit::AddLayerPastOutput
        << QStringLiteral("Network 1*: 64relu drop20 32relu bn 1sigmoid/xavier | ") + b;
    QTest::newRow("remove layer") << Edit::RemoveLayer
                                  << QStringLiteral("Network 1*: 64relu 32relu 1sigmoid/xavier | ") + b;
    QTest::newRow("move layer down")
        << Edit::MoveLayerDown << QStringLiteral("Network 1*: drop20 32relu 64relu 1sigmoid/xavier | ") + b;
    QTest::newRow("move layer up") << Edit::MoveLayerUp
                                   << QStringLiteral("Network 1*: 32relu 64relu drop20 1sigmoid/xavier | ") +
                                          b;
    QTest::newRow("change units") << Edit::ChangeUnits
                                  << QStringLiteral("Network 1*: 64relu drop20 8relu 1sigmoid/xavier | ") + b;
    QTest::newRow("change activation")
        << Edit::ChangeActivation
        << QStringLiteral("Network 1*: 64tanh drop20 32relu 1sigmoid/xavier | ") + b;
    QTest::newRow("change dropout rate")
        << Edit::ChangeDropoutRate
        << QStringLiteral("Network 1*: 64relu drop50 32relu 1sigmoid/xavier | ") + b;
    QTest::newRow("change init") << Edit::ChangeInit
                                 << QStringLiteral(
                                        "Network 1*: 64relu/xavier drop20 32relu 1sigmoid/xavier | ") +
                                        b;
    QTest::newRow("apply template")
        << Edit::ApplyTemplate
        << QStringLiteral("Network 1*: 128relu drop20 64relu drop20 32relu 1sigmoid/xavier | ") + b;
    QTest::newRow("add architecture") << Edit::AddArchitecture
                                      << QStringLiteral("Network 1: 64relu drop20 32relu 1sigmoid/xavier | "
                                                        "B: 16relu 1sigmoid/xavier | C*: 1sigmoid/xavier");
    QTest::newRow("duplicate architecture")
        << Edit::DuplicateArchitecture
        << QStringLiteral(
               "Network 1: 64relu drop20 32relu 1sigmoid/xavier | "
               "Network 1 (copy)*: 64relu drop20 32relu 1sigmoid/xavier | B: 16relu 1sigmoid/xavier");
    QTest::newRow("rename architecture")
        << Edit::RenameArchitecture
        << QStringLiteral(
               "Network 1*: 64relu drop20 32relu 1sigmoid/xavier | Baseline: 16relu 1sigmoid/xavier");
    QTest::newRow("remove architecture")
        << Edit::RemoveArchitecture << QStringLiteral("B*: 16relu 1sigmoid/xavier");
    QTest::newRow("select architecture")
        << Edit::SelectArchitecture
        << QStringLiteral("Network 1: 64relu drop20 32relu 1sigmoid/xavier | B*: 16relu 1sigmoid/xavier");
}

void TestArchitectureModel::testEveryCommandDoesAndUndoesExactly()
{
    QFETCH(Edit, edit);
    QFETCH(QString, after);

    ArchitectureModel* m = m_model.get();
    const std::string before = snapshot(*m);
    const QString beforeText = describe(*m);
    QUndoCommand* command = nullptr;
    switch (edit) {
    case Edit::AddLayerAtStart:
        command = new neurolift::AddLayerCommand(m, 0, LayerSpec::dense(8, Activation::Tanh));
        break;
    case Edit::AddLayerPastOutput:
        command = new neurolift::AddLayerCommand(m, 99, LayerSpec::batchNorm());
        break;
    case Edit::RemoveLayer:
        command = new neurolift::RemoveLayerCommand(m, 1);
        break;
    case Edit::MoveLayerDown:
        command = new neurolift::MoveLayerCommand(m, 0, 2);
        break;
    case Edit::MoveLayerUp:
        command = new neurolift::MoveLayerCommand(m, 2, 0);
        break;
    case Edit::ChangeUnits:
        command = neurolift::ChangeLayerPropertyCommand::units(m, 2, 8);
        break;
    case Edit::ChangeActivation:
        command = neurolift::ChangeLayerPropertyCommand::activation(m, 0, Activation::Tanh);
        break;
    case Edit::ChangeDropoutRate:
        command = neurolift::ChangeLayerPropertyCommand::dropoutRate(m, 1, 0.5f);
        break;
    case Edit::ChangeInit:
        command = neurolift::ChangeLayerPropertyCommand::init(m, 0, WeightInit::Xavier);
        break;
    case Edit::ApplyTemplate:
        command = new neurolift::ApplyTemplateCommand(m, ArchitectureTemplate::Deep);
        break;
    case Edit::AddArchitecture: {
        Architecture c = neurolift::makeTemplate(ArchitectureTemplate::LogisticRegression, m->task());
        c.name = "C";
        command = new neurolift::AddArchitectureCommand(m, c);
        break;
    }
    case Edit::DuplicateArchitecture:
        command = new neurolift::DuplicateArchitectureCommand(m, 0);
        break;
    case Edit::RenameArchitecture:
        command = new neurolift::RenameArchitectureCommand(m, 1, QStringLiteral("  Baseline "));
        break;
    case Edit::RemoveArchitecture:
        command = new neurolift::RemoveArchitectureCommand(m, 0);
        break;
    case Edit::SelectArchitecture:
        command = new neurolift::SelectArchitectureCommand(m, 1);
        break;
    }
    QVERIFY(!command->text().isEmpty());
    m_stack->push(command);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(describe(*m), after);

    m_stack->undo();
    QCOMPARE(describe(*m), beforeText);
    QCOMPARE(snapshot(*m), before);

    m_stack->redo();
    QCOMPARE(describe(*m), after);
    m_stack->undo();
    QCOMPARE(snapshot(*m), before);
}

void TestArchitectureModel::testConsecutiveUnitEditsMergeIntoOneStep()
{
    // Typing 1, 12, 128 into the units box.
    for (const int units : {1, 12, 128}) {
        m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 0, units));
    }
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_model->layer(0).units, 128);
    m_stack->undo();
    QCOMPARE(m_model->layer(0).units, 64);
    m_stack->redo();
    QCOMPARE(m_model->layer(0).units, 128);
}

void TestArchitectureModel::testEditsOfOtherLayersOrPropertiesDoNotMerge()
{
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 0, 10));
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 2, 20));
    m_stack->push(neurolift::ChangeLayerPropertyCommand::activation(m_model.get(), 2, Activation::ELU));
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 2, 30));
    QCOMPARE(m_stack->count(), 4);
    m_stack->undo();
    QCOMPARE(m_model->layer(2).units, 20);
    m_stack->undo();
    QCOMPARE(m_model->layer(2).activation, Activation::ReLU);
    m_stack->undo();
    QCOMPARE(m_model->layer(2).units, 32);
    QCOMPARE(m_model->layer(0).units, 10);
}

void TestArchitectureModel::testEditBackToTheStartLeavesNoStep()
{
    const std::string before = snapshot(*m_model);
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 0, 6));
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 0, 64));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_model), before);
}

void TestArchitectureModel::testOutputLayerFollowsTheTask_data()
{
    QTest::addColumn<TaskKind>("kind");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<int>("units");
    QTest::addColumn<Activation>("activation");

    QTest::newRow("yes/no") << TaskKind::BinaryClassification << 2 << 1 << 1 << Activation::Sigmoid;
    QTest::newRow("4 classes") << TaskKind::MultiClassification << 4 << 1 << 4 << Activation::Softmax;
    QTest::newRow("a number") << TaskKind::Regression << 2 << 1 << 1 << Activation::Linear;
    QTest::newRow("3 numbers") << TaskKind::Regression << 2 << 3 << 3 << Activation::Linear;
}

void TestArchitectureModel::testOutputLayerFollowsTheTask()
{
    QFETCH(TaskKind, kind);
    QFETCH(int, classes);
    QFETCH(int, outputs);
    QFETCH(int, units);
    QFETCH(Activation, activation);

    m_model->setTask(TaskSpec{kind, classes, outputs});
    for (int i = 0; i < m_model->architectureCount(); ++i) {
        const auto& out = m_model->architecture(i).layers.back();
        QCOMPARE(out.kind, LayerKind::Dense);
        QCOMPARE(out.units, units);
        QCOMPARE(out.activation, activation);
    }
    QVERIFY(m_model->issues().empty());
    // New layers, templates and new architectures get the same output layer.
    m_stack->push(new neurolift::ApplyTemplateCommand(m_model.get(), ArchitectureTemplate::Medium));
    QCOMPARE(m_model->layer(m_model->outputLayer()).units, units);
    m_stack->push(new neurolift::AddArchitectureCommand(m_model.get(), Architecture{"empty", {}}));
    QCOMPARE(m_model->layerCount(), 1);
    QCOMPARE(m_model->layer(0).units, units);
    QCOMPARE(m_model->layer(0).activation, activation);
}

void TestArchitectureModel::testOutputLayerCannotBeRemoved()
{
    const std::string before = snapshot(*m_model);
    m_stack->push(new neurolift::RemoveLayerCommand(m_model.get(), m_model->outputLayer()));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_model), before);

    // Remove everything that can go: the output layer stays.
    while (m_model->layerCount() > 1) {
        m_stack->push(new neurolift::RemoveLayerCommand(m_model.get(), 0));
    }
    QCOMPARE(m_stack->count(), 3);
    m_stack->push(new neurolift::RemoveLayerCommand(m_model.get(), 0));
    QCOMPARE(m_stack->count(), 3);
    QCOMPARE(describe(m_model->current()), QStringLiteral("1sigmoid/xavier"));
    QVERIFY(m_model->issues().empty());
}

void TestArchitectureModel::testOutputLayerUnitsAndActivationCannotBeChanged()
{
    const int out = m_model->outputLayer();
    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), out, 5));
    m_stack->push(neurolift::ChangeLayerPropertyCommand::activation(m_model.get(), out, Activation::ReLU));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(m_model->layer(out).units, 1);
    QCOMPARE(m_model->layer(out).activation, Activation::Sigmoid);
    // Its start weights are the user's to choose.
    m_stack->push(neurolift::ChangeLayerPropertyCommand::init(m_model.get(), out, WeightInit::He));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_model->layer(out).init, WeightInit::He);
}

void TestArchitectureModel::testNothingMovesPastTheOutputLayer()
{
    m_stack->push(new neurolift::MoveLayerCommand(m_model.get(), 0, 99));
    QCOMPARE(describe(m_model->current()), QStringLiteral("drop20 32relu 64relu 1sigmoid/xavier"));
    m_stack->push(new neurolift::MoveLayerCommand(m_model.get(), m_model->outputLayer(), 0));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(describe(m_model->current()), QStringLiteral("drop20 32relu 64relu 1sigmoid/xavier"));
}

void TestArchitectureModel::testUndoAfterTaskChangeKeepsTheOutputValid()
{
    m_stack->push(new neurolift::RemoveLayerCommand(m_model.get(), 0));
    m_stack->push(new neurolift::ApplyTemplateCommand(m_model.get(), ArchitectureTemplate::Small));
    m_model->setTask(TaskSpec{TaskKind::MultiClassification, 3, 1});
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(describe(m_model->current()), QStringLiteral("64relu drop20 32relu 3softmax/xavier"));
    QVERIFY(m_model->issues().empty());
}

void TestArchitectureModel::testTemplates_data()
{
    QTest::addColumn<ArchitectureTemplate>("which");
    QTest::addColumn<QString>("layers");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<qlonglong>("parameters");

    // 57 inputs, yes/no target: (57 + 1) * 64 + (64 + 1) * 32 + (32 + 1) * 1 = 5,825 for Medium.
    QTest::newRow("logistic regression")
        << ArchitectureTemplate::LogisticRegression << QStringLiteral("1sigmoid/xavier") << 0 << 58LL;
    QTest::newRow("small") << ArchitectureTemplate::Small << QStringLiteral("16relu 1sigmoid/xavier") << 1
                           << 945LL;
    QTest::newRow("medium") << ArchitectureTemplate::Medium << QStringLiteral("64relu 32relu 1sigmoid/xavier")
                            << 2 << 5825LL;
    QTest::newRow("deep") << ArchitectureTemplate::Deep
                          << QStringLiteral("128relu drop20 64relu drop20 32relu 1sigmoid/xavier") << 3
                          << 17793LL;
}

void TestArchitectureModel::testTemplates()
{
    QFETCH(ArchitectureTemplate, which);
    QFETCH(QString, layers);
    QFETCH(int, hidden);
    QFETCH(qlonglong, parameters);

    m_stack->push(new neurolift::ApplyTemplateCommand(m_model.get(), which));
    QCOMPARE(describe(m_model->current()), layers);
    QCOMPARE(m_model->current().name, std::string("Network 1"));
    QCOMPARE(m_model->hiddenLayerCount(), hidden);
    QCOMPARE(m_model->totalParameterCount().value_or(-1), parameters);
    long long sum = 0;
    for (int i = 0; i < m_model->layerCount(); ++i) {
        sum += m_model->parameterCount(i).value_or(-1);
    }
    QCOMPARE(sum, parameters);
    QVERIFY(m_model->issues().empty());
}

void TestArchitectureModel::testProblemsNameTheirLayer()
{
    QVERIFY(m_model->layerIssues(0).isEmpty());
    m_stack->push(neurolift::ChangeLayerPropertyCommand::activation(m_model.get(), 0, Activation::Softmax));
    const QStringList problems = m_model->layerIssues(0);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(QStringLiteral("Layer 1")), qPrintable(problems.first()));
    QVERIFY2(problems.first().contains(QStringLiteral("softmax")), qPrintable(problems.first()));
    QVERIFY(m_model->layerIssues(2).isEmpty());
    m_stack->undo();
    QVERIFY(m_model->issues().empty());
}

void TestArchitectureModel::testUnknownInputsAreNotAProblem()
{
    m_model->setInputCount(0);
    QVERIFY(!m_model->hasInputs());
    QVERIFY(m_model->issues().empty());
    QVERIFY(!m_model->totalParameterCount());
    QVERIFY(!m_model->parameterCount(0));
    QCOMPARE(m_model->outputSize(0).value_or(-1), 64); // a Dense layer sets it
    QCOMPARE(m_model->outputSize(1).value_or(-1), 64); // the dropout after it keeps that width
    QCOMPARE(m_model->parameterCount(2).value_or(-1), 64LL * 32 + 32);
}

void TestArchitectureModel::testLastArchitectureCannotBeRemoved()
{
    m_stack->push(new neurolift::RemoveArchitectureCommand(m_model.get(), 0));
    QCOMPARE(m_model->architectureCount(), 1);
    m_stack->push(new neurolift::RemoveArchitectureCommand(m_model.get(), 0));
    QCOMPARE(m_model->architectureCount(), 1);
    QCOMPARE(m_stack->count(), 1);
}

void TestArchitectureModel::testSignalsSayWhatChanged()
{
    QSignalSpy layers(m_model.get(), &ArchitectureModel::layersChanged);
    QSignalSpy current(m_model.get(), &ArchitectureModel::currentChanged);
    QSignalSpy list(m_model.get(), &ArchitectureModel::architecturesChanged);

    m_stack->push(neurolift::ChangeLayerPropertyCommand::units(m_model.get(), 0, 3));
    QCOMPARE(layers.count(), 1);
    QCOMPARE(current.count(), 0);
    QCOMPARE(list.count(), 0);

    m_stack->push(new neurolift::RenameArchitectureCommand(m_model.get(), 0, QStringLiteral("Renamed")));
    QCOMPARE(list.count(), 1);
    QCOMPARE(current.count(), 0);

    m_stack->push(new neurolift::SelectArchitectureCommand(m_model.get(), 1));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().first().toInt(), 1);
    QCOMPARE(layers.count(), 2);
}

QTEST_GUILESS_MAIN(TestArchitectureModel)
#include "tst_architecturemodel.moc"
