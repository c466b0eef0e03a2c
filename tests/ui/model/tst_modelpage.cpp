#include "model/architecturecommands.h"
#include "model/architecturemodel.h"
#include "model/layercanvas.h"
#include "model/layerpalette.h"
#include "model/layerproperties.h"
#include "model/modelpage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include <memory>

using neurolift::Activation;
using neurolift::Architecture;
using neurolift::ArchitectureModel;
using neurolift::ArchitectureTemplate;
using neurolift::LayerCanvas;
using neurolift::LayerKind;
using neurolift::ModelPage;

Q_DECLARE_METATYPE(neurolift::LayerKind)
Q_DECLARE_METATYPE(neurolift::ArchitectureTemplate)

namespace {

/// What a real double-click delivers: press, release, double-click, release (QTest::mouseDClick alone
/// sends only the double-click event, which item views ignore without the press before it).
void doubleClick(QWidget* widget, const QPoint& pos)
{
    QTest::mouseClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

} // namespace

class TestModelPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testPageFitsALaptopScreen();
    void testPageHasATitle();
    void testCanvasShowsInputsLayersAndPrediction();
    void testDoubleClickOnAPaletteItemAddsABlock_data();
    void testDoubleClickOnAPaletteItemAddsABlock();
    void testDoubleClickAddsAfterTheSelectedLayer();
    void testDroppingAPaletteItemInsertsWhereItLands();
    void testDeleteRemovesTheSelectedBlock_data();
    void testDeleteRemovesTheSelectedBlock();
    void testDraggingABlockReorders_data();
    void testDraggingABlockReorders();
    void testUnitsInThePropertyPanelUpdateBlockAndTotal();
    void testUndoAndRedoRestoreTheCanvas();
    void testProblemShowsOnTheBlockAndAboveTheCanvas();
    void testWithoutDataTheInputsAskForItAndBuildingStillWorks();
    void testNetworkButtonsKeepSeveralNetworks();
    void testScreenshots();

private:
    /// Names each layer block says it is, top to bottom (the first line of each block).
    QStringList blockTitles() const;
    /// Clicks the block of layer `index` on the canvas.
    void clickBlock(int index);
    void useTemplate(ArchitectureTemplate t);

    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<ArchitectureModel> m_model;
    std::unique_ptr<ModelPage> m_page;
    LayerCanvas* m_canvas = nullptr;
};

void TestModelPage::initTestCase()
{
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestModelPage::init()
{
    m_stack = std::make_unique<QUndoStack>();
    m_model = std::make_unique<ArchitectureModel>();
    m_model->setInputCount(57);
    Architecture medium = neurolift::makeTemplate(ArchitectureTemplate::Medium, m_model->task());
    medium.name = "Network 1";
    m_model->reset({medium}, 0);
    m_page = std::make_unique<ModelPage>(m_model.get(), m_stack.get());
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_canvas = m_page->canvas();
    QVERIFY(m_canvas);
}

void TestModelPage::cleanup()
{
    m_page.reset();
    m_stack.reset();
    m_model.reset();
}

QStringList TestModelPage::blockTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_canvas->blockCount(); ++i) {
        titles << m_canvas->blockText(i).section(QLatin1Char('\n'), 0, 0);
    }
    return titles;
}

void TestModelPage::clickBlock(int index)
{
    const QPoint centre = m_canvas->blockCenter(index);
    QVERIFY(m_canvas->viewport()->rect().contains(centre));
    QTest::mouseClick(m_canvas->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(m_model->selectedLayer(), index);
    QVERIFY(m_canvas->blockIsSelected(index));
}

void TestModelPage::useTemplate(ArchitectureTemplate t)
{
    m_stack->push(new neurolift::ApplyTemplateCommand(m_model.get(), t));
    m_stack->clear();
}

void TestModelPage::testPageFitsALaptopScreen()
{
    const QSize minimum = m_page->minimumSizeHint();
    QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(m_page->size(), QSize(1280, 800));
    // The whole network is in view, without scrolling.
    for (int i = 0; i < m_canvas->blockCount(); ++i) {
        QVERIFY(m_canvas->viewport()->rect().contains(m_canvas->blockCenter(i)));
    }
}

void TestModelPage::testPageHasATitle()
{
    const auto* heading = m_page->findChild<QLabel*>(QStringLiteral("heading"));
    QVERIFY(heading);
    QVERIFY(heading->isVisible());
    QCOMPARE(heading->text(), QStringLiteral("Design the network"));
    // A title like the other steps' pages: bold and larger than the page's text, above the network bar.
    QVERIFY(heading->font().bold());
    QVERIFY(heading->font().pointSizeF() > m_page->font().pointSizeF() * 1.5);
    QVERIFY(heading->fontMetrics().horizontalAdvance(heading->text()) <= heading->contentsRect().width());
    const auto* bar = m_page->findChild<QComboBox*>(QStringLiteral("architectureCombo"));
    QVERIFY(heading->mapTo(m_page.get(), QPoint(0, heading->height())).y() <=
            bar->mapTo(m_page.get(), QPoint(0, 0)).y());

    // The room the page has in a 1280x720 and a 1920x1080 window (less the navigation, menu and status bar).
    if (const QString dir = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS"); !dir.isEmpty()) {
        for (const QSize room : {QSize(1070, 650), QSize(1710, 1010)}) {
            m_page->resize(room);
            QApplication::processEvents();
            QVERIFY(m_page->grab().save(QDir(dir).filePath(
                QStringLiteral("model-page-%1x%2.png").arg(room.width()).arg(room.height()))));
        }
    }
}

void TestModelPage::testCanvasShowsInputsLayersAndPrediction()
{
    QCOMPARE(m_canvas->inputText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("57 inputs"));
    QCOMPARE(blockTitles(),
             (QStringList{QStringLiteral("Dense \u00b7 64 units"), QStringLiteral("Dense \u00b7 32 units"),
                          QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}));
    // Kind, activation, output shape and trainable values on each block.
    QCOMPARE(m_canvas->blockText(0),
             QStringLiteral("Dense \u00b7 64 units\nReLU \u2192 64 outputs\n3,712 trainable values"));
    QCOMPARE(
        m_canvas->blockText(2),
        QStringLiteral("Output \u00b7 Dense \u00b7 1 unit\nSigmoid \u2192 1 output\n33 trainable values"));
    QVERIFY(m_canvas->outputText().startsWith(QStringLiteral("Prediction: chance of yes")));
    QCOMPARE(m_page->summaryText(), QStringLiteral("5,825 trainable values  \u00b7  2 hidden layers"));
    QVERIFY(m_page->problemsText().isEmpty());
    for (int i = 0; i < m_canvas->blockCount(); ++i) {
        QVERIFY(!m_canvas->blockHasProblem(i));
        QVERIFY(!m_canvas->blockIsSelected(i));
    }
}

void TestModelPage::testDoubleClickOnAPaletteItemAddsABlock_data()
{
    QTest::addColumn<LayerKind>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("summary");

    QTest::newRow("Dense") << LayerKind::Dense << QStringLiteral("Dense \u00b7 16 units")
                           << QStringLiteral("6,337 trainable values  \u00b7  3 hidden layers");
    QTest::newRow("Dropout") << LayerKind::Dropout << QStringLiteral("Dropout \u00b7 20 %")
                             << QStringLiteral("5,825 trainable values  \u00b7  2 hidden layers");
    QTest::newRow("Batch norm") << LayerKind::BatchNorm << QStringLiteral("Batch norm")
                                << QStringLiteral("5,889 trainable values  \u00b7  2 hidden layers");
    QTest::newRow("Activation") << LayerKind::Activation << QStringLiteral("Activation \u00b7 ReLU")
                                << QStringLiteral("5,825 trainable values  \u00b7  2 hidden layers");
}

void TestModelPage::testDoubleClickOnAPaletteItemAddsABlock()
{
    QFETCH(LayerKind, kind);
    QFETCH(QString, title);
    QFETCH(QString, summary);

    auto* palette = m_page->palette();
    const int row = palette->rowOf(kind);
    QVERIFY(row >= 0);
    const QRect rect = palette->visualItemRect(palette->item(row));
    QVERIFY(palette->viewport()->rect().contains(rect));
    doubleClick(palette->viewport(), rect.center());

    // Nothing selected: the new layer goes just before the output layer.
    QCOMPARE(m_canvas->blockCount(), 4);
    QCOMPARE(blockTitles().at(2), title);
    QCOMPARE(m_model->layer(2).kind, kind);
    QVERIFY(m_model->isOutputLayer(3));
    QCOMPARE(m_page->summaryText(), summary);
    QCOMPARE(m_stack->count(), 1);
    // The new block is selected, so its settings are at hand.
    QVERIFY(m_canvas->blockIsSelected(2));
}

void TestModelPage::testDoubleClickAddsAfterTheSelectedLayer()
{
    clickBlock(0);
    auto* palette = m_page->palette();
    const QRect rect = palette->visualItemRect(palette->item(palette->rowOf(LayerKind::Dropout)));
    doubleClick(palette->viewport(), rect.center());
    QCOMPARE(blockTitles(),
             (QStringList{QStringLiteral("Dense \u00b7 64 units"), QStringLiteral("Dropout \u00b7 20 %"),
                          QStringLiteral("Dense \u00b7 32 units"),
                          QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}));
}

void TestModelPage::testDroppingAPaletteItemInsertsWhereItLands()
{
    // The palette's own drag data, dropped between the first two blocks. (QDrag::exec runs its own
    // event loop that QTest cannot drive offscreen, so the drop events are sent as a drag would.)
    auto* palette = m_page->palette();
    const QModelIndex item = palette->model()->index(palette->rowOf(LayerKind::BatchNorm), 0);
    std::unique_ptr<QMimeData> mime(palette->model()->mimeData({item}));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(LayerCanvas::layerMimeType()));

    const QPoint between = (m_canvas->blockCenter(0) + m_canvas->blockCenter(1)) / 2;
    QDragEnterEvent enter(between, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
    QApplication::sendEvent(m_canvas->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(between, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
    QApplication::sendEvent(m_canvas->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(between, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
    QApplication::sendEvent(m_canvas->viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(drop.dropAction(), Qt::CopyAction);
    QCOMPARE(palette->count(), 4);

    QCOMPARE(blockTitles(),
             (QStringList{QStringLiteral("Dense \u00b7 64 units"), QStringLiteral("Batch norm"),
                          QStringLiteral("Dense \u00b7 32 units"),
                          QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}));
    QVERIFY(m_canvas->blockText(1).contains(QStringLiteral("128 trainable values")));
}

void TestModelPage::testDeleteRemovesTheSelectedBlock_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<QStringList>("titles");
    QTest::addColumn<QString>("summary");

    QTest::newRow("first hidden layer") << 0
                                        << QStringList{QStringLiteral("Dense \u00b7 32 units"),
                                                       QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}
                                        << QStringLiteral("1,889 trainable values  \u00b7  1 hidden layer");
    QTest::newRow("second hidden layer") << 1
                                         << QStringList{QStringLiteral("Dense \u00b7 64 units"),
                                                        QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}
                                         << QStringLiteral("3,777 trainable values  \u00b7  1 hidden layer");
    QTest::newRow("the output layer stays")
        << 2
        << QStringList{QStringLiteral("Dense \u00b7 64 units"), QStringLiteral("Dense \u00b7 32 units"),
                       QStringLiteral("Output \u00b7 Dense \u00b7 1 unit")}
        << QStringLiteral("5,825 trainable values  \u00b7  2 hidden layers");
}

void TestModelPage::testDeleteRemovesTheSelectedBlock()
{
    QFETCH(int, layer);
    QFETCH(QStringList, titles);
    QFETCH(QString, summary);

    clickBlock(layer);
    QVERIFY(m_canvas->hasFocus());
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(blockTitles(), titles);
    QCOMPARE(m_page->summaryText(), summary);
    QCOMPARE(m_stack->count(), titles.size() == 3 ? 0 : 1);
}

void TestModelPage::testDraggingABlockReorders_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QStringList>("titles");

    const QString d128 = QStringLiteral("Dense \u00b7 128 units");
    const QString d64 = QStringLiteral("Dense \u00b7 64 units");
    const QString d32 = QStringLiteral("Dense \u00b7 32 units");
    const QString drop = QStringLiteral("Dropout \u00b7 20 %");
    const QString out = QStringLiteral("Output \u00b7 Dense \u00b7 1 unit");
    QTest::newRow("first down to third") << 0 << 2 << QStringList{drop, d64, d128, drop, d32, out};
    QTest::newRow("last hidden up to the top") << 4 << 0 << QStringList{d32, d128, drop, d64, drop, out};
    QTest::newRow("down past the output stays above it")
        << 1 << 9 << QStringList{d128, d64, drop, d32, drop, out};
    QTest::newRow("dropped where it was") << 2 << 2 << QStringList{d128, drop, d64, drop, d32, out};
}

void TestModelPage::testDraggingABlockReorders()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QStringList, titles);

    useTemplate(ArchitectureTemplate::Deep);
    QCOMPARE(m_canvas->blockCount(), 6);
    // Aim just past the centre of the target block, on the side the block comes from.
    QPoint target;
    if (to >= m_canvas->blockCount()) {
        target = m_canvas->blockCenter(m_canvas->blockCount() - 1) + QPoint(0, 20);
    } else {
        target = m_canvas->blockCenter(to) + QPoint(0, to > from ? 6 : (to < from ? -6 : 2));
    }
    const QPoint start = m_canvas->blockCenter(from);
    QWidget* viewport = m_canvas->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start + QPoint(0, (target.y() > start.y() ? 1 : -1) * 12));
    QTest::mouseMove(viewport, target);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, target);

    QCOMPARE(blockTitles(), titles);
    QCOMPARE(m_stack->count(), from == to ? 0 : 1);
    if (from != to) {
        // The moved layer stays selected where it landed.
        QCOMPARE(m_model->selectedLayer(), std::min(to, m_model->outputLayer() - 1));
    }
}

void TestModelPage::testUnitsInThePropertyPanelUpdateBlockAndTotal()
{
    clickBlock(0);
    auto* units = m_page->properties()->findChild<QSpinBox*>(QStringLiteral("unitsSpinBox"));
    QVERIFY(units);
    QVERIFY(units->isVisible());
    QVERIFY(units->isEnabled());
    QCOMPARE(units->value(), 64);

    units->setFocus();
    QTest::keyClick(units, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(units, QStringLiteral("128"));
    QTest::keyClick(units, Qt::Key_Enter);

    QCOMPARE(m_model->layer(0).units, 128);
    QCOMPARE(m_canvas->blockText(0).section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Dense \u00b7 128 units"));
    QVERIFY(m_canvas->blockText(0).contains(QStringLiteral("7,424 trainable values")));
    // (57 + 1) * 128 + (128 + 1) * 32 + 33
    QCOMPARE(m_page->summaryText(), QStringLiteral("11,585 trainable values  \u00b7  2 hidden layers"));
    // Typing 1, 12, 128 is one step to undo.
    QCOMPARE(m_stack->count(), 1);

    // The output layer's units follow the target and cannot be edited.
    clickBlock(2);
    QVERIFY(!units->isEnabled());
    auto* note = m_page->properties()->findChild<QLabel*>(QStringLiteral("propertiesNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("cannot be removed")));
}

void TestModelPage::testUndoAndRedoRestoreTheCanvas()
{
    const QStringList before = blockTitles();
    const QString beforeSummary = m_page->summaryText();
    clickBlock(0);
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    const QStringList after = blockTitles();
    QCOMPARE(after.size(), 2);

    auto* undo = m_page->findChild<QAction*>(QStringLiteral("modelUndo"));
    auto* redo = m_page->findChild<QAction*>(QStringLiteral("modelRedo"));
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(blockTitles(), before);
    QCOMPARE(m_page->summaryText(), beforeSummary);
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(blockTitles(), after);
    m_stack->undo();
    QCOMPARE(m_canvas->blockText(0),
             QStringLiteral("Dense \u00b7 64 units\nReLU \u2192 64 outputs\n3,712 trainable values"));
}

void TestModelPage::testProblemShowsOnTheBlockAndAboveTheCanvas()
{
    clickBlock(0);
    auto* activation = m_page->properties()->findChild<QComboBox*>(QStringLiteral("activationComboBox"));
    QVERIFY(activation && activation->isVisible());
    activation->setFocus();
    // Arrow down through the list as a user would, to Softmax.
    for (int i = 0; i < activation->count() && activation->currentText() != QStringLiteral("Softmax"); ++i) {
        QTest::keyClick(activation, Qt::Key_Down);
    }
    QCOMPARE(activation->currentText(), QStringLiteral("Softmax"));

    QVERIFY(m_canvas->blockHasProblem(0));
    QVERIFY(!m_canvas->blockHasProblem(1));
    QVERIFY2(m_canvas->blockText(0).contains(
                 QStringLiteral("This layer uses softmax, which belongs on the output layer only")),
             qPrintable(m_canvas->blockText(0)));
    QVERIFY2(m_page->problemsText().contains(QStringLiteral("belongs on the output layer only")),
             qPrintable(m_page->problemsText()));
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("problems"))->isVisible());
    // All the arrow presses are one step: one undo clears the problem.
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QVERIFY(!m_canvas->blockHasProblem(0));
    QVERIFY(m_page->problemsText().isEmpty());
}

void TestModelPage::testWithoutDataTheInputsAskForItAndBuildingStillWorks()
{
    m_model->setInputCount(0);
    QVERIFY(m_canvas->inputText().contains(QStringLiteral("pick the data first")));
    QVERIFY(
        m_page->summaryText().startsWith(QStringLiteral("Trainable values: known once the data is picked")));
    QVERIFY(m_canvas->blockText(0).contains(QStringLiteral("? trainable values")));
    QVERIFY(m_canvas->blockText(1).contains(QStringLiteral("2,080 trainable values")));
    QVERIFY(m_page->problemsText().isEmpty());

    m_page->addLayer(LayerKind::Dense);
    QCOMPARE(m_canvas->blockCount(), 4);
    m_model->setInputCount(10);
    QCOMPARE(m_canvas->inputText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("10 inputs"));
    QVERIFY(m_canvas->blockText(0).contains(QStringLiteral("704 trainable values")));
}

void TestModelPage::testNetworkButtonsKeepSeveralNetworks()
{
    auto* combo = m_page->findChild<QComboBox*>(QStringLiteral("architectureCombo"));
    auto* newButton = m_page->findChild<QPushButton*>(QStringLiteral("newArchitecture"));
    auto* duplicate = m_page->findChild<QPushButton*>(QStringLiteral("duplicateArchitecture"));
    auto* remove = m_page->findChild<QPushButton*>(QStringLiteral("deleteArchitecture"));
    QVERIFY(combo && newButton && duplicate && remove);
    QCOMPARE(combo->count(), 1);
    QVERIFY(!remove->isEnabled());

    QTest::mouseClick(newButton, Qt::LeftButton);
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentText(), QStringLiteral("Network 2"));
    QCOMPARE(blockTitles().size(), 2);
    QVERIFY(remove->isEnabled());

    QTest::mouseClick(duplicate, Qt::LeftButton);
    QCOMPARE(combo->currentText(), QStringLiteral("Network 2 (copy)"));
    m_page->renameCurrent(QStringLiteral("Try wider"));
    QCOMPARE(combo->currentText(), QStringLiteral("Try wider"));

    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(combo->count(), 2);
    m_stack->undo();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), QStringLiteral("Try wider"));

    // Switching back shows that network's layers.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(m_model->currentIndex(), 0);
    QCOMPARE(blockTitles().size(), 3);
}

void TestModelPage::testScreenshots()
{
    const QString dir = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (dir.isEmpty()) {
        QSKIP("Set NEUROLIFT_SCREENSHOTS to a folder to write the Model page screenshots");
    }
    QVERIFY(QDir().mkpath(dir));
    clickBlock(1);
    QApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("model-page.png"))));

    m_stack->push(neurolift::ChangeLayerPropertyCommand::activation(m_model.get(), 0, Activation::Softmax));
    m_model->setSelectedLayer(0);
    QApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("model-page-problem.png"))));

    // A longer network still fits the canvas.
    m_stack->push(new neurolift::ApplyTemplateCommand(m_model.get(), ArchitectureTemplate::Deep));
    m_model->setSelectedLayer(1);
    QApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("model-page-deep.png"))));

    // Before any data is picked.
    m_model->setInputCount(0);
    m_model->setSelectedLayer(-1);
    QApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("model-page-no-data.png"))));
}

QTEST_MAIN(TestModelPage)
#include "tst_modelpage.moc"
