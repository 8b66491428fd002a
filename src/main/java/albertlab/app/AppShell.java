package albertlab.app;

import albertlab.core.session.DefaultState;
import albertlab.core.session.LabState;
import albertlab.view.common.AppContext;
import albertlab.view.lesson.LessonsPage;
import albertlab.view.common.LabPage;
import albertlab.view.common.LabStyles;
import albertlab.view.common.StepNavigation;
import albertlab.viewmodel.common.I18n;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main window's content: a menu bar (mnemonics: Alt+F, V, L, H), page buttons, and the current page.
 * Pages are built the first time they are shown. Keyboard: Ctrl+1..9 jump to a page, Ctrl+Tab and
 * Ctrl+Shift+Tab (or Ctrl+Page Down/Up) cycle, Ctrl+plus/minus/0 change the text size for a projector, F5
 * presents ({@link PresenterMode}).
 */
public final class AppShell extends BorderPane {

    public static final double MIN_FONT = 11;
    public static final double MAX_FONT = 30;
    /** The narrowest the pages are laid out, in units of the text size (930 pixels at 15 px: with a lesson panel, a 1280-pixel window). */
    static final double PAGE_MIN_WIDTH_EM = 62;

    private final AppContext context;
    private final I18n i18n;
    private final List<LabPage> pages;
    private final Map<String, Node> built = new HashMap<>();
    /**
     * Never narrower than its page can be drawn, nor than {@link #PAGE_MIN_WIDTH_EM}: below that the pages squeeze
     * their labels away, and the scroll pane around it scrolls sideways instead. (A fixed minimum alone would let a
     * wider page overflow on both sides of this centring pane, its left edge cut off.)
     */
    private final StackPane pageArea = new StackPane() {
        @Override
        protected double computeMinWidth(double height) {
            return Math.max(super.computeMinWidth(height), fontSize.get() * PAGE_MIN_WIDTH_EM);
        }
    };
    private final ToggleGroup nav = new ToggleGroup();
    private final ReadOnlyObjectWrapper<LabPage> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", LabStyles.DEFAULT_SIZE);
    private final Runnable quit;
    private final ObjectProperty<StepNavigation> navigation = new SimpleObjectProperty<>(this, "navigation");
    private final PresenterMode presenter;
    private double baseFontSize = LabStyles.DEFAULT_SIZE;
    private LabState baseline;
    private final LessonsPage lessons;
    private final java.util.Set<LabPage> watched = new java.util.HashSet<>();
    private boolean valuesQueued;
    private Menu fileMenu;
    private final List<Runnable> quitHooks = new java.util.ArrayList<>();

    public AppShell(AppContext context, List<LabPage> pages, Runnable quit) {
        if (pages.isEmpty()) throw new IllegalArgumentException("no pages");
        this.context = context;
        this.i18n = context.i18n();
        this.pages = List.copyOf(pages);
        this.quit = quit;
        this.baseline = DefaultState.of(i18n.isChinese() ? "zh" : "en");
        setId("shell");
        HBox navBar = new HBox(4);
        navBar.getStyleClass().add("nav-bar");
        navBar.setAlignment(Pos.CENTER_RIGHT);
        for (int i = 0; i < this.pages.size(); i++) navBar.getChildren().add(navButton(this.pages.get(i), i));
        for (LabPage p : this.pages) p.attach(this::select);
        lessons = this.pages.stream().filter(p -> p instanceof LessonsPage).map(p -> (LessonsPage) p).findFirst()
                .orElse(null);
        if (lessons != null) dockLessons();
        presenter = new PresenterMode(this, i18n, navigation);
        MenuBar menus = menus();
        HBox top = new HBox(menus, navBar);
        HBox.setHgrow(menus, Priority.ALWAYS);
        top.getStyleClass().add("top-bar");
        setTop(top);
        pageArea.setId("page-area");
        // a page narrower than it can be drawn (a lesson panel beside it on a 1280-pixel projector) scrolls
        // instead of pushing the panel out of the window; wide enough, the scroll pane is invisible
        javafx.scene.control.ScrollPane pageScroll = new javafx.scene.control.ScrollPane(pageArea);
        pageScroll.setFitToWidth(true);
        pageScroll.setFitToHeight(true);
        pageScroll.getStyleClass().add("page-scroll");
        pageScroll.setId("page-scroll");
        setCenter(pageScroll);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) install(scene);
        });
        fontSize.addListener(x -> {
            if (getScene() != null) LabStyles.install(getScene(), fontSize.get());
        });
    }

    public List<LabPage> pages() {
        return pages;
    }

    /**
     * What the app shows now, as one state: the page, the language, and each page's inputs (a page never built
     * keeps what was last applied, or the state the app opens with).
     */
    public LabState state() {
        LabState s = baseline.withPage(current.get() == null ? baseline.page() : current.get().id());
        s = new LabState(s.formatVersion(), s.page(), i18n.isChinese() ? "zh" : "en", s.explorer(), s.live(),
                s.training(), s.lesson());
        for (LabPage p : pages) s = p.capture(s);
        if (lessons != null) s = s.withLesson(lessons.viewModel().position());
        return s;
    }

    /** The lesson panel beside the pages, the lesson's numbers following every page's inputs. */
    private void dockLessons() {
        lessons.viewModel().connect(this::apply, this::state);
        setRight(lessons.panel());
        current.addListener((o, a, p) -> lessons.rehighlight());
        // presenter mode and a clicker step through the open lesson, or move between pages without one
        javafx.beans.value.ObservableValue<?> open = lessons.viewModel().lessonProperty();
        open.addListener((o, was, l) -> navigation.set(l == null ? null : lessons.navigation()));
    }

    /** A built page's changes refresh the lesson's numbers, at most once a pulse. */
    private void watch(LabPage page) {
        if (lessons == null || !watched.add(page) || page.changes() == null) {
            if (page.changes() == null) watched.remove(page);
            return;
        }
        page.changes().addListener(x -> {
            if (valuesQueued) return;
            valuesQueued = true;
            javafx.application.Platform.runLater(() -> {
                valuesQueued = false;
                lessons.viewModel().refreshValues();
            });
        });
    }

    /** The lessons page, or null. */
    public LessonsPage lessons() {
        return lessons;
    }

    /**
     * Shows a state: its language, every page's inputs, then its page. A page the state names that this app does
     * not have leaves the current page (the state was checked when it was read, so this is a newer file's page).
     */
    public void apply(LabState s) {
        baseline = s;
        Locale locale = "zh".equals(s.language()) ? I18n.CHINESE : Locale.ENGLISH;
        if (!locale.equals(i18n.getLocale())) i18n.setLocale(locale);
        for (LabPage p : pages) {
            p.apply(s);
            watch(p);
        }
        if (hasPage(s.page())) select(s.page());
        if (lessons != null) {
            var vm = lessons.viewModel();
            if (s.lesson() == null) vm.close();
            else if (!s.lesson().equals(vm.position())) vm.reopen(s.lesson());
        }
    }

    public ReadOnlyObjectProperty<LabPage> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** The open lesson as presenter mode drives it; null while no lesson is open (then it moves between pages). */
    public ObjectProperty<StepNavigation> navigationProperty() {
        return navigation;
    }

    /** Presenter mode (F5), high contrast and the presenter window. */
    PresenterMode presenter() {
        return presenter;
    }

    /** The size Ctrl+0 returns to; also sets the current size. */
    public void setBaseFontSize(double size) {
        baseFontSize = size;
        fontSize.set(size);
    }

    /**
     * Shows a page, building it the first time. A page that throws while being built propagates here (the
     * self-test counts it); through the UI, {@link #select} shows the failure in the page area instead.
     */
    public void show(String id) {
        LabPage page = page(id);
        Node content = built.get(id);
        if (content == null) {
            content = page.content();
            built.put(id, content);
        }
        pageArea.getChildren().setAll(content);
        watch(page);
        current.set(page);
        nav.getToggles().stream().filter(t -> t.getUserData() == page).findFirst().ifPresent(nav::selectToggle);
        page.onShow();
    }

    /** {@link #show} for the UI: a failing page becomes a message, not a dead window. */
    public void select(String id) {
        try {
            show(id);
        } catch (RuntimeException e) {
            // a page that throws while it is built is a bug, not the user's doing: say so in their language and
            // leave the exception (whose text may be a bare Java class name) to the error output below
            Label error = new Label(i18n.get("app.pageFailed", i18n.get(page(id).titleKey()),
                    i18n.get("app.internalError")));
            error.setWrapText(true);
            error.getStyleClass().add("page-error");
            pageArea.getChildren().setAll(error);
            e.printStackTrace();
        }
    }

    /** What the page area shows now (the current page's content, or its failure message). */
    Node pageContent() {
        return pageArea.getChildren().isEmpty() ? pageArea : pageArea.getChildren().get(0);
    }

    public LabPage page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no page '" + id + "' (pages: "
                        + String.join(", ", pages.stream().map(LabPage::id).toList()) + ")"));
    }

    public boolean hasPage(String id) {
        return pages.stream().anyMatch(p -> p.id().equals(id));
    }

    /** Next (+1) or previous (−1) page, wrapping around. */
    public void cycle(int step) {
        int i = current.get() == null ? 0 : pages.indexOf(current.get());
        select(pages.get(Math.floorMod(i + step, pages.size())).id());
    }

    private ToggleButton navButton(LabPage page, int index) {
        ToggleButton b = new ToggleButton();
        b.setId("nav-" + page.id());
        b.getStyleClass().add("nav-button");
        b.textProperty().bind(i18n.bind(page.titleKey()));
        b.setUserData(page);
        b.setToggleGroup(nav);
        b.setOnAction(e -> {
            if (current.get() == page) b.setSelected(true); // stay selected on a second click
            else select(page.id());
        });
        if (index < 9) {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip("Ctrl+" + (index + 1));
            b.setTooltip(tip);
        }
        return b;
    }

    private MenuBar menus() {
        Menu file = menu("app.menu.file", "menu-file");
        fileMenu = file;
        MenuItem quitItem = item("app.menu.quit", "menu-quit");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> {
            if (confirmQuit()) quit.run();
        });
        file.getItems().add(quitItem);

        Menu view = menu("app.menu.view", "menu-view");
        for (int i = 0; i < pages.size(); i++) {
            LabPage p = pages.get(i);
            MenuItem go = new MenuItem();
            go.setId("menu-page-" + p.id());
            go.textProperty().bind(i18n.bind(p.titleKey()));
            if (i < 9) go.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> select(p.id()));
            view.getItems().add(go);
        }
        MenuItem next = item("app.menu.nextPage", "menu-next");
        next.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN));
        next.setOnAction(e -> cycle(1));
        MenuItem previous = item("app.menu.previousPage", "menu-previous");
        previous.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN));
        previous.setOnAction(e -> cycle(-1));
        MenuItem larger = item("app.menu.largerText", "menu-larger");
        larger.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        larger.setOnAction(e -> zoom(2));
        MenuItem smaller = item("app.menu.smallerText", "menu-smaller");
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        smaller.setOnAction(e -> zoom(-2));
        MenuItem normal = item("app.menu.normalText", "menu-normal");
        normal.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        normal.setOnAction(e -> fontSize.set(baseFontSize));
        view.getItems().addAll(new SeparatorMenuItem(), next, previous, new SeparatorMenuItem(), larger, smaller,
                normal);
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().addAll(presenter.menuItems());

        Menu language = menu("app.menu.language", "menu-language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            // each language is named in itself, so someone who cannot read the current one can still find theirs
            RadioMenuItem r = new RadioMenuItem(I18n.CHINESE.equals(l) ? "简体中文" : "English");
            r.setId("lang-" + l.getLanguage());
            r.setToggleGroup(languages);
            r.setSelected(l.equals(i18n.getLocale()));
            r.setOnAction(e -> i18n.setLocale(l));
            language.getItems().add(r);
        }
        i18n.localeProperty().addListener((obs, old, l) -> languages.getToggles().forEach(
                t -> t.setSelected(((RadioMenuItem) t).getId().equals("lang-" + l.getLanguage()))));

        Menu help = menu("app.menu.help", "menu-help");
        if (pages.stream().anyMatch(p -> p.id().equals(LessonsPage.ID))) {
            MenuItem lessonsItem = item("app.menu.lessons", "menu-lessons");
            lessonsItem.setOnAction(e -> select(LessonsPage.ID));
            help.getItems().addAll(lessonsItem, new SeparatorMenuItem());
        }
        MenuItem about = item("app.menu.about", "menu-about");
        about.setOnAction(e -> AboutDialog.create(i18n, context.owner().get()).showAndWait());
        help.getItems().add(about);

        MenuBar bar = new MenuBar(file, view, language, help);
        bar.setId("menu-bar");
        return bar;
    }

    /**
     * Asks before quitting when a page holds work that would be lost (a run of more than a minute of training not
     * saved); true when the app may close. Every page is then told to stop its background work.
     */
    public boolean confirmQuit() {
        List<String> unsaved = pages.stream().map(LabPage::unsavedWork).filter(java.util.Objects::nonNull).toList();
        if (!unsaved.isEmpty()) {
            javafx.scene.control.ButtonType quitAnyway = new javafx.scene.control.ButtonType(
                    i18n.get("app.quit.anyway"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            javafx.scene.control.ButtonType stay = new javafx.scene.control.ButtonType(i18n.get("app.quit.stay"),
                    javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION, String.join("\n", unsaved), quitAnyway, stay);
            ask.setTitle(i18n.get("app.title"));
            ask.setHeaderText(i18n.get("app.quit.header"));
            if (context.owner().get() != null) ask.initOwner(context.owner().get());
            if (ask.showAndWait().orElse(stay) != quitAnyway) return false;
        }
        pages.forEach(LabPage::shutdown);
        quitHooks.forEach(Runnable::run);
        return true;
    }

    /** The File menu, for items added around Quit (the session items). */
    public Menu fileMenu() {
        return fileMenu;
    }

    /** Runs when {@link #confirmQuit} lets the app close, after the pages stopped (a clean quit). */
    public void addQuitHook(Runnable hook) {
        quitHooks.add(hook);
    }

    private void zoom(double step) {
        fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize.get() + step)));
    }

    private Menu menu(String key, String id) {
        return MenuItems.labelled(new Menu(), i18n, key, id);
    }

    private MenuItem item(String key, String id) {
        return MenuItems.labelled(new MenuItem(), i18n, key, id);
    }

    private void install(Scene scene) {
        LabStyles.install(scene, fontSize.get());
        // Ctrl+Tab before any control sees it (a TabPane inside a page would take it otherwise)
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isShortcutDown()) {
                cycle(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
    }
}
