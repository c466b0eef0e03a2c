#pragma once

#include "comingsoonpage.h"
#include "step.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace neurolift {

/// The application's main window: a navigation with the five workflow steps on
/// the left and the page of the current step on the right. It only hosts pages;
/// each page owns its widgets and actions.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The step whose page is shown.
    Step currentStep() const;
    /// Shows the page of `step` and selects it in the navigation.
    void showStep(Step step);

    /// The text of the About box: name, version and what NeuroLift is for.
    static QString aboutText();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createPages();
    void showAbout();

    static QString stepTitle(Step step);
    static ComingSoonPage::Content comingSoonContent(Step step);

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
};

} // namespace neurolift
