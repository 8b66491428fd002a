package albertlab.view.lesson;

import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonStep;
import albertlab.core.lesson.Question;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.lesson.LessonViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The open lesson, docked beside the page it drives: step n of m, the step's text with its live numbers, its
 * question, and Back, Next, Restart and "Back to this step".
 */
public final class LessonPanel extends BorderPane {

    private final LessonViewModel vm;
    private final I18n i18n;
    private final Label lessonTitle = new Label();
    private final Label position = new Label();
    private final Label stepTitle = new Label();
    private final VBox text = new VBox(10);
    private final VBox questionBox = new VBox(8);
    private final Button back = new Button();
    private final Button next = new Button();
    private final List<RadioButton> choiceButtons = new java.util.ArrayList<>();
    private Label prompt;
    private VBox feedbackArea = new VBox(6);
    private final javafx.beans.property.BooleanProperty collapsed =
            new javafx.beans.property.SimpleBooleanProperty(this, "collapsed");

    public LessonPanel(LessonViewModel vm, I18n i18n, Runnable showList) {
        this.vm = vm;
        this.i18n = i18n;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        getStylesheets().add(LessonPanel.class.getResource("lesson.css").toExternalForm());

        lessonTitle.setId("lesson-title");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        position.setId("lesson-position");
        position.getStyleClass().add("lesson-position");
        Button all = button("lesson.panel.allLessons", "lesson-all");
        all.getStyleClass().add("link-button");
        all.setOnAction(e -> showList.run());
        Button close = button("lesson.panel.close", "lesson-close");
        close.getStyleClass().add("link-button");
        close.setOnAction(e -> vm.close());
        Button hide = button("lesson.panel.hide", "lesson-hide");
        hide.getStyleClass().add("link-button");
        hide.setOnAction(e -> collapsed.set(true));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox links = new HBox(8, all, gap, hide, close);
        links.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(4, links, lessonTitle, position);
        head.getStyleClass().add("lesson-head");
        setTop(head);

        stepTitle.setId("lesson-step-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setWrapText(true);
        text.setId("lesson-text");
        questionBox.setId("lesson-question");
        questionBox.getStyleClass().add("lesson-question");
        VBox body = new VBox(12, stepTitle, text, questionBox);
        body.getStyleClass().add("lesson-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");
        setCenter(scroll);

        back.setId("lesson-back");
        back.textProperty().bind(i18n.bind("lesson.panel.back"));
        back.setOnAction(e -> vm.back());
        next.setId("lesson-next");
        next.textProperty().bind(i18n.bind("lesson.panel.next"));
        next.setDefaultButton(false);
        next.setOnAction(e -> vm.next());
        Button restart = button("lesson.panel.restart", "lesson-restart");
        restart.setOnAction(e -> vm.restart());
        Button restore = button("lesson.panel.restore", "lesson-restore");
        restore.setOnAction(e -> vm.backToStep());
        FlowPane nav = new FlowPane(8, 8, back, next, restore, restart);
        nav.getStyleClass().add("lesson-nav");
        setBottom(nav);

        // on a narrow window the student may fold the panel away to see the whole page, and open it again
        Button show = new Button();
        show.setId("lesson-show");
        show.getStyleClass().add("lesson-show");
        show.textProperty().bind(i18n.bind(() -> i18n.get("lesson.panel.show", vm.stepIndexProperty().get() + 1),
                vm.stepIndexProperty()));
        show.setRotate(-90);
        javafx.scene.Group rotated = new javafx.scene.Group(show);
        show.setOnAction(e -> collapsed.set(false));
        javafx.scene.Node head0 = getTop();
        javafx.scene.Node body0 = getCenter();
        javafx.scene.Node nav0 = getBottom();
        collapsed.addListener((o, was, now) -> {
            getStyleClass().remove("lesson-panel-collapsed");
            if (now) {
                getStyleClass().add("lesson-panel-collapsed");
                setTop(null);
                setBottom(null);
                setCenter(rotated);
            } else {
                setTop(head0);
                setCenter(body0);
                setBottom(nav0);
            }
        });

        vm.stepProperty().addListener(x -> redraw());
        vm.textProperty().addListener(x -> redrawText());
        vm.feedbackProperty().addListener(x -> fillQuestion());
        vm.hintShownProperty().addListener(x -> fillQuestion());
        i18n.localeProperty().addListener(x -> redraw());
        redraw();
    }

    private Button button(String key, String id) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        return b;
    }

    private void redraw() {
        Lesson l = vm.lessonProperty().get();
        LessonStep s = vm.stepProperty().get();
        if (l == null || s == null) return;
        lessonTitle.setText(l.title());
        int n = vm.stepIndexProperty().get() + 1;
        position.setText(i18n.get("lesson.panel.position", n, l.steps().size()));
        stepTitle.setText(vm.fill(s.title()));
        back.setDisable(n <= 1);
        next.setDisable(n >= l.steps().size());
        redrawText();
        buildQuestion();
    }

    private void redrawText() {
        text.getChildren().clear();
        List<String> paragraphs = vm.textProperty().get();
        for (int i = 0; i < paragraphs.size(); i++) {
            Label p = new Label(paragraphs.get(i));
            p.setWrapText(true);
            p.getStyleClass().add("lesson-paragraph");
            p.setId("lesson-paragraph-" + (i + 1));
            p.setMinHeight(Region.USE_PREF_SIZE);
            text.getChildren().add(p);
        }
        Lesson l = vm.lessonProperty().get();
        if (l != null && vm.stepIndexProperty().get() == l.steps().size() - 1) {
            Label done = new Label(i18n.get("lesson.panel.done"));
            done.setWrapText(true);
            done.getStyleClass().add("lesson-done");
            text.getChildren().add(done);
        }
        // a value changed: the question's prompt and feedback may name it too
        fillQuestion();
    }

    /** The question's controls, built once a step so that a typed answer or a chosen option survives feedback. */
    private void buildQuestion() {
        questionBox.getChildren().clear();
        choiceButtons.clear();
        prompt = null;
        feedbackArea = new VBox(6);
        Question q = vm.questionProperty().get();
        questionBox.setVisible(q != null);
        questionBox.setManaged(q != null);
        if (q == null) return;
        Label heading = new Label(i18n.get("lesson.question.heading"));
        heading.getStyleClass().add("lesson-question-heading");
        prompt = new Label();
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        prompt.setId("lesson-prompt");
        questionBox.getChildren().addAll(heading, prompt);
        Button check = new Button(i18n.get("lesson.question.check"));
        check.setId("lesson-check");
        if (q.kind() == Question.Kind.CHOICE) {
            ToggleGroup group = new ToggleGroup();
            for (int i = 0; i < q.choices().size(); i++) {
                RadioButton r = new RadioButton();
                r.setId("lesson-choice-" + (i + 1));
                r.setWrapText(true);
                r.setToggleGroup(group);
                r.setUserData(i);
                choiceButtons.add(r);
                questionBox.getChildren().add(r);
            }
            check.disableProperty().bind(group.selectedToggleProperty().isNull());
            check.setOnAction(e -> vm.answer((Integer) group.getSelectedToggle().getUserData()));
        } else {
            TextField answer = new TextField();
            answer.setId("lesson-answer");
            answer.setPromptText(i18n.get("lesson.question.answerPrompt"));
            answer.setPrefColumnCount(12);
            answer.setOnAction(e -> vm.answer(answer.getText()));
            check.setOnAction(e -> vm.answer(answer.getText()));
            questionBox.getChildren().add(answer);
        }
        Button hint = new Button(i18n.get("lesson.question.hint"));
        hint.setId("lesson-hint-button");
        hint.setOnAction(e -> vm.showHint());
        HBox buttons = new HBox(8, check, hint);
        questionBox.getChildren().addAll(buttons, feedbackArea);
        fillQuestion();
    }

    /** The question's texts with the numbers of now, its hint and the feedback. */
    private void fillQuestion() {
        Question q = vm.questionProperty().get();
        if (q == null || prompt == null) return;
        prompt.setText(vm.fill(q.prompt()));
        for (int i = 0; i < choiceButtons.size() && i < q.choices().size(); i++) {
            choiceButtons.get(i).setText(vm.fill(q.choices().get(i)));
        }
        feedbackArea.getChildren().clear();
        if (vm.hintShownProperty().get()) {
            Label h = new Label(vm.fill(q.hint()));
            h.setId("lesson-hint");
            h.setWrapText(true);
            h.setMinHeight(Region.USE_PREF_SIZE);
            h.getStyleClass().add("lesson-hint");
            feedbackArea.getChildren().add(h);
        }
        LessonViewModel.Feedback f = vm.feedbackProperty().get();
        if (f != null) {
            String say = switch (f.verdict()) {
                // the lesson's own feedback says right or wrong in its words ("Yes: ...", "Not quite: ...")
                case RIGHT, WRONG -> f.text();
                case NOT_A_NUMBER -> i18n.get("lesson.question.notANumber");
                case NO_VALUE -> i18n.get("lesson.question.noValue");
            };
            if (f.answer() != null) say += " " + i18n.get("lesson.question.theAnswer", f.answer());
            Label feedback = new Label(say);
            feedback.setId("lesson-feedback");
            feedback.setWrapText(true);
            feedback.setMinHeight(Region.USE_PREF_SIZE);
            feedback.getStyleClass().add(f.right() ? "lesson-right" : "lesson-wrong");
            feedbackArea.getChildren().add(feedback);
        }
    }
}
