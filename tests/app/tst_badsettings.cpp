// Settings and models that cannot give sensible numbers are refused with a
// message naming the option or the part of the model, before any work is
// done: never a model trained with a negative learning rate, never a file of
// NaN scores with exit code 0, never a run-away allocation from a typo.
#include "clirun.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <functional>

using clirun::CliResult;
using clirun::run;

class TestBadSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testOptionsOutOfRange_data();
    void testOptionsOutOfRange();
    void testUnsoundModelsAreRefused_data();
    void testUnsoundModelsAreRefused();

private:
    QTemporaryDir m_dir;
    QString m_cars;
    QString m_project;
    QString m_model;
};

void TestBadSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cars = m_dir.filePath(QStringLiteral("cars.csv"));
    m_project = m_dir.filePath(QStringLiteral("P.nlproj"));
    m_model = m_dir.filePath(QStringLiteral("m.json"));
    QCOMPARE(run({"demo", "car-buyers", "--rows", "400", "--out", m_cars}).exitCode, 0);
    QCOMPARE(run({"import", m_cars, "--project", m_project, "--target", "bought_30d"}).exitCode, 0);
    QCOMPARE(run({"train", "--project", m_project, "--layers", "3:relu", "--epochs", "2"}).exitCode, 0);
    QCOMPARE(run({"train", m_cars, "--target", "bought_30d", "--layers", "4:relu", "--epochs", "2", "--model",
                  m_model})
                 .exitCode,
             0);
}

void TestBadSettings::testOptionsOutOfRange_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList train{"train", "@cars", "--target", "bought_30d", "--model", "@dir/new.json"};
    const QStringList score{"score", "--project", "@project", "@cars", "--out", "@dir/scored.csv"};
    const QStringList evaluate{"evaluate", "--project", "@project"};
    const QStringList exportCsv{"export", "--project", "@project", "--out", "@dir/export.csv"};
    const auto row = [](const char* name, const QStringList& base, const QStringList& extra,
                        const char* message) {
        QTest::newRow(name) << base + extra << QString::fromUtf8(message);
    };
    row("negative learning rate", train, {"--lr", "-1"},
        "--lr: \"-1\" is not allowed; give a number above 0 and at most 10");
    row("learning rate NaN", train, {"--lr", "nan"},
        "--lr: \"nan\" is not allowed; give a number above 0 and at most 10");
    row("learning rate infinite", train, {"--lr", "inf"},
        "--lr: \"inf\" is not allowed; give a number above 0 and at most 10");
    row("learning rate 1e30", train, {"--lr", "1e30"},
        "--lr: \"1e30\" is not allowed; give a number above 0 and at most 10");
    row("no epochs", train, {"--epochs", "0"},
        "--epochs: \"0\" is not allowed; give a number from 1 to 100,000");
    row("batch of none", train, {"--batch", "0"},
        "--batch: \"0\" is not allowed; give a number from 1 to 1,000,000");
    row("negative patience", train, {"--patience", "-3"},
        "--patience: \"-3\" is not allowed; give a number from 0 to 100,000");
    row("a billion threads", train, {"--threads", "1000000000"},
        "--threads: \"1000000000\" is not allowed; give a number from 0 to 1024");
    row("threshold NaN", evaluate, {"--threshold", "nan"},
        "--threshold: \"nan\" is not allowed; give a number from 0 to 1");
    row("threshold above 1", evaluate, {"--threshold", "1.5"},
        "--threshold: \"1.5\" is not allowed; give a number from 0 to 1");
    row("a billion groups", evaluate, {"--groups", "1000000000"},
        "--groups: \"1000000000\" is not allowed; give a number from 2 to 100");
    row("a billion reasons", score, {"--reasons", "1000000000"},
        "--reasons: \"1000000000\" is not allowed; give a number from 0 to 50");
    row("a billion reasons in an export", exportCsv, {"--reasons", "1000000000"},
        "--reasons: \"1000000000\" is not allowed; give a number from 0 to 50");
    row("a billion shuffles", {"explain", "--project", "@project"}, {"--repeats", "1000000000"},
        "--repeats: \"1000000000\" is not allowed; give a number from 1 to 100");
    const char* delimiter =
        "cannot separate the values of a readable file; give one character such as , ; | or "
        "tab (not a quote, a line break, a space, a letter, a digit or a sign)";
    row("quote as delimiter", score, {"--out-delimiter", "\""},
        qPrintable(QStringLiteral("--out-delimiter: \"\"\" ") + delimiter));
    row("line break as delimiter", exportCsv, {"--delimiter", "\n"},
        qPrintable(QStringLiteral("--delimiter: \"\n\" ") + delimiter));
    row("letter as delimiter", score, {"--out-delimiter", "x"},
        qPrintable(QStringLiteral("--out-delimiter: \"x\" ") + delimiter));
    row("segment share above 1", {"segment", "--project", "@project"}, {"--top-share", "2"},
        "--top-share: \"2\" is not allowed; give a number above 0 and at most 1");
}

void TestBadSettings::testOptionsOutOfRange()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("@cars"), m_cars);
    arguments.replaceInStrings(QStringLiteral("@project"), m_project);
    arguments.replaceInStrings(QStringLiteral("@dir"), m_dir.path());
    const CliResult r = run(arguments);
    const QString all = r.err.join('\n');
    QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + '\n' + all));
    // The message, then CLI11's "Run with --help for more information."
    QVERIFY2(all.contains(message), qPrintable(all));
    // Refused before any work: nothing written.
    for (const char* f : {"new.json", "scored.csv", "export.csv"}) {
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QLatin1String(f))));
    }
}

void TestBadSettings::testUnsoundModelsAreRefused_data()
{
    using Change = std::function<void(QJsonObject&)>;
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("problem");
    const auto layerWeights = [](QJsonObject& m, int index, const std::function<void(QJsonObject&)>& f) {
        QJsonArray weights = m.value(QStringLiteral("weights")).toArray();
        QJsonObject t = weights.at(index).toObject();
        f(t);
        weights.replace(index, t);
        m.insert(QStringLiteral("weights"), weights);
    };
    QTest::newRow("an infinite weight")
        << Change([&](QJsonObject& m) {
               layerWeights(m, 0, [](QJsonObject& t) {
                   QJsonArray data = t.value(QStringLiteral("data")).toArray();
                   data.replace(5, 1e39); // beyond float: read as infinity
                   t.insert(QStringLiteral("data"), data);
               });
           })
        << "the weights \"dense_1.weight\" hold values that are not finite numbers (NaN or infinity); the "
           "training diverged or the model was changed: train it again";
    QTest::newRow("a scale of zero")
        << Change([](QJsonObject& m) {
               QJsonObject recipe = m.value(QStringLiteral("recipe")).toObject();
               QJsonArray features = recipe.value(QStringLiteral("features")).toArray();
               QJsonObject first = features.at(0).toObject();
               first.insert(QStringLiteral("scale"), 0.0);
               features.replace(0, first);
               recipe.insert(QStringLiteral("features"), features);
               m.insert(QStringLiteral("recipe"), recipe);
           })
        << "the preparation of column \"visits\" has a scale of zero or a value that is not a finite number; "
           "train the model again";
    QTest::newRow("null where a number belongs") << Change([](QJsonObject& m) {
        QJsonObject recipe = m.value(QStringLiteral("recipe")).toObject();
        QJsonArray features = recipe.value(QStringLiteral("features")).toArray();
        QJsonObject first = features.at(0).toObject();
        first.insert(QStringLiteral("scale"), QJsonValue::Null);
        features.replace(0, first);
        recipe.insert(QStringLiteral("features"), features);
        m.insert(QStringLiteral("recipe"), recipe);
    }) << "recipe JSON: content: a stored value is not what it should be (type must be number, but is null)";
    QTest::newRow("a yes/no model with 5 outputs") << Change([&](QJsonObject& m) {
        QJsonObject arch = m.value(QStringLiteral("architecture")).toObject();
        QJsonArray layers = arch.value(QStringLiteral("layers")).toArray();
        QJsonObject last = layers.last().toObject();
        last.insert(QStringLiteral("units"), 5);
        layers.replace(layers.size() - 1, last);
        arch.insert(QStringLiteral("layers"), layers);
        m.insert(QStringLiteral("architecture"), arch);
        // Weights that fit the 5 outputs, so only the task is wrong.
        layerWeights(m, 2, [](QJsonObject& t) {
            t.insert(QStringLiteral("rows"), 5);
            t.insert(QStringLiteral("data"), QJsonArray::fromVariantList(QVariantList(20, 0.1)));
        });
        layerWeights(m, 3, [](QJsonObject& t) {
            t.insert(QStringLiteral("rows"), 5);
            t.insert(QStringLiteral("data"), QJsonArray::fromVariantList(QVariantList(5, 0.0)));
        });
    }) << "the network does not fit the task (the output layer has 5 units but a yes/no target needs 1)";
    QTest::newRow("a yes/no target with three classes") << Change([](QJsonObject& m) {
        QJsonObject target = m.value(QStringLiteral("target")).toObject();
        target.insert(QStringLiteral("classes"), QJsonArray{"0", "1", "2"});
        m.insert(QStringLiteral("target"), target);
    }) << "the target \"bought_30d\" lists 3 classes, which does not fit a binary model";
}

void TestBadSettings::testUnsoundModelsAreRefused()
{
    using Change = std::function<void(QJsonObject&)>;
    QFETCH(Change, change);
    QFETCH(QString, problem);
    QFile in(m_model);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject model = QJsonDocument::fromJson(in.readAll()).object();
    QVERIFY(!model.isEmpty());
    change(model);
    const QString changed = m_dir.filePath(QStringLiteral("changed.model.json"));
    QFile out(changed);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(model).toJson());
    out.close();
    const QString scored = m_dir.filePath(QStringLiteral("scored.csv"));
    const CliResult r = run({"score", "--model", changed, m_cars, "--out", scored});
    clirun::checkMessage(r, 2, changed + QStringLiteral(": damaged model file: ") + problem);
    QVERIFY(!QFileInfo::exists(scored));
}

QTEST_GUILESS_MAIN(TestBadSettings)
#include "tst_badsettings.moc"
