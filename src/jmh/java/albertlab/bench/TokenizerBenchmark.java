package albertlab.bench;

import albertlab.core.io.CheckpointException;
import albertlab.core.tokenizer.SentencePieceModel;
import albertlab.core.tokenizer.SentencePieceProcessor;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Tokenizing 1 MB of text (seeded: English sentences with numbers and punctuation, one sentence in ten Chinese).
 * The setup prints each tokenizer's token count; tokens per second = that count / (ms per op / 1000). Run from
 * the repository root:
 * {@code java --add-modules jdk.incubator.vector -jar target/benchmarks.jar TokenizerBenchmark}.
 * Paths can be changed with -Dalbertlab.bench.spiece=... and -Dalbertlab.bench.vocab=...
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TokenizerBenchmark {

    static final int ONE_MB = 1 << 20;

    private String text;
    private Tokenizer albert;
    private Tokenizer bert;
    private SentencePieceProcessor rawSentencePiece;

    @Setup(Level.Trial)
    public void setUp() throws CheckpointException {
        Path spiece = Path.of(System.getProperty("albertlab.bench.spiece",
                "src/test/resources/real/albert-base-v2-spm/spiece.model"));
        Path vocab = Path.of(System.getProperty("albertlab.bench.vocab",
                "src/test/resources/real/albert-chinese-vocab/vocab.txt"));
        text = text(ONE_MB, 42);
        albert = Tokenizers.load(spiece);
        bert = Tokenizers.load(vocab);
        rawSentencePiece = new SentencePieceProcessor(SentencePieceModel.read(spiece));
        System.out.printf("%n1 MB text: %,d chars; tokens: spiece.model %,d, vocab.txt %,d, raw SentencePiece %,d%n",
                text.length(), albert.encode(text).length(), bert.encode(text).length(),
                rawSentencePiece.encodeAsIds(text).length);
    }

    /** Hugging Face's ALBERT pipeline over spiece.model (word by word, with its word cache). */
    @Benchmark
    public int albertSpieceModel() {
        return albert.encode(text).length();
    }

    /** BERT WordPiece over the Chinese vocab.txt. */
    @Benchmark
    public int bertWordPiece() {
        return bert.encode(text).length();
    }

    /** Raw SentencePiece: one Viterbi pass over the whole normalized megabyte, no cache. */
    @Benchmark
    public int rawSentencePieceViterbi() {
        return rawSentencePiece.encodeAsIds(text).length;
    }

    /** About {@code bytes} of UTF-8: English sentences (with numbers, commas, questions) and every tenth Chinese. */
    static String text(int bytes, long seed) {
        String[] words = ("the of and to in a is that for it as was with be by on not he this are or his from at "
                + "which but have an they you were her she there one all we their can has more when will would if so "
                + "no what up out who about them some could into than other time only new like then these two may "
                + "first any now such people my over made also after did many most see way where well should even "
                + "language model attention transformer parameters embedding sharing factorized students teacher")
                .split(" ");
        String chinese = "今天天气很好我们一起去公园散步学习语言模型的人工智能研究非常有意思中国北京上海大学老师学生参数共享嵌入";
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(bytes);
        int size = 0;
        while (size < bytes) {
            int start = sb.length();
            if (r.nextInt(10) == 0) {
                int n = 8 + r.nextInt(20);
                for (int i = 0; i < n; i++) sb.append(chinese.charAt(r.nextInt(chinese.length())));
                sb.append("。");
            } else {
                int n = 6 + r.nextInt(14);
                for (int i = 0; i < n; i++) {
                    String w = words[r.nextInt(words.length)];
                    sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                    if (i < n - 1) sb.append(r.nextInt(12) == 0 ? ", " : " ");
                }
                sb.append(r.nextInt(5) == 0 ? "? " : ". ");
                if (r.nextInt(8) == 0) sb.append(r.nextInt(100_000)).append(' ');
            }
            if (r.nextInt(20) == 0) sb.append('\n');
            size += sb.substring(start).getBytes(StandardCharsets.UTF_8).length;
        }
        return sb.toString();
    }
}
