package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classical Chinese verse from npm {@code chinese-poetry}: 全唐诗 and 全宋诗, 宋词, 诗经, 楚辞, 五代诗词 (花间集,
 * 南唐二主词), 元曲, 曹操诗集, 纳兰性德诗集, the 蒙学 primers, 论语 and 四书. One poem (or chapter, or primer)
 * becomes one document, each cleaned ({@link PoemLines}), converted to Simplified Chinese and cut into lines.
 *
 * <p>Left out: anthologies whose poems the full collections already hold (唐诗三百首, 宋词三百首, 千家诗, 水墨唐诗,
 * 御定全唐诗), which would otherwise put a held-out poem into the training text under a second name; the package's
 * list of poems with errors ({@code error/}), author lists, tone patterns ({@code strains/}) and search ranks
 * ({@code rank/}); 幽梦影, which is aphorisms with commentary. Of documents whose Han characters are identical, only
 * the first is kept, for the same reason.
 */
public final class PoetryCorpus {

    private static final Pattern WANTED = Pattern.compile("dist/(?:"
            + "quantangshi/poet\\.(?:tang|song)\\.[0-9]+\\.json"
            + "|songci/ci\\.song\\.[0-9a-z]+\\.json"
            + "|shijing/shijing\\.json|chuci/chuci\\.json|lunyu/lunyu\\.json|sishuwujing/[a-z]+\\.json"
            + "|caocaoshiji/caocao\\.json|nalanxingde/[^/]+\\.json|yuanqu/yuanqu\\.json"
            + "|wudaishici/huajianji/huajianji-[0-9x]-juan\\.json|wudaishici/nantang/poetrys\\.json"
            + "|mengxue/(?!tangshisanbaishou|qianjiashi|sanzijing-new)[a-z-]+\\.json)");

    /** The keys that hold verse; every other key of an object is a title, an author or commentary. */
    private static final List<String> TEXT_KEYS = List.of("paragraphs", "content", "para");
    /** Keys whose arrays are commentary, not verse, and are never entered. */
    private static final Set<String> NOT_VERSE = Set.of("notes", "comment", "abstract", "preface", "biography",
            "prologue", "tags", "spells", "strains");

    /** What was dropped, for the corpus summary. */
    public record Skipped(int unreadablePoems, int duplicates) {
    }

    /** The documents, and how many poems were dropped. */
    public record Result(List<CorpusDocument> documents, Skipped skipped) {
    }

    private PoetryCorpus() {
    }

    public static boolean wanted(String packagePath) {
        return WANTED.matcher(packagePath).matches();
    }

    public static Result documents(PackageFiles pkg) throws CheckpointException {
        Walker walker = new Walker();
        for (Map.Entry<String, byte[]> e : pkg.files().entrySet()) {
            String path = e.getKey();
            if (!wanted(path)) continue;
            JsonElement json;
            try {
                json = JsonParser.parseString(pkg.utf8(path));
            } catch (JsonParseException | IllegalStateException ex) {
                throw pkg.problem(path, "is not valid JSON (" + CheckpointException.firstLine(ex) + ")");
            }
            walker.walk(path.substring("dist/".length()), json, "");
        }
        if (walker.docs.isEmpty()) {
            throw new CheckpointException(pkg.origin(), "has no poems (expected dist/quantangshi/poet.tang.0.json ...)");
        }
        return new Result(walker.docs, new Skipped(walker.unreadable, walker.duplicates));
    }

    /** The lines of one poem given as its paragraphs, or an empty list when it has to be dropped. */
    public static List<String> poemLines(List<String> paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            String cleaned = PoemLines.clean(p);
            if (cleaned == null) return List.of();
            if (cleaned.isEmpty()) continue;
            lines.addAll(PoemLines.split(Simplifier.toSimplified(cleaned)));
        }
        return lines;
    }

    private static final class Walker {
        final List<CorpusDocument> docs = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int unreadable;
        int duplicates;

        void walk(String file, JsonElement e, String pointer) {
            if (e.isJsonArray()) {
                JsonArray a = e.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) walk(file, a.get(i), pointer + "/" + i);
            } else if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                List<String> verse = verse(o);
                if (verse != null) {
                    add(file + "#" + (pointer.isEmpty() ? "/" : pointer), verse);
                    return;
                }
                for (Map.Entry<String, JsonElement> kv : o.entrySet()) {
                    if (!NOT_VERSE.contains(kv.getKey()) && !kv.getValue().isJsonPrimitive()) {
                        walk(file, kv.getValue(), pointer + "/" + kv.getKey());
                    }
                }
            }
        }

        // an object is a poem when one of the text keys holds a list of strings
        private static List<String> verse(JsonObject o) {
            for (String key : TEXT_KEYS) {
                JsonElement v = o.get(key);
                if (v == null || !v.isJsonArray() || v.getAsJsonArray().isEmpty()) continue;
                List<String> out = new ArrayList<>();
                for (JsonElement x : v.getAsJsonArray()) {
                    if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) return null;
                    out.add(x.getAsString());
                }
                return out;
            }
            return null;
        }

        private void add(String id, List<String> paragraphs) {
            List<String> lines = poemLines(paragraphs);
            if (lines.isEmpty()) {
                unreadable++;
                return;
            }
            if (!seen.add(hanKey(lines))) {
                duplicates++;
                return;
            }
            docs.add(new CorpusDocument(id, lines));
        }
    }

    // two editions of one poem that differ only in punctuation are one poem
    static String hanKey(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            line.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    .forEach(sb::appendCodePoint);
        }
        return sb.toString();
    }
}
