package albertlab.core.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real poems of chinese-poetry 2.0.1 (全唐诗's first two poems, 登鸛雀樓, 关雎) become Simplified Chinese poem lines;
 * editors' notes go, a poem with lost characters and a second edition of a poem are dropped, an anthology is not read.
 */
class PoetryCorpusTest {

    static final Path FIXTURE = Path.of("src/test/resources/corpus/poetry-package");

    @Test
    void traditionalPoemsBecomeSimplifiedLinesOnePoemPerDocument() throws Exception {
        PackageFiles pkg = PackageFiles.read(FIXTURE, CorpusSource.POETRY, PoetryCorpus::wanted);
        PoetryCorpus.Result r = PoetryCorpus.documents(pkg);
        List<CorpusDocument> docs = r.documents();

        assertEquals(List.of("quantangshi/poet.tang.0.json#/0", "quantangshi/poet.tang.0.json#/1",
                "quantangshi/poet.tang.0.json#/2", "shijing/shijing.json#/0"),
                docs.stream().map(CorpusDocument::id).toList());
        assertEquals(List.of("秦川雄帝宅，函谷壮皇居。", "绮殿千寻起，离宫百雉余。", "连甍遥接汉，飞观迥凌虚。",
                "云日隐层阙，风烟出绮疎。"), docs.get(0).lines());
        assertEquals(List.of("岩廊罢机务，崇文聊驻辇。", "玉匣启龙图，金绳披凤篆。", "韦编断仍续，缥帙舒还卷。",
                "对此乃淹留，欹案观坟典。"), docs.get(1).lines());
        assertEquals(List.of("白日依山尽，黄河入海流。", "欲穷千里目，更上一层楼。"), docs.get(2).lines());
        assertEquals(List.of("关关雎鸠，在河之洲。", "窈窕淑女，君子好逑。", "参差荇菜，左右流之。", "窈窕淑女，寤寐求之。"),
                docs.get(3).lines());
        assertEquals(new PoetryCorpus.Skipped(1, 1), r.skipped());
    }

    @Test
    void anthologiesOfPoemsTheFullCollectionsHoldAreNotRead() {
        assertTrue(PoetryCorpus.wanted("dist/quantangshi/poet.song.254000.json"));
        assertTrue(PoetryCorpus.wanted("dist/songci/ci.song.2019y.json"));
        assertTrue(PoetryCorpus.wanted("dist/mengxue/qianziwen.json"));
        assertTrue(PoetryCorpus.wanted("dist/nalanxingde/纳兰性德诗集.json"));
        assertFalse(PoetryCorpus.wanted("dist/mengxue/tangshisanbaishou.json"));
        assertFalse(PoetryCorpus.wanted("dist/quantangshi/唐诗三百首.json"));
        assertFalse(PoetryCorpus.wanted("dist/songci/宋词三百首.json"));
        assertFalse(PoetryCorpus.wanted("dist/yudingquantangshi/json/001.json"));
        assertFalse(PoetryCorpus.wanted("dist/quantangshi/error/poet.tang.0.json"));
        assertFalse(PoetryCorpus.wanted("dist/strains/json/poet.tang.0.json"));
    }

    @Test
    void openccConvertsPhrasesNotJustCharacters() {
        // one traditional character, two simplified ones: the phrase decides (OpenCC's TSPhrases)
        assertEquals("乾坤", Simplifier.toSimplified("乾坤"));
        assertEquals("头发", Simplifier.toSimplified("頭髮"));
        assertEquals("发展", Simplifier.toSimplified("發展"));
        assertEquals("钟表", Simplifier.toSimplified("鐘錶"));
    }

    @Test
    void notesGoAndPoemsWithLostCharactersAreDropped() {
        assertEquals("白日依山盡，黃河入海流。", PoemLines.clean("白日依山盡（一作「山」），黃河入海流。〖1〗"));
        assertEquals("爽節在重九", PoemLines.clean("[爽]節在重九"));
        assertNull(PoemLines.clean("□□依山盡，黃河入海流。"));
        assertNull(PoemLines.clean("千尺絲輪0直下垂"));
        assertNull(PoemLines.clean("一叢{上休下鳥}數步"));
        assertEquals("", PoemLines.clean("（以上劉瑛整理）。"));
        assertEquals(List.of("子曰：“学而时习之，不亦说乎？”", "有朋自远方来。"),
                PoemLines.split("子曰：“学而时习之，不亦说乎？”有朋自远方来。"));
    }
}
