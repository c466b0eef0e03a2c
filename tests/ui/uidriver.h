#pragma once

// What GUI tests do as a user would, shared by the suites.

#include "shell/document.h"
#include "shell/documentcommands.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QTest>

#include <nlohmann/json.hpp>

#include <string>

namespace neurolift::test {

/// Opens `combo`'s list and clicks the item `text`, one choice as a user makes it.
inline void clickComboItem(QComboBox* combo, const QString& text)
{
    QVERIFY(combo);
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    QTest::mouseClick(combo, Qt::LeftButton);
    QAbstractItemView* list = combo->view();
    QTRY_VERIFY_WITH_TIMEOUT(list->isVisible(), 60000);
    const QModelIndex item = list->model()->index(index, combo->modelColumn());
    list->scrollTo(item);
    const QPoint at = list->visualRect(item).center();
    QTest::mouseMove(list->viewport(), at);
    // For a double-click interval after the popup opened, Qt takes a release for the opening click's
    // own and ignores it; so the item is clicked again until the popup takes it, as a user would.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (list->isVisible()) {
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
            }
            return !list->isVisible();
        }(),
        20000);
    QCOMPARE(combo->currentIndex(), index);
}

/// Chooses the target column of `doc` as the Data page does: an undo command.
inline void chooseTarget(Document& doc, const std::string& column)
{
    doc.undoStack()->push(new ChangeSettingCommand(&doc, "target", doc.setting("target"),
                                                   nlohmann::json{{"column", column}}, Document::Change::Choice,
                                                   QStringLiteral("Choose Target")));
}

} // namespace neurolift::test
