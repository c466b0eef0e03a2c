#include "shell/appicon.h"

#include <QImage>
#include <QPixmap>
#include <QTest>

class TestAppIcon : public QObject {
    Q_OBJECT

private slots:
    void testIconIsUsable();
    void testPaintedIcon_data();
    void testPaintedIcon();
};

void TestAppIcon::testIconIsUsable()
{
    const QIcon icon = neurolift::appIcon();
    QVERIFY(!icon.isNull());
    QVERIFY(!icon.pixmap(QSize(32, 32)).isNull());
}

void TestAppIcon::testPaintedIcon_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qreal>("devicePixelRatio");

    QTest::newRow("16") << 16 << 1.0;
    QTest::newRow("32") << 32 << 1.0;
    QTest::newRow("32 at 2x") << 32 << 2.0;
    QTest::newRow("256") << 256 << 1.0;
}

void TestAppIcon::testPaintedIcon()
{
    QFETCH(int, size);
    QFETCH(qreal, devicePixelRatio);

    const QPixmap pixmap = neurolift::paintedAppIcon(size, devicePixelRatio);
    QCOMPARE(pixmap.deviceIndependentSize().toSize(), QSize(size, size));
    const QImage image = pixmap.toImage();
    QCOMPARE(image.size(), QSize(size, size) * devicePixelRatio);
    // Rounded corners stay transparent; the middle is the drawn tile.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(image.width() / 2, image.height() / 2)), 255);
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
