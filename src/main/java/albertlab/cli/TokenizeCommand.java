package albertlab.cli;

import albertlab.core.io.CheckpointException;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.TextOptions;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code tokenize}: the tokens and ids a real ALBERT (or BERT) tokenizer gives a text, as Hugging Face would. */
final class TokenizeCommand implements Command {

    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public String summary() {
        return "tokenize a text with a model folder's tokenizer (spiece.model, tokenizer.json, vocab.txt)";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("tokenizer", "text", "text-file", "text-pair", "text-pair-file", "max-length");
    }

    @Override
    public Set<String> switches() {
        return Set.of("no-special", "keep-accents", "no-lower-case", "pad", "json", "each-line");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab tokenize --tokenizer PATH (--text TEXT | --text-file FILE [--each-line])
                                           [--text-pair TEXT | --text-pair-file FILE] [--max-length N] [--pad]
                                           [--no-special] [--keep-accents] [--no-lower-case] [--json]
                  PATH: a model folder or its tokenizer file. In a folder, tokenizer.json is used first, then
                  spiece.model, then vocab.txt (as Hugging Face's fast tokenizers do); tokenizer_config.json
                  settings apply.
                  --text-file reads the whole file as UTF-8; with --each-line every line of it is one text
                  (one JVM start for a file of sentences; --json then prints an array, one entry per line,
                  empty lines included, so that entry i is line i + 1). --max-length cuts the text (the longer of a pair
                  first) so that the tokens, special ones included, fit; --pad fills up to it with padding.
                  --no-special leaves out [CLS] and [SEP]; --keep-accents and --no-lower-case change the text
                  handling from what the folder says (albert-base-v2: lower-case, strip accents).
                  --json prints tokenizer, tokens, ids, typeIds, attentionMask and truncated.""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws UsageException, CheckpointException {
        Path path = Path.of(args.require("tokenizer"));
        boolean eachLine = args.flag("each-line");
        if (eachLine && !args.has("text-file")) throw new UsageException("--each-line goes with --text-file");
        if (eachLine && (args.has("text-pair") || args.has("text-pair-file"))) {
            throw new UsageException("--each-line tokenizes single texts: it does not take --text-pair or --text-pair-file");
        }
        String text = text(args, "text", "text-file", true);
        String pair = text(args, "text-pair", "text-pair-file", false);
        int maxLength = args.intValue("max-length", 0);
        if (args.has("max-length") && maxLength < 1) throw new UsageException("--max-length must be at least 1");
        if (args.flag("pad") && maxLength == 0) throw new UsageException("--pad needs --max-length");
        TextOptions textOptions = new TextOptions(args.flag("no-lower-case") ? Boolean.FALSE : null,
                args.flag("keep-accents") ? Boolean.TRUE : null);
        Tokenizer tokenizer = Tokenizers.load(path, textOptions);
        EncodeOptions options = new EncodeOptions(maxLength, !args.flag("no-special"), args.flag("pad"));
        if (eachLine) {
            List<String> lines = text.lines().toList(); // \n, \r\n or \r; a final line break adds no line
            if (args.flag("json")) {
                List<Map<String, Object>> all = new ArrayList<>();
                for (String line : lines) all.add(jsonOf(tokenizer, encode(tokenizer, line, null, options)));
                out.println(Json.GSON.toJson(all));
            } else {
                out.println("tokenizer: " + tokenizer.description());
                for (int i = 0; i < lines.size(); i++) {
                    out.println();
                    out.println("line " + (i + 1));
                    printRows(encode(tokenizer, lines.get(i), null, options), false, maxLength, out);
                }
            }
            return;
        }
        Encoding e = encode(tokenizer, text, pair, options);
        if (args.flag("json")) {
            out.println(Json.GSON.toJson(jsonOf(tokenizer, e)));
        } else {
            out.println("tokenizer: " + tokenizer.description());
            printRows(e, pair != null, maxLength, out);
        }
    }

    private static Encoding encode(Tokenizer tokenizer, String text, String pair, EncodeOptions options)
            throws UsageException {
        try {
            return tokenizer.encode(text, pair, options);
        } catch (IllegalArgumentException tooShort) {
            // the encoder refuses a --max-length that cannot hold the special tokens: the user's choice
            throw new UsageException(tooShort.getMessage());
        }
    }

    private static Map<String, Object> jsonOf(Tokenizer tokenizer, Encoding e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenizer", tokenizer.description());
        m.put("tokens", e.tokens());
        m.put("ids", e.ids());
        m.put("typeIds", e.typeIds());
        m.put("attentionMask", e.attentionMask());
        m.put("truncated", e.truncated());
        return m;
    }

    private static String text(Arguments args, String inline, String file, boolean required)
            throws UsageException, CheckpointException {
        if (args.has(inline) && args.has(file)) {
            throw new UsageException("give --" + inline + " or --" + file + ", not both");
        }
        if (args.has(inline)) return args.get(inline);
        if (args.has(file)) return readUtf8(Path.of(args.get(file)));
        if (required) throw new UsageException("--" + inline + " or --" + file + " is required");
        return null;
    }

    private static String readUtf8(Path file) throws CheckpointException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the text file (" + e.getMessage() + ")", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, "the text file is not UTF-8");
        }
    }

    private static void printRows(Encoding e, boolean pair, int maxLength, PrintStream out) {
        int width = 5;
        for (String t : e.tokens()) width = Math.max(width, printable(t).codePointCount(0, printable(t).length()));
        width = Math.min(width, 40);
        out.printf("%6s  %-" + width + "s %7s%s%n", "index", "token", "id", pair ? "  type" : "");
        for (int i = 0; i < e.length(); i++) {
            String t = printable(e.tokens().get(i));
            int pad = Math.max(0, width - t.codePointCount(0, t.length()));
            out.printf("%6d  %s%s %7d%s%n", i, t, " ".repeat(pad), e.ids()[i], pair ? String.format("%6d", e.typeIds()[i]) : "");
        }
        int real = 0;
        for (int m : e.attentionMask()) real += m;
        out.print(real + " tokens");
        if (real < e.length()) out.print(" + " + (e.length() - real) + " padding");
        if (e.truncated()) out.print(" (the text was cut to fit --max-length " + maxLength + ")");
        out.println();
    }

    /** Control characters shown as \\uXXXX so that a table row stays one line. */
    private static String printable(String token) {
        StringBuilder sb = new StringBuilder();
        token.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
