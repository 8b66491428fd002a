package albertlab.viewmodel.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * One whole-number input of the explorer (V, E, H, L, A, I or G): its value, the position of its slider and the
 * text of its number field, kept in step. Values coming from the slider are snapped to "nice" numbers; a typed
 * value is taken as typed, even outside the range, so the view model can say what is wrong with it instead of
 * silently clamping. Text that is not a whole number leaves the value alone and sets {@link #textProblemProperty()}.
 */
public final class IntInput {

    /** How the slider maps to values: LOG gives the "logarithmic feel" for sizes spanning orders of magnitude. */
    public enum Scale { LINEAR, LOG }

    private static final DecimalFormat GROUPED = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));

    private final String symbol;
    private final int min;
    private final int max;
    private final Scale scale;
    private final IntUnaryOperator snap;
    private final IntegerProperty value;
    private final DoubleProperty slider = new SimpleDoubleProperty(this, "slider");
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ReadOnlyObjectWrapper<Message> textProblem = new ReadOnlyObjectWrapper<>(this, "textProblem");
    private boolean syncing;

    /**
     * @param symbol the paper's letter, also the i18n suffix of the input's name ("V", "E", ...)
     * @param snap   rounds a value coming from the slider to a number a student would pick
     */
    public IntInput(String symbol, int min, int max, int initial, Scale scale, IntUnaryOperator snap) {
        if (min < 1 || max <= min) throw new IllegalArgumentException("bad range " + min + ".." + max);
        this.symbol = symbol;
        this.min = min;
        this.max = max;
        this.scale = scale;
        this.snap = snap;
        this.value = new SimpleIntegerProperty(this, symbol, initial);
        slider.set(toSlider(initial));
        text.set(format(initial));
        value.addListener((obs, old, v) -> {
            textProblem.set(null);
            text.set(format(v.intValue()));
            if (!syncing) {
                syncing = true;
                slider.set(toSlider(v.intValue()));
                syncing = false;
            }
        });
        slider.addListener((obs, old, pos) -> {
            if (syncing) return;
            syncing = true;
            value.set(clamp(snap.applyAsInt((int) Math.round(fromSlider(pos.doubleValue())))));
            syncing = false;
        });
    }

    public String symbol() {
        return symbol;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public Scale scale() {
        return scale;
    }

    public IntegerProperty valueProperty() {
        return value;
    }

    public int get() {
        return value.get();
    }

    public void set(int v) {
        value.set(v);
    }

    /** Slider units: the value itself, or its log10 on a LOG scale. Bind a Slider's value to this. */
    public DoubleProperty sliderProperty() {
        return slider;
    }

    public double sliderMin() {
        return toSlider(min);
    }

    public double sliderMax() {
        return toSlider(max);
    }

    /** One keyboard step of the slider: 1 on a linear scale, a 1/48 of the range on a log one. */
    public double sliderStep() {
        return scale == Scale.LINEAR ? 1 : (sliderMax() - sliderMin()) / 48;
    }

    /** The number field's text. Bind a TextField to this both ways and call {@link #commitText()} on Enter. */
    public StringProperty textProperty() {
        return text;
    }

    /** Set when the field holds text that is not a whole number; cleared by the next good value. */
    public ReadOnlyObjectProperty<Message> textProblemProperty() {
        return textProblem.getReadOnlyProperty();
    }

    public boolean inRange() {
        return value.get() >= min && value.get() <= max;
    }

    /** Takes the field's text as the new value, or flags it. Grouping marks and full-width digits are accepted. */
    public void commitText() {
        String typed = text.get() == null ? "" : text.get();
        Long parsed = parse(typed);
        if (parsed == null) {
            textProblem.set(Message.of("explorer.problem.notNumber", symbol, typed.strip()));
        } else if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            textProblem.set(Message.of("explorer.problem.range", symbol, format(min), format(max), typed.strip()));
        } else if (parsed.intValue() == value.get()) {
            textProblem.set(null);
            text.set(format(parsed.intValue()));
        } else {
            value.set(parsed.intValue());
        }
    }

    /** Puts the field back to the current value (Escape). */
    public void revertText() {
        textProblem.set(null);
        text.set(format(value.get()));
    }

    public static String format(long v) {
        synchronized (GROUPED) {
            return GROUPED.format(v);
        }
    }

    static Long parse(String s) {
        StringBuilder digits = new StringBuilder();
        boolean negative = false;
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (i == 0 && (c == '-' || c == '\uFF0D' || c == '\u2212')) {
                negative = true;
            } else if (Character.isDigit(c)) {
                digits.append(Character.digit(c, 10));
            } else if (",_ '\u00A0\u202F\u2019\uFF0C".indexOf(c) < 0) {
                return null;
            }
        }
        if (digits.length() == 0) return null;
        if (digits.length() > 12) return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        long v = Long.parseLong(digits.toString());
        return negative ? -v : v;
    }

    private int clamp(int v) {
        return Math.max(min, Math.min(max, v));
    }

    private double toSlider(int v) {
        int c = clamp(v);
        return scale == Scale.LOG ? Math.log10(c) : c;
    }

    private double fromSlider(double pos) {
        return scale == Scale.LOG ? Math.pow(10, pos) : pos;
    }

    // --- snapping rules for values that come from a slider ---

    public static int exact(int v) {
        return v;
    }

    /** Three significant figures: 21,000, 30,000, 128,000. */
    public static int threeSignificant(int v) {
        if (v < 1000) return v;
        int unit = (int) Math.pow(10, (int) Math.floor(Math.log10(v)) - 2);
        return Math.round((float) v / unit) * unit;
    }

    public static IntUnaryOperator multipleOf(int step) {
        return v -> Math.max(step, Math.round((float) v / step) * step);
    }
}
