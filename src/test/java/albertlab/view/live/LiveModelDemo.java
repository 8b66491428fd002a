package albertlab.view.live;

import albertlab.view.common.AppContext;
import albertlab.core.config.SharingMode;
import albertlab.view.common.Exports;
import albertlab.view.common.LabFonts;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.KnownTraces;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.ModelFamily;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shows the live page in a window before the shell registers it, and takes the screenshots the task asks for.
 * Not a test. Run from the test classpath:
 * {@code java -cp ... albertlab.view.live.LiveModelDemo [--lang zh] [--size 1280x800] [--shots DIR] [--fake]}.
 */
public final class LiveModelDemo {

    /** Pause between edits in --measure; 0 runs them back to back (set with -Dlive.pace=MILLIS). */
    private static final long PACE_MILLIS = Long.getLong("live.pace", 300);

    private LiveModelDemo() {
    }

    public static void main(String[] args) throws Exception {
        String lang = "en";
        int width = 1280;
        int height = 800;
        Path shots = null;
        boolean fake = false;
        String model = null;
        boolean measure = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> lang = args[++i];
                case "--size" -> {
                    String[] wh = args[++i].split("x");
                    width = Integer.parseInt(wh[0]);
                    height = Integer.parseInt(wh[1]);
                }
                case "--shots" -> shots = Path.of(args[++i]);
                case "--fake" -> fake = true;
                case "--model" -> model = args[++i];
                case "--measure" -> measure = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        I18n i18n = new I18n("zh".equals(lang) ? I18n.CHINESE : I18n.ENGLISH);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "live-background");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Stage> stageReady = new CompletableFuture<>();
        Platform.startup(() -> stageReady.complete(new Stage()));
        Stage stage = stageReady.get();
        AppContext ctx = new AppContext(i18n, background, () -> stage);
        Supplier<List<ModelFamily>> known = () -> List.of(KnownTraces.family(new AtomicInteger()));
        LiveModelPage page = fake
                ? new LiveModelPage(ctx, albertlab.viewmodel.live.FolderModels::load, known, Platform::runLater)
                : new LiveModelPage(ctx);
        int w = width;
        int h = height;
        onFx(() -> {
            Scene scene = new Scene((Parent) page.content(), w, h);
            scene.getRoot().setStyle(LabFonts.rootStyle(14));
            stage.setScene(scene);
            stage.setTitle("ALBERT Lab · " + i18n.get("live.title"));
            stage.show();
            return null;
        });
        if (model != null) {
            Path folder = Path.of(model);
            waitFor(() -> page.viewModel().modelProperty().get() != null, 60_000);
            onFx(() -> {
                page.viewModel().openFolder(folder);
                return null;
            });
            waitFor(() -> page.viewModel().modelProperty().get() != null
                    && !page.viewModel().modelProperty().get().untrained(), 120_000);
        }
        if (measure) {
            measure(page);
            Platform.exit();
            System.exit(0);
        }
        if (shots != null) {
            takeShots(page, i18n, shots, lang + "-" + width + "x" + height + (model != null ? "-loaded" : ""));
            Platform.exit();
            System.exit(0);
        }
    }

    private static void takeShots(LiveModelPage page, I18n i18n, Path dir, String prefix) throws Exception {
        Files.createDirectories(dir);
        LiveModelViewModel vm = page.viewModel();
        LiveModelView view = page.view();
        waitFor(() -> vm.resultProperty().get() != null, 60_000);
        boolean zh = i18n.isChinese();
        String a = zh ? "巴黎是法国的首都。" : "The capital of France is Paris.";
        String b = zh ? "它也是法国最大的城市。" : "It is also the largest city in France.";
        setAndWait(vm, () -> {
            vm.firstProperty().set(a);
            vm.secondProperty().set(b);
        });
        List<String> written = new ArrayList<>();
        String[] names = {"attention", "grid", "dynamics", "predict", "compute"};
        for (int tab = 0; tab < names.length; tab++) {
            int t = tab;
            onFx(() -> {
                view.tabs().getSelectionModel().select(t);
                if (t == 0) {
                    vm.attention().layerProperty().set(0);
                    vm.attention().compareLayerProperty().set(3);
                    view.attention().compareToggle().setSelected(true);
                }
                return null;
            });
            if (t == 2) setAndWait(vm, () -> vm.repeatFactorProperty().set(4));
            if (t == 3) setAndWait(vm, () -> vm.toggleMask(3));
            if (t == 4) {
                onFx(() -> {
                    vm.timeSharingModes();
                    return null;
                });
                waitFor(() -> !vm.timingsProperty().get().isEmpty(), 120_000);
            }
            Thread.sleep(600);
            written.add(snap(view, dir.resolve(prefix + "-" + (t + 1) + "-" + names[t] + ".png")));
        }
        // a long input: the grid and the heatmap must stay readable
        String longText = (zh ? "学生们在课堂上观察注意力如何在词元之间流动。" : "Students watch how attention flows between the tokens of a sentence. ").repeat(12);
        setAndWait(vm, () -> {
            vm.secondProperty().set("");
            vm.repeatFactorProperty().set(1);
            vm.firstProperty().set(longText);
        });
        onFx(() -> {
            view.tabs().getSelectionModel().select(0);
            view.attention().compareToggle().setSelected(false);
            return null;
        });
        Thread.sleep(600);
        written.add(snap(view, dir.resolve(prefix + "-6-long-attention.png")));
        onFx(() -> {
            view.tabs().getSelectionModel().select(1);
            return null;
        });
        Thread.sleep(600);
        written.add(snap(view, dir.resolve(prefix + "-7-long-grid.png")));
        if (vm.familyProperty().get() != null && vm.familyProperty().get().modes().contains(SharingMode.NOT_SHARED)) {
            setAndWait(vm, () -> vm.sharingModeProperty().set(SharingMode.NOT_SHARED));
            Thread.sleep(400);
            written.add(snap(view, dir.resolve(prefix + "-8-long-grid-not-shared.png")));
        }
        System.out.println("wrote " + written);
    }

    /**
     * Forward times at 32 tokens as the page shows them ("Last forward pass"): 30 edits after 10 warm-up edits,
     * then the four-mode timing table.
     */
    private static void measure(LiveModelPage page) throws Exception {
        LiveModelViewModel vm = page.viewModel();
        waitFor(() -> vm.resultProperty().get() != null, 60_000);
        var tokenizer = vm.modelProperty().get().tokenizer();
        String[] words = ("Students in the classroom type a sentence and watch how every layer of the small "
                + "model moves the hidden states while attention flows from word to word across the whole input "
                + "again and again").split(" ");
        int n = words.length;
        while (tokenizer.encode(String.join(" ", java.util.Arrays.copyOf(words, n))).length() > 32) n--;
        String text = String.join(" ", java.util.Arrays.copyOf(words, n));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String t = i % 2 == 0 ? text : text.replace("Students", "Pupils");
            setAndWait(vm, () -> vm.firstProperty().set(t));
            if (i >= 10) ms.add(vm.resultProperty().get().trace().millis());
            Thread.sleep(PACE_MILLIS); // a student types a few characters a second: let the page finish drawing
        }
        int tokens = vm.resultProperty().get().input().length();
        List<Double> sorted = new ArrayList<>(ms);
        java.util.Collections.sort(sorted);
        System.out.printf(java.util.Locale.ROOT, "model %s, %d tokens, mode %s, pace %d ms: last-pass ms median %.3f min %.3f max %.3f%n",
                vm.modelProperty().get().nameKey() + vm.modelProperty().get().nameArg(), tokens,
                vm.modelProperty().get().sharingMode(), PACE_MILLIS, sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
        onFx(() -> {
            vm.timeSharingModes();
            return null;
        });
        waitFor(() -> !vm.timingsProperty().get().isEmpty(), 300_000);
        for (var row : vm.timingsProperty().get()) {
            System.out.printf(java.util.Locale.ROOT, "  %-16s median %.3f ms (min %.3f, max %.3f), %d stored params, %d FLOPs%n",
                    row.mode(), row.medianMillis(), row.minMillis(), row.maxMillis(), row.storedParameters(), row.flops());
        }
    }

    private static String snap(LiveModelView view, Path file) throws Exception {
        onFx(() -> {
            Exports.writeNodePng(view.getScene().getRoot(), file, 1.0);
            return null;
        });
        return file.getFileName().toString();
    }

    private static void setAndWait(LiveModelViewModel vm, Runnable change) throws Exception {
        Object before = onFx(() -> vm.resultProperty().get());
        onFx(() -> {
            change.run();
            return null;
        });
        waitFor(() -> vm.resultProperty().get() != before && !vm.computingProperty().get(), 60_000);
    }

    private static void waitFor(Callable<Boolean> condition, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (onFx(condition)) return;
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }
}
