#include "columns.h"
#include "data/target.h"
#include "model/modelfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;

namespace {

QStringList toQt(const std::vector<std::string>& v)
{
    QStringList l;
    for (const auto& s : v) {
        l << QString::fromStdString(s);
    }
    return l;
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void chooseTargetPicksTaskAndPositive_data();
    void chooseTargetPicksTaskAndPositive();
    void unusableTargetsAreExplained_data();
    void unusableTargetsAreExplained();
    void targetValuesCountClassesAndMissing();
    void modelFileRoundTrip();
    void damagedModelFilesAreNamed_data();
    void damagedModelFilesAreNamed();
};

void TestModel::chooseTargetPicksTaskAndPositive_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("positive");
    QTest::addColumn<int>("task");
    QTest::addColumn<QStringList>("classes");
    // 0: yes/no column, 1: "Yes"/"No" text, 2: two values without a yes-word, 3: three values, 4: numbers
    QTest::newRow("boolean") << 0 << QString() << int(TaskKind::BinaryClassification)
                             << QStringList{"0", "1"};
    QTest::newRow("boolean, positive no")
        << 0 << QStringLiteral("no") << int(TaskKind::BinaryClassification) << QStringList{"1", "0"};
    QTest::newRow("yes word") << 1 << QString() << int(TaskKind::BinaryClassification)
                              << QStringList{"No", "Yes"};
    QTest::newRow("rarer value") << 2 << QString() << int(TaskKind::BinaryClassification)
                                 << QStringList{"stayed", "left"};
    QTest::newRow("chosen positive") << 2 << QStringLiteral("stayed") << int(TaskKind::BinaryClassification)
                                     << QStringList{"left", "stayed"};
    QTest::newRow("three values") << 3 << QString() << int(TaskKind::MultiClassification)
                                  << QStringList{"gold", "silver", "bronze"};
    QTest::newRow("one against the rest")
        << 3 << QStringLiteral("gold") << int(TaskKind::BinaryClassification)
        << QStringList{"(other)", "gold"};
    QTest::newRow("numbers") << 4 << QString() << int(TaskKind::Regression) << QStringList{};
}

void TestModel::chooseTargetPicksTaskAndPositive()
{
    QFETCH(int, which);
    QFETCH(QString, positive);
    QFETCH(int, task);
    QFETCH(QStringList, classes);
    const Table t({numbers("a", {1, 0, 1, 0}, ColumnType::Boolean),
                   categorical("b", {"Yes", "No", "No", "No"}),
                   categorical("c", {"stayed", "left", "stayed", "stayed"}),
                   categorical("d", {"gold", "silver", "bronze", "gold"}), numbers("e", {1.5f, 2, 3, 4})},
                  4);
    const std::string columns[] = {"a", "b", "c", "d", "e"};
    std::optional<std::string> pos;
    if (!positive.isEmpty()) {
        pos = positive.toStdString();
    }
    const TargetSpec spec = chooseTarget(t, columns[which], pos);
    QCOMPARE(int(spec.task), task);
    QCOMPARE(toQt(spec.classes), classes);
    const TargetValues v = targetValues(t, spec);
    QCOMPARE(v.missing, 0);
    if (spec.task == TaskKind::BinaryClassification && which == 2 && positive.isEmpty()) {
        QCOMPARE(v.classes, (std::vector<std::int32_t>{0, 1, 0, 0}));
    }
}

void TestModel::unusableTargetsAreExplained_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("positive");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("absent") << "nope" << QString() << "no column \"nope\"";
    QTest::newRow("one value") << "same" << QString() << "only one value (\"x\")";
    QTest::newRow("identifier") << "id" << QString() << "cannot be predicted";
    QTest::newRow("positive not a value") << "two"
                                          << "maybe"
                                          << "\"maybe\" is not a value of \"two\"";
    QTest::newRow("positive on numbers") << "num"
                                         << "1"
                                         << "holds numbers";
}

void TestModel::unusableTargetsAreExplained()
{
    QFETCH(QString, column);
    QFETCH(QString, positive);
    QFETCH(QString, fragment);
    Column id;
    id.name = "id";
    id.type = ColumnType::Identifier;
    id.strings = {"1", "2", "3"};
    id.missing = {0, 0, 0};
    const Table t({id, categorical("same", {"x", "x", "x"}), categorical("two", {"a", "b", "a"}),
                   numbers("num", {1, 2, 3})},
                  3);
    std::optional<std::string> pos;
    if (!positive.isEmpty()) {
        pos = positive.toStdString();
    }
    try {
        chooseTarget(t, column.toStdString(), pos);
        QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(fragment), e.what());
    }
}

void TestModel::targetValuesCountClassesAndMissing()
{
    const Table t({categorical("churn", {"Yes", "", "No", "No", "Yes"})}, 5);
    const TargetSpec spec = chooseTarget(t, "churn");
    const TargetValues v = targetValues(t, spec);
    QCOMPARE(v.missing, 1);
    QCOMPARE(v.classes, (std::vector<std::int32_t>{1, -1, 0, 0, 1}));
    QCOMPARE(v.classCounts, (std::vector<long long>{2, 2}));
    QVERIFY(std::isnan(v.values[1]));
    // Scoring data whose target column holds one value only cannot train.
    const Table one({categorical("churn", {"No", "No"})}, 2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetValues(one, spec));
}

void TestModel::modelFileRoundTrip()
{
    QTemporaryDir dir;
    const Table t({numbers("spend", {1, 2, 3, 40}), categorical("plan", {"a", "b", "a", "c"}),
                   categorical("churn", {"Yes", "No", "No", "Yes"})},
                  4);
    TrainedModel m;
    m.target = chooseTarget(t, "churn");
    m.idColumn = "customer";
    const std::vector<std::int64_t> rows{0, 1, 2, 3};
    m.recipe = Recipe::fit(t, rows, {"spend", "plan"});
    m.architecture = makeTemplate(ArchitectureTemplate::Small, m.target.taskSpec());
    m.weights = Network(m.architecture, m.recipe.featureCount(), 7).weights();
    m.summary = {{"test_auc", 0.75}};
    const std::string path = dir.filePath("m.json").toStdString();
    saveModel(path, m);
    QVERIFY(!QFile::exists(dir.filePath("m.json.part")));
    const TrainedModel back = loadModel(path);
    QVERIFY(back.target == m.target);
    QCOMPARE(back.idColumn, m.idColumn);
    QVERIFY(back.recipe == m.recipe);
    QVERIFY(back.architecture == m.architecture);
    QVERIFY(back.weights == m.weights); // bit-identical floats after the text round trip
    QCOMPARE(back.summary["test_auc"].get<double>(), 0.75);
}

void TestModel::damagedModelFilesAreNamed_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not JSON") << QByteArray("PK\x03\x04 zip") << "not a NeuroLift model file";
    QTest::newRow("other JSON") << QByteArray(R"({"hello": 1})") << "not a NeuroLift model file";
    QTest::newRow("newer") << QByteArray(R"({"format": "neurolift.model", "version": 9})")
                           << "newer NeuroLift";
    QTest::newRow("truncated content")
        << QByteArray(R"({"format": "neurolift.model", "version": 1})") << "damaged model file";
    QTest::newRow("missing") << QByteArray() << "cannot open";
}

void TestModel::damagedModelFilesAreNamed()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, fragment);
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.json");
    if (!contents.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    try {
        loadModel(path.toStdString());
        QFAIL("expected ModelFileError");
    } catch (const ModelFileError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(fragment) && message.contains(path), e.what());
    }
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
