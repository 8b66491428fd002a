package albertlab.core.lesson;

import java.util.Map;

/** Checks a student's answer against the question, numbers against the live computation. */
public final class Answers {

    public enum Verdict { RIGHT, WRONG, NOT_A_NUMBER, NO_VALUE }

    private Answers() {
    }

    /** The number a number question expects now, or NaN when its placeholder has no value. */
    public static double expected(Question q, Map<String, LessonValue> values) {
        String a = q.answer().strip();
        if (a.startsWith("{") && a.endsWith("}")) {
            LessonValue v = values.get(a.substring(1, a.length() - 1));
            return v == null ? Double.NaN : v.answerValue();
        }
        return Double.parseDouble(a);
    }

    private static double unit(Question q, Map<String, LessonValue> values) {
        String a = q.answer().strip();
        LessonValue v = a.startsWith("{") && a.endsWith("}") ? values.get(a.substring(1, a.length() - 1)) : null;
        return v == null ? 1 : v.shownUnit();
    }

    public static Verdict check(Question q, int choice) {
        return choice == q.rightChoice() ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** Accepts "2,786,304", "2786304", "2 786 304", "5.8", "5.8×", "85.1%". */
    public static Verdict check(Question q, String typed, Map<String, LessonValue> values) {
        double expected = expected(q, values);
        if (Double.isNaN(expected)) return Verdict.NO_VALUE;
        Double given = parse(typed, unit(q, values));
        if (given == null) return Verdict.NOT_A_NUMBER;
        double allowed = q.relative() ? Math.abs(expected) * q.tolerance() : q.tolerance();
        return Math.abs(given - expected) <= allowed + 1e-9 ? Verdict.RIGHT : Verdict.WRONG;
    }

    /** @param unit what a number without M or G is counted in (FLOPs shown as "174.8 M": a million) */
    static Double parse(String typed, double unit) {
        String t = typed.strip().replace(",", "").replace("，", "").replace(" ", "").replace("\u00a0", "")
                .replaceAll("[×x%°]$", "");
        boolean suffix = t.matches(".*[MmGg]$");
        double scale = !suffix ? unit : t.endsWith("G") || t.endsWith("g") ? 1e9 : 1e6;
        if (suffix) t = t.substring(0, t.length() - 1);
        if (t.isEmpty()) return null;
        try {
            double d = Double.parseDouble(t);
            // "174789120" is the whole count, "174.8" is in the unit shown
            if (!suffix && Math.abs(d) >= 1e5) scale = 1;
            return Double.isFinite(d) ? d * scale : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
