#include "shell/settings.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTest>

using neurolift::Preference;

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void testUnsetPreferenceGivesTheDefault();
    void testSetValueIsReadBack();
    void testResetForgetsTheValue();
    void testValueIsStoredUnderItsKey();

private:
    const Preference<int> m_count{"test/count", 7};
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
    QVERIFY2(QSettings().fileName().contains(QStringLiteral(".qttest")), qPrintable(QSettings().fileName()));
    m_count.reset();
}

void TestSettings::cleanup()
{
    m_count.reset();
}

void TestSettings::testUnsetPreferenceGivesTheDefault()
{
    QCOMPARE(m_count.get(), 7);
    const Preference<QByteArray> noDefault{"test/bytes"};
    QVERIFY(noDefault.get().isEmpty());
}

void TestSettings::testSetValueIsReadBack()
{
    m_count.set(42);
    QCOMPARE(m_count.get(), 42);
}

void TestSettings::testResetForgetsTheValue()
{
    m_count.set(42);
    m_count.reset();
    QCOMPARE(m_count.get(), 7);
}

void TestSettings::testValueIsStoredUnderItsKey()
{
    m_count.set(3);
    QCOMPARE(QSettings().value(QStringLiteral("test/count")).toInt(), 3);
    QCOMPARE(QString::fromLatin1(m_count.key()), QStringLiteral("test/count"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
