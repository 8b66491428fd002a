package albertlab.view.live;

import albertlab.view.common.LessonControls;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.ModelFamily;
import albertlab.viewmodel.live.TrainedBadge;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The model picker: which model (built-in or a loaded folder), its sharing mode, an "untrained" badge for the
 * built-in models, the shape, and "Open model folder…" with a progress indicator while loading.
 */
final class ModelBar extends VBox {

    static final Function<Window, Path> DIRECTORY_CHOOSER = owner -> {
        DirectoryChooser chooser = new DirectoryChooser();
        File f = chooser.showDialog(owner);
        return f == null ? null : f.toPath();
    };

    private final Map<SharingMode, ToggleButton> modeButtons = new EnumMap<>(SharingMode.class);
    private Function<Window, Path> folderChooser = DIRECTORY_CHOOSER;

    ModelBar(LiveModelViewModel vm, I18n i18n, Supplier<Window> owner) {
        getStyleClass().add("model-bar");

        Label modelLabel = new Label();
        modelLabel.textProperty().bind(i18n.bind("live.model.label"));
        ComboBox<ModelFamily> picker = new ComboBox<>(vm.families());
        picker.setId("model-picker");
        picker.valueProperty().bindBidirectional(vm.familyProperty());
        picker.setCellFactory(l -> new FamilyCell(i18n, true));
        picker.setButtonCell(new FamilyCell(i18n, false));
        picker.setMaxWidth(420);
        i18n.localeProperty().addListener((o, a, b) -> {
            picker.setButtonCell(new FamilyCell(i18n, false)); // re-translate the shown name
        });

        Button open = new Button();
        open.setId("open-folder");
        open.textProperty().bind(i18n.bind("live.model.open"));
        open.setOnAction(e -> {
            Path folder = folderChooser.apply(owner.get());
            if (folder != null) vm.openFolder(folder);
        });
        open.disableProperty().bind(vm.loadingProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        Label loading = new Label();
        loading.textProperty().bind(i18n.bind("live.model.loading"));
        HBox loadingBox = new HBox(6, progress, loading);
        loadingBox.setId("loading");
        loadingBox.visibleProperty().bind(vm.loadingProperty());
        loadingBox.managedProperty().bind(vm.loadingProperty());

        Label untrained = new Label();
        untrained.setId("untrained-badge");
        untrained.getStyleClass().add("badge-untrained");
        untrained.textProperty().bind(i18n.bind("live.model.untrained"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("live.model.untrained.tip"));
        tip.setWrapText(true);
        tip.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip.setMaxWidth(420);
        untrained.setTooltip(tip);
        untrained.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.modelProperty().get() != null && vm.modelProperty().get().untrained(), vm.modelProperty()));
        untrained.managedProperty().bind(untrained.visibleProperty());

        Label trained = new Label();
        trained.setId("trained-badge");
        trained.getStyleClass().add("badge-trained");
        trained.textProperty().bind(i18n.bind(() -> {
            LiveModel m = vm.modelProperty().get();
            return m == null || m.card() == null ? "" : TrainedBadge.badge(i18n, m.card());
        }, vm.modelProperty()));
        Tooltip trainedTip = new Tooltip();
        trainedTip.textProperty().bind(i18n.bind(() -> {
            LiveModel m = vm.modelProperty().get();
            return m == null || m.card() == null ? "" : TrainedBadge.tooltip(i18n, m.card());
        }, vm.modelProperty()));
        trainedTip.setWrapText(true);
        trainedTip.setMaxWidth(460);
        trained.setTooltip(trainedTip);
        trained.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.modelProperty().get() != null && vm.modelProperty().get().card() != null,
                vm.modelProperty()));
        trained.managedProperty().bind(trained.visibleProperty());
        trained.setMinWidth(Region.USE_PREF_SIZE);

        HBox top = new HBox(8, modelLabel, picker, untrained, trained, open, loadingBox);
        // groups of controls presenter mode may hide when a lesson step does not use them
        LessonControls.tagTogether(modelLabel, picker);
        LessonControls.tag(open);
        top.getStyleClass().add("bar-row");

        Label sharingLabel = new Label();
        sharingLabel.textProperty().bind(i18n.bind("live.model.sharing"));
        ToggleGroup group = new ToggleGroup();
        HBox modes = new HBox(0);
        modes.getStyleClass().add("segmented");
        for (SharingMode mode : new SharingMode[]{SharingMode.NOT_SHARED, SharingMode.ALL_SHARED,
                SharingMode.SHARED_ATTENTION, SharingMode.SHARED_FFN}) {
            ToggleButton b = new ToggleButton();
            b.setId("mode-" + mode.cliName());
            b.textProperty().bind(i18n.bind("live.sharing." + mode.name()));
            b.setToggleGroup(group);
            b.setUserData(mode);
            modeButtons.put(mode, b);
            modes.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                // a toggle group lets the user unselect; keep one mode selected
                if (old != null) group.selectToggle(old);
                return;
            }
            vm.sharingModeProperty().set((SharingMode) t.getUserData());
        });
        Runnable syncModes = () -> {
            ModelFamily f = vm.familyProperty().get();
            LiveModel m = vm.modelProperty().get();
            for (var entry : modeButtons.entrySet()) {
                entry.getValue().setDisable(f == null || !f.modes().contains(entry.getKey()));
            }
            if (m != null) group.selectToggle(modeButtons.get(m.sharingMode()));
        };
        vm.modelProperty().addListener((o, a, b) -> syncModes.run());
        vm.familyProperty().addListener((o, a, b) -> syncModes.run());
        syncModes.run();

        Label fixedNote = new Label();
        fixedNote.getStyleClass().add("note");
        fixedNote.textProperty().bind(i18n.bind(() -> {
            LiveModel m = vm.modelProperty().get();
            return i18n.get(m != null && m.card() != null ? "live.model.sharing.trained" : "live.model.sharing.fixed");
        }, vm.modelProperty()));
        fixedNote.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.familyProperty().get() != null && vm.familyProperty().get().modes().size() == 1,
                vm.familyProperty()));
        fixedNote.managedProperty().bind(fixedNote.visibleProperty());

        Label shape = new Label();
        shape.setId("model-shape");
        shape.getStyleClass().add("shape");
        shape.textProperty().bind(i18n.bind(() -> shapeText(i18n, vm.modelProperty().get()), vm.modelProperty()));
        // the mode buttons keep their full names; the shape line gives way (full text in its tooltip)
        sharingLabel.setMinWidth(Region.USE_PREF_SIZE);
        fixedNote.setMinWidth(Region.USE_PREF_SIZE);
        modes.setMinWidth(Region.USE_PREF_SIZE);
        for (ToggleButton b : modeButtons.values()) b.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip shapeTip = new Tooltip();
        shapeTip.textProperty().bind(shape.textProperty());
        shape.setTooltip(shapeTip);
        shape.setMinWidth(0);
        shape.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(shape, Priority.ALWAYS);
        HBox second = new HBox(8, sharingLabel, modes, fixedNote, shape);
        LessonControls.tagTogether(sharingLabel, modes);
        second.getStyleClass().add("bar-row");

        getChildren().addAll(top, second);
    }

    void setFolderChooser(Function<Window, Path> chooser) {
        this.folderChooser = chooser;
    }

    private static String shapeText(I18n i18n, LiveModel m) {
        if (m == null) return "";
        AlbertConfig c = m.config();
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.ROOT);
        nf.setGroupingUsed(true);
        return i18n.get("live.model.shape", nf.format(c.vocabSize()), Integer.toString(c.embeddingSize()),
                Integer.toString(c.hiddenSize()), Integer.toString(c.numHiddenLayers()),
                Integer.toString(c.numAttentionHeads()), Integer.toString(c.maxPositionEmbeddings()),
                tokenizerText(i18n, m.tokenizer(), nf));
    }

    /** The tokenizer in the UI's language; the core's English description only for one built in memory. */
    static String tokenizerText(I18n i18n, albertlab.core.tokenizer.Tokenizer t, NumberFormat nf) {
        albertlab.core.tokenizer.TokenizerSource source = t.source();
        if (source == null) return t.description();
        String key = switch (source.kind()) {
            case SENTENCEPIECE_MODEL -> "live.tokenizer.sentencepiece";
            case TOKENIZER_JSON -> "live.tokenizer.json";
            case WORDPIECE_VOCAB -> "live.tokenizer.wordpiece";
        };
        return i18n.get(key, source.fileName(), nf.format(t.vocabSize()));
    }

    static String familyName(I18n i18n, ModelFamily f) {
        return f == null ? "" : i18n.get(f.nameKey(), f.nameArg());
    }

    private static final class FamilyCell extends ListCell<ModelFamily> {
        private final I18n i18n;
        /** In the open list, a second line says what each entry is; the closed box shows the name only. */
        private final boolean inList;

        FamilyCell(I18n i18n, boolean inList) {
            this.i18n = i18n;
            this.inList = inList;
        }

        @Override
        protected void updateItem(ModelFamily item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : familyName(i18n, item));
            if (empty || item == null || !inList) {
                setGraphic(null);
                setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                return;
            }
            LiveModel m = item.member(item.defaultMode());
            Label what = new Label(m.card() != null ? TrainedBadge.badge(i18n, m.card())
                    : i18n.get(m.untrained() ? "live.model.untrained.list" : "live.model.folder.list"));
            what.getStyleClass().add(m.card() != null ? "badge-trained" : m.untrained() ? "badge-untrained" : "note");
            // name and badge left-aligned one above the other (ContentDisplay.BOTTOM would centre them)
            VBox both = new VBox(2, new Label(getText()), what);
            setGraphic(both);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }
    }
}
