#include "nn/architecture.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::Architecture)
Q_DECLARE_METATYPE(neurolift::TaskSpec)
Q_DECLARE_METATYPE(neurolift::ArchitectureTemplate)

namespace {

Architecture net(std::vector<LayerSpec> layers, std::string name = {})
{
    Architecture a;
    a.name = std::move(name);
    a.layers = std::move(layers);
    return a;
}

LayerSpec named(LayerSpec l, std::string name)
{
    l.name = std::move(name);
    return l;
}

LayerSpec batchNorm(float momentum, float epsilon)
{
    LayerSpec l = LayerSpec::batchNorm();
    l.momentum = momentum;
    l.epsilon = epsilon;
    return l;
}

TaskSpec binary(int classes = 2)
{
    TaskSpec t;
    t.kind = TaskKind::BinaryClassification;
    t.classes = classes;
    return t;
}

TaskSpec multiclass(int classes)
{
    TaskSpec t;
    t.kind = TaskKind::MultiClassification;
    t.classes = classes;
    return t;
}

TaskSpec regression(int outputs = 1)
{
    TaskSpec t;
    t.kind = TaskKind::Regression;
    t.outputs = outputs;
    return t;
}

LayerSpec dense(int units, Activation a)
{
    return LayerSpec::dense(units, a);
}

QString describe(const std::vector<ArchitectureIssue>& issues)
{
    QStringList lines;
    for (const auto& i : issues) {
        lines << QString("[%1] %2").arg(i.layer).arg(QString::fromStdString(i.message));
    }
    return lines.join("; ");
}

constexpr Activation kAllActivations[] = {Activation::Linear,  Activation::ReLU,   Activation::LeakyReLU,
                                          Activation::ELU,     Activation::GELU,   Activation::Tanh,
                                          Activation::Sigmoid, Activation::Softmax};

// Every layer kind, every activation (in Dense and Activation layers), every
// initialisation, non-default rates, names (including non-ASCII) and none.
Architecture everything()
{
    const WeightInit inits[] = {WeightInit::He, WeightInit::Xavier, WeightInit::TorchLinear};
    Architecture a;
    a.name = "Everything – größer";
    int i = 0;
    for (Activation act : kAllActivations) {
        a.layers.push_back(LayerSpec::dense(3 + i, act, inits[i % 3]));
        a.layers.push_back(LayerSpec::activationLayer(act));
        ++i;
    }
    a.layers.push_back(named(LayerSpec::dropout(0.35f), "drop"));
    a.layers.push_back(LayerSpec::dropout(0.0f));
    a.layers.push_back(named(batchNorm(0.05f, 1e-3f), "bn"));
    a.layers.push_back(LayerSpec::batchNorm());
    a.layers.push_back(named(LayerSpec::dense(7, Activation::Tanh, WeightInit::Xavier), "sortie é"));
    a.layers.push_back(named(LayerSpec::activationLayer(Activation::GELU), "act"));
    a.layers.push_back(LayerSpec::dense(2, Activation::Softmax, WeightInit::TorchLinear));
    return a;
}

const std::pair<ArchitectureTemplate, const char*> kTemplates[] = {
    {ArchitectureTemplate::LogisticRegression, "logistic"},
    {ArchitectureTemplate::Small, "small"},
    {ArchitectureTemplate::Medium, "medium"},
    {ArchitectureTemplate::Deep, "deep"},
};

const std::pair<TaskSpec, const char*> kTasks[] = {
    {binary(), "binary"},
    {multiclass(4), "multiclass"},
    {regression(), "regression"},
};

} // namespace

class TestArchitecture : public QObject {
    Q_OBJECT

private slots:
    void validateReportsIssue_data();
    void validateReportsIssue();
    void validArchitectureHasNoIssues_data();
    void validArchitectureHasNoIssues();
    void sizesAndParameterCount_data();
    void sizesAndParameterCount();
    void layerNames_data();
    void layerNames();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void fromJsonFillsDefaults();
    void fromJsonErrorNamesField_data();
    void fromJsonErrorNamesField();
    void templatesValidate_data();
    void templatesValidate();
};

void TestArchitecture::validateReportsIssue_data()
{
    QTest::addColumn<Architecture>("arch");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<TaskSpec>("task");
    QTest::addColumn<QStringList>("fragments"); // all in one message; the whole message when `exact`
    QTest::addColumn<bool>("exact");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("issueCount");

    const auto relu = Activation::ReLU;
    const auto sigmoid = Activation::Sigmoid;
    const auto softmax = Activation::Softmax;
    const auto linear = Activation::Linear;

    QTest::newRow("output units, multiclass")
        << net({dense(8, relu), dense(1, softmax)}) << 5 << multiclass(3)
        << QStringList{"the output layer has 1 unit but the target has 3 classes"} << true << 1 << 1;
    QTest::newRow("output units, binary")
        << net({dense(2, sigmoid)}) << 5 << binary()
        << QStringList{"the output layer has 2 units but a yes/no target needs 1"} << true << 0 << 1;
    QTest::newRow("output units, regression")
        << net({dense(1, linear)}) << 5 << regression(2)
        << QStringList{"the output layer has 1 unit but the target has 2 values"} << true << 0 << 1;
    QTest::newRow("output units, one regression value")
        << net({dense(4, relu), dense(3, linear)}) << 5 << regression(1)
        << QStringList{"the output layer has 3 units but the target has 1 value"} << true << 1 << 1;
    QTest::newRow("no layers") << net({}) << 5 << binary()
                               << QStringList{"the network has no layers: add at least an output layer"}
                               << true << -1 << 1;
    QTest::newRow("last layer dropout")
        << net({dense(8, relu), LayerSpec::dropout(0.2f)}) << 5 << binary()
        << QStringList{"the last layer is Dropout; the output layer must be a Dense layer"} << true << 1 << 1;
    QTest::newRow("last layer batch norm")
        << net({dense(8, relu), LayerSpec::batchNorm()}) << 5 << binary()
        << QStringList{"the last layer is Batch normalisation; the output layer must be a Dense layer"}
        << true << 1 << 1;
    QTest::newRow("last layer activation")
        << net({dense(1, linear), LayerSpec::activationLayer(sigmoid)}) << 5 << binary()
        << QStringList{"the last layer is Activation; the output layer must be a Dense layer"} << true << 1
        << 1;
    QTest::newRow("binary output relu")
        << net({dense(1, relu)}) << 5 << binary()
        << QStringList{"the output layer's activation is ReLU; for this target it must be Sigmoid"} << true
        << 0 << 1;
    QTest::newRow("binary output softmax")
        << net({dense(1, softmax)}) << 5 << binary()
        << QStringList{"the output layer's activation is Softmax; for this target it must be Sigmoid"} << true
        << 0 << 1;
    QTest::newRow("multiclass output sigmoid")
        << net({dense(8, relu), dense(4, sigmoid)}) << 5 << multiclass(4)
        << QStringList{"the output layer's activation is Sigmoid; for this target it must be Softmax"} << true
        << 1 << 1;
    QTest::newRow("regression output sigmoid")
        << net({dense(1, sigmoid)}) << 5 << regression()
        << QStringList{"the output layer's activation is Sigmoid; for this target it must be Linear"} << true
        << 0 << 1;
    QTest::newRow("zero units")
        << net({dense(0, relu), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 1 (dense_1) has 0 units; a dense layer needs at least 1"} << true << 0 << 1;
    QTest::newRow("zero units, custom name")
        << net({dense(8, relu), named(dense(0, relu), "hidden"), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 2 (hidden) has 0 units; a dense layer needs at least 1"} << true << 1 << 1;
    // A negative output width is also a mismatch with the target: two issues.
    QTest::newRow("negative units on output")
        << net({dense(-2, linear)}) << 5 << regression()
        << QStringList{"layer 1 (dense_1) has -2 units; a dense layer needs at least 1"} << true << 0 << 2;
    QTest::newRow("dropout rate 1") << net({dense(8, relu), LayerSpec::dropout(1.0f), dense(1, sigmoid)}) << 5
                                    << binary()
                                    << QStringList{"layer 2 (dropout_1) drops 1 of its inputs; the rate must be at least 0 and below 1"}
                                    << false << 1 << 1;
    QTest::newRow("dropout rate negative")
        << net({dense(8, relu), LayerSpec::dropout(-0.1f), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 2 (dropout_1) drops -0.1 of its inputs", "the rate must be at least 0 and below 1"} << false << 1
        << 1;
    QTest::newRow("dropout rate NaN")
        << net({LayerSpec::dropout(std::numeric_limits<float>::quiet_NaN()), dense(1, sigmoid)}) << 5
        << binary() << QStringList{"layer 1 (dropout_1) drops ", "the rate must be at least 0 and below 1"}
        << false << 0 << 1;
    QTest::newRow("hidden softmax, dense")
        << net({dense(8, softmax), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 1 (dense_1) uses softmax, which belongs on the output layer only"} << true << 0
        << 1;
    QTest::newRow("hidden softmax, activation layer")
        << net({dense(8, relu), LayerSpec::activationLayer(softmax), dense(3, softmax)}) << 5 << multiclass(3)
        << QStringList{"layer 2 (activation_1) uses softmax, which belongs on the output layer only"} << true
        << 1 << 1;
    QTest::newRow("zero input features")
        << net({dense(4, relu), dense(1, sigmoid)}) << 0 << binary()
        << QStringList{"the data has no input features: choose at least one feature column"} << true << -1
        << 1;
    QTest::newRow("one-class target, multiclass")
        << net({dense(1, softmax)}) << 5 << multiclass(1)
        << QStringList{"the target has 1 class; a classifier needs at least 2 (check the target column)"}
        << true << -1 << 1;
    QTest::newRow("one-class target, binary")
        << net({dense(1, sigmoid)}) << 5 << binary(1)
        << QStringList{"the target has 1 class; a classifier needs at least 2 (check the target column)"}
        << true << -1 << 1;
    QTest::newRow("batch norm momentum 0")
        << net({dense(8, relu), batchNorm(0.0f, 1e-5f), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 2 (batch_norm_1): momentum must be in (0, 1] and epsilon above 0"} << true << 1
        << 1;
    QTest::newRow("batch norm epsilon 0")
        << net({batchNorm(0.1f, 0.0f), dense(1, sigmoid)}) << 5 << binary()
        << QStringList{"layer 1 (batch_norm_1): momentum must be in (0, 1] and epsilon above 0"} << true << 0
        << 1;
}

void TestArchitecture::validateReportsIssue()
{
    QFETCH(Architecture, arch);
    QFETCH(int, inputs);
    QFETCH(TaskSpec, task);
    QFETCH(QStringList, fragments);
    QFETCH(bool, exact);
    QFETCH(int, layer);
    QFETCH(int, issueCount);

    const auto issues = arch.validate(inputs, task);
    const ArchitectureIssue* found = nullptr;
    for (const auto& issue : issues) {
        const QString message = QString::fromStdString(issue.message);
        bool matches = exact ? message == fragments.first() : true;
        for (const QString& f : fragments) {
            matches = matches && message.contains(f);
        }
        if (matches) {
            found = &issue;
            break;
        }
    }
    QVERIFY2(found, qPrintable("no matching issue among: " + describe(issues)));
    QCOMPARE(found->layer, layer);
    QVERIFY2(int(issues.size()) == issueCount, qPrintable(describe(issues)));
}

void TestArchitecture::validArchitectureHasNoIssues_data()
{
    QTest::addColumn<Architecture>("arch");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<TaskSpec>("task");

    QTest::newRow("binary, every hidden kind")
        << net({dense(8, Activation::ReLU), LayerSpec::batchNorm(),
                LayerSpec::activationLayer(Activation::Tanh), LayerSpec::dropout(0.5f),
                dense(4, Activation::ELU), LayerSpec::dropout(0.0f), batchNorm(1.0f, 1e-5f),
                dense(1, Activation::Sigmoid)})
        << 10 << binary();
    QTest::newRow("logistic regression, one input") << net({dense(1, Activation::Sigmoid)}) << 1 << binary();
    QTest::newRow("multiclass") << net({dense(16, Activation::GELU), dense(3, Activation::Softmax)}) << 4
                                << multiclass(3);
    QTest::newRow("two-class softmax") << net({dense(2, Activation::Softmax)}) << 4 << multiclass(2);
    QTest::newRow("regression, two outputs")
        << net({dense(8, Activation::LeakyReLU), dense(2, Activation::Linear)}) << 3 << regression(2);
    QTest::newRow("regression, custom names")
        << net({named(dense(8, Activation::Tanh), "hidden"), named(dense(1, Activation::Linear), "price")})
        << 3 << regression();
}

void TestArchitecture::validArchitectureHasNoIssues()
{
    QFETCH(Architecture, arch);
    QFETCH(int, inputs);
    QFETCH(TaskSpec, task);
    const auto issues = arch.validate(inputs, task);
    QVERIFY2(issues.empty(), qPrintable(describe(issues)));
}

void TestArchitecture::sizesAndParameterCount_data()
{
    QTest::addColumn<Architecture>("arch");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<QList<int>>("sizes");
    QTest::addColumn<qlonglong>("parameters");

    // 10*8 + 8 = 88; batch norm 2*8 = 16; 8*4 + 4 = 36; batch norm 2*4 = 8; 4*3 + 3 = 15: 163
    QTest::newRow("mlp with batch norm")
        << net({dense(8, Activation::ReLU), LayerSpec::batchNorm(),
                LayerSpec::activationLayer(Activation::Tanh), LayerSpec::dropout(0.5f),
                dense(4, Activation::ReLU), LayerSpec::batchNorm(), dense(3, Activation::Softmax)})
        << 10 << QList<int>{8, 8, 8, 8, 4, 4, 3} << 163LL;
    // batch norm over 6 inputs: 12; 6*2 + 2 = 14
    QTest::newRow("batch norm on the inputs")
        << net({LayerSpec::batchNorm(), dense(2, Activation::Softmax)}) << 6 << QList<int>{6, 2} << 26LL;
    QTest::newRow("logistic regression")
        << net({dense(1, Activation::Sigmoid)}) << 10 << QList<int>{1} << 11LL;
    QTest::newRow("no layers") << net({}) << 7 << QList<int>{} << 0LL;
    // (1000*1000 + 1000) * 2 + (1000 + 1)
    QTest::newRow("wide") << net({dense(1000, Activation::ReLU), dense(1000, Activation::ReLU),
                                  dense(1, Activation::Linear)})
                          << 1000 << QList<int>{1000, 1000, 1} << 2003001LL;
    // 50000*50000 + 50000 = 2500050000 > INT_MAX
    QTest::newRow("beyond int") << net({dense(50000, Activation::ReLU)}) << 50000 << QList<int>{50000}
                                << 2500050000LL;
}

void TestArchitecture::sizesAndParameterCount()
{
    QFETCH(Architecture, arch);
    QFETCH(int, inputs);
    QFETCH(QList<int>, sizes);
    QFETCH(qlonglong, parameters);

    const std::vector<int> got = arch.outputSizes(inputs);
    QCOMPARE(QList<int>(got.begin(), got.end()), sizes);
    QCOMPARE(qlonglong(arch.parameterCount(inputs)), parameters);
}

void TestArchitecture::layerNames_data()
{
    QTest::addColumn<Architecture>("arch");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("generated") << net({dense(8, Activation::ReLU), LayerSpec::dropout(0.2f),
                                       dense(4, Activation::ReLU), LayerSpec::batchNorm(),
                                       LayerSpec::activationLayer(Activation::Tanh),
                                       dense(1, Activation::Sigmoid)})
                               << QStringList{"dense_1",      "dropout_1",    "dense_2",
                                              "batch_norm_1", "activation_1", "dense_3"};
    QTest::newRow("custom names kept")
        << net({dense(8, Activation::ReLU), LayerSpec::dropout(0.2f), dense(4, Activation::ReLU),
                LayerSpec::dropout(0.1f), named(dense(1, Activation::Sigmoid), "output")})
        << QStringList{"dense_1", "dropout_1", "dense_2", "dropout_2", "output"};
    QTest::newRow("all custom") << net({named(dense(8, Activation::ReLU), "encoder"),
                                        named(LayerSpec::dropout(0.2f), "noise"),
                                        named(dense(1, Activation::Sigmoid), "score")})
                                << QStringList{"encoder", "noise", "score"};
    QTest::newRow("no layers") << net({}) << QStringList{};
}

void TestArchitecture::layerNames()
{
    QFETCH(Architecture, arch);
    QFETCH(QStringList, names);
    QStringList got;
    for (const auto& n : arch.layerNames()) {
        got << QString::fromStdString(n);
    }
    QCOMPARE(got, names);
}

void TestArchitecture::jsonRoundTrip_data()
{
    QTest::addColumn<Architecture>("arch");
    for (const auto& [tmpl, tmplName] : kTemplates) {
        for (const auto& [task, taskName] : kTasks) {
            QTest::addRow("%s, %s", tmplName, taskName) << makeTemplate(tmpl, task);
        }
    }
    QTest::newRow("every layer kind and activation") << everything();
    QTest::newRow("empty") << net({}, "");
}

void TestArchitecture::jsonRoundTrip()
{
    QFETCH(Architecture, arch);
    const nlohmann::json j = arch.toJson();
    QCOMPARE(QString::fromStdString(j.at("format").get<std::string>()), QString("neurolift.architecture"));
    QCOMPARE(j.at("version").get<int>(), 1);
    QVERIFY(Architecture::fromJson(j) == arch);
    // Through text too, as it is stored in a project.
    const Architecture reread = Architecture::fromJson(nlohmann::json::parse(j.dump()));
    QVERIFY(reread == arch);
    QCOMPARE(reread.layerNames(), arch.layerNames());
}

void TestArchitecture::fromJsonFillsDefaults()
{
    const auto a = Architecture::fromJson(nlohmann::json::parse(
        R"({"layers": [{"kind": "dense", "units": 3, "activation": "softmax"}, {"kind": "dropout"}]})"));
    QVERIFY(a.name.empty());
    QCOMPARE(int(a.layers.size()), 2);
    QVERIFY(a.layers[0] == LayerSpec::dense(3, Activation::Softmax, WeightInit::He));
    QVERIFY(a.layers[1] == LayerSpec::dropout(0.2f));
}

void TestArchitecture::fromJsonErrorNamesField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");         // named as "field: ..."
    QTest::addColumn<QStringList>("fragments"); // also in the message

    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString("top level") << QStringList{};
    QTest::newRow("text document") << QByteArray(R"("dense")") << QString("top level") << QStringList{};
    QTest::newRow("missing layers") << QByteArray(R"({"name": "x"})") << QString("layers") << QStringList{};
    QTest::newRow("layers not a list")
        << QByteArray(R"({"layers": {"kind": "dense"}})") << QString("layers") << QStringList{};
    QTest::newRow("layer not an object") << QByteArray(R"({"layers": [{"kind": "dense", "units": 1}, 5]})")
                                         << QString("layers[1]") << QStringList{"kind"};
    QTest::newRow("layer without kind")
        << QByteArray(R"({"layers": [{"units": 4}]})") << QString("layers[0]") << QStringList{"kind"};
    QTest::newRow("unknown kind") << QByteArray(
                                         R"({"layers": [{"kind": "dense", "units": 4}, {"kind": "conv2d"}]})")
                                  << QString("layers[1].kind") << QStringList{"conv2d"};
    QTest::newRow("unknown activation")
        << QByteArray(
               R"({"layers": [{"kind": "dense", "units": 4, "activation": "relu"},
                                     {"kind": "dense", "units": 1, "activation": "swish"}]})")
        << QString("layers[1].activation") << QStringList{"swish"};
    QTest::newRow("activation not text")
        << QByteArray(R"({"layers": [{"kind": "activation", "activation": 3}]})")
        << QString("layers[0].activation") << QStringList{};
    QTest::newRow("units as string") << QByteArray(R"({"layers": [{"kind": "dense", "units": "4"}]})")
                                     << QString("layers[0].units") << QStringList{};
    QTest::newRow("rate as string")
        << QByteArray(R"({"layers": [{"kind": "dense", "units": 4}, {"kind": "dropout", "rate": "0.2"}]})")
        << QString("layers[1].rate") << QStringList{};
    QTest::newRow("epsilon null") << QByteArray(R"({"layers": [{"kind": "batch_norm", "epsilon": null}]})")
                                  << QString("layers[0].epsilon") << QStringList{};
    QTest::newRow("unknown init")
        << QByteArray(R"({"layers": [{"kind": "dense", "units": 1, "init": "orthogonal"}]})")
        << QString("layers[0].init") << QStringList{};
    QTest::newRow("name not text") << QByteArray(R"({"name": 5, "layers": []})") << QString("name")
                                   << QStringList{};
    QTest::newRow("layer name not text") << QByteArray(R"({"layers": [{"kind": "dense", "name": ["a"]}]})")
                                         << QString("layers[0].name") << QStringList{};
    QTest::newRow("version as text") << QByteArray(R"({"version": "1", "layers": []})") << QString("version")
                                     << QStringList{"whole number"};
    QTest::newRow("fractional units")
        << QByteArray(R"({"layers": [{"kind": "dense", "units": 2.5}]})") << QString("layers[0].units")
        << QStringList{"whole number", "2.5"};
    QTest::newRow("foreign format")
        << QByteArray(R"({"format": "keras.model", "layers": []})") << QString("format")
        << QStringList{"not a NeuroLift architecture"};
    QTest::newRow("newer version") << QByteArray(R"({"version": 2, "layers": []})") << QString("version")
                                   << QStringList{"newer NeuroLift"};
}

void TestArchitecture::fromJsonErrorNamesField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QStringList, fragments);
    const nlohmann::json j = nlohmann::json::parse(json.toStdString());
    QString message;
    try {
        Architecture::fromJson(j);
    } catch (const std::invalid_argument& e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(!message.isEmpty(), "no std::invalid_argument thrown");
    QVERIFY2(message.contains(field + ": "),
             qPrintable(QString("field %1 not named in: %2").arg(field, message)));
    for (const QString& f : fragments) {
        QVERIFY2(message.contains(f), qPrintable(QString("\"%1\" not in: %2").arg(f, message)));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Architecture::fromJson(j));
}

void TestArchitecture::templatesValidate_data()
{
    QTest::addColumn<ArchitectureTemplate>("tmpl");
    QTest::addColumn<TaskSpec>("task");
    QTest::addColumn<int>("layerCount");
    const int counts[] = {1, 2, 3, 6};
    int t = 0;
    for (const auto& [tmpl, tmplName] : kTemplates) {
        for (const auto& [task, taskName] : kTasks) {
            QTest::addRow("%s, %s", tmplName, taskName) << tmpl << task << counts[t];
        }
        ++t;
    }
    QTest::newRow("deep, regression with 3 outputs") << ArchitectureTemplate::Deep << regression(3) << 6;
}

void TestArchitecture::templatesValidate()
{
    QFETCH(ArchitectureTemplate, tmpl);
    QFETCH(TaskSpec, task);
    QFETCH(int, layerCount);

    const Architecture a = makeTemplate(tmpl, task);
    QVERIFY(!a.name.empty());
    QCOMPARE(int(a.layers.size()), layerCount);
    const auto issues = a.validate(10, task);
    QVERIFY2(issues.empty(), qPrintable(describe(issues)));
    const LayerSpec& out = a.layers.back();
    QVERIFY(out.kind == LayerKind::Dense);
    QCOMPARE(out.units, task.outputUnits());
    QVERIFY(out.activation == task.outputActivation());
}

QTEST_APPLESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
