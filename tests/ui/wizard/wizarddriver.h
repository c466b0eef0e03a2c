#pragma once

// What the wizard's test suites share: a main window per test, the wizard opened
// from its menu, and Next, Back and the radio buttons clicked as a user would.

#include "wizard/guidedwizard.h"

#include "eventqueue.h"
#include "shell/document.h"
#include "shell/language.h"
#include "shell/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QObject>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace neurolift::test {

class WizardDriver : public QObject {
protected:
    /// For initTestCase(): settings and untitled projects go to test locations, never the user's.
    void startTestCase(const QString& name)
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
        QCoreApplication::setApplicationName(name);
    }

    /// For init(): a main window on screen.
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    /// For cleanup().
    void closeWindow()
    {
        m_wizard = nullptr;
        if (m_window && m_window->document()) {
            m_window->document()->undoStack()->clear();
        }
        m_window.reset();
    }

    /// File › New Guided Project; null when the wizard does not show.
    GuidedWizard* openWizard()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("actionNewGuided"));
        if (!action) {
            return nullptr;
        }
        action->trigger();
        m_wizard = m_window->findChild<GuidedWizard*>();
        if (m_wizard && !QTest::qWaitForWindowExposed(m_wizard)) {
            return nullptr;
        }
        return m_wizard;
    }

    /// Clicks Next once it is on (the step may be busy first).
    void next()
    {
        QAbstractButton* button = m_wizard->button(QWizard::NextButton);
        QTRY_VERIFY_WITH_TIMEOUT(button->isVisible() && button->isEnabled(), 60000);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void back()
    {
        QAbstractButton* button = m_wizard->button(QWizard::BackButton);
        QVERIFY(button->isVisible() && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    template <typename T>
    T* find(const char* name) const
    {
        return m_wizard->findChild<T*>(QLatin1String(name));
    }

    QString text(const char* name) const
    {
        const QLabel* label = find<QLabel>(name);
        return label ? label->text() : QString();
    }

    /// Clicks the radio button's circle (its middle may lie past its text, where clicks do nothing).
    void clickRadio(const char* name)
    {
        auto* radio = find<QRadioButton>(name);
        QVERIFY(radio);
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
        QVERIFY(radio->isChecked());
    }

    /// Saves `widget` (the wizard when null) as wizard-NAME.png (wizard-NAME-zh_CN.png in Chinese)
    /// in $NEUROLIFT_SCREENSHOTS, when that is set.
    void snap(const QString& name, QWidget* widget = nullptr)
    {
        const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
        if (folder.isEmpty()) {
            return;
        }
        deliverPostedEvents(); // queued layouts and replots
        const QString language = installedLanguage();
        const QString suffix = language == QLatin1StringView("en") ? QString() : QLatin1Char('-') + language;
        QVERIFY((widget ? widget : m_wizard)
                    ->grab()
                    .save(QDir(folder).filePath(QStringLiteral("wizard-%1%2.png").arg(name, suffix))));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    GuidedWizard* m_wizard = nullptr;
};

} // namespace neurolift::test
