package albertlab.cli;

import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.LayerSummary;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code forward --json}, streamed: hidden states and attentions of a long input are tens of megabytes, so they go
 * straight to the output instead of through a JSON tree. NaN and infinity are written as is (never dropped).
 */
final class ForwardJson {

    private ForwardJson() {
    }

    /** @param brief leave out the large arrays: embeddingOutput, hiddenStates, attentions, mlmLogits */
    static void write(ForwardReport r, boolean brief, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setStrictness(Strictness.LENIENT); // allows NaN, as the rest of the command line does
        json.setHtmlSafe(false);
        ForwardTrace t = r.trace();
        json.beginObject();
        json.name("model").value(r.model());
        json.name("tokens");
        if (r.tokens() == null) {
            json.nullValue();
        } else {
            json.beginArray();
            for (String s : r.tokens()) json.value(s);
            json.endArray();
        }
        ints(json.name("ids"), t.input().ids());
        ints(json.name("typeIds"), t.input().typeIds());
        ints(json.name("mask"), t.input().mask());
        json.name("truncated").value(r.truncated());
        json.name("schedule").beginArray();
        for (LayerSchedule.Application a : t.schedule()) {
            json.beginObject().name("layer").value(a.layer()).name("group").value(a.group())
                    .name("inner").value(a.inner()).name("attentionSlot").value(a.attentionSlot())
                    .name("ffnSlot").value(a.ffnSlot()).name("extra").value(a.extra()).endObject();
        }
        json.endArray();
        if (!brief) {
            matrix(json.name("embeddingOutput"), t.embeddingOutput());
            json.name("hiddenStates").beginArray();
            for (float[][] h : t.hiddenStates()) matrix(json, h);
            json.endArray();
            json.name("attentions").beginArray();
            for (float[][][] a : t.attentions()) {
                json.beginArray();
                for (float[][] head : a) matrix(json, head);
                json.endArray();
            }
            json.endArray();
        }
        if (t.pooledOutput() != null) floats(json.name("pooledOutput"), t.pooledOutput());
        if (t.mlmLogits() != null) {
            if (!brief) matrix(json.name("mlmLogits"), t.mlmLogits());
            int[] top = r.mlmArgmax();
            json.name("mlmTop").beginArray();
            for (int s = 0; s < top.length; s++) {
                json.beginObject().name("id").value(top[s]).name("token").value(r.piece(top[s]))
                        .name("logit").value(t.mlmLogits()[s][top[s]]).endObject();
            }
            json.endArray();
        }
        if (t.sopLogits() != null) floats(json.name("sopLogits"), t.sopLogits());
        json.name("layerSummaries").beginArray();
        for (LayerSummary s : t.layerSummaries()) {
            json.beginObject().name("cosine").value(s.cosine()).name("angleDegrees").value(s.angleDegrees())
                    .name("l2").value(s.l2()).endObject();
        }
        json.endArray();
        json.name("millis").value(r.millis());
        json.name("runs").value(r.runs());
        json.name("kernel").value(r.kernel());
        strings(json.name("warnings"), r.warnings());
        json.endObject();
        json.flush();
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void ints(JsonWriter json, int[] x) throws IOException {
        json.beginArray();
        for (int v : x) json.value(v);
        json.endArray();
    }

    private static void floats(JsonWriter json, float[] x) throws IOException {
        json.beginArray();
        for (float v : x) json.value(v);
        json.endArray();
    }

    private static void matrix(JsonWriter json, float[][] x) throws IOException {
        json.beginArray();
        for (float[] row : x) floats(json, row);
        json.endArray();
    }

    private static void strings(JsonWriter json, List<String> x) throws IOException {
        json.beginArray();
        for (String s : x) json.value(s);
        json.endArray();
    }
}
